//! Weighting by raking (iterative proportional fitting) to population margins, as
//! measures.md defines it. Respondents who share a ward, age band and sex always end with
//! the same weight, so raking works on the small grid of those combinations, not on each
//! respondent: the cost does not grow with the number of responses.

use super::data::Population;
use super::grid::Grid;

pub const MAX_ROUNDS: u32 = 100;
pub const TOLERANCE: f64 = 1e-6;

#[derive(Clone, Debug, PartialEq)]
pub struct RakingReport {
    pub rounds: u32,
    pub converged: bool,
}

/// Targets for one margin: known categories get their population times (1 - u), the unknown
/// category u times the total, where u is the unweighted share of respondents unknown there.
fn targets(population: &[f64], respondents: &[f64]) -> Vec<f64> {
    let total_resp: f64 = respondents.iter().sum();
    let unknown = *respondents.last().unwrap_or(&0.0);
    let u = if total_resp > 0.0 {
        unknown / total_resp
    } else {
        0.0
    };
    let t: f64 = population.iter().sum();
    let mut out: Vec<f64> = population.iter().map(|p| p * (1.0 - u)).collect();
    out.push(u * t);
    out
}

/// Weighted totals of one margin's categories (the last is "unknown").
fn margin_totals(grid: &Grid, counts: &[f64], weights: &[f64], margin: usize) -> Vec<f64> {
    let mut totals = vec![0.0; grid.margin_len(margin)];
    for f in 0..grid.len() {
        totals[grid.category(f, margin)] += counts[f] * weights[f];
    }
    totals
}

fn within_tolerance(totals: &[f64], targets: &[f64]) -> bool {
    totals.iter().zip(targets).all(|(got, want)| {
        if *want == 0.0 {
            *got == 0.0
        } else {
            ((got - want) / want).abs() <= TOLERANCE
        }
    })
}

/// Rakes weights on the grid: `counts[f]` respondents in each cell. Returns a weight per
/// cell (each respondent in the cell carries it) and how the fitting went.
pub fn rake(grid: &Grid, counts: &[f64], population: &Population) -> (Vec<f64>, RakingReport) {
    let margins = [0, 1, 2];
    let pop: [&[f64]; 3] = [&population.ward, &population.age, &population.sex];
    let unweighted: Vec<Vec<f64>> = margins
        .iter()
        .map(|&m| margin_totals(grid, counts, &vec![1.0; grid.len()], m))
        .collect();
    let goal: Vec<Vec<f64>> = margins
        .iter()
        .map(|&m| targets(pop[m], &unweighted[m]))
        .collect();

    let mut weights = vec![1.0; grid.len()];
    for round in 1..=MAX_ROUNDS {
        for &m in &margins {
            let totals = margin_totals(grid, counts, &weights, m);
            let factors: Vec<f64> = totals
                .iter()
                .zip(&goal[m])
                .map(|(got, want)| if *got > 0.0 { want / got } else { 1.0 })
                .collect();
            for (f, w) in weights.iter_mut().enumerate() {
                *w *= factors[grid.category(f, m)];
            }
        }
        let converged = margins
            .iter()
            .all(|&m| within_tolerance(&margin_totals(grid, counts, &weights, m), &goal[m]));
        if converged {
            return (
                weights,
                RakingReport {
                    rounds: round,
                    converged: true,
                },
            );
        }
    }
    (
        weights,
        RakingReport {
            rounds: MAX_ROUNDS,
            converged: false,
        },
    )
}

/// The weighted margin totals and their targets, for tests and reports.
pub fn margins_and_targets(
    grid: &Grid,
    counts: &[f64],
    weights: &[f64],
    population: &Population,
) -> Vec<(Vec<f64>, Vec<f64>)> {
    let pop: [&[f64]; 3] = [&population.ward, &population.age, &population.sex];
    (0..3)
        .map(|m| {
            let unweighted = margin_totals(grid, counts, &vec![1.0; grid.len()], m);
            (
                margin_totals(grid, counts, weights, m),
                targets(pop[m], &unweighted),
            )
        })
        .collect()
}

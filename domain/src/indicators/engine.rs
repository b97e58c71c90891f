//! Computes every indicator for every cell of a wave: counts per grid cell, optional raking,
//! estimates with intervals, disclosure control over the whole wave, and change since the
//! baseline.

use serde::{Deserialize, Serialize};

use super::cells::{Breakdown, CellId, CellIndex, Level};
use super::data::{Areas, ItemColumn, Population, Responses, NO_ANSWER};
use super::definitions::{IndicatorDef, Rule};
use super::grid::Grid;
use super::raking::{rake, RakingReport};
use super::stats::{self, Change};
use super::suppression::{lines, suppress};

/// The smallest disclosure threshold measures.md allows.
pub const MIN_THRESHOLD: u32 = 5;
/// Published cells with a base below this carry the low-base flag.
pub const LOW_BASE: u64 = 30;
/// Answers are coded below this; anything else counts as no answer.
const CODES: usize = 32;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub threshold: u32,
    pub weighted: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            threshold: 10,
            weighted: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    #[error("the disclosure threshold must be at least {MIN_THRESHOLD}, not {0}")]
    ThresholdTooLow(u32),
    #[error("weighting is on but no population totals have been loaded")]
    NoPopulation,
    #[error("population totals are for {0} wards but there are {1}")]
    PopulationMismatch(usize, usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellResult {
    /// Index into the definitions given.
    pub indicator: usize,
    pub id: CellId,
    pub n: u64,
    pub n_eff: f64,
    pub estimate: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    /// The standard deviation (for means) used by the change test.
    pub sd: f64,
    pub withheld: bool,
    pub low_base: bool,
    pub change: Option<Change>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WaveResult {
    pub respondents: usize,
    /// n_eff / n over all respondents: 1 when unweighted.
    pub weighting_efficiency: f64,
    pub raking: Option<RakingReport>,
    /// Every indicator's cells, indicator by indicator, each in cell index order.
    pub cells: Vec<CellResult>,
}

/// Sums that make a cell's figures; all add up over grid cells.
#[derive(Clone, Copy, Debug, Default)]
struct Sums {
    n: u64,
    sw: f64,
    sw2: f64,
    swy: f64,
    swy2: f64,
}

/// Counts of each coded answer of one item, per grid cell.
fn histogram(column: &ItemColumn, grid_of: &[u32], grid_len: usize) -> Vec<u32> {
    let mut h = vec![0u32; grid_len * CODES];
    for (&f, &v) in grid_of.iter().zip(&column.values) {
        if (v as usize) < CODES && v != NO_ANSWER {
            h[f as usize * CODES + v as usize] += 1;
        }
    }
    h
}

/// The value of coded answer `code` under a rule: the score for a mean, 1 or 0 for a share.
/// None when the code is not a valid answer of the item.
fn rule_values(def: &IndicatorDef, column: &ItemColumn) -> Vec<Option<f64>> {
    (0..CODES)
        .map(|code| match (&def.rule, column.scale) {
            (Rule::Mean, Some(_)) => Some(code as f64),
            (Rule::ShareInRange { min, max }, Some(_)) => {
                Some(if (*min..=*max).contains(&(code as i32)) {
                    1.0
                } else {
                    0.0
                })
            }
            (Rule::ShareOf { options }, None) => {
                column
                    .options
                    .get(code)
                    .map(|key| if options.contains(key) { 1.0 } else { 0.0 })
            }
            _ => None,
        })
        .collect()
}

pub fn compute(
    responses: &Responses,
    areas: &Areas,
    population: Option<&Population>,
    defs: &[IndicatorDef],
    settings: &Settings,
) -> Result<WaveResult, EngineError> {
    if settings.threshold < MIN_THRESHOLD {
        return Err(EngineError::ThresholdTooLow(settings.threshold));
    }
    let grid = Grid {
        wards: areas.wards.len(),
    };
    let grid_of: Vec<u32> = (0..responses.len())
        .map(|i| grid.index(responses.ward[i], responses.age[i], responses.sex[i]) as u32)
        .collect();
    let mut counts = vec![0.0; grid.len()];
    for &f in &grid_of {
        counts[f as usize] += 1.0;
    }

    let (weights, raking) = if settings.weighted {
        let pop = population.ok_or(EngineError::NoPopulation)?;
        if pop.ward.len() != areas.wards.len() {
            return Err(EngineError::PopulationMismatch(
                pop.ward.len(),
                areas.wards.len(),
            ));
        }
        let (w, report) = rake(&grid, &counts, pop);
        (w, Some(report))
    } else {
        (vec![1.0; grid.len()], None)
    };
    let (sw, sw2) = counts
        .iter()
        .zip(&weights)
        .fold((0.0, 0.0), |(a, b), (c, w)| (a + c * w, b + c * w * w));
    let n_all = responses.len() as f64;
    let weighting_efficiency = if n_all > 0.0 && sw2 > 0.0 {
        sw * sw / sw2 / n_all
    } else {
        1.0
    };

    // One histogram per item that some indicator uses, built on both cores.
    let mut items: Vec<&ItemColumn> = Vec::new();
    for d in defs {
        if let Some(c) = responses.item(&d.item) {
            if !items.iter().any(|i| i.key == c.key) {
                items.push(c);
            }
        }
    }
    let histograms: Vec<Vec<u32>> = std::thread::scope(|s| {
        let half = items.len().div_ceil(2);
        let (a, b) = items.split_at(half);
        let (grid_of, len) = (&grid_of, grid.len());
        let other = s.spawn(move || {
            b.iter()
                .map(|c| histogram(c, grid_of, len))
                .collect::<Vec<_>>()
        });
        let mut out: Vec<Vec<u32>> = a.iter().map(|c| histogram(c, grid_of, len)).collect();
        out.extend(other.join().expect("histogram thread"));
        out
    });

    let index = CellIndex::new(areas);
    let all_lines = lines(areas);
    let threshold = settings.threshold as u64;
    let mut cells = Vec::with_capacity(defs.len() * index.len());
    for (d, def) in defs.iter().enumerate() {
        let Some(item_pos) = items.iter().position(|c| c.key == def.item) else {
            // No such item in this wave (a question the survey does not ask): no cells.
            continue;
        };
        let column = items[item_pos];
        let hist = &histograms[item_pos];
        let values = rule_values(def, column);
        let sums = roll_up(&grid, &index, areas, hist, &values, &weights);
        let n: Vec<u64> = sums.iter().map(|s| s.n).collect();
        let withheld = suppress(&n, threshold, &all_lines);
        let bounds = match (&def.rule, column.scale) {
            (Rule::Mean, Some((lo, hi))) => (lo as f64, hi as f64),
            _ => (0.0, 1.0),
        };
        for (pos, s) in sums.iter().enumerate() {
            cells.push(figures(
                d,
                index.id(pos),
                s,
                withheld[pos],
                def.rule.is_mean(),
                bounds,
            ));
        }
    }
    Ok(WaveResult {
        respondents: responses.len(),
        weighting_efficiency,
        raking,
        cells,
    })
}

/// Adds each grid cell's answers into every published cell that holds it.
fn roll_up(
    grid: &Grid,
    index: &CellIndex,
    areas: &Areas,
    hist: &[u32],
    values: &[Option<f64>],
    weights: &[f64],
) -> Vec<Sums> {
    let mut sums = vec![Sums::default(); index.len()];
    for f in 0..grid.len() {
        let w = weights[f];
        let mut s = Sums::default();
        for (code, value) in values.iter().enumerate() {
            let c = hist[f * CODES + code];
            if c == 0 {
                continue;
            }
            let Some(y) = value else { continue };
            let c64 = c as f64;
            s.n += c as u64;
            s.sw += c64 * w;
            s.sw2 += c64 * w * w;
            s.swy += c64 * w * y;
            s.swy2 += c64 * w * y * y;
        }
        if s.n == 0 {
            continue;
        }
        let (ward, age, sex) = grid.slots(f);
        let mut breakdowns = vec![Breakdown::None];
        if age < 7 {
            breakdowns.push(Breakdown::Age(age as u8));
        }
        if sex < 2 {
            breakdowns.push(Breakdown::Sex(sex as u8));
        }
        let mut areas_of = vec![(Level::All, 0)];
        if ward < grid.wards {
            areas_of.push((Level::Ward, ward));
            areas_of.push((Level::Group, areas.wards[ward].group));
        }
        for &(level, area) in &areas_of {
            for &breakdown in &breakdowns {
                let t = &mut sums[index.position(CellId {
                    level,
                    area,
                    breakdown,
                })];
                t.n += s.n;
                t.sw += s.sw;
                t.sw2 += s.sw2;
                t.swy += s.swy;
                t.swy2 += s.swy2;
            }
        }
    }
    sums
}

fn figures(
    indicator: usize,
    id: CellId,
    s: &Sums,
    withheld: bool,
    mean: bool,
    bounds: (f64, f64),
) -> CellResult {
    let n_eff = if s.sw2 > 0.0 {
        s.sw * s.sw / s.sw2
    } else {
        0.0
    };
    let estimate = if s.sw > 0.0 { s.swy / s.sw } else { 0.0 };
    let (ci_low, ci_high, sd) = if s.sw <= 0.0 {
        (bounds.0, bounds.1, 0.0)
    } else if mean {
        let var = (s.swy2 / s.sw - estimate * estimate).max(0.0);
        if n_eff > 1.0 {
            let sd = (var * n_eff / (n_eff - 1.0)).sqrt();
            let half = stats::t975(n_eff - 1.0) * sd / n_eff.sqrt();
            (
                (estimate - half).max(bounds.0),
                (estimate + half).min(bounds.1),
                sd,
            )
        } else {
            (bounds.0, bounds.1, 0.0)
        }
    } else {
        let (lo, hi) = stats::wilson(estimate, n_eff);
        (
            lo.min(estimate),
            hi.max(estimate),
            (estimate * (1.0 - estimate)).sqrt(),
        )
    };
    CellResult {
        indicator,
        id,
        n: s.n,
        n_eff,
        estimate,
        ci_low,
        ci_high,
        sd,
        withheld,
        low_base: !withheld && s.n < LOW_BASE,
        change: None,
    }
}

/// Sets each cell's change since the baseline wave: only where the cell is published in
/// both. `same_cell` finds the baseline cell matching a current one (by indicator key, area
/// code and breakdown), since waves may differ in their indicators or areas.
pub fn attach_change(
    current: &mut WaveResult,
    defs: &[IndicatorDef],
    baseline_cell: impl Fn(&CellResult) -> Option<CellResult>,
) {
    for cell in current.cells.iter_mut() {
        if cell.withheld {
            continue;
        }
        let Some(base) = baseline_cell(cell) else {
            continue;
        };
        if base.withheld {
            continue;
        }
        cell.change = Some(if defs[cell.indicator].rule.is_mean() {
            stats::mean_change(
                cell.estimate,
                cell.sd,
                cell.n_eff,
                base.estimate,
                base.sd,
                base.n_eff,
            )
        } else {
            stats::share_change(cell.estimate, cell.n_eff, base.estimate, base.n_eff)
        });
    }
}

//! Property tests and hand-worked cases for the engine.

use proptest::prelude::*;

use super::cells::{Breakdown, CellId, CellIndex, Level};
use super::data::*;
use super::definitions::{IndicatorDef, Rule, Theme};
use super::engine::{attach_change, compute, Settings};
use super::grid::Grid;
use super::raking::{margins_and_targets, rake};
use super::stats::Change;
use super::suppression::lines;

fn areas() -> Areas {
    Areas::new(
        vec![
            GroupDef {
                code: "G1".into(),
                name: "North".into(),
            },
            GroupDef {
                code: "G2".into(),
                name: "South".into(),
            },
        ],
        vec![
            ("W1".into(), "Ward one".into(), "G1".into()),
            ("W2".into(), "Ward two".into(), "G1".into()),
            ("W3".into(), "Ward three".into(), "G1".into()),
            ("W4".into(), "Ward four".into(), "G2".into()),
            ("W5".into(), "Ward five".into(), "G2".into()),
        ],
    )
}

fn defs() -> Vec<IndicatorDef> {
    vec![
        IndicatorDef {
            key: "score_mean".into(),
            label: "Mean".into(),
            item: "score".into(),
            rule: Rule::Mean,
            theme: Theme::Healthier,
            higher_is_better: true,
        },
        IndicatorDef {
            key: "score_low".into(),
            label: "Low".into(),
            item: "score".into(),
            rule: Rule::ShareInRange { min: 0, max: 4 },
            theme: Theme::Healthier,
            higher_is_better: false,
        },
        IndicatorDef {
            key: "choice_yes".into(),
            label: "Yes".into(),
            item: "choice".into(),
            rule: Rule::ShareOf {
                options: vec!["yes".into()],
            },
            theme: Theme::Fairer,
            higher_is_better: true,
        },
    ]
}

type Row = (u16, u8, u8, u8, u8);

/// (ward or unknown, age or unknown, sex or unknown, score or none, choice or none)
fn rows(max: usize) -> impl Strategy<Value = Vec<Row>> {
    let ward = prop_oneof![9 => 0u16..5, 1 => Just(UNKNOWN_WARD)];
    let age = prop_oneof![9 => 0u8..7, 1 => Just(UNKNOWN)];
    let sex = prop_oneof![9 => 0u8..2, 1 => Just(UNKNOWN)];
    let score = prop_oneof![9 => 0u8..=10, 1 => Just(NO_ANSWER)];
    let choice = prop_oneof![9 => 0u8..2, 1 => Just(NO_ANSWER)];
    prop::collection::vec((ward, age, sex, score, choice), 0..max)
}

fn responses(rows: &[Row]) -> Responses {
    let mut r = Responses::default();
    r.add_item("score", vec![], Some((0, 10)));
    r.add_item("choice", vec!["yes".into(), "no".into()], None);
    for &(w, a, s, score, choice) in rows {
        let i = r.push_respondent(w, a, s);
        r.items[0].values[i] = score;
        r.items[1].values[i] = choice;
    }
    r
}

fn population() -> Population {
    let mut p = Population::empty(5);
    for w in 0..5 {
        for a in 0..7 {
            for s in 0..2 {
                p.add(w, a, s, (100 + 37 * w + 11 * a + 5 * s) as f64);
            }
        }
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_published_cell_is_below_the_threshold(rows in rows(600), threshold in 5u32..20) {
        let r = compute(&responses(&rows), &areas(), None, &defs(), &Settings { threshold, weighted: false }).unwrap();
        for c in &r.cells {
            prop_assert!(c.withheld || c.n >= threshold as u64);
        }
    }

    #[test]
    fn no_line_has_exactly_one_withheld_cell(rows in rows(600), weighted in any::<bool>()) {
        let a = areas();
        let pop = population();
        let r = compute(&responses(&rows), &a, Some(&pop), &defs(), &Settings { threshold: 10, weighted }).unwrap();
        let per = CellIndex::new(&a).len();
        for d in 0..defs().len() {
            let cells = &r.cells[d * per..(d + 1) * per];
            for line in lines(&a) {
                let withheld = std::iter::once(line.parent)
                    .chain(line.children.iter().copied())
                    .filter(|&c| cells[c].withheld)
                    .count();
                prop_assert_ne!(withheld, 1);
            }
        }
    }

    #[test]
    fn unweighted_estimates_are_plain_counts_and_means(rows in rows(400)) {
        let a = areas();
        let r = compute(&responses(&rows), &a, None, &defs(), &Settings::default()).unwrap();
        let index = CellIndex::new(&a);
        let per = index.len();
        for (pos, cell) in r.cells[..per].iter().enumerate() {
            let id = index.id(pos);
            let members: Vec<&Row> = rows.iter().filter(|row| in_cell(&a, id, row)).collect();
            let scores: Vec<f64> = members.iter().filter(|r| r.3 != NO_ANSWER).map(|r| r.3 as f64).collect();
            prop_assert_eq!(cell.n, scores.len() as u64);
            if !scores.is_empty() {
                let mean = scores.iter().sum::<f64>() / scores.len() as f64;
                prop_assert!((cell.estimate - mean).abs() < 1e-9);
                prop_assert!((cell.n_eff - scores.len() as f64).abs() < 1e-9);
                let low = &r.cells[per + pos];
                let share = scores.iter().filter(|s| **s <= 4.0).count() as f64 / scores.len() as f64;
                prop_assert!((low.estimate - share).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn every_interval_lies_in_the_scale_and_holds_its_estimate(rows in rows(300), weighted in any::<bool>()) {
        let pop = population();
        let r = compute(&responses(&rows), &areas(), Some(&pop), &defs(), &Settings { threshold: 5, weighted }).unwrap();
        for c in r.cells.iter().filter(|c| c.n > 0) {
            let (lo, hi) = if c.indicator == 0 { (0.0, 10.0) } else { (0.0, 1.0) };
            prop_assert!(lo <= c.ci_low && c.ci_high <= hi, "{c:?}");
            prop_assert!(c.ci_low <= c.estimate + 1e-12 && c.estimate <= c.ci_high + 1e-12, "{c:?}");
        }
    }

    #[test]
    fn raking_meets_every_margin(rows in rows(800)) {
        // Feasible only when every category has respondents: add one of each.
        let mut rows = rows;
        for w in 0..5u16 { for a in 0..7u8 { for s in 0..2u8 { rows.push((w, a, s, 5, 0)); } } }
        let grid = Grid { wards: 5 };
        let r = responses(&rows);
        let mut counts = vec![0.0; grid.len()];
        for i in 0..r.len() {
            counts[grid.index(r.ward[i], r.age[i], r.sex[i])] += 1.0;
        }
        let (weights, report) = rake(&grid, &counts, &population());
        prop_assert!(report.converged, "{report:?}");
        for (got, want) in margins_and_targets(&grid, &counts, &weights, &population()) {
            for (g, w) in got.iter().zip(&want) {
                prop_assert!((g - w).abs() <= 1e-6 * w.max(1.0), "{g} vs {w}");
            }
        }
    }
}

fn in_cell(a: &Areas, id: CellId, row: &Row) -> bool {
    let (w, age, sex, ..) = *row;
    let area_ok = match id.level {
        Level::All => true,
        Level::Ward => w as usize == id.area,
        Level::Group => w != UNKNOWN_WARD && a.wards[w as usize].group == id.area,
    };
    let breakdown_ok = match id.breakdown {
        Breakdown::None => true,
        Breakdown::Age(x) => age == x,
        Breakdown::Sex(x) => sex == x,
    };
    area_ok && breakdown_ok
}

fn cell<'a>(
    r: &'a super::engine::WaveResult,
    a: &Areas,
    indicator: usize,
    id: CellId,
) -> &'a super::engine::CellResult {
    let index = CellIndex::new(a);
    &r.cells[indicator * index.len() + index.position(id)]
}

const ALL: CellId = CellId {
    level: Level::All,
    area: 0,
    breakdown: Breakdown::None,
};

#[test]
fn golden_unweighted_mean_share_and_intervals() {
    // Twelve respondents in ward one: scores 2, 4, 6, 8 three times each.
    let rows: Vec<Row> = (0..12)
        .map(|i| (0, 0, 0, [2, 4, 6, 8][i % 4], (i % 3 == 0) as u8))
        .collect();
    let a = areas();
    let r = compute(&responses(&rows), &a, None, &defs(), &Settings::default()).unwrap();
    let mean = cell(&r, &a, 0, ALL);
    assert_eq!(mean.n, 12);
    assert!((mean.estimate - 5.0).abs() < 1e-12);
    // s^2 = (sum (y - 5)^2 / 12) * 12 / 11 = 60 / 11; t(0.975, 11) = 2.200985.
    let half = 2.200985 * (60.0f64 / 11.0).sqrt() / 12f64.sqrt();
    assert!((mean.ci_low - (5.0 - half)).abs() < 1e-5, "{}", mean.ci_low);
    assert!(mean.low_base, "10 <= n < 30 is a low base");
    let low = cell(&r, &a, 1, ALL);
    assert!((low.estimate - 0.5).abs() < 1e-12);
    // "yes" is option 0; rows with i % 3 == 0 chose option 1, "no": 8 of 12 said yes.
    let yes = cell(&r, &a, 2, ALL);
    assert!((yes.estimate - 8.0 / 12.0).abs() < 1e-12);
}

#[test]
fn golden_raking_two_categories() {
    // Ward one: 30 women, 10 men; population 50 women, 50 men in ward one only.
    let mut rows: Vec<Row> = vec![(0, 0, 0, 10, 0); 30];
    rows.extend(vec![(0, 0, 1, 0, 1); 10]);
    let mut pop = Population::empty(5);
    pop.add(0, 0, 0, 50.0);
    pop.add(0, 0, 1, 50.0);
    let a = areas();
    let r = compute(
        &responses(&rows),
        &a,
        Some(&pop),
        &defs(),
        &Settings {
            threshold: 5,
            weighted: true,
        },
    )
    .unwrap();
    assert!(r.raking.as_ref().unwrap().converged);
    // Women weigh 50/30, men 50/10: the weighted mean score is (50 * 10 + 50 * 0) / 100 = 5.
    let mean = cell(&r, &a, 0, ALL);
    assert!((mean.estimate - 5.0).abs() < 1e-9, "{}", mean.estimate);
    // n_eff = (sum w)^2 / sum w^2 = 100^2 / (30 (5/3)^2 + 10 * 25) = 10000 / 333.33 = 30.
    assert!((mean.n_eff - 30.0).abs() < 1e-9, "{}", mean.n_eff);
    assert!((r.weighting_efficiency - 0.75).abs() < 1e-9);
}

#[test]
fn golden_unknown_category_keeps_its_share() {
    // Half the respondents did not give their sex: the unknown category keeps half the total.
    let mut rows: Vec<Row> = vec![(0, 0, 0, 8, 0); 20];
    rows.extend(vec![(0, 0, UNKNOWN, 2, 0); 20]);
    let mut pop = Population::empty(5);
    pop.add(0, 0, 0, 60.0);
    pop.add(0, 0, 1, 40.0);
    let grid = Grid { wards: 5 };
    let r = responses(&rows);
    let mut counts = vec![0.0; grid.len()];
    for i in 0..r.len() {
        counts[grid.index(r.ward[i], r.age[i], r.sex[i])] += 1.0;
    }
    let (weights, _) = rake(&grid, &counts, &pop);
    let sex_margin = &margins_and_targets(&grid, &counts, &weights, &pop)[2];
    assert!(
        (sex_margin.1[2] - 50.0).abs() < 1e-9,
        "unknown target is u * T"
    );
    assert!(
        (sex_margin.1[0] - 30.0).abs() < 1e-9,
        "female target is 60 * (1 - u)"
    );
}

#[test]
fn golden_change_since_baseline() {
    let a = areas();
    let high: Vec<Row> = (0..200).map(|i| (0, 0, 0, 7 + (i % 3) as u8, 0)).collect();
    let low: Vec<Row> = (0..200).map(|i| (0, 0, 0, 4 + (i % 3) as u8, 1)).collect();
    let base = compute(&responses(&low), &a, None, &defs(), &Settings::default()).unwrap();
    let mut now = compute(&responses(&high), &a, None, &defs(), &Settings::default()).unwrap();
    let d = defs();
    attach_change(&mut now, &d, |c| {
        base.cells
            .iter()
            .find(|b| b.indicator == c.indicator && b.id == c.id)
            .cloned()
    });
    assert_eq!(cell(&now, &a, 0, ALL).change, Some(Change::Increase));
    assert_eq!(cell(&now, &a, 1, ALL).change, Some(Change::Decrease));
    assert_eq!(cell(&now, &a, 2, ALL).change, Some(Change::Increase));
    // Cells withheld in either wave get no change: ward two has nobody.
    let empty = CellId {
        level: Level::Ward,
        area: 1,
        breakdown: Breakdown::None,
    };
    assert_eq!(cell(&now, &a, 0, empty).change, None);
}

#[test]
fn the_threshold_is_never_below_five() {
    assert!(compute(
        &responses(&[]),
        &areas(),
        None,
        &defs(),
        &Settings {
            threshold: 4,
            weighted: false
        }
    )
    .is_err());
    assert!(compute(
        &responses(&[]),
        &areas(),
        None,
        &defs(),
        &Settings {
            threshold: 10,
            weighted: true
        }
    )
    .is_err());
}

//! Progress over time. With five or more consecutive annual points, OHID Fingertips' recent
//! trend over the latest five: the chi-square test for trend (Cochran-Armitage) for
//! proportions with counts, otherwise a regression weighted by the inverse variance each
//! point's interval implies; significant at 99.8%. With fewer points, the change from the
//! baseline to the latest period, tested two-sided at 95% where both have intervals.

use serde::{Deserialize, Serialize};

use super::compare::{judged, Comparison};
use super::{Estimate, Measure, Period, Polarity};
use crate::indicators::stats::{Z95, Z998};

/// How many of the latest consecutive annual points a trend uses.
pub const TREND_POINTS: usize = 5;

/// One period's figure for the trend tests.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendPoint {
    pub period: Period,
    /// None when withheld.
    pub estimate: Option<Estimate>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
}

/// Whether a significant move is for the better, the worse, or not judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Better,
    Worse,
    NotJudged,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Increasing(Direction),
    Decreasing(Direction),
    NoSignificantChange,
    CannotBeCalculated(TrendWhy),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendWhy {
    /// Fewer than five consecutive annual points.
    TooFewPoints,
    /// One of the five is withheld or missing.
    MissingValue,
    /// Neither counts (for a proportion) nor intervals for every point.
    NoIntervals,
}

/// The change from the baseline to the latest period, with fewer than five points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Improved,
    NoClearChange,
    Worsened,
    /// Significant, for an indicator with no judgement.
    Increased,
    Decreased,
    NotAssessed(ChangeWhy),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeWhy {
    /// Only one period so far: the baseline is the latest.
    OnlyBaseline,
    /// The baseline or the latest value is withheld or missing.
    MissingValue,
    /// Either has no 95% interval.
    NoIntervals,
}

/// A trend where there are enough points, else the change since the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Trend(Trend),
    Change(Change),
}

fn direction(up: bool, polarity: Polarity) -> Direction {
    match judged(up, polarity) {
        Comparison::Better => Direction::Better,
        Comparison::Worse => Direction::Worse,
        _ => Direction::NotJudged,
    }
}

/// The latest run of consecutive annual points, oldest first.
fn latest_run(points: &[TrendPoint]) -> Vec<TrendPoint> {
    let mut annual: Vec<TrendPoint> = points
        .iter()
        .filter(|p| p.period.is_annual())
        .copied()
        .collect();
    annual.sort_by_key(|p| p.period.start);
    let mut run: Vec<TrendPoint> = Vec::new();
    for p in annual.into_iter().rev() {
        match run.last() {
            Some(later) if p.period.next_year() != later.period => break,
            _ => run.push(p),
        }
    }
    run.reverse();
    run
}

/// The chi-square test for trend in proportions r_i / n_i at times 1..k: its z.
fn cochran_armitage(counts: &[(f64, f64)]) -> Option<f64> {
    let big_n: f64 = counts.iter().map(|(_, n)| n).sum();
    let big_r: f64 = counts.iter().map(|(r, _)| r).sum();
    if big_n <= 0.0 {
        return None;
    }
    let p = big_r / big_n;
    let t = |i: usize| (i + 1) as f64;
    let stat: f64 = counts
        .iter()
        .enumerate()
        .map(|(i, (r, n))| t(i) * (r - n * p))
        .sum();
    let snt2: f64 = counts
        .iter()
        .enumerate()
        .map(|(i, (_, n))| n * t(i) * t(i))
        .sum();
    let snt: f64 = counts.iter().enumerate().map(|(i, (_, n))| n * t(i)).sum();
    let var = p * (1.0 - p) * (snt2 - snt * snt / big_n);
    (var > 0.0).then(|| stat / var.sqrt())
}

/// The slope of a regression of value on time weighted by 1/se^2, over its standard error.
fn weighted_slope_z(points: &[(f64, f64)]) -> Option<f64> {
    let w: Vec<f64> = points.iter().map(|(_, se)| 1.0 / (se * se)).collect();
    let sw: f64 = w.iter().sum();
    if !sw.is_finite() || sw <= 0.0 {
        return None;
    }
    let t = |i: usize| (i + 1) as f64;
    let tbar: f64 = w.iter().enumerate().map(|(i, w)| w * t(i)).sum::<f64>() / sw;
    let ybar: f64 = w.iter().zip(points).map(|(w, (y, _))| w * y).sum::<f64>() / sw;
    let sxx: f64 = w
        .iter()
        .enumerate()
        .map(|(i, w)| w * (t(i) - tbar).powi(2))
        .sum();
    let sxy: f64 = w
        .iter()
        .zip(points)
        .enumerate()
        .map(|(i, (w, (y, _)))| w * (t(i) - tbar) * (y - ybar))
        .sum();
    (sxx > 0.0).then(|| (sxy / sxx) * sxx.sqrt())
}

/// Fingertips' recent trend over the latest five consecutive annual points.
pub fn trend(points: &[TrendPoint], measure: Measure, polarity: Polarity) -> Trend {
    let run = latest_run(points);
    if run.len() < TREND_POINTS {
        return Trend::CannotBeCalculated(TrendWhy::TooFewPoints);
    }
    let last = &run[run.len() - TREND_POINTS..];
    if last.iter().any(|p| p.estimate.is_none()) {
        return Trend::CannotBeCalculated(TrendWhy::MissingValue);
    }
    let counts: Option<Vec<(f64, f64)>> = last
        .iter()
        .map(|p| match (p.count, p.denominator) {
            (Some(r), Some(n)) if n > 0.0 && (0.0..=n).contains(&r) => Some((r, n)),
            _ => None,
        })
        .collect();
    let z = match (measure, counts) {
        (Measure::Proportion, Some(counts)) => cochran_armitage(&counts),
        _ => {
            let with_se: Option<Vec<(f64, f64)>> = last
                .iter()
                .map(|p| {
                    let e = p.estimate?;
                    e.standard_error()
                        .filter(|se| *se > 0.0)
                        .map(|se| (e.value, se))
                })
                .collect();
            match with_se {
                Some(v) => weighted_slope_z(&v),
                None => return Trend::CannotBeCalculated(TrendWhy::NoIntervals),
            }
        }
    };
    match z {
        Some(z) if z > Z998 => Trend::Increasing(direction(true, polarity)),
        Some(z) if z < -Z998 => Trend::Decreasing(direction(false, polarity)),
        _ => Trend::NoSignificantChange,
    }
}

/// The change from the baseline to the latest value: a two-sided z test on the standard
/// errors their intervals imply.
pub fn change(
    baseline: Option<Estimate>,
    latest: Option<Estimate>,
    same_period: bool,
    polarity: Polarity,
) -> Change {
    if same_period {
        return Change::NotAssessed(ChangeWhy::OnlyBaseline);
    }
    let (Some(b), Some(l)) = (baseline, latest) else {
        return Change::NotAssessed(ChangeWhy::MissingValue);
    };
    let (Some(sb), Some(sl)) = (b.standard_error(), l.standard_error()) else {
        return Change::NotAssessed(ChangeWhy::NoIntervals);
    };
    let diff = l.value - b.value;
    let se = (sb * sb + sl * sl).sqrt();
    let significant = if se > 0.0 {
        (diff / se).abs() > Z95
    } else {
        diff != 0.0
    };
    if !significant {
        return Change::NoClearChange;
    }
    match judged(diff > 0.0, polarity) {
        Comparison::Better => Change::Improved,
        Comparison::Worse => Change::Worsened,
        Comparison::Higher => Change::Increased,
        _ => Change::Decreased,
    }
}

/// The trend where there are five consecutive annual points, else the change from the
/// baseline period (the earliest when none is set) to the latest.
pub fn progress(
    points: &[TrendPoint],
    baseline: Option<Period>,
    measure: Measure,
    polarity: Polarity,
) -> Progress {
    match trend(points, measure, polarity) {
        Trend::CannotBeCalculated(TrendWhy::TooFewPoints) => {}
        t => return Progress::Trend(t),
    }
    let mut sorted: Vec<&TrendPoint> = points.iter().collect();
    sorted.sort_by_key(|p| p.period.start);
    let base = baseline
        .and_then(|b| sorted.iter().find(|p| p.period == b).copied())
        .or(sorted.first().copied());
    let latest = sorted.last().copied();
    match (base, latest) {
        (Some(b), Some(l)) => Progress::Change(change(
            b.estimate,
            l.estimate,
            b.period == l.period,
            polarity,
        )),
        _ => Progress::Change(Change::NotAssessed(ChangeWhy::MissingValue)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(y: i32) -> Period {
        Period::years(y, 4, 1)
    }

    fn counted(y: i32, r: f64, n: f64) -> TrendPoint {
        TrendPoint {
            period: year(y),
            estimate: Some(Estimate::new(r / n * 100.0, None, None)),
            count: Some(r),
            denominator: Some(n),
        }
    }

    fn with_se(y: i32, v: f64, se: f64) -> TrendPoint {
        TrendPoint {
            period: year(y),
            estimate: Some(Estimate::new(v, Some(v - Z95 * se), Some(v + Z95 * se))),
            count: None,
            denominator: None,
        }
    }

    #[test]
    fn cochran_armitage_worked_by_hand() {
        // 1,000 a year; 100, 110, 120, 130, 140 events. p = 600/5000 = 0.12;
        // T = sum t (r - n p) = 1(-20) + 2(-10) + 0 + 4(10) + 5(20) = 100;
        // V = 0.12 x 0.88 x (55,000 - 15,000^2/5,000) = 1,056; z = 100/32.496 = 3.077,
        // just short of 3.090 (99.8%): no significant change.
        let pts: Vec<_> = [100.0, 110.0, 120.0, 130.0, 140.0]
            .iter()
            .enumerate()
            .map(|(i, r)| counted(2019 + i as i32, *r, 1000.0))
            .collect();
        let z = cochran_armitage(&[
            (100.0, 1000.0),
            (110.0, 1000.0),
            (120.0, 1000.0),
            (130.0, 1000.0),
            (140.0, 1000.0),
        ])
        .unwrap();
        assert!((z - 3.0773).abs() < 1e-3, "{z}");
        assert_eq!(
            trend(&pts, Measure::Proportion, Polarity::LowGood),
            Trend::NoSignificantChange
        );
        // 100, 112, 124, 136, 148: T = 120, V = 0.124 x 0.876 x 10,000 = 1,086.24,
        // z = 3.641: increasing, and for a "lower is better" indicator, getting worse.
        let pts: Vec<_> = [100.0, 112.0, 124.0, 136.0, 148.0]
            .iter()
            .enumerate()
            .map(|(i, r)| counted(2019 + i as i32, *r, 1000.0))
            .collect();
        assert_eq!(
            trend(&pts, Measure::Proportion, Polarity::LowGood),
            Trend::Increasing(Direction::Worse)
        );
        assert_eq!(
            trend(&pts, Measure::Proportion, Polarity::NoJudgement),
            Trend::Increasing(Direction::NotJudged)
        );
    }

    #[test]
    fn weighted_regression_worked_by_hand() {
        // 14, 13, 12, 11, 10 with standard error 0.3: slope -1, weights 1/0.09, so
        // sum w (t - tbar)^2 = 111.1, se(slope) = 0.0949, z = -10.5: decreasing.
        let pts: Vec<_> = (0..5)
            .map(|i| with_se(2019 + i, 14.0 - i as f64, 0.3))
            .collect();
        assert_eq!(
            trend(&pts, Measure::Other, Polarity::HighGood),
            Trend::Decreasing(Direction::Worse)
        );
        // The same with standard error 3: se(slope) = 0.949, z = -1.05: no change.
        let pts: Vec<_> = (0..5)
            .map(|i| with_se(2019 + i, 14.0 - i as f64, 3.0))
            .collect();
        assert_eq!(
            trend(&pts, Measure::Other, Polarity::HighGood),
            Trend::NoSignificantChange
        );
        let z = weighted_slope_z(&[
            (14.0, 0.3),
            (13.0, 0.3),
            (12.0, 0.3),
            (11.0, 0.3),
            (10.0, 0.3),
        ])
        .unwrap();
        assert!((z + 10.5409).abs() < 1e-3, "{z}");
    }

    #[test]
    fn a_trend_needs_five_consecutive_annual_points() {
        // A gap (no 2021/22) leaves a run of three.
        let pts: Vec<_> = [2018, 2019, 2020, 2022, 2023, 2024]
            .iter()
            .map(|y| with_se(*y, 10.0, 0.3))
            .collect();
        assert_eq!(
            trend(&pts, Measure::Other, Polarity::HighGood),
            Trend::CannotBeCalculated(TrendWhy::TooFewPoints)
        );
        let mut pts: Vec<_> = (0..5).map(|i| with_se(2019 + i, 10.0, 0.3)).collect();
        pts[2].estimate = None;
        assert_eq!(
            trend(&pts, Measure::Other, Polarity::HighGood),
            Trend::CannotBeCalculated(TrendWhy::MissingValue)
        );
        let pts: Vec<_> = (0..5)
            .map(|i| TrendPoint {
                period: year(2019 + i),
                estimate: Some(Estimate::new(10.0, None, None)),
                count: None,
                denominator: None,
            })
            .collect();
        assert_eq!(
            trend(&pts, Measure::Other, Polarity::HighGood),
            Trend::CannotBeCalculated(TrendWhy::NoIntervals)
        );
    }

    #[test]
    fn change_since_baseline_worked_by_hand() {
        // 50 (46, 54) then 56 (52, 60): each se = 8 / 3.9199 = 2.0409, the difference's
        // se = 2.8862, z = 6 / 2.8862 = 2.08 > 1.96: improved (higher is better).
        let b = Some(Estimate::new(50.0, Some(46.0), Some(54.0)));
        let l = Some(Estimate::new(56.0, Some(52.0), Some(60.0)));
        assert_eq!(change(b, l, false, Polarity::HighGood), Change::Improved);
        assert_eq!(change(b, l, false, Polarity::LowGood), Change::Worsened);
        assert_eq!(
            change(b, l, false, Polarity::NoJudgement),
            Change::Increased
        );
        // 55 (51, 59): z = 1.73: no clear change.
        let l = Some(Estimate::new(55.0, Some(51.0), Some(59.0)));
        assert_eq!(
            change(b, l, false, Polarity::HighGood),
            Change::NoClearChange
        );
        let bare = Some(Estimate::new(56.0, None, None));
        assert_eq!(
            change(b, bare, false, Polarity::HighGood),
            Change::NotAssessed(ChangeWhy::NoIntervals)
        );
        assert_eq!(
            change(b, b, true, Polarity::HighGood),
            Change::NotAssessed(ChangeWhy::OnlyBaseline)
        );
    }

    #[test]
    fn progress_falls_back_to_the_change_since_the_baseline() {
        let pts = vec![with_se(2023, 50.0, 2.0409), with_se(2025, 56.0, 2.0409)];
        assert_eq!(
            progress(&pts, None, Measure::Other, Polarity::HighGood),
            Progress::Change(Change::Improved)
        );
        let five: Vec<_> = (0..5).map(|i| with_se(2019 + i, 10.0, 0.3)).collect();
        assert_eq!(
            progress(&five, None, Measure::Other, Polarity::HighGood),
            Progress::Trend(Trend::NoSignificantChange)
        );
    }
}

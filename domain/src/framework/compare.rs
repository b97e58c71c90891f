//! Compared with a benchmark (England, or the whole city for a ward): OHID Fingertips'
//! method. The benchmark's value inside the local 95% interval is "similar"; outside it,
//! better or worse by the indicator's polarity, or higher or lower when it has none.

use serde::{Deserialize, Serialize};

use super::{Estimate, Polarity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Better,
    Similar,
    Worse,
    Higher,
    Lower,
    NotCompared(NotCompared),
}

/// Why a value was not compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotCompared {
    /// No local value (none yet, or withheld).
    NoValue,
    /// The local value has no 95% interval and no count to work one out from.
    NoInterval,
    /// No benchmark value for the period.
    NoBenchmark,
}

impl Comparison {
    pub fn key(self) -> &'static str {
        match self {
            Comparison::Better => "better",
            Comparison::Similar => "similar",
            Comparison::Worse => "worse",
            Comparison::Higher => "higher",
            Comparison::Lower => "lower",
            Comparison::NotCompared(_) => "not_compared",
        }
    }
}

/// Whether a difference upwards (`up`) is better, worse, or just higher, by polarity.
pub(crate) fn judged(up: bool, polarity: Polarity) -> Comparison {
    match polarity.up_is_better() {
        Some(b) if b == up => Comparison::Better,
        Some(_) => Comparison::Worse,
        None if up => Comparison::Higher,
        None => Comparison::Lower,
    }
}

/// The local value against a benchmark value.
pub fn compare(local: Option<Estimate>, benchmark: Option<f64>, polarity: Polarity) -> Comparison {
    let Some(local) = local else {
        return Comparison::NotCompared(NotCompared::NoValue);
    };
    let Some((low, high)) = local.interval() else {
        return Comparison::NotCompared(NotCompared::NoInterval);
    };
    let Some(b) = benchmark else {
        return Comparison::NotCompared(NotCompared::NoBenchmark);
    };
    if b < low {
        judged(true, polarity)
    } else if b > high {
        judged(false, polarity)
    } else {
        Comparison::Similar
    }
}

/// A ward's survey estimate widened to 99.8% limits, for comparing 34 wards with the
/// whole city without a false alarm in every other map: a share's Wilson interval with
/// z = 3.090, a mean's t interval with the 99.9th percentile in place of the 97.5th.
pub fn limits_998(value: f64, low95: f64, high95: f64, n_eff: f64, is_share: bool) -> Estimate {
    use crate::indicators::stats::{t975, t999, wilson_z, Z998};
    let (low, high) = if is_share {
        wilson_z(value, n_eff, Z998)
    } else {
        let k = t999(n_eff - 1.0) / t975(n_eff - 1.0);
        (value - (value - low95) * k, value + (high95 - value) * k)
    };
    Estimate::new(value, Some(low), Some(high))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(v: f64, l: f64, h: f64) -> Option<Estimate> {
        Some(Estimate::new(v, Some(l), Some(h)))
    }

    #[test]
    fn fingertips_examples() {
        // Life expectancy (higher is better) 77.9 (77.5, 78.3) against England 79.4: the
        // interval lies wholly below England, so worse.
        assert_eq!(
            compare(e(77.9, 77.5, 78.3), Some(79.4), Polarity::HighGood),
            Comparison::Worse
        );
        // Infant mortality (lower is better) 6.5 (5.2, 8.0) against 3.9: worse.
        assert_eq!(
            compare(e(6.5, 5.2, 8.0), Some(3.9), Polarity::LowGood),
            Comparison::Worse
        );
        // Feel safe (higher is better) 75.5 (70.1, 80.3) against 70.2: England is inside the
        // interval, so similar.
        assert_eq!(
            compare(e(75.5, 70.1, 80.3), Some(70.2), Polarity::HighGood),
            Comparison::Similar
        );
        // Social care users feeling safe 75.5 (72.3, 78.6) against 70.2: better.
        assert_eq!(
            compare(e(75.5, 72.3, 78.6), Some(70.2), Polarity::HighGood),
            Comparison::Better
        );
        // No judgement: free school meals 24.5 (23.9, 25.1) against 17.0: higher.
        assert_eq!(
            compare(e(24.5, 23.9, 25.1), Some(17.0), Polarity::NoJudgement),
            Comparison::Higher
        );
    }

    #[test]
    fn the_edges_of_the_interval_count_as_similar() {
        assert_eq!(
            compare(e(10.0, 8.0, 12.0), Some(12.0), Polarity::HighGood),
            Comparison::Similar
        );
        assert_eq!(
            compare(e(10.0, 8.0, 12.0), Some(8.0), Polarity::LowGood),
            Comparison::Similar
        );
    }

    #[test]
    fn ward_limits_are_wider_than_95() {
        // A share of 0.4 on 50: Wilson 99.8% is (0.2192, 0.6129) by hand, wider than the
        // 95% (0.2761, 0.5382).
        let e = limits_998(0.4, 0.2761, 0.5382, 50.0, true);
        let (l, h) = e.interval().unwrap();
        assert!(
            (l - 0.2192).abs() < 1e-3 && (h - 0.6129).abs() < 1e-3,
            "{l} {h}"
        );
        // A mean 7.0 (6.5, 7.5) on 100: the half-width 0.5 grows by t999(99)/t975(99)
        // = 3.1747/1.9842 = 1.600.
        let e = limits_998(7.0, 6.5, 7.5, 100.0, false);
        let (l, h) = e.interval().unwrap();
        assert!((h - l - 1.600).abs() < 1e-2, "{l} {h}");
    }

    #[test]
    fn says_why_it_did_not_compare() {
        let no_interval = Some(Estimate::new(10.0, None, None));
        assert_eq!(
            compare(no_interval, Some(12.0), Polarity::HighGood),
            Comparison::NotCompared(NotCompared::NoInterval)
        );
        assert_eq!(
            compare(None, Some(12.0), Polarity::HighGood),
            Comparison::NotCompared(NotCompared::NoValue)
        );
        assert_eq!(
            compare(e(10.0, 8.0, 12.0), None, Polarity::HighGood),
            Comparison::NotCompared(NotCompared::NoBenchmark)
        );
    }
}

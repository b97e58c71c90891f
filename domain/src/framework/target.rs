//! A target met, not met, or not yet clear: met when the whole 95% interval of the latest
//! value is on the good side of the target, not met when it is wholly on the bad side.
//! Without an interval the value alone decides, and the status says so.

use serde::{Deserialize, Serialize};

use super::{Estimate, Polarity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// `value_only`: decided on the value alone, for want of an interval.
    Met {
        value_only: bool,
    },
    NotMet {
        value_only: bool,
    },
    NotYetClear,
    /// No latest value, or an indicator with no judgement (no side is good).
    NotAssessed,
}

impl TargetStatus {
    pub fn key(self) -> &'static str {
        match self {
            TargetStatus::Met { .. } => "met",
            TargetStatus::NotMet { .. } => "not_met",
            TargetStatus::NotYetClear => "not_yet_clear",
            TargetStatus::NotAssessed => "not_assessed",
        }
    }
}

pub fn target_status(latest: Option<Estimate>, target: f64, polarity: Polarity) -> TargetStatus {
    let (Some(latest), Some(up_good)) = (latest, polarity.up_is_better()) else {
        return TargetStatus::NotAssessed;
    };
    // On the good side: at or beyond the target in the better direction.
    let good = |v: f64| if up_good { v >= target } else { v <= target };
    match latest.interval() {
        Some((low, high)) => {
            let (worst, best) = if up_good { (low, high) } else { (high, low) };
            if good(worst) {
                TargetStatus::Met { value_only: false }
            } else if !good(best) {
                TargetStatus::NotMet { value_only: false }
            } else {
                TargetStatus::NotYetClear
            }
        }
        None if good(latest.value) => TargetStatus::Met { value_only: true },
        None => TargetStatus::NotMet { value_only: true },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(v: f64, l: f64, h: f64) -> Option<Estimate> {
        Some(Estimate::new(v, Some(l), Some(h)))
    }

    #[test]
    fn worked_examples() {
        // Physically active adults (higher is better), target 60%.
        assert_eq!(
            target_status(e(63.0, 60.5, 65.5), 60.0, Polarity::HighGood),
            TargetStatus::Met { value_only: false }
        );
        assert_eq!(
            target_status(e(61.0, 58.5, 63.5), 60.0, Polarity::HighGood),
            TargetStatus::NotYetClear
        );
        assert_eq!(
            target_status(e(57.5, 55.0, 59.9), 60.0, Polarity::HighGood),
            TargetStatus::NotMet { value_only: false }
        );
        // Child poverty (lower is better), target 35%: 33 (30, 36) straddles it.
        assert_eq!(
            target_status(e(33.0, 30.0, 36.0), 35.0, Polarity::LowGood),
            TargetStatus::NotYetClear
        );
        assert_eq!(
            target_status(e(33.0, 31.0, 34.9), 35.0, Polarity::LowGood),
            TargetStatus::Met { value_only: false }
        );
    }

    #[test]
    fn without_an_interval_the_value_alone_decides() {
        let bare = Some(Estimate::new(43.2, None, None));
        assert_eq!(
            target_status(bare, 35.0, Polarity::LowGood),
            TargetStatus::NotMet { value_only: true }
        );
        assert_eq!(
            target_status(bare, 45.0, Polarity::LowGood),
            TargetStatus::Met { value_only: true }
        );
        assert_eq!(
            target_status(bare, 45.0, Polarity::NoJudgement),
            TargetStatus::NotAssessed
        );
        assert_eq!(
            target_status(None, 45.0, Polarity::HighGood),
            TargetStatus::NotAssessed
        );
    }
}

//! The disclosure threshold as people type it: checked here once, for the settings page and
//! the command line alike. Problems are values; `app` words them.

use crate::indicators::engine::MIN_THRESHOLD;

/// The largest threshold accepted: above it almost every ward would be withheld.
pub const MAX_THRESHOLD: u32 = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThresholdProblem {
    Missing,
    NotWhole,
    BelowMinimum,
    AboveMaximum,
}

impl ThresholdProblem {
    pub const ALL: [ThresholdProblem; 4] = [
        ThresholdProblem::Missing,
        ThresholdProblem::NotWhole,
        ThresholdProblem::BelowMinimum,
        ThresholdProblem::AboveMaximum,
    ];

    /// The code a form sends back to its page (never the words themselves).
    pub fn code(self) -> &'static str {
        match self {
            ThresholdProblem::Missing => "missing",
            ThresholdProblem::NotWhole => "not_whole",
            ThresholdProblem::BelowMinimum => "below_minimum",
            ThresholdProblem::AboveMaximum => "above_maximum",
        }
    }

    pub fn from_code(code: &str) -> Option<ThresholdProblem> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

pub fn parse_threshold(typed: &str) -> Result<u32, ThresholdProblem> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(ThresholdProblem::Missing);
    }
    match typed.parse::<u32>() {
        Err(_) => Err(ThresholdProblem::NotWhole),
        Ok(t) if t < MIN_THRESHOLD => Err(ThresholdProblem::BelowMinimum),
        Ok(t) if t > MAX_THRESHOLD => Err(ThresholdProblem::AboveMaximum),
        Ok(t) => Ok(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_whole_numbers_in_range() {
        assert_eq!(parse_threshold(" 10 "), Ok(10));
        assert_eq!(parse_threshold(""), Err(ThresholdProblem::Missing));
        assert_eq!(parse_threshold("ten"), Err(ThresholdProblem::NotWhole));
        assert_eq!(parse_threshold("4"), Err(ThresholdProblem::BelowMinimum));
        assert_eq!(parse_threshold("1001"), Err(ThresholdProblem::AboveMaximum));
        for p in ThresholdProblem::ALL {
            assert_eq!(ThresholdProblem::from_code(p.code()), Some(p));
        }
    }
}

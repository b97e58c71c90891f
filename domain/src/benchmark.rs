//! A benchmark value as an administrator types it (a percentage for shares, a score for
//! averages) and where it comes from. Problems are values; `app` words them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    Missing,
    /// Not a percentage from 0 to 100.
    NotPercentage,
    /// Not a score from 0 to 10.
    NotScore,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceProblem {
    Missing,
    TooLong,
}

impl ValueProblem {
    pub fn code(self) -> &'static str {
        match self {
            ValueProblem::Missing => "missing",
            ValueProblem::NotPercentage => "percentage",
            ValueProblem::NotScore => "score",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Missing, Self::NotPercentage, Self::NotScore]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

impl SourceProblem {
    pub fn code(self) -> &'static str {
        match self {
            SourceProblem::Missing => "missing",
            SourceProblem::TooLong => "too_long",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Missing, Self::TooLong]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

pub const SOURCE_MAX: usize = 120;

/// The value as stored (a share from 0 to 1, or a score), from what was typed (`62.5` or
/// `62.5%` for a share).
pub fn parse_value(typed: &str, is_share: bool) -> Result<f64, ValueProblem> {
    let typed = typed.trim().trim_end_matches('%');
    match typed.parse::<f64>() {
        Ok(v) if is_share && (0.0..=100.0).contains(&v) => Ok(v / 100.0),
        Ok(v) if !is_share && (0.0..=10.0).contains(&v) => Ok(v),
        _ if typed.is_empty() => Err(ValueProblem::Missing),
        _ if is_share => Err(ValueProblem::NotPercentage),
        _ => Err(ValueProblem::NotScore),
    }
}

pub fn check_source(source: &str) -> Result<&str, SourceProblem> {
    let source = source.trim();
    if source.is_empty() {
        Err(SourceProblem::Missing)
    } else if source.chars().count() > SOURCE_MAX {
        Err(SourceProblem::TooLong)
    } else {
        Ok(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benchmarks_are_percentages_or_scores_with_a_source() {
        assert_eq!(parse_value("62.5%", true), Ok(0.625));
        assert_eq!(parse_value("7.4", false), Ok(7.4));
        assert_eq!(parse_value("", true), Err(ValueProblem::Missing));
        assert_eq!(parse_value("120", true), Err(ValueProblem::NotPercentage));
        assert_eq!(parse_value("11", false), Err(ValueProblem::NotScore));
        assert_eq!(check_source(" England "), Ok("England"));
        assert_eq!(check_source(&"x".repeat(121)), Err(SourceProblem::TooLong));
        for p in [ValueProblem::NotScore, ValueProblem::Missing] {
            assert_eq!(ValueProblem::from_code(p.code()), Some(p));
        }
    }
}

//! The framework's judgements and figures in words: one place, so the public page, the
//! officers' page, the annual report and the open data say the same thing.

use domain::framework::compare::{Comparison, NotCompared};
use domain::framework::trend::{Change, ChangeWhy, Direction, Progress, Trend, TrendWhy};
use domain::framework::{Polarity, Priority, Status, TargetStatus};

use crate::framework::model::Judgement;

fn j(key: &str, words: impl Into<String>) -> Judgement {
    Judgement {
        key: key.into(),
        words: words.into(),
    }
}

/// Compared with a benchmark named `with` ("England", "the city").
pub fn compared(c: Comparison, with: &str) -> Judgement {
    match c {
        Comparison::Better => j("better", format!("Better than {with}")),
        Comparison::Similar => j("similar", format!("Similar to {with}")),
        Comparison::Worse => j("worse", format!("Worse than {with}")),
        Comparison::Higher => j("higher", format!("Higher than {with}")),
        Comparison::Lower => j("lower", format!("Lower than {with}")),
        Comparison::NotCompared(why) => j(
            "not_compared",
            match why {
                NotCompared::NoValue => "Not compared: no figure".to_string(),
                NotCompared::NoInterval => "Not compared: no interval".to_string(),
                NotCompared::NoBenchmark => format!("Not compared: no figure for {with}"),
            },
        ),
    }
}

pub fn progress(p: Progress) -> Judgement {
    let way = |d: Direction| match d {
        Direction::Better => " and getting better",
        Direction::Worse => " and getting worse",
        Direction::NotJudged => "",
    };
    let dkey = |d: Direction| match d {
        Direction::Better => "improving",
        Direction::Worse => "worsening",
        Direction::NotJudged => "moving",
    };
    match p {
        Progress::Trend(Trend::Increasing(d)) => j(dkey(d), format!("Increasing{}", way(d))),
        Progress::Trend(Trend::Decreasing(d)) => j(dkey(d), format!("Decreasing{}", way(d))),
        Progress::Trend(Trend::NoSignificantChange) => j("steady", "No significant change"),
        Progress::Trend(Trend::CannotBeCalculated(why)) => j(
            "not_assessed",
            match why {
                TrendWhy::TooFewPoints => "Trend cannot be calculated: fewer than five years",
                TrendWhy::MissingValue => {
                    "Trend cannot be calculated: a year is missing or withheld"
                }
                TrendWhy::NoIntervals => "Trend cannot be calculated: no intervals or counts",
            },
        ),
        Progress::Change(Change::Improved) => j("improving", "Improved since the baseline"),
        Progress::Change(Change::Worsened) => j("worsening", "Worsened since the baseline"),
        Progress::Change(Change::Increased) => j("moving", "Increased since the baseline"),
        Progress::Change(Change::Decreased) => j("moving", "Decreased since the baseline"),
        Progress::Change(Change::NoClearChange) => {
            j("steady", "No clear change since the baseline")
        }
        Progress::Change(Change::NotAssessed(why)) => j(
            "not_assessed",
            match why {
                ChangeWhy::OnlyBaseline => "Not assessed: only the baseline so far",
                ChangeWhy::MissingValue => "Not assessed: a figure is missing or withheld",
                ChangeWhy::NoIntervals => "Not assessed: no intervals to test the change",
            },
        ),
    }
}

pub fn target(s: TargetStatus) -> Judgement {
    match s {
        TargetStatus::Met { value_only: false } => j("met", "Target met"),
        TargetStatus::Met { value_only: true } => {
            j("met", "Target met (on the value alone: no interval)")
        }
        TargetStatus::NotMet { value_only: false } => j("not_met", "Target not met"),
        TargetStatus::NotMet { value_only: true } => j(
            "not_met",
            "Target not met (on the value alone: no interval)",
        ),
        TargetStatus::NotYetClear => j(
            "not_yet_clear",
            "Not yet clear: the interval spans the target",
        ),
        TargetStatus::NotAssessed => j("not_assessed", "Not assessed"),
    }
}

pub fn priority_title(p: Priority) -> &'static str {
    match p {
        Priority::Healthier => "A healthier city",
        Priority::Wealthier => "A wealthier city",
        Priority::Safer => "A safer city",
        Priority::Greener => "A greener city",
        Priority::Cleaner => "A cleaner city",
        Priority::Fairer => "A fairer city",
    }
}

pub fn polarity(p: Polarity) -> &'static str {
    match p {
        Polarity::HighGood => "Higher is better",
        Polarity::LowGood => "Lower is better",
        Polarity::NoJudgement => "Neither higher nor lower is judged better",
    }
}

pub fn status(s: Status) -> &'static str {
    match s {
        Status::Provisional => "Provisional",
        Status::Revised => "Revised",
        Status::Estimated => "Estimated",
        Status::Withheld => "Withheld",
    }
}

/// A number with thousands separators and the indicator's decimals.
pub fn number(v: f64, decimals: u8) -> String {
    let s = format!("{:.*}", decimals as usize, v.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 && s.chars().any(|c| c != '0' && c != '.') {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A value in its unit: "43.2%", "£552", "77.9 years", "6.5 per 1000 live births".
pub fn value(v: f64, decimals: u8, unit: &str) -> String {
    let n = number(v, decimals);
    match unit {
        "%" => format!("{n}%"),
        "£" => format!("£{n}"),
        "% change" => format!("{n}%"),
        "score" | "" => n,
        u => format!("{n} {u}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(15455.0, 0), "15,455");
        assert_eq!(number(552.0, 0), "552");
        assert_eq!(number(-22.0, 0), "-22");
        assert_eq!(number(1234567.891, 2), "1,234,567.89");
        assert_eq!(value(43.2, 1, "%"), "43.2%");
        assert_eq!(value(21978.0, 0, "£"), "£21,978");
        assert_eq!(value(77.9, 1, "years"), "77.9 years");
    }
}

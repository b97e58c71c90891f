//! The wellbeing indicator framework: the council's core set of indicators, from its own
//! surveys and from published statistics, each with observations per area and period,
//! compared with England, followed over time and against targets. The judgements are OHID
//! Fingertips' methods, so Kiln's words agree with what Fingertips publishes.

pub mod compare;
pub mod definition;
pub mod intervals;
pub mod period;
pub mod row;
pub mod target;
pub mod trend;
pub mod updates;

#[cfg(test)]
mod properties;

use serde::{Deserialize, Serialize};

pub use crate::indicators::definitions::Theme as Priority;
pub use compare::{compare, Comparison, NotCompared};
pub use period::{Length, Period, PeriodProblem};
pub use target::{target_status, TargetStatus};
pub use trend::{change, progress, trend, Change, Progress, Trend, TrendPoint};

/// The code of England, the comparator every indicator is set beside.
pub const ENGLAND: &str = "E92000001";

/// Which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    HighGood,
    LowGood,
    NoJudgement,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [Polarity::HighGood, Polarity::LowGood, Polarity::NoJudgement];
    pub fn key(self) -> &'static str {
        match self {
            Polarity::HighGood => "high_good",
            Polarity::LowGood => "low_good",
            Polarity::NoJudgement => "no_judgement",
        }
    }
    pub fn parse(key: &str) -> Option<Polarity> {
        Polarity::ALL.into_iter().find(|p| p.key() == key)
    }
    /// Whether a move upwards is better (`Some(true)`), worse, or not judged (`None`).
    pub fn up_is_better(self) -> Option<bool> {
        match self {
            Polarity::HighGood => Some(true),
            Polarity::LowGood => Some(false),
            Polarity::NoJudgement => None,
        }
    }
    pub fn flipped(self) -> Polarity {
        match self {
            Polarity::HighGood => Polarity::LowGood,
            Polarity::LowGood => Polarity::HighGood,
            Polarity::NoJudgement => Polarity::NoJudgement,
        }
    }
}

/// What kind of figure an indicator is: it decides how an interval is worked out from a
/// count and which trend test applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A share of a denominator, shown per `per` (100 for a percentage).
    Proportion,
    /// Events per `per` of a population.
    Rate,
    /// Anything else: a mean, a count, money, years.
    Other,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Proportion, Measure::Rate, Measure::Other];
    pub fn key(self) -> &'static str {
        match self {
            Measure::Proportion => "proportion",
            Measure::Rate => "rate",
            Measure::Other => "other",
        }
    }
    pub fn parse(key: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// An observation's status as its publisher gives it (none for a plain final figure).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Provisional,
    Revised,
    Estimated,
    Withheld,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Provisional,
        Status::Revised,
        Status::Estimated,
        Status::Withheld,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Status::Provisional => "provisional",
            Status::Revised => "revised",
            Status::Estimated => "estimated",
            Status::Withheld => "withheld",
        }
    }
    pub fn parse(key: &str) -> Option<Status> {
        let key = key.trim().to_ascii_lowercase();
        Status::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A value with its 95% interval, when it has one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl Estimate {
    pub fn new(value: f64, low: Option<f64>, high: Option<f64>) -> Estimate {
        Estimate { value, low, high }
    }
    /// The interval when both ends are known.
    pub fn interval(&self) -> Option<(f64, f64)> {
        match (self.low, self.high) {
            (Some(l), Some(h)) if l <= h => Some((l, h)),
            _ => None,
        }
    }
    /// A standard error read back from a 95% interval (its width over 2 x 1.96).
    pub fn standard_error(&self) -> Option<f64> {
        self.interval()
            .map(|(l, h)| (h - l) / (2.0 * crate::indicators::stats::Z95))
    }
}

//! Words for the problems and outcomes that the domain and the forms pass around as values
//! (en-GB). Every user-facing message about a typed problem is written here, so that a
//! translation has one place to start from, and no page shows text taken from its address.

use domain::indicators::engine::MIN_THRESHOLD;
use domain::threshold::{ThresholdProblem, MAX_THRESHOLD};

pub fn threshold_problem(p: ThresholdProblem) -> String {
    match p {
        ThresholdProblem::Missing => "Enter the smallest number of answers to publish".into(),
        ThresholdProblem::NotWhole => "The threshold must be a whole number, like 10".into(),
        ThresholdProblem::BelowMinimum => format!("The threshold must be {MIN_THRESHOLD} or more"),
        ThresholdProblem::AboveMaximum => format!("The threshold must be {MAX_THRESHOLD} or less"),
    }
}

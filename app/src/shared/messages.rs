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

use domain::accounts::{EmailProblem, NameProblem, PasswordProblem, PASSWORD_MAX, PASSWORD_MIN};

pub fn email_problem(p: EmailProblem) -> String {
    match p {
        EmailProblem::Missing => "Enter an email address".into(),
        EmailProblem::Format => {
            "Enter an email address in the correct format, like name@example.gov.uk".into()
        }
        EmailProblem::Taken => "There is already an account with this email address".into(),
    }
}

pub fn name_problem(p: NameProblem) -> String {
    match p {
        NameProblem::Missing => "Enter the person's name".into(),
        NameProblem::TooLong => "Name must be 100 characters or fewer".into(),
    }
}

pub fn password_problem(p: PasswordProblem) -> String {
    match p {
        PasswordProblem::TooShort => format!("Password must be {PASSWORD_MIN} characters or more"),
        PasswordProblem::TooLong => format!("Password must be {PASSWORD_MAX} characters or fewer"),
        PasswordProblem::OneCharacterRepeated => {
            "Password must not be one character repeated".into()
        }
        PasswordProblem::ContainsEmail => "Password must not contain your email address".into(),
        PasswordProblem::Common => {
            "This is one of the most common passwords, so it is easy to guess. Choose another"
                .into()
        }
        PasswordProblem::Unchanged => "Choose a password different from your current one".into(),
        PasswordProblem::Mismatch => "Enter the same new password twice".into(),
    }
}

pub const SELECT_A_ROLE: &str = "Select a role";

pub fn benchmark_value_problem(p: domain::benchmark::ValueProblem) -> String {
    use domain::benchmark::ValueProblem;
    match p {
        ValueProblem::Missing => "Enter the benchmark value".into(),
        ValueProblem::NotPercentage => "Enter a percentage from 0 to 100, like 62.5".into(),
        ValueProblem::NotScore => "Enter a score from 0 to 10, like 7.4".into(),
    }
}

pub fn benchmark_source_problem(p: domain::benchmark::SourceProblem) -> String {
    use domain::benchmark::{SourceProblem, SOURCE_MAX};
    match p {
        SourceProblem::Missing => {
            "Enter where the figure comes from, like England, APS 2024/25".into()
        }
        SourceProblem::TooLong => format!("The source must be {SOURCE_MAX} characters or fewer"),
    }
}

//! Addresses of the residents' survey pages and forms, in one place so links and redirects
//! agree.

use crate::shared::access::{Access::*, Declared};

pub fn start(survey: &str) -> String {
    format!("/surveys/{survey}")
}
pub fn begin(survey: &str) -> String {
    format!("/surveys/{survey}/begin")
}
pub fn section(survey: &str, code: &str, n: usize) -> String {
    format!("/surveys/{survey}/r/{code}/section/{n}")
}
pub fn check(survey: &str, code: &str) -> String {
    format!("/surveys/{survey}/r/{code}/check")
}
pub fn submit(survey: &str, code: &str) -> String {
    format!("/surveys/{survey}/r/{code}/submit")
}
pub fn saved(survey: &str, code: &str) -> String {
    format!("/surveys/{survey}/r/{code}/saved")
}
pub fn done(survey: &str, code: &str) -> String {
    format!("/surveys/{survey}/r/{code}/done")
}
pub const RESUME: &str = "/resume";
/// Where a resident lands whose survey closed before they sent their answers.
pub fn closed(survey: &str) -> String {
    format!("/surveys/{survey}/closed")
}
/// The id of a question's first input, which the error summary links to.
pub fn field_id(key: &str) -> String {
    format!("q-{key}")
}

/// Who may use each of the survey's addresses: anyone, since residents do not sign in.
pub const ACCESS: Declared = &[
    ("/", Anyone),
    ("/resume", Anyone),
    ("/surveys/{survey}", Anyone),
    ("/surveys/{survey}/begin", Anyone),
    ("/surveys/{survey}/closed", Anyone),
    ("/surveys/{survey}/r/{code}/section/{n}", Anyone),
    ("/surveys/{survey}/r/{code}/check", Anyone),
    ("/surveys/{survey}/r/{code}/submit", Anyone),
    ("/surveys/{survey}/r/{code}/saved", Anyone),
    ("/surveys/{survey}/r/{code}/done", Anyone),
    // The server functions behind the pages.
    ("/api/pages/{*fn}", Anyone),
];

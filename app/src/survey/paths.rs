//! Every address of the residents' survey: the form router, the access table and the links
//! all use these patterns, so none is written twice. (The Leptos route table writes its own
//! patterns, in its syntax; the server refuses to start if one is not declared here.)

use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const HOME: &str = "/";
pub const RESUME: &str = "/resume";
pub const START: &str = "/surveys/{survey}";
pub const BEGIN: &str = "/surveys/{survey}/begin";
/// Where a resident lands whose survey closed before they sent their answers.
pub const CLOSED: &str = "/surveys/{survey}/closed";
pub const SECTION: &str = "/surveys/{survey}/r/{code}/section/{n}";
pub const CHECK: &str = "/surveys/{survey}/r/{code}/check";
pub const SUBMIT: &str = "/surveys/{survey}/r/{code}/submit";
pub const SAVED: &str = "/surveys/{survey}/r/{code}/saved";
pub const DONE: &str = "/surveys/{survey}/r/{code}/done";
/// Where an invited resident types the access code from their letter or email.
pub const TAKE_PART: &str = "/take-part";
/// The page an invitation's link opens: a button, so that a mail scanner starts nothing.
pub const INVITED: &str = "/take-part/{code}";
/// The server functions behind the pages.
pub const PAGE_DATA: &str = "/api/pages/{*fn}";

pub fn start(survey: &str) -> String {
    fill(START, &[survey])
}
pub fn begin(survey: &str) -> String {
    fill(BEGIN, &[survey])
}
pub fn section(survey: &str, code: &str, n: usize) -> String {
    fill(SECTION, &[survey, code, &n.to_string()])
}
pub fn check(survey: &str, code: &str) -> String {
    fill(CHECK, &[survey, code])
}
pub fn submit(survey: &str, code: &str) -> String {
    fill(SUBMIT, &[survey, code])
}
pub fn saved(survey: &str, code: &str) -> String {
    fill(SAVED, &[survey, code])
}
pub fn done(survey: &str, code: &str) -> String {
    fill(DONE, &[survey, code])
}
pub fn invited(code: &str) -> String {
    fill(INVITED, &[code])
}
pub fn closed(survey: &str) -> String {
    fill(CLOSED, &[survey])
}
/// The id of a question's first input, which the error summary links to.
pub fn field_id(key: &str) -> String {
    format!("q-{key}")
}

/// Who may use each of the survey's addresses: anyone, since residents do not sign in.
pub const ACCESS: Declared = &[
    (HOME, Anyone),
    (RESUME, Anyone),
    (START, Anyone),
    (BEGIN, Anyone),
    (CLOSED, Anyone),
    (SECTION, Anyone),
    (CHECK, Anyone),
    (SUBMIT, Anyone),
    (SAVED, Anyone),
    (DONE, Anyone),
    (TAKE_PART, Anyone),
    (INVITED, Anyone),
    (PAGE_DATA, Anyone),
];

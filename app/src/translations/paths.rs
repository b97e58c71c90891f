//! The translators' addresses.

use crate::shared::access::{Access, Declared};
use crate::shared::address::fill;

/// Each language's progress on one survey, with its sheet to download and upload.
pub const LANGUAGES: &str = "/officer/surveys/{survey}/translations";
/// Every text of the survey in one language, to translate in the browser (POST saves).
pub const TEXTS: &str = "/officer/surveys/{survey}/translations/{language}";
/// The same as a spreadsheet: GET downloads it, POST uploads it back.
pub const SHEET: &str = "/officer/surveys/{survey}/translations/{language}/sheet";
pub const PAGE_DATA: &str = "/api/translations/{*fn}";

pub const ACCESS: Declared = &[
    (LANGUAGES, Access::Staff),
    (TEXTS, Access::Staff),
    (SHEET, Access::Staff),
    (PAGE_DATA, Access::Staff),
];

pub fn languages(survey: &str) -> String {
    fill(LANGUAGES, &[survey])
}

pub fn texts(survey: &str, language: &str) -> String {
    fill(TEXTS, &[survey, language])
}

pub fn sheet(survey: &str, language: &str) -> String {
    fill(SHEET, &[survey, language])
}

//! The builder's addresses.

use crate::shared::access::{Access, Declared};
use crate::shared::address::fill;

/// Every survey with its versions; a document is uploaded here (POST).
pub const SURVEYS: &str = "/officer/surveys";
/// Publishes a survey's draft (POST).
pub const PUBLISH: &str = "/officer/surveys/{survey}/publish";
/// Opens a new wave of a survey, answering its newest published version (POST).
pub const OPEN_WAVE: &str = "/officer/surveys/{survey}/waves";
/// A survey's document to download: its newest version, or `?version=N`.
pub const EXPORT: &str = "/officer/surveys/{survey}/survey.json";
/// Every question of the question bank, to copy into a document as it is.
pub const BANK: &str = "/officer/surveys/question-bank.json";
/// The JSON Schema of a survey document, for anyone who writes or checks one.
pub const SCHEMA: &str = domain::document::SCHEMA_PATH;
pub const PAGE_DATA: &str = "/api/builder/{*fn}";

pub const ACCESS: Declared = &[
    (SURVEYS, Access::Staff),
    (PUBLISH, Access::Staff),
    (OPEN_WAVE, Access::Staff),
    (EXPORT, Access::Staff),
    (BANK, Access::Staff),
    (SCHEMA, Access::Anyone),
    (PAGE_DATA, Access::Staff),
];

pub fn publish(survey: &str) -> String {
    fill(PUBLISH, &[survey])
}

pub fn open_wave(survey: &str) -> String {
    fill(OPEN_WAVE, &[survey])
}

pub fn export(survey: &str, version: i32) -> String {
    format!("{}?version={version}", fill(EXPORT, &[survey]))
}

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
/// The preview: a phone-sized frame of one page of a version, with JavaScript on or off.
pub const PREVIEW: &str = "/officer/surveys/{survey}/preview";
/// What the frame shows: a version's pages exactly as residents get them (no wasm), where
/// nothing is saved. Outside `/officer`, so that they ship no wasm either.
pub const FRAME_START: &str = "/preview/{survey}/{version}";
pub const FRAME_SECTION: &str = "/preview/{survey}/{version}/section/{n}";

pub const ACCESS: Declared = &[
    (SURVEYS, Access::Staff),
    (PUBLISH, Access::Staff),
    (OPEN_WAVE, Access::Staff),
    (EXPORT, Access::Staff),
    (BANK, Access::Staff),
    (SCHEMA, Access::Anyone),
    (PAGE_DATA, Access::Staff),
    (PREVIEW, Access::Staff),
    (FRAME_START, Access::Staff),
    (FRAME_SECTION, Access::Staff),
];

pub fn preview(survey: &str) -> String {
    fill(PREVIEW, &[survey])
}

/// A page of the frame: 0 the start page, else a section.
pub fn frame_page(survey: &str, version: i32, page: usize) -> String {
    if page == 0 {
        fill(FRAME_START, &[survey, &version.to_string()])
    } else {
        fill(
            FRAME_SECTION,
            &[survey, &version.to_string(), &page.to_string()],
        )
    }
}

/// A page of the frame in a language.
pub fn frame(survey: &str, version: i32, page: usize, lang: &str) -> String {
    format!("{}?lang={lang}", frame_page(survey, version, page))
}

pub fn publish(survey: &str) -> String {
    fill(PUBLISH, &[survey])
}

pub fn open_wave(survey: &str) -> String {
    fill(OPEN_WAVE, &[survey])
}

pub fn export(survey: &str, version: i32) -> String {
    format!("{}?version={version}", fill(EXPORT, &[survey]))
}

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

/// A new survey: its key and title (GET the form, POST it). Not under `/officer/surveys/`,
/// which a wave's page (`/officer/{survey}/{wave}`) would match.
pub const NEW: &str = "/officer/new-survey";
/// A survey's newest document, to change a piece at a time; each form posts here with `do`.
pub const EDIT: &str = "/officer/surveys/{survey}/edit";
/// A question added (`?section=N&kind=K`) or changed (`?question=KEY`).
pub const EDIT_QUESTION: &str = "/officer/surveys/{survey}/edit/question";
/// Questions of the question bank added to a section (`?section=N`).
pub const EDIT_BANK: &str = "/officer/surveys/{survey}/edit/bank";
/// An indicator added on one of the survey's questions (`?question=KEY`).
pub const EDIT_INDICATOR: &str = "/officer/surveys/{survey}/edit/indicator";

pub const ACCESS: Declared = &[
    (NEW, Access::Staff),
    (EDIT, Access::Staff),
    (EDIT_QUESTION, Access::Staff),
    (EDIT_BANK, Access::Staff),
    (EDIT_INDICATOR, Access::Staff),
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

pub fn edit(survey: &str) -> String {
    fill(EDIT, &[survey])
}

pub fn edit_question(survey: &str) -> String {
    fill(EDIT_QUESTION, &[survey])
}

/// The page adding a question of a kind to a section.
pub fn new_question(survey: &str, section: usize, kind: &str) -> String {
    format!("{}?section={section}&kind={kind}", edit_question(survey))
}

/// The page changing a question.
pub fn change_question(survey: &str, key: &str) -> String {
    format!("{}?question={key}", edit_question(survey))
}

pub fn edit_bank(survey: &str) -> String {
    fill(EDIT_BANK, &[survey])
}

pub fn bank_for(survey: &str, section: usize) -> String {
    format!("{}?section={section}", edit_bank(survey))
}

pub fn edit_indicator(survey: &str) -> String {
    fill(EDIT_INDICATOR, &[survey])
}

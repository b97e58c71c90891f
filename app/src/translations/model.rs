//! What the translators' pages show: plain data, never a database row.

use serde::{Deserialize, Serialize};

use crate::shared::Viewer;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LanguagesView {
    pub viewer: Viewer,
    pub survey_key: String,
    pub survey_title: String,
    pub languages: Vec<LanguageRow>,
    pub notice: Option<TranslationNotice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LanguageRow {
    pub code: String,
    pub name: String,
    pub own_name: String,
    pub total: usize,
    pub missing: usize,
    pub draft: usize,
    pub complete: usize,
    pub outdated: usize,
    /// Residents can choose it now: complete for the version they answer.
    pub offered: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextsView {
    pub viewer: Viewer,
    pub survey_key: String,
    pub survey_title: String,
    pub language_code: String,
    pub language_name: String,
    pub language_tag: String,
    pub direction: String,
    pub rows: Vec<TextRow>,
    pub notice: Option<TranslationNotice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextRow {
    pub id: String,
    pub place: String,
    pub english: String,
    /// "missing", "draft", "complete" or "outdated".
    pub status: String,
    /// The translation, or for an outdated text the one of the English before.
    pub text: String,
}

/// What the last save did, shown once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TranslationNotice {
    /// Saved; `problems` are texts left as they were, each with why (by text id).
    Saved {
        language: String,
        changed: usize,
        problems: Vec<(String, String)>,
    },
    /// The sheet could not be read: why, and nothing was saved.
    SheetRefused { language: String, message: String },
}

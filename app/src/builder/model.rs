//! What the builder's pages show: plain data, never a database row.

use serde::{Deserialize, Serialize};

use crate::shared::Viewer;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveysView {
    pub viewer: Viewer,
    pub surveys: Vec<SurveyRow>,
    pub notice: Option<SurveysNotice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyRow {
    pub key: String,
    pub title: String,
    /// Newest first.
    pub versions: Vec<VersionRow>,
    /// Each wave and the version it answers.
    pub waves: Vec<(String, i32)>,
    /// Whether any version is published: only then can a wave be opened.
    pub published: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionRow {
    pub number: i32,
    pub published: bool,
    /// "25 Nov 2026 by Jo Bloggs".
    pub saved: String,
    pub published_on: Option<String>,
    pub export_href: String,
}

/// The preview's controls: the versions to choose from and the chosen one's pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewView {
    pub viewer: Viewer,
    pub survey_key: String,
    pub title: String,
    /// Newest first, with whether each is published.
    pub versions: Vec<(i32, bool)>,
    pub version: i32,
    pub section_titles: Vec<String>,
}

/// What the last form on the surveys page did, shown once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SurveysNotice {
    /// The upload changed nothing: why, and each problem with the document.
    Refused {
        message: String,
        problems: Vec<String>,
    },
    Saved {
        key: String,
        number: i32,
        /// What stops it being published yet.
        waiting: Vec<String>,
    },
    Published {
        key: String,
        number: i32,
    },
    /// Publishing was refused: the survey, and each problem with its draft.
    PublishRefused {
        key: String,
        problems: Vec<String>,
    },
    WaveOpened {
        key: String,
        wave: String,
    },
    /// A new wave was refused: what was typed, kept, and why.
    WaveRefused {
        key: String,
        wave_key: String,
        wave_name: String,
        message: String,
    },
}

//! What pages receive from the server: plain response types, never database models.

use serde::{Deserialize, Serialize};

pub use crate::shared::components::ErrorItem;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveySummary {
    pub key: String,
    pub title: String,
    pub summary: String,
    pub minutes: i32,
    pub open: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StartView {
    pub key: String,
    pub title: String,
    pub summary: String,
    pub purpose: String,
    pub minutes: i32,
    pub retention: String,
    pub section_titles: Vec<String>,
    pub question_count: usize,
    /// None when the survey is not taking responses now.
    pub wave_name: Option<String>,
    /// In a translation not yet checked by a professional translator (the demo's).
    pub illustrative: bool,
    /// Shown in the builder's preview: where its buttons go instead.
    pub preview: Option<PreviewLinks>,
}

/// A page of the builder's preview: its Back link and where its button goes (the next
/// page, by a plain GET: a preview stores nothing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewLinks {
    pub back: String,
    pub next: String,
    /// The language previewed, carried to the next page (a GET form replaces the query).
    pub lang: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionView {
    pub key: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostcodeView {
    pub value: String,
    pub error: Option<String>,
    /// The ward the lookup found, to confirm to the resident.
    pub found: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum QuestionViewKind {
    Scale {
        min: i32,
        max: i32,
        min_label: String,
        max_label: String,
    },
    Choice {
        options: Vec<OptionView>,
    },
    /// Any number of the options, as checkboxes.
    Several {
        options: Vec<OptionView>,
    },
    Text {
        max_chars: usize,
    },
    Number {
        min: i32,
        max: i32,
        unit: Option<String>,
    },
    /// Day, month and year boxes; the value is `day/month/year` as typed.
    Date,
    Area {
        wards: Vec<OptionView>,
        /// Present only when a postcode lookup has been loaded.
        postcode: Option<PostcodeView>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub key: String,
    pub prompt: String,
    pub hint: Option<String>,
    pub required: bool,
    pub kind: QuestionViewKind,
    /// What the resident last gave, exactly as given.
    pub value: String,
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionView {
    pub survey_key: String,
    pub survey_title: String,
    pub code: String,
    pub code_display: String,
    pub number: usize,
    pub count: usize,
    /// The section before this one on the way the answers so far lead (routes can skip
    /// some); none: the start page.
    pub previous: Option<usize>,
    pub title: String,
    pub intro: Option<String>,
    pub questions: Vec<QuestionView>,
    pub errors: Vec<ErrorItem>,
    pub token: String,
    /// Came here from "check your answers" to change something: go back there next.
    pub changing: bool,
    /// Where to get help, after questions about wellbeing, loneliness or money (else empty).
    pub help: Vec<crate::shared::council::Signpost>,
    pub preview: Option<PreviewLinks>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRow {
    pub key: String,
    pub question: String,
    pub answer: Option<String>,
    pub change_href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckSection {
    pub number: usize,
    pub title: String,
    pub rows: Vec<CheckRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckView {
    pub survey_key: String,
    pub survey_title: String,
    pub code: String,
    pub code_display: String,
    pub section_count: usize,
    pub sections: Vec<CheckSection>,
    pub token: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub survey_key: String,
    pub survey_title: String,
    pub code: String,
    pub code_display: String,
    pub continue_href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DoneView {
    pub survey_key: String,
    pub survey_title: String,
    pub receipt: String,
    pub help: Vec<crate::shared::council::Signpost>,
}

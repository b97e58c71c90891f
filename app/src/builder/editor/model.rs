//! What the builder's editing pages show: plain data, never a database row. The typed
//! values a refused form gave back are already merged in by the server.

use domain::editing::{Details, FieldProblem, IndicatorText, NewSurvey, QuestionText};
use serde::{Deserialize, Serialize};

use crate::shared::Viewer;

/// What the last form of an editing page did, shown once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EditNotice {
    Done(String),
    /// A form refused: which form of the page, what was typed in it, and each problem.
    Refused {
        form: String,
        typed: Vec<(String, String)>,
        problems: Vec<FieldProblem>,
    },
}

/// A form's values and problems, by field name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormState {
    pub values: Vec<(String, String)>,
    pub problems: Vec<FieldProblem>,
}

impl FormState {
    pub fn value(&self, field: &str) -> String {
        self.values
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn values(&self, field: &str) -> Vec<String> {
        self.values
            .iter()
            .filter(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn error(&self, field: &str) -> Option<String> {
        self.problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.clone())
    }
}

/// A draft's whole page: its start page, sections, questions, routes and indicators, and
/// what stops it being published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorView {
    pub viewer: Viewer,
    pub survey_key: String,
    pub title: String,
    pub number: i32,
    /// The newest version is published: a change starts the next draft.
    pub published: bool,
    /// What stops publishing, in plain words; empty when it can be published.
    pub problems: Vec<String>,
    pub details: FormState,
    pub sections: Vec<SectionRow>,
    pub new_section: FormState,
    pub indicators: Vec<IndicatorRow>,
    /// Said once at the top: what the last form did, or a refusal with no field.
    pub done: Option<String>,
    pub failed: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionRow {
    pub number: usize,
    pub text: FormState,
    pub questions: Vec<QuestionRow>,
    /// Each route in words ("If using a park is No: the end").
    pub routes: Vec<String>,
    /// The answers a route can follow, as (`question=option`, words); empty: no choice
    /// question in the section.
    pub answers: Vec<(String, String)>,
    /// Where a route can go: later sections and the end, as (value, words).
    pub targets: Vec<(String, String)>,
    pub route: FormState,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionRow {
    pub key: String,
    pub prompt: String,
    /// "One answer from a list", "The ward (question bank)".
    pub kind: String,
    pub required: bool,
    pub bank: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorRow {
    pub key: String,
    pub label: String,
    /// "Share answering Yes to using a park; higher is better; greener".
    pub counts: String,
}

/// The question page: a new question of a kind for a section, or a question changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionEditorView {
    pub viewer: Viewer,
    pub survey_key: String,
    pub title: String,
    pub section: usize,
    /// The key of the question changed; none for a new one.
    pub editing: Option<String>,
    /// The kind's code; none for the ward question.
    pub kind: Option<String>,
    pub kind_name: String,
    /// A question bank question: its wording and answers are fixed.
    pub bank: bool,
    pub values: QuestionText,
    pub problems: Vec<FieldProblem>,
}

/// Questions of the question bank the survey does not ask yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BankView {
    pub viewer: Viewer,
    pub survey_key: String,
    pub title: String,
    pub section: usize,
    pub section_title: String,
    /// (key, wording, kind in words).
    pub questions: Vec<(String, String, String)>,
    pub form: FormState,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorEditorView {
    pub viewer: Viewer,
    pub survey_key: String,
    pub title: String,
    /// The questions an indicator can count: (key, wording).
    pub questions: Vec<(String, String)>,
    /// The question chosen, with what the rule can name.
    pub chosen: Option<ChosenQuestion>,
    pub values: IndicatorText,
    pub problems: Vec<FieldProblem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChosenQuestion {
    pub key: String,
    pub prompt: String,
    /// A choice's options as (key, label); none for a scale.
    pub options: Option<Vec<(String, String)>>,
    /// A scale's lowest and highest scores.
    pub scale: Option<(i32, i32)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewSurveyView {
    pub viewer: Viewer,
    pub values: NewSurvey,
    pub problems: Vec<FieldProblem>,
}

/// The start page's form as the editor shows it.
pub fn details_state(d: &Details) -> FormState {
    FormState {
        values: vec![
            ("title".into(), d.title.clone()),
            ("summary".into(), d.summary.clone()),
            ("purpose".into(), d.purpose.clone()),
            ("minutes".into(), d.minutes.clone()),
            ("retention".into(), d.retention.clone()),
        ],
        problems: Vec::new(),
    }
}

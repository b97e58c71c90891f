//! What the framework pages receive: figures already formatted, judgements already worded,
//! and nothing an officer has not published unless the page is an officer's.

use serde::{Deserialize, Serialize};

use crate::results::model::Figure;
use crate::shared::notice::FormNotice;
use crate::shared::Viewer;

/// A judgement: its key (which shape its icon takes) and its words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    /// better, similar, worse, higher, lower, not_compared; improving, worsening, ...
    pub key: String,
    pub words: String,
}

/// One figure as shown: "77.9 years", its period and interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shown {
    /// "77.9", or "withheld".
    pub text: String,
    pub period: String,
    /// "77.5 to 78.3".
    pub interval: Option<String>,
    pub status: Option<String>,
    pub illustrative: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub key: String,
    pub title: String,
    pub unit: String,
    pub from_survey: bool,
    pub latest: Option<Shown>,
    pub england: Option<Shown>,
    pub compared: Judgement,
    pub progress: Judgement,
    pub target: Option<Judgement>,
    /// The city's series for the small chart: (period, value).
    pub spark: Vec<(String, Option<f64>)>,
    pub next_update: Option<String>,
    pub overdue: bool,
    /// Officers only: values loaded but not yet published.
    pub unpublished: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriorityBlock {
    pub key: String,
    pub title: String,
    pub rows: Vec<Row>,
}

/// "You said, we did", as pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateView {
    pub id: i32,
    pub title: String,
    pub said: String,
    pub did: String,
    pub changed: String,
    pub status: String,
    pub status_key: String,
    /// (key, title) of its priorities and indicators; ward names.
    pub priorities: Vec<(String, String)>,
    pub indicators: Vec<(String, String)>,
    pub wards: Vec<String>,
    pub updated: String,
    pub published: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameworkView {
    pub place: String,
    pub priorities: Vec<PriorityBlock>,
    pub updates: Vec<UpdateView>,
    /// Signed-in staff (the officer's view).
    pub viewer: Option<Viewer>,
    /// Officers: indicators whose next figures are due within 30 days or overdue.
    pub due: Vec<Row>,
    /// An upload's refusal: the file's problems by line.
    pub upload: Option<UploadNotice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum UploadNotice {
    Loaded(String),
    Refused {
        message: String,
        problems: Vec<String>,
        more: usize,
    },
}

/// One period of an indicator, for the table beside its chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesRow {
    pub period: String,
    pub start: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub shown: Shown,
    pub england: Option<String>,
    pub england_value: Option<f64>,
    pub count: Option<String>,
    pub note: String,
    pub published: bool,
    /// Officers: the corrections made to it ("was 12.1; by ... on ...: reason").
    pub corrections: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetView {
    pub text: String,
    pub status: Judgement,
    pub strategy: String,
}

/// The ward map of a survey indicator, from its latest wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WardMapView {
    pub wave_name: String,
    pub figures: Vec<Figure>,
    pub is_share: bool,
    pub threshold: u32,
    /// (ward name, figure text, comparison with the city at 99.8%).
    pub compared: Vec<(String, String, Judgement)>,
    pub city: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorView {
    pub row: Row,
    pub priority: String,
    pub definition: String,
    pub polarity: String,
    pub publisher: String,
    pub source_url: String,
    pub licence: String,
    pub frequency: String,
    pub caveats: String,
    pub decimals: u8,
    pub series: Vec<SeriesRow>,
    pub target: Option<TargetView>,
    pub wards: Option<WardMapView>,
    pub updates: Vec<UpdateView>,
    pub viewer: Option<Viewer>,
    pub notice: Option<FormNotice>,
    /// For the officers' form: (code, name) of the areas a value can be given for.
    pub areas: Vec<(String, String)>,
    pub next_update_iso: String,
}

/// The officers' indicator definition form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DefinitionView {
    pub viewer: Viewer,
    /// None when adding an indicator.
    pub key: Option<String>,
    pub title: Option<String>,
    /// A survey indicator: its measure and unit are the engine's.
    pub from_survey: bool,
    /// The indicator as stored: (field, value).
    pub stored: Vec<(String, String)>,
    pub notice: Option<FormNotice>,
}

/// The officers' update form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateFormView {
    pub viewer: Viewer,
    pub id: Option<i32>,
    pub update: Option<UpdateView>,
    pub notice: Option<FormNotice>,
    /// (key, title) choices.
    pub priorities: Vec<(String, String)>,
    pub indicators: Vec<(String, String)>,
    pub wards: Vec<(String, String)>,
    /// The update as stored: (field, value) pairs for the form when nothing was refused.
    pub stored: Vec<(String, String)>,
    pub list: Vec<UpdateView>,
}

/// One indicator in the annual report's framework table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    pub title: String,
    /// "77.9 years (as published in the Corporate Strategy 2024-28)".
    pub baseline: String,
    pub latest: String,
    pub england: String,
    pub progress: String,
    pub target: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportPriority {
    pub title: String,
    pub rows: Vec<ReportRow>,
}

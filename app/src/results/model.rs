//! Results as pages show them: already filtered by disclosure control, so a withheld cell
//! reaches the browser with no figures at all.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeWord {
    Increase,
    Decrease,
    NoChange,
}

/// One published cell: an area, or a category of a breakdown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub code: String,
    pub label: String,
    /// None when withheld.
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub n: Option<u64>,
    pub withheld: bool,
    pub low_base: bool,
    pub change: Option<ChangeWord>,
    /// Column and row on the tile map (wards only).
    pub tile: Option<(i32, i32)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    pub label: String,
    pub value: f64,
}

/// An indicator's headline: the figure for the whole area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorSummary {
    pub key: String,
    pub label: String,
    /// A share (shown as a percentage) or a mean score (0 to 10).
    pub is_share: bool,
    pub higher_is_better: bool,
    pub all: Figure,
    pub benchmark: Option<Benchmark>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeBlock {
    pub title: String,
    pub indicators: Vec<IndicatorSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaveLink {
    pub key: String,
    pub name: String,
    pub published: bool,
}

/// Which wave is shown, and how its figures were made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaveHeader {
    pub survey_key: String,
    pub survey_title: String,
    pub wave_key: String,
    pub wave_name: String,
    pub open: bool,
    pub published: bool,
    pub is_baseline: bool,
    pub baseline_name: Option<String>,
    pub weighted: bool,
    pub population_illustrative: bool,
    /// The demo's made-up answers, not residents'.
    pub answers_illustrative: bool,
    pub threshold: u32,
    pub respondents: usize,
    /// Every wave the viewer may see, for switching.
    pub waves: Vec<WaveLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsOverview {
    pub header: WaveHeader,
    pub themes: Vec<ThemeBlock>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub wave_name: String,
    pub figure: Figure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorDetail {
    pub header: WaveHeader,
    pub indicator: IndicatorSummary,
    pub groups: Vec<Figure>,
    pub wards: Vec<Figure>,
    pub ages: Vec<Figure>,
    pub sexes: Vec<Figure>,
    pub trend: Vec<TrendPoint>,
    /// Every indicator of the wave, to move between them.
    pub others: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WardRow {
    pub indicator: IndicatorSummary,
    pub ward: Figure,
    /// The ward against the whole area at 99.8% limits (see the methodology).
    pub against_all: crate::framework::model::Judgement,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WardReport {
    pub header: WaveHeader,
    pub ward_code: String,
    pub ward_name: String,
    pub group_name: String,
    pub rows: Vec<WardRow>,
    pub wards: Vec<(String, String)>,
    /// "You said, we did" updates that name this ward.
    pub updates: Vec<crate::framework::model::UpdateView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedResults {
    pub surveys: Vec<PublishedSurvey>,
    /// Years with an annual report, newest first.
    pub years: Vec<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedSurvey {
    pub key: String,
    pub title: String,
    pub waves: Vec<WaveLink>,
}

/// Formats a value on its indicator's scale: a share as a whole percentage, a mean to one
/// decimal place.
pub fn format_value(is_share: bool, v: f64) -> String {
    if is_share {
        format!("{:.0}%", v * 100.0)
    } else {
        format!("{v:.1}")
    }
}

pub fn format_interval(is_share: bool, low: f64, high: f64) -> String {
    if is_share {
        format!("{:.0}% to {:.0}%", low * 100.0, high * 100.0)
    } else {
        format!("{low:.1} to {high:.1}")
    }
}

/// The change since the baseline in words, saying whether it is for the better.
pub fn describe_change(change: ChangeWord, higher_is_better: bool) -> (&'static str, &'static str) {
    match (change, higher_is_better) {
        (ChangeWord::NoChange, _) => ("=", "No significant change"),
        (ChangeWord::Increase, true) => ("▲", "Increased: better"),
        (ChangeWord::Increase, false) => ("▲", "Increased: worse"),
        (ChangeWord::Decrease, true) => ("▼", "Decreased: worse"),
        (ChangeWord::Decrease, false) => ("▼", "Decreased: better"),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MethodIndicator {
    pub label: String,
    pub theme: String,
    pub question: String,
    /// How answers become the figure, in words.
    pub rule: String,
    pub higher_is_better: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MethodSurvey {
    pub title: String,
    pub indicators: Vec<MethodIndicator>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MethodologyView {
    pub threshold: u32,
    pub min_threshold: u32,
    pub low_base: u64,
    pub surveys: Vec<MethodSurvey>,
}

/// One survey's part of an annual report: its headline indicators for the whole area (by
/// theme) and the same indicators ward by ward.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportSection {
    pub headline: ResultsOverview,
    /// The headline indicators in column order, each with its whole-area figure.
    pub columns: Vec<IndicatorSummary>,
    pub wards: Vec<ReportWard>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportWard {
    pub code: String,
    pub name: String,
    pub group: String,
    /// One per column.
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnualReport {
    pub year: i32,
    pub sections: Vec<ReportSection>,
    /// The wellbeing framework as it stands, priority by priority.
    pub framework: Vec<crate::framework::model::ReportPriority>,
    /// "You said, we did": the updates of the year.
    pub updates: Vec<crate::framework::model::UpdateView>,
    /// Every year with published results, newest first.
    pub years: Vec<i32>,
}

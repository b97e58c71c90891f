//! What the group pages are sent: never a database row.

use serde::{Deserialize, Serialize};

use crate::shared::notice::FormNotice;
use crate::shared::{Typed, Viewer};

/// An event in a list or on its page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    pub id: i32,
    pub title: String,
    /// "Saturday 5 December 2026, 10am to 12:30pm".
    pub when: String,
    pub place: String,
    pub ward: String,
    pub public: bool,
    pub cancelled: bool,
    pub over: bool,
    /// The surveys it collects answers for.
    pub surveys: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupHomeView {
    pub viewer: Viewer,
    pub group_name: String,
    pub upcoming: Vec<EventRow>,
    pub past: Vec<EventRow>,
    pub notice: Option<FormNotice>,
}

/// The plan and change forms: the choices, and the values to show (what was typed if the
/// form came back refused, else the event's own).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventFormView {
    pub viewer: Viewer,
    /// None when planning a new event.
    pub event_id: Option<i32>,
    pub wards: Vec<(String, String)>,
    pub waves: Vec<(String, String)>,
    pub values: Typed,
    pub notice: Option<FormNotice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub viewer: Viewer,
    pub event: EventRow,
    pub description: String,
    /// The event's page for residents, when it is public.
    pub public_page: Option<String>,
    /// The surveys answers can be entered for now, (wave id, title); empty when the event
    /// takes no entries (cancelled, or not within its hours).
    pub entry_waves: Vec<(i32, String)>,
    /// Responses entered at the event so far.
    pub entered: u64,
    /// The viewer's own entries, to correct while the event takes answers.
    pub mine: Vec<MyEntryRow>,
    /// The entry pages that work offline, (title, address): every survey of an event not
    /// yet over or cancelled, so a volunteer can get ready before they go.
    pub offline_pages: Vec<(String, String)>,
    /// Answers that arrived twice under one id but different (organisers only).
    pub kept_aside: Vec<AsideRow>,
    /// Paper forms, for each of the event's surveys.
    pub paper: Vec<PaperRow>,
    pub notice: Option<FormNotice>,
}

/// Answers kept aside, beside what is stored, for the organiser to resolve.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AsideRow {
    /// Where the organiser's choice is posted.
    pub action: String,
    pub received: String,
    pub by: String,
    /// Each answer that differs, in words: "question: stored became arrived".
    pub changes: Vec<String>,
}

/// The entry page that works without a connection: the whole survey on one page, and what
/// the page's script checks before it keeps a resident's answers on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfflineEntryView {
    pub viewer: Viewer,
    pub event_id: i32,
    pub event_title: String,
    pub survey_title: String,
    pub sections: Vec<(String, Vec<crate::survey::model::QuestionView>)>,
    /// Each question that must be answered: (question key, field id, the message when it
    /// is left blank), the journey's own words.
    pub checks: Vec<(String, String, String)>,
    pub not_agreed: String,
    /// Where the answers are sent (JSON).
    pub send_to: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonRow {
    pub name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
    /// "Not yet": the invitation has not been taken up.
    pub last_sign_in: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeopleView {
    pub viewer: Viewer,
    pub group_name: String,
    pub people: Vec<PersonRow>,
    pub notice: Option<FormNotice>,
}

/// Assisted entry: every question of the survey on one page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryView {
    pub viewer: Viewer,
    pub code: String,
    pub event_id: i32,
    pub event_title: String,
    pub survey_title: String,
    /// (section title, its questions).
    pub sections: Vec<(String, Vec<crate::survey::model::QuestionView>)>,
    pub errors: Vec<crate::shared::components::ErrorItem>,
    pub agreed: bool,
    pub agree_error: Option<String>,
    /// Sent already: the page says so instead of showing the form (unless correcting).
    pub sent: bool,
    /// Sent, and its volunteer may still correct it: the form shows the answers as stored.
    pub correcting: bool,
    /// Every correction made so far.
    pub history: Vec<CorrectionRow>,
}

/// One correction: when, by whom, and each answer before and after, in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorrectionRow {
    pub when: String,
    pub by: String,
    pub changes: Vec<String>,
}

/// One of the volunteer's own sent entries at an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyEntryRow {
    pub href: String,
    pub label: String,
}

/// Responses collected at one of the group's events, in one ward, by one channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountRow {
    pub event: String,
    pub survey: String,
    pub ward: String,
    pub channel: String,
    pub responses: u64,
}

/// The group's indicators for one survey wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupWave {
    pub title: String,
    pub responses: u64,
    pub indicators: Vec<crate::results::model::IndicatorSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupResultsView {
    pub viewer: Viewer,
    pub group_name: String,
    pub threshold: u32,
    pub counts: Vec<CountRow>,
    pub waves: Vec<GroupWave>,
}

/// Paper forms at one survey of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaperRow {
    pub survey: String,
    /// "Handed out: 40. Entered: 23, of which 12 checked." in words.
    pub tally: String,
    /// What the organiser last recorded as handed out, for the form's box.
    pub handed_out: String,
    /// Where to start a batch, while paper can be entered.
    pub start: Option<String>,
    /// Where the organiser records sheets handed out (organisers only).
    pub record: Option<String>,
    /// The id of that form ("handed-out-{wave}"), which a refusal names.
    pub form_id: String,
    /// (address, "Batch 3: 12 sheets, checked") for each batch.
    pub batches: Vec<(String, String)>,
}

/// A batch of paper forms: its sheets, and what the viewer can do with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchView {
    pub viewer: Viewer,
    pub id: i32,
    pub event_id: i32,
    pub event_title: String,
    pub survey_title: String,
    /// Where the batch stands, in words.
    pub state: String,
    /// (sheet number, ward or area answer, who typed it).
    pub sheets: Vec<(i32, String, String)>,
    /// The next sheet's form, while the batch is being entered.
    pub form: Option<SheetForm>,
    pub can_finish: bool,
    pub can_check: bool,
    pub notice: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetForm {
    pub sheet: String,
    pub sheet_error: Option<String>,
    pub sections: Vec<(String, Vec<crate::survey::model::QuestionView>)>,
    pub errors: Vec<crate::shared::components::ErrorItem>,
}

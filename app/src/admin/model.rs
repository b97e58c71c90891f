//! What the administrators' pages receive.

use serde::{Deserialize, Serialize};

use crate::shared::Viewer;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub role: String,
    pub role_label: String,
    pub active: bool,
    pub last_sign_in: Option<String>,
    pub two_factor: bool,
    /// The community group of an organiser or volunteer.
    pub group: Option<String>,
    /// (key, label) of the roles this account can be given: staff roles for staff, a
    /// group's roles for a group's people.
    pub roles: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UsersView {
    pub viewer: Viewer,
    pub users: Vec<UserRow>,
    /// (key, label) of each role a new account can be given.
    pub roles: Vec<(String, String)>,
    /// What was typed into "Add a user", when it came back refused.
    pub typed: crate::shared::Typed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub detail: String,
    pub ip: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub viewer: Viewer,
    pub rows: Vec<AuditRow>,
    pub page: u64,
    pub pages: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkRow {
    pub key: String,
    pub label: String,
    pub is_share: bool,
    pub source: String,
    /// As entered: a percentage for a share, a score for a mean.
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingsView {
    pub viewer: Viewer,
    pub threshold: u32,
    pub benchmarks: Vec<BenchmarkRow>,
    /// What was typed into a refused form (the threshold, or one benchmark's).
    pub typed: crate::shared::Typed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaRow {
    pub code: String,
    pub name: String,
    pub group: String,
    /// "column, row" on the tile map, or empty.
    pub tile: String,
    /// In every wave: a ward with responses must stay.
    pub responses: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreasView {
    pub viewer: Viewer,
    pub wards: Vec<AreaRow>,
    pub groups: usize,
    pub population_rows: usize,
    pub population_total: f64,
    pub population_illustrative: bool,
    /// What the last upload did, carried from the form post (never from the address).
    pub notice: Option<AreasNotice>,
}

/// One of the areas page's two upload forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadForm {
    Areas,
    Population,
}

impl UploadForm {
    /// The form's field id on the page, without the `-file` suffix.
    pub fn key(self) -> &'static str {
        match self {
            UploadForm::Areas => "areas",
            UploadForm::Population => "population",
        }
    }
}

/// What an upload did, shown once on the areas page after the form post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AreasNotice {
    /// Nothing changed: the message, the first problems by line, and how many more there were.
    Refused {
        form: UploadForm,
        message: String,
        problems: Vec<String>,
        more: usize,
    },
    AreasSaved {
        wards: usize,
        added: usize,
        removed: usize,
        population_removed: bool,
    },
    PopulationSaved {
        rows: usize,
    },
}

/// The email outbox: where messages go, and the newest messages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxView {
    pub viewer: Viewer,
    /// One sentence on where messages go ("sent through mail.example", or written to a
    /// folder and not sent).
    pub delivery: String,
    /// No mail server: nothing leaves this machine.
    pub not_sent: bool,
    pub rows: Vec<OutboxRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i32,
    pub to: String,
    pub what: String,
    pub subject: String,
    /// "Queued", "Sent", "Written to the folder", "Failed", ...
    pub status: String,
    pub failed: bool,
    pub attempts: u32,
    pub reason: String,
    pub queued: String,
    pub sent: String,
    /// When a queued message is next tried, after a failure.
    pub next_try: String,
}

/// A community group in the administrators' list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupRow {
    pub id: i32,
    pub name: String,
    pub wards: String,
    pub organisers: usize,
    pub volunteers: usize,
    pub events: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupsView {
    pub viewer: Viewer,
    pub groups: Vec<GroupRow>,
    /// Every ward, (id, name), for the new group's form.
    pub wards: Vec<(String, String)>,
    pub notice: Option<crate::shared::notice::FormNotice>,
}

/// One group: its details (as stored, or as typed if the form came back), its people and
/// its events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    pub viewer: Viewer,
    pub id: i32,
    pub name: String,
    pub values: crate::shared::Typed,
    pub wards: Vec<(String, String)>,
    pub people: Vec<crate::groups::model::PersonRow>,
    pub events: Vec<crate::groups::model::EventRow>,
    pub notice: Option<crate::shared::notice::FormNotice>,
}

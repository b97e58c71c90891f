//! What the officers' and administrators' pages receive.

use serde::{Deserialize, Serialize};

use super::results::{ResultsOverview, WaveLink};

/// The signed-in person, as pages need them: never more.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    /// Goes in every form this person posts.
    pub csrf: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyWaves {
    pub key: String,
    pub title: String,
    pub waves: Vec<WaveLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficerHome {
    pub viewer: Viewer,
    pub surveys: Vec<SurveyWaves>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficerOverview {
    pub viewer: Viewer,
    pub results: ResultsOverview,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldworkRow {
    pub code: String,
    pub name: String,
    pub group: String,
    pub online: u64,
    pub paper: u64,
    /// Entered by a community group on a resident's behalf.
    pub group_entered: u64,
    pub total: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldworkView {
    pub viewer: Viewer,
    pub survey_key: String,
    pub survey_title: String,
    pub wave_key: String,
    pub wave_name: String,
    pub rows: Vec<FieldworkRow>,
    /// Responses with no ward (did not know, or preferred not to say).
    pub no_ward: u64,
    pub total: u64,
    pub threshold: u32,
}

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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UsersView {
    pub viewer: Viewer,
    pub users: Vec<UserRow>,
    /// (key, label) of each role that can be given.
    pub roles: Vec<(String, String)>,
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
}

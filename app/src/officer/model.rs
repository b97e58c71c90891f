//! What the officers' and administrators' pages receive.

use serde::{Deserialize, Serialize};

pub use crate::shared::Viewer;

use crate::results::model::{ResultsOverview, WaveLink};

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
    pub panel: PanelMakeUp,
}

/// The residents' panel beside the population: whom it under-represents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PanelMakeUp {
    /// Confirmed members.
    pub members: u64,
    /// Population totals are loaded (else there is nothing to compare with).
    pub population: bool,
    pub tables: Vec<MakeUpTable>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MakeUpTable {
    /// "Age band", "Sex", "Ward".
    pub by: String,
    pub rows: Vec<MakeUpRow>,
    /// Members who did not say.
    pub not_said: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MakeUpRow {
    pub label: String,
    pub members: u64,
    /// Of the members who said, as "12%".
    pub share: String,
    /// Of residents, as "15%", empty without population totals.
    pub population_share: String,
    /// The panel's share is under two thirds of the population's: invite more of them.
    pub under: bool,
}

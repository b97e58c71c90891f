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
    /// "Published by Jo Bloggs, 24 Nov 2026 10:12 UTC" (or withdrawn), from the audit log.
    pub last_publication: Option<String>,
}

/// What publishing (or withdrawing) a wave will do, asked before it is done.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicationCheck {
    pub viewer: Viewer,
    pub header: crate::results::model::WaveHeader,
    pub indicators: usize,
    /// Every figure of the wave: each indicator for the city, each area and ward, and by
    /// age band and sex.
    pub figures: usize,
    pub withheld: usize,
    pub last_publication: Option<String>,
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
    pub invitations: InvitationsView,
    /// Responses by the community group that collected them, and how.
    pub by_group: Vec<GroupChannelRow>,
}

/// Responses a community group collected through one channel (or, with no group, those
/// residents gave online or that were imported).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupChannelRow {
    pub group: String,
    pub channel: String,
    pub responses: u64,
}

/// Inviting residents to the wave, and how the invitations are going.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationsView {
    /// The wave takes answers, so the invitation forms are shown.
    pub open: bool,
    /// Confirmed panel members not yet invited to this wave.
    pub members_left: u64,
    pub notice: Option<InviteNotice>,
    /// Newest first.
    pub batches: Vec<BatchRow>,
    /// By ward, then a row for invitees with no ward.
    pub rows: Vec<InviteRow>,
    pub totals: InviteRow,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchRow {
    pub when: String,
    /// "Residents' panel" or "Uploaded list".
    pub source: String,
    pub invited: u64,
    /// "After 7 and 14 days", "None".
    pub reminders: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InviteRow {
    pub ward: String,
    pub invited: u64,
    pub reminded: u64,
    /// Codes used: responses sent from an invitation.
    pub responded: u64,
}

/// Which of the two invitation forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteForm {
    Panel,
    List,
}

/// What an invitation form post did, shown once on the fieldwork page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum InviteNotice {
    Done(String),
    /// Nobody was invited: the field at fault (its id), the message, the first problems in
    /// an uploaded file and how many more, and what was typed.
    Refused {
        form: InviteForm,
        field: String,
        message: String,
        problems: Vec<String>,
        more: usize,
        typed: crate::shared::Typed,
    },
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

/// One indicator split by how answers were given and by the community group that collected
/// them: each part a cell like any other, withheld below the threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorSplits {
    pub is_share: bool,
    pub threshold: u32,
    /// (channel, its figure), in the channels' own order.
    pub by_channel: Vec<(String, crate::results::model::Figure)>,
    /// (group, its figure), by name; answers no group collected are not a row.
    pub by_group: Vec<(String, crate::results::model::Figure)>,
    /// The language answered in (English, Urdu, ...), each answered in at least once.
    pub by_language: Vec<(String, crate::results::model::Figure)>,
}

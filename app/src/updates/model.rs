//! What the results-updates pages receive.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdatesView {
    pub token: String,
    pub typed: crate::shared::Typed,
}

/// The page a confirmation or leave link opens: whether the link still works, and for
/// which list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkView {
    pub works: bool,
    pub panel: bool,
    /// A leave link from a survey invitation sent to an uploaded list (not a list joined).
    pub invitation: bool,
}

/// Joining the residents' panel: the choices for the optional questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PanelView {
    pub token: String,
    pub typed: crate::shared::Typed,
    /// (code, name), by name.
    pub wards: Vec<(String, String)>,
    pub age_bands: Vec<String>,
    /// (key, label).
    pub sexes: Vec<(String, String)>,
}

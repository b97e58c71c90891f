//! What the public events pages are sent.

use serde::{Deserialize, Serialize};

/// A public event as residents see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicEventRow {
    pub id: i32,
    pub title: String,
    pub when: String,
    /// "10am to 12:30pm", for a listing already grouped by day.
    pub hours: String,
    /// "Saturday 5 December 2026", for grouping by day.
    pub day: String,
    pub place: String,
    pub ward: String,
    pub ward_code: String,
    pub group: String,
    pub group_contact: String,
    pub description: String,
    pub surveys: Vec<String>,
    pub over: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventsView {
    /// The wards with events to come: (code, name), by name.
    pub wards: Vec<(String, String)>,
    /// The ward chosen, if any (its code).
    pub ward: Option<String>,
    pub events: Vec<PublicEventRow>,
}

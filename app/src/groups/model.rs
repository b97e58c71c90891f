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
    pub notice: Option<FormNotice>,
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

//! What the kiosk pages are sent.

use serde::{Deserialize, Serialize};

use crate::shared::components::ErrorItem;
use crate::survey::model::QuestionView;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum KioskHome {
    /// This tablet is not a kiosk (yet): the form for the organiser's one-time code.
    NeedsCode {
        error: Option<String>,
        typed: String,
    },
    /// A working kiosk: the start screen.
    Ready {
        survey_title: String,
        minutes: i32,
        event_title: String,
        group_name: String,
        token: String,
        /// "Thank you" for the person who has just sent their answers.
        thanks: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskAnswersView {
    pub code: String,
    pub survey_title: String,
    pub sections: Vec<(String, Vec<QuestionView>)>,
    pub errors: Vec<ErrorItem>,
    pub token: String,
    pub idle_seconds: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskLeaveView {
    pub token: String,
    pub error: Option<String>,
    pub email: String,
}

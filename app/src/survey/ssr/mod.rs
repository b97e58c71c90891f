//! Server-only parts of the survey: its page data and its form posts.

pub mod drafts_cookie;
pub mod forms;
pub mod invited;
pub mod views;

//! Server-only parts of administration: page data, form posts and file uploads.

pub mod forms;
pub mod groups;
pub mod uploads;
pub mod views;

//! Server-only parts of administration: page data, form posts and file uploads.

pub mod forms;
pub mod uploads;
pub mod views;

//! Server-only parts of the public events pages: their data and the calendar files.

pub mod calendar;
pub mod views;

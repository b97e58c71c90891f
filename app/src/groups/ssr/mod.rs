//! Server-only parts of the group pages: their data and their forms.

pub mod entries;
pub mod forms;
pub mod offline;
pub mod paper;
pub mod results;
pub mod views;

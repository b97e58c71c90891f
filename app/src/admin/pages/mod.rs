//! Administrators' pages.

pub mod areas;
pub mod audit;
pub mod groups;
pub mod outbox;
pub mod settings;
pub mod users;

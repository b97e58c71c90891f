//! Administrators' pages.

pub mod areas;
pub mod audit;
pub mod outbox;
pub mod settings;
pub mod users;

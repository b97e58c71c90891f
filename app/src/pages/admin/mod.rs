//! Administrators' pages.

pub mod audit;
pub mod settings;
pub mod users;

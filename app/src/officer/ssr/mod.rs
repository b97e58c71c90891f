//! Server-only parts of the officers' dashboard: page data and the wave form.

pub mod forms;
pub mod invitations;
pub mod splits;
pub mod views;

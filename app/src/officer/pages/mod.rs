//! The officers' dashboard.

pub mod fieldwork;
pub mod home;
pub mod indicator;
pub mod invitations;
pub mod nav;
pub mod overview;
pub mod publication;

//! The officers' dashboard.

pub mod fieldwork;
pub mod home;
pub mod indicator;
pub mod nav;
pub mod overview;

//! What pages receive from server functions: plain response types, never database models.

pub mod links;
pub mod officer;
pub mod results;
mod survey;

pub use survey::*;

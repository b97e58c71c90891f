//! One page per file.

pub mod account;
pub mod reset;
pub mod sign_in;
pub mod two_factor;

//! Server-only parts of accounts: the form posts and the page data.

pub mod own_account;
pub mod reset;
pub mod sign_in;
pub mod two_factor;
pub mod views;

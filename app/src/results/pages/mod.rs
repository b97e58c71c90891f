//! Published results, for everyone: no sign-in.

pub mod annual_report;
pub mod indicator;
pub mod list;
pub mod methodology;
pub mod overview;
pub mod ward;

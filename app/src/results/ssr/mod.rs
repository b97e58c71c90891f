//! Server-only parts of results: page data built from computed indicators, the
//! methodology and the annual report, and the downloads.

pub mod exports;
pub mod methodology;
pub mod report_view;
pub mod views;

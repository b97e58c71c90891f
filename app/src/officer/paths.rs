//! Addresses of the officers' own pages (their results pages are in `results::paths`).

use crate::shared::access::{Access::*, Declared};

pub const OFFICER: &str = "/officer";
pub fn fieldwork(survey: &str, wave: &str) -> String {
    format!("{OFFICER}/{survey}/{wave}/fieldwork")
}
pub fn wave_change(survey: &str, wave: &str) -> String {
    format!("{OFFICER}/{survey}/{wave}/change")
}

/// Who may use each of the officers' addresses: staff (officers and administrators).
pub const ACCESS: Declared = &[
    ("/officer", Staff),
    ("/officer/{survey}/{wave}", Staff),
    ("/officer/{survey}/{wave}/indicator/{key}", Staff),
    ("/officer/{survey}/{wave}/fieldwork", Staff),
    ("/officer/{survey}/{wave}/change", Staff),
    ("/api/officer/{*fn}", Staff),
];

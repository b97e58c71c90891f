//! Every address of the officers' own pages (their results pages and downloads are in
//! `results::paths`): the router, the access table and the links all use these patterns.

use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const OFFICER: &str = "/officer";
pub const WAVE: &str = "/officer/{survey}/{wave}";
pub const INDICATOR: &str = "/officer/{survey}/{wave}/indicator/{key}";
pub const FIELDWORK: &str = "/officer/{survey}/{wave}/fieldwork";
pub const WAVE_CHANGE: &str = "/officer/{survey}/{wave}/change";
/// "Publish these results?" (or withdraw them): what will change, before it does.
pub const PUBLICATION: &str = "/officer/{survey}/{wave}/publication";
pub const INVITE_PANEL: &str = "/officer/{survey}/{wave}/invite/panel";
pub const INVITE_LIST: &str = "/officer/{survey}/{wave}/invite/list";
pub const PAGE_DATA: &str = "/api/officer/{*fn}";

pub fn fieldwork(survey: &str, wave: &str) -> String {
    fill(FIELDWORK, &[survey, wave])
}
pub fn wave_change(survey: &str, wave: &str) -> String {
    fill(WAVE_CHANGE, &[survey, wave])
}
pub fn publication(survey: &str, wave: &str) -> String {
    fill(PUBLICATION, &[survey, wave])
}
pub fn invite_panel(survey: &str, wave: &str) -> String {
    fill(INVITE_PANEL, &[survey, wave])
}
pub fn invite_list(survey: &str, wave: &str) -> String {
    fill(INVITE_LIST, &[survey, wave])
}

/// Who may use each of the officers' addresses: staff (officers and administrators).
pub const ACCESS: Declared = &[
    (OFFICER, Staff),
    (WAVE, Staff),
    (INDICATOR, Staff),
    (FIELDWORK, Staff),
    (WAVE_CHANGE, Staff),
    (PUBLICATION, Staff),
    (INVITE_PANEL, Staff),
    (INVITE_LIST, Staff),
    (PAGE_DATA, Staff),
];

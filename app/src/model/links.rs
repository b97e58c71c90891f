//! Addresses of the officers' and the public results pages.

// The accounts feature's own addresses, kept in its `paths`.
pub use crate::accounts::paths::*;

pub const OFFICER: &str = "/officer";
pub const RESULTS: &str = "/results";
pub const ANNUAL_REPORT: &str = "/annual-report";
pub const METHODOLOGY: &str = "/results/methodology";
pub const ADMIN_USERS: &str = "/admin/users";
pub const ADMIN_AUDIT: &str = "/admin/audit";
pub const ADMIN_SETTINGS: &str = "/admin/settings";
pub const ADMIN_AREAS: &str = "/admin/areas";
pub const ADMIN_POPULATION: &str = "/admin/population";
pub const ADMIN_AREAS_CSV: &str = "/admin/areas.csv";
pub fn admin_two_factor_off(id: i32) -> String {
    format!("/admin/users/{id}/two-factor-off")
}
pub fn admin_reset_password(id: i32) -> String {
    format!("/admin/users/{id}/password")
}

/// Officer or public: the same results, under a different root.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Audience {
    Officer,
    Public,
}

impl Audience {
    pub fn root(self) -> &'static str {
        match self {
            Audience::Officer => OFFICER,
            Audience::Public => RESULTS,
        }
    }
}

pub fn wave(a: Audience, survey: &str, wave: &str) -> String {
    format!("{}/{survey}/{wave}", a.root())
}
pub fn indicator(a: Audience, survey: &str, wave: &str, key: &str) -> String {
    format!("{}/{survey}/{wave}/indicator/{key}", a.root())
}
pub fn ward(survey: &str, wave: &str, code: &str) -> String {
    format!("{RESULTS}/{survey}/{wave}/ward/{code}")
}
pub fn annual_report(year: i32) -> String {
    format!("{ANNUAL_REPORT}/{year}")
}
pub fn fieldwork(survey: &str, wave: &str) -> String {
    format!("{OFFICER}/{survey}/{wave}/fieldwork")
}
pub fn wave_change(survey: &str, wave: &str) -> String {
    format!("{OFFICER}/{survey}/{wave}/change")
}
/// Indicators for download; `format` is csv or xlsx.
pub fn export(a: Audience, survey: &str, wave: &str, format: &str) -> String {
    format!("{}/{survey}/{wave}/indicators.{format}", a.root())
}
pub fn raw_responses(survey: &str, wave: &str) -> String {
    format!("/admin/{survey}/{wave}/responses.csv")
}

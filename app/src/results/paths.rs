//! Addresses of the results pages, public and officers' (the same pages under two roots).

use crate::shared::access::{Access::*, Declared};

pub const RESULTS: &str = "/results";
pub const ANNUAL_REPORT: &str = "/annual-report";
pub const METHODOLOGY: &str = "/results/methodology";
/// Officer or public: the same results, under a different root.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Audience {
    Officer,
    Public,
}

impl Audience {
    pub fn root(self) -> &'static str {
        match self {
            Audience::Officer => crate::officer::paths::OFFICER,
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
/// Indicators for download; `format` is csv or xlsx.
pub fn export(a: Audience, survey: &str, wave: &str, format: &str) -> String {
    format!("{}/{survey}/{wave}/indicators.{format}", a.root())
}

/// Who may use each address of results: the public pages, downloads and open data are for
/// anyone; the officers' copies of the pages are for staff.
pub const ACCESS: Declared = &[
    ("/results", Anyone),
    ("/results/methodology", Anyone),
    ("/results/{survey}/{wave}", Anyone),
    ("/results/{survey}/{wave}/indicator/{key}", Anyone),
    ("/results/{survey}/{wave}/wards", Anyone),
    ("/results/{survey}/{wave}/ward/{code}", Anyone),
    ("/results/{survey}/{wave}/indicators.csv", Anyone),
    ("/annual-report/{year}", Anyone),
    ("/api/v1/indicators", Anyone),
    ("/api/v1/surveys", Anyone),
    ("/api/v1/openapi.json", Anyone),
    ("/api/results/{*fn}", Anyone),
    ("/officer/{survey}/{wave}/indicators.csv", Staff),
    ("/officer/{survey}/{wave}/indicators.xlsx", Staff),
];

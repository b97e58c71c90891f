//! Every address of results, public and officers' (the same pages under two roots), the
//! downloads and the open data: the routers, the access table and the links all use these
//! patterns, so none is written twice.

use crate::officer::paths as officer;
use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const RESULTS: &str = "/results";
pub const METHODOLOGY: &str = "/results/methodology";
pub const WAVE: &str = "/results/{survey}/{wave}";
pub const INDICATOR: &str = "/results/{survey}/{wave}/indicator/{key}";
pub const WARDS: &str = "/results/{survey}/{wave}/wards";
pub const WARD: &str = "/results/{survey}/{wave}/ward/{code}";
pub const CSV: &str = "/results/{survey}/{wave}/indicators.csv";
pub const ANNUAL_REPORT: &str = "/annual-report/{year}";
pub const OFFICER_CSV: &str = "/officer/{survey}/{wave}/indicators.csv";
pub const OFFICER_XLSX: &str = "/officer/{survey}/{wave}/indicators.xlsx";
/// The open data API.
pub const API_INDICATORS: &str = "/api/v1/indicators";
pub const API_SURVEYS: &str = "/api/v1/surveys";
pub const API_OPENAPI: &str = "/api/v1/openapi.json";
pub const PAGE_DATA: &str = "/api/results/{*fn}";

/// Officer or public: the same results, under a different root.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Audience {
    Officer,
    Public,
}

pub fn wave(a: Audience, survey: &str, wave: &str) -> String {
    let pattern = match a {
        Audience::Officer => officer::WAVE,
        Audience::Public => WAVE,
    };
    fill(pattern, &[survey, wave])
}
pub fn indicator(a: Audience, survey: &str, wave: &str, key: &str) -> String {
    let pattern = match a {
        Audience::Officer => officer::INDICATOR,
        Audience::Public => INDICATOR,
    };
    fill(pattern, &[survey, wave, key])
}
/// Where the ward chooser (a GET form) goes.
pub fn wards(survey: &str, wave: &str) -> String {
    fill(WARDS, &[survey, wave])
}
pub fn ward(survey: &str, wave: &str, code: &str) -> String {
    fill(WARD, &[survey, wave, code])
}
pub fn annual_report(year: i32) -> String {
    fill(ANNUAL_REPORT, &[&year.to_string()])
}

/// A download's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// Indicators for download. The public pages offer CSV only.
pub fn export(a: Audience, survey: &str, wave: &str, format: Format) -> String {
    let pattern = match (a, format) {
        (Audience::Officer, Format::Csv) => OFFICER_CSV,
        (Audience::Officer, Format::Xlsx) => OFFICER_XLSX,
        (Audience::Public, _) => CSV,
    };
    fill(pattern, &[survey, wave])
}

/// Who may use each address of results: the public pages, downloads and open data are for
/// anyone; the officers' downloads are for staff.
pub const ACCESS: Declared = &[
    (RESULTS, Anyone),
    (METHODOLOGY, Anyone),
    (WAVE, Anyone),
    (INDICATOR, Anyone),
    (WARDS, Anyone),
    (WARD, Anyone),
    (CSV, Anyone),
    (ANNUAL_REPORT, Anyone),
    (API_INDICATORS, Anyone),
    (API_SURVEYS, Anyone),
    (API_OPENAPI, Anyone),
    (PAGE_DATA, Anyone),
    (OFFICER_CSV, Staff),
    (OFFICER_XLSX, Staff),
];

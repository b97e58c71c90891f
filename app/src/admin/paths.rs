//! Addresses of the administrators' pages and forms.

use crate::shared::access::{Access::*, Declared};

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

pub fn raw_responses(survey: &str, wave: &str) -> String {
    format!("/admin/{survey}/{wave}/responses.csv")
}

/// Who may use each of the administrators' addresses.
pub const ACCESS: Declared = &[
    ("/admin/users", Administrators),
    ("/admin/users/{id}", Administrators),
    ("/admin/users/{id}/password", Administrators),
    ("/admin/audit", Administrators),
    ("/admin/settings", Administrators),
    ("/admin/settings/threshold", Administrators),
    ("/admin/settings/benchmark", Administrators),
    ("/admin/areas", Administrators),
    ("/admin/areas.csv", Administrators),
    ("/admin/population", Administrators),
    ("/admin/{survey}/{wave}/responses.csv", Administrators),
    ("/api/admin/{*fn}", Administrators),
];

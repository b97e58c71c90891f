//! Every address of administration: the routers, the access table and the links all use
//! these patterns, so none is written twice.

use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const ADMIN_USERS: &str = "/admin/users";
pub const ADMIN_USER: &str = "/admin/users/{id}";
pub const ADMIN_USER_PASSWORD: &str = "/admin/users/{id}/password";
pub const ADMIN_USER_TWO_FACTOR_OFF: &str = "/admin/users/{id}/two-factor-off";
pub const ADMIN_GROUPS: &str = "/admin/groups";
pub const ADMIN_GROUP: &str = "/admin/groups/{id}";
pub const ADMIN_GROUP_ORGANISERS: &str = "/admin/groups/{id}/organisers";
pub const ADMIN_AUDIT: &str = "/admin/audit";
pub const ADMIN_SETTINGS: &str = "/admin/settings";
pub const ADMIN_THRESHOLD: &str = "/admin/settings/threshold";
pub const ADMIN_BENCHMARK: &str = "/admin/settings/benchmarks";
pub const ADMIN_AREAS: &str = "/admin/areas";
pub const ADMIN_POPULATION: &str = "/admin/population";
pub const ADMIN_AREAS_CSV: &str = "/admin/areas.csv";
pub const ADMIN_OUTBOX: &str = "/admin/outbox";
pub const ADMIN_OUTBOX_RETRY: &str = "/admin/outbox/{id}/retry";
pub const RAW_RESPONSES: &str = "/admin/{survey}/{wave}/responses.csv";
pub const PAGE_DATA: &str = "/api/admin/{*fn}";

pub fn admin_user(id: i32) -> String {
    fill(ADMIN_USER, &[&id.to_string()])
}
pub fn admin_two_factor_off(id: i32) -> String {
    fill(ADMIN_USER_TWO_FACTOR_OFF, &[&id.to_string()])
}
pub fn admin_reset_password(id: i32) -> String {
    fill(ADMIN_USER_PASSWORD, &[&id.to_string()])
}
pub fn admin_group(id: i32) -> String {
    fill(ADMIN_GROUP, &[&id.to_string()])
}
pub fn admin_group_organisers(id: i32) -> String {
    fill(ADMIN_GROUP_ORGANISERS, &[&id.to_string()])
}
pub fn outbox_retry(id: i32) -> String {
    fill(ADMIN_OUTBOX_RETRY, &[&id.to_string()])
}
pub fn raw_responses(survey: &str, wave: &str) -> String {
    fill(RAW_RESPONSES, &[survey, wave])
}

/// Who may use each of the administrators' addresses.
pub const ACCESS: Declared = &[
    (ADMIN_USERS, Administrators),
    (ADMIN_USER, Administrators),
    (ADMIN_USER_PASSWORD, Administrators),
    (ADMIN_USER_TWO_FACTOR_OFF, Administrators),
    (ADMIN_GROUPS, Administrators),
    (ADMIN_GROUP, Administrators),
    (ADMIN_GROUP_ORGANISERS, Administrators),
    (ADMIN_AUDIT, Administrators),
    (ADMIN_SETTINGS, Administrators),
    (ADMIN_THRESHOLD, Administrators),
    (ADMIN_BENCHMARK, Administrators),
    (ADMIN_AREAS, Administrators),
    (ADMIN_AREAS_CSV, Administrators),
    (ADMIN_POPULATION, Administrators),
    (ADMIN_OUTBOX, Administrators),
    (ADMIN_OUTBOX_RETRY, Administrators),
    (RAW_RESPONSES, Administrators),
    (PAGE_DATA, Administrators),
];

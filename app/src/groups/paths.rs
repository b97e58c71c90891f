//! Every address of a community group's own pages: its events and its people. Organisers
//! and volunteers reach only their own group's; nothing in an address names the group.

use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const GROUP: &str = "/group";
pub const GROUP_NEW_EVENT: &str = "/group/new-event";
pub const GROUP_EVENT: &str = "/group/events/{id}";
pub const GROUP_EVENT_CHANGE: &str = "/group/events/{id}/change";
pub const GROUP_EVENT_CANCEL: &str = "/group/events/{id}/cancel";
pub const GROUP_EVENT_ENTER: &str = "/group/events/{id}/enter/{wave}";
pub const GROUP_ENTRY: &str = "/group/entries/{code}";
/// The entry page that keeps working without a connection (GET), and where its answers
/// are sent when the connection returns (POST, JSON).
pub const GROUP_EVENT_OFFLINE: &str = "/group/events/{id}/offline/{wave}";
/// The organiser's choice for answers kept aside.
pub const GROUP_KEPT_ASIDE: &str = "/group/kept-aside/{id}";
/// Starting a batch of paper forms for one of the event's surveys (POST).
pub const GROUP_EVENT_PAPER: &str = "/group/events/{id}/paper/{wave}";
/// The organiser records how many paper forms they handed out (POST).
pub const GROUP_EVENT_HANDED_OUT: &str = "/group/events/{id}/handed-out/{wave}";
/// A batch of paper forms: its sheets, and the next sheet's form (POST adds it).
pub const GROUP_BATCH: &str = "/group/batches/{id}";
/// Finishing, checking, sending back a batch, or removing a sheet (POST, `step`).
pub const GROUP_BATCH_STEP: &str = "/group/batches/{id}/step";
/// The service worker that keeps the offline entry page; its scope is `/group/`.
pub const GROUP_SERVICE_WORKER: &str = "/group/sw.js";
pub const GROUP_EVENT_KIOSK: &str = "/group/events/{id}/kiosk/{wave}";
pub const GROUP_PEOPLE: &str = "/group/people";
pub const GROUP_RESULTS: &str = "/group/results";
pub const PAGE_DATA: &str = "/api/group/{*fn}";
/// The organisers' own pages' data, declared before the rest of `PAGE_DATA` (the first
/// declaration that matches an address decides).
pub const EVENT_FORM_DATA: &str = "/api/group/event-form";
pub const PEOPLE_DATA: &str = "/api/group/people";
pub const RESULTS_DATA: &str = "/api/group/results";

pub fn event(id: i32) -> String {
    fill(GROUP_EVENT, &[&id.to_string()])
}
pub fn event_change(id: i32) -> String {
    fill(GROUP_EVENT_CHANGE, &[&id.to_string()])
}
pub fn event_enter(id: i32, wave: i32) -> String {
    fill(GROUP_EVENT_ENTER, &[&id.to_string(), &wave.to_string()])
}
pub fn event_kiosk(id: i32, wave: i32) -> String {
    fill(GROUP_EVENT_KIOSK, &[&id.to_string(), &wave.to_string()])
}
pub fn event_offline(id: i32, wave: i32) -> String {
    fill(GROUP_EVENT_OFFLINE, &[&id.to_string(), &wave.to_string()])
}
pub fn event_paper(id: i32, wave: i32) -> String {
    fill(GROUP_EVENT_PAPER, &[&id.to_string(), &wave.to_string()])
}
pub fn event_handed_out(id: i32, wave: i32) -> String {
    fill(
        GROUP_EVENT_HANDED_OUT,
        &[&id.to_string(), &wave.to_string()],
    )
}
pub fn batch(id: i32) -> String {
    fill(GROUP_BATCH, &[&id.to_string()])
}
pub fn batch_step(id: i32) -> String {
    fill(GROUP_BATCH_STEP, &[&id.to_string()])
}
pub fn kept_aside(id: i32) -> String {
    fill(GROUP_KEPT_ASIDE, &[&id.to_string()])
}
pub fn entry(code: &str) -> String {
    fill(GROUP_ENTRY, &[code])
}
pub fn event_cancel(id: i32) -> String {
    fill(GROUP_EVENT_CANCEL, &[&id.to_string()])
}

/// Who may use each of the group pages' addresses.
pub const ACCESS: Declared = &[
    (GROUP, GroupPeople),
    (GROUP_NEW_EVENT, Organisers),
    (GROUP_EVENT, GroupPeople),
    (GROUP_EVENT_CHANGE, Organisers),
    (GROUP_EVENT_CANCEL, Organisers),
    (GROUP_EVENT_ENTER, GroupPeople),
    (GROUP_ENTRY, GroupPeople),
    (GROUP_EVENT_OFFLINE, GroupPeople),
    (GROUP_KEPT_ASIDE, Organisers),
    (GROUP_EVENT_PAPER, GroupPeople),
    (GROUP_EVENT_HANDED_OUT, Organisers),
    (GROUP_BATCH, GroupPeople),
    (GROUP_BATCH_STEP, GroupPeople),
    (GROUP_SERVICE_WORKER, Anyone),
    (GROUP_EVENT_KIOSK, Organisers),
    (GROUP_PEOPLE, Organisers),
    (GROUP_RESULTS, Organisers),
    (EVENT_FORM_DATA, Organisers),
    (PEOPLE_DATA, Organisers),
    (RESULTS_DATA, Organisers),
    (PAGE_DATA, GroupPeople),
];

//! Every address of the public events listing: community groups' public events by ward
//! and date, each with a calendar file.

use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const EVENTS: &str = "/events";
pub const EVENT: &str = "/events/{id}";
pub const EVENT_CALENDAR: &str = "/events/{id}/calendar.ics";
pub const PAGE_DATA: &str = "/api/events/{*fn}";

pub fn event(id: i32) -> String {
    fill(EVENT, &[&id.to_string()])
}
pub fn calendar(id: i32) -> String {
    fill(EVENT_CALENDAR, &[&id.to_string()])
}

pub const ACCESS: Declared = &[
    (EVENTS, Anyone),
    (EVENT, Anyone),
    (EVENT_CALENDAR, Anyone),
    (PAGE_DATA, Anyone),
];

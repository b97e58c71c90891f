//! Every address of a kiosk: a tablet an organiser set up for one event, where residents
//! answer a survey themselves. Public addresses; what they show depends on the tablet's
//! kiosk cookie.

use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const KIOSK: &str = "/kiosk";
pub const KIOSK_START: &str = "/kiosk/start";
pub const KIOSK_ANSWERS: &str = "/kiosk/answers/{code}";
pub const KIOSK_LEAVE: &str = "/kiosk/leave";
pub const PAGE_DATA: &str = "/api/kiosk/{*fn}";

pub fn answers(code: &str) -> String {
    fill(KIOSK_ANSWERS, &[code])
}

/// Seconds without a touch before a kiosk page returns to the start, unless
/// `KILN_KIOSK_IDLE_SECONDS` says otherwise.
pub const IDLE_SECONDS: u32 = 120;

pub const ACCESS: Declared = &[
    (KIOSK, Anyone),
    (KIOSK_START, Anyone),
    (KIOSK_ANSWERS, Anyone),
    (KIOSK_LEAVE, Anyone),
    (PAGE_DATA, Anyone),
];

//! Every address of the lists residents join: results updates and the residents' panel.

use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const UPDATES: &str = "/updates";
/// Joining the residents' panel.
pub const PANEL: &str = "/panel";
/// The page an emailed confirmation link opens.
pub const CONFIRM: &str = "/updates/confirm/{token}";
/// The page an emailed leave link opens, and its one-click POST.
pub const LEAVE: &str = "/updates/leave/{token}";
pub const PAGE_DATA: &str = "/api/updates/{*fn}";

pub fn confirm(token: &str) -> String {
    fill(CONFIRM, &[token])
}
pub fn leave(token: &str) -> String {
    fill(LEAVE, &[token])
}

pub const ACCESS: Declared = &[
    (UPDATES, Anyone),
    (PANEL, Anyone),
    (CONFIRM, Anyone),
    (LEAVE, Anyone),
    (PAGE_DATA, Anyone),
];

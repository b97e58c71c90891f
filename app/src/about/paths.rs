//! The addresses of the service's statements about itself.

use crate::shared::access::{Access::*, Declared};

pub const ACCESSIBILITY: &str = "/accessibility";
pub const PRIVACY: &str = "/privacy";
pub const PAGE_DATA: &str = "/api/about/{*fn}";

pub const ACCESS: Declared = &[
    (ACCESSIBILITY, Anyone),
    (PRIVACY, Anyone),
    (PAGE_DATA, Anyone),
];

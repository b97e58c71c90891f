//! Server-only parts of the kiosk: the tablet's cookie, page data and forms.

pub mod cookie;
pub mod forms;
pub mod views;

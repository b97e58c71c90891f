//! Server-only parts every feature uses: the app's state, form tokens, sign-in sessions,
//! access control, rate limits, and helpers for form posts and server functions.

pub mod access;
pub mod auth;
pub mod brand;
pub mod envelope;
pub mod flash;
pub mod forms;
pub mod language;
pub mod limits;
pub mod mail;
pub mod page_cache;
pub mod staff_forms;
pub mod state;
pub mod support;
pub mod token;
pub mod upload;
pub mod view_error;
pub mod when;

pub use state::{AppState, Services};
pub use view_error::ViewError;

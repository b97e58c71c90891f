//! What several features use: the page error, the error summary and other page pieces,
//! charts, the Content-Security-Policy, the wording of typed problems, and (server-only)
//! the state, sign-in sessions, access control, rate limits and form helpers.

pub mod access;
pub mod address;
pub mod assets;
pub mod charts;
pub mod components;
pub mod council;
pub mod csp;
pub mod i18n;
pub mod language_links;
pub mod masthead;
pub mod messages;
pub mod not_found;
pub mod notice;
mod page_error;
pub mod route_focus;
#[cfg(feature = "ssr")]
pub mod ssr;
mod typed;
mod viewer;

pub use page_error::PageError;
pub use typed::Typed;
pub use viewer::Viewer;

/// Reads a route parameter, empty when absent.
pub fn param(map: &leptos_router::params::ParamsMap, name: &str) -> String {
    map.get(name).unwrap_or_default()
}

//! One page per file. Each loads its data through a server function and renders it.

pub mod admin;
pub mod check;
pub mod done;
pub mod home;
pub mod not_found;
pub mod officer;
pub mod results;
pub mod resume;
pub mod saved;
pub mod section;
pub mod start;

/// Reads a route parameter, empty when absent.
pub fn param(map: &leptos_router::params::ParamsMap, name: &str) -> String {
    map.get(name).unwrap_or_default()
}

//! Server-only parts of the app: shared state, form tokens, the builders that turn stored
//! data into page views, and the plain form-post handlers.

pub mod access;
pub mod area_forms;
pub mod auth;
pub mod envelope;
pub mod exports;
pub mod forms;
pub mod limits;
pub mod methodology;
pub mod officer_forms;
pub mod officer_views;
pub mod report_view;
pub mod results_views;
pub mod state;
pub mod token;
pub mod views;

pub use state::AppState;

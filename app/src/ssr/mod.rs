//! Server-only parts of the app: shared state, form tokens, the builders that turn stored
//! data into page views, and the plain form-post handlers.

pub mod envelope;
pub mod forms;
pub mod state;
pub mod token;
pub mod views;

pub use state::AppState;

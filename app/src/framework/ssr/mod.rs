//! Server-only parts of the framework: views built from the store and the engine, the
//! officers' forms, and the open data.

pub mod definitions;
pub mod exports;
pub mod forms;
pub mod views;
pub mod words;

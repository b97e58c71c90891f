pub mod documents;
pub mod forms;
pub mod preview;
pub mod views;

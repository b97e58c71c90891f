pub mod documents;
pub mod forms;
pub mod views;

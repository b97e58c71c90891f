pub mod forms;
pub mod sheet;
pub mod views;

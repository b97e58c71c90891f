pub mod documents;
pub mod editing;
pub mod editor;
pub mod forms;
pub mod preview;
pub mod views;

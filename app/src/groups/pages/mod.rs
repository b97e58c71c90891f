pub mod batch;
pub mod entry;
pub mod event;
pub mod event_form;
pub mod home;
pub mod offline;
pub mod people;
pub mod results;

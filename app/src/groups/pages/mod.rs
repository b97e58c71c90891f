pub mod entry;
pub mod event;
pub mod event_form;
pub mod home;
pub mod people;
pub mod results;

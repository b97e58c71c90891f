pub mod event;
pub mod list;

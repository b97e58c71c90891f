//! Page pieces every feature uses, one component per file.

pub mod csv_file_field;
pub mod error_summary;
pub mod fields;
pub mod input_field;
pub mod loaded;
pub mod signposts;
pub mod status_notice;

pub use csv_file_field::CsvFileField;
pub use error_summary::{ErrorItem, ErrorSummary};
pub use fields::{Checkboxes, DateField, RadioChoice, SelectField, TextArea};
pub use input_field::InputField;
pub use loaded::{show_loaded, PageTitle, Problem};
pub use signposts::Signposts;
pub use status_notice::StatusNotice;

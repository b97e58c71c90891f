//! Reusable pieces of pages, one component per file.

pub mod area_question;
pub mod choice_question;
pub mod error_summary;
pub mod input_field;
pub mod loaded;
pub mod question;
pub mod results;
pub mod scale_question;
pub mod text_question;

pub use error_summary::ErrorSummary;
pub use input_field::InputField;
pub use loaded::{show_loaded, PageTitle, Problem};
pub use question::QuestionField;

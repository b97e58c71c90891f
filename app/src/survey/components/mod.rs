//! The survey's question fields, one kind of question per file.

pub mod area_question;
pub mod choice_question;
pub mod date_question;
pub mod number_question;
pub mod question;
pub mod scale_question;
pub mod text_question;

pub use question::{OnePageQuestions, QuestionField};

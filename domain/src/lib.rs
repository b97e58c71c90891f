//! Kiln's pure domain logic. Nothing here knows about the web, the database or the
//! browser, so every rule can be unit- and property-tested on its own.

pub mod accounts;
pub mod answers;
pub mod benchmark;
pub mod brand;
pub mod codes;
pub mod document;
pub mod editing;
pub mod framework;
pub mod groups;
pub mod indicators;
pub mod invitations;
pub mod mail;
pub mod postcode;
pub mod records;
pub mod routing;
pub mod survey;
pub mod threshold;
pub mod translation;

pub use answers::{AnswerValue, AreaAnswer, FieldError, RawAnswers};
pub use codes::{AccessCode, KioskCode, ReceiptCode, ResumeCode};
pub use postcode::Postcode;
pub use records::{AuditAction, Channel, WaveStatus};
pub use survey::{ChoiceOption, Question, QuestionKind, Section, Survey};

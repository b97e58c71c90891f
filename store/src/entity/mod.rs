//! SeaORM entities, one per table, kept apart from the hand-written services.

pub mod account_link;
pub mod app_user;
pub mod area;
pub mod area_group;
pub mod audit_event;
pub mod benchmark;
pub mod draft;
pub mod indicator;
pub mod invitation;
pub mod invitation_batch;
pub mod mail_suppression;
pub mod outbox;
pub mod population;
pub mod postcode;
pub mod question;
pub mod question_option;
pub mod recovery_code;
pub mod response;
pub mod setting;
pub mod sign_in_failure;
pub mod subscriber;
pub mod survey;
pub mod survey_section;
pub mod user_session;
pub mod wave;

//! SeaORM entities, one per table, kept apart from the hand-written services.

pub mod area;
pub mod area_group;
pub mod draft;
pub mod indicator;
pub mod population;
pub mod postcode;
pub mod question;
pub mod question_option;
pub mod response;
pub mod setting;
pub mod survey;
pub mod survey_section;
pub mod wave;

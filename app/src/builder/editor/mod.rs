//! Editing a survey in the browser, a piece at a time (issue 13): the start page, sections,
//! questions of each kind and from the question bank, routes and indicators. Every page is
//! a plain form that works without JavaScript; the rules are `domain::editing`.

pub mod bank;
pub mod fields;
pub mod indicator;
pub mod model;
pub mod new_survey;
pub mod page;
pub mod question;

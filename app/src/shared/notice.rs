//! What a form post did, carried to the page it redirects to (in the sealed notice cookie,
//! never the address): either done, with the words to show, or refused, with every problem
//! (for the error summary and beside each field) and what was typed, so nothing is lost.

use serde::{Deserialize, Serialize};

use crate::shared::components::ErrorItem;
use crate::shared::Typed;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FormNotice {
    Done(String),
    Refused {
        /// Which form on the page (a page can have several).
        form: String,
        errors: Vec<ErrorItem>,
        typed: Typed,
    },
}

impl FormNotice {
    /// A refusal of `form`, its field ids prefixed `{form}-`.
    pub fn refused(form: &str, problems: &[domain::groups::Problem], typed: Typed) -> FormNotice {
        FormNotice::Refused {
            form: form.to_string(),
            errors: problems
                .iter()
                .map(|p| ErrorItem {
                    field_id: format!("{form}-{}", p.field),
                    message: p.message.clone(),
                })
                .collect(),
            typed,
        }
    }
}

/// A refused form's problems and typed values, as its page reads them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Refusal {
    pub errors: Vec<ErrorItem>,
    pub typed: Typed,
}

impl Refusal {
    /// The refusal of `form` in `notice`, if that is what it carries.
    pub fn of(notice: &Option<FormNotice>, form: &str) -> Option<Refusal> {
        match notice {
            Some(FormNotice::Refused {
                form: f,
                errors,
                typed,
            }) if f == form => Some(Refusal {
                errors: errors.clone(),
                typed: typed.clone(),
            }),
            _ => None,
        }
    }

    /// The message for the field with this id.
    pub fn error(&self, field_id: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field_id == field_id)
            .map(|e| e.message.clone())
    }
}

/// What a form's field shows: what was typed into the refused form, else the value stored.
pub fn field_value(refusal: &Option<Refusal>, stored: &[(String, String)], field: &str) -> String {
    match refusal {
        Some(r) => r.typed.get(field).unwrap_or_default(),
        None => stored
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
    }
}

/// The words of a notice that says something was done.
pub fn done(notice: &Option<FormNotice>) -> Option<String> {
    match notice {
        Some(FormNotice::Done(m)) => Some(m.clone()),
        _ => None,
    }
}

//! The parts of every survey form post that are not answers: checked with `validator` before
//! any answer is looked at, so a tampered or oversized post is refused early.

use validator::{Validate, ValidationError};

/// At most this many fields in one post: the longest section has a few dozen inputs.
pub const MAX_FIELDS: usize = 200;
/// No single field may be longer than this (the longest answer allowed is 1,000 characters;
/// this bound is for bytes, with room for multi-byte characters).
pub const MAX_FIELD_BYTES: usize = 16_000;

#[derive(Debug, Validate)]
pub struct Envelope<'a> {
    #[validate(length(min = 20, max = 100))]
    pub token: &'a str,
    #[validate(custom(function = "known_intent"))]
    pub intent: &'a str,
    #[validate(range(max = MAX_FIELDS))]
    pub field_count: usize,
    #[validate(range(max = MAX_FIELD_BYTES))]
    pub longest_field: usize,
}

fn known_intent(intent: &str) -> Result<(), ValidationError> {
    match intent {
        "continue" | "save" | "find_ward" => Ok(()),
        crate::shared::language_links::CHANGE_LANGUAGE => Ok(()),
        _ => Err(ValidationError::new("unknown_intent")),
    }
}

impl<'a> Envelope<'a> {
    pub fn of(fields: &'a [(String, String)]) -> Self {
        let get = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        Envelope {
            token: get("token").unwrap_or(""),
            intent: get("intent").unwrap_or("continue"),
            field_count: fields.len(),
            longest_field: fields.iter().map(|(_, v)| v.len()).max().unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_normal_post_passes() {
        let f = fields(&[
            ("token", &"a".repeat(43)),
            ("intent", "save"),
            ("area", "X"),
        ]);
        assert!(Envelope::of(&f).validate().is_ok());
    }

    #[test]
    fn tampering_is_caught() {
        let token = "a".repeat(43);
        for bad in [
            fields(&[("intent", "continue")]),
            fields(&[("token", &token), ("intent", "delete")]),
            fields(&[("token", &token), ("x", &"y".repeat(MAX_FIELD_BYTES + 1))]),
        ] {
            assert!(Envelope::of(&bad).validate().is_err());
        }
        let many: Vec<(String, String)> = (0..=MAX_FIELDS)
            .map(|i| (format!("f{i}"), String::new()))
            .collect();
        assert!(Envelope::of(&many).validate().is_err());
    }
}

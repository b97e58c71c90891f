//! The survey model: sections of questions, each of a known kind. Surveys are data (seeded
//! into and loaded from the database); these types are what the rules work on.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Option keys that never count towards an indicator's base (measures.md, "Excluded").
pub const EXCLUDED_KEYS: [&str; 5] = [
    "dont_know",
    "prefer_not_to_say",
    "too_few_people",
    "all_same_background",
    "never_out_after_dark",
];

pub fn is_excluded_key(key: &str) -> bool {
    EXCLUDED_KEYS.contains(&key)
}

/// Answer keys of the ward question that are not ward codes.
pub const AREA_DONT_KNOW: &str = "dont_know";
pub const AREA_PREFER_NOT: &str = "prefer_not_to_say";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Survey {
    pub key: String,
    pub title: String,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: String,
    #[serde(default)]
    pub intro: Option<String>,
    pub questions: Vec<Question>,
    /// Where residents go after this section, by their answers (`routing`); none: the next
    /// section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<crate::routing::Route>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub key: String,
    pub prompt: String,
    #[serde(default)]
    pub hint: Option<String>,
    /// A few words naming the question, for the check-answers page and error messages.
    pub short_label: String,
    /// The message shown when a required question is left unanswered, in GOV.UK style
    /// ("Select how ...").
    pub required_message: String,
    pub required: bool,
    pub kind: QuestionKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Whole numbers from `min` to `max`, labelled at both ends.
    Scale {
        min: i32,
        max: i32,
        min_label: String,
        max_label: String,
    },
    /// One of a fixed list of options.
    Choice { options: Vec<ChoiceOption> },
    /// Any number of a fixed list of options (checkboxes): kept as the chosen keys in the
    /// options' order, joined by commas (`SEVERAL_SEPARATOR`), which option keys never hold.
    Several { options: Vec<ChoiceOption> },
    /// Optional free text, at most `max_chars` characters.
    Text { max_chars: usize },
    /// A whole number from `min` to `max`, such as the years lived in the area or the people
    /// in a home; `unit` is shown after the box ("years").
    Number {
        min: i32,
        max: i32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// A date, typed as day, month and year (the GOV.UK date input), optionally between
    /// `earliest` and `latest` (`YYYY-MM-DD`). Kept as `YYYY-MM-DD`.
    Date {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        earliest: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        latest: Option<String>,
    },
    /// The respondent's ward (or "don't know" / "prefer not to say"); the wards are data.
    Area,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub key: String,
    pub label: String,
}

impl Survey {
    pub fn section_count(&self) -> usize {
        self.sections.len()
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().find(|q| q.key == key)
    }

    /// The 1-based section that holds a question.
    pub fn section_of(&self, key: &str) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.questions.iter().any(|q| q.key == key))
            .map(|i| i + 1)
    }
}

/// Between the keys of a several-choice answer.
pub const SEVERAL_SEPARATOR: char = ',';

impl QuestionKind {
    /// The options of a question answered from a list, one answer or several.
    pub fn options(&self) -> Option<&[ChoiceOption]> {
        match self {
            QuestionKind::Choice { options } | QuestionKind::Several { options } => Some(options),
            _ => None,
        }
    }

    pub fn option_label(&self, key: &str) -> Option<&str> {
        self.options()?
            .iter()
            .find(|o| o.key == key)
            .map(|o| o.label.as_str())
    }
}

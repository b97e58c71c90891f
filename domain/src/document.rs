//! A survey as one document: what a version freezes, what a council exports to share with
//! another and imports, and what the published JSON Schema describes. The standard surveys
//! are documents too, created through the same import.

use std::collections::BTreeSet;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::indicators::{IndicatorDef, Rule};
use crate::routing::{self, RouteProblem};
use crate::survey::{QuestionKind, Section, Survey};

/// The format this build reads and writes; a document says which it was written in.
pub const FORMAT: u32 = 1;

/// Where the schema is published, relative to Kiln's public address.
pub const SCHEMA_PATH: &str = "/schema/survey-1.json";

/// Survey keys Kiln's own addresses use, or may.
pub(crate) const RESERVED_KEYS: [&str; 10] = [
    "new",
    "builder",
    "surveys",
    "import",
    "export",
    "framework",
    "updates",
    "methodology",
    "schema",
    "preview",
];

/// The longest free text a question may accept.
pub const MAX_TEXT_CHARS: usize = 5000;

/// A whole survey: what residents are told before they start, and its sections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Kiln survey",
    description = "A survey definition as Kiln exports and imports it."
)]
pub struct SurveyDocument {
    /// The schema this document follows (ignored on import).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The document format: 1.
    pub format: u32,
    /// Names the survey in addresses: lowercase letters, digits and hyphens.
    pub key: String,
    pub title: String,
    /// One or two sentences on the start page.
    pub summary: String,
    /// Why the council asks, on the start page.
    pub purpose: String,
    /// About how long it takes, in minutes.
    pub minutes: i32,
    /// How long answers are kept, in words.
    pub retention: String,
    pub sections: Vec<Section>,
    /// Indicators computed from this survey's own questions (a share of chosen options, a
    /// share of a scale's range, a scale's mean), weighted and withheld like every other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorDef>,
}

impl SurveyDocument {
    pub fn survey(&self) -> Survey {
        Survey {
            key: self.key.clone(),
            title: self.title.clone(),
            sections: self.sections.clone(),
        }
    }
}

/// The schema of a survey document, as published.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(SurveyDocument)
}

/// What stops a document being imported or published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentProblem {
    Format(u32),
    Key(String),
    ReservedKey(String),
    Empty(&'static str),
    Minutes(i32),
    NoSections,
    EmptySection(usize),
    QuestionKey {
        section: usize,
        key: String,
    },
    DuplicateQuestion(String),
    MissingText {
        question: String,
        field: &'static str,
    },
    TooFewOptions(String),
    OptionKey {
        question: String,
        key: String,
    },
    DuplicateOption {
        question: String,
        key: String,
    },
    Scale {
        question: String,
        min: i32,
        max: i32,
    },
    NumberRange {
        question: String,
        min: i32,
        max: i32,
    },
    DateRange {
        question: String,
        earliest: String,
        latest: String,
    },
    DateBound {
        question: String,
        value: String,
    },
    TextLength {
        question: String,
        max_chars: usize,
    },
    SecondAreaQuestion(String),
    Route(RouteProblem),
    IndicatorKey(String),
    DuplicateIndicator(String),
    IndicatorLabel(String),
    /// The indicator's question is not in the survey.
    IndicatorQuestion {
        indicator: String,
        question: String,
    },
    /// The rule does not fit the question (a mean of a choice, an option it does not have).
    IndicatorRule {
        indicator: String,
        why: String,
    },
    /// The ward question's key is not `area`, by which responses are tagged with a ward.
    AreaKey(String),
    /// A question with a question bank key whose wording or answers differ from the bank's.
    BankChanged {
        key: String,
        what: &'static str,
    },
}

impl fmt::Display for DocumentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DocumentProblem::*;
        match self {
            Format(n) => write!(f, "The document is in format {n}; this version of Kiln reads format {FORMAT}"),
            Key(k) => write!(f, "The survey's key \"{k}\" must be 2 to 40 lowercase letters, digits or hyphens, starting with a letter"),
            ReservedKey(k) => write!(f, "The survey's key \"{k}\" is used by Kiln's own pages: choose another"),
            Empty(what) => write!(f, "The survey's {what} is empty"),
            Minutes(m) => write!(f, "The time the survey takes must be 1 to 120 minutes, not {m}"),
            NoSections => write!(f, "The survey has no sections"),
            EmptySection(n) => write!(f, "Section {n} has no questions"),
            QuestionKey { section, key } => write!(f, "Section {section} has a question key \"{key}\": keys must be 1 to 60 lowercase letters, digits or underscores, starting with a letter"),
            DuplicateQuestion(k) => write!(f, "Two questions have the key \"{k}\": each key must be used once"),
            MissingText { question, field } => write!(f, "The question \"{question}\" has no {field}"),
            TooFewOptions(q) => write!(f, "The question \"{q}\" needs at least two options"),
            OptionKey { question, key } => write!(f, "The question \"{question}\" has an option key \"{key}\": keys must be 1 to 60 lowercase letters, digits or the signs _ - +"),
            DuplicateOption { question, key } => write!(f, "The question \"{question}\" has two options with the key \"{key}\""),
            Scale { question, min, max } => write!(f, "The scale of \"{question}\" runs from {min} to {max}: it needs 2 to 11 points, lowest first"),
            TextLength { question, max_chars } => write!(f, "The question \"{question}\" allows {max_chars} characters: allow 1 to {MAX_TEXT_CHARS}"),
            NumberRange { question, min, max } => write!(f, "The question \"{question}\" accepts numbers from {min} to {max}: the smallest must be less than the largest"),
            DateRange { question, earliest, latest } => write!(f, "The question \"{question}\" accepts dates from {earliest} to {latest}: the earliest must come before the latest"),
            DateBound { question, value } => write!(f, "The question \"{question}\" has \"{value}\" as a limit: write a date as YYYY-MM-DD, like 2026-03-31"),
            SecondAreaQuestion(q) => write!(f, "The question \"{q}\" asks for the ward again: a survey asks it once"),
            Route(p) => p.fmt(f),
            IndicatorKey(k) => write!(f, "The indicator key \"{k}\" must be 1 to 60 lowercase letters, digits or underscores, starting with a letter"),
            DuplicateIndicator(k) => write!(f, "Two indicators have the key \"{k}\": each key must be used once"),
            IndicatorLabel(k) => write!(f, "The indicator \"{k}\" has no label"),
            IndicatorQuestion { indicator, question } => write!(f, "The indicator \"{indicator}\" counts the question \"{question}\", which is not in the survey"),
            IndicatorRule { indicator, why } => write!(f, "The indicator \"{indicator}\" {why}"),
            AreaKey(k) => write!(f, "The ward question has the key \"{k}\": it must be \"area\", by which each response is tagged with its ward"),
            BankChanged { key, what } => write!(f, "The question \"{key}\" is from the question bank but its {what} differs from the bank's, so its answers could not be compared with the standard surveys' or with England: keep the bank's {what}, or give the question a key of its own"),
        }
    }
}

impl DocumentProblem {
    /// Whether a draft with this problem may not even be saved: the document would be
    /// malformed (two questions with one key, a key that cannot be an address, a bank
    /// question reworded). Everything else (a section still empty, a text not yet written,
    /// a route to a section since removed) is a draft being built, and stops only publishing.
    pub fn stops_saving(&self) -> bool {
        use DocumentProblem::*;
        matches!(
            self,
            Format(_)
                | Key(_)
                | ReservedKey(_)
                | QuestionKey { .. }
                | DuplicateQuestion(_)
                | OptionKey { .. }
                | DuplicateOption { .. }
                | SecondAreaQuestion(_)
                | AreaKey(_)
                | IndicatorKey(_)
                | DuplicateIndicator(_)
                | BankChanged { .. }
        )
    }
}

pub(crate) fn is_survey_key(k: &str) -> bool {
    (2..=40).contains(&k.len())
        && k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub(crate) fn is_field_key(k: &str, max: usize) -> bool {
    (1..=max).contains(&k.len())
        && k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Option keys are stored as answers and appear in exports: measures.md's age bands
/// ("16-24", "75+") among them.
pub(crate) fn is_option_key(k: &str) -> bool {
    (1..=60).contains(&k.len())
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '+'))
}

/// Every problem with a document, in reading order; none means it may be imported and
/// published as it is.
pub fn check(doc: &SurveyDocument) -> Vec<DocumentProblem> {
    use DocumentProblem::*;
    let mut problems = Vec::new();
    if doc.format != FORMAT {
        problems.push(Format(doc.format));
    }
    if !is_survey_key(&doc.key) {
        problems.push(Key(doc.key.clone()));
    } else if RESERVED_KEYS.contains(&doc.key.as_str()) {
        problems.push(ReservedKey(doc.key.clone()));
    }
    for (what, text) in [
        ("title", &doc.title),
        ("summary", &doc.summary),
        ("purpose", &doc.purpose),
        ("retention statement", &doc.retention),
    ] {
        if text.trim().is_empty() {
            problems.push(Empty(what));
        }
    }
    if !(1..=120).contains(&doc.minutes) {
        problems.push(Minutes(doc.minutes));
    }
    if doc.sections.is_empty() {
        problems.push(NoSections);
    }
    let mut keys = BTreeSet::new();
    let mut area_seen = false;
    for (i, s) in doc.sections.iter().enumerate() {
        if s.questions.is_empty() {
            problems.push(EmptySection(i + 1));
        }
        for q in &s.questions {
            if !is_field_key(&q.key, 60) {
                problems.push(QuestionKey {
                    section: i + 1,
                    key: q.key.clone(),
                });
            } else if !keys.insert(q.key.as_str()) {
                problems.push(DuplicateQuestion(q.key.clone()));
            }
            let name = if q.short_label.trim().is_empty() {
                q.key.clone()
            } else {
                q.short_label.clone()
            };
            for (field, text, needed) in [
                ("wording", &q.prompt, true),
                ("short label", &q.short_label, true),
                // Only a required question can be missing.
                (
                    "message for a missing answer",
                    &q.required_message,
                    q.required,
                ),
            ] {
                if needed && text.trim().is_empty() {
                    problems.push(MissingText {
                        question: name.clone(),
                        field,
                    });
                }
            }
            match &q.kind {
                QuestionKind::Choice { options } | QuestionKind::Several { options } => {
                    if options.len() < 2 {
                        problems.push(TooFewOptions(name.clone()));
                    }
                    let mut seen = BTreeSet::new();
                    for o in options {
                        if !is_option_key(&o.key) {
                            problems.push(OptionKey {
                                question: name.clone(),
                                key: o.key.clone(),
                            });
                        } else if !seen.insert(o.key.as_str()) {
                            problems.push(DuplicateOption {
                                question: name.clone(),
                                key: o.key.clone(),
                            });
                        }
                        if o.label.trim().is_empty() {
                            problems.push(MissingText {
                                question: name.clone(),
                                field: "label for an option",
                            });
                        }
                    }
                }
                QuestionKind::Scale { min, max, .. } => {
                    if !(1..=10).contains(&(max - min)) {
                        problems.push(Scale {
                            question: name.clone(),
                            min: *min,
                            max: *max,
                        });
                    }
                }
                QuestionKind::Number { min, max, .. } => {
                    if min >= max {
                        problems.push(NumberRange {
                            question: name.clone(),
                            min: *min,
                            max: *max,
                        });
                    }
                }
                QuestionKind::Date { earliest, latest } => {
                    let parse = |v: &Option<String>| -> Option<Option<chrono::NaiveDate>> {
                        match v {
                            None => Some(None),
                            Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                                .ok()
                                .map(Some),
                        }
                    };
                    let (e, l) = (parse(earliest), parse(latest));
                    for (bound, parsed) in [(earliest, e), (latest, l)] {
                        if let (Some(value), None) = (bound, parsed) {
                            problems.push(DateBound {
                                question: name.clone(),
                                value: value.clone(),
                            });
                        }
                    }
                    if let (Some(Some(e)), Some(Some(l))) = (e, l) {
                        if e > l {
                            problems.push(DateRange {
                                question: name.clone(),
                                earliest: e.to_string(),
                                latest: l.to_string(),
                            });
                        }
                    }
                }
                QuestionKind::Text { max_chars } => {
                    if !(1..=MAX_TEXT_CHARS).contains(max_chars) {
                        problems.push(TextLength {
                            question: name.clone(),
                            max_chars: *max_chars,
                        });
                    }
                }
                QuestionKind::Area => {
                    if area_seen {
                        problems.push(SecondAreaQuestion(name.clone()));
                    } else if q.key != "area" {
                        problems.push(AreaKey(q.key.clone()));
                    }
                    area_seen = true;
                }
            }
        }
    }
    problems.extend(routing::check(&doc.survey()).into_iter().map(Route));
    problems.extend(check_indicators(doc));
    problems
}

/// The question bank's questions a document changes. A bank question (every standard
/// question in measures.md, keyed as there) keeps its wording and its answers, so that its
/// figures compare with the standard surveys' and with national ones; its hint, short label
/// and messages may be the council's own.
pub fn check_bank(doc: &SurveyDocument, bank: &[crate::survey::Question]) -> Vec<DocumentProblem> {
    doc.sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter_map(|q| {
            let b = bank.iter().find(|b| b.key == q.key)?;
            let what = if q.prompt != b.prompt {
                "wording"
            } else if q.kind != b.kind {
                "answers"
            } else {
                return None;
            };
            Some(DocumentProblem::BankChanged {
                key: q.key.clone(),
                what,
            })
        })
        .collect()
}

fn check_indicators(doc: &SurveyDocument) -> Vec<DocumentProblem> {
    use DocumentProblem::*;
    let survey = doc.survey();
    let mut problems = Vec::new();
    let mut keys = BTreeSet::new();
    for d in &doc.indicators {
        if !is_field_key(&d.key, 60) {
            problems.push(IndicatorKey(d.key.clone()));
        } else if !keys.insert(d.key.as_str()) {
            problems.push(DuplicateIndicator(d.key.clone()));
        }
        if d.label.trim().is_empty() {
            problems.push(IndicatorLabel(d.key.clone()));
        }
        let Some(q) = survey.question(&d.item) else {
            problems.push(IndicatorQuestion {
                indicator: d.key.clone(),
                question: d.item.clone(),
            });
            continue;
        };
        let why = match (&d.rule, &q.kind) {
            (Rule::Mean, QuestionKind::Scale { .. }) => None,
            (
                Rule::ShareInRange { min, max },
                QuestionKind::Scale {
                    min: lo, max: hi, ..
                },
            ) => (min > max || min < lo || max > hi).then(|| {
                format!(
                    "counts scores {min} to {max}, outside the question's scale of {lo} to {hi}"
                )
            }),
            (Rule::ShareOf { options }, QuestionKind::Choice { options: offered }) => match options
                .iter()
                .find(|o| !offered.iter().any(|x| &x.key == *o))
            {
                _ if options.is_empty() => Some("counts no options: name at least one".into()),
                Some(o) => Some(format!(
                    "counts the option \"{o}\", which the question does not offer"
                )),
                None => None,
            },
            (_, QuestionKind::Several { .. }) => Some(
                "counts a question with several answers, which indicators do not count yet: count a question with one answer from a list".into(),
            ),
            (Rule::Mean | Rule::ShareInRange { .. }, _) => {
                Some("takes a mean or a range of scores, so it needs a scale question".into())
            }
            (Rule::ShareOf { .. }, _) => {
                Some("counts chosen options, so it needs a question with options".into())
            }
        };
        if let Some(why) = why {
            problems.push(IndicatorRule {
                indicator: d.key.clone(),
                why,
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::{Goto, Route, When};
    use crate::survey::{ChoiceOption, Question};

    fn question(key: &str, kind: QuestionKind) -> Question {
        Question {
            key: key.into(),
            prompt: format!("{key}?"),
            hint: None,
            short_label: key.into(),
            required_message: format!("Answer {key}"),
            required: true,
            kind,
        }
    }

    fn yes_no() -> QuestionKind {
        QuestionKind::Choice {
            options: ["yes", "no"]
                .iter()
                .map(|k| ChoiceOption {
                    key: (*k).into(),
                    label: (*k).into(),
                })
                .collect(),
        }
    }

    fn park() -> SurveyDocument {
        SurveyDocument {
            schema: None,
            format: FORMAT,
            key: "parks".into(),
            title: "Parks survey".into(),
            summary: "Tell us about the parks.".into(),
            purpose: "To plan the parks budget.".into(),
            minutes: 3,
            retention: "Two years.".into(),
            indicators: vec![],
            sections: vec![
                Section {
                    title: "You".into(),
                    intro: None,
                    questions: vec![question("uses_park", yes_no())],
                    routes: vec![Route {
                        question: "uses_park".into(),
                        when: When::Answer("no".into()),
                        goto: Goto::End,
                    }],
                },
                Section {
                    title: "The park".into(),
                    intro: None,
                    questions: vec![question(
                        "park_score",
                        QuestionKind::Scale {
                            min: 0,
                            max: 10,
                            min_label: "Poor".into(),
                            max_label: "Excellent".into(),
                        },
                    )],
                    routes: vec![],
                },
            ],
        }
    }

    #[test]
    fn a_sound_document_has_no_problems_and_reads_back_as_written() {
        let doc = park();
        assert_eq!(check(&doc), []);
        let json = serde_json::to_string(&doc).unwrap();
        let back: SurveyDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn every_problem_is_found_and_said_plainly() {
        let mut doc = park();
        doc.key = "methodology".into();
        doc.minutes = 0;
        doc.sections[0]
            .questions
            .push(question("uses_park", yes_no()));
        doc.sections[1].questions[0].kind = QuestionKind::Scale {
            min: 5,
            max: 5,
            min_label: String::new(),
            max_label: String::new(),
        };
        doc.sections[1].routes.push(Route {
            question: "park_score".into(),
            when: When::AnyOther,
            goto: Goto::End,
        });
        let said: Vec<String> = check(&doc).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            said,
            [
                "The survey's key \"methodology\" is used by Kiln's own pages: choose another",
                "The time the survey takes must be 1 to 120 minutes, not 0",
                "Two questions have the key \"uses_park\": each key must be used once",
                "The scale of \"park_score\" runs from 5 to 5: it needs 2 to 11 points, lowest first",
                "Section 2 has a route that follows \"park_score\": routes can only follow a question with answers from a list",
            ]
        );
    }

    #[test]
    fn an_indicator_must_fit_its_question() {
        use crate::indicators::Theme;
        let mut doc = park();
        let def = |key: &str, item: &str, rule: Rule| IndicatorDef {
            key: key.into(),
            label: format!("{key} label"),
            item: item.into(),
            rule,
            theme: Theme::Greener,
            higher_is_better: true,
        };
        doc.indicators = vec![
            def(
                "park_used",
                "uses_park",
                Rule::ShareOf {
                    options: vec!["yes".into()],
                },
            ),
            def("park_score_mean", "park_score", Rule::Mean),
            def(
                "park_score_high",
                "park_score",
                Rule::ShareInRange { min: 8, max: 10 },
            ),
        ];
        assert_eq!(check(&doc), []);
        doc.indicators = vec![
            def("a", "uses_park", Rule::Mean),
            def(
                "b",
                "uses_park",
                Rule::ShareOf {
                    options: vec!["maybe".into()],
                },
            ),
            def("c", "park_score", Rule::ShareInRange { min: 8, max: 11 }),
            def("c", "nowhere", Rule::Mean),
        ];
        let said: Vec<String> = check(&doc).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            said,
            [
                "The indicator \"a\" takes a mean or a range of scores, so it needs a scale question",
                "The indicator \"b\" counts the option \"maybe\", which the question does not offer",
                "The indicator \"c\" counts scores 8 to 11, outside the question's scale of 0 to 10",
                "Two indicators have the key \"c\": each key must be used once",
                "The indicator \"c\" counts the question \"nowhere\", which is not in the survey",
            ]
        );
    }

    #[test]
    fn a_question_bank_question_keeps_its_wording_and_answers() {
        let doc = park();
        let mut bank = vec![doc.sections[0].questions[0].clone()];
        assert_eq!(check_bank(&doc, &bank), []);
        // Help text of the council's own is fine.
        bank[0].hint = Some("Any park in the city".into());
        assert_eq!(check_bank(&doc, &bank), []);
        bank[0].prompt = "Have you visited a park?".into();
        assert_eq!(
            check_bank(&doc, &bank)[0].to_string(),
            "The question \"uses_park\" is from the question bank but its wording differs from the bank's, so its answers could not be compared with the standard surveys' or with England: keep the bank's wording, or give the question a key of its own"
        );
        bank[0].prompt = doc.sections[0].questions[0].prompt.clone();
        if let QuestionKind::Choice { options } = &mut bank[0].kind {
            options.reverse();
        }
        assert_eq!(
            check_bank(&doc, &bank),
            [DocumentProblem::BankChanged {
                key: "uses_park".into(),
                what: "answers"
            }]
        );
    }

    #[test]
    fn unknown_fields_are_refused_rather_than_dropped() {
        let mut v = serde_json::to_value(park()).unwrap();
        v["colour"] = "red".into();
        let err = serde_json::from_value::<SurveyDocument>(v).unwrap_err();
        assert!(err.to_string().contains("unknown field `colour`"), "{err}");
    }

    #[test]
    fn the_schema_describes_routes_and_question_kinds() {
        let schema = serde_json::to_string(&schema()).unwrap();
        for word in ["Kiln survey", "routes", "any_other", "max_chars", "area"] {
            assert!(schema.contains(word), "{word}");
        }
    }
}

#[cfg(test)]
mod published_schema {
    /// The schema in the repository (`schema/survey-1.json`, which seed documents name) is
    /// the one Kiln serves. `KILN_WRITE_SCHEMA=1` rewrites it after a change to the format.
    #[test]
    fn the_repositorys_schema_is_the_one_served() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/survey-1.json");
        let generated =
            serde_json::to_string_pretty(&super::schema()).expect("schema serialises") + "\n";
        if std::env::var_os("KILN_WRITE_SCHEMA").is_some() {
            std::fs::write(path, &generated).expect("schema written");
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "schema/survey-1.json is out of date: run KILN_WRITE_SCHEMA=1 cargo test -p domain published_schema"
        );
    }
}

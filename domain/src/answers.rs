//! Answers as typed by a resident, and the rules that turn them into valid answers.
//!
//! Raw answers are kept exactly as submitted (so a page with errors can show them again);
//! `validate_*` turns them into typed values or explains, question by question, what is wrong.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::survey::{
    Question, QuestionKind, Section, Survey, AREA_DONT_KNOW, AREA_PREFER_NOT, SEVERAL_SEPARATOR,
};

/// What the resident submitted, by question key. An empty string means no answer.
pub type RawAnswers = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    Scale(i32),
    /// An option key, or free text for a text question.
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AreaAnswer {
    Ward(String),
    DontKnow,
    PreferNotToSay,
}

impl AreaAnswer {
    pub fn from_key(key: &str) -> AreaAnswer {
        match key {
            AREA_DONT_KNOW => AreaAnswer::DontKnow,
            AREA_PREFER_NOT => AreaAnswer::PreferNotToSay,
            code => AreaAnswer::Ward(code.to_string()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub question_key: String,
    /// In English; `problem` says it in another language.
    pub message: String,
    pub problem: Problem,
}

/// Validated answers to one survey, by question key. Unanswered optional questions are absent.
pub type ValidAnswers = BTreeMap<String, AnswerValue>;

/// What is wrong with one answer. Its English words are its `Display`; another language's
/// come from the interface's translations (`Words::problem`), with the survey's own texts
/// (a question's short label and required message) already in that language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Left blank: the question's own message.
    Required {
        message: String,
    },
    ScaleRange {
        min: i32,
        max: i32,
        label: String,
    },
    NotAnOption {
        label: String,
    },
    NotAWard,
    NumberRange {
        min: i32,
        max: i32,
        label: String,
    },
    NotANumber {
        label: String,
        example: i32,
    },
    TooLong {
        label: String,
        max: usize,
        count: usize,
    },
    /// A date with its day, month or year left out (`part` names which).
    DateIncomplete {
        label: String,
        part: DatePart,
    },
    NotADate {
        label: String,
    },
    /// Before `earliest` (`after` false) or after `latest`.
    DateOutOfRange {
        label: String,
        limit: chrono::NaiveDate,
        after: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

/// How a date question's three boxes are kept as one raw answer: `day/month/year` as typed,
/// so that what was typed comes back on an error.
pub fn date_raw(day: &str, month: &str, year: &str) -> String {
    let clean = |s: &str| s.replace('/', "").trim().to_string();
    let (d, m, y) = (clean(day), clean(month), clean(year));
    if d.is_empty() && m.is_empty() && y.is_empty() {
        String::new()
    } else {
        format!("{d}/{m}/{y}")
    }
}

/// A raw date answer's three parts as typed (`day/month/year`, or `YYYY-MM-DD` from a stored
/// or imported answer).
pub fn date_parts(raw: &str) -> (String, String, String) {
    let raw = raw.trim();
    if let Ok(d) = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        use chrono::Datelike;
        return (
            d.day().to_string(),
            d.month().to_string(),
            d.year().to_string(),
        );
    }
    let mut parts = raw.splitn(3, '/').map(|p| p.trim().to_string());
    (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    )
}

fn check_date(
    raw: &str,
    label: &str,
    earliest: &Option<String>,
    latest: &Option<String>,
) -> Result<chrono::NaiveDate, Problem> {
    let (d, m, y) = date_parts(raw);
    let missing = if d.is_empty() {
        Some(DatePart::Day)
    } else if m.is_empty() {
        Some(DatePart::Month)
    } else if y.is_empty() {
        Some(DatePart::Year)
    } else {
        None
    };
    if let Some(part) = missing {
        return Err(Problem::DateIncomplete {
            label: label.to_string(),
            part,
        });
    }
    let not_a_date = || Problem::NotADate {
        label: label.to_string(),
    };
    let (d, m, y) = (
        d.parse::<u32>().map_err(|_| not_a_date())?,
        m.parse::<u32>().map_err(|_| not_a_date())?,
        y.parse::<i32>().map_err(|_| not_a_date())?,
    );
    // A two-digit year is too easy to misread: ask for all four.
    if !(1000..=9999).contains(&y) {
        return Err(not_a_date());
    }
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or_else(not_a_date)?;
    let bound = |b: &Option<String>| {
        b.as_deref()
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    if let Some(e) = bound(earliest).filter(|e| date < *e) {
        return Err(Problem::DateOutOfRange {
            label: label.to_string(),
            limit: e,
            after: false,
        });
    }
    if let Some(l) = bound(latest).filter(|l| date > *l) {
        return Err(Problem::DateOutOfRange {
            label: label.to_string(),
            limit: l,
            after: true,
        });
    }
    Ok(date)
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&English.problem(self))
    }
}

/// The words around answers that are not the survey's own: problems, and how answers read
/// back. English here; other languages from the interface's translations.
pub trait Words {
    fn problem(&self, problem: &Problem) -> String;
    /// "6 (on a scale where 0 is not at all and 10 is completely)".
    fn scale_answer(
        &self,
        value: &str,
        min: i32,
        min_label: &str,
        max: i32,
        max_label: &str,
    ) -> String;
    fn dont_know(&self) -> String;
    fn prefer_not_to_say(&self) -> String;
    /// A date as read back: "31 March 2026".
    fn date(&self, date: chrono::NaiveDate) -> String {
        date.format("%-d %B %Y").to_string()
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Kiln's English.
pub struct English;

impl Words for English {
    fn problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Required { message } => message.clone(),
            Problem::ScaleRange { min, max, label } => {
                format!("Select a score from {min} to {max} for {label}")
            }
            Problem::NotAnOption { label } => {
                format!("Select one of the answers shown for {label}")
            }
            Problem::NotAWard => "Select your ward from the list".to_string(),
            Problem::NumberRange { min, max, label } => format!(
                "Enter a number from {} to {} for {label}",
                group_thousands_i(*min),
                group_thousands_i(*max),
            ),
            Problem::NotANumber { label, example } => {
                format!("Enter {label} as a whole number, like {example}")
            }
            Problem::TooLong { label, max, count } => format!(
                "Your answer about {label} must be {} characters or fewer; it has {}",
                group_thousands(*max),
                group_thousands(*count)
            ),
            Problem::DateIncomplete { label, part } => format!(
                "{} must include a {}",
                capitalised(label),
                match part {
                    DatePart::Day => "day",
                    DatePart::Month => "month",
                    DatePart::Year => "year",
                }
            ),
            Problem::NotADate { label } => format!("{} must be a real date", capitalised(label)),
            Problem::DateOutOfRange {
                label,
                limit,
                after,
            } => format!(
                "{} must be {} {}",
                capitalised(label),
                if *after {
                    "on or before"
                } else {
                    "on or after"
                },
                self.date(*limit)
            ),
        }
    }

    fn scale_answer(
        &self,
        value: &str,
        min: i32,
        min_label: &str,
        max: i32,
        max_label: &str,
    ) -> String {
        format!(
            "{value} (on a scale where {min} is {} and {max} is {})",
            min_label.to_lowercase(),
            max_label.to_lowercase()
        )
    }

    fn dont_know(&self) -> String {
        "I don't know".to_string()
    }

    fn prefer_not_to_say(&self) -> String {
        "Prefer not to say".to_string()
    }
}

/// Checks one answer. `Ok(None)` is a question left blank that may be.
pub fn validate_question(
    question: &Question,
    raw: Option<&str>,
    is_ward: &dyn Fn(&str) -> bool,
) -> Result<Option<AnswerValue>, String> {
    check_question(question, raw, is_ward).map_err(|p| p.to_string())
}

/// `validate_question`, saying what is wrong as a `Problem`.
pub fn check_question(
    question: &Question,
    raw: Option<&str>,
    is_ward: &dyn Fn(&str) -> bool,
) -> Result<Option<AnswerValue>, Problem> {
    let raw = raw.unwrap_or("");
    let trimmed = raw.trim();
    let label = || question.short_label.clone();
    if trimmed.is_empty() {
        return if question.required {
            Err(Problem::Required {
                message: question.required_message.clone(),
            })
        } else {
            Ok(None)
        };
    }
    match &question.kind {
        QuestionKind::Scale { min, max, .. } => match trimmed.parse::<i32>() {
            Ok(v) if (*min..=*max).contains(&v) => Ok(Some(AnswerValue::Scale(v))),
            _ => Err(Problem::ScaleRange {
                min: *min,
                max: *max,
                label: label(),
            }),
        },
        QuestionKind::Choice { options } => {
            if options.iter().any(|o| o.key == trimmed) {
                Ok(Some(AnswerValue::Text(trimmed.to_string())))
            } else {
                Err(Problem::NotAnOption { label: label() })
            }
        }
        QuestionKind::Several { options } => {
            let chosen: Vec<&str> = trimmed
                .split(SEVERAL_SEPARATOR)
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .collect();
            if chosen.iter().any(|k| !options.iter().any(|o| o.key == *k)) {
                return Err(Problem::NotAnOption { label: label() });
            }
            // In the options' order, each once, whatever order the form sent them in.
            let kept: Vec<&str> = options
                .iter()
                .map(|o| o.key.as_str())
                .filter(|k| chosen.contains(k))
                .collect();
            Ok(Some(AnswerValue::Text(kept.join(","))))
        }
        QuestionKind::Area => {
            if trimmed == AREA_DONT_KNOW || trimmed == AREA_PREFER_NOT || is_ward(trimmed) {
                Ok(Some(AnswerValue::Text(trimmed.to_string())))
            } else {
                Err(Problem::NotAWard)
            }
        }
        QuestionKind::Number { min, max, .. } => {
            // People write "1,200" or "1 200"; both are a number.
            let digits: String = trimmed
                .chars()
                .filter(|c| !matches!(c, ',' | ' '))
                .collect();
            match digits.parse::<i64>() {
                Ok(v) if (i64::from(*min)..=i64::from(*max)).contains(&v) => {
                    Ok(Some(AnswerValue::Scale(v as i32)))
                }
                Ok(_) => Err(Problem::NumberRange {
                    min: *min,
                    max: *max,
                    label: label(),
                }),
                Err(_) => Err(Problem::NotANumber {
                    label: label(),
                    example: *min.max(&0).min(max),
                }),
            }
        }
        QuestionKind::Date { earliest, latest } => {
            check_date(trimmed, &question.short_label, earliest, latest)
                .map(|d| Some(AnswerValue::Text(d.format("%Y-%m-%d").to_string())))
        }
        QuestionKind::Text { max_chars } => {
            let cleaned = clean_text(trimmed);
            let count = cleaned.chars().count();
            if count > *max_chars {
                Err(Problem::TooLong {
                    label: label(),
                    max: *max_chars,
                    count,
                })
            } else {
                Ok(Some(AnswerValue::Text(cleaned)))
            }
        }
    }
}

/// Drops control characters other than line breaks and tabs, and normalises line endings.
pub fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole number with commas between thousands, minus sign kept.
fn group_thousands_i(n: i32) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(n.unsigned_abs() as usize))
}

/// Checks every question of a section; errors come back in question order.
pub fn validate_section(
    section: &Section,
    raw: &RawAnswers,
    is_ward: &dyn Fn(&str) -> bool,
) -> Result<ValidAnswers, Vec<FieldError>> {
    let mut valid = ValidAnswers::new();
    let mut errors = Vec::new();
    for q in &section.questions {
        match check_question(q, raw.get(&q.key).map(String::as_str), is_ward) {
            Ok(Some(v)) => {
                valid.insert(q.key.clone(), v);
            }
            Ok(None) => {}
            Err(problem) => errors.push(FieldError {
                question_key: q.key.clone(),
                message: problem.to_string(),
                problem,
            }),
        }
    }
    if errors.is_empty() {
        Ok(valid)
    } else {
        Err(errors)
    }
}

/// Checks a whole response along the way its answers lead (`routing::path`): sections a
/// route skips are neither checked nor kept. On failure, gives the first section (1-based)
/// with an error and every error found.
pub fn validate_survey(
    survey: &Survey,
    raw: &RawAnswers,
    is_ward: &dyn Fn(&str) -> bool,
) -> Result<ValidAnswers, (usize, Vec<FieldError>)> {
    let mut all = ValidAnswers::new();
    let mut first_bad = None;
    let mut errors = Vec::new();
    for i in crate::routing::path(survey, raw).into_iter().map(|n| n - 1) {
        let section = &survey.sections[i];
        match validate_section(section, raw, is_ward) {
            Ok(v) => all.extend(v),
            Err(e) => {
                first_bad.get_or_insert(i + 1);
                errors.extend(e);
            }
        }
    }
    match first_bad {
        None => Ok(all),
        Some(section) => Err((section, errors)),
    }
}

/// Keeps only the submitted values that belong to this section's questions, so a tampered
/// post cannot write answers to other sections.
pub fn section_fields<'a>(
    section: &Section,
    submitted: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> RawAnswers {
    let mut out = RawAnswers::new();
    let submitted: Vec<(&str, &str)> = submitted.into_iter().collect();
    for (name, value) in &submitted {
        match section.questions.iter().find(|q| q.key == *name) {
            // Each box ticked comes as a field of its own.
            Some(q) if matches!(q.kind, QuestionKind::Several { .. }) => {
                let kept = out.entry(name.to_string()).or_default();
                if !value.is_empty() {
                    if !kept.is_empty() {
                        kept.push(SEVERAL_SEPARATOR);
                    }
                    kept.push_str(value);
                }
            }
            Some(_) => {
                out.insert(name.to_string(), value.to_string());
            }
            None => {}
        }
    }
    // A date comes as three boxes, `{key}-day`, `{key}-month` and `{key}-year`.
    for q in &section.questions {
        if let QuestionKind::Date { .. } = q.kind {
            let part = |p: &str| {
                let name = format!("{}-{p}", q.key);
                submitted
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| *v)
                    .unwrap_or("")
            };
            out.insert(
                q.key.clone(),
                date_raw(part("day"), part("month"), part("year")),
            );
        }
    }
    // A radio group left unselected is not posted at all: record it as blank.
    for q in &section.questions {
        out.entry(q.key.clone()).or_default();
    }
    out
}

/// How an answer reads back on the check-answers page.
pub fn describe_answer(
    question: &Question,
    raw: Option<&str>,
    ward_name: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    describe_answer_in(&English, question, raw, ward_name)
}

/// `describe_answer` with the interface's words in another language.
pub fn describe_answer_in(
    words: &dyn Words,
    question: &Question,
    raw: Option<&str>,
    ward_name: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    let raw = raw.map(str::trim).filter(|r| !r.is_empty())?;
    Some(match &question.kind {
        // A bare "6" on the check page says nothing of the scale: name its ends.
        QuestionKind::Scale {
            min,
            max,
            min_label,
            max_label,
        } => words.scale_answer(raw, *min, min_label, *max, max_label),
        QuestionKind::Choice { .. } => question
            .kind
            .option_label(raw)
            .map(str::to_string)
            .unwrap_or_else(|| raw.to_string()),
        // In the options' order, as kept; a key that is no option as it came.
        QuestionKind::Several { options } => {
            let given: Vec<&str> = raw.split(SEVERAL_SEPARATOR).map(str::trim).collect();
            options
                .iter()
                .filter(|o| given.contains(&o.key.as_str()))
                .map(|o| o.label.as_str())
                .chain(
                    given
                        .iter()
                        .copied()
                        .filter(|k| !k.is_empty() && !options.iter().any(|o| o.key == *k)),
                )
                .collect::<Vec<_>>()
                .join(", ")
        }
        QuestionKind::Text { .. } => raw.to_string(),
        QuestionKind::Date { earliest, latest } => {
            match check_date(raw, &question.short_label, earliest, latest) {
                Ok(d) => words.date(d),
                Err(_) => raw.to_string(),
            }
        }
        QuestionKind::Number { unit, .. } => match unit {
            Some(u) => format!("{raw} {u}"),
            None => raw.to_string(),
        },
        QuestionKind::Area => match AreaAnswer::from_key(raw) {
            AreaAnswer::DontKnow => words.dont_know(),
            AreaAnswer::PreferNotToSay => words.prefer_not_to_say(),
            AreaAnswer::Ward(code) => ward_name(&code).unwrap_or(code),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::ChoiceOption;
    use proptest::prelude::*;

    fn scale() -> Question {
        Question {
            key: "wb_happiness".into(),
            prompt: "Overall, how happy did you feel yesterday?".into(),
            hint: None,
            short_label: "happiness yesterday".into(),
            required_message: "Select how happy you felt yesterday".into(),
            required: true,
            kind: QuestionKind::Scale {
                min: 0,
                max: 10,
                min_label: "Not at all".into(),
                max_label: "Completely".into(),
            },
        }
    }

    fn choice(required: bool) -> Question {
        Question {
            key: "sex".into(),
            prompt: "What is your sex?".into(),
            hint: None,
            short_label: "sex".into(),
            required_message: "Select your sex".into(),
            required,
            kind: QuestionKind::Choice {
                options: ["female", "male", "prefer_not_to_say"]
                    .iter()
                    .map(|k| ChoiceOption {
                        key: k.to_string(),
                        label: k.to_string(),
                    })
                    .collect(),
            },
        }
    }

    fn text() -> Question {
        Question {
            key: "free_text_change".into(),
            prompt: "What one thing?".into(),
            hint: None,
            short_label: "what would make your neighbourhood better".into(),
            required_message: String::new(),
            required: false,
            kind: QuestionKind::Text { max_chars: 1000 },
        }
    }

    fn area() -> Question {
        Question {
            key: "area".into(),
            prompt: "Which ward do you live in?".into(),
            hint: None,
            short_label: "ward".into(),
            required_message: "Select your ward, or I don't know".into(),
            required: true,
            kind: QuestionKind::Area,
        }
    }

    fn wards(code: &str) -> bool {
        code == "W01" || code == "W02"
    }

    #[test]
    fn required_blank_gets_the_question_own_message() {
        assert_eq!(
            validate_question(&scale(), None, &wards),
            Err("Select how happy you felt yesterday".into())
        );
        assert_eq!(
            validate_question(&scale(), Some("  "), &wards),
            Err("Select how happy you felt yesterday".into())
        );
    }

    #[test]
    fn optional_blank_is_no_answer() {
        assert_eq!(
            validate_question(&choice(false), Some(""), &wards),
            Ok(None)
        );
        assert_eq!(validate_question(&text(), None, &wards), Ok(None));
    }

    #[test]
    fn scale_out_of_range_or_not_a_number() {
        for bad in ["11", "-1", "7.5", "seven"] {
            assert_eq!(
                validate_question(&scale(), Some(bad), &wards),
                Err("Select a score from 0 to 10 for happiness yesterday".into()),
                "{bad}"
            );
        }
        assert_eq!(
            validate_question(&scale(), Some("10"), &wards),
            Ok(Some(AnswerValue::Scale(10)))
        );
    }

    #[test]
    fn unknown_option_is_refused() {
        assert_eq!(
            validate_question(&choice(true), Some("other"), &wards),
            Err("Select one of the answers shown for sex".into())
        );
    }

    #[test]
    fn ward_must_be_known_or_an_explicit_non_answer() {
        assert!(validate_question(&area(), Some("W01"), &wards).is_ok());
        assert!(validate_question(&area(), Some("dont_know"), &wards).is_ok());
        assert!(validate_question(&area(), Some("prefer_not_to_say"), &wards).is_ok());
        assert_eq!(
            validate_question(&area(), Some("W99"), &wards),
            Err("Select your ward from the list".into())
        );
    }

    #[test]
    fn over_long_text_says_how_long() {
        let long = "a".repeat(1001);
        assert_eq!(
            validate_question(&text(), Some(&long), &wards),
            Err("Your answer about what would make your neighbourhood better must be 1,000 characters or fewer; it has 1,001".into())
        );
        // Characters, not bytes: 1,000 accented letters are fine.
        let accents = "é".repeat(1000);
        assert!(validate_question(&text(), Some(&accents), &wards).is_ok());
    }

    #[test]
    fn text_loses_control_characters_but_keeps_lines() {
        assert_eq!(
            validate_question(&text(), Some("more\u{0} bins\r\nplease"), &wards),
            Ok(Some(AnswerValue::Text("more bins\nplease".into())))
        );
    }

    #[test]
    fn section_reports_every_error_in_order() {
        let section = Section {
            title: "t".into(),
            intro: None,
            questions: vec![area(), scale(), choice(true)],
            routes: vec![],
        };
        let raw = RawAnswers::from([("wb_happiness".to_string(), "4".to_string())]);
        let errors = validate_section(&section, &raw, &wards).unwrap_err();
        let keys: Vec<_> = errors.iter().map(|e| e.question_key.as_str()).collect();
        assert_eq!(keys, ["area", "sex"]);
    }

    #[test]
    fn section_fields_ignores_other_questions_and_blanks_missing_radios() {
        let section = Section {
            title: "t".into(),
            intro: None,
            questions: vec![scale(), choice(false)],
            routes: vec![],
        };
        let raw = section_fields(
            &section,
            [("wb_happiness", "3"), ("area", "W01"), ("token", "x")],
        );
        assert_eq!(raw.len(), 2);
        assert_eq!(raw["wb_happiness"], "3");
        assert_eq!(raw["sex"], "");
    }

    #[test]
    fn a_score_is_described_with_its_scale() {
        let q = scale();
        let QuestionKind::Scale { min, max, .. } = &q.kind else {
            panic!("a scale")
        };
        let shown = describe_answer(&q, Some(" 6 "), &|_| None).unwrap();
        assert!(shown.starts_with("6 (on a scale where "), "{shown}");
        assert!(shown.contains(&format!("{min} is ")), "{shown}");
        assert!(shown.contains(&format!("{max} is ")), "{shown}");
    }

    proptest! {
        #[test]
        fn a_scale_accepts_exactly_its_range(v in -100i32..100) {
            let ok = validate_question(&scale(), Some(&v.to_string()), &wards).is_ok();
            prop_assert_eq!(ok, (0..=10).contains(&v));
        }

        #[test]
        fn text_within_the_limit_is_kept_and_beyond_is_refused(s in "\\PC{0,1200}") {
            let result = validate_question(&text(), Some(&s), &wards);
            let kept = clean_text(s.trim());
            if kept.chars().count() <= 1000 {
                prop_assert!(result.is_ok());
            } else {
                prop_assert!(result.is_err());
            }
        }

        #[test]
        fn validation_never_panics_on_any_input(s in ".*") {
            let _ = validate_question(&scale(), Some(&s), &wards);
            let _ = validate_question(&choice(true), Some(&s), &wards);
            let _ = validate_question(&area(), Some(&s), &wards);
            let _ = validate_question(&text(), Some(&s), &wards);
        }
    }

    fn years() -> Question {
        Question {
            key: "years_here".into(),
            prompt: "How many years have you lived in your area?".into(),
            hint: None,
            short_label: "the years you have lived here".into(),
            required_message: "Enter the years you have lived here".into(),
            required: true,
            kind: QuestionKind::Number {
                min: 0,
                max: 1200,
                unit: Some("years".into()),
            },
        }
    }

    #[test]
    fn a_number_is_whole_within_its_range_and_may_have_commas() {
        let no = |_: &str| false;
        let q = years();
        assert_eq!(
            validate_question(&q, Some(" 1,200 "), &no),
            Ok(Some(AnswerValue::Scale(1200)))
        );
        assert_eq!(
            validate_question(&q, Some("1201"), &no),
            Err("Enter a number from 0 to 1,200 for the years you have lived here".into())
        );
        assert_eq!(
            validate_question(&q, Some("ten"), &no),
            Err("Enter the years you have lived here as a whole number, like 0".into())
        );
        assert_eq!(
            validate_question(&q, Some("2.5"), &no),
            Err("Enter the years you have lived here as a whole number, like 0".into())
        );
        assert_eq!(
            describe_answer(&q, Some("12"), &|_| None).as_deref(),
            Some("12 years")
        );
    }

    fn date(earliest: Option<&str>, latest: Option<&str>) -> Question {
        Question {
            key: "moved_in".into(),
            prompt: "When did you move into your home?".into(),
            hint: None,
            short_label: "the date you moved in".into(),
            required_message: "Enter the date you moved in".into(),
            required: true,
            kind: QuestionKind::Date {
                earliest: earliest.map(str::to_string),
                latest: latest.map(str::to_string),
            },
        }
    }

    #[test]
    fn a_date_is_typed_in_three_boxes_and_kept_as_iso() {
        let q = date(Some("1950-01-01"), Some("2026-11-25"));
        let s = Section {
            title: "Home".into(),
            intro: None,
            questions: vec![q.clone()],
            routes: Vec::new(),
        };
        let raw = section_fields(
            &s,
            [
                ("moved_in-day", " 7 "),
                ("moved_in-month", "3"),
                ("moved_in-year", "2019"),
            ],
        );
        assert_eq!(raw["moved_in"], "7/3/2019");
        let no = |_: &str| false;
        assert_eq!(
            validate_question(&q, Some(&raw["moved_in"]), &no),
            Ok(Some(AnswerValue::Text("2019-03-07".into())))
        );
        // Read back in words, from what was typed or what was stored.
        assert_eq!(
            describe_answer(&q, Some("7/3/2019"), &|_| None).as_deref(),
            Some("7 March 2019")
        );
        assert_eq!(
            date_parts("2019-03-07"),
            ("7".into(), "3".into(), "2019".into())
        );
        // Nothing typed: the question's own message.
        let blank = section_fields(&s, [("moved_in-day", ""), ("moved_in-month", "")]);
        assert_eq!(blank["moved_in"], "");
        assert_eq!(
            validate_question(&q, Some(""), &no),
            Err("Enter the date you moved in".into())
        );
    }

    #[test]
    fn a_date_says_what_is_wrong_in_the_gov_uk_words() {
        let q = date(Some("1950-01-01"), Some("2026-11-25"));
        let no = |_: &str| false;
        let said = |raw: &str| validate_question(&q, Some(raw), &no).unwrap_err();
        assert_eq!(said("/3/2019"), "The date you moved in must include a day");
        assert_eq!(
            said("7//2019"),
            "The date you moved in must include a month"
        );
        assert_eq!(said("7/3/"), "The date you moved in must include a year");
        assert_eq!(
            said("31/2/2019"),
            "The date you moved in must be a real date"
        );
        assert_eq!(said("7/3/19"), "The date you moved in must be a real date");
        assert_eq!(
            said("x/3/2019"),
            "The date you moved in must be a real date"
        );
        assert_eq!(
            said("1/1/1949"),
            "The date you moved in must be on or after 1 January 1950"
        );
        assert_eq!(
            said("1/1/2027"),
            "The date you moved in must be on or before 25 November 2026"
        );
    }

    proptest! {
        /// Any real date typed in the three boxes is kept as that date, and reads back as it.
        #[test]
        fn every_real_date_survives_the_boxes(days in 0i64..40000) {
            let d = chrono::NaiveDate::from_ymd_opt(1920, 1, 1).unwrap() + chrono::Duration::days(days);
            use chrono::Datelike;
            let raw = date_raw(&d.day().to_string(), &d.month().to_string(), &d.year().to_string());
            let q = date(None, None);
            prop_assert_eq!(
                validate_question(&q, Some(&raw), &|_| false),
                Ok(Some(AnswerValue::Text(d.format("%Y-%m-%d").to_string())))
            );
        }
    }
}

//! Changing a survey's draft one piece at a time, as the builder's pages do. Each change
//! takes what an officer typed, says field by field what is wrong (in the GOV.UK way: what
//! to do, not what went wrong), and leaves the document as it was when it refuses. What only
//! stops publishing (a section still empty, a route to a section since removed) is left to
//! `document::check`, which the builder shows beside the draft.

use serde::{Deserialize, Serialize};

use crate::document::{
    is_field_key, is_option_key, is_survey_key, SurveyDocument, FORMAT, MAX_TEXT_CHARS,
    RESERVED_KEYS,
};
use crate::indicators::{IndicatorDef, Rule, Theme};
use crate::routing::{Goto, Route, When};
use crate::survey::{ChoiceOption, Question, QuestionKind, Section};

/// Free text up to this many characters is asked in a one-line box; longer in a text area.
pub const SHORT_TEXT_CHARS: usize = 200;

/// One problem with what was typed: the field's name in the form, and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

fn problem(field: &str, message: impl Into<String>) -> FieldProblem {
    FieldProblem {
        field: field.into(),
        message: message.into(),
    }
}

pub type Checked<T> = Result<T, Vec<FieldProblem>>;

fn done<T>(value: T, problems: Vec<FieldProblem>) -> Checked<T> {
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems)
    }
}

fn filled(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A survey started in the builder: its key and title; the rest is written afterwards.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewSurvey {
    pub key: String,
    pub title: String,
}

/// A new survey's first draft: no sections yet, the start page's other texts to write.
pub fn new_document(typed: &NewSurvey) -> Checked<SurveyDocument> {
    let key = typed.key.trim().to_string();
    let mut problems = Vec::new();
    if key.is_empty() {
        problems.push(problem(
            "key",
            "Enter a key for the survey, such as parks-2027",
        ));
    } else if !is_survey_key(&key) {
        problems.push(problem(
            "key",
            "The key must be 2 to 40 lowercase letters, digits or hyphens, starting with a letter",
        ));
    } else if RESERVED_KEYS.contains(&key.as_str()) {
        problems.push(problem(
            "key",
            format!("\"{key}\" is used by Kiln's own pages: choose another key"),
        ));
    }
    let title = filled(&typed.title);
    if title.is_none() {
        problems.push(problem("title", "Enter the survey's title"));
    }
    done(
        SurveyDocument {
            schema: None,
            format: FORMAT,
            key,
            title: title.unwrap_or_default(),
            summary: String::new(),
            purpose: String::new(),
            minutes: 5,
            retention: String::new(),
            sections: Vec::new(),
            indicators: Vec::new(),
        },
        problems,
    )
}

/// What residents are told before they start, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Details {
    pub title: String,
    pub summary: String,
    pub purpose: String,
    pub minutes: String,
    pub retention: String,
}

impl Details {
    pub fn of(doc: &SurveyDocument) -> Details {
        Details {
            title: doc.title.clone(),
            summary: doc.summary.clone(),
            purpose: doc.purpose.clone(),
            minutes: doc.minutes.to_string(),
            retention: doc.retention.clone(),
        }
    }
}

pub fn set_details(doc: &mut SurveyDocument, typed: &Details) -> Checked<()> {
    let mut problems = Vec::new();
    let mut text = |field: &str, value: &str, message: &str| {
        let v = filled(value);
        if v.is_none() {
            problems.push(problem(field, message));
        }
        v.unwrap_or_default()
    };
    let title = text("title", &typed.title, "Enter the survey's title");
    let summary = text(
        "summary",
        &typed.summary,
        "Enter a summary: a sentence or two on what the survey asks",
    );
    let purpose = text(
        "purpose",
        &typed.purpose,
        "Enter why the council asks: what the answers will be used for",
    );
    let retention = text(
        "retention",
        &typed.retention,
        "Enter how long the answers are kept, such as \"We keep your answers for two years\"",
    );
    let minutes = match typed.minutes.trim().parse::<i32>() {
        Ok(m) if (1..=120).contains(&m) => Some(m),
        _ if typed.minutes.trim().is_empty() => {
            problems.push(problem(
                "minutes",
                "Enter about how many minutes the survey takes",
            ));
            None
        }
        _ => {
            problems.push(problem(
                "minutes",
                "The time the survey takes must be a whole number of minutes from 1 to 120",
            ));
            None
        }
    };
    done((), problems)?;
    doc.title = title;
    doc.summary = summary;
    doc.purpose = purpose;
    doc.retention = retention;
    doc.minutes = minutes.unwrap_or(doc.minutes);
    Ok(())
}

/// A section's title and introduction, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SectionText {
    pub title: String,
    pub intro: String,
}

impl SectionText {
    pub fn of(s: &Section) -> SectionText {
        SectionText {
            title: s.title.clone(),
            intro: s.intro.clone().unwrap_or_default(),
        }
    }
}

fn section_text(typed: &SectionText) -> Checked<(String, Option<String>)> {
    match filled(&typed.title) {
        Some(title) => Ok((title, filled(&typed.intro))),
        None => Err(vec![problem("title", "Enter the section's title")]),
    }
}

fn section_mut(doc: &mut SurveyDocument, n: usize) -> Result<&mut Section, String> {
    n.checked_sub(1)
        .and_then(|i| doc.sections.get_mut(i))
        .ok_or_else(|| format!("The survey has no section {n}: the page may be out of date"))
}

/// Adds a section at the end; gives its number.
pub fn add_section(doc: &mut SurveyDocument, typed: &SectionText) -> Checked<usize> {
    let (title, intro) = section_text(typed)?;
    doc.sections.push(Section {
        title,
        intro,
        questions: Vec::new(),
        routes: Vec::new(),
    });
    Ok(doc.sections.len())
}

pub fn change_section(doc: &mut SurveyDocument, n: usize, typed: &SectionText) -> Checked<()> {
    let (title, intro) = section_text(typed)?;
    let s = section_mut(doc, n).map_err(|m| vec![problem("title", m)])?;
    s.title = title;
    s.intro = intro;
    Ok(())
}

/// Removes a section and its questions. Refused while another section's route goes to it,
/// since which section it should go to instead is the officer's to decide; later sections'
/// numbers in routes move down by one.
pub fn remove_section(doc: &mut SurveyDocument, n: usize) -> Result<(), String> {
    section_mut(doc, n)?;
    if let Some(from) = doc
        .sections
        .iter()
        .position(|s| s.routes.iter().any(|r| r.goto == Goto::Section(n)))
    {
        return Err(format!(
            "Section {} has a route to section {n}: change or remove that route before removing the section",
            from + 1
        ));
    }
    doc.sections.remove(n - 1);
    for s in &mut doc.sections {
        for r in &mut s.routes {
            if let Goto::Section(t) = &mut r.goto {
                if *t > n {
                    *t -= 1;
                }
            }
        }
    }
    Ok(())
}

/// The kinds of question an officer can write, as the builder names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Choice,
    Several,
    Scale,
    Number,
    Date,
    ShortText,
    LongText,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Choice,
        Kind::Several,
        Kind::Scale,
        Kind::Number,
        Kind::Date,
        Kind::ShortText,
        Kind::LongText,
    ];

    /// Its name in addresses and forms.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Choice => "choice",
            Kind::Several => "several",
            Kind::Scale => "scale",
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::ShortText => "short-text",
            Kind::LongText => "long-text",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What an officer reads when choosing one.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Choice => "One answer from a list",
            Kind::Several => "Any answers from a list (tick boxes)",
            Kind::Scale => "A scale, such as 0 to 10 or 1 to 5",
            Kind::Number => "A whole number",
            Kind::Date => "A date",
            Kind::ShortText => "Short text (one line)",
            Kind::LongText => "Long text (a paragraph or more)",
        }
    }

    /// The kind an existing question is written as; none for the ward question, which comes
    /// from the question bank.
    pub fn of(kind: &QuestionKind) -> Option<Kind> {
        Some(match kind {
            QuestionKind::Choice { .. } => Kind::Choice,
            QuestionKind::Several { .. } => Kind::Several,
            QuestionKind::Scale { .. } => Kind::Scale,
            QuestionKind::Number { .. } => Kind::Number,
            QuestionKind::Date { .. } => Kind::Date,
            QuestionKind::Text { max_chars } if *max_chars <= SHORT_TEXT_CHARS => Kind::ShortText,
            QuestionKind::Text { .. } => Kind::LongText,
            QuestionKind::Area => return None,
        })
    }
}

/// Everything typed on the question page; which fields count depends on the kind.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionText {
    pub key: String,
    pub prompt: String,
    pub hint: String,
    pub short_label: String,
    /// "yes" or "no".
    pub required: String,
    pub required_message: String,
    /// One answer a line, each optionally ending with its key in brackets: "Yes [yes]".
    pub options: String,
    pub min: String,
    pub max: String,
    pub min_label: String,
    pub max_label: String,
    pub unit: String,
    pub earliest: String,
    pub latest: String,
    pub max_chars: String,
}

impl QuestionText {
    /// The form for a new question of a kind, with the usual values filled in.
    pub fn blank(kind: Kind) -> QuestionText {
        let mut t = QuestionText {
            required: "yes".into(),
            ..Default::default()
        };
        match kind {
            Kind::Scale => {
                t.min = "0".into();
                t.max = "10".into();
                t.min_label = "Not at all".into();
                t.max_label = "Completely".into();
            }
            Kind::Number => {
                t.min = "0".into();
                t.max = "100".into();
            }
            Kind::ShortText => {
                t.required = "no".into();
                t.max_chars = SHORT_TEXT_CHARS.to_string();
            }
            Kind::LongText => {
                t.required = "no".into();
                t.max_chars = "1000".into();
            }
            Kind::Choice | Kind::Several | Kind::Date => {}
        }
        t
    }

    /// An existing question as its form shows it: options with their keys, so rewording an
    /// answer keeps its key (and the answers already given to it).
    pub fn of(q: &Question) -> QuestionText {
        let mut t = QuestionText {
            key: q.key.clone(),
            prompt: q.prompt.clone(),
            hint: q.hint.clone().unwrap_or_default(),
            short_label: q.short_label.clone(),
            required: if q.required { "yes" } else { "no" }.into(),
            required_message: q.required_message.clone(),
            ..Default::default()
        };
        match &q.kind {
            QuestionKind::Choice { options } | QuestionKind::Several { options } => {
                t.options = options
                    .iter()
                    .map(|o| format!("{} [{}]", o.label, o.key))
                    .collect::<Vec<_>>()
                    .join("\n");
            }
            QuestionKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => {
                t.min = min.to_string();
                t.max = max.to_string();
                t.min_label = min_label.clone();
                t.max_label = max_label.clone();
            }
            QuestionKind::Number { min, max, unit } => {
                t.min = min.to_string();
                t.max = max.to_string();
                t.unit = unit.clone().unwrap_or_default();
            }
            QuestionKind::Date { earliest, latest } => {
                t.earliest = earliest.clone().unwrap_or_default();
                t.latest = latest.clone().unwrap_or_default();
            }
            QuestionKind::Text { max_chars } => t.max_chars = max_chars.to_string(),
            QuestionKind::Area => {}
        }
        t
    }
}

/// A key made from words: "Used a park?" is `used_a_park`.
pub fn key_from(words: &str, max: usize) -> String {
    let mut key = String::new();
    for c in words.trim().to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            key.push(c);
        } else if !key.ends_with('_') && !key.is_empty() {
            key.push('_');
        }
    }
    let key: String = key.trim_end_matches('_').chars().take(max).collect();
    key.trim_end_matches('_').to_string()
}

/// The options as typed: one a line, "Label [key]" or just "Label" (a key is made from it).
fn parse_options(typed: &str) -> Checked<Vec<ChoiceOption>> {
    let mut options: Vec<ChoiceOption> = Vec::new();
    let mut problems = Vec::new();
    for line in typed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (label, key) = match line.strip_suffix(']').and_then(|l| l.rsplit_once('[')) {
            Some((label, key)) => (label.trim().to_string(), Some(key.trim().to_string())),
            None => (line.to_string(), None),
        };
        if label.is_empty() {
            problems.push(problem(
                "options",
                format!("Write the words of the answer \"{line}\" before its key"),
            ));
            continue;
        }
        let key = match key {
            Some(k) if !is_option_key(&k) => {
                problems.push(problem(
                    "options",
                    format!("The key \"{k}\" of \"{label}\" must be lowercase letters, digits or the signs _ - +"),
                ));
                continue;
            }
            Some(k) => k,
            None => {
                let made = key_from(&label, 50);
                let base = if made.is_empty() {
                    format!("option_{}", options.len() + 1)
                } else {
                    made
                };
                let mut k = base.clone();
                let mut n = 2;
                while options.iter().any(|o| o.key == k) {
                    k = format!("{base}_{n}");
                    n += 1;
                }
                k
            }
        };
        if options.iter().any(|o| o.key == key) {
            problems.push(problem(
                "options",
                format!("Two answers have the key \"{key}\": give each its own"),
            ));
            continue;
        }
        options.push(ChoiceOption { key, label });
    }
    if options.len() + problems.len() < 2 {
        problems.push(problem(
            "options",
            "Enter at least two answers to choose from, one a line",
        ));
    }
    done(options, problems)
}

fn whole(field: &str, typed: &str, what: &str, problems: &mut Vec<FieldProblem>) -> Option<i32> {
    match typed.trim().parse::<i32>() {
        Ok(v) => Some(v),
        Err(_) if typed.trim().is_empty() => {
            problems.push(problem(field, format!("Enter the {what}")));
            None
        }
        Err(_) => {
            problems.push(problem(
                field,
                format!("The {what} must be a whole number, like 10"),
            ));
            None
        }
    }
}

fn date_bound(field: &str, typed: &str, problems: &mut Vec<FieldProblem>) -> Option<String> {
    let t = filled(typed)?;
    if chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d").is_err() {
        problems.push(problem(
            field,
            "Write the date as year, month and day, like 2026-03-31",
        ));
    }
    Some(t)
}

fn parse_kind(kind: Kind, typed: &QuestionText) -> Checked<QuestionKind> {
    let mut problems = Vec::new();
    let parsed = match kind {
        Kind::Choice | Kind::Several => match parse_options(&typed.options) {
            Ok(options) if kind == Kind::Several => Some(QuestionKind::Several { options }),
            Ok(options) => Some(QuestionKind::Choice { options }),
            Err(p) => {
                problems.extend(p);
                None
            }
        },
        Kind::Scale => {
            let min = whole("min", &typed.min, "lowest score", &mut problems);
            let max = whole("max", &typed.max, "highest score", &mut problems);
            if let (Some(lo), Some(hi)) = (min, max) {
                if !(1..=10).contains(&(hi - lo)) {
                    problems.push(problem(
                        "max",
                        "A scale has 2 to 11 points: the highest score must be 1 to 10 more than the lowest",
                    ));
                }
            }
            let min_label = filled(&typed.min_label);
            if min_label.is_none() {
                problems.push(problem(
                    "min_label",
                    "Enter what the lowest score means, such as \"Not at all\"",
                ));
            }
            let max_label = filled(&typed.max_label);
            if max_label.is_none() {
                problems.push(problem(
                    "max_label",
                    "Enter what the highest score means, such as \"Completely\"",
                ));
            }
            match (min, max, min_label, max_label) {
                (Some(min), Some(max), Some(min_label), Some(max_label)) => {
                    Some(QuestionKind::Scale {
                        min,
                        max,
                        min_label,
                        max_label,
                    })
                }
                _ => None,
            }
        }
        Kind::Number => {
            let min = whole("min", &typed.min, "smallest number accepted", &mut problems);
            let max = whole("max", &typed.max, "largest number accepted", &mut problems);
            match (min, max) {
                (Some(lo), Some(hi)) if lo >= hi => {
                    problems.push(problem(
                        "max",
                        "The largest number accepted must be more than the smallest",
                    ));
                    None
                }
                (Some(min), Some(max)) => Some(QuestionKind::Number {
                    min,
                    max,
                    unit: filled(&typed.unit),
                }),
                _ => None,
            }
        }
        Kind::Date => {
            let earliest = date_bound("earliest", &typed.earliest, &mut problems);
            let latest = date_bound("latest", &typed.latest, &mut problems);
            if problems.is_empty() {
                if let (Some(e), Some(l)) = (&earliest, &latest) {
                    if e > l {
                        problems.push(problem(
                            "latest",
                            "The latest date accepted must be after the earliest",
                        ));
                    }
                }
            }
            Some(QuestionKind::Date { earliest, latest })
        }
        Kind::ShortText | Kind::LongText => {
            let limit = if kind == Kind::ShortText {
                SHORT_TEXT_CHARS
            } else {
                MAX_TEXT_CHARS
            };
            match typed.max_chars.trim().parse::<usize>() {
                Ok(n) if (1..=limit).contains(&n) => Some(QuestionKind::Text { max_chars: n }),
                _ => {
                    problems.push(problem(
                        "max_chars",
                        format!(
                            "The most characters an answer may have must be a whole number from 1 to {limit}"
                        ),
                    ));
                    None
                }
            }
        }
    };
    match parsed {
        Some(k) if problems.is_empty() => Ok(k),
        _ => Err(problems),
    }
}

/// The texts every question has, checked; `kind` is already parsed.
fn with_texts(
    key: String,
    typed: &QuestionText,
    kind: QuestionKind,
    problems: &mut Vec<FieldProblem>,
) -> Question {
    let prompt = filled(&typed.prompt);
    if prompt.is_none() {
        problems.push(problem("prompt", "Enter the question"));
    }
    let short_label = filled(&typed.short_label);
    if short_label.is_none() {
        problems.push(problem(
            "short_label",
            "Enter a short label: a few words naming the question, such as \"using a park\"",
        ));
    }
    let required = match typed.required.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            problems.push(problem(
                "required",
                "Select whether residents must answer the question",
            ));
            false
        }
    };
    // Left empty, a required question's message is written from its short label, in the
    // GOV.UK way: what to do.
    let required_message = filled(&typed.required_message).or_else(|| {
        let label = short_label.as_ref().filter(|_| required)?;
        Some(match kind {
            QuestionKind::Choice { .. }
            | QuestionKind::Several { .. }
            | QuestionKind::Scale { .. }
            | QuestionKind::Area => {
                format!("Select an answer about {label}")
            }
            _ => format!("Enter an answer about {label}"),
        })
    });
    if required && required_message.is_none() {
        problems.push(problem(
            "required_message",
            "Enter the message for an answer left blank, such as \"Select whether you have used a park\"",
        ));
    }
    Question {
        key,
        prompt: prompt.unwrap_or_default(),
        hint: filled(&typed.hint),
        short_label: short_label.unwrap_or_default(),
        required_message: required_message.unwrap_or_default(),
        required,
        kind,
    }
}

fn question_key(
    doc: &SurveyDocument,
    typed: &QuestionText,
    except: Option<&str>,
    bank: &[Question],
    problems: &mut Vec<FieldProblem>,
) -> String {
    let key = match filled(&typed.key) {
        Some(k) => k,
        None => key_from(&typed.short_label, 40),
    };
    if key.is_empty() {
        problems.push(problem(
            "key",
            "Enter a key for the question, such as used_park, or a short label to make one from",
        ));
    } else if !is_field_key(&key, 60) {
        problems.push(problem(
            "key",
            "The key must be 1 to 60 lowercase letters, digits or underscores, starting with a letter",
        ));
    } else if Some(key.as_str()) != except
        && doc
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .any(|q| q.key == key)
    {
        problems.push(problem(
            "key",
            format!("Another question of this survey has the key \"{key}\": choose another"),
        ));
    } else if Some(key.as_str()) != except && (key == "area" || bank.iter().any(|b| b.key == key)) {
        problems.push(problem(
            "key",
            format!("\"{key}\" is a question bank key: add that question from the bank, or choose another key"),
        ));
    }
    key
}

/// Adds a question of the officer's own at the end of a section; gives its key.
pub fn add_question(
    doc: &mut SurveyDocument,
    section: usize,
    kind: Kind,
    typed: &QuestionText,
    bank: &[Question],
) -> Checked<String> {
    section_mut(doc, section).map_err(|m| vec![problem("prompt", m)])?;
    let mut problems = Vec::new();
    let key = question_key(doc, typed, None, bank, &mut problems);
    let parsed = parse_kind(kind, typed).unwrap_or_else(|p| {
        problems.extend(p);
        QuestionKind::Area
    });
    let q = with_texts(key.clone(), typed, parsed, &mut problems);
    done((), problems)?;
    doc.sections[section - 1].questions.push(q);
    Ok(key)
}

/// Where a question is: its section (from 1) and place in it.
fn find(doc: &SurveyDocument, key: &str) -> Option<(usize, usize)> {
    doc.sections.iter().enumerate().find_map(|(s, sec)| {
        sec.questions
            .iter()
            .position(|q| q.key == key)
            .map(|i| (s + 1, i))
    })
}

fn gone(key: &str) -> String {
    format!("The survey has no question \"{key}\": the page may be out of date")
}

/// Changes a question. A question bank question keeps the bank's wording and answers (so
/// that its figures compare with the standard surveys' and England's): only its hint, short
/// label, whether it is required and its message change. A new key is carried to the routes
/// and indicators that name the old one.
pub fn change_question(
    doc: &mut SurveyDocument,
    key: &str,
    kind: Kind,
    typed: &QuestionText,
    bank: &[Question],
) -> Checked<()> {
    let (s, i) = find(doc, key).ok_or_else(|| vec![problem("prompt", gone(key))])?;
    let old = doc.sections[s - 1].questions[i].clone();
    let mut problems = Vec::new();
    let q = if let Some(b) = bank.iter().find(|b| b.key == key) {
        let typed = QuestionText {
            prompt: b.prompt.clone(),
            ..typed.clone()
        };
        with_texts(b.key.clone(), &typed, b.kind.clone(), &mut problems)
    } else {
        let new_key = question_key(doc, typed, Some(key), bank, &mut problems);
        let parsed = if matches!(old.kind, QuestionKind::Area) {
            Ok(QuestionKind::Area)
        } else {
            parse_kind(kind, typed)
        };
        let parsed = parsed.unwrap_or_else(|p| {
            problems.extend(p);
            QuestionKind::Area
        });
        with_texts(new_key, typed, parsed, &mut problems)
    };
    done((), problems)?;
    if q.key != key {
        for sec in &mut doc.sections {
            for r in &mut sec.routes {
                if r.question == key {
                    r.question = q.key.clone();
                }
            }
        }
        for d in &mut doc.indicators {
            if d.item == key {
                d.item = q.key.clone();
            }
        }
    }
    doc.sections[s - 1].questions[i] = q;
    Ok(())
}

/// Removes a question. Routes and indicators that follow it stay, and stop publishing
/// until they are changed: the officer sees what named it rather than losing it unseen.
pub fn remove_question(doc: &mut SurveyDocument, key: &str) -> Result<(), String> {
    let (s, i) = find(doc, key).ok_or_else(|| gone(key))?;
    doc.sections[s - 1].questions.remove(i);
    Ok(())
}

/// Moves a question one place up or down within its section.
pub fn move_question(doc: &mut SurveyDocument, key: &str, up: bool) -> Result<(), String> {
    let (s, i) = find(doc, key).ok_or_else(|| gone(key))?;
    let qs = &mut doc.sections[s - 1].questions;
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    match j {
        Some(j) if j < qs.len() => {
            qs.swap(i, j);
            Ok(())
        }
        _ => Err(format!(
            "The question is already the {} of its section",
            if up { "first" } else { "last" }
        )),
    }
}

/// Adds question bank questions, as the bank words them, at the end of a section; gives how
/// many. Questions the survey already asks are refused by name.
pub fn add_from_bank(
    doc: &mut SurveyDocument,
    section: usize,
    keys: &[String],
    bank: &[Question],
) -> Checked<usize> {
    section_mut(doc, section).map_err(|m| vec![problem("bank", m)])?;
    if keys.is_empty() {
        return Err(vec![problem("bank", "Select at least one question to add")]);
    }
    let mut problems = Vec::new();
    let mut picked = Vec::new();
    for key in keys {
        match bank.iter().find(|b| &b.key == key) {
            None => problems.push(problem(
                "bank",
                format!("The question bank has no question \"{key}\""),
            )),
            Some(_)
                if find(doc, key).is_some() || picked.iter().any(|q: &Question| &q.key == key) =>
            {
                problems.push(problem(
                    "bank",
                    format!("The survey already asks \"{key}\": a question is asked once"),
                ))
            }
            Some(b) => picked.push(b.clone()),
        }
    }
    done((), problems)?;
    let n = picked.len();
    doc.sections[section - 1].questions.extend(picked);
    Ok(n)
}

/// A route as chosen: `answer` is `{question}={option}` or `{question}=*` (any other
/// answer); `goto` a section's number or `end`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteText {
    pub answer: String,
    pub goto: String,
}

/// Adds a route at the end of a section's routes (checked in order; the first that
/// matches decides).
pub fn add_route(doc: &mut SurveyDocument, section: usize, typed: &RouteText) -> Checked<()> {
    let count = doc.sections.len();
    let s = section_mut(doc, section).map_err(|m| vec![problem("answer", m)])?;
    let mut problems = Vec::new();
    let when = match typed.answer.split_once('=') {
        Some((q, o))
            if s.questions.iter().any(|x| {
                x.key == q
                    && x.kind
                        .options()
                        .is_some_and(|options| o == "*" || options.iter().any(|op| op.key == o))
            }) =>
        {
            Some((
                q.to_string(),
                if o == "*" {
                    When::AnyOther
                } else {
                    When::Answer(o.to_string())
                },
            ))
        }
        _ => {
            problems.push(problem(
                "answer",
                "Select the answer that leads somewhere else",
            ));
            None
        }
    };
    let goto = match typed.goto.as_str() {
        "end" => Some(Goto::End),
        n => match n.parse::<usize>() {
            Ok(t) if t > section && t <= count => Some(Goto::Section(t)),
            _ => {
                problems.push(problem(
                    "goto",
                    "Select a later section, or the end of the survey",
                ));
                None
            }
        },
    };
    if let (Some((question, when)), Some(goto)) = (when, goto) {
        if s.routes
            .iter()
            .any(|r| r.question == question && r.when == when)
        {
            problems.push(problem(
                "answer",
                "That answer already has a route: remove it first to send it elsewhere",
            ));
        }
        done((), problems)?;
        s.routes.push(Route {
            question,
            when,
            goto,
        });
        Ok(())
    } else {
        Err(problems)
    }
}

pub fn remove_route(doc: &mut SurveyDocument, section: usize, index: usize) -> Result<(), String> {
    let s = section_mut(doc, section)?;
    if index >= s.routes.len() {
        return Err("That route has already been removed".into());
    }
    s.routes.remove(index);
    Ok(())
}

/// An indicator as typed: the share choosing some options, the share scoring in a range, or
/// a scale's mean.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorText {
    pub key: String,
    pub label: String,
    pub item: String,
    /// `share_of`, `share_in_range` or `mean`.
    pub rule: String,
    pub options: Vec<String>,
    pub min: String,
    pub max: String,
    pub theme: String,
    /// `higher` or `lower`.
    pub better: String,
}

pub fn add_indicator(doc: &mut SurveyDocument, typed: &IndicatorText) -> Checked<()> {
    let mut problems = Vec::new();
    let label = filled(&typed.label);
    if label.is_none() {
        problems.push(problem(
            "label",
            "Enter the indicator's name, such as \"Used a park in the last month\"",
        ));
    }
    let key = filled(&typed.key).unwrap_or_else(|| key_from(&typed.label, 40));
    if key.is_empty() || !is_field_key(&key, 60) {
        if label.is_some() || !typed.key.trim().is_empty() {
            problems.push(problem(
                "key",
                "The key must be 1 to 60 lowercase letters, digits or underscores, starting with a letter",
            ));
        }
    } else if doc.indicators.iter().any(|d| d.key == key) {
        problems.push(problem(
            "key",
            format!("The survey already has an indicator \"{key}\": choose another key"),
        ));
    }
    let question = doc
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .find(|q| q.key == typed.item);
    let rule = match (question.map(|q| &q.kind), typed.rule.as_str()) {
        (None, _) => {
            problems.push(problem("item", "Select the question the indicator counts"));
            None
        }
        (Some(QuestionKind::Choice { options }), "share_of") => {
            let chosen: Vec<String> = options
                .iter()
                .filter(|o| typed.options.contains(&o.key))
                .map(|o| o.key.clone())
                .collect();
            if chosen.is_empty() {
                problems.push(problem(
                    "options",
                    "Select the answers the indicator counts",
                ));
                None
            } else {
                Some(Rule::ShareOf { options: chosen })
            }
        }
        (
            Some(QuestionKind::Scale {
                min: lo, max: hi, ..
            }),
            "share_in_range",
        ) => {
            let min = whole("min", &typed.min, "lowest score counted", &mut problems);
            let max = whole("max", &typed.max, "highest score counted", &mut problems);
            match (min, max) {
                (Some(a), Some(b)) if a > b || a < *lo || b > *hi => {
                    problems.push(problem(
                        "max",
                        format!("Count scores within the question's scale of {lo} to {hi}, the lowest first"),
                    ));
                    None
                }
                (Some(min), Some(max)) => Some(Rule::ShareInRange { min, max }),
                _ => None,
            }
        }
        (Some(QuestionKind::Scale { .. }), "mean") => Some(Rule::Mean),
        (Some(QuestionKind::Choice { .. }), _) => {
            problems.push(problem(
                "rule",
                "Select how the indicator counts: for a question with a list of answers, the share choosing some of them",
            ));
            None
        }
        (Some(QuestionKind::Scale { .. }), _) => {
            problems.push(problem(
                "rule",
                "Select how the indicator counts: the share scoring in a range, or the mean score",
            ));
            None
        }
        (Some(_), _) => {
            problems.push(problem(
                "item",
                "An indicator counts a question with a list of answers or a scale: select one",
            ));
            None
        }
    };
    let theme = Theme::parse(&typed.theme);
    if theme.is_none() {
        problems.push(problem(
            "theme",
            "Select the theme the indicator belongs to",
        ));
    }
    let higher_is_better = match typed.better.as_str() {
        "higher" => Some(true),
        "lower" => Some(false),
        _ => {
            problems.push(problem(
                "better",
                "Select whether a higher figure is better or worse",
            ));
            None
        }
    };
    match (label, rule, theme, higher_is_better) {
        (Some(label), Some(rule), Some(theme), Some(higher_is_better)) if problems.is_empty() => {
            doc.indicators.push(IndicatorDef {
                key,
                label,
                item: typed.item.clone(),
                rule,
                theme,
                higher_is_better,
            });
            Ok(())
        }
        _ => Err(problems),
    }
}

pub fn remove_indicator(doc: &mut SurveyDocument, key: &str) -> Result<(), String> {
    let before = doc.indicators.len();
    doc.indicators.retain(|d| d.key != key);
    if doc.indicators.len() == before {
        return Err(format!(
            "The survey has no indicator \"{key}\": the page may be out of date"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;

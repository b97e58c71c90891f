//! Surveys in residents' own languages: the languages Kiln speaks, every text of a survey a
//! translator translates, and each translation's status.
//!
//! A translation remembers the English it was made from. When the English changes, the
//! translation no longer matches and reads as **outdated**, with nothing to mark by hand;
//! an older version's translations stay valid for that version. A language is offered to
//! residents only when every text of the version they answer is translated and complete.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::SurveyDocument;
use crate::survey::QuestionKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

/// A language Kiln's interface is written in (each has its file of interface words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// In addresses and records: `en`, `ur`, `pl`.
    pub code: &'static str,
    /// The BCP 47 tag of the page's `lang` attribute.
    pub tag: &'static str,
    pub english_name: &'static str,
    /// Its name in itself, as a resident looks for it.
    pub own_name: &'static str,
    pub direction: Direction,
}

/// The language surveys are written in.
pub const ENGLISH: Language = Language {
    code: "en",
    tag: "en-GB",
    english_name: "English",
    own_name: "English",
    direction: Direction::LeftToRight,
};

/// Every language Kiln speaks, English first. Adding one takes its interface file and a
/// line here.
pub const LANGUAGES: [Language; 3] = [
    ENGLISH,
    Language {
        code: "ur",
        tag: "ur",
        english_name: "Urdu",
        own_name: "اردو",
        direction: Direction::RightToLeft,
    },
    Language {
        code: "pl",
        tag: "pl",
        english_name: "Polish",
        own_name: "Polski",
        direction: Direction::LeftToRight,
    },
];

impl Language {
    pub fn from_code(code: &str) -> Option<Language> {
        LANGUAGES.iter().copied().find(|l| l.code == code)
    }

    /// The languages a survey may be translated into: every one but English.
    pub fn translatable() -> impl Iterator<Item = Language> {
        LANGUAGES.into_iter().filter(|l| *l != ENGLISH)
    }
}

/// One text of a survey, in English, as a translator sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    /// Stable within a version: `title`, `s2.intro`, `q.wb_happiness.prompt`,
    /// `q.sex.o.female`.
    pub id: String,
    pub english: String,
    /// Where it appears, in words: "Question wb_happiness: answer".
    pub place: String,
}

/// A translation as stored: the English it was made from, and whether the translator has
/// finished it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub id: String,
    pub source: String,
    pub text: String,
    pub complete: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    Missing,
    Draft,
    Complete,
    /// Translated from English that has since changed.
    Outdated,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Draft => "draft",
            Status::Complete => "complete",
            Status::Outdated => "outdated",
        }
    }

    /// What a translator may set: the others follow from the text and the English.
    pub fn from_name(name: &str) -> Option<Status> {
        match name.trim().to_lowercase().as_str() {
            "missing" => Some(Status::Missing),
            "draft" => Some(Status::Draft),
            "complete" => Some(Status::Complete),
            "outdated" => Some(Status::Outdated),
            _ => None,
        }
    }
}

/// A text of the survey with its translation's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextState {
    pub source: SourceText,
    pub status: Status,
    /// The translation of this English or, when outdated, of the English before.
    pub text: Option<String>,
}

/// Every text of a survey a resident reads, in page order.
pub fn source_texts(doc: &SurveyDocument) -> Vec<SourceText> {
    let mut out = Vec::new();
    let mut add = |id: String, english: &str, place: String| {
        if !english.trim().is_empty() {
            out.push(SourceText {
                id,
                english: english.to_string(),
                place,
            });
        }
    };
    add("title".into(), &doc.title, "Start page: title".into());
    add("summary".into(), &doc.summary, "Start page: summary".into());
    add(
        "purpose".into(),
        &doc.purpose,
        "Start page: why we ask".into(),
    );
    add(
        "retention".into(),
        &doc.retention,
        "Start page: how long answers are kept".into(),
    );
    for (i, section) in doc.sections.iter().enumerate() {
        let n = i + 1;
        add(
            format!("s{n}.title"),
            &section.title,
            format!("Section {n}: title"),
        );
        if let Some(intro) = &section.intro {
            add(
                format!("s{n}.intro"),
                intro,
                format!("Section {n}: introduction"),
            );
        }
        for q in &section.questions {
            let k = &q.key;
            let at = |what: &str| format!("Question {k}: {what}");
            add(format!("q.{k}.prompt"), &q.prompt, at("question"));
            if let Some(hint) = &q.hint {
                add(format!("q.{k}.hint"), hint, at("help text"));
            }
            add(
                format!("q.{k}.short_label"),
                &q.short_label,
                at("short name, in error messages and on the check page"),
            );
            add(
                format!("q.{k}.required_message"),
                &q.required_message,
                at("error message when left blank"),
            );
            match &q.kind {
                QuestionKind::Scale {
                    min_label,
                    max_label,
                    ..
                } => {
                    add(format!("q.{k}.min_label"), min_label, at("lowest point"));
                    add(format!("q.{k}.max_label"), max_label, at("highest point"));
                }
                QuestionKind::Choice { options } | QuestionKind::Several { options } => {
                    for o in options {
                        add(format!("q.{k}.o.{}", o.key), &o.label, at("answer"));
                    }
                }
                QuestionKind::Number { unit: Some(u), .. } => {
                    add(format!("q.{k}.unit"), u, at("unit"));
                }
                QuestionKind::Number { unit: None, .. }
                | QuestionKind::Text { .. }
                | QuestionKind::Date { .. }
                | QuestionKind::Area => {}
            }
        }
    }
    out
}

/// Each text's state in a language, given every translation stored for it (of this
/// version's English and of earlier versions').
pub fn states(doc: &SurveyDocument, stored: &[Translation]) -> Vec<TextState> {
    let by_id = index(stored);
    source_texts(doc)
        .into_iter()
        .map(|source| {
            let (status, text) = match by_id.get(source.id.as_str()) {
                None => (Status::Missing, None),
                Some(found) => match found.iter().find(|t| t.source == source.english) {
                    Some(t) if t.text.trim().is_empty() => (Status::Missing, None),
                    Some(t) if t.complete => (Status::Complete, Some(t.text.clone())),
                    Some(t) => (Status::Draft, Some(t.text.clone())),
                    // The newest stored is the likeliest starting point.
                    None => (Status::Outdated, found.last().map(|t| t.text.clone())),
                },
            };
            TextState {
                source,
                status,
                text,
            }
        })
        .collect()
}

/// Whether residents may be offered this language: every text complete.
pub fn is_complete(doc: &SurveyDocument, stored: &[Translation]) -> bool {
    states(doc, stored)
        .iter()
        .all(|s| s.status == Status::Complete)
}

/// How many texts are in each state, for a summary line.
pub fn counts(states: &[TextState]) -> HashMap<Status, usize> {
    let mut out = HashMap::new();
    for s in states {
        *out.entry(s.status).or_insert(0) += 1;
    }
    out
}

/// The survey with every text that has a translation of its current English put in its
/// place; drafts too when `with_drafts` (a preview), else only complete ones. Keys, routes
/// and indicators are untouched.
pub fn translate(
    doc: &SurveyDocument,
    stored: &[Translation],
    with_drafts: bool,
) -> SurveyDocument {
    let by_id = index(stored);
    let find = |id: String, english: &str| -> Option<String> {
        by_id
            .get(id.as_str())?
            .iter()
            .find(|t| t.source == english && (t.complete || with_drafts))
            .map(|t| t.text.clone())
            .filter(|t| !t.trim().is_empty())
    };
    let put = |id: String, text: &mut String| {
        if let Some(t) = find(id, text) {
            *text = t;
        }
    };
    let mut out = doc.clone();
    put("title".into(), &mut out.title);
    put("summary".into(), &mut out.summary);
    put("purpose".into(), &mut out.purpose);
    put("retention".into(), &mut out.retention);
    for (i, section) in out.sections.iter_mut().enumerate() {
        let n = i + 1;
        put(format!("s{n}.title"), &mut section.title);
        if let Some(intro) = section.intro.as_mut() {
            put(format!("s{n}.intro"), intro);
        }
        for q in &mut section.questions {
            let k = q.key.clone();
            put(format!("q.{k}.prompt"), &mut q.prompt);
            if let Some(hint) = q.hint.as_mut() {
                put(format!("q.{k}.hint"), hint);
            }
            put(format!("q.{k}.short_label"), &mut q.short_label);
            put(format!("q.{k}.required_message"), &mut q.required_message);
            match &mut q.kind {
                QuestionKind::Scale {
                    min_label,
                    max_label,
                    ..
                } => {
                    put(format!("q.{k}.min_label"), min_label);
                    put(format!("q.{k}.max_label"), max_label);
                }
                QuestionKind::Choice { options } | QuestionKind::Several { options } => {
                    for o in options {
                        put(format!("q.{k}.o.{}", o.key), &mut o.label);
                    }
                }
                QuestionKind::Number { unit: Some(u), .. } => {
                    put(format!("q.{k}.unit"), u);
                }
                QuestionKind::Number { unit: None, .. }
                | QuestionKind::Text { .. }
                | QuestionKind::Date { .. }
                | QuestionKind::Area => {}
            }
        }
    }
    out
}

fn index(stored: &[Translation]) -> HashMap<&str, Vec<&Translation>> {
    let mut by_id: HashMap<&str, Vec<&Translation>> = HashMap::new();
    for t in stored {
        by_id.entry(t.id.as_str()).or_default().push(t);
    }
    by_id
}

/// A translator's edit of one text, before it is stored against the English it translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub id: String,
    pub text: String,
    pub complete: bool,
}

/// What stops a set of edits being saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditProblem {
    #[error("'{0}' is not a text of this survey")]
    UnknownText(String),
    #[error("'{0}' is marked complete but has no translation")]
    CompleteButEmpty(String),
}

/// Turns edits into translations of the document's current English, refusing any of a text
/// the survey does not have and any marked complete with nothing written.
pub fn apply_edits(
    doc: &SurveyDocument,
    edits: &[Edit],
) -> Result<Vec<Translation>, Vec<EditProblem>> {
    let sources: HashMap<String, String> = source_texts(doc)
        .into_iter()
        .map(|s| (s.id, s.english))
        .collect();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for e in edits {
        match sources.get(&e.id) {
            None => problems.push(EditProblem::UnknownText(e.id.clone())),
            Some(_) if e.complete && e.text.trim().is_empty() => {
                problems.push(EditProblem::CompleteButEmpty(e.id.clone()))
            }
            Some(english) => out.push(Translation {
                id: e.id.clone(),
                source: english.clone(),
                text: e.text.trim().to_string(),
                complete: e.complete,
            }),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc() -> SurveyDocument {
        serde_json::from_str(include_str!("../../store/seed/surveys/wellbeing.json")).unwrap()
    }

    fn all_complete(doc: &SurveyDocument, prefix: &str) -> Vec<Translation> {
        source_texts(doc)
            .into_iter()
            .map(|s| Translation {
                text: format!("{prefix}{}", s.english),
                id: s.id,
                source: s.english,
                complete: true,
            })
            .collect()
    }

    #[test]
    fn every_text_a_resident_reads_is_translatable_once() {
        let texts = source_texts(&doc());
        let mut ids: Vec<_> = texts.iter().map(|t| t.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), texts.len(), "ids are unique");
        for id in [
            "title",
            "purpose",
            "s1.title",
            "q.wb_happiness.prompt",
            "q.sex.o.female",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
    }

    #[test]
    fn nothing_stored_is_missing_and_not_offered() {
        let d = doc();
        assert!(states(&d, &[]).iter().all(|s| s.status == Status::Missing));
        assert!(!is_complete(&d, &[]));
        assert!(is_complete(&d, &all_complete(&d, "ur:")));
    }

    #[test]
    fn a_draft_is_not_offered_but_shows_in_a_preview() {
        let d = doc();
        let mut t = all_complete(&d, "ur:");
        t[0].complete = false;
        assert!(!is_complete(&d, &t));
        assert_eq!(states(&d, &t)[0].status, Status::Draft);
        assert_eq!(translate(&d, &t, false).title, d.title);
        assert_eq!(translate(&d, &t, true).title, format!("ur:{}", d.title));
    }

    #[test]
    fn an_english_change_marks_its_translation_outdated_and_keeps_the_old_text() {
        let d = doc();
        let t = all_complete(&d, "pl:");
        let mut changed = d.clone();
        changed.sections[0].questions[0]
            .prompt
            .push_str(" (changed)");
        let key = changed.sections[0].questions[0].key.clone();
        let states = states(&changed, &t);
        let s = states
            .iter()
            .find(|s| s.source.id == format!("q.{key}.prompt"))
            .unwrap();
        assert_eq!(s.status, Status::Outdated);
        assert_eq!(
            s.text.as_deref(),
            Some(format!("pl:{}", d.sections[0].questions[0].prompt).as_str())
        );
        assert!(
            !is_complete(&changed, &t),
            "an outdated text stops the language"
        );
        // The version it was made for is still complete.
        assert!(is_complete(&d, &t));
        // Residents of the new version read the new English there, not the old Polish.
        assert_eq!(
            translate(&changed, &t, false).sections[0].questions[0].prompt,
            changed.sections[0].questions[0].prompt
        );
    }

    #[test]
    fn translating_keeps_keys_routes_and_indicators() {
        let d = doc();
        let out = translate(&d, &all_complete(&d, "ur:"), false);
        assert_eq!(out.key, d.key);
        assert_eq!(out.indicators, d.indicators);
        for (a, b) in out.sections.iter().zip(&d.sections) {
            assert_eq!(a.routes, b.routes);
            let ka: Vec<_> = a.questions.iter().map(|q| &q.key).collect();
            let kb: Vec<_> = b.questions.iter().map(|q| &q.key).collect();
            assert_eq!(ka, kb);
        }
        assert!(out.sections[0].title.starts_with("ur:"));
    }

    #[test]
    fn edits_are_refused_for_unknown_texts_and_empty_complete_ones() {
        let d = doc();
        let edits = [
            Edit {
                id: "title".into(),
                text: "  Dobrostan  ".into(),
                complete: true,
            },
            Edit {
                id: "q.nope.prompt".into(),
                text: "x".into(),
                complete: false,
            },
            Edit {
                id: "summary".into(),
                text: " ".into(),
                complete: true,
            },
        ];
        assert_eq!(
            apply_edits(&d, &edits),
            Err(vec![
                EditProblem::UnknownText("q.nope.prompt".into()),
                EditProblem::CompleteButEmpty("summary".into())
            ])
        );
        let ok = apply_edits(&d, &edits[..1]).unwrap();
        assert_eq!(ok[0].text, "Dobrostan");
        assert_eq!(ok[0].source, d.title);
    }

    #[test]
    fn languages_have_one_code_each_and_urdu_reads_right_to_left() {
        assert_eq!(
            Language::from_code("ur").unwrap().direction,
            Direction::RightToLeft
        );
        assert_eq!(
            Language::from_code("pl").unwrap().direction,
            Direction::LeftToRight
        );
        assert_eq!(Language::from_code("xx"), None);
        assert_eq!(Language::translatable().count(), LANGUAGES.len() - 1);
    }

    proptest! {
        /// Any one English text changed makes exactly that text outdated and the language
        /// no longer complete.
        #[test]
        fn one_english_change_outdates_exactly_that_text(pick in 0usize..1000, extra in "[a-z ]{1,12}") {
            let d = doc();
            let t = all_complete(&d, "ur:");
            let texts = source_texts(&d);
            let target = &texts[pick % texts.len()];
            // Change that text in a copy through a translation of its own: translate() with
            // a one-entry "translation" from the English to new English.
            let change = Translation {
                id: target.id.clone(),
                source: target.english.clone(),
                text: format!("{}{}", target.english, extra),
                complete: true,
            };
            let changed = translate(&d, &[change], false);
            let states = states(&changed, &t);
            for s in &states {
                let expected = if s.source.id == target.id { Status::Outdated } else { Status::Complete };
                prop_assert_eq!(s.status, expected, "{}", s.source.id);
            }
            prop_assert!(!is_complete(&changed, &t));
        }
    }
}

//! The editing pages' data: a survey's newest document laid out for its forms, with what a
//! refused form typed put back in place of what is stored.

use domain::document::SurveyDocument;
use domain::editing::{Details, IndicatorText, Kind, NewSurvey, QuestionText, SectionText};
use domain::indicators::Rule;
use domain::routing::{Goto, When};
use domain::QuestionKind;

use crate::builder::editor::model::*;
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::{AppState, ViewError};

/// The survey's newest document and whether it is published.
pub async fn newest(st: &AppState, survey: &str) -> Result<(i32, bool, SurveyDocument), ViewError> {
    let (v, doc) = store::survey_versions::document(&st.db, survey, None)
        .await?
        .ok_or(ViewError::NotFound)?;
    Ok((v.number, v.status == store::survey_versions::PUBLISHED, doc))
}

/// A form's state: what is stored, or what was typed if this form was refused.
fn state(stored: Vec<(String, String)>, form: &str, notice: &Option<EditNotice>) -> FormState {
    match notice {
        Some(EditNotice::Refused {
            form: f,
            typed,
            problems,
        }) if f == form => FormState {
            values: typed.clone(),
            problems: problems.clone(),
        },
        _ => FormState {
            values: stored,
            problems: Vec::new(),
        },
    }
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub fn kind_name(kind: &QuestionKind) -> String {
    match Kind::of(kind) {
        Some(k) => k.name().to_string(),
        None => "The ward".to_string(),
    }
}

fn describe_route(doc: &SurveyDocument, section: usize, r: &domain::routing::Route) -> String {
    let s = &doc.sections[section - 1];
    let q = s.questions.iter().find(|q| q.key == r.question);
    let name = q.map_or_else(
        || format!("\"{}\" (no longer in this section)", r.question),
        |q| q.short_label.clone(),
    );
    let several = q.is_some_and(|q| matches!(q.kind, QuestionKind::Several { .. }));
    let answer = match &r.when {
        When::Answer(o) => format!(
            "{} \"{}\"",
            if several { "includes" } else { "is" },
            q.and_then(|q| q.kind.option_label(o))
                .map_or_else(|| format!("{o} (no longer an answer)"), str::to_string)
        ),
        When::AnyOther => "has any other answer".to_string(),
    };
    let to = match r.goto {
        Goto::End => "skip to the end (check your answers)".to_string(),
        Goto::Section(t) => match doc.sections.get(t.wrapping_sub(1)) {
            Some(target) => format!("go to section {t}, {}", target.title),
            None => format!("go to section {t}, which no longer exists"),
        },
    };
    format!("If {name} {answer}: {to}")
}

fn describe_indicator(survey: &domain::Survey, d: &domain::indicators::IndicatorDef) -> String {
    let q = survey.question(&d.item);
    let name = q.map_or_else(
        || format!("\"{}\" (no longer in the survey)", d.item),
        |q| q.short_label.clone(),
    );
    let counts = match &d.rule {
        Rule::Mean => format!("the mean score of {name}"),
        Rule::ShareInRange { min, max } => format!("the share scoring {min} to {max} on {name}"),
        Rule::ShareOf { options } => format!(
            "the share answering {} to {name}",
            options
                .iter()
                .map(|o| {
                    q.and_then(|q| q.kind.option_label(o))
                        .unwrap_or(o)
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    };
    format!(
        "{counts}; {} is better; {}",
        if d.higher_is_better {
            "higher"
        } else {
            "lower"
        },
        d.theme.key()
    )
}

pub async fn editor(
    st: &AppState,
    who: &SignedIn,
    survey: &str,
    notice: Option<EditNotice>,
) -> Result<EditorView, ViewError> {
    let (number, published, doc) = newest(st, survey).await?;
    let asked = doc.survey();
    let bank = store::survey_versions::question_bank();
    let problems = store::survey_versions::problems(&doc)
        .iter()
        .map(|p| p.to_string())
        .collect();
    let sections = doc
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = i + 1;
            let text = SectionText::of(s);
            let answers = s
                .questions
                .iter()
                .filter_map(|q| q.kind.options().map(|options| (q, options)))
                .flat_map(|(q, options)| {
                    let several = matches!(q.kind, QuestionKind::Several { .. });
                    options
                        .iter()
                        .map(move |o| {
                            (
                                format!("{}={}", q.key, o.key),
                                if several {
                                    format!("{}: includes {}", q.short_label, o.label)
                                } else {
                                    format!("{}: {}", q.short_label, o.label)
                                },
                            )
                        })
                        .chain(std::iter::once((
                            format!("{}=*", q.key),
                            format!("{}: any other answer", q.short_label),
                        )))
                        .collect::<Vec<_>>()
                })
                .collect();
            let targets = doc
                .sections
                .iter()
                .enumerate()
                .skip(n)
                .map(|(j, t)| {
                    (
                        (j + 1).to_string(),
                        format!("Section {}: {}", j + 1, t.title),
                    )
                })
                .chain(std::iter::once((
                    "end".to_string(),
                    "The end: check your answers".to_string(),
                )))
                .collect();
            SectionRow {
                number: n,
                text: state(
                    pairs(&[("title", &text.title), ("intro", &text.intro)]),
                    &format!("section-{n}"),
                    &notice,
                ),
                questions: s
                    .questions
                    .iter()
                    .map(|q| QuestionRow {
                        key: q.key.clone(),
                        prompt: q.prompt.clone(),
                        kind: kind_name(&q.kind),
                        required: q.required,
                        bank: bank.iter().any(|b| b.key == q.key),
                    })
                    .collect(),
                routes: s
                    .routes
                    .iter()
                    .map(|r| describe_route(&doc, n, r))
                    .collect(),
                answers,
                targets,
                route: state(Vec::new(), &format!("route-{n}"), &notice),
            }
        })
        .collect();
    let (done, failed) = match &notice {
        Some(EditNotice::Done(m)) => (Some(m.clone()), None),
        Some(EditNotice::Refused { form, problems, .. }) if form == "page" => {
            (None, problems.first().map(|p| p.message.clone()))
        }
        _ => (None, None),
    };
    Ok(EditorView {
        viewer: who.viewer(),
        survey_key: survey.to_string(),
        title: doc.title.clone(),
        number,
        published,
        problems,
        details: state(details_state(&Details::of(&doc)).values, "details", &notice),
        sections,
        new_section: state(Vec::new(), "new-section", &notice),
        indicators: doc
            .indicators
            .iter()
            .map(|d| IndicatorRow {
                key: d.key.clone(),
                label: d.label.clone(),
                counts: describe_indicator(&asked, d),
            })
            .collect(),
        done,
        failed,
    })
}

/// What a refused form typed, as the struct its page fills in.
fn typed_in<T: Default + serde::de::DeserializeOwned>(typed: &[(String, String)]) -> T {
    // Only single-valued fields: each struct field is a string.
    let map: serde_json::Map<String, serde_json::Value> = typed
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_default()
}

/// A refused form's typed fields, and its problems.
type Refused<'a> = (&'a [(String, String)], Vec<domain::editing::FieldProblem>);

fn refused(notice: &Option<EditNotice>) -> Option<Refused<'_>> {
    match notice {
        Some(EditNotice::Refused {
            typed, problems, ..
        }) => Some((typed, problems.clone())),
        _ => None,
    }
}

pub async fn question(
    st: &AppState,
    who: &SignedIn,
    survey: &str,
    section: Option<usize>,
    kind: Option<String>,
    key: Option<String>,
    notice: Option<EditNotice>,
) -> Result<QuestionEditorView, ViewError> {
    let (_, _, doc) = newest(st, survey).await?;
    let bank = store::survey_versions::question_bank();
    let (section, editing, kind, values) = match key {
        Some(key) => {
            let survey_ = doc.survey();
            let q = survey_.question(&key).ok_or(ViewError::NotFound)?;
            let section = survey_.section_of(&key).unwrap_or(1);
            (
                section,
                Some(key.clone()),
                Kind::of(&q.kind),
                QuestionText::of(q),
            )
        }
        None => {
            let section = section.filter(|n| (1..=doc.sections.len()).contains(n));
            let kind = kind.as_deref().and_then(Kind::parse);
            let (Some(section), Some(kind)) = (section, kind) else {
                return Err(ViewError::NotFound);
            };
            (section, None, Some(kind), QuestionText::blank(kind))
        }
    };
    let is_bank = editing
        .as_ref()
        .is_some_and(|k| bank.iter().any(|b| &b.key == k));
    let (values, problems) = match refused(&notice) {
        Some((typed, problems)) => (typed_in::<QuestionText>(typed), problems),
        None => (values, Vec::new()),
    };
    Ok(QuestionEditorView {
        viewer: who.viewer(),
        survey_key: survey.to_string(),
        title: doc.title.clone(),
        section,
        editing,
        kind: kind.map(|k| k.code().to_string()),
        kind_name: kind.map_or("The ward".to_string(), |k| k.name().to_string()),
        bank: is_bank,
        values,
        problems,
    })
}

pub async fn bank(
    st: &AppState,
    who: &SignedIn,
    survey: &str,
    section: usize,
    notice: Option<EditNotice>,
) -> Result<BankView, ViewError> {
    let (_, _, doc) = newest(st, survey).await?;
    let s = section
        .checked_sub(1)
        .and_then(|i| doc.sections.get(i))
        .ok_or(ViewError::NotFound)?;
    let asked = doc.survey();
    let questions = store::survey_versions::question_bank()
        .iter()
        .filter(|b| asked.question(&b.key).is_none())
        .fold(Vec::<(String, String, String)>::new(), |mut out, b| {
            if !out.iter().any(|(k, ..)| *k == b.key) {
                out.push((b.key.clone(), b.prompt.clone(), kind_name(&b.kind)));
            }
            out
        });
    Ok(BankView {
        viewer: who.viewer(),
        survey_key: survey.to_string(),
        title: doc.title.clone(),
        section,
        section_title: s.title.clone(),
        questions,
        form: state(Vec::new(), "bank", &notice),
    })
}

pub async fn indicator(
    st: &AppState,
    who: &SignedIn,
    survey: &str,
    question: Option<String>,
    notice: Option<EditNotice>,
) -> Result<IndicatorEditorView, ViewError> {
    let (_, _, doc) = newest(st, survey).await?;
    let asked = doc.survey();
    let countable = |q: &&domain::Question| {
        matches!(
            q.kind,
            QuestionKind::Choice { .. } | QuestionKind::Scale { .. }
        ) && !["area", "age_band", "sex"].contains(&q.key.as_str())
    };
    let questions = asked
        .questions()
        .filter(countable)
        .map(|q| (q.key.clone(), q.prompt.clone()))
        .collect();
    let (mut values, problems) = match refused(&notice) {
        Some((typed, problems)) => {
            let mut v: IndicatorText = typed_in(
                &typed
                    .iter()
                    .filter(|(k, _)| k != "options")
                    .cloned()
                    .collect::<Vec<_>>(),
            );
            v.options = typed
                .iter()
                .filter(|(k, _)| k == "options")
                .map(|(_, o)| o.clone())
                .collect();
            (v, problems)
        }
        None => (
            IndicatorText {
                better: "higher".into(),
                ..Default::default()
            },
            Vec::new(),
        ),
    };
    if values.item.is_empty() {
        values.item = question.unwrap_or_default();
    }
    let chosen = asked
        .questions()
        .filter(countable)
        .find(|q| q.key == values.item)
        .map(|q| ChosenQuestion {
            key: q.key.clone(),
            prompt: q.prompt.clone(),
            options: match &q.kind {
                QuestionKind::Choice { options } => Some(
                    options
                        .iter()
                        .map(|o| (o.key.clone(), o.label.clone()))
                        .collect(),
                ),
                _ => None,
            },
            scale: match &q.kind {
                QuestionKind::Scale { min, max, .. } => Some((*min, *max)),
                _ => None,
            },
        });
    if let Some(c) = &chosen {
        if values.rule.is_empty() {
            values.rule = if c.options.is_some() {
                "share_of".into()
            } else {
                "share_in_range".into()
            };
        }
    }
    Ok(IndicatorEditorView {
        viewer: who.viewer(),
        survey_key: survey.to_string(),
        title: doc.title.clone(),
        questions,
        chosen,
        values,
        problems,
    })
}

pub fn new_survey(who: &SignedIn, notice: Option<EditNotice>) -> NewSurveyView {
    let (values, problems) = match refused(&notice) {
        Some((typed, problems)) => (typed_in::<NewSurvey>(typed), problems),
        None => (NewSurvey::default(), Vec::new()),
    };
    NewSurveyView {
        viewer: who.viewer(),
        values,
        problems,
    }
}

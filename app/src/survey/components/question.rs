use leptos::prelude::*;

use super::area_question::AreaQuestion;
use super::choice_question::ChoiceQuestion;
use super::date_question::DateQuestion;
use super::number_question::NumberQuestion;
use super::scale_question::ScaleQuestion;
use super::text_question::TextQuestion;
use crate::survey::model::{QuestionView, QuestionViewKind};

/// One question, drawn according to its kind.
#[component]
pub fn QuestionField(mut question: QuestionView) -> impl IntoView {
    // The kind's parts (a ward list has dozens of options) go to the kind's own component;
    // what is left of the question goes with them, without a copy of them.
    let kind = std::mem::replace(&mut question.kind, QuestionViewKind::Date);
    match kind {
        QuestionViewKind::Scale {
            min,
            max,
            min_label,
            max_label,
        } => view! { <ScaleQuestion question min max min_label max_label /> }.into_any(),
        QuestionViewKind::Choice { options } => {
            view! { <ChoiceQuestion question options /> }.into_any()
        }
        QuestionViewKind::Several { options } => {
            view! { <ChoiceQuestion question options several=true /> }.into_any()
        }
        QuestionViewKind::Text { max_chars } => {
            view! { <TextQuestion question max_chars /> }.into_any()
        }
        QuestionViewKind::Date => view! { <DateQuestion question /> }.into_any(),
        QuestionViewKind::Number { min, max, unit } => {
            view! { <NumberQuestion question min max unit /> }.into_any()
        }
        QuestionViewKind::Area { wards, postcode } => {
            view! { <AreaQuestion question wards postcode /> }.into_any()
        }
    }
}

/// The ids a field's `aria-describedby` lists: its hint and its error, when present.
pub fn described_by(question: &QuestionView, extra: &[String]) -> Option<String> {
    let mut ids: Vec<String> = Vec::new();
    if question.hint.is_some() {
        ids.push(format!("q-{}-hint", question.key));
    }
    ids.extend(extra.iter().cloned());
    if question.error.is_some() {
        ids.push(format!("q-{}-error", question.key));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A question's hint, if it has one.
pub fn hint(question: &QuestionView) -> impl IntoView {
    question.hint.clone().map(|h| {
        view! {
            <div class="hint" id=format!("q-{}-hint", question.key)>
                {h}
            </div>
        }
    })
}

pub fn group_class(question: &QuestionView) -> &'static str {
    if question.error.is_some() {
        "form-group form-group-error"
    } else {
        "form-group"
    }
}

/// Every section of a survey on one page (a volunteer's entry, a paper sheet, a kiosk):
/// each section's title, then its questions. `within` puts the titles a level down, for a
/// form under a heading of its own.
#[component]
pub fn OnePageQuestions(
    sections: Vec<(String, Vec<QuestionView>)>,
    #[prop(default = false)] within: bool,
) -> impl IntoView {
    sections
        .into_iter()
        .map(|(section, questions)| {
            let title = if within {
                view! { <h3 class="entry-section">{section}</h3> }.into_any()
            } else {
                view! { <h2 class="entry-section">{section}</h2> }.into_any()
            };
            view! {
                {title}
                {questions
                    .into_iter()
                    .map(|q| view! { <QuestionField question=q /> })
                    .collect_view()}
            }
        })
        .collect_view()
}

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::groups::api::load_entry;
use crate::groups::model::EntryView;
use crate::groups::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::shared::components::{show_loaded, ErrorSummary, PageTitle};
use crate::survey::components::OnePageQuestions;

/// A volunteer enters a resident's answers: every question of the survey on one page,
/// checked as the resident journey checks them, and the resident's agreement confirmed.
#[component]
pub fn EntryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                params.read().get("code").unwrap_or_default(),
                q.get("errors").is_some(),
                q.get("agreed").as_deref() == Some("1"),
            )
        },
        |(code, errors, agreed)| load_entry(code, errors, agreed),
    );
    view! { {show_loaded(data, |v: EntryView| view! { <EntryForm v /> }.into_any())} }
}

#[component]
fn EntryForm(v: EntryView) -> impl IntoView {
    let title = if v.correcting {
        format!("Correct a resident's answers: {}", v.survey_title)
    } else {
        format!("Enter a resident's answers: {}", v.survey_title)
    };
    let back = paths::event(v.event_id);
    if v.sent && !v.correcting {
        return view! {
            <PageTitle text=title.clone() />
            <OfficerNav viewer=v.viewer.clone() />
            <h1>{title}</h1>
            <p>"These answers have been sent."</p>
            <p>
                <a href=back>"Back to the event"</a>
            </p>
        }
        .into_any();
    }
    let agree_class = if v.agree_error.is_some() {
        "form-group form-group-error"
    } else {
        "form-group"
    };
    view! {
        <PageTitle text=title.clone() error=!v.errors.is_empty() />
        <OfficerNav viewer=v.viewer.clone() />
        <a class="back-link" href=back>
            "Back to the event"
        </a>
        <ErrorSummary errors=v.errors.clone() />
        <span class="caption">{v.event_title.clone()}</span>
        <h1>{title}</h1>
        {if v.correcting {
            view! {
                <p>
                    "These are the answers as sent. Change what was entered wrongly: every correction is kept, with who made it and when."
                </p>
                <History rows=v.history.clone() />
            }
                .into_any()
        } else {
            view! {
                <p class="keyboard-hint" hidden data-shown-with-script>
                    "With the keyboard: type a score's number, or an option's first letter, then press Enter for the next question."
                </p>
                <p>
                    "Read each question to the resident as written, and enter their answer. Nothing is sent until you press the button at the end."
                </p>
            }
                .into_any()
        }}
        <form
            method="post"
            action=paths::entry(&v.code)
            novalidate
            class="entry-form"
            data-keyboard-entry
        >
            <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
            <OnePageQuestions sections=v.sections.clone() />
            {(!v.correcting)
                .then(|| {
                    view! {
                        <div class=agree_class>
                            <FieldErrorMessage
                                id="agreed-error".to_string()
                                message=v.agree_error.clone()
                            />
                            <div class="checkbox">
                                <input
                                    type="checkbox"
                                    id="agreed"
                                    name="agreed"
                                    value="yes"
                                    checked=v.agreed
                                    aria-describedby=v.agree_error.as_ref().map(|_| "agreed-error")
                                />
                                <label for="agreed">
                                    "The resident agreed to answer, and to me entering their answers for them"
                                </label>
                            </div>
                        </div>
                    }
                })}
            <button class="button" type="submit">
                {if v.correcting { "Save corrections" } else { "Send these answers" }}
            </button>
        </form>
    }
    .into_any()
}

/// The corrections made so far, oldest first.
#[component]
fn History(rows: Vec<crate::groups::model::CorrectionRow>) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        view! {
            <h2>"Corrections so far"</h2>
            <ol class="list" data-testid="corrections">
                {rows
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li>{format!("{}, by {}: ", r.when, r.by)} {r.changes.join("; ")}</li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
    })
}

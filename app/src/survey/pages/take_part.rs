//! Invited residents: the page an invitation's link opens, and the form for typing an access
//! code from a letter or email.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::shared::components::{show_loaded, ErrorItem, ErrorSummary, InputField, PageTitle};
use crate::shared::param;
use crate::survey::api::load_take_part;
use crate::survey::paths;

/// The promise made to invited residents, on both pages and the survey's start page.
pub const UNLINKED: &str = "Your answers are never linked to you, your email address or your code: the code only records that it has been used, and the date.";

fn message(error: &str) -> Option<&'static str> {
    Some(match error {
        "empty" => "Enter your access code",
        "length" => "Your access code should be 20 letters and numbers, like 7KQM-2XTP-9ABD-RW4H-C3NF",
        "characters" => "Your access code has only capital letters and the numbers 2 to 9, like 7KQM-2XTP-9ABD-RW4H-C3NF",
        // Wrong and used codes get the same words: trying codes tells nobody which were good.
        "not_valid" => "This code is not right, or it has been used already. Check it against your letter or email: each code works for one set of answers",
        "closed" => "This survey has closed, so it is no longer taking answers. Thank you for your interest",
        _ => return None,
    })
}

/// Type the access code from an invitation.
#[component]
pub fn TakePartPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_take_part());
    view! {
        {show_loaded(
            data,
            move |typed: crate::shared::Typed| {
                let error = query
                    .read_untracked()
                    .get("error")
                    .and_then(|e| message(&e))
                    .map(str::to_string);
                let errors: Vec<ErrorItem> = error
                    .iter()
                    .map(|m| ErrorItem {
                        field_id: "code".into(),
                        message: m.clone(),
                    })
                    .collect();
                view! {
                    <PageTitle
                        text="Take part with an access code".to_string()
                        error=error.is_some()
                    />
                    <a class="back-link" href=paths::HOME>
                        "Back"
                    </a>
                    <ErrorSummary errors />
                    <h1>"Take part with an access code"</h1>
                    <p>
                        "If the council invited you to a survey by letter or email, enter the access code it gave you. Each code works for one set of answers."
                    </p>
                    <p>{UNLINKED}</p>
                    <form method="post" action=paths::TAKE_PART novalidate>
                        <InputField
                            id="code"
                            label="Access code"
                            kind="text"
                            autocomplete="off"
                            hint="20 letters and numbers, for example 7KQM-2XTP-9ABD-RW4H-C3NF"
                            error=error.clone()
                            value=typed.get("code").unwrap_or_default()
                            class="input input-code input-code-long"
                        />
                        <button class="button" type="submit">
                            "Continue"
                        </button>
                    </form>
                    <p>
                        "No code? You can still " <a href=paths::HOME>"answer any open survey"</a>
                        "."
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

/// What an invitation's link opens: a button, so that a mail system opening every link
/// starts nothing. The code is checked when the button is pressed.
#[component]
pub fn InvitedPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let code = param(&params.read(), "code");
        view! {
            <PageTitle text="You are invited to take part in a survey".to_string() />
            <h1>"You are invited to take part in a survey"</h1>
            <p class="lead">
                "Stoke-on-Trent City Council would like to hear from you. It takes a few minutes, on any phone or computer."
            </p>
            <p>{UNLINKED}</p>
            <p>
                "You can stop at any time, save your answers and come back later with a resume code."
            </p>
            <form method="post" action=paths::TAKE_PART>
                <input type="hidden" name="code" value=code />
                <button class="button button-start" type="submit">
                    "Start the survey"
                </button>
            </form>
        }
    }
}

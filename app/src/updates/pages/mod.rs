//! The results-updates pages: asking, confirming, leaving.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::results::paths as results_paths;
use crate::shared::components::{show_loaded, ErrorItem, ErrorSummary, InputField, PageTitle};
use crate::shared::param;
use crate::updates::api::{load_link, load_updates};
use crate::updates::model::{LinkView, UpdatesView};
use crate::updates::paths;

/// Ask to be emailed when results are published.
#[component]
pub fn UpdatesPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_updates());
    view! {
        {show_loaded(
            data,
            move |v: UpdatesView| {
                let q = query.read_untracked();
                let email = v.typed.get("email").unwrap_or_default();
                let notice = if q.get("sent").is_some() {
                    Some(
                        format!(
                            "We have sent a link to {email}. Open it to confirm: nothing else is sent until you do.",
                        ),
                    )
                } else if q.get("confirmed").is_some() {
                    Some("Confirmed. We will email you when new results are published.".to_string())
                } else if q.get("left").is_some() {
                    Some(
                        "Done: your address is deleted and we will not email you again.".to_string(),
                    )
                } else {
                    None
                };
                let message = match q.get("error").as_deref() {
                    Some("email_missing") => Some("Enter your email address"),
                    Some("email_format") => {
                        Some("Enter an email address in the correct format, like name@example.com")
                    }
                    Some("form") => Some("The form had expired. Enter your email address again"),
                    _ => None,
                }
                    .map(str::to_string);
                let errors: Vec<ErrorItem> = message
                    .clone()
                    .map(|m| ErrorItem {
                        field_id: "email".into(),
                        message: m,
                    })
                    .into_iter()
                    .collect();
                let has_errors = !errors.is_empty();
                view! {
                    <PageTitle text="Get emails about new results".to_string() error=has_errors />
                    <ErrorSummary errors />
                    {notice
                        .map(|n| {
                            view! {
                                <div class="notice" role="status">
                                    {n}
                                </div>
                            }
                        })}
                    <h1>"Get emails about new results"</h1>
                    <p>
                        "The council publishes what its resident surveys find. Leave your email address and we will send you one email each time new results are published, with a link to them. Nothing else."
                    </p>
                    <p>
                        "We first send a link to confirm the address is yours. Every email has a link to stop them, which deletes your address at once. An address not confirmed within 7 days is deleted."
                    </p>
                    <form method="post" action=paths::UPDATES novalidate>
                        <input type="hidden" name="token" value=v.token.clone() />
                        <InputField
                            id="email"
                            label="Email address"
                            kind="email"
                            autocomplete="email"
                            error=message
                            value=email
                        />
                        <button class="button" type="submit">
                            "Send me a link to confirm"
                        </button>
                    </form>
                    <p>
                        <a href=results_paths::RESULTS>"See published results"</a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

/// The page a confirmation link opens: a button, so that a mail scanner opening the link
/// confirms nothing.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    view! { <LinkPage leaving=false /> }
}

/// The page a leave link opens (the one-click POST needs no page).
#[component]
pub fn LeavePage() -> impl IntoView {
    view! { <LinkPage leaving=true /> }
}

#[component]
fn LinkPage(leaving: bool) -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || param(&params.read(), "token"),
        move |token| load_link(token, leaving),
    );
    view! {
        {show_loaded(
            data,
            move |v: LinkView| {
                let link = param(&params.read_untracked(), "token");
                if !v.works {
                    let (title, text) = if leaving {
                        (
                            "You will not get these emails",
                            "This address is not (or is no longer) on our list: there is nothing to stop.",
                        )
                    } else {
                        (
                            "This link no longer works",
                            "A confirmation link works once, for 7 days. Ask again if you still want these emails.",
                        )
                    };
                    return view! {
                        <PageTitle text=title.to_string() error=false />
                        <h1>{title}</h1>
                        <p>{text}</p>
                        <p>
                            <a href=paths::UPDATES>"Emails about new results"</a>
                        </p>
                    }
                        .into_any();
                }
                let (title, text, button, action) = if leaving {
                    (
                        "Stop emails about new results",
                        "We will delete your email address at once and send you nothing more.",
                        "Stop these emails",
                        paths::leave(&link),
                    )
                } else {
                    (
                        "Confirm you want emails about new results",
                        "We will send one email each time new results are published.",
                        "Confirm",
                        paths::confirm(&link),
                    )
                };
                view! {
                    <PageTitle text=title.to_string() error=false />
                    <h1>{title}</h1>
                    <p>{text}</p>
                    <form method="post" action=action>
                        <button class="button" type="submit">
                            {button}
                        </button>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}

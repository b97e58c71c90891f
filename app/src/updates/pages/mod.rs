//! The results-updates pages: asking, confirming, leaving.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::results::paths as results_paths;
use crate::shared::components::{show_loaded, ErrorItem, ErrorSummary, InputField, PageTitle};
use crate::shared::param;
use crate::updates::api::{load_link, load_panel, load_updates};
use crate::updates::model::{LinkView, PanelView, UpdatesView};
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
                let panel = v.panel;
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
                let (title, text, button, action) = match (leaving, panel) {
                    (true, false) => {
                        (
                            "Stop emails about new results",
                            "We will delete your email address at once and send you nothing more.",
                            "Stop these emails",
                            paths::leave(&link),
                        )
                    }
                    (true, true) => {
                        (
                            "Leave the residents' panel",
                            "We will delete your email address and what you told us about yourself at once, and send you nothing more.",
                            "Leave the panel",
                            paths::leave(&link),
                        )
                    }
                    (false, false) => {
                        (
                            "Confirm you want emails about new results",
                            "We will send one email each time new results are published.",
                            "Confirm",
                            paths::confirm(&link),
                        )
                    }
                    (false, true) => {
                        (
                            "Confirm you want to join the residents' panel",
                            "We will email you when there is a survey you could answer, with up to two reminders each time.",
                            "Join the panel",
                            paths::confirm(&link),
                        )
                    }
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

/// Joining the residents' panel: what the council will send, how to leave, and three
/// optional questions that show whom the panel under-represents.
#[component]
pub fn PanelPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_panel());
    view! {
        {show_loaded(
            data,
            move |v: PanelView| {
                let q = query.read_untracked();
                let typed = |k: &str| v.typed.get(k).unwrap_or_default();
                let email = typed("email");
                let notice = if q.get("sent").is_some() {
                    Some(
                        format!(
                            "We have sent a link to {email}. Open it to confirm: nothing else is sent until you do.",
                        ),
                    )
                } else if q.get("confirmed").is_some() {
                    Some(
                        "Welcome to the panel. We will email you when there is a survey you could answer."
                            .to_string(),
                    )
                } else if q.get("left").is_some() {
                    Some("Done: you have left the panel and your details are deleted.".to_string())
                } else {
                    None
                };
                let (field, message) = match q.get("error").as_deref() {
                    Some("email_missing") => ("email", Some("Enter your email address")),
                    Some("email_format") => {
                        (
                            "email",
                            Some(
                                "Enter an email address in the correct format, like name@example.com",
                            ),
                        )
                    }
                    Some("form") => {
                        ("email", Some("The form had expired. Enter your email address again"))
                    }
                    Some("choice") => ("ward", Some("Choose from the lists, or leave them blank")),
                    _ => ("email", None),
                };
                let message = message.map(str::to_string);
                let errors: Vec<ErrorItem> = message
                    .clone()
                    .map(|m| ErrorItem {
                        field_id: field.into(),
                        message: m,
                    })
                    .into_iter()
                    .collect();
                let has_errors = !errors.is_empty();
                let email_error = message.clone().filter(|_| field == "email");
                let (ward, age, sex) = (typed("ward"), typed("age_band"), typed("sex"));
                view! {
                    <PageTitle text="Join the residents' panel".to_string() error=has_errors />
                    <ErrorSummary errors />
                    {notice
                        .map(|n| {
                            view! {
                                <div class="notice" role="status">
                                    {n}
                                </div>
                            }
                        })}
                    <h1>"Join the residents' panel"</h1>
                    <p>
                        "Panel members are the first to hear about the council's resident surveys. We will email you when there is a survey you could answer (usually a few times a year), with up to two reminders each time. We send nothing else."
                    </p>
                    <p>
                        "Your answers to any survey are never linked to you or to your email address. Every email has a link to leave the panel, which deletes your address and details at once."
                    </p>
                    <form method="post" action=paths::PANEL novalidate>
                        <input type="hidden" name="token" value=v.token.clone() />
                        <InputField
                            id="email"
                            label="Email address"
                            kind="email"
                            autocomplete="email"
                            error=email_error
                            value=email
                        />
                        <p class="hint">
                            "These three are optional. They only help us see whom the panel is missing (for example, too few young people in one ward), so we can invite more of them. They are never joined to your answers."
                        </p>
                        <div class="form-group">
                            <label class="label" for="ward">
                                "Your ward (optional)"
                            </label>
                            <select class="select" id="ward" name="ward">
                                <option value="">"Prefer not to say"</option>
                                {v
                                    .wards
                                    .iter()
                                    .map(|(code, name)| {
                                        let sel = *code == ward;
                                        view! {
                                            <option value=code.clone() selected=sel>
                                                {name.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="label" for="age_band">
                                "Your age (optional)"
                            </label>
                            <select class="select" id="age_band" name="age_band">
                                <option value="">"Prefer not to say"</option>
                                {v
                                    .age_bands
                                    .iter()
                                    .map(|a| {
                                        let sel = *a == age;
                                        view! {
                                            <option value=a.clone() selected=sel>
                                                {a.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="label" for="sex">
                                "Your sex (optional)"
                            </label>
                            <select class="select" id="sex" name="sex">
                                <option value="">"Prefer not to say"</option>
                                {v
                                    .sexes
                                    .iter()
                                    .map(|(k, l)| {
                                        let sel = *k == sex;
                                        view! {
                                            <option value=k.clone() selected=sel>
                                                {l.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <button class="button" type="submit">
                            "Send me a link to confirm"
                        </button>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}

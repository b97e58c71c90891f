//! The results-updates pages: asking, confirming, leaving.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::results::paths as results_paths;
use crate::shared::components::{
    show_loaded, ErrorItem, ErrorSummary, InputField, PageTitle, StatusNotice,
};
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
                let notice = list_notice(
                    &q,
                    &email,
                    "Confirmed. We will email you when new results are published.",
                    "Done: your address is deleted and we will not email you again.",
                );
                let problem = list_problem(q.get("error").as_deref());
                let message = problem.map(|(_, m)| m.to_string());
                let errors = summary(problem);
                let has_errors = !errors.is_empty();
                view! {
                    <PageTitle text="Get emails about new results".to_string() error=has_errors />
                    <ErrorSummary errors />
                    <StatusNotice message=notice />
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
    let query = use_query_map();
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
                let left = query.read_untracked().get("left").is_some();
                if !v.works {
                    let (title, text) = if leaving && left {
                        (
                            "You will get no more survey emails",
                            "Done: your email address is deleted. We will not use it to invite you to a survey again.",
                        )
                    } else if leaving {
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
                    (true, false) if v.invitation => {
                        (
                            "Stop emails about council surveys",
                            "We will delete your email address at once, send you no reminders, and not use it to invite you to a survey again.",
                            "Stop these emails",
                            paths::leave(&link),
                        )
                    }
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
                let notice = list_notice(
                    &q,
                    &email,
                    "Welcome to the panel. We will email you when there is a survey you could answer.",
                    "Done: you have left the panel and your details are deleted.",
                );
                let problem = list_problem(q.get("error").as_deref());
                let email_error = problem
                    .filter(|(f, _)| *f == "email")
                    .map(|(_, m)| m.to_string());
                let errors = summary(problem);
                let has_errors = !errors.is_empty();
                let (ward, age, sex) = (typed("ward"), typed("age_band"), typed("sex"));
                view! {
                    <PageTitle text="Join the residents' panel".to_string() error=has_errors />
                    <ErrorSummary errors />
                    <StatusNotice message=notice />
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
                        <OptionalSelect
                            id="ward"
                            label="Your ward (optional)"
                            options=v.wards.clone()
                            chosen=ward
                        />
                        <OptionalSelect
                            id="age_band"
                            label="Your age (optional)"
                            options=v.age_bands.iter().map(|a| (a.clone(), a.clone())).collect()
                            chosen=age
                        />
                        <OptionalSelect
                            id="sex"
                            label="Your sex (optional)"
                            options=v.sexes.clone()
                            chosen=sex
                        />
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

/// The notice on a list's page after its form or an emailed link sent someone back to it.
fn list_notice(
    q: &leptos_router::params::ParamsMap,
    email: &str,
    confirmed: &str,
    left: &str,
) -> Option<String> {
    if q.get("sent").is_some() {
        Some(format!(
            "We have sent a link to {email}. Open it to confirm: nothing else is sent until you do."
        ))
    } else if q.get("confirmed").is_some() {
        Some(confirmed.to_string())
    } else if q.get("left").is_some() {
        Some(left.to_string())
    } else {
        None
    }
}

/// The field and the words for a problem code the lists' forms send back.
fn list_problem(code: Option<&str>) -> Option<(&'static str, &'static str)> {
    match code? {
        "email_missing" => Some(("email", "Enter your email address")),
        "email_format" => Some((
            "email",
            "Enter an email address in the correct format, like name@example.com",
        )),
        "form" => Some((
            "email",
            "The form had expired. Enter your email address again",
        )),
        "choice" => Some(("ward", "Choose from the lists, or leave them blank")),
        _ => None,
    }
}

fn summary(problem: Option<(&str, &str)>) -> Vec<ErrorItem> {
    problem
        .map(|(field, message)| ErrorItem {
            field_id: field.into(),
            message: message.into(),
        })
        .into_iter()
        .collect()
}

/// A question that may be left unanswered: "Prefer not to say" first.
#[component]
fn OptionalSelect(
    id: &'static str,
    label: &'static str,
    /// (value, label)
    options: Vec<(String, String)>,
    chosen: String,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label" for=id>
                {label}
            </label>
            <select class="select" id=id name=id>
                <option value="">"Prefer not to say"</option>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let sel = value == chosen;
                        view! {
                            <option value=value selected=sel>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

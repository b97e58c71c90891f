//! "Forgotten your password?" and the page an emailed reset link opens.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::accounts::api::{load_forgotten, load_reset};
use crate::accounts::model::{ForgottenView, ResetView};
use crate::accounts::pages::account::NewPasswordFields;
use crate::accounts::paths;
use crate::shared::components::{show_loaded, ErrorItem, ErrorSummary, InputField, PageTitle};
use crate::shared::messages::password_problem;
use crate::shared::param;

fn one_error(field: &str, message: Option<String>) -> Vec<ErrorItem> {
    message
        .map(|m| ErrorItem {
            field_id: field.to_string(),
            message: m,
        })
        .into_iter()
        .collect()
}

/// Asks for an address and emails it a link; says the same whether or not it has an account.
#[component]
pub fn ForgottenPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_forgotten());
    view! {
        {show_loaded(
            data,
            move |v: ForgottenView| {
                let q = query.read_untracked();
                let email = v.typed.get("email").unwrap_or_default();
                if q.get("sent").is_some() {
                    return view! {
                        <PageTitle text="Check your email".to_string() error=false />
                        <h1>"Check your email"</h1>
                        <p>
                            "If " <strong>{email}</strong>
                            " belongs to a Kiln account, we have sent it a link to choose a new password."
                        </p>
                        <p>
                            {format!(
                                "The link works once, for {} minutes. If it does not arrive in a few minutes, check your junk folder, then ",
                                v.minutes,
                            )} <a href=paths::FORGOTTEN>"ask for another link"</a> "."
                        </p>
                        <p>
                            "No email? Your administrator can also set a temporary password for you."
                        </p>
                        <p>
                            <a href=paths::SIGN_IN>"Back to sign in"</a>
                        </p>
                    }
                        .into_any();
                }
                let message = match q.get("error").as_deref() {
                    Some("email_missing") => Some("Enter your email address"),
                    Some("email_format") => {
                        Some(
                            "Enter an email address in the correct format, like name@example.gov.uk",
                        )
                    }
                    Some("form") => Some("The form had expired. Enter your email address again"),
                    _ => None,
                }
                    .map(str::to_string);
                let errors = one_error("email", message.clone());
                let has_errors = !errors.is_empty();
                view! {
                    <PageTitle text="Forgotten your password?".to_string() error=has_errors />
                    <ErrorSummary errors />
                    <h1>"Forgotten your password?"</h1>
                    <p>
                        "Enter the email address you sign in with. We will send a link to choose a new password."
                    </p>
                    <form method="post" action=paths::FORGOTTEN novalidate>
                        <input type="hidden" name="token" value=v.token.clone() />
                        <InputField
                            id="email"
                            label="Email address"
                            kind="email"
                            autocomplete="username"
                            error=message
                            value=email
                        />
                        <button class="button" type="submit">
                            "Send the link"
                        </button>
                    </form>
                    <p>
                        <a href=paths::SIGN_IN>"Back to sign in"</a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

/// Opened from an emailed reset link: a form for the new password. Opening it uses nothing.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    view! { <ChoosePassword invitation=false /> }
}

/// Opened from an emailed invitation: the invited person chooses their first password.
#[component]
pub fn InvitationPage() -> impl IntoView {
    view! { <ChoosePassword invitation=true /> }
}

#[component]
fn ChoosePassword(invitation: bool) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || param(&params.read(), "token"),
        move |link| load_reset(link, invitation),
    );
    let (title, dead_text, action_of): (&str, &str, fn(&str) -> String) = if invitation {
        (
            "Accept your invitation",
            "An invitation works once, for 72 hours. This one has been used or has expired. Ask your Kiln administrator to invite you again.",
            paths::invitation,
        )
    } else {
        (
            "Choose a new password",
            "A link to choose a new password works once, for a short time. This one has been used or has expired.",
            paths::reset_password,
        )
    };
    view! {
        {show_loaded(
            data,
            move |v: ResetView| {
                let link = param(&params.read_untracked(), "token");
                if !v.works {
                    return view! {
                        <PageTitle text="This link no longer works".to_string() error=false />
                        <h1>"This link no longer works"</h1>
                        <p>{dead_text}</p>
                        {(!invitation)
                            .then(|| {
                                view! {
                                    <p>
                                        <a href=paths::FORGOTTEN>"Ask for a new link"</a>
                                    </p>
                                }
                            })}
                    }
                        .into_any();
                }
                let code = query.read_untracked().get("error").unwrap_or_default();
                let message = match code.as_str() {
                    "" => None,
                    "missing" => Some("Enter a new password".to_string()),
                    "form" => {
                        Some("The form had expired. Enter your new password again".to_string())
                    }
                    c => domain::accounts::PasswordProblem::from_code(c).map(password_problem),
                };
                let errors = one_error("new", message.clone());
                let has_errors = !errors.is_empty();
                view! {
                    <PageTitle text=title.to_string() error=has_errors />
                    <ErrorSummary errors />
                    <h1>{title}</h1>
                    {invitation
                        .then(|| {
                            view! {
                                <p>
                                    "Choose the password you will sign in to Kiln with. Your email address is your user name."
                                </p>
                            }
                        })}
                    <form method="post" action=action_of(&link) novalidate>
                        <input type="hidden" name="token" value=v.token.clone() />
                        <NewPasswordFields error=message />
                        <button class="button" type="submit">
                            "Save the password"
                        </button>
                    </form>
                    <p class="hint">
                        "Saving it signs you out everywhere. If you use two-factor sign-in, you will still need a code."
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

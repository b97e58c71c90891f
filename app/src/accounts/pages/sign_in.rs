use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::accounts::api::load_sign_in;
use crate::accounts::model::SignInView;
use crate::accounts::paths;
use crate::officer::paths as officer_paths;
use crate::results::paths as results_paths;
use crate::shared::components::ErrorItem;
use crate::shared::components::{show_loaded, ErrorSummary, InputField, PageTitle};

/// (field, message) for an error code from the sign-in post.
fn problems(error: &str) -> Vec<(&'static str, &'static str)> {
    match error {
        "both_missing" => vec![("email", "Enter your email address"), ("password", "Enter your password")],
        "email_missing" => vec![("email", "Enter your email address")],
        "email_format" => vec![("email", "Enter an email address in the correct format, like name@example.gov.uk")],
        "password_missing" => vec![("password", "Enter your password")],
        "invalid" => vec![("email", "Enter a correct email address and password")],
        "locked_here" => vec![("email", "There have been 5 failed attempts to sign in to this account from your network in the last 15 minutes. Wait 15 minutes, then try again")],
        "locked_account" => vec![("email", "Someone has tried many wrong passwords for this account in the last 15 minutes, and one attempt from your network failed too, so it is paused here. Wait 15 minutes, then try again")],
        "locked_address" => vec![("email", "There have been many failed attempts to sign in from your network in the last 15 minutes, including one for this account. Wait 15 minutes, then try again")],
        "form" => vec![("email", "The form had expired. Enter your details again")],
        "expired" => vec![("email", "Signing in took more than 10 minutes. Enter your details again")],
        _ => vec![],
    }
}

/// Officers and administrators sign in here. Problems come back as codes in the query
/// string, the email address as typed in the notice cookie (never the password).
#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_sign_in());
    view! {
        {show_loaded(
            data,
            move |v: SignInView| {
                let q = query.read_untracked();
                let found = problems(&q.get("error").unwrap_or_default());
                let email = v.typed.get("email").unwrap_or_default();
                let next = q.get("next").unwrap_or_else(|| officer_paths::OFFICER.to_string());
                let signed_out = q.get("signed_out").is_some();
                let was_reset = q.get("reset").is_some();
                let welcome = q.get("welcome").is_some();
                let msg = |f: &str| found.iter().find(|(k, _)| *k == f).map(|(_, m)| m.to_string());
                let (email_err, password_err) = (msg("email"), msg("password"));
                let errors: Vec<ErrorItem> = found
                    .iter()
                    .map(|(f, m)| ErrorItem {
                        field_id: f.to_string(),
                        message: m.to_string(),
                    })
                    .collect();
                let has_errors = !errors.is_empty();
                view! {
                    <PageTitle text="Sign in".to_string() error=has_errors />
                    <ErrorSummary errors />
                    {signed_out
                        .then(|| {
                            view! {
                                <div class="notice" role="status">
                                    "You have signed out."
                                </div>
                            }
                        })}
                    {was_reset
                        .then(|| {
                            view! {
                                <div class="notice" role="status">
                                    "Your password has been changed. Sign in with your new password."
                                </div>
                            }
                        })}
                    {welcome
                        .then(|| {
                            view! {
                                <div class="notice" role="status">
                                    "Your password is saved. Sign in with your email address and new password."
                                </div>
                            }
                        })}
                    <h1>"Sign in"</h1>
                    <p>
                        "For council officers and administrators. Residents do not need to sign in: "
                        <a href="/">"answer a survey"</a>" or "
                        <a href=results_paths::RESULTS>"see published results"</a>"."
                    </p>
                    <form method="post" action=paths::SIGN_IN novalidate>
                        <input type="hidden" name="token" value=v.token.clone() />
                        <input type="hidden" name="next" value=next />
                        <InputField
                            id="email"
                            label="Email address"
                            kind="email"
                            autocomplete="username"
                            error=email_err.clone()
                            value=email
                        />
                        <InputField
                            id="password"
                            label="Password"
                            kind="password"
                            autocomplete="current-password"
                            error=password_err.clone()
                        />
                        <button class="button" type="submit">
                            "Sign in"
                        </button>
                    </form>
                    <p>
                        <a href=paths::FORGOTTEN>"Forgotten your password?"</a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

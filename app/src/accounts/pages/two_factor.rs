use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::accounts::api::{load_sign_in, load_two_factor_setup};
use crate::accounts::model::{SignInView, TwoFactorSetupView};
use crate::accounts::paths;
use crate::officer::paths as officer_paths;
use crate::shared::components::ErrorItem;
use crate::shared::components::{
    error_summary::FieldErrorMessage, show_loaded, ErrorSummary, PageTitle,
};

/// Words for the second step's problem codes.
fn code_problem(code: &str) -> Option<&'static str> {
    Some(match code {
        "code_missing" => "Enter the 6-digit code from your authenticator app, or a recovery code",
        "code_wrong" => "That code is not right, or has been used already. Enter the code your app shows now",
        "code_locked" => "There have been 5 wrong codes from your network in the last 15 minutes. Wait 15 minutes, then sign in again",
        _ => return None,
    })
}

/// What both pages read from their address: a problem's code (worded here), and where to
/// go after signing in.
struct StepQuery {
    error: Option<String>,
    next: String,
    errors: Vec<ErrorItem>,
}

fn step_query(q: &leptos_router::params::ParamsMap) -> StepQuery {
    let error = q
        .get("error")
        .and_then(|e| code_problem(&e))
        .map(str::to_string);
    let errors = error
        .iter()
        .map(|m| ErrorItem {
            field_id: "code".into(),
            message: m.clone(),
        })
        .collect();
    StepQuery {
        error,
        next: q
            .get("next")
            .unwrap_or_else(|| officer_paths::OFFICER.to_string()),
        errors,
    }
}

/// The form both pages end with: a code, and where to go next.
#[component]
fn CodeField(error: Option<String>) -> impl IntoView {
    view! {
        <div class=if error.is_some() { "form-group form-group-error" } else { "form-group" }>
            <label class="label" for="code">
                "Code"
            </label>
            <div class="hint" id="code-hint">
                "The 6 digits your authenticator app shows for Kiln. If you do not have your phone, enter one of your recovery codes."
            </div>
            <FieldErrorMessage id="code-error".to_string() message=error.clone() />
            <input
                class="input input-width-10"
                id="code"
                name="code"
                type="text"
                inputmode="text"
                autocomplete="one-time-code"
                spellcheck="false"
                aria-describedby=if error.is_some() { "code-hint code-error" } else { "code-hint" }
            />
        </div>
    }
}

/// The second step of signing in, for anyone with two-factor sign-in turned on.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_sign_in());
    view! {
        {show_loaded(
            data,
            move |_v: SignInView| {
                let StepQuery { error, next, errors } = step_query(&query.read_untracked());
                view! {
                    <PageTitle text="Enter your code".to_string() error=error.is_some() />
                    <ErrorSummary errors />
                    <h1>"Enter your code"</h1>
                    <p>
                        "Your password was right. Open your authenticator app to finish signing in."
                    </p>
                    <form method="post" action=paths::SIGN_IN_CODE novalidate>
                        <input type="hidden" name="next" value=next />
                        <CodeField error=error.clone() />
                        <button class="button" type="submit">
                            "Sign in"
                        </button>
                    </form>
                    <p>
                        <a href=paths::SIGN_IN>"Start again"</a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

/// Setting up two-factor sign-in: at an administrator's first sign-in, or from the account
/// page.
#[component]
pub fn TwoFactorSetupPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_two_factor_setup());
    view! {
        {show_loaded(
            data,
            move |v: TwoFactorSetupView| {
                let StepQuery { error, next, errors } = step_query(&query.read_untracked());
                view! {
                    <PageTitle text="Set up two-factor sign-in".to_string() error=error.is_some() />
                    <ErrorSummary errors />
                    {(!v.at_sign_in)
                        .then(|| {
                            view! {
                                <a class="back-link" href=paths::ACCOUNT>
                                    "Back to your account"
                                </a>
                            }
                        })}
                    <h1>"Set up two-factor sign-in"</h1>
                    {v
                        .at_sign_in
                        .then(|| {
                            view! {
                                <p>
                                    "Administrators sign in with a code from an authenticator app as well as their password. Your password was right: set the app up now to finish signing in."
                                </p>
                            }
                        })}
                    <h2>"1. Add Kiln to your authenticator app"</h2>
                    <p>
                        "Use an app such as Microsoft Authenticator or Google Authenticator on your phone. Scan this QR code, or type the key below it."
                    </p>
                    <div
                        class="qr-code"
                        role="img"
                        aria-label="QR code to add Kiln to an authenticator app"
                        inner_html=v.qr_svg.clone()
                    ></div>
                    <p>
                        "Key: "<code class="code" data-testid="totp-secret">
                            {v.secret.clone()}
                        </code>
                    </p>
                    <h2>"2. Keep your recovery codes"</h2>
                    <p>
                        "If you lose your phone, each of these codes lets you sign in once. Print them or keep them somewhere safe, away from your phone. They are shown only while you set up."
                    </p>
                    <ul class="list recovery-codes" data-testid="recovery-codes">
                        {v
                            .recovery_codes
                            .iter()
                            .map(|c| {
                                view! {
                                    <li>
                                        <code class="code">{c.clone()}</code>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <h2>"3. Enter the code from the app"</h2>
                    <form method="post" action=v.action.clone() novalidate>
                        <input type="hidden" name="next" value=next />
                        {(!v.csrf.is_empty())
                            .then(|| {
                                view! { <input type="hidden" name="csrf" value=v.csrf.clone() /> }
                            })}
                        <CodeField error=error.clone() />
                        <button class="button" type="submit">
                            {if v.at_sign_in {
                                "Finish signing in"
                            } else {
                                "Turn on two-factor sign-in"
                            }}
                        </button>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}

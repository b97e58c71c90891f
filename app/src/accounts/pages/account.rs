use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::accounts::api::load_account;
use crate::accounts::model::AccountView;
use crate::accounts::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::ErrorItem;
use crate::shared::components::{show_loaded, ErrorSummary, InputField, PageTitle, StatusNotice};
use crate::shared::messages;

fn done_message(code: &str) -> Option<&'static str> {
    Some(match code {
        "password" => "Your password is changed. You have been signed out everywhere else.",
        "session" => "That session is ended.",
        "sessions" => "You are signed out everywhere else.",
        "two_factor" => "Two-factor sign-in is on. From now on you will be asked for a code from your app when you sign in.",
        _ => return None,
    })
}

/// A person's own account: their password and where they are signed in.
#[component]
pub fn AccountPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_account());
    view! {
        {show_loaded(
            data,
            move |a: AccountView| {
                let q = query.read_untracked();
                let current_err = q
                    .get("e_current")
                    .and_then(|c| store_code_current(&c))
                    .map(str::to_string);
                let new_err = q
                    .get("e_new")
                    .and_then(|c| domain::accounts::PasswordProblem::from_code(&c))
                    .map(messages::password_problem);
                let mut errors = Vec::new();
                if let Some(m) = &current_err {
                    errors
                        .push(ErrorItem {
                            field_id: "current".into(),
                            message: m.clone(),
                        });
                }
                if let Some(m) = &new_err {
                    errors
                        .push(ErrorItem {
                            field_id: "new".into(),
                            message: m.clone(),
                        });
                }
                let has_errors = !errors.is_empty();
                let done = q.get("done").and_then(|d| done_message(&d));
                let csrf = a.viewer.csrf.clone();
                let others = a.sessions.iter().filter(|s| !s.current).count();
                // Problems come back as codes; the words are in `messages`.
                view! {
                    <PageTitle text="Your account".to_string() error=has_errors />
                    <OfficerNav viewer=a.viewer.clone() />
                    <ErrorSummary errors />
                    <StatusNotice message=done.map(str::to_string) />
                    <h1>"Your account"</h1>
                    {a
                        .must_change_password
                        .then(|| {
                            view! {
                                <div class="notice notice-error" role="alert">
                                    "An administrator has given you a temporary password. Choose your own password before you carry on."
                                </div>
                            }
                        })}
                    <h2 id="password-title">"Change your password"</h2>
                    <form
                        method="post"
                        action=paths::ACCOUNT_PASSWORD
                        novalidate
                        aria-labelledby="password-title"
                    >
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        <InputField
                            id="current"
                            label="Current password"
                            kind="password"
                            autocomplete="current-password"
                            error=current_err.clone()
                        />
                        <NewPasswordFields error=new_err.clone() />
                        <button class="button" type="submit">
                            "Change password"
                        </button>
                    </form>
                    <h2>"Two-factor sign-in"</h2>
                    {if a.two_factor {
                        view! {
                            <p>
                                {format!(
                                    "On: you sign in with a code from your authenticator app. You have {} unused recovery codes.",
                                    a.recovery_codes_left,
                                )}
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <p>
                                "Off. Signing in with a code from an app on your phone as well as your password keeps your account safe even if your password is guessed."
                            </p>
                            <p>
                                <a class="button button-secondary" href=paths::ACCOUNT_TWO_FACTOR>
                                    "Set up two-factor sign-in"
                                </a>
                            </p>
                        }
                            .into_any()
                    }}
                    <h2>"Where you are signed in"</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Your sessions">
                        <table class="table">
                            <caption class="table-caption">"Your sessions"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Signed in"</th>
                                    <th scope="col">"Last active"</th>
                                    <th scope="col">"Session"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {a
                                    .sessions
                                    .iter()
                                    .map(|s| {
                                        let csrf = csrf.clone();
                                        view! {
                                            <tr>
                                                <th scope="row">{s.started.clone()}</th>
                                                <td>{s.last_active.clone()}</td>
                                                <td>
                                                    {if s.current {
                                                        view! { <strong class="tag">"This session"</strong> }
                                                            .into_any()
                                                    } else {
                                                        view! {
                                                            <form
                                                                method="post"
                                                                action=paths::account_end_session(s.id)
                                                                class="inline-form"
                                                            >
                                                                <input type="hidden" name="csrf" value=csrf />
                                                                <button
                                                                    class="button button-secondary button-small"
                                                                    type="submit"
                                                                >
                                                                    {format!("End the session started {}", s.started)}
                                                                </button>
                                                            </form>
                                                        }
                                                            .into_any()
                                                    }}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(others > 0)
                        .then(|| {
                            view! {
                                <form method="post" action=paths::ACCOUNT_END_OTHERS>
                                    <input type="hidden" name="csrf" value=csrf.clone() />
                                    <button class="button button-secondary" type="submit">
                                        "Sign out everywhere else"
                                    </button>
                                </form>
                            }
                        })}
                }
                    .into_any()
            },
        )}
    }
}

/// The words for a problem with the current password.
fn store_code_current(code: &str) -> Option<&'static str> {
    match code {
        "missing" => Some("Enter your current password"),
        "wrong" => Some("Your current password is not right"),
        "locked" => Some(
            "Your current password has been entered wrongly 5 times in the last 15 minutes. Wait 15 minutes, then try again",
        ),
        _ => None,
    }
}

/// The new password and its confirmation, with the rules as a hint: the account page and
/// the pages emailed links open.
#[component]
pub fn NewPasswordFields(error: Option<String>) -> impl IntoView {
    view! {
        <InputField
            id="new"
            label="New password"
            kind="password"
            autocomplete="new-password"
            error=error
            hint=format!(
                "At least {} characters. A few unrelated words make a good password. Common passwords are refused.",
                domain::accounts::PASSWORD_MIN,
            )
        />
        <InputField
            id="confirm"
            label="New password again"
            kind="password"
            autocomplete="new-password"
            error=None
        />
    }
}

use leptos::prelude::*;

use crate::shared::messages;
use leptos_router::hooks::use_query_map;

use crate::admin::api::load_users;
use crate::admin::model::UsersView;
use crate::admin::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::ErrorItem;
use crate::shared::components::{
    error_summary::FieldErrorMessage, show_loaded, ErrorSummary, PageTitle, StatusNotice,
};

/// The people who can sign in: add one, change a role, turn an account off.
#[component]
pub fn UsersPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_users());
    view! {
        {show_loaded(
            data,
            move |u: UsersView| {
                let q = query.read_untracked();
                let get = |k: &str| q.get(k);
                let worded = |field: &str, code: &str| -> Option<String> {
                    use domain::accounts::{EmailProblem, NameProblem};
                    match field {
                        "name" => NameProblem::from_code(code).map(messages::name_problem),
                        "email" => EmailProblem::from_code(code).map(messages::email_problem),
                        "role" => (code == "missing").then(|| messages::SELECT_A_ROLE.to_string()),
                        _ => None,
                    }
                };
                let errs: Vec<(String, String)> = [
                    ("name", "e_name"),
                    ("email", "e_email"),
                    ("role", "e_role"),
                ]
                    .into_iter()
                    .filter_map(|(f, k)| {
                        get(k).and_then(|c| worded(f, &c)).map(|m| (format!("new-{f}"), m))
                    })
                    .collect();
                let msg = |f: &str| {
                    errs.iter().find(|(k, _)| k == &format!("new-{f}")).map(|(_, m)| m.clone())
                };
                let mut errors: Vec<ErrorItem> = errs
                    .iter()
                    .map(|(f, m)| ErrorItem {
                        field_id: f.clone(),
                        message: m.clone(),
                    })
                    .collect();
                let typed_role = u.typed.get("role").unwrap_or_else(|| "officer".into());
                let email_of = |key: &str| {
                    get(key)
                        .and_then(|id| id.parse::<i32>().ok())
                        .and_then(|id| u.users.iter().find(|r| r.id == id))
                        .map(|r| r.email.clone())
                };
                let reset_for = get("reset_id").and_then(|id| id.parse::<i32>().ok());
                let reset_err = get("e_reset")
                    .and_then(|c| domain::accounts::PasswordProblem::from_code(&c))
                    .map(messages::password_problem);
                if let (Some(id), Some(m)) = (reset_for, &reset_err) {
                    errors
                        .push(ErrorItem {
                            field_id: format!("user-{id}-temporary"),
                            message: m.clone(),
                        });
                }
                let has_errors = !errors.is_empty();
                let notice = email_of("invited")
                    .map(|e| {
                        format!(
                            "Invitation sent to {e}. They choose their own password from the link, which works for 72 hours.",
                        )
                    })
                    .or_else(|| {
                        email_of("two_factor_off")
                            .map(|e| {
                                format!(
                                    "Two-factor sign-in is off for {e}, and they are signed out. They will set it up again when they next sign in, if they are an administrator.",
                                )
                            })
                    })
                    .or_else(|| {
                        email_of("reset")
                            .map(|e| {
                                format!(
                                    "The password of {e} is reset. Tell them the temporary password another way (not by email): they must choose their own when they next sign in.",
                                )
                            })
                    })
                    .or_else(|| email_of("changed").map(|e| format!("Account for {e} changed.")))
                    .or_else(|| {
                        (get("error").as_deref() == Some("last_admin"))
                            .then(|| {
                                "There must always be at least one active administrator."
                                    .to_string()
                            })
                    });
                let csrf = u.viewer.csrf.clone();
                let group = |
                    f: &'static str,
                    label: &'static str,
                    kind: &'static str,
                    auto: &'static str,
                    value: String|
                {
                    let m = msg(f);
                    let id = format!("new-{f}");
                    let err_id = format!("{id}-error");
                    // The post sends back problem codes; the words are written in `messages`.
                    // The address carries an account id; the words and the email come from the list.
                    // A refused reset: the row it belongs to, and its problem's words.
                    view! {
                        <div class=if m.is_some() {
                            "form-group form-group-error"
                        } else {
                            "form-group"
                        }>
                            <label class="label" for=id.clone()>
                                {label}
                            </label>
                            <FieldErrorMessage id=err_id.clone() message=m.clone() />
                            <input
                                class="input"
                                id=id
                                name=f
                                type=kind
                                autocomplete=auto
                                value=value
                                aria-describedby=m.as_ref().map(|_| err_id.clone())
                            />
                        </div>
                    }
                };
                view! {
                    <PageTitle text="Users".to_string() error=has_errors />
                    <OfficerNav viewer=u.viewer.clone() />
                    <ErrorSummary errors />
                    <StatusNotice message=notice />
                    <h1>"Users"</h1>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Accounts">
                        <table class="table">
                            <caption class="table-caption">"Accounts"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Name"</th>
                                    <th scope="col">"Email"</th>
                                    <th scope="col">"Last signed in"</th>
                                    <th scope="col">"Access"</th>
                                    <th scope="col">"Password"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {u
                                    .users
                                    .iter()
                                    .map(|row| {
                                        let roles = row.roles.clone();
                                        let csrf = csrf.clone();
                                        let reset_csrf = csrf.clone();
                                        let reset_err = reset_err.clone();
                                        let form_id = format!("user-{}", row.id);
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    {row.name.clone()}
                                                    {row
                                                        .group
                                                        .clone()
                                                        .map(|g| {
                                                            view! {
                                                                <span class="hint-inline">{format!(" ({g})")}</span>
                                                            }
                                                        })}
                                                </th>
                                                <td>{row.email.clone()}</td>
                                                <td>
                                                    {row.last_sign_in.clone().unwrap_or_else(|| "Never".into())}
                                                </td>
                                                <td>
                                                    <form
                                                        method="post"
                                                        action=paths::admin_user(row.id)
                                                        class="user-access"
                                                    >
                                                        <input type="hidden" name="csrf" value=csrf />
                                                        <label class="label-s" for=format!("{form_id}-role")>
                                                            "Role"
                                                        </label>
                                                        <select
                                                            class="select"
                                                            id=format!("{form_id}-role")
                                                            name="role"
                                                        >
                                                            {roles
                                                                .into_iter()
                                                                .map(|(k, l)| {
                                                                    let sel = k == row.role;
                                                                    view! {
                                                                        <option value=k selected=sel>
                                                                            {l}
                                                                        </option>
                                                                    }
                                                                })
                                                                .collect_view()}
                                                        </select>
                                                        <div class="checkbox">
                                                            <input
                                                                type="checkbox"
                                                                id=format!("{form_id}-active")
                                                                name="active"
                                                                value="1"
                                                                checked=row.active
                                                            />
                                                            <label for=format!("{form_id}-active")>"Can sign in"</label>
                                                        </div>
                                                        <button
                                                            class="button button-secondary button-small"
                                                            type="submit"
                                                        >
                                                            {format!("Save changes for {}", row.name)}
                                                        </button>
                                                    </form>
                                                </td>
                                                <td>
                                                    {
                                                        let reset_id = format!("{form_id}-temporary");
                                                        let err = (reset_for == Some(row.id))
                                                            .then(|| reset_err.clone())
                                                            .flatten();
                                                        let err_id = format!("{reset_id}-error");
                                                        view! {
                                                            <form
                                                                method="post"
                                                                action=paths::admin_reset_password(row.id)
                                                                class=if err.is_some() {
                                                                    "user-access form-group-error"
                                                                } else {
                                                                    "user-access"
                                                                }
                                                            >
                                                                <input type="hidden" name="csrf" value=reset_csrf.clone() />
                                                                <label class="label-s" for=reset_id.clone()>
                                                                    {format!("Temporary password for {}", row.name)}
                                                                </label>
                                                                <FieldErrorMessage id=err_id.clone() message=err.clone() />
                                                                <input
                                                                    class="input"
                                                                    id=reset_id
                                                                    type="password"
                                                                    name="temporary"
                                                                    autocomplete="new-password"
                                                                    aria-describedby=err.as_ref().map(|_| err_id.clone())
                                                                />
                                                                <button
                                                                    class="button button-secondary button-small"
                                                                    type="submit"
                                                                >
                                                                    {format!("Reset the password of {}", row.name)}
                                                                </button>
                                                            </form>
                                                            {row
                                                                .two_factor
                                                                .then(|| {
                                                                    view! {
                                                                        <form
                                                                            method="post"
                                                                            action=paths::admin_two_factor_off(row.id)
                                                                            class="user-access"
                                                                        >
                                                                            <input type="hidden" name="csrf" value=reset_csrf.clone() />
                                                                            <p class="hint">"Two-factor sign-in is on."</p>
                                                                            <button
                                                                                class="button button-secondary button-small"
                                                                                type="submit"
                                                                            >
                                                                                {format!(
                                                                                    "Turn off two-factor sign-in for {} (lost phone and codes)",
                                                                                    row.name,
                                                                                )}
                                                                            </button>
                                                                        </form>
                                                                    }
                                                                })}
                                                        }
                                                    }
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <h2>"Invite a user"</h2>
                    <p>
                        "We email them a link to choose their own password. Administrators also set up two-factor sign-in when they first sign in."
                    </p>
                    <form method="post" action=paths::ADMIN_USERS novalidate>
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        {group(
                            "name",
                            "Full name",
                            "text",
                            "off",
                            u.typed.get("name").unwrap_or_default(),
                        )}
                        {group(
                            "email",
                            "Email address",
                            "email",
                            "off",
                            u.typed.get("email").unwrap_or_default(),
                        )}
                        <div class="form-group">
                            <label class="label" for="new-role">
                                "Role"
                            </label>
                            <select class="select" id="new-role" name="role">
                                {u
                                    .roles
                                    .iter()
                                    .map(|(k, l)| {
                                        let sel = *k == typed_role;
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
                            "Send invitation"
                        </button>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}

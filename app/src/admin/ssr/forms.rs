//! Administrators' form posts: users (add, change, reset a password) and settings (the
//! disclosure threshold, benchmarks). Each checks the session's CSRF token, records what it
//! changed in the audit log, and answers with a redirect; refused input goes back to the
//! form with a message per field.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use domain::accounts::Role;
use store::audit;
use store::users;

use crate::admin::paths;
use crate::shared::ssr::access::{Administrators, Routes};
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{with_query, OfficerError, Posted};
use crate::shared::ssr::{flash, AppState};

pub fn router() -> Routes {
    Routes::default()
        .route(paths::ADMIN_USERS, post(add_user))
        .route(paths::ADMIN_USER, post(update_user))
        .route(paths::ADMIN_USER_PASSWORD, post(reset_password))
        .route(paths::ADMIN_THRESHOLD, post(set_threshold))
        .route(paths::ADMIN_BENCHMARK, post(set_benchmarks))
        .route(paths::ADMIN_OUTBOX_RETRY, post(retry_mail))
}

/// Sends a failed message again, with all its tries back.
async fn retry_mail(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Administrators>,
) -> Result<Redirect, OfficerError> {
    let actor = p.actor();
    if !store::outbox::retry(&st.db, id, actor.at).await? {
        return Err(OfficerError::NotFound);
    }
    store::audit::record(
        &st.db,
        &actor,
        domain::AuditAction::MailRetried,
        &format!("message {id}"),
    )
    .await?;
    st.mail.wake.notify_one();
    Ok(Redirect::to(&with_query(
        paths::ADMIN_OUTBOX,
        &[("retried", &id.to_string())],
    )))
}

async fn add_user(
    State(st): State<AppState>,
    p: Posted<Administrators>,
) -> Result<Response, OfficerError> {
    let name = field(&p.fields, "name").unwrap_or("");
    let email = field(&p.fields, "email").unwrap_or("");
    let role_key = field(&p.fields, "role").unwrap_or("");
    // The password is never carried back.
    let typed = [("name", name), ("email", email), ("role", role_key)];
    // Staff only here: a group's people are invited from their group's page.
    let Some(role) = Role::parse(role_key).filter(|r| r.is_staff()) else {
        return Ok(flash::back_to_form(
            &st,
            paths::ADMIN_USERS,
            &[("e_role", "missing")],
            &typed,
            "",
        ));
    };
    // Nobody types another's password: the person chooses theirs from the emailed link.
    let outcome = store::account_links::invite(
        &st.db,
        &p.actor(),
        store::account_links::Invitee {
            name,
            email,
            role,
            group: None,
            invited_by: &p.who.user.name,
        },
    )
    .await?;
    match outcome {
        Ok(u) => {
            st.mail.wake.notify_one();
            Ok(Redirect::to(&with_query(
                paths::ADMIN_USERS,
                // The account's id, not its address: the page names it from the database,
                // never from text in its own address.
                &[("invited", &u.id.to_string())],
            ))
            .into_response())
        }
        Err(p) => {
            let mut pairs = Vec::new();
            // Problems go back as codes; the page words them.
            if let Some(m) = p.name {
                pairs.push(("e_name", m.code()));
            }
            if let Some(m) = p.email {
                pairs.push(("e_email", m.code()));
            }
            // No password problem is possible: the invitation's password is random.
            Ok(flash::back_to_form(
                &st,
                paths::ADMIN_USERS,
                &pairs,
                &typed,
                "",
            ))
        }
    }
}

async fn update_user(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Administrators>,
) -> Result<Redirect, OfficerError> {
    let user = users::by_id(&st.db, id)
        .await?
        .ok_or(OfficerError::NotFound)?;
    // A role changes only within staff, or within a group: an officer never becomes a
    // group's volunteer, nor a volunteer staff.
    let role = field(&p.fields, "role")
        .and_then(Role::parse)
        .filter(|r| r.is_staff() == user.role.is_staff())
        .unwrap_or(user.role);
    let active = field(&p.fields, "active") == Some("1");
    let loses_admin = user.role.administers() && user.active && (!active || !role.administers());
    if loses_admin && users::active_administrators(&st.db).await? <= 1 {
        return Ok(Redirect::to(&with_query(
            paths::ADMIN_USERS,
            &[("error", "last_admin")],
        )));
    }
    users::update_access(&st.db, id, role, active).await?;
    audit::record(
        &st.db,
        &p.actor(),
        domain::AuditAction::UserChanged,
        &format!(
            "{}: {}, {}",
            user.email,
            role.label(),
            if active { "active" } else { "deactivated" }
        ),
    )
    .await?;
    Ok(Redirect::to(&with_query(
        paths::ADMIN_USERS,
        &[("changed", &user.id.to_string())],
    )))
}

async fn set_threshold(
    State(st): State<AppState>,
    p: Posted<Administrators>,
) -> Result<Response, OfficerError> {
    let typed = field(&p.fields, "threshold")
        .unwrap_or("")
        .trim()
        .to_string();
    let threshold = match domain::threshold::parse_threshold(&typed) {
        Ok(t) => t,
        Err(problem) => {
            return Ok(flash::back_to_form(
                &st,
                paths::ADMIN_SETTINGS,
                &[("e_threshold", problem.code())],
                &[("threshold", &typed)],
                "",
            ))
        }
    };
    store::settings::set_threshold(&st.db, &p.actor(), threshold).await?;
    Ok(Redirect::to(&with_query(
        paths::ADMIN_SETTINGS,
        &[("saved", "threshold")],
    ))
    .into_response())
}

/// Every benchmark in one form. Rows left as they were are not touched; a row with both
/// boxes emptied is removed. Nothing is saved unless every changed row is right, and each
/// refused row keeps what was typed with its message beside it.
async fn set_benchmarks(
    State(st): State<AppState>,
    p: Posted<Administrators>,
) -> Result<Response, OfficerError> {
    let defs = store::indicator_defs::all(&st.db).await?;
    let marks = store::benchmarks::all(&st.db).await?;
    let rows = super::views::benchmark_rows(defs, &marks);
    let mut changes = Vec::new();
    let mut codes: Vec<(String, String)> = Vec::new();
    let mut typed: Vec<(String, String)> = Vec::new();
    for row in &rows {
        let (Some(source), Some(value)) = (
            field(&p.fields, &format!("source-{}", row.key)),
            field(&p.fields, &format!("value-{}", row.key)),
        ) else {
            continue;
        };
        let (source, value) = (source.trim(), value.trim().trim_end_matches('%').trim());
        if source == row.source && value == row.value {
            continue;
        }
        typed.push((format!("source-{}", row.key), source.to_string()));
        typed.push((format!("value-{}", row.key), value.to_string()));
        if source.is_empty() && value.is_empty() {
            changes.push((row.key.clone(), None));
            continue;
        }
        let parsed = domain::benchmark::parse_value(value, row.is_share);
        match (parsed, domain::benchmark::check_source(source)) {
            (Ok(v), Ok(source)) => changes.push((
                row.key.clone(),
                Some((source.to_string(), v, value.to_string())),
            )),
            (parsed, checked) => {
                if let Err(problem) = checked {
                    codes.push((format!("e_source-{}", row.key), problem.code().into()));
                }
                if let Err(problem) = parsed {
                    codes.push((format!("e_value-{}", row.key), problem.code().into()));
                }
            }
        }
    }
    if !codes.is_empty() {
        return Ok(flash::back_to_form(
            &st,
            paths::ADMIN_SETTINGS,
            &as_refs(&codes),
            &as_refs(&typed),
            "",
        ));
    }
    for (key, change) in &changes {
        let what = match change {
            None => {
                store::benchmarks::remove(&st.db, key).await?;
                format!("benchmark removed: {key}")
            }
            Some((source, v, typed)) => {
                store::benchmarks::set(
                    &st.db,
                    &store::benchmarks::Benchmark {
                        indicator_key: key.clone(),
                        label: source.clone(),
                        value: *v,
                    },
                )
                .await?;
                format!("benchmark {key}: {typed} ({source})")
            }
        };
        audit::record(
            &st.db,
            &p.actor(),
            domain::AuditAction::SettingChanged,
            &what,
        )
        .await?;
    }
    let saved = changes.len().to_string();
    Ok(Redirect::to(&with_query(
        paths::ADMIN_SETTINGS,
        &[("saved", "benchmarks"), ("changed", &saved)],
    ))
    .into_response())
}

fn as_refs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// An administrator gives someone a temporary password; they must change it when they next
/// sign in.
async fn reset_password(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Administrators>,
) -> Result<Redirect, OfficerError> {
    if users::by_id(&st.db, id).await?.is_none() {
        return Err(OfficerError::NotFound);
    }
    let temporary = field(&p.fields, "temporary").unwrap_or("");
    match users::reset_password(&st.db, &p.actor(), id, temporary).await? {
        Ok(()) => Ok(Redirect::to(&with_query(
            paths::ADMIN_USERS,
            &[("reset", &id.to_string())],
        ))),
        Err(problem) => Ok(Redirect::to(&with_query(
            paths::ADMIN_USERS,
            &[("e_reset", problem.code()), ("reset_id", &id.to_string())],
        ))),
    }
}

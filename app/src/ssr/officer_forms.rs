//! Officers' and administrators' form posts: wave management, users and settings. Each
//! checks the session's CSRF token, records what it changed in the audit log, and answers
//! with a redirect; refused input goes back to the form with a message per field.

use super::access::Routes;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use domain::accounts::Role;
use store::audit;
use store::users::{self, CreateOutcome, NewUser};
use store::waves::{self, ChangeRefusal, WaveChange};

use std::marker::PhantomData;

use super::access::{signed_for, Administrators, Gate, Staff};
use super::auth::{csrf_ok, forbidden, SignedIn};
use super::forms::field;
use super::AppState;
use crate::model::links;

type Fields = Vec<(String, String)>;

pub fn router() -> Routes {
    Routes::default()
        .route("/officer/{survey}/{wave}/change", post(change_wave))
        .route("/admin/users", post(add_user))
        .route("/admin/users/{id}", post(update_user))
        .route("/admin/users/{id}/password", post(reset_password))
        .route("/admin/settings/threshold", post(set_threshold))
        .route("/admin/settings/benchmark", post(set_benchmark))
}

/// A signed-in person's form post, their role checked against the gate `G` (`Staff` or
/// `Administrators`) and its CSRF token checked: the extractor every handler here takes
/// last, so a handler for administrators cannot run for anyone else.
pub struct Posted<G> {
    pub who: SignedIn,
    pub ip: String,
    pub fields: Fields,
    _gate: PhantomData<G>,
}

impl<G> Posted<G> {
    pub fn actor(&self) -> store::audit::Actor {
        self.who.actor(&self.ip)
    }
}

impl<G: Gate + Send> axum::extract::FromRequest<AppState> for Posted<G> {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, st: &AppState) -> Result<Self, Response> {
        let (who, ip) = signed_for(req.extensions(), G::ACCESS).ok_or_else(forbidden)?;
        let Form(fields) = Form::<Fields>::from_request(req, st)
            .await
            .map_err(IntoResponse::into_response)?;
        if !csrf_ok(st, &who, field(&fields, "csrf")) {
            return Err(forbidden());
        }
        Ok(Posted {
            who,
            ip,
            fields,
            _gate: PhantomData,
        })
    }
}

/// Problems a handler can meet, with how each is shown.
pub enum OfficerError {
    NotFound,
    Internal(store::StoreError),
}

impl From<store::StoreError> for OfficerError {
    fn from(e: store::StoreError) -> Self {
        OfficerError::Internal(e)
    }
}

impl IntoResponse for OfficerError {
    fn into_response(self) -> Response {
        match self {
            OfficerError::NotFound => (StatusCode::NOT_FOUND, "Not found").into_response(),
            OfficerError::Internal(e) => {
                tracing::error!(error = %e, "officer form failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Sorry, there is a problem with the service. Nothing was changed.",
                )
                    .into_response()
            }
        }
    }
}

pub fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    format!("{path}?{}", q.finish())
}

async fn change_wave(
    State(st): State<AppState>,
    Path((survey_key, wave_key)): Path<(String, String)>,
    p: Posted<Staff>,
) -> Result<Redirect, OfficerError> {
    let back = links::wave(links::Audience::Officer, &survey_key, &wave_key);
    let Some(change) = field(&p.fields, "action").and_then(WaveChange::parse) else {
        return Ok(Redirect::to(&with_query(&back, &[("error", "action")])));
    };
    let refusal =
        match waves::change_wave(&st.db, &p.actor(), &survey_key, &wave_key, change).await? {
            Ok(_) => None,
            Err(ChangeRefusal::NoSuchWave) => return Err(OfficerError::NotFound),
            Err(ChangeRefusal::PublishedCannotOpen) => Some("published"),
            Err(ChangeRefusal::NoPopulation) => Some("no_population"),
        };
    if let Some(code) = refusal {
        return Ok(Redirect::to(&with_query(&back, &[("error", code)])));
    }
    Ok(Redirect::to(&with_query(
        &back,
        &[("done", field(&p.fields, "action").unwrap_or(""))],
    )))
}

async fn add_user(
    State(st): State<AppState>,
    p: Posted<Administrators>,
) -> Result<Redirect, OfficerError> {
    let name = field(&p.fields, "name").unwrap_or("");
    let email = field(&p.fields, "email").unwrap_or("");
    let role_key = field(&p.fields, "role").unwrap_or("");
    let Some(role) = Role::parse(role_key) else {
        return Ok(Redirect::to(&with_query(
            links::ADMIN_USERS,
            &[("e_role", "missing"), ("name", name), ("email", email)],
        )));
    };
    let outcome = users::create(
        &st.db,
        NewUser {
            email,
            name,
            role,
            password: field(&p.fields, "password").unwrap_or(""),
            must_change_password: true,
        },
    )
    .await?;
    match outcome {
        CreateOutcome::Created(u) => {
            audit::record(
                &st.db,
                &p.actor(),
                domain::AuditAction::UserAdded,
                &format!("{} ({})", u.email, u.role.label()),
            )
            .await?;
            Ok(Redirect::to(&with_query(
                links::ADMIN_USERS,
                // The account's id, not its address: the page names it from the database,
                // never from text in its own address.
                &[("added", &u.id.to_string())],
            )))
        }
        CreateOutcome::Refused(p) => {
            let mut pairs = vec![("name", name), ("email", email), ("role", role_key)];
            // Problems go back as codes; the page words them.
            if let Some(m) = p.name {
                pairs.push(("e_name", m.code()));
            }
            if let Some(m) = p.email {
                pairs.push(("e_email", m.code()));
            }
            if let Some(m) = p.password {
                pairs.push(("e_password", m.code()));
            }
            Ok(Redirect::to(&with_query(links::ADMIN_USERS, &pairs)))
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
    let role = field(&p.fields, "role")
        .and_then(Role::parse)
        .unwrap_or(user.role);
    let active = field(&p.fields, "active") == Some("1");
    let loses_admin = user.role.administers() && user.active && (!active || !role.administers());
    if loses_admin && users::active_administrators(&st.db).await? <= 1 {
        return Ok(Redirect::to(&with_query(
            links::ADMIN_USERS,
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
        links::ADMIN_USERS,
        &[("changed", &user.id.to_string())],
    )))
}

async fn set_threshold(
    State(st): State<AppState>,
    p: Posted<Administrators>,
) -> Result<Redirect, OfficerError> {
    let typed = field(&p.fields, "threshold")
        .unwrap_or("")
        .trim()
        .to_string();
    let threshold = match domain::threshold::parse_threshold(&typed) {
        Ok(t) => t,
        Err(problem) => {
            return Ok(Redirect::to(&with_query(
                links::ADMIN_SETTINGS,
                &[("e_threshold", problem.code()), ("threshold", &typed)],
            )))
        }
    };
    store::settings::set_threshold(&st.db, &p.actor(), threshold).await?;
    Ok(Redirect::to(&with_query(
        links::ADMIN_SETTINGS,
        &[("saved", "threshold")],
    )))
}

async fn set_benchmark(
    State(st): State<AppState>,
    p: Posted<Administrators>,
) -> Result<Redirect, OfficerError> {
    let key = field(&p.fields, "indicator").unwrap_or("");
    let defs = store::indicator_defs::all(&st.db).await?;
    let def = defs
        .iter()
        .find(|d| d.key == key)
        .ok_or(OfficerError::NotFound)?;
    let source = field(&p.fields, "source").unwrap_or("").trim();
    let typed = field(&p.fields, "value")
        .unwrap_or("")
        .trim()
        .trim_end_matches('%');
    let back = |pairs: &[(&str, &str)]| {
        let mut all = vec![("indicator", key)];
        all.extend_from_slice(pairs);
        Redirect::to(&format!(
            "{}#b-{key}",
            with_query(links::ADMIN_SETTINGS, &all)
        ))
    };
    if source.is_empty() && typed.is_empty() {
        store::benchmarks::remove(&st.db, key).await?;
        audit::record(
            &st.db,
            &p.actor(),
            domain::AuditAction::SettingChanged,
            &format!("benchmark removed: {key}"),
        )
        .await?;
        return Ok(back(&[("saved", "benchmark")]));
    }
    let value = domain::benchmark::parse_value(typed, !def.rule.is_mean());
    match (value, domain::benchmark::check_source(source)) {
        (Ok(v), Ok(source)) => {
            store::benchmarks::set(
                &st.db,
                &store::benchmarks::Benchmark {
                    indicator_key: key.into(),
                    label: source.into(),
                    value: v,
                },
            )
            .await?;
            audit::record(
                &st.db,
                &p.actor(),
                domain::AuditAction::SettingChanged,
                &format!("benchmark {key}: {typed} ({source})"),
            )
            .await?;
            Ok(back(&[("saved", "benchmark")]))
        }
        // Problems go back as codes; the page words them.
        (value, source_problem) => {
            let mut pairs = vec![("source", source), ("value", typed)];
            if let Err(p) = value {
                pairs.push(("e_value", p.code()));
            }
            if let Err(p) = source_problem {
                pairs.push(("e_source", p.code()));
            }
            Ok(back(&pairs))
        }
    }
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
            links::ADMIN_USERS,
            &[("reset", &id.to_string())],
        ))),
        Err(problem) => Ok(Redirect::to(&with_query(
            links::ADMIN_USERS,
            &[("e_reset", problem.code()), ("reset_id", &id.to_string())],
        ))),
    }
}

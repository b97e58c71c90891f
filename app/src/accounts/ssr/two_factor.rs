//! The second step of signing in (a code from an authenticator app, or a recovery code),
//! setting two-factor sign-in up (required for administrators at their first sign-in,
//! offered to everyone on their account page), and an administrator turning it off for
//! someone who has lost their phone and codes.
//!
//! Between the password and the second step, the browser holds a signed cookie naming the
//! person and the step, good for ten minutes: it is not a session and opens nothing else.

use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use domain::accounts::{sign_in_gate, Gate};
use store::audit::Actor;
use store::{throttle, two_factor, users};

use super::sign_in::{finish_sign_in, internal, safe_next};
use crate::accounts::paths;
use crate::admin::paths as admin_paths;
use crate::shared::ssr::access::{Administrators, AnyAccount, Routes};
use crate::shared::ssr::auth::{read_cookie, ClientIp, Cookie, SignedIn};
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{with_query, OfficerError, Posted};
use crate::shared::ssr::{token, AppState};

type Fields = Vec<(String, String)>;

/// How long the second step may take after the password.
const PENDING_SECONDS: i64 = 600;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::SIGN_IN_CODE, post(enter_code))
        .route(paths::SIGN_IN_SET_UP, post(set_up_at_sign_in))
        .route(paths::ACCOUNT_TWO_FACTOR, post(set_up_from_account))
        .route(admin_paths::ADMIN_USER_TWO_FACTOR_OFF, post(turn_off))
}

/// Which second step a pending sign-in is at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Two-factor sign-in is on: enter a code.
    Code,
    /// An administrator without it: set it up now.
    SetUp,
}

impl Stage {
    fn key(self) -> &'static str {
        match self {
            Stage::Code => "code",
            Stage::SetUp => "set-up",
        }
    }
}

/// A sign-in waiting for its second step.
#[derive(Clone, Debug)]
pub struct Pending {
    pub user_id: i32,
    pub stage: Stage,
    /// Unique to this sign-in: the set-up secret is worked out from it.
    pub nonce: String,
}

pub fn clear_pending(st: &AppState) -> HeaderValue {
    st.auth.clear(Cookie::PendingSignIn)
}

/// What a pending sign-in's MAC is bound to.
const PENDING_STEP: &str = "pending-sign-in";

/// Sends the person on to their second step, holding a signed pending cookie.
pub fn second_step(st: &AppState, user_id: i32, stage: Stage, next: &str) -> Response {
    let expires = st.clock.now() + PENDING_SECONDS;
    let body = format!("{user_id}.{expires}.{}", stage.key());
    let sealed = token::seal(&st.form_secret, PENDING_STEP, &body);
    let page = match stage {
        Stage::Code => paths::SIGN_IN_CODE,
        Stage::SetUp => paths::SIGN_IN_SET_UP,
    };
    (
        [(
            header::SET_COOKIE,
            st.auth
                .set_cookie(Cookie::PendingSignIn, &sealed, Some(PENDING_SECONDS)),
        )],
        Redirect::to(&with_query(page, &[("next", next)])),
    )
        .into_response()
}

/// The pending sign-in this browser holds, if its signature is good and it has not expired.
pub fn read_pending(st: &AppState, headers: &HeaderMap) -> Option<Pending> {
    let value = read_cookie(headers, st.auth.name_of(Cookie::PendingSignIn))?;
    let body = token::unseal(&st.form_secret, PENDING_STEP, &value)?;
    let mut parts = body.splitn(3, '.');
    let user_id = parts.next()?.parse().ok()?;
    let expires: i64 = parts.next()?.parse().ok()?;
    let stage = match parts.next()? {
        "code" => Stage::Code,
        "set-up" => Stage::SetUp,
        _ => return None,
    };
    (expires > st.clock.now()).then(|| Pending {
        user_id,
        stage,
        nonce: body.to_string(),
    })
}

fn back(page: &str, error: &str, next: &str) -> Response {
    Redirect::to(&with_query(page, &[("error", error), ("next", next)])).into_response()
}

fn actor_for(st: &AppState, user_id: i32, email: &str, ip: &str) -> Actor {
    Actor {
        user_id: Some(user_id),
        label: email.to_string(),
        ip: Some(ip.to_string()),
        at: st.clock.now(),
    }
}

/// A post from a second step: the pending sign-in the browser holds, the session it may
/// replace, the client's address, the fields, and where to go afterwards.
struct SecondStep {
    pending: Option<Pending>,
    before: Option<SignedIn>,
    ip: String,
    fields: Fields,
    next: String,
}

impl axum::extract::FromRequest<AppState> for SecondStep {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, st: &AppState) -> Result<Self, Response> {
        let pending = read_pending(st, req.headers());
        let before = req.extensions().get::<SignedIn>().cloned();
        let ip = req
            .extensions()
            .get::<ClientIp>()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        let Form(fields) = Form::<Fields>::from_request(req, st)
            .await
            .map_err(IntoResponse::into_response)?;
        let next = safe_next(&st.auth.public_url, field(&fields, "next"));
        Ok(SecondStep {
            pending,
            before,
            ip,
            fields,
            next,
        })
    }
}

impl SecondStep {
    /// The pending sign-in at `stage` and its person; otherwise back to the start.
    async fn user(&self, st: &AppState, stage: Stage) -> Result<(Pending, users::User), Response> {
        let expired = || back(paths::SIGN_IN, "expired", &self.next);
        let pending = self
            .pending
            .clone()
            .filter(|p| p.stage == stage)
            .ok_or_else(expired)?;
        match users::by_id(&st.db, pending.user_id).await {
            Ok(Some(user)) => Ok((pending, user)),
            Ok(None) => Err(expired()),
            Err(e) => Err(internal(e)),
        }
    }
}

/// The second step: a code from the app, or a recovery code. Wrong codes count towards the
/// same throttle as wrong passwords, under the person's own key.
async fn enter_code(State(st): State<AppState>, step: SecondStep) -> Response {
    let (ip, next) = (&step.ip, &step.next);
    let user = match step.user(&st, Stage::Code).await {
        Ok((_, user)) => user,
        Err(res) => return res,
    };
    let code = field(&step.fields, "code").unwrap_or("").trim();
    if code.is_empty() {
        return back(paths::SIGN_IN_CODE, "code_missing", next);
    }
    let key = format!("second step: {}", user.email);
    let attempt = match throttle::reserve(&st.db, &key, ip, st.clock.now()).await {
        Ok(a) => a,
        Err(e) => return internal(e),
    };
    if let Gate::Refuse(_) = sign_in_gate(attempt.before) {
        if let Err(e) = throttle::release(&st.db, attempt).await {
            return internal(e);
        }
        return back(paths::SIGN_IN_CODE, "code_locked", next);
    }
    let actor = actor_for(&st, user.id, &user.email, ip);
    match two_factor::verify(&st.db, user.id, code, st.clock.now()).await {
        Ok(true) => {
            if let Err(e) = throttle::clear(&st.db, &key, ip).await {
                return internal(e);
            }
            let before = step.before.clone();
            finish_sign_in(&st, before, user.id, &actor, "with a two-factor code", next).await
        }
        Ok(false) => {
            let failed = store::audit::record(
                &st.db,
                &actor,
                domain::AuditAction::SignInFailed,
                "wrong two-factor code",
            )
            .await;
            if let Err(e) = failed {
                return internal(e);
            }
            back(paths::SIGN_IN_CODE, "code_wrong", next)
        }
        Err(e) => internal(e),
    }
}

/// An administrator's first sign-in: the app is set up with the secret shown on the page,
/// and the code it gives proves it.
async fn set_up_at_sign_in(State(st): State<AppState>, step: SecondStep) -> Response {
    let (ip, next) = (&step.ip, &step.next);
    let (pending, user) = match step.user(&st, Stage::SetUp).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let actor = actor_for(&st, user.id, &user.email, ip);
    let (secret, codes) = two_factor::setup_material(&st.form_secret, user.id, &pending.nonce);
    let code = field(&step.fields, "code").unwrap_or("").trim();
    if code.is_empty() {
        return back(paths::SIGN_IN_SET_UP, "code_missing", next);
    }
    match two_factor::enable(&st.db, &actor, user.id, &secret, code, &codes).await {
        Ok(true) => {
            let detail = "after setting up two-factor sign-in";
            finish_sign_in(&st, step.before.clone(), user.id, &actor, detail, next).await
        }
        Ok(false) => back(paths::SIGN_IN_SET_UP, "code_wrong", next),
        Err(e) => internal(e),
    }
}

/// Anyone signed in may turn two-factor sign-in on from their account page.
async fn set_up_from_account(
    State(st): State<AppState>,
    p: Posted<AnyAccount>,
) -> Result<Response, OfficerError> {
    let (secret, codes) =
        two_factor::setup_material(&st.form_secret, p.who.user.id, &p.who.session_token);
    let code = field(&p.fields, "code").unwrap_or("").trim();
    let error = if code.is_empty() {
        Some("code_missing")
    } else if !two_factor::enable(&st.db, &p.actor(), p.who.user.id, &secret, code, &codes).await? {
        Some("code_wrong")
    } else {
        None
    };
    Ok(match error {
        Some(e) => Redirect::to(&with_query(paths::ACCOUNT_TWO_FACTOR, &[("error", e)])),
        None => Redirect::to(&with_query(paths::ACCOUNT, &[("done", "two_factor")])),
    }
    .into_response())
}

/// For someone who has lost their phone and their recovery codes. Their sessions end; an
/// administrator sets it up again at their next sign-in.
async fn turn_off(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Administrators>,
) -> Result<Redirect, OfficerError> {
    if users::by_id(&st.db, id).await?.is_none() {
        return Err(OfficerError::NotFound);
    }
    two_factor::disable(&st.db, &p.actor(), id).await?;
    Ok(Redirect::to(&with_query(
        admin_paths::ADMIN_USERS,
        &[("two_factor_off", &id.to_string())],
    )))
}

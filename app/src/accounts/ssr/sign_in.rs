//! Signing in and out: plain form posts answered with a redirect, like every other form.

use axum::extract::{Form, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Extension;

use crate::shared::ssr::access::Routes;
use domain::accounts::{sign_in_gate, EmailAddress, Gate, Refusal as ThrottleRefusal};
use store::audit::{self, Actor};
use store::{sessions, throttle, users};

use super::two_factor::Stage;
use crate::accounts::paths;
use crate::officer::paths as officer_paths;
use crate::shared::ssr::auth::{csrf_ok, read_cookie, ClientIp, SignedIn};
use crate::shared::ssr::forms::field;
use crate::shared::ssr::limits::{log_refusal, Refusal};
use crate::shared::ssr::{flash, token, AppState};

type Fields = Vec<(String, String)>;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::SIGN_IN, post(sign_in))
        .route(paths::SIGN_OUT, post(sign_out))
}

/// The sign-in form's token. It guards against a form made up on another site; the
/// same-origin check stands behind it.
pub fn sign_in_token(st: &AppState) -> String {
    token::issue(&st.form_secret, "sign-in", "sign-in")
}

/// Only addresses on this site, so a link cannot send someone elsewhere after signing in:
/// `next` is read as a browser would read it against the public address (tabs and line
/// breaks dropped, `\\` as `/`), and kept only if it stays on the same origin.
pub fn safe_next(public: &url::Url, next: Option<&str>) -> String {
    next.filter(|n| n.starts_with('/'))
        .and_then(|n| public.join(n).ok())
        .filter(|u| u.origin() == public.origin())
        .map(|u| match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        })
        .unwrap_or_else(|| officer_paths::OFFICER.to_string())
}

/// Back to the form: the problem's code and `next` in the address, the email address as
/// typed in the notice cookie (never a password, never an address in the URL).
fn back_to_form(st: &AppState, error: &str, email: &str, next: &str) -> Response {
    flash::back_to_form(
        st,
        paths::SIGN_IN,
        &[("error", error), ("next", next)],
        &[("email", email)],
        "",
    )
}

pub fn internal(e: store::StoreError) -> Response {
    tracing::error!(error = %e, "sign-in failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Sorry, there is a problem with the service. Try again later.",
    )
        .into_response()
}

async fn sign_in(
    State(st): State<AppState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    signed_in: Option<Extension<SignedIn>>,
    Form(fields): Form<Fields>,
) -> Response {
    let typed_email = crate::shared::ssr::forms::typed(&fields, "email");
    let password = field(&fields, "password").unwrap_or("");
    let next = safe_next(&st.auth.public_url, field(&fields, "next"));
    if !token::verify(
        &st.form_secret,
        "sign-in",
        "sign-in",
        field(&fields, "token").unwrap_or(""),
    ) {
        return back_to_form(&st, "form", &typed_email, &next);
    }
    let email = match EmailAddress::parse(&typed_email) {
        Ok(e) => e,
        Err(_) if typed_email.is_empty() && password.is_empty() => {
            return back_to_form(&st, "both_missing", "", &next)
        }
        Err(_) if typed_email.is_empty() => return back_to_form(&st, "email_missing", "", &next),
        Err(_) => return back_to_form(&st, "email_format", &typed_email, &next),
    };
    if password.is_empty() {
        return back_to_form(&st, "password_missing", &typed_email, &next);
    }
    let actor = Actor {
        user_id: None,
        label: email.as_str().to_string(),
        ip: Some(ip.clone()),
        at: st.clock.now(),
    };

    // Counted before the password is checked, so attempts sent together cannot all slip
    // in under the limit.
    let attempt = match throttle::reserve(&st.db, email.as_str(), &ip, actor.at).await {
        Ok(a) => a,
        Err(e) => return internal(e),
    };
    match sign_in_gate(attempt.before) {
        Gate::Refuse(why) => {
            log_refusal(Refusal::SignInThrottled, paths::SIGN_IN);
            let refused = async {
                throttle::release(&st.db, attempt).await?;
                // One audit row a minute per account and address: a flood of refusals
                // must not flood the audit log.
                if st.limits.audit_refusal(email.as_str(), &ip) {
                    audit::record(
                        &st.db,
                        &actor,
                        domain::AuditAction::SignInRefused,
                        refusal_detail(why),
                    )
                    .await?;
                }
                Ok::<_, store::StoreError>(())
            };
            if let Err(e) = refused.await {
                return internal(e);
            }
            return back_to_form(&st, refusal_code(why), &typed_email, &next);
        }
        Gate::Allow { delay_ms } if delay_ms > 0 => {
            tokio_sleep(delay_ms).await;
        }
        Gate::Allow { .. } => {}
    }

    let account = match users::find_by_email(&st.db, &email).await {
        Ok(a) => a,
        Err(e) => return internal(e),
    };
    let hash = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| users::decoy_hash().to_string());
    let matches = users::verify_password_bounded(hash, password.to_string()).await;
    let account = account.filter(|a| matches && a.active);
    let Some(account) = account else {
        // The reserved attempt stays as the record of this failure.
        if let Err(e) = audit::record(
            &st.db,
            &actor,
            domain::AuditAction::SignInFailed,
            "wrong email address or password",
        )
        .await
        {
            return internal(e);
        }
        return back_to_form(&st, "invalid", &typed_email, &next);
    };

    if let Err(e) = throttle::clear(&st.db, email.as_str(), &ip).await {
        return internal(e);
    }
    // The password was right. A second step comes first for anyone with two-factor sign-in,
    // and for administrators, who must set it up.
    let stage = if account.totp_secret.is_some() {
        Some(Stage::Code)
    } else if account.role == domain::accounts::Role::Administrator.key() {
        Some(Stage::SetUp)
    } else {
        None
    };
    if let Some(stage) = stage {
        return super::two_factor::second_step(&st, account.id, stage, &next);
    }
    finish_sign_in(&st, signed_in.map(|e| e.0), account.id, &actor, "", &next).await
}

/// Starts the session once every step has passed: any session from before (even a live
/// one) is ended, so a sign-in always gets a new id.
pub async fn finish_sign_in(
    st: &AppState,
    before: Option<SignedIn>,
    user_id: i32,
    actor: &Actor,
    detail: &str,
    next: &str,
) -> Response {
    if let Some(old) = before {
        let _ = sessions::end(&st.db, &old.session_token).await;
    }
    let started = async {
        let s = sessions::start(&st.db, user_id, st.clock.now()).await?;
        users::mark_signed_in(&st.db, user_id, st.clock.now()).await?;
        let actor = Actor {
            user_id: Some(user_id),
            ..actor.clone()
        };
        audit::record(&st.db, &actor, domain::AuditAction::SignedIn, detail).await?;
        Ok::<_, store::StoreError>(s)
    };
    match started.await {
        Ok(s) => {
            let mut res = Redirect::to(next).into_response();
            let h = res.headers_mut();
            h.append(header::SET_COOKIE, st.auth.session_cookie(&s.token));
            h.append(header::SET_COOKIE, super::two_factor::clear_pending(st));
            res
        }
        Err(e) => internal(e),
    }
}

/// The sign-in page's code for a refusal: each says truthfully why.
fn refusal_code(why: ThrottleRefusal) -> &'static str {
    match why {
        ThrottleRefusal::ThisAccountFromHere => "locked_here",
        ThrottleRefusal::AccountUnderAttack => "locked_account",
        ThrottleRefusal::BusyAddress => "locked_address",
    }
}

fn refusal_detail(why: ThrottleRefusal) -> &'static str {
    match why {
        ThrottleRefusal::ThisAccountFromHere => {
            "too many failed attempts for this account from this address"
        }
        ThrottleRefusal::AccountUnderAttack => {
            "too many failed attempts for this account, one from this address"
        }
        ThrottleRefusal::BusyAddress => {
            "too many failed attempts from this address, one for this account"
        }
    }
}

async fn tokio_sleep(ms: u64) {
    tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
}

async fn sign_out(
    State(st): State<AppState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    Extension(who): Extension<SignedIn>,
    req_headers: axum::http::HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    if !csrf_ok(&st, &who, field(&fields, "csrf")) {
        log_refusal(Refusal::Csrf, paths::SIGN_OUT);
        return crate::shared::ssr::auth::forbidden();
    }
    let token = read_cookie(&req_headers, st.auth.cookie_name()).unwrap_or_default();
    let ended = async {
        sessions::end(&st.db, &token).await?;
        audit::record(&st.db, &who.actor(&ip), domain::AuditAction::SignedOut, "").await
    };
    if let Err(e) = ended.await {
        return internal(e);
    }
    // The browser forgets what this site stored: a volunteer's answers waiting to send
    // (the page warned first) and the pages kept for working offline.
    (
        [
            (header::SET_COOKIE, st.auth.clear_cookie()),
            (
                header::HeaderName::from_static("clear-site-data"),
                header::HeaderValue::from_static("\"storage\""),
            ),
        ],
        Redirect::to(&format!("{}?signed_out=1", paths::SIGN_IN)),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        let public = url::Url::parse("https://survey.example.gov.uk").unwrap();
        let next = |n| safe_next(&public, Some(n));
        assert_eq!(next("/officer/wellbeing"), "/officer/wellbeing");
        assert_eq!(next("/officer/wellbeing?x=1"), "/officer/wellbeing?x=1");
        assert_eq!(next("//evil.test"), "/officer");
        assert_eq!(next("https://evil.test"), "/officer");
        assert_eq!(next("/\\evil.test"), "/officer");
        assert_eq!(next("/\t/evil.example"), "/officer");
        assert_eq!(next("/\n/evil.example"), "/officer");
        assert_eq!(next("/\\/evil.example"), "/officer");
        assert_eq!(next("officer"), "/officer");
        assert_eq!(safe_next(&public, None), "/officer");
    }
}

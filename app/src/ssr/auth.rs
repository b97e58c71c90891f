//! Who is asking: the session cookie, looked up on every request, and the access rules
//! every page, server function and route passes through before any handler runs.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::accounts::{Role, SessionLimits};
use store::users::User;

use super::{token, AppState};
use crate::model::officer::Viewer;

#[derive(Clone, Copy, Debug, Default)]
pub struct AuthConfig {
    pub limits: SessionLimits,
    /// Served over HTTPS: the cookie is Secure and takes the `__Host-` prefix.
    pub secure_cookies: bool,
    /// Behind a reverse proxy that sets X-Forwarded-For: take the client's address from it.
    pub trust_proxy: bool,
}

impl AuthConfig {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-kiln_session"
        } else {
            "kiln_session"
        }
    }

    pub fn session_cookie(&self, token: &str) -> HeaderValue {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        // No Max-Age: the cookie goes when the browser closes; the server enforces both limits.
        HeaderValue::from_str(&format!(
            "{}={token}; Path=/; HttpOnly; SameSite=Lax{secure}",
            self.cookie_name()
        ))
        .expect("hex token")
    }

    pub fn clear_cookie(&self) -> HeaderValue {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        HeaderValue::from_str(&format!(
            "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
            self.cookie_name()
        ))
        .expect("static cookie")
    }
}

/// A live session, put in the request's extensions by `resolve`.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub session_token: String,
    pub user: User,
    /// The CSRF token for this session's forms.
    pub csrf: String,
}

impl SignedIn {
    pub fn viewer(&self) -> Viewer {
        Viewer {
            name: self.user.name.clone(),
            email: self.user.email.clone(),
            is_admin: self.user.role.administers(),
            csrf: self.csrf.clone(),
        }
    }

    pub fn actor(&self, ip: &str) -> store::audit::Actor {
        store::audit::Actor {
            user_id: Some(self.user.id),
            label: self.user.email.clone(),
            ip: Some(ip.to_string()),
        }
    }
}

/// The client's address as the request arrived (see `AuthConfig::trust_proxy`).
#[derive(Clone, Debug)]
pub struct ClientIp(pub String);

/// The signed-in person and their address, as the middleware left them on the request;
/// None when nobody is signed in.
pub fn signed_in_from(req: &axum::extract::Request) -> Option<(SignedIn, String)> {
    let who = req.extensions().get::<SignedIn>().cloned()?;
    let ip = req
        .extensions()
        .get::<ClientIp>()
        .map(|c| c.0.clone())
        .unwrap_or_default();
    Some((who, ip))
}

pub fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn csrf_for(secret: &[u8], session_token: &str) -> String {
    token::issue(secret, session_token, "csrf")
}

/// True when a form's `csrf` field belongs to this session.
pub fn csrf_ok(st: &AppState, who: &SignedIn, sent: Option<&str>) -> bool {
    sent.is_some_and(|t| token::verify(&st.form_secret, &who.session_token, "csrf", t))
}

fn client_ip(req: &Request, trust_proxy: bool) -> String {
    if trust_proxy {
        if let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
        {
            return first.trim().to_string();
        }
    }
    req.extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Looks up the session cookie, if any, and records who is asking.
pub async fn resolve(State(st): State<AppState>, mut req: Request, next: Next) -> Response {
    let ip = client_ip(&req, st.auth.trust_proxy);
    req.extensions_mut().insert(ClientIp(ip));
    // Static files need no session: skip the lookup the browser's cookie would cost.
    let is_static = req.uri().path().starts_with("/pkg/");
    if let Some(token) = read_cookie(req.headers(), st.auth.cookie_name()).filter(|_| !is_static) {
        match store::sessions::find(&st.db, &token, st.auth.limits).await {
            Ok(Some((_, user))) => {
                let csrf = csrf_for(&st.form_secret, &token);
                req.extensions_mut().insert(SignedIn {
                    session_token: token,
                    user,
                    csrf,
                });
            }
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "looking up a session failed");
                return (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Sorry, there is a problem with the service.",
                )
                    .into_response();
            }
        }
    }
    next.run(req).await
}

/// Who may reach an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Anyone,
    Staff,
    Administrators,
}

/// Decided by address alone, before any handler or server function runs, so a new page
/// under /officer or /admin cannot be left open by mistake.
pub fn access_for(path: &str) -> Access {
    let under = |root: &str| path == root || path.starts_with(&format!("{root}/"));
    if under("/admin") || under("/api/admin") {
        Access::Administrators
    } else if under("/officer") || under("/api/officer") || path == "/sign-out" {
        Access::Staff
    } else {
        Access::Anyone
    }
}

fn allowed(role: Role, access: Access) -> bool {
    match access {
        Access::Anyone => true,
        Access::Staff => role.sees_results(),
        Access::Administrators => role.administers(),
    }
}

pub async fn guard(req: Request, next: Next) -> Response {
    let access = access_for(req.uri().path());
    if access == Access::Anyone {
        return next.run(req).await;
    }
    let is_page = req.method() == Method::GET && !req.uri().path().starts_with("/api/");
    match req.extensions().get::<SignedIn>() {
        None if is_page => {
            let next_path = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/officer");
            let target: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("next", next_path)
                .finish();
            Redirect::to(&format!("/sign-in?{target}")).into_response()
        }
        None => (StatusCode::UNAUTHORIZED, "Sign in first.").into_response(),
        Some(who) if allowed(who.user.role, access) => next.run(req).await,
        Some(_) => forbidden(),
    }
}

pub fn forbidden() -> Response {
    (
        StatusCode::FORBIDDEN,
        Html(super::forms::plain_page(
            "You do not have access to this page",
            "<p>Your account does not have access to this page. If you need it, ask an administrator.</p><p><a href=\"/officer\">Go to the dashboard</a></p>",
        )),
    )
        .into_response()
}

/// Refuses a state-changing request sent from another site: the browser says where a request
/// comes from (Origin, Sec-Fetch-Site), and a form on another site cannot fake either.
pub async fn same_origin(req: Request<Body>, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !from_this_site(req.headers()) {
        tracing::warn!("refused a cross-site request");
        return (
            StatusCode::FORBIDDEN,
            Html(super::forms::plain_page(
                "This form could not be sent",
                "<p>The form was sent from another website, so it was not accepted. Go back to the page, refresh it and try again.</p>",
            )),
        )
            .into_response();
    }
    next.run(req).await
}

pub fn from_this_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let authority = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            authority.is_some_and(|a| !host.is_empty() && a.eq_ignore_ascii_case(host))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_guarded_by_prefix() {
        assert_eq!(access_for("/"), Access::Anyone);
        assert_eq!(access_for("/results/wellbeing/2026"), Access::Anyone);
        assert_eq!(access_for("/officer"), Access::Staff);
        assert_eq!(
            access_for("/officer/wellbeing/x/indicators.csv"),
            Access::Staff
        );
        assert_eq!(access_for("/api/officer/overview"), Access::Staff);
        assert_eq!(access_for("/officers-guide"), Access::Anyone);
        assert_eq!(access_for("/admin"), Access::Administrators);
        assert_eq!(access_for("/admin/users"), Access::Administrators);
        assert_eq!(access_for("/api/admin/users"), Access::Administrators);
    }

    #[test]
    fn cross_site_posts_are_recognised() {
        let h = |pairs: &[(&'static str, &'static str)]| {
            let mut m = HeaderMap::new();
            for (k, v) in pairs {
                m.insert(*k, HeaderValue::from_static(v));
            }
            m
        };
        assert!(from_this_site(&h(&[("host", "kiln.test")])));
        assert!(from_this_site(&h(&[
            ("host", "kiln.test"),
            ("origin", "https://kiln.test")
        ])));
        assert!(!from_this_site(&h(&[
            ("host", "kiln.test"),
            ("origin", "https://evil.test")
        ])));
        assert!(!from_this_site(&h(&[
            ("host", "kiln.test"),
            ("origin", "null")
        ])));
        assert!(!from_this_site(&h(&[
            ("host", "kiln.test"),
            ("sec-fetch-site", "cross-site")
        ])));
        assert!(from_this_site(&h(&[
            ("host", "kiln.test"),
            ("sec-fetch-site", "same-origin")
        ])));
    }
}

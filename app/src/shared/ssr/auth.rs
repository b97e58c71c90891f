//! Who is asking: the session cookie, looked up on every request, and the access rules
//! every page, server function and route passes through before any handler runs.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::accounts::SessionLimits;
use store::users::User;

use super::access::{access_for, allowed, plain, Access};
use super::limits::{log_refusal, Refusal};
use super::{token, AppState};
use crate::accounts::paths as accounts_paths;
use crate::officer::paths as officer_paths;
use crate::shared::Viewer;

#[derive(Clone, Debug)]
pub struct AuthConfig {
    pub limits: SessionLimits,
    /// The address people use (`KILN_PUBLIC_URL`): posts must come from its origin, and
    /// addresses to go to after signing in must stay on it.
    pub public_url: url::Url,
    /// Reverse proxies in front of Kiln that append to X-Forwarded-For (see `client_ip`).
    pub trusted_proxies: usize,
}

impl AuthConfig {
    /// Served over HTTPS: the cookie is Secure and takes the `__Host-` prefix, and browsers
    /// are told to use HTTPS only (HSTS).
    pub fn https(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// A cookie's name here: over HTTPS it takes the `__Host-` prefix (Secure, this host
    /// only, path /).
    pub fn name_of(&self, cookie: Cookie) -> &'static str {
        match (cookie, self.https()) {
            (Cookie::Session, true) => "__Host-kiln_session",
            (Cookie::Session, false) => "kiln_session",
            (Cookie::PendingSignIn, true) => "__Host-kiln_pending",
            (Cookie::PendingSignIn, false) => "kiln_pending",
            (Cookie::Notice, true) => "__Host-kiln_flash",
            (Cookie::Notice, false) => "kiln_flash",
            (Cookie::Invited, true) => "__Host-kiln_invited",
            (Cookie::Invited, false) => "kiln_invited",
            (Cookie::Kiosk, true) => "__Host-kiln_kiosk",
            (Cookie::Kiosk, false) => "kiln_kiosk",
            (Cookie::Drafts, true) => "__Host-kiln_drafts",
            (Cookie::Drafts, false) => "kiln_drafts",
            (Cookie::Language, true) => "__Host-kiln_lang",
            (Cookie::Language, false) => "kiln_lang",
        }
    }

    /// A `Set-Cookie` value: HTTP only, same site (lax), Secure over HTTPS. With no
    /// `max_age` the cookie goes when the browser closes.
    pub fn set_cookie(&self, cookie: Cookie, value: &str, max_age: Option<i64>) -> HeaderValue {
        let secure = if self.https() { "; Secure" } else { "" };
        let max_age = max_age
            .map(|s| format!("; Max-Age={s}"))
            .unwrap_or_default();
        HeaderValue::from_str(&format!(
            "{}={value}; Path=/; HttpOnly; SameSite=Lax{max_age}{secure}",
            self.name_of(cookie)
        ))
        .expect("cookie values are tokens, base64 and MACs")
    }

    /// A `Set-Cookie` value that removes the cookie.
    pub fn clear(&self, cookie: Cookie) -> HeaderValue {
        self.set_cookie(cookie, "", Some(0))
    }

    pub fn cookie_name(&self) -> &'static str {
        self.name_of(Cookie::Session)
    }

    pub fn session_cookie(&self, token: &str) -> HeaderValue {
        // No Max-Age: the cookie goes when the browser closes; the server enforces both limits.
        self.set_cookie(Cookie::Session, token, None)
    }

    pub fn clear_cookie(&self) -> HeaderValue {
        self.clear(Cookie::Session)
    }
}

/// The cookies Kiln sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cookie {
    Session,
    /// Between the password and the second step of signing in (signed).
    PendingSignIn,
    /// A one-time notice for the page a form post redirects to (signed).
    Notice,
    /// An invited resident's access code, from the invitation to the sending of their
    /// answers (sealed to their unfinished response).
    Invited,
    /// A kiosk tablet's token (until the event ends or an organiser ends it).
    Kiosk,
    /// The resume codes of the unfinished answers this browser has open (signed; until
    /// the browser closes).
    Drafts,
    /// The language a resident chose (a year: it is a preference they set, nothing more).
    Language,
}

/// A live session, put in the request's extensions by `resolve`.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub session_token: String,
    /// The session's row, so that a person can tell it apart in their list of sessions.
    pub session_id: i32,
    pub user: User,
    /// The CSRF token for this session's forms.
    pub csrf: String,
    /// When the session was checked for this request (Unix seconds): what the person does
    /// in it is recorded at this time.
    pub at: i64,
}

impl SignedIn {
    pub fn viewer(&self) -> Viewer {
        Viewer {
            name: self.user.name.clone(),
            email: self.user.email.clone(),
            is_admin: self.user.role.administers(),
            is_staff: self.user.role.is_staff(),
            organises: self.user.role.organises(),
            csrf: self.csrf.clone(),
        }
    }

    pub fn actor(&self, ip: &str) -> store::audit::Actor {
        store::audit::Actor {
            user_id: Some(self.user.id),
            label: self.user.email.clone(),
            ip: Some(ip.to_string()),
            at: self.at,
        }
    }
}

/// The client's address as the request arrived (see `client_ip`).
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

/// The client's address. Behind `trusted` proxies that each append the address they were
/// reached from to X-Forwarded-For, it is the entry the outermost proxy added: the
/// `trusted`-th from the right. Entries to its left were sent by the client and could say
/// anything. Without trusted proxies, or when the header is shorter than the chain (the
/// request did not come through it), it is the connection's own address.
pub fn client_ip(headers: &HeaderMap, peer: Option<std::net::IpAddr>, trusted: usize) -> String {
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    if trusted > 0 && forwarded.len() >= trusted {
        let entry = forwarded[forwarded.len() - trusted];
        if let Ok(ip) = entry.parse::<std::net::IpAddr>() {
            return ip.to_string();
        }
    }
    peer.map(|p| p.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Looks up the session cookie, if any, and records who is asking.
pub async fn resolve(State(st): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let ip = client_ip(req.headers(), peer, st.auth.trusted_proxies);
    req.extensions_mut().insert(ClientIp(ip));
    // Static files need no session: skip the lookup the browser's cookie would cost.
    let is_static = req.uri().path().starts_with("/pkg/");
    if let Some(token) = read_cookie(req.headers(), st.auth.cookie_name()).filter(|_| !is_static) {
        let now = st.clock.now();
        match store::sessions::find(&st.db, &token, st.auth.limits, now).await {
            Ok(Some((session_id, user))) => {
                let csrf = csrf_for(&st.form_secret, &token);
                req.extensions_mut().insert(SignedIn {
                    session_id,
                    session_token: token,
                    user,
                    csrf,
                    at: now,
                });
            }
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "looking up a session failed");
                return service_problem();
            }
        }
    }
    next.run(req).await
}

/// Decided by address alone, before any handler or server function runs: an address no
/// route declares (or not in its plain form) is refused, and a declared one lets in only the
/// roles it names. See `access`.
pub async fn guard(req: Request, next: Next) -> Response {
    let Some(access) = access_for(req.uri().path()) else {
        // No route serves an undeclared address (the server checks at start-up), so a plain
        // page address can only reach the app's not-found page, which looks like the rest of
        // the site. Anything else is answered here.
        let plain_page = plain(req.uri().path()).is_ok()
            && matches!(*req.method(), Method::GET | Method::HEAD)
            && !req.uri().path().starts_with("/api/")
            && !req.uri().path().starts_with("/pkg/");
        if plain_page {
            return next.run(req).await;
        }
        // Not a page that might once have existed (a favicon, an old link): worth a line.
        log_refusal(Refusal::UndeclaredPath, "undeclared");
        return not_found();
    };
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
                .unwrap_or(officer_paths::OFFICER);
            let target: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("next", next_path)
                .finish();
            Redirect::to(&format!("{}?{target}", accounts_paths::SIGN_IN)).into_response()
        }
        None => {
            log_refusal(Refusal::Forbidden, &route_of(&req));
            (StatusCode::UNAUTHORIZED, "Sign in first.").into_response()
        }
        // A password an administrator reset must be replaced before anything else.
        Some(who) if who.user.must_change_password && !changes_password(req.uri().path()) => {
            if is_page {
                Redirect::to(accounts_paths::ACCOUNT).into_response()
            } else {
                forbidden()
            }
        }
        Some(who) if allowed(who.user.role, access) => next.run(req).await,
        // A group's organiser or volunteer signing in lands on the staff dashboard's
        // address by default: their own home is their group's page.
        Some(who)
            if is_page
                && req.uri().path() == officer_paths::OFFICER
                && allowed(who.user.role, Access::GroupPeople) =>
        {
            Redirect::to(crate::groups::paths::GROUP).into_response()
        }
        Some(_) => {
            log_refusal(Refusal::Forbidden, &route_of(&req));
            forbidden()
        }
    }
}

/// Where someone who must choose a new password may still go.
fn changes_password(path: &str) -> bool {
    [
        accounts_paths::ACCOUNT,
        accounts_paths::ACCOUNT_PASSWORD,
        accounts_paths::SIGN_OUT,
        accounts_paths::ACCOUNT_PAGE_DATA,
    ]
    .contains(&path)
}

/// The page for an address that does not exist (or is refused as if it did not).
pub fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(super::forms::plain_page(
            "Page not found",
            "<p>If you typed the web address, check it is correct.</p><p>If you pasted the web address, check you copied the entire address.</p><p><a href=\"/\">Go to the list of surveys</a></p>",
        )),
    )
        .into_response()
}

/// The answer when something on Kiln's side failed (logged where it happened): plain text,
/// nothing of the failure shown.
pub fn service_problem() -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Sorry, there is a problem with the service.",
    )
        .into_response()
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

/// The route's pattern when the router has matched it, for logs: never the address itself,
/// which may hold a resume code.
pub fn route_of(req: &Request) -> String {
    req.extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into())
}

/// Refuses a state-changing request sent from another site: the browser says where a request
/// comes from (Origin, Sec-Fetch-Site), and a form on another site cannot fake either.
/// Origin is compared with the configured public address, never the request's own Host
/// header, which whoever sends the request chooses.
pub async fn same_origin(State(st): State<AppState>, req: Request<Body>, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !from_this_site(req.headers(), &st.auth.public_url) {
        log_refusal(Refusal::CrossSite, &route_of(&req));
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

pub fn from_this_site(headers: &HeaderMap, public: &url::Url) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => url::Url::parse(origin).is_ok_and(|o| same_or_loopback(&o, public)),
    }
}

/// The same origin as the public address. On a developer's machine (the public address is
/// a loopback one) `localhost` and `127.0.0.1` on the same port are the same place.
fn same_or_loopback(origin: &url::Url, public: &url::Url) -> bool {
    if origin.origin() == public.origin() {
        return true;
    }
    let loopback = |u: &url::Url| match u.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    loopback(origin)
        && loopback(public)
        && origin.scheme() == public.scheme()
        && origin.port_or_known_default() == public.port_or_known_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_site_posts_are_recognised() {
        let h = |pairs: &[(&'static str, &'static str)]| {
            let mut m = HeaderMap::new();
            for (k, v) in pairs {
                m.insert(*k, HeaderValue::from_static(v));
            }
            m
        };
        let public = url::Url::parse("https://kiln.test").unwrap();
        let ok = |pairs: &[(&'static str, &'static str)]| from_this_site(&h(pairs), &public);
        assert!(ok(&[("host", "kiln.test")]));
        assert!(ok(&[
            ("host", "kiln.test"),
            ("origin", "https://kiln.test")
        ]));
        assert!(!ok(&[
            ("host", "kiln.test"),
            ("origin", "https://evil.test")
        ]));
        assert!(!ok(&[("host", "kiln.test"), ("origin", "null")]));
        assert!(!ok(&[
            ("host", "kiln.test"),
            ("sec-fetch-site", "cross-site")
        ]));
        assert!(ok(&[
            ("host", "kiln.test"),
            ("sec-fetch-site", "same-origin")
        ]));
        // The Host header is the sender's to choose: a matching one proves nothing.
        assert!(!ok(&[
            ("host", "evil.test"),
            ("origin", "https://evil.test")
        ]));
        assert!(!ok(&[("origin", "http://kiln.test")]));

        let local = url::Url::parse("http://127.0.0.1:3000").unwrap();
        let origin = |o: &'static str| from_this_site(&h(&[("origin", o)]), &local);
        assert!(origin("http://localhost:3000"));
        assert!(origin("http://127.0.0.1:3000"));
        assert!(!origin("http://localhost:4000"));
        assert!(!origin("http://evil.test:3000"));
    }

    #[test]
    fn the_client_is_the_address_the_outermost_trusted_proxy_saw() {
        let h = |xff: &'static str| {
            let mut m = HeaderMap::new();
            m.insert("x-forwarded-for", HeaderValue::from_static(xff));
            m
        };
        let peer = Some("10.0.0.2".parse().unwrap());
        // One proxy: the last entry is the one it added; the client's own entries are ignored.
        assert_eq!(
            client_ip(&h("6.6.6.6, 203.0.113.9"), peer, 1),
            "203.0.113.9"
        );
        // Two proxies: the second from the right.
        assert_eq!(
            client_ip(&h("6.6.6.6, 203.0.113.9, 10.0.0.1"), peer, 2),
            "203.0.113.9"
        );
        // No trusted proxies, or a header shorter than the chain: the connection's address.
        assert_eq!(client_ip(&h("203.0.113.9"), peer, 0), "10.0.0.2");
        assert_eq!(client_ip(&h("203.0.113.9"), peer, 2), "10.0.0.2");
        assert_eq!(client_ip(&HeaderMap::new(), peer, 1), "10.0.0.2");
        assert_eq!(client_ip(&h("not an address"), peer, 1), "10.0.0.2");
    }
}

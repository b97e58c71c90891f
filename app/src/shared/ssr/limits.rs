//! Rate limits kept in memory only (no client address is ever stored): the anonymous survey
//! endpoints per client address and overall, and the log lines and audit rows that refusals
//! write, so that an attack cannot fill the log or the audit table.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

use sea_orm::DatabaseConnection;

use super::auth::ClientIp;
use super::AppState;

/// Each limit is a count a minute, all of which may come at once. The defaults let a
/// community event's whole room answer over one venue's Wi-Fi, and stop one script from
/// stuffing the results the council publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurveyLimits {
    /// New responses started, per client address.
    pub starts_per_minute: u32,
    /// Sections saved and responses sent, per client address.
    pub posts_per_minute: u32,
    /// Resume codes tried, per client address.
    pub resumes_per_minute: u32,
    /// New responses started, from everyone together.
    pub new_drafts_per_minute: u32,
}

impl Default for SurveyLimits {
    fn default() -> Self {
        SurveyLimits {
            starts_per_minute: 30,
            posts_per_minute: 300,
            resumes_per_minute: 10,
            new_drafts_per_minute: 600,
        }
    }
}

fn per_minute(n: u32) -> Quota {
    let n = NonZeroU32::new(n.max(1)).expect("at least 1");
    Quota::per_minute(n).allow_burst(n)
}

/// The survey's rate limits. With one process (SQLite) they are counted in its memory; with
/// several processes on one PostgreSQL database, in the database (`store::rate_counts`), so a
/// client gets each limit once however many processes a proxy spreads its requests over.
pub struct Limiters {
    limits: SurveyLimits,
    counter: Counter,
    /// One audit row a minute per account and address for refused sign-ins (per process:
    /// it only keeps a flood out of the audit table).
    refusal_audit: DefaultKeyedRateLimiter<(String, String)>,
}

// One a process: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Counter {
    Memory {
        starts: DefaultKeyedRateLimiter<String>,
        posts: DefaultKeyedRateLimiter<String>,
        resumes: DefaultKeyedRateLimiter<String>,
        new_drafts: DefaultDirectRateLimiter,
    },
    /// Counted under a keyed hash of the limit and the client's address, never the address.
    Database { key: Arc<Vec<u8>> },
}

impl Limiters {
    /// Limits counted in this process's memory: right for one process.
    pub fn in_memory(l: SurveyLimits) -> Self {
        Limiters {
            limits: l,
            counter: Counter::Memory {
                starts: RateLimiter::keyed(per_minute(l.starts_per_minute)),
                posts: RateLimiter::keyed(per_minute(l.posts_per_minute)),
                resumes: RateLimiter::keyed(per_minute(l.resumes_per_minute)),
                new_drafts: RateLimiter::direct(per_minute(l.new_drafts_per_minute)),
            },
            refusal_audit: RateLimiter::keyed(per_minute(1)),
        }
    }

    /// Limits counted in the shared database, hashing addresses with `key` (a secret every
    /// process shares).
    pub fn in_database(l: SurveyLimits, key: Arc<Vec<u8>>) -> Self {
        Limiters {
            limits: l,
            counter: Counter::Database { key },
            refusal_audit: RateLimiter::keyed(per_minute(1)),
        }
    }

    /// Counts a request against `limit` for this address; whether it is allowed. If the
    /// database cannot count it, the request is let through: the handler behind reports the
    /// database's trouble better than a "try again in a minute" would.
    async fn allows(&self, db: &DatabaseConnection, limit: Limit, ip: &str, now: i64) -> bool {
        let l = &self.limits;
        match &self.counter {
            Counter::Memory {
                starts,
                posts,
                resumes,
                new_drafts,
            } => {
                let ip = ip.to_string();
                match limit {
                    Limit::Start => starts.check_key(&ip).is_ok() && new_drafts.check().is_ok(),
                    Limit::Post => posts.check_key(&ip).is_ok(),
                    Limit::Resume => resumes.check_key(&ip).is_ok(),
                }
            }
            Counter::Database { key } => {
                let per_minute = match limit {
                    Limit::Start => l.starts_per_minute,
                    Limit::Post => l.posts_per_minute,
                    Limit::Resume => l.resumes_per_minute,
                };
                let within = |counted_as: String, per_minute: u32| async move {
                    let counted = store::rate_counts::count(db, &counted_as, now).await;
                    match counted {
                        Ok(c) => c.within(per_minute, now),
                        Err(e) => {
                            tracing::warn!(error = %e, "could not count a request for its rate limit");
                            true
                        }
                    }
                };
                within(hashed(key, limit.key(), Some(ip)), per_minute).await
                    && (limit != Limit::Start
                        || within(hashed(key, "new_drafts", None), l.new_drafts_per_minute).await)
            }
        }
    }

    /// Whether a refused sign-in for this account from this address should be audited now.
    pub fn audit_refusal(&self, email: &str, ip: &str) -> bool {
        self.refusal_audit
            .check_key(&(email.to_string(), ip.to_string()))
            .is_ok()
    }

    /// Forgets addresses not seen for a while, so memory stays bounded.
    pub fn forget_idle(&self) {
        if let Counter::Memory {
            starts,
            posts,
            resumes,
            ..
        } = &self.counter
        {
            for keyed in [starts, posts, resumes] {
                keyed.retain_recent();
                keyed.shrink_to_fit();
            }
        }
        self.refusal_audit.retain_recent();
        self.refusal_audit.shrink_to_fit();
    }

    /// Whether the counts are in the database (and so need pruning there).
    pub fn in_database_counts(&self) -> bool {
        matches!(self.counter, Counter::Database { .. })
    }
}

/// The key a count is kept under: a keyed hash of the limit's name and the client's address,
/// so the table holds no address and one cannot be guessed from it.
fn hashed(key: &[u8], name: &str, ip: Option<&str>) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).expect("any key length");
    mac.update(name.as_bytes());
    if let Some(ip) = ip {
        mac.update(b"\0");
        mac.update(ip.as_bytes());
    }
    let digest = mac.finalize().into_bytes();
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("{name}:{hex}")
}

/// Which limit a survey form post counts against, by its route.
fn limit_for(route: &str) -> Option<Limit> {
    use crate::survey::paths::{BEGIN, RESUME, SECTION, SUBMIT};
    match route {
        BEGIN => Some(Limit::Start),
        // Trying access codes is like trying resume codes.
        RESUME | crate::survey::paths::TAKE_PART => Some(Limit::Resume),
        // Trying kiosk codes, or organisers' passwords to leave a kiosk.
        crate::kiosk::paths::KIOSK | crate::kiosk::paths::KIOSK_LEAVE => Some(Limit::Resume),
        crate::kiosk::paths::KIOSK_START | crate::kiosk::paths::KIOSK_ANSWERS => Some(Limit::Post),
        SECTION | SUBMIT => Some(Limit::Post),
        // Asking for results updates sends an email: as tight as guessing resume codes.
        crate::updates::paths::UPDATES | crate::updates::paths::PANEL => Some(Limit::Resume),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Limit {
    Start,
    Post,
    Resume,
}

impl Limit {
    fn key(self) -> &'static str {
        match self {
            Limit::Start => "start",
            Limit::Post => "post",
            Limit::Resume => "resume",
        }
    }
}

/// Middleware on the survey form routes: refuses a post over its limit with a plain page.
pub async fn survey_limit(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let limit = (req.method() == Method::POST)
        .then(|| limit_for(&route))
        .flatten();
    if let Some(limit) = limit {
        let ip = req
            .extensions()
            .get::<ClientIp>()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        if !st.limits.allows(&st.db, limit, &ip, st.clock.now()).await {
            log_refusal(Refusal::RateLimited, &route);
            return too_many_requests();
        }
    }
    next.run(req).await
}

fn too_many_requests() -> Response {
    let body = super::forms::plain_page(
        "Please try again in a minute",
        "<p>A lot of answers have come from your connection in the last minute, so we have paused for a moment. Nothing you have already saved has been lost.</p><p>Go back, wait a minute and try again.</p>",
    );
    let mut res = (StatusCode::TOO_MANY_REQUESTS, Html(body)).into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    res
}

/// Why a request was refused, for the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not signed in with a role that may use the address.
    Forbidden,
    /// A form's CSRF token did not belong to the session.
    Csrf,
    /// A post that came from another site.
    CrossSite,
    /// Over a rate limit.
    RateLimited,
    /// A sign-in refused by the throttle.
    SignInThrottled,
    /// An address that no route declares, or that is not in its plain form.
    UndeclaredPath,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::Forbidden => "forbidden",
            Refusal::Csrf => "csrf",
            Refusal::CrossSite => "cross_site",
            Refusal::RateLimited => "rate_limited",
            Refusal::SignInThrottled => "sign_in_throttled",
            Refusal::UndeclaredPath => "undeclared_path",
        }
    }
}

struct RefusalLog {
    limiter: DefaultDirectRateLimiter,
    suppressed: AtomicU64,
}

/// Logs a refused request as a structured event (`kind`, `route`: the route's pattern, never
/// the address, which may hold a resume code), at most 60 a minute; the next line logged
/// says how many were left out meanwhile.
pub fn log_refusal(kind: Refusal, route: &str) {
    static LOG: OnceLock<RefusalLog> = OnceLock::new();
    let log = LOG.get_or_init(|| RefusalLog {
        limiter: RateLimiter::direct(per_minute(60)),
        suppressed: AtomicU64::new(0),
    });
    if log.limiter.check().is_ok() {
        let suppressed = log.suppressed.swap(0, Ordering::Relaxed);
        tracing::warn!(
            target: "kiln::refused",
            kind = kind.key(),
            route,
            suppressed,
            "refused a request"
        );
    } else {
        log.suppressed.fetch_add(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_survey_post_counts_against_one_limit() {
        assert_eq!(limit_for("/surveys/{survey}/begin"), Some(Limit::Start));
        assert_eq!(limit_for("/resume"), Some(Limit::Resume));
        assert_eq!(
            limit_for("/surveys/{survey}/r/{code}/section/{n}"),
            Some(Limit::Post)
        );
        assert_eq!(
            limit_for("/surveys/{survey}/r/{code}/submit"),
            Some(Limit::Post)
        );
        assert_eq!(limit_for("/sign-in"), None);
    }

    #[test]
    fn a_limit_allows_a_minute_at_once_then_refuses() {
        let l = per_minute(3);
        let l: DefaultKeyedRateLimiter<&str> = RateLimiter::keyed(l);
        for _ in 0..3 {
            assert!(l.check_key(&"a").is_ok());
        }
        assert!(l.check_key(&"a").is_err());
        // Another address is not affected.
        assert!(l.check_key(&"b").is_ok());
    }

    #[test]
    fn counts_are_kept_under_a_hash_not_the_address() {
        let key = hashed(b"secret", "start", Some("203.0.113.9"));
        assert!(key.starts_with("start:"));
        assert!(!key.contains("203.0.113.9"));
        assert_ne!(key, hashed(b"other", "start", Some("203.0.113.9")));
        assert_ne!(key, hashed(b"secret", "post", Some("203.0.113.9")));
        assert_eq!(key.len(), "start:".len() + 32);
    }
}

//! Who may use each address. Every route declares its access in its feature's `paths`
//! (`ACCESS`, gathered in `crate::ACCESS`); a request to an address
//! that no route declares, or that is not in its plain form, is refused before any handler
//! runs. Roles are matched without wildcards, so adding a role does not compile until every
//! decision about it has been made. Handlers check again through typed extractors
//! (`Signed<Staff>`, `Signed<Administrators>`): a handler for a role only exists for it.

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::MethodRouter;
use axum::Router;

use super::auth::{forbidden, ClientIp, SignedIn};
use super::AppState;

pub use crate::shared::access::{allowed, Access};
use crate::shared::address::matches;

/// Every address pattern Kiln serves, with who may use it, from every feature's `ACCESS`.
pub fn declared_routes() -> impl Iterator<Item = &'static (&'static str, Access)> {
    crate::ACCESS.iter().flat_map(|feature| feature.iter())
}

/// The access an address pattern declares (for the router's own check).
pub fn declared(pattern: &str) -> Option<Access> {
    declared_routes()
        .find(|(p, _)| *p == pattern)
        .map(|(_, a)| *a)
}

/// Why an address is refused before its access is even looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotPlain {
    /// `//`, a trailing `/`, `.` or `..` segments, a backslash or a control character.
    Shape,
    /// A dot, slash or backslash hidden by percent-encoding.
    Encoded,
}

/// Checks an address is in its one plain form, so that `..`, `%2e`, `//` or a trailing
/// slash cannot make one address look like another to the access check and the router.
pub fn plain(path: &str) -> Result<(), NotPlain> {
    if !path.starts_with('/') || (path.len() > 1 && path.ends_with('/')) {
        return Err(NotPlain::Shape);
    }
    if path.contains("//") || path.contains('\\') || path.chars().any(|c| c.is_control()) {
        return Err(NotPlain::Shape);
    }
    if path.split('/').any(|s| s == "." || s == "..") {
        return Err(NotPlain::Shape);
    }
    let lower = path.to_ascii_lowercase();
    if ["%2e", "%2f", "%5c", "%00"]
        .iter()
        .any(|e| lower.contains(e))
    {
        return Err(NotPlain::Encoded);
    }
    Ok(())
}

/// Who may use an address: None when it is not plain or no route declares it.
pub fn access_for(path: &str) -> Option<Access> {
    plain(path).ok()?;
    declared_routes()
        .find(|(p, _)| matches(p, path))
        .map(|(_, a)| *a)
}

/// A router that remembers the patterns it serves, so that the server can check each one
/// declares its access and the tests can walk them all.
pub struct Routes {
    router: Router<AppState>,
    patterns: Vec<&'static str>,
}

impl Default for Routes {
    fn default() -> Self {
        Routes {
            router: Router::new(),
            patterns: Vec::new(),
        }
    }
}

impl Routes {
    pub fn route(mut self, pattern: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.patterns.push(pattern);
        self.router = self.router.route(pattern, handler);
        self
    }

    pub fn merge(mut self, other: Routes) -> Self {
        self.patterns.extend(other.patterns);
        self.router = self.router.merge(other.router);
        self
    }

    pub fn patterns(&self) -> &[&'static str] {
        &self.patterns
    }

    /// The router, with `f` applied (a layer on these routes only, say).
    pub fn map_router(mut self, f: impl FnOnce(Router<AppState>) -> Router<AppState>) -> Self {
        self.router = f(self.router);
        self
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

/// A role gate for typed extractors.
pub trait Gate {
    const ACCESS: Access;
}

/// Anyone signed in: their own account.
pub struct AnyAccount;
impl Gate for AnyAccount {
    const ACCESS: Access = Access::SignedIn;
}

/// A community group's organisers and volunteers.
pub struct GroupPeople;
impl Gate for GroupPeople {
    const ACCESS: Access = Access::GroupPeople;
}

/// A community group's organisers.
pub struct Organisers;
impl Gate for Organisers {
    const ACCESS: Access = Access::Organisers;
}

/// Officers and administrators.
pub struct Staff;
impl Gate for Staff {
    const ACCESS: Access = Access::Staff;
}

/// Administrators only.
pub struct Administrators;
impl Gate for Administrators {
    const ACCESS: Access = Access::Administrators;
}

/// A signed-in person whose role passes the gate `G`, and their address. A handler that
/// takes it cannot run for anyone else, whatever the address-level check decided.
pub struct Signed<G> {
    pub who: SignedIn,
    pub ip: String,
    _gate: PhantomData<G>,
}

impl<G> Signed<G> {
    pub fn actor(&self) -> store::audit::Actor {
        self.who.actor(&self.ip)
    }
}

/// The signed-in person on a request, if their role passes `access`.
pub fn signed_for(
    parts_ext: &axum::http::Extensions,
    access: Access,
) -> Option<(SignedIn, String)> {
    let who = parts_ext.get::<SignedIn>().cloned()?;
    if !allowed(who.user.role, access) {
        return None;
    }
    let ip = parts_ext
        .get::<ClientIp>()
        .map(|c| c.0.clone())
        .unwrap_or_default();
    Some((who, ip))
}

impl<G: Gate + Send + Sync, S: Send + Sync> FromRequestParts<S> for Signed<G> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let (who, ip) = signed_for(&parts.extensions, G::ACCESS).ok_or_else(forbidden)?;
        Ok(Signed {
            who,
            ip,
            _gate: PhantomData,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_matched_to_their_declared_routes() {
        assert_eq!(access_for("/"), Some(Access::Anyone));
        assert_eq!(access_for("/results/wellbeing/2026"), Some(Access::Anyone));
        assert_eq!(access_for("/officer"), Some(Access::Staff));
        assert_eq!(
            access_for("/officer/wellbeing/x/indicators.csv"),
            Some(Access::Staff)
        );
        assert_eq!(access_for("/api/officer/overview"), Some(Access::Staff));
        assert_eq!(access_for("/admin/users"), Some(Access::Administrators));
        assert_eq!(access_for("/api/admin/users"), Some(Access::Administrators));
        assert_eq!(access_for("/pkg/kiln.css"), Some(Access::Anyone));
        // Nothing declares these.
        assert_eq!(access_for("/officers-guide"), None);
        assert_eq!(access_for("/admin"), None);
        assert_eq!(access_for("/api/unknown"), None);
        assert_eq!(access_for("/pkg"), None);
    }

    #[test]
    fn only_plain_addresses_are_let_in() {
        for bad in [
            "/admin/users/",
            "//admin/users",
            "/officer/../admin/users",
            "/admin/./users",
            "/officer/%2e%2e/admin/users",
            "/officer/%2E%2E/admin/users",
            "/admin%2fusers",
            "/admin\\users",
            "/admin/users\t",
        ] {
            assert!(access_for(bad).is_none(), "{bad:?}");
        }
        // Case is part of the address: /ADMIN is not /admin, and nothing declares it.
        assert_eq!(access_for("/ADMIN/users"), None);
        assert_eq!(access_for("/Officer"), None);
    }

    #[test]
    fn every_role_is_decided_for_every_access() {
        use domain::accounts::Role;
        assert!(allowed(Role::Officer, Access::Staff));
        assert!(!allowed(Role::Officer, Access::Administrators));
        assert!(allowed(Role::Administrator, Access::Administrators));
        for r in Role::ALL {
            assert!(allowed(r, Access::Anyone));
            assert!(allowed(r, Access::SignedIn));
            // Staff pages and group pages never overlap: an administrator has no group.
            assert_ne!(allowed(r, Access::Staff), allowed(r, Access::GroupPeople));
        }
        assert!(allowed(Role::Volunteer, Access::GroupPeople));
        assert!(!allowed(Role::Volunteer, Access::Organisers));
        assert!(allowed(Role::Organiser, Access::Organisers));
        assert!(!allowed(Role::Administrator, Access::Organisers));
    }
}

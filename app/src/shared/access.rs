//! Who may reach an address: each feature's `paths` declares it for every address it
//! serves (`ACCESS`), beside the addresses themselves.

use domain::accounts::Role;

/// Who may reach an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Anyone,
    /// Council staff: officers and administrators.
    Staff,
    Administrators,
}

/// Whether someone with `role` may use an address declared `access`.
pub fn allowed(role: Role, access: Access) -> bool {
    match access {
        Access::Anyone => true,
        Access::Staff => match role {
            Role::Administrator | Role::Officer => true,
        },
        Access::Administrators => match role {
            Role::Administrator => true,
            Role::Officer => false,
        },
    }
}

/// One feature's addresses (axum's syntax: `{name}` is one segment, `{*rest}` the rest), with
/// who may use each.
pub type Declared = &'static [(&'static str, Access)];

/// The site's own files and the health check.
pub const SITE: Declared = &[
    (SITE_FILES, Access::Anyone),
    (HEALTH, Access::Anyone),
    (FAVICON, Access::Anyone),
];
/// Asked for by browsers and bookmarks whatever the page says.
pub const FAVICON: &str = "/favicon.ico";
pub const SITE_FILES: &str = "/pkg/{*file}";
pub const HEALTH: &str = "/healthz";

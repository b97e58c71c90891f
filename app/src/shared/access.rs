//! Who may reach an address: each feature's `paths` declares it for every address it
//! serves (`ACCESS`), beside the addresses themselves.

use domain::accounts::Role;

/// Who may reach an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Anyone,
    /// Anyone signed in, whatever their role: their own account and signing out.
    SignedIn,
    /// Council staff: officers and administrators.
    Staff,
    Administrators,
    /// A community group's organisers and volunteers (each sees only their own group).
    GroupPeople,
    /// A community group's organisers.
    Organisers,
}

/// Whether someone with `role` may use an address declared `access`. Every pair is written
/// out: a new role does not compile until each decision about it is made.
pub fn allowed(role: Role, access: Access) -> bool {
    use Role::*;
    match access {
        Access::Anyone | Access::SignedIn => true,
        Access::Staff => match role {
            Administrator | Officer => true,
            Organiser | Volunteer => false,
        },
        Access::Administrators => match role {
            Administrator => true,
            Officer | Organiser | Volunteer => false,
        },
        Access::GroupPeople => match role {
            Organiser | Volunteer => true,
            Administrator | Officer => false,
        },
        Access::Organisers => match role {
            Organiser => true,
            Administrator | Officer | Volunteer => false,
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
    (BRAND_FILES, Access::Anyone),
    (MASTHEAD, Access::Anyone),
];
/// Asked for by browsers and bookmarks whatever the page says.
pub const FAVICON: &str = "/favicon.ico";
pub const SITE_FILES: &str = "/pkg/{*file}";
/// The header's server function (`shared::masthead`).
pub const MASTHEAD: &str = "/api/site/masthead";
/// The council's stylesheet and logo, from configuration (`shared::ssr::brand`).
pub const BRAND_FILES: &str = "/brand/{file}";
pub const HEALTH: &str = "/healthz";

//! What the accounts pages receive.

use serde::{Deserialize, Serialize};

use crate::shared::Viewer;

/// The sign-in form's token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignInView {
    pub token: String,
    /// What was typed, when the form came back refused.
    pub typed: crate::shared::Typed,
}

/// One of a person's sessions, as their account page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRow {
    pub id: i32,
    pub started: String,
    pub last_active: String,
    /// The session this page was loaded in.
    pub current: bool,
}

/// A person's own account page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub viewer: Viewer,
    pub sessions: Vec<SessionRow>,
    /// An administrator reset the password: choosing a new one comes first.
    pub must_change_password: bool,
    pub two_factor: bool,
    pub recovery_codes_left: u64,
}

/// Setting up two-factor sign-in: the secret to type or scan, and the recovery codes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoFactorSetupView {
    /// In groups of four, for typing.
    pub secret: String,
    /// The QR code of the app's set-up address, as SVG made on the server.
    pub qr_svg: String,
    pub recovery_codes: Vec<String>,
    /// Where the form posts: the sign-in step, or the account page's.
    pub action: String,
    /// Part of signing in (no session yet), not a change from the account page.
    pub at_sign_in: bool,
    /// The account page's CSRF token (empty at sign-in, where the pending cookie stands in).
    pub csrf: String,
}

/// "Forgotten your password?"
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForgottenView {
    pub token: String,
    pub typed: crate::shared::Typed,
    /// How long the emailed link works.
    pub minutes: u32,
}

/// The page an emailed reset link opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResetView {
    /// The link is live (not used, not expired). Looking does not use it.
    pub works: bool,
    pub token: String,
}

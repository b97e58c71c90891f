//! Every address of the accounts feature: the routers, the access table and the links all
//! use these patterns, so none is written twice.

use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const SIGN_IN: &str = "/sign-in";
/// The second step of signing in: the handlers need the signed pending cookie.
pub const SIGN_IN_CODE: &str = "/sign-in/code";
pub const SIGN_IN_SET_UP: &str = "/sign-in/two-factor";
pub const SIGN_OUT: &str = "/sign-out";
/// "Forgotten your password?": asks for an address and emails a link.
pub const FORGOTTEN: &str = "/sign-in/forgotten";
/// Where an emailed reset link leads: opening it shows a form; only sending it uses the link.
pub const RESET_PASSWORD: &str = "/reset-password/{token}";
/// Where an emailed invitation leads: choosing a first password.
pub const INVITATION: &str = "/invitation/{token}";
pub const ACCOUNT: &str = "/account";
pub const ACCOUNT_TWO_FACTOR: &str = "/account/two-factor";
pub const ACCOUNT_PASSWORD: &str = "/account/password";
pub const ACCOUNT_END_OTHERS: &str = "/account/sessions/end-others";
pub const ACCOUNT_END_SESSION: &str = "/account/sessions/{id}/end";
/// The server functions behind the sign-in pages, and behind the account pages.
pub const SIGN_IN_DATA: &str = "/api/sign-in";
pub const SIGN_IN_DATA_ANY: &str = "/api/sign-in/{*fn}";
pub const ACCOUNT_DATA: &str = "/api/account/{*fn}";
/// The account page's own data, which a person who must change their password may still load.
pub const ACCOUNT_PAGE_DATA: &str = "/api/account/page";

pub fn reset_password(token: &str) -> String {
    fill(RESET_PASSWORD, &[token])
}

pub fn invitation(token: &str) -> String {
    fill(INVITATION, &[token])
}

pub fn account_end_session(id: i32) -> String {
    fill(ACCOUNT_END_SESSION, &[&id.to_string()])
}

/// Who may use each address of accounts.
pub const ACCESS: Declared = &[
    (SIGN_IN, Anyone),
    (SIGN_IN_CODE, Anyone),
    (SIGN_IN_SET_UP, Anyone),
    (SIGN_IN_DATA, Anyone),
    (SIGN_IN_DATA_ANY, Anyone),
    (FORGOTTEN, Anyone),
    (RESET_PASSWORD, Anyone),
    (INVITATION, Anyone),
    (SIGN_OUT, SignedIn),
    (ACCOUNT, SignedIn),
    (ACCOUNT_TWO_FACTOR, SignedIn),
    (ACCOUNT_PASSWORD, SignedIn),
    (ACCOUNT_END_OTHERS, SignedIn),
    (ACCOUNT_END_SESSION, SignedIn),
    (ACCOUNT_DATA, SignedIn),
];

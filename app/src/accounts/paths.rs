//! Every address of the accounts feature: the route table, the form routers and the links
//! all use these, so none is written twice.

use crate::shared::access::{Access::*, Declared};

pub const SIGN_IN: &str = "/sign-in";
pub const SIGN_OUT: &str = "/sign-out";
pub const ACCOUNT: &str = "/account";
pub const ACCOUNT_TWO_FACTOR: &str = "/account/two-factor";
pub const SIGN_IN_CODE: &str = "/sign-in/code";
pub const SIGN_IN_SET_UP: &str = "/sign-in/two-factor";
pub const ACCOUNT_PASSWORD: &str = "/account/password";
pub const ACCOUNT_END_OTHERS: &str = "/account/sessions/end-others";
pub fn account_end_session(id: i32) -> String {
    format!("/account/sessions/{id}/end")
}

/// Who may use each address of accounts.
pub const ACCESS: Declared = &[
    ("/sign-in", Anyone),
    // The second step of signing in: the handlers need the signed pending cookie.
    ("/sign-in/code", Anyone),
    ("/sign-in/two-factor", Anyone),
    ("/api/sign-in", Anyone),
    ("/api/sign-in/{*fn}", Anyone),
    ("/sign-out", Staff),
    ("/account", Staff),
    ("/account/two-factor", Staff),
    ("/account/password", Staff),
    ("/account/sessions/end-others", Staff),
    ("/account/sessions/{id}/end", Staff),
    ("/api/account/{*fn}", Staff),
    ("/admin/users/{id}/two-factor-off", Administrators),
];

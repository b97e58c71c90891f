//! Accounts: signing in and out, the second step (a code from an authenticator app, or
//! setting one up), and a person's own account page (password, two-factor sign-in,
//! sessions). Its pages, server functions, wire types, form handlers and addresses live
//! here together.

pub mod api;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use pages::account::AccountPage;
use pages::reset::{ForgottenPage, InvitationPage, ResetPasswordPage};
use pages::sign_in::SignInPage;
use pages::two_factor::{SignInCodePage, TwoFactorSetupPage};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn AccountRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
        <Route path=path!("/sign-in/code") view=SignInCodePage ssr=SsrMode::Async />
        <Route path=path!("/sign-in/two-factor") view=TwoFactorSetupPage ssr=SsrMode::Async />
        <Route path=path!("/sign-in/forgotten") view=ForgottenPage ssr=SsrMode::Async />
        <Route path=path!("/reset-password/:token") view=ResetPasswordPage ssr=SsrMode::Async />
        <Route path=path!("/invitation/:token") view=InvitationPage ssr=SsrMode::Async />
        <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
        <Route path=path!("/account/two-factor") view=TwoFactorSetupPage ssr=SsrMode::Async />
    }
    .into_inner()
}

//! Server functions that load the accounts pages. Thin, like every other: find the state,
//! call the view builder, map its errors.

use leptos::prelude::*;

use super::model::*;
#[cfg(feature = "ssr")]
use crate::shared::ssr::support;
use crate::shared::PageError;

#[server(endpoint = "account/page")]
pub async fn load_account() -> Result<AccountView, PageError> {
    let who = support::signed_in()?;
    super::ssr::views::account(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "sign-in/two-factor-setup")]
pub async fn load_two_factor_setup() -> Result<TwoFactorSetupView, PageError> {
    let parts = use_context::<http::request::Parts>().ok_or(PageError::Internal)?;
    super::ssr::views::two_factor_setup(&support::state()?, &parts)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "sign-in")]
pub async fn load_sign_in() -> Result<SignInView, PageError> {
    let st = support::state()?;
    Ok(SignInView {
        token: super::ssr::sign_in::sign_in_token(&st),
        typed: crate::shared::ssr::flash::take_typed(&st, super::paths::SIGN_IN),
    })
}

#[server(endpoint = "sign-in/forgotten")]
pub async fn load_forgotten() -> Result<ForgottenView, PageError> {
    let st = support::state()?;
    Ok(super::ssr::reset::forgotten_view(&st))
}

/// The page an emailed link opens: a reset link, or an invitation.
#[server(endpoint = "sign-in/reset")]
pub async fn load_reset(link: String, invitation: bool) -> Result<ResetView, PageError> {
    let st = support::state()?;
    super::ssr::reset::reset_view(&st, &link, invitation)
        .await
        .map_err(support::map_err)
}

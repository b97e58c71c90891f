//! The accounts pages' data, built on the server.

use super::super::model::*;
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::AppState;
use crate::shared::ssr::ViewError;

use crate::accounts::paths;
/// As the officers' pages show times.
use crate::shared::ssr::when::when;

/// Setting up two-factor sign-in, for a pending sign-in (an administrator's first) or for
/// someone signed in. The secret and codes are worked out from that sign-in or session, so
/// a reload shows the same ones.
pub async fn two_factor_setup(
    st: &AppState,
    parts: &http::request::Parts,
) -> Result<TwoFactorSetupView, ViewError> {
    use super::two_factor::{read_pending, Stage};
    use store::two_factor;
    let pending = read_pending(st, &parts.headers).filter(|p| p.stage == Stage::SetUp);
    let signed_in = parts.extensions.get::<SignedIn>();
    let (user_id, nonce, at_sign_in, csrf) = match (&pending, signed_in) {
        (Some(p), _) => (p.user_id, p.nonce.clone(), true, String::new()),
        (None, Some(who)) => (
            who.user.id,
            who.session_token.clone(),
            false,
            who.csrf.clone(),
        ),
        (None, None) => return Err(ViewError::Redirect(paths::SIGN_IN.to_string())),
    };
    let user = store::users::by_id(&st.db, user_id)
        .await?
        .ok_or(ViewError::NotFound)?;
    let (secret, recovery_codes) = two_factor::setup_material(&st.form_secret, user_id, &nonce);
    let uri = two_factor::setup_uri(&secret, &user.email).ok_or(ViewError::NotFound)?;
    let grouped = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(TwoFactorSetupView {
        secret: grouped,
        qr_svg: two_factor::qr_svg(&uri).unwrap_or_default(),
        recovery_codes,
        action: if at_sign_in {
            paths::SIGN_IN_SET_UP.to_string()
        } else {
            paths::ACCOUNT_TWO_FACTOR.to_string()
        },
        at_sign_in,
        csrf,
    })
}

pub async fn account(st: &AppState, who: &SignedIn) -> Result<AccountView, ViewError> {
    let sessions = store::sessions::of_user(&st.db, who.user.id)
        .await?
        .into_iter()
        .map(|s| SessionRow {
            id: s.id,
            started: when(s.created_at),
            last_active: when(s.last_seen_at),
            current: s.id == who.session_id,
        })
        .collect();
    Ok(AccountView {
        viewer: who.viewer(),
        sessions,
        must_change_password: who.user.must_change_password,
        two_factor: who.user.two_factor,
        recovery_codes_left: store::two_factor::recovery_codes_left(&st.db, who.user.id).await?,
    })
}

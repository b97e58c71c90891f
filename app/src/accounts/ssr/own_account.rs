//! A person's own account: change their password, see where they are signed in and end
//! those sessions. Every post is a `Posted<AnyAccount>` (signed in, CSRF checked).

use axum::extract::{Path, State};
use axum::response::Redirect;
use axum::routing::post;
use store::users::{self, ChangeProblems};

use crate::accounts::paths;
use crate::shared::ssr::access::{AnyAccount, Routes};
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{with_query, OfficerError, Posted};
use crate::shared::ssr::AppState;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::ACCOUNT_PASSWORD, post(change_password))
        .route(paths::ACCOUNT_END_OTHERS, post(end_others))
        .route(paths::ACCOUNT_END_SESSION, post(end_one))
}

async fn change_password(
    State(st): State<AppState>,
    p: Posted<AnyAccount>,
) -> Result<Redirect, OfficerError> {
    let current = field(&p.fields, "current").unwrap_or("");
    let new = field(&p.fields, "new").unwrap_or("");
    let confirm = field(&p.fields, "confirm").unwrap_or("");
    let outcome = users::change_password(
        &st.db,
        &p.actor(),
        p.who.user.id,
        p.who.session_id,
        current,
        new,
        confirm,
    )
    .await?;
    match outcome {
        Ok(()) => Ok(Redirect::to(&with_query(
            paths::ACCOUNT,
            &[("done", "password")],
        ))),
        // Codes only: no password ever goes into an address.
        Err(ChangeProblems { current, new }) => {
            let mut pairs = Vec::new();
            if let Some(c) = current {
                pairs.push(("e_current", c.code()));
            }
            if let Some(n) = new {
                pairs.push(("e_new", n.code()));
            }
            Ok(Redirect::to(&with_query(paths::ACCOUNT, &pairs)))
        }
    }
}

async fn end_one(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<AnyAccount>,
) -> Result<Redirect, OfficerError> {
    // Only the person's own sessions, and never the one in use (that is signing out).
    if id == p.who.session_id || !store::sessions::end_one(&st.db, p.who.user.id, id).await? {
        return Err(OfficerError::NotFound);
    }
    store::audit::record(
        &st.db,
        &p.actor(),
        domain::AuditAction::SessionsEnded,
        "one other session",
    )
    .await?;
    Ok(Redirect::to(&with_query(
        paths::ACCOUNT,
        &[("done", "session")],
    )))
}

async fn end_others(
    State(st): State<AppState>,
    p: Posted<AnyAccount>,
) -> Result<Redirect, OfficerError> {
    let n = store::sessions::end_others(&st.db, p.who.user.id, p.who.session_id).await?;
    store::audit::record(
        &st.db,
        &p.actor(),
        domain::AuditAction::SessionsEnded,
        &format!("every other session ({n})"),
    )
    .await?;
    Ok(Redirect::to(&with_query(
        paths::ACCOUNT,
        &[("done", "sessions")],
    )))
}

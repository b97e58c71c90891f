//! Single-use links emailed to staff: choosing a new password after "Forgotten your
//! password?", and choosing a first password from an invitation. The link carries a random token; the table keeps only its SHA-256, so a copy
//! of the database holds no working link. Opening a link changes nothing (council mail
//! systems open every link in an email to scan it); only sending the form with a new
//! password uses it.

use domain::accounts::{EmailAddress, PasswordProblem};
use domain::mail::Mail;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

use crate::audit::Actor;
use crate::entity::{account_link, app_user};
use crate::StoreError;

/// A new request within this long of the last unused link sends nothing more, so that
/// nobody can fill a colleague's inbox by asking again and again.
pub const RESEND_AFTER_SECONDS: i64 = 120;

const RESET: &str = "reset";

/// What a link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Reset,
    Invitation,
}

impl Purpose {
    fn key(self) -> &'static str {
        match self {
            Purpose::Reset => RESET,
            Purpose::Invitation => "invitation",
        }
    }
}

/// How long an invitation works.
pub const INVITATION_HOURS: u32 = 72;

use crate::tokens::{digest as token_hash, random as new_token};

/// A new link for the account, working for `lasts` seconds: its row id and its token (for
/// the email only; the row keeps the hash).
async fn new_link<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user_id: i32,
    purpose: Purpose,
    now: i64,
    lasts: i64,
) -> Result<(i32, String), StoreError> {
    let token = new_token();
    let row = account_link::ActiveModel {
        user_id: Set(user_id),
        purpose: Set(purpose.key().to_string()),
        token_hash: Set(token_hash(&token)),
        created_at: Set(now),
        expires_at: Set(now + lasts),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok((row.id, token))
}

/// "Forgotten your password?" for `email`. If an active account has that address, a link
/// valid for `minutes` is made and its email queued, in one transaction;
/// if not, nothing happens. The caller answers the same either way. True if a message was
/// queued, for the caller to wake its sender.
pub async fn request_reset(
    db: &DatabaseConnection,
    actor: &Actor,
    email: &EmailAddress,
    minutes: u32,
) -> Result<bool, StoreError> {
    let now = actor.at;
    let Some(user) = crate::users::find_by_email(db, email).await? else {
        return Ok(false);
    };
    if !user.active {
        return Ok(false);
    }
    let recent = account_link::Entity::find()
        .filter(account_link::Column::UserId.eq(user.id))
        .filter(account_link::Column::Purpose.eq(Purpose::Reset.key()))
        .filter(account_link::Column::UsedAt.is_null())
        .filter(account_link::Column::CreatedAt.gt(now - RESEND_AFTER_SECONDS))
        .order_by_desc(account_link::Column::Id)
        .one(db)
        .await?;
    if recent.is_some() {
        return Ok(false);
    }
    let txn = db.begin().await?;
    let (link, token) =
        new_link(&txn, user.id, Purpose::Reset, now, i64::from(minutes) * 60).await?;
    let mail = Mail::PasswordReset {
        name: user.name.clone(),
        token,
        minutes,
    };
    crate::outbox::enqueue(&txn, &format!("reset:{link}"), &user.email, &mail, now).await?;
    crate::audit::record(
        &txn,
        actor,
        domain::AuditAction::PasswordResetRequested,
        &user.email,
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Who is invited, as what, by whom.
pub struct Invitee<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub role: domain::accounts::Role,
    /// The group of an organiser or volunteer; None for council staff.
    pub group: Option<i32>,
    pub invited_by: &'a str,
}

/// Someone is invited (by an administrator, or a volunteer by their organiser): the
/// account (its password random and never told to anyone), a link valid for
/// `INVITATION_HOURS` and its email, in one transaction.
pub async fn invite(
    db: &DatabaseConnection,
    actor: &Actor,
    who: Invitee<'_>,
) -> Result<Result<crate::users::User, crate::users::UserProblems>, StoreError> {
    let Invitee {
        name,
        email,
        role,
        group,
        invited_by,
    } = who;
    let now = actor.at;
    let txn = db.begin().await?;
    let unusable = new_token();
    let created = crate::users::create(
        &txn,
        crate::users::NewUser {
            email,
            name,
            role,
            password: &unusable,
            must_change_password: false,
            group_id: group,
        },
        now,
    )
    .await?;
    let user = match created {
        crate::users::CreateOutcome::Created(u) => u,
        crate::users::CreateOutcome::Refused(p) => return Ok(Err(p)),
    };
    let lasts = i64::from(INVITATION_HOURS) * 3600;
    let (link, token) = new_link(&txn, user.id, Purpose::Invitation, now, lasts).await?;
    let mail = Mail::StaffInvitation {
        name: user.name.clone(),
        role: user.role.label().to_lowercase(),
        invited_by: invited_by.to_string(),
        token,
        hours: INVITATION_HOURS,
    };
    crate::outbox::enqueue(&txn, &format!("invitation:{link}"), &user.email, &mail, now).await?;
    crate::audit::record(
        &txn,
        actor,
        domain::AuditAction::UserInvited,
        &format!("{} ({})", user.email, user.role.label()),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(user))
}

/// The live link a token belongs to, if any: unknown, used and expired tokens are all
/// simply not found.
async fn live(
    db: &DatabaseConnection,
    purpose: Purpose,
    token: &str,
    now: i64,
) -> Result<Option<account_link::Model>, StoreError> {
    Ok(account_link::Entity::find()
        .filter(account_link::Column::TokenHash.eq(token_hash(token)))
        .filter(account_link::Column::Purpose.eq(purpose.key()))
        .filter(account_link::Column::UsedAt.is_null())
        .filter(account_link::Column::ExpiresAt.gt(now))
        .one(db)
        .await?)
}

/// Whether a link still works (for the page it opens; looking uses nothing up).
pub async fn link_works(
    db: &DatabaseConnection,
    purpose: Purpose,
    token: &str,
    now: i64,
) -> Result<bool, StoreError> {
    Ok(live(db, purpose, token, now).await?.is_some())
}

/// Why a password was not set from a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetProblem {
    /// Unknown, used or expired: the person asks for a new one.
    LinkDead,
    Password(PasswordProblem),
}

/// Sets a password from a reset link or an invitation. The link is used up in the same
/// transaction (only one of two sends at once succeeds), every session of the account ends,
/// and any password an administrator set need no longer be changed. Two-factor sign-in, if
/// on, stays on: the next sign-in still asks for a code (and an administrator's first
/// sign-in sets it up).
pub async fn choose_password(
    db: &DatabaseConnection,
    actor: &Actor,
    purpose: Purpose,
    token: &str,
    new: &str,
    confirm: &str,
) -> Result<Result<(), ResetProblem>, StoreError> {
    let now = actor.at;
    let Some(link) = live(db, purpose, token, now).await? else {
        return Ok(Err(ResetProblem::LinkDead));
    };
    let Some(user) = app_user::Entity::find_by_id(link.user_id).one(db).await? else {
        return Ok(Err(ResetProblem::LinkDead));
    };
    let email = EmailAddress::parse(&user.email).ok();
    let checked = match crate::passwords::check(new, email.as_ref()) {
        Err(p) => Err(p),
        Ok(()) if new != confirm => Err(PasswordProblem::Mismatch),
        Ok(()) => Ok(()),
    };
    if let Err(p) = checked {
        return Ok(Err(ResetProblem::Password(p)));
    }
    let hash = crate::users::hash_password_bounded(new.to_string()).await?;
    let txn = db.begin().await?;
    let used = account_link::Entity::update_many()
        .col_expr(
            account_link::Column::UsedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(account_link::Column::Id.eq(link.id))
        .filter(account_link::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Ok(Err(ResetProblem::LinkDead));
    }
    app_user::ActiveModel {
        id: Set(user.id),
        password_hash: Set(hash),
        must_change_password: Set(false),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    crate::sessions::end_all_for(&txn, user.id).await?;
    let audited = Actor {
        user_id: Some(user.id),
        label: user.email.clone(),
        ..actor.clone()
    };
    let action = match purpose {
        Purpose::Reset => domain::AuditAction::PasswordResetByLink,
        Purpose::Invitation => domain::AuditAction::InvitationAccepted,
    };
    crate::audit::record(&txn, &audited, action, "every session ended").await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// Deletes links that can no longer be used, a day after they stopped working.
pub async fn prune(db: &DatabaseConnection, now: i64) -> Result<(), StoreError> {
    account_link::Entity::delete_many()
        .filter(account_link::Column::ExpiresAt.lt(now - 24 * 60 * 60))
        .exec(db)
        .await?;
    Ok(())
}

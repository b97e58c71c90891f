//! Someone on an uploaded list asks for no more survey emails.

use super::*;

/// The invitation an uploaded list's leave link names, if its MAC is right.
pub(super) fn leave_id(secret: &[u8], token: &str) -> Option<i32> {
    unseal(secret, LEAVE, token)?.parse().ok()
}

/// Whether a list's leave link still has an address to stop.
pub async fn leave_works(
    db: &DatabaseConnection,
    secret: &[u8],
    token: &str,
) -> Result<bool, StoreError> {
    let Some(id) = leave_id(secret, token) else {
        return Ok(false);
    };
    Ok(invitation::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some_and(|r| r.email.is_some()))
}

/// Someone on an uploaded list asks for no more: their address is deleted from every
/// list at once, and kept only as a keyed hash so that no later upload invites it again.
pub async fn leave(
    db: &DatabaseConnection,
    secret: &[u8],
    token: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let Some(id) = leave_id(secret, token) else {
        return Ok(false);
    };
    let Some(email) = invitation::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|r| r.email)
    else {
        return Ok(false);
    };
    let txn = db.begin().await?;
    mail_suppression::Entity::insert(mail_suppression::ActiveModel {
        email_hash: Set(address_hash(secret, &email)),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(mail_suppression::Column::EmailHash)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    invitation::Entity::update_many()
        .col_expr(
            invitation::Column::Email,
            Expr::value(Option::<String>::None),
        )
        .filter(invitation::Column::Email.eq(email))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(true)
}

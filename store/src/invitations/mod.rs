//! Inviting residents to a wave: the residents' panel (all, or a sample stratified by ward)
//! or a list an officer uploads. Each invitee is emailed a single-use access code, made from
//! the invitation's id with a keyed hash (so a reminder can carry the same code) and stored
//! only as another keyed hash. Opening the code's link starts the survey; the code is spent
//! in the transaction that stores the response, and the invitation then records only the
//! date. Nothing the response or its draft holds leads back to the invitation: the code
//! travels in the resident's own browser (a cookie) between the two.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use domain::accounts::EmailAddress;
use domain::invitations::{allocate, ReminderDays};
use domain::mail::Mail;
use domain::AccessCode;
use rand::seq::SliceRandom;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, TransactionTrait,
};

use crate::audit::{self, Actor};
use crate::entity::{invitation, invitation_batch, mail_suppression, subscriber, survey, wave};
use crate::tokens::{issue, seal, unseal};
use crate::StoreError;

const CODE: &str = "access-code";
const CODE_HASH: &str = "access-code-hash";
const LEAVE: &str = "leave-invitation";
const SUPPRESS: &str = "suppressed-address";
const DAY: i64 = 24 * 60 * 60;

/// Where a batch of invitations came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Panel,
    List,
}

impl Source {
    fn key(self) -> &'static str {
        match self {
            Source::Panel => "panel",
            Source::List => "list",
        }
    }
}

/// Someone on an uploaded list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitee {
    pub email: EmailAddress,
    pub ward_code: Option<String>,
}

/// The code of invitation `id`: the same every time it is made, by no one without the key.
pub fn code_for(secret: &[u8], id: i32) -> AccessCode {
    use base64::Engine;
    let mac = issue(secret, &id.to_string(), CODE);
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(mac)
        .expect("issue gives base64");
    let mut first = [0u8; 16];
    first.copy_from_slice(&bytes[..16]);
    AccessCode::from_bytes(first)
}

/// What the database keeps of a code.
fn code_hash(secret: &[u8], code: &AccessCode) -> String {
    issue(secret, code.as_str(), CODE_HASH)
}

/// What the mail suppression list keeps of an address.
fn address_hash(secret: &[u8], email: &str) -> String {
    issue(secret, &email.to_lowercase(), SUPPRESS)
}

/// The invitation (reminder 0) or a reminder for one invitee.
fn message(
    secret: &[u8],
    s: &survey::Model,
    row: &invitation::Model,
    code: AccessCode,
    reminder: u8,
) -> Mail {
    let leave_token = match row.subscriber_id {
        Some(member) => crate::subscribers::leave_token(secret, member),
        None => seal(secret, LEAVE, &row.id.to_string()),
    };
    Mail::SurveyInvitation {
        survey: s.title.clone(),
        code: code.as_str().to_string(),
        leave_token,
        panel: row.subscriber_id.is_some(),
        reminder,
        minutes: s.minutes.max(1) as u32,
    }
}

/// What a typed or linked code leads to. Wrong and spent codes are one answer, so trying
/// codes tells nobody which ones were ever good.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Redeemed {
    /// Start this wave's survey.
    Start {
        wave_id: i32,
    },
    /// A good code for a wave that no longer takes answers.
    Closed {
        wave_id: i32,
    },
    NotValid,
}

pub async fn redeem<C: ConnectionTrait>(
    db: &C,
    secret: &[u8],
    code: &AccessCode,
) -> Result<Redeemed, StoreError> {
    let Some(row) = invitation::Entity::find()
        .filter(invitation::Column::CodeHash.eq(code_hash(secret, code)))
        .filter(invitation::Column::UsedOn.is_null())
        .one(db)
        .await?
    else {
        return Ok(Redeemed::NotValid);
    };
    Ok(
        if crate::drafts::wave_accepts_answers(db, row.wave_id).await? {
            Redeemed::Start {
                wave_id: row.wave_id,
            }
        } else {
            Redeemed::Closed {
                wave_id: row.wave_id,
            }
        },
    )
}

/// Spends a code inside the transaction that stores its response. A code spent already
/// (two unfinished responses started from one link) changes nothing: the answers are
/// still counted.
pub async fn spend<C: ConnectionTrait>(
    conn: &C,
    secret: &[u8],
    code: &AccessCode,
    today: NaiveDate,
) -> Result<bool, StoreError> {
    let done = invitation::Entity::update_many()
        .col_expr(invitation::Column::UsedOn, Expr::value(today))
        .filter(invitation::Column::CodeHash.eq(code_hash(secret, code)))
        .filter(invitation::Column::UsedOn.is_null())
        .exec(conn)
        .await?;
    Ok(done.rows_affected == 1)
}

/// When a wave closes: its uploaded addresses are deleted, and its invitations no longer
/// name panel members. What is left counts invitations, reminders and codes used, by ward.
pub async fn forget_addresses<C: ConnectionTrait>(
    conn: &C,
    wave_id: i32,
) -> Result<(), StoreError> {
    invitation::Entity::update_many()
        .col_expr(
            invitation::Column::Email,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            invitation::Column::SubscriberId,
            Expr::value(Option::<i32>::None),
        )
        .filter(invitation::Column::WaveId.eq(wave_id))
        .exec(conn)
        .await?;
    Ok(())
}

mod invite;
mod leaving;
mod progress;
mod reminders;

pub use invite::{invite_list, invite_panel, panel_members_left, InviteRefusal, Invited};
pub use leaving::{leave, leave_works};
pub use progress::{progress, Batch, WardCounts};
pub use reminders::remind_due;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_the_same_each_time_and_only_with_the_key() {
        assert_eq!(code_for(b"secret", 7), code_for(b"secret", 7));
        assert_ne!(code_for(b"secret", 7), code_for(b"secret", 8));
        assert_ne!(code_for(b"secret", 7), code_for(b"other", 7));
        let c = code_for(b"secret", 7);
        assert_ne!(code_hash(b"secret", &c), c.as_str());
    }

    #[test]
    fn a_list_leave_link_cannot_be_made_up() {
        let t = seal(b"secret", LEAVE, "42");
        assert_eq!(leaving::leave_id(b"secret", &t), Some(42));
        assert_eq!(
            leaving::leave_id(b"secret", &t.replacen("42.", "43.", 1)),
            None
        );
        // A panel member's leave link is not a list's.
        let panel = crate::subscribers::leave_token(b"secret", 42);
        assert_eq!(leaving::leave_id(b"secret", &panel), None);
    }
}

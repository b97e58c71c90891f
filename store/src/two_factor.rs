//! Two-factor sign-in for staff: a code from an authenticator app (TOTP, RFC 6238: SHA-1,
//! 6 digits, 30 seconds, one step either side for clock drift), each code accepted once,
//! and ten single-use recovery codes kept only as SHA-256 hashes.

use domain::AuditAction;
use rand::Rng;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition,
    DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use sha2::Sha256;
use totp_rs::{Secret, Totp};

use crate::audit::{self, Actor};
use crate::entity::{app_user, recovery_code};
use crate::StoreError;

/// How many recovery codes a person gets.
pub const RECOVERY_CODES: usize = 10;

/// No 0/O, 1/I/L or 5/S to misread when typing a code back in.
const CODE_ALPHABET: &[u8] = b"2346789ABCDEFGHJKMNPQRTUVWXYZ";

/// A new shared secret, base32 as authenticator apps take it.
pub fn new_secret() -> String {
    Secret::generate().to_base32()
}

/// The secret and recovery codes of one attempt to set up two-factor sign-in, worked out
/// from the server's key, the person and the attempt (`nonce`: their pending sign-in or
/// session). The same attempt always gets the same ones, so the page can be reloaded, or a
/// mistyped code tried again, without the secret ever travelling in a form or an address.
pub fn setup_material(key: &[u8], user_id: i32, nonce: &str) -> (String, Vec<String>) {
    use hmac::{Hmac, Mac};
    let derive = |label: &str| {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(format!("kiln two-factor set-up\0{user_id}\0{nonce}\0{label}").as_bytes());
        mac.finalize().into_bytes()
    };
    let secret = Secret::from(derive("secret")[..20].to_vec()).to_base32();
    let codes = (0..RECOVERY_CODES)
        .map(|i| {
            let bytes = derive(&format!("recovery {i}"));
            let c: String = bytes[..10]
                .iter()
                .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
                .collect();
            format!("{}-{}", &c[..5], &c[5..])
        })
        .collect();
    (secret, codes)
}

/// The code an app would show now (for tests, and for scripts that sign in).
pub fn current_code(secret: &str, now: i64) -> Option<String> {
    Some(totp(secret, "")?.generate(now as u64).to_string())
}

fn totp(secret: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret).ok()?;
    totp_rs::Builder::new()
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some("Kiln"))
        .build()
        .ok()
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn setup_uri(secret: &str, account: &str) -> Option<String> {
    totp(secret, account)?.to_url().ok()
}

/// The QR code of `uri` as SVG drawn with attributes only (the pages' CSP forbids inline
/// styles).
pub fn qr_svg(uri: &str) -> Option<String> {
    let code = qrcode::QrCode::new(uri.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    svg.find("<svg").map(|i| svg[i..].to_string())
}

/// The time step a code is good for now, or None.
pub fn step_of(secret: &str, code: &str, now: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    totp(secret, "")?.check(&code, now)
}

/// Ten new recovery codes, like `7KQ4M-XT9AB`.
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let c: String = (0..10)
                .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
                .collect();
            format!("{}-{}", &c[..5], &c[5..])
        })
        .collect()
}

/// A recovery code as typed: upper case, without spaces or dashes.
fn normalised(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn code_hash(code: &str) -> String {
    crate::tokens::digest(&normalised(code))
}

/// Turns two-factor sign-in on once the person has shown their app gives the right code.
/// False (nothing changed) when the code is wrong.
pub async fn enable(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: i32,
    secret: &str,
    code: &str,
    recovery_codes: &[String],
) -> Result<bool, StoreError> {
    let Some(step) = step_of(secret, code, actor.at as u64) else {
        return Ok(false);
    };
    let txn = db.begin().await?;
    app_user::ActiveModel {
        id: Set(user_id),
        totp_secret: Set(Some(secret.to_string())),
        totp_last_step: Set(Some(step as i64)),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    for c in recovery_codes {
        recovery_code::ActiveModel {
            user_id: Set(user_id),
            code_hash: Set(code_hash(c)),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit::record(&txn, actor, AuditAction::TwoFactorEnabled, "").await?;
    txn.commit().await?;
    Ok(true)
}

/// Checks the second step of a sign-in: an app code (each accepted once, however fast it
/// is replayed) or an unused recovery code (then spent).
pub async fn verify(
    db: &DatabaseConnection,
    user_id: i32,
    typed: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let Some(user) = app_user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(false);
    };
    let Some(secret) = user.totp_secret else {
        return Ok(false);
    };
    if let Some(step) = step_of(&secret, typed, now as u64) {
        // Claimed atomically: of two sign-ins with the same code, one wins.
        let claimed = app_user::Entity::update_many()
            .col_expr(app_user::Column::TotpLastStep, Expr::value(step as i64))
            .filter(app_user::Column::Id.eq(user_id))
            .filter(
                Condition::any()
                    .add(app_user::Column::TotpLastStep.is_null())
                    .add(app_user::Column::TotpLastStep.lt(step as i64)),
            )
            .exec(db)
            .await?;
        return Ok(claimed.rows_affected == 1);
    }
    let spent = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(now))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::CodeHash.eq(code_hash(typed)))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(spent.rows_affected == 1)
}

/// Turns two-factor sign-in off (an administrator, for someone who lost their phone and
/// codes). Their sessions end; an administrator is asked to set it up again at sign-in.
pub async fn disable(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: i32,
) -> Result<(), StoreError> {
    let txn = db.begin().await?;
    app_user::ActiveModel {
        id: Set(user_id),
        totp_secret: Set(None),
        totp_last_step: Set(None),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    crate::sessions::end_all_for(&txn, user_id).await?;
    let email = app_user::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .map(|u| u.email)
        .unwrap_or_default();
    audit::record(&txn, actor, AuditAction::TwoFactorDisabled, &email).await?;
    txn.commit().await?;
    Ok(())
}

/// How many unused recovery codes a person has left.
pub async fn recovery_codes_left(db: &DatabaseConnection, user_id: i32) -> Result<u64, StoreError> {
    use sea_orm::PaginatorTrait;
    Ok(recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_good_for_its_step_and_the_next_and_previous() {
        let secret = new_secret();
        let t = totp(&secret, "jo@example.org").unwrap();
        let now = 1_800_000_000u64;
        let code = t.generate(now).to_string();
        assert_eq!(step_of(&secret, &code, now), Some(now / 30));
        assert!(step_of(&secret, &code, now + 30).is_some());
        assert!(step_of(&secret, &code, now + 90).is_none());
        assert!(step_of(&secret, "000000x", now).is_none());
        let uri = setup_uri(&secret, "jo@example.org").unwrap();
        assert!(
            uri.starts_with("otpauth://totp/Kiln:jo%40example.org?"),
            "{uri}"
        );
        assert!(qr_svg(&uri).unwrap().starts_with("<svg"));
    }

    #[test]
    fn recovery_codes_are_unambiguous_and_match_however_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        for c in &codes {
            assert_eq!(c.len(), 11);
            assert!(!c.contains(['0', 'O', '1', 'I', 'L', '5', 'S']));
            assert_eq!(code_hash(c), code_hash(&c.to_lowercase().replace('-', " ")));
        }
    }
}

//! People who sign in: council officers and administrators. Passwords are stored only as
//! argon2id hashes (the argon2 crate's defaults, OWASP's recommended parameters).

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};
use domain::accounts::{
    check_name, EmailAddress, EmailProblem, NameProblem, PasswordProblem, Role,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::entity::app_user;
use crate::StoreError;

/// A user as the rest of the program sees them: never the password hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub last_sign_in_at: Option<i64>,
    /// An administrator reset the password: a new one must be chosen before anything else.
    pub must_change_password: bool,
    /// Signs in with a code from an authenticator app as well as the password.
    pub two_factor: bool,
    /// The community group of an organiser or volunteer; None for council staff.
    pub group_id: Option<i32>,
}

impl TryFrom<app_user::Model> for User {
    type Error = StoreError;
    fn try_from(m: app_user::Model) -> Result<Self, StoreError> {
        Ok(User {
            role: Role::parse(&m.role)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown role {}", m.role)))?,
            id: m.id,
            email: m.email,
            name: m.name,
            active: m.active,
            last_sign_in_at: m.last_sign_in_at,
            must_change_password: m.must_change_password,
            two_factor: m.totp_secret.is_some(),
            group_id: m.group_id,
        })
    }
}

pub fn hash_password(password: &str) -> Result<String, StoreError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Corrupt(format!("hashing a password: {e}")))
}

/// At most this many password hashes are worked out at once (one per core): each takes
/// 19 MiB and most of a core for a moment, and hundreds of sign-ins sent together would
/// otherwise take gigabytes. The rest wait their turn.
fn hashing_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| tokio::sync::Semaphore::new(hashing_slot_count()))
}

pub fn hashing_slot_count() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

static HASHING_NOW: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static HASHING_PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The most password checks that have run at once in this process, for tests.
pub fn hashing_peak() -> usize {
    HASHING_PEAK.load(std::sync::atomic::Ordering::SeqCst)
}

/// Checks a password off the async threads, waiting for a hashing slot first.
pub async fn verify_password_bounded(hash: String, password: String) -> bool {
    use std::sync::atomic::Ordering::SeqCst;
    let Ok(_slot) = hashing_slots().acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        let now = HASHING_NOW.fetch_add(1, SeqCst) + 1;
        HASHING_PEAK.fetch_max(now, SeqCst);
        let ok = verify_password(&hash, &password);
        HASHING_NOW.fetch_sub(1, SeqCst);
        ok
    })
    .await
    .unwrap_or(false)
}

pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to check against when no account matches, so that the reply takes as long as for
/// a real account and does not tell which addresses have one.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("not a real password, only for timing").unwrap_or_default())
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password: &'a str,
    /// Someone else chose the password (an administrator adding the account): the person
    /// chooses their own before anything else.
    pub must_change_password: bool,
    /// The group of an organiser or volunteer.
    pub group_id: Option<i32>,
}

/// Field-by-field problems with a new user, for the form to show beside each field.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct UserProblems {
    pub email: Option<EmailProblem>,
    pub name: Option<NameProblem>,
    pub password: Option<PasswordProblem>,
}

impl UserProblems {
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.name.is_none() && self.password.is_none()
    }
}

pub enum CreateOutcome {
    Created(User),
    Refused(UserProblems),
}

pub async fn create<C: sea_orm::ConnectionTrait>(
    db: &C,
    new: NewUser<'_>,
    now: i64,
) -> Result<CreateOutcome, StoreError> {
    let mut problems = UserProblems::default();
    let email = EmailAddress::parse(new.email)
        .map_err(|p| problems.email = Some(p))
        .ok();
    let name = check_name(new.name)
        .map_err(|p| problems.name = Some(p))
        .ok();
    if let Err(p) = crate::passwords::check(new.password, email.as_ref()) {
        problems.password = Some(p);
    }
    if let Some(e) = &email {
        if find_by_email(db, e).await?.is_some() {
            problems.email = Some(EmailProblem::Taken);
        }
    }
    let (Some(email), Some(name)) = (email, name) else {
        return Ok(CreateOutcome::Refused(problems));
    };
    if !problems.is_empty() {
        return Ok(CreateOutcome::Refused(problems));
    }
    // A group's people always name their group; staff never do.
    if new.role.is_staff() == new.group_id.is_some() {
        return Err(StoreError::Invalid(format!(
            "a {} account {} a group",
            new.role.key(),
            if new.role.is_staff() {
                "cannot have"
            } else {
                "needs"
            }
        )));
    }
    let hash = hash_password(new.password)?;
    let row = app_user::ActiveModel {
        email: Set(email.as_str().to_string()),
        name: Set(name.to_string()),
        password_hash: Set(hash),
        role: Set(new.role.key().to_string()),
        active: Set(true),
        created_at: Set(now),
        last_sign_in_at: Set(None),
        must_change_password: Set(new.must_change_password),
        group_id: Set(new.group_id),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(CreateOutcome::Created(row.try_into()?))
}

pub async fn find_by_email<C: sea_orm::ConnectionTrait>(
    db: &C,
    email: &EmailAddress,
) -> Result<Option<app_user::Model>, StoreError> {
    Ok(app_user::Entity::find()
        .filter(app_user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?)
}

pub async fn by_id(db: &DatabaseConnection, id: i32) -> Result<Option<User>, StoreError> {
    app_user::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(User::try_from)
        .transpose()
}

pub async fn all(db: &DatabaseConnection) -> Result<Vec<User>, StoreError> {
    app_user::Entity::find()
        .order_by_asc(app_user::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .map(User::try_from)
        .collect()
}

pub async fn count(db: &DatabaseConnection) -> Result<u64, StoreError> {
    Ok(app_user::Entity::find().count(db).await?)
}

pub async fn mark_signed_in(db: &DatabaseConnection, id: i32, now: i64) -> Result<(), StoreError> {
    app_user::ActiveModel {
        id: Set(id),
        last_sign_in_at: Set(Some(now)),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// Turns an account on or off, or changes its role; ending its sessions either way, so a
/// change takes effect at once.
pub async fn update_access(
    db: &DatabaseConnection,
    id: i32,
    role: Role,
    active: bool,
) -> Result<(), StoreError> {
    app_user::ActiveModel {
        id: Set(id),
        role: Set(role.key().to_string()),
        active: Set(active),
        ..Default::default()
    }
    .update(db)
    .await?;
    crate::sessions::end_all_for(db, id).await
}

/// Active administrators, so the last one cannot be removed.
pub async fn active_administrators(db: &DatabaseConnection) -> Result<u64, StoreError> {
    Ok(app_user::Entity::find()
        .filter(app_user::Column::Role.eq(Role::Administrator.key()))
        .filter(app_user::Column::Active.eq(true))
        .count(db)
        .await?)
}

/// What is wrong with the current password typed to change it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurrentPasswordProblem {
    Missing,
    Wrong,
    /// Five wrong in the last 15 minutes.
    TooManyAttempts,
}

impl CurrentPasswordProblem {
    pub fn code(self) -> &'static str {
        match self {
            CurrentPasswordProblem::Missing => "missing",
            CurrentPasswordProblem::Wrong => "wrong",
            CurrentPasswordProblem::TooManyAttempts => "locked",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Missing, Self::Wrong, Self::TooManyAttempts]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ChangeProblems {
    pub current: Option<CurrentPasswordProblem>,
    pub new: Option<PasswordProblem>,
}

/// A person changes their own password: the current one checked, the new one checked
/// against every rule, then saved with its audit entry; every other session of theirs ends
/// (whoever knew the old password is signed out), the one in use stays.
pub async fn change_password(
    db: &DatabaseConnection,
    actor: &crate::audit::Actor,
    user_id: i32,
    session_id: i32,
    current: &str,
    new: &str,
    confirm: &str,
) -> Result<Result<(), ChangeProblems>, StoreError> {
    let Some(row) = app_user::Entity::find_by_id(user_id).one(db).await? else {
        return Err(StoreError::Invalid("no such account".into()));
    };
    let mut problems = ChangeProblems::default();
    if current.is_empty() {
        problems.current = Some(CurrentPasswordProblem::Missing);
    } else {
        // Guesses at the current password (from a session left open, say) are throttled like
        // sign-ins, under their own key: five wrong in 15 minutes, then a pause.
        let key = format!("password change: {}", row.email);
        let ip = actor.ip.clone().unwrap_or_default();
        let attempt = crate::throttle::reserve(db, &key, &ip, actor.at).await?;
        if let domain::accounts::Gate::Refuse(_) = domain::accounts::sign_in_gate(attempt.before) {
            crate::throttle::release(db, attempt).await?;
            problems.current = Some(CurrentPasswordProblem::TooManyAttempts);
        } else if verify_password_bounded(row.password_hash.clone(), current.to_string()).await {
            crate::throttle::clear(db, &key, &ip).await?;
        } else {
            problems.current = Some(CurrentPasswordProblem::Wrong);
        }
    }
    let email = EmailAddress::parse(&row.email).ok();
    problems.new = match crate::passwords::check(new, email.as_ref()) {
        Err(p) => Some(p),
        Ok(()) if new != confirm => Some(PasswordProblem::Mismatch),
        Ok(()) if new == current => Some(PasswordProblem::Unchanged),
        Ok(()) => None,
    };
    if problems.current.is_some() || problems.new.is_some() {
        return Ok(Err(problems));
    }
    let hash = hash_password_bounded(new.to_string()).await?;
    let txn = db.begin().await?;
    app_user::ActiveModel {
        id: Set(user_id),
        password_hash: Set(hash),
        must_change_password: Set(false),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    let ended = crate::sessions::end_others(&txn, user_id, session_id).await?;
    crate::audit::record(
        &txn,
        actor,
        domain::AuditAction::PasswordChanged,
        &format!("other sessions ended: {ended}"),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// An administrator gives someone a temporary password (told to them another way): it must
/// be changed at their next sign-in, and their sessions end now.
pub async fn reset_password(
    db: &DatabaseConnection,
    actor: &crate::audit::Actor,
    user_id: i32,
    temporary: &str,
) -> Result<Result<(), PasswordProblem>, StoreError> {
    let Some(row) = app_user::Entity::find_by_id(user_id).one(db).await? else {
        return Err(StoreError::Invalid("no such account".into()));
    };
    let email = EmailAddress::parse(&row.email).ok();
    if let Err(p) = crate::passwords::check(temporary, email.as_ref()) {
        return Ok(Err(p));
    }
    let hash = hash_password_bounded(temporary.to_string()).await?;
    let txn = db.begin().await?;
    app_user::ActiveModel {
        id: Set(user_id),
        password_hash: Set(hash),
        must_change_password: Set(true),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    crate::sessions::end_all_for(&txn, user_id).await?;
    crate::audit::record(&txn, actor, domain::AuditAction::PasswordReset, &row.email).await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// Hashes off the async threads, in one of the bounded hashing slots.
pub async fn hash_password_bounded(password: String) -> Result<String, StoreError> {
    let _slot = hashing_slots()
        .acquire()
        .await
        .map_err(|e| StoreError::Corrupt(format!("hashing slots closed: {e}")))?;
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| StoreError::Corrupt(format!("hashing a password: {e}")))?
}

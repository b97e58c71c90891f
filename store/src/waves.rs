//! Waves: one round of a survey, with its own responses. One wave per survey is the
//! baseline that change is measured from; only published waves are served.

use domain::{AuditAction, WaveStatus};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::audit::{self, Actor};
use crate::entity::{survey, wave};
use crate::StoreError;

pub struct NewWave<'a> {
    pub survey: &'a str,
    pub key: &'a str,
    pub name: Option<&'a str>,
    pub baseline: bool,
    pub weighted: bool,
}

async fn survey_row<C: ConnectionTrait>(db: &C, key: &str) -> Result<survey::Model, StoreError> {
    survey::Entity::find()
        .filter(survey::Column::Key.eq(key))
        .one(db)
        .await?
        .ok_or_else(|| StoreError::Invalid(format!("there is no survey with the key \"{key}\"")))
}

pub async fn find<C: ConnectionTrait>(
    db: &C,
    survey_key: &str,
    wave_key: &str,
) -> Result<Option<(survey::Model, wave::Model)>, StoreError> {
    let Some(s) = survey::Entity::find()
        .filter(survey::Column::Key.eq(survey_key))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let w = wave::Entity::find()
        .filter(wave::Column::SurveyId.eq(s.id))
        .filter(wave::Column::Key.eq(wave_key))
        .one(db)
        .await?;
    Ok(w.map(|w| (s, w)))
}

/// Creates a wave, open for responses, and records who did. A new baseline replaces the
/// survey's old one. The wave and its audit entry are written together or not at all.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    new: NewWave<'_>,
) -> Result<wave::Model, StoreError> {
    let key = new.key.trim();
    if key.is_empty()
        || key.len() > 64
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(StoreError::Invalid(
            "a wave key is 1 to 64 letters, digits, - or _ (for example 2027-spring)".into(),
        ));
    }
    let txn = db.begin().await?;
    let s = survey_row(&txn, new.survey).await?;
    if find(&txn, new.survey, key).await?.is_some() {
        return Err(StoreError::Invalid(format!(
            "survey {} already has a wave {key}",
            new.survey
        )));
    }
    if new.baseline {
        wave::Entity::update_many()
            .col_expr(wave::Column::IsBaseline, Expr::value(false))
            .filter(wave::Column::SurveyId.eq(s.id))
            .exec(&txn)
            .await?;
    }
    let version = crate::survey_versions::wave_version(&txn, s.id).await?;
    let row = wave::ActiveModel {
        version_id: Set(Some(version)),
        survey_id: Set(s.id),
        key: Set(key.to_string()),
        name: Set(new.name.unwrap_or(key).to_string()),
        status: Set(WaveStatus::Open.key().into()),
        is_baseline: Set(new.baseline),
        weighted: Set(new.weighted),
        published: Set(false),
        opens_on: Set(Some(actor.today())),
        closes_on: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        AuditAction::WaveCreated,
        &format!(
            "{} {key}{}{}",
            new.survey,
            if new.baseline { ", baseline" } else { "" },
            if new.weighted { ", weighted" } else { "" }
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Publishes a wave (see `change_wave`).
pub async fn publish(
    db: &DatabaseConnection,
    actor: &Actor,
    survey_key: &str,
    wave_key: &str,
) -> Result<(), StoreError> {
    change_wave(db, actor, survey_key, wave_key, WaveChange::Publish)
        .await?
        .map(|_| ())
        .map_err(|r| StoreError::Invalid(r.explain().into()))
}

/// The survey's baseline wave, if it has one.
pub async fn baseline(
    db: &DatabaseConnection,
    survey_id: i32,
) -> Result<Option<wave::Model>, StoreError> {
    Ok(wave::Entity::find()
        .filter(wave::Column::SurveyId.eq(survey_id))
        .filter(wave::Column::IsBaseline.eq(true))
        .one(db)
        .await?)
}

pub async fn of_survey(
    db: &DatabaseConnection,
    survey_id: i32,
) -> Result<Vec<wave::Model>, StoreError> {
    Ok(wave::Entity::find()
        .filter(wave::Column::SurveyId.eq(survey_id))
        .order_by_asc(wave::Column::Id)
        .all(db)
        .await?)
}

/// What an officer can change about a wave from the dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaveChange {
    Open,
    Close,
    MakeBaseline,
    Weighting(bool),
    Publish,
    Unpublish,
}

impl WaveChange {
    pub fn parse(key: &str) -> Option<WaveChange> {
        Some(match key {
            "open" => WaveChange::Open,
            "close" => WaveChange::Close,
            "baseline" => WaveChange::MakeBaseline,
            "weighting_on" => WaveChange::Weighting(true),
            "weighting_off" => WaveChange::Weighting(false),
            "publish" => WaveChange::Publish,
            "unpublish" => WaveChange::Unpublish,
            _ => return None,
        })
    }

    /// For the audit log and the confirmation banner.
    pub fn describe(self) -> &'static str {
        match self {
            WaveChange::Open => "opened for responses",
            WaveChange::Close => "closed to responses",
            WaveChange::MakeBaseline => "made the baseline",
            WaveChange::Weighting(true) => "weighting turned on",
            WaveChange::Weighting(false) => "weighting turned off",
            WaveChange::Publish => "published",
            WaveChange::Unpublish => "withdrawn from publication",
        }
    }
}

/// Why a wave change was not made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeRefusal {
    NoSuchWave,
    /// A published wave cannot take responses: they would change public figures.
    PublishedCannotOpen,
    /// Weighting needs population totals.
    NoPopulation,
}

impl ChangeRefusal {
    /// For the command line; the web page words it itself.
    pub fn explain(self) -> &'static str {
        match self {
            ChangeRefusal::NoSuchWave => "there is no such wave",
            ChangeRefusal::PublishedCannotOpen => {
                "a published wave cannot take responses: withdraw it from publication first"
            }
            ChangeRefusal::NoPopulation => "weighting needs population totals: load them first",
        }
    }
}

/// One change to a wave, from the web or the command line: checked, made and recorded in
/// the audit log in one transaction, so no change is ever made without its entry.
pub async fn change_wave(
    db: &DatabaseConnection,
    actor: &Actor,
    survey_key: &str,
    wave_key: &str,
    change: WaveChange,
) -> Result<Result<wave::Model, ChangeRefusal>, StoreError> {
    // Publishing tells those who asked for results updates, in the same transaction.
    let secret = match change {
        WaveChange::Publish => Some(crate::settings::form_secret(db).await?),
        _ => None,
    };
    let txn = db.begin().await?;
    let Some((s, w)) = find(&txn, survey_key, wave_key).await? else {
        return Ok(Err(ChangeRefusal::NoSuchWave));
    };
    if let (Some(secret), false) = (&secret, w.published) {
        crate::subscribers::announce(&txn, secret, &s, &w, actor.at).await?;
    }
    if change == WaveChange::Open && w.published {
        return Ok(Err(ChangeRefusal::PublishedCannotOpen));
    }
    if change == WaveChange::Weighting(true) && !crate::population::any(&txn).await? {
        return Ok(Err(ChangeRefusal::NoPopulation));
    }
    let row = apply(&txn, &w, change, actor.today()).await?;
    let action = match change {
        WaveChange::Publish | WaveChange::Unpublish => AuditAction::Publication,
        _ => AuditAction::WaveChanged,
    };
    let detail = format!("{survey_key} {wave_key}: {}", change.describe());
    audit::record(&txn, actor, action, &detail).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Makes a change inside the caller's transaction (no checks, no audit entry); a wave
/// closed by it closes on `today`.
pub async fn apply<C: ConnectionTrait>(
    db: &C,
    w: &wave::Model,
    change: WaveChange,
    today: chrono::NaiveDate,
) -> Result<wave::Model, StoreError> {
    if change == WaveChange::MakeBaseline {
        // One baseline per survey.
        wave::Entity::update_many()
            .col_expr(wave::Column::IsBaseline, Expr::value(false))
            .filter(wave::Column::SurveyId.eq(w.survey_id))
            .exec(db)
            .await?;
    }
    let mut active: wave::ActiveModel = w.clone().into();
    match change {
        WaveChange::Open => {
            active.status = Set(WaveStatus::Open.key().into());
            active.closes_on = Set(None);
        }
        WaveChange::Close => {
            active.status = Set(WaveStatus::Closed.key().into());
            active.closes_on = Set(Some(today));
            crate::invitations::forget_addresses(db, w.id).await?;
        }
        WaveChange::MakeBaseline => active.is_baseline = Set(true),
        WaveChange::Weighting(on) => active.weighted = Set(on),
        // Published figures must not change: a wave stops taking responses when published.
        WaveChange::Publish => {
            active.published = Set(true);
            if w.status == WaveStatus::Open.key() {
                active.status = Set(WaveStatus::Closed.key().into());
                active.closes_on = Set(Some(today));
                crate::invitations::forget_addresses(db, w.id).await?;
            }
        }
        WaveChange::Unpublish => active.published = Set(false),
    }
    Ok(active.update(db).await?)
}

/// The year a wave belongs to, for annual reports: the year it opened (or closed).
pub fn year_of(w: &wave::Model) -> Option<i32> {
    use chrono::Datelike;
    w.opens_on.or(w.closes_on).map(|d| d.year())
}

/// Every survey's published waves, newest first within each survey.
pub async fn published(
    db: &DatabaseConnection,
) -> Result<Vec<(survey::Model, Vec<wave::Model>)>, StoreError> {
    let surveys = survey::Entity::find()
        .order_by_asc(survey::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for s in surveys {
        let waves: Vec<_> = wave::Entity::find()
            .filter(wave::Column::SurveyId.eq(s.id))
            .filter(wave::Column::Published.eq(true))
            .order_by_desc(wave::Column::Id)
            .all(db)
            .await?;
        out.push((s, waves));
    }
    Ok(out)
}

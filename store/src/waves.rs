//! Waves: one round of a survey, with its own responses. One wave per survey is the
//! baseline that change is measured from; only published waves are served.

use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::entity::{survey, wave};
use crate::StoreError;

pub struct NewWave<'a> {
    pub survey: &'a str,
    pub key: &'a str,
    pub name: Option<&'a str>,
    pub baseline: bool,
    pub weighted: bool,
}

async fn survey_row(db: &DatabaseConnection, key: &str) -> Result<survey::Model, StoreError> {
    survey::Entity::find()
        .filter(survey::Column::Key.eq(key))
        .one(db)
        .await?
        .ok_or_else(|| StoreError::Invalid(format!("there is no survey with the key \"{key}\"")))
}

pub async fn find(
    db: &DatabaseConnection,
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

/// Creates a wave, open for responses. A new baseline replaces the survey's old one.
pub async fn create(db: &DatabaseConnection, new: NewWave<'_>) -> Result<wave::Model, StoreError> {
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
    let s = survey_row(db, new.survey).await?;
    if find(db, new.survey, key).await?.is_some() {
        return Err(StoreError::Invalid(format!(
            "survey {} already has a wave {key}",
            new.survey
        )));
    }
    let txn = db.begin().await?;
    if new.baseline {
        wave::Entity::update_many()
            .col_expr(wave::Column::IsBaseline, Expr::value(false))
            .filter(wave::Column::SurveyId.eq(s.id))
            .exec(&txn)
            .await?;
    }
    let row = wave::ActiveModel {
        survey_id: Set(s.id),
        key: Set(key.to_string()),
        name: Set(new.name.unwrap_or(key).to_string()),
        status: Set("open".into()),
        is_baseline: Set(new.baseline),
        weighted: Set(new.weighted),
        published: Set(false),
        opens_on: Set(Some(crate::today())),
        closes_on: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(row)
}

pub async fn publish(
    db: &DatabaseConnection,
    survey_key: &str,
    wave_key: &str,
) -> Result<(), StoreError> {
    let (_, w) = find(db, survey_key, wave_key).await?.ok_or_else(|| {
        StoreError::Invalid(format!("survey {survey_key} has no wave {wave_key}"))
    })?;
    change(db, &w, WaveChange::Publish).await?;
    Ok(())
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

pub async fn change(
    db: &DatabaseConnection,
    w: &wave::Model,
    change: WaveChange,
) -> Result<wave::Model, StoreError> {
    let txn = db.begin().await?;
    if change == WaveChange::MakeBaseline {
        // One baseline per survey.
        wave::Entity::update_many()
            .col_expr(wave::Column::IsBaseline, Expr::value(false))
            .filter(wave::Column::SurveyId.eq(w.survey_id))
            .exec(&txn)
            .await?;
    }
    let mut active: wave::ActiveModel = w.clone().into();
    match change {
        WaveChange::Open => {
            active.status = Set("open".into());
            active.closes_on = Set(None);
        }
        WaveChange::Close => {
            active.status = Set("closed".into());
            active.closes_on = Set(Some(crate::today()));
        }
        WaveChange::MakeBaseline => active.is_baseline = Set(true),
        WaveChange::Weighting(on) => active.weighted = Set(on),
        // Published figures must not change: a wave stops taking responses when published.
        WaveChange::Publish => {
            active.published = Set(true);
            if w.status == "open" {
                active.status = Set("closed".into());
                active.closes_on = Set(Some(crate::today()));
            }
        }
        WaveChange::Unpublish => active.published = Set(false),
    }
    let row = active.update(&txn).await?;
    txn.commit().await?;
    Ok(row)
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

//! Loaded observations: adding a value, correcting one (the old figures are kept, with who
//! changed them, when and why), and publishing what officers have checked.

use domain::framework::row::Observed;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

use super::Observation;
use crate::entity::{fw_correction, fw_observation};
use crate::StoreError;

pub async fn all(db: &DatabaseConnection) -> Result<Vec<Observation>, StoreError> {
    fw_observation::Entity::find()
        .order_by_asc(fw_observation::Column::PeriodStart)
        .order_by_asc(fw_observation::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(Observation::try_from)
        .collect()
}

/// Who loaded or changed a value, when, and why (a correction's reason).
#[derive(Clone, Debug)]
pub struct Change<'a> {
    pub by: &'a str,
    pub at: i64,
    pub reason: &'a str,
    /// Publish at once, rather than wait for an officer to publish the period.
    pub publish: bool,
    pub illustrative: bool,
    pub period_label: Option<&'a str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    Added,
    /// An existing value replaced; its old figures kept as a correction.
    Corrected,
    /// The same figures as already held.
    Unchanged,
}

fn same(m: &fw_observation::Model, o: &Observed) -> bool {
    m.value == o.value
        && m.lci == o.low
        && m.uci == o.high
        && m.count == o.count
        && m.denominator == o.denominator
        && m.status.as_deref() == o.status.map(|s| s.key())
        && m.note == o.note
}

pub async fn find<C: ConnectionTrait>(
    db: &C,
    indicator: &str,
    area: &str,
    period: &str,
) -> Result<Option<fw_observation::Model>, StoreError> {
    Ok(fw_observation::Entity::find()
        .filter(fw_observation::Column::IndicatorKey.eq(indicator))
        .filter(fw_observation::Column::AreaCode.eq(area))
        .filter(fw_observation::Column::Period.eq(period))
        .one(db)
        .await?)
}

/// Adds one observation, or corrects the one held for its indicator, area and period.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    indicator: &str,
    o: &Observed,
    change: &Change<'_>,
) -> Result<Recorded, StoreError> {
    let period = o.period.iso();
    let published = change.publish.then_some(change.at);
    match find(db, indicator, &o.area, &period).await? {
        Some(m) if same(&m, o) => {
            if change.publish && m.published_at.is_none() {
                let mut a = m.into_active_model();
                a.published_at = Set(published);
                a.update(db).await?;
            }
            Ok(Recorded::Unchanged)
        }
        Some(m) => {
            fw_correction::ActiveModel {
                observation_id: Set(m.id),
                old_value: Set(m.value),
                old_lci: Set(m.lci),
                old_uci: Set(m.uci),
                old_count: Set(m.count),
                old_denominator: Set(m.denominator),
                old_status: Set(m.status.clone()),
                old_note: Set(m.note.clone()),
                corrected_by: Set(change.by.to_string()),
                corrected_at: Set(change.at),
                reason: Set(change.reason.to_string()),
                ..Default::default()
            }
            .insert(db)
            .await?;
            let was_published = m.published_at;
            let mut a = m.into_active_model();
            a.value = Set(o.value);
            a.lci = Set(o.low);
            a.uci = Set(o.high);
            a.count = Set(o.count);
            a.denominator = Set(o.denominator);
            a.status = Set(o.status.map(|s| s.key().to_string()));
            a.note = Set(o.note.clone());
            a.loaded_at = Set(change.at);
            a.loaded_by = Set(change.by.to_string());
            a.published_at = Set(was_published.or(published));
            a.update(db).await?;
            Ok(Recorded::Corrected)
        }
        None => {
            fw_observation::ActiveModel {
                indicator_key: Set(indicator.to_string()),
                area_code: Set(o.area.clone()),
                period: Set(period),
                period_start: Set(o.period.start),
                period_end: Set(o.period.end()),
                period_label: Set(change.period_label.map(str::to_string)),
                value: Set(o.value),
                lci: Set(o.low),
                uci: Set(o.high),
                count: Set(o.count),
                denominator: Set(o.denominator),
                status: Set(o.status.map(|s| s.key().to_string())),
                note: Set(o.note.clone()),
                illustrative: Set(change.illustrative),
                published_at: Set(published),
                loaded_at: Set(change.at),
                loaded_by: Set(change.by.to_string()),
                ..Default::default()
            }
            .insert(db)
            .await?;
            Ok(Recorded::Added)
        }
    }
}

/// Publishes every unpublished observation of an indicator; how many.
pub async fn publish(db: &DatabaseConnection, indicator: &str, at: i64) -> Result<u64, StoreError> {
    let r = fw_observation::Entity::update_many()
        .col_expr(
            fw_observation::Column::PublishedAt,
            sea_orm::sea_query::Expr::value(at),
        )
        .filter(fw_observation::Column::IndicatorKey.eq(indicator))
        .filter(fw_observation::Column::PublishedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected)
}

/// A correction as officers see it: the figures it replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    pub observation_id: i32,
    pub old_value: Option<f64>,
    pub old_low: Option<f64>,
    pub old_high: Option<f64>,
    pub old_status: Option<String>,
    pub by: String,
    pub at: i64,
    pub reason: String,
}

/// The corrections of these observations, newest first.
pub async fn corrections(
    db: &DatabaseConnection,
    observation_ids: &[i32],
) -> Result<Vec<Correction>, StoreError> {
    if observation_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(fw_correction::Entity::find()
        .filter(fw_correction::Column::ObservationId.is_in(observation_ids.iter().copied()))
        .order_by_desc(fw_correction::Column::CorrectedAt)
        .order_by_desc(fw_correction::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| Correction {
            observation_id: m.observation_id,
            old_value: m.old_value,
            old_low: m.old_lci,
            old_high: m.old_uci,
            old_status: m.old_status,
            by: m.corrected_by,
            at: m.corrected_at,
            reason: m.reason,
        })
        .collect())
}

/// Sets when an indicator's next figures are due.
pub async fn set_next_update(
    db: &DatabaseConnection,
    indicator: &str,
    due: Option<chrono::NaiveDate>,
) -> Result<(), StoreError> {
    use crate::entity::fw_indicator;
    fw_indicator::Entity::update_many()
        .col_expr(
            fw_indicator::Column::NextUpdate,
            sea_orm::sea_query::Expr::value(due),
        )
        .filter(fw_indicator::Column::Key.eq(indicator))
        .exec(db)
        .await?;
    Ok(())
}

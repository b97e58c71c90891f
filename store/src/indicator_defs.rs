//! Indicator definitions as data: seeded from the standard set, editable afterwards.

use domain::indicators::{IndicatorDef, Rule, Theme};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

use crate::entity::indicator;
use crate::StoreError;

/// Adds any standard definition whose key is missing; leaves edited ones alone.
pub async fn ensure_standard(db: &impl ConnectionTrait) -> Result<usize, StoreError> {
    let mut added = 0;
    for (i, d) in domain::indicators::definitions::standard()
        .into_iter()
        .enumerate()
    {
        let exists = indicator::Entity::find()
            .filter(indicator::Column::Key.eq(&d.key))
            .one(db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        new_row(&d, i as i32 + 1)?.insert(db).await?;
        added += 1;
    }
    Ok(added)
}

pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<IndicatorDef>, StoreError> {
    indicator::Entity::find()
        .order_by_asc(indicator::Column::Position)
        .order_by_asc(indicator::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            Ok(IndicatorDef {
                rule: serde_json::from_str::<Rule>(&row.rule)?,
                theme: Theme::parse(&row.theme)
                    .ok_or_else(|| StoreError::Corrupt(format!("theme {}", row.theme)))?,
                key: row.key,
                label: row.label,
                item: row.item,
                higher_is_better: row.higher_is_better,
            })
        })
        .collect()
}

/// The definitions whose item the survey asks.
pub fn for_survey(defs: &[IndicatorDef], survey: &domain::Survey) -> Vec<IndicatorDef> {
    defs.iter()
        .filter(|d| survey.question(&d.item).is_some())
        .cloned()
        .collect()
}

/// Saves a published survey's own indicators: a new key is added after the others, a key
/// already counting one of this survey's questions is brought up to date. A key that counts
/// another survey's question is refused (named in the error), so that publishing one survey
/// never changes another's figures.
pub async fn save_for_survey(
    db: &impl ConnectionTrait,
    survey: &domain::Survey,
    defs: &[IndicatorDef],
) -> Result<Result<(), String>, StoreError> {
    let mut next = indicator::Entity::find()
        .order_by_desc(indicator::Column::Position)
        .one(db)
        .await?
        .map_or(0, |r| r.position);
    for d in defs {
        let existing = indicator::Entity::find()
            .filter(indicator::Column::Key.eq(&d.key))
            .one(db)
            .await?;
        let row = match existing {
            Some(row) if survey.question(&row.item).is_none() => {
                return Ok(Err(d.key.clone()));
            }
            Some(row) => {
                let mut m: indicator::ActiveModel = row.into();
                m.label = Set(d.label.clone());
                m.item = Set(d.item.clone());
                m.rule = Set(serde_json::to_string(&d.rule)?);
                m.theme = Set(d.theme.key().to_string());
                m.higher_is_better = Set(d.higher_is_better);
                m.update(db).await?;
                continue;
            }
            None => {
                next += 1;
                new_row(d, next)?
            }
        };
        row.insert(db).await?;
    }
    Ok(Ok(()))
}

fn new_row(d: &IndicatorDef, position: i32) -> Result<indicator::ActiveModel, StoreError> {
    Ok(indicator::ActiveModel {
        key: Set(d.key.clone()),
        label: Set(d.label.clone()),
        item: Set(d.item.clone()),
        rule: Set(serde_json::to_string(&d.rule)?),
        theme: Set(d.theme.key().to_string()),
        higher_is_better: Set(d.higher_is_better),
        position: Set(position),
        ..Default::default()
    })
}

//! Adding an indicator to the framework, or changing one's definition, source and target.

use domain::framework::definition::Definition;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, TransactionTrait,
};

use crate::entity::{fw_indicator, fw_target};
use crate::StoreError;

/// Saves a definition: a new indicator when `existing` is None, else changes that one (a
/// survey indicator keeps the engine's measure, unit and decimals). None when the
/// indicator to change does not exist.
pub async fn save(
    db: &DatabaseConnection,
    existing: Option<&str>,
    d: &Definition,
) -> Result<Option<String>, StoreError> {
    let txn = db.begin().await?;
    let key = match existing {
        Some(key) => {
            let Some(m) = fw_indicator::Entity::find()
                .filter(fw_indicator::Column::Key.eq(key))
                .one(&txn)
                .await?
            else {
                return Ok(None);
            };
            let from_survey = m.from_survey;
            let mut a = m.into_active_model();
            a.title = Set(d.title.clone());
            a.definition = Set(d.definition.clone());
            a.priority = Set(d.priority.key().into());
            a.polarity = Set(d.polarity.key().into());
            if !from_survey {
                a.unit = Set(d.unit.clone());
                a.decimals = Set(d.decimals as i32);
                a.measure = Set(d.measure.key().into());
                a.per = Set(d.per);
            }
            a.publisher = Set(d.publisher.clone());
            a.source_url = Set(d.source_url.clone());
            a.licence = Set(d.licence.clone());
            a.frequency = Set(d.frequency.clone());
            a.caveats = Set(d.caveats.clone());
            a.fingertips_id = Set(d.fingertips.as_ref().map(|f| f.0));
            a.fingertips_sex = Set(d.fingertips.as_ref().map(|f| f.1.clone()));
            a.baseline_period = Set(d.baseline_period.map(|p| p.iso()));
            a.update(&txn).await?;
            key.to_string()
        }
        None => {
            let position = fw_indicator::Entity::find().count(&txn).await? as i32;
            fw_indicator::ActiveModel {
                key: Set(d.key.clone()),
                title: Set(d.title.clone()),
                definition: Set(d.definition.clone()),
                priority: Set(d.priority.key().into()),
                unit: Set(d.unit.clone()),
                decimals: Set(d.decimals as i32),
                polarity: Set(d.polarity.key().into()),
                measure: Set(d.measure.key().into()),
                per: Set(d.per),
                from_survey: Set(false),
                publisher: Set(d.publisher.clone()),
                source_url: Set(d.source_url.clone()),
                licence: Set(d.licence.clone()),
                frequency: Set(d.frequency.clone()),
                next_update: Set(None),
                baseline_period: Set(d.baseline_period.map(|p| p.iso())),
                caveats: Set(d.caveats.clone()),
                fingertips_id: Set(d.fingertips.as_ref().map(|f| f.0)),
                fingertips_sex: Set(d.fingertips.as_ref().map(|f| f.1.clone())),
                position: Set(position),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            d.key.clone()
        }
    };
    fw_target::Entity::delete_many()
        .filter(fw_target::Column::IndicatorKey.eq(&key))
        .exec(&txn)
        .await?;
    if let Some(t) = &d.target {
        fw_target::ActiveModel {
            indicator_key: Set(key.clone()),
            baseline_period: Set(t.baseline_period.iso()),
            baseline_value: Set(t.baseline_value),
            target_value: Set(t.value),
            target_date: Set(t.date),
            strategy: Set(t.strategy.clone()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Some(key))
}

//! Small key-value settings kept in the database, such as the key that signs forms.

use rand::RngCore;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};

use crate::entity::setting;
use crate::StoreError;

/// Every setting Kiln keeps, by the key it is stored under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Signs form tokens, CSRF tokens and pending sign-ins (hex).
    FormSecret,
    /// Cells with a smaller base are withheld.
    DisclosureThreshold,
    /// Whether the population totals are the illustrative demo figures.
    PopulationIllustrative,
    /// Goes up whenever the ward list changes, so cached results are made again.
    AreasVersion,
}

impl Key {
    pub fn as_str(self) -> &'static str {
        match self {
            Key::FormSecret => "form_secret",
            Key::DisclosureThreshold => "disclosure_threshold",
            Key::PopulationIllustrative => "population_illustrative",
            Key::AreasVersion => "areas_version",
        }
    }
}

pub async fn get(db: &DatabaseConnection, key: Key) -> Result<Option<String>, StoreError> {
    Ok(setting::Entity::find_by_id(key.as_str().to_string())
        .one(db)
        .await?
        .map(|s| s.value))
}

/// The secret that signs form tokens, made on first use and kept so that forms stay valid
/// across restarts.
pub async fn form_secret(db: &DatabaseConnection) -> Result<Vec<u8>, StoreError> {
    const KEY: Key = Key::FormSecret;
    if let Some(hex) = get(db, KEY).await? {
        return decode_hex(&hex).ok_or_else(|| StoreError::Corrupt("form_secret".into()));
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let row = setting::ActiveModel {
        key: Set(KEY.as_str().to_string()),
        value: Set(hex),
    };
    // Two servers starting at once may race: whoever loses reads the winner's secret.
    if setting::Entity::insert(row).exec(db).await.is_err() {
        let hex = get(db, KEY)
            .await?
            .ok_or_else(|| StoreError::Corrupt("form_secret missing".into()))?;
        return decode_hex(&hex).ok_or_else(|| StoreError::Corrupt("form_secret".into()));
    }
    Ok(bytes.to_vec())
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The disclosure threshold: cells with a smaller base are withheld. Never below 5.
pub async fn disclosure_threshold(db: &DatabaseConnection) -> Result<u32, StoreError> {
    Ok(get(db, Key::DisclosureThreshold)
        .await?
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(10)
        .max(domain::indicators::engine::MIN_THRESHOLD))
}

pub async fn set(
    db: &impl sea_orm::ConnectionTrait,
    key: Key,
    value: &str,
) -> Result<(), StoreError> {
    use sea_orm::sea_query::OnConflict;
    setting::Entity::insert(setting::ActiveModel {
        key: Set(key.as_str().to_string()),
        value: Set(value.to_string()),
    })
    .on_conflict(
        OnConflict::column(setting::Column::Key)
            .update_column(setting::Column::Value)
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// Sets the disclosure threshold and records who did, together.
pub async fn set_threshold(
    db: &DatabaseConnection,
    actor: &crate::audit::Actor,
    threshold: u32,
) -> Result<(), StoreError> {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await?;
    set(&txn, Key::DisclosureThreshold, &threshold.to_string()).await?;
    crate::audit::record(
        &txn,
        actor,
        domain::AuditAction::SettingChanged,
        &format!("disclosure threshold: {threshold}"),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Whether the loaded population totals are the illustrative demo figures.
pub async fn population_is_illustrative(db: &DatabaseConnection) -> Result<bool, StoreError> {
    Ok(get(db, Key::PopulationIllustrative).await?.as_deref() == Some("true"))
}

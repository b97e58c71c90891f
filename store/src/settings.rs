//! Small key-value settings kept in the database, such as the key that signs forms.

use rand::RngCore;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};

use crate::entity::setting;
use crate::StoreError;

pub async fn get(db: &DatabaseConnection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(setting::Entity::find_by_id(key.to_string())
        .one(db)
        .await?
        .map(|s| s.value))
}

/// The secret that signs form tokens, made on first use and kept so that forms stay valid
/// across restarts.
pub async fn form_secret(db: &DatabaseConnection) -> Result<Vec<u8>, StoreError> {
    const KEY: &str = "form_secret";
    if let Some(hex) = get(db, KEY).await? {
        return decode_hex(&hex).ok_or_else(|| StoreError::Corrupt("form_secret".into()));
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let row = setting::ActiveModel {
        key: Set(KEY.to_string()),
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

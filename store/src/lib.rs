//! Kiln's persistence: SeaORM entities and the services the web app and the command line
//! call. Services take a connection and speak in domain types; entities stay in here.

pub mod areas;
pub mod db;
pub mod drafts;
pub mod entity;
pub mod error;
pub mod postcodes;
pub mod seed;
pub mod settings;
pub mod surveys;

pub use error::StoreError;
pub use sea_orm::DatabaseConnection;

/// Today's date: responses keep the date only, never the time.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

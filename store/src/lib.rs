//! Kiln's persistence: SeaORM entities and the services the web app and the command line
//! call. Services take a connection and speak in domain types; entities stay in here.

pub mod account_links;
pub mod areas;
pub mod areas_import;
pub mod audit;
pub mod benchmarks;
pub mod catalogue;
pub mod clock;
pub mod db;
pub mod demo;
mod demo_figures;
pub mod drafts;
pub mod entity;
pub mod entries;
pub mod error;
pub mod events;
pub mod fieldwork;
pub mod framework;
pub mod groups;
pub mod import;
pub mod indicator_defs;
pub mod invitation_list;
pub mod invitations;
pub mod kiosks;
pub mod offline;
pub mod outbox;
pub mod paper;
pub mod passwords;
pub mod population;
pub mod postcodes;
pub mod rate_counts;
pub mod responses_import;
pub mod results;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod shared_read;
pub mod subscribers;
pub mod survey_versions;
pub mod surveys;
pub mod throttle;
pub mod tokens;
pub mod translations;
pub mod two_factor;
pub mod users;
pub mod wave_data;
pub mod waves;

pub use error::StoreError;
pub use sea_orm::DatabaseConnection;

pub use clock::Clock;

//! Kiln's schema, one migration per change. Run at start-up by the server.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_foundation;
mod m20261122_000002_indicators;
mod m20261122_000003_accounts;
mod m20261124_000004_staff_security;
mod m20261124_000005_catalogue_version;
mod m20261124_000006_rate_count;
mod m20261124_000007_outbox;
mod m20261124_000008_subscriber;
mod m20261124_000009_invitation;
mod m20261124_000010_community_group;
mod m20261124_000011_offline_entry;
mod m20261124_000012_paper_batch;
mod m20261125_000013_framework;
mod m20261125_000014_survey_versions;
mod m20261125_000015_translations;
mod m20261125_000016_published_version;
mod m20261126_000017_postcode_watch;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_foundation::Migration),
            Box::new(m20261122_000002_indicators::Migration),
            Box::new(m20261122_000003_accounts::Migration),
            Box::new(m20261124_000004_staff_security::Migration),
            Box::new(m20261124_000005_catalogue_version::Migration),
            Box::new(m20261124_000006_rate_count::Migration),
            Box::new(m20261124_000007_outbox::Migration),
            Box::new(m20261124_000008_subscriber::Migration),
            Box::new(m20261124_000009_invitation::Migration),
            Box::new(m20261124_000010_community_group::Migration),
            Box::new(m20261124_000011_offline_entry::Migration),
            Box::new(m20261124_000012_paper_batch::Migration),
            Box::new(m20261125_000013_framework::Migration),
            Box::new(m20261125_000014_survey_versions::Migration),
            Box::new(m20261125_000015_translations::Migration),
            Box::new(m20261125_000016_published_version::Migration),
            Box::new(m20261126_000017_postcode_watch::Migration),
        ]
    }
}

//! The postcode lookup joins the catalogue's watched tables: whether any postcodes are
//! loaded decides if a ward question offers the lookup, and a survey's pages read that from
//! the catalogue in memory instead of counting the table on every request.

use sea_orm_migration::prelude::*;

use crate::m20261124_000005_catalogue_version::{unwatch, watch};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        watch(m.get_connection(), "postcode").await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        unwatch(m.get_connection(), "postcode").await
    }
}

//! Counts for the survey rate limits when several Kiln processes share one PostgreSQL
//! database, so that a client gets each limit once however many processes answer it. Keys are
//! keyed hashes, never client addresses, and rows live for two minutes. On PostgreSQL the table
//! is UNLOGGED: counts are not worth a disk write, and a crash that empties it only forgives
//! a minute of requests.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let unlogged = match db.get_database_backend() {
            DatabaseBackend::Postgres => "UNLOGGED ",
            _ => "",
        };
        db.execute_unprepared(&format!(
            "CREATE {unlogged}TABLE rate_count (
               key VARCHAR(64) NOT NULL,
               minute BIGINT NOT NULL,
               n INTEGER NOT NULL,
               PRIMARY KEY (key, minute)
             )"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared("DROP TABLE rate_count")
            .await?;
        Ok(())
    }
}

//! A counter the database bumps itself whenever a survey, question, wave, ward, ward group,
//! population total, setting, benchmark or indicator changes, so that every Kiln process can keep those in memory and check one number per
//! request instead of reading them all. Triggers, not application code, so that no writer
//! (another instance, the command line, a hand-run SQL fix) can forget to bump it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables the in-memory catalogue is built from.
pub const WATCHED: [&str; 11] = [
    "survey",
    "survey_section",
    "question",
    "question_option",
    "wave",
    "area",
    "area_group",
    "population",
    "setting",
    "benchmark",
    "indicator",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(
            "CREATE TABLE catalogue_version (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)",
        )
        .await?;
        db.execute_unprepared("INSERT INTO catalogue_version (id, n) VALUES (1, 0)")
            .await?;
        if db.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "CREATE FUNCTION bump_catalogue_version() RETURNS trigger AS $$
                 BEGIN
                   UPDATE catalogue_version SET n = n + 1 WHERE id = 1;
                   RETURN NULL;
                 END $$ LANGUAGE plpgsql",
            )
            .await?;
        }
        for t in WATCHED {
            watch(db, t).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for t in WATCHED {
            unwatch(db, t).await?;
        }
        if db.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared("DROP FUNCTION bump_catalogue_version()")
                .await?;
        }
        db.execute_unprepared("DROP TABLE catalogue_version")
            .await?;
        Ok(())
    }
}

/// Makes changes to a table bump the counter (later migrations watch their own tables).
pub async fn watch(db: &impl ConnectionTrait, t: &str) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        // Once per statement: a seed inserting a hundred questions bumps it once.
        db.execute_unprepared(&format!(
            "CREATE TRIGGER {t}_bumps_catalogue AFTER INSERT OR UPDATE OR DELETE
             ON {t} FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version()"
        ))
        .await?;
    } else {
        // SQLite has row triggers only, one event each.
        for event in ["INSERT", "UPDATE", "DELETE"] {
            let name = format!("{t}_{}_bumps_catalogue", event.to_lowercase());
            db.execute_unprepared(&format!(
                "CREATE TRIGGER {name} AFTER {event} ON {t}
                 BEGIN UPDATE catalogue_version SET n = n + 1 WHERE id = 1; END"
            ))
            .await?;
        }
    }
    Ok(())
}

/// Undoes `watch`.
pub async fn unwatch(db: &impl ConnectionTrait, t: &str) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared(&format!("DROP TRIGGER {t}_bumps_catalogue ON {t}"))
            .await?;
    } else {
        for event in ["insert", "update", "delete"] {
            db.execute_unprepared(&format!("DROP TRIGGER {t}_{event}_bumps_catalogue"))
                .await?;
        }
    }
    Ok(())
}

//! A second counter the database bumps itself: `published_version`, for what the public pages
//! show beyond the catalogue (whose own counter covers surveys, waves, wards, settings and
//! indicators). It moves when the framework's figures, targets or corrections change, when a
//! council update or its links change, and when responses arrive in (or leave) a wave whose
//! figures a public page can show: a published wave, or the baseline a published wave is
//! compared with. The stream of responses to a wave in fieldwork leaves it alone, so the public
//! pages' cache (`app::shared::ssr::page_cache`) holds through fieldwork. Triggers, as for the
//! catalogue, so that no writer can forget it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables whose every change can change a public page.
pub const WATCHED: [&str; 7] = [
    "fw_area",
    "fw_indicator",
    "fw_observation",
    "fw_target",
    "fw_correction",
    "council_update",
    "council_update_link",
];

/// Whether a wave `w` can show on a public page: published, or the baseline of a survey with
/// a published wave (which shows the change since it).
const SHOWN: &str = "(w.published OR (w.is_baseline AND EXISTS
    (SELECT 1 FROM wave p WHERE p.survey_id = w.survey_id AND p.published)))";

/// Whether the wave of a response (`row`: NEW or OLD) can show on a public page.
fn shown(row: &str) -> String {
    format!("EXISTS (SELECT 1 FROM wave w WHERE w.id = {row}.wave_id AND {SHOWN})")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(
            "CREATE TABLE published_version (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)",
        )
        .await?;
        db.execute_unprepared("INSERT INTO published_version (id, n) VALUES (1, 0)")
            .await?;
        if db.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "CREATE FUNCTION bump_published_version() RETURNS trigger AS $$
                 BEGIN
                   UPDATE published_version SET n = n + 1 WHERE id = 1;
                   RETURN NULL;
                 END $$ LANGUAGE plpgsql",
            )
            .await?;
            for t in WATCHED {
                // Once per statement, as for the catalogue.
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {t}_bumps_published AFTER INSERT OR UPDATE OR DELETE
                     ON {t} FOR EACH STATEMENT EXECUTE FUNCTION bump_published_version()"
                ))
                .await?;
            }
            // Responses: once per statement too (an import adds thousands in a few), looking
            // at the rows it changed. A trigger with a transition table takes one event.
            db.execute_unprepared(&format!(
                "CREATE FUNCTION bump_published_for_responses() RETURNS trigger AS $$
                 BEGIN
                   IF EXISTS (SELECT 1 FROM changed r JOIN wave w ON w.id = r.wave_id
                              WHERE {SHOWN}) THEN
                     UPDATE published_version SET n = n + 1 WHERE id = 1;
                   END IF;
                   RETURN NULL;
                 END $$ LANGUAGE plpgsql"
            ))
            .await?;
            for (event, table) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                let name = format!("response_{}_bumps_published", event.to_lowercase());
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {name} AFTER {event} ON response
                     REFERENCING {table} TABLE AS changed
                     FOR EACH STATEMENT EXECUTE FUNCTION bump_published_for_responses()"
                ))
                .await?;
            }
        } else {
            for t in WATCHED {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    let name = format!("{t}_{}_bumps_published", event.to_lowercase());
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name} AFTER {event} ON {t}
                         BEGIN UPDATE published_version SET n = n + 1 WHERE id = 1; END"
                    ))
                    .await?;
                }
            }
            for (event, when) in [
                ("INSERT", shown("NEW")),
                ("UPDATE", format!("{} OR {}", shown("NEW"), shown("OLD"))),
                ("DELETE", shown("OLD")),
            ] {
                let name = format!("response_{}_bumps_published", event.to_lowercase());
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {name} AFTER {event} ON response WHEN {when}
                     BEGIN UPDATE published_version SET n = n + 1 WHERE id = 1; END"
                ))
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DatabaseBackend::Postgres;
        let mut triggers: Vec<(String, &str)> = Vec::new();
        for t in WATCHED {
            if postgres {
                triggers.push((format!("{t}_bumps_published"), t));
            } else {
                for event in ["insert", "update", "delete"] {
                    triggers.push((format!("{t}_{event}_bumps_published"), t));
                }
            }
        }
        for event in ["insert", "update", "delete"] {
            triggers.push((format!("response_{event}_bumps_published"), "response"));
        }
        for (name, table) in triggers {
            let sql = if postgres {
                format!("DROP TRIGGER {name} ON {table}")
            } else {
                format!("DROP TRIGGER {name}")
            };
            db.execute_unprepared(&sql).await?;
        }
        if postgres {
            db.execute_unprepared("DROP FUNCTION bump_published_for_responses()")
                .await?;
            db.execute_unprepared("DROP FUNCTION bump_published_version()")
                .await?;
        }
        db.execute_unprepared("DROP TABLE published_version")
            .await?;
        Ok(())
    }
}

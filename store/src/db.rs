//! Opening the database (SQLite file by default, PostgreSQL for larger deployments) and
//! bringing its schema up to date.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

use crate::StoreError;

/// How long a connection waits for another's write to finish before giving up.
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Connects and runs any pending migrations. A failed migration is an error: the caller
/// must not start serving.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, StoreError> {
    let db = connect(url).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

pub async fn connect(url: &str) -> Result<DatabaseConnection, StoreError> {
    open(url, Durability::Flushed).await
}

/// A second, smaller pool on the same database whose commits do not wait for the disk: for
/// what a resident has typed but not yet sent (`drafts::ResidentWrites`), never for a
/// response.
pub async fn connect_unflushed(url: &str) -> Result<DatabaseConnection, StoreError> {
    open(url, Durability::Unflushed).await
}

/// What a commit has done when it returns.
#[derive(Clone, Copy, PartialEq)]
enum Durability {
    /// Written to disk: it survives a power cut.
    Flushed,
    /// Handed to the operating system: it survives the process being killed, and reaches the
    /// disk with the next flushed commit (SQLite syncs its whole log file; PostgreSQL flushes
    /// its log up to that commit) or checkpoint, a moment later under load. A power cut can
    /// undo the last of these, never a flushed commit.
    Unflushed,
}

async fn open(url: &str, durability: Durability) -> Result<DatabaseConnection, StoreError> {
    let sqlite = url.starts_with("sqlite:");
    if let Some(path) = sqlite_path(url) {
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    StoreError::Invalid(format!("cannot create {}: {e}", dir.display()))
                })?;
            }
        }
    }
    let unflushed = durability == Durability::Unflushed;
    let mut options = ConnectOptions::new(url.to_string());
    options
        .max_connections(match (sqlite, unflushed) {
            // Measured under 64 residents sending answers: 2, 4, 12 and 16 were all slower.
            (true, false) => 8,
            // SQLite takes one writer at a time (and `ResidentWrites` takes turns for them).
            (true, true) => 1,
            (false, false) => 16,
            (false, true) => 8,
        })
        .connect_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        // Set on every pooled connection as it opens, not on whichever one ran a PRAGMA:
        // synchronous, foreign keys and the busy timeout are per connection in SQLite.
        .map_sqlx_sqlite_opts(move |o| {
            o.journal_mode(SqliteJournalMode::Wal)
                // FULL keeps every committed response on disk through a power cut; NORMAL
                // leaves the log's sync to the next FULL commit or checkpoint.
                .synchronous(if unflushed {
                    SqliteSynchronous::Normal
                } else {
                    SqliteSynchronous::Full
                })
                .foreign_keys(true)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
        })
        .map_sqlx_postgres_opts(move |o| {
            if unflushed {
                o.options([("synchronous_commit", "off")])
            } else {
                o
            }
        });
    if sqlite {
        // The pool would otherwise ping a connection before each use: for SQLite, a second
        // trip to the connection's thread per query, and a file cannot hang up.
        options.test_before_acquire(false);
    } else {
        // A server can close a connection (a restart, a proxy's idle timeout): check one
        // that has sat unused, not one that answered a moment ago (as HikariCP does).
        options.test_before_acquire_if_idle_for(Duration::from_millis(500));
    }
    let db = Database::connect(options).await?;
    Ok(db)
}

/// The file path of an `sqlite:` URL, if it names a file.
pub fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or(url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// Hand-written SQL uses `?` for its values; PostgreSQL numbers them (`$1`, `$2`, ...).
pub fn placeholders(backend: sea_orm::DbBackend, sql: &str) -> String {
    if backend != sea_orm::DbBackend::Postgres {
        return sql.to_string();
    }
    let mut n = 0;
    sql.chars()
        .map(|c| {
            if c == '?' {
                n += 1;
                format!("${n}")
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Checks the database answers, for `/healthz`.
pub async fn ping(db: &DatabaseConnection) -> Result<(), StoreError> {
    db.execute_unprepared("SELECT 1").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{DbBackend, Statement, TransactionTrait};

    /// Reads one whole-number PRAGMA on a transaction's own connection.
    async fn pragma(txn: &sea_orm::DatabaseTransaction, name: &str) -> i64 {
        let row = txn
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                format!("PRAGMA {name}"),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index::<i64>(0).unwrap()
    }

    #[tokio::test]
    async fn every_pooled_sqlite_connection_has_the_settings() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/kiln.db?mode=rwc", dir.path().display());
        let db = connect(&url).await.unwrap();
        // Eight open transactions hold all eight connections of the pool at once.
        let mut held = Vec::new();
        for _ in 0..8 {
            held.push(db.begin().await.unwrap());
        }
        for txn in &held {
            assert_eq!(pragma(txn, "synchronous").await, 2, "synchronous=FULL");
            assert_eq!(pragma(txn, "foreign_keys").await, 1);
            assert_eq!(
                pragma(txn, "busy_timeout").await,
                SQLITE_BUSY_TIMEOUT.as_millis() as i64
            );
        }
    }

    /// Built in by `.cargo/config.toml` (`LIBSQLITE3_FLAGS`): without it, every query that
    /// ends `LIMIT ?` is parsed and planned again each time it runs.
    #[tokio::test]
    async fn sqlite_is_built_with_the_query_planner_stability_guarantee() {
        let db = connect("sqlite::memory:").await.unwrap();
        let row = db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "SELECT sqlite_compileoption_used('ENABLE_QPSG')",
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get_by_index::<i64>(0).unwrap(), 1);
    }

    #[test]
    fn finds_the_file_of_an_sqlite_url() {
        assert_eq!(
            sqlite_path("sqlite://data/kiln.db?mode=rwc"),
            Some("data/kiln.db")
        );
        assert_eq!(sqlite_path("sqlite:./data/kiln.db"), Some("./data/kiln.db"));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://localhost/kiln"), None);
    }
}

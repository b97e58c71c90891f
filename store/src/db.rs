//! Opening the database (SQLite file by default, PostgreSQL for larger deployments) and
//! bringing its schema up to date.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};

use crate::StoreError;

/// Connects and runs any pending migrations. A failed migration is an error: the caller
/// must not start serving.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, StoreError> {
    let db = connect(url).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

pub async fn connect(url: &str) -> Result<DatabaseConnection, StoreError> {
    if let Some(path) = sqlite_path(url) {
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    StoreError::Invalid(format!("cannot create {}: {e}", dir.display()))
                })?;
            }
        }
    }
    let mut options = ConnectOptions::new(url.to_string());
    options
        .max_connections(if url.starts_with("sqlite:") { 8 } else { 16 })
        .connect_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let db = Database::connect(options).await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers carry on while a response is written; FULL keeps every
        // committed response on disk through a power cut.
        db.execute_unprepared("PRAGMA journal_mode=WAL").await?;
        db.execute_unprepared("PRAGMA synchronous=FULL").await?;
        db.execute_unprepared("PRAGMA foreign_keys=ON").await?;
        db.execute_unprepared("PRAGMA busy_timeout=10000").await?;
    }
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

/// Checks the database answers, for `/healthz`.
pub async fn ping(db: &DatabaseConnection) -> Result<(), StoreError> {
    db.execute_unprepared("SELECT 1").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sqlite_path;

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

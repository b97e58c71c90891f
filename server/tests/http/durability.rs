//! What a commit has done when it returns: a response sent is on disk; a draft saved is with
//! the operating system, and on disk with the next response sent (see `ResidentWrites`).

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::common::TestApp;

/// The setting that says whether a commit waits for the disk, as a connection of the pool
/// has it: SQLite's `synchronous` (2 is FULL, 1 NORMAL), PostgreSQL's `synchronous_commit`.
async fn flush_setting(db: &DatabaseConnection) -> String {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "SHOW synchronous_commit",
        _ => "PRAGMA synchronous",
    };
    let row = db
        .query_one_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .unwrap();
    match backend {
        DbBackend::Postgres => row.try_get_by_index::<String>(0).unwrap(),
        _ => row.try_get_by_index::<i64>(0).unwrap().to_string(),
    }
}

db_test!(
    drafts_leave_the_flush_to_the_responses_sent,
    |app: TestApp| async move {
        let flushed = store::db::connect(&app.database_url).await.unwrap();
        let unflushed = store::db::connect_unflushed(&app.database_url)
            .await
            .unwrap();
        let (full, deferred) = match app.db.get_database_backend() {
            DbBackend::Postgres => ("on", "off"),
            _ => ("2", "1"),
        };
        assert_eq!(flush_setting(&flushed).await, full);
        assert_eq!(flush_setting(&app.db).await, full);
        assert_eq!(flush_setting(&unflushed).await, deferred);
    }
);

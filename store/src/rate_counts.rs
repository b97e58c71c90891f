//! Request counts by the minute, kept in the database so that several Kiln processes on one
//! PostgreSQL database enforce one rate limit between them. The caller names what is counted
//! by a key that must not be a client address (a keyed hash of one, say); rows older than the
//! last minute are pruned.

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};

use crate::db::placeholders as bind;
use crate::StoreError;

/// Requests counted under one key in this minute (including the one just counted) and in
/// the minute before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub this_minute: u32,
    pub last_minute: u32,
}

impl Counts {
    /// Whether the requests come to no more than `per_minute` over the last sixty seconds,
    /// estimating that last minute's fell evenly through it (a sliding window): a whole
    /// minute's allowance may come at once, and the next comes back over the following minute.
    pub fn within(self, per_minute: u32, now: i64) -> bool {
        let into_minute = now.rem_euclid(60) as f64;
        let earlier = f64::from(self.last_minute) * (60.0 - into_minute) / 60.0;
        earlier + f64::from(self.this_minute) <= f64::from(per_minute)
    }
}

/// Counts one request under `key` at `now` and returns the counts it makes.
pub async fn count(db: &DatabaseConnection, key: &str, now: i64) -> Result<Counts, StoreError> {
    let backend = db.get_database_backend();
    let minute = now.div_euclid(60);
    // One statement, one round trip: the bump (two processes counting at once both count)
    // and the minute before.
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            bind(
                backend,
                "INSERT INTO rate_count (key, minute, n) VALUES (?, ?, 1)
                 ON CONFLICT (key, minute) DO UPDATE SET n = rate_count.n + 1
                 RETURNING n, COALESCE((SELECT r.n FROM rate_count r
                                        WHERE r.key = ? AND r.minute = ?), 0)",
            ),
            [
                Value::from(key),
                Value::from(minute),
                Value::from(key),
                Value::from(minute - 1),
            ],
        ))
        .await?
        .ok_or_else(|| StoreError::Corrupt("the count returned no row".into()))?;
    let count = |i| -> Result<u32, StoreError> {
        Ok(u32::try_from(row.try_get_by_index::<i32>(i)?).unwrap_or(0))
    };
    let (this_minute, last_minute) = (count(0)?, count(1)?);
    Ok(Counts {
        this_minute,
        last_minute,
    })
}

/// Deletes counts no limit looks at any more.
pub async fn prune(db: &DatabaseConnection, now: i64) -> Result<(), StoreError> {
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        bind(backend, "DELETE FROM rate_count WHERE minute < ?"),
        [Value::from(now.div_euclid(60) - 1)],
    ))
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Counts;

    fn counts(this_minute: u32, last_minute: u32) -> Counts {
        Counts {
            this_minute,
            last_minute,
        }
    }

    #[test]
    fn a_minutes_allowance_may_come_at_once() {
        assert!(counts(3, 0).within(3, 600));
        assert!(!counts(4, 0).within(3, 600));
    }

    #[test]
    fn last_minutes_requests_count_less_as_the_minute_goes_on() {
        // Three last minute, at the turn of the minute: still full.
        assert!(!counts(1, 3).within(3, 600));
        // Half way through: half of them count.
        assert!(counts(1, 3).within(3, 630));
        assert!(!counts(2, 3).within(3, 630));
        // Near the end, nearly none.
        assert!(counts(2, 3).within(3, 659));
        assert!(!counts(3, 3).within(3, 659));
    }
}

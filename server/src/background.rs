//! Work done on a timer while the server runs.

use std::time::Duration;

use store::{Clock, DatabaseConnection};

/// Deletes unfinished responses not saved for `days` days, now and every six hours.
pub fn spawn_draft_cleanup(
    db: DatabaseConnection,
    clock: Clock,
    days: i64,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(6 * 60 * 60));
        loop {
            tick.tick().await;
            match store::drafts::delete_stale(&db, clock.today(), days).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "deleted stale unfinished responses"),
                Err(e) => tracing::warn!(error = %e, "could not delete stale unfinished responses"),
            }
        }
    })
}

/// Deletes ended sessions and old failed sign-ins, every ten minutes.
pub fn spawn_session_cleanup(
    db: DatabaseConnection,
    clock: Clock,
    limits: domain::accounts::SessionLimits,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(10 * 60));
        loop {
            tick.tick().await;
            if let Err(e) = store::sessions::delete_expired(&db, limits, clock.now()).await {
                tracing::warn!(error = %e, "could not delete ended sessions");
            }
            if let Err(e) = store::throttle::prune(&db, clock.now()).await {
                tracing::warn!(error = %e, "could not prune failed sign-ins");
            }
            if let Err(e) = store::account_links::prune(&db, clock.now()).await {
                tracing::warn!(error = %e, "could not delete old emailed links");
            }
            if let Err(e) = store::subscribers::prune(&db, clock.now()).await {
                tracing::warn!(error = %e, "could not delete unconfirmed addresses");
            }
            if let Err(e) = store::outbox::prune(&db, clock.now()).await {
                tracing::warn!(error = %e, "could not delete old records of sent email");
            }
        }
    })
}

/// Queues the survey reminders that have come due, every ten minutes (reminders go on a
/// day, so a few minutes late is on time), and wakes the sender if there are any.
pub fn spawn_reminders(
    db: DatabaseConnection,
    clock: Clock,
    secret: Vec<u8>,
    wake: std::sync::Arc<tokio::sync::Notify>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(10 * 60));
        loop {
            tick.tick().await;
            let now = clock.now();
            match store::invitations::remind_due(&db, &secret, now, now).await {
                Ok(0) => {}
                Ok(n) => {
                    tracing::info!(reminders = n, "survey reminders queued");
                    wake.notify_one();
                }
                Err(e) => tracing::warn!(error = %e, "could not queue survey reminders"),
            }
        }
    })
}

/// Forgets rate-limit counts for client addresses not seen lately, every minute, so that the
/// limiters' memory, or their table, stays small however many addresses pass through.
pub fn spawn_limiter_cleanup(
    limits: std::sync::Arc<app::shared::ssr::limits::Limiters>,
    db: DatabaseConnection,
    clock: store::Clock,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            limits.forget_idle();
            if limits.in_database_counts() {
                if let Err(e) = store::rate_counts::prune(&db, clock.now()).await {
                    tracing::warn!(error = %e, "could not prune rate-limit counts");
                }
            }
        }
    })
}

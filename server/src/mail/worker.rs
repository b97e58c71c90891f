//! The sender: takes due messages from the outbox, renders and sends each, and records how
//! it went. Every process runs one; the outbox hands each message to one of them.

use std::sync::Arc;
use std::time::Duration;

use domain::mail::Failure;
use lettre::message::Mailbox;
use store::{Clock, DatabaseConnection, StoreError};
use tokio::sync::Notify;

use super::render::{message, render};
use super::transport::Transport;

/// How often the sender looks for due messages when nothing wakes it (retries come due,
/// another process queued something).
pub const POLL: Duration = Duration::from_secs(5);

/// Messages taken at a time.
const BATCH: u32 = 20;

pub struct Mailer {
    pub transport: Transport,
    pub from: Mailbox,
    /// Seconds a claimed message stays this sender's (`store::outbox::LEASE_SECONDS`).
    pub lease: i64,
    /// The public address, before the paths in residents' messages.
    pub site: String,
}

/// What one pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub delivered: usize,
    pub failed: usize,
}

/// Sends every message due now, batch by batch, until none is left.
pub async fn send_due(
    db: &DatabaseConnection,
    mailer: &Mailer,
    clock: &Clock,
) -> Result<Pass, StoreError> {
    let mut pass = Pass::default();
    loop {
        let batch = store::outbox::claim(db, clock.now(), BATCH, mailer.lease).await?;
        if batch.is_empty() {
            return Ok(pass);
        }
        for claimed in batch {
            let sent = match render(&claimed.mail, &mailer.site) {
                Err(e) => Err(super::transport::SendError {
                    failure: Failure::Permanent,
                    reason: format!("the template could not be rendered: {e}"),
                }),
                Ok(r) => match message(&mailer.from, &claimed.to, &claimed.key, &r) {
                    Err(reason) => Err(super::transport::SendError {
                        failure: Failure::Permanent,
                        reason,
                    }),
                    Ok(m) => mailer.transport.send(m).await,
                },
            };
            match sent {
                Ok(status) => {
                    store::outbox::delivered(db, &claimed, status, clock.now()).await?;
                    pass.delivered += 1;
                }
                Err(e) => {
                    tracing::warn!(
                        message = claimed.id,
                        attempt = claimed.attempts,
                        reason = %e.reason,
                        "an email was not sent"
                    );
                    store::outbox::failed(db, &claimed, e.failure, &e.reason, clock.now()).await?;
                    pass.failed += 1;
                }
            }
        }
    }
}

/// Runs the sender until the process ends: at once when woken, else every `POLL`.
pub fn spawn(
    db: DatabaseConnection,
    mailer: Arc<Mailer>,
    clock: Clock,
    wake: Arc<Notify>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        // One process on SQLite: what it was sending when it stopped is nobody's now.
        if db.get_database_backend() == sea_orm::DbBackend::Sqlite {
            match store::outbox::release_claims(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(messages = n, "email left mid-send is queued again"),
                Err(e) => tracing::warn!(error = %e, "could not queue email left mid-send"),
            }
        }
        loop {
            if let Err(e) = send_due(&db, &mailer, &clock).await {
                tracing::warn!(error = %e, "the email sender could not reach the outbox");
            }
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(POLL) => {}
            }
        }
    })
}

//! What the web app knows of email: how long links last, where messages go (for the
//! administrators' outbox page), and how to wake this process's sender when a form has just
//! queued a message. Sending itself is the server's (`server::mail`).

use std::sync::Arc;

use tokio::sync::Notify;

#[derive(Clone, Debug)]
pub struct MailSettings {
    /// How long a "Forgotten your password?" link works.
    pub reset_minutes: u32,
    pub delivery: Delivery,
    /// Notified after a message is queued, so it goes now rather than at the next poll.
    pub wake: Arc<Notify>,
}

/// Where messages go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// To a mail server (`KILN_SMTP_URL`): its host, for the outbox page.
    Smtp { host: String },
    /// No mail server configured: each message is written to this folder as an `.eml` file
    /// and nothing is sent.
    Folder { path: String },
    /// Kept in memory (tests).
    Memory,
}

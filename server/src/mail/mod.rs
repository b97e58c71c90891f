//! Sending email: the outbox's messages rendered from their templates and sent with lettre
//! (`worker`), over SMTP or, with no mail server configured, into a folder (`transport`).

pub mod render;
pub mod transport;
pub mod worker;

pub use worker::{send_due, Mailer};

//! Where messages go: a mail server over SMTP, or (with none configured) a folder of `.eml`
//! files, or memory (tests). Each SMTP send has its own timeout, since lettre's covers only
//! each command; after any error the connection pool is dropped and built anew.

use std::time::Duration;

use domain::mail::{Failure, OutboxStatus};
use lettre::transport::stub::AsyncStubTransport;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Mutex;

type Smtp = AsyncSmtpTransport<Tokio1Executor>;

pub enum Transport {
    Smtp {
        url: String,
        timeout: Duration,
        live: Mutex<Option<Smtp>>,
    },
    Folder(AsyncFileTransport<Tokio1Executor>),
    Memory(AsyncStubTransport),
}

/// Why a send failed, and whether to try again.
#[derive(Debug)]
pub struct SendError {
    pub failure: Failure,
    pub reason: String,
}

impl Transport {
    /// An SMTP transport, by lettre's URL rules: `smtps://user:password@host:465` (TLS),
    /// `smtp://user:password@host:587?tls=required` (STARTTLS, refused if the server cannot),
    /// `smtp://host:25` (no encryption: a relay on the same machine or network only). The
    /// URL is checked now, so a typo stops the start instead of every send.
    pub fn smtp(url: &str, timeout: Duration) -> anyhow::Result<Transport> {
        // Only the builder: a built transport would start a connection pool to drop.
        Smtp::from_url(url).map_err(|e| anyhow::anyhow!("KILN_SMTP_URL: {e}"))?;
        Ok(Transport::Smtp {
            url: url.to_string(),
            timeout,
            live: Mutex::new(None),
        })
    }

    pub fn folder(dir: &str) -> anyhow::Result<Transport> {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("cannot create the mail folder {dir}: {e}"))?;
        Ok(Transport::Folder(AsyncFileTransport::new(dir)))
    }

    pub fn memory() -> Transport {
        Transport::Memory(AsyncStubTransport::new_ok())
    }

    /// Sends one message: `Sent` when a mail server took it, `Written` when it went to the
    /// folder or memory instead.
    pub async fn send(&self, message: Message) -> Result<OutboxStatus, SendError> {
        match self {
            Transport::Smtp { url, timeout, live } => {
                let mut live = live.lock().await;
                if live.is_none() {
                    *live = Some(build_smtp(url, *timeout).map_err(|e| SendError {
                        failure: Failure::Temporary,
                        reason: e.to_string(),
                    })?);
                }
                let smtp = live.as_ref().expect("built above");
                // Connecting, greeting, TLS and every command: all within twice the
                // per-command timeout.
                let sent = tokio::time::timeout(*timeout * 2, smtp.send(message)).await;
                let error = match sent {
                    Ok(Ok(_)) => return Ok(OutboxStatus::Sent),
                    Ok(Err(e)) => SendError {
                        failure: if e.is_permanent() {
                            Failure::Permanent
                        } else {
                            Failure::Temporary
                        },
                        reason: e.to_string(),
                    },
                    Err(_) => SendError {
                        failure: Failure::Temporary,
                        reason: format!("the mail server did not answer within {timeout:?}"),
                    },
                };
                // Whatever went wrong, start the next send on a fresh connection.
                *live = None;
                Err(error)
            }
            Transport::Folder(files) => files
                .send(message)
                .await
                .map(|_| OutboxStatus::Written)
                .map_err(|e| SendError {
                    failure: Failure::Temporary,
                    reason: format!("could not write the message to the mail folder: {e}"),
                }),
            Transport::Memory(stub) => stub
                .send(message)
                .await
                .map(|_| OutboxStatus::Written)
                .map_err(|e| SendError {
                    failure: Failure::Temporary,
                    reason: e.to_string(),
                }),
        }
    }

    /// What the memory transport has taken (tests), as whole messages.
    pub async fn taken(&self) -> Vec<String> {
        match self {
            Transport::Memory(stub) => stub.messages().await.into_iter().map(|(_, m)| m).collect(),
            _ => Vec::new(),
        }
    }
}

fn build_smtp(url: &str, timeout: Duration) -> Result<Smtp, lettre::transport::smtp::Error> {
    Ok(Smtp::from_url(url)?.timeout(Some(timeout)).build())
}

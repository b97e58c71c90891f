//! Configuration from environment variables, each with a default that needs no setting.

use std::net::SocketAddr;

#[derive(Clone, Debug)]
pub struct Config {
    /// `DATABASE_URL`: an SQLite file by default; a `postgres://` URL runs on PostgreSQL.
    pub database_url: String,
    /// `KILN_ADDR`: where to listen.
    pub addr: SocketAddr,
    /// `KILN_SITE_ROOT`: the built site (`pkg/` with the wasm, JS and CSS).
    pub site_root: String,
    /// `KILN_DRAFT_DAYS`: unfinished responses are deleted this many days after last saved.
    pub draft_days: i64,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kiln.db?mode=rwc";

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_string());
        Ok(Config {
            database_url: var("DATABASE_URL", DEFAULT_DATABASE_URL),
            addr: var("KILN_ADDR", "127.0.0.1:3000").parse().map_err(|e| {
                anyhow::anyhow!("KILN_ADDR is not an address like 127.0.0.1:3000: {e}")
            })?,
            site_root: var("KILN_SITE_ROOT", "target/site"),
            draft_days: var("KILN_DRAFT_DAYS", "30")
                .parse()
                .map_err(|e| anyhow::anyhow!("KILN_DRAFT_DAYS is not a whole number: {e}"))?,
        })
    }
}

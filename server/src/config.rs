//! Configuration from environment variables, each with a default that needs no setting.

use std::net::SocketAddr;

use domain::accounts::SessionLimits;

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
    /// `KILN_PUBLIC_URL`: the address people use. When it is https, the session cookie is
    /// Secure and `__Host-` prefixed.
    pub public_url: String,
    /// `KILN_SESSION_IDLE_MINUTES` (30) and `KILN_SESSION_MAX_HOURS` (12).
    pub session: SessionLimits,
    /// `KILN_TRUST_PROXY=1`: take client addresses from X-Forwarded-For (only behind a proxy
    /// that sets it).
    pub trust_proxy: bool,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kiln.db?mode=rwc";

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: DEFAULT_DATABASE_URL.into(),
            addr: "127.0.0.1:3000".parse().expect("literal address"),
            site_root: "target/site".into(),
            draft_days: 30,
            public_url: "http://127.0.0.1:3000".into(),
            session: SessionLimits::default(),
            trust_proxy: false,
        }
    }
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_string());
        let whole = |name: &str, default: &str| -> anyhow::Result<i64> {
            var(name, default)
                .parse()
                .map_err(|e| anyhow::anyhow!("{name} is not a whole number: {e}"))
        };
        let idle = whole("KILN_SESSION_IDLE_MINUTES", "30")?;
        let max = whole("KILN_SESSION_MAX_HOURS", "12")?;
        if idle < 1 || max < 1 {
            anyhow::bail!("session limits must be at least 1 minute and 1 hour");
        }
        Ok(Config {
            database_url: var("DATABASE_URL", DEFAULT_DATABASE_URL),
            addr: var("KILN_ADDR", "127.0.0.1:3000").parse().map_err(|e| {
                anyhow::anyhow!("KILN_ADDR is not an address like 127.0.0.1:3000: {e}")
            })?,
            site_root: var("KILN_SITE_ROOT", "target/site"),
            draft_days: whole("KILN_DRAFT_DAYS", "30")?,
            public_url: var("KILN_PUBLIC_URL", "http://127.0.0.1:3000"),
            session: SessionLimits {
                idle: idle * 60,
                absolute: max * 3600,
            },
            trust_proxy: matches!(var("KILN_TRUST_PROXY", "0").as_str(), "1" | "true" | "yes"),
        })
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

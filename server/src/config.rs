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
    /// `KILN_TRUST_PROXY=N`: the number of reverse proxies in front of Kiln that append to
    /// X-Forwarded-For (`1` for one nginx). The client's address is the entry the outermost
    /// of them added; entries before it were sent by the client and are ignored. 0: the
    /// connection's own address.
    pub trusted_proxies: usize,
    /// `KILN_LIMIT_*`: how much the anonymous survey endpoints take per client address and
    /// overall, per minute.
    pub survey_limits: app::shared::ssr::limits::SurveyLimits,
    pub mail: MailConfig,
    /// `KILN_COUNCIL_*`: the council's name and contacts, on the accessibility statement
    /// and the privacy notice.
    pub council: app::shared::council::Council,
    /// `KILN_BRAND_COLOUR` and `KILN_COUNCIL_LOGO`: the header's colour and the council's
    /// logo, as the files pages load.
    pub brand: app::shared::ssr::brand::BrandFiles,
    /// `KILN_KIOSK_IDLE_SECONDS` (120): a kiosk page left this long without a touch goes
    /// back to the start.
    pub kiosk_idle_seconds: u32,
}

/// Email settings.
#[derive(Clone, Debug)]
pub struct MailConfig {
    pub to: MailTo,
    /// `KILN_MAIL_FROM`: the sender, like `Kiln <kiln@stoke.gov.uk>`.
    pub from: String,
    /// `KILN_RESET_MINUTES` (30): how long a "Forgotten your password?" link works.
    pub reset_minutes: u32,
    /// `KILN_SMTP_TIMEOUT_SECONDS` (30): each SMTP command's limit; a whole send gets twice.
    pub timeout: std::time::Duration,
    /// `KILN_MAIL_LEASE_SECONDS` (120): how long a process that took a message may take to
    /// send it before another may (it died). More than twice the timeout.
    pub lease_seconds: i64,
}

/// Where messages go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailTo {
    /// `KILN_SMTP_URL`, like `smtp://user:password@mail.example:587` (STARTTLS) or
    /// `smtps://mail.example:465`.
    Smtp(String),
    /// No `KILN_SMTP_URL`: `.eml` files in `KILN_MAIL_DIR` (`data/mail`), nothing sent.
    Folder(String),
    /// Kept in memory: the tests' default.
    Memory,
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            to: MailTo::Memory,
            from: "Kiln <kiln@localhost>".into(),
            reset_minutes: 30,
            timeout: std::time::Duration::from_secs(30),
            lease_seconds: store::outbox::LEASE_SECONDS,
        }
    }
}

impl MailConfig {
    /// Where messages go, for the outbox page.
    pub fn delivery(&self) -> app::shared::ssr::mail::Delivery {
        use app::shared::ssr::mail::Delivery;
        match &self.to {
            MailTo::Smtp(url) => Delivery::Smtp {
                host: url::Url::parse(url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_string))
                    .unwrap_or_default(),
            },
            MailTo::Folder(dir) => Delivery::Folder { path: dir.clone() },
            MailTo::Memory => Delivery::Memory,
        }
    }

    /// The sender the messages go through; `site` is the public address.
    pub fn mailer(&self, site: &str) -> anyhow::Result<crate::mail::Mailer> {
        use crate::mail::transport::Transport;
        let from = self.from.parse().map_err(|e| {
            anyhow::anyhow!("KILN_MAIL_FROM is not an address like Kiln <kiln@example.gov.uk>: {e}")
        })?;
        let transport = match &self.to {
            MailTo::Smtp(url) => Transport::smtp(url, self.timeout)?,
            MailTo::Folder(dir) => Transport::folder(dir)?,
            MailTo::Memory => Transport::memory(),
        };
        Ok(crate::mail::Mailer {
            transport,
            from,
            lease: self.lease_seconds,
            site: site.to_string(),
        })
    }
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
            trusted_proxies: 0,
            survey_limits: Default::default(),
            mail: MailConfig::default(),
            council: Default::default(),
            brand: Default::default(),
            kiosk_idle_seconds: app::kiosk::paths::IDLE_SECONDS,
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
        let addr: SocketAddr = var("KILN_ADDR", "127.0.0.1:3000")
            .parse()
            .map_err(|e| anyhow::anyhow!("KILN_ADDR is not an address like 127.0.0.1:3000: {e}"))?;
        let public_url = var("KILN_PUBLIC_URL", &format!("http://{addr}"));
        url::Url::parse(&public_url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "KILN_PUBLIC_URL is not an address like https://survey.example.gov.uk"
                )
            })?;
        let count = |name: &str, default: u32| -> anyhow::Result<u32> {
            let v = whole(name, &default.to_string())?;
            u32::try_from(v)
                .ok()
                .filter(|v| *v > 0)
                .ok_or_else(|| anyhow::anyhow!("{name} must be a whole number above 0"))
        };
        let d = app::shared::ssr::limits::SurveyLimits::default();
        let c = app::shared::council::Council::default();
        let colour = domain::brand::BrandColour::parse(&var("KILN_BRAND_COLOUR", "#00594f"))
            .map_err(|e| anyhow::anyhow!("KILN_BRAND_COLOUR: {e}"))?;
        let logo = match std::env::var("KILN_COUNCIL_LOGO") {
            Ok(path) if !path.is_empty() => Some((
                path.clone(),
                std::fs::read(&path)
                    .map_err(|e| anyhow::anyhow!("KILN_COUNCIL_LOGO: cannot read {path}: {e}"))?,
            )),
            _ => None,
        };
        let brand = app::shared::ssr::brand::BrandFiles::new(
            colour,
            logo.as_ref().map(|(p, b)| (p.as_str(), b.clone())),
        )
        .map_err(|e| anyhow::anyhow!("KILN_COUNCIL_LOGO: {e}"))?;
        let council = app::shared::council::Council {
            service: var("KILN_SERVICE_NAME", &c.service),
            logo: brand
                .logo
                .as_ref()
                .map(|f| f.path.clone())
                .unwrap_or_default(),
            name: var("KILN_COUNCIL_NAME", &c.name),
            email: var("KILN_COUNCIL_EMAIL", &c.email),
            phone: var("KILN_COUNCIL_PHONE", &c.phone),
            address: var("KILN_COUNCIL_ADDRESS", &c.address),
            dpo_email: var("KILN_COUNCIL_DPO_EMAIL", &c.dpo_email),
            signposts: match std::env::var("KILN_SIGNPOSTS") {
                Ok(path) if !path.is_empty() => {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|e| anyhow::anyhow!("KILN_SIGNPOSTS: cannot read {path}: {e}"))?;
                    serde_json::from_str(&text).map_err(|e| {
                        anyhow::anyhow!(
                            "KILN_SIGNPOSTS: {path} is not a JSON list of {{topic, name, url, phone}}: {e}"
                        )
                    })?
                }
                _ => c.signposts.clone(),
            },
        };
        let mail = MailConfig {
            to: match std::env::var("KILN_SMTP_URL") {
                Ok(url) if !url.is_empty() => MailTo::Smtp(url),
                _ => MailTo::Folder(var("KILN_MAIL_DIR", "data/mail")),
            },
            from: var("KILN_MAIL_FROM", "Kiln <kiln@localhost>"),
            reset_minutes: count("KILN_RESET_MINUTES", 30)?,
            timeout: std::time::Duration::from_secs(u64::from(count(
                "KILN_SMTP_TIMEOUT_SECONDS",
                30,
            )?)),
            lease_seconds: i64::from(count("KILN_MAIL_LEASE_SECONDS", 120)?),
        };
        Ok(Config {
            council,
            brand,
            kiosk_idle_seconds: count("KILN_KIOSK_IDLE_SECONDS", app::kiosk::paths::IDLE_SECONDS)?,
            database_url: var("DATABASE_URL", DEFAULT_DATABASE_URL),
            addr,
            site_root: var("KILN_SITE_ROOT", "target/site"),
            draft_days: whole("KILN_DRAFT_DAYS", "30")?,
            public_url,
            session: SessionLimits {
                idle: idle * 60,
                absolute: max * 3600,
            },
            trusted_proxies: match var("KILN_TRUST_PROXY", "0").as_str() {
                "true" | "yes" => 1,
                "false" | "no" | "" => 0,
                n => n.parse().map_err(|_| {
                    anyhow::anyhow!(
                        "KILN_TRUST_PROXY is the number of proxies in front of Kiln, like 1"
                    )
                })?,
            },
            survey_limits: app::shared::ssr::limits::SurveyLimits {
                starts_per_minute: count("KILN_LIMIT_STARTS_PER_MINUTE", d.starts_per_minute)?,
                posts_per_minute: count("KILN_LIMIT_POSTS_PER_MINUTE", d.posts_per_minute)?,
                resumes_per_minute: count("KILN_LIMIT_RESUMES_PER_MINUTE", d.resumes_per_minute)?,
                new_drafts_per_minute: count(
                    "KILN_LIMIT_NEW_DRAFTS_PER_MINUTE",
                    d.new_drafts_per_minute,
                )?,
            },
            mail,
        })
    }

    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

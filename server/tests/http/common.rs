//! The test harness: starts the real app on port 0 over a fresh database, SQLite file or
//! PostgreSQL, and speaks HTTP to it like a browser with JavaScript off.
#![allow(dead_code)]

use std::sync::Arc;

use reqwest::{redirect::Policy, Response, StatusCode};
use scraper::{Html, Selector};
use server::config::Config;
use store::{Clock, DatabaseConnection};

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a test body once per database backend: `db_test!(name, |app| async move { ... })`
/// makes `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! db_test {
    ($name:ident, $body:expr) => {
        $crate::db_test!($name, |b| b, $body);
    };
    // With a builder step: `db_test!(name, |b| b.configure(...), |app| async move { ... })`.
    ($name:ident, $build:expr, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let builder = $crate::common::TestApp::builder($crate::common::Backend::Sqlite);
                let app = $crate::common::with(builder, $build).spawn().await;
                // The body may capture only the fields it uses: hold the database's folder
                // until it is done.
                let dir = app.dir.clone();
                ($body)(app).await;
                drop(dir);
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let builder = $crate::common::TestApp::builder($crate::common::Backend::Postgres);
                let app = $crate::common::with(builder, $build).spawn().await;
                ($body)(app).await;
            }
        }
    };
}

/// Applies a test's builder step (a function, so that the closure's argument type is known).
pub fn with(b: TestAppBuilder, f: impl FnOnce(TestAppBuilder) -> TestAppBuilder) -> TestAppBuilder {
    f(b)
}

pub struct TestApp {
    /// The running app's state (its database, caches and limits).
    pub state: app::shared::ssr::AppState,
    /// What the app logged, when the builder asked to capture it.
    pub logs: Logs,
    pub base: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    pub dir: Option<Arc<tempfile::TempDir>>,
    /// The app's clock: fixed, moved only by `advance`.
    pub clock: Clock,
    pub database_url: String,
    /// The email sender this app's messages go through (memory unless the test chose a
    /// mail server); tests send the outbox with `deliver_mail`.
    pub mailer: Arc<server::mail::Mailer>,
}

pub async fn database_url(backend: Backend) -> (String, Option<Arc<tempfile::TempDir>>) {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}/kiln.db?mode=rwc", dir.path().display());
            (url, Some(Arc::new(dir)))
        }
        Backend::Postgres => {
            let server = std::env::var("KILN_TEST_POSTGRES_URL").expect(
                "KILN_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL",
            );
            let name = format!("kiln_test_{:016x}", rand::random::<u64>());
            let admin = store::db::connect(&format!("{server}/postgres"))
                .await
                .expect("connect to PostgreSQL");
            use sea_orm::ConnectionTrait;
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            (format!("{server}/{name}"), None)
        }
    }
}

/// Longer than any request takes on a loaded machine: a request that stalls fails its test
/// with its address named, instead of leaving the test to be killed without a word.
/// Where every test's clock starts: 09:00 UTC on Monday 2 March 2026, the day the standard
/// surveys' baseline waves open.
pub const START: i64 = 1_772_442_000;

pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

pub async fn spawn_app(backend: Backend) -> TestApp {
    TestApp::builder(backend).spawn().await
}

/// Starts a `TestApp` with what a test needs changed: `TestApp::builder(backend)
/// .configure(|c| c.survey_limits.starts_per_minute = 2).without_demo().spawn()`.
/// A change a test makes to the configuration before the app starts.
type ConfigStep = Box<dyn FnOnce(&mut Config)>;

pub struct TestAppBuilder {
    backend: Backend,
    configure: Vec<ConfigStep>,
    demo: bool,
    capture_logs: bool,
    clock: Clock,
    /// Another app's database, for a second instance beside it.
    database: Option<(String, Option<Arc<tempfile::TempDir>>)>,
}

/// Log lines written while a test runs, when it asked for them.
#[derive(Clone, Default)]
pub struct Logs(Arc<std::sync::Mutex<Vec<u8>>>);

impl Logs {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).to_string()
    }
}

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl TestAppBuilder {
    /// Changes the configuration the app starts with (after the test defaults are set).
    pub fn configure(mut self, f: impl FnOnce(&mut Config) + 'static) -> Self {
        self.configure.push(Box::new(f));
        self
    }

    /// Captures the app's log lines (every level from `info`), for `TestApp::logs`. One
    /// subscriber a process: nextest runs each test in its own.
    pub fn capture_logs(mut self) -> Self {
        self.capture_logs = true;
        self
    }

    /// Starts the app's clock at `clock` instead of `START`.
    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// A second instance on `app`'s database (and its clock), as a council running several
    /// processes behind a proxy would: nothing is seeded again.
    pub fn beside(mut self, app: &TestApp) -> Self {
        self.database = Some((app.database_url.clone(), app.dir.clone()));
        self.clock = app.clock.clone();
        self.demo = false;
        self
    }

    /// Starts with the schema and nothing else: no surveys, wards or waves.
    pub fn without_demo(mut self) -> Self {
        self.demo = false;
        self
    }

    pub async fn spawn(self) -> TestApp {
        let logs = Logs::default();
        if self.capture_logs {
            let writer = logs.clone();
            let subscriber = tracing_subscriber::fmt()
                .with_env_filter("info")
                .with_ansi(false)
                .with_writer(move || writer.clone())
                .finish();
            tracing::subscriber::set_global_default(subscriber)
                .expect("one log subscriber per test process");
        }
        let (database_url, dir) = match self.database {
            Some(existing) => existing,
            None => database_url(self.backend).await,
        };
        // Bound first, so that the public address is the one the test speaks to.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let mut config = Config {
            database_url: database_url.clone(),
            addr: listener.local_addr().unwrap(),
            public_url: base.clone(),
            ..Config::default()
        };
        for f in self.configure {
            f(&mut config);
        }
        let mailer = Arc::new(config.mail.mailer(&config.public_url).expect("mailer"));
        let state = server::startup::build_state(&config, self.clock.clone())
            .await
            .expect("app state");
        if self.demo {
            store::seed::seed_demo(&state.db, &self.clock)
                .await
                .expect("seed");
        }
        let db = state.db.clone();
        let kept = state.clone();
        tokio::spawn(async move { server::startup::serve(listener, state).await.unwrap() });
        TestApp {
            state: kept,
            logs,
            base,
            // One resident's browser: it keeps the cookie that opens its unfinished answers.
            client: reqwest::Client::builder()
                .redirect(Policy::none())
                .cookie_store(true)
                .timeout(REQUEST_TIMEOUT)
                .default_headers(browser_headers())
                .build()
                .unwrap(),
            db,
            dir,
            clock: self.clock,
            database_url,
            mailer,
        }
    }
}

/// A page as a browser would see it.
pub struct Page {
    pub status: StatusCode,
    pub html: Html,
    pub text: String,
}

impl Page {
    /// The words of the page, as a reader meets them (tags gone, entities decoded).
    pub fn words(&self) -> String {
        self.html.root_element().text().collect::<Vec<_>>().join("")
    }
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let sel = Selector::parse(css).expect("selector");
        self.html.select(&sel).collect()
    }
    pub fn attr(&self, css: &str, attr: &str) -> Option<String> {
        self.select(css)
            .first()
            .and_then(|e| e.value().attr(attr).map(str::to_string))
    }
    pub fn token(&self) -> String {
        self.attr("input[name=token]", "value").expect("form token")
    }
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }
    pub fn error_summary(&self) -> Vec<String> {
        self.texts(".error-summary-list li")
    }
    pub fn checked(&self, name: &str) -> Option<String> {
        self.attr(&format!("input[name=\"{name}\"][checked]"), "value")
    }
}

impl TestApp {
    pub fn builder(backend: Backend) -> TestAppBuilder {
        TestAppBuilder {
            backend,
            configure: Vec::new(),
            demo: true,
            capture_logs: false,
            clock: Clock::fixed_at(START),
            database: None,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Sends whatever the outbox holds that is due now, as the app's sender would.
    pub async fn deliver_mail(&self) -> server::mail::worker::Pass {
        server::mail::send_due(&self.db, &self.mailer, &self.clock)
            .await
            .expect("the outbox answers")
    }

    /// The messages the memory transport has taken, parsed.
    pub async fn mail_taken(&self) -> Vec<Email> {
        self.mailer
            .transport
            .taken()
            .await
            .iter()
            .map(|raw| Email::parse(raw.as_bytes()))
            .collect()
    }

    /// Moves the app's clock forward: sessions age, codes go stale, days pass.
    pub fn advance(&self, secs: i64) {
        self.clock.advance(secs);
    }

    pub async fn get(&self, path: &str) -> Page {
        let res = self.client.get(self.url(path)).send().await.expect("GET");
        page(res).await
    }

    /// Posts a form; returns the redirect target (the app always answers a post with one).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> String {
        let res = self
            .client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST");
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "POST {path} should redirect"
        );
        location(&res)
    }

    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    /// Starts a survey; returns the first section's path.
    pub async fn begin(&self, survey: &str) -> String {
        self.post(&format!("/surveys/{survey}/begin"), &[]).await
    }

    /// Answers the section at `path` with `answers` (and its own token), pressing Continue.
    pub async fn answer(&self, path: &str, answers: &[(&str, &str)]) -> String {
        let page = self.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "GET {path}");
        let token = page.token();
        let mut fields = vec![("token", token.as_str()), ("intent", "continue")];
        fields.extend_from_slice(answers);
        self.post(path.split('?').next().unwrap(), &fields).await
    }

    /// Completes the whole wellbeing survey with valid answers; returns the check page path.
    pub async fn complete_wellbeing(&self, ward: &str) -> String {
        let s1 = self.begin("wellbeing").await;
        let s2 = self.answer(&s1, &[("area", ward)]).await;
        let s3 = self
            .answer(
                &s2,
                &[
                    ("wb_life_satisfaction", "7"),
                    ("wb_worthwhile", "8"),
                    ("wb_happiness", "6"),
                    ("wb_anxiety", "2"),
                ],
            )
            .await;
        let s4 = self
            .answer(
                &s3,
                &[
                    ("wb_loneliness", "hardly_ever"),
                    ("fin_managing", "doing_alright"),
                    ("health_general", "good"),
                ],
            )
            .await;
        self.answer(&s4, &[("age_band", "35-44"), ("sex", "female")])
            .await
    }

    /// Presses "Send your answers" on a check page; returns where it leads.
    pub async fn submit(&self, check_path: &str) -> String {
        let page = self.get(check_path).await;
        let token = page.token();
        let action = page
            .attr("form[action$=submit]", "action")
            .expect("submit form");
        self.post(&action, &[("token", &token)]).await
    }

    /// Publishes a wellbeing wave, as `kiln publish-wave` does.
    pub async fn publish(&self, wave: &str) {
        store::waves::publish(
            &self.db,
            &store::audit::Actor::command_line(&self.clock),
            "wellbeing",
            wave,
        )
        .await
        .unwrap();
    }

    /// The id of the account with this email address.
    pub async fn user_id(&self, email: &str) -> i32 {
        store::users::all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.email == email)
            .expect("an account")
            .id
    }

    pub async fn ward_code(&self, name: &str) -> String {
        store::areas::AreaDirectory::load(&self.db)
            .await
            .unwrap()
            .wards
            .iter()
            .find(|w| w.name == name)
            .expect("ward")
            .code
            .clone()
    }

    pub async fn responses(&self) -> Vec<store::entity::response::Model> {
        use sea_orm::EntityTrait;
        store::entity::response::Entity::find()
            .all(&self.db)
            .await
            .unwrap()
    }
}

/// What a browser sends when it navigates: the app redirects page loads only for these.
fn browser_headers() -> reqwest::header::HeaderMap {
    let mut h = reqwest::header::HeaderMap::new();
    h.insert(
        reqwest::header::ACCEPT,
        "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
            .parse()
            .unwrap(),
    );
    h
}

pub fn location(res: &Response) -> String {
    res.headers()
        .get(reqwest::header::LOCATION)
        .expect("Location header")
        .to_str()
        .unwrap()
        .to_string()
}

pub async fn page(res: Response) -> Page {
    let status = res.status();
    let text = res.text().await.expect("body");
    Page {
        status,
        html: Html::parse_document(&text),
        text,
    }
}

pub const PASSWORD: &str = "correct horse battery staple";

/// A person with a browser of their own (cookies kept), signed in or not.
pub struct Agent {
    pub base: String,
    pub client: reqwest::Client,
    /// The app's clock, which an authenticator app would read.
    pub clock: Clock,
}

impl Agent {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
    pub async fn get(&self, path: &str) -> Page {
        page(self.client.get(self.url(path)).send().await.expect("GET")).await
    }
    pub async fn get_raw(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }
    /// Posts the administrators' "Invite a user" form (an officer) with the session's token.
    pub async fn invite_officer(&self, name: &str, email: &str) -> Response {
        let csrf = self.csrf().await;
        self.post(
            "/admin/users",
            &[
                ("csrf", csrf.as_str()),
                ("name", name),
                ("email", email),
                ("role", "officer"),
            ],
        )
        .await
    }
    /// A new browser (its own cookies) for the same site.
    pub fn clone_session(&self) -> Agent {
        Agent::new(&self.base, &self.clock)
    }
    /// A browser with no cookies yet.
    pub fn new(base: &str, clock: &Clock) -> Agent {
        Agent {
            base: base.to_string(),
            clock: clock.clone(),
            client: reqwest::Client::builder()
                .redirect(Policy::none())
                .cookie_store(true)
                .timeout(REQUEST_TIMEOUT)
                .default_headers(browser_headers())
                .build()
                .unwrap(),
        }
    }
    /// Completes two-factor set-up from its page as a person with an app would: reads the
    /// key shown and sends the code the app would give. Returns the post's reply.
    pub async fn set_up_two_factor(&self, page_path: &str) -> Response {
        let page = self.get(page_path).await;
        let secret = self.totp_secret(&page);
        let code = store::two_factor::current_code(&secret, self.clock.now()).expect("a code");
        let next = page.attr("input[name=next]", "value").unwrap_or_default();
        let action = page
            .attr("form[method=post]", "action")
            .expect("set-up form");
        let csrf = page.attr("input[name=csrf]", "value").unwrap_or_default();
        self.post(
            &action,
            &[("code", code.as_str()), ("next", &next), ("csrf", &csrf)],
        )
        .await
    }
    /// The key a set-up page shows, without the spaces that group it.
    pub fn totp_secret(&self, page: &Page) -> String {
        page.texts("[data-testid=totp-secret]")[0].replace(' ', "")
    }
    /// The CSRF token of the signed-in session, read from a page's forms.
    pub async fn csrf_from(&self, path: &str) -> String {
        self.get(path)
            .await
            .attr("input[name=csrf]", "value")
            .expect("csrf field")
    }
    /// The CSRF token of the signed-in session, read from the dashboard.
    pub async fn csrf(&self) -> String {
        self.get("/officer")
            .await
            .attr("input[name=csrf]", "value")
            .expect("csrf field")
    }
    pub async fn sign_in(&self, email: &str, password: &str) -> Response {
        self.sign_in_to(email, password, "/officer").await
    }
    /// Signs in asking to go to `next` afterwards.
    pub async fn sign_in_to(&self, email: &str, password: &str, next: &str) -> Response {
        let form = self.get("/sign-in").await;
        let token = form.token();
        self.post(
            "/sign-in",
            &[
                ("email", email),
                ("password", password),
                ("token", &token),
                ("next", next),
            ],
        )
        .await
    }
}

impl TestApp {
    pub fn agent(&self) -> Agent {
        Agent::new(&self.base, &self.clock)
    }

    /// A community group by name, made (working in the first ward) if there is none yet.
    pub async fn group(&self, name: &str) -> i32 {
        if let Some(g) = store::groups::all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name == name)
        {
            return g.id;
        }
        let ward = store::areas::AreaDirectory::load(&self.db)
            .await
            .unwrap()
            .wards[0]
            .id;
        let details = domain::groups::GroupDetails::parse(&domain::groups::GroupForm {
            name,
            description: "",
            contact_email: "hello@group.example.org",
            contact_phone: "",
            wards: &[ward],
        })
        .unwrap();
        let actor = store::audit::Actor::command_line(&self.clock);
        store::groups::create(&self.db, &actor, &details)
            .await
            .unwrap()
            .unwrap()
            .id
    }

    /// A user with `role`; organisers and volunteers belong to the group "First group".
    pub async fn make_user(&self, email: &str, role: domain::accounts::Role) {
        let group = if role.is_staff() {
            None
        } else {
            Some(self.group("First group").await)
        };
        self.make_member(email, role, group).await;
    }

    pub async fn make_member(&self, email: &str, role: domain::accounts::Role, group: Option<i32>) {
        let out = store::users::create(
            &self.db,
            store::users::NewUser {
                email,
                name: email.split('@').next().unwrap(),
                role,
                password: PASSWORD,
                must_change_password: false,
                group_id: group,
            },
            self.clock.now(),
        )
        .await
        .unwrap();
        assert!(matches!(out, store::users::CreateOutcome::Created(_)));
    }

    /// Chooses `password` on the page an emailed invitation or reset link opens, as a new
    /// browser; returns where the form sent it.
    pub async fn choose_password(&self, link: &str, password: &str) -> String {
        let a = self.agent();
        let form = a.get(link).await;
        let res = a
            .post(
                link,
                &[
                    ("new", password),
                    ("confirm", password),
                    ("token", &form.token()),
                ],
            )
            .await;
        location(&res)
    }

    /// A signed-in agent with the given role.
    pub async fn signed_in(&self, email: &str, role: domain::accounts::Role) -> Agent {
        self.make_user(email, role).await;
        self.sign_in_as(email, role).await
    }

    /// A signed-in agent for a user made already; staff land on the dashboard, a group's
    /// people on their group's page.
    pub async fn sign_in_as(&self, email: &str, role: domain::accounts::Role) -> Agent {
        let a = self.agent();
        let mut res = a.sign_in(email, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        // Administrators set up two-factor sign-in at their first sign-in.
        if location(&res).starts_with("/sign-in/two-factor") {
            res = a.set_up_two_factor(&location(&res)).await;
        }
        assert_eq!(location(&res), "/officer");
        if !role.is_staff() {
            let home = a.get_raw("/officer").await;
            assert_eq!(location(&home), "/group");
        }
        a
    }
}

pub const HEADER: &str = "response_id,area,age_band,sex,wb_life_satisfaction,wb_worthwhile,wb_happiness,wb_anxiety,wb_loneliness,fin_managing,health_general";

/// `n` wellbeing rows in a ward, life satisfaction cycling through `scores`.
pub fn rows(prefix: &str, ward: &str, n: usize, scores: &[u8]) -> String {
    (0..n)
        .map(|i| {
            let age = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"][i % 7];
            let sex = ["female", "male"][i % 2];
            let s = scores[i % scores.len()];
            format!("{prefix}-{i},{ward},{age},{sex},{s},{s},{s},3,never,doing_alright,good\n")
        })
        .collect()
}

pub async fn import(
    app: &TestApp,
    wave: &str,
    csv: &str,
    dry_run: bool,
) -> Result<store::responses_import::ImportReport, store::import::ImportError> {
    let survey = store::surveys::by_key(&app.db, "wellbeing")
        .await
        .unwrap()
        .unwrap();
    let (_, w) = store::waves::find(&app.db, "wellbeing", wave)
        .await
        .unwrap()
        .unwrap();
    let areas = store::areas::AreaDirectory::load(&app.db).await.unwrap();
    store::responses_import::import(
        &app.db,
        &survey,
        w.id,
        &areas,
        store::responses_import::ImportAs {
            channel: "paper",
            dry_run,
            today: app.clock.today(),
        },
        csv.as_bytes(),
    )
    .await
}

/// An email as its recipient reads it.
#[derive(Clone, Debug)]
pub struct Email {
    pub to: String,
    pub from: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub raw: String,
}

impl Email {
    pub fn parse(raw: &[u8]) -> Email {
        let m = mail_parser::MessageParser::default()
            .parse(raw)
            .expect("an email");
        let first = |a: Option<&mail_parser::Address>| {
            a.and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or_default()
                .to_string()
        };
        Email {
            to: first(m.to()),
            from: first(m.from()),
            subject: m.subject().unwrap_or_default().to_string(),
            text: m.body_text(0).unwrap_or_default().to_string(),
            html: m.body_html(0).unwrap_or_default().to_string(),
            raw: String::from_utf8_lossy(raw).to_string(),
        }
    }

    /// The first link in the text that starts with `prefix`, as a path on the app.
    pub fn link(&self, base: &str, prefix: &str) -> String {
        let start = self
            .text
            .find(&format!("{base}{prefix}"))
            .unwrap_or_else(|| panic!("no {prefix} link in {}", self.text));
        let link: String = self.text[start..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        link.trim_start_matches(base).to_string()
    }
}

/// The messages a real SMTP server (started by `scripts/test`) has delivered to `to`: it
/// writes each to the Maildir `KILN_TEST_MAILDIR`.
pub fn delivered_to(to: &str) -> Vec<Email> {
    let dir = std::env::var("KILN_TEST_MAILDIR")
        .expect("KILN_TEST_MAILDIR is not set: run the tests with scripts/test, which starts an SMTP server");
    let mut found = Vec::new();
    for sub in ["new", "cur"] {
        let Ok(entries) = std::fs::read_dir(std::path::Path::new(&dir).join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let raw = std::fs::read(e.path()).unwrap();
            let email = Email::parse(&raw);
            if email.to == to {
                found.push(email);
            }
        }
    }
    found
}

/// The test SMTP server's address (`smtp://127.0.0.1:PORT`).
pub fn smtp_url() -> String {
    std::env::var("KILN_TEST_SMTP_URL")
        .expect("KILN_TEST_SMTP_URL is not set: run the tests with scripts/test, which starts an SMTP server")
}

//! kill -9 while residents send their answers: every response the server acknowledged is
//! there when it starts again; and while email is queued and being sent: after the restart
//! every message arrives, once. The real `kiln` binary, killed with SIGKILL.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::*;
use reqwest::StatusCode;

struct Kiln {
    child: std::process::Child,
    base: String,
}

impl Kiln {
    /// Starts `kiln serve` on the database and waits until it answers.
    async fn start(database_url: &str) -> Kiln {
        Kiln::start_with(database_url, &[]).await
    }

    /// The same, with more environment variables.
    async fn start_with(database_url: &str, env: &[(&str, String)]) -> Kiln {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kiln"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("KILN_ADDR", format!("127.0.0.1:{port}"))
            .env("KILN_SEED_DEMO", "true")
            .env("KILN_SITE_ROOT", "/nonexistent")
            // The load comes from one address: lift the per-address limits.
            .env("KILN_LIMIT_STARTS_PER_MINUTE", "100000")
            .env("KILN_LIMIT_POSTS_PER_MINUTE", "100000")
            .env("KILN_LIMIT_NEW_DRAFTS_PER_MINUTE", "100000")
            .env("RUST_LOG", "warn")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start kiln");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        for _ in 0..600 {
            if let Some(status) = child.try_wait().unwrap() {
                panic!("kiln stopped as it started: {status}");
            }
            if let Ok(r) = client.get(format!("{base}/healthz")).send().await {
                if r.status() == StatusCode::OK {
                    return Kiln { child, base };
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("kiln did not answer on {base} within a minute");
    }

    fn kill_9(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().unwrap();
    }
}

impl Drop for Kiln {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One resident's whole journey; the address of the done page when the server said it
/// stored the answers.
async fn journey(client: &reqwest::Client, base: &str, ward: &str) -> Option<String> {
    let post = |path: String, fields: Vec<(&'static str, String)>| {
        let client = client.clone();
        async move {
            let res = client
                .post(format!("{base}{path}"))
                .form(&fields)
                .send()
                .await
                .ok()?;
            (res.status() == StatusCode::SEE_OTHER).then(|| location(&res))
        }
    };
    let token = |path: String| {
        let client = client.clone();
        async move {
            let res = client.get(format!("{base}{path}")).send().await.ok()?;
            let page = page(res).await;
            page.attr("input[name=token]", "value")
        }
    };
    let answers: [Vec<(&'static str, String)>; 4] = [
        vec![("area", ward.to_string())],
        vec![
            ("wb_life_satisfaction", "7".into()),
            ("wb_worthwhile", "8".into()),
            ("wb_happiness", "6".into()),
            ("wb_anxiety", "3".into()),
        ],
        vec![
            ("wb_loneliness", "occasionally".into()),
            ("fin_managing", "doing_alright".into()),
            ("health_general", "good".into()),
        ],
        vec![("age_band", "45-54".into()), ("sex", "male".into())],
    ];
    let mut at = post("/surveys/wellbeing/begin".into(), vec![]).await?;
    for section in answers {
        let mut fields = vec![
            ("token", token(at.clone()).await?),
            ("intent", "continue".into()),
        ];
        fields.extend(section);
        at = post(at.split('?').next()?.to_string(), fields).await?;
    }
    let check = at;
    let submit = check.replace("/check", "/submit");
    let done = post(submit, vec![("token", token(check).await?)]).await?;
    done.ends_with("/done").then_some(done)
}

/// Starts a response and saves its first two pages; the second page's address.
async fn paused_after_two_pages(client: &reqwest::Client, base: &str, ward: &str) -> String {
    let post = |path: String, fields: Vec<(&'static str, String)>| async move {
        let res = client
            .post(format!("{base}{path}"))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        location(&res)
    };
    let token = |path: String| async move {
        let res = client.get(format!("{base}{path}")).send().await.unwrap();
        page(res).await.attr("input[name=token]", "value").unwrap()
    };
    let first = post("/surveys/wellbeing/begin".into(), vec![]).await;
    let fields = vec![
        ("token", token(first.clone()).await),
        ("intent", "continue".into()),
        ("area", ward.to_string()),
    ];
    let second = post(first, fields).await;
    let fields = vec![
        ("token", token(second.clone()).await),
        // "Save and come back later".
        ("intent", "save".into()),
        ("wb_life_satisfaction", "7".into()),
    ];
    post(second.clone(), fields).await;
    second
}

async fn ward(database_url: &str) -> String {
    let db = store::db::connect(database_url).await.unwrap();
    store::areas::AreaDirectory::load(&db).await.unwrap().wards[0]
        .code
        .clone()
}

async fn kill_during_load(backend: Backend) {
    let (database_url, _dir) = database_url(backend).await;
    let kiln = Kiln::start(&database_url).await;
    let ward = ward(&database_url).await;
    // Each journey in a browser of its own: the cookie it keeps is what opens its answers,
    // so the same browser asks for its done page after the restart.
    let browser = || {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap()
    };
    // A resident who saved two pages and stopped: drafts are written without waiting for the
    // disk (`ResidentWrites`), which a killed process must not undo either.
    let paused = browser();
    let second = paused_after_two_pages(&paused, &kiln.base, &ward).await;
    let acknowledged: Arc<Mutex<Vec<(reqwest::Client, String)>>> = Arc::default();
    let residents: Vec<_> = (0..16)
        .map(|_| {
            let (base, ward, acknowledged) =
                (kiln.base.clone(), ward.clone(), acknowledged.clone());
            tokio::spawn(async move {
                // Until the server dies under them.
                loop {
                    let client = browser();
                    let Some(done) = journey(&client, &base, &ward).await else {
                        break;
                    };
                    acknowledged.lock().unwrap().push((client, done));
                }
            })
        })
        .collect();
    while acknowledged.lock().unwrap().len() < 40 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    kiln.kill_9();
    for r in residents {
        r.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();

    let again = Kiln::start(&database_url).await;
    for (client, done) in &acknowledged {
        let res = client
            .get(format!("{}{done}", again.base))
            .send()
            .await
            .unwrap();
        // A lost response would send the resident back to the check page.
        assert_eq!(res.status(), StatusCode::OK, "{done} lost after kill -9");
    }
    let res = paused
        .get(format!("{}{second}", again.base))
        .send()
        .await
        .unwrap();
    let page = page(res).await;
    assert_eq!(
        page.checked("wb_life_satisfaction").as_deref(),
        Some("7"),
        "a saved page's answers lost after kill -9"
    );
    let db = store::db::connect(&database_url).await.unwrap();
    use sea_orm::{EntityTrait, PaginatorTrait};
    let stored = store::entity::response::Entity::find()
        .count(&db)
        .await
        .unwrap();
    assert!(
        stored as usize >= acknowledged.len(),
        "{stored} stored, {} acknowledged",
        acknowledged.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_response_is_lost_to_kill_9_sqlite() {
    kill_during_load(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_response_is_lost_to_kill_9_postgres() {
    kill_during_load(Backend::Postgres).await;
}

/// A mail server that takes connections and never answers: sends to it hang until their
/// timeout.
async fn silent_mail_server() -> (u16, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    (port, task)
}

async fn outbox_statuses(database_url: &str) -> Vec<String> {
    use sea_orm::EntityTrait;
    let db = store::db::connect(database_url).await.unwrap();
    store::entity::outbox::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.status)
        .collect()
}

async fn kill_while_mail_is_queued(backend: Backend) {
    let (database_url, _dir) = database_url(backend).await;
    let (silent, _server) = silent_mail_server().await;
    let env = |smtp: String| {
        vec![
            ("KILN_SMTP_URL", smtp),
            ("KILN_SMTP_TIMEOUT_SECONDS", "60".to_string()),
            // A dead process's messages are free again after 3 seconds (PostgreSQL; SQLite
            // frees them at start-up).
            ("KILN_MAIL_LEASE_SECONDS", "3".to_string()),
        ]
    };
    let kiln = Kiln::start_with(&database_url, &env(format!("smtp://127.0.0.1:{silent}"))).await;
    let prefix = format!("crash-{:x}", rand::random::<u32>());
    let db = store::db::connect(&database_url).await.unwrap();
    let now = store::Clock::system().now();
    for i in 0..30 {
        let mail = domain::mail::Mail::PasswordReset {
            name: format!("Person {i}"),
            token: format!("T{i}"),
            minutes: 30,
        };
        let to = format!("{prefix}-{i}@example.org");
        store::outbox::enqueue(&db, &format!("{prefix}:{i}"), &to, &mail, now)
            .await
            .unwrap();
    }
    // Killed while its sender holds messages it cannot get out, and others wait behind them.
    let mut taken = false;
    for _ in 0..200 {
        let statuses = outbox_statuses(&database_url).await;
        if statuses.iter().any(|s| s == "sending") {
            taken = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(taken, "the sender never took a message");
    kiln.kill_9();
    let statuses = outbox_statuses(&database_url).await;
    assert!(
        statuses.iter().all(|s| s == "sending" || s == "queued"),
        "{statuses:?}"
    );

    let _again = Kiln::start_with(&database_url, &env(smtp_url())).await;
    let mut delivered = Vec::new();
    for _ in 0..300 {
        delivered = (0..30)
            .flat_map(|i| delivered_to(&format!("{prefix}-{i}@example.org")))
            .collect::<Vec<_>>();
        if delivered.len() >= 30
            && outbox_statuses(&database_url)
                .await
                .iter()
                .all(|s| s == "sent")
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Longer than a lease and a poll: nothing more arrives late.
    tokio::time::sleep(Duration::from_secs(8)).await;
    for i in 0..30 {
        let to = format!("{prefix}-{i}@example.org");
        assert_eq!(
            delivered_to(&to).len(),
            1,
            "{to}: each message exactly once"
        );
    }
    assert!(outbox_statuses(&database_url)
        .await
        .iter()
        .all(|s| s == "sent"));
    assert!(delivered.len() >= 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_mail_is_sent_once_after_kill_9_sqlite() {
    kill_while_mail_is_queued(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_mail_is_sent_once_after_kill_9_postgres() {
    kill_while_mail_is_queued(Backend::Postgres).await;
}

//! kill -9 while residents send their answers: every response the server acknowledged is
//! there when it starts again. The real `kiln` binary, killed with SIGKILL mid-load.

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
    let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let residents: Vec<_> = (0..16)
        .map(|_| {
            let (client, base, ward, acknowledged) = (
                client.clone(),
                kiln.base.clone(),
                ward.clone(),
                acknowledged.clone(),
            );
            tokio::spawn(async move {
                // Until the server dies under them.
                while let Some(done) = journey(&client, &base, &ward).await {
                    acknowledged.lock().unwrap().push(done);
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
    for done in &acknowledged {
        let res = client
            .get(format!("{}{done}", again.base))
            .send()
            .await
            .unwrap();
        // A lost response would send the resident back to the check page.
        assert_eq!(res.status(), StatusCode::OK, "{done} lost after kill -9");
    }
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

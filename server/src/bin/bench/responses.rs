//! Submits complete survey responses to a running Kiln server, as a resident's
//! browser would with JavaScript off (each page fetched, each form posted), at several
//! concurrencies; and, in the same run, measures the raw rate of single-row durable inserts
//! into an SQLite file of the same kind, as the ceiling to compare with.
//!
//! Usage: kiln-bench responses --url http://127.0.0.1:3000 -n 10000 -c 1,16,64 --sqlite-dir DIR

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;

use reqwest::redirect::Policy;
use sea_orm::ConnectionTrait;

#[derive(Parser)]
pub struct Args {
    /// The server to load.
    #[arg(long, default_value = "http://127.0.0.1:3000")]
    url: String,
    /// Complete responses to submit at each concurrency.
    #[arg(short, default_value_t = 10_000)]
    n: usize,
    /// Concurrencies, comma separated.
    #[arg(short, value_delimiter = ',', default_value = "1,16,64")]
    c: Vec<usize>,
    /// Where to put the SQLite file for the raw insert measurement (same disk as the server's).
    #[arg(long, default_value = "data")]
    sqlite_dir: String,
}

/// The wellbeing survey's answers, section by section (the ward is added per response).
const SECTIONS: [&[(&str, &str)]; 3] = [
    &[
        ("wb_life_satisfaction", "7"),
        ("wb_worthwhile", "8"),
        ("wb_happiness", "6"),
        ("wb_anxiety", "3"),
    ],
    &[
        ("wb_loneliness", "occasionally"),
        ("fin_managing", "doing_alright"),
        ("health_general", "good"),
    ],
    &[("age_band", "45-54"), ("sex", "male")],
];

struct Timings {
    journeys: Vec<Duration>,
    submits: Vec<Duration>,
}

fn location(res: &reqwest::Response) -> anyhow::Result<String> {
    Ok(res
        .headers()
        .get("location")
        .ok_or_else(|| anyhow::anyhow!("no redirect from {}", res.url()))?
        .to_str()?
        .to_string())
}

/// Fetches a page and reads its form token, as a browser holds it.
async fn page_token(client: &reqwest::Client, url: &str) -> anyhow::Result<String> {
    token(&client.get(url).send().await?.text().await?)
}

fn token(html: &str) -> anyhow::Result<String> {
    let at = html
        .find("name=\"token\" value=\"")
        .ok_or_else(|| anyhow::anyhow!("no form token on the page"))?;
    let rest = &html[at + 20..];
    Ok(rest[..rest.find('"').unwrap_or(0)].to_string())
}

/// One resident: start, every section (fetch, then post), check page, send.
pub(crate) async fn journey(
    client: &reqwest::Client,
    base: &str,
    ward: &str,
) -> anyhow::Result<Duration> {
    let mut path = location(
        &client
            .post(format!("{base}/surveys/wellbeing/begin"))
            .send()
            .await?,
    )?;
    let sections: Vec<Vec<(&str, &str)>> = std::iter::once(vec![("area", ward)])
        .chain(SECTIONS.iter().map(|s| s.to_vec()))
        .collect();
    for answers in sections {
        let token = page_token(client, &format!("{base}{path}")).await?;
        let mut form = vec![("token", token), ("intent", "continue".into())];
        form.extend(answers.iter().map(|(k, v)| (*k, v.to_string())));
        path = location(
            &client
                .post(format!("{base}{path}"))
                .form(&form)
                .send()
                .await?,
        )?;
    }
    if !path.ends_with("/check") {
        anyhow::bail!("expected the check page, got {path}");
    }
    let token = page_token(client, &format!("{base}{path}")).await?;
    let submit_path = path.replace("/check", "/submit");
    let started = Instant::now();
    let res = client
        .post(format!("{base}{submit_path}"))
        .form(&[("token", token)])
        .send()
        .await?;
    let took = started.elapsed();
    if !location(&res)?.ends_with("/done") {
        anyhow::bail!("submit did not reach the confirmation page");
    }
    Ok(took)
}

async fn run(
    base: &str,
    n: usize,
    c: usize,
    wards: Arc<Vec<String>>,
) -> anyhow::Result<(Duration, Timings)> {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..c {
        let (next, base, wards) = (next.clone(), base.to_string(), wards.clone());
        tasks.push(tokio::spawn(async move {
            // A resident's browser: its unfinished answers are reached through its cookie.
            let client = reqwest::Client::builder()
                .redirect(Policy::none())
                .cookie_store(true)
                .build()?;
            let mut t = Timings {
                journeys: Vec::new(),
                submits: Vec::new(),
            };
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let begun = Instant::now();
                let submit = journey(&client, &base, &wards[i % wards.len()]).await?;
                t.journeys.push(begun.elapsed());
                t.submits.push(submit);
            }
            anyhow::Ok(t)
        }));
    }
    let mut all = Timings {
        journeys: Vec::new(),
        submits: Vec::new(),
    };
    for task in tasks {
        let t = task.await??;
        all.journeys.extend(t.journeys);
        all.submits.extend(t.submits);
    }
    Ok((started.elapsed(), all))
}

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Single-row inserts, each its own durable transaction, into a fresh SQLite file with the
/// same settings as Kiln's (WAL, synchronous=FULL).
async fn raw_insert_rate(dir: &str) -> anyhow::Result<f64> {
    std::fs::create_dir_all(dir)?;
    let path = format!("{dir}/bench-raw-inserts.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    let db = store::db::connect(&format!("sqlite://{path}?mode=rwc")).await?;
    db.execute_unprepared("CREATE TABLE t (id INTEGER PRIMARY KEY, wave_id INTEGER, answers TEXT)")
        .await?;
    let row = r#"{"wb_life_satisfaction":7,"wb_worthwhile":8,"wb_happiness":6,"wb_anxiety":3}"#;
    let started = Instant::now();
    let mut count = 0u64;
    while started.elapsed() < Duration::from_secs(3) {
        db.execute_unprepared(&format!(
            "INSERT INTO t (wave_id, answers) VALUES (1, '{row}')"
        ))
        .await?;
        count += 1;
    }
    let rate = count as f64 / started.elapsed().as_secs_f64();
    drop(db);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    Ok(rate)
}

/// The ward codes a resident can choose, read from the first section's list.
pub(crate) async fn ward_codes(base: &str) -> anyhow::Result<Vec<String>> {
    let client = reqwest::Client::builder()
        .redirect(Policy::none())
        .cookie_store(true)
        .build()?;
    let first = location(
        &client
            .post(format!("{base}/surveys/wellbeing/begin"))
            .send()
            .await?,
    )?;
    let html = client
        .get(format!("{base}{first}"))
        .send()
        .await?
        .text()
        .await?;
    Ok(html
        .split("<option value=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|v| !v.is_empty() && *v != "dont_know" && *v != "prefer_not_to_say")
        .map(str::to_string)
        .collect())
}

pub async fn run_all(args: Args) -> anyhow::Result<()> {
    let base = args.url.trim_end_matches('/').to_string();
    let home = reqwest::get(format!("{base}/surveys/wellbeing/begin")).await;
    if home.is_err() {
        anyhow::bail!("no Kiln server answers at {base}");
    }
    let wards = Arc::new(ward_codes(&base).await?);

    println!("Raw single-row durable SQLite inserts (WAL, synchronous=FULL): measuring for 3 s…");
    let raw = raw_insert_rate(&args.sqlite_dir).await?;
    println!("  {raw:.0} inserts/s");
    println!();
    println!("Complete wellbeing responses (1 start + 4 sections x (GET + POST) + check + send = 11 requests each)");
    println!(
        "{:>5} {:>7} {:>10} {:>9} {:>9} {:>9} {:>11} {:>11} {:>8}",
        "C", "N", "resp/s", "p50 ms", "p95 ms", "p99 ms", "send p50", "send p99", "vs raw"
    );
    for &c in &args.c {
        let (elapsed, mut t) = run(&base, args.n, c, wards.clone()).await?;
        t.journeys.sort();
        t.submits.sort();
        let rate = t.journeys.len() as f64 / elapsed.as_secs_f64();
        println!(
            "{:>5} {:>7} {:>10.1} {:>9.2} {:>9.2} {:>9.2} {:>11.2} {:>11.2} {:>7.1}%",
            c,
            t.journeys.len(),
            rate,
            percentile(&t.journeys, 0.50),
            percentile(&t.journeys, 0.95),
            percentile(&t.journeys, 0.99),
            percentile(&t.submits, 0.50),
            percentile(&t.submits, 0.99),
            rate / raw * 100.0
        );
    }
    Ok(())
}

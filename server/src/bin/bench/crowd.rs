//! A crowd: many first visits at the same moment (a page and every file it links to, as a
//! browser with nothing cached fetches them) while residents keep sending responses; as when
//! a council's newsletter links to a survey.
//!
//! Usage: kiln-bench crowd --url http://127.0.0.1:3000 --visitors 500 --senders 16

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use reqwest::redirect::Policy;

use crate::responses::{journey, percentile, ward_codes};

#[derive(Parser)]
pub struct Args {
    #[arg(long, default_value = "http://127.0.0.1:3000")]
    url: String,
    /// First visits, all started together.
    #[arg(long, default_value_t = 500)]
    visitors: usize,
    /// Residents sending complete responses meanwhile, one after another each.
    #[arg(long, default_value_t = 16)]
    senders: usize,
    /// The page the crowd opens.
    #[arg(long, default_value = "/surveys/wellbeing")]
    page: String,
}

/// The addresses under /pkg a page links to.
fn linked_files(html: &str) -> Vec<String> {
    let mut files: Vec<String> = ["href=\"/pkg/", "src=\"/pkg/"]
        .iter()
        .flat_map(|attr| {
            html.match_indices(attr).filter_map(|(at, _)| {
                let rest = &html[at + attr.len() - 5..];
                rest.split('"').next().map(str::to_string)
            })
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

/// One first visit: the page, then each file it links to. Returns the time and the bytes.
async fn first_visit(
    client: &reqwest::Client,
    base: &str,
    page: &str,
) -> anyhow::Result<(Duration, usize)> {
    let started = Instant::now();
    let res = client
        .get(format!("{base}{page}"))
        .send()
        .await?
        .error_for_status()?;
    let html = res.text().await?;
    let mut bytes = html.len();
    for file in linked_files(&html) {
        let body = client
            .get(format!("{base}{file}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        bytes += body.len();
    }
    Ok((started.elapsed(), bytes))
}

pub async fn run(args: Args) -> anyhow::Result<()> {
    let base = args.url.trim_end_matches('/').to_string();
    let wards = Arc::new(ward_codes(&base).await?);
    let crowd_done = Arc::new(AtomicBool::new(false));

    let mut senders = Vec::new();
    for s in 0..args.senders {
        let (base, wards, done) = (base.clone(), wards.clone(), crowd_done.clone());
        senders.push(tokio::spawn(async move {
            // A resident's browser: its unfinished answers are reached through its cookie.
            let client = reqwest::Client::builder()
                .redirect(Policy::none())
                .cookie_store(true)
                .build()?;
            let (mut sends, mut errors, mut i) = (Vec::new(), 0usize, s);
            while !done.load(Ordering::Relaxed) {
                match journey(&client, &base, &wards[i % wards.len()]).await {
                    Ok(took) => sends.push(took),
                    Err(_) => errors += 1,
                }
                i += args.senders;
            }
            anyhow::Ok((sends, errors))
        }));
    }
    // Let the senders get going, then the crowd arrives at once.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let gate = Arc::new(tokio::sync::Barrier::new(args.visitors));
    let started = Instant::now();
    let mut visitors = Vec::new();
    for _ in 0..args.visitors {
        let (base, page, gate) = (base.clone(), args.page.clone(), gate.clone());
        visitors.push(tokio::spawn(async move {
            // Each visitor is a browser of its own: its own connections, nothing cached, and
            // asking for compressed files as browsers do (the bytes counted are as sent).
            let mut headers = reqwest::header::HeaderMap::new();
            headers.insert(
                reqwest::header::ACCEPT_ENCODING,
                reqwest::header::HeaderValue::from_static("br, gzip"),
            );
            let client = reqwest::Client::builder()
                .redirect(Policy::none())
                .default_headers(headers)
                .build()?;
            gate.wait().await;
            first_visit(&client, &base, &page).await
        }));
    }
    let (mut visits, mut visit_errors, mut bytes) = (Vec::new(), 0usize, 0usize);
    for v in visitors {
        match v.await? {
            Ok((took, b)) => {
                visits.push(took);
                bytes = bytes.max(b);
            }
            Err(_) => visit_errors += 1,
        }
    }
    let crowd_time = started.elapsed();
    crowd_done.store(true, Ordering::Relaxed);
    let (mut sends, mut send_errors) = (Vec::new(), 0usize);
    for s in senders {
        let (t, e) = s.await??;
        sends.extend(t);
        send_errors += e;
    }
    visits.sort();
    sends.sort();
    println!(
        "A crowd: {} first visits to {} at once (page and every file it links to, nothing cached), while {} residents send responses",
        args.visitors, args.page, args.senders
    );
    println!(
        "  first visits: {} done, {} errors, all in {:.2} s; p50 {:.0} ms, p99 {:.0} ms; {} bytes each, as sent",
        visits.len(),
        visit_errors,
        crowd_time.as_secs_f64(),
        percentile(&visits, 0.50),
        percentile(&visits, 0.99),
        bytes
    );
    println!(
        "  responses sent meanwhile: {} done, {} errors; send p50 {:.1} ms, p99 {:.1} ms",
        sends.len(),
        send_errors,
        percentile(&sends, 0.50),
        percentile(&sends, 0.99)
    );
    if visit_errors + send_errors > 0 {
        anyhow::bail!("the crowd met errors");
    }
    Ok(())
}

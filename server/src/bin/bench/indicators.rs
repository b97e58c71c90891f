//! The indicator benchmarks: the engine alone on a million synthetic responses (time and
//! peak memory), the API answering from a database holding them (SQLite, and PostgreSQL
//! when given a server), and importing a 100,000-row file.

use std::io::Write;
use std::time::{Duration, Instant};

use domain::indicators::data::{
    age_index, code_option, sex_index, GroupDef, Population, Responses, UNKNOWN, UNKNOWN_WARD,
};
use domain::indicators::{compute, Areas, Settings};
use domain::QuestionKind;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

#[derive(clap::Args)]
pub struct Args {
    /// Synthetic responses for the engine and the database.
    #[arg(long, default_value_t = 1_000_000)]
    n: usize,
    /// Rows in the import file.
    #[arg(long, default_value_t = 100_000)]
    import_rows: usize,
    /// Repeats of each timing; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Where the SQLite databases and CSV files go.
    #[arg(long, default_value = "data/bench")]
    dir: String,
    /// A PostgreSQL server (postgres://user@host:port) to run the database part on too.
    #[arg(long)]
    postgres: Option<String>,
    /// Skip the database parts (engine only).
    #[arg(long)]
    engine_only: bool,
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

fn demo_areas() -> Areas {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../../../../store/seed/areas.json"))
            .expect("areas.json");
    let mut groups = Vec::new();
    let mut wards = Vec::new();
    for g in json["groups"].as_array().unwrap() {
        let code = g["code"].as_str().unwrap().to_string();
        groups.push(GroupDef {
            code: code.clone(),
            name: g["name"].as_str().unwrap().into(),
        });
        for w in g["wards"].as_array().unwrap() {
            wards.push((
                w["code"].as_str().unwrap().into(),
                w["name"].as_str().unwrap().into(),
                code.clone(),
            ));
        }
    }
    Areas::new(groups, wards)
}

fn demo_population(areas: &Areas) -> Population {
    let mut pop = Population::empty(areas.wards.len());
    for line in store::population::ILLUSTRATIVE_CSV.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if let (Some(w), a, s) = (areas.ward_index(f[0]), age_index(f[1]), sex_index(f[2])) {
            pop.add(w as usize, a as usize, s as usize, f[3].parse().unwrap());
        }
    }
    pop
}

/// Every scale and choice question of both standard surveys, as engine columns.
fn all_items() -> Vec<domain::Question> {
    store::seed::demo_surveys()
        .into_iter()
        .flat_map(|(_, s)| s.sections.into_iter().flat_map(|x| x.questions))
        .filter(|q| !["area", "age_band", "sex"].contains(&q.key.as_str()))
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::Scale { .. } | QuestionKind::Choice { .. }
            )
        })
        .collect()
}

fn synthetic(n: usize, areas: &Areas, items: &[domain::Question]) -> Responses {
    let mut rng = StdRng::seed_from_u64(2026);
    let every_item = domain::Survey {
        key: "bench".into(),
        title: "Every item".into(),
        sections: vec![domain::Section {
            title: String::new(),
            intro: None,
            questions: items.to_vec(),
            routes: Vec::new(),
        }],
    };
    let mut r = store::wave_data::columns_for(&every_item);
    for _ in 0..n {
        let ward = rng.random_range(0..areas.wards.len());
        let known_ward = if rng.random_ratio(1, 30) {
            UNKNOWN_WARD
        } else {
            ward as u16
        };
        let age = if rng.random_ratio(1, 25) {
            UNKNOWN
        } else {
            rng.random_range(0..7)
        };
        let sex = if rng.random_ratio(1, 25) {
            UNKNOWN
        } else {
            rng.random_range(0..2)
        };
        let row = r.push_respondent(known_ward, age, sex);
        for (i, q) in items.iter().enumerate() {
            if let Some(a) = store::demo::answer(&mut rng, q, ward, 0) {
                let col = &mut r.items[i];
                col.values[row] = match col.scale {
                    Some(_) => a.parse().unwrap(),
                    None => code_option(&col.options, &a),
                };
            }
        }
    }
    r
}

fn engine(args: &Args) {
    let areas = demo_areas();
    let items = all_items();
    let defs = domain::indicators::definitions::standard();
    let started = Instant::now();
    let responses = synthetic(args.n, &areas, &items);
    println!(
        "Engine: {} synthetic responses, {} items, {} indicators, {} wards (generated in {:.1} s)",
        args.n,
        items.len(),
        defs.len(),
        areas.wards.len(),
        started.elapsed().as_secs_f64()
    );
    let pop = demo_population(&areas);
    for weighted in [false, true] {
        let settings = Settings {
            threshold: 10,
            weighted,
        };
        let mut times = Vec::new();
        let mut cells = 0;
        for _ in 0..args.runs {
            let t = Instant::now();
            let r = compute(&responses, &areas, Some(&pop), &defs, &settings).expect("compute");
            times.push(t.elapsed());
            cells = r.cells.len();
        }
        println!(
            "  weighted={weighted:<5}  {cells} cells  median {:>7.1} ms over {} runs",
            median(times).as_secs_f64() * 1000.0,
            args.runs
        );
    }
    println!(
        "  peak memory of this process so far (data + engine): {:.0} MB",
        peak_rss_mb()
    );
}

/// Writes a cohesion-survey CSV of `n` rows for the importer.
fn write_csv(path: &str, n: usize, prefix: &str, seed: u64) -> anyhow::Result<()> {
    let survey = store::seed::demo_surveys()
        .into_iter()
        .find(|(a, _)| a.key == "cohesion")
        .unwrap()
        .1;
    let ward_codes: Vec<String> = demo_areas().wards.iter().map(|w| w.code.clone()).collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    store::demo::write_synthetic(
        &mut out,
        &store::demo::Synthetic {
            survey: &survey,
            ward_codes: &ward_codes,
            rows: n,
            seed,
            id_prefix: prefix,
            lift: 0,
            uneven: false,
        },
    )?;
    out.flush()?;
    Ok(())
}

async fn import_file(
    db: &store::DatabaseConnection,
    wave: &str,
    path: &str,
) -> anyhow::Result<Duration> {
    let survey = store::surveys::by_key(db, "cohesion").await?.unwrap();
    let (_, w) = store::waves::find(db, "cohesion", wave).await?.unwrap();
    let areas = store::areas::AreaDirectory::load(db).await?;
    let started = Instant::now();
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    store::responses_import::import(
        db,
        &survey,
        w.id,
        &areas,
        store::responses_import::ImportAs {
            channel: "paper",
            dry_run: false,
            today: store::Clock::system().today(),
        },
        file,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(started.elapsed())
}

async fn fresh_database(url_base: &str, name: &str, dir: &str) -> anyhow::Result<String> {
    if url_base == "sqlite" {
        let path = format!("{dir}/{name}.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
        return Ok(format!("sqlite://{path}?mode=rwc"));
    }
    use sea_orm::ConnectionTrait;
    let admin = store::db::connect(&format!("{url_base}/postgres")).await?;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
        .await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await?;
    Ok(format!("{url_base}/{name}"))
}

async fn database(args: &Args, backend: &str, base: &str) -> anyhow::Result<()> {
    let url = fresh_database(base, "kiln_bench", &args.dir).await?;
    let config = server::config::Config {
        database_url: url,
        addr: "127.0.0.1:0".parse()?,
        ..Default::default()
    };
    let state = server::startup::build_state(&config, store::Clock::system()).await?;
    store::seed::seed_demo(&state.db, &state.clock).await?;
    let db = state.db.clone();

    // Import: a 100,000-row file into a fresh wave, several times.
    let path = format!("{}/import-{}.csv", args.dir, args.import_rows);
    write_csv(&path, args.import_rows, "imp", 7)?;
    let mut times = Vec::new();
    for run in 0..args.runs.min(3) {
        let wave = format!("import-{run}");
        store::waves::create(
            &db,
            &store::audit::Actor::command_line(&store::Clock::system()),
            store::waves::NewWave {
                survey: "cohesion",
                key: &wave,
                name: None,
                baseline: false,
                weighted: false,
            },
        )
        .await?;
        times.push(import_file(&db, &wave, &path).await?);
    }
    let t = median(times);
    println!(
        "{backend}: import-responses of a {}-row file: median {:.2} s ({:.0} rows/s)",
        args.import_rows,
        t.as_secs_f64(),
        args.import_rows as f64 / t.as_secs_f64()
    );

    // A million responses in one weighted, published wave, loaded through the importer.
    store::waves::create(
        &db,
        &store::audit::Actor::command_line(&store::Clock::system()),
        store::waves::NewWave {
            survey: "cohesion",
            key: "million",
            name: None,
            baseline: false,
            weighted: true,
        },
    )
    .await?;
    let chunk = 100_000.min(args.n);
    let started = Instant::now();
    for part in 0..args.n.div_ceil(chunk) {
        let rows = chunk.min(args.n - part * chunk);
        let path = format!("{}/million-{part}.csv", args.dir);
        write_csv(&path, rows, &format!("m{part}-"), 100 + part as u64)?;
        import_file(&db, "million", &path).await?;
        let _ = std::fs::remove_file(&path);
    }
    println!(
        "{backend}: loaded {} responses in {:.0} s",
        args.n,
        started.elapsed().as_secs_f64()
    );
    store::waves::publish(
        &db,
        &store::audit::Actor::command_line(&store::Clock::system()),
        "cohesion",
        "million",
    )
    .await?;

    // The API, cold (a new server, nothing cached) and warm.
    let query = "/api/v1/indicators?survey=cohesion&wave=million&level=ward&breakdown=none";
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for _ in 0..args.runs.min(3) {
        let state = server::startup::build_state(&config, store::Clock::system()).await?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let server = tokio::spawn(async move { server::startup::serve(listener, state).await });
        let client = reqwest::Client::new();
        for times in [&mut cold, &mut warm] {
            let t = Instant::now();
            let res = client.get(format!("{base_url}{query}")).send().await?;
            anyhow::ensure!(res.status().is_success(), "API answered {}", res.status());
            let _ = res.bytes().await?;
            times.push(t.elapsed());
        }
        server.abort();
    }
    println!(
        "{backend}: GET {query}\n  cold (load {} responses + compute): median {:.2} s; warm (cached): median {:.1} ms",
        args.n,
        median(cold).as_secs_f64(),
        median(warm).as_secs_f64() * 1000.0
    );
    drop(db);
    Ok(())
}

pub async fn run_all(args: Args) -> anyhow::Result<()> {
    std::fs::create_dir_all(&args.dir)?;
    engine(&args);
    if args.engine_only {
        return Ok(());
    }
    database(&args, "SQLite", "sqlite").await?;
    if let Some(pg) = &args.postgres {
        database(&args, "PostgreSQL", pg).await?;
    }
    println!(
        "Peak memory of the whole benchmark process: {:.0} MB",
        peak_rss_mb()
    );
    Ok(())
}

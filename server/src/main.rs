//! `kiln`: serve the web app, or run one administrative command.

use std::fs::File;

use clap::{Parser, Subcommand};
use server::config::Config;
use server::{background, startup};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "kiln",
    version,
    about = "Kiln: resident surveys and wellbeing indicators"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (the default).
    Serve {
        /// Load the demo surveys and wards first (only what is missing).
        #[arg(long, env = "KILN_SEED_DEMO")]
        seed_demo: bool,
    },
    /// Bring the database schema up to date, then stop.
    Migrate,
    /// Make an administrator account. Asks for the password, or reads KILN_ADMIN_PASSWORD.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Load the demo surveys, their baseline waves and the demo wards (only what is missing).
    Seed,
    /// Replace the postcode-to-ward lookup with an ONS NSPL/ONSPD-style CSV extract.
    ImportPostcodes {
        /// CSV with a header row: a postcode column (pcds, pcd, pcd7, pcd8 or postcode) and a
        /// ward code column (osward, wd25cd, wd24cd, wd23cd, ward_code or ward).
        file: std::path::PathBuf,
    },
    /// Add a wave (a round of a survey), open for responses.
    CreateWave {
        #[arg(long)]
        survey: String,
        #[arg(long)]
        wave: String,
        /// A name for people, such as "Spring 2027" (defaults to the key).
        #[arg(long)]
        name: Option<String>,
        /// Make this the survey's baseline, the wave change is measured from.
        #[arg(long)]
        baseline: bool,
        /// Weight this wave's results to the population totals.
        #[arg(long)]
        weighted: bool,
    },
    /// Queue the survey reminders that are due (a running server does this every ten
    /// minutes); its email sender sends them.
    SendReminders {
        /// As if it were this day (YYYY-MM-DD): the reminders due by its end are queued now.
        #[arg(long)]
        as_of: Option<chrono::NaiveDate>,
    },
    /// Publish a wave: its indicators become public on the site and through the API.
    PublishWave {
        #[arg(long)]
        survey: String,
        #[arg(long)]
        wave: String,
    },
    /// Print a survey as a document (JSON) to share with another council or keep: its
    /// newest version, or the one numbered.
    ExportSurvey {
        survey: String,
        #[arg(long)]
        version: Option<i32>,
    },
    /// Read a survey document (JSON): a new survey, or a new draft of the survey with its key.
    ImportSurvey {
        file: std::path::PathBuf,
        /// Publish it too, so that new waves answer it.
        #[arg(long)]
        publish: bool,
    },
    /// Publish a survey's draft: new waves answer it; open waves keep their version.
    PublishSurvey { survey: String },
    /// Print the JSON Schema that survey documents follow.
    SurveySchema,
    /// Replace the population totals (residents aged 16+) with a CSV of area,age_band,sex,count.
    ImportPopulation {
        file: std::path::PathBuf,
        /// Mark the figures as illustrative: every weighted result says so.
        #[arg(long)]
        illustrative: bool,
    },
    /// Set the disclosure threshold: cells with fewer answers are withheld (5 at the least).
    SetThreshold { threshold: u32 },
    /// Add responses from a CSV: response_id,area,age_band,sex, then one column per question.
    ImportResponses {
        #[arg(long)]
        survey: String,
        #[arg(long)]
        wave: String,
        #[arg(long, default_value = "paper", value_parser = clap::builder::PossibleValuesParser::new(store::responses_import::importable_channels()))]
        channel: String,
        /// Check the file and report, without storing anything.
        #[arg(long)]
        dry_run: bool,
        file: std::path::PathBuf,
    },
}

fn open(file: &std::path::Path) -> anyhow::Result<std::io::BufReader<File>> {
    Ok(std::io::BufReader::new(File::open(file).map_err(|e| {
        anyhow::anyhow!("cannot open {}: {e}", file.display())
    })?))
}

/// Prints every bad row of a failed import, then fails.
fn import_failed(e: store::import::ImportError) -> anyhow::Error {
    if let store::import::ImportError::Rows(rows) = &e {
        for row in rows {
            eprintln!("{row}");
        }
    }
    anyhow::anyhow!("{e}")
}

/// Prints every problem with a survey document, then fails.
fn version_failed(e: store::survey_versions::VersionError) -> anyhow::Error {
    if let store::survey_versions::VersionError::Problems(problems) = &e {
        for p in problems {
            eprintln!("{p}");
        }
    }
    anyhow::anyhow!("{e}")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let config = Config::from_env()?;
    // The command line and the server run on the system clock; tests fix their own.
    let clock = store::Clock::system();
    match cli.command.unwrap_or(Command::Serve { seed_demo: false }) {
        Command::Serve { seed_demo } => {
            let state = startup::build_state(&config, clock.clone()).await?;
            if seed_demo {
                let report = store::seed::seed_demo(&state.db, &clock).await?;
                tracing::info!(?report, "demo seed");
                let report = store::demo::seed_responses(&state.db, &clock).await?;
                tracing::info!(?report, "demo responses");
            }
            background::spawn_draft_cleanup(state.db.clone(), clock.clone(), config.draft_days);
            background::spawn_session_cleanup(state.db.clone(), clock.clone(), config.session);
            background::spawn_limiter_cleanup(
                state.limits.clone(),
                state.db.clone(),
                clock.clone(),
            );
            background::spawn_reminders(
                state.db.clone(),
                clock.clone(),
                state.form_secret.to_vec(),
                state.mail.wake.clone(),
            );
            server::mail::worker::spawn(
                state.db.clone(),
                std::sync::Arc::new(config.mail.mailer(&config.public_url)?),
                clock.clone(),
                state.mail.wake.clone(),
            );
            let listener = tokio::net::TcpListener::bind(config.addr).await?;
            tracing::info!("Kiln is serving on http://{}", listener.local_addr()?);
            startup::serve(listener, state).await
        }
        Command::CreateAdmin { email, name } => {
            let password = match std::env::var("KILN_ADMIN_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    let p = rpassword::prompt_password("Password (12 characters or more): ")?;
                    let again = rpassword::prompt_password("The same password again: ")?;
                    anyhow::ensure!(p == again, "the two passwords are not the same");
                    p
                }
            };
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let outcome = store::users::create(
                &db,
                store::users::NewUser {
                    email: &email,
                    name: &name,
                    role: domain::accounts::Role::Administrator,
                    password: &password,
                    // The person running the command typed their own password.
                    must_change_password: false,
                    group_id: None,
                },
                clock.now(),
            )
            .await?;
            match outcome {
                store::users::CreateOutcome::Created(u) => {
                    let actor = store::audit::Actor::command_line(&clock);
                    store::audit::record(
                        &db,
                        &actor,
                        domain::AuditAction::UserAdded,
                        &format!("{} (Administrator)", u.email),
                    )
                    .await?;
                    println!("Made administrator {}.", u.email);
                    Ok(())
                }
                store::users::CreateOutcome::Refused(p) => {
                    let problems: Vec<String> = [
                        p.email.map(app::shared::messages::email_problem),
                        p.name.map(app::shared::messages::name_problem),
                        p.password.map(app::shared::messages::password_problem),
                    ]
                    .into_iter()
                    .flatten()
                    .collect();
                    anyhow::bail!("{}", problems.join("; "))
                }
            }
        }
        Command::Migrate => {
            store::db::connect_and_migrate(&config.database_url).await?;
            println!("The database is up to date.");
            Ok(())
        }
        Command::Seed => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let r = store::seed::seed_demo(&db, &clock).await?;
            println!(
                "Demo seed: {} surveys, {} waves and {} wards added (what existed was kept).",
                r.surveys_added, r.waves_added, r.wards_added
            );
            Ok(())
        }
        Command::ImportPostcodes { file } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let areas = store::areas::AreaDirectory::load(&db).await?;
            let r = store::postcodes::import(&db, &areas, open(&file)?).await?;
            println!(
                "Loaded {} postcodes. Skipped {} terminated, {} in other areas, {} not valid postcodes.",
                r.loaded, r.terminated, r.other_area, r.invalid
            );
            Ok(())
        }
        Command::CreateWave {
            survey,
            wave,
            name,
            baseline,
            weighted,
        } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let w = store::waves::create(
                &db,
                &store::audit::Actor::command_line(&clock),
                store::waves::NewWave {
                    survey: &survey,
                    key: &wave,
                    name: name.as_deref(),
                    baseline,
                    weighted,
                },
            )
            .await?;
            println!(
                "Created wave {} of {survey}{}{}, open for responses.",
                w.key,
                if w.is_baseline { " (the baseline)" } else { "" },
                if w.weighted { ", weighted" } else { "" }
            );
            Ok(())
        }
        Command::SetThreshold { threshold } => {
            let threshold = domain::threshold::parse_threshold(&threshold.to_string())
                .map_err(|p| anyhow::anyhow!("{}", app::shared::messages::threshold_problem(p)))?;
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            store::settings::set_threshold(
                &db,
                &store::audit::Actor::command_line(&clock),
                threshold,
            )
            .await?;
            println!("Cells with fewer than {threshold} answers will be withheld.");
            Ok(())
        }
        Command::SendReminders { as_of } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            // A day given means all of it: what is due by its last second.
            let due_by = match as_of {
                Some(day) => day
                    .and_hms_opt(23, 59, 59)
                    .expect("a day has an end")
                    .and_utc()
                    .timestamp(),
                None => clock.now(),
            };
            let secret = store::settings::form_secret(&db).await?;
            let n = store::invitations::remind_due(&db, &secret, due_by, clock.now()).await?;
            println!("Queued {n} survey reminders.");
            Ok(())
        }
        Command::ExportSurvey { survey, version } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let (v, mut doc) = store::survey_versions::document(&db, &survey, version)
                .await?
                .ok_or_else(|| anyhow::anyhow!("there is no survey {survey} with that version"))?;
            doc.schema = Some(format!(
                "{}{}",
                config.public_url.trim_end_matches('/'),
                domain::document::SCHEMA_PATH
            ));
            println!("{}", serde_json::to_string_pretty(&doc)?);
            eprintln!(
                "{survey} version {} ({})",
                v.number,
                if v.status == store::survey_versions::PUBLISHED {
                    "published"
                } else {
                    "draft"
                }
            );
            Ok(())
        }
        Command::ImportSurvey { file, publish } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let actor = store::audit::Actor::command_line(&clock);
            let doc: domain::document::SurveyDocument = serde_json::from_reader(open(&file)?)
                .map_err(|e| anyhow::anyhow!("{} is not a survey document: {e}", file.display()))?;
            let number = store::survey_versions::save(&db, &doc, &actor)
                .await
                .map_err(version_failed)?;
            println!("Saved {} version {number} as a draft.", doc.key);
            if publish {
                let n = store::survey_versions::publish(&db, &doc.key, &actor)
                    .await
                    .map_err(version_failed)?;
                println!("Published {} version {n}: new waves answer it.", doc.key);
            }
            Ok(())
        }
        Command::PublishSurvey { survey } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let actor = store::audit::Actor::command_line(&clock);
            let n = store::survey_versions::publish(&db, &survey, &actor)
                .await
                .map_err(version_failed)?;
            println!("Published {survey} version {n}: new waves answer it.");
            Ok(())
        }
        Command::SurveySchema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&domain::document::schema())?
            );
            Ok(())
        }
        Command::PublishWave { survey, wave } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            store::waves::publish(
                &db,
                &store::audit::Actor::command_line(&clock),
                &survey,
                &wave,
            )
            .await?;
            println!("Published wave {wave} of {survey}.");
            Ok(())
        }
        Command::ImportPopulation { file, illustrative } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let areas = store::areas::AreaDirectory::load(&db).await?;
            let r = store::population::import(&db, &areas, open(&file)?, illustrative)
                .await
                .map_err(import_failed)?;
            println!(
                "Loaded {} population rows, {:.0} residents in all.",
                r.rows, r.total
            );
            Ok(())
        }
        Command::ImportResponses {
            survey,
            wave,
            channel,
            dry_run,
            file,
        } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let (_, w) = store::waves::find(&db, &survey, &wave)
                .await?
                .ok_or_else(|| anyhow::anyhow!("survey {survey} has no wave {wave}"))?;
            let record = store::surveys::by_key(&db, &survey)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no survey {survey}"))?;
            let areas = store::areas::AreaDirectory::load(&db).await?;
            let started = std::time::Instant::now();
            let r = store::responses_import::import(
                &db,
                &record,
                w.id,
                &areas,
                store::responses_import::ImportAs {
                    channel: &channel,
                    dry_run,
                    today: clock.today(),
                },
                open(&file)?,
            )
            .await
            .map_err(import_failed)?;
            println!(
                "{} rows checked in {:.2} s: {} {}, {} already in the wave.",
                r.rows,
                started.elapsed().as_secs_f64(),
                r.added,
                if dry_run {
                    "would be added (dry run: nothing stored)"
                } else {
                    "added"
                },
                r.already_present
            );
            Ok(())
        }
    }
}

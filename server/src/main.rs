//! `kiln`: serve the web app, or run one administrative command.

use std::fs::File;

use clap::{Parser, Subcommand};
use server::config::Config;
use server::{background, startup};

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
    /// Load the demo surveys, their baseline waves and the demo wards (only what is missing).
    Seed,
    /// Replace the postcode-to-ward lookup with an ONS NSPL/ONSPD-style CSV extract.
    ImportPostcodes {
        /// CSV with a header row: a postcode column (pcds, pcd, pcd7, pcd8 or postcode) and a
        /// ward code column (osward, wd25cd, wd24cd, wd23cd, ward_code or ward).
        file: std::path::PathBuf,
    },
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
    match cli.command.unwrap_or(Command::Serve { seed_demo: false }) {
        Command::Serve { seed_demo } => {
            let state = startup::build_state(&config).await?;
            if seed_demo {
                let report = store::seed::seed_demo(&state.db).await?;
                tracing::info!(?report, "demo seed");
            }
            background::spawn_draft_cleanup(state.db.clone(), config.draft_days);
            let listener = tokio::net::TcpListener::bind(config.addr).await?;
            tracing::info!("Kiln is serving on http://{}", listener.local_addr()?);
            startup::serve(listener, state).await
        }
        Command::Migrate => {
            store::db::connect_and_migrate(&config.database_url).await?;
            println!("The database is up to date.");
            Ok(())
        }
        Command::Seed => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let r = store::seed::seed_demo(&db).await?;
            println!(
                "Demo seed: {} surveys, {} waves and {} wards added (what existed was kept).",
                r.surveys_added, r.waves_added, r.wards_added
            );
            Ok(())
        }
        Command::ImportPostcodes { file } => {
            let db = store::db::connect_and_migrate(&config.database_url).await?;
            let areas = store::areas::AreaDirectory::load(&db).await?;
            let input = File::open(&file)
                .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", file.display()))?;
            let r = store::postcodes::import(&db, &areas, std::io::BufReader::new(input)).await?;
            println!(
                "Loaded {} postcodes. Skipped {} terminated, {} in other areas, {} not valid postcodes.",
                r.loaded, r.terminated, r.other_area, r.invalid
            );
            Ok(())
        }
    }
}

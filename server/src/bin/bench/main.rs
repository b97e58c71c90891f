//! `kiln-bench`: Kiln's benchmarks, run by `scripts/bench`.
//!
//! - `kiln-bench responses`: complete survey responses submitted over HTTP to a running server.
//! - `kiln-bench crowd`: many first visits at once while residents send responses.
//! - `kiln-bench indicators`: the indicator engine on a million synthetic responses, the API
//!   answering from a database holding them, and bulk import of a 100,000-row file.

mod crowd;
mod indicators;
mod responses;

use clap::{Parser, Subcommand};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Responses(responses::Args),
    Crowd(crowd::Args),
    Indicators(indicators::Args),
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Responses(args) => responses::run_all(args).await,
        Command::Crowd(args) => crowd::run(args).await,
        Command::Indicators(args) => indicators::run_all(args).await,
    }
}

//! One module per subcommand; each turns parsed arguments into library calls.

mod actors;
mod clusters;
mod export;
mod extract;
mod graph;
mod ingest;
mod push;
mod query;
mod remove;
mod stats;
mod web;

use crate::cli::{Cli, Command};
use crate::pipeline::Summary;
use anyhow::Result;
use std::process::ExitCode;

pub const EXIT_FAILURE: u8 = 1;

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args, cli.quiet),
        Command::Ingest(args) => ingest::run(args, cli.quiet),
        Command::Query(args) => query::run(args),
        Command::Queries => query::list(),
        Command::Export(args) => export::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Graph(args) => graph::run(args),
        Command::Serve(args) => web::serve(args, cli.quiet),
        Command::Report(args) => web::report(args),
        Command::Actors(args) => actors::run(args, cli.quiet),
        Command::Clusters(args) => clusters::run(args),
        Command::Push(args) => push::run(args, cli.quiet),
        Command::Remove(args) => remove::run(args, cli.quiet),
    }
}

/// Exit status after reading input: failure when nothing could be read, or
/// when anything was skipped under `--strict`.
fn input_exit_code(summary: &Summary, strict: bool) -> ExitCode {
    let nothing_read = summary.articles == 0;
    if nothing_read {
        eprintln!("claimgraph: error: no article could be read from the given paths");
    }
    if nothing_read || (strict && !summary.skipped.is_empty()) {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}

/// Opens a store that must already exist (reading commands should not
/// silently create an empty one).
fn open_existing(dir: &std::path::Path) -> Result<claimgraph_kg::Store> {
    if !dir.exists() {
        anyhow::bail!(
            "no store at {}: run `claimgraph ingest PATH…` first, or give --store DIR",
            dir.display()
        );
    }
    Ok(claimgraph_kg::Store::open(dir)?)
}

//! `claimgraph stats`: counts of what the store holds.

use crate::cli::{StatsArgs, StatsFormat};
use anyhow::Result;
use std::process::ExitCode;

pub fn run(args: StatsArgs) -> Result<ExitCode> {
    let store = super::open_existing(&args.store.store)?;
    let stats = store.stats()?;
    match args.format {
        StatsFormat::Text => print!("{stats}"),
        StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&stats)?),
    }
    Ok(ExitCode::SUCCESS)
}

//! `claimgraph serve` and `claimgraph report`: the store over HTTP, or as one HTML file.

use crate::cli::{ReportArgs, ServeArgs};
use crate::output;
use anyhow::Result;
use claimgraph_web::ServeConfig;
use std::process::ExitCode;
use std::time::Duration;

pub fn serve(args: ServeArgs, quiet: bool) -> Result<ExitCode> {
    let store = super::open_existing(&args.store.store)?;
    let config = ServeConfig {
        bind: args.bind,
        allow_update: args.allow_update,
        timeout: Duration::from_secs(args.timeout.max(1)),
        max_results: args.max_results,
    };
    let server = claimgraph_web::start(store, config)?;
    if !quiet {
        let addr = server.addr();
        eprintln!("claimgraph: serving http://{addr}/ (SPARQL endpoint http://{addr}/sparql); Ctrl-C stops");
    }
    server.wait()?;
    Ok(ExitCode::SUCCESS)
}

pub fn report(args: ReportArgs) -> Result<ExitCode> {
    let store = super::open_existing(&args.store.store)?;
    let out = output::open(args.output.as_deref())?;
    claimgraph_web::report(&store, out)?;
    Ok(ExitCode::SUCCESS)
}

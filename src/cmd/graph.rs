//! `claimgraph graph`: project the store and write DOT, GraphML, GEXF or JSON.

use crate::cli::GraphArgs;
use crate::output;
use anyhow::{anyhow, Context, Result};
use claimgraph_graph::{load_rows, write_graph, Filter, Format, View, ViewGraph};
use claimgraph_model::{ClaimType, DateValue};
use std::process::ExitCode;

pub fn run(args: GraphArgs) -> Result<ExitCode> {
    let view: View = args.view.parse().map_err(|e: String| anyhow!(e))?;
    let format: Format = args.format.parse().map_err(|e: String| anyhow!(e))?;
    let filter = filter(&args)?;
    let store = super::open_existing(&args.store.store)?;
    let rows = load_rows(&store, &filter)?;
    let graph = ViewGraph::build(view, &rows);
    let mut out = output::open(args.output.as_deref())?;
    let written = write_graph(&graph, format, &mut out);
    output::finish(written, &mut out)
}

fn filter(args: &GraphArgs) -> Result<Filter> {
    let date = |s: &Option<String>, flag: &str| -> Result<Option<DateValue>> {
        s.as_deref()
            .map(str::parse)
            .transpose()
            .with_context(|| format!("{flag} takes YYYY, YYYY-MM or YYYY-MM-DD"))
    };
    let claim_type = args
        .claim_type
        .as_deref()
        .map(|t| t.parse::<ClaimType>().map_err(|e| anyhow!(e)))
        .transpose()?;
    Ok(Filter {
        from: date(&args.from, "--from")?,
        to: date(&args.to, "--to")?,
        actor: args.actor.clone(),
        claim_type,
    })
}

//! `claimgraph query` and `claimgraph queries`: SPARQL over the store.

use crate::cli::QueryArgs;
use crate::output;
use anyhow::{bail, Context, Result};
use claimgraph_kg::{
    bind_params, named_queries, parse_param, write_results, RdfOutFormat, ResultFormat,
};
use std::io::{Read, Write};
use std::process::ExitCode;

pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let text = query_text(&args)?;
    let params = args
        .param
        .iter()
        .map(|p| parse_param(p))
        .collect::<Result<Vec<_>, _>>()?;
    let text = bind_params(&text, &params)?;
    let (results, graph) = formats(&args.format)?;
    if let Some(remote) = super::push::remote(&args.endpoint)? {
        return run_remote(&remote, &text, results, graph, &args);
    }
    let store = super::open_existing(&args.store.store)?;
    let mut out = output::open(args.output.as_deref())?;
    let written = store.query(&text, results, graph, &mut out);
    output::finish(written, &mut out)
}

/// The query sent to `--endpoint`; its parsed reply is written by the same
/// code as local results, so the formats are the same.
fn run_remote(
    remote: &claimgraph_remote::Remote,
    text: &str,
    results: ResultFormat,
    graph: RdfOutFormat,
    args: &QueryArgs,
) -> Result<ExitCode> {
    let reply = remote.query(text)?;
    let mut out = output::open(args.output.as_deref())?;
    let written = write_results(reply, results, graph, &mut out);
    output::finish(written, &mut out)
}

pub fn list() -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for (name, text) in named_queries() {
        let about = text
            .lines()
            .find_map(|l| l.strip_prefix('#').map(str::trim))
            .unwrap_or("");
        writeln!(out, "{name:<22} {about}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The query from `-f FILE`, a ready query's name, or the argument itself.
fn query_text(args: &QueryArgs) -> Result<String> {
    if let Some(path) = &args.file {
        let mut text = String::new();
        if path.as_os_str() == "-" {
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading the query from stdin")?;
        } else {
            text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the query file {}", path.display()))?;
        }
        return Ok(text);
    }
    let Some(arg) = args.query.as_deref() else {
        bail!("give a query, -f FILE.rq, or the name of a ready query (claimgraph queries)");
    };
    let name = arg.strip_suffix(".rq").unwrap_or(arg);
    if let Some((_, text)) = named_queries().iter().find(|(n, _)| *n == name) {
        return Ok((*text).to_string());
    }
    let looks_like_sparql = arg.contains(char::is_whitespace) || arg.contains('{');
    if !looks_like_sparql {
        bail!("no ready query named {arg:?}; `claimgraph queries` lists them");
    }
    Ok(arg.to_string())
}

/// One `--format` names either a results format (SELECT/ASK) or an RDF
/// format (CONSTRUCT/DESCRIBE); the other kind keeps its default.
fn formats(name: &str) -> Result<(ResultFormat, RdfOutFormat)> {
    if let Ok(results) = name.parse::<ResultFormat>() {
        return Ok((results, RdfOutFormat::Turtle));
    }
    match name.parse::<RdfOutFormat>() {
        Ok(graph) => Ok((ResultFormat::Table, graph)),
        Err(_) => bail!("unknown --format {name:?}: table, csv, tsv, json, xml, or ttl, nt, nq"),
    }
}

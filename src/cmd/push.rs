//! `claimgraph push` and the `--endpoint` of `ingest` and `query`: a remote
//! triple store written with the Graph Store Protocol and queried with the
//! SPARQL 1.1 Protocol.

use crate::cli::{EndpointArgs, PushArgs};
use anyhow::{anyhow, bail, Context, Result};
use claimgraph_kg::Store;
use claimgraph_remote::{
    named_graphs, push_graphs, store_level_graphs, BasicAuth, Endpoint, PushOutcome, Remote, Retry,
    ServerKind,
};
use oxigraph::model::NamedNode;
use std::process::ExitCode;
use std::time::Instant;

/// Where `--user`'s password comes from (never from the command line, which
/// other users of the machine can read).
pub const PASSWORD_VAR: &str = "CLAIMGRAPH_ENDPOINT_PASSWORD";

/// The remote store named by `--endpoint` (and its companions), if any.
pub fn remote(args: &EndpointArgs) -> Result<Option<Remote>> {
    let Some(base) = args.endpoint.as_deref() else {
        if args.gsp_url.is_some() || args.query_url.is_some() {
            bail!("--gsp-url and --query-url need --endpoint URL too");
        }
        return Ok(None);
    };
    let kind: ServerKind = args.server.parse().map_err(|e: String| anyhow!(e))?;
    let mut endpoint = Endpoint::new(base, kind);
    if let Some(url) = &args.gsp_url {
        endpoint.gsp_url = url.clone();
    }
    if let Some(url) = &args.query_url {
        endpoint.query_url = url.clone();
    }
    if let Some(user) = &args.user {
        let password = std::env::var(PASSWORD_VAR)
            .with_context(|| format!("--user {user} needs the password in ${PASSWORD_VAR}"))?;
        endpoint.auth = Some(BasicAuth {
            user: user.clone(),
            password,
        });
    }
    endpoint.retry = Retry {
        attempts: args.retries.max(1),
        ..Retry::default()
    };
    Ok(Some(Remote::new(endpoint)))
}

/// `claimgraph push`: every named graph of the local store, each replacing
/// its namesake on the remote store.
pub fn run(args: PushArgs, quiet: bool) -> Result<ExitCode> {
    let Some(remote) = remote(&args.endpoint)? else {
        bail!("push needs --endpoint URL (the remote store's base URL)");
    };
    let store = super::open_existing(&args.store.store)?;
    let graphs = named_graphs(&store)?;
    let started = Instant::now();
    let outcome = send(&remote, &store, &graphs, args.endpoint.connections)?;
    if !quiet {
        eprintln!("{}", summary(&remote, &outcome, started));
    }
    Ok(ExitCode::SUCCESS)
}

/// After `ingest --endpoint`: this run's article graphs, its provenance
/// graph, and the store-level graphs (ontology, actors, clusters), which the
/// new articles may have changed.
pub fn after_ingest(
    remote: &Remote,
    args: &EndpointArgs,
    store: &Store,
    articles: Vec<NamedNode>,
    run_graph: NamedNode,
    quiet: bool,
) -> Result<()> {
    let mut graphs = articles;
    graphs.push(run_graph);
    after_change(remote, args, store, graphs, quiet)
}

/// Sends `graphs` and the store-level graphs (ontology, actor merges,
/// clusters), which any change of articles may have changed.
pub fn after_change(
    remote: &Remote,
    args: &EndpointArgs,
    store: &Store,
    mut graphs: Vec<NamedNode>,
    quiet: bool,
) -> Result<()> {
    let started = Instant::now();
    graphs.extend(store_level_graphs(store)?);
    let outcome = send(remote, store, &graphs, args.connections)?;
    if !quiet {
        eprintln!("{}", summary(remote, &outcome, started));
    }
    Ok(())
}

fn send(
    remote: &Remote,
    store: &Store,
    graphs: &[NamedNode],
    connections: usize,
) -> Result<PushOutcome> {
    let outcome = push_graphs(remote, store, graphs, connections, |_| {}).with_context(|| {
        format!(
            "pushing to {} (graphs already sent stay there; run `claimgraph push` to resend all)",
            remote.endpoint().gsp_url
        )
    })?;
    Ok(outcome)
}

fn summary(remote: &Remote, outcome: &PushOutcome, started: Instant) -> String {
    format!(
        "claimgraph: pushed {} graphs, {} triples ({:.1} MB) to {} in {:.2} s",
        outcome.graphs,
        outcome.triples,
        outcome.bytes as f64 / 1e6,
        remote.endpoint().gsp_url,
        started.elapsed().as_secs_f64()
    )
}

//! `claimgraph ingest`: extract and write each article's named graph into the store.

use super::input_exit_code;
use crate::cli::IngestArgs;
use crate::pipeline;
use crate::progress::Progress;
use anyhow::Result;
use claimgraph_kg::cluster::ClusterParams;
use claimgraph_kg::{ClusterScope, IngestRun, Store, BATCH_SIZE};
use claimgraph_model::{Claim, Document};
use std::process::ExitCode;

pub fn run(args: IngestArgs, quiet: bool) -> Result<ExitCode> {
    // Checked before any work, so a bad --endpoint option fails fast.
    let remote = super::push::remote(&args.endpoint)?;
    let aliases = super::actors::read_aliases(args.aliases.as_deref())?;
    let store = Store::open(&args.store.store)?;
    store.load_ontology()?;
    let inputs = args
        .input
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let run = IngestRun::new(env!("CARGO_PKG_VERSION"), inputs);
    let progress = Progress::new(quiet, "ingesting");
    // Articles are written in batches, each in one transaction, so a large
    // corpus neither holds everything in memory nor pays a commit per article.
    let mut pending: Vec<(Document, Vec<Claim>)> = Vec::with_capacity(BATCH_SIZE);
    // The article graphs this run writes, for --endpoint.
    let mut pushed = Vec::new();
    // The articles this run writes: the actor link pass starts from them, the
    // cluster pass recomputes their speakers' clusters.
    let mut ingested: Vec<String> = Vec::new();
    let summary = pipeline::run(
        &args.input,
        args.min_confidence,
        &progress,
        |doc, claims| {
            if remote.is_some() {
                pushed.push(claimgraph_kg::vocab::article_graph(&doc.id));
            }
            ingested.push(doc.id.clone());
            pending.push((doc, claims));
            if pending.len() >= BATCH_SIZE {
                write_batch(&store, &mut pending, &run)?;
            }
            Ok(())
        },
    )?;
    write_batch(&store, &mut pending, &run)?;
    // Actors span articles: link them once all batches are written, before clustering.
    let relinked = super::actors::link_after_ingest(&store, &ingested, aliases.as_ref(), quiet)?;
    if remote.is_some() {
        // Older articles whose actors the link pass rewrote change remotely too.
        pushed.extend(
            relinked
                .iter()
                .map(|id| claimgraph_kg::vocab::article_graph(id)),
        );
    }
    ingested.extend(relinked);
    // Clusters span articles too: one pass after linking, on canonical actors.
    let cluster_start = std::time::Instant::now();
    let clustered = store.cluster_claims(
        &ClusterScope::Articles(ingested),
        &ClusterParams::default(),
        Some(&run.iri()),
    )?;
    let cluster_seconds = cluster_start.elapsed().as_secs_f64();
    let stats = store.stats()?;
    progress.finish(&format!(
        "claimgraph: ingested {} articles, {} claims into {} (store now: {} articles, {} claims, {} actors){} in {:.2} s",
        summary.articles,
        summary.claims,
        args.store.store.display(),
        stats.articles,
        stats.claims,
        stats.actors,
        summary.skipped_note(),
        summary.seconds()
    ));
    if !quiet {
        eprintln!(
            "claimgraph: claim clusters of {} speakers recomputed ({} written) in {:.2} s",
            clustered.actors, clustered.written, cluster_seconds
        );
    }
    if let Some(remote) = &remote {
        super::push::after_ingest(remote, &args.endpoint, &store, pushed, run.graph(), quiet)?;
    }
    Ok(input_exit_code(&summary, args.input.strict))
}

fn write_batch(
    store: &Store,
    pending: &mut Vec<(Document, Vec<Claim>)>,
    run: &IngestRun,
) -> Result<()> {
    if !pending.is_empty() {
        store.ingest_batch(pending.iter().map(|(d, c)| (d, c.as_slice())), run)?;
        pending.clear();
    }
    Ok(())
}

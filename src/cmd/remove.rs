//! `claimgraph remove`: take articles out of the store (and the remote store),
//! then bring the actors and claim clusters up to date.

use crate::cli::RemoveArgs;
use anyhow::{Context, Result};
use claimgraph_kg::{vocab, LinkScope, Store};
use std::process::ExitCode;

pub fn run(args: RemoveArgs, quiet: bool) -> Result<ExitCode> {
    let remote = super::push::remote(&args.endpoint)?;
    let store = super::open_existing(&args.store.store)?;
    let mut removed = Vec::new();
    let mut missing = Vec::new();
    for id in &args.ids {
        if store.remove_article(id)? {
            removed.push(id.clone());
        } else {
            missing.push(id.as_str());
        }
    }
    for id in &missing {
        eprintln!(
            "claimgraph: error: no article {id:?} in {}; the ids are the `article` column of `claimgraph query who-said-what`",
            args.store.store.display()
        );
    }
    let rewritten = if removed.is_empty() {
        Vec::new()
    } else {
        follow_removal(&store, &removed, quiet)?
    };
    if let Some(remote) = &remote {
        for id in &removed {
            let graph = vocab::article_graph(id);
            remote
                .delete_graph(graph.as_str())
                .with_context(|| format!("removing {id:?} from {}", remote.endpoint().gsp_url))?;
        }
        let graphs = rewritten
            .iter()
            .map(|id| vocab::article_graph(id))
            .collect();
        super::push::after_change(remote, &args.endpoint, &store, graphs, quiet)?;
    }
    if !quiet {
        eprintln!(
            "claimgraph: removed {} articles from {}{}",
            removed.len(),
            args.store.store.display(),
            if missing.is_empty() {
                String::new()
            } else {
                format!(" ({} ids not found)", missing.len())
            }
        );
    }
    Ok(if missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_FAILURE)
    })
}

/// A removed article may have held the only full name a surname or role
/// linked to, or the one that made it ambiguous: every key is checked again,
/// and the clusters of the removed claims' speakers and of the rewritten
/// articles are recomputed. Returns the rewritten articles.
fn follow_removal(store: &Store, removed: &[String], quiet: bool) -> Result<Vec<String>> {
    let report = store.link_actors(LinkScope::All)?;
    if !quiet {
        eprintln!(
            "claimgraph: actors relinked: {} keys checked, {} article graphs rewritten",
            report.keys_checked, report.graphs_rewritten
        );
    }
    let mut changed = report.rewritten.clone();
    changed.extend(removed.iter().cloned());
    super::actors::recluster(store, changed, quiet)?;
    Ok(report.rewritten)
}

//! Which named graphs of a local store go to a remote one, and how they are sent.

use crate::{Remote, Result};
use claimgraph_kg::{vocab, Store};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Triple};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

/// What a push sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PushOutcome {
    pub graphs: usize,
    pub triples: usize,
    pub bytes: usize,
}

/// Every named graph of the store (articles, runs, ontology and whatever
/// store-level graphs later passes add), in the store's order.
pub fn named_graphs(store: &Store) -> Result<Vec<NamedNode>> {
    let mut graphs = Vec::new();
    for graph in store.oxigraph().named_graphs() {
        // Our graphs are all IRIs; a blank-node graph name cannot be addressed by the GSP.
        if let NamedOrBlankNode::NamedNode(graph) = graph? {
            graphs.push(graph);
        }
    }
    Ok(graphs)
}

/// The graphs that describe the store as a whole rather than one article or
/// one run: the ontology and the graphs derived across articles (actors,
/// clusters). An ingest pushes these besides its own articles, since a new
/// article can change them.
pub fn store_level_graphs(store: &Store) -> Result<Vec<NamedNode>> {
    Ok(named_graphs(store)?
        .into_iter()
        .filter(|g| {
            let iri = g.as_str();
            !iri.starts_with(vocab::ARTICLE_GRAPH_PREFIX)
                && !iri.starts_with(vocab::RUN_GRAPH_PREFIX)
        })
        .collect())
}

/// One graph of the store as N-Triples, with its triple count.
pub fn graph_ntriples(store: &Store, graph: NamedNodeRef<'_>) -> Result<(Vec<u8>, usize)> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    let mut n = 0;
    for quad in store
        .oxigraph()
        .quads_for_pattern(None, None, None, Some(graph.into()))
    {
        serializer.serialize_triple(&Triple::from(quad?))?;
        n += 1;
    }
    Ok((serializer.finish()?, n))
}

/// Replaces each of `graphs` on the remote store with its content in `store`,
/// one PUT per graph, `connections` requests at a time (a server commits each
/// PUT on its own, so a few in flight keep it busy). `progress` sees the
/// running total after each graph. The first failure stops the push; graphs
/// already sent stay sent (each PUT is complete in itself).
pub fn push_graphs(
    remote: &Remote,
    store: &Store,
    graphs: &[NamedNode],
    connections: usize,
    progress: impl Fn(&PushOutcome) + Sync,
) -> Result<PushOutcome> {
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let outcome = Mutex::new(PushOutcome::default());
    let first_error = Mutex::new(None);
    let worker = || {
        while !failed.load(Ordering::Relaxed) {
            let Some(graph) = graphs.get(next.fetch_add(1, Ordering::Relaxed)) else {
                break;
            };
            match push_one(remote, store, graph) {
                Ok((triples, bytes)) => {
                    let mut total = outcome.lock().unwrap_or_else(|e| e.into_inner());
                    total.graphs += 1;
                    total.triples += triples;
                    total.bytes += bytes;
                    progress(&total);
                }
                Err(e) => {
                    failed.store(true, Ordering::Relaxed);
                    first_error
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .get_or_insert(e);
                }
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..connections.clamp(1, graphs.len().max(1)) {
            scope.spawn(worker);
        }
    });
    if let Some(e) = first_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    Ok(outcome.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// Sends one graph; returns its triple and byte counts.
fn push_one(remote: &Remote, store: &Store, graph: &NamedNode) -> Result<(usize, usize)> {
    let (body, triples) = graph_ntriples(store, graph.as_ref())?;
    remote.put_graph(graph.as_str(), &body)?;
    Ok((triples, body.len()))
}

//! Which named graphs of a local store go to a remote one, and how they are sent.

use crate::{Remote, Result};
use claimgraph_kg::{vocab, Store};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Triple};

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
/// one PUT per graph; `progress` sees the running total after each graph.
pub fn push_graphs<'a>(
    remote: &Remote,
    store: &Store,
    graphs: impl IntoIterator<Item = &'a NamedNode>,
    mut progress: impl FnMut(&PushOutcome),
) -> Result<PushOutcome> {
    let mut outcome = PushOutcome::default();
    for graph in graphs {
        let (body, triples) = graph_ntriples(store, graph.as_ref())?;
        remote.put_graph(graph.as_str(), &body)?;
        outcome.graphs += 1;
        outcome.triples += triples;
        outcome.bytes += body.len();
        progress(&outcome);
    }
    Ok(outcome)
}

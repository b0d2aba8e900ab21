//! claimgraph's knowledge graph: the RDF vocabulary, the mapping of claims to
//! RDF, the Oxigraph store, SPARQL queries and exports.
//!
//! - [`mapping`]: `Document` + `Claim`s → quads in the article's named graph (pure).
//! - [`Store`]: open / ingest (one transaction per batch, idempotent) / export / stats.
//! - [`Store::query`]: SPARQL with the union of the graphs as default graph,
//!   results as a table, CSV, TSV, JSON, XML or RDF.
//! - [`named_queries`]: the ready queries of `queries/*.rq`, with parameters.
//!
//! The graph's shape is described in `docs/vocabulary.md`; the terms in
//! `docs/ontology.ttl`.

pub mod actors;
pub mod actors_graph;
mod actors_link;
pub mod cluster;
pub mod cluster_eval;
mod cluster_store;
mod error;
mod format;
pub mod mapping;
mod queries;
mod query;
mod store;
pub mod vocab;

pub use actors_link::{
    ActorError, ActorSummary, Alias, AliasFile, AliasOutcome, LinkReport, LinkScope, RoleSeen,
    MERGES_GRAPH,
};
pub use cluster_store::{
    build_clusters, claim_day, cluster_iri, ClaimCluster, ClusterMember, ClusterOutcome,
    ClusterScope, StoredClaim, CLUSTER_GRAPH,
};
pub use error::{KgError, Result};
pub use format::{RdfOutFormat, ResultFormat};
pub use queries::{
    bind_params, named_queries, named_query, parse_param, query_description, query_params,
    QueryParam,
};
pub use query::{plain_term, shorten_iri, write_results, QuerySummary, Solutions};
pub use store::{ontology_quads, IngestOutcome, IngestRun, Stats, Store, BATCH_SIZE, ONTOLOGY_TTL};

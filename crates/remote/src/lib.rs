//! claimgraph past one machine: the local store's named graphs pushed to a
//! remote triple store, and SPARQL queries sent to one.
//!
//! - [`Remote::put_graph`]: SPARQL 1.1 Graph Store Protocol, `PUT ?graph=IRI`
//!   with an N-Triples body, so a graph sent again replaces the old one.
//! - [`Remote::query`]: SPARQL 1.1 Protocol (POST, form-encoded); the reply
//!   (SPARQL JSON/XML results, or RDF for CONSTRUCT) is parsed into Oxigraph's
//!   [`QueryResults`](oxigraph::sparql::QueryResults), so the CLI writes it
//!   with the same code as local results ([`claimgraph_kg::write_results`]).
//! - Retries: connection errors and 5xx are retried a bounded number of times
//!   with doubling waits ([`Retry`]); a 4xx fails at once with the URL, the
//!   status and the server's first line ([`RemoteError::Refused`]).
//! - [`push_graphs`], [`named_graphs`], [`store_level_graphs`]: which graphs
//!   of a local [`Store`](claimgraph_kg::Store) to send.

mod client;
mod error;
mod push;

pub use client::{graph_url, BasicAuth, Endpoint, Remote, Retry, ServerKind};
pub use error::{RemoteError, Result};
pub use push::{graph_ntriples, named_graphs, push_graphs, store_level_graphs, PushOutcome};

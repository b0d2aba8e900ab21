//! The errors of the kg crate.

use std::path::PathBuf;

/// Everything that can go wrong opening, filling, querying or exporting the store.
#[derive(Debug, thiserror::Error)]
pub enum KgError {
    /// Another process (or another handle in this one) holds the store's lock.
    #[error(
        "the store at {} is in use by another claimgraph process; \
         close that process, or use --store with another directory",
        dir.display()
    )]
    StoreLocked { dir: PathBuf },

    #[error("cannot open the store at {}: {message}", dir.display())]
    Open { dir: PathBuf, message: String },

    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),

    #[error("SPARQL syntax error: {0}")]
    QuerySyntax(String),

    #[error("SPARQL evaluation error: {0}")]
    QueryEvaluation(String),

    #[error("unknown query parameter {name:?}; this query declares: {declared}")]
    UnknownParam { name: String, declared: String },

    #[error("query parameter {0:?} must be given as NAME=VALUE")]
    BadParam(String),

    #[error("unknown {what} {value:?}; expected one of: {expected}")]
    UnknownFormat {
        what: &'static str,
        value: String,
        expected: &'static str,
    },

    #[error("{0} cannot be written as {1}")]
    UnsupportedFormat(&'static str, &'static str),

    #[error("cannot parse the ontology: {0}")]
    Ontology(String),

    #[error("cluster fixture: {0}")]
    Fixture(String),

    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
}

impl From<oxigraph::sparql::SparqlSyntaxError> for KgError {
    fn from(e: oxigraph::sparql::SparqlSyntaxError) -> Self {
        Self::QuerySyntax(e.to_string())
    }
}

impl From<oxigraph::sparql::QueryEvaluationError> for KgError {
    fn from(e: oxigraph::sparql::QueryEvaluationError) -> Self {
        Self::QueryEvaluation(e.to_string())
    }
}

impl From<oxigraph::io::RdfSyntaxError> for KgError {
    fn from(e: oxigraph::io::RdfSyntaxError) -> Self {
        Self::Ontology(e.to_string())
    }
}

pub type Result<T, E = KgError> = std::result::Result<T, E>;

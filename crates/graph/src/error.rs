//! What can go wrong while loading or exporting a graph.

/// Errors of the graph crate.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("writing the graph failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing JSON failed: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Store(#[from] claimgraph_kg::KgError),
    #[error("the claims query gave an unexpected result: {0}")]
    Query(String),
    #[error("the store holds an unreadable {field} for {subject}: {value:?}")]
    BadValue {
        field: &'static str,
        subject: String,
        value: String,
    },
}

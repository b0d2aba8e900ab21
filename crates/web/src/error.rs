//! The errors of the web crate: starting the server and writing the report.
//!
//! Errors while answering one request are not here: they become HTTP
//! responses (400, 403, 406, 503, …) and the server goes on.

use std::net::SocketAddr;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("cannot listen on {addr}: {message}")]
    Bind { addr: SocketAddr, message: String },

    #[error("{0}")]
    Store(#[from] claimgraph_kg::KgError),

    #[error("{0}")]
    Graph(#[from] claimgraph_graph::GraphError),

    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),

    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),

    #[error("a server thread could not be started: {0}")]
    Thread(String),

    #[error("a server thread stopped unexpectedly")]
    WorkerPanicked,
}

//! The errors of talking to a remote store.

/// Everything that can go wrong pushing to or querying a remote endpoint.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// The server could not be reached, or kept failing (5xx), after every retry.
    #[error("cannot reach {url} after {attempts} attempts: {message}")]
    Unreachable {
        url: String,
        attempts: u32,
        message: String,
    },

    /// The server answered with a client error (4xx): retrying would not help.
    #[error("{url} refused the request: HTTP {status}{}", detail(body))]
    Refused {
        url: String,
        status: u16,
        body: String,
    },

    /// The server answered 5xx on every attempt.
    #[error(
        "{url} failed with HTTP {status} after {attempts} attempts{}",
        detail(body)
    )]
    ServerError {
        url: String,
        status: u16,
        attempts: u32,
        body: String,
    },

    /// The reply could not be read as SPARQL results or RDF.
    #[error("cannot read the reply of {url}: {message}")]
    BadReply { url: String, message: String },

    #[error(transparent)]
    Store(#[from] claimgraph_kg::KgError),

    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),

    #[error("cannot serialise a graph: {0}")]
    Io(#[from] std::io::Error),
}

/// The first line of the server's explanation, if it gave one.
fn detail(body: &str) -> String {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty());
    match line {
        Some(l) => {
            let short: String = l.chars().take(200).collect();
            format!(" ({short})")
        }
        None => String::new(),
    }
}

pub type Result<T, E = RemoteError> = std::result::Result<T, E>;

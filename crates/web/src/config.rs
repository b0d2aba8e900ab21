//! How the server is run.

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::time::Duration;

/// The address `claimgraph serve` listens on unless told otherwise: loopback only.
pub const DEFAULT_BIND: SocketAddr = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 7878));
/// How long one query may run before it is cancelled.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// How many rows (or triples) one response holds at most.
pub const DEFAULT_MAX_RESULTS: usize = 10_000;

/// The settings of [`serve`](crate::serve) and [`start`](crate::start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeConfig {
    /// Where to listen; port 0 picks a free port (see [`RunningServer::addr`](crate::RunningServer::addr)).
    pub bind: SocketAddr,
    /// Whether SPARQL Update is accepted; when false an update gets 403.
    pub allow_update: bool,
    /// How long one query may run; past it the query is cancelled and answered with 503.
    pub timeout: Duration,
    /// Rows of a SELECT (triples of a CONSTRUCT/DESCRIBE) sent at most; the
    /// response says in a header when it was cut.
    pub max_results: usize,
}

impl Default for ServeConfig {
    fn default() -> Self {
        Self {
            bind: DEFAULT_BIND,
            allow_update: false,
            timeout: DEFAULT_TIMEOUT,
            max_results: DEFAULT_MAX_RESULTS,
        }
    }
}

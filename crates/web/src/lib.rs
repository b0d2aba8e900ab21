//! claimgraph's web face: a SPARQL 1.1 Protocol endpoint over the store, a
//! single-page explorer (ready queries, a query editor, the actor graph, a
//! timeline of who said what when) and the same explorer as one self-contained
//! HTML report.
//!
//! - [`serve`] blocks serving a [`Store`](claimgraph_kg::Store); [`start`] does
//!   the same in background threads and returns a [`RunningServer`] with the
//!   bound address (bind to port 0 for an ephemeral port) and a shutdown.
//! - [`handle`] answers one [`HttpRequest`] without any socket: the server's
//!   whole behaviour, testable in-process.
//! - [`report`] writes the explorer with its data inlined, to be mailed.
//!
//! Every asset (HTML, CSS, JavaScript) is compiled into the binary; the page
//! loads nothing from elsewhere, so it works offline.

mod api;
mod config;
mod error;
mod http;
mod negotiate;
mod page;
mod report;
mod server;
mod sparql;

pub use config::{ServeConfig, DEFAULT_BIND, DEFAULT_MAX_RESULTS, DEFAULT_TIMEOUT};
pub use error::WebError;
pub use http::{HttpRequest, Reply};
pub use page::{asset, ASSET_NAMES};
pub use report::{report, report_data};
pub use server::{handle, serve, start, App, RunningServer};
pub use sparql::{RESULT_LIMIT_HEADER, TRUNCATED_HEADER};

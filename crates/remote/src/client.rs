//! HTTP to a remote store: Graph Store Protocol writes and SPARQL Protocol queries,
//! with bounded retries on connection errors and 5xx replies.

use crate::{RemoteError, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QueryTripleIter};
use std::io::Read;
use std::time::Duration;
use ureq::http::Response;
use ureq::{Agent, Body};

/// What a query asks the server for: results formats we parse, best first,
/// then the RDF formats of CONSTRUCT and DESCRIBE.
const QUERY_ACCEPT: &str =
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, \
     application/n-triples;q=0.8, text/turtle;q=0.7, application/rdf+xml;q=0.5";

/// The server software, which decides where its endpoints live by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ServerKind {
    /// Oxigraph's server: `/store` (Graph Store Protocol) and `/query`.
    #[default]
    Oxigraph,
    /// OpenLink Virtuoso: `/sparql-graph-crud` and `/sparql`.
    Virtuoso,
}

impl ServerKind {
    fn gsp_path(self) -> &'static str {
        match self {
            Self::Oxigraph => "/store",
            Self::Virtuoso => "/sparql-graph-crud",
        }
    }

    fn query_path(self) -> &'static str {
        match self {
            Self::Oxigraph => "/query",
            Self::Virtuoso => "/sparql",
        }
    }
}

impl std::str::FromStr for ServerKind {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "oxigraph" => Ok(Self::Oxigraph),
            "virtuoso" => Ok(Self::Virtuoso),
            _ => Err(format!(
                "unknown server {s:?}; expected oxigraph or virtuoso"
            )),
        }
    }
}

/// HTTP basic authentication.
#[derive(Clone)]
pub struct BasicAuth {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for BasicAuth {
    // Never print the password (error messages, logs).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BasicAuth({:?}, ***)", self.user)
    }
}

/// How often, and how patiently, a failing request is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// Tries in all (at least one).
    pub attempts: u32,
    /// The wait before the second try; each further wait doubles it.
    pub first_delay: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Self {
            attempts: 4,
            first_delay: Duration::from_millis(500),
        }
    }
}

/// Where a remote store lives and how to talk to it.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// The Graph Store Protocol URL (`?graph=IRI` is appended).
    pub gsp_url: String,
    /// The SPARQL 1.1 Protocol query URL.
    pub query_url: String,
    pub auth: Option<BasicAuth>,
    pub retry: Retry,
    /// The longest one request may take, connecting and transferring.
    pub timeout: Duration,
}

impl Endpoint {
    /// The endpoints of a `kind` server at `base` (`http://host:port`).
    pub fn new(base: &str, kind: ServerKind) -> Self {
        let base = base.trim_end_matches('/');
        Self {
            gsp_url: format!("{base}{}", kind.gsp_path()),
            query_url: format!("{base}{}", kind.query_path()),
            auth: None,
            retry: Retry::default(),
            timeout: Duration::from_secs(300),
        }
    }
}

/// A client of one remote store.
#[derive(Debug, Clone)]
pub struct Remote {
    agent: Agent,
    endpoint: Endpoint,
}

impl Remote {
    pub fn new(endpoint: Endpoint) -> Self {
        let agent: Agent = Agent::config_builder()
            // 4xx and 5xx come back as responses, so we can read the server's reason.
            .http_status_as_error(false)
            .timeout_global(Some(endpoint.timeout))
            .build()
            .into();
        Self { agent, endpoint }
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Replaces the named graph `graph` with the N-Triples `body` (HTTP PUT).
    pub fn put_graph(&self, graph: &str, body: &[u8]) -> Result<()> {
        let url = graph_url(&self.endpoint.gsp_url, graph);
        self.send_with_retries(&url, || {
            self.authorized(self.agent.put(&url))
                .header("Content-Type", "application/n-triples")
                .send(body)
        })?;
        Ok(())
    }

    /// Removes the named graph `graph` (HTTP DELETE); a graph that was not
    /// there (404) is not an error.
    pub fn delete_graph(&self, graph: &str) -> Result<()> {
        let url = graph_url(&self.endpoint.gsp_url, graph);
        match self.send_with_retries(&url, || self.authorized(self.agent.delete(&url)).call()) {
            Err(RemoteError::Refused { status: 404, .. }) => Ok(()),
            other => other.map(|_| ()),
        }
    }

    /// Runs a query with the SPARQL 1.1 Protocol (POST, form-encoded) and
    /// returns its results, parsed as they stream in.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>> {
        let url = &self.endpoint.query_url;
        let response = self.send_with_retries(url, || {
            self.authorized(self.agent.post(url))
                .header("Accept", QUERY_ACCEPT)
                .send_form([("query", sparql)])
        })?;
        parse_reply(url, response)
    }

    fn authorized<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.endpoint.auth {
            Some(auth) => {
                let token = base64(format!("{}:{}", auth.user, auth.password).as_bytes());
                request.header("Authorization", format!("Basic {token}"))
            }
            None => request,
        }
    }

    /// Sends until success, a 4xx (returned at once), or the retries run out
    /// on connection errors and 5xx, waiting twice as long before each new try.
    fn send_with_retries(
        &self,
        url: &str,
        mut send: impl FnMut() -> std::result::Result<Response<Body>, ureq::Error>,
    ) -> Result<Response<Body>> {
        let attempts = self.endpoint.retry.attempts.max(1);
        let mut delay = self.endpoint.retry.first_delay;
        let mut attempt = 1;
        loop {
            let failure = match send() {
                Ok(response) if response.status().is_success() => return Ok(response),
                Ok(response) if response.status().is_server_error() => {
                    let status = response.status().as_u16();
                    RemoteError::ServerError {
                        url: url.to_string(),
                        status,
                        attempts: attempt,
                        body: body_text(response),
                    }
                }
                Ok(response) => {
                    let status = response.status().as_u16();
                    return Err(RemoteError::Refused {
                        url: url.to_string(),
                        status,
                        body: body_text(response),
                    });
                }
                Err(e) => {
                    let failure = RemoteError::Unreachable {
                        url: url.to_string(),
                        attempts: attempt,
                        message: e.to_string(),
                    };
                    if !is_transient(&e) {
                        return Err(failure);
                    }
                    failure
                }
            };
            if attempt >= attempts {
                return Err(failure);
            }
            std::thread::sleep(delay);
            delay = delay.saturating_mul(2);
            attempt += 1;
        }
    }
}

/// Errors worth another try: the server may be starting, restarting or busy.
fn is_transient(e: &ureq::Error) -> bool {
    matches!(
        e,
        ureq::Error::Io(_)
            | ureq::Error::ConnectionFailed
            | ureq::Error::HostNotFound
            | ureq::Error::Timeout(_)
            | ureq::Error::Protocol(_)
    )
}

/// The start of a reply's body, for error messages.
fn body_text(response: Response<Body>) -> String {
    let mut text = String::new();
    let _ = response
        .into_body()
        .into_reader()
        .take(4096)
        .read_to_string(&mut text);
    text
}

/// The reply of a query as results (SELECT, ASK) or triples (CONSTRUCT, DESCRIBE),
/// by its content type.
fn parse_reply(url: &str, response: Response<Body>) -> Result<QueryResults<'static>> {
    let media_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let bad_reply = |message: String| RemoteError::BadReply {
        url: url.to_string(),
        message,
    };
    let reader = response.into_body().into_reader();
    if let Some(format) = QueryResultsFormat::from_media_type(&media_type) {
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(reader)
            .map_err(|e| bad_reply(e.to_string()))?;
        return Ok(parsed.into());
    }
    if let Some(format) = RdfFormat::from_media_type(&media_type) {
        let triples = RdfParser::from_format(format)
            .for_reader(reader)
            .map(|quad| match quad {
                Ok(quad) => Ok(Triple::from(quad)),
                Err(e) => Err(QueryEvaluationError::Service(Box::new(e))),
            });
        return Ok(QueryResults::Graph(QueryTripleIter::new(triples)));
    }
    Err(bad_reply(format!(
        "unexpected content type {media_type:?} (expected SPARQL results or RDF)"
    )))
}

/// `base?graph=IRI` (or `&graph=` when the base has a query already).
pub fn graph_url(base: &str, graph: &str) -> String {
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}graph={}", percent_encode(graph))
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Standard base64 with padding (RFC 4648), for the basic auth header.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"dba:dba"), "ZGJhOmRiYQ==");
    }

    #[test]
    fn graph_iris_are_percent_encoded() {
        assert_eq!(
            graph_url("http://h/store", "https://x.dev/g/a b"),
            "http://h/store?graph=https%3A%2F%2Fx.dev%2Fg%2Fa%20b"
        );
        assert_eq!(
            graph_url("http://h/crud?x=1", "g"),
            "http://h/crud?x=1&graph=g"
        );
    }

    #[test]
    fn endpoints_follow_the_server_kind() {
        let e = Endpoint::new("http://127.0.0.1:7878/", ServerKind::Oxigraph);
        assert_eq!(e.gsp_url, "http://127.0.0.1:7878/store");
        assert_eq!(e.query_url, "http://127.0.0.1:7878/query");
        let v = Endpoint::new("http://h:8890", ServerKind::Virtuoso);
        assert_eq!(v.gsp_url, "http://h:8890/sparql-graph-crud");
        assert_eq!(v.query_url, "http://h:8890/sparql");
    }

    #[test]
    fn refused_connections_are_retried_then_reported_with_the_url() {
        // A port nobody listens on: bind, note the port, close.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap_or(9);
        let mut endpoint = Endpoint::new(&format!("http://127.0.0.1:{port}"), ServerKind::Oxigraph);
        endpoint.retry = Retry {
            attempts: 3,
            first_delay: Duration::from_millis(1),
        };
        let err = Remote::new(endpoint).put_graph("urn:g", b"").unwrap_err();
        match &err {
            RemoteError::Unreachable { url, attempts, .. } => {
                assert!(url.starts_with(&format!("http://127.0.0.1:{port}/store?graph=")));
                assert_eq!(*attempts, 3);
            }
            other => panic!("expected Unreachable, got {other:?}"),
        }
    }
}

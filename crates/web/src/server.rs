//! The HTTP server: an accept loop starting a thread per connection (so a
//! slow query holds up only its own client), HTTP/1.1 with keep-alive, the
//! routing, and the CORS headers every reply carries.

use crate::api;
use crate::http::{HttpRequest, Reply};
use crate::page::{asset_reply, live_page};
use crate::sparql::{Endpoint, RESULT_LIMIT_HEADER, TRUNCATED_HEADER};
use crate::{ServeConfig, WebError};
use claimgraph_kg::Store;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The largest request body read (a query or an update); larger ones get 413.
const MAX_BODY: usize = 16 * 1024 * 1024;
/// The largest request head (request line and headers).
const MAX_HEAD: usize = 64 * 1024;
/// How long an idle keep-alive connection is kept before its thread ends.
const IDLE: Duration = Duration::from_secs(30);

/// The store and the settings every request is answered with.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub config: ServeConfig,
}

/// Answers one request: the server's whole behaviour, without a socket.
pub fn handle(app: &App, request: &HttpRequest) -> Reply {
    with_cors(route(app, request))
}

fn route(app: &App, request: &HttpRequest) -> Reply {
    let method = request.method.as_str();
    if method == "OPTIONS" {
        return preflight(request);
    }
    let path = request.path.as_str();
    if path == "/sparql" {
        let endpoint = Endpoint {
            store: &app.store,
            allow_update: app.config.allow_update,
            timeout: app.config.timeout,
            max_results: app.config.max_results,
        };
        return endpoint.answer(request);
    }
    if method != "GET" && method != "HEAD" {
        return Reply::text(405, format!("{method} is not supported at {path}"))
            .with_header("Allow", "GET, HEAD, OPTIONS");
    }
    if path == "/" || path == "/index.html" {
        return Reply::new(200, "text/html; charset=utf-8", live_page());
    }
    if let Some(name) = path.strip_prefix("/assets/") {
        return asset_reply(name);
    }
    if let Some(reply) = api::answer(&app.store, request) {
        return reply;
    }
    Reply::text(
        404,
        format!("nothing at {path}; try / (the explorer), /sparql (SPARQL 1.1 Protocol) or /api/queries"),
    )
}

/// The answer to a CORS preflight: any origin may call any endpoint.
fn preflight(request: &HttpRequest) -> Reply {
    let headers = request
        .header("Access-Control-Request-Headers")
        .unwrap_or("Content-Type, Accept")
        .to_string();
    let mut reply = Reply::new(204, "text/plain", Vec::new());
    reply.headers.extend([
        (
            "Access-Control-Allow-Methods".to_string(),
            "GET, POST, OPTIONS".to_string(),
        ),
        ("Access-Control-Allow-Headers".to_string(), headers),
        ("Access-Control-Max-Age".to_string(), "86400".to_string()),
        ("Allow".to_string(), "GET, POST, OPTIONS".to_string()),
    ]);
    reply
}

/// Every reply may be read by pages of any origin (YASGUI and other clients),
/// including the truncation headers.
fn with_cors(reply: Reply) -> Reply {
    reply
        .with_header("Access-Control-Allow-Origin", "*")
        .with_header(
            "Access-Control-Expose-Headers",
            format!("{TRUNCATED_HEADER}, {RESULT_LIMIT_HEADER}"),
        )
}

/// A server answering in background threads; see [`start`].
pub struct RunningServer {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl RunningServer {
    /// The address actually bound (the chosen port when bound to port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR/`, the page's URL.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Blocks until the server stops (only by [`shutdown`](Self::shutdown)
    /// from elsewhere, or with the process).
    pub fn wait(mut self) -> Result<(), WebError> {
        self.join()
    }

    /// Stops accepting connections and waits for the accept loop to end.
    /// Connections already open finish their current request.
    pub fn shutdown(mut self) -> Result<(), WebError> {
        self.stopping.store(true, Ordering::SeqCst);
        // The accept loop blocks in accept(): one connection wakes it to see the flag.
        let _ = TcpStream::connect(self.addr);
        self.join()
    }

    fn join(&mut self) -> Result<(), WebError> {
        match self.acceptor.take() {
            Some(thread) => thread.join().map_err(|_| WebError::WorkerPanicked),
            None => Ok(()),
        }
    }
}

/// Starts serving `store` in background threads and returns at once.
pub fn start(store: Store, config: ServeConfig) -> Result<RunningServer, WebError> {
    let bind = config.bind;
    let bind_error = |e: std::io::Error| WebError::Bind {
        addr: bind,
        message: e.to_string(),
    };
    let listener = TcpListener::bind(bind).map_err(bind_error)?;
    let addr = listener.local_addr().map_err(bind_error)?;
    let app = Arc::new(App { store, config });
    let stopping = Arc::new(AtomicBool::new(false));
    let stop = stopping.clone();
    let acceptor = thread::Builder::new()
        .name("claimgraph-web-accept".into())
        .spawn(move || accept(&listener, &app, &stop))
        .map_err(|e| WebError::Thread(e.to_string()))?;
    Ok(RunningServer {
        addr,
        stopping,
        acceptor: Some(acceptor),
    })
}

/// Serves `store` until the process ends: what `claimgraph serve` runs.
pub fn serve(store: Store, config: ServeConfig) -> Result<(), WebError> {
    start(store, config)?.wait()
}

fn accept(listener: &TcpListener, app: &Arc<App>, stopping: &AtomicBool) {
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        // A failed accept concerns one client only: go on with the next.
        let Ok(stream) = stream else { continue };
        let app = app.clone();
        let _ = thread::Builder::new()
            .name("claimgraph-web-connection".into())
            .spawn(move || connection(&app, stream));
    }
}

/// Answers the requests of one connection until it closes or stays idle.
fn connection(app: &App, stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(IDLE));
    let _ = stream.set_nodelay(true);
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut writer = stream;
    loop {
        let (reply, close, head_only) = match read_request(&mut reader) {
            Ok(None) => return, // the client closed the connection, or it was idle too long
            Ok(Some(request)) => {
                let close = wants_close(&request);
                let head_only = request.method == "HEAD";
                (handle(app, &request), close, head_only)
            }
            // After a malformed request the stream cannot be trusted: answer and close.
            Err(reply) => (with_cors(reply), true, false),
        };
        if write_reply(&mut writer, reply, close, head_only).is_err() || close {
            return;
        }
    }
}

fn wants_close(request: &HttpRequest) -> bool {
    request
        .header("Connection")
        .is_some_and(|v| v.to_ascii_lowercase().contains("close"))
}

/// Reads one request; `None` at the end of the connection.
fn read_request(reader: &mut impl BufRead) -> Result<Option<HttpRequest>, Reply> {
    let Some(head) = read_head(reader)? else {
        return Ok(None);
    };
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) | Err(_) => {
            return Err(Reply::text(400, "malformed HTTP request"))
        }
    }
    let (Some(method), Some(target)) = (parsed.method, parsed.path) else {
        return Err(Reply::text(400, "malformed HTTP request"));
    };
    let mut request = HttpRequest::new(method, target);
    request.headers = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    request.body = read_body(reader, &request)?;
    Ok(Some(request))
}

/// The bytes up to and including the blank line; `None` if the connection ends first.
fn read_head(reader: &mut impl BufRead) -> Result<Option<Vec<u8>>, Reply> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        match reader.read_until(b'\n', &mut head) {
            Ok(0) | Err(_) => return Ok(None),
            Ok(_) => {}
        }
        let line = &head[before..];
        // Blank lines before a request are allowed (RFC 9112, 2.2).
        if (line == b"\r\n" || line == b"\n") && before == 0 {
            head.clear();
            continue;
        }
        if line == b"\r\n" || line == b"\n" {
            return Ok(Some(head));
        }
        if head.len() > MAX_HEAD {
            return Err(Reply::text(431, "the request head is too large"));
        }
    }
}

fn read_body(reader: &mut impl BufRead, request: &HttpRequest) -> Result<Vec<u8>, Reply> {
    let chunked = request
        .header("Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        return read_chunked(reader);
    }
    let length = match request.header("Content-Length") {
        None => return Ok(Vec::new()),
        Some(v) => v
            .trim()
            .parse::<usize>()
            .map_err(|_| Reply::text(400, "invalid Content-Length"))?,
    };
    if length > MAX_BODY {
        return Err(too_large());
    }
    let mut body = vec![0; length];
    reader
        .read_exact(&mut body)
        .map_err(|e| Reply::text(400, format!("cannot read the request body: {e}")))?;
    Ok(body)
}

fn read_chunked(reader: &mut impl BufRead) -> Result<Vec<u8>, Reply> {
    let bad = |what: &str| Reply::text(400, format!("malformed chunked body: {what}"));
    let mut body = Vec::new();
    loop {
        let mut line = String::new();
        reader
            .read_line(&mut line)
            .map_err(|_| bad("unreadable size"))?;
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| bad("bad size"))?;
        if size == 0 {
            // Trailers, up to the blank line.
            loop {
                line.clear();
                let n = reader
                    .read_line(&mut line)
                    .map_err(|_| bad("unreadable trailer"))?;
                if n == 0 || line.trim().is_empty() {
                    return Ok(body);
                }
            }
        }
        if body.len() + size > MAX_BODY {
            return Err(too_large());
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader
            .read_exact(&mut body[start..])
            .map_err(|_| bad("short chunk"))?;
        let mut crlf = [0; 2];
        reader
            .read_exact(&mut crlf)
            .map_err(|_| bad("missing CRLF"))?;
    }
}

fn too_large() -> Reply {
    Reply::text(
        413,
        format!("the request body is larger than {MAX_BODY} bytes"),
    )
}

fn write_reply(
    out: &mut impl Write,
    reply: Reply,
    close: bool,
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: {}\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type,
        reply.body.len(),
        if close { "close" } else { "keep-alive" },
    );
    for (name, value) in &reply.headers {
        // Values are ours; a line break in one would split the response.
        if !value.contains(['\r', '\n']) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(&reply.body)?;
    }
    out.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_read_with_their_bodies() {
        let raw = b"POST /sparql?x=1 HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 6\r\n\r\nASK {}GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        let mut reader = BufReader::new(&raw[..]);
        let first = read_request(&mut reader)
            .expect("valid")
            .expect("a request");
        assert_eq!(
            (
                first.method.as_str(),
                first.path.as_str(),
                first.query.as_str()
            ),
            ("POST", "/sparql", "x=1")
        );
        assert_eq!(first.body, b"ASK {}");
        let second = read_request(&mut reader)
            .expect("valid")
            .expect("a request");
        assert_eq!(second.body, b"abc");
        assert!(read_request(&mut reader).expect("end").is_none());
    }

    #[test]
    fn garbage_is_a_400() {
        let mut reader = BufReader::new(&b"NOT HTTP\r\n\r\n"[..]);
        assert_eq!(
            read_request(&mut reader).map(|_| ()).unwrap_err().status,
            400
        );
    }
}

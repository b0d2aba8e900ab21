//! The HTTP server: a few worker threads taking requests from `tiny_http`,
//! routing them, and adding the CORS headers every reply carries.

use crate::api;
use crate::http::{HttpRequest, Reply};
use crate::page::{asset_reply, live_page};
use crate::sparql::{Endpoint, RESULT_LIMIT_HEADER, TRUNCATED_HEADER};
use crate::{ServeConfig, WebError};
use claimgraph_kg::Store;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

/// Requests answered at once; a slow query blocks only its own worker.
const WORKERS: usize = 4;
/// The largest request body read (a query or an update); larger ones get 413.
const MAX_BODY: u64 = 16 * 1024 * 1024;

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
    http: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
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

    /// Blocks until the server stops (it stops only by [`shutdown`](Self::shutdown)
    /// from elsewhere, or with the process).
    pub fn wait(mut self) -> Result<(), WebError> {
        self.join_workers()
    }

    /// Stops taking requests, lets the running ones finish, and waits for the workers.
    pub fn shutdown(mut self) -> Result<(), WebError> {
        self.stopping.store(true, Ordering::SeqCst);
        // Each unblock wakes one worker waiting for a request.
        for _ in 0..self.workers.len() {
            self.http.unblock();
        }
        self.join_workers()
    }

    fn join_workers(&mut self) -> Result<(), WebError> {
        let mut result = Ok(());
        for worker in self.workers.drain(..) {
            if worker.join().is_err() {
                result = Err(WebError::WorkerPanicked);
            }
        }
        result
    }
}

/// Starts serving `store` in background threads and returns at once.
pub fn start(store: Store, config: ServeConfig) -> Result<RunningServer, WebError> {
    let bind = config.bind;
    let http = tiny_http::Server::http(bind).map_err(|e| WebError::Bind {
        addr: bind,
        message: e.to_string(),
    })?;
    let addr = http.server_addr().to_ip().unwrap_or(bind);
    let http = Arc::new(http);
    let app = Arc::new(App { store, config });
    let stopping = Arc::new(AtomicBool::new(false));
    let mut workers = Vec::with_capacity(WORKERS);
    for i in 0..WORKERS {
        let (http, app, stopping) = (http.clone(), app.clone(), stopping.clone());
        let worker = thread::Builder::new()
            .name(format!("claimgraph-web-{i}"))
            .spawn(move || work(&http, &app, &stopping))
            .map_err(|e| WebError::Thread(e.to_string()))?;
        workers.push(worker);
    }
    Ok(RunningServer {
        addr,
        http,
        stopping,
        workers,
    })
}

/// Serves `store` until the process ends: what `claimgraph serve` runs.
pub fn serve(store: Store, config: ServeConfig) -> Result<(), WebError> {
    start(store, config)?.wait()
}

fn work(http: &tiny_http::Server, app: &App, stopping: &AtomicBool) {
    while !stopping.load(Ordering::SeqCst) {
        // An error here is a failed connection or an unblock: go round and look at `stopping`.
        if let Ok(request) = http.recv() {
            respond(app, request);
        }
    }
}

fn respond(app: &App, mut request: tiny_http::Request) {
    let reply = match read_request(&mut request) {
        Ok(incoming) => {
            let mut reply = handle(app, &incoming);
            if incoming.method == "HEAD" {
                reply.body.clear();
            }
            reply
        }
        Err(reply) => with_cors(reply),
    };
    let status = reply.status;
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(status);
    let headers =
        std::iter::once(("Content-Type".to_string(), reply.content_type)).chain(reply.headers);
    for (name, value) in headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    // The client may have gone away; nothing to do about it.
    let _ = request.respond(response);
}

fn read_request(request: &mut tiny_http::Request) -> Result<HttpRequest, Reply> {
    let url = request.url().to_string();
    let mut incoming = HttpRequest::new(request.method().as_str(), &url);
    incoming.headers = request
        .headers()
        .iter()
        .map(|h| {
            (
                h.field.as_str().as_str().to_string(),
                h.value.as_str().to_string(),
            )
        })
        .collect();
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| Reply::text(400, format!("cannot read the request body: {e}")))?;
    if body.len() as u64 > MAX_BODY {
        return Err(Reply::text(
            413,
            format!("the request body is larger than {MAX_BODY} bytes"),
        ));
    }
    incoming.body = body;
    Ok(incoming)
}

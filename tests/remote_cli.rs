//! `ingest --endpoint`, `push` and `query --endpoint` against real servers on
//! 127.0.0.1: Oxigraph's server (`pip install oxigraph`) and, when Debian's
//! `virtuoso-opensource` is installed, a throwaway Virtuoso.
//!
//! Both are software outside Cargo: a missing one fails the test with the
//! command that installs it, unless `CLAIMGRAPH_SKIP_EXTERNAL=1` is set.

mod common;

use common::{claimgraph, ingest_samples, samples};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLE_GRAPH_PREFIX: &str = "https://claimgraph.dev/id/graph/article/";
/// Triples per named graph, all graphs.
const ALL_GRAPHS: &str = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";

fn skip_external() -> bool {
    std::env::var("CLAIMGRAPH_SKIP_EXTERNAL").is_ok_and(|v| v == "1")
}

fn has_program(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A server process, killed when the test ends (also when it fails).
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_for_port(port: u16, child: &mut Child, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{what} exited before listening ({status})");
        }
        assert!(
            Instant::now() < deadline,
            "{what} did not listen on port {port} within 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `oxigraph serve` on a fresh directory, with the union of the named graphs
/// as default graph (as in claimgraph's own store).
fn oxigraph_server(dir: &Path) -> Server {
    assert!(
        has_program("oxigraph", "--version"),
        "this test needs the Oxigraph server: run `pip install oxigraph` \
         (or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip it)"
    );
    let port = free_port();
    let mut child = Command::new("oxigraph")
        .arg("serve")
        .arg("--location")
        .arg(dir.join("remote"))
        .args([
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--union-default-graph",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("oxigraph starts");
    wait_for_port(port, &mut child, "oxigraph serve");
    Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    }
}

/// Runs a query and returns its output lines, sorted (row order of equal
/// sort keys is not fixed across stores).
fn sorted_lines(args: &[&str]) -> Vec<String> {
    let out = claimgraph().args(args).output().expect("claimgraph runs");
    assert!(
        out.status.success(),
        "claimgraph {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

fn local_query(store: &Path, query: &str, format: &str) -> Vec<String> {
    let store = store.to_string_lossy();
    sorted_lines(&["query", "--store", &store, "--format", format, query])
}

fn remote_query(server: &Server, extra: &[&str], query: &str, format: &str) -> Vec<String> {
    let mut args = vec!["query", "--endpoint", &server.base];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--format", format, query]);
    sorted_lines(&args)
}

/// Triples per article graph: a duplicate write would change a count.
fn article_graph_sizes() -> String {
    format!(
        "SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} \
         FILTER(STRSTARTS(STR(?g), \"{ARTICLE_GRAPH_PREFIX}\")) }} GROUP BY ?g"
    )
}

fn ingest_with_endpoint(store: &Path, server: &Server, extra: &[&str]) {
    claimgraph()
        .args(["ingest", "--quiet", "--store"])
        .arg(store)
        .args(["--endpoint", &server.base])
        .args(extra)
        .arg(samples())
        .assert()
        .success();
}

#[test]
fn ingest_endpoint_gives_the_local_rows_and_reingest_adds_nothing() {
    if skip_external() {
        eprintln!("skipped: CLAIMGRAPH_SKIP_EXTERNAL=1");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let server = oxigraph_server(dir.path());
    let store = dir.path().join("store");
    ingest_with_endpoint(&store, &server, &[]);

    let local = local_query(&store, "who-said-what", "csv");
    assert!(local.len() > 100, "the samples give over 100 claims");
    for format in ["csv", "tsv", "table"] {
        assert_eq!(
            remote_query(&server, &[], "who-said-what", format),
            local_query(&store, "who-said-what", format),
            "who-said-what as {format}"
        );
    }
    let sizes = local_query(&store, &article_graph_sizes(), "csv");
    assert_eq!(sizes.len(), 12, "11 article graphs and the header");
    assert_eq!(
        remote_query(&server, &[], &article_graph_sizes(), "csv"),
        sizes
    );

    // Every graph (articles, run, ontology, actors, clusters) as in the local store.
    assert_eq!(
        remote_query(&server, &[], ALL_GRAPHS, "csv"),
        local_query(&store, ALL_GRAPHS, "csv")
    );

    // Re-ingest: every article graph is replaced, not added to.
    ingest_with_endpoint(&store, &server, &[]);
    assert_eq!(
        remote_query(&server, &[], &article_graph_sizes(), "csv"),
        sizes
    );
    assert_eq!(remote_query(&server, &[], "who-said-what", "csv"), local);
    assert_eq!(
        remote_query(&server, &[], ALL_GRAPHS, "csv"),
        local_query(&store, ALL_GRAPHS, "csv")
    );

    let ask = "PREFIX cg: <https://claimgraph.dev/ns#> ASK { ?c a cg:Claim }";
    assert_eq!(remote_query(&server, &[], ask, "table"), ["true"]);
    let json = remote_query(&server, &[], "actors", "json").join("\n");
    assert!(json.contains("\"bindings\""), "{json}");
    let xml = remote_query(&server, &[], "actors", "xml").join("\n");
    assert!(xml.contains("<sparql"), "{xml}");
}

/// Every graph, and the rows of who-said-what, as in the local store.
fn assert_remote_equals_local(server: &Server, store: &Path) {
    assert_eq!(
        remote_query(server, &[], ALL_GRAPHS, "csv"),
        local_query(store, ALL_GRAPHS, "csv")
    );
    assert_eq!(
        remote_query(server, &[], "who-said-what", "csv"),
        local_query(store, "who-said-what", "csv")
    );
}

#[test]
fn push_copies_every_graph_of_a_local_store() {
    if skip_external() {
        eprintln!("skipped: CLAIMGRAPH_SKIP_EXTERNAL=1");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = ingest_samples(dir.path());
    let server = oxigraph_server(dir.path());
    for _ in 0..2 {
        claimgraph()
            .args(["push", "--quiet", "--store"])
            .arg(&store)
            .args(["--endpoint", &server.base])
            .assert()
            .success();
    }
    assert_remote_equals_local(&server, &store);

    // Removing an article takes its graph off the remote store too, and sends
    // the graphs the removal changed (actors relinked, clusters recomputed).
    claimgraph()
        .args(["remove", "--quiet", "--store"])
        .arg(&store)
        .args(["--endpoint", &server.base, "03_nordsee_zeitung_wien.txt"])
        .assert()
        .success();
    let sizes = remote_query(&server, &[], &article_graph_sizes(), "csv");
    assert_eq!(sizes.len(), 11, "10 article graphs and the header");
    assert_remote_equals_local(&server, &store);
}

#[test]
fn a_refused_write_names_the_url_and_the_status() {
    if skip_external() {
        eprintln!("skipped: CLAIMGRAPH_SKIP_EXTERNAL=1");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let server = oxigraph_server(dir.path());
    let wrong = format!("{}/no-such-path", server.base);
    let out = claimgraph()
        .args(["ingest", "--quiet", "--store"])
        .arg(dir.path().join("store"))
        .args(["--endpoint", &server.base, "--gsp-url", &wrong])
        .arg(samples())
        .output()
        .expect("claimgraph runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/no-such-path?graph="), "{stderr}");
    assert!(stderr.contains("refused the request: HTTP 404"), "{stderr}");
}

#[test]
fn an_unreachable_endpoint_fails_after_the_retries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = ingest_samples(dir.path());
    let base = format!("http://127.0.0.1:{}", free_port());
    let out = claimgraph()
        .args(["push", "--store"])
        .arg(&store)
        .args(["--endpoint", &base, "--retries", "2"])
        .output()
        .expect("claimgraph runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("cannot reach {base}/store?graph="))
            && stderr.contains("after 2 attempts"),
        "{stderr}"
    );
}

#[test]
fn endpoint_options_without_an_endpoint_are_an_error() {
    let out = claimgraph()
        .args(["push", "--store", "nowhere"])
        .output()
        .expect("claimgraph runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("push needs --endpoint URL"));
    let out = claimgraph()
        .args(["ingest", "--user", "x", "--endpoint", "http://127.0.0.1:1"])
        .arg(samples())
        .env_remove("CLAIMGRAPH_ENDPOINT_PASSWORD")
        .output()
        .expect("claimgraph runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("$CLAIMGRAPH_ENDPOINT_PASSWORD"));
}

/// A throwaway Virtuoso (Debian's `virtuoso-opensource`) on free ports with
/// its database in `dir`, whose anonymous SPARQL user may write (Virtuoso
/// refuses Graph Store Protocol writes with 403 until `SPARQL_UPDATE` is granted).
fn virtuoso_server(dir: &Path) -> Server {
    let template = Path::new("/usr/share/virtuoso-opensource-7/virtuoso.ini");
    assert!(
        has_program("virtuoso-t", "-?") && template.exists(),
        "this test needs Virtuoso: run `apt-get install virtuoso-opensource` \
         (or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip it)"
    );
    let (sql_port, http_port) = (free_port(), free_port());
    let db = dir.join("virtuoso");
    std::fs::create_dir_all(&db).expect("db dir");
    let ini = std::fs::read_to_string(template).expect("the Debian virtuoso.ini");
    let ini: String = ini
        .replace(
            "/var/lib/virtuoso-opensource-7/db/",
            &format!("{}/", db.display()),
        )
        .lines()
        .map(|line| {
            let key = line.split('=').next().unwrap_or("").trim();
            match key {
                // The first ServerPort is the SQL port ([Parameters]), the second HTTP.
                "ServerPort" if line.contains("1111") => format!("ServerPort = {sql_port}"),
                "ServerPort" if line.contains("8890") => format!("ServerPort = {http_port}"),
                // Hosting plugins are not needed and may be missing.
                k if k.starts_with("Load") && k.len() <= 6 => String::new(),
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let ini_path = db.join("virtuoso.ini");
    std::fs::write(&ini_path, ini).expect("write ini");
    let mut child = Command::new("virtuoso-t")
        .arg("+foreground")
        .arg("+configfile")
        .arg(&ini_path)
        .current_dir(&db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("virtuoso-t starts");
    wait_for_port(http_port, &mut child, "virtuoso-t");
    wait_for_port(sql_port, &mut child, "virtuoso-t");
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{http_port}"),
    };
    let grant = Command::new("isql-vt")
        .arg(sql_port.to_string())
        .args(["dba", "dba", "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";"])
        .output()
        .expect("isql-vt runs");
    assert!(
        grant.status.success(),
        "GRANT failed: {}",
        String::from_utf8_lossy(&grant.stdout)
    );
    server
}

#[test]
fn virtuoso_gets_the_same_rows_as_the_local_store() {
    if skip_external() {
        eprintln!("skipped: CLAIMGRAPH_SKIP_EXTERNAL=1");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let server = virtuoso_server(dir.path());
    let store = dir.path().join("store");
    let virtuoso = ["--server", "virtuoso"];
    ingest_with_endpoint(&store, &server, &virtuoso);
    ingest_with_endpoint(&store, &server, &virtuoso);
    assert_eq!(
        remote_query(&server, &virtuoso, &article_graph_sizes(), "csv"),
        local_query(&store, &article_graph_sizes(), "csv")
    );
    assert_eq!(
        remote_query(&server, &virtuoso, "who-said-what", "csv"),
        local_query(&store, "who-said-what", "csv")
    );
}

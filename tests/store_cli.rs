//! The store end to end: ingest, idempotent re-ingest, every ready query, export, stats, locking.

mod common;

use common::{claimgraph, ingest_samples, parse_jsonl, stats_json};
use serde_json::Value;
use std::path::Path;

fn query_json(store: &Path, args: &[&str]) -> Vec<Value> {
    let out = claimgraph()
        .args(["query", "--format", "json", "--store"])
        .arg(store)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Value = serde_json::from_slice(&out.stdout).expect("SPARQL JSON results");
    results["results"]["bindings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn ingest_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let first = stats_json(&store);
    assert!(first["claims"].as_u64().unwrap() > 20, "{first}");
    assert!(first["articles"].as_u64().unwrap() >= 8, "{first}");
    ingest_samples(dir.path());
    assert_eq!(stats_json(&store), first);
}

#[test]
fn every_ready_query_answers_on_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let names = String::from_utf8(claimgraph().arg("queries").output().unwrap().stdout).unwrap();
    let names: Vec<&str> = names
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(names.len() >= 7, "{names:?}");
    // The parameterised queries default to values of another corpus; bind
    // ones that occur in the samples.
    let params: &[(&str, &[&str])] = &[
        ("actor", &["--param", "name=Holloway"]),
        ("timeline", &["--param", "topic=Garantien"]),
    ];
    for name in names {
        let mut args = vec![name];
        if let Some((_, extra)) = params.iter().find(|(n, _)| *n == name) {
            args.extend_from_slice(extra);
        }
        let rows = query_json(&store, &args);
        assert!(
            !rows.is_empty(),
            "ready query {name} returned no rows on the samples"
        );
    }
}

#[test]
fn who_said_what_lists_speakers_dates_and_contents() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let rows = query_json(&store, &["who-said-what"]);
    let first = &rows[0];
    for var in ["date", "speaker", "type", "content"] {
        assert!(
            first.get(var).is_some(),
            "who-said-what has no ?{var}: {first}"
        );
    }
    let dates: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["date"]["value"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "rows come by date");
}

#[test]
fn results_formats_are_the_sparql_standard_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let run = |format: &str| {
        let out = claimgraph()
            .args(["query", "actors", "--format", format, "--store"])
            .arg(&store)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run("xml").contains("http://www.w3.org/2005/sparql-results#"));
    assert!(run("csv").lines().next().unwrap().contains(','));
    assert!(run("tsv").lines().next().unwrap().starts_with('?'));
    assert!(run("table").lines().count() > 2);
    let construct = claimgraph()
        .args([
            "query",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5",
            "--format",
            "nt",
            "--store",
        ])
        .arg(&store)
        .output()
        .unwrap();
    assert!(construct.status.success());
    assert_eq!(
        String::from_utf8(construct.stdout).unwrap().lines().count(),
        5
    );
}

#[test]
fn a_syntax_error_is_reported_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let out = claimgraph()
        .args(["query", "SELECT WHERE {", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn export_formats_parse_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    for (name, format) in [
        ("nq", oxigraph::io::RdfFormat::NQuads),
        ("trig", oxigraph::io::RdfFormat::TriG),
        ("nt", oxigraph::io::RdfFormat::NTriples),
        ("ttl", oxigraph::io::RdfFormat::Turtle),
    ] {
        let out = claimgraph()
            .args(["export", "--format", name, "--store"])
            .arg(&store)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}");
        let n = oxigraph::io::RdfParser::from_format(format)
            .for_slice(&out.stdout)
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
            .len();
        assert!(n > 100, "{name}: {n} quads");
    }
}

#[test]
fn reading_commands_do_not_create_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let out = claimgraph()
        .args(["stats", "--store"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("claimgraph ingest"));
    assert!(!missing.exists());
}

#[test]
fn claims_in_the_store_match_the_extracted_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let extracted = claimgraph()
        .args(["extract", "--quiet"])
        .arg(common::samples())
        .output()
        .unwrap();
    let n = parse_jsonl(&extracted.stdout).len() as u64;
    assert_eq!(stats_json(&store)["claims"].as_u64().unwrap(), n);
}

#[test]
fn report_is_one_self_contained_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let report = dir.path().join("report.html");
    claimgraph()
        .args(["report", "-o"])
        .arg(&report)
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
    let html = std::fs::read_to_string(report).unwrap();
    assert!(html.contains("Holloway"), "the report carries the claims");
    for attr in ["src=\"http", "href=\"http"] {
        assert!(
            !html.contains(attr),
            "the report loads nothing from the network ({attr})"
        );
    }
}

#[test]
fn a_second_process_on_the_same_store_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let bind = format!("127.0.0.1:{port}");
    let mut server = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimgraph"))
        .args(["serve", "--quiet", "--bind", &bind, "--store"])
        .arg(&store)
        .spawn()
        .unwrap();
    // Only once the server answers has it surely taken the store's lock.
    let up = (0..300).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        std::net::TcpStream::connect(&bind).is_ok()
    });
    let out = claimgraph()
        .args(["stats", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(up, "the server did not start");
    let message = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        message.contains("in use by another claimgraph process"),
        "{message}"
    );
    assert!(message.contains(&store.display().to_string()), "{message}");
}

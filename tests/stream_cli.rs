//! `claimgraph extract -` as a streaming filter (a map step under Spark,
//! Hadoop streaming, GNU parallel): JSON Lines articles in on stdin, claims or
//! N-Quads out on stdout, each article's output flushed as soon as it is done.

mod common;

use common::{claimgraph, parse_jsonl, samples};
use oxigraph::io::{RdfFormat, RdfParser};
use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The sample articles as JSON Lines records (id, text, date, outlet), in file order.
fn sample_records() -> Vec<serde_json::Value> {
    let meta = std::fs::read_to_string(samples().join("meta.jsonl")).expect("meta.jsonl");
    parse_jsonl(meta.as_bytes())
        .into_iter()
        .map(|m| {
            let file = m["file"].as_str().expect("file").to_string();
            let text = std::fs::read_to_string(samples().join(&file)).expect("sample text");
            serde_json::json!({
                "id": file, "text": text, "date": m["date"], "outlet": m["outlet"], "title": m["title"]
            })
        })
        .collect()
}

/// `copies` copies of the samples, each article with its own id (`c7/03_…`).
fn corpus(copies: usize) -> (Vec<String>, String) {
    let records = sample_records();
    let mut ids = Vec::new();
    let mut jsonl = String::new();
    for copy in 0..copies {
        for record in &records {
            let mut record = record.clone();
            let id = format!("c{copy}/{}", record["id"].as_str().unwrap_or(""));
            record["id"] = id.clone().into();
            ids.push(id);
            jsonl.push_str(&record.to_string());
            jsonl.push('\n');
        }
    }
    (ids, jsonl)
}

fn binary() -> Command {
    let path = assert_cmd::cargo::cargo_bin("claimgraph");
    let mut cmd = Command::new(path);
    cmd.env_remove("CLAIMGRAPH_STORE");
    cmd
}

/// Writes one article at a time and waits for its output before writing the
/// next: a filter that buffered until end of input would never answer.
fn answers_each_article_at_once(format: &str, marker: impl Fn(&str) -> String) {
    let mut child = binary()
        .args(["extract", "-", "--quiet", "--format", format])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("claimgraph starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (lines, received) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let (ids, jsonl) = corpus(1);
    for (id, record) in ids.iter().zip(jsonl.lines()).take(3) {
        writeln!(stdin, "{record}").expect("write an article");
        stdin.flush().expect("flush");
        let wanted = marker(id);
        let found = loop {
            match received.recv_timeout(Duration::from_secs(60)) {
                Ok(line) if line.contains(&wanted) => break true,
                Ok(_) => continue,
                Err(_) => break false,
            }
        };
        assert!(
            found,
            "no output for {id} within 60 s while stdin stayed open (format {format})"
        );
    }
    drop(stdin);
    assert!(child.wait().expect("claimgraph exits").success());
    reader.join().expect("reader thread");
}

#[test]
fn jsonl_filter_answers_each_article_before_the_next_arrives() {
    answers_each_article_at_once("jsonl", |id| format!("\"doc\":\"{id}\""));
}

#[test]
fn nquads_filter_answers_each_article_before_the_next_arrives() {
    // Article graph IRIs are hashes of the id; every quad of the article names it.
    answers_each_article_at_once("nq", |_| "graph/article/".to_string());
}

/// Feeds `input` to `claimgraph extract - ARGS` from a writer thread while
/// reading stdout, as a pipe map step does, and returns stdout.
fn filter(args: &[&str], input: String) -> Vec<u8> {
    let mut child = binary()
        .args(["extract", "-", "--quiet"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("claimgraph starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("claimgraph runs");
    writer.join().expect("writer").expect("stdin written");
    assert!(output.status.success(), "extract - {args:?} failed");
    output.stdout
}

const COPIES: usize = 60;

#[test]
fn a_large_jsonl_stream_comes_out_whole_and_in_input_order() {
    let (ids, jsonl) = corpus(COPIES);
    let claims = parse_jsonl(&filter(&["--format", "jsonl"], jsonl));
    // The claims of one copy, from the files themselves.
    let once = claimgraph()
        .args(["extract", "--quiet"])
        .arg(samples())
        .output()
        .expect("claimgraph runs");
    let per_copy = parse_jsonl(&once.stdout).len();
    assert!(per_copy > 100);
    assert_eq!(claims.len(), per_copy * COPIES);
    // Articles come out in input order, each once, its claims together.
    let mut order: Vec<&str> = claims.iter().filter_map(|c| c["doc"].as_str()).collect();
    order.dedup();
    let position: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let positions: Vec<usize> = order.iter().map(|d| position[d]).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "not in input order"
    );
}

#[test]
fn a_large_nquads_stream_has_one_graph_per_article() {
    let (ids, jsonl) = corpus(COPIES);
    let nq = filter(&["--format", "nq"], jsonl);
    let mut graphs = BTreeSet::new();
    let mut quads = 0;
    for quad in RdfParser::from_format(RdfFormat::NQuads).for_slice(&nq) {
        let quad = quad.expect("valid N-Quads");
        graphs.insert(quad.graph_name.to_string());
        quads += 1;
    }
    assert_eq!(graphs.len(), ids.len(), "one named graph per article");
    assert!(quads > 1000 * COPIES, "{quads} quads");
}

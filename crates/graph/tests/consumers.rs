//! The exports opened by the tools they are for: Graphviz renders the DOT,
//! networkx reads the GraphML and the GEXF.
//!
//! These need `dot` (Debian: `apt-get install graphviz`) and Python's
//! `networkx` (`pip install networkx`). A missing tool fails the test, so CI
//! cannot pass without checking; `CLAIMGRAPH_SKIP_EXTERNAL=1` skips them.

mod common;

use claimgraph_graph::{write_graph, Format, View, ViewGraph};
use common::*;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

fn skip_external() -> bool {
    std::env::var("CLAIMGRAPH_SKIP_EXTERNAL").is_ok_and(|v| v == "1")
}

fn export_to(dir: &Path, view: View, format: Format) -> PathBuf {
    let g = ViewGraph::build(view, &sample_rows());
    let path = dir.join(format!("{view}.{}", format.extension()));
    let mut file = std::fs::File::create(&path).expect("create export file");
    write_graph(&g, format, &mut file).expect("export");
    path
}

/// Runs a command, failing with `install` as the advice when the program is missing.
fn run(command: &mut Command, install: &str) -> std::process::Output {
    match command.output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "{:?} is not installed: {install} (or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip)",
            command.get_program()
        ),
        Err(e) => panic!("cannot run {:?}: {e}", command.get_program()),
    }
}

#[test]
fn graphviz_renders_every_view() {
    if skip_external() {
        eprintln!("CLAIMGRAPH_SKIP_EXTERNAL=1: not running Graphviz");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for view in View::ALL {
        let path = export_to(dir.path(), view, Format::Dot);
        let out = run(
            Command::new("dot").arg("-Tsvg").arg(&path),
            "install graphviz (apt-get install graphviz)",
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "dot failed on the {view} view: {stderr}"
        );
        assert!(
            stderr.trim().is_empty(),
            "dot warned on the {view} view: {stderr}"
        );
        let svg = String::from_utf8_lossy(&out.stdout);
        let (nodes, edges) = expected_counts(view);
        assert_eq!(svg.matches("class=\"node\"").count(), nodes, "{view}");
        assert_eq!(svg.matches("class=\"edge\"").count(), edges, "{view}");
        assert!(svg.contains("Russland"));
    }
}

/// Reads a GraphML or GEXF file with networkx and compares it with `expect`
/// (JSON: node and edge counts, node attributes, one edge's attributes).
const NETWORKX_CHECK: &str = r#"
import json, sys
import networkx as nx

path, fmt, expect = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
problems = []
if not g.is_directed():
    problems.append("graph is not directed")
if g.number_of_nodes() != expect["nodes"]:
    problems.append(f"{g.number_of_nodes()} nodes, expected {expect['nodes']}")
if g.number_of_edges() != expect["edges"]:
    problems.append(f"{g.number_of_edges()} edges, expected {expect['edges']}")
for node, attrs in expect["node_attrs"].items():
    if node not in g.nodes:
        problems.append(f"no node {node}")
        continue
    for key, value in attrs.items():
        got = g.nodes[node].get(key)
        if got != value or type(got) is not type(value):
            problems.append(f"node {node} {key}={got!r}, expected {value!r}")
src, dst, attrs = expect["edge"]
found = [d for u, v, d in g.edges(data=True) if u == src and v == dst
         and all(d.get(k) == x for k, x in attrs.items())]
if not found:
    edges = [(u, v, d) for u, v, d in g.edges(data=True) if u == src and v == dst]
    problems.append(f"no edge {src} -> {dst} with {attrs}; edges there: {edges}")
if fmt == "gexf":
    if g.graph.get("mode") != "dynamic":
        problems.append(f"mode {g.graph.get('mode')!r}, expected 'dynamic'")
    for node, start in expect["starts"].items():
        got = g.nodes[node].get("start") if node in g.nodes else None
        if got != start:
            problems.append(f"node {node} start={got!r}, expected {start!r}")
print("\n".join(problems))
sys.exit(1 if problems else 0)
"#;

fn expectations(view: View) -> serde_json::Value {
    let (nodes, edges) = expected_counts(view);
    let russia =
        json!({"label": "Russland", "kind": "country", "wikidata": "Q159", "claim_count": 3});
    let (node_attrs, edge, starts) = match view {
        View::Actors => (
            json!({ RUSSIA: russia, GOVERNMENT: {"kind": "organization", "claim_count": 1} }),
            json!([RUSSIA, NATO, {"type": "demand", "weight": 2, "first": "2022-01"}]),
            json!({ RUSSIA: "2022-01-01", SCHOLZ: "2022-02-14" }),
        ),
        View::Claims => (
            json!({
                RUSSIA: russia,
                claim_iri(1): {"kind": "claim", "claim_type": "demand", "confidence": 0.75},
                article_iri(1): {"kind": "article", "label": "Testartikel Nummer 1", "outlet": "Testblatt"},
            }),
            json!([claim_iri(1), article_iri(3), {"type": "reported_in", "weight": 1}]),
            json!({ claim_iri(2): "2022-01-01", claim_iri(4): "2022-01-26" }),
        ),
        View::Timeline => (
            json!({ claim_iri(3): {"kind": "claim", "claim_type": "warn", "first": "2022-02-14"} }),
            json!([claim_iri(2), claim_iri(1), {"type": "next", "weight": 1}]),
            json!({ claim_iri(6): "2022-02-01" }),
        ),
    };
    json!({"nodes": nodes, "edges": edges, "node_attrs": node_attrs, "edge": edge, "starts": starts})
}

fn check_with_networkx(format: Format) {
    if skip_external() {
        eprintln!("CLAIMGRAPH_SKIP_EXTERNAL=1: not running networkx");
        return;
    }
    let probe = run(
        Command::new("python3").args(["-c", "import networkx"]),
        "install Python 3",
    );
    assert!(
        probe.status.success(),
        "Python's networkx is missing: pip install networkx (or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip)"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    for view in View::ALL {
        let path = export_to(dir.path(), view, format);
        let out = run(
            Command::new("python3")
                .args(["-c", NETWORKX_CHECK])
                .arg(&path)
                .arg(format.as_str())
                .arg(expectations(view).to_string()),
            "install Python 3",
        );
        assert!(
            out.status.success(),
            "networkx disagrees with the {view} {format}:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn networkx_reads_graphml() {
    check_with_networkx(Format::Graphml);
}

#[test]
fn networkx_reads_gexf() {
    check_with_networkx(Format::Gexf);
}

//! `claimgraph graph` end to end on the sample corpus, checked by real consumers where present.

mod common;

use common::{claimgraph, ingest_samples};
use std::path::Path;
use std::process::Command;

fn graph(store: &Path, args: &[&str]) -> Vec<u8> {
    let out = claimgraph()
        .arg("graph")
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn external_tools_required() -> bool {
    std::env::var_os("CLAIMGRAPH_SKIP_EXTERNAL").is_none()
}

#[test]
fn every_view_and_format_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    for view in ["actors", "claims", "timeline"] {
        for format in ["dot", "graphml", "gexf", "cytoscape", "json"] {
            let bytes = graph(&store, &["--view", view, "--format", format]);
            assert!(bytes.len() > 200, "{view}/{format} is nearly empty");
        }
    }
    let cyto: serde_json::Value =
        serde_json::from_slice(&graph(&store, &["--format", "cytoscape"])).unwrap();
    assert!(cyto["elements"]["nodes"].as_array().unwrap().len() > 5);
}

#[test]
fn filters_narrow_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let count = |args: &[&str]| {
        let mut all = vec!["--view", "claims", "--format", "json"];
        all.extend_from_slice(args);
        let v: serde_json::Value = serde_json::from_slice(&graph(&store, &all)).unwrap();
        v["nodes"].as_array().map_or(0, Vec::len)
    };
    let everything = count(&[]);
    assert!(count(&["--type", "demand"]) < everything);
    assert!(count(&["--from", "2025-03-20"]) < everything);
    assert!(count(&["--actor", "Holloway"]) < everything);
    let bad = claimgraph()
        .args(["graph", "--type", "shout", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn graphviz_renders_the_dot_export() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let dot = dir.path().join("actors.dot");
    claimgraph()
        .args(["graph", "--format", "dot", "-o"])
        .arg(&dot)
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
    match Command::new("dot").arg("-Tsvg").arg(&dot).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "dot failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
        }
        Err(_) if !external_tools_required() => {}
        Err(e) => panic!("Graphviz `dot` is needed (apt-get install graphviz): {e}"),
    }
}

#[test]
fn networkx_reads_graphml_and_gexf() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let graphml = dir.path().join("g.graphml");
    let gexf = dir.path().join("g.gexf");
    for (format, path) in [("graphml", &graphml), ("gexf", &gexf)] {
        claimgraph()
            .args(["graph", "--view", "claims", "--format", format, "-o"])
            .arg(path)
            .arg("--store")
            .arg(&store)
            .assert()
            .success();
    }
    let script = "import sys, networkx as nx\n\
                  a = nx.read_graphml(sys.argv[1]); b = nx.read_gexf(sys.argv[2])\n\
                  assert a.number_of_nodes() > 5 and a.number_of_edges() > 5\n\
                  assert (a.number_of_nodes(), a.number_of_edges()) == (b.number_of_nodes(), b.number_of_edges())\n\
                  assert all('label' in d for _, d in a.nodes(data=True))\n\
                  print(a.number_of_nodes(), a.number_of_edges())";
    match Command::new("python3")
        .args(["-c", script])
        .arg(&graphml)
        .arg(&gexf)
        .output()
    {
        Ok(out) if out.status.success() => {}
        Ok(out)
            if String::from_utf8_lossy(&out.stderr).contains("No module named")
                && !external_tools_required() => {}
        Ok(out) => panic!(
            "networkx could not read the export (pip install networkx): {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!("python3 is needed: {e}"),
    }
}

#[test]
fn cytoscape_js_loads_the_cytoscape_export() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let json = dir.path().join("actors.cyjs");
    claimgraph()
        .args(["graph", "--format", "cytoscape", "-o"])
        .arg(&json)
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let browser = common::repo_path("crates/web/tests/browser");
    if !browser.join("node_modules/cytoscape").exists() && !external_tools_required() {
        return;
    }
    let out = Command::new("node")
        .arg(browser.join("cytoscape_check.mjs"))
        .arg(&json)
        .output()
        .unwrap_or_else(|e| panic!("node is needed (apt-get install nodejs): {e}"));
    assert!(
        out.status.success(),
        "cytoscape.js could not load the export (cd crates/web/tests/browser && npm ci): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let loaded: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        loaded["nodes"].as_u64().unwrap() as usize,
        exported["elements"]["nodes"].as_array().unwrap().len()
    );
    assert_eq!(
        loaded["edges"].as_u64().unwrap() as usize,
        exported["elements"]["edges"].as_array().unwrap().len()
    );
    assert_eq!(loaded["labelled"], true);
}

//! The Spark example (`examples/spark/pipe_extract.py`) in PySpark local mode:
//! `rdd.pipe` of `claimgraph extract - --format nq` over the samples as JSON
//! Lines gives the same quads as a local run over the sample directory.
//!
//! Needs Python 3 with pyspark and a Java runtime: a missing one fails the
//! test with the command that installs it, unless `CLAIMGRAPH_SKIP_EXTERNAL=1`.

mod common;

use common::{claimgraph, repo_path, samples};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use std::process::{Command, Stdio};

fn skip_external() -> bool {
    std::env::var("CLAIMGRAPH_SKIP_EXTERNAL").is_ok_and(|v| v == "1")
}

fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The quads of an N-Quads text as sorted lines. Blank node labels are
/// arbitrary per run, so each is written as `_:b` (the mapping mints none
/// today; this keeps the comparison right if it ever does).
fn sorted_quads(nquads: &[u8]) -> Vec<String> {
    let mut lines: Vec<String> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(nquads)
        .map(|q| without_blank_labels(q.expect("valid N-Quads")))
        .collect();
    lines.sort();
    lines
}

fn without_blank_labels(quad: Quad) -> String {
    let subject = match &quad.subject {
        NamedOrBlankNode::BlankNode(_) => "_:b".to_string(),
        s => s.to_string(),
    };
    let object = match &quad.object {
        Term::BlankNode(_) => "_:b".to_string(),
        o => o.to_string(),
    };
    let graph = if quad.graph_name.is_default_graph() {
        String::new()
    } else if matches!(quad.graph_name, oxigraph::model::GraphName::BlankNode(_)) {
        "_:b".to_string()
    } else {
        quad.graph_name.to_string()
    };
    format!("{subject} {} {object} {graph}", quad.predicate)
}

#[test]
fn spark_pipe_gives_the_quads_of_a_local_run() {
    if skip_external() {
        eprintln!("skipped: CLAIMGRAPH_SKIP_EXTERNAL=1");
        return;
    }
    assert!(
        succeeds("java", &["-version"]),
        "this test needs a Java runtime for Spark: run `apt-get install default-jre-headless` \
         (or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip it)"
    );
    assert!(
        succeeds("python3", &["-c", "import pyspark"]),
        "this test needs PySpark: run `pip install pyspark` \
         (or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip it)"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("samples.jsonl");
    let jsonl = Command::new("python3")
        .arg(repo_path("examples/spark/samples_jsonl.py"))
        .output()
        .expect("python3 runs");
    assert!(jsonl.status.success(), "samples_jsonl.py failed");
    std::fs::write(&corpus, &jsonl.stdout).expect("write the corpus");

    let out_dir = dir.path().join("quads");
    let spark = Command::new("python3")
        .arg(repo_path("examples/spark/pipe_extract.py"))
        .arg(&corpus)
        .arg(&out_dir)
        .arg("--claimgraph")
        .arg(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["--partitions", "3", "--master", "local[2]"])
        .output()
        .expect("python3 runs");
    assert!(
        spark.status.success(),
        "pipe_extract.py failed:\n{}",
        String::from_utf8_lossy(&spark.stderr)
    );
    let mut from_spark = Vec::new();
    let mut parts = 0;
    for entry in std::fs::read_dir(&out_dir).expect("Spark's output directory") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("part-") {
            parts += 1;
            from_spark.extend(std::fs::read(&path).expect("read a part"));
        }
    }
    assert!(parts >= 3, "one output part per partition, got {parts}");

    let local = claimgraph()
        .args(["extract", "--quiet", "--format", "nq"])
        .arg(samples())
        .output()
        .expect("claimgraph runs");
    assert!(local.status.success());
    let local = sorted_quads(&local.stdout);
    assert!(local.len() > 5000, "{} quads", local.len());
    assert_eq!(sorted_quads(&from_spark), local);
}

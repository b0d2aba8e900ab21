//! Helpers shared by the end-to-end tests of the `claimgraph` binary.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn claimgraph() -> Command {
    let mut cmd = Command::cargo_bin("claimgraph").expect("the claimgraph binary is built");
    cmd.env_remove("CLAIMGRAPH_STORE");
    cmd
}

pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub fn samples() -> PathBuf {
    repo_path("data/samples")
}

pub fn parse_jsonl(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect()
}

/// Extracts the sample corpus into a fresh store in `dir` and returns the store path.
pub fn ingest_samples(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    claimgraph()
        .args(["ingest", "--quiet", "--store"])
        .arg(&store)
        .arg(samples())
        .assert()
        .success();
    store
}

/// Runs `cmd`, fails the test with its stderr unless it succeeds, and returns its stdout.
pub fn stdout_of(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().expect("the claimgraph binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The stdout of `claimgraph stats --format json` on `store` (the bytes, for
/// checks that a store is unchanged byte for byte).
pub fn stats_stdout(store: &Path) -> Vec<u8> {
    stdout_of(
        claimgraph()
            .args(["stats", "--format", "json", "--store"])
            .arg(store),
    )
}

/// `claimgraph stats --format json` on `store`, parsed.
pub fn stats_json(store: &Path) -> Value {
    serde_json::from_slice(&stats_stdout(store)).expect("stats as JSON")
}

//! Bad input is reported with its file and line, skipped, counted, and the rest still goes in.

mod common;

use common::{claimgraph, parse_jsonl};
use std::fs;
use std::path::Path;

const GOOD: &str = "Der Sprecher Jonas Keller sagte am Dienstag: „Wir prüfen den Vorschlag.“\n";

fn corpus_with_bad_files(dir: &Path) {
    fs::write(dir.join("01_good.txt"), GOOD).unwrap();
    fs::write(
        dir.join("02_latin1.txt"),
        b"Der Minister sagte: \xe4\xf6\xfc falsch kodiert.\n",
    )
    .unwrap();
    fs::write(dir.join("03_binary.txt"), b"\x00\x01\x02PNG\x00\x00").unwrap();
    fs::write(dir.join("04_empty.txt"), b"").unwrap();
    let jsonl = [
        format!(
            r#"{{"id": "j1", "date": "2025-03-11", "text": {}}}"#,
            serde_json::to_string(GOOD).unwrap()
        ),
        "{ not json".to_string(),
        r#"{"id": "j3", "date": "2025-03-11"}"#.to_string(),
        format!(
            r#"{{"id": "j4", "date": "2025-03-11", "text": {}}}"#,
            serde_json::to_string(GOOD).unwrap()
        ),
    ];
    fs::write(dir.join("05_batch.jsonl"), jsonl.join("\n")).unwrap();
}

#[test]
fn each_bad_input_is_named_and_the_rest_goes_in() {
    let dir = tempfile::tempdir().unwrap();
    corpus_with_bad_files(dir.path());
    let out = claimgraph()
        .args(["extract", "--date", "2025-03-12"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "partial input is not a failure");
    let err = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "02_latin1.txt",
        "03_binary.txt",
        "04_empty.txt",
        "05_batch.jsonl:2",
        "05_batch.jsonl:3",
    ] {
        assert!(
            err.contains(needle),
            "stderr does not name {needle}:\n{err}"
        );
    }
    assert!(
        err.contains("5 skipped"),
        "summary counts the skipped inputs:\n{err}"
    );
    let docs: Vec<String> = parse_jsonl(&out.stdout)
        .iter()
        .map(|c| c["doc"].as_str().unwrap().into())
        .collect();
    assert_eq!(docs, ["01_good.txt", "j1", "j4"]);
}

#[test]
fn strict_turns_skipped_input_into_failure() {
    let dir = tempfile::tempdir().unwrap();
    corpus_with_bad_files(dir.path());
    claimgraph()
        .args(["extract", "--quiet", "--strict", "--date", "2025-03-12"])
        .arg(dir.path())
        .assert()
        .code(1);
}

#[test]
fn nothing_readable_is_a_failure_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let out = claimgraph()
        .arg("extract")
        .arg(dir.path().join("empty.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article could be read"));
}

#[test]
fn a_missing_path_is_named() {
    let out = claimgraph()
        .args(["extract", "/nonexistent/claimgraph/input.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/claimgraph/input.txt"));
}

#[test]
fn usage_errors_exit_with_two() {
    claimgraph().args(["extract"]).assert().code(2);
    claimgraph()
        .args(["extract", "--format", "pdf", "x"])
        .assert()
        .code(2);
}

#[test]
fn a_bad_date_option_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    let out = claimgraph()
        .args(["extract", "--date", "12.03.2025"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

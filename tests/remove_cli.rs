//! `claimgraph remove`: the store after removing an article is the store that
//! never had it (actors relinked, clusters recomputed), and an unknown id is
//! an error that names it without stopping the others.

mod common;

use common::{claimgraph, ingest_samples, samples, stats_json, stdout_of};
use std::path::Path;

const REMOVED: &str = "03_nordsee_zeitung_wien.txt";

/// The store as sorted N-Quads, without run provenance (run IRIs and times
/// differ between any two ingests).
fn quads_without_runs(store: &Path) -> Vec<String> {
    let out = stdout_of(
        claimgraph()
            .args(["export", "--format", "nq", "--store"])
            .arg(store),
    );
    let mut lines: Vec<String> = String::from_utf8_lossy(&out)
        .lines()
        .filter(|l| !l.contains("/id/graph/run/") && !l.contains("prov#wasGeneratedBy"))
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn removing_an_article_gives_the_store_that_never_had_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let before = quads_without_runs(&store);
    stdout_of(
        claimgraph()
            .args(["remove", "--quiet", "--store"])
            .arg(&store)
            .arg(REMOVED),
    );

    let rest = dir.path().join("rest");
    std::fs::create_dir(&rest).unwrap();
    for entry in std::fs::read_dir(samples()).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n != REMOVED) {
            std::fs::copy(&path, rest.join(path.file_name().unwrap())).unwrap();
        }
    }
    let other = dir.path().join("other");
    claimgraph()
        .args(["ingest", "--quiet", "--store"])
        .arg(&other)
        .arg(&rest)
        .assert()
        .success();

    let after = quads_without_runs(&store);
    assert!(
        after.len() < before.len() - 100,
        "the article's quads are gone"
    );
    assert_eq!(after, quads_without_runs(&other));
}

#[test]
fn an_unknown_id_is_named_and_the_others_are_still_removed() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let out = claimgraph()
        .args(["remove", "--store"])
        .arg(&store)
        .args(["no-such-article.txt", REMOVED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no article \"no-such-article.txt\""),
        "{stderr}"
    );
    assert!(stderr.contains("removed 1 articles"), "{stderr}");
    assert_eq!(stats_json(&store)["articles"], 10);
}

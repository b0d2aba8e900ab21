//! Claim clusters end to end: written at ingest, listed and scored by
//! `claimgraph clusters`, deterministic, and kept right when articles are
//! added or changed later.

mod common;

use common::{claimgraph, ingest_samples, repo_path, samples};
use serde_json::Value;
use std::path::Path;

fn clusters(store: &Path, args: &[&str]) -> String {
    let out = claimgraph()
        .arg("clusters")
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
    String::from_utf8(out.stdout).unwrap()
}

fn clusters_json(store: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&clusters(store, &all)).expect("JSON")
}

fn ingest(store: &Path, paths: &[&Path]) {
    claimgraph()
        .args(["ingest", "--quiet", "--store"])
        .arg(store)
        .args(paths)
        .assert()
        .success();
}

/// Copies the sample articles whose names pass `keep`, with their metadata.
fn copy_samples(to: &Path, keep: impl Fn(&str) -> bool) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(samples()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "meta.jsonl" || (name.ends_with(".txt") && keep(&name)) {
            std::fs::copy(&path, to.join(&name)).unwrap();
        }
    }
}

#[test]
fn samples_give_clusters_across_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let all = clusters_json(&store, &[]);
    let all = all.as_array().unwrap();
    assert!(all.len() >= 10, "{} clusters", all.len());
    for c in all {
        let members = c["members"].as_array().unwrap();
        assert!(members.len() >= 2, "{c}");
        assert!(c["outlet_count"].as_u64() <= c["article_count"].as_u64());
        assert!(c["article_count"].as_u64().unwrap() <= members.len() as u64);
        assert!(c["first_reported"].as_str() <= c["last_reported"].as_str());
        assert!(c["iri"]
            .as_str()
            .unwrap()
            .starts_with("https://claimgraph.dev/id/cluster/"));
        // The articles that quote directly are among those that report it.
        let reported: Vec<&Value> = c["articles"].as_array().unwrap().iter().collect();
        for d in c["quoted_directly_in"].as_array().unwrap() {
            assert!(reported.contains(&d), "{c}");
        }
    }
    // Holloway's "door opened" quote is carried by several outlets, quoted
    // directly by some and paraphrased by others.
    let door = all
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("Tür geöffnet"))
        .expect("a cluster for the door quote");
    assert!(door["outlet_count"].as_u64().unwrap() >= 3, "{door}");
    let wide = clusters_json(&store, &["--min-outlets", "3"]);
    assert!(wide
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["outlet_count"].as_u64().unwrap() >= 3));
    assert!(wide.as_array().unwrap().len() < all.len());
}

#[test]
fn table_and_csv_list_the_same_clusters() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let n = clusters_json(&store, &[]).as_array().unwrap().len();
    let table = clusters(&store, &[]);
    assert_eq!(table.lines().count(), n + 1, "{table}");
    assert!(table.starts_with("outlets"));
    let csv = clusters(&store, &["--format", "csv"]);
    let mut reader = csv.lines();
    assert!(reader
        .next()
        .unwrap()
        .starts_with("cluster,speaker,outlets"));
    assert_eq!(reader.count(), n);
}

#[test]
fn clustering_scores_well_on_the_sample_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let gold = repo_path("data/gold/samples.clusters.json");
    let gold = gold.to_str().unwrap();
    let score = clusters_json(&store, &["--gold", gold]);
    // Floors below the measured figures (README): a drop means a regression.
    let get = |k: &str, m: &str| score[k][m].as_f64().unwrap();
    assert!(get("pairwise", "precision") >= 0.6, "{score}");
    assert!(get("bcubed", "precision") >= 0.75, "{score}");
    assert!(get("bcubed", "recall") >= 0.75, "{score}");
    assert!(score["claims_found"].as_u64().unwrap() >= 50, "{score}");
    // A lower threshold joins more, a higher one fewer: recall and precision move.
    let loose = clusters_json(&store, &["--gold", gold, "--threshold", "0.05"]);
    let strict = clusters_json(&store, &["--gold", gold, "--threshold", "0.6"]);
    assert!(loose["predicted_pairs"].as_u64() > score["predicted_pairs"].as_u64());
    assert!(strict["predicted_pairs"].as_u64() < score["predicted_pairs"].as_u64());
    assert!(loose["pairwise"]["precision"].as_f64() < Some(get("pairwise", "precision")));
    let text = clusters(&store, &["--gold", gold]);
    assert!(
        text.contains("pairwise") && text.contains("b-cubed"),
        "{text}"
    );
}

#[test]
fn a_bad_fixture_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"not\": \"a list\"}").unwrap();
    let out = claimgraph()
        .args(["clusters", "--store"])
        .arg(&store)
        .arg("--gold")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cluster fixture"));
}

#[test]
fn clusters_do_not_depend_on_how_the_corpus_was_split() {
    // All at once, or the Wien articles first and the rest later: the cluster
    // pass recomputes the speakers a later ingest touches, so both stores end
    // with the same clusters (same IRIs, same counts).
    let dir = tempfile::tempdir().unwrap();
    let whole = ingest_samples(dir.path());
    let first = dir.path().join("first");
    let rest = dir.path().join("rest");
    copy_samples(&first, |n| n < "06");
    copy_samples(&rest, |n| n >= "06");
    let split = dir.path().join("split");
    ingest(&split, &[&first]);
    ingest(&split, &[&rest]);
    assert_eq!(clusters_json(&split, &[]), clusters_json(&whole, &[]));
    // And re-ingesting changes nothing.
    ingest(&split, &[&first, &rest]);
    assert_eq!(clusters_json(&split, &[]), clusters_json(&whole, &[]));
}

#[test]
fn a_changed_article_updates_the_clusters() {
    // Ingest the samples, then replace one article with a version that drops
    // its quotes: clusters that relied on it lose it (or vanish), exactly as
    // in a store that only ever saw the changed corpus.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_samples(&corpus, |_| true);
    let store = dir.path().join("store");
    ingest(&store, &[&corpus]);
    let before = clusters_json(&store, &[]);
    let changed = corpus.join("03_nordsee_zeitung_wien.txt");
    std::fs::write(
        &changed,
        "Wien. Die Gespräche gingen am Dienstag zu Ende. Das Wetter war kalt.\n",
    )
    .unwrap();
    ingest(&store, &[&changed]);
    let after = clusters_json(&store, &[]);
    assert_ne!(before, after);
    let fresh = dir.path().join("fresh");
    ingest(&fresh, &[&corpus]);
    assert_eq!(after, clusters_json(&fresh, &[]));
    let mentions_03 = after.as_array().unwrap().iter().any(|c| {
        c["articles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d.as_str().unwrap().contains("03_nordsee"))
    });
    assert!(!mentions_03, "a cluster still names the changed article");
}

#[test]
fn corroborated_and_single_source_split_the_claims() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let query = |name: &str| -> Vec<Value> {
        let out = claimgraph()
            .args(["query", name, "--format", "json", "--store"])
            .arg(&store)
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["results"]["bindings"].as_array().cloned().unwrap()
    };
    let corroborated = query("corroborated");
    assert!(!corroborated.is_empty());
    for row in &corroborated {
        let outlets: u64 = row["outlets"]["value"].as_str().unwrap().parse().unwrap();
        assert!(outlets >= 2, "{row}");
        let reported = row["reported_in"]["value"].as_str().unwrap();
        assert!(reported.contains(" | "), "{row}");
    }
    let single = query("single-source");
    let claims = query("who-said-what");
    // Single-source claims are a proper part of all claims: the members of
    // corroborated clusters are missing from it.
    assert!(!single.is_empty() && single.len() < claims.len());
    let wide = clusters_json(&store, &["--min-outlets", "2"]);
    let members: usize = wide
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(single.len() + members, claims.len());
}

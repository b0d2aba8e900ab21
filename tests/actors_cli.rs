//! `claimgraph actors` end to end on the sample corpus: one actor per
//! real-world actor (checked against data/gold/samples.actors.json), merges
//! and alias files that survive re-ingest, and their errors.

mod common;

use common::{claimgraph, ingest_samples, repo_path, samples, stats_stdout, stdout_of};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn actors_json(store: &Path) -> Vec<Value> {
    let stdout = stdout_of(
        claimgraph()
            .args(["actors", "--format", "json", "--store"])
            .arg(store),
    );
    serde_json::from_slice::<Value>(&stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A name as the gold lists it, compared without a leading article.
fn norm(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let article = ["der", "die", "das", "den", "dem", "des"];
    let skip = usize::from(words.len() > 1 && article.contains(&words[0].to_lowercase().as_str()));
    words[skip..].join(" ")
}

/// Every name of each actor (label and alternative labels), by actor index.
fn names_by_actor(actors: &[Value]) -> BTreeMap<String, BTreeSet<usize>> {
    let mut names: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, actor) in actors.iter().enumerate() {
        let alts = actor["alt_labels"].as_array().unwrap();
        for name in std::iter::once(&actor["label"]).chain(alts) {
            names
                .entry(norm(name.as_str().unwrap()))
                .or_default()
                .insert(i);
        }
    }
    names
}

fn gold() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(repo_path("data/gold/samples.actors.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn actor_named<'a>(actors: &'a [Value], label: &str) -> &'a Value {
    actors
        .iter()
        .find(|a| a["label"] == label)
        .unwrap_or_else(|| panic!("no actor labelled {label}: {actors:#?}"))
}

#[test]
fn gold_aliases_of_the_samples_are_one_actor_each() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let actors = actors_json(&store);
    let names = names_by_actor(&actors);
    // Recall: all the forms of one gold actor that the store holds are on one actor.
    let gold = gold();
    let mut found_by_gold: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (canonical, aliases) in &gold {
        let forms: BTreeSet<String> = std::iter::once(canonical)
            .chain(aliases)
            .map(|f| norm(f))
            // `Brüssel`: the gold files it under the EU, the actor lexicon
            // under the EU-Kommission, whose claims the extractor attributes to it.
            .filter(|f| names.contains_key(f) && f != "Brüssel")
            .collect();
        let holders: BTreeSet<usize> = forms.iter().flat_map(|f| names[f].clone()).collect();
        assert!(
            holders.len() <= 1,
            "{canonical} is split over {:?}",
            holders
                .iter()
                .map(|&i| &actors[i]["label"])
                .collect::<Vec<_>>()
        );
        found_by_gold.insert(canonical, forms);
    }
    // The persons of the gold, each with several forms, must be found.
    for person in [
        "Margaret Holloway",
        "Viktor Saizew",
        "Henrik Aalto",
        "Pawel Gromow",
    ] {
        assert!(
            found_by_gold[person].len() >= 3,
            "{person}: {:?}",
            found_by_gold[person]
        );
    }
    // Precision: no actor carries the names of two gold actors.
    let mut gold_of_actor: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (canonical, forms) in &found_by_gold {
        for form in forms {
            for &i in &names[form] {
                gold_of_actor.entry(i).or_default().insert(canonical);
            }
        }
    }
    for (i, golds) in gold_of_actor {
        assert_eq!(golds.len(), 1, "{} merges {golds:?}", actors[i]["label"]);
    }
    // Role-only mentions went to their person.
    let holloway = actor_named(&actors, "Margaret Holloway");
    let alts = holloway["alt_labels"].as_array().unwrap();
    assert!(
        alts.contains(&Value::from("US-Außenministerin")),
        "{holloway}"
    );
    assert!(holloway["roles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["role"] == "US-Außenministerin" && r["first_seen"].is_string()));
    let russia = actor_named(&actors, "Russland");
    assert_eq!(russia["kind"], "country");
    assert_eq!(russia["wikidata"], "Q159");
}

#[test]
fn a_merge_survives_reingest() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    // The user counts the Kremlin spokesman's words as Russia's.
    claimgraph()
        .args(["actors", "merge", "Oleg Prudnikow", "Russland"])
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
    let check = |actors: &[Value]| {
        let russia = actor_named(actors, "Russland");
        let alts = russia["alt_labels"].as_array().unwrap();
        assert!(alts.contains(&Value::from("Oleg Prudnikow")), "{russia}");
        assert!(!actors.iter().any(|a| a["label"] == "Oleg Prudnikow"));
    };
    let merged = actors_json(&store);
    check(&merged);
    let reingest = || {
        claimgraph()
            .args(["ingest", "--quiet", "--store"])
            .arg(&store)
            .arg(samples())
            .assert()
            .success();
    };
    // The merge re-ran the cluster pass, so re-ingesting changes nothing at all.
    let before = stats_stdout(&store);
    reingest();
    assert_eq!(actors_json(&store), merged);
    assert_eq!(stats_stdout(&store), before);
    reingest();
    assert_eq!(actors_json(&store), merged);
    assert_eq!(stats_stdout(&store), before);
}

#[test]
fn an_alias_file_on_ingest_fixes_links_and_bad_lines_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let aliases = dir.path().join("aliases.tsv");
    std::fs::write(
        &aliases,
        "# speaker names the extractor got wrong\n\
         Oleg Prudnikow\tRussland\n\
         Niemand Bekanntes\tPawel Gromow\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    let out = claimgraph()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg("--aliases")
        .arg(&aliases)
        .arg(samples())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A name the store does not hold is skipped with its line, not fatal at ingest.
    assert!(stderr.contains("aliases.tsv:3: "), "{stderr}");
    let actors = actors_json(&store);
    assert!(!actors.iter().any(|a| a["label"] == "Oleg Prudnikow"));

    // `actors --aliases` works on the store as it is: an unknown name is an error.
    let out = claimgraph()
        .args(["actors", "--store"])
        .arg(&store)
        .arg("--aliases")
        .arg(&aliases)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("aliases.tsv:3: "));

    // A malformed line stops the ingest before anything is written.
    std::fs::write(&aliases, "# fine\nOleg Prudnikow Russland\n").unwrap();
    let fresh = dir.path().join("fresh");
    let out = claimgraph()
        .args(["ingest", "--store"])
        .arg(&fresh)
        .arg("--aliases")
        .arg(&aliases)
        .arg(samples())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("aliases.tsv:2: expected NAME<TAB>CANONICAL"),
        "{stderr}"
    );
    assert!(!fresh.exists());
}

#[test]
fn merge_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let merge = |a: &str, b: &str| {
        let out = claimgraph()
            .args(["actors", "merge", a, b, "--store"])
            .arg(&store)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{a} → {b} should fail");
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    assert!(merge("Niemand", "Russland").contains("no actor named \"Niemand\""));
    assert!(merge("Russland", "Moskau").contains("already the same actor"));
    // `Ministerin` is no actor's name; roles are not names.
    assert!(merge("Ministerin", "Russland").contains("no actor named"));
}

#[test]
fn actors_are_listed_as_a_table_and_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let table = claimgraph()
        .args(["actors", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.starts_with("actor "), "{table}");
    assert!(table.contains("Margaret Holloway"));
    let csv = claimgraph()
        .args(["actors", "--format", "csv", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("iri,label,kind,wikidata,claims,addressed,alt_labels,roles")
    );
    assert!(
        lines.any(|l| l.contains(",Russland,country,Q159,")),
        "{csv}"
    );
}

#[test]
fn an_unmerge_restores_the_store_and_names_match_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let store = ingest_samples(dir.path());
    let actors_cmd = |args: &[&str]| {
        let mut cmd = claimgraph();
        cmd.arg("actors").args(args).arg("--store").arg(&store);
        stdout_of(&mut cmd)
    };
    let original = actors_json(&store);
    let original_stats = stats_stdout(&store);
    let persons: Vec<&str> = original
        .iter()
        .filter(|a| a["kind"] == "person")
        .filter_map(|a| a["label"].as_str())
        .collect();
    let (a, b) = (persons[0], persons[1]);
    // Typed in lower case: no actor's label is, so only the any-case match finds them.
    actors_cmd(&["merge", &a.to_lowercase(), &b.to_lowercase()]);
    let merged = actors_json(&store);
    assert!(!merged.iter().any(|x| x["label"] == a), "{a} merged away");
    let listed = String::from_utf8(actors_cmd(&["merges"])).unwrap();
    assert_eq!(listed.lines().count(), 1, "{listed}");

    actors_cmd(&["unmerge", &a.to_uppercase()]);
    assert_eq!(actors_json(&store), original);
    assert_eq!(stats_stdout(&store), original_stats);
    assert!(actors_cmd(&["merges"]).is_empty());

    let out = claimgraph()
        .args(["actors", "unmerge", a, "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no merge of"));
}

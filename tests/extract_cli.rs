//! `claimgraph extract` end to end: formats, stdin, and quality on the sample corpus.

mod common;

use common::{claimgraph, parse_jsonl, repo_path, samples, stdout_of};
use serde_json::Value;
use std::collections::HashMap;

const FIELDS: [&str; 14] = [
    "doc",
    "speaker",
    "speaker_kind",
    "cue",
    "type",
    "content",
    "direct",
    "addressee",
    "date",
    "sentence",
    "content_spans",
    "cue_spans",
    "speaker_mention",
    "confidence",
];

fn extract_samples() -> Vec<Value> {
    let stdout = stdout_of(claimgraph().args(["extract", "--quiet"]).arg(samples()));
    parse_jsonl(&stdout)
}

#[test]
fn every_record_has_the_documented_fields() {
    let claims = extract_samples();
    assert!(
        claims.len() >= 20,
        "only {} claims from the samples",
        claims.len()
    );
    for claim in &claims {
        for field in FIELDS {
            assert!(claim.get(field).is_some(), "missing {field} in {claim}");
        }
        let conf = claim["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&conf));
    }
}

/// Lower-cased word tokens, as the project's scorers count them.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn overlap(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for t in &ta {
        *counts.entry(t).or_default() += 1;
    }
    let common = tb
        .iter()
        .filter(|t| {
            let c = counts.entry(t.as_str()).or_default();
            *c -= 1;
            *c >= 0
        })
        .count() as f64;
    if common == 0.0 {
        return 0.0;
    }
    let (p, r) = (common / tb.len() as f64, common / ta.len() as f64);
    2.0 * p * r / (p + r)
}

/// Greedy one-to-one matching on content overlap >= 0.5, as `eval/score.py` does.
fn attribution_f1(
    gold: &[Value],
    pred: &[Value],
    same_speaker: impl Fn(&str, &str) -> bool,
) -> (f64, f64) {
    let mut cands = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            if g["doc"] != p["doc"] {
                continue;
            }
            let s = overlap(
                g["content"].as_str().unwrap_or(""),
                p["content"].as_str().unwrap_or(""),
            );
            let speaker_ok = same_speaker(
                g["speaker"].as_str().unwrap_or(""),
                p["speaker"].as_str().unwrap_or(""),
            );
            if s >= 0.5 && speaker_ok {
                cands.push((s, i, j));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut hits = 0.0;
    for (_, i, j) in cands {
        if !used_g[i] && !used_p[j] {
            used_g[i] = true;
            used_p[j] = true;
            hits += 1.0;
        }
    }
    (
        hits / pred.len().max(1) as f64,
        hits / gold.len().max(1) as f64,
    )
}

#[test]
fn finds_the_hand_annotated_claims_of_the_samples() {
    let pred = extract_samples();
    let gold = parse_jsonl(&std::fs::read(repo_path("data/gold/samples.gold.jsonl")).unwrap());
    let actors: HashMap<String, Vec<String>> =
        serde_json::from_slice(&std::fs::read(repo_path("data/gold/samples.actors.json")).unwrap())
            .unwrap();
    let norm = |s: &str| {
        tokens(s)
            .into_iter()
            .filter(|t| !["der", "die", "das", "den", "dem", "des"].contains(&t.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let same = |g: &str, p: &str| {
        let (g, p) = (norm(g), norm(p));
        if g == p {
            return true;
        }
        actors
            .iter()
            .any(|(canon, aliases)| norm(canon) == g && aliases.iter().any(|a| norm(a) == p))
    };
    let (precision, recall) = attribution_f1(&gold, &pred, same);
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    eprintln!("samples: attribution precision {precision:.3} recall {recall:.3} f1 {f1:.3}");
    // A floor well under the measured figures (see the README): it fails when
    // extraction breaks, not when one rule moves a point.
    assert!(f1 >= 0.55, "attribution F1 on the samples fell to {f1:.3}");
}

#[test]
fn table_format_prints_a_header_and_rows() {
    let out = claimgraph()
        .args(["extract", "--quiet", "--format", "table"])
        .arg(samples())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("date"));
    assert!(lines.count() > 10);
}

#[test]
fn stdin_plain_text_is_one_article() {
    let text = "Die Außenministerin Karla Brandt sagte am Montag: „Wir bleiben im Gespräch.“";
    let stdout = stdout_of(
        claimgraph()
            .args(["extract", "--quiet", "--date", "2025-03-12", "-"])
            .write_stdin(text),
    );
    let claims = parse_jsonl(&stdout);
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0]["doc"], "stdin");
    assert_eq!(claims[0]["content"], "Wir bleiben im Gespräch.");
    assert_eq!(
        claims[0]["date"], "2025-03-10",
        "am Montag before Wednesday 2025-03-12"
    );
}

#[test]
fn stdin_json_lines_stream_through() {
    let lines = [
        r#"{"id": "a", "date": "2025-03-11", "text": "Der Minister Paul Weber sagte: „Das Abkommen steht.“"}"#,
        r#"{"id": "b", "date": "2025-03-11", "text": "Die Sprecherin Eva Kolb erklärte, die Gespräche seien beendet."}"#,
    ];
    let out = claimgraph()
        .args(["extract", "--quiet", "-"])
        .write_stdin(lines.join("\n"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let docs: Vec<String> = parse_jsonl(&out.stdout)
        .iter()
        .map(|c| c["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["a", "b"]);
}

#[test]
fn nquads_output_parses_as_rdf() {
    let out = claimgraph()
        .args(["extract", "--quiet", "--format", "nq"])
        .arg(samples())
        .output()
        .unwrap();
    assert!(out.status.success());
    let quads: Vec<_> = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_slice(&out.stdout)
        .collect::<Result<_, _>>()
        .expect("valid N-Quads");
    assert!(quads.len() > 100);
    assert!(
        quads.iter().all(|q| !q.graph_name.is_default_graph()),
        "every quad in an article graph"
    );
}

#[test]
fn output_file_and_confidence_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let all = dir.path().join("all.jsonl");
    let sure = dir.path().join("sure.jsonl");
    claimgraph()
        .args(["extract", "--quiet", "-o"])
        .arg(&all)
        .arg(samples())
        .assert()
        .success();
    claimgraph()
        .args(["extract", "--quiet", "--min-confidence", "0.8", "-o"])
        .arg(&sure)
        .arg(samples())
        .assert()
        .success();
    let (all, sure) = (
        parse_jsonl(&std::fs::read(all).unwrap()),
        parse_jsonl(&std::fs::read(sure).unwrap()),
    );
    assert!(sure.len() < all.len());
    assert!(sure
        .iter()
        .all(|c| c["confidence"].as_f64().unwrap() >= 0.8));
}

#[test]
fn user_lexicon_is_read_and_a_bad_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.lex");
    std::fs::write(&bad, "this is not a lexicon line\n").unwrap();
    let out = claimgraph()
        .args(["extract", "--quiet", "--lexicon"])
        .arg(&bad)
        .arg(samples())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.lex"), "{err}");
}

#[test]
fn a_user_lexicon_adds_actors_and_cues() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("mine.tsv");
    std::fs::write(
        &lexicon,
        "[cues]\nappeal\tan|mahnen\n\n[actors]\norganization\tStadtwerke Nord\t-\tStadtwerke\t-\n",
    )
    .unwrap();
    let text = "Die Stadtwerke Nord mahnten am Montag schnellere Genehmigungen an.";
    let run = |extra: &[&std::ffi::OsStr]| {
        let out = claimgraph()
            .args(["extract", "--quiet", "--date", "2025-03-12"])
            .args(extra)
            .arg("-")
            .write_stdin(text)
            .output()
            .unwrap();
        assert!(out.status.success());
        parse_jsonl(&out.stdout)
    };
    assert!(
        run(&[]).is_empty(),
        "an unknown organisation alone is too weak a speaker"
    );
    let claims = run(&["--lexicon".as_ref(), lexicon.as_os_str()]);
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0]["speaker"], "Stadtwerke Nord");
    assert_eq!(claims[0]["cue"], "mahnten ... an");
    assert_eq!(claims[0]["type"], "appeal");
}

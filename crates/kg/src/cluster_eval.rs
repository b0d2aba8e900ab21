//! Scoring claim clusters against a hand-made fixture (`data/gold/*.clusters.json`).
//!
//! A fixture is a JSON array of clusters, each an array of claim mentions:
//! `{"doc", "speaker", "content"}` (the sample corpus) or
//! `{"doc", "speaker", "start", "end"}` with the code-point offsets of the
//! content in the article (the seeds, whose text may not be copied here).
//! Claims the fixture does not list are expected to be in no cluster.
//!
//! Each mention is matched to at most one claim of the store in the same
//! article: by the overlap of the offsets (Dice coefficient of the two
//! character ranges) or, without offsets, by the token F1 of the contents,
//! as `score.py` matches claims; at least 0.5, best pairs first, one to one.
//!
//! Reported: pairwise precision and recall (pairs of claims put in one
//! cluster), recall also over the fixture pairs whose two claims were both
//! extracted (so that extraction misses and clustering misses can be told
//! apart), and B-cubed precision and recall over the claims that are in a
//! cluster on either side.

#[cfg(test)]
use crate::cluster_store::ClusterMember;
use crate::cluster_store::{ClaimCluster, StoredClaim};
use crate::store::prologue;
use crate::{KgError, Result, Store};
use oxigraph::model::Term;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One claim of a fixture cluster.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldMention {
    pub doc: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: Option<usize>,
}

/// Parses a fixture file's text.
pub fn parse_fixture(json: &str) -> Result<Vec<Vec<GoldMention>>> {
    let clusters: Vec<Vec<GoldMention>> = serde_json::from_str(json)
        .map_err(|e| KgError::Fixture(format!("not a cluster fixture: {e}")))?;
    for (n, cluster) in clusters.iter().enumerate() {
        for m in cluster {
            let has_offsets = matches!((m.start, m.end), (Some(s), Some(e)) if s < e);
            if m.content.is_none() && !has_offsets {
                return Err(KgError::Fixture(format!(
                    "cluster {}: a mention of {} has neither content nor start < end",
                    n + 1,
                    m.doc
                )));
            }
        }
    }
    Ok(clusters)
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision: round4(precision),
            recall: round4(recall),
            f1: round4(f1),
        }
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// How well the clusters agree with a fixture.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterScore {
    pub fixture_clusters: usize,
    pub fixture_claims: usize,
    /// Fixture claims matched to a claim of the store.
    pub claims_found: usize,
    pub predicted_clusters: usize,
    /// Pairs in one predicted cluster / in one fixture cluster / both.
    pub predicted_pairs: usize,
    pub gold_pairs: usize,
    pub correct_pairs: usize,
    /// Fixture pairs whose two claims were both found in the store.
    pub gold_pairs_found: usize,
    pub pairwise: Prf,
    /// Pairwise recall over the fixture pairs whose claims were both found.
    pub recall_on_found: f64,
    pub bcubed: Prf,
}

/// Scores `clusters` (over the store's `claims`, with their content `spans`)
/// against `fixture`.
pub fn score_clusters(
    fixture: &[Vec<GoldMention>],
    claims: &[StoredClaim],
    spans: &HashMap<String, Vec<(usize, usize)>>,
    clusters: &[ClaimCluster],
) -> ClusterScore {
    let matched = match_mentions(fixture, claims, spans);
    // Gold cluster of each matched claim; predicted cluster of each clustered claim.
    let gold_of: HashMap<&str, usize> = matched
        .iter()
        .map(|(&(cluster, _), claim)| (claim.as_str(), cluster))
        .collect();
    let pred_of: HashMap<&str, usize> = clusters
        .iter()
        .enumerate()
        .flat_map(|(k, c)| c.members.iter().map(move |m| (m.claim.as_str(), k)))
        .collect();
    let same = |map: &HashMap<&str, usize>, a: &str, b: &str| matches!((map.get(a), map.get(b)), (Some(x), Some(y)) if x == y);

    let predicted_pairs: usize = clusters.iter().map(|c| pairs(c.members.len())).sum();
    let gold_pairs: usize = fixture.iter().map(|c| pairs(c.len())).sum();
    let mut correct_pairs = 0;
    for c in clusters {
        for (i, a) in c.members.iter().enumerate() {
            for b in &c.members[i + 1..] {
                correct_pairs += usize::from(same(&gold_of, &a.claim, &b.claim));
            }
        }
    }
    let mut found_per_cluster: BTreeMap<usize, usize> = BTreeMap::new();
    for &(cluster, _) in matched.keys() {
        *found_per_cluster.entry(cluster).or_default() += 1;
    }
    let gold_pairs_found = found_per_cluster.values().map(|&n| pairs(n)).sum();

    // B-cubed over every claim in a cluster on either side.
    let items: HashSet<&str> = gold_of.keys().chain(pred_of.keys()).copied().collect();
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for &item in &items {
        let pred_members: Vec<&str> = match pred_of.get(item) {
            Some(&k) => clusters[k]
                .members
                .iter()
                .map(|m| m.claim.as_str())
                .collect(),
            None => vec![item],
        };
        let gold_size = match gold_of.get(item) {
            Some(&g) => found_per_cluster.get(&g).copied().unwrap_or(1),
            None => 1,
        };
        let both = pred_members
            .iter()
            .filter(|&&m| m == item || same(&gold_of, item, m))
            .count();
        p_sum += ratio(both, pred_members.len());
        r_sum += ratio(both, gold_size);
    }
    let n = items.len().max(1) as f64;
    ClusterScore {
        fixture_clusters: fixture.len(),
        fixture_claims: fixture.iter().map(Vec::len).sum(),
        claims_found: matched.len(),
        predicted_clusters: clusters.len(),
        predicted_pairs,
        gold_pairs,
        correct_pairs,
        gold_pairs_found,
        pairwise: Prf::new(
            ratio(correct_pairs, predicted_pairs),
            ratio(correct_pairs, gold_pairs),
        ),
        recall_on_found: round4(ratio(correct_pairs, gold_pairs_found)),
        bcubed: Prf::new(p_sum / n, r_sum / n),
    }
}

fn pairs(n: usize) -> usize {
    n * n.saturating_sub(1) / 2
}

/// Fixture mention (cluster, index) → the claim IRI it matched.
fn match_mentions(
    fixture: &[Vec<GoldMention>],
    claims: &[StoredClaim],
    spans: &HashMap<String, Vec<(usize, usize)>>,
) -> BTreeMap<(usize, usize), String> {
    let mut by_doc: HashMap<&str, Vec<&StoredClaim>> = HashMap::new();
    for c in claims {
        by_doc.entry(doc_name(&c.doc)).or_default().push(c);
    }
    let mut candidates: Vec<(f64, (usize, usize), &str)> = Vec::new();
    for (k, cluster) in fixture.iter().enumerate() {
        for (i, m) in cluster.iter().enumerate() {
            for c in by_doc.get(doc_name(&m.doc)).into_iter().flatten() {
                let score = mention_overlap(m, c, spans.get(&c.iri));
                if score >= 0.5 {
                    candidates.push((score, (k, i), c.iri.as_str()));
                }
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.cmp(b.2))
    });
    let mut matched = BTreeMap::new();
    let mut used: HashSet<&str> = HashSet::new();
    for (_, mention, claim) in candidates {
        if !matched.contains_key(&mention) && used.insert(claim) {
            matched.insert(mention, claim.to_string());
        }
    }
    matched
}

/// The file name of a document id (`data/samples/a.txt` and `a.txt` are one article).
fn doc_name(doc: &str) -> &str {
    doc.rsplit(['/', '\\']).next().unwrap_or(doc)
}

fn mention_overlap(m: &GoldMention, c: &StoredClaim, spans: Option<&Vec<(usize, usize)>>) -> f64 {
    if let (Some(start), Some(end), Some(spans)) = (m.start, m.end, spans) {
        let (Some(lo), Some(hi)) = (
            spans.iter().map(|s| s.0).min(),
            spans.iter().map(|s| s.1).max(),
        ) else {
            return 0.0;
        };
        let common = end.min(hi).saturating_sub(start.max(lo));
        return 2.0 * common as f64 / ((end - start) + (hi - lo)).max(1) as f64;
    }
    m.content
        .as_deref()
        .map_or(0.0, |content| token_f1(content, &c.text))
}

/// Token F1 of two texts (words, case-folded), as the claim scorer computes it.
pub fn token_f1(a: &str, b: &str) -> f64 {
    let count = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in s.split(|c: char| !c.is_alphanumeric() && c != '_') {
            if !w.is_empty() {
                *m.entry(w.to_lowercase()).or_default() += 1;
            }
        }
        m
    };
    let (ta, tb) = (count(a), count(b));
    let common: usize = ta
        .iter()
        .map(|(w, n)| (*n).min(tb.get(w).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let (na, nb) = (ta.values().sum::<usize>(), tb.values().sum::<usize>());
    let (p, r) = (common as f64 / nb as f64, common as f64 / na as f64);
    2.0 * p * r / (p + r)
}

impl Store {
    /// The code-point ranges of each claim's content (its position selectors).
    pub fn content_spans(&self) -> Result<HashMap<String, Vec<(usize, usize)>>> {
        let sparql = format!(
            "{}SELECT ?claim ?start ?end WHERE {{
               ?claim cg:contentEvidence ?a . ?a oa:hasTarget ?t . ?t oa:hasSelector ?s .
               ?s a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end
             }}",
            prologue()
        );
        let mut spans: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for row in self.select(&sparql)?.rows {
            if let [Some(Term::NamedNode(c)), Some(Term::Literal(s)), Some(Term::Literal(e))] =
                &row[..]
            {
                if let (Ok(s), Ok(e)) = (s.value().parse(), e.value().parse()) {
                    spans
                        .entry(c.as_str().to_string())
                        .or_default()
                        .push((s, e));
                }
            }
        }
        Ok(spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(iri: &str, doc: &str, text: &str) -> StoredClaim {
        StoredClaim {
            iri: iri.into(),
            actor: "a".into(),
            speaker: "A".into(),
            doc: doc.into(),
            article: format!("art:{doc}"),
            text: text.into(),
            direct: false,
            published: None,
            outlet: None,
            day: None,
        }
    }

    fn cluster(members: &[&str]) -> ClaimCluster {
        ClaimCluster {
            iri: members.join("+"),
            actor: "a".into(),
            speaker: "A".into(),
            text: String::new(),
            members: members
                .iter()
                .map(|m| ClusterMember {
                    claim: m.to_string(),
                    doc: String::new(),
                    text: String::new(),
                    direct: false,
                })
                .collect(),
            articles: vec![],
            article_count: 0,
            outlet_count: 0,
            first_reported: None,
            last_reported: None,
            quoted_directly_in: vec![],
        }
    }

    fn fixture() -> Vec<Vec<GoldMention>> {
        parse_fixture(
            r#"[[{"doc":"x/1.txt","speaker":"A","content":"die Brücke sanieren"},
                 {"doc":"2.txt","speaker":"A","start":10,"end":30}]]"#,
        )
        .unwrap()
    }

    #[test]
    fn perfect_clusters_score_one() {
        let claims = [
            claim("c1", "1.txt", "die Brücke zu sanieren"),
            claim("c2", "2.txt", "Brücke"),
            claim("c3", "2.txt", "etwas anderes"),
        ];
        let spans = HashMap::from([("c2".to_string(), vec![(12, 30)])]);
        let s = score_clusters(&fixture(), &claims, &spans, &[cluster(&["c1", "c2"])]);
        assert_eq!(s.claims_found, 2);
        assert_eq!(
            (s.correct_pairs, s.predicted_pairs, s.gold_pairs),
            (1, 1, 1)
        );
        assert_eq!(s.pairwise.f1, 1.0);
        assert_eq!(s.bcubed.f1, 1.0);
    }

    #[test]
    fn a_wrong_member_costs_precision_and_a_missing_one_recall() {
        let claims = [
            claim("c1", "1.txt", "die Brücke zu sanieren"),
            claim("c2", "2.txt", "Brücke"),
            claim("c3", "2.txt", "etwas anderes"),
        ];
        let spans = HashMap::from([("c2".to_string(), vec![(12, 30)])]);
        let wrong = score_clusters(&fixture(), &claims, &spans, &[cluster(&["c1", "c3"])]);
        assert_eq!(wrong.pairwise.precision, 0.0);
        assert_eq!(wrong.pairwise.recall, 0.0);
        assert!(wrong.bcubed.precision < 1.0);
        let none = score_clusters(&fixture(), &claims, &spans, &[]);
        assert_eq!(none.pairwise.recall, 0.0);
        assert_eq!(none.pairwise.precision, 1.0);
    }

    #[test]
    fn fixtures_are_checked() {
        assert!(parse_fixture("{}").is_err());
        assert!(parse_fixture(r#"[[{"doc":"a","start":5,"end":5}]]"#).is_err());
        assert!((token_f1("a b c", "a b") - 0.8).abs() < 1e-9);
    }
}

//! The cluster pass: reads the claims of the store, groups them with
//! [`crate::cluster`], and writes one `cg:ClaimCluster` per group into the
//! named graph [`CLUSTER_GRAPH`].
//!
//! Clusters span articles, so they cannot live in an article's graph. The pass
//! runs after every ingest (after actor linking) and recomputes the clusters of
//! the speakers the ingested articles cite, plus those of any cluster whose
//! members changed (a claim gone, or now attributed to another actor). A
//! cluster's IRI is a hash of its member claims' IRIs, and only clusters of two
//! or more claims are written, so the pass is deterministic and re-running it
//! on an unchanged store changes nothing.

use crate::cluster::{cluster, ClusterClaim, ClusterParams};
use crate::store::prologue;
use crate::vocab::{self, cg, prov};
use crate::{Result, Store};
use chrono::NaiveDate;
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The named graph holding every claim cluster.
pub const CLUSTER_GRAPH: &str = "https://claimgraph.dev/id/graph/clusters";

/// Which speakers' clusters a pass recomputes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClusterScope {
    /// Every speaker in the store.
    All,
    /// The speakers of the claims of these articles (document ids), and of
    /// every cluster whose members changed since it was written.
    Articles(Vec<String>),
}

/// What one cluster pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ClusterOutcome {
    /// Speakers whose clusters were recomputed.
    pub actors: usize,
    /// Clusters removed before recomputing.
    pub removed: usize,
    /// Clusters written.
    pub written: usize,
}

/// A claim as the cluster pass reads it from the store.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredClaim {
    pub iri: String,
    /// The speaker's IRI.
    pub actor: String,
    /// The speaker's name (`rdfs:label`, the least one when there are several).
    pub speaker: String,
    /// The article's document id.
    pub doc: String,
    pub article: String,
    pub text: String,
    pub direct: bool,
    /// The article's publication date, as stored (`xsd:date`, `xsd:gYearMonth`, …).
    pub published: Option<Literal>,
    /// The publisher's IRI, when the article names one.
    pub outlet: Option<String>,
    /// The day used for the date window (see [`claim_day`]).
    pub day: Option<NaiveDate>,
}

/// One cluster, as written to the store and listed by `claimgraph clusters`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimCluster {
    pub iri: String,
    pub actor: String,
    pub speaker: String,
    /// The content that stands for the cluster: the longest direct quotation,
    /// else the longest content.
    pub text: String,
    /// The member claims, sorted by IRI.
    pub members: Vec<ClusterMember>,
    /// Document ids of the articles that report it, sorted.
    pub articles: Vec<String>,
    pub article_count: usize,
    pub outlet_count: usize,
    /// Earliest and latest publication date of those articles (lexical form).
    pub first_reported: Option<String>,
    pub last_reported: Option<String>,
    /// Document ids of the articles that quote it directly, sorted.
    pub quoted_directly_in: Vec<String>,
}

/// One claim of a cluster, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClusterMember {
    pub claim: String,
    /// The article's document id.
    pub doc: String,
    pub text: String,
    pub direct: bool,
}

impl Store {
    /// Recomputes the claim clusters of the speakers in `scope` and writes them
    /// into [`CLUSTER_GRAPH`] in one transaction. With `run`, the graph records
    /// `prov:wasGeneratedBy` that run (replacing the previous run).
    pub fn cluster_claims(
        &self,
        scope: &ClusterScope,
        params: &ClusterParams,
        run: Option<&NamedNode>,
    ) -> Result<ClusterOutcome> {
        let claims = self.stored_claims()?;
        let existing = self.written_clusters()?;
        let actors = actors_in_scope(scope, &claims, &existing);
        let graph = NamedNode::new_unchecked(CLUSTER_GRAPH);
        let graph_name = GraphName::NamedNode(graph.clone());
        let stale: Vec<&String> = existing
            .iter()
            .filter(|(_, (actor, _))| actors.contains(actor.as_str()))
            .map(|(iri, _)| iri)
            .collect();
        let in_scope: Vec<StoredClaim> = claims
            .into_iter()
            .filter(|c| actors.contains(c.actor.as_str()))
            .collect();
        let clusters = build_clusters(&in_scope, params);

        let mut tx = self.oxigraph().start_transaction()?;
        for iri in &stale {
            let subject = NamedNode::new_unchecked(iri.as_str());
            let quads: Vec<Quad> = tx
                .quads_for_pattern(
                    Some(subject.as_ref().into()),
                    None,
                    None,
                    Some(GraphNameRef::NamedNode(graph.as_ref())),
                )
                .collect::<std::result::Result<_, _>>()?;
            for quad in &quads {
                tx.remove(quad);
            }
        }
        for c in &clusters {
            tx.extend(&cluster_quads(c, &graph_name));
        }
        if let Some(run) = run {
            let generated: Vec<Quad> = tx
                .quads_for_pattern(
                    Some(graph.as_ref().into()),
                    Some(prov("wasGeneratedBy").as_ref()),
                    None,
                    Some(GraphNameRef::NamedNode(graph.as_ref())),
                )
                .collect::<std::result::Result<_, _>>()?;
            for quad in &generated {
                tx.remove(quad);
            }
            tx.insert(&Quad::new(
                graph.clone(),
                prov("wasGeneratedBy"),
                run.clone(),
                graph_name.clone(),
            ));
        }
        tx.commit()?;
        Ok(ClusterOutcome {
            actors: actors.len(),
            removed: stale.len(),
            written: clusters.len(),
        })
    }

    /// Clusters computed from the store's claims with `params`, without writing
    /// them (to try another threshold against a fixture).
    pub fn compute_clusters(&self, params: &ClusterParams) -> Result<Vec<ClaimCluster>> {
        Ok(build_clusters(&self.stored_claims()?, params))
    }

    /// The clusters written in the store, largest first.
    pub fn claim_clusters(&self) -> Result<Vec<ClaimCluster>> {
        let claims: BTreeMap<String, StoredClaim> = self
            .stored_claims()?
            .into_iter()
            .map(|c| (c.iri.clone(), c))
            .collect();
        let mut clusters = Vec::new();
        for (iri, (_, members)) in self.written_clusters()? {
            let members: Vec<&StoredClaim> = members.iter().filter_map(|m| claims.get(m)).collect();
            if let Some(mut c) = describe_cluster(&members) {
                c.iri = iri;
                clusters.push(c);
            }
        }
        sort_for_listing(&mut clusters);
        Ok(clusters)
    }

    /// Every claim with what clustering and cluster records need, sorted by IRI.
    pub fn stored_claims(&self) -> Result<Vec<StoredClaim>> {
        // Speaker names come from a query of their own: joining the grouped
        // labels into the claim query makes Oxigraph evaluate it per claim.
        let names = self.actor_names()?;
        let sparql = format!(
            "{}SELECT ?claim ?actor ?doc ?article ?text ?direct ?said ?published ?outlet WHERE {{
               ?claim a cg:Claim ; prov:wasAttributedTo ?actor ; schema:text ?text ;
                      prov:wasDerivedFrom ?article .
               ?article schema:identifier ?doc .
               OPTIONAL {{ ?claim cg:direct ?direct }}
               OPTIONAL {{ ?claim schema:dateCreated ?said }}
               OPTIONAL {{ ?article schema:datePublished ?published }}
               OPTIONAL {{ ?article schema:publisher ?outlet }}
             }}",
            prologue()
        );
        let mut claims: BTreeMap<String, StoredClaim> = BTreeMap::new();
        for row in self.select(&sparql)?.rows {
            let text = |i: usize| match row.get(i) {
                Some(Some(Term::NamedNode(n))) => Some(n.as_str().to_string()),
                Some(Some(Term::Literal(l))) => Some(l.value().to_string()),
                _ => None,
            };
            let literal = |i: usize| match row.get(i) {
                Some(Some(Term::Literal(l))) => Some(l.clone()),
                _ => None,
            };
            let (Some(iri), Some(actor), Some(doc), Some(article), Some(content)) =
                (text(0), text(1), text(2), text(3), text(4))
            else {
                continue;
            };
            // A claim with two speakers or two dates (not written by the
            // mapping) is taken once, with the least row's values.
            if claims.contains_key(&iri) {
                continue;
            }
            let published = literal(7);
            let claim = StoredClaim {
                speaker: names.get(&actor).cloned().unwrap_or_else(|| actor.clone()),
                day: claim_day(literal(6).as_ref(), published.as_ref()),
                direct: text(5).is_some_and(|d| d == "true" || d == "1"),
                iri: iri.clone(),
                actor,
                doc,
                article,
                text: content,
                published,
                outlet: text(8),
            };
            claims.insert(iri, claim);
        }
        Ok(claims.into_values().collect())
    }

    /// Actor IRI → its least `rdfs:label`. Each article graph that cites an
    /// actor repeats its label, so the union holds it many times: DISTINCT,
    /// and no join with the (equally repeated) type triple.
    fn actor_names(&self) -> Result<BTreeMap<String, String>> {
        let sparql = format!(
            "{}SELECT DISTINCT ?actor ?label WHERE {{
               ?actor rdfs:label ?label FILTER(STRSTARTS(STR(?actor), \"{}actor/\"))
             }}",
            prologue(),
            vocab::ID
        );
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for row in self.select(&sparql)?.rows {
            if let [Some(Term::NamedNode(a)), Some(Term::Literal(l))] = &row[..] {
                let name = names
                    .entry(a.as_str().to_string())
                    .or_insert_with(|| l.value().to_string());
                if l.value() < name.as_str() {
                    *name = l.value().to_string();
                }
            }
        }
        Ok(names)
    }

    /// The clusters in [`CLUSTER_GRAPH`]: IRI → (speaker IRI, member IRIs).
    fn written_clusters(&self) -> Result<BTreeMap<String, (String, Vec<String>)>> {
        let sparql = format!(
            "{}SELECT ?cluster ?actor ?member WHERE {{
               GRAPH <{CLUSTER_GRAPH}> {{ ?cluster a cg:ClaimCluster ; cg:speaker ?actor ; cg:member ?member }}
             }}",
            prologue()
        );
        let mut clusters: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
        for row in self.select(&sparql)?.rows {
            if let [Some(Term::NamedNode(c)), Some(Term::NamedNode(a)), Some(Term::NamedNode(m))] =
                &row[..]
            {
                clusters
                    .entry(c.as_str().to_string())
                    .or_insert_with(|| (a.as_str().to_string(), Vec::new()))
                    .1
                    .push(m.as_str().to_string());
            }
        }
        for (_, members) in clusters.values_mut() {
            members.sort();
        }
        Ok(clusters)
    }
}

/// The speakers whose clusters a pass recomputes: those of the scope's
/// articles, plus those of written clusters whose members changed (a claim
/// gone, or attributed to another actor now, e.g. after actor linking).
fn actors_in_scope(
    scope: &ClusterScope,
    claims: &[StoredClaim],
    existing: &BTreeMap<String, (String, Vec<String>)>,
) -> BTreeSet<String> {
    let mut actors: BTreeSet<String> = match scope {
        ClusterScope::All => claims.iter().map(|c| c.actor.clone()).collect(),
        ClusterScope::Articles(docs) => {
            let docs: HashSet<&str> = docs.iter().map(String::as_str).collect();
            claims
                .iter()
                .filter(|c| docs.contains(c.doc.as_str()))
                .map(|c| c.actor.clone())
                .collect()
        }
    };
    let actor_of: BTreeMap<&str, &str> = claims
        .iter()
        .map(|c| (c.iri.as_str(), c.actor.as_str()))
        .collect();
    for (actor, members) in existing.values() {
        let changed = members
            .iter()
            .any(|m| actor_of.get(m.as_str()) != Some(&actor.as_str()));
        if changed || matches!(scope, ClusterScope::All) {
            actors.insert(actor.clone());
        }
    }
    actors
}

/// The day a claim counts as said on: its own date when it names a day; for a
/// month or year, the publication day when that falls in it, else the period's
/// first day; with no date of its own, the publication day.
pub fn claim_day(said: Option<&Literal>, published: Option<&Literal>) -> Option<NaiveDate> {
    let day = |l: &Literal| NaiveDate::parse_from_str(l.value(), "%Y-%m-%d").ok();
    let published_day = published.and_then(day);
    let Some(said) = said else {
        return published_day;
    };
    if let Some(d) = day(said) {
        return Some(d);
    }
    let period = said.value();
    if let Some(p) = published_day.filter(|p| p.to_string().starts_with(period)) {
        return Some(p);
    }
    let first = match period.len() {
        4 => format!("{period}-01-01"),
        7 => format!("{period}-01"),
        _ => return published_day,
    };
    NaiveDate::parse_from_str(&first, "%Y-%m-%d").ok()
}

/// Groups claims and describes each group; clusters come largest first.
pub fn build_clusters(claims: &[StoredClaim], params: &ClusterParams) -> Vec<ClaimCluster> {
    let input: Vec<ClusterClaim> = claims
        .iter()
        .map(|c| ClusterClaim {
            claim: c.iri.clone(),
            actor: c.actor.clone(),
            day: c.day,
            text: c.text.clone(),
        })
        .collect();
    let mut clusters: Vec<ClaimCluster> = cluster(&input, params)
        .into_iter()
        .filter_map(|group| {
            let members: Vec<&StoredClaim> = group.iter().map(|&i| &claims[i]).collect();
            describe_cluster(&members)
        })
        .collect();
    sort_for_listing(&mut clusters);
    clusters
}

fn sort_for_listing(clusters: &mut [ClaimCluster]) {
    clusters.sort_by(|a, b| {
        (b.outlet_count, b.article_count, b.members.len())
            .cmp(&(a.outlet_count, a.article_count, a.members.len()))
            .then_with(|| a.first_reported.cmp(&b.first_reported))
            .then_with(|| a.iri.cmp(&b.iri))
    });
}

/// The cluster record of a group of claims (`None` for an empty group).
fn describe_cluster(members: &[&StoredClaim]) -> Option<ClaimCluster> {
    let first = members.first()?;
    let mut listed: Vec<ClusterMember> = members
        .iter()
        .map(|c| ClusterMember {
            claim: c.iri.clone(),
            doc: c.doc.clone(),
            text: c.text.clone(),
            direct: c.direct,
        })
        .collect();
    listed.sort_by(|a, b| a.claim.cmp(&b.claim));
    let articles: BTreeSet<&str> = members.iter().map(|c| c.doc.as_str()).collect();
    // An article without a publisher counts as a source of its own.
    let outlets: BTreeSet<&str> = members
        .iter()
        .map(|c| c.outlet.as_deref().unwrap_or(c.article.as_str()))
        .collect();
    let dates: BTreeSet<&str> = members
        .iter()
        .filter_map(|c| c.published.as_ref().map(Literal::value))
        .collect();
    let direct: BTreeSet<&str> = members
        .iter()
        .filter(|c| c.direct)
        .map(|c| c.doc.as_str())
        .collect();
    let representative = members
        .iter()
        .max_by(|a, b| {
            (a.direct, a.text.chars().count())
                .cmp(&(b.direct, b.text.chars().count()))
                .then_with(|| b.iri.cmp(&a.iri))
        })
        .map(|c| c.text.clone())
        .unwrap_or_default();
    let hash_parts: Vec<&str> = listed.iter().map(|m| m.claim.as_str()).collect();
    Some(ClaimCluster {
        iri: cluster_iri(&hash_parts).as_str().to_string(),
        actor: first.actor.clone(),
        speaker: first.speaker.clone(),
        text: representative,
        article_count: articles.len(),
        outlet_count: outlets.len(),
        first_reported: dates.first().map(|d| d.to_string()),
        last_reported: dates.last().map(|d| d.to_string()),
        articles: articles.into_iter().map(str::to_string).collect(),
        quoted_directly_in: direct.into_iter().map(str::to_string).collect(),
        members: listed,
    })
}

/// `cluster:<hash of the sorted member IRIs>`.
pub fn cluster_iri(sorted_members: &[&str]) -> NamedNode {
    vocab::term(
        vocab::ID,
        &format!("cluster/{}", vocab::hash_id(sorted_members)),
    )
}

/// The quads of one cluster in `graph`. Dates keep the datatype of the
/// articles' `schema:datePublished`.
fn cluster_quads(c: &ClaimCluster, graph: &GraphName) -> Vec<Quad> {
    let node = NamedNode::new_unchecked(c.iri.as_str());
    let mut quads = Vec::new();
    let mut add = |p: NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(node.clone(), p, o, graph.clone()));
    };
    let count = |n: usize| Term::from(Literal::new_typed_literal(n.to_string(), xsd::INTEGER));
    add(rdf::TYPE, cg("ClaimCluster").into());
    add(cg("speaker").as_ref(), iri(&c.actor));
    add(rdfs::LABEL, Literal::from(c.text.as_str()).into());
    for m in &c.members {
        add(cg("member").as_ref(), iri(&m.claim));
    }
    add(cg("memberCount").as_ref(), count(c.members.len()));
    add(cg("articleCount").as_ref(), count(c.article_count));
    add(cg("outletCount").as_ref(), count(c.outlet_count));
    for doc in &c.articles {
        add(cg("reportedIn").as_ref(), vocab::article_iri(doc).into());
    }
    for doc in &c.quoted_directly_in {
        add(
            cg("quotedDirectlyIn").as_ref(),
            vocab::article_iri(doc).into(),
        );
    }
    for (p, date) in [
        ("firstReported", &c.first_reported),
        ("lastReported", &c.last_reported),
    ] {
        if let Some(d) = date {
            add(cg(p).as_ref(), date_term(d));
        }
    }
    quads
}

fn iri(s: &str) -> Term {
    NamedNode::new_unchecked(s).into()
}

/// A publication date's lexical form back to a typed literal.
fn date_term(lexical: &str) -> Term {
    let datatype = match lexical.len() {
        4 => xsd::G_YEAR,
        7 => xsd::G_YEAR_MONTH,
        _ => xsd::DATE,
    };
    Literal::new_typed_literal(lexical, datatype).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str, dt: NamedNodeRef<'_>) -> Literal {
        Literal::new_typed_literal(s, dt)
    }

    #[test]
    fn claim_day_prefers_the_day_said() {
        let published = lit("2022-01-21", xsd::DATE);
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            claim_day(Some(&lit("2022-01-20", xsd::DATE)), Some(&published)),
            day("2022-01-20")
        );
        assert_eq!(
            claim_day(Some(&lit("2022-01", xsd::G_YEAR_MONTH)), Some(&published)),
            day("2022-01-21")
        );
        assert_eq!(
            claim_day(Some(&lit("2021", xsd::G_YEAR)), Some(&published)),
            day("2021-01-01")
        );
        assert_eq!(claim_day(None, Some(&published)), day("2022-01-21"));
        assert_eq!(claim_day(None, None), None);
    }
}

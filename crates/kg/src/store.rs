//! The Oxigraph store: one named graph per article, one per ingest run, one for the ontology.

use crate::format::RdfOutFormat;
use crate::mapping;
use crate::vocab::{self, cg, prov, schema};
use crate::{KgError, Result};
use chrono::{DateTime, SecondsFormat, Utc};
use claimgraph_model::{Claim, Document};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple,
};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The project vocabulary and the claim-type scheme, loaded by [`Store::load_ontology`].
pub const ONTOLOGY_TTL: &str = include_str!("../../../docs/ontology.ttl");

/// Articles written per commit by [`Store::ingest_batch`] callers that chunk
/// their input; large enough to amortise a commit, small enough to stay in memory.
pub const BATCH_SIZE: usize = 1024;

/// One run of `claimgraph ingest`: recorded as a `prov:Activity` in its own graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestRun {
    pub started: DateTime<Utc>,
    /// The version of the tool that made the graph (`CARGO_PKG_VERSION` of the binary).
    pub tool_version: String,
    /// The inputs as given (paths, `-` for stdin).
    pub inputs: Vec<String>,
}

impl IngestRun {
    /// A run starting now.
    pub fn new(tool_version: impl Into<String>, inputs: Vec<String>) -> Self {
        Self {
            started: Utc::now(),
            tool_version: tool_version.into(),
            inputs,
        }
    }

    fn hash(&self) -> String {
        let started = timestamp(&self.started);
        let mut parts = vec![started.as_str(), self.tool_version.as_str()];
        parts.extend(self.inputs.iter().map(String::as_str));
        vocab::hash_id(&parts)
    }

    /// The `prov:Activity` node of this run.
    pub fn iri(&self) -> NamedNode {
        vocab::term(vocab::ID, &format!("run/{}", self.hash()))
    }

    /// The named graph holding this run's provenance.
    pub fn graph(&self) -> NamedNode {
        vocab::term(vocab::RUN_GRAPH_PREFIX, &self.hash())
    }

    /// The run's provenance, `ended` being the time of the latest write.
    fn quads(&self, ended: DateTime<Utc>) -> Vec<Quad> {
        let graph = GraphName::NamedNode(self.graph());
        let run = self.iri();
        let agent_key = vocab::actor_key(&self.tool_version);
        let agent = vocab::term(vocab::ID, &format!("agent/claimgraph-{agent_key}"));
        let version = Literal::from(self.tool_version.as_str());
        let mut quads = vec![
            (
                run.clone(),
                rdf::TYPE.into_owned(),
                Term::from(prov("Activity")),
            ),
            (run.clone(), rdf::TYPE.into_owned(), cg("IngestRun").into()),
            (
                run.clone(),
                prov("startedAtTime"),
                datetime(&self.started).into(),
            ),
            (run.clone(), prov("endedAtTime"), datetime(&ended).into()),
            (run.clone(), prov("wasAssociatedWith"), agent.clone().into()),
            (
                agent.clone(),
                rdf::TYPE.into_owned(),
                prov("SoftwareAgent").into(),
            ),
            (agent.clone(), schema("softwareVersion"), version.into()),
            (
                agent,
                rdfs::LABEL.into_owned(),
                Literal::from(format!("claimgraph {}", self.tool_version)).into(),
            ),
        ];
        for input in &self.inputs {
            quads.push((
                run.clone(),
                cg("input"),
                Literal::from(input.as_str()).into(),
            ));
        }
        quads
            .into_iter()
            .map(|(s, p, o)| Quad::new(s, p, o, graph.clone()))
            .collect()
    }
}

fn timestamp(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn datetime(t: &DateTime<Utc>) -> Literal {
    Literal::new_typed_literal(timestamp(t), xsd::DATE_TIME)
}

/// What one ingest call wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IngestOutcome {
    pub articles: usize,
    /// Articles whose graph existed already and was replaced.
    pub replaced: usize,
    pub claims: usize,
    pub quads: usize,
}

impl std::ops::AddAssign for IngestOutcome {
    fn add_assign(&mut self, other: Self) {
        self.articles += other.articles;
        self.replaced += other.replaced;
        self.claims += other.claims;
        self.quads += other.quads;
    }
}

/// Counts describing the store's content.
///
/// Run provenance is kept apart (`runs`): every ingest adds a run, while
/// re-ingesting the same input leaves all other counts unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: u64,
    pub claims: u64,
    /// Claims per claim type name (`demand`, …); types with no claims are left out.
    pub claims_by_type: BTreeMap<String, u64>,
    /// Distinct actors (speakers and addressees).
    pub actors: u64,
    /// Quads in all graphs but the run provenance graphs. A shared triple
    /// (an actor's label) counts once per article graph that holds it.
    pub triples: u64,
    /// Named graphs but the run provenance graphs (articles + ontology).
    pub graphs: u64,
    /// Ingest runs recorded. Not printed by `claimgraph stats`, which
    /// describes the graph's content: re-ingesting the same input must leave
    /// that output unchanged, while every run adds to the provenance history
    /// (query it with SPARQL: `?run a prov:Activity`).
    #[serde(skip)]
    pub runs: u64,
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "articles  {}", self.articles)?;
        writeln!(f, "claims    {}", self.claims)?;
        for (t, n) in &self.claims_by_type {
            writeln!(f, "  {t:<11} {n}")?;
        }
        writeln!(f, "actors    {}", self.actors)?;
        writeln!(f, "triples   {}", self.triples)?;
        writeln!(f, "graphs    {}", self.graphs)
    }
}

/// The knowledge graph: an Oxigraph store on disk or in memory.
#[derive(Clone)]
pub struct Store {
    inner: oxigraph::store::Store,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the store in directory `path`.
    ///
    /// Only one process may have a store open; a second one gets
    /// [`KgError::StoreLocked`] naming the directory.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let dir = path.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| KgError::Open {
            dir: dir.clone(),
            message: e.to_string(),
        })?;
        let inner = oxigraph::store::Store::open(&dir).map_err(|e| open_error(&dir, &e))?;
        Ok(Self {
            inner,
            path: Some(dir),
        })
    }

    /// A store that lives in memory and is gone when dropped.
    pub fn in_memory() -> Result<Self> {
        Ok(Self {
            inner: oxigraph::store::Store::new()?,
            path: None,
        })
    }

    /// The directory of an on-disk store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The underlying Oxigraph store, for callers that need its full API.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Writes one article and its claims, replacing the article's graph.
    pub fn ingest(
        &self,
        doc: &Document,
        claims: &[Claim],
        run: &IngestRun,
    ) -> Result<IngestOutcome> {
        self.ingest_batch([(doc, claims)], run)
    }

    /// Writes many articles: each article's graph is replaced, and the run's
    /// provenance graph is rewritten with the current end time.
    ///
    /// Articles already in the store are replaced in one transaction, together
    /// with the run graph. Articles new to the store go through Oxigraph's bulk
    /// loader, which writes sorted files and adds them to the store at commit,
    /// atomically, instead of paying a transactional insert per quad (several
    /// times faster on a growing store). If the process dies between the two
    /// steps, the new articles of this batch are missing and the replaced ones
    /// are complete: no article is ever half written. Chunk long inputs into
    /// batches of about [`BATCH_SIZE`] articles to bound memory.
    pub fn ingest_batch<'a>(
        &self,
        batch: impl IntoIterator<Item = (&'a Document, &'a [Claim])>,
        run: &IngestRun,
    ) -> Result<IngestOutcome> {
        let run_iri = run.iri();
        let mut outcome = IngestOutcome::default();
        let batch = last_of_each_id(batch);
        let mut tx = self.inner.start_transaction()?;
        let mut new_quads = Vec::new();
        for (doc, claims) in batch {
            let graph = vocab::article_graph(&doc.id);
            let mut quads = mapping::document_quads(doc, claims);
            quads.push(mapping::generated_by_quad(&doc.id, &run_iri));
            outcome.articles += 1;
            outcome.claims += claims.len();
            outcome.quads += quads.len();
            if tx.contains_named_graph(graph.as_ref())? {
                tx.remove_named_graph(graph.as_ref())?;
                tx.extend(&quads);
                outcome.replaced += 1;
            } else {
                new_quads.append(&mut quads);
            }
        }
        let run_graph = run.graph();
        if tx.contains_named_graph(run_graph.as_ref())? {
            tx.remove_named_graph(run_graph.as_ref())?;
        }
        tx.extend(&run.quads(Utc::now()));
        tx.commit()?;
        if !new_quads.is_empty() {
            let mut loader = self.inner.bulk_loader();
            loader.load_quads(new_quads)?;
            loader.commit()?;
        }
        Ok(outcome)
    }

    /// Removes an article's graph; `false` when there was none.
    pub fn remove_article(&self, doc_id: &str) -> Result<bool> {
        let graph = vocab::article_graph(doc_id);
        let mut tx = self.inner.start_transaction()?;
        let existed = tx.contains_named_graph(graph.as_ref())?;
        tx.remove_named_graph(graph.as_ref())?;
        tx.commit()?;
        Ok(existed)
    }

    /// (Re)loads `docs/ontology.ttl` into its own graph; returns the number of triples.
    pub fn load_ontology(&self) -> Result<usize> {
        let graph = NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH);
        let quads = ontology_quads(&graph)?;
        let mut tx = self.inner.start_transaction()?;
        tx.remove_named_graph(graph.as_ref())?;
        tx.extend(&quads);
        tx.commit()?;
        Ok(quads.len())
    }

    /// Writes the whole store to `writer`; returns the number of statements written.
    ///
    /// N-Quads and TriG keep the graphs and stream in bounded memory. Turtle and
    /// N-Triples write the union of the graphs; triples about shared nodes
    /// (actors, outlets, claim types), which several article graphs repeat, are
    /// written once, at the cost of remembering those (not the claims) in memory.
    pub fn export<W: Write>(&self, format: RdfOutFormat, writer: W) -> Result<u64> {
        let mut serializer = rdf_serializer(format)?.for_writer(writer);
        let mut written = 0;
        let mut shared_seen: HashSet<Triple> = HashSet::new();
        for quad in self.inner.iter() {
            let quad = quad?;
            if format.keeps_graphs() {
                serializer.serialize_quad(&quad)?;
            } else {
                let shared = matches!(&quad.subject, NamedOrBlankNode::NamedNode(n) if vocab::is_shared_subject(n.as_str()));
                let triple = Triple::from(quad);
                if shared && !shared_seen.insert(triple.clone()) {
                    continue;
                }
                serializer.serialize_triple(&triple)?;
            }
            written += 1;
        }
        serializer.finish()?.flush()?;
        Ok(written)
    }

    /// Counts of articles, claims, actors, triples and graphs.
    pub fn stats(&self) -> Result<Stats> {
        let mut stats = Stats {
            articles: self
                .count("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }")?,
            claims: self.count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:Claim }")?,
            actors: self.count("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a cg:Actor }")?,
            ..Stats::default()
        };
        let by_type = self.select(&format!(
            "{}SELECT ?t (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a cg:Claim ; cg:claimType ?t }} GROUP BY ?t",
            prologue()
        ))?;
        for row in by_type.rows {
            if let (Some(Term::NamedNode(t)), Some(Term::Literal(n))) = (&row[0], &row[1]) {
                let name = t.as_str().trim_start_matches(vocab::CLAIM_TYPE).to_string();
                stats
                    .claims_by_type
                    .insert(name, n.value().parse().unwrap_or(0));
            }
        }
        // Counting keys is cheap; reading quads decodes every term. So all
        // quads are counted by key, and only the small run graphs are read.
        let mut run_quads = 0;
        for graph in self.inner.named_graphs() {
            let graph = graph?;
            if is_run_graph(&graph) {
                stats.runs += 1;
                run_quads += self.count_quads(graph.as_ref().into())?;
            } else {
                stats.graphs += 1;
            }
        }
        stats.triples = self.inner.len()? as u64 - run_quads;
        Ok(stats)
    }

    fn count_quads(&self, graph: GraphNameRef<'_>) -> Result<u64> {
        let mut n = 0;
        for quad in self.inner.quads_for_pattern(None, None, None, Some(graph)) {
            quad?;
            n += 1;
        }
        Ok(n)
    }

    /// The single integer a `SELECT (COUNT(…) AS ?n)` query returns.
    fn count(&self, query: &str) -> Result<u64> {
        let result = self.select(&format!("{}{query}", prologue()))?;
        let value = result.rows.first().and_then(|row| match row.first() {
            Some(Some(Term::Literal(l))) => l.value().parse().ok(),
            _ => None,
        });
        Ok(value.unwrap_or(0))
    }
}

/// The batch without earlier copies of a document id: a later article with
/// the same id replaces the earlier one, as it would in separate batches.
fn last_of_each_id<'a>(
    batch: impl IntoIterator<Item = (&'a Document, &'a [Claim])>,
) -> Vec<(&'a Document, &'a [Claim])> {
    let mut batch: Vec<_> = batch.into_iter().collect();
    let mut seen = HashSet::new();
    batch.reverse();
    batch.retain(|(doc, _)| seen.insert(doc.id.as_str()));
    batch.reverse();
    batch
}

/// `PREFIX` lines for every known prefix, for queries written in code.
pub(crate) fn prologue() -> String {
    vocab::PREFIXES
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect()
}

fn is_run_graph(graph: &NamedOrBlankNode) -> bool {
    matches!(graph, NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(vocab::RUN_GRAPH_PREFIX))
}

/// A serializer with the project's prefixes (used by Turtle and TriG).
pub(crate) fn rdf_serializer(format: RdfOutFormat) -> Result<RdfSerializer> {
    let mut serializer = RdfSerializer::from_format(format.rdf_format());
    if matches!(format, RdfOutFormat::Turtle | RdfOutFormat::TriG) {
        for (prefix, ns) in vocab::PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *ns)
                .map_err(|e| KgError::Io(std::io::Error::other(e)))?;
        }
    }
    Ok(serializer)
}

/// The ontology's triples, in `graph`.
pub fn ontology_quads(graph: &NamedNode) -> Result<Vec<Quad>> {
    RdfParser::from_format(RdfFormat::Turtle)
        .without_named_graphs()
        .with_default_graph(graph.clone())
        .for_slice(ONTOLOGY_TTL)
        .map(|q| q.map_err(KgError::from))
        .collect()
}

/// A RocksDB lock failure becomes [`KgError::StoreLocked`]; anything else keeps its message.
fn open_error(dir: &Path, e: &oxigraph::store::StorageError) -> KgError {
    let message = e.to_string();
    let lower = message.to_lowercase();
    if lower.contains("lock") {
        KgError::StoreLocked {
            dir: dir.to_path_buf(),
        }
    } else {
        KgError::Open {
            dir: dir.to_path_buf(),
            message,
        }
    }
}

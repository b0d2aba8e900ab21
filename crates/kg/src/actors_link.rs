//! The link pass: resolves what needs the whole corpus, and the user's fixes.
//!
//! After every ingest, [`Store::link_actors`] looks at the actor mentions of
//! the changed articles and at the mentions they can affect (surname-only and
//! role-only mentions elsewhere that share a surname or role key with them),
//! decides for each of their keys which actor it is, and re-renders the
//! article graphs whose rendered actor triples disagree (see `actors_graph`).
//! Every lookup is an index lookup on a literal key, so the pass costs in
//! proportion to the changed articles, not to the corpus.
//!
//! A key resolves to:
//! 1. a surname alone (`Holloway`): the one full-name person with that folded
//!    surname, if exactly one exists in the store;
//! 2. a role alone (`die US-Außenministerin`): the one full-name person seen
//!    with that role key, if exactly one exists and the role is specific
//!    (qualified or a compound); a spokesperson of an organisation with no
//!    such person stands for the organisation (`ein Nato-Sprecher` → Nato);
//! 3. otherwise its own actor `actor:<key>`;
//!
//! and then follows the user's merges (`actor:A cg:mergedInto actor:B` in the
//! graph [`MERGES_GRAPH`], which ingest never touches, so they survive re-ingest).

use crate::actors;
use crate::actors_graph::{
    self, actor_iri_for_key, key_of_actor, render, ClaimLink, MentionRecord, ACTOR_PREFIX,
};
use crate::store::prologue;
use crate::vocab::{self, cg, owl, schema, skos};
use crate::{KgError, Store};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The named graph of the user's merges (`claimgraph actors merge`, `--aliases`).
pub const MERGES_GRAPH: &str = "https://claimgraph.dev/id/graph/actor-merges";

/// Article graphs re-rendered per transaction.
const RENDER_BATCH: usize = 256;

/// Which mentions the link pass starts from.
#[derive(Debug, Clone, Copy)]
pub enum LinkScope<'a> {
    /// Every mention in the store (after a merge of many actors, or to repair).
    All,
    /// The mentions of these articles (document ids), as just ingested.
    Articles(&'a [String]),
}

/// What a link pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LinkReport {
    /// Distinct actor keys whose resolution was checked.
    pub keys_checked: usize,
    /// Of those, keys that resolve to another key's actor.
    pub keys_linked: usize,
    /// Article graphs whose actor triples were rewritten.
    pub graphs_rewritten: usize,
    /// Those articles (document ids): passes that depend on speakers
    /// (clusters, a remote copy) should refresh them as well as the ingested ones.
    pub rewritten: Vec<String>,
}

/// A merge or alias that cannot be applied.
#[derive(Debug, thiserror::Error)]
pub enum ActorError {
    #[error(
        "no actor named {0:?} in the store (give a label, an alternative label or an actor IRI)"
    )]
    Unknown(String),
    #[error("{name:?} names {} actors: {}; give the actor's IRI instead", candidates.len(), candidates.join(", "))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    #[error("{0:?} and {1:?} are already the same actor")]
    Same(String, String),
    #[error("no merge of {0:?} to undo (`claimgraph actors merges` lists them)")]
    NotMerged(String),
    #[error("{file}:{line}: {message}")]
    AliasLine {
        file: String,
        line: usize,
        message: String,
    },
    #[error("cannot read the alias file {}: {source}", path.display())]
    AliasRead {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Kg(#[from] KgError),
}

impl From<oxigraph::store::StorageError> for ActorError {
    fn from(e: oxigraph::store::StorageError) -> Self {
        Self::Kg(e.into())
    }
}

/// One line of an alias file: the actor named `name` is the actor named `canonical`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub line: usize,
    pub name: String,
    pub canonical: String,
}

/// A parsed alias file: `NAME<TAB>CANONICAL` a line, `#` comments, blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasFile {
    pub origin: String,
    pub aliases: Vec<Alias>,
}

impl AliasFile {
    pub fn read(path: &Path) -> Result<Self, ActorError> {
        let text = std::fs::read_to_string(path).map_err(|source| ActorError::AliasRead {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, origin: &str) -> Result<Self, ActorError> {
        let mut aliases = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| ActorError::AliasLine {
                file: origin.to_string(),
                line: i + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            match cols.as_slice() {
                [name, canonical] if !name.is_empty() && !canonical.is_empty() => {
                    if name == canonical {
                        return Err(error(format!("{name:?} is an alias of itself")));
                    }
                    aliases.push(Alias {
                        line: i + 1,
                        name: name.to_string(),
                        canonical: canonical.to_string(),
                    });
                }
                _ => {
                    return Err(error(format!(
                        "expected NAME<TAB>CANONICAL (two tab-separated columns), found {} column(s): {line:?}",
                        cols.len()
                    )))
                }
            }
        }
        Ok(Self {
            origin: origin.to_string(),
            aliases,
        })
    }
}

/// What applying an alias file did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AliasOutcome {
    pub merged: usize,
    /// Lines already in effect.
    pub unchanged: usize,
    /// `file:line: message` for names not (yet) in the store; skipped.
    pub skipped: Vec<String>,
    pub link: LinkReport,
}

/// One actor as `claimgraph actors` lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ActorSummary {
    pub iri: String,
    /// The fullest name: the longest `rdfs:label`.
    pub label: String,
    /// `person`, `organization`, `country`, or empty when unknown.
    pub kind: String,
    /// `Q…` when the lexicon knows the actor.
    pub wikidata: Option<String>,
    /// Claims the actor made.
    pub claims: u64,
    /// Claims addressed to the actor.
    pub addressed: u64,
    /// Every other name seen, sorted.
    pub alt_labels: Vec<String>,
    /// Roles seen with the actor, with the first and last article date.
    pub roles: Vec<RoleSeen>,
}

/// A role or title and the dates of the articles that gave it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RoleSeen {
    pub role: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// The IRI a name typed as one stands for: `actor:local` or a full `http…` IRI.
fn typed_iri(name: &str) -> Option<String> {
    name.strip_prefix("actor:")
        .map(|local| format!("{ACTOR_PREFIX}{local}"))
        .or_else(|| name.starts_with("http").then(|| name.to_string()))
}

/// The one actor in `found`, if any; several are an error naming them.
fn single_actor(
    name: &str,
    mut found: BTreeSet<NamedNode>,
) -> Result<Option<NamedNode>, ActorError> {
    if found.len() > 1 {
        return Err(ActorError::Ambiguous {
            name: name.to_string(),
            candidates: found.iter().map(vocab_short).collect(),
        });
    }
    Ok(found.pop_first())
}

/// The quads of `predicates` whose literal object is `name` in any case.
fn quads_naming(
    r: &Resolver<'_>,
    predicates: &[NamedNodeRef<'_>],
    name: &str,
) -> crate::Result<Vec<Quad>> {
    let wanted = name.to_lowercase();
    let mut out = Vec::new();
    for &p in predicates {
        for quad in r.quads(None, p, None, None)? {
            if as_str(&quad.object).is_some_and(|o| o.to_lowercase() == wanted) {
                out.push(quad);
            }
        }
    }
    Ok(out)
}

fn lit(s: &str) -> Literal {
    Literal::from(s)
}

fn as_named(term: &Term) -> Option<&NamedNode> {
    match term {
        Term::NamedNode(n) => Some(n),
        _ => None,
    }
}

fn as_str(term: &Term) -> Option<&str> {
    match term {
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

fn subject_named(quad: &Quad) -> Option<&NamedNode> {
    match &quad.subject {
        NamedOrBlankNode::NamedNode(n) => Some(n),
        NamedOrBlankNode::BlankNode(_) => None,
    }
}

fn graph_named(quad: &Quad) -> Option<NamedNode> {
    match &quad.graph_name {
        GraphName::NamedNode(n) => Some(n.clone()),
        _ => None,
    }
}

/// Point lookups on the store (for names and merges outside the link pass).
struct Resolver<'s> {
    store: &'s oxigraph::store::Store,
}

impl<'s> Resolver<'s> {
    fn new(store: &'s oxigraph::store::Store) -> Self {
        Self { store }
    }

    /// Quads `(s, p, o, g)` as a vector.
    fn quads(
        &self,
        s: Option<&NamedNode>,
        p: NamedNodeRef<'_>,
        o: Option<Term>,
        g: Option<GraphNameRef<'_>>,
    ) -> crate::Result<Vec<Quad>> {
        let subject = s.map(|s| s.as_ref().into());
        let object = o.as_ref().map(Term::as_ref);
        let mut out = Vec::new();
        for quad in self.store.quads_for_pattern(subject, Some(p), object, g) {
            out.push(quad?);
        }
        Ok(out)
    }

    fn first_object(
        &self,
        s: &NamedNode,
        p: NamedNode,
        g: GraphNameRef<'_>,
    ) -> crate::Result<Option<Term>> {
        let subject = Some(s.as_ref().into());
        match self
            .store
            .quads_for_pattern(subject, Some(p.as_ref()), None, Some(g))
            .next()
        {
            Some(quad) => Ok(Some(quad?.object)),
            None => Ok(None),
        }
    }
}

/// What the link pass needs of every mention in the store, read with one
/// predicate scan each (a few iterators over the POS index instead of one
/// point lookup per key: creating a RocksDB iterator is the expensive part).
#[derive(Default)]
struct LinkIndex {
    /// key → its mentions (node, graph)
    mentions: HashMap<String, Vec<(NamedNode, NamedNode)>>,
    /// mention → the actor it is rendered as now
    mention_of: HashMap<NamedNode, NamedNode>,
    /// key of a surname alone → the folded surname
    surname_only: HashMap<String, String>,
    /// key of a role alone → the role key
    role_only: HashMap<String, String>,
    /// folded surname → keys of full names with it
    full_names: HashMap<String, BTreeSet<String>>,
    /// role key → keys of full names seen with it
    role_holders: HashMap<String, BTreeSet<String>>,
    /// folded surname / role key → keys of mentions by that surname / role alone
    by_surname: HashMap<String, BTreeSet<String>>,
    by_role: HashMap<String, BTreeSet<String>>,
    /// the user's merges
    merged_into: HashMap<NamedNode, NamedNode>,
}

impl LinkIndex {
    fn read(store: &oxigraph::store::Store) -> crate::Result<Self> {
        let scan = |p: &str| -> crate::Result<Vec<Quad>> {
            let p = cg(p);
            let mut out = Vec::new();
            for quad in store.quads_for_pattern(None, Some(p.as_ref()), None, None) {
                out.push(quad?);
            }
            Ok(out)
        };
        let mut index = Self::default();
        let mut key_of: HashMap<NamedNode, String> = HashMap::new();
        for quad in scan("mentionKey")? {
            let (Some(node), Some(graph), Some(key)) = (
                subject_named(&quad).cloned(),
                graph_named(&quad),
                as_str(&quad.object),
            ) else {
                continue;
            };
            key_of.insert(node.clone(), key.to_string());
            index
                .mentions
                .entry(key.to_string())
                .or_default()
                .push((node, graph));
        }
        let literal_by_mention = |p: &str| -> crate::Result<Vec<(String, String)>> {
            Ok(scan(p)?
                .iter()
                .filter_map(|q| {
                    let key = key_of.get(subject_named(q)?)?;
                    Some((key.clone(), as_str(&q.object)?.to_string()))
                })
                .collect())
        };
        for (key, surname) in literal_by_mention("surname")? {
            index.full_names.entry(surname).or_default().insert(key);
        }
        for (key, surname) in literal_by_mention("surnameOnly")? {
            index
                .by_surname
                .entry(surname.clone())
                .or_default()
                .insert(key.clone());
            index.surname_only.insert(key, surname);
        }
        for (key, role) in literal_by_mention("roleOnly")? {
            index
                .by_role
                .entry(role.clone())
                .or_default()
                .insert(key.clone());
            index.role_only.insert(key, role);
        }
        let role_key: HashMap<NamedNode, String> = scan("roleKey")?
            .iter()
            .filter_map(|q| Some((subject_named(q)?.clone(), as_str(&q.object)?.to_string())))
            .collect();
        let full_name_keys: HashSet<String> =
            index.full_names.values().flatten().cloned().collect();
        for quad in scan("role")? {
            let Some(key) = subject_named(&quad).and_then(|m| key_of.get(m)) else {
                continue;
            };
            let role = as_named(&quad.object).and_then(|rm| role_key.get(rm));
            if let Some(role) = role.filter(|_| full_name_keys.contains(key)) {
                index
                    .role_holders
                    .entry(role.clone())
                    .or_default()
                    .insert(key.clone());
            }
        }
        for quad in scan("mentionOf")? {
            if let (Some(m), Some(actor)) = (subject_named(&quad), as_named(&quad.object)) {
                index.mention_of.insert(m.clone(), actor.clone());
            }
        }
        let merges = NamedNode::new_unchecked(MERGES_GRAPH);
        let p = cg("mergedInto");
        for quad in store.quads_for_pattern(
            None,
            Some(p.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(merges.as_ref())),
        ) {
            let quad = quad?;
            if let (Some(a), Some(b)) = (subject_named(&quad), as_named(&quad.object)) {
                index.merged_into.insert(a.clone(), b.clone());
            }
        }
        Ok(index)
    }

    /// Whether the key is a surname or a role alone.
    fn depends_on_corpus(&self, key: &str) -> bool {
        self.surname_only.contains_key(key) || self.role_only.contains_key(key)
    }

    /// The user's merges, followed to the end (a cycle stops where it closes).
    fn follow(&self, actor: NamedNode) -> NamedNode {
        let mut current = actor;
        let mut seen = HashSet::new();
        while seen.insert(current.clone()) {
            match self.merged_into.get(&current) {
                Some(next) => current = next.clone(),
                None => break,
            }
        }
        current
    }

    /// The actor a mention key stands for (see the module comment).
    fn resolve(&self, key: &str) -> NamedNode {
        self.follow(self.rule(key))
    }

    fn rule(&self, key: &str) -> NamedNode {
        let own = actor_iri_for_key(key);
        if let Some(surname) = self.surname_only.get(key) {
            return self.unique(self.full_names.get(surname)).unwrap_or(own);
        }
        if let Some(role) = self.role_only.get(key) {
            if actors::role_is_specific(role) {
                if let Some(person) = self.unique(self.role_holders.get(role)) {
                    return person;
                }
            }
            // The organisation keeps its lexicon name as label (see `render`).
            if let Some(org) = actors::role_speaks_for_qualifier(role) {
                return actor_iri_for_key(org);
            }
        }
        own
    }

    /// The one actor the candidate keys are after the user's merges, if there is one.
    fn unique(&self, keys: Option<&BTreeSet<String>>) -> Option<NamedNode> {
        let actors: BTreeSet<NamedNode> = keys?
            .iter()
            .map(|k| self.follow(actor_iri_for_key(k)))
            .collect();
        if actors.len() == 1 {
            actors.into_iter().next()
        } else {
            None
        }
    }
}

impl Store {
    /// Links actor mentions across articles (see the module comment) and
    /// re-renders the article graphs whose actor triples change.
    pub fn link_actors(&self, scope: LinkScope<'_>) -> crate::Result<LinkReport> {
        let store = self.oxigraph();
        let index = LinkIndex::read(store)?;
        let keys = self.affected_keys(&index, scope)?;
        let mut report = LinkReport {
            keys_checked: keys.len(),
            ..LinkReport::default()
        };
        let mut dirty: BTreeSet<NamedNode> = BTreeSet::new();
        for key in &keys {
            let actor = index.resolve(key);
            let own = key_of_actor(&actor) == Some(key.as_str());
            if !own {
                report.keys_linked += 1;
            }
            // A full name or an organisation that resolves to itself has been
            // rendered so everywhere (merges are only ever added): only a
            // full pass, or a surname or role alone, needs its mentions checked.
            if own && !index.depends_on_corpus(key) && !matches!(scope, LinkScope::All) {
                continue;
            }
            for (node, graph) in index.mentions.get(key).into_iter().flatten() {
                if index.mention_of.get(node) != Some(&actor) {
                    dirty.insert(graph.clone());
                }
            }
        }
        let dirty: Vec<NamedNode> = dirty.into_iter().collect();
        for chunk in dirty.chunks(RENDER_BATCH) {
            let mut tx = store.start_transaction()?;
            for graph in chunk {
                let (old, new, doc_id) = self.rerender(&index, graph)?;
                report.rewritten.extend(doc_id);
                // Most actor triples come out as they were: write only the
                // difference (each transactional write costs index lookups).
                let old_set: HashSet<&Quad> = old.iter().collect();
                let new_set: HashSet<&Quad> = new.iter().collect();
                for quad in old.iter().filter(|q| !new_set.contains(q)) {
                    tx.remove(quad);
                }
                for quad in new.iter().filter(|q| !old_set.contains(q)) {
                    tx.insert(quad);
                }
            }
            tx.commit()?;
            report.graphs_rewritten += chunk.len();
        }
        Ok(report)
    }

    /// The keys of the mentions in scope, plus the surname-only and role-only
    /// keys anywhere that share a surname or role key with them.
    fn affected_keys(
        &self,
        index: &LinkIndex,
        scope: LinkScope<'_>,
    ) -> crate::Result<BTreeSet<String>> {
        let LinkScope::Articles(ids) = scope else {
            return Ok(index.mentions.keys().cloned().collect());
        };
        let mut keys = BTreeSet::new();
        let (mention_key, surname, role_key) = (cg("mentionKey"), cg("surname"), cg("roleKey"));
        for id in ids {
            let graph = vocab::article_graph(id);
            let g = GraphNameRef::NamedNode(graph.as_ref());
            // Three predicate lookups, not a scan of the graph: reading a quad
            // decodes its terms, and these are a small part of an article.
            for quad in self.quads_with(&mention_key, g) {
                keys.extend(as_str(&quad?.object).map(str::to_string));
            }
            for (predicate, dependents) in
                [(&surname, &index.by_surname), (&role_key, &index.by_role)]
            {
                for quad in self.quads_with(predicate, g) {
                    let quad = quad?;
                    let found = as_str(&quad.object).and_then(|v| dependents.get(v));
                    keys.extend(found.into_iter().flatten().cloned());
                }
            }
        }
        Ok(keys)
    }

    fn quads_with(
        &self,
        predicate: &NamedNode,
        graph: GraphNameRef<'_>,
    ) -> oxigraph::store::QuadIter<'_> {
        self.oxigraph()
            .quads_for_pattern(None, Some(predicate.as_ref()), None, Some(graph))
    }

    /// The rendered actor triples of an article graph as they are (`old`) and
    /// as the current resolutions make them (`new`).
    fn rerender(
        &self,
        index: &LinkIndex,
        graph: &NamedNode,
    ) -> crate::Result<(Vec<Quad>, Vec<Quad>, Option<String>)> {
        let g = GraphName::NamedNode(graph.clone());
        let rendered_predicates = actors_graph::rendered_predicates();
        let mut old = Vec::new();
        let mut mentions: BTreeMap<NamedNode, MentionRecord> = BTreeMap::new();
        let mut links: Vec<ClaimLink> = Vec::new();
        let mut doc_id = None;
        for quad in self
            .oxigraph()
            .quads_for_pattern(None, None, None, Some(g.as_ref()))
        {
            let quad = quad?;
            let Some(subject) = subject_named(&quad).cloned() else {
                continue;
            };
            if subject.as_str().starts_with(ACTOR_PREFIX)
                || rendered_predicates.contains(&quad.predicate)
            {
                old.push(quad);
                continue;
            }
            if quad.predicate == schema("identifier") {
                doc_id = as_str(&quad.object).map(str::to_string);
                continue;
            }
            let p = quad.predicate.as_str();
            let Some(local) = p.strip_prefix(vocab::CG) else {
                continue;
            };
            match (local, &quad.object) {
                ("speakerMention" | "addresseeMention", Term::NamedNode(m)) => {
                    links.push((subject, local == "speakerMention", m.clone()));
                }
                ("mentionKey" | "name" | "surfaceForm" | "kind" | "wikidata" | "role", object) => {
                    let record = mentions
                        .entry(subject.clone())
                        .or_insert_with(|| MentionRecord {
                            node: Some(subject.clone()),
                            ..MentionRecord::default()
                        });
                    match (local, object) {
                        ("mentionKey", Term::Literal(l)) => record.key = l.value().to_string(),
                        ("name", Term::Literal(l)) => record.name = l.value().to_string(),
                        ("surfaceForm", Term::Literal(l)) => {
                            record.surfaces.insert(l.value().to_string());
                        }
                        ("kind", Term::NamedNode(n)) => record.kind = Some(n.clone()),
                        ("wikidata", Term::NamedNode(n)) => record.wikidata = Some(n.clone()),
                        ("role", Term::NamedNode(n)) => {
                            record.roles.insert(n.clone());
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        // Role-mention nodes also carry `cg:role`-free triples only; records
        // without a key are not mentions (e.g. a claim's `cg:role` never exists).
        let records: Vec<MentionRecord> = mentions
            .into_values()
            .filter(|m| !m.key.is_empty())
            .collect();
        let mut resolved = HashMap::new();
        for m in &records {
            if let Some(node) = &m.node {
                resolved.insert(node.clone(), index.resolve(&m.key));
            }
        }
        let new = render(&g, &records, &links, &resolved);
        Ok((old, new, doc_id))
    }

    /// The actor a name, alternative name or IRI denotes: an exact label wins
    /// over alternative labels; a name shared by several actors is an error.
    pub fn find_actor(&self, name: &str) -> Result<NamedNode, ActorError> {
        let name = name.trim();
        let r = Resolver::new(self.oxigraph());
        if let Some(iri) = typed_iri(name).and_then(|i| NamedNode::new(i).ok()) {
            let known = !r
                .quads(Some(&iri), rdf::TYPE, Some(cg("Actor").into()), None)?
                .is_empty();
            return if known {
                Ok(iri)
            } else {
                Err(ActorError::Unknown(name.to_string()))
            };
        }
        for p in [rdfs::LABEL, skos("altLabel").as_ref()] {
            if let Some(actor) = single_actor(name, self.actors_named(&r, p, name)?)? {
                return Ok(actor);
            }
        }
        // Names typed by hand (alias files, the command line) need not match
        // the article's capitalisation: "nato" finds "Nato" when no exact form does.
        let found = quads_naming(&r, &[rdfs::LABEL, skos("altLabel").as_ref()], name)?
            .iter()
            .filter_map(subject_named)
            .filter(|s| s.as_str().starts_with(ACTOR_PREFIX))
            .cloned()
            .collect();
        single_actor(name, found)?.ok_or_else(|| ActorError::Unknown(name.to_string()))
    }

    fn actors_named(
        &self,
        r: &Resolver<'_>,
        p: NamedNodeRef<'_>,
        name: &str,
    ) -> crate::Result<BTreeSet<NamedNode>> {
        let mut found = BTreeSet::new();
        for quad in r.quads(None, p, Some(lit(name).into()), None)? {
            if let Some(s) = subject_named(&quad).filter(|s| s.as_str().starts_with(ACTOR_PREFIX)) {
                found.insert(s.clone());
            }
        }
        Ok(found)
    }

    /// Merges actor `from` into actor `into` (each a label, alternative label or
    /// IRI): every mention of `from` then renders as `into`. Kept in its own
    /// graph, so re-ingesting the articles keeps the merge.
    pub fn merge_actors(&self, from: &str, into: &str) -> Result<LinkReport, ActorError> {
        let source = self.find_actor(from)?;
        let target = self.find_actor(into)?;
        if source == target {
            return Err(ActorError::Same(from.to_string(), into.to_string()));
        }
        self.record_merge(&source, &target)?;
        self.relink_actor(&source)
    }

    /// The user's merges in effect: (merged actor, actor it was merged into).
    pub fn merges(&self) -> crate::Result<Vec<(NamedNode, NamedNode)>> {
        let graph = NamedNode::new_unchecked(MERGES_GRAPH);
        let r = Resolver::new(self.oxigraph());
        let quads = r.quads(
            None,
            cg("mergedInto").as_ref(),
            None,
            Some(graph.as_ref().into()),
        )?;
        Ok(quads
            .iter()
            .filter_map(|q| Some((subject_named(q)?.clone(), as_named(&q.object)?.clone())))
            .collect())
    }

    /// Undoes the user's merges of the actor `name`: the actor's IRI, or a
    /// name or surface form its mentions carry (any case). Its mentions are
    /// then linked by the rules again. A name with no merge is an error.
    pub fn unmerge_actor(&self, name: &str) -> Result<LinkReport, ActorError> {
        let merges = self.merges()?;
        let sources = self.merged_actors_named(name, &merges)?;
        if sources.is_empty() {
            return Err(ActorError::NotMerged(name.to_string()));
        }
        let merges_graph = NamedNode::new_unchecked(MERGES_GRAPH);
        let graph = GraphName::NamedNode(merges_graph.clone());
        let mut tx = self.oxigraph().start_transaction()?;
        let undone = merges.iter().filter(|(s, _)| sources.contains(s));
        for (source, target) in undone.clone() {
            tx.remove(&Quad::new(
                source.clone(),
                cg("mergedInto"),
                target.clone(),
                graph.clone(),
            ));
        }
        if undone.count() == merges.len() {
            // No merge left: the empty graph goes too, as if there never was one.
            tx.remove_named_graph(merges_graph.as_ref())?;
        }
        tx.commit()?;
        // The link pass skips keys that resolve to themselves (merges are
        // otherwise only added); after an unmerge every key is checked.
        Ok(self.link_actors(LinkScope::All)?)
    }

    /// The merged actors whose IRI is `name`, or whose mentions carry `name`
    /// as name or surface form (ignoring case).
    fn merged_actors_named(
        &self,
        name: &str,
        merges: &[(NamedNode, NamedNode)],
    ) -> crate::Result<BTreeSet<NamedNode>> {
        let merged: BTreeSet<&NamedNode> = merges.iter().map(|(s, _)| s).collect();
        let name = name.trim();
        let iri = typed_iri(name);
        let mut found: BTreeSet<NamedNode> = merged
            .iter()
            .filter(|s| Some(s.as_str()) == iri.as_deref())
            .map(|s| (*s).clone())
            .collect();
        let r = Resolver::new(self.oxigraph());
        let mut keys = BTreeSet::new();
        let (name_p, surface_p) = (cg("name"), cg("surfaceForm"));
        for quad in quads_naming(&r, &[name_p.as_ref(), surface_p.as_ref()], name)? {
            let Some(mention) = subject_named(&quad) else {
                continue;
            };
            let g = quad.graph_name.as_ref();
            if let Some(key) = r.first_object(mention, cg("mentionKey"), g)? {
                keys.extend(as_str(&key).map(str::to_string));
            }
        }
        for key in keys {
            let actor = actor_iri_for_key(&key);
            if merged.contains(&actor) {
                found.insert(actor);
            }
        }
        Ok(found)
    }

    fn record_merge(&self, source: &NamedNode, target: &NamedNode) -> crate::Result<()> {
        let graph = GraphName::NamedNode(NamedNode::new_unchecked(MERGES_GRAPH));
        let mut tx = self.oxigraph().start_transaction()?;
        tx.insert(&Quad::new(
            source.clone(),
            cg("mergedInto"),
            target.clone(),
            graph,
        ));
        tx.commit()?;
        Ok(())
    }

    /// Relinks every mention that currently renders as `actor`, and those that depend on them.
    fn relink_actor(&self, actor: &NamedNode) -> Result<LinkReport, ActorError> {
        let r = Resolver::new(self.oxigraph());
        let mut docs = BTreeSet::new();
        for quad in r.quads(
            None,
            cg("mentionOf").as_ref(),
            Some(actor.clone().into()),
            None,
        )? {
            if let Some(graph) = graph_named(&quad) {
                for article in r.quads(
                    None,
                    rdf::TYPE,
                    Some(schema("NewsArticle").into()),
                    Some(graph.as_ref().into()),
                )? {
                    if let Some(a) = subject_named(&article) {
                        if let Some(id) =
                            r.first_object(a, schema("identifier"), graph.as_ref().into())?
                        {
                            docs.extend(as_str(&id).map(str::to_string));
                        }
                    }
                }
            }
        }
        let docs: Vec<String> = docs.into_iter().collect();
        Ok(self.link_actors(LinkScope::Articles(&docs))?)
    }

    /// Applies an alias file: each line merges NAME's actor into CANONICAL's.
    /// A name not in the store is skipped and reported (`file:line: …`); an
    /// ambiguous one is an error naming its line.
    pub fn apply_aliases(&self, file: &AliasFile) -> Result<AliasOutcome, ActorError> {
        let mut outcome = AliasOutcome::default();
        let mut changed = Vec::new();
        for alias in &file.aliases {
            let at = |e: ActorError| ActorError::AliasLine {
                file: file.origin.clone(),
                line: alias.line,
                message: e.to_string(),
            };
            let found = self
                .find_actor(&alias.name)
                .and_then(|s| Ok((s, self.find_actor(&alias.canonical)?)));
            let (source, target) = match found {
                Ok(pair) => pair,
                Err(e @ ActorError::Unknown(_)) => {
                    outcome.skipped.push(at(e).to_string());
                    continue;
                }
                Err(e) => return Err(at(e)),
            };
            if source == target {
                outcome.unchanged += 1;
                continue;
            }
            self.record_merge(&source, &target)?;
            outcome.merged += 1;
            changed.push(source);
        }
        for source in changed {
            let report = self.relink_actor(&source)?;
            outcome.link.keys_checked += report.keys_checked;
            outcome.link.keys_linked += report.keys_linked;
            outcome.link.graphs_rewritten += report.graphs_rewritten;
            outcome.link.rewritten.extend(report.rewritten);
        }
        Ok(outcome)
    }

    /// Every actor with its names, kind, Wikidata id, claim counts and roles,
    /// most claims first.
    pub fn actors(&self) -> crate::Result<Vec<ActorSummary>> {
        let mut actors: BTreeMap<String, ActorSummary> = BTreeMap::new();
        let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut alts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let rows = self.select(&format!(
            "{}SELECT DISTINCT ?a ?p ?o WHERE {{ ?a a cg:Actor ; ?p ?o . \
             FILTER(?p IN (rdfs:label, skos:altLabel, rdf:type, owl:sameAs)) }}",
            prologue()
        ))?;
        for row in rows.rows {
            let (Some(Term::NamedNode(a)), Some(Term::NamedNode(p)), Some(o)) =
                (&row[0], &row[1], &row[2])
            else {
                continue;
            };
            let iri = a.as_str().to_string();
            let entry = actors.entry(iri.clone()).or_insert_with(|| ActorSummary {
                iri: iri.clone(),
                ..ActorSummary::default()
            });
            match (p.as_ref(), o) {
                (p, Term::Literal(l)) if p == rdfs::LABEL => {
                    labels.entry(iri).or_default().insert(l.value().to_string());
                }
                (p, Term::Literal(l)) if p == skos("altLabel").as_ref() => {
                    alts.entry(iri).or_default().insert(l.value().to_string());
                }
                (p, Term::NamedNode(class)) if p == rdf::TYPE => {
                    if let Some(kind) = class.as_str().strip_prefix(vocab::SCHEMA) {
                        if ["Person", "Organization", "Country"].contains(&kind) {
                            entry.kind = kind.to_lowercase();
                        }
                    }
                }
                (p, Term::NamedNode(same)) if p == owl("sameAs").as_ref() => {
                    entry.wikidata = same
                        .as_str()
                        .strip_prefix(vocab::WIKIDATA)
                        .map(str::to_string);
                }
                _ => {}
            }
        }
        let mut label_articles: HashMap<(String, String), u64> = HashMap::new();
        let counted = self.select(&format!(
            "{}SELECT ?a ?l (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?a a cg:Actor ; rdfs:label ?l }} }} GROUP BY ?a ?l",
            prologue()
        ))?;
        for row in counted.rows {
            if let (Some(Term::NamedNode(a)), Some(Term::Literal(l)), Some(Term::Literal(n))) =
                (&row[0], &row[1], &row[2])
            {
                let n = n.value().parse().unwrap_or(0);
                label_articles.insert((a.as_str().to_string(), l.value().to_string()), n);
            }
        }
        for (iri, entry) in actors.iter_mut() {
            let own = labels.remove(iri).unwrap_or_default();
            let mut names: BTreeSet<String> = alts.remove(iri).unwrap_or_default();
            // The fullest name: most words, then most letters, then the first in order.
            let pool = if own.is_empty() { &names } else { &own };
            // The fullest name: most words, most letters, then the spelling
            // the most articles use, then the first in order.
            let articles = |label: &String| {
                label_articles
                    .get(&(iri.clone(), label.clone()))
                    .copied()
                    .unwrap_or(0)
            };
            let label = pool
                .iter()
                .max_by(|a, b| {
                    let size = |s: &str| (s.split_whitespace().count(), s.chars().count());
                    size(a)
                        .cmp(&size(b))
                        .then_with(|| articles(a).cmp(&articles(b)))
                        .then_with(|| b.cmp(a))
                })
                .cloned()
                .unwrap_or_default();
            names.extend(own);
            names.remove(&label);
            entry.label = label;
            entry.alt_labels = names.into_iter().collect();
        }
        self.count_into(
            &mut actors,
            "SELECT ?a (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c prov:wasAttributedTo ?a } GROUP BY ?a",
            |e, n| e.claims = n,
        )?;
        self.count_into(
            &mut actors,
            "SELECT ?a (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c cg:addressee ?a } GROUP BY ?a",
            |e, n| e.addressed = n,
        )?;
        let roles = self.select(&format!(
            "{}SELECT ?a ?role (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE {{ \
             ?a cg:role ?rm . ?rm schema:roleName ?role . OPTIONAL {{ ?rm schema:startDate ?d }} }} \
             GROUP BY ?a ?role ORDER BY ?a ?first ?role",
            prologue()
        ))?;
        for row in roles.rows {
            let (Some(Term::NamedNode(a)), Some(Term::Literal(role))) = (&row[0], &row[1]) else {
                continue;
            };
            let date = |i: usize| match &row[i] {
                Some(Term::Literal(l)) => Some(l.value().to_string()),
                _ => None,
            };
            if let Some(entry) = actors.get_mut(a.as_str()) {
                entry.roles.push(RoleSeen {
                    role: role.value().to_string(),
                    first_seen: date(2),
                    last_seen: date(3),
                });
            }
        }
        let mut list: Vec<ActorSummary> = actors.into_values().collect();
        list.sort_by(|a, b| {
            (b.claims, b.addressed)
                .cmp(&(a.claims, a.addressed))
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| a.iri.cmp(&b.iri))
        });
        Ok(list)
    }

    fn count_into(
        &self,
        actors: &mut BTreeMap<String, ActorSummary>,
        query: &str,
        set: impl Fn(&mut ActorSummary, u64),
    ) -> crate::Result<()> {
        for row in self.select(&format!("{}{query}", prologue()))?.rows {
            if let (Some(Term::NamedNode(a)), Some(Term::Literal(n))) = (&row[0], &row[1]) {
                if let Some(entry) = actors.get_mut(a.as_str()) {
                    set(entry, n.value().parse().unwrap_or(0));
                }
            }
        }
        Ok(())
    }
}

/// `actor:<key>` for messages.
fn vocab_short(n: &NamedNode) -> String {
    crate::shorten_iri(n.as_str())
}

//! Projections of claim rows into petgraph graphs: the `actors`, `claims` and `timeline` views.

use crate::row::{first_day, ClaimRow};
use claimgraph_model::{ActorKind, ClaimType, DateValue};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// Which graph to build from the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Actor → actor, one edge per claim type, weighted by the number of claims.
    Actors,
    /// Actor —said→ claim —reported_in→ article, claim —addressed_to→ actor.
    Claims,
    /// Claims in date order, each linked to the same speaker's next claim.
    Timeline,
}

impl View {
    pub const ALL: [View; 3] = [View::Actors, View::Claims, View::Timeline];

    pub fn as_str(&self) -> &'static str {
        match self {
            View::Actors => "actors",
            View::Claims => "claims",
            View::Timeline => "timeline",
        }
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for View {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        View::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown view {s:?} (actors, claims, timeline)"))
    }
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    Person,
    Organization,
    Country,
    /// An actor whose kind the store does not say (some addressees).
    Actor,
    Claim,
    Article,
}

impl NodeKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Country => "country",
            NodeKind::Actor => "actor",
            NodeKind::Claim => "claim",
            NodeKind::Article => "article",
        }
    }

    /// A fill colour per kind (ColorBrewer Set3), as `(r, g, b)`.
    pub fn color(&self) -> (u8, u8, u8) {
        match self {
            NodeKind::Person => (0x8d, 0xd3, 0xc7),
            NodeKind::Organization => (0x80, 0xb1, 0xd3),
            NodeKind::Country => (0xfd, 0xb4, 0x62),
            NodeKind::Actor => (0xd9, 0xd9, 0xd9),
            NodeKind::Claim => (0xff, 0xff, 0xb3),
            NodeKind::Article => (0xbe, 0xba, 0xda),
        }
    }

    fn of_actor(kind: Option<ActorKind>) -> Self {
        match kind {
            Some(ActorKind::Person) => NodeKind::Person,
            Some(ActorKind::Organization) => NodeKind::Organization,
            Some(ActorKind::Country) => NodeKind::Country,
            None => NodeKind::Actor,
        }
    }

    pub fn is_actor(&self) -> bool {
        !matches!(self, NodeKind::Claim | NodeKind::Article)
    }
}

/// A node's weight: an actor, a claim or an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The IRI in the store; unique within a graph and stable across runs.
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    /// Wikidata id (`Q…`) of an actor, when known.
    pub wikidata: Option<String>,
    /// The type of a claim node.
    pub claim_type: Option<ClaimType>,
    /// Claims an actor made (actors), 1 for a claim, claims an article reports.
    pub claim_count: u32,
    /// The earliest date the node is seen at (a claim's own date).
    pub first: Option<DateValue>,
    /// The latest date the node is seen at.
    pub last: Option<DateValue>,
    /// A claim's content or an article's title.
    pub text: Option<String>,
    /// A claim's cue word(s).
    pub cue: Option<String>,
    /// The outlet of an article.
    pub outlet: Option<String>,
    /// A claim's extraction confidence.
    pub confidence: Option<f32>,
}

impl Node {
    fn new(id: &str, label: &str, kind: NodeKind) -> Self {
        Node {
            id: id.to_string(),
            label: label.to_string(),
            kind,
            wikidata: None,
            claim_type: None,
            claim_count: 0,
            first: None,
            last: None,
            text: None,
            cue: None,
            outlet: None,
            confidence: None,
        }
    }

    fn see_date(&mut self, date: Option<DateValue>) {
        let Some(d) = date else { return };
        self.first = Some(self.first.map_or(d, |f| f.min(d)));
        self.last = Some(self.last.map_or(d, |l| l.max(d)));
    }
}

/// What an edge says about its two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// Actor → actor: the source made claims of `claim_type` towards the target.
    Addressed,
    /// Actor → claim.
    Said,
    /// Claim → article.
    ReportedIn,
    /// Claim → the actor it was addressed to.
    AddressedTo,
    /// Claim → the same speaker's next claim in time.
    Next,
}

impl Relation {
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::Addressed => "addressed",
            Relation::Said => "said",
            Relation::ReportedIn => "reported_in",
            Relation::AddressedTo => "addressed_to",
            Relation::Next => "next",
        }
    }
}

/// An edge's weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub relation: Relation,
    /// The claim type of an `Addressed` edge, or of the claim a `Said` edge leads to.
    pub claim_type: Option<ClaimType>,
    /// How many claims the edge stands for.
    pub weight: u32,
    /// The distinct dates of those claims, in order.
    pub dates: Vec<DateValue>,
}

impl Edge {
    fn new(relation: Relation, claim_type: Option<ClaimType>) -> Self {
        Edge {
            relation,
            claim_type,
            weight: 0,
            dates: Vec::new(),
        }
    }

    /// The type shown on the edge: the claim type between actors, else the relation.
    pub fn type_name(&self) -> &'static str {
        match (self.relation, self.claim_type) {
            (Relation::Addressed, Some(t)) => t.as_str(),
            (relation, _) => relation.as_str(),
        }
    }

    pub fn first(&self) -> Option<DateValue> {
        self.dates.first().copied()
    }

    pub fn last(&self) -> Option<DateValue> {
        self.dates.last().copied()
    }

    fn count(&mut self, date: Option<DateValue>) {
        self.weight += 1;
        if let Some(d) = date {
            if let Err(at) = self.dates.binary_search(&d) {
                self.dates.insert(at, d);
            }
        }
    }
}

/// A projected view: the petgraph graph and which view it is.
#[derive(Debug, Clone)]
pub struct ViewGraph {
    pub view: View,
    pub graph: DiGraph<Node, Edge>,
}

impl ViewGraph {
    /// Projects `rows` into `view`. Rows are taken in a canonical order, so the
    /// same rows in any order give the same graph, node for node.
    pub fn build(view: View, rows: &[ClaimRow]) -> Self {
        let mut rows: Vec<&ClaimRow> = rows.iter().collect();
        rows.sort_by(|a, b| row_order(a).cmp(&row_order(b)));
        let mut builder = Builder::default();
        match view {
            View::Actors => builder.actors(&rows),
            View::Claims => builder.claims(&rows),
            View::Timeline => builder.timeline(&rows),
        }
        ViewGraph {
            view,
            graph: builder.graph,
        }
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
}

/// Chronological (first day covered, coarser first), undated last, then by IRI.
fn row_order(row: &ClaimRow) -> (bool, Option<DateValue>, Option<DateValue>, &str, &str) {
    (
        row.date.is_none(),
        row.date.as_ref().and_then(first_day),
        row.date,
        &row.claim_iri,
        &row.article_iri,
    )
}

/// Collects nodes and edges by key so repeated rows merge instead of duplicating.
#[derive(Default)]
struct Builder {
    graph: DiGraph<Node, Edge>,
    nodes: HashMap<String, NodeIndex>,
    edges: HashMap<(NodeIndex, NodeIndex, Relation, Option<ClaimType>), petgraph::graph::EdgeIndex>,
}

impl Builder {
    fn node(&mut self, id: &str, make: impl FnOnce() -> Node) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(id) {
            return ix;
        }
        let ix = self.graph.add_node(make());
        self.nodes.insert(id.to_string(), ix);
        ix
    }

    fn speaker(&mut self, row: &ClaimRow) -> NodeIndex {
        let ix = self.node(&row.speaker_iri, || {
            let mut n = Node::new(
                &row.speaker_iri,
                &row.speaker_label,
                NodeKind::of_actor(row.speaker_kind),
            );
            n.wikidata = row.speaker_wikidata.clone();
            n
        });
        let node = &mut self.graph[ix];
        if node.wikidata.is_none() {
            node.wikidata = row.speaker_wikidata.clone();
        }
        if node.kind == NodeKind::Actor {
            node.kind = NodeKind::of_actor(row.speaker_kind);
        }
        ix
    }

    fn addressee(&mut self, row: &ClaimRow) -> Option<NodeIndex> {
        let iri = row.addressee_iri.as_deref()?;
        let label = row.addressee_label.as_deref().unwrap_or(iri);
        let ix = self.node(iri, || {
            let mut n = Node::new(iri, label, NodeKind::of_actor(row.addressee_kind));
            n.wikidata = row.addressee_wikidata.clone();
            n
        });
        let node = &mut self.graph[ix];
        if node.wikidata.is_none() {
            node.wikidata = row.addressee_wikidata.clone();
        }
        if node.kind == NodeKind::Actor {
            node.kind = NodeKind::of_actor(row.addressee_kind);
        }
        Some(ix)
    }

    fn claim(&mut self, row: &ClaimRow) -> NodeIndex {
        self.node(&row.claim_iri, || {
            let mut n = Node::new(&row.claim_iri, &claim_label(row), NodeKind::Claim);
            n.claim_type = Some(row.claim_type);
            n.claim_count = 1;
            n.see_date(row.date);
            n.text = Some(row.content.clone());
            n.cue = Some(row.cue.clone());
            n.confidence = Some(row.confidence);
            n
        })
    }

    fn article(&mut self, row: &ClaimRow) -> NodeIndex {
        let label = row.article_title.as_deref().unwrap_or(&row.article_id);
        self.node(&row.article_iri, || {
            let mut n = Node::new(&row.article_iri, label, NodeKind::Article);
            n.text = row.article_title.clone();
            n.outlet = row.outlet.clone();
            n
        })
    }

    /// Adds one claim to the edge `from → to` of that relation (and type), creating it if new.
    fn edge(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        relation: Relation,
        claim_type: Option<ClaimType>,
        date: Option<DateValue>,
    ) {
        let key = (from, to, relation, claim_type);
        let ix = match self.edges.get(&key) {
            Some(&ix) => ix,
            None => {
                let ix = self
                    .graph
                    .add_edge(from, to, Edge::new(relation, claim_type));
                self.edges.insert(key, ix);
                ix
            }
        };
        self.graph[ix].count(date);
    }

    /// Counts a claim for its speaker once, however many articles report it.
    fn count_claim(&mut self, speaker: NodeIndex, row: &ClaimRow, seen: &mut Vec<bool>) {
        let claim = self.claim(row);
        if seen.len() <= claim.index() {
            seen.resize(claim.index() + 1, false);
        }
        if !seen[claim.index()] {
            seen[claim.index()] = true;
            let node = &mut self.graph[speaker];
            node.claim_count += 1;
            node.see_date(row.date);
        }
    }

    fn actors(&mut self, rows: &[&ClaimRow]) {
        // A claim reported by several articles comes in several rows; count it once.
        let mut claims_seen: HashMap<&str, ()> = HashMap::new();
        for row in rows {
            let speaker = self.speaker(row);
            let addressee = self.addressee(row);
            if claims_seen.insert(&row.claim_iri, ()).is_some() {
                continue;
            }
            let node = &mut self.graph[speaker];
            node.claim_count += 1;
            node.see_date(row.date);
            if let Some(addressee) = addressee {
                self.graph[addressee].see_date(row.date);
                self.edge(
                    speaker,
                    addressee,
                    Relation::Addressed,
                    Some(row.claim_type),
                    row.date,
                );
            }
        }
    }

    fn claims(&mut self, rows: &[&ClaimRow]) {
        let mut seen = Vec::new();
        for row in rows {
            let speaker = self.speaker(row);
            let is_new = !self.nodes.contains_key(&row.claim_iri);
            self.count_claim(speaker, row, &mut seen);
            let claim = self.claim(row);
            let article = self.article(row);
            self.graph[article].see_date(row.date);
            self.edge(claim, article, Relation::ReportedIn, None, row.date);
            let addressee = self.addressee(row);
            // Further rows of a claim only add the articles that report it.
            if !is_new {
                continue;
            }
            self.edge(
                speaker,
                claim,
                Relation::Said,
                Some(row.claim_type),
                row.date,
            );
            if let Some(addressee) = addressee {
                self.graph[addressee].see_date(row.date);
                self.edge(claim, addressee, Relation::AddressedTo, None, row.date);
            }
        }
        self.count_article_claims();
    }

    fn timeline(&mut self, rows: &[&ClaimRow]) {
        let mut seen = Vec::new();
        let mut previous: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        for row in rows {
            let speaker = self.speaker(row);
            let is_new = !self.nodes.contains_key(&row.claim_iri);
            self.count_claim(speaker, row, &mut seen);
            let claim = self.claim(row);
            if !is_new {
                continue;
            }
            self.edge(
                speaker,
                claim,
                Relation::Said,
                Some(row.claim_type),
                row.date,
            );
            // Undated claims have no place in the sequence: no `next` edges.
            if row.date.is_none() {
                continue;
            }
            if let Some(prev) = previous.insert(speaker, claim) {
                self.edge(prev, claim, Relation::Next, None, row.date);
            }
        }
    }

    /// An article's claim count is the number of distinct claims reported in it.
    fn count_article_claims(&mut self) {
        let counts: Vec<(NodeIndex, u32)> = self
            .graph
            .node_indices()
            .filter(|&ix| self.graph[ix].kind == NodeKind::Article)
            .map(|ix| {
                let n = self
                    .graph
                    .neighbors_directed(ix, petgraph::Direction::Incoming)
                    .count();
                (ix, u32::try_from(n).unwrap_or(u32::MAX))
            })
            .collect();
        for (ix, n) in counts {
            self.graph[ix].claim_count = n;
        }
    }
}

/// A claim's label: its date, type and the first words of its content.
fn claim_label(row: &ClaimRow) -> String {
    const MAX_CHARS: usize = 60;
    let content = row.content.trim();
    let short: String = content.chars().take(MAX_CHARS).collect();
    let ellipsis = if content.chars().count() > MAX_CHARS {
        "…"
    } else {
        ""
    };
    match row.date {
        Some(date) => format!("{date} {}: {short}{ellipsis}", row.claim_type),
        None => format!("{}: {short}{ellipsis}", row.claim_type),
    }
}

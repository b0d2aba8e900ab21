//! The actor layer of an article graph, in two parts.
//!
//! - **Mentions** (written once by the mapping, never changed): one
//!   `cg:ActorMention` per actor key the article uses, holding what the article
//!   says about the actor — its name, surface forms, kind, Wikidata id, roles
//!   (`cg:RoleMention`s dated with the article) — and the keys the link pass
//!   looks up (`cg:mentionKey`, `cg:surname`, `cg:surnameOnly`, `cg:roleOnly`).
//!   Claims point to them with `cg:speakerMention` / `cg:addresseeMention`.
//! - **Rendered actor triples** (a function of the mentions and of which actor
//!   each mention resolves to): `prov:wasAttributedTo`, `schema:author`,
//!   `cg:addressee`, `cg:mentionOf`, and the actor node's class, labels,
//!   `owl:sameAs` and `cg:role`. The mapping renders them with each mention
//!   resolving to its own key; the link pass re-renders an article graph when a
//!   resolution changes. Re-rendering from the mentions, not editing the
//!   rendered triples, is what makes the result independent of ingest order
//!   and lets a link be undone when it stops being unique.

use crate::actors::{self, NameForm};
use crate::mapping::{actor_class, date_literal};
use crate::vocab::{self, cg, owl, prov, schema, skos};
use claimgraph_model::{ActorKind, Document};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Actor IRIs: `actor:<key>`.
pub const ACTOR_PREFIX: &str = "https://claimgraph.dev/id/actor/";
/// Mention and role-mention nodes: `cgid:mention/<article hash>-<key>…`.
pub const MENTION_PREFIX: &str = "https://claimgraph.dev/id/mention/";

/// The IRI of the actor with a key.
pub fn actor_iri_for_key(key: &str) -> NamedNode {
    vocab::term(ACTOR_PREFIX, key)
}

/// The key of an actor IRI minted by the mapping.
pub fn key_of_actor(actor: &NamedNode) -> Option<&str> {
    actor.as_str().strip_prefix(ACTOR_PREFIX)
}

/// What the render needs of one mention (read back from the graph by the link pass).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MentionRecord {
    pub node: Option<NamedNode>,
    pub key: String,
    pub name: String,
    pub kind: Option<NamedNode>,
    pub wikidata: Option<NamedNode>,
    pub surfaces: BTreeSet<String>,
    pub roles: BTreeSet<NamedNode>,
}

/// A claim's link to a mention: `true` for the speaker, `false` for the addressee.
pub type ClaimLink = (NamedNode, bool, NamedNode);

/// The actors one article mentions, collected claim by claim by the mapping.
pub struct ArticleActors {
    article_hash: String,
    article: NamedNode,
    date: Option<Literal>,
    mentions: BTreeMap<String, Draft>,
    links: Vec<ClaimLink>,
}

struct Draft {
    record: MentionRecord,
    form: NameForm,
    /// role phrase → role key
    roles: BTreeMap<String, String>,
}

impl ArticleActors {
    pub fn new(doc: &Document) -> Self {
        Self {
            article_hash: vocab::hash_id(&[&doc.id]),
            article: vocab::article_iri(&doc.id),
            date: doc.date.as_ref().map(date_literal),
            mentions: BTreeMap::new(),
            links: Vec::new(),
        }
    }

    /// Records that `claim` has the actor `name` as speaker (or addressee) and
    /// returns the actor's IRI at mapping time.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        claim: &NamedNode,
        speaker: bool,
        name: &str,
        kind: Option<ActorKind>,
        wikidata: Option<NamedNode>,
        mention_text: Option<&str>,
        roles: &[String],
    ) {
        let id = actors::actor_name(name, kind);
        let node = vocab::term(MENTION_PREFIX, &format!("{}-{}", self.article_hash, id.key));
        let draft = self
            .mentions
            .entry(id.key.clone())
            .or_insert_with(|| Draft {
                record: MentionRecord {
                    node: Some(node.clone()),
                    key: id.key.clone(),
                    name: id.display.clone(),
                    ..MentionRecord::default()
                },
                form: id.form.clone(),
                roles: BTreeMap::new(),
            });
        if draft.record.kind.is_none() {
            draft.record.kind = kind.map(actor_class);
        }
        if draft.record.wikidata.is_none() {
            draft.record.wikidata = wikidata;
        }
        let surface = name.split_whitespace().collect::<Vec<_>>().join(" ");
        draft.record.surfaces.insert(surface);
        if let Some(text) = mention_text {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            // A role alone: the mention may say more than the name (`der
            // russische Chefdiplomat` for `Chefdiplomat`).
            if let NameForm::Role(key) = &mut draft.form {
                if let Some(richer) = actors::role_key(&text).filter(|k| !k.starts_with('|')) {
                    *key = richer;
                }
            }
            if let Some(role) = actors::roles_in_mention(&text, &id.display) {
                if let Some(key) = actors::role_key(&role) {
                    draft.roles.insert(role, key);
                }
            }
            if names_the_actor(&text, &id.display, kind) {
                draft
                    .record
                    .surfaces
                    .insert(vocab::actor_display_name(&text));
            }
        }
        for role in roles {
            let role = role.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(key) = actors::role_key(&role) {
                draft.roles.insert(role, key);
            }
        }
        self.links.push((claim.clone(), speaker, node));
    }

    /// The mention and role-mention nodes, then the actor triples rendered with
    /// every mention resolving to its own key.
    pub fn into_quads(self, graph: &GraphName) -> Vec<Quad> {
        let mut quads = Vec::new();
        let mut records = Vec::new();
        for (key, draft) in self.mentions {
            let Some(node) = draft.record.node.clone() else {
                continue;
            };
            let q = |p: NamedNode, o: Term| Quad::new(node.clone(), p, o, graph.clone());
            quads.push(q(rdf::TYPE.into_owned(), cg("ActorMention").into()));
            quads.push(q(cg("mentionKey"), Literal::from(key.as_str()).into()));
            quads.push(q(
                cg("name"),
                Literal::from(draft.record.name.as_str()).into(),
            ));
            for surface in &draft.record.surfaces {
                quads.push(q(cg("surfaceForm"), Literal::from(surface.as_str()).into()));
            }
            if let Some(kind) = &draft.record.kind {
                quads.push(q(cg("kind"), kind.clone().into()));
            }
            if let Some(wd) = &draft.record.wikidata {
                quads.push(q(cg("wikidata"), wd.clone().into()));
            }
            match &draft.form {
                NameForm::FullName { surname } => {
                    quads.push(q(cg("surname"), Literal::from(surname.as_str()).into()))
                }
                NameForm::Surname(s) => {
                    quads.push(q(cg("surnameOnly"), Literal::from(s.as_str()).into()))
                }
                NameForm::Role(r) => {
                    quads.push(q(cg("roleOnly"), Literal::from(r.as_str()).into()))
                }
                NameForm::Other => {}
            }
            let mut record = draft.record;
            for (role, role_key) in &draft.roles {
                let rm = vocab::term(
                    MENTION_PREFIX,
                    &format!(
                        "{}-{key}-role-{}",
                        self.article_hash,
                        vocab::hash_id(&[role])
                    ),
                );
                quads.push(q(cg("role"), rm.clone().into()));
                let r = |p: NamedNode, o: Term| Quad::new(rm.clone(), p, o, graph.clone());
                quads.push(r(rdf::TYPE.into_owned(), cg("RoleMention").into()));
                quads.push(r(schema("roleName"), Literal::from(role.as_str()).into()));
                quads.push(r(cg("roleKey"), Literal::from(role_key.as_str()).into()));
                if let Some(date) = &self.date {
                    quads.push(r(schema("startDate"), date.clone().into()));
                }
                quads.push(r(prov("wasDerivedFrom"), self.article.clone().into()));
                record.roles.insert(rm);
            }
            records.push(record);
        }
        for (claim, speaker, mention) in &self.links {
            let p = if *speaker {
                "speakerMention"
            } else {
                "addresseeMention"
            };
            quads.push(Quad::new(
                claim.clone(),
                cg(p),
                mention.clone(),
                graph.clone(),
            ));
        }
        let resolved: HashMap<NamedNode, NamedNode> = records
            .iter()
            .filter_map(|r| Some((r.node.clone()?, actor_iri_for_key(&r.key))))
            .collect();
        quads.extend(render(graph, &records, &self.links, &resolved));
        quads
    }
}

/// Whether a mention's text is a name of the actor (an alternative label):
/// it shares a word with the name (`Lawrow` of `Sergej Lawrow`, not `er` or
/// `die Ministerin`), or, for a country or organisation, the lexicon knows it
/// as that actor (`Moskau` for `Russland`).
fn names_the_actor(text: &str, name: &str, kind: Option<ActorKind>) -> bool {
    let words = |s: &str| -> BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    if !words(text).is_disjoint(&words(name)) {
        return true;
    }
    kind.is_some_and(|k| k != ActorKind::Person)
        && actors::actor_name(text, kind).key == actors::actor_name(name, kind).key
}

/// The rendered actor triples of one article graph: claims to actors, each
/// mention to its actor, and each actor's description as this article gives it.
/// A mention resolved to another key's actor contributes its name as an
/// alternative label, so that `rdfs:label` holds full names only.
pub fn render(
    graph: &GraphName,
    mentions: &[MentionRecord],
    links: &[ClaimLink],
    resolved: &HashMap<NamedNode, NamedNode>,
) -> Vec<Quad> {
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(s.clone(), p, o, graph.clone()));
    };
    for (claim, speaker, mention) in links {
        let Some(actor) = resolved.get(mention) else {
            continue;
        };
        if *speaker {
            add(
                claim,
                prov("wasAttributedTo").as_ref(),
                actor.clone().into(),
            );
            add(claim, schema("author").as_ref(), actor.clone().into());
        } else {
            add(claim, cg("addressee").as_ref(), actor.clone().into());
        }
    }
    for m in mentions {
        let Some(node) = &m.node else { continue };
        let Some(actor) = resolved.get(node) else {
            continue;
        };
        add(node, cg("mentionOf").as_ref(), actor.clone().into());
        add(actor, rdf::TYPE, cg("Actor").into());
        if let Some(kind) = &m.kind {
            add(actor, rdf::TYPE, kind.clone().into());
        }
        let own = key_of_actor(actor) == Some(m.key.as_str());
        let alt_label = skos("altLabel");
        let label = if own { rdfs::LABEL } else { alt_label.as_ref() };
        add(actor, label, Literal::from(m.name.as_str()).into());
        // An actor reached only through others' mentions (`ein Nato-Sprecher`
        // → Nato) still needs a label: the lexicon's name.
        if let Some(name) = key_of_actor(actor)
            .filter(|_| !own)
            .and_then(actors::lexicon_name)
        {
            add(actor, rdfs::LABEL, Literal::from(name).into());
        }
        for surface in m.surfaces.iter().filter(|s| !own || **s != m.name) {
            add(
                actor,
                skos("altLabel").as_ref(),
                Literal::from(surface.as_str()).into(),
            );
        }
        if let Some(wd) = &m.wikidata {
            add(actor, owl("sameAs").as_ref(), wd.clone().into());
        }
        for role in &m.roles {
            add(actor, cg("role").as_ref(), role.clone().into());
        }
    }
    quads
}

/// The predicates of rendered triples that do not have an actor as subject.
pub fn rendered_predicates() -> [NamedNode; 4] {
    [
        prov("wasAttributedTo"),
        schema("author"),
        cg("addressee"),
        cg("mentionOf"),
    ]
}

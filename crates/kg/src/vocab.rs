//! The vocabulary: namespaces, the terms the mapping uses, and the IRIs it mints.
//!
//! Reused vocabularies come first (schema.org, PROV-O, SKOS, Web Annotation, OWL);
//! the project namespace [`CG`] holds only what those lack. Resources the mapping
//! creates live under [`ID`], one path segment per kind (`claim/`, `actor/`, …).

use claimgraph_model::ClaimType;
use oxigraph::model::{vocab, GraphName, Literal, NamedNode, NamedNodeRef, Quad};
use sha2::{Digest, Sha256};

/// Terms minted by the project (classes and properties).
pub const CG: &str = "https://claimgraph.dev/ns#";
/// Resources minted by the mapping (claims, actors, articles, graphs, runs).
pub const ID: &str = "https://claimgraph.dev/id/";
/// The SKOS concepts of the claim-type scheme.
pub const CLAIM_TYPE: &str = "https://claimgraph.dev/id/claim-type/";
pub const SCHEMA: &str = "http://schema.org/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const OA: &str = "http://www.w3.org/ns/oa#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// Prefixes used for Turtle/TriG output and for shortening IRIs in tables.
///
/// Ordered so that longer namespaces come before the ones they extend.
pub const PREFIXES: &[(&str, &str)] = &[
    ("cg", CG),
    ("cgt", CLAIM_TYPE),
    ("claim", "https://claimgraph.dev/id/claim/"),
    ("ev", "https://claimgraph.dev/id/evidence/"),
    ("actor", "https://claimgraph.dev/id/actor/"),
    ("article", "https://claimgraph.dev/id/article/"),
    ("outlet", "https://claimgraph.dev/id/outlet/"),
    ("run", "https://claimgraph.dev/id/run/"),
    ("cgg", "https://claimgraph.dev/id/graph/"),
    ("cgid", ID),
    ("schema", SCHEMA),
    ("prov", PROV),
    ("skos", SKOS),
    ("oa", OA),
    ("owl", OWL),
    ("rdfs", RDFS),
    ("rdf", RDF),
    ("xsd", XSD),
    ("wd", WIKIDATA),
];

/// The named graph holding `docs/ontology.ttl`.
pub const ONTOLOGY_GRAPH: &str = "https://claimgraph.dev/id/graph/ontology";
/// Article graphs are `ARTICLE_GRAPH_PREFIX` + the article's hash.
pub const ARTICLE_GRAPH_PREFIX: &str = "https://claimgraph.dev/id/graph/article/";
/// Run provenance graphs are `RUN_GRAPH_PREFIX` + the run's hash.
pub const RUN_GRAPH_PREFIX: &str = "https://claimgraph.dev/id/graph/run/";
/// The concept scheme of claim types.
pub const CLAIM_TYPE_SCHEME: &str = "https://claimgraph.dev/id/claim-types";

/// A term in a namespace; namespaces and local names here are fixed strings, so valid IRIs.
pub fn term(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

pub fn cg(local: &str) -> NamedNode {
    term(CG, local)
}
pub fn schema(local: &str) -> NamedNode {
    term(SCHEMA, local)
}
pub fn prov(local: &str) -> NamedNode {
    term(PROV, local)
}
pub fn skos(local: &str) -> NamedNode {
    term(SKOS, local)
}
pub fn oa(local: &str) -> NamedNode {
    term(OA, local)
}
pub fn owl(local: &str) -> NamedNode {
    term(OWL, local)
}

/// Lowercase hex of the first 10 bytes of SHA-256 over `parts`, each part
/// terminated by a NUL so that `("ab","c")` and `("a","bc")` differ.
pub fn hash_id(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    hasher.finalize()[..10]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The IRI of an article, from its document id.
pub fn article_iri(doc_id: &str) -> NamedNode {
    term(ID, &format!("article/{}", hash_id(&[doc_id])))
}

/// The named graph holding everything ingested from one article.
pub fn article_graph(doc_id: &str) -> NamedNode {
    term(ARTICLE_GRAPH_PREFIX, &hash_id(&[doc_id]))
}

/// The IRI of a claim type's SKOS concept.
pub fn claim_type_iri(t: ClaimType) -> NamedNode {
    term(CLAIM_TYPE, t.as_str())
}

/// Leading words dropped when an actor name is normalised (`die Nato` = `Nato`).
const ARTICLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "the",
];

/// The display form of an actor name: trimmed, inner whitespace collapsed,
/// a leading article removed, case kept.
pub fn actor_display_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let skip = usize::from(words.len() > 1 && ARTICLES.contains(&words[0].to_lowercase().as_str()));
    words[skip..].join(" ")
}

/// The key that identifies an actor across articles: the display name,
/// lowercased, German letters transliterated, anything else not alphanumeric
/// turned into single dashes. `Die NATO` and `Nato` share a key.
pub fn actor_key(name: &str) -> String {
    let mut key = String::new();
    for c in actor_display_name(name).to_lowercase().chars() {
        match c {
            'ä' => key.push_str("ae"),
            'ö' => key.push_str("oe"),
            'ü' => key.push_str("ue"),
            'ß' => key.push_str("ss"),
            c if c.is_alphanumeric() => key.push(c),
            _ if !key.is_empty() && !key.ends_with('-') => key.push('-'),
            _ => {}
        }
    }
    while key.ends_with('-') {
        key.pop();
    }
    key
}

/// The IRI of an actor, from its name; the same name gives the same node in every article.
pub fn actor_iri(name: &str) -> NamedNode {
    let key = actor_key(name);
    // A name with no letters or digits still needs a stable, valid IRI.
    let local = if key.is_empty() {
        format!("x-{}", hash_id(&[name]))
    } else {
        key
    };
    term(ID, &format!("actor/{local}"))
}

/// The IRI of a publishing outlet, keyed like actors.
pub fn outlet_iri(name: &str) -> NamedNode {
    let key = actor_key(name);
    let local = if key.is_empty() {
        format!("x-{}", hash_id(&[name]))
    } else {
        key
    };
    term(ID, &format!("outlet/{local}"))
}

/// Whether a subject is shared between article graphs (actors, outlets, the
/// claim-type concepts), so that its triples may occur in several graphs.
/// Everything else is minted per article and occurs in one graph only.
pub fn is_shared_subject(iri: &str) -> bool {
    [
        "https://claimgraph.dev/id/actor/",
        "https://claimgraph.dev/id/outlet/",
        CLAIM_TYPE,
        CLAIM_TYPE_SCHEME,
    ]
    .iter()
    .any(|prefix| iri.starts_with(prefix))
}

/// A literal tagged `de` / `en`; the tags are fixed and valid.
pub fn lang_literal(value: &str, lang: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(value, lang)
}

/// The SKOS triples that describe one claim type, in `graph`.
///
/// Written into each article graph for the types its claims use (so an article
/// graph reads on its own) and, for all types, into `docs/ontology.ttl`.
pub fn claim_type_quads(t: ClaimType, graph: &GraphName) -> Vec<Quad> {
    let concept = claim_type_iri(t);
    let q = |p: NamedNodeRef<'_>, o: oxigraph::model::Term| {
        Quad::new(concept.clone(), p, o, graph.clone())
    };
    vec![
        q(vocab::rdf::TYPE, skos("Concept").into()),
        q(
            skos("inScheme").as_ref(),
            NamedNode::new_unchecked(CLAIM_TYPE_SCHEME).into(),
        ),
        q(
            skos("prefLabel").as_ref(),
            lang_literal(t.label_de(), "de").into(),
        ),
        q(
            skos("prefLabel").as_ref(),
            lang_literal(t.label_en(), "en").into(),
        ),
        q(skos("notation").as_ref(), Literal::from(t.cameo()).into()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_keys_ignore_case_articles_and_spacing() {
        assert_eq!(actor_key("Die NATO"), "nato");
        assert_eq!(actor_key("  nato "), "nato");
        assert_eq!(actor_key("Antony  Blinken"), "antony-blinken");
        assert_eq!(actor_key("das Auswärtige Amt"), "auswaertige-amt");
        assert_eq!(
            actor_key("Außenministerin Baerbock"),
            "aussenministerin-baerbock"
        );
        assert_eq!(actor_key("U.S.A."), "u-s-a");
        // A lone article is a name, not an article.
        assert_eq!(actor_key("Die"), "die");
    }

    #[test]
    fn actor_iris_are_stable_and_valid() {
        assert_eq!(actor_iri("die Nato"), actor_iri("NATO"));
        assert!(actor_iri("«»")
            .as_str()
            .starts_with("https://claimgraph.dev/id/actor/x-"));
        assert_eq!(actor_display_name(" die  Nato "), "Nato");
    }

    #[test]
    fn hash_parts_are_separated() {
        assert_ne!(hash_id(&["ab", "c"]), hash_id(&["a", "bc"]));
        assert_eq!(hash_id(&["x"]).len(), 20);
    }
}

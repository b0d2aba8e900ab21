//! docs/ontology.ttl agrees with the code: the claim-type scheme and the terms the mapping uses.

mod common;

use claimgraph_kg::{ontology_quads, vocab, Store};
use claimgraph_model::ClaimType;
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, NamedNode, Term};
use std::collections::HashSet;

#[test]
fn the_claim_type_scheme_matches_claim_type() {
    let graph = NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH);
    let quads: HashSet<_> = ontology_quads(&graph).unwrap().into_iter().collect();
    for t in ClaimType::ALL {
        for quad in vocab::claim_type_quads(t, &GraphName::NamedNode(graph.clone())) {
            assert!(quads.contains(&quad), "ontology.ttl lacks {quad}");
        }
    }
    let concepts: HashSet<String> = quads
        .iter()
        .filter(|q| q.predicate == rdf::TYPE && q.object == Term::from(vocab::skos("Concept")))
        .map(|q| q.subject.to_string())
        .collect();
    let expected: HashSet<String> = ClaimType::ALL
        .iter()
        .map(|t| format!("<{}>", vocab::claim_type_iri(*t).as_str()))
        .collect();
    assert_eq!(concepts, expected);
}

#[test]
fn every_minted_term_the_store_uses_is_defined() {
    let store = Store::in_memory().unwrap();
    common::ingest_all(&store, &common::run_at(9));
    store.load_ontology().unwrap();
    let used = store
        .select(&format!(
            "SELECT DISTINCT ?t WHERE {{
               {{ ?s ?t ?o }} UNION {{ ?s a ?t }}
               FILTER(STRSTARTS(STR(?t), \"{}\"))
             }}",
            vocab::CG
        ))
        .unwrap();
    assert!(used.rows.len() >= 12, "{used:?}");
    let defined = store
        .select(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
             SELECT ?t WHERE { GRAPH ?g { ?t rdfs:label ?l ; rdfs:comment ?c } }",
        )
        .unwrap();
    let defined: HashSet<_> = defined.rows.into_iter().map(|r| r[0].clone()).collect();
    for row in used.rows {
        assert!(
            defined.contains(&row[0]),
            "{:?} is not in ontology.ttl",
            row[0]
        );
    }
}

//! The views: which nodes and edges they make of rows, and the filter.

mod common;

use claimgraph_graph::{Filter, NodeKind, Relation, View, ViewGraph};
use claimgraph_model::{ClaimType, DateValue};
use common::*;

fn node<'a>(g: &'a ViewGraph, id: &str) -> &'a claimgraph_graph::Node {
    g.graph
        .node_weights()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

fn edges_between<'a>(g: &'a ViewGraph, from: &str, to: &str) -> Vec<&'a claimgraph_graph::Edge> {
    g.graph
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = g.graph.edge_endpoints(e)?;
            (g.graph[a].id == from && g.graph[b].id == to).then(|| &g.graph[e])
        })
        .collect()
}

fn date(s: &str) -> DateValue {
    s.parse().expect("test date")
}

#[test]
fn every_view_has_the_expected_size() {
    for view in View::ALL {
        let g = ViewGraph::build(view, &sample_rows());
        assert_eq!(
            (g.node_count(), g.edge_count()),
            expected_counts(view),
            "{view}"
        );
    }
}

#[test]
fn actors_view_weights_edges_by_claims_per_type() {
    let g = ViewGraph::build(View::Actors, &sample_rows());
    let mut edges = edges_between(&g, RUSSIA, NATO);
    edges.sort_by_key(|e| e.type_name());
    assert_eq!(edges.len(), 2);
    let (demand, warn) = (edges[0], edges[1]);
    assert_eq!(demand.type_name(), "demand");
    assert_eq!(demand.relation, Relation::Addressed);
    // c1 is reported twice but is one claim.
    assert_eq!(demand.weight, 2);
    assert_eq!(demand.first(), Some(date("2022-01")));
    assert_eq!(demand.last(), Some(date("2022-01-21")));
    assert_eq!((warn.type_name(), warn.weight), ("warn", 1));

    let russia = node(&g, RUSSIA);
    assert_eq!(russia.kind, NodeKind::Country);
    assert_eq!(russia.claim_count, 3);
    assert_eq!(russia.wikidata.as_deref(), Some("Q159"));
    // Nato is first met as an addressee without a class, then as a speaker.
    assert_eq!(node(&g, NATO).kind, NodeKind::Organization);
    // Actors without addressee edges still appear, with their claim count.
    let government = node(&g, GOVERNMENT);
    assert_eq!(government.claim_count, 1);
    assert_eq!(government.first, None);
}

#[test]
fn claims_view_links_speaker_claim_article_and_addressee() {
    let g = ViewGraph::build(View::Claims, &sample_rows());
    let c1 = claim_iri(1);
    // c1 comes in two rows (two articles) but was said and addressed once.
    let said = edges_between(&g, RUSSIA, &c1);
    assert_eq!((said.len(), said[0].relation), (1, Relation::Said));
    let addressed = edges_between(&g, &c1, NATO);
    assert_eq!(
        (addressed.len(), addressed[0].relation),
        (1, Relation::AddressedTo)
    );
    assert!(g.graph.edge_weights().all(|e| e.weight == 1));
    for article in [1, 3] {
        let e = edges_between(&g, &c1, &article_iri(article));
        assert_eq!(e.len(), 1, "c1 reported in a{article}");
        assert_eq!(e[0].relation, Relation::ReportedIn);
    }
    let claim = node(&g, &c1);
    assert_eq!(claim.kind, NodeKind::Claim);
    assert_eq!(claim.claim_type, Some(ClaimType::Demand));
    assert!(claim.label.starts_with("2022-01-21 demand: verbindliche"));
    let a3 = node(&g, &article_iri(3));
    assert_eq!(
        (a3.kind, a3.label.as_str()),
        (NodeKind::Article, "artikel-3.txt")
    );
    assert_eq!(a3.claim_count, 2);
    assert_eq!(node(&g, RUSSIA).claim_count, 3);
}

#[test]
fn timeline_links_each_claim_to_the_speakers_next() {
    let g = ViewGraph::build(View::Timeline, &sample_rows());
    let next = |from: u32, to: u32| {
        edges_between(&g, &claim_iri(from), &claim_iri(to))
            .iter()
            .any(|e| e.relation == Relation::Next)
    };
    // 2022-01 comes before 2022-01-21, which comes before 2022-02-01.
    assert!(next(2, 1));
    assert!(next(1, 6));
    assert!(!next(2, 6));
    assert_eq!(node(&g, SCHOLZ).kind, NodeKind::Person);
    // No article nodes in the timeline.
    assert!(g.graph.node_weights().all(|n| n.kind != NodeKind::Article));
}

#[test]
fn views_do_not_depend_on_row_order() {
    let rows = sample_rows();
    let mut reversed = rows.clone();
    reversed.reverse();
    for view in View::ALL {
        let a = ViewGraph::build(view, &rows);
        let b = ViewGraph::build(view, &reversed);
        let ids = |g: &ViewGraph| {
            g.graph
                .node_weights()
                .map(|n| n.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&b), "{view}");
        let weights = |g: &ViewGraph| g.graph.edge_weights().cloned().collect::<Vec<_>>();
        assert_eq!(weights(&a), weights(&b), "{view}");
    }
}

#[test]
fn empty_rows_give_an_empty_graph() {
    for view in View::ALL {
        let g = ViewGraph::build(view, &[]);
        assert_eq!((g.node_count(), g.edge_count()), (0, 0));
    }
}

fn kept(filter: &Filter) -> Vec<String> {
    let mut ids: Vec<String> = sample_rows()
        .into_iter()
        .filter(|r| filter.matches(r))
        .map(|r| {
            r.claim_iri
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    ids.dedup();
    ids
}

#[test]
fn date_filter_compares_the_days_a_date_covers() {
    let filter = Filter {
        from: Some(date("2022-01-15")),
        to: Some(date("2022-01-31")),
        ..Filter::default()
    };
    // c2 is dated 2022-01, which overlaps the range; c5 has no date.
    assert_eq!(kept(&filter), ["c1", "c2", "c4"]);
    let february = Filter {
        from: Some(date("2022-02")),
        ..Filter::default()
    };
    assert_eq!(kept(&february), ["c3", "c6"]);
    let until = Filter {
        to: Some(date("2022-01-20")),
        ..Filter::default()
    };
    assert_eq!(kept(&until), ["c2"]);
}

#[test]
fn actor_and_type_filters() {
    let scholz = Filter {
        actor: Some("scholz".into()),
        ..Filter::default()
    };
    assert_eq!(kept(&scholz), ["c3"]);
    // An addressee counts too, and a Wikidata id names an actor.
    let nato = Filter {
        actor: Some("Q7184".into()),
        ..Filter::default()
    };
    assert_eq!(kept(&nato), ["c1", "c2", "c4", "c6"]);
    let warnings_to_nato = Filter {
        actor: Some(NATO.into()),
        claim_type: Some(ClaimType::Warn),
        ..Filter::default()
    };
    assert_eq!(kept(&warnings_to_nato), ["c6"]);
    assert!(Filter::default().is_empty());
    assert_eq!(kept(&Filter::default()).len(), 6);
}

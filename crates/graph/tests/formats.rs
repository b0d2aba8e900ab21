//! Each view in each format: well-formed, the right counts, attributes declared and typed.

mod common;

use claimgraph_graph::{write_graph, Format, View, ViewGraph, EDGE_ATTRS, NODE_ATTRS};
use common::xml::{elements, named};
use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn export(view: View, format: Format) -> String {
    let g = ViewGraph::build(view, &sample_rows());
    let mut out = Vec::new();
    write_graph(&g, format, &mut out).expect("export");
    String::from_utf8(out).expect("UTF-8 output")
}

#[test]
fn graphml_declares_every_key_it_uses() {
    for view in View::ALL {
        let xml = export(view, Format::Graphml);
        let all = elements(&xml);
        let (nodes, edges) = expected_counts(view);
        assert_eq!(named(&all, "node").len(), nodes, "{view}");
        assert_eq!(named(&all, "edge").len(), edges, "{view}");
        let root = &named(&all, "graphml")[0];
        assert_eq!(
            root.attr("xmlns"),
            Some("http://graphml.graphdrawing.org/xmlns")
        );
        assert_eq!(
            named(&all, "graph")[0].attr("edgedefault"),
            Some("directed")
        );

        let keys: BTreeMap<String, (String, String, String)> = named(&all, "key")
            .iter()
            .map(|k| {
                let field = |n: &str| k.attr(n).expect("key attribute").to_string();
                (
                    field("id"),
                    (field("for"), field("attr.name"), field("attr.type")),
                )
            })
            .collect();
        assert_eq!(keys.len(), NODE_ATTRS.len() + EDGE_ATTRS.len());
        assert_eq!(
            keys["n_claim_count"],
            ("node".into(), "claim_count".into(), "int".into())
        );
        assert_eq!(keys["n_confidence"].2, "double");
        assert_eq!(
            keys["e_weight"],
            ("edge".into(), "weight".into(), "int".into())
        );
        for data in named(&all, "data") {
            let key = data.attr("key").expect("data key");
            let (domain, _, ty) = keys
                .get(key)
                .unwrap_or_else(|| panic!("undeclared key {key}"));
            assert_eq!(Some(domain.as_str()), data.parent.as_deref(), "{key}");
            if ty == "int" {
                assert!(data.text.parse::<u32>().is_ok(), "{key} = {:?}", data.text);
            }
        }
        // Every edge end is a node.
        let ids: BTreeSet<&str> = named(&all, "node")
            .iter()
            .filter_map(|n| n.attr("id"))
            .collect();
        for e in named(&all, "edge") {
            assert!(ids.contains(e.attr("source").unwrap_or("")));
            assert!(ids.contains(e.attr("target").unwrap_or("")));
        }
    }
}

#[test]
fn graphml_keeps_special_characters_in_text() {
    let all = elements(&export(View::Claims, Format::Graphml));
    let texts: Vec<&str> = named(&all, "data")
        .iter()
        .filter(|d| d.attr("key") == Some("n_text"))
        .map(|d| d.text.as_str())
        .collect();
    assert!(texts.contains(&"vor \"hohen Kosten\" <für> Moskau & einem Pfad C:\\neu {x}"));
    assert!(texts.contains(&"man prüfe alle Vorschläge\nsorgfältig"));
}

#[test]
fn gexf_is_dynamic_with_dated_nodes_and_edges() {
    for view in View::ALL {
        let xml = export(view, Format::Gexf);
        let all = elements(&xml);
        let root = &named(&all, "gexf")[0];
        assert_eq!(root.attr("xmlns"), Some("http://gexf.net/1.3"));
        assert_eq!(root.attr("version"), Some("1.3"));
        assert_eq!(root.attr("xmlns:viz"), Some("http://gexf.net/1.3/viz"));
        assert_eq!(named(&all, "viz:color").len(), expected_counts(view).0);
        let graph = &named(&all, "graph")[0];
        assert_eq!(graph.attr("mode"), Some("dynamic"));
        assert_eq!(graph.attr("timeformat"), Some("date"));
        let (nodes, edges) = expected_counts(view);
        assert_eq!(named(&all, "node").len(), nodes, "{view}");
        assert_eq!(named(&all, "edge").len(), edges, "{view}");

        let declared: BTreeSet<&str> = named(&all, "attribute")
            .iter()
            .filter_map(|a| a.attr("id"))
            .collect();
        assert!(declared.contains("kind") && declared.contains("claim_count"));
        for value in named(&all, "attvalue") {
            assert!(
                declared.contains(value.attr("for").unwrap_or("")),
                "{value:?}"
            );
        }
        // Dates are days (yyyy-mm-dd), a month shown from its first day.
        for e in named(&all, "node").iter().chain(named(&all, "edge").iter()) {
            if let Some(start) = e.attr("start") {
                assert_eq!(start.len(), 10, "{start}");
            }
        }
        for e in named(&all, "edge") {
            assert!(e.attr("weight").is_some_and(|w| w.parse::<u32>().is_ok()));
        }
    }
    let all = elements(&export(View::Claims, Format::Gexf));
    let start_of = |id: &str| {
        named(&all, "node")
            .into_iter()
            .find(|n| n.attr("id") == Some(id))
            .and_then(|n| n.attr("start").map(str::to_string))
    };
    assert_eq!(start_of(&claim_iri(2)).as_deref(), Some("2022-01-01"));
    assert_eq!(start_of(&claim_iri(3)).as_deref(), Some("2022-02-14"));
    // An undated claim is there the whole time.
    assert_eq!(start_of(&claim_iri(5)), None);
}

#[test]
fn gexf_attribute_types_are_declared() {
    let all = elements(&export(View::Actors, Format::Gexf));
    let types: BTreeMap<(&str, &str), &str> = named(&all, "attribute")
        .iter()
        .filter_map(|a| Some(((a.parent.as_deref()?, a.attr("id")?), a.attr("type")?)))
        .collect();
    assert_eq!(types[&("attributes", "claim_count")], "integer");
    assert_eq!(types[&("attributes", "confidence")], "double");
    let classes: Vec<&str> = named(&all, "attributes")
        .iter()
        .filter_map(|a| a.attr("class"))
        .collect();
    assert_eq!(classes, ["node", "edge"]);
}

#[test]
fn cytoscape_json_has_elements_with_data() {
    for view in View::ALL {
        let v: Value = serde_json::from_str(&export(view, Format::Cytoscape)).expect("JSON");
        let nodes = v["elements"]["nodes"].as_array().expect("nodes");
        let edges = v["elements"]["edges"].as_array().expect("edges");
        assert_eq!((nodes.len(), edges.len()), expected_counts(view), "{view}");
        let ids: BTreeSet<&str> = nodes
            .iter()
            .filter_map(|n| n["data"]["id"].as_str())
            .collect();
        assert_eq!(ids.len(), nodes.len(), "node ids are unique");
        for e in edges {
            let d = &e["data"];
            assert!(ids.contains(d["source"].as_str().unwrap_or("")));
            assert!(ids.contains(d["target"].as_str().unwrap_or("")));
            assert!(d["weight"].is_u64() && d["type"].is_string() && d["id"].is_string());
        }
    }
    let v: Value = serde_json::from_str(&export(View::Actors, Format::Cytoscape)).expect("JSON");
    let russia = v["elements"]["nodes"]
        .as_array()
        .and_then(|n| n.iter().find(|n| n["data"]["id"] == RUSSIA))
        .expect("Russland");
    assert_eq!(russia["data"]["label"], "Russland");
    assert_eq!(russia["data"]["kind"], "country");
    assert_eq!(russia["data"]["wikidata"], "Q159");
    assert_eq!(russia["data"]["claim_count"], 3);
}

#[test]
fn plain_json_lists_nodes_and_edges() {
    for view in View::ALL {
        let v: Value = serde_json::from_str(&export(view, Format::Json)).expect("JSON");
        assert_eq!(v["view"], view.as_str());
        let nodes = v["nodes"].as_array().expect("nodes").len();
        let edges = v["edges"].as_array().expect("edges").len();
        assert_eq!((nodes, edges), expected_counts(view));
    }
    let v: Value = serde_json::from_str(&export(View::Actors, Format::Json)).expect("JSON");
    let demand = v["edges"]
        .as_array()
        .and_then(|e| e.iter().find(|e| e["type"] == "demand"))
        .expect("demand edge");
    assert_eq!(demand["source"], RUSSIA);
    assert_eq!(demand["target"], NATO);
    assert_eq!(demand["weight"], 2);
    assert_eq!(demand["first"], "2022-01");
    assert_eq!(
        demand["dates"],
        serde_json::json!(["2022-01", "2022-01-21"])
    );
}

#[test]
fn dot_quotes_ids_and_escapes_labels() {
    for view in View::ALL {
        let dot = export(view, Format::Dot);
        assert!(dot.starts_with("digraph \"claimgraph "));
        assert!(dot.trim_end().ends_with('}'));
        let edges = dot.lines().filter(|l| l.contains("\" -> \"")).count();
        let nodes = dot
            .lines()
            .filter(|l| l.starts_with("  \"") && !l.contains(" -> "))
            .count();
        assert_eq!((nodes, edges), expected_counts(view), "{view}");
    }
    let dot = export(View::Claims, Format::Dot);
    assert!(dot.contains(r#"vor \"hohen Kosten\" <für> Moskau & einem Pfad C:\\neu {x}"#));
    assert!(dot.contains(r"man prüfe alle Vorschläge\nsorgfältig"));
    let actors = export(View::Actors, Format::Dot);
    assert!(actors.contains("label=\"demand ×2\""));
    assert!(actors.contains("shape=hexagon"), "a country is a hexagon");
    assert!(actors.contains("Russland\\n(3 claims)"));
}

#[test]
fn formats_parse_from_names_and_extensions() {
    for format in Format::ALL {
        assert_eq!(format.as_str().parse::<Format>(), Ok(format));
        let file = format!("graph.{}", format.extension());
        assert_eq!(
            Format::from_extension(std::path::Path::new(&file)),
            Some(format)
        );
    }
    assert!("svg".parse::<Format>().is_err());
    for view in View::ALL {
        assert_eq!(view.as_str().parse::<View>(), Ok(view));
    }
}

//! Cytoscape.js JSON (`{"elements": {"nodes": [...], "edges": [...]}}`), which
//! Cytoscape desktop also imports as a `.cyjs` file.

use crate::attrs::{edge_values, node_values};
use crate::view::ViewGraph;
use petgraph::visit::EdgeRef;
use serde_json::{json, Map, Value};

pub fn cytoscape_value(g: &ViewGraph) -> Value {
    let nodes: Vec<Value> = g
        .graph
        .node_indices()
        .map(|ix| {
            let node = &g.graph[ix];
            let mut data = Map::new();
            data.insert("id".into(), Value::from(node.id.as_str()));
            // Cytoscape desktop shows `name`; Cytoscape.js styles usually read `label`.
            data.insert("name".into(), Value::from(node.label.as_str()));
            for (k, v) in node_values(node) {
                data.insert(k.into(), v.to_json());
            }
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<Value> = g
        .graph
        .edge_references()
        .map(|e| {
            let mut data = Map::new();
            data.insert("id".into(), Value::from(format!("e{}", e.id().index())));
            data.insert(
                "source".into(),
                Value::from(g.graph[e.source()].id.as_str()),
            );
            data.insert(
                "target".into(),
                Value::from(g.graph[e.target()].id.as_str()),
            );
            for (k, v) in edge_values(e.weight()) {
                data.insert(k.into(), v.to_json());
            }
            data.insert("label".into(), Value::from(e.weight().type_name()));
            json!({ "data": data })
        })
        .collect();
    json!({
        "data": { "name": format!("claimgraph {}", g.view) },
        "elements": { "nodes": nodes, "edges": edges },
    })
}

//! A plain node and edge list, for scripts: `{"view", "nodes": [...], "edges": [...]}`.

use crate::attrs::{edge_values, node_values};
use crate::view::ViewGraph;
use petgraph::visit::EdgeRef;
use serde_json::{json, Map, Value};

pub fn json_value(g: &ViewGraph) -> Value {
    let nodes: Vec<Value> = g
        .graph
        .node_indices()
        .map(|ix| {
            let node = &g.graph[ix];
            let mut record = Map::new();
            record.insert("id".into(), Value::from(node.id.as_str()));
            for (k, v) in node_values(node) {
                record.insert(k.into(), v.to_json());
            }
            Value::Object(record)
        })
        .collect();
    let edges: Vec<Value> = g
        .graph
        .edge_references()
        .map(|e| {
            let edge = e.weight();
            let mut record = Map::new();
            record.insert(
                "source".into(),
                Value::from(g.graph[e.source()].id.as_str()),
            );
            record.insert(
                "target".into(),
                Value::from(g.graph[e.target()].id.as_str()),
            );
            for (k, v) in edge_values(edge) {
                record.insert(k.into(), v.to_json());
            }
            // A list here, where the text formats need one string.
            let dates: Vec<String> = edge.dates.iter().map(ToString::to_string).collect();
            record.insert("dates".into(), json!(dates));
            Value::Object(record)
        })
        .collect();
    json!({ "view": g.view.as_str(), "nodes": nodes, "edges": edges })
}

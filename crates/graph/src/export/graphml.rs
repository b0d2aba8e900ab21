//! GraphML for yEd, Gephi, Cytoscape and networkx, with every attribute declared as a `<key>`.

use crate::attrs::{
    edge_values, node_values, xml_safe, AttrType, AttrValue, EDGE_ATTRS, NODE_ATTRS,
};
use crate::export::xml::{empty, end, start, text_element, XmlWriter};
use crate::view::ViewGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

pub fn write_graphml<W: Write>(g: &ViewGraph, out: &mut W) -> io::Result<()> {
    let mut w = XmlWriter::new(out)?;
    start(
        &mut w,
        "graphml",
        &[
            ("xmlns", NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA),
        ],
    )?;
    declare_keys(&mut w, "node", "n", NODE_ATTRS)?;
    declare_keys(&mut w, "edge", "e", EDGE_ATTRS)?;
    let id = format!("claimgraph-{}", g.view);
    start(&mut w, "graph", &[("id", &id), ("edgedefault", "directed")])?;
    for ix in g.graph.node_indices() {
        let node = &g.graph[ix];
        start(&mut w, "node", &[("id", &xml_safe(&node.id))])?;
        write_data(&mut w, "n", &node_values(node))?;
        end(&mut w, "node")?;
    }
    for e in g.graph.edge_references() {
        let id = format!("e{}", e.id().index());
        let source = xml_safe(&g.graph[e.source()].id);
        let target = xml_safe(&g.graph[e.target()].id);
        start(
            &mut w,
            "edge",
            &[("id", &id), ("source", &source), ("target", &target)],
        )?;
        write_data(&mut w, "e", &edge_values(e.weight()))?;
        end(&mut w, "edge")?;
    }
    end(&mut w, "graph")?;
    end(&mut w, "graphml")?;
    w.finish()
}

/// `<key id="n_label" for="node" attr.name="label" attr.type="string"/>`, one per attribute.
fn declare_keys<W: Write>(
    w: &mut XmlWriter<W>,
    domain: &str,
    prefix: &str,
    attrs: &[(&str, AttrType)],
) -> io::Result<()> {
    for (name, ty) in attrs {
        let id = format!("{prefix}_{name}");
        empty(
            w,
            "key",
            &[
                ("id", &id),
                ("for", domain),
                ("attr.name", name),
                ("attr.type", graphml_type(*ty)),
            ],
        )?;
    }
    Ok(())
}

fn write_data<W: Write>(
    w: &mut XmlWriter<W>,
    prefix: &str,
    values: &[(&str, AttrValue)],
) -> io::Result<()> {
    for (name, value) in values {
        let key = format!("{prefix}_{name}");
        text_element(w, "data", &[("key", &key)], &xml_safe(&value.to_text()))?;
    }
    Ok(())
}

fn graphml_type(ty: AttrType) -> &'static str {
    match ty {
        AttrType::String => "string",
        AttrType::Int => "int",
        AttrType::Double => "double",
    }
}

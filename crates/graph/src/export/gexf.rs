//! GEXF 1.3 for Gephi: a dynamic graph whose nodes and edges appear on the
//! day of their first claim, so Gephi's timeline plays the claims by date.

use crate::attrs::{
    edge_values, node_values, start_day, xml_safe, AttrType, AttrValue, EDGE_ATTRS, NODE_ATTRS,
};
use crate::export::xml::{empty, end, start, text_element, XmlWriter};
use crate::view::ViewGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

const NS: &str = "http://gexf.net/1.3";
const VIZ: &str = "http://gexf.net/1.3/viz";
const SCHEMA: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// Written as XML attributes of `<node>`/`<edge>` rather than as `<attvalue>`s.
const BUILT_IN: &[&str] = &["label", "weight"];

pub fn write_gexf<W: Write>(g: &ViewGraph, out: &mut W) -> io::Result<()> {
    let mut w = XmlWriter::new(out)?;
    start(
        &mut w,
        "gexf",
        &[
            ("xmlns", NS),
            ("xmlns:viz", VIZ),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA),
            ("version", "1.3"),
        ],
    )?;
    start(&mut w, "meta", &[])?;
    text_element(&mut w, "creator", &[], "claimgraph")?;
    let description = format!("claimgraph {} view: who said what, when", g.view);
    text_element(&mut w, "description", &[], &description)?;
    end(&mut w, "meta")?;
    start(
        &mut w,
        "graph",
        &[
            ("defaultedgetype", "directed"),
            ("mode", "dynamic"),
            ("timeformat", "date"),
        ],
    )?;
    declare_attributes(&mut w, "node", NODE_ATTRS)?;
    declare_attributes(&mut w, "edge", EDGE_ATTRS)?;
    write_nodes(&mut w, g)?;
    write_edges(&mut w, g)?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    w.finish()
}

fn write_nodes<W: Write>(w: &mut XmlWriter<W>, g: &ViewGraph) -> io::Result<()> {
    start(w, "nodes", &[])?;
    for ix in g.graph.node_indices() {
        let node = &g.graph[ix];
        let id = xml_safe(&node.id);
        let label = xml_safe(&node.label);
        let first = start_day(node.first);
        let mut attrs = vec![("id", id.as_str()), ("label", label.as_str())];
        if let Some(day) = &first {
            attrs.push(("start", day));
        }
        start(w, "node", &attrs)?;
        write_attvalues(w, &node_values(node))?;
        let (r, g, b) = node.kind.color();
        let (r, g, b) = (r.to_string(), g.to_string(), b.to_string());
        empty(w, "viz:color", &[("r", &r), ("g", &g), ("b", &b)])?;
        end(w, "node")?;
    }
    end(w, "nodes")
}

fn write_edges<W: Write>(w: &mut XmlWriter<W>, g: &ViewGraph) -> io::Result<()> {
    start(w, "edges", &[])?;
    for e in g.graph.edge_references() {
        let edge = e.weight();
        let id = format!("e{}", e.id().index());
        let source = xml_safe(&g.graph[e.source()].id);
        let target = xml_safe(&g.graph[e.target()].id);
        let weight = edge.weight.to_string();
        let first = start_day(edge.first());
        let mut attrs = vec![
            ("id", id.as_str()),
            ("source", source.as_str()),
            ("target", target.as_str()),
            ("label", edge.type_name()),
            ("weight", weight.as_str()),
        ];
        if let Some(day) = &first {
            attrs.push(("start", day));
        }
        start(w, "edge", &attrs)?;
        write_attvalues(w, &edge_values(edge))?;
        end(w, "edge")?;
    }
    end(w, "edges")
}

/// `<attributes class="node" mode="static">` with one `<attribute>` per attribute.
fn declare_attributes<W: Write>(
    w: &mut XmlWriter<W>,
    class: &str,
    attrs: &[(&str, AttrType)],
) -> io::Result<()> {
    start(w, "attributes", &[("class", class), ("mode", "static")])?;
    for (name, ty) in attrs.iter().filter(|(n, _)| !BUILT_IN.contains(n)) {
        empty(
            w,
            "attribute",
            &[("id", name), ("title", name), ("type", gexf_type(*ty))],
        )?;
    }
    end(w, "attributes")
}

fn write_attvalues<W: Write>(w: &mut XmlWriter<W>, values: &[(&str, AttrValue)]) -> io::Result<()> {
    start(w, "attvalues", &[])?;
    for (name, value) in values.iter().filter(|(n, _)| !BUILT_IN.contains(n)) {
        let text = xml_safe(&value.to_text());
        empty(w, "attvalue", &[("for", name), ("value", &text)])?;
    }
    end(w, "attvalues")
}

fn gexf_type(ty: AttrType) -> &'static str {
    match ty {
        AttrType::String => "string",
        AttrType::Int => "integer",
        AttrType::Double => "double",
    }
}

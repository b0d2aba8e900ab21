//! Graphviz DOT: `dot -Tsvg graph.dot > graph.svg`.

use crate::view::{Edge, Node, NodeKind, ViewGraph};
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

pub fn write_dot<W: Write>(g: &ViewGraph, out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "digraph {} {{",
        quote(&format!("claimgraph {}", g.view))
    )?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for ix in g.graph.node_indices() {
        write_node(out, &g.graph[ix])?;
    }
    for e in g.graph.edge_references() {
        let (from, to) = (&g.graph[e.source()].id, &g.graph[e.target()].id);
        write_edge(out, from, to, e.weight())?;
    }
    writeln!(out, "}}")
}

fn write_node<W: Write>(out: &mut W, node: &Node) -> io::Result<()> {
    let mut label = node.label.clone();
    if node.kind.is_actor() && node.claim_count > 0 {
        let noun = if node.claim_count == 1 {
            "claim"
        } else {
            "claims"
        };
        label.push_str(&format!("\n({} {noun})", node.claim_count));
    }
    let mut attrs = vec![
        ("label", quote(&label)),
        ("shape", shape(node.kind).to_string()),
        ("kind", quote(node.kind.as_str())),
    ];
    let (r, g, b) = node.kind.color();
    attrs.push(("fillcolor", format!("\"#{r:02x}{g:02x}{b:02x}\"")));
    let style = if node.kind == NodeKind::Actor {
        "\"filled,dashed\""
    } else {
        "filled"
    };
    attrs.push(("style", style.to_string()));
    if let Some(q) = &node.wikidata {
        attrs.push(("wikidata", quote(q)));
        attrs.push(("URL", quote(&format!("https://www.wikidata.org/wiki/{q}"))));
    }
    if let Some(d) = node.first {
        attrs.push(("date", quote(&d.to_string())));
    }
    if let Some(text) = &node.text {
        attrs.push(("tooltip", quote(text)));
    }
    writeln!(out, "  {} [{}];", quote(&node.id), join(&attrs))
}

fn write_edge<W: Write>(out: &mut W, from: &str, to: &str, edge: &Edge) -> io::Result<()> {
    let label = if edge.weight > 1 {
        format!("{} ×{}", edge.type_name(), edge.weight)
    } else {
        edge.type_name().to_string()
    };
    let mut attrs = vec![
        ("label", quote(&label)),
        ("type", quote(edge.type_name())),
        ("weight", edge.weight.to_string()),
        (
            "penwidth",
            format!("{:.1}", 1.0 + f64::from(edge.weight).ln()),
        ),
    ];
    if let Some(d) = edge.first() {
        attrs.push(("date", quote(&d.to_string())));
    }
    writeln!(
        out,
        "  {} -> {} [{}];",
        quote(from),
        quote(to),
        join(&attrs)
    )
}

fn shape(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "ellipse",
        NodeKind::Organization => "box",
        NodeKind::Country => "hexagon",
        NodeKind::Actor => "ellipse",
        NodeKind::Claim => "note",
        NodeKind::Article => "folder",
    }
}

fn join(attrs: &[(&str, String)]) -> String {
    let parts: Vec<String> = attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    parts.join(", ")
}

/// A DOT double-quoted string. Backslashes are doubled so that text such as
/// `C:\n` is not read as Graphviz's `\n` line-break escape; newlines become `\n`.
pub fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => q.push(' '),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

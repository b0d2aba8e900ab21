//! Writers of a [`ViewGraph`] in the formats visualisation tools read.

mod cytoscape;
mod dot;
mod gexf;
mod graphml;
mod json;
mod xml;

pub use cytoscape::cytoscape_value;
pub use dot::write_dot;
pub use gexf::write_gexf;
pub use graphml::write_graphml;
pub use json::json_value;

use crate::{GraphError, ViewGraph};
use std::fmt;
use std::io::Write;
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// GraphML (yEd, Gephi, Cytoscape, networkx).
    Graphml,
    /// GEXF 1.3, dynamic (Gephi's timeline).
    Gexf,
    /// Cytoscape.js elements JSON (also Cytoscape desktop's `.cyjs`).
    Cytoscape,
    /// A plain `{"nodes": [...], "edges": [...]}` list.
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Dot,
        Format::Graphml,
        Format::Gexf,
        Format::Cytoscape,
        Format::Json,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Cytoscape => "cytoscape",
            Format::Json => "json",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Cytoscape => "cyjs",
            Format::Json => "json",
        }
    }

    /// The format a file name's extension stands for (`graph.gexf` → GEXF).
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "gv" => Some(Format::Dot),
            "cyjs" => Some(Format::Cytoscape),
            other => Format::ALL.into_iter().find(|f| f.extension() == other),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "gv" => Ok(Format::Dot),
            "cyjs" => Ok(Format::Cytoscape),
            _ => Format::ALL
                .into_iter()
                .find(|f| f.as_str() == s)
                .ok_or_else(|| {
                    format!("unknown graph format {s:?} (dot, graphml, gexf, cytoscape, json)")
                }),
        }
    }
}

/// Writes `graph` to `out` in `format`.
pub fn write_graph<W: Write>(
    graph: &ViewGraph,
    format: Format,
    out: &mut W,
) -> Result<(), GraphError> {
    match format {
        Format::Dot => write_dot(graph, out)?,
        Format::Graphml => write_graphml(graph, out)?,
        Format::Gexf => write_gexf(graph, out)?,
        Format::Cytoscape => write_json(&cytoscape_value(graph), out)?,
        Format::Json => write_json(&json_value(graph), out)?,
    }
    Ok(())
}

fn write_json<W: Write>(value: &serde_json::Value, out: &mut W) -> Result<(), GraphError> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

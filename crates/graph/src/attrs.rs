//! The attributes every exporter writes, declared once so the formats agree.

use crate::row::first_day;
use crate::view::{Edge, Node};
use claimgraph_model::DateValue;

/// The value type of an attribute, as the XML formats declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    String,
    Int,
    Double,
}

/// One attribute value of a node or edge.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    String(String),
    Int(u32),
    Double(f64),
}

impl AttrValue {
    /// The value as it stands in an XML attribute or element.
    pub fn to_text(&self) -> String {
        match self {
            AttrValue::String(s) => s.clone(),
            AttrValue::Int(n) => n.to_string(),
            AttrValue::Double(x) => format!("{x}"),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            AttrValue::String(s) => serde_json::Value::from(s.as_str()),
            AttrValue::Int(n) => serde_json::Value::from(*n),
            AttrValue::Double(x) => serde_json::Value::from(*x),
        }
    }
}

/// Node attributes besides the id, in the order exporters write them.
pub const NODE_ATTRS: &[(&str, AttrType)] = &[
    ("label", AttrType::String),
    ("kind", AttrType::String),
    ("wikidata", AttrType::String),
    ("claim_type", AttrType::String),
    ("claim_count", AttrType::Int),
    ("first", AttrType::String),
    ("last", AttrType::String),
    ("text", AttrType::String),
    ("cue", AttrType::String),
    ("outlet", AttrType::String),
    ("confidence", AttrType::Double),
];

/// Edge attributes besides source and target.
pub const EDGE_ATTRS: &[(&str, AttrType)] = &[
    ("type", AttrType::String),
    ("relation", AttrType::String),
    ("claim_type", AttrType::String),
    ("weight", AttrType::Int),
    ("first", AttrType::String),
    ("last", AttrType::String),
    ("dates", AttrType::String),
];

/// The attributes a node has, by name from [`NODE_ATTRS`]; absent values are left out.
pub fn node_values(node: &Node) -> Vec<(&'static str, AttrValue)> {
    let s = |v: &str| Some(AttrValue::String(v.to_string()));
    let values = [
        ("label", s(&node.label)),
        ("kind", s(node.kind.as_str())),
        ("wikidata", node.wikidata.as_deref().and_then(s)),
        ("claim_type", node.claim_type.and_then(|t| s(t.as_str()))),
        ("claim_count", Some(AttrValue::Int(node.claim_count))),
        (
            "first",
            node.first.map(|d| AttrValue::String(d.to_string())),
        ),
        ("last", node.last.map(|d| AttrValue::String(d.to_string()))),
        ("text", node.text.as_deref().and_then(s)),
        ("cue", node.cue.as_deref().and_then(s)),
        ("outlet", node.outlet.as_deref().and_then(s)),
        (
            "confidence",
            node.confidence.map(|c| AttrValue::Double(round(c))),
        ),
    ];
    values
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

/// The attributes an edge has, by name from [`EDGE_ATTRS`]; absent values are left out.
pub fn edge_values(edge: &Edge) -> Vec<(&'static str, AttrValue)> {
    let date = |d: Option<DateValue>| d.map(|d| AttrValue::String(d.to_string()));
    let dates = (!edge.dates.is_empty()).then(|| {
        let list: Vec<String> = edge.dates.iter().map(ToString::to_string).collect();
        AttrValue::String(list.join(" "))
    });
    let values = [
        (
            "type",
            Some(AttrValue::String(edge.type_name().to_string())),
        ),
        (
            "relation",
            Some(AttrValue::String(edge.relation.as_str().to_string())),
        ),
        (
            "claim_type",
            edge.claim_type
                .map(|t| AttrValue::String(t.as_str().to_string())),
        ),
        ("weight", Some(AttrValue::Int(edge.weight))),
        ("first", date(edge.first())),
        ("last", date(edge.last())),
        ("dates", dates),
    ];
    values
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

/// An f32 confidence as the f64 a reader expects (0.9, not 0.8999999761581421).
fn round(x: f32) -> f64 {
    (f64::from(x) * 1e6).round() / 1e6
}

/// The day a timeline starts showing a date: `2022-01` shows from 2022-01-01.
pub fn start_day(date: Option<DateValue>) -> Option<String> {
    date.as_ref().and_then(first_day).map(|d| d.to_string())
}

/// Removes characters XML 1.0 cannot carry (control characters other than tab and newlines).
pub fn xml_safe(s: &str) -> String {
    s.chars().filter(|&c| is_xml_char(c)).collect()
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{fffd}' | '\u{10000}'..)
}

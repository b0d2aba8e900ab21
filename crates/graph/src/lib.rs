//! Projections of a claimgraph store into graphs, and their exporters.
//!
//! The flow is one way: [`load_rows`] reads claims from the store as flat
//! [`ClaimRow`]s (narrowed by a [`Filter`]), [`ViewGraph::build`] projects them
//! into a petgraph graph for one [`View`], and [`write_graph`] writes that graph
//! as Graphviz DOT, GraphML, GEXF, Cytoscape.js JSON or a plain JSON list.
//! Views and exporters know nothing of RDF: rows can also be built in code.
//!
//! ```
//! use claimgraph_graph::{write_graph, ClaimRow, Format, View, ViewGraph};
//! use claimgraph_model::{ActorKind, ClaimType};
//!
//! let row = ClaimRow {
//!     claim_iri: "https://example.org/claim/1".into(),
//!     speaker_iri: "https://example.org/actor/a".into(),
//!     speaker_label: "Regierung A".into(),
//!     speaker_kind: Some(ActorKind::Organization),
//!     speaker_wikidata: None,
//!     addressee_iri: Some("https://example.org/actor/b".into()),
//!     addressee_label: Some("Land B".into()),
//!     addressee_kind: Some(ActorKind::Country),
//!     addressee_wikidata: None,
//!     claim_type: ClaimType::Demand,
//!     cue: "forderte".into(),
//!     content: "den Abzug der Truppen".into(),
//!     date: "2022-01-21".parse().ok(),
//!     article_iri: "https://example.org/article/1".into(),
//!     article_id: "a1.txt".into(),
//!     article_title: None,
//!     outlet: None,
//!     sentence: "Regierung A forderte von Land B den Abzug der Truppen.".into(),
//!     confidence: 0.9,
//! };
//! let graph = ViewGraph::build(View::Actors, &[row]);
//! assert_eq!((graph.node_count(), graph.edge_count()), (2, 1));
//! let mut dot = Vec::new();
//! write_graph(&graph, Format::Dot, &mut dot).unwrap();
//! assert!(String::from_utf8(dot).unwrap().contains("demand"));
//! ```

mod attrs;
mod error;
mod export;
mod load;
mod row;
mod view;

pub use attrs::{edge_values, node_values, AttrType, AttrValue, EDGE_ATTRS, NODE_ATTRS};
pub use error::GraphError;
pub use export::{
    cytoscape_value, json_value, write_dot, write_gexf, write_graph, write_graphml, Format,
};
pub use load::{load_rows, CLAIM_ROWS_QUERY};
pub use row::{day_range, first_day, last_day, ClaimRow, Filter};
pub use view::{Edge, Node, NodeKind, Relation, View, ViewGraph};

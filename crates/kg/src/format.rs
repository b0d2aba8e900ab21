//! Output formats: SPARQL results (SELECT/ASK) and RDF (export, CONSTRUCT/DESCRIBE).

use crate::KgError;
use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;
use std::fmt;
use std::str::FromStr;

/// How SELECT and ASK results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultFormat {
    /// Aligned columns for a terminal: plain values, IRIs shortened with known prefixes.
    #[default]
    Table,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL Query Results XML.
    Xml,
}

impl ResultFormat {
    pub const ALL: [ResultFormat; 5] = [Self::Table, Self::Csv, Self::Tsv, Self::Json, Self::Xml];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::Csv => "csv",
            Self::Tsv => "tsv",
            Self::Json => "json",
            Self::Xml => "xml",
        }
    }

    /// The standard results format, `None` for the table.
    pub fn sparql_format(&self) -> Option<QueryResultsFormat> {
        match self {
            Self::Table => None,
            Self::Csv => Some(QueryResultsFormat::Csv),
            Self::Tsv => Some(QueryResultsFormat::Tsv),
            Self::Json => Some(QueryResultsFormat::Json),
            Self::Xml => Some(QueryResultsFormat::Xml),
        }
    }
}

impl fmt::Display for ResultFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ResultFormat {
    type Err = KgError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| KgError::UnknownFormat {
                what: "results format",
                value: s.to_string(),
                expected: "table, csv, tsv, json, xml",
            })
    }
}

/// How RDF is written: by `export` and for CONSTRUCT/DESCRIBE results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RdfOutFormat {
    /// Turtle: the union of all graphs, with prefixes.
    #[default]
    Turtle,
    /// N-Triples: the union of all graphs, one triple a line.
    NTriples,
    /// N-Quads: every quad with its graph; streams in bounded memory.
    NQuads,
    /// TriG: Turtle with the named graphs.
    TriG,
}

impl RdfOutFormat {
    pub const ALL: [RdfOutFormat; 4] = [Self::Turtle, Self::NTriples, Self::NQuads, Self::TriG];

    /// The short name used on the command line (also the usual file extension).
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Turtle => "ttl",
            Self::NTriples => "nt",
            Self::NQuads => "nq",
            Self::TriG => "trig",
        }
    }

    pub fn rdf_format(&self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads => RdfFormat::NQuads,
            Self::TriG => RdfFormat::TriG,
        }
    }

    /// Whether the format keeps named graphs.
    pub fn keeps_graphs(&self) -> bool {
        matches!(self, Self::NQuads | Self::TriG)
    }
}

impl fmt::Display for RdfOutFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RdfOutFormat {
    type Err = KgError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.to_ascii_lowercase();
        let found = match s.as_str() {
            "ttl" | "turtle" => Self::Turtle,
            "nt" | "ntriples" | "n-triples" => Self::NTriples,
            "nq" | "nquads" | "n-quads" => Self::NQuads,
            "trig" => Self::TriG,
            _ => {
                return Err(KgError::UnknownFormat {
                    what: "RDF format",
                    value: s,
                    expected: "ttl, nt, nq, trig",
                })
            }
        };
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_their_names() {
        for f in ResultFormat::ALL {
            assert_eq!(f.as_str().parse::<ResultFormat>().unwrap(), f);
        }
        for f in RdfOutFormat::ALL {
            assert_eq!(f.as_str().parse::<RdfOutFormat>().unwrap(), f);
        }
        assert_eq!(
            "Turtle".parse::<RdfOutFormat>().unwrap(),
            RdfOutFormat::Turtle
        );
        assert!("yaml".parse::<ResultFormat>().is_err());
        assert!("json".parse::<RdfOutFormat>().is_err());
    }
}

//! Content negotiation: the `format` parameter first, then the `Accept` header.
//!
//! SELECT and ASK answer in a SPARQL results format, CONSTRUCT and DESCRIBE in
//! an RDF format; the two are negotiated separately because `xml` or
//! `application/json` mean different formats for each.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// What a client asked for could not be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAcceptable {
    pub asked: String,
    pub offered: &'static str,
}

impl std::fmt::Display for NotAcceptable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot answer this query as {:?}; available: {}",
            self.asked, self.offered
        )
    }
}

pub const RESULTS_OFFERED: &str = "application/sparql-results+json (json), \
application/sparql-results+xml (xml), text/csv (csv), text/tab-separated-values (tsv)";

pub const RDF_OFFERED: &str = "text/turtle (ttl), application/n-triples (nt), \
application/n-quads (nq), application/trig (trig), application/rdf+xml (rdfxml), \
application/ld+json (jsonld)";

/// The results format for a SELECT or ASK query; JSON when nothing is asked.
pub fn results_format(
    format: Option<&str>,
    accept: Option<&str>,
) -> Result<QueryResultsFormat, NotAcceptable> {
    negotiate(
        format,
        accept,
        QueryResultsFormat::Json,
        QueryResultsFormat::from_media_type,
        QueryResultsFormat::from_extension,
        RESULTS_OFFERED,
    )
}

/// The RDF format for a CONSTRUCT or DESCRIBE query; Turtle when nothing is asked.
pub fn rdf_format(format: Option<&str>, accept: Option<&str>) -> Result<RdfFormat, NotAcceptable> {
    negotiate(
        format,
        accept,
        RdfFormat::Turtle,
        rdf_media_type,
        rdf_format_name,
        RDF_OFFERED,
    )
}

/// Oxigraph's media types, but not N3 (it has no serialiser worth offering here).
fn rdf_media_type(media_type: &str) -> Option<RdfFormat> {
    RdfFormat::from_media_type(media_type).filter(|f| *f != RdfFormat::N3)
}

fn rdf_format_name(name: &str) -> Option<RdfFormat> {
    match name.to_ascii_lowercase().as_str() {
        "turtle" => Some(RdfFormat::Turtle),
        "ntriples" | "n-triples" => Some(RdfFormat::NTriples),
        "nquads" | "n-quads" => Some(RdfFormat::NQuads),
        "rdfxml" | "rdf-xml" | "rdf/xml" => Some(RdfFormat::RdfXml),
        "json-ld" => Some(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        }),
        other => RdfFormat::from_extension(other).filter(|f| *f != RdfFormat::N3),
    }
}

/// `format` wins over `Accept`; in `Accept`, higher `q` wins, then earlier;
/// a wildcard takes the default. Nothing asked gives the default.
fn negotiate<F: Copy>(
    format: Option<&str>,
    accept: Option<&str>,
    default: F,
    by_media_type: impl Fn(&str) -> Option<F>,
    by_name: impl Fn(&str) -> Option<F>,
    offered: &'static str,
) -> Result<F, NotAcceptable> {
    if let Some(format) = format.map(str::trim).filter(|f| !f.is_empty()) {
        let found = if format.contains('/') {
            by_media_type(format)
        } else {
            by_name(format)
        };
        return found.ok_or_else(|| NotAcceptable {
            asked: format.to_string(),
            offered,
        });
    }
    let Some(accept) = accept.map(str::trim).filter(|a| !a.is_empty()) else {
        return Ok(default);
    };
    for range in media_ranges(accept) {
        if is_wildcard(&range) {
            return Ok(default);
        }
        if let Some(found) = by_media_type(&range) {
            return Ok(found);
        }
    }
    Err(NotAcceptable {
        asked: accept.to_string(),
        offered,
    })
}

fn is_wildcard(range: &str) -> bool {
    let media = range.split(';').next().unwrap_or_default().trim();
    matches!(media, "*/*" | "*" | "application/*" | "text/*")
}

/// The media ranges of an `Accept` header, best first, without those of `q=0`.
fn media_ranges(accept: &str) -> Vec<String> {
    let mut ranges: Vec<(u32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, range)| {
            let range = range.trim();
            let q = quality(range);
            (!range.is_empty() && q > 0).then(|| (q, i, range.to_ascii_lowercase()))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.into_iter().map(|(_, _, r)| r).collect()
}

/// A range's `q` in thousandths (1000 when absent or unreadable).
fn quality(range: &str) -> u32 {
    range
        .split(';')
        .skip(1)
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
        .and_then(|(_, v)| v.trim().parse::<f32>().ok())
        .map(|q| (q.clamp(0.0, 1.0) * 1000.0).round() as u32)
        .unwrap_or(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_asked_gives_the_defaults() {
        assert_eq!(results_format(None, None), Ok(QueryResultsFormat::Json));
        assert_eq!(rdf_format(None, Some("*/*")), Ok(RdfFormat::Turtle));
    }

    #[test]
    fn accept_is_ordered_by_quality() {
        let accept = "text/csv;q=0.5, application/sparql-results+xml";
        assert_eq!(
            results_format(None, Some(accept)),
            Ok(QueryResultsFormat::Xml)
        );
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(
            results_format(None, Some(browser)),
            Ok(QueryResultsFormat::Xml)
        );
        assert_eq!(
            rdf_format(None, Some("text/html;q=1, */*;q=0.1")),
            Ok(RdfFormat::Turtle)
        );
    }

    #[test]
    fn the_format_parameter_wins() {
        assert_eq!(
            results_format(Some("tsv"), Some("text/csv")),
            Ok(QueryResultsFormat::Tsv)
        );
        assert_eq!(rdf_format(Some("nt"), None), Ok(RdfFormat::NTriples));
        assert_eq!(rdf_format(Some("rdfxml"), None), Ok(RdfFormat::RdfXml));
        assert_eq!(rdf_format(Some("text/turtle"), None), Ok(RdfFormat::Turtle));
        assert!(results_format(Some("turtle"), None).is_err());
    }

    #[test]
    fn unsupported_types_are_not_acceptable() {
        let err = results_format(None, Some("image/png")).unwrap_err();
        assert!(err.to_string().contains("text/csv"), "{err}");
        assert!(rdf_format(None, Some("text/n3")).is_err());
        assert!(results_format(None, Some("text/csv;q=0")).is_err());
    }
}

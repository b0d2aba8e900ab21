//! The ready queries of `queries/*.rq`, compiled in, and their parameters.
//!
//! A parameter is declared in the query itself by a line of the form
//!
//! ```sparql
//!   VALUES ?name { "Lawrow" }
//! ```
//!
//! so that the file runs unchanged in any SPARQL engine (with its default value).
//! [`bind_params`] replaces that line's value with the given one, written as an
//! escaped SPARQL string literal, so a value can never change the query's shape.

use crate::{KgError, Result};
use oxigraph::model::Literal;

/// Name and text of every ready query, in the order `claimgraph query --list` shows them.
pub fn named_queries() -> &'static [(&'static str, &'static str)] {
    &[
        (
            "who-said-what",
            include_str!("../../../queries/who-said-what.rq"),
        ),
        ("actor", include_str!("../../../queries/actor.rq")),
        ("actors", include_str!("../../../queries/actors.rq")),
        ("demands", include_str!("../../../queries/demands.rq")),
        (
            "denials-rejections",
            include_str!("../../../queries/denials-rejections.rq"),
        ),
        ("timeline", include_str!("../../../queries/timeline.rq")),
        (
            "multi-article",
            include_str!("../../../queries/multi-article.rq"),
        ),
        (
            "corroborated",
            include_str!("../../../queries/corroborated.rq"),
        ),
        (
            "single-source",
            include_str!("../../../queries/single-source.rq"),
        ),
    ]
}

/// The text of a ready query by name (with or without `.rq`).
pub fn named_query(name: &str) -> Option<&'static str> {
    let name = name.strip_suffix(".rq").unwrap_or(name);
    named_queries()
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The question a query answers: its leading `#` comment lines, without the `#`.
pub fn query_description(sparql: &str) -> String {
    sparql
        .lines()
        .map(str::trim)
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A parameter a query declares, with the value it has when not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryParam {
    pub name: String,
    pub default: String,
}

/// The parameters a query declares (its `VALUES ?name { "…" }` lines).
pub fn query_params(sparql: &str) -> Vec<QueryParam> {
    sparql
        .lines()
        .filter_map(parse_values_line)
        .map(|(name, value)| QueryParam {
            name: name.to_string(),
            default: unquote(value),
        })
        .collect()
}

/// Splits a `NAME=VALUE` argument (as given to `--param`).
pub fn parse_param(arg: &str) -> Result<(String, String)> {
    match arg.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(KgError::BadParam(arg.to_string())),
    }
}

/// The query with each given parameter's `VALUES` line set to the given value.
///
/// A name the query does not declare is an error that lists the declared ones.
pub fn bind_params(sparql: &str, params: &[(String, String)]) -> Result<String> {
    let declared = query_params(sparql);
    for (name, _) in params {
        if !declared.iter().any(|p| &p.name == name) {
            let names: Vec<&str> = declared.iter().map(|p| p.name.as_str()).collect();
            return Err(KgError::UnknownParam {
                name: name.clone(),
                declared: if names.is_empty() {
                    "no parameters".to_string()
                } else {
                    names.join(", ")
                },
            });
        }
    }
    let mut out = String::with_capacity(sparql.len());
    for line in sparql.split_inclusive('\n') {
        let bound = parse_values_line(line).and_then(|(name, _)| {
            let (_, value) = params.iter().rev().find(|(n, _)| n == name)?;
            let indent = &line[..line.len() - line.trim_start().len()];
            let newline = if line.ends_with('\n') { "\n" } else { "" };
            let literal = Literal::new_simple_literal(value.as_str());
            Some(format!("{indent}VALUES ?{name} {{ {literal} }}{newline}"))
        });
        out.push_str(bound.as_deref().unwrap_or(line));
    }
    Ok(out)
}

/// `VALUES ?name { value }` on one line → (`name`, `value`).
fn parse_values_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim().strip_prefix("VALUES")?.trim_start();
    let rest = rest.strip_prefix('?')?;
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let (name, rest) = rest.split_at(name_end);
    let body = rest.trim().strip_prefix('{')?.strip_suffix('}')?;
    (!name.is_empty()).then_some((name, body.trim()))
}

/// The value of a simple string literal as written in a query.
fn unquote(value: &str) -> String {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .map(|v| v.replace("\\\"", "\"").replace("\\\\", "\\"))
        .unwrap_or_else(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q: &str = "# Who?\nSELECT * WHERE {\n  VALUES ?name { \"Lawrow\" }\n  ?s ?p ?name\n}\n";

    #[test]
    fn params_are_found_with_their_defaults() {
        assert_eq!(
            query_params(Q),
            vec![QueryParam {
                name: "name".into(),
                default: "Lawrow".into()
            }]
        );
    }

    #[test]
    fn values_are_bound_as_escaped_literals() {
        let bound = bind_params(Q, &[("name".into(), "x\" } ; DROP ALL # \\".into())]).unwrap();
        assert!(bound.contains("  VALUES ?name { \"x\\\" } ; DROP ALL # \\\\\" }\n"));
        assert_eq!(query_params(&bound)[0].default, "x\" } ; DROP ALL # \\");
        assert!(bound.starts_with("# Who?\nSELECT * WHERE {\n"));
    }

    #[test]
    fn unknown_params_are_refused() {
        let err = bind_params(Q, &[("topic".into(), "x".into())]).unwrap_err();
        assert!(err.to_string().contains("declares: name"), "{err}");
        assert!(parse_param("novalue").is_err());
        assert_eq!(parse_param("a=b=c").unwrap(), ("a".into(), "b=c".into()));
    }

    #[test]
    fn every_named_query_has_a_description() {
        for (name, text) in named_queries() {
            assert!(!query_description(text).is_empty(), "{name} has no comment");
            assert_eq!(named_query(name), Some(*text));
        }
        assert!(named_query("actor.rq").is_some());
    }
}

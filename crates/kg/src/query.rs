//! SPARQL over the store: the default graph is the union of all named graphs.

use crate::format::{RdfOutFormat, ResultFormat};
use crate::store::{rdf_serializer, Store};
use crate::vocab;
use crate::{KgError, Result};
use oxigraph::model::Term;
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{QueryResults, QuerySolutionIter, SparqlEvaluator};
use std::io::Write;

/// The rows of a SELECT query, for callers that read values rather than print them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solutions {
    pub variables: Vec<String>,
    /// One entry per variable; `None` where it is unbound.
    pub rows: Vec<Vec<Option<Term>>>,
}

impl Solutions {
    /// The column of `variable`, if the query has it.
    pub fn column(&self, variable: &str) -> Option<usize> {
        self.variables.iter().position(|v| v == variable)
    }

    /// The values of one column shown plainly (as in the table), `""` when unbound.
    pub fn plain_column(&self, variable: &str) -> Vec<String> {
        let Some(i) = self.column(variable) else {
            return Vec::new();
        };
        self.rows
            .iter()
            .map(|row| row[i].as_ref().map(plain_term).unwrap_or_default())
            .collect()
    }
}

/// What a query produced, once it has been written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuerySummary {
    /// A SELECT query and the number of rows written.
    Solutions(usize),
    /// An ASK query and its answer.
    Boolean(bool),
    /// A CONSTRUCT or DESCRIBE query and the number of triples written.
    Graph(usize),
}

impl Store {
    /// Runs a SPARQL query and writes its results: SELECT and ASK as `results`,
    /// CONSTRUCT and DESCRIBE as `graph`.
    ///
    /// Unless the query names its own dataset (`FROM`), the default graph is
    /// the union of all named graphs. Syntax errors come back as
    /// [`KgError::QuerySyntax`] with the parser's message.
    pub fn query<W: Write>(
        &self,
        sparql: &str,
        results: ResultFormat,
        graph: RdfOutFormat,
        out: W,
    ) -> Result<QuerySummary> {
        write_results(self.execute(sparql)?, results, graph, out)
    }

    /// Runs a SELECT query and returns its rows.
    pub fn select(&self, sparql: &str) -> Result<Solutions> {
        let QueryResults::Solutions(solutions) = self.execute(sparql)? else {
            return Err(KgError::UnsupportedFormat("only a SELECT query", "rows"));
        };
        let variables = solutions
            .variables()
            .iter()
            .map(|v| v.as_str().to_string())
            .collect();
        let mut rows = Vec::new();
        for solution in solutions {
            let solution = solution?;
            rows.push(solution.values().to_vec());
        }
        Ok(Solutions { variables, rows })
    }

    fn execute(&self, sparql: &str) -> Result<QueryResults<'static>> {
        let mut prepared = SparqlEvaluator::new().parse_query(sparql)?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(prepared.on_store(self.oxigraph()).execute()?)
    }
}

/// Writes query results, wherever they come from (the local store, or a remote
/// endpoint's parsed reply): SELECT and ASK as `results`, CONSTRUCT and
/// DESCRIBE as `graph`.
pub fn write_results<W: Write>(
    query_results: QueryResults<'_>,
    results: ResultFormat,
    graph: RdfOutFormat,
    mut out: W,
) -> Result<QuerySummary> {
    let summary = match query_results {
        QueryResults::Solutions(solutions) => {
            QuerySummary::Solutions(write_solutions(solutions, results, &mut out)?)
        }
        QueryResults::Boolean(value) => {
            write_boolean(value, results, &mut out)?;
            QuerySummary::Boolean(value)
        }
        QueryResults::Graph(triples) => {
            let mut serializer = rdf_serializer(graph)?.for_writer(&mut out);
            let mut n = 0;
            for triple in triples {
                serializer.serialize_triple(&triple?)?;
                n += 1;
            }
            serializer.finish()?;
            QuerySummary::Graph(n)
        }
    };
    out.flush()?;
    Ok(summary)
}

fn write_solutions<W: Write>(
    solutions: QuerySolutionIter<'_>,
    format: ResultFormat,
    out: &mut W,
) -> Result<usize> {
    let Some(sparql_format) = format.sparql_format() else {
        return write_table(solutions, out);
    };
    let variables = solutions.variables().to_vec();
    let mut serializer = QueryResultsSerializer::from_format(sparql_format)
        .serialize_solutions_to_writer(out, variables)?;
    let mut n = 0;
    for solution in solutions {
        serializer.serialize(&solution?)?;
        n += 1;
    }
    serializer.finish()?;
    Ok(n)
}

fn write_boolean<W: Write>(value: bool, format: ResultFormat, out: &mut W) -> Result<()> {
    match format.sparql_format() {
        None => writeln!(out, "{value}")?,
        Some(f) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, value)?;
        }
    }
    Ok(())
}

/// Widest a column other than the last may be in a table; longer values are cut with `…`.
const MAX_COLUMN: usize = 48;

/// Aligned columns: a header, a rule, one line per row. The last column is
/// neither padded nor cut, so long content stays readable at the end of a line.
fn write_table<W: Write>(solutions: QuerySolutionIter<'_>, out: &mut W) -> Result<usize> {
    let header: Vec<String> = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_string())
        .collect();
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution?;
        let cells: Vec<String> = solution
            .values()
            .iter()
            .map(|t| t.as_ref().map(plain_term).unwrap_or_default())
            .map(|s| one_line(&s))
            .collect();
        rows.push(cells);
    }
    let last = header.len().saturating_sub(1);
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            let widest = rows
                .iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].chars().count()])
                .max()
                .unwrap_or(0);
            if i == last {
                widest
            } else {
                widest.min(MAX_COLUMN)
            }
        })
        .collect();
    write_table_line(out, &header, &widths)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    write_table_line(out, &rule, &widths)?;
    for row in &rows {
        write_table_line(out, row, &widths)?;
    }
    Ok(rows.len())
}

fn write_table_line<W: Write>(out: &mut W, cells: &[String], widths: &[usize]) -> Result<()> {
    let last = cells.len().saturating_sub(1);
    let mut line = String::new();
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if i == last {
            line.push_str(cell);
        } else {
            let cut = cut(cell, *width);
            let pad = width.saturating_sub(cut.chars().count());
            line.push_str(&cut);
            line.push_str(&" ".repeat(pad + 2));
        }
    }
    writeln!(out, "{}", line.trim_end())?;
    Ok(())
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A term as a reader wants it: a literal's value without quotes or datatype,
/// an IRI shortened with a known prefix (`actor:antony-blinken`), else `<…>`.
pub fn plain_term(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => shorten_iri(n.as_str()),
        other => other.to_string(),
    }
}

/// `prefix:local` for an IRI in a known namespace, else the IRI in angle brackets.
pub fn shorten_iri(iri: &str) -> String {
    vocab::PREFIXES
        .iter()
        .find_map(|(prefix, ns)| {
            iri.strip_prefix(ns)
                .filter(|local| !local.is_empty())
                .map(|local| format!("{prefix}:{local}"))
        })
        .unwrap_or_else(|| format!("<{iri}>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_shorten_with_the_most_specific_prefix() {
        assert_eq!(
            shorten_iri("https://claimgraph.dev/id/actor/antony-blinken"),
            "actor:antony-blinken"
        );
        assert_eq!(shorten_iri("http://schema.org/Claim"), "schema:Claim");
        assert_eq!(
            shorten_iri("http://example.org/x"),
            "<http://example.org/x>"
        );
    }

    #[test]
    fn long_cells_are_cut() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
        assert_eq!(one_line("a\n  b"), "a b");
    }
}

//! The SPARQL 1.1 Protocol at `/sparql`: reading the operation from the
//! request, evaluating it under a deadline and a result limit, and writing the
//! results in the negotiated format.

use crate::http::{decode_form, HttpRequest, Reply};
use crate::negotiate::{rdf_format, results_format};
use claimgraph_kg::{vocab, Store};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryDatasetSpecification, QueryEvaluationError, QueryResults,
    QuerySolution, SparqlEvaluator, Variable,
};
use spargebra::{Query, SparqlParser};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Set on every query reply: `true` when the results were cut at the limit.
pub const TRUNCATED_HEADER: &str = "X-Claimgraph-Truncated";
/// Set on every query reply: the most rows (or triples) one reply holds.
pub const RESULT_LIMIT_HEADER: &str = "X-Claimgraph-Result-Limit";

/// What the endpoint evaluates, with its limits.
pub struct Endpoint<'a> {
    pub store: &'a Store,
    pub allow_update: bool,
    pub timeout: Duration,
    pub max_results: usize,
}

/// A SPARQL operation as the protocol carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Operation {
    Query {
        text: String,
        default_graphs: Vec<String>,
        named_graphs: Vec<String>,
    },
    Update {
        text: String,
    },
}

impl Endpoint<'_> {
    /// Answers a GET or POST to `/sparql`.
    pub fn answer(&self, request: &HttpRequest) -> Reply {
        let operation = match read_operation(request) {
            Ok(op) => op,
            Err(reply) => return reply,
        };
        match operation {
            Operation::Query {
                text,
                default_graphs,
                named_graphs,
            } => {
                let format = request.param("format");
                let accept = request.header("Accept");
                self.query(
                    &text,
                    &default_graphs,
                    &named_graphs,
                    format.as_deref(),
                    accept,
                )
            }
            Operation::Update { text } => self.update(&text),
        }
    }

    fn query(
        &self,
        text: &str,
        default_graphs: &[String],
        named_graphs: &[String],
        format: Option<&str>,
        accept: Option<&str>,
    ) -> Reply {
        let query = match SparqlParser::new().parse_query(text) {
            Ok(q) => q,
            Err(e) => return Reply::text(400, format!("SPARQL syntax error: {e}")),
        };
        let is_graph = matches!(query, Query::Construct { .. } | Query::Describe { .. });
        let output = if is_graph {
            rdf_format(format, accept).map(Output::Graph)
        } else {
            results_format(format, accept).map(Output::Results)
        };
        let output = match output {
            Ok(o) => o,
            Err(e) => return Reply::text(406, e.to_string()),
        };
        let token = CancellationToken::new();
        let mut prepared = SparqlEvaluator::new()
            .with_cancellation_token(token.clone())
            .for_query(query);
        if let Err(reply) = set_dataset(prepared.dataset_mut(), default_graphs, named_graphs) {
            return reply;
        }
        let _deadline = match Deadline::start(token, self.timeout) {
            Ok(d) => d,
            Err(e) => return Reply::text(503, format!("cannot start the query's timer: {e}")),
        };
        let evaluated = prepared
            .on_store(self.store.oxigraph())
            .execute()
            .and_then(|results| Collected::collect(results, self.max_results));
        match evaluated {
            Ok(collected) => self.write(collected, output),
            Err(e) => self.evaluation_error(&e),
        }
    }

    fn evaluation_error(&self, e: &QueryEvaluationError) -> Reply {
        match e {
            QueryEvaluationError::Cancelled => Reply::text(
                503,
                format!(
                    "the query was cancelled after its time limit of {} s; \
                     narrow it (LIMIT, more specific patterns) or raise the server's timeout",
                    self.timeout.as_secs_f64()
                ),
            ),
            other => Reply::text(500, format!("SPARQL evaluation error: {other}")),
        }
    }

    fn write(&self, collected: Collected, output: Output) -> Reply {
        let truncated = collected.truncated();
        let written = match (collected, output) {
            (
                Collected::Solutions {
                    variables, rows, ..
                },
                Output::Results(format),
            ) => write_solutions(variables, &rows, format).map(|body| (body, format.media_type())),
            (Collected::Boolean(value), Output::Results(format)) => {
                write_boolean(value, format).map(|body| (body, format.media_type()))
            }
            (Collected::Triples { triples, .. }, Output::Graph(format)) => {
                write_triples(&triples, format).map(|body| (body, format.media_type()))
            }
            // The output was negotiated from the query's form, so they always agree.
            _ => return Reply::text(500, "internal error: results and format disagree"),
        };
        match written {
            Ok((body, media_type)) => Reply::new(200, &content_type(media_type), body)
                .with_header(TRUNCATED_HEADER, truncated.to_string())
                .with_header(RESULT_LIMIT_HEADER, self.max_results.to_string()),
            Err(e) => Reply::text(500, format!("cannot write the results: {e}")),
        }
    }

    fn update(&self, text: &str) -> Reply {
        if !self.allow_update {
            return Reply::text(
                403,
                "SPARQL Update is not allowed: this endpoint is read-only. \
                 Start the server with updates allowed (claimgraph serve --allow-update) to change the store.",
            );
        }
        let update = match SparqlEvaluator::new().parse_update(text) {
            Ok(u) => u,
            Err(e) => return Reply::text(400, format!("SPARQL syntax error: {e}")),
        };
        match update.on_store(self.store.oxigraph()).execute() {
            Ok(()) => Reply::text(200, "update done"),
            Err(e) => Reply::text(500, format!("SPARQL update error: {e}")),
        }
    }
}

/// Text formats get their charset said, so browsers show umlauts right.
fn content_type(media_type: &str) -> String {
    if media_type.starts_with("text/") && !media_type.contains("charset") {
        format!("{media_type}; charset=utf-8")
    } else {
        media_type.to_string()
    }
}

/// Reads the operation from the four forms the protocol allows.
fn read_operation(request: &HttpRequest) -> Result<Operation, Reply> {
    let url_params = request.params();
    match request.method.as_str() {
        "GET" => {
            if first(&url_params, "update").is_some() {
                return Err(Reply::text(
                    400,
                    "SPARQL Update must be sent with POST, not GET",
                ));
            }
            let text = first(&url_params, "query").ok_or_else(|| {
                Reply::text(
                    400,
                    "missing query: send ?query=… (GET), or POST a form with query= or update=, \
                     or POST application/sparql-query or application/sparql-update",
                )
            })?;
            Ok(query_operation(text, &url_params))
        }
        "POST" => read_post(request, &url_params),
        other => Err(Reply::text(
            405,
            format!("{other} is not supported at /sparql; use GET or POST"),
        )
        .with_header("Allow", "GET, POST, OPTIONS")),
    }
}

fn read_post(request: &HttpRequest, url_params: &[(String, String)]) -> Result<Operation, Reply> {
    let content_type = request.content_type().unwrap_or_default();
    match content_type.as_str() {
        "application/x-www-form-urlencoded" => {
            let form = decode_form(&request.body);
            match (first(&form, "query"), first(&form, "update")) {
                (Some(_), Some(_)) => {
                    Err(Reply::text(400, "give either query= or update=, not both"))
                }
                (Some(text), None) => Ok(query_operation(text, &form)),
                (None, Some(text)) => Ok(Operation::Update { text }),
                (None, None) => Err(Reply::text(400, "the form has neither query= nor update=")),
            }
        }
        "application/sparql-query" => Ok(query_operation(body_text(request)?, url_params)),
        "application/sparql-update" => Ok(Operation::Update {
            text: body_text(request)?,
        }),
        "" => Err(Reply::text(415, "a POST to /sparql needs a Content-Type")),
        other => Err(Reply::text(
            415,
            format!(
                "unsupported Content-Type {other}; use application/x-www-form-urlencoded, \
                 application/sparql-query or application/sparql-update"
            ),
        )),
    }
}

fn query_operation(text: String, params: &[(String, String)]) -> Operation {
    Operation::Query {
        text,
        default_graphs: all(params, "default-graph-uri"),
        named_graphs: all(params, "named-graph-uri"),
    }
}

fn body_text(request: &HttpRequest) -> Result<String, Reply> {
    String::from_utf8(request.body.clone())
        .map_err(|_| Reply::text(400, "the request body is not UTF-8"))
}

fn first(params: &[(String, String)], name: &str) -> Option<String> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

fn all(params: &[(String, String)], name: &str) -> Vec<String> {
    params
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The protocol's graphs replace the query's `FROM`; with neither, the default
/// graph is the union of all graphs, as on the command line.
fn set_dataset(
    dataset: &mut QueryDatasetSpecification,
    default_graphs: &[String],
    named_graphs: &[String],
) -> Result<(), Reply> {
    if default_graphs.is_empty() && named_graphs.is_empty() {
        if dataset.is_default_dataset() {
            dataset.set_default_graph_as_union();
        }
        return Ok(());
    }
    let default: Vec<GraphName> = graph_iris(default_graphs)?
        .into_iter()
        .map(GraphName::NamedNode)
        .collect();
    dataset.set_default_graph(default);
    if !named_graphs.is_empty() {
        let named: Vec<NamedOrBlankNode> = graph_iris(named_graphs)?
            .into_iter()
            .map(NamedOrBlankNode::NamedNode)
            .collect();
        dataset.set_available_named_graphs(named);
    }
    Ok(())
}

fn graph_iris(iris: &[String]) -> Result<Vec<NamedNode>, Reply> {
    iris.iter()
        .map(|iri| {
            NamedNode::new(iri.as_str())
                .map_err(|e| Reply::text(400, format!("invalid graph IRI {iri:?}: {e}")))
        })
        .collect()
}

/// The format chosen for the reply.
#[derive(Debug, Clone, Copy)]
enum Output {
    Results(QueryResultsFormat),
    Graph(RdfFormat),
}

/// Results read up to the limit. They are gathered before anything is sent
/// so that the status and the truncation header can still be set.
enum Collected {
    Solutions {
        variables: Vec<Variable>,
        rows: Vec<QuerySolution>,
        truncated: bool,
    },
    Boolean(bool),
    Triples {
        triples: Vec<Triple>,
        truncated: bool,
    },
}

impl Collected {
    fn collect(results: QueryResults<'_>, limit: usize) -> Result<Self, QueryEvaluationError> {
        Ok(match results {
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let (rows, truncated) = take_limited(solutions, limit)?;
                Collected::Solutions {
                    variables,
                    rows,
                    truncated,
                }
            }
            QueryResults::Boolean(value) => Collected::Boolean(value),
            QueryResults::Graph(triples) => {
                let (triples, truncated) = take_limited(triples, limit)?;
                Collected::Triples { triples, truncated }
            }
        })
    }

    fn truncated(&self) -> bool {
        match self {
            Collected::Solutions { truncated, .. } | Collected::Triples { truncated, .. } => {
                *truncated
            }
            Collected::Boolean(_) => false,
        }
    }
}

/// Up to `limit` items, and whether there was at least one more.
fn take_limited<T>(
    items: impl Iterator<Item = Result<T, QueryEvaluationError>>,
    limit: usize,
) -> Result<(Vec<T>, bool), QueryEvaluationError> {
    let mut taken = Vec::new();
    for item in items {
        let item = item?;
        if taken.len() == limit {
            return Ok((taken, true));
        }
        taken.push(item);
    }
    Ok((taken, false))
}

fn write_solutions(
    variables: Vec<Variable>,
    rows: &[QuerySolution],
    format: QueryResultsFormat,
) -> std::io::Result<Vec<u8>> {
    let mut serializer = QueryResultsSerializer::from_format(format)
        .serialize_solutions_to_writer(Vec::new(), variables)?;
    for row in rows {
        serializer.serialize(row)?;
    }
    serializer.finish()
}

fn write_boolean(value: bool, format: QueryResultsFormat) -> std::io::Result<Vec<u8>> {
    QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(Vec::new(), value)
}

fn write_triples(triples: &[Triple], format: RdfFormat) -> std::io::Result<Vec<u8>> {
    let mut serializer = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
        for (prefix, ns) in vocab::PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *ns)
                .map_err(std::io::Error::other)?;
        }
    }
    let mut writer = serializer.for_writer(Vec::new());
    for triple in triples {
        writer.serialize_triple(triple)?;
    }
    writer.finish()
}

/// Cancels a query's token when its time is up, unless dropped first.
///
/// A thread waits on a channel for at most the timeout; dropping the guard
/// closes the channel and ends the wait at once, so no thread outlives its query.
struct Deadline {
    _stop: mpsc::Sender<()>,
}

impl Deadline {
    fn start(token: CancellationToken, timeout: Duration) -> std::io::Result<Self> {
        let (stop, stopped) = mpsc::channel::<()>();
        thread::Builder::new()
            .name("claimgraph-query-deadline".into())
            .spawn(move || {
                if let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(timeout) {
                    token.cancel();
                }
            })?;
        Ok(Self { _stop: stop })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok<T, E: std::fmt::Debug>(r: Result<T, E>) -> T {
        r.expect("test value")
    }

    #[test]
    fn limited_takes_say_whether_more_was_there() {
        let items = (0..5).map(Ok::<_, QueryEvaluationError>);
        assert_eq!(
            ok(take_limited(items.clone(), 5)),
            ((0..5).collect(), false)
        );
        assert_eq!(ok(take_limited(items.clone(), 3)), (vec![0, 1, 2], true));
        assert_eq!(ok(take_limited(items, 0)), (vec![], true));
    }

    #[test]
    fn a_deadline_cancels_only_when_it_passes() {
        let token = CancellationToken::new();
        drop(ok(Deadline::start(token.clone(), Duration::from_secs(60))));
        assert!(!token.is_cancelled());
        let token = CancellationToken::new();
        let _guard = ok(Deadline::start(token.clone(), Duration::ZERO));
        // The thread cancels as soon as it runs; wait for it without a fixed sleep.
        while !token.is_cancelled() {
            thread::yield_now();
        }
    }

    #[test]
    fn operations_are_read_from_every_protocol_form() {
        let get = HttpRequest::new(
            "GET",
            "/sparql?query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fg",
        );
        assert_eq!(
            ok(read_operation(&get)),
            Operation::Query {
                text: "ASK{}".into(),
                default_graphs: vec!["http://g".into()],
                named_graphs: vec![]
            }
        );
        let form = HttpRequest::new("POST", "/sparql")
            .with_header(
                "content-type",
                "application/x-www-form-urlencoded; charset=UTF-8",
            )
            .with_body("update=CLEAR+ALL");
        assert_eq!(
            ok(read_operation(&form)),
            Operation::Update {
                text: "CLEAR ALL".into()
            }
        );
        let direct = HttpRequest::new("POST", "/sparql")
            .with_header("Content-Type", "application/sparql-query")
            .with_body("ASK {}");
        assert!(matches!(
            ok(read_operation(&direct)),
            Operation::Query { .. }
        ));
        let other = HttpRequest::new("POST", "/sparql").with_header("Content-Type", "text/plain");
        assert_eq!(read_operation(&other).map_err(|r| r.status), Err(415));
    }
}

//! `claimgraph report`: the explorer as one HTML file with its data inlined.

use crate::api::page_data;
use crate::page::report_page;
use crate::sparql::Endpoint;
use crate::{HttpRequest, WebError, DEFAULT_MAX_RESULTS, DEFAULT_TIMEOUT};
use claimgraph_kg::{named_queries, Store};
use serde_json::{Map, Value};
use std::io::Write;

/// The data the report inlines: what `/api/data` serves, plus the results of
/// every ready query (with its default parameters), since a file has no endpoint.
pub fn report_data(store: &Store) -> Result<Value, WebError> {
    let mut data = page_data(store)?;
    let endpoint = Endpoint {
        store,
        allow_update: false,
        timeout: DEFAULT_TIMEOUT,
        max_results: DEFAULT_MAX_RESULTS,
    };
    let mut results = Map::new();
    for (name, text) in named_queries() {
        let request = HttpRequest::new("POST", "/sparql")
            .with_header("Content-Type", "application/sparql-query")
            .with_header("Accept", "application/sparql-results+json")
            .with_body(*text);
        let reply = endpoint.answer(&request);
        // A ready query that fails or builds a graph is shown with its message instead.
        let value = match serde_json::from_slice::<Value>(&reply.body) {
            Ok(v) if reply.status == 200 => v,
            _ => Value::String(reply.body_text()),
        };
        results.insert((*name).to_string(), value);
    }
    if let Value::Object(map) = &mut data {
        map.insert("query_results".into(), Value::Object(results));
    }
    Ok(data)
}

/// Writes the report: one HTML file, every asset and all data inside, no
/// reference to anything outside it.
pub fn report<W: Write>(store: &Store, mut out: W) -> Result<(), WebError> {
    let data = report_data(store)?;
    let page = report_page(&serde_json::to_string(&data)?);
    out.write_all(page.as_bytes())?;
    out.flush()?;
    Ok(())
}

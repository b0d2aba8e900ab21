//! The JSON the page reads: ready queries, the store's counts, graphs of the
//! views, and claim rows. The report inlines the same values.

use crate::http::{HttpRequest, Reply};
use crate::WebError;
use claimgraph_graph::{cytoscape_value, json_value, load_rows, ClaimRow, Filter, View, ViewGraph};
use claimgraph_kg::{named_queries, query_description, query_params, Store};
use claimgraph_model::{ClaimType, DateValue};
use serde_json::{json, Value};

/// `[{name, description, text, params: [{name, default}]}]` for every ready query.
pub fn queries_value() -> Value {
    let queries: Vec<Value> = named_queries()
        .iter()
        .map(|(name, text)| {
            let params: Vec<Value> = query_params(text)
                .into_iter()
                .map(|p| json!({ "name": p.name, "default": p.default }))
                .collect();
            json!({
                "name": name,
                "description": query_description(text),
                "text": text,
                "params": params,
            })
        })
        .collect();
    Value::Array(queries)
}

/// Everything the page shows, in one value: counts, ready queries, the
/// actor graph and every claim row (which the timeline and the actor panel filter).
pub fn page_data(store: &Store) -> Result<Value, WebError> {
    let rows = load_rows(store, &Filter::default())?;
    let actors = ViewGraph::build(View::Actors, &rows);
    Ok(json!({
        "stats": serde_json::to_value(store.stats()?)?,
        "queries": queries_value(),
        "actors": json_value(&actors),
        "claims": serde_json::to_value(&rows)?,
    }))
}

/// `GET /api/…`; `None` for a path that is not an API.
pub fn answer(store: &Store, request: &HttpRequest) -> Option<Reply> {
    let reply = match request.path.as_str() {
        "/api/queries" => Ok(Reply::json(&queries_value())),
        "/api/stats" => store
            .stats()
            .map_err(WebError::from)
            .and_then(|s| Ok(Reply::json(&serde_json::to_value(s)?))),
        "/api/data" => page_data(store).map(|v| Reply::json(&v)),
        "/api/claims" => claims(store, request),
        "/api/graph" => graph(store, request),
        _ => return None,
    };
    Some(reply.unwrap_or_else(|e| Reply::text(500, e.to_string())))
}

/// `/api/claims?actor=&type=&from=&to=`: claim rows, chronological.
fn claims(store: &Store, request: &HttpRequest) -> Result<Reply, WebError> {
    let filter = match filter(request) {
        Ok(f) => f,
        Err(message) => return Ok(Reply::text(400, message)),
    };
    let rows: Vec<ClaimRow> = load_rows(store, &filter)?;
    Ok(Reply::json(&serde_json::to_value(rows)?))
}

/// `/api/graph?view=actors|claims|timeline&format=json|cytoscape` and the claim filter.
fn graph(store: &Store, request: &HttpRequest) -> Result<Reply, WebError> {
    let view: View = match request.param("view").as_deref().unwrap_or("actors").parse() {
        Ok(v) => v,
        Err(message) => return Ok(Reply::text(400, message)),
    };
    let filter = match filter(request) {
        Ok(f) => f,
        Err(message) => return Ok(Reply::text(400, message)),
    };
    let graph = ViewGraph::build(view, &load_rows(store, &filter)?);
    let value = match request.param("format").as_deref().unwrap_or("json") {
        "json" => json_value(&graph),
        "cytoscape" | "cyjs" => cytoscape_value(&graph),
        other => {
            return Ok(Reply::text(
                400,
                format!("unknown graph format {other:?} (json, cytoscape)"),
            ))
        }
    };
    Ok(Reply::json(&value))
}

/// The claim filter from `actor`, `type`, `from`, `to`; empty values are absent.
fn filter(request: &HttpRequest) -> Result<Filter, String> {
    let param = |name: &str| request.param(name).filter(|v| !v.trim().is_empty());
    let date = |name: &str| -> Result<Option<DateValue>, String> {
        param(name)
            .map(|d| {
                d.trim()
                    .parse::<DateValue>()
                    .map_err(|e| format!("{name}: {e}"))
            })
            .transpose()
    };
    Ok(Filter {
        actor: param("actor"),
        claim_type: param("type").map(|t| t.parse::<ClaimType>()).transpose()?,
        from: date("from")?,
        to: date("to")?,
    })
}

//! The SPARQL 1.1 Protocol at `/sparql`, over a real socket.

mod common;

use common::{encode, get, post, request, server, CLAIMS_QUERY};
use std::time::Duration;

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn rows(body: &str) -> usize {
    json(body)["results"]["bindings"]
        .as_array()
        .map(Vec::len)
        .unwrap_or_else(|| panic!("no bindings in {body}"))
}

#[test]
fn get_and_every_post_form_answer_a_query() {
    let s = server(|_| {});
    let get = get(
        s.addr(),
        &format!("/sparql?query={}", encode(CLAIMS_QUERY)),
        &[],
    );
    assert_eq!(get.status, 200, "{}", get.body);
    assert_eq!(
        get.header("Content-Type"),
        Some("application/sparql-results+json")
    );
    assert_eq!(rows(&get.body), 5);
    assert!(get.body.contains("Anna Berger"));

    let form = post(
        s.addr(),
        "/sparql",
        "application/x-www-form-urlencoded",
        None,
        &format!("query={}", encode(CLAIMS_QUERY)),
    );
    assert_eq!(form.status, 200, "{}", form.body);
    assert_eq!(rows(&form.body), 5);

    let direct = post(
        s.addr(),
        "/sparql",
        "application/sparql-query",
        None,
        CLAIMS_QUERY,
    );
    assert_eq!(direct.status, 200, "{}", direct.body);
    assert_eq!(json(&direct.body), json(&get.body));
    s.shutdown().expect("shutdown");
}

#[test]
fn the_default_graph_is_the_union_and_graphs_can_be_named() {
    let s = server(|_| {});
    let count =
        "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://claimgraph.dev/ns#Claim> }";
    let all = get(s.addr(), &format!("/sparql?query={}", encode(count)), &[]);
    assert_eq!(json(&all.body)["results"]["bindings"][0]["n"]["value"], "5");
    // An empty default graph given by the protocol replaces the union.
    let none = get(
        s.addr(),
        &format!(
            "/sparql?query={}&default-graph-uri={}",
            encode(count),
            encode("http://example.org/none")
        ),
        &[],
    );
    assert_eq!(
        json(&none.body)["results"]["bindings"][0]["n"]["value"],
        "0"
    );
    s.shutdown().expect("shutdown");
}

#[test]
fn results_come_in_each_format_by_accept_or_parameter() {
    let s = server(|_| {});
    let target = format!("/sparql?query={}", encode(CLAIMS_QUERY));
    let cases = [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            "\"bindings\"",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
        ("text/csv", "text/csv; charset=utf-8", "claim,speaker"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values; charset=utf-8",
            "?claim\t?speaker",
        ),
    ];
    for (accept, content_type, marker) in cases {
        let r = get(s.addr(), &target, &[("Accept", accept)]);
        assert_eq!(r.status, 200, "{accept}: {}", r.body);
        assert_eq!(r.header("Content-Type"), Some(content_type), "{accept}");
        assert!(r.body.contains(marker), "{accept}: {}", r.body);
        assert!(
            r.body.contains("Südland"),
            "{accept} keeps umlauts: {}",
            r.body
        );
    }
    let by_param = get(
        s.addr(),
        &format!("{target}&format=tsv"),
        &[("Accept", "text/csv")],
    );
    assert!(
        by_param.body.starts_with("?claim\t?speaker"),
        "{}",
        by_param.body
    );
    let refused = get(s.addr(), &target, &[("Accept", "image/png")]);
    assert_eq!(refused.status, 406);
    assert!(refused.body.contains("text/csv"), "{}", refused.body);

    let ask = get(
        s.addr(),
        &format!("/sparql?query={}", encode("ASK { ?s ?p ?o }")),
        &[("Accept", "application/sparql-results+xml")],
    );
    assert!(ask.body.contains("<boolean>true</boolean>"), "{}", ask.body);
    s.shutdown().expect("shutdown");
}

#[test]
fn construct_answers_in_rdf_formats() {
    let s = server(|_| {});
    let construct = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a <https://claimgraph.dev/ns#Actor> ; rdfs:label ?l }";
    let target = format!("/sparql?query={}", encode(construct));
    let turtle = get(s.addr(), &target, &[("Accept", "text/turtle")]);
    assert_eq!(turtle.status, 200, "{}", turtle.body);
    assert_eq!(
        turtle.header("Content-Type"),
        Some("text/turtle; charset=utf-8")
    );
    assert!(turtle.body.contains("@prefix rdfs:"), "{}", turtle.body);
    assert!(turtle.body.contains("\"Anna Berger\""), "{}", turtle.body);
    let default = get(s.addr(), &target, &[]);
    assert_eq!(
        default.header("Content-Type"),
        Some("text/turtle; charset=utf-8")
    );
    for (accept, content_type) in [
        ("application/n-triples", "application/n-triples"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/n-quads", "application/n-quads"),
    ] {
        let r = get(s.addr(), &target, &[("Accept", accept)]);
        assert_eq!(r.status, 200, "{accept}: {}", r.body);
        assert_eq!(r.header("Content-Type"), Some(content_type));
        assert!(r.body.contains("Fischereiverband"), "{accept}: {}", r.body);
    }
    let nt = get(s.addr(), &format!("{target}&format=nt"), &[]);
    assert!(nt.body.lines().all(|l| l.ends_with(" .")), "{}", nt.body);
    s.shutdown().expect("shutdown");
}

#[test]
fn a_syntax_error_is_a_400_with_the_parsers_message() {
    let s = server(|_| {});
    let r = get(
        s.addr(),
        &format!("/sparql?query={}", encode("SELECT ?x WHERE { ?x ?y }")),
        &[],
    );
    assert_eq!(r.status, 400);
    assert!(r.body.starts_with("SPARQL syntax error:"), "{}", r.body);
    assert!(
        r.body.len() > "SPARQL syntax error: ".len() + 5,
        "{}",
        r.body
    );
    let missing = get(s.addr(), "/sparql", &[]);
    assert_eq!(missing.status, 400);
    assert!(missing.body.contains("query="), "{}", missing.body);
    s.shutdown().expect("shutdown");
}

const INSERT: &str = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/p> \"neu\" } }";
const ASK_INSERTED: &str = "ASK { <http://example.org/a> <http://example.org/p> \"neu\" }";

#[test]
fn updates_are_refused_unless_allowed() {
    let s = server(|_| {});
    let direct = post(
        s.addr(),
        "/sparql",
        "application/sparql-update",
        None,
        INSERT,
    );
    assert_eq!(direct.status, 403, "{}", direct.body);
    assert!(direct.body.contains("read-only"), "{}", direct.body);
    let form = post(
        s.addr(),
        "/sparql",
        "application/x-www-form-urlencoded",
        None,
        &format!("update={}", encode(INSERT)),
    );
    assert_eq!(form.status, 403);
    let ask = get(
        s.addr(),
        &format!("/sparql?query={}", encode(ASK_INSERTED)),
        &[],
    );
    assert_eq!(json(&ask.body)["boolean"], false);
    s.shutdown().expect("shutdown");

    let s = server(|c| c.allow_update = true);
    let done = post(
        s.addr(),
        "/sparql",
        "application/sparql-update",
        None,
        INSERT,
    );
    assert_eq!(done.status, 200, "{}", done.body);
    let ask = get(
        s.addr(),
        &format!("/sparql?query={}", encode(ASK_INSERTED)),
        &[],
    );
    assert_eq!(json(&ask.body)["boolean"], true);
    let bad = post(
        s.addr(),
        "/sparql",
        "application/sparql-update",
        None,
        "INSERT GARBAGE",
    );
    assert_eq!(bad.status, 400);
    s.shutdown().expect("shutdown");
}

#[test]
fn cors_headers_and_preflight() {
    let s = server(|_| {});
    let r = get(
        s.addr(),
        &format!("/sparql?query={}", encode("ASK {}")),
        &[("Origin", "http://yasgui.example")],
    );
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some("*"));
    assert!(r
        .header("Access-Control-Expose-Headers")
        .unwrap_or_default()
        .contains("X-Claimgraph-Truncated"));
    let pre = request(
        s.addr(),
        "OPTIONS",
        "/sparql",
        &[
            ("Origin", "http://yasgui.example"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
        b"",
    );
    assert!(pre.status == 204 || pre.status == 200, "{}", pre.status);
    assert_eq!(pre.header("Access-Control-Allow-Origin"), Some("*"));
    assert!(pre
        .header("Access-Control-Allow-Methods")
        .unwrap_or_default()
        .contains("POST"));
    assert!(pre
        .header("Access-Control-Allow-Headers")
        .unwrap_or_default()
        .contains("content-type"));
    let error = get(s.addr(), "/sparql?query=nonsense", &[]);
    assert_eq!(
        error.header("Access-Control-Allow-Origin"),
        Some("*"),
        "errors carry CORS too"
    );
    s.shutdown().expect("shutdown");
}

#[test]
fn results_stop_at_the_limit_and_say_so() {
    let s = server(|c| c.max_results = 2);
    let r = get(
        s.addr(),
        &format!("/sparql?query={}", encode(CLAIMS_QUERY)),
        &[],
    );
    assert_eq!(r.status, 200);
    assert_eq!(rows(&r.body), 2);
    assert_eq!(r.header("X-Claimgraph-Truncated"), Some("true"));
    assert_eq!(r.header("X-Claimgraph-Result-Limit"), Some("2"));
    let few = "SELECT ?c WHERE { ?c a <https://claimgraph.dev/ns#Claim> } LIMIT 2";
    let r = get(s.addr(), &format!("/sparql?query={}", encode(few)), &[]);
    assert_eq!(rows(&r.body), 2);
    assert_eq!(
        r.header("X-Claimgraph-Truncated"),
        Some("false"),
        "exactly the limit is not cut"
    );
    s.shutdown().expect("shutdown");
}

#[test]
fn a_query_past_its_time_is_cancelled() {
    // Four independent patterns over every triple: far too many rows to count
    // before a zero timeout cancels the evaluation.
    let s = server(|c| c.timeout = Duration::ZERO);
    let huge = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    let r = get(s.addr(), &format!("/sparql?query={}", encode(huge)), &[]);
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("time limit"), "{}", r.body);
    s.shutdown().expect("shutdown");
}

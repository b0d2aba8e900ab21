//! The page, its assets, the JSON APIs and the report.

mod common;

use claimgraph_web::{report, ASSET_NAMES};
use common::{get, request, sample_store, server};

#[test]
fn the_page_and_every_asset_are_served() {
    let s = server(|_| {});
    let page = get(s.addr(), "/", &[]);
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.body.contains("<title>claimgraph"), "{}", page.body);
    for name in ASSET_NAMES {
        assert!(
            page.body.contains(&format!("assets/{name}")),
            "the page links {name}"
        );
        let asset = get(s.addr(), &format!("/assets/{name}"), &[]);
        assert_eq!(asset.status, 200, "{name}");
        let expected = if name.ends_with(".css") {
            "text/css"
        } else {
            "text/javascript"
        };
        assert!(
            asset
                .header("Content-Type")
                .unwrap_or_default()
                .starts_with(expected),
            "{name}"
        );
        assert!(!asset.body.is_empty(), "{name}");
    }
    assert_eq!(get(s.addr(), "/assets/missing.js", &[]).status, 404);
    assert_eq!(get(s.addr(), "/nowhere", &[]).status, 404);
    assert_eq!(request(s.addr(), "DELETE", "/", &[], b"").status, 405);
    s.shutdown().expect("shutdown");
}

#[test]
fn nothing_is_loaded_from_elsewhere() {
    let s = server(|_| {});
    let mut texts = vec![get(s.addr(), "/", &[]).body];
    for name in ASSET_NAMES {
        texts.push(get(s.addr(), &format!("/assets/{name}"), &[]).body);
    }
    for text in texts {
        for pattern in [
            "src=\"http",
            "href=\"http",
            "url(http",
            "@import",
            "src='http",
            "href='http",
        ] {
            assert!(!text.contains(pattern), "found {pattern}");
        }
    }
    s.shutdown().expect("shutdown");
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[test]
fn the_apis_give_queries_graphs_and_claims() {
    let s = server(|_| {});
    let queries = json(&get(s.addr(), "/api/queries", &[]).body);
    let names: Vec<&str> = queries
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|q| q["name"].as_str())
        .collect();
    assert!(names.contains(&"who-said-what"), "{names:?}");
    assert!(queries[0]["text"].as_str().is_some());

    let graph = json(&get(s.addr(), "/api/graph?view=actors", &[]).body);
    let labels: Vec<&str> = graph["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"Anna Berger") && labels.contains(&"Südland"),
        "{labels:?}"
    );
    assert!(!graph["edges"].as_array().expect("edges").is_empty());
    let cy = json(&get(s.addr(), "/api/graph?view=actors&format=cytoscape", &[]).body);
    assert!(cy["elements"]["nodes"].is_array());
    assert_eq!(get(s.addr(), "/api/graph?view=nope", &[]).status, 400);

    let claims = json(&get(s.addr(), "/api/claims?actor=Anna+Berger", &[]).body);
    let claims = claims.as_array().expect("a list");
    // Two claims made by her, one addressed to her.
    assert_eq!(claims.len(), 3, "{claims:?}");
    assert!(claims
        .iter()
        .all(|c| c["sentence"].as_str().is_some_and(|s| s.contains("Berger"))));
    let demands = json(
        &get(
            s.addr(),
            "/api/claims?type=demand&from=2023-03-01&to=2023-03-31",
            &[],
        )
        .body,
    );
    assert_eq!(demands.as_array().map(Vec::len), Some(1));
    assert_eq!(demands[0]["article_title"], "Streit um die Häfen");
    assert_eq!(get(s.addr(), "/api/claims?from=gestern", &[]).status, 400);

    let data = json(&get(s.addr(), "/api/data", &[]).body);
    assert_eq!(data["stats"]["claims"], 5);
    assert_eq!(data["claims"].as_array().map(Vec::len), Some(5));
    assert!(data["actors"]["nodes"].is_array());
    s.shutdown().expect("shutdown");
}

#[test]
fn the_report_is_one_file_with_the_data_and_no_external_url() {
    let mut out = Vec::new();
    report(&sample_store(), &mut out).expect("report");
    let html = String::from_utf8(out).expect("UTF-8");
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("id=\"cg-data\""));
    for needle in [
        "Anna Berger",
        "Fischereiverband",
        "die Öffnung der Häfen",
        "Sorge um die Netze",
    ] {
        assert!(html.contains(needle), "the report holds {needle}");
    }
    // Scripts and styles are inline: nothing is fetched, not even from the page's own server.
    assert!(
        !html.contains("src=\""),
        "no script or image is loaded by URL"
    );
    assert!(!html.contains("<link rel=\"stylesheet\""));
    for pattern in [
        "src=\"http",
        "href=\"http",
        "src='http",
        "href='http",
        "url(http",
        "@import",
    ] {
        assert!(!html.contains(pattern), "found {pattern}");
    }
    for name in ["graph.js", "timeline.js", "sparql.js", "app.js"] {
        assert!(html.contains(&format!("/* {name} */")), "{name} is inlined");
    }
    // The data block is valid JSON and holds the ready queries' results.
    let start = html.find("id=\"cg-data\">").expect("data block") + "id=\"cg-data\">".len();
    let end = start + html[start..].find("</script>").expect("end of data");
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON data");
    assert_eq!(data["stats"]["articles"], 3);
    assert!(data["query_results"].is_object());
}

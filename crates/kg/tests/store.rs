//! The store end to end: ingest, the named queries, idempotence, exports, formats.

mod common;

use claimgraph_kg::{
    bind_params, mapping, named_queries, named_query, KgError, RdfOutFormat, ResultFormat,
    Solutions, Store,
};
use common::{corpus, ingest_all, run_at};

fn run_named(store: &Store, name: &str, params: &[(&str, &str)]) -> Solutions {
    let text = named_query(name).expect("named query");
    let params: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let sparql = bind_params(text, &params).expect("params");
    store
        .select(&sparql)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Checks every named query against the corpus's expected answers.
fn check_named_queries(store: &Store) {
    let who = run_named(store, "who-said-what", &[]);
    assert_eq!(who.rows.len(), 6);
    assert_eq!(
        who.plain_column("date"),
        [
            "2022",
            "2022-01",
            "2022-01-20",
            "2022-01-21",
            "2022-01-21",
            "2022-01-22"
        ]
    );
    assert_eq!(who.plain_column("type")[0], "deny");
    assert_eq!(who.plain_column("speaker")[2], "Nato");
    assert_eq!(who.plain_column("cue")[2], "wies ... zurück");
    assert_eq!(who.plain_column("article")[0], "b.txt");

    let lawrow = run_named(store, "actor", &[]);
    assert_eq!(
        lawrow.plain_column("speaker"),
        ["Sergej Lawrow", "Sergej Lawrow"]
    );
    let blinken = run_named(store, "actor", &[("name", "blinken")]);
    assert_eq!(blinken.plain_column("addressee"), ["Russland"]);
    assert_eq!(blinken.plain_column("type"), ["demand"]);
    let nobody = run_named(store, "actor", &[("name", "\" } FILTER(false) {")]);
    assert!(nobody.rows.is_empty());

    let actors = run_named(store, "actors", &[]);
    assert_eq!(
        actors.plain_column("name"),
        ["Russland", "Sergej Lawrow", "Antony Blinken", "Nato"]
    );
    assert_eq!(actors.plain_column("claims"), ["2", "2", "1", "1"]);
    assert_eq!(actors.plain_column("addressed_by"), ["1", "0", "0", "0"]);
    assert_eq!(
        actors.plain_column("kind"),
        ["Country", "Person", "Person", "Organization"]
    );
    assert_eq!(actors.plain_column("wikidata")[0], "wd:Q159");

    let demands = run_named(store, "demands", &[]);
    assert_eq!(
        demands.plain_column("speaker"),
        ["Antony Blinken", "Russland"]
    );
    assert_eq!(demands.plain_column("addressee"), ["Russland", ""]);

    let denials = run_named(store, "denials-rejections", &[]);
    assert_eq!(denials.plain_column("type"), ["deny", "reject"]);

    let timeline = run_named(store, "timeline", &[]);
    assert_eq!(timeline.rows.len(), 3);
    let troops = run_named(store, "timeline", &[("topic", "TRUPPEN")]);
    assert_eq!(
        troops.plain_column("speaker"),
        ["Russland", "Antony Blinken"]
    );

    let multi = run_named(store, "multi-article", &[]);
    assert_eq!(multi.plain_column("speaker"), ["Sergej Lawrow"]);
    assert_eq!(
        multi.plain_column("content"),
        ["verbindliche Sicherheitsgarantien"]
    );
    assert_eq!(multi.plain_column("articles"), ["2"]);
    let docs = &multi.plain_column("reported_in")[0];
    assert!(docs.contains("a.txt") && docs.contains("b.txt"), "{docs}");
}

#[test]
fn named_queries_answer_on_an_in_memory_store() {
    let store = Store::in_memory().unwrap();
    let outcome = ingest_all(&store, &run_at(9));
    assert_eq!(
        (outcome.articles, outcome.claims, outcome.replaced),
        (2, 6, 0)
    );
    check_named_queries(&store);
}

#[test]
fn named_queries_answer_on_a_disk_store_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let store = Store::open(&path).unwrap();
        ingest_all(&store, &run_at(9));
        store.load_ontology().unwrap();
    }
    let store = Store::open(&path).unwrap();
    check_named_queries(&store);
    assert_eq!(store.path(), Some(path.as_path()));
}

#[test]
fn every_named_query_parses_and_runs_on_an_empty_store() {
    let store = Store::in_memory().unwrap();
    for (name, text) in named_queries() {
        let rows = store.select(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(rows.rows.is_empty(), "{name}");
    }
}

#[test]
fn reingest_leaves_the_counts_unchanged() {
    let store = Store::in_memory().unwrap();
    ingest_all(&store, &run_at(9));
    store.load_ontology().unwrap();
    let first = store.stats().unwrap();
    assert_eq!(first.articles, 2);
    assert_eq!(first.claims, 6);
    assert_eq!(first.actors, 4);
    assert_eq!(first.graphs, 3, "two articles and the ontology");
    assert_eq!(first.runs, 1);
    assert_eq!(first.claims_by_type["demand"], 2);
    assert_eq!(first.claims_by_type["deny"], 1);

    let again = ingest_all(&store, &run_at(10));
    assert_eq!(again.replaced, 2);
    ingest_all(&store, &run_at(10));
    store.load_ontology().unwrap();
    let second = store.stats().unwrap();
    assert_eq!(second.runs, 2, "each run is recorded");
    assert_eq!(
        claimgraph_kg::Stats { runs: 1, ..second },
        first,
        "everything but the run count stays"
    );
}

#[test]
fn a_changed_article_replaces_its_old_claims() {
    let store = Store::in_memory().unwrap();
    ingest_all(&store, &run_at(9));
    let corpus = corpus();
    let (doc, claims) = &corpus[0];
    store.ingest(doc, &claims[..1], &run_at(10)).unwrap();
    assert_eq!(store.stats().unwrap().claims, 4);
    assert!(store.remove_article("a.txt").unwrap());
    assert!(!store.remove_article("a.txt").unwrap());
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.claims, stats.actors), (1, 3, 2));
}

/// N-Quads without the run provenance: the run graphs and each article's
/// `prov:wasGeneratedBy` line.
fn export_without_runs(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    store.export(RdfOutFormat::NQuads, &mut out).unwrap();
    let mut lines: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("/id/graph/run/") && !l.contains("prov#wasGeneratedBy"))
        .map(String::from)
        .collect();
    lines.sort();
    lines
}

#[test]
fn same_input_gives_identical_quads_in_two_stores() {
    let one = Store::in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let two = Store::open(dir.path()).unwrap();
    ingest_all(&one, &run_at(9));
    // The second store sees the articles in the other order, in another run.
    let mut corpus = corpus();
    corpus.reverse();
    for (doc, claims) in &corpus {
        two.ingest(doc, claims, &run_at(11)).unwrap();
    }
    let (a, b) = (export_without_runs(&one), export_without_runs(&two));
    assert!(a.len() > 100, "{} quads", a.len());
    assert_eq!(a, b);
}

#[test]
fn mapping_alone_gives_the_stored_quads() {
    let corpus = corpus();
    let (doc, claims) = &corpus[1];
    let quads = mapping::document_quads(doc, claims);
    assert_eq!(quads, mapping::document_quads(doc, claims), "deterministic");
    let store = Store::in_memory().unwrap();
    store.ingest(doc, claims, &run_at(9)).unwrap();
    for quad in &quads {
        assert!(store.oxigraph().contains(quad).unwrap(), "{quad}");
    }
}

#[test]
fn dates_are_typed_by_their_precision() {
    let store = Store::in_memory().unwrap();
    ingest_all(&store, &run_at(9));
    let rows = store
        .select(
            "PREFIX schema: <http://schema.org/>
             SELECT ?d (DATATYPE(?d) AS ?t) WHERE { ?c schema:dateCreated ?d } ORDER BY STR(?d)",
        )
        .unwrap();
    let xsd = |t: &str| format!("xsd:{t}");
    assert_eq!(
        rows.plain_column("t"),
        [
            xsd("gYear"),
            xsd("gYearMonth"),
            xsd("date"),
            xsd("date"),
            xsd("date"),
            xsd("date")
        ]
    );
    let published = store
        .select("PREFIX schema: <http://schema.org/> SELECT (DATATYPE(?d) AS ?t) WHERE { ?a schema:datePublished ?d }")
        .unwrap();
    assert_eq!(published.plain_column("t"), [xsd("date"), xsd("date")]);
}

#[test]
fn evidence_quotes_the_text() {
    let store = Store::in_memory().unwrap();
    ingest_all(&store, &run_at(9));
    let rows = store
        .select(
            "PREFIX cg: <https://claimgraph.dev/ns#>
             PREFIX oa: <http://www.w3.org/ns/oa#>
             SELECT ?exact ?start WHERE {
               ?c cg:cueEvidence ?ann . ?ann oa:hasTarget ?t .
               ?t oa:hasSelector ?q, ?p . ?q oa:exact ?exact . ?p oa:start ?start
               FILTER(?exact = \"zurück\")
             }",
        )
        .unwrap();
    let start = common::span(common::TEXT_A, "zurück", 0).start;
    assert_eq!(rows.plain_column("start"), [start.to_string()]);
}

fn write(store: &Store, sparql: &str, format: ResultFormat) -> String {
    let mut out = Vec::new();
    store
        .query(sparql, format, RdfOutFormat::Turtle, &mut out)
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_results_format_is_well_formed() {
    let store = Store::in_memory().unwrap();
    ingest_all(&store, &run_at(9));
    let query = named_query("who-said-what").unwrap();

    let json: serde_json::Value =
        serde_json::from_str(&write(&store, query, ResultFormat::Json)).unwrap();
    assert_eq!(json["head"]["vars"][1], "speaker");
    assert_eq!(json["results"]["bindings"].as_array().unwrap().len(), 6);

    let xml = write(&store, query, ResultFormat::Xml);
    assert!(
        xml.contains("http://www.w3.org/2005/sparql-results#"),
        "{xml}"
    );
    assert!(
        xml.starts_with("<?xml") || xml.starts_with("<sparql"),
        "{xml}"
    );

    let csv = write(&store, query, ResultFormat::Csv);
    assert!(
        csv.starts_with("date,speaker,type,cue,content,article\r\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 7);

    let tsv = write(&store, query, ResultFormat::Tsv);
    assert!(tsv.starts_with("?date\t?speaker\t?type"), "{tsv}");

    let table = write(&store, query, ResultFormat::Table);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 8, "{table}");
    assert!(lines[0].starts_with("date"));
    assert!(lines[1].starts_with("----"));
    assert!(!table.contains("^^"), "no datatype noise: {table}");
    assert!(
        lines[4].contains("Nato") && lines[4].ends_with("a.txt"),
        "{table}"
    );
    // Columns line up: "speaker" starts at the same place on every line.
    let col = lines[0].find("speaker").unwrap();
    assert!(
        lines[2..]
            .iter()
            .all(|l| l.chars().nth(col - 1) == Some(' ')),
        "{table}"
    );
}

#[test]
fn ask_and_construct_are_written_too() {
    let store = Store::in_memory().unwrap();
    ingest_all(&store, &run_at(9));
    let ask = "PREFIX cg: <https://claimgraph.dev/ns#> ASK { ?c a cg:Claim }";
    assert_eq!(write(&store, ask, ResultFormat::Table), "true\n");
    let json: serde_json::Value =
        serde_json::from_str(&write(&store, ask, ResultFormat::Json)).unwrap();
    assert_eq!(json["boolean"], true);

    let construct = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a rdfs:label ?l }";
    let ttl = write(&store, construct, ResultFormat::Table);
    assert!(
        ttl.contains("@prefix actor:") && ttl.contains("actor:russland"),
        "{ttl}"
    );
    let mut nt = Vec::new();
    store
        .query(
            construct,
            ResultFormat::Table,
            RdfOutFormat::NTriples,
            &mut nt,
        )
        .unwrap();
    assert!(String::from_utf8(nt)
        .unwrap()
        .contains("<https://claimgraph.dev/id/actor/nato>"));
}

#[test]
fn syntax_errors_carry_the_parsers_message() {
    let store = Store::in_memory().unwrap();
    let err = store.select("SELEKT ?x WHERE { ?x ?y ?z }").unwrap_err();
    assert!(matches!(err, KgError::QuerySyntax(_)), "{err:?}");
    assert!(err.to_string().contains("SPARQL syntax error"), "{err}");
}

#[test]
fn every_export_format_parses_back() {
    use oxigraph::io::RdfParser;
    let store = Store::in_memory().unwrap();
    ingest_all(&store, &run_at(9));
    store.load_ontology().unwrap();
    let total = store.oxigraph().len().unwrap();
    for format in RdfOutFormat::ALL {
        let mut out = Vec::new();
        let written = store.export(format, &mut out).unwrap();
        let parsed = RdfParser::from_format(format.rdf_format())
            .for_slice(&out)
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(parsed.len() as u64, written, "{format}");
        if format.keeps_graphs() {
            assert_eq!(parsed.len(), total, "{format}");
        } else {
            // Shared actor triples are written once.
            assert!(parsed.len() < total, "{format}");
            let distinct: std::collections::HashSet<_> = parsed.iter().collect();
            assert_eq!(distinct.len(), parsed.len(), "{format} has no duplicates");
        }
    }
}

#[test]
fn a_locked_store_names_its_directory() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Store::open(dir.path()).unwrap();
    let second = Store::open(dir.path());
    let Err(err) = second else {
        panic!("a second open of the same directory succeeded");
    };
    assert!(matches!(err, KgError::StoreLocked { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
    assert!(message.contains("--store"), "{message}");
}

#[test]
fn a_document_id_twice_in_one_batch_keeps_the_later_article() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let corpus = corpus();
    let (doc, claims) = &corpus[0];
    let outcome = store
        .ingest_batch([(doc, claims.as_slice()), (doc, &claims[..1])], &run_at(9))
        .unwrap();
    assert_eq!(outcome.articles, 1);
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.claims), (1, 1));
}

#[test]
fn a_batch_of_new_and_known_articles_on_disk_equals_one_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let on_disk = Store::open(dir.path()).unwrap();
    let corpus = corpus();
    let (first, first_claims) = &corpus[0];
    // The first article goes in with one claim, then comes again with all of
    // them beside a new article: one replaced, one bulk-loaded.
    on_disk
        .ingest(first, &first_claims[..1], &run_at(9))
        .unwrap();
    let batch = corpus.iter().map(|(d, c)| (d, c.as_slice()));
    let outcome = on_disk.ingest_batch(batch, &run_at(10)).unwrap();
    assert_eq!((outcome.articles, outcome.replaced), (2, 1));
    let in_memory = Store::in_memory().unwrap();
    ingest_all(&in_memory, &run_at(11));
    assert_eq!(
        export_without_runs(&on_disk),
        export_without_runs(&in_memory)
    );
    assert_eq!(on_disk.stats().unwrap().claims, 6);
}

//! From the store to rows: claims ingested by the kg crate come back as `ClaimRow`s.

use claimgraph_graph::{load_rows, Filter, View, ViewGraph};
use claimgraph_kg::{IngestRun, Store};
use claimgraph_model::{ActorKind, Claim, ClaimType, DateSource, Document};

fn document(id: &str, date: &str, title: Option<&str>, text: &str) -> Document {
    Document {
        id: id.into(),
        text: text.into(),
        date: date.parse().ok(),
        date_source: DateSource::Metadata,
        title: title.map(Into::into),
        outlet: Some("Testblatt".into()),
        url: None,
        lang: Some("de".into()),
        origin: id.into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn claim(
    doc: &str,
    speaker: &str,
    kind: ActorKind,
    wikidata: Option<&str>,
    claim_type: ClaimType,
    content: &str,
    addressee: Option<&str>,
    date: Option<&str>,
) -> Claim {
    Claim {
        doc: doc.into(),
        speaker: speaker.into(),
        speaker_kind: kind,
        speaker_wikidata: wikidata.map(Into::into),
        speaker_roles: Vec::new(),
        cue: "sagte".into(),
        claim_type,
        content: content.into(),
        direct: false,
        addressee: addressee.map(Into::into),
        date: date.and_then(|d| d.parse().ok()),
        sentence: format!("{speaker} sagte, {content}."),
        content_spans: Vec::new(),
        cue_spans: Vec::new(),
        speaker_mention: None,
        confidence: 0.8,
    }
}

fn sample_store() -> Store {
    let store = Store::in_memory().expect("in-memory store");
    let a = document(
        "a.txt",
        "2022-01-21",
        Some("Streit um Zusagen"),
        "Russland verlangte von der Nato Zusagen. Die Nato lehnte das ab.",
    );
    let b = document(
        "b.txt",
        "2022-02-14",
        None,
        "Scholz warnte Russland. Die Regierung erklärte, sie prüfe alles.",
    );
    let claims_a = [
        claim(
            "a.txt",
            "Russland",
            ActorKind::Country,
            Some("Q159"),
            ClaimType::Demand,
            "Zusagen",
            Some("die Nato"),
            Some("2022-01-21"),
        ),
        claim(
            "a.txt",
            "Die Nato",
            ActorKind::Organization,
            None,
            ClaimType::Reject,
            "das",
            Some("Russland"),
            Some("2022-01"),
        ),
    ];
    let claims_b = [
        claim(
            "b.txt",
            "Olaf Scholz",
            ActorKind::Person,
            None,
            ClaimType::Warn,
            "vor Folgen",
            Some("Russland"),
            Some("2022-02-14"),
        ),
        claim(
            "b.txt",
            "Bundesregierung",
            ActorKind::Organization,
            None,
            ClaimType::Statement,
            "sie prüfe alles",
            None,
            None,
        ),
    ];
    let run = IngestRun::new("test", vec!["test".into()]);
    store
        .ingest_batch([(&a, &claims_a[..]), (&b, &claims_b[..])], &run)
        .expect("ingest");
    store
}

#[test]
fn rows_come_back_with_labels_kinds_and_dates() {
    let store = sample_store();
    let rows = load_rows(&store, &Filter::default()).expect("rows");
    assert_eq!(rows.len(), 4);
    // Chronological, the month before the days in it, undated last.
    let dates: Vec<String> = rows
        .iter()
        .map(|r| r.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(dates, ["2022-01", "2022-01-21", "2022-02-14", ""]);

    let demand = &rows[1];
    assert_eq!(demand.claim_type, ClaimType::Demand);
    assert_eq!(demand.speaker_label, "Russland");
    assert_eq!(demand.speaker_kind, Some(ActorKind::Country));
    assert_eq!(demand.speaker_wikidata.as_deref(), Some("Q159"));
    assert_eq!(demand.addressee_label.as_deref(), Some("Nato"));
    // The Nato speaks too, so its class is known as an addressee.
    assert_eq!(demand.addressee_kind, Some(ActorKind::Organization));
    assert_eq!(demand.article_id, "a.txt");
    assert_eq!(demand.article_title.as_deref(), Some("Streit um Zusagen"));
    assert_eq!(demand.outlet.as_deref(), Some("Testblatt"));
    assert_eq!(demand.content, "Zusagen");
    assert_eq!(demand.cue, "sagte");
    assert!((demand.confidence - 0.8).abs() < 1e-6);

    let statement = &rows[3];
    assert_eq!(statement.addressee_iri, None);
    assert_eq!(statement.article_title, None);
}

#[test]
fn the_filter_applies_to_stored_rows() {
    let store = sample_store();
    let filter = Filter {
        actor: Some("Russland".into()),
        from: "2022-01-15".parse().ok(),
        ..Filter::default()
    };
    let rows = load_rows(&store, &filter).expect("rows");
    let types: Vec<ClaimType> = rows.iter().map(|r| r.claim_type).collect();
    // The Nato's rejection is dated 2022-01, which reaches past the 15th.
    assert_eq!(
        types,
        [ClaimType::Reject, ClaimType::Demand, ClaimType::Warn]
    );
}

#[test]
fn stored_rows_make_the_actor_graph() {
    let store = sample_store();
    let rows = load_rows(&store, &Filter::default()).expect("rows");
    let g = ViewGraph::build(View::Actors, &rows);
    // Russland, Nato, Olaf Scholz, Bundesregierung; three addressed claims.
    assert_eq!((g.node_count(), g.edge_count()), (4, 3));
}

#[test]
fn an_empty_store_gives_no_rows() {
    let store = Store::in_memory().expect("in-memory store");
    assert!(load_rows(&store, &Filter::default())
        .expect("rows")
        .is_empty());
}

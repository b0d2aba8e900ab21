//! Actor linking across articles, with hand-made claims: one node per
//! real-world actor, roles with dates, user merges that survive re-ingest,
//! and an end state that does not depend on the order of ingest.

use chrono::{TimeZone, Utc};
use claimgraph_kg::{ActorError, AliasFile, IngestRun, LinkScope, Store};
use claimgraph_model::{ActorKind, Claim, ClaimType, DateSource, Document, Span};
use oxigraph::model::Term;

/// One article with one claim: `speaker` said something, named in the text as `mention`.
struct Said<'a> {
    id: &'a str,
    date: &'a str,
    speaker: &'a str,
    kind: ActorKind,
    mention: &'a str,
    roles: &'a [&'a str],
    addressee: Option<&'a str>,
}

impl<'a> Said<'a> {
    fn new(id: &'a str, speaker: &'a str, mention: &'a str) -> Self {
        Self {
            id,
            date: "2025-03-10",
            speaker,
            kind: ActorKind::Person,
            mention,
            roles: &[],
            addressee: None,
        }
    }

    fn article(&self) -> (Document, Vec<Claim>) {
        let text = format!(
            "{} sagte am Montag, man sei zu Gesprächen bereit.",
            self.mention
        );
        let mention_end = self.mention.chars().count();
        let doc = Document {
            id: self.id.into(),
            text: text.clone(),
            date: self.date.parse().ok(),
            date_source: DateSource::Metadata,
            title: None,
            outlet: Some("Testblatt".into()),
            url: None,
            lang: Some("de".into()),
            origin: self.id.into(),
        };
        let content_start = mention_end + " sagte am Montag, ".chars().count();
        let claim = Claim {
            doc: self.id.into(),
            speaker: self.speaker.into(),
            speaker_kind: self.kind,
            speaker_wikidata: None,
            speaker_roles: self.roles.iter().map(|r| r.to_string()).collect(),
            cue: "sagte".into(),
            claim_type: ClaimType::Statement,
            content: "man sei zu Gesprächen bereit".into(),
            direct: false,
            addressee: self.addressee.map(String::from),
            date: self.date.parse().ok(),
            sentence: text.clone(),
            content_spans: vec![Span::new(content_start, text.chars().count() - 1)],
            cue_spans: vec![Span::new(mention_end + 1, mention_end + 6)],
            speaker_mention: Some(Span::new(0, mention_end).into()),
            confidence: 0.8,
        };
        (doc, vec![claim])
    }
}

fn run() -> IngestRun {
    IngestRun {
        started: Utc.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).unwrap(),
        tool_version: "0.0.0-test".into(),
        inputs: vec!["tests".into()],
    }
}

/// Ingests the articles one by one, each followed by the link pass, as `claimgraph ingest` does.
fn ingest(store: &Store, articles: &[Said<'_>]) {
    for said in articles {
        let (doc, claims) = said.article();
        store.ingest(&doc, &claims, &run()).unwrap();
        store
            .link_actors(LinkScope::Articles(std::slice::from_ref(&doc.id)))
            .unwrap();
    }
}

/// The IRI of the speaker of each article's claim, by document id.
fn speakers(store: &Store) -> Vec<(String, String)> {
    let rows = store
        .select(
            "PREFIX prov: <http://www.w3.org/ns/prov#>
             PREFIX schema: <http://schema.org/>
             SELECT DISTINCT ?id ?actor WHERE {
               ?c prov:wasAttributedTo ?actor ; prov:wasDerivedFrom ?a . ?a schema:identifier ?id
             } ORDER BY ?id",
        )
        .unwrap();
    rows.rows
        .into_iter()
        .map(|r| match (&r[0], &r[1]) {
            (Some(Term::Literal(id)), Some(Term::NamedNode(a))) => {
                (id.value().to_string(), a.as_str().to_string())
            }
            other => panic!("unexpected row {other:?}"),
        })
        .collect()
}

fn distinct_speakers(store: &Store) -> usize {
    let mut actors: Vec<String> = speakers(store).into_iter().map(|(_, a)| a).collect();
    actors.sort();
    actors.dedup();
    actors.len()
}

/// Every quad but the run provenance, sorted: the state that must not depend on ingest order.
fn content(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for quad in store.oxigraph().iter() {
        let quad = quad.unwrap();
        let line = quad.to_string();
        if !line.contains("/graph/run/") && !line.contains("wasGeneratedBy") {
            out.push(line);
        }
    }
    out.sort();
    out
}

fn lawrow_corpus() -> Vec<Said<'static>> {
    vec![
        Said {
            roles: &["russische Außenminister"],
            ..Said::new(
                "a",
                "Sergej Lawrow",
                "Der russische Außenminister Sergej Lawrow",
            )
        },
        Said::new("b", "Sergei Lawrow", "Sergei Lawrow"),
        Said::new("c", "Lawrow", "Lawrow"),
        Said::new("d", "Außenminister", "Der russische Außenminister"),
        Said::new(
            "e",
            "Sergej Wiktorowitsch Lawrow",
            "Sergej Wiktorowitsch Lawrow",
        ),
    ]
}

#[test]
fn spellings_surname_and_role_of_one_person_are_one_actor() {
    let store = Store::in_memory().unwrap();
    ingest(&store, &lawrow_corpus());
    assert_eq!(distinct_speakers(&store), 1, "{:?}", speakers(&store));
    let actors = store.actors().unwrap();
    let lawrow = &actors[0];
    assert_eq!(lawrow.label, "Sergej Wiktorowitsch Lawrow");
    assert_eq!(lawrow.claims, 5);
    assert_eq!(lawrow.kind, "person");
    for alt in [
        "Lawrow",
        "Sergei Lawrow",
        "Sergej Lawrow",
        "russische Außenminister",
    ] {
        assert!(
            lawrow.alt_labels.contains(&alt.to_string()),
            "{alt}: {lawrow:?}"
        );
    }
    assert_eq!(lawrow.roles[0].role, "russische Außenminister");
    assert_eq!(lawrow.roles[0].first_seen.as_deref(), Some("2025-03-10"));
}

#[test]
fn the_end_state_does_not_depend_on_ingest_order() {
    let forward = Store::in_memory().unwrap();
    ingest(&forward, &lawrow_corpus());
    let backward = Store::in_memory().unwrap();
    let mut reversed = lawrow_corpus();
    reversed.reverse();
    ingest(&backward, &reversed);
    assert_eq!(content(&forward), content(&backward));
}

#[test]
fn a_surname_shared_by_two_people_is_not_linked_and_a_link_is_undone() {
    let store = Store::in_memory().unwrap();
    ingest(
        &store,
        &[
            Said::new("olaf", "Olaf Scholz", "Olaf Scholz"),
            Said::new("surname", "Scholz", "Scholz"),
        ],
    );
    // One Scholz in the store: the surname is his.
    assert_eq!(distinct_speakers(&store), 1);
    ingest(&store, &[Said::new("anna", "Anna Scholz", "Anna Scholz")]);
    let by_article: std::collections::HashMap<_, _> = speakers(&store).into_iter().collect();
    assert_ne!(by_article["olaf"], by_article["anna"]);
    assert_ne!(by_article["surname"], by_article["olaf"]);
    assert_ne!(by_article["surname"], by_article["anna"]);
    assert!(by_article["surname"].ends_with("/actor/scholz"));
    // The same as ingesting Anna first.
    let other = Store::in_memory().unwrap();
    ingest(
        &other,
        &[
            Said::new("anna", "Anna Scholz", "Anna Scholz"),
            Said::new("surname", "Scholz", "Scholz"),
            Said::new("olaf", "Olaf Scholz", "Olaf Scholz"),
        ],
    );
    assert_eq!(content(&store), content(&other));
}

#[test]
fn capitals_and_the_kremlin_are_the_country() {
    let store = Store::in_memory().unwrap();
    ingest(
        &store,
        &[
            Said {
                kind: ActorKind::Country,
                addressee: Some("Moskau"),
                ..Said::new("a", "USA", "Washington")
            },
            Said {
                kind: ActorKind::Country,
                addressee: Some("der Kreml"),
                ..Said::new("b", "Ukraine", "Kiew")
            },
            Said {
                kind: ActorKind::Country,
                ..Said::new("c", "Russland", "Russland")
            },
        ],
    );
    let actors = store.actors().unwrap();
    let russia = actors.iter().find(|a| a.label == "Russland").unwrap();
    assert!(russia.iri.ends_with("/actor/russland"));
    assert_eq!((russia.claims, russia.addressed), (1, 2));
    assert!(
        russia.alt_labels.contains(&"der Kreml".to_string()),
        "{russia:?}"
    );
    let usa = actors.iter().find(|a| a.label == "USA").unwrap();
    assert!(
        usa.alt_labels.contains(&"Washington".to_string()),
        "{usa:?}"
    );
}

#[test]
fn speaker_roles_are_dated_role_mentions() {
    let store = Store::in_memory().unwrap();
    ingest(
        &store,
        &[Said {
            date: "2025-03-09",
            roles: &["US-Außenministerin"],
            ..Said::new("a", "Margaret Holloway", "Margaret Holloway")
        }],
    );
    let rows = store
        .select(
            "PREFIX cg: <https://claimgraph.dev/ns#>
             PREFIX schema: <http://schema.org/>
             PREFIX prov: <http://www.w3.org/ns/prov#>
             PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
             SELECT ?name ?role ?date ?id WHERE {
               ?actor rdfs:label ?name ; cg:role ?rm .
               ?rm a cg:RoleMention ; schema:roleName ?role ; cg:roleKey \"usa|aussenministerin\" ;
                   schema:startDate ?date ; prov:wasDerivedFrom ?article .
               ?article schema:identifier ?id
             }",
        )
        .unwrap();
    assert_eq!(rows.rows.len(), 1, "{rows:?}");
    let plain: Vec<String> = rows.rows[0]
        .iter()
        .map(|t| {
            t.as_ref()
                .map(claimgraph_kg::plain_term)
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        plain,
        ["Margaret Holloway", "US-Außenministerin", "2025-03-09", "a"]
    );
}

#[test]
fn a_role_alone_links_only_when_one_person_holds_it() {
    let holloway = Said {
        roles: &["US-Außenministerin"],
        ..Said::new("a", "Margaret Holloway", "Margaret Holloway")
    };
    let role_only = Said::new("b", "US-Außenministerin", "Die US-Außenministerin");
    let store = Store::in_memory().unwrap();
    ingest(&store, &[holloway, role_only]);
    assert_eq!(distinct_speakers(&store), 1);
    // A second US-Außenministerin makes the role ambiguous: the link is undone.
    ingest(
        &store,
        &[Said {
            date: "2029-01-20",
            roles: &["amerikanische Außenministerin"],
            ..Said::new("c", "Joan Example", "Joan Example")
        }],
    );
    assert_eq!(distinct_speakers(&store), 3);
}

#[test]
fn a_merge_survives_reingest_and_names_are_checked() {
    let store = Store::in_memory().unwrap();
    let corpus = [
        Said::new("a", "Antony Blinken", "Antony Blinken"),
        Said::new("b", "Tony Blinken", "Tony Blinken"),
        Said::new("c", "Joe Biden", "Joe Biden"),
        Said::new("d", "Hunter Biden", "Hunter Biden"),
    ];
    ingest(&store, &corpus);
    assert_eq!(distinct_speakers(&store), 4);
    assert!(matches!(
        store.merge_actors("Nobody Known", "Antony Blinken"),
        Err(ActorError::Unknown(_))
    ));
    let report = store
        .merge_actors("Tony Blinken", "Antony Blinken")
        .unwrap();
    assert_eq!(report.graphs_rewritten, 1);
    assert_eq!(distinct_speakers(&store), 3);
    assert!(matches!(
        store.merge_actors("Tony Blinken", "Antony Blinken"),
        Err(ActorError::Same(..))
    ));
    ingest(&store, &corpus);
    assert_eq!(distinct_speakers(&store), 3);
    let blinken = store.find_actor("Tony Blinken").unwrap();
    assert!(
        blinken.as_str().ends_with("/actor/antoni-blinken"),
        "{blinken}"
    );
    // `Biden` alone, with two Bidens in the store, stays its own actor,
    // and its label wins over alternative labels when named.
    ingest(&store, &[Said::new("e", "Biden", "Biden")]);
    assert!(store
        .find_actor("Biden")
        .unwrap()
        .as_str()
        .ends_with("/actor/biden"));
}

#[test]
fn a_name_shared_by_two_actors_is_ambiguous() {
    let store = Store::in_memory().unwrap();
    ingest(
        &store,
        &[
            Said::new("a", "Joe Biden", "Biden"),
            Said::new("b", "Hunter Biden", "Hunter Biden"),
            Said::new("c", "Jill Biden", "Biden"),
        ],
    );
    // `Biden` is an alternative label of Joe and of Jill.
    match store.find_actor("Biden") {
        Err(ActorError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 2),
        other => panic!("expected an ambiguity, got {other:?}"),
    }
    assert!(store.find_actor("actor:no-such-actor").is_err());
}

#[test]
fn the_link_pass_is_idempotent() {
    let store = Store::in_memory().unwrap();
    ingest(&store, &lawrow_corpus());
    let before = content(&store);
    let report = store.link_actors(LinkScope::All).unwrap();
    assert_eq!(report.graphs_rewritten, 0);
    assert!(report.keys_linked >= 2, "{report:?}");
    assert_eq!(content(&store), before);
}

#[test]
fn alias_files_are_checked_line_by_line() {
    let ok = AliasFile::parse(
        "# comment\n\nTony Blinken\tAntony Blinken\nPawel Gromow den Amerikanern\tPawel Gromow\n",
        "fixes.tsv",
    )
    .unwrap();
    assert_eq!(ok.aliases.len(), 2);
    assert_eq!(ok.aliases[1].line, 4);
    let one_column = AliasFile::parse("Tony Blinken\n", "fixes.tsv").unwrap_err();
    assert!(
        one_column.to_string().starts_with("fixes.tsv:1: "),
        "{one_column}"
    );
    let three = AliasFile::parse("# x\na\tb\tc\n", "fixes.tsv").unwrap_err();
    assert!(three.to_string().starts_with("fixes.tsv:2: "), "{three}");
    let empty = AliasFile::parse("a\t\n", "fixes.tsv").unwrap_err();
    assert!(empty.to_string().starts_with("fixes.tsv:1: "), "{empty}");
}

#[test]
fn aliases_merge_and_unknown_names_are_reported() {
    let store = Store::in_memory().unwrap();
    ingest(
        &store,
        &[
            Said::new("a", "Antony Blinken", "Antony Blinken"),
            Said::new("b", "Tony Blinken", "Tony Blinken"),
        ],
    );
    let file = AliasFile::parse(
        "Tony Blinken\tAntony Blinken\nNiemand Bekannt\tAntony Blinken\n",
        "fixes.tsv",
    )
    .unwrap();
    let outcome = store.apply_aliases(&file).unwrap();
    assert_eq!(outcome.merged, 1);
    assert_eq!(outcome.skipped.len(), 1);
    assert!(
        outcome.skipped[0].starts_with("fixes.tsv:2: "),
        "{outcome:?}"
    );
    assert_eq!(distinct_speakers(&store), 1);
    // Applying it again changes nothing.
    let again = store.apply_aliases(&file).unwrap();
    assert_eq!((again.merged, again.unchanged), (0, 1));
}

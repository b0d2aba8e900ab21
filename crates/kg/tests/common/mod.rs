//! A small corpus written for these tests: two articles, six claims.
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use claimgraph_kg::IngestRun;
use claimgraph_model::{ActorKind, Claim, ClaimType, DateSource, DateValue, Document, Span};

pub const TEXT_A: &str =
    "Lawrow sagte in Genf: „Wir verlangen verbindliche Sicherheitsgarantien.“ \
Die Nato wies die Forderung am Donnerstag zurück. \
Blinken forderte Russland auf, die Truppen abzuziehen.";

pub const TEXT_B: &str = "Russland verlangt verbindliche Sicherheitsgarantien. \
Moskau bestritt, Truppen zu verlegen. \
Lawrow betonte erneut, man wolle verbindliche Sicherheitsgarantien.";

/// The code-point span of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn span(text: &str, needle: &str, nth: usize) -> Span {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn date(s: &str) -> Option<DateValue> {
    Some(s.parse().expect("test date"))
}

pub fn doc(id: &str, text: &str, published: &str, outlet: &str) -> Document {
    Document {
        id: id.into(),
        text: text.into(),
        date: date(published),
        date_source: DateSource::Metadata,
        title: Some(format!("Titel von {id}")),
        outlet: Some(outlet.into()),
        url: Some(format!("https://example.org/{id}")),
        lang: Some("de".into()),
        origin: format!("tests/{id}"),
    }
}

pub struct ClaimSpec<'a> {
    pub speaker: &'a str,
    pub kind: ActorKind,
    pub wikidata: Option<&'a str>,
    pub mention: &'a str,
    pub cue: &'a [&'a str],
    pub cue_text: &'a str,
    pub claim_type: ClaimType,
    pub content: &'a str,
    /// Which occurrence of the content in the text is meant.
    pub content_nth: usize,
    pub direct: bool,
    pub addressee: Option<&'a str>,
    pub date: &'a str,
    pub sentence: &'a str,
}

pub fn claim(doc: &Document, c: ClaimSpec<'_>) -> Claim {
    Claim {
        doc: doc.id.clone(),
        speaker: c.speaker.into(),
        speaker_kind: c.kind,
        speaker_wikidata: c.wikidata.map(String::from),
        speaker_roles: Vec::new(),
        cue: c.cue_text.into(),
        claim_type: c.claim_type,
        content: c.content.into(),
        direct: c.direct,
        addressee: c.addressee.map(String::from),
        date: date(c.date),
        sentence: c.sentence.into(),
        content_spans: vec![span(&doc.text, c.content, c.content_nth)],
        cue_spans: c.cue.iter().map(|w| span(&doc.text, w, 0)).collect(),
        speaker_mention: Some(span(&doc.text, c.mention, 0).into()),
        confidence: 0.8,
    }
}

/// The two articles and their claims.
pub fn corpus() -> Vec<(Document, Vec<Claim>)> {
    let a = doc("a.txt", TEXT_A, "2022-01-21", "Beispielblatt");
    let b = doc("b.txt", TEXT_B, "2022-01-22", "Morgenpost Test");
    let claims_a = vec![
        claim(
            &a,
            ClaimSpec {
                speaker: "Sergej Lawrow",
                kind: ActorKind::Person,
                wikidata: None,
                mention: "Lawrow",
                cue: &["sagte"],
                cue_text: "sagte",
                claim_type: ClaimType::Statement,
                content: "Wir verlangen verbindliche Sicherheitsgarantien.",
                content_nth: 0,
                direct: true,
                addressee: None,
                date: "2022-01-21",
                sentence:
                    "Lawrow sagte in Genf: „Wir verlangen verbindliche Sicherheitsgarantien.“",
            },
        ),
        claim(
            &a,
            ClaimSpec {
                speaker: "die Nato",
                kind: ActorKind::Organization,
                wikidata: None,
                mention: "Die Nato",
                cue: &["wies", "zurück"],
                cue_text: "wies ... zurück",
                claim_type: ClaimType::Reject,
                content: "die Forderung",
                content_nth: 0,
                direct: false,
                addressee: None,
                date: "2022-01-20",
                sentence: "Die Nato wies die Forderung am Donnerstag zurück.",
            },
        ),
        claim(
            &a,
            ClaimSpec {
                speaker: "Antony Blinken",
                kind: ActorKind::Person,
                wikidata: None,
                mention: "Blinken",
                cue: &["forderte", "auf"],
                cue_text: "forderte ... auf",
                claim_type: ClaimType::Demand,
                content: "die Truppen abzuziehen",
                content_nth: 0,
                direct: false,
                addressee: Some("Russland"),
                date: "2022-01-21",
                sentence: "Blinken forderte Russland auf, die Truppen abzuziehen.",
            },
        ),
    ];
    let claims_b = vec![
        claim(
            &b,
            ClaimSpec {
                speaker: "Russland",
                kind: ActorKind::Country,
                wikidata: Some("Q159"),
                mention: "Russland",
                cue: &["verlangt"],
                cue_text: "verlangt",
                claim_type: ClaimType::Demand,
                content: "verbindliche Sicherheitsgarantien",
                content_nth: 0,
                direct: false,
                addressee: None,
                date: "2022-01-22",
                sentence: "Russland verlangt verbindliche Sicherheitsgarantien.",
            },
        ),
        claim(
            &b,
            ClaimSpec {
                speaker: "Russland",
                kind: ActorKind::Country,
                wikidata: Some("Q159"),
                mention: "Moskau",
                cue: &["bestritt"],
                cue_text: "bestritt",
                claim_type: ClaimType::Deny,
                content: "Truppen zu verlegen",
                content_nth: 0,
                direct: false,
                addressee: None,
                date: "2022",
                sentence: "Moskau bestritt, Truppen zu verlegen.",
            },
        ),
        claim(
            &b,
            ClaimSpec {
                speaker: "Sergej Lawrow",
                kind: ActorKind::Person,
                wikidata: None,
                mention: "Lawrow",
                cue: &["betonte"],
                cue_text: "betonte",
                claim_type: ClaimType::Statement,
                content: "verbindliche Sicherheitsgarantien",
                content_nth: 1,
                direct: false,
                addressee: None,
                date: "2022-01",
                sentence: "Lawrow betonte erneut, man wolle verbindliche Sicherheitsgarantien.",
            },
        ),
    ];
    vec![(a, claims_a), (b, claims_b)]
}

/// A run at a fixed time, so that tests can compare exports.
pub fn run_at(hour: u32) -> IngestRun {
    IngestRun {
        started: Utc
            .with_ymd_and_hms(2024, 5, 1, hour, 0, 0)
            .single()
            .expect("valid time"),
        tool_version: "0.1.0-test".into(),
        inputs: vec!["tests/a.txt".into(), "tests/b.txt".into()],
    }
}

pub fn ingest_all(store: &claimgraph_kg::Store, run: &IngestRun) -> claimgraph_kg::IngestOutcome {
    let corpus = corpus();
    let batch = corpus.iter().map(|(d, c)| (d, c.as_slice()));
    store.ingest_batch(batch, run).expect("ingest")
}

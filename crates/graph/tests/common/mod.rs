//! Claim rows written for these tests (our own sentences), and what the views make of them.
#![allow(dead_code)]

pub mod xml;

use claimgraph_graph::{ClaimRow, View};
use claimgraph_model::{ActorKind, ClaimType};

pub const RUSSIA: &str = "https://claimgraph.dev/id/actor/russland";
pub const NATO: &str = "https://claimgraph.dev/id/actor/nato";
pub const SCHOLZ: &str = "https://claimgraph.dev/id/actor/olaf-scholz";
pub const GOVERNMENT: &str = "https://claimgraph.dev/id/actor/bundesregierung";

pub fn claim_iri(n: u32) -> String {
    format!("https://claimgraph.dev/id/claim/c{n}")
}

pub fn article_iri(n: u32) -> String {
    format!("https://claimgraph.dev/id/article/a{n}")
}

struct Actor {
    iri: &'static str,
    label: &'static str,
    kind: ActorKind,
    wikidata: Option<&'static str>,
}

const RUSSIA_ACTOR: Actor = Actor {
    iri: RUSSIA,
    label: "Russland",
    kind: ActorKind::Country,
    wikidata: Some("Q159"),
};
const NATO_ACTOR: Actor = Actor {
    iri: NATO,
    label: "Nato",
    kind: ActorKind::Organization,
    wikidata: Some("Q7184"),
};
const SCHOLZ_ACTOR: Actor = Actor {
    iri: SCHOLZ,
    label: "Olaf Scholz",
    kind: ActorKind::Person,
    wikidata: None,
};
const GOVERNMENT_ACTOR: Actor = Actor {
    iri: GOVERNMENT,
    label: "Bundesregierung",
    kind: ActorKind::Organization,
    wikidata: None,
};

#[allow(clippy::too_many_arguments)]
fn row(
    claim: u32,
    speaker: &Actor,
    addressee: Option<&Actor>,
    claim_type: ClaimType,
    cue: &str,
    content: &str,
    date: Option<&str>,
    article: u32,
) -> ClaimRow {
    ClaimRow {
        claim_iri: claim_iri(claim),
        speaker_iri: speaker.iri.into(),
        speaker_label: speaker.label.into(),
        speaker_kind: Some(speaker.kind),
        speaker_wikidata: speaker.wikidata.map(Into::into),
        addressee_iri: addressee.map(|a| a.iri.into()),
        addressee_label: addressee.map(|a| a.label.into()),
        // Addressees that never speak have no class in the store.
        addressee_kind: addressee.filter(|a| a.iri != NATO).map(|a| a.kind),
        addressee_wikidata: addressee.and_then(|a| a.wikidata.map(Into::into)),
        claim_type,
        cue: cue.into(),
        content: content.into(),
        date: date.map(|d| d.parse().expect("test date")),
        article_iri: article_iri(article),
        article_id: format!("artikel-{article}.txt"),
        article_title: (article != 3).then(|| format!("Testartikel Nummer {article}")),
        outlet: Some("Testblatt".into()),
        sentence: format!("{} {cue}: {content}", speaker.label),
        confidence: 0.75,
    }
}

/// Seven rows: six claims, one of them (c1) reported by two articles.
///
/// Russland demands twice from and warns the Nato once; Scholz warns Russland;
/// the Nato rejects towards Russland; the Bundesregierung states, undated, to no one.
pub fn sample_rows() -> Vec<ClaimRow> {
    use ClaimType::*;
    vec![
        row(
            1,
            &RUSSIA_ACTOR,
            Some(&NATO_ACTOR),
            Demand,
            "verlangte",
            "verbindliche Zusagen über die Grenzen des Bündnisses",
            Some("2022-01-21"),
            1,
        ),
        row(
            1,
            &RUSSIA_ACTOR,
            Some(&NATO_ACTOR),
            Demand,
            "verlangte",
            "verbindliche Zusagen über die Grenzen des Bündnisses",
            Some("2022-01-21"),
            3,
        ),
        row(
            2,
            &RUSSIA_ACTOR,
            Some(&NATO_ACTOR),
            Demand,
            "forderte",
            "einen Verzicht auf neue Mitglieder",
            Some("2022-01"),
            2,
        ),
        row(
            3,
            &SCHOLZ_ACTOR,
            Some(&RUSSIA_ACTOR),
            Warn,
            "warnte",
            "vor \"hohen Kosten\" <für> Moskau & einem Pfad C:\\neu {x}",
            Some("2022-02-14"),
            1,
        ),
        row(
            4,
            &NATO_ACTOR,
            Some(&RUSSIA_ACTOR),
            Reject,
            "wies ... zurück",
            "die Forderungen aus Moskau",
            Some("2022-01-26"),
            2,
        ),
        row(
            5,
            &GOVERNMENT_ACTOR,
            None,
            Statement,
            "erklärte",
            "man prüfe alle Vorschläge\nsorgfältig",
            None,
            3,
        ),
        row(
            6,
            &RUSSIA_ACTOR,
            Some(&NATO_ACTOR),
            Warn,
            "drohte",
            "mit nicht näher genannten Schritten",
            Some("2022-02-01"),
            2,
        ),
    ]
}

/// (nodes, edges) each view makes of [`sample_rows`].
pub fn expected_counts(view: View) -> (usize, usize) {
    match view {
        // 4 actors; Russland→Nato demand (×2) and warn, Scholz→Russland, Nato→Russland.
        View::Actors => (4, 4),
        // 4 actors + 6 claims + 3 articles; 6 said + 7 reported_in + 5 addressed_to.
        View::Claims => (13, 18),
        // 6 claims + 4 speakers; 6 said + 2 next (Russland: c2 → c1 → c6).
        View::Timeline => (10, 8),
    }
}

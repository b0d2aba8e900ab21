//! The claim record: who said what, when, with the way back to the text.

use crate::DateValue;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A half-open range of Unicode code points `[start, end)` into a document's text.
///
/// Serialised as a two-element array `[start, end]`, the form the scorers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Self {
        Self { start, end }
    }
}

impl From<Span> for (usize, usize) {
    fn from(s: Span) -> Self {
        (s.start, s.end)
    }
}

/// Where the speaker is named in the text, as `{"start", "end"}` (the scorers' form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SpeakerMention {
    pub start: usize,
    pub end: usize,
}

impl From<Span> for SpeakerMention {
    fn from(s: Span) -> Self {
        Self {
            start: s.start,
            end: s.end,
        }
    }
}

impl From<SpeakerMention> for Span {
    fn from(s: SpeakerMention) -> Self {
        Span::new(s.start, s.end)
    }
}

/// What kind of agent an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    /// Governments, alliances, ministries, parties, companies, media.
    Organization,
    /// A country acting as a political agent.
    Country,
}

impl ActorKind {
    pub const ALL: [ActorKind; 3] = [Self::Person, Self::Organization, Self::Country];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Country => "country",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown actor kind {s:?} (person, organization, country)"))
    }
}

/// The speech act a claim reports (the guidelines' table), with its CAMEO top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimType {
    Statement,
    Demand,
    Appeal,
    Warn,
    Deny,
    Reject,
    Announce,
    Promise,
    Accuse,
    Confirm,
    Agree,
    Expect,
}

impl ClaimType {
    pub const ALL: [ClaimType; 12] = [
        Self::Statement,
        Self::Demand,
        Self::Appeal,
        Self::Warn,
        Self::Deny,
        Self::Reject,
        Self::Announce,
        Self::Promise,
        Self::Accuse,
        Self::Confirm,
        Self::Agree,
        Self::Expect,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Statement => "statement",
            Self::Demand => "demand",
            Self::Appeal => "appeal",
            Self::Warn => "warn",
            Self::Deny => "deny",
            Self::Reject => "reject",
            Self::Announce => "announce",
            Self::Promise => "promise",
            Self::Accuse => "accuse",
            Self::Confirm => "confirm",
            Self::Agree => "agree",
            Self::Expect => "expect",
        }
    }

    /// The CAMEO top-level code of the event class (as in the guidelines).
    pub fn cameo(&self) -> &'static str {
        match self {
            Self::Statement | Self::Deny | Self::Confirm | Self::Expect => "01",
            Self::Appeal => "02",
            Self::Announce | Self::Promise => "03",
            Self::Agree => "05",
            Self::Demand => "10",
            Self::Accuse => "11",
            Self::Reject => "12",
            Self::Warn => "13",
        }
    }

    pub fn label_en(&self) -> &'static str {
        match self {
            Self::Statement => "statement",
            Self::Demand => "demand",
            Self::Appeal => "appeal",
            Self::Warn => "warning or threat",
            Self::Deny => "denial",
            Self::Reject => "rejection",
            Self::Announce => "announcement",
            Self::Promise => "promise",
            Self::Accuse => "accusation or criticism",
            Self::Confirm => "confirmation",
            Self::Agree => "agreement",
            Self::Expect => "expectation",
        }
    }

    pub fn label_de(&self) -> &'static str {
        match self {
            Self::Statement => "Aussage",
            Self::Demand => "Forderung",
            Self::Appeal => "Appell",
            Self::Warn => "Warnung oder Drohung",
            Self::Deny => "Dementi",
            Self::Reject => "Ablehnung",
            Self::Announce => "Ankündigung",
            Self::Promise => "Zusage",
            Self::Accuse => "Vorwurf oder Kritik",
            Self::Confirm => "Bestätigung",
            Self::Agree => "Einigung",
            Self::Expect => "Erwartung",
        }
    }
}

impl fmt::Display for ClaimType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClaimType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown claim type {s:?}"))
    }
}

/// One claim record, as `claimgraph extract` writes it (one JSON object a line).
///
/// The field names and forms are the ones of `eval/GUIDELINES.md` plus the
/// evidence offsets; they are a stable interface read by external scorers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub doc: String,
    /// The actor by its fullest name in the document.
    pub speaker: String,
    pub speaker_kind: ActorKind,
    /// Wikidata id (`Q…`) when the actor lexicon knows the speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_wikidata: Option<String>,
    /// Roles and titles the article gives the speaker (`US-Außenminister`), as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speaker_roles: Vec<String>,
    /// The cue as it stands in the text; separable verbs as `kündigte ... an`.
    pub cue: String,
    #[serde(rename = "type")]
    pub claim_type: ClaimType,
    /// The claim's words, quotation marks removed; gaps joined with ` ... `.
    pub content: String,
    pub direct: bool,
    pub addressee: Option<String>,
    /// When the speech act happened; `null` only when nothing dates it.
    pub date: Option<DateValue>,
    /// The sentence or sentences that carry the claim.
    pub sentence: String,
    pub content_spans: Vec<Span>,
    pub cue_spans: Vec<Span>,
    pub speaker_mention: Option<SpeakerMention>,
    /// In [0, 1]; higher means more likely right.
    pub confidence: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_serialises_in_the_scorers_form() {
        let c = Claim {
            doc: "a.txt".into(),
            speaker: "Antony Blinken".into(),
            speaker_kind: ActorKind::Person,
            speaker_wikidata: None,
            speaker_roles: Vec::new(),
            cue: "sagte".into(),
            claim_type: ClaimType::Statement,
            content: "x".into(),
            direct: true,
            addressee: None,
            date: "2022-01-21".parse().ok(),
            sentence: "s".into(),
            content_spans: vec![Span::new(1, 2)],
            cue_spans: vec![Span::new(3, 8)],
            speaker_mention: Some(Span::new(9, 16).into()),
            confidence: 0.9,
        };
        let v: serde_json::Value = serde_json::to_value(&c).unwrap();
        assert_eq!(v["type"], "statement");
        assert_eq!(v["date"], "2022-01-21");
        assert_eq!(v["content_spans"], serde_json::json!([[1, 2]]));
        assert_eq!(
            v["speaker_mention"],
            serde_json::json!({"start": 9, "end": 16})
        );
        assert_eq!(v["speaker_kind"], "person");
        let back: Claim = serde_json::from_value(v).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn every_type_round_trips_through_its_name() {
        for t in ClaimType::ALL {
            assert_eq!(t.as_str().parse::<ClaimType>().unwrap(), t);
        }
    }
}

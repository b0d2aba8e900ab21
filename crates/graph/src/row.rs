//! The flat input of every view: one row per claim and article, and the filter over rows.

use claimgraph_model::{ActorKind, ClaimType, DateValue};
use serde::{Deserialize, Serialize};

/// One claim as reported in one article, with everything the views need.
///
/// A claim reported by several outlets gives one row per article, all with the
/// same `claim_iri`. Labels are display names; IRIs identify nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    pub claim_iri: String,
    pub speaker_iri: String,
    pub speaker_label: String,
    pub speaker_kind: Option<ActorKind>,
    /// Wikidata id (`Q…`) when known.
    pub speaker_wikidata: Option<String>,
    pub addressee_iri: Option<String>,
    pub addressee_label: Option<String>,
    pub addressee_kind: Option<ActorKind>,
    pub addressee_wikidata: Option<String>,
    pub claim_type: ClaimType,
    pub cue: String,
    pub content: String,
    /// When the claim was made; `None` when nothing dates it.
    pub date: Option<DateValue>,
    pub article_iri: String,
    /// The document id the article was read from.
    pub article_id: String,
    pub article_title: Option<String>,
    pub outlet: Option<String>,
    pub sentence: String,
    pub confidence: f32,
}

/// Which rows a graph is built from; every `None` field lets all rows through.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Keep claims whose date overlaps the range starting at this value.
    pub from: Option<DateValue>,
    /// Keep claims whose date overlaps the range ending with this value.
    pub to: Option<DateValue>,
    /// Keep claims this actor made or was addressed by (name, IRI or Wikidata id).
    pub actor: Option<String>,
    pub claim_type: Option<ClaimType>,
}

impl Filter {
    /// Whether `row` passes every condition of the filter.
    ///
    /// Dates compare by the days they cover: `2022-01` passes `--from 2022-01-15`
    /// because part of January lies after the 15th. An undated claim fails any
    /// date bound, since nothing says it lies inside the range.
    pub fn matches(&self, row: &ClaimRow) -> bool {
        self.matches_type(row) && self.matches_actor(row) && self.matches_dates(row)
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    fn matches_type(&self, row: &ClaimRow) -> bool {
        self.claim_type.is_none_or(|t| t == row.claim_type)
    }

    fn matches_actor(&self, row: &ClaimRow) -> bool {
        let Some(wanted) = &self.actor else {
            return true;
        };
        let speaker = actor_matches(
            wanted,
            &row.speaker_iri,
            &row.speaker_label,
            row.speaker_wikidata.as_deref(),
        );
        let addressee = match (&row.addressee_iri, &row.addressee_label) {
            (Some(iri), Some(label)) => {
                actor_matches(wanted, iri, label, row.addressee_wikidata.as_deref())
            }
            _ => false,
        };
        speaker || addressee
    }

    fn matches_dates(&self, row: &ClaimRow) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some((first, last)) = row.date.as_ref().and_then(day_range) else {
            return false;
        };
        let after_from = match self.from.as_ref().and_then(day_range) {
            Some((from_first, _)) => last >= from_first,
            None => true,
        };
        let before_to = match self.to.as_ref().and_then(day_range) {
            Some((_, to_last)) => first <= to_last,
            None => true,
        };
        after_from && before_to
    }
}

/// An actor matches by IRI, Wikidata id, or by its label containing the
/// wanted words in order (`Scholz` finds `Olaf Scholz`), ignoring case.
fn actor_matches(wanted: &str, iri: &str, label: &str, wikidata: Option<&str>) -> bool {
    let wanted = wanted.trim();
    if wanted.is_empty() {
        return false;
    }
    if iri == wanted || wikidata.is_some_and(|q| q.eq_ignore_ascii_case(wanted)) {
        return true;
    }
    let label_words = words(label);
    let wanted_words = words(wanted);
    label_words
        .windows(wanted_words.len())
        .any(|w| w == wanted_words.as_slice())
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The first and last day a date covers, as days since 1970-01-01.
pub fn day_range(date: &DateValue) -> Option<(i64, i64)> {
    Some((first_day(date)?.to_days()?, last_day(date)?.to_days()?))
}

/// The first day a date covers: the date itself, the 1st of its month, or 1 January.
pub fn first_day(date: &DateValue) -> Option<DateValue> {
    DateValue::ymd(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

/// The last day a date covers: the date itself, the end of its month, or 31 December.
pub fn last_day(date: &DateValue) -> Option<DateValue> {
    match (date.month, date.day) {
        (Some(m), Some(d)) => DateValue::ymd(date.year, m, d),
        (Some(12), None) | (None, _) => DateValue::ymd(date.year, 12, 31),
        // The day before the first of the next month.
        (Some(m), None) => DateValue::ymd(date.year, m + 1, 1)?.add_days(-1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> DateValue {
        s.parse().expect("test date")
    }

    #[test]
    fn coarse_dates_cover_their_days() {
        assert_eq!(last_day(&date("2024-02")), Some(date("2024-02-29")));
        assert_eq!(last_day(&date("2021-12")), Some(date("2021-12-31")));
        assert_eq!(first_day(&date("2022")), Some(date("2022-01-01")));
        assert_eq!(last_day(&date("2022-03-04")), Some(date("2022-03-04")));
    }

    #[test]
    fn actor_names_match_by_words() {
        assert!(actor_matches("scholz", "x", "Olaf Scholz", None));
        assert!(actor_matches("Q567", "x", "Angela Merkel", Some("Q567")));
        assert!(!actor_matches("Nato-Rat", "x", "Nato", None));
        assert!(!actor_matches("Olaf", "x", "Olafs Partei", None));
        assert!(!actor_matches(" ", "x", "Olaf", None));
    }
}

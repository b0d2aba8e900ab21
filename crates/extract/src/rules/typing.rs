//! Claim types beyond the cue lexicon.

use super::words::names_preposition;
use crate::doc::Prepared;
use crate::lexicon::{FormUse, Lexicon};
use claimgraph_model::ClaimType;

/// Deny versus reject: rejecting a demand or proposal is `reject`; a
/// statement whose content is the speaker's own stance takes its type
/// (`stance_of_content`).
pub(super) fn refine_type(
    p: &Prepared,
    lex: &Lexicon,
    t: ClaimType,
    content: &[(usize, usize)],
) -> ClaimType {
    let has = |needles: &[&str]| {
        content.iter().any(|&(a, b)| {
            (a..b).any(|j| {
                let w = p.lower(j);
                needles.iter().any(|n| has_part(w, n))
            })
        })
    };
    match t {
        ClaimType::Deny
            if has(&[
                "forderung",
                "vorschlag",
                "angebot",
                "plan",
                "antrag",
                "bitte",
                "ultimatum",
            ]) =>
        {
            ClaimType::Reject
        }
        ClaimType::Statement if has(&["verhandelbar"]) => ClaimType::Reject,
        ClaimType::Statement => content
            .first()
            .and_then(|&span| stance_of_content(p, lex, span))
            .unwrap_or(t),
        _ => t,
    }
}

/// Subject pronouns that, next to the content's own verb, are the speaker:
/// `er`/`sie` in reported speech, `ich`/`wir` in a quotation, `man`.
const SPEAKER_PRONOUNS: [&str; 5] = ["er", "sie", "ich", "wir", "man"];

/// How far into the content its first verb is looked for: the subject and
/// the verb open a clause (`er rechne`, `Wir hoffen`), or one word stands
/// before the verb and the subject follows it (`Dabei hoffe er`).
const STANCE_WINDOW: usize = 3;

/// `sagte, er rechne nicht mit einer Einigung`, `„Wir hoffen, dass …“`: when
/// the content opens with the speaker's own verb of a more specific kind (a
/// cue of expectation, warning, demand, …, next to a subject pronoun), the
/// statement is of that kind: the guidelines take the more specific type.
/// A verb with another subject (`sagte, Russland fordere …`) reports a third
/// party's stance and leaves the statement as it is.
fn stance_of_content(p: &Prepared, lex: &Lexicon, (a, b): (usize, usize)) -> Option<ClaimType> {
    let end = b.min(a + STANCE_WINDOW);
    let is_pronoun = |j: usize| j >= a && j < b && SPEAKER_PRONOUNS.contains(&p.lower(j));
    (a..end)
        .filter(|&j| is_pronoun(j.wrapping_sub(1)) || is_pronoun(j + 1))
        .find_map(|j| stance_of_verb(p, lex, j, b))
}

/// The type of the cue verb at `j` when it is a stance of its own: a whole
/// verb form (no particle or phrase words to find), not a statement, with its
/// preposition in the next words when it needs one (`rechne … mit`).
fn stance_of_verb(p: &Prepared, lex: &Lexicon, j: usize, end: usize) -> Option<ClaimType> {
    p.cue_forms(lex, j).iter().find_map(|&(idx, form_use)| {
        let entry = lex.cues.get(idx)?;
        let fits = form_use == FormUse::Whole
            && entry.claim_type != ClaimType::Statement
            && !entry.weak
            && entry.particle.is_none()
            && entry.requires.is_empty()
            && entry.preposition.as_deref().is_none_or(|prep| {
                (j + 1..end.min(j + 6)).any(|k| names_preposition(p.lower(k), prep))
            });
        let negated = || (j + 1..end.min(j + 6)).any(|k| is_negation(p.lower(k)));
        // `Wir drohen niemandem`: a speech act denied is not made; an
        // expectation stays one (`wir rechnen nicht damit`)
        let made = entry.claim_type == ClaimType::Expect || !negated();
        (fits && made).then_some(entry.claim_type)
    })
}

/// `nicht`, `nie`, `niemand…`, `kein…`: the words that negate a clause.
fn is_negation(w: &str) -> bool {
    matches!(w, "nicht" | "nie" | "niemals") || w.starts_with("niemand") || w.starts_with("kein")
}

/// Whether `part` occurs in `word`: a scan for its first byte and a compare
/// where that stands. `str::contains` would set up a searcher for every word
/// of the content, which costs more than scanning a word.
fn has_part(word: &str, part: &str) -> bool {
    let part = part.as_bytes();
    let Some(first) = part.first() else {
        return true;
    };
    word.as_bytes()
        .windows(part.len())
        .any(|w| w.first() == Some(first) && w == part)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn has_part_agrees_with_contains(word in "[a-cä]{0,8}", part in "[a-cä]{0,3}") {
            proptest::prop_assert_eq!(has_part(&word, &part), word.contains(part.as_str()));
        }
    }
}

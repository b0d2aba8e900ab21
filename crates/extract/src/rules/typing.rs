//! Claim types beyond the cue lexicon.

use crate::doc::Prepared;
use claimgraph_model::ClaimType;

/// Deny versus reject: rejecting a demand or proposal is `reject`.
pub(super) fn refine_type(p: &Prepared, t: ClaimType, content: &[(usize, usize)]) -> ClaimType {
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
        _ => t,
    }
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

//! Claim types beyond the cue lexicon.

use crate::doc::Prepared;
use claimgraph_model::ClaimType;

/// Deny versus reject: rejecting a demand or proposal is `reject`.
pub(super) fn refine_type(p: &Prepared, t: ClaimType, content: &[(usize, usize)]) -> ClaimType {
    let has = |needles: &[&str]| {
        content.iter().any(|&(a, b)| {
            (a..b).any(|j| {
                let w = p.lower(j);
                // most words are shorter than the needle: no substring searcher is built for them
                needles.iter().any(|n| w.len() >= n.len() && w.contains(n))
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

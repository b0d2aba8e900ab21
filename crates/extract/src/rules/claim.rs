//! One cue: its speakers, addressee and content become claims.

use super::confidence::Pattern;
use super::cue::Cue;
use super::typing::refine_type;
use super::{Found, Rules, Speaker};
use claimgraph_model::ClaimType;

impl<'a, 'l> Rules<'a, 'l> {
    pub(super) fn claims_of_cue(&mut self, si: usize, cue: &Cue<'l>) -> Vec<Found> {
        let s = self.p.sents[si];
        let finite = self.finite_position(cue);
        let Some((speakers, sp_range, inverted)) = self.speakers_of(cue, finite, &s) else {
            return Vec::new();
        };
        let (speakers, sp_range, inverted) = if cue.entry.lemma == "zitieren" {
            // "die Agentur zitierte X mit den Worten": X speaks, the medium relays
            let from = if inverted { sp_range.1 } else { cue.tok + 1 };
            match self.np_at(from, cue.clause.1) {
                Some((sps, range)) => (sps, range, true),
                None => return Vec::new(),
            }
        } else {
            (speakers, sp_range, inverted)
        };
        let addressee = self.addressee(cue, sp_range, inverted);
        let Some((content, pattern, last_sentence)) =
            self.content_of(si, cue, sp_range, inverted, addressee.as_ref().map(|a| a.1))
        else {
            return Vec::new();
        };
        let mut cue_spans = vec![(cue.tok, cue.tok + 1)];
        if let Some(pt) = cue.particle {
            cue_spans.push((pt, pt + 1));
        }
        for &x in &cue.extra {
            cue_spans.push((x, x + 1));
        }
        cue_spans.sort_unstable();
        let claim_type = refine_type(self.p, cue.entry.claim_type, &content);
        let speakers: Vec<_> = speakers
            .into_iter()
            .filter(|sp| weak_evidence_holds(pattern, sp, claim_type))
            .collect();
        speakers
            .into_iter()
            .map(|sp| Found {
                confidence: 0.0,
                pattern,
                weak_cue: cue.entry.weak,
                speaker: sp,
                cue: cue_spans.clone(),
                claim_type,
                content: content.clone(),
                addressee: addressee.as_ref().map(|a| a.0.clone()),
                sentences: (si, last_sentence),
                date_sentence: si,
            })
            .collect()
    }
}

/// Shapes that are often narrative rather than reported speech need a named
/// speaker: the object of a verb (`lehnte den Plan ab`) only for a stance
/// (not a plain statement), and an indicative clause beside the cue.
fn weak_evidence_holds(pattern: Pattern, sp: &Speaker, claim_type: ClaimType) -> bool {
    let named = sp.certainty >= 0.99;
    match pattern {
        // a role noun (`der Konzern`) is enough for a stance, a plain statement needs more
        Pattern::Object | Pattern::ObjectLoose if claim_type == ClaimType::Statement => {
            sp.certainty >= 0.8
        }
        Pattern::Object | Pattern::ObjectLoose => sp.certainty >= 0.6,
        Pattern::ClauseBefore | Pattern::ClauseAfter => named,
        _ => true,
    }
}

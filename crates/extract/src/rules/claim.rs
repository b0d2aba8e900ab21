//! One cue: its speakers, addressee and content become claims.

use super::cue::Cue;
use super::typing::refine_type;
use super::{Found, Rules};

impl<'a, 'l> Rules<'a, 'l> {
    pub(super) fn claims_of_cue(&mut self, si: usize, cue: &Cue<'l>) -> Vec<Found> {
        let s = self.p.sents[si];
        let (cs, ce) = cue.clause;
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
        let Some((content, mut conf, last_sentence)) =
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
        if cue.entry.weak {
            conf -= 0.2;
        }
        let claim_type = refine_type(self.p, cue.entry.claim_type, &content);
        let _ = (cs, ce);
        speakers
            .into_iter()
            .map(|sp| Found {
                confidence: (conf * (0.6 + 0.4 * sp.certainty)).clamp(0.05, 0.99),
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

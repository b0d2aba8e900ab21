//! Reported speech that goes on in later sentences without a cue of its own.

use super::confidence::Pattern;
use super::{Found, Rules};

impl<'a, 'l> Rules<'a, 'l> {
    /// A sentence without a cue that continues the previous claim: reported
    /// speech in Konjunktiv, or a sentence that is only a quotation.
    pub(super) fn continuation(&mut self, si: usize, prev: &Found) -> Option<Found> {
        let s = self.p.sents[si];
        let ps = self.p.sents[prev.sentences.1];
        if s.headline || s.paragraph > ps.paragraph + 1 {
            return None;
        }
        if let Some(q) = self.pure_quote(&s) {
            if s.paragraph != ps.paragraph {
                return None;
            }
            return Some(Found {
                content: vec![q],
                sentences: (si, si),
                pattern: Pattern::ContinuedQuote,
                ..prev.clone()
            });
        }
        let span = self.trim(s.tok_start, s.tok_end);
        let first = self.p.word(s.tok_start);
        // a new speaker or a question ends the reported speech
        let _ = first;
        if self.p.word(s.tok_end - 1) == "?" {
            return None;
        }
        let kj = (span.0..span.1).find(|&j| !self.p.quotes.inside(j) && self.is_konjunktiv(j))?;
        // the Konjunktiv verb must stand early: in the main clause, not in a late subordinate one
        if kj > span.0 + 8 && (span.0..kj).any(|j| self.p.word(j) == ",") {
            return None;
        }
        let pattern = if matches!(
            self.p.word(kj),
            "würde" | "würden" | "hätte" | "wäre" | "könnte" | "sollte" | "müsste"
        ) {
            Pattern::ContinuedKonjunktiv2
        } else {
            Pattern::ContinuedKonjunktiv
        };
        Some(Found {
            content: vec![span],
            sentences: (si, si),
            date_sentence: prev.date_sentence,
            pattern,
            ..prev.clone()
        })
    }
}

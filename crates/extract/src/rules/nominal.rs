//! Nominal cues: laut X, X zufolge, nach Angaben X, so X, heißt es, X: „…“.

use super::confidence::Pattern;
use super::words::*;
use super::{is_sep, lower_in, Found, Rules, Speaker};
use crate::doc::is_determiner;
use claimgraph_model::ClaimType;
use claimgraph_text::token::is_capitalized;

impl<'a, 'l> Rules<'a, 'l> {
    pub(super) fn nominal_cues(&mut self, si: usize) -> Vec<Found> {
        let s = self.p.sents[si];
        let mut out = Vec::new();
        for i in s.tok_start..s.tok_end {
            if self.p.quotes.inside(i) {
                continue;
            }
            let found = match self.p.lower(i) {
                "laut" => self.after_phrase(si, i, i + 1, Pattern::Laut),
                "zufolge" => self.before_zufolge(si, i),
                "nach" | "aus" | "gemäß" if self.source_noun_at(i + 1, s.tok_end) => {
                    self.after_phrase(si, i, i + 1, Pattern::SourceNoun)
                }
                // "Dem Vernehmen nach", "eigenen Angaben nach": a postposition
                "nach" if self.source_noun_before(i, s.tok_start) => self.before_nach(si, i),
                "demnach" if !self.p.quotes.inside(i) => self.demnach(si, i),
                "wonach" if i > s.tok_start && self.p.word(i - 1) == "," => self.wonach(si, i),
                "so" if i > s.tok_start && self.p.word(i - 1) == "," => self.so_speaker(si, i),
                "heißt" | "hieß" if self.p.word(i + 1) == "es" => self.heisst_es(si, i),
                _ => None,
            };
            if let Some(f) = found {
                out.push(f);
            }
        }
        out
    }

    /// `nach Angaben der Polizei`, `aus Sicht von X`, `nach Medienberichten`:
    /// a noun of information sources after the preposition.
    pub(super) fn source_noun_at(&self, i: usize, end: usize) -> bool {
        let mut j = i;
        while j < end && j < i + 3 && self.p.is_word(j) && !is_capitalized(self.p.word(j)) {
            j += 1;
        }
        let w = self.p.lower(j);
        SOURCE_NOUNS.iter().any(|n| w.ends_with(n))
    }

    fn source_noun_before(&self, i: usize, start: usize) -> bool {
        i > start && {
            let w = self.p.lower(i - 1);
            is_capitalized(self.p.word(i - 1))
                && (SOURCE_NOUNS.iter().any(|n| w.ends_with(n)) || w == "vernehmen")
                && !(self.p.is_word(i + 1) && is_capitalized(self.p.word(i + 1)))
        }
    }

    /// `Dem Vernehmen nach …`, `Seiner Ansicht nach …`: the phrase before `nach` names the source.
    fn before_nach(&mut self, si: usize, i: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let mut a = i - 1;
        while a > s.tok_start
            && a + 4 > i
            && self.p.is_word(a - 1)
            && (!is_capitalized(self.p.word(a - 1)) || a - 1 == s.tok_start)
            && !is_sep(self.p, a - 1)
        {
            a -= 1;
        }
        if a > s.tok_start
            && is_capitalized(self.p.word(a - 1))
            && is_determiner(self.p.word(a - 1))
        {
            a -= 1;
        }
        let speaker = self.phrase_speaker(a, i);
        let left = self.trim(s.tok_start, a);
        let right = self.trim(i + 1, s.tok_end);
        let spans: Vec<(usize, usize)> = [left, right].into_iter().filter(|(a, b)| b > a).collect();
        self.nominal_found(
            si,
            vec![speaker],
            vec![(i, i + 1)],
            spans,
            Pattern::NachPostposition,
        )
    }

    /// `Demnach …`: the source of the previous report goes on.
    fn demnach(&mut self, si: usize, i: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let mut speaker = self.phrase_speaker(i, i + 1);
        if let Some(prev) = self.last_group.first() {
            speaker.name.clone_from(&prev.name);
            speaker.kind = prev.kind;
            speaker.wikidata.clone_from(&prev.wikidata);
            speaker.entity = prev.entity;
        }
        let left = self.trim(s.tok_start, i);
        let right = self.trim(i + 1, s.tok_end);
        let spans: Vec<(usize, usize)> = [left, right].into_iter().filter(|(a, b)| b > a).collect();
        self.nominal_found(si, vec![speaker], vec![(i, i + 1)], spans, Pattern::Demnach)
    }

    /// `…, ein Bericht, wonach …`: the noun phrase before the comma is the source.
    fn wonach(&mut self, si: usize, i: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let comma = i - 1;
        let from = comma.saturating_sub(7).max(s.tok_start);
        let start = (from..comma).find(|&j| {
            let w = self.p.word(j);
            (is_determiner(w) || is_capitalized(w))
                && self.np_at(j, comma).is_some_and(|(_, (_, e))| e == comma)
        })?;
        let (speakers, _) = self.np_at(start, comma)?;
        let right = self.trim(i + 1, s.tok_end);
        self.nominal_found(si, speakers, vec![(i, i + 1)], vec![right], Pattern::Wonach)
    }

    /// A speaker known only by the words of its phrase (`eigenen Angaben`).
    fn phrase_speaker(&self, a: usize, b: usize) -> Speaker {
        Speaker {
            name: crate::strip_quotes(self.p.slice(a, b)),
            kind: claimgraph_model::ActorKind::Organization,
            wikidata: None,
            entity: None,
            mention: (a, b),
            certainty: 0.5,
        }
    }

    /// `laut X …`: X right after the cue word(s), content the rest of the sentence.
    pub(super) fn after_phrase(
        &mut self,
        si: usize,
        cue_start: usize,
        np: usize,
        pattern: Pattern,
    ) -> Option<Found> {
        let s = self.p.sents[si];
        let (speakers, (_, end)) = self.np_at(np, s.tok_end)?;
        let left = self.trim(s.tok_start, cue_start);
        let right = self.trim(end, s.tok_end);
        let spans: Vec<(usize, usize)> = [left, right].into_iter().filter(|(a, b)| b > a).collect();
        self.nominal_found(si, speakers, vec![(cue_start, np)], spans, pattern)
    }

    pub(super) fn before_zufolge(&mut self, si: usize, i: usize) -> Option<Found> {
        let s = self.p.sents[si];
        // the longest noun phrase that ends right before "zufolge"
        let from = i.saturating_sub(7).max(s.tok_start);
        let mut found = None;
        for j in from..i {
            let w = self.p.word(j);
            if !(is_determiner(w) || is_capitalized(w)) {
                continue;
            }
            if let Some((sp, (_, end))) = self.np_at(j, i) {
                if end == i {
                    found = Some((j, sp));
                    break;
                }
            }
        }
        let (start, speakers) = found?;
        let left = self.trim(s.tok_start, start);
        let right = self.trim(i + 1, s.tok_end);
        let spans: Vec<(usize, usize)> = [left, right].into_iter().filter(|(a, b)| b > a).collect();
        self.nominal_found(si, speakers, vec![(i, i + 1)], spans, Pattern::Zufolge)
    }

    /// `„…“, so X.` / `…, so X.`
    pub(super) fn so_speaker(&mut self, si: usize, i: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let (speakers, (_, end)) = self.np_at(i + 1, s.tok_end)?;
        if end < s.tok_end && !is_sep(self.p, end) {
            return None;
        }
        let content = match self.quote_ending_at(i, &s) {
            Some(q) => q,
            None => self.trim(s.tok_start, i - 1),
        };
        self.nominal_found(si, speakers, vec![(i, i + 1)], vec![content], Pattern::So)
    }

    /// `…, hieß es in Moskau` / `Aus X hieß es, …`
    pub(super) fn heisst_es(&mut self, si: usize, i: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let mut j = i + 2;
        while j < s.tok_end
            && lower_in(
                self.p.word(j),
                &[
                    "in", "aus", "bei", "von", "im", "vom", "seitens", "dazu", "am", "auch",
                ],
            )
        {
            j += 1;
        }
        let (speakers, (_, end)) = self.np_at(j, s.tok_end)?;
        let content = if i > s.tok_start && self.p.word(i - 1) == "," {
            self.trim(s.tok_start, i - 1)
        } else {
            let mut a = end;
            while a < s.tok_end && matches!(self.p.word(a), "," | ":") {
                a += 1;
            }
            self.trim(a, s.tok_end)
        };
        self.nominal_found(
            si,
            speakers,
            vec![(i, i + 2)],
            vec![content],
            Pattern::HeisstEs,
        )
    }

    pub(super) fn nominal_found(
        &mut self,
        si: usize,
        speakers: Vec<Speaker>,
        cue: Vec<(usize, usize)>,
        content: Vec<(usize, usize)>,
        pattern: Pattern,
    ) -> Option<Found> {
        let words: usize = content
            .iter()
            .map(|&(a, b)| (a..b).filter(|&j| self.p.is_word(j)).count())
            .sum();
        if words < 3 {
            return None;
        }
        let sp = speakers.into_iter().next()?;
        let last = self.p.sents[si].tok_end;
        let _ = last;
        Some(Found {
            confidence: 0.0,
            pattern,
            weak_cue: false,
            speaker: sp,
            cue,
            claim_type: ClaimType::Statement,
            content,
            addressee: None,
            sentences: (si, si),
            date_sentence: si,
        })
    }

    /// `Lawrow: „…“` — a colon after a named speaker at the start of a sentence.
    pub(super) fn colon_speaker(&mut self, si: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let colon =
            (s.tok_start..s.tok_end.min(s.tok_start + 8)).find(|&j| self.p.word(j) == ":")?;
        let (speakers, (_, end)) = self.np_at(s.tok_start, colon)?;
        if end != colon {
            return None;
        }
        let q = self.quote_starting_at(colon + 1)?;
        let mut spans = vec![q];
        let last = self.quote_after(si, q.1 + 1, &mut spans);
        let sp = speakers.into_iter().next()?;
        Some(Found {
            confidence: 0.0,
            pattern: Pattern::ColonSpeaker,
            weak_cue: false,
            speaker: sp,
            cue: vec![(colon, colon + 1)],
            claim_type: ClaimType::Statement,
            content: spans,
            addressee: None,
            sentences: (si, last),
            date_sentence: si,
        })
    }

    /// `X versuchte mit den Worten zu beruhigen: „…“`, `Mit den Worten „…“ wandte er sich …`:
    /// the quotation after `mit den Worten` is the subject's.
    pub(super) fn with_the_words(&mut self, si: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let mit = (s.tok_start..s.tok_end.saturating_sub(2)).find(|&j| {
            self.p.word(j).eq_ignore_ascii_case("mit")
                && self.p.word(j + 1) == "den"
                && self.p.word(j + 2) == "Worten"
                && !self.p.quotes.inside(j)
        })?;
        let open = (mit + 3..s.tok_end.min(mit + 9)).find(|&j| self.p.toks[j].is_quote())?;
        let q = self.p.quotes.top_level_at(open)?;
        let close = q.close?;
        let content = self.trim_quote(q.inner_start, q.inner_end);
        let (speakers, _) = if mit == s.tok_start {
            // the subject follows the finite verb after the quotation
            let from = close + 1 + usize::from(self.p.word(close + 1) == ",");
            (from + 1..s.tok_end.min(from + 4)).find_map(|j| self.np_at(j, s.tok_end))?
        } else {
            self.np_at(s.tok_start, mit)?
        };
        let sp = speakers.into_iter().next()?;
        Some(Found {
            confidence: 0.0,
            pattern: Pattern::ColonSpeaker,
            weak_cue: false,
            speaker: sp,
            cue: vec![(mit, mit + 3)],
            claim_type: ClaimType::Statement,
            content: vec![content],
            addressee: None,
            sentences: (si, si),
            date_sentence: si,
        })
    }

    /// `Zypries sieht darin eine Bestätigung: „…“`: a quotation after a colon
    /// in a sentence whose subject is a named person or known actor.
    pub(super) fn subject_colon_quote(&mut self, si: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let colon = (s.tok_start + 2..s.tok_end)
            .find(|&j| self.p.word(j) == ":" && !self.p.quotes.inside(j))?;
        let q = self.quote_starting_at(colon + 1)?;
        let subject = self
            .np_at(s.tok_start, colon)
            .and_then(|(sps, _)| sps.into_iter().next())
            .filter(|sp| sp.entity.is_some() && sp.certainty >= 0.99);
        let sp = match subject {
            Some(sp) => sp,
            None => {
                // inverted: the first person named outside a prepositional or genitive phrase
                let m = self
                    .p
                    .mentions
                    .iter()
                    .filter(|m| m.start > s.tok_start && m.end <= colon)
                    .find(|m| {
                        let e = &self.p.entities[m.entity];
                        e.kind == claimgraph_model::ActorKind::Person
                            && e.surname.is_some()
                            && !self.in_prepositional_phrase(m.start)
                            && !self.after_genitive(m.start)
                    })
                    .copied()?;
                self.speaker_of_entity(m.entity, (m.start, m.end), 1.0)
            }
        };
        let mut spans = vec![q];
        let last = self.quote_after(si, q.1 + 1, &mut spans);
        Some(Found {
            confidence: 0.0,
            pattern: Pattern::ColonSpeaker,
            weak_cue: false,
            speaker: sp,
            cue: vec![(colon, colon + 1)],
            claim_type: ClaimType::Statement,
            content: spans,
            addressee: None,
            sentences: (si, last),
            date_sentence: si,
        })
    }
}

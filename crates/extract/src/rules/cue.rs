//! Cue detection: a verb or phrase of saying, its particle and its clause.

use super::words::*;
use super::{is_sep, Rules};
use crate::lexicon::{CueEntry, FormUse};
use claimgraph_model::ActorKind;
use claimgraph_text::segment::Sentence;
use claimgraph_text::token::{is_capitalized, TokenKind};

/// A cue occurrence with its clause.
#[derive(Debug, Clone)]
pub(super) struct Cue<'l> {
    pub(super) tok: usize,
    pub(super) entry: &'l CueEntry,
    pub(super) use_: FormUse,
    pub(super) particle: Option<usize>,
    pub(super) extra: Vec<usize>,
    pub(super) clause: (usize, usize),
    /// The finite verb of the clause (`finite_position`), found once.
    pub(super) finite: usize,
}
impl<'a, 'l> Rules<'a, 'l> {
    /// The cue at token `i` of sentence `s`, if any (a word only). Inlined into the loops
    /// over a sentence's words: `#[inline]` alone left it a call per word.
    #[inline(always)]
    pub(super) fn cue_at(&self, i: usize, s: &Sentence) -> Option<Cue<'l>> {
        // asked for every word: the common answer (no cue form, looked up
        // once per token) without a call, before the word is looked at
        let forms = self.p.cue_forms(self.lex, i);
        if forms.is_empty() || !self.p.is_word(i) || is_capitalized(self.p.word(i)) {
            return None;
        }
        self.cue_of_forms(i, s, forms)
    }

    /// The best cue at token `i` among the lexicon's `forms` of its word.
    #[inline(never)]
    fn cue_of_forms(
        &self,
        i: usize,
        s: &Sentence,
        forms: &'l [(usize, FormUse)],
    ) -> Option<Cue<'l>> {
        // "als erwartet", "wie angekündigt": comparisons, not speech acts
        if i > s.tok_start
            && matches!(self.p.word(i - 1), "als" | "wie")
            && (i + 1 >= s.tok_end || is_sep(self.p, i + 1))
        {
            return None;
        }
        // a verb-final passive: "wie erwartet wurde", "das gefordert wird" (the perfect
        // "war gefordert worden" is a passive cue: it speaks through an agent or a document)
        // (and "gefordert worden sei")
        if matches!(self.p.word(i + 1), "werden" | "wird" | "wurde" | "wurden")
            || self.p.word(i + 1) == "worden" && self.lower_is(i + 2, &AUXILIARIES)
        {
            return None;
        }
        if i > s.tok_start && self.p.word(i - 1) == "zu" {
            return None;
        }
        if !self.phrase_words_may_occur(forms, s) {
            return None;
        }
        let clause = self.clause(i, s);
        let mut best: Option<(u8, Cue<'l>)> = None;
        // "meldete das Patent an", "rief den Notstand aus": a particle at the clause end
        // makes another verb (anmelden, ausrufen) of a finite form
        let stray_particle = self.stray_particle(i, clause);
        for &(idx, use_) in forms {
            let entry = &self.lex.cues[idx];
            if use_ == FormUse::Whole && entry.particle.is_none() && stray_particle.is_some() {
                continue;
            }
            if entry.no_reflexive && self.reflexive_near(i, clause) {
                continue;
            }
            let mut score = 1u8;
            let mut particle = None;
            if use_ == FormUse::Split {
                let Some(pt) = self.particle(i, clause, entry.particle.as_deref().unwrap_or(""))
                else {
                    continue;
                };
                particle = Some(pt);
                score += 2;
            }
            if let Some(prep) = &entry.preposition {
                let found = (clause.0..clause.1).any(|j| names_preposition(self.p.lower(j), prep));
                if !found {
                    continue;
                }
                score += 1;
            }
            let mut extra = Vec::new();
            let mut ok = true;
            for r in &entry.requires {
                match (clause.0..clause.1).find(|&j| self.p.lower(j) == *r) {
                    Some(j) => extra.push(j),
                    None => ok = false,
                }
            }
            if !ok {
                continue;
            }
            score += 2 * entry.requires.len() as u8;
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((
                    score,
                    Cue {
                        tok: i,
                        entry,
                        use_,
                        particle,
                        extra,
                        clause,
                        finite: i,
                    },
                ));
            }
        }
        // the speaker, the addressee and the content all ask for the finite verb
        best.map(|(_, mut c)| {
            c.finite = self.finite_position(&c);
            c
        })
    }

    /// Whether some form could find the words its phrase requires (`der
    /// Meinung sein`) in the clause: false when every form requires one that
    /// the whole sentence lacks. Forms of common verbs (`ist`, `war`) have only
    /// such phrases, and most of their sentences hold none of the words: they
    /// are let go before their clause is looked for.
    fn phrase_words_may_occur(&self, forms: &[(usize, FormUse)], s: &Sentence) -> bool {
        let lowers = self.p.lowers(s.tok_start, s.tok_end);
        forms.iter().any(|&(idx, use_)| {
            self.lex.cues.get(idx).is_some_and(|entry| {
                entry.requires.iter().all(|r| has_word(lowers, r))
                    // a split form needs its particle somewhere in the sentence (`nahm … an`)
                    && (use_ != FormUse::Split
                        || entry.particle.as_deref().is_some_and(|pt| has_word(lowers, pt)))
            })
        })
    }

    /// Whether `sich` stands right before the cue or within two words after it.
    fn reflexive_near(&self, i: usize, clause: (usize, usize)) -> bool {
        let from = i.saturating_sub(1).max(clause.0);
        let to = (i + 3).min(clause.1);
        (from..to).any(|j| j != i && self.p.lower(j) == "sich")
    }

    /// A separable particle standing alone as the last word of a main
    /// clause whose finite verb is token `i` (`meldete … an`).
    fn stray_particle(&self, i: usize, clause: (usize, usize)) -> Option<usize> {
        // "rief vor der Menge aus: „…“": a colon and quotation make it speech still
        if self.p.word(clause.1) == ":" {
            return None;
        }
        let last = (i + 1..clause.1).rev().find(|&j| self.p.is_word(j))?;
        (last > i + 1 && self.lower_is(last, &SEPARABLE_PARTICLES)).then_some(last)
    }

    /// The separable particle at the end of the clause.
    pub(super) fn particle(
        &self,
        i: usize,
        clause: (usize, usize),
        particle: &str,
    ) -> Option<usize> {
        (i + 1..clause.1)
            .filter(|&j| self.p.word(j) == particle)
            .find(|&j| {
                j + 1 >= clause.1
                    || is_sep(self.p, j + 1)
                    || self.p.toks[j + 1].is_quote()
                    // a second predicate follows: "lehnt X ab und verlangt Y"
                    || matches!(self.p.word(j + 1), "und" | "oder")
                        && !self.p.cue_forms(self.lex, j + 2).is_empty()
            })
            .or_else(|| self.particle_written_apart(i, clause, particle))
            .or_else(|| self.particle_after_apposition(clause, particle))
    }

    /// `gab der Leiter des Amtes, Jan Kos, bekannt, dass …`: the particle
    /// follows a person's name set off by commas after the clause.
    fn particle_after_apposition(&self, clause: (usize, usize), particle: &str) -> Option<usize> {
        if self.p.word(clause.1) != "," {
            return None;
        }
        let m = self.p.mention(clause.1 + 1)?;
        let person = self.p.entities[m.entity].kind == ActorKind::Person;
        let j = m.end + 1;
        let ends = |k: usize| k >= self.p.toks.len() || is_sep(self.p, k);
        (person && self.p.word(m.end) == "," && self.p.word(j) == particle && ends(j + 1))
            .then_some(j)
    }

    /// `wie das Amt bekannt gab`, `als sie bekannt gegeben hatte`: in a
    /// verb-final clause a particle that is written apart stands right
    /// before the verb, which only auxiliaries follow.
    fn particle_written_apart(
        &self,
        i: usize,
        clause: (usize, usize),
        particle: &str,
    ) -> Option<usize> {
        // the token before the cue, inside its clause (none at the text's first token)
        let before = i.checked_sub(1).filter(|&b| b >= clause.0)?;
        if self.p.word(before) != particle {
            return None;
        }
        let verb_last =
            (i + 1..clause.1).all(|j| !self.p.is_word(j) || self.lower_is(j, &AUXILIARIES));
        verb_last.then_some(before)
    }

    /// Whether the quotation opening at `open` follows `als`, `von`, `vom` or
    /// `vor` at the start of the sentence, with at most two determiners or
    /// lower-case words between (`Als „…“ bezeichnete X …`).
    pub(super) fn fronted_term(&self, open: usize, s: &Sentence) -> bool {
        let first = s.tok_start;
        open > first
            && open <= first + 3
            && self.lower_is(first, &["als", "von", "vom", "vor"])
            && (first + 1..open).all(|j| {
                self.p
                    .word(j)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            })
    }

    /// The clause around token `i`: up to separators and long quotations.
    pub(super) fn clause(&self, i: usize, s: &Sentence) -> (usize, usize) {
        // whether a token that is no word ends the clause (a word never does:
        // it is neither a separator nor a quotation mark, and most tokens are
        // words, so the loops below let them go without asking this)
        let boundary = |j: usize| -> bool {
            // "am 29. Februar": the full stop of an ordinal inside a sentence
            let ordinal = self.p.word(j) == "."
                && j > s.tok_start
                && self.p.toks[j - 1].kind == TokenKind::Number
                && !self.p.toks[j].space_before;
            if is_sep(self.p, j) && !self.p.quotes.inside(j) && !ordinal {
                return true;
            }
            if self.p.toks[j].is_quote() {
                if let Some(q) = self.p.quotes.top_level_at(j) {
                    // "Von einem „schweren Eingriff in das Recht“ spricht X": a fronted
                    // quoted term belongs to the clause of its verb
                    return q.word_count(self.p.toks) >= 4 && !self.fronted_term(q.open, s);
                }
            }
            false
        };
        let mut a = i;
        loop {
            while a > s.tok_start && (self.p.is_word(a - 1) || !boundary(a - 1)) {
                a -= 1;
            }
            // a parenthesis inside the subject ("Jan Kos (SPD) sagte") does not end the clause
            match self.opening_parenthesis(a, s) {
                Some(open) if open > s.tok_start => a = open,
                _ => break,
            }
        }
        let mut b = i + 1;
        loop {
            while b < s.tok_end && (self.p.is_word(b) || !boundary(b)) {
                b += 1;
            }
            // "sagte der Direktor der Behörde (IAEO), …": a short parenthesis goes on
            let close = (b < s.tok_end && self.p.word(b) == "(")
                .then(|| (b + 1..s.tok_end.min(b + 8)).find(|&j| self.p.word(j) == ")"))
                .flatten();
            match close {
                Some(c) => b = c + 1,
                None => break,
            }
        }
        // "sagte, X sei nötig, und kündigte an": a cue in the past tense right
        // after `und` is the subject's next predicate, even without the comma
        let w = self.p.word(i);
        if i > a + 1 && self.lower_is(i - 1, &["und", "sowie"]) && looks_past_tense(w) {
            a = i - 1;
        }
        (a, b)
    }

    /// When token `a - 1` closes a short parenthesis, the token that opens it.
    fn opening_parenthesis(&self, a: usize, s: &Sentence) -> Option<usize> {
        if a == 0 || a <= s.tok_start || self.p.word(a - 1) != ")" {
            return None;
        }
        let from = (a - 1).saturating_sub(16).max(s.tok_start);
        (from..a - 1).rev().find(|&j| self.p.word(j) == "(")
    }

    /// The finite verb of the cue's clause: the cue, or its auxiliary.
    fn finite_position(&self, cue: &Cue) -> usize {
        let (cs, _) = cue.clause;
        // "hat bekannt gegeben", "wurde bekannt gegeben": a participle whose particle is
        // written apart before it has its auxiliary before the particle
        let apart = cue.particle.filter(|&pt| pt + 1 == cue.tok);
        if cue.use_ != FormUse::Split || apart.is_some() {
            let until = apart.unwrap_or(cue.tok);
            if let Some(aux) = (cs..until).find(|&j| self.lower_is(j, &AUXILIARIES)) {
                return aux;
            }
        }
        cue.tok
    }
}

/// Whether `word` is one of `lowers`: the length and the first byte are
/// compared before the bytes (asked for every form of `ist`, `war`, … that
/// stands in a phrase cue, over the whole sentence).
fn has_word(lowers: &[&str], word: &str) -> bool {
    let first = word.as_bytes().first();
    lowers
        .iter()
        .any(|w| w.len() == word.len() && w.as_bytes().first() == first && *w == word)
}

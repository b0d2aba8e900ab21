//! One cue: its speakers, addressee and content become claims.

use super::confidence::Pattern;
use super::cue::Cue;
use super::typing::refine_type;
use super::words::{is_document_noun, PASSIVE_AUXILIARIES, PREPOSITIONS_BEFORE_VERB};
use super::Spans;
use super::{Found, Rules, Speaker};
use claimgraph_model::ClaimType;
use claimgraph_text::token::is_capitalized;

impl<'a, 'l> Rules<'a, 'l> {
    /// Appends the claims of one cue to `out`.
    pub(super) fn claims_of_cue(&mut self, si: usize, cue: &Cue<'l>, out: &mut Vec<Found<'a>>) {
        let s = self.p.sents[si];
        let finite = cue.finite;
        let passive = cue.entry.lemma != "zitieren" && self.is_passive(cue, finite);
        let found = if passive {
            // "Der Plan wurde abgelehnt": the subject is what was rejected; only an
            // agent ("von der Regierung") or a document ("in einem Bericht der X") names
            // the speaker
            self.passive_agent(cue).or_else(|| self.passive_source(cue))
        } else {
            self.speakers_of(cue, finite, &s)
        };
        let Some((speakers, sp_range, inverted)) = found else {
            return;
        };
        // the words of a phrase cue ("vertrat die Ansicht") are not its speaker
        if cue.extra.iter().any(|&x| sp_range.0 <= x && x < sp_range.1) {
            return;
        }
        let (speakers, sp_range, inverted) = if cue.entry.lemma == "zitieren" {
            // "die Agentur zitierte X mit den Worten": X speaks, the medium relays
            let from = if inverted { sp_range.1 } else { cue.tok + 1 };
            match self.np_at(from, cue.clause.1) {
                Some((sps, range)) => (sps, range, true),
                None => return,
            }
        } else {
            (speakers, sp_range, inverted)
        };
        let addressee = self.addressee(cue, sp_range, inverted);
        let content = self.content_of(si, cue, sp_range, inverted, addressee.as_ref().map(|a| a.1));
        let content = if passive {
            self.passive_content(cue, finite, content)
        } else {
            content
        };
        let Some((content, pattern, last_sentence)) = content else {
            return;
        };
        // "hat bekannt gegeben, dass …": a participle written apart from its particle
        // reports speech only; its objects ("hat den Plan bekannt gegeben") are left out, as
        // the phrase before the particle is often no object of it
        let apart_participle = cue.finite != cue.tok && cue.particle == cue.tok.checked_sub(1);
        if cue.entry.clause_only && !is_reported_speech(pattern)
            || apart_participle && !is_reported_speech(pattern) && pattern != Pattern::Anaphor
        {
            return;
        }
        // "glaubt, dass X sei: „…“": the quotation after the reported clause is a record
        // of its own, of the same speaker; after an apposition or an object ("sagte X,
        // Leiter des Amtes: „…“", "warnte die Politik: „…“") it is what was said
        let colon_quote = match content.last() {
            Some(&(_, end)) if self.p.word(end) == ":" => self.quote_starting_at(end + 1),
            _ => None,
        };
        let (content, pattern, colon_quote) = match colon_quote {
            Some(q) if !is_reported_speech(pattern) => (Spans::one(q), Pattern::ColonQuote, None),
            other => (content, pattern, other),
        };
        let mut cue_spans = Spans::one((cue.tok, cue.tok + 1));
        match cue.particle {
            // a particle written apart before the verb: "bekannt gab" as it stands
            Some(pt) if pt + 1 == cue.tok => cue_spans[0].0 = pt,
            Some(pt) => cue_spans.push((pt, pt + 1)),
            None => {}
        }
        for &x in &cue.extra {
            cue_spans.push((x, x + 1));
        }
        cue_spans.sort_unstable();
        let claim_type = refine_type(self.p, self.lex, cue.entry.claim_type, &content);
        let mut speakers = speakers;
        speakers.retain(|sp| {
            weak_evidence_holds(pattern, sp, claim_type)
                // "…, stellten die Forscher fest": a role noun after the inverted cue
                || pattern == Pattern::ClauseBefore && self.role_phrase(sp)
        });
        let (mut cue_spans, mut content) = (cue_spans, content);
        let mut addressee = addressee.map(|a| a.0);
        let n = speakers.len();
        for (k, sp) in speakers.into_iter().enumerate() {
            // the last speaker takes the spans, the others copy them
            let last = k + 1 == n;
            if let Some(q) = colon_quote {
                out.push(Found {
                    confidence: 0.0,
                    pattern: Pattern::ColonQuote,
                    weak_cue: cue.entry.weak,
                    speaker: sp.clone(),
                    cue: cue_spans.clone(),
                    claim_type,
                    content: Spans::one(q),
                    addressee: addressee.clone(),
                    sentences: (si, last_sentence),
                    date_sentence: si,
                });
            }
            out.push(Found {
                confidence: 0.0,
                pattern,
                weak_cue: cue.entry.weak,
                speaker: sp,
                cue: take_or_clone(&mut cue_spans, last),
                claim_type,
                content: take_or_clone(&mut content, last),
                addressee: take_or_clone(&mut addressee, last),
                sentences: (si, last_sentence),
                date_sentence: si,
            });
        }
    }
}

impl<'a> Rules<'a, '_> {
    /// A participle cue with a form of `werden` as its finite verb (`wurde
    /// abgelehnt`, `wird erklärt`); `wird ankündigen` is future, no passive.
    fn is_passive(&self, cue: &Cue, finite: usize) -> bool {
        finite != cue.tok
            && (self.lower_is(finite, PASSIVE_AUXILIARIES)
                // the perfect: "war gefordert worden", "ist festgestellt worden"
                || self.p.word(cue.tok + 1) == "worden")
            && self.p.lower(cue.tok) != infinitive(&cue.entry.lemma)
    }

    /// The content of a passive cue: reported speech after it, else its
    /// subject (`Der Plan wurde von der Regierung abgelehnt`).
    fn passive_content(
        &self,
        cue: &Cue,
        finite: usize,
        content: Option<super::Content>,
    ) -> Option<super::Content> {
        match content {
            Some(c) if is_reported_speech(c.1) => Some(c),
            _ => {
                let cs = cue.clause.0;
                let si = self.sentence_of(cs)?;
                // "Das wurde vom Amt bekannt gegeben.": the previous sentence is what was said
                if cs == self.p.sents[si].tok_start
                    && finite == cs + 1
                    && self.lower_is(cs, &["das", "dies", "dieses"])
                {
                    let span = self.previous_sentence(si)?;
                    return Some((Spans::one(span), Pattern::Anaphor, si));
                }
                // "Von der Opposition wurde der Plan kritisiert": a phrase before the verb
                // leaves the subject after it
                let (a, b) = if self.lower_is(cs, &PREPOSITIONS_BEFORE_VERB) {
                    let a = self.passive_agent_end(finite + 1, cue.tok);
                    (a, cue.tok)
                } else {
                    (cs, finite)
                };
                let words = (a..b).filter(|&j| self.p.is_word(j)).count();
                (words >= 2 && !self.lower_is(a, &["es", "dies", "das"])).then_some((
                    Spans::one((a, b)),
                    Pattern::Object,
                    si,
                ))
            }
        }
    }

    /// Past an agent phrase (`von der Regierung`) that starts at `a`.
    fn passive_agent_end(&self, a: usize, limit: usize) -> usize {
        if !self.lower_is(a, &["von", "vom", "durch", "seitens"]) {
            return a;
        }
        let mut k = a + 1;
        while k < limit && self.p.is_word(k) && !self.p.word(k).ends_with(',') {
            let w = self.p.word(k);
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            k += 1;
            // the phrase ends with its (first run of) capitalised words
            if capital
                && !(k < limit
                    && self
                        .p
                        .word(k)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase))
            {
                break;
            }
        }
        k
    }

    /// With no agent, the document a passive cue reports from: `In einem
    /// Bericht der Zeitung wurde vermutet, …`, `So wird in einer Erklärung der
    /// Partei gefordert, …` (an `in` phrase before the participle whose noun
    /// is a text: Bericht, Erklärung, Schreiben, …).
    fn passive_source(&mut self, cue: &Cue) -> Option<(Vec<Speaker<'a>>, (usize, usize), bool)> {
        let (cs, _) = cue.clause;
        let finite = cue.finite;
        let start = self.p.sents[self.sentence_of(cs)?].tok_start;
        let (at, end) = if cs < finite && self.lower_is(cs, &["in", "im"]) {
            (cs, finite)
        } else if self.lower_is(finite + 1, &["in", "im"]) {
            (finite + 1, cue.tok)
        } else if cs == finite && cs > start + 1 && self.lower_is(start, &["in", "im"]) {
            // "In einer Erklärung der Partei, die … wurde, wurde verkündet, …": the phrase
            // opens the sentence, a relative clause after it
            let comma = (start + 1..cs).find(|&j| self.p.word(j) == ",")?;
            (start, comma)
        } else {
            return None;
        };
        // a phrase before the clause is no inverted subject: the content follows the cue
        let inverted = at >= cs;
        // the noun after the article and adjectives ("einer gemeinsamen Erklärung")
        let noun = (at + 1..end.min(at + 5)).find(|&j| is_capitalized(self.p.word(j)))?;
        if !is_document_noun(self.p.lower(noun)) {
            return None;
        }
        let (speakers, range) = self.np_at(at + 1, end)?;
        Some((speakers, range, inverted))
    }

    /// The agent of a passive cue: `von`/`vom`/`durch` and a noun phrase in its clause.
    fn passive_agent(&mut self, cue: &Cue) -> Option<(Vec<Speaker<'a>>, (usize, usize), bool)> {
        let (cs, ce) = cue.clause;
        let by = (cs..ce).find(|&j| {
            !self.p.quotes.inside(j) && self.lower_is(j, &["von", "vom", "durch", "seitens"])
        })?;
        let from = if self.p.lower(by) == "vom" {
            by
        } else if self.p.lower(by + 1) == "seiten" {
            // "von Seiten der Regierung": as `seitens`
            by + 2
        } else {
            by + 1
        };
        let (speakers, range) = self.np_at(from, ce)?;
        Some((speakers, range, true))
    }
}

/// Content shapes that are reported speech by their form: a quotation, a
/// dass-, Konjunktiv- or infinitive clause.
fn is_reported_speech(pattern: Pattern) -> bool {
    matches!(
        pattern,
        Pattern::DassAfter
            | Pattern::KonjunktivAfter
            | Pattern::InfinitiveAfter
            | Pattern::ColonQuote
            | Pattern::QuoteBefore
            | Pattern::KonjunktivBefore
    )
}

/// The infinitive of a cue lemma (`an|kündigen` → `ankündigen`, `pochen +auf` → `pochen`).
fn infinitive(lemma: &str) -> String {
    lemma
        .split_whitespace()
        .rfind(|w| !w.starts_with('+'))
        .unwrap_or("")
        .replace('|', "")
        .to_lowercase()
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

/// The value itself for its last user, a copy for the others.
fn take_or_clone<T: Clone + Default>(value: &mut T, last: bool) -> T {
    if last {
        std::mem::take(value)
    } else {
        value.clone()
    }
}

impl<'a> Rules<'a, '_> {
    /// `„…“, zeigte sich X zufrieden`, `„…?“ wollen die Demonstranten wissen`: a
    /// quotation that opens the sentence, then (after a comma, or right after
    /// a closing `?` or `!`) a finite verb the lexicon does not know and its
    /// subject, a named or known actor, a pronoun standing for one or a role
    /// noun: the inverted frame of a direct quotation is the speaker's.
    pub(super) fn inquit_quote(&mut self, si: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        if !self.p.toks.get(s.tok_start)?.is_quote() {
            return None;
        }
        let content = self.quote_starting_at(s.tok_start)?;
        let close = self.p.quotes.top_level_at(s.tok_start)?.close?;
        let v = if self.p.word(close + 1) == "," {
            close + 2
        } else if matches!(self.p.word(close.saturating_sub(1)), "?" | "!") {
            close + 1
        } else {
            return None;
        };
        if v + 1 >= s.tok_end {
            return None;
        }
        let verb = self.p.word(v);
        let finite_like = verb.chars().next().is_some_and(char::is_lowercase)
            && verb.chars().all(char::is_alphabetic)
            && !crate::doc::is_determiner(verb)
            && !self.lower_is(v, INQUIT_NOT_VERBS);
        if !finite_like {
            return None;
        }
        // a reflexive pronoun stands before the subject: „…“, freute sich X
        let k = v + 1 + usize::from(self.p.word(v + 1) == "sich");
        let (speakers, _) = self.np_at(k, s.tok_end)?;
        let sp = speakers.into_iter().next()?;
        let named = sp.entity.is_some() && sp.certainty >= 0.7;
        if !named && !self.role_phrase(&sp) {
            return None;
        }
        Some(Found {
            confidence: 0.0,
            pattern: Pattern::QuoteBefore,
            weak_cue: false,
            speaker: sp,
            cue: Spans::one((v, v + 1)),
            claim_type: ClaimType::Statement,
            content: Spans::one(content),
            addressee: None,
            sentences: (si, si),
            date_sentence: si,
        })
    }
}

/// Words after a quotation and a comma that open no inverted frame:
/// conjunctions, subordinators, relative and other pronouns, adverbs,
/// prepositions and `so` (a nominal cue of its own).
const INQUIT_NOT_VERBS: &[&str] = &[
    "und", "oder", "aber", "doch", "denn", "sondern", "so", "wie", "als", "dass", "ob", "weil",
    "wenn", "da", "während", "nachdem", "obwohl", "damit", "welche", "welcher", "welches", "was",
    "wer", "wo", "man", "es", "er", "sie", "wir", "ich", "ihr", "heißt", "hieß", "hier", "dort",
    "nun", "dann", "also", "auch", "nur", "noch", "schon", "in", "im", "an", "am", "auf", "bei",
    "mit", "nach", "von", "vom", "zu", "zum", "zur", "für", "gegen", "über", "unter", "vor", "aus",
    "durch", "um", "seit", "ohne", "laut", "zufolge",
];

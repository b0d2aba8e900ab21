//! Reported speech that goes on in later sentences without a cue of its own.

use super::confidence::Pattern;
use super::words::{KONJUNKTIV_2, LEADING_ADVERBS, NOT_VERBS_IN_E, RELATIVES, SUBORDINATORS};
use super::Spans;
use super::{Found, Rules, Speaker, WordList};
use claimgraph_model::{ActorKind, ClaimType};
use claimgraph_text::token::is_capitalized;

impl<'a, 'l> Rules<'a, 'l> {
    /// A sentence without a cue that continues the previous claim: reported
    /// speech in Konjunktiv, or a sentence that is only a quotation.
    pub(super) fn continuation(&mut self, si: usize, prev: &Found<'a>) -> Option<Found<'a>> {
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
                content: Spans::one(q),
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
        // after a demand, "soll"/"sollen" goes on with what is demanded
        // ("Moskau verlangt X. Zudem soll die Nato Y.")
        let demanded = |j: usize| {
            matches!(prev.claim_type, ClaimType::Demand | ClaimType::Appeal)
                && self.lower_is(j, &["soll", "sollen"])
        };
        // the Konjunktiv verb must stand early: in the main clause, not in a
        // late subordinate one; one inside an inserted clause is passed over
        // for the main clause's verb after it
        let kj = (span.0..span.1).find(|&j| {
            !self.p.quotes.inside(j)
                && (self.is_konjunktiv(j) || demanded(j) || self.more_konjunktiv(j, span.0))
                && self.in_main_clause(span.0, j)
        })?;
        let pattern = if matches!(
            self.p.word(kj),
            "würde" | "würden" | "hätte" | "wäre" | "könnte" | "sollte" | "müsste"
        ) {
            Pattern::ContinuedKonjunktiv2
        } else {
            Pattern::ContinuedKonjunktiv
        };
        Some(Found {
            content: Spans::one(span),
            sentences: (si, si),
            date_sentence: prev.date_sentence,
            pattern,
            ..prev.clone()
        })
    }
}

/// Konjunktiv II forms of strong and modal verbs whose umlaut sets them
/// apart from the past tense (`kamen`, `durften`).
const STRONG_KONJUNKTIV_2: [&str; 20] = [
    "käme",
    "kämen",
    "bekäme",
    "bekämen",
    "befände",
    "befänden",
    "fände",
    "fänden",
    "stünden",
    "gäben",
    "läge",
    "ginge",
    "hieße",
    "hielte",
    "bliebe",
    "wüsste",
    "wüssten",
    "dürften",
    "bräuchte",
    "bräuchten",
];

/// Prepositions that open a relative clause before its pronoun (`, an dem …`).
const PREPOSITIONS: [&str; 18] = [
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "hinter", "in", "mit", "nach", "neben",
    "über", "um", "unter", "von", "vor", "zu",
];

/// A speaker named by one document noun (`Der Abschlussbericht`, `Die
/// Studie`): a document speaks for its authors.
fn is_document(sp: &Speaker) -> bool {
    const DOCUMENTS: [&str; 10] = [
        "bericht",
        "studie",
        "mitteilung",
        "analyse",
        "umfrage",
        "stellungnahme",
        "gutachten",
        "erklärung",
        "untersuchung",
        "schreiben",
    ];
    let name: &str = sp.name.as_ref();
    // the first letter of a noun alone (`Bericht`) is upper case: compared without case
    let ends = |d: &str| {
        name.len() >= d.len()
            && name.is_char_boundary(name.len() - d.len())
            && name[name.len() - d.len()..].eq_ignore_ascii_case(d)
    };
    !name.contains(' ') && sp.certainty >= 0.5 && DOCUMENTS.iter().any(|d| ends(d))
}

impl<'a> Rules<'a, '_> {
    /// A sentence in Konjunktiv I with no cue, after a sentence with no claim
    /// whose subject is a named actor (`Die Stadtwerke wiesen die Kritik
    /// zurück. Die Preise seien angemessen.`): in German news the mood alone
    /// marks reported speech, and its source is the actor just named. With no
    /// such actor, the speaker of `last`, the claim found last, when it stands
    /// at most two sentences back in the paragraph and could go on.
    pub(super) fn free_indirect(
        &mut self,
        si: usize,
        last: Option<&Found<'a>>,
    ) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let prev = self.p.sents.get(si.checked_sub(1)?).copied()?;
        if s.headline || prev.headline || prev.boilerplate || prev.paragraph != s.paragraph {
            return None;
        }
        if self.p.word(s.tok_end - 1) == "?" || self.p.quotes.inside(s.tok_start) {
            return None;
        }
        let span = self.trim(s.tok_start, s.tok_end);
        // Konjunktiv I in the main clause (Konjunktiv II is also the journalist's conditional)
        // (one inside an inserted clause is passed over for the main clause's verb after it)
        let kj = (span.0..span.1).find(|&j| {
            !self.p.quotes.inside(j)
                && self.is_konjunktiv(j)
                && self.in_main_clause_strict(span.0, j)
        })?;
        if self.lower_is(kj, &KONJUNKTIV_2) {
            return None;
        }
        let mut start = prev.tok_start;
        while start < prev.tok_end && self.lower_is(start, &LEADING_ADVERBS) {
            start += 1;
        }
        let speaker = match self.np_at(start, prev.tok_end) {
            Some((speakers, _)) => speakers.into_iter().next().filter(|sp| self.may_speak(sp)),
            // the first phrase is no noun phrase: the subject follows the verb
            None => self
                .actor_after_verb(start, prev.tok_end)
                .filter(|sp| self.may_speak(sp)),
        };
        let speaker = match speaker {
            Some(sp) => sp,
            // "X sagte, … . Die Arbeiten begannen im März. Ein Ende sei nicht
            // abzusehen.": reported speech goes on after one sentence of narrative
            None => last
                .filter(|l| {
                    (l.speaker.kind == ActorKind::Person || l.confidence >= 0.5)
                        && l.sentences.1 + 2 >= si
                        && self.p.sents[l.sentences.1].paragraph == s.paragraph
                })?
                .speaker
                .clone(),
        };
        Some(Found {
            speaker,
            cue: Spans::one((kj, kj + 1)),
            claim_type: ClaimType::Statement,
            content: Spans::one(span),
            addressee: None,
            sentences: (si, si),
            date_sentence: si - 1,
            confidence: 0.0,
            pattern: Pattern::FreeKonjunktiv,
            weak_cue: false,
        })
    }

    /// Konjunktiv forms that go on with reported speech beside `is_konjunktiv`:
    /// a verb in `-iere` (`funktioniere`, where the indicative has `-iert`), a
    /// Konjunktiv II with the umlaut that sets it apart from the past tense
    /// (`käme`, `befänden`), and a verb in `-e` right after one leading
    /// adverb (`Jedoch ruhe der Verkehr`), where the indicative has `-t`.
    fn more_konjunktiv(&self, j: usize, start: usize) -> bool {
        let w = self.p.word(j);
        let in_e = w.ends_with('e');
        if j == 0 || !in_e && !w.ends_with("en") {
            return false;
        }
        if self.lower_is(j, &STRONG_KONJUNKTIV_2) {
            return !self.lower_is(j - 1, &["ich"]);
        }
        // asked for many words: the cheap tests first
        let iere = w.ends_with("iere") && w.chars().count() > 5;
        let after_adverb = j == start + 1 && self.lower_is(start, &LEADING_ADVERBS);
        if !in_e || !(iere || after_adverb) || self.lower_is(j - 1, &["ich"]) {
            return false;
        }
        // "hatte", "wurde": the past tense is indicative
        let verb_in_e = !w.ends_with("te")
            && w != "wurde"
            && w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().all(char::is_alphabetic)
            && !crate::doc::is_determiner(w)
            && !NOT_VERBS_IN_E.contains(&w);
        // "Auch kleine Betriebe": an adjective before its noun
        verb_in_e
            && (iere
                || w.chars().count() > 3
                    && !(self.p.is_word(j + 1) && is_capitalized(self.p.word(j + 1))))
    }

    /// A named actor, or a role noun of the lexicon: a source of free indirect speech.
    fn may_speak(&self, sp: &Speaker<'a>) -> bool {
        sp.entity.is_some() && sp.certainty >= 0.75 || self.role_phrase(sp) || is_document(sp)
    }

    /// Whether the verb at `kj` can be the finite verb of the main clause
    /// opening at `a`: within its first eight tokens and before any comma
    /// (`continuation`: a comma only after eight tokens), or right after
    /// inserted clauses (`after_inserted_clauses`).
    fn in_main_clause(&self, a: usize, kj: usize) -> bool {
        kj <= a + 8 || !(a..kj).any(|j| self.p.word(j) == ",") || self.after_inserted_clauses(a, kj)
    }

    /// `in_main_clause` for free indirect speech, with no cue before it: no
    /// comma at all before the verb outside inserted clauses.
    fn in_main_clause_strict(&self, a: usize, kj: usize) -> bool {
        kj <= a + 8 && !(a..kj).any(|j| self.p.word(j) == ",") || self.after_inserted_clauses(a, kj)
    }

    /// `Beim letzten Sturm, dessen Schäden geringer waren, seien …`: the verb
    /// at `kj` follows right after relative or subordinate clauses set off by
    /// commas, so it is the finite verb of the main clause that opens at `a`.
    fn after_inserted_clauses(&self, a: usize, kj: usize) -> bool {
        let mut open = false;
        let mut last_comma = None;
        for j in (a..kj).filter(|&j| self.p.word(j) == ",") {
            if !open {
                let next = self.p.lower(j + 1);
                // a relative pronoun after its preposition (`, von denen …`, `, an dem …`)
                let governed =
                    PREPOSITIONS.contains(&next) && RELATIVES.has_lower(self.p.lower(j + 2));
                if !RELATIVES.has_lower(next) && !SUBORDINATORS.has_lower(next) && !governed {
                    return false;
                }
            }
            open = !open;
            last_comma = Some(j);
        }
        !open && last_comma == Some(kj - 1)
    }

    /// A speaker named by a role noun of the lexicon (`Der Sprecher`, `Die
    /// Staatsanwaltschaft`), not by an abstract noun (`Die Entscheidung`).
    pub(super) fn role_phrase(&self, sp: &Speaker<'a>) -> bool {
        // the head stands before its genitive attribute ("Sprecher der Polizei")
        let phrase = [" des ", " der ", " von "]
            .iter()
            .fold(sp.name.as_ref(), |n: &str, g| {
                n.split(g).next().unwrap_or(n)
            });
        let head = phrase.rsplit(' ').next().unwrap_or("");
        sp.certainty >= 0.5 && self.lex.role_kind(head).is_some()
    }
}

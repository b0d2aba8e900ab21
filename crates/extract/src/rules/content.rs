//! Content: quotations, colon, dass-, Konjunktiv- and infinitive clauses, objects.

use super::confidence::Pattern;
use super::cue::Cue;
use super::words::*;
use super::LowerSet;
use super::Spans;
use super::{is_konjunktiv_form, is_sep, may_be_konjunktiv, Content, Rules, WordList};
use claimgraph_model::ClaimType;
use claimgraph_text::segment::Sentence;
use claimgraph_text::token::{is_capitalized, TokenKind};

impl<'a, 'l> Rules<'a, 'l> {
    /// The content of a verbal cue: token spans, base confidence, last sentence used.
    pub(super) fn content_of(
        &mut self,
        si: usize,
        cue: &Cue,
        sp: (usize, usize),
        inverted: bool,
        addr_end: Option<usize>,
    ) -> Option<Content> {
        let s = self.p.sents[si];
        let (cs, ce) = cue.clause;
        let finite = cue.finite;
        // a subject before the clause (apposition, relative antecedent) leaves no room for content there
        let subject_before = !inverted && sp.1 < cs;
        let cue_first = (finite == cs || (inverted && finite <= cs + 1)) && !subject_before;
        let before_sep = cs.checked_sub(1).filter(|&b| b >= s.tok_start);
        // (a) a quotation before: „…“, sagte sie
        if cue_first {
            if let Some(q) = self.quote_ending_at(cs, &s) {
                if let Some(clause) = self.clause_ending_in_quote(q, cs, &s) {
                    return Some((Spans::one(clause), Pattern::KonjunktivBefore, si));
                }
                let mut spans = Spans::one(q);
                let last = self.quote_after(si, ce, &mut spans);
                // "„A“, stellte sie fest, seien …": reported speech goes on after the cue
                if let Some(rest) = self.rest_after_inserted_cue(ce, &s) {
                    if spans.len() == 1 && self.has_konjunktiv(rest.0, rest.1) {
                        spans.push(rest);
                    }
                }
                return Some((spans, Pattern::QuoteBefore, last));
            }
        }
        // (b) a colon after the cue clause
        if ce < s.tok_end && self.p.word(ce) == ":" {
            if let Some(q) = self.quote_starting_at(ce + 1) {
                let mut spans = Spans::one(q);
                let last = self.quote_after(si, q.1, &mut spans);
                return Some((spans, Pattern::ColonQuote, last));
            }
            let span = self.trim(ce + 1, s.tok_end);
            if span.1 > span.0 {
                return Some((Spans::one(span), Pattern::ColonClause, si));
            }
        }
        // "sagte Olaf Rehm, EU-Kommissar: „…“": a colon and quotation after the speaker's apposition
        if let Some(q) = self.quote_after_apposition(sp, ce, &s) {
            let mut spans = Spans::one(q);
            let last = self.quote_after(si, q.1, &mut spans);
            return Some((spans, Pattern::ColonQuote, last));
        }
        // (c) indirect speech before: "…, sagte er" / "…, wie er sagte"
        let wie = self.p.word(cs).eq_ignore_ascii_case("wie");
        // "Wie X, Apposition, mitteilte, …": the speaker phrase opens the sentence
        let wie_apposition = !wie
            && self.p.word(s.tok_start) == "Wie"
            && sp.0 == s.tok_start + 1
            && sp.1 + 1 == cs
            && finite == cs;
        // "Auf den Vorwurf, …, entgegnete X, dass …": a dass-clause after the cue is what was
        // said; the phrase before it is what the cue answers (but a source phrase before it,
        // "Nach Angaben von X, …, kommt Y zu dem Schluss, dass …", reports the whole sentence)
        let dass_after = !wie
            && ce + 1 < s.tok_end
            && self.p.word(ce) == ","
            && self.lower_is(ce + 1, &["dass", "ob"])
            && !self.lower_is(s.tok_start, &["nach", "laut", "gemäß", "zufolge"]);
        if let Some(b) = before_sep.filter(|_| !dass_after) {
            if self.p.word(b) == "," && (cue_first || wie) {
                let span = self.trim(s.tok_start, b);
                if span.1 > span.0 + 1 {
                    let pattern = if self.has_konjunktiv(span.0, span.1) {
                        Pattern::KonjunktivBefore
                    } else if wie {
                        // "…, wie X mitteilte": `wie` marks a report in any mood
                        Pattern::WieClause
                    } else {
                        Pattern::ClauseBefore
                    };
                    // "Da X fehlt, warnte Y": an adverbial clause alone before the
                    // cue is no report ("Als X kam, floh Y, teilte Z mit" is one)
                    let adverbial = pattern == Pattern::ClauseBefore
                        && SUBORDINATORS.has_lower(self.p.lower(span.0))
                        && !(span.0..span.1).any(|j| self.p.word(j) == ",");
                    if !adverbial {
                        let mut spans = Spans::one(span);
                        let mut pattern = pattern;
                        // "Der Plan sei, sagte X, gescheitert": the sentence goes on
                        if let Some(rest) = self.rest_after_inserted_cue(ce, &s) {
                            if pattern == Pattern::ClauseBefore
                                && self.has_konjunktiv(rest.0, rest.1)
                            {
                                pattern = Pattern::KonjunktivBefore;
                            }
                            spans.push(rest);
                        }
                        return Some((spans, pattern, si));
                    }
                }
            }
        }
        // "…, wie X, Apposition, mitteilte."
        let wie_apposition_after = !wie
            && sp.0 >= s.tok_start + 2
            && self.p.lower(sp.0 - 1) == "wie"
            && self.p.word(sp.0 - 2) == ","
            && sp.1 + 1 == cs
            && finite == cs;
        if wie_apposition_after {
            let span = self.trim(s.tok_start, sp.0 - 2);
            if span.1 > span.0 + 1 {
                return Some((Spans::one(span), Pattern::WieClause, si));
            }
        }
        // "Wie X mitteilte, …"
        if (wie && cs == s.tok_start || wie_apposition) && ce < s.tok_end && self.p.word(ce) == ","
        {
            let span = self.trim(ce + 1, s.tok_end);
            if span.1 > span.0 {
                return Some((Spans::one(span), Pattern::WieClause, si));
            }
        }
        // "bezeichnete das Unglück als „Tragödie“ und erklärte, …": a quoted term closes
        // the cue's predicate before a second predicate or the clause's comma
        if let Some(q) = self.term_closing_predicate(cue, ce, &s) {
            return Some((Spans::one(q), Pattern::QuotedTerm, si));
        }
        // "bezeichnete die Karten, die X zeigte, als „übertrieben“": a relative clause
        // inside the object stands before the quoted term
        if let Some(q) = self.term_after_relative_clause(ce, &s) {
            return Some((Spans::one(q), Pattern::QuotedTerm, si));
        }
        // (d) indirect speech after: ", dass …", ", er komme …", ", … zu tun"
        let mut object_end = None;
        if ce < s.tok_end && self.p.word(ce) == "," {
            let mut a = ce + 1;
            // "sagte der Sprecher der Stadt, Jan Kos, die Straße …": the name is no content
            if inverted && sp.1 > ce && self.p.word(sp.1) == "," {
                // the speaker's name stands in an apposition after the clause
                a = self.past_particle(sp.1 + 1, cue);
            } else if inverted && sp.1 <= ce && (ce - sp.1 <= 1 || self.p.word(ce - 1) == ")") {
                if let Some(after) = self.name_apposition(a, s.tok_end) {
                    // "gab der Leiter, Jan Kos, bekannt, dass …": the particle follows the name
                    a = self.past_particle(after, cue);
                }
            }
            // "kündigte an, sollte X siegen, die Hilfe auszusetzen": a verb-first
            // condition stands between the cue and what was said
            let mut condition = false;
            if self.lower_is(a, CONDITIONAL_VERBS) {
                match (a..s.tok_end).find(|&j| self.p.word(j) == "," && !self.p.quotes.inside(j)) {
                    Some(c) => a = c + 1,
                    None => condition = true,
                }
            }
            let first = self.p.lower(a);
            let dass = first == "dass" || first == "ob";
            if dass {
                a += 1;
            }
            let span = self.trim(a, self.clause_run_end(a, &s));
            // "bezeichnete es als nützlich, offen und ehrlich": a list goes on
            let list = self.list_continues(span);
            if list {
                object_end = Some(span.1);
            }
            if span.1 > span.0 + 1 && !condition && !list {
                let pattern = if dass {
                    Some(Pattern::DassAfter)
                } else if self.has_konjunktiv(span.0, span.1)
                    || (span.0..span.1.min(span.0 + 6)).any(|j| self.verb_in_e_after_noun(j))
                {
                    Some(Pattern::KonjunktivAfter)
                } else if self.has_zu_infinitive(span.0, span.1) {
                    Some(Pattern::InfinitiveAfter)
                } else if SUBORDINATORS.has_lower(first)
                    || RELATIVES.contains(&first) && !self.is_article_before_noun(a)
                {
                    None
                } else {
                    Some(Pattern::ClauseAfter)
                };
                if let Some(pattern) = pattern {
                    return Some((Spans::one(span), pattern, si));
                }
            }
        }
        // "hat angekündigt die Preise zu senken", "hoffte dass …": the comma before the
        // reported clause left out
        if let Some((span, pattern)) = self.clause_without_comma(cue, ce, &s) {
            return Some((Spans::one(span), pattern, si));
        }
        // "Das bestätigte die Sprecherin.": the previous sentence is what was said
        if cs == s.tok_start && finite == cs + 1 && self.lower_is(cs, &["das", "dies", "dieses"]) {
            return self
                .previous_sentence(si)
                .map(|span| (Spans::one(span), Pattern::Anaphor, si));
        }
        // "Als „verpasste Chance“ bezeichnete X …", "Von einer „Kampagne“ sprach X": the
        // quoted term fronted before the cue verb
        if let Some(q) = self.fronted_quoted_term(&s, finite, inverted) {
            return Some((Spans::one(q), Pattern::QuotedTerm, si));
        }
        // (e) the object of the cue; "Den Plan lehnte X ab": an accusative before the verb
        if let Some(span) = self.fronted_object(cue, finite, inverted) {
            return Some((Spans::one(span), Pattern::Object, si));
        }
        let (a, b) = if finite < cue.tok || cue.tok + 1 >= ce || self.verb_final(cue) {
            // verb-final: between the speaker (or the finite verb) and the cue
            let from = if sp.1 <= cue.tok && sp.1 > finite {
                sp.1
            } else {
                finite + 1
            };
            (from.max(sp.1.min(cue.tok)), cue.tok)
        } else {
            let from = if inverted { sp.1 } else { cue.tok + 1 };
            let to = cue.particle.unwrap_or(object_end.unwrap_or(ce));
            (from, self.before_coordinated_cue(from, to))
        };
        let mut a = addr_end.filter(|&e| e > a && e <= b).unwrap_or(a);
        while a < b
            && (self.lower_is(a, &ADVERBS) || !self.p.is_word(a) && !self.p.toks[a].is_quote())
        {
            a += 1;
        }
        let (mut a, b) = self.drop_cue_words(a, b, cue);
        // a time expression at the start dates the claim; it is not its content
        loop {
            match self.p.first_time(a, b) {
                Some(t)
                    if t.tok_start == a
                        || t.tok_start == a + 1
                            && self.lower_is(a, &["am", "im", "seit", "vom"]) =>
                {
                    a = t.tok_end
                }
                _ => break,
            }
            while a < b && self.lower_is(a, &ADVERBS) {
                a += 1;
            }
        }
        // "berichtete im vollen Saal …", "schrieb in Mannheim Geschichte": a place is not
        // what was said
        a = self.after_place_phrase(a, b);
        // "sprach von einer „Zumutung“", "bezeichnete den Plan als „mutig“": the quoted words
        // a long quotation ends the clause: the term may stand right at its end
        let b_term = match self.p.quotes.top_level_at(b) {
            Some(q) if q.open == b && q.close.is_some() && b < s.tok_end => q.end(),
            _ => b,
        };
        if let Some(q) = self.quoted_term(a, b_term, cue.entry.lemma == "nennen") {
            // "bezeichnete den Austausch als „nützlich“, „offen“ und „ehrlich“": a list of
            // quoted words is no quotation; the object and the words are the claim
            let als = (a..q.0).rev().find(|&j| self.p.lower(j) == "als");
            let quoted_list = (q.0..q.1).any(|j| self.p.toks[j].is_quote());
            let span = match als {
                Some(x) if quoted_list && x > a && (a..x).any(|j| self.p.is_word(j)) => (a, q.1),
                _ => q,
            };
            return Some((Spans::one(span), Pattern::QuotedTerm, si));
        }
        let words = (a..b).filter(|&j| self.p.is_word(j)).count();
        let only_time = (a..b).all(|j| {
            !self.p.is_word(j)
                || self.lower_is(
                    j,
                    &["am", "im", "um", "bei", "in", "mit", "heute", "gestern"],
                )
                || self.p.toks[j].kind == TokenKind::Number
        });
        if !only_time
            && (words >= 2 || cue.entry.takes_object && words >= 1)
            && (cue.entry.takes_object || !cue.entry.requires.is_empty() || words >= 3)
            && !(!cue.entry.takes_object && cue.entry.requires.is_empty() && self.declares(a, b))
            && !self.only_a_pronoun(a, b)
        {
            let pattern = if cue.entry.takes_object {
                Pattern::Object
            } else {
                Pattern::ObjectLoose
            };
            return Some((Spans::one((a, b)), pattern, si));
        }
        None
    }

    /// A reported clause right after the cue with no comma before it: `dass`
    /// or `ob` (`hoffte dass …`), or, after a participle or infinitive that
    /// closes its clause, an infinitive clause (`hat angekündigt die Preise
    /// zu senken`): words after the verb at the clause's end stand outside it.
    fn clause_without_comma(
        &self,
        cue: &Cue,
        ce: usize,
        s: &Sentence,
    ) -> Option<((usize, usize), Pattern)> {
        let a = cue.tok + 1;
        if a + 1 >= ce || cue.particle.is_some_and(|pt| pt > cue.tok) {
            return None;
        }
        if self.lower_is(a, &["dass", "ob"]) {
            let span = self.trim(a + 1, self.clause_run_end(a + 1, s));
            return (span.1 > span.0 + 1).then_some((span, Pattern::DassAfter));
        }
        if cue.finite == cue.tok {
            return None;
        }
        // "um die Kosten zu decken": a purpose, not what was said
        if self.lower_is(a, &["um", "ohne", "statt", "anstatt"]) {
            return None;
        }
        let span = self.trim(a, ce);
        // the clause ends in its infinitive: "… zu senken", "… niederzulegen"
        let last = span.1.checked_sub(2).filter(|&l| l >= span.0)?;
        (span.1 > span.0 + 1 && self.has_zu_infinitive(last, span.1))
            .then_some((span, Pattern::InfinitiveAfter))
    }

    /// `Der Verband bestritt dies`, `bestätigte niemand`, `lehnte folglich ab`:
    /// an object that is a pronoun (or an adverb) alone says nothing of what
    /// was said.
    fn only_a_pronoun(&self, a: usize, b: usize) -> bool {
        let mut words = (a..b).filter(|&j| self.p.is_word(j) && !self.lower_is(j, &ADVERBS));
        match (words.next(), words.next()) {
            (None, _) => true,
            (Some(j), None) => self.lower_is(
                j,
                &[
                    "dies", "dieses", "das", "es", "niemand", "nichts", "alles", "einen", "eine",
                    "folglich",
                ],
            ),
            _ => false,
        }
    }

    /// An accusative phrase that opens the clause of a verb taking an object,
    /// with the subject after the verb (`Diesen Vorwurf wies X zurück`).
    fn fronted_object(&self, cue: &Cue, finite: usize, inverted: bool) -> Option<(usize, usize)> {
        let cs = cue.clause.0;
        if !inverted || !cue.entry.takes_object || finite <= cs + 1 {
            return None;
        }
        if !self.lower_is(cs, ACCUSATIVE_DETERMINERS) {
            return None;
        }
        // the phrase is all that stands before the verb: determiner, adjectives,
        // nouns, attributes (`Den von X (SPD) vorgeschlagenen Einsatz`)
        let simple = (cs + 1..finite).all(|j| {
            (self.p.is_word(j) || matches!(self.p.word(j), "(" | ")" | "-" | "."))
                && !self.lower_is(j, &SUBORDINATORS)
                && !self.p.quotes.inside(j)
        });
        simple.then_some((cs, finite))
    }

    /// `erklärte die Sitzung für beendet`, `erklärte X zum Sieger`: an object
    /// declared to be something is an act, not a claim.
    fn declares(&self, a: usize, b: usize) -> bool {
        let words: Vec<usize> = (a..b).filter(|&j| self.p.is_word(j)).collect();
        match words.as_slice() {
            [first, .., x, y] if !self.lower_is(*first, &PREPOSITIONS_BEFORE_VERB) => {
                let (x, y) = (self.p.word(*x), self.p.word(*y));
                x == "für" && !is_capitalized(y) || matches!(x, "zum" | "zur") && is_capitalized(y)
            }
            _ => false,
        }
    }

    /// Past a phrase of place or occasion at `a` (`im Saal des Theaters`,
    /// `in Mannheim`, `bei einem Treffen`), else `a`.
    fn after_place_phrase(&self, a: usize, b: usize) -> usize {
        if !self.lower_is(a, &["in", "im", "am", "bei", "beim", "während"]) {
            return a;
        }
        let mut k = a + 1;
        if crate::doc::is_determiner(self.p.word(k)) {
            k += 1;
        }
        while k < b
            && k < a + 5
            && self
                .p
                .word(k)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        {
            k += 1;
        }
        let nouns = k;
        while k < b && k < nouns + 3 && self.p.is_word(k) && is_capitalized(self.p.word(k)) {
            k += 1;
        }
        if k == nouns {
            return a;
        }
        // a genitive attribute belongs to the place ("im Saal des Kulturzentrums")
        if self.lower_is(k, &["des", "der"]) {
            let mut g = k + 1;
            while g < b && g < k + 4 && !is_capitalized(self.p.word(g)) {
                g += 1;
            }
            while g < b && is_capitalized(self.p.word(g)) {
                g += 1;
            }
            k = g;
        }
        k.min(b)
    }

    /// Whether `span` (after a comma) only continues a list: a few words with
    /// `und`/`oder` and no verb-like word (`offen und ehrlich`).
    fn list_continues(&self, span: (usize, usize)) -> bool {
        // the word tokens, walked again instead of collected
        let words = || (span.0..span.1).filter(|&j| self.p.is_word(j));
        words().nth(5).is_none()
            && words().any(|j| self.lower_is(j, &["und", "oder", "sowie"]))
            && !words().any(|j| {
                !self.p.cue_forms(self.lex, j).is_empty()
                    || self.lower_is(j, &AUXILIARIES)
                    || self.lower_is(j, &SUBORDINATORS)
                    || self.lower_is(j, RELATIVES)
                    || self.is_konjunktiv(j)
                    || self.lower_is(j, &["er", "sie", "es", "man", "wir", "ich"])
            })
            && (span.1 + 1 >= self.p.toks.len() || matches!(self.p.word(span.1), "." | "!" | ""))
    }

    /// The previous sentence of the paragraph as content, when it has no claim of its own.
    pub(super) fn previous_sentence(&self, si: usize) -> Option<(usize, usize)> {
        let prev = self.p.sents.get(si.checked_sub(1)?)?;
        let s = self.p.sents[si];
        if prev.boilerplate
            || prev.headline
            || prev.paragraph != s.paragraph
            || self.consumed[si - 1]
        {
            return None;
        }
        let span = self.trim(prev.tok_start, prev.tok_end);
        (span.1 > span.0 + 3).then_some(span)
    }

    pub(super) fn verb_final(&self, cue: &Cue) -> bool {
        let (_, ce) = cue.clause;
        (cue.tok + 1..ce).all(|j| {
            self.lower_is(j, &AUXILIARIES)
                || self.lower_is(j, &["worden", "haben", "werden", "sein"])
        })
    }

    /// Leaves out the extra words of a phrase cue and a trailing particle.
    pub(super) fn drop_cue_words(&self, mut a: usize, mut b: usize, cue: &Cue) -> (usize, usize) {
        while b > a
            && (cue.extra.contains(&(b - 1))
                || Some(b - 1) == cue.particle
                || self.lower_is(b - 1, &["sich", "darauf", "dazu"]))
        {
            b -= 1;
        }
        while a < b && (cue.extra.contains(&a) || self.lower_is(a, &["sich", "darauf", "dazu"])) {
            a += 1;
        }
        (a, b)
    }

    /// Where the content that starts at `a` ends: the sentence end, or before a
    /// trailing ", sagte X" / ", so X".
    /// The end of reported speech after a cue: the sentence end, or a second
    /// predicate of the speaker (`…, dass X, und kündigte an, …`).
    pub(super) fn clause_run_end(&self, a: usize, s: &Sentence) -> usize {
        (a..s.tok_end.saturating_sub(2))
            .find(|&j| {
                self.p.word(j) == ","
                    && !self.p.quotes.inside(j)
                    && matches!(self.p.word(j + 1), "und" | "sowie")
                    && !is_capitalized(self.p.word(j + 2))
                    && !self.p.cue_forms(self.lex, j + 2).is_empty()
                    || self.second_cue_in_past(j)
                    || self.indicative_after_semicolon(j, s)
                    || self.colon_before_quote(j)
            })
            .unwrap_or(s.tok_end)
    }

    /// `glaubt, dass X sei: „…“`: a quotation after a colon is a record of its own.
    fn colon_before_quote(&self, j: usize) -> bool {
        self.p.word(j) == ":"
            && !self.p.quotes.inside(j)
            && self.p.toks.get(j + 1).is_some_and(|t| t.is_quote())
    }

    /// `…, der Vater habe sie geschlagen; es wird geprüft, …`: a semicolon
    /// followed by a clause without Konjunktiv ends the report (the
    /// journalist goes on).
    fn indicative_after_semicolon(&self, j: usize, s: &Sentence) -> bool {
        self.p.word(j) == ";" && !self.p.quotes.inside(j) && !self.has_konjunktiv(j + 1, s.tok_end)
    }

    /// `sagte, X sei nötig, und kündigte an`, also without the comma: `und`
    /// and a cue verb in the past tense are the speaker's next predicate, not
    /// part of what was reported (reported speech is in Konjunktiv).
    fn second_cue_in_past(&self, j: usize) -> bool {
        let w = self.p.word(j + 1);
        matches!(self.p.word(j), "und" | "sowie")
            && !self.p.quotes.inside(j)
            && looks_past_tense(w)
            && !is_capitalized(w)
            && !self.p.cue_forms(self.lex, j + 1).is_empty()
    }

    /// Tokens `[a, b)` without punctuation at either end (quotation marks stay).
    pub(super) fn trim(&self, mut a: usize, mut b: usize) -> (usize, usize) {
        while a < b && self.p.toks[a].kind == TokenKind::Punct {
            a += 1;
        }
        while b > a && self.p.toks[b - 1].kind == TokenKind::Punct {
            b -= 1;
        }
        (a, b)
    }

    /// The end of an object before a second cue verb with the same subject
    /// (`betrachten X als Y und verlangen Z`): the `und` before it.
    fn before_coordinated_cue(&self, a: usize, b: usize) -> usize {
        (a..b)
            .find(|&j| {
                self.lower_is(j, &["und", "sowie"])
                    && j + 1 < b
                    && !is_capitalized(self.p.word(j + 1))
                    && !self.p.cue_forms(self.lex, j + 1).is_empty()
            })
            .unwrap_or(b)
    }

    /// A quotation in `[a, b)` right after `als` or `von` (with a determiner or
    /// adjectives between): its inner tokens.
    fn quoted_term(&self, a: usize, b: usize, naming: bool) -> Option<(usize, usize)> {
        const BEFORE_TERM: &[&str] = &["als", "von", "vom", "vor"];
        let open = (a..b).find(|&j| {
            self.p.toks[j].is_quote() && self.p.quotes.top_level_at(j).is_some_and(|q| q.open == j)
        })?;
        let mut k = open;
        let mut skipped = 0;
        let mut determiner = false;
        while k > a && skipped < 3 {
            let w = self.p.word(k - 1);
            if crate::doc::is_determiner(w) {
                determiner = true;
            }
            if crate::doc::is_determiner(w)
                || w.chars().next().is_some_and(char::is_lowercase)
                    && !self.lower_is(k - 1, BEFORE_TERM)
            {
                k -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        // "nannte die Absage einen „Fehler“", "nannte die Zahlen „erfunden“": a naming
        // verb, its object, then the term closing the clause
        let closes = self
            .p
            .quotes
            .top_level_at(open)
            .and_then(|q| q.close)
            .is_some_and(|c| c + 2 >= b);
        let named = naming && (determiner && k > a || open > a && closes);
        if !named && (k == 0 || !self.lower_is(k - 1, BEFORE_TERM) || k - 1 < a.saturating_sub(1)) {
            return None;
        }
        let q = self.p.quotes.top_level_at(open)?;
        let mut close = q.close?;
        let mut inner_end = q.inner_end;
        // a list of quoted terms: als „nützlich“, „offen“ und „ehrlich“
        while matches!(self.p.lower(close + 1), "," | "und" | "oder" | "sowie") {
            match self.p.quotes.top_level_at(close + 2) {
                Some(next) if next.open == close + 2 && next.close.is_some() => {
                    inner_end = next.inner_end;
                    close = next.close.unwrap_or(close);
                }
                _ => break,
            }
        }
        let span = self.trim_quote(q.inner_start, inner_end);
        (span.1 > span.0).then_some(span)
    }

    /// A quoted term after the cue (`als „…“`, `von einer „…“`, or the term of
    /// `nennen`) whose quotation is followed by `und` and a lower-case word (a
    /// second predicate of the same subject: `nannte sie „fahrlässig“ und
    /// verwies auf …`) or ends the clause at its comma (not before `dass`/`ob`).
    fn term_closing_predicate(&self, cue: &Cue, ce: usize, s: &Sentence) -> Option<(usize, usize)> {
        let a = cue.tok + 1;
        let open = (a..ce).find(|&j| {
            self.p.toks[j].is_quote() && self.p.quotes.top_level_at(j).is_some_and(|q| q.open == j)
        })?;
        let close = self.p.quotes.top_level_at(open)?.close?;
        let next = close + 1;
        // a list of quoted terms (als „nützlich“, „offen“ und „ehrlich“) is the object's
        if next + 1 >= s.tok_end || self.p.toks[next + 1].is_quote() {
            return None;
        }
        let second_predicate = self.p.lower(next) == "und"
            && self
                .p
                .word(next + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        let clause_end =
            next == ce && self.p.word(ce) == "," && !self.lower_is(ce + 1, &["dass", "ob"]);
        if !second_predicate && !clause_end {
            return None;
        }
        self.quoted_term(a, next, cue.entry.lemma == "nennen")
    }

    /// `…, der …, als „…“` right after the cue's clause ends at `ce`: a relative
    /// clause (its pronoun, or a preposition and its pronoun, first) closed by
    /// a comma and `als` with a quoted term; the term's inner tokens.
    fn term_after_relative_clause(&self, ce: usize, s: &Sentence) -> Option<(usize, usize)> {
        if ce + 2 >= s.tok_end || self.p.word(ce) != "," {
            return None;
        }
        let r = ce + 1;
        let relative = RELATIVES.contains(&self.p.lower(r))
            || (self.lower_is(r, &super::speaker::PP_PREPOSITIONS)
                || self.lower_is(r, &["in", "aus", "durch"]))
                && RELATIVES.contains(&self.p.lower(r + 1));
        if !relative {
            return None;
        }
        let c2 = (r + 1..s.tok_end).find(|&j| self.p.word(j) == "," && !self.p.quotes.inside(j))?;
        if !self.lower_is(c2 + 1, &["als"]) {
            return None;
        }
        self.quoted_term(c2 + 1, s.tok_end, false)
    }

    /// A quoted term that fills the sentence's first position before the
    /// finite verb, after `als`, `von` or `vor` with at most two determiners or
    /// adjectives (`Als „Fehler“ bezeichnete X …`, `Vor einem „Chaos“ warnte X`):
    /// its inner tokens. The speaker follows the verb.
    fn fronted_quoted_term(
        &self,
        s: &Sentence,
        finite: usize,
        inverted: bool,
    ) -> Option<(usize, usize)> {
        if !inverted || finite < s.tok_start + 3 {
            return None;
        }
        let q = self.p.quotes.top_level_at(finite - 1)?;
        if q.close != Some(finite - 1) || !self.fronted_term(q.open, s) {
            return None;
        }
        let span = self.trim_quote(q.inner_start, q.inner_end);
        (span.1 > span.0).then_some(span)
    }

    /// A person's name from token `a` up to a comma: the token after the comma.
    fn name_apposition(&self, a: usize, end: usize) -> Option<usize> {
        let m = self.p.mention(a)?;
        let e = &self.p.entities[m.entity];
        (e.kind == claimgraph_model::ActorKind::Person
            && e.surname.is_some()
            && m.end < end
            && self.p.word(m.end) == ",")
            .then_some(m.end + 1)
    }

    /// Past the cue's separable particle and its comma when the particle
    /// stands at `a` (after a name in apposition), else `a`.
    fn past_particle(&self, a: usize, cue: &Cue) -> usize {
        if Some(a) != cue.particle {
            return a;
        }
        if self.p.word(a + 1) == "," {
            a + 2
        } else {
            a + 1
        }
    }

    /// `Der Plan sei, sagte X, gescheitert`: the words after a cue clause set
    /// off by commas (ending at `ce`) continue what was said, unless they
    /// open a clause of their own (a conjunction, a relative pronoun) or a
    /// new sentence part (a capitalised word).
    fn rest_after_inserted_cue(&self, ce: usize, s: &Sentence) -> Option<(usize, usize)> {
        if ce >= s.tok_end || self.p.word(ce) != "," || self.p.quotes.inside(ce + 1) {
            return None;
        }
        let first = self.p.word(ce + 1);
        let lower = self.p.lower(ce + 1);
        let opens_clause = SUBORDINATORS.has_lower(lower)
            || (RELATIVES.contains(&lower) && !self.is_article_before_noun(ce + 1))
            || ["und", "oder", "aber", "sondern", "doch", "denn"].contains(&lower);
        if !self.p.is_word(ce + 1) || is_capitalized(first) || opens_clause {
            return None;
        }
        let rest = self.trim(ce + 1, s.tok_end);
        (rest.1 > rest.0 + 1).then_some(rest)
    }

    /// The quotation after `Name, Apposition:` when the speaker's name ends
    /// the cue clause at `ce`: the apposition is short and opens with a
    /// capitalised word (a role), then a colon and the quotation.
    fn quote_after_apposition(
        &self,
        sp: (usize, usize),
        ce: usize,
        s: &Sentence,
    ) -> Option<(usize, usize)> {
        if sp.1 != ce || self.p.word(ce) != "," || !is_capitalized(self.p.word(ce + 1)) {
            return None;
        }
        let colon = (ce + 2..s.tok_end.min(ce + 8)).find(|&j| is_sep(self.p, j))?;
        if self.p.word(colon) != ":" {
            return None;
        }
        self.quote_starting_at(colon + 1)
    }

    /// `der`/`die`/`das` right before a capitalised noun is an article, not a
    /// relative pronoun (`sagte sie, die Staaten halten …`).
    fn is_article_before_noun(&self, a: usize) -> bool {
        self.lower_is(a, &["der", "die", "das"])
            && self.p.is_word(a + 1)
            && is_capitalized(self.p.word(a + 1))
    }

    pub(super) fn has_konjunktiv(&self, a: usize, b: usize) -> bool {
        (a..b).any(|j| !self.p.quotes.inside(j) && self.is_konjunktiv(j))
    }

    /// A Konjunktiv I or II form: a listed one, or a verb in -e right after a
    /// subject pronoun (`er freue sich`, `man plane`), where the indicative has -t.
    /// Inlined into the scans of whole sentences for a Konjunktiv: a call per
    /// word cost more than the test of most words.
    #[inline(always)]
    pub(super) fn is_konjunktiv(&self, j: usize) -> bool {
        let w = self.p.word(j);
        if !may_be_konjunktiv(w) {
            return false;
        }
        if is_konjunktiv_form(w) {
            // "ich denke", "ich habe": the first person has -e in the indicative
            return !(j > 0 && self.lower_is(j - 1, &["ich"]));
        }
        // asked for every word of a sentence: the cheapest test first
        w.ends_with('e')
            && j > 0
            && matches!(
                self.p.word(j - 1),
                "er" | "sie" | "es" | "man" | "Er" | "Es" | "Man"
            )
            && !is_past_tense_form(w)
            // "hat sie eindeutige Signale": an adjective before its noun
            && !(self.p.is_word(j + 1) && is_capitalized(self.p.word(j + 1)))
            && w.chars().count() > 3
            && !is_capitalized(w)
            && w.chars().all(char::is_alphabetic)
            && !crate::doc::is_determiner(w)
            && !NOT_VERBS_IN_E.contains(&w)
            && (j < 2 || !self.lower_is(j - 2, &["für", "gegen", "ohne", "um", "durch"]))
    }

    /// A verb in -e right after a subject noun (`das Land besitze`, `Nordkorea
    /// verfüge`), where the indicative has -t.
    fn verb_in_e_after_noun(&self, j: usize) -> bool {
        let w = self.p.word(j);
        j > 0
            && w.ends_with('e')
            && !is_past_tense_form(w)
            && !w.ends_with("ee")
            && w.chars().count() > 4
            && !is_capitalized(w)
            && w.chars().all(char::is_alphabetic)
            && !crate::doc::is_determiner(w)
            && !NOT_VERBS_IN_E.contains(&w)
            && !self.lower_is(j, &NOT_VERBS_AFTER_NOUN)
            && self.p.is_word(j - 1)
            && is_capitalized(self.p.word(j - 1))
            && !(self.p.is_word(j + 1) && is_capitalized(self.p.word(j + 1)))
    }

    pub(super) fn has_zu_infinitive(&self, a: usize, b: usize) -> bool {
        (a..b).any(|j| {
            let w = self.p.word(j);
            (w == "zu" && self.p.word(j + 1).ends_with('n') && !is_capitalized(self.p.word(j + 1)))
                // the substring search last: it is the dearest test, asked for few words
                || (w.len() > 6
                    && w.ends_with("en")
                    && (j + 1 == b || is_sep(self.p, j + 1))
                    && !is_capitalized(w)
                    && w.contains("zu"))
        })
    }

    /// A top-level quotation whose closing mark is followed by `,` and then token `at`.
    pub(super) fn quote_ending_at(&self, at: usize, s: &Sentence) -> Option<(usize, usize)> {
        let mut j = at;
        if j > s.tok_start && self.p.word(j - 1) == "," {
            j -= 1;
        }
        if j == 0 || j <= s.tok_start {
            return None;
        }
        let close = j - 1;
        let q = self.p.quotes.top_level_at(close)?;
        if q.close != Some(close) || q.word_count(self.p.toks) < 2 {
            return None;
        }
        Some(self.trim_quote(q.inner_start, q.inner_end))
    }

    /// `Die Regierung sei bereit, wenn dies „der beste Weg ist“, versicherte
    /// er`: a quotation that ends a Konjunktiv clause begun before it is
    /// part of that clause, and the clause is what was said.
    fn clause_ending_in_quote(
        &self,
        q: (usize, usize),
        cs: usize,
        s: &Sentence,
    ) -> Option<(usize, usize)> {
        let open = q.0.checked_sub(1)?;
        let before = (s.tok_start..open).filter(|&j| self.p.is_word(j)).count();
        let introduced = (s.tok_start..open).any(|j| matches!(self.p.word(j), ":" | "–" | "-"));
        if before < 3 || introduced || !self.has_konjunktiv(s.tok_start, open) {
            return None;
        }
        Some(self.trim(s.tok_start, cs))
    }

    pub(super) fn quote_starting_at(&self, at: usize) -> Option<(usize, usize)> {
        let q = self.p.quotes.top_level_at(at)?;
        (q.open == at && q.word_count(self.p.toks) >= 2)
            .then(|| self.trim_quote(q.inner_start, q.inner_end))
    }

    pub(super) fn trim_quote(&self, a: usize, b: usize) -> (usize, usize) {
        // keep the final full stop inside the quotation, drop a trailing comma
        let mut b = b;
        while b > a && matches!(self.p.word(b - 1), "," | ";" | ":" | "–") {
            b -= 1;
        }
        (a, b)
    }

    /// A second part of a quotation after its cue: `, „B“`, `: „B“` or a next
    /// sentence that is only a quotation. Returns the last sentence used.
    pub(super) fn quote_after(&mut self, si: usize, ce: usize, spans: &mut Spans) -> usize {
        let s = self.p.sents[si];
        if ce < s.tok_end && matches!(self.p.word(ce), "," | ":") {
            if let Some(q) = self.quote_starting_at(ce + 1) {
                spans.push(q);
                return si;
            }
        }
        // „A“, sagte sie nach dem Treffen, das sie … nannte: „B“
        let later = self
            .p
            .quotes
            .quotes
            .iter()
            .find(|q| {
                q.depth == 0
                    && q.open > ce
                    && q.open < s.tok_end
                    && q.word_count(self.p.toks) >= 4
                    && matches!(self.p.word(q.open - 1), "," | ":")
            })
            .copied();
        if let Some(q) = later {
            let between_cue = (ce..q.open).any(|j| {
                !self.p.quotes.inside(j)
                    && self
                        .cue_at(j, &s)
                        .is_some_and(|c| c.entry.claim_type != ClaimType::Statement)
            });
            if !between_cue {
                spans.push(self.trim_quote(q.inner_start, q.inner_end));
                return si;
            }
        }
        let next = si + 1;
        if let Some(n) = self.p.sents.get(next).copied() {
            if n.paragraph == s.paragraph
                && !n.boilerplate
                && self.pure_quote(&n).is_some()
                && !self.sentence_has_cue(&n)
            {
                if let Some(q) = self.pure_quote(&n) {
                    spans.push(q);
                    self.consumed[next] = true;
                    return next;
                }
            }
        }
        si
    }

    /// The inner tokens of a sentence that is one quotation (plus final punctuation).
    pub(super) fn pure_quote(&self, s: &Sentence) -> Option<(usize, usize)> {
        let q = self.p.quotes.top_level_at(s.tok_start)?;
        if q.open != s.tok_start {
            return None;
        }
        let rest_is_punct = (q.end()..s.tok_end).all(|j| self.p.toks[j].kind == TokenKind::Punct);
        (rest_is_punct && q.word_count(self.p.toks) >= 2)
            .then(|| self.trim_quote(q.inner_start, q.inner_end))
    }

    pub(super) fn sentence_has_cue(&self, s: &Sentence) -> bool {
        (s.tok_start..s.tok_end).any(|i| !self.p.quotes.inside(i) && self.cue_at(i, s).is_some())
    }
}

/// Words in -e that follow a noun without being its verb.
pub(super) static NOT_VERBS_AFTER_NOUN: LowerSet = LowerSet::new(&[
    "heute",
    "gerne",
    "lange",
    "alleine",
    "bitte",
    "ohne",
    "diese",
    "jene",
    "manche",
    "mehrere",
    "andere",
    "weitere",
    "etliche",
    "sämtliche",
    "deine",
    "seine",
    "ihre",
    "unsere",
    "beinahe",
    "nahe",
    "ebenfalls",
    "rasche",
    "schnelle",
    "künftige",
    "gerade",
    "vorne",
    "draußen",
    "zunächst",
    "wieder",
    "außerdem",
    "ferne",
    "ganze",
    "halbe",
    "kaum",
    "genaue",
    "nähere",
    "übrige",
    "erste",
    "zweite",
    "dritte",
    "letzte",
    "nächste",
    "wenige",
]);

/// A past tense in -te or `wurde` (`verhängte`, `erreichte`, `musste`): the
/// indicative, where a Konjunktiv I in -e would be expected. Konjunktiv I
/// forms of verbs whose stem ends in t (`halte`, `arbeite`) are listed in
/// `KONJUNKTIV`, which is checked first.
fn is_past_tense_form(w: &str) -> bool {
    (w.ends_with("te") && !is_konjunktiv_form(w)) || w == "wurde"
}

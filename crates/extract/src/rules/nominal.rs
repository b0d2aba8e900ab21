//! Nominal cues: laut X, X zufolge, nach Angaben X, so X, heißt es, X: „…“.

use super::confidence::Pattern;
use super::speaker::HEAD_ATTRIBUTE_STARTS;
use super::suffixes::SuffixSet;
use super::words::*;
use super::LowerSet;
use super::Spans;
use super::{is_sep, Found, Rules, Speaker};
use crate::doc::is_determiner;
use claimgraph_model::{ActorKind, ClaimType};
use claimgraph_text::segment::Sentence;
use claimgraph_text::time::TimeExpr;
use claimgraph_text::token::is_capitalized;
use std::borrow::Cow;
use std::sync::LazyLock;

impl<'a, 'l> Rules<'a, 'l> {
    /// Appends the claims of the nominal cues of sentence `si` to `out`:
    /// `candidates` are its tokens outside quotations that pass
    /// `may_be_key_word`, in text order.
    pub(super) fn nominal_cues(
        &mut self,
        si: usize,
        candidates: &[usize],
        out: &mut Vec<Found<'a>>,
    ) {
        let s = self.p.sents[si];
        // a question ("Welche Vorschläge sind Ihrer Meinung nach …?") reports nothing
        if self.p.word(s.tok_end.saturating_sub(1)) == "?" {
            return;
        }
        if self.p.lower(s.tok_start) == "danach" {
            if let Some(f) = self.danach(si) {
                out.push(f);
            }
        }
        if self.p.lower(s.tok_start) == "wie" {
            if let Some(f) = self.wie_clause_first(si, out) {
                out.push(f);
            }
        }
        for &i in candidates {
            let found = match self.p.lower(i) {
                // "Gerüchte, nach denen …", "eine Studie, laut der …"
                "nach" | "laut" | "gemäß"
                    if i > s.tok_start && self.p.word(i - 1) == "," && self.relative_at(i + 1) =>
                {
                    let needs_noun = self.p.lower(i) == "nach";
                    self.relative_source(si, (i, i + 2), i + 1, needs_noun)
                }
                // "Grundsätze, denen zufolge …"
                "zufolge"
                    if i > s.tok_start + 1
                        && self.p.word(i - 2) == ","
                        && self.relative_at(i - 1) =>
                {
                    self.relative_source(si, (i - 1, i + 1), i - 1, false)
                }
                "laut" if self.opens_source_phrase(i + 1) => {
                    self.after_phrase(si, i, i + 1, Pattern::Laut)
                }
                "zufolge" => self.before_zufolge(si, i),
                "aus" if self.source_noun_at(i + 1, s.tok_end) => self.aus_source(si, i),
                // "erst nach Ermittlungen", "zwei Monate nach dem Urteil": a time
                "nach" if i > s.tok_start && self.lower_is(i - 1, TIME_BEFORE_NACH) => None,
                "nach" | "gemäß" if self.source_noun_at(i + 1, s.tok_end) => {
                    self.after_phrase(si, i, i + 1, Pattern::SourceNoun)
                }
                "nach" if self.rule_noun_at(i + 1, s.tok_end) => {
                    self.after_phrase(si, i, i + 1, Pattern::SourceNoun)
                }
                // "gemäß der Polizei", "gemäß Jan Kos": an actor, as after `laut`
                // (not a rule: "gemäß dem Gesetz")
                "gemäß" if self.actor_at(i + 1) => self.after_phrase(si, i, i + 1, Pattern::Laut),
                // "Dem Vernehmen nach", "eigenen Angaben nach": a postposition
                "nach" if self.source_noun_before(i, s.tok_start) => self.before_nach(si, i),
                "demnach" if !self.p.quotes.inside(i) => self.demnach(si, i),
                "wonach" if i > s.tok_start && self.p.word(i - 1) == "," => self.wonach(si, i),
                "so" if i > s.tok_start && self.p.word(i - 1) == "," => {
                    let found = self.so_speaker(si, i);
                    // "…, so X weiter: „…“": the quotation is a claim of its own
                    if let Some(q) = found.as_ref().and_then(|f| self.quote_after_so(si, f)) {
                        out.push(q);
                    }
                    found
                }
                "heißt" | "hieß" if self.p.word(i + 1) == "es" => self.heisst_es(si, i),
                "verlautete" | "verlautet" | "verlauteten" => self.verlautet(si, i),
                // a noun in the text: the (dearer) list asked only for capitalised words
                w if self
                    .p
                    .word(i)
                    .as_bytes()
                    .first()
                    .is_some_and(u8::is_ascii_uppercase) =>
                {
                    noun_cue_type(w).and_then(|ty| self.noun_cue(si, i, ty))
                }
                _ => None,
            };
            if let Some(f) = found {
                out.push(f);
            }
        }
    }

    /// `nach Angaben der Polizei`, `aus Sicht von X`, `nach Medienberichten`:
    /// a noun of information sources after the preposition.
    pub(super) fn source_noun_at(&self, i: usize, end: usize) -> bool {
        is_source_noun(self.p.lower(self.head_noun_at(i, end)))
    }

    /// Where the noun of the phrase at `i` stands: after up to three words in
    /// lower case (article, adjectives) and a genitive name (`nach Roths
    /// Angaben`, `nach Schäubles Vorstellungen`).
    fn head_noun_at(&self, i: usize, end: usize) -> usize {
        let mut j = i;
        while j < end && j < i + 3 && self.p.is_word(j) && !is_capitalized(self.p.word(j)) {
            j += 1;
        }
        if self.p.mention(j).is_some_and(|m| m.end == j + 1) && self.p.lower(j).ends_with('s') {
            j += 1;
        }
        j
    }

    /// `nach dem Grundgesetz`, `nach den Vorstellungen der Regierung`: a
    /// noun of rules or plans after the article and adjectives at `i`.
    fn rule_noun_at(&self, i: usize, end: usize) -> bool {
        let j = self.head_noun_at(i, end);
        // "nach dem Stand der Ermittlungen", "nach jetzigem Stand"; not a compound
        // (`Rückstand`, `Stillstand`)
        is_capitalized(self.p.word(j))
            && (RULE_NOUN_ENDINGS.ends(self.p.lower(j)) || j > i && self.p.lower(j) == "stand")
    }

    /// Whether a phrase naming an actor (a mention of the lexicon, a name or a
    /// role noun, after an article or adjectives) opens at token `j`.
    fn actor_at(&self, j: usize) -> bool {
        let mut k = j;
        if is_determiner(self.p.word(k)) {
            k += 1;
        }
        while k < j + 3 && self.p.is_word(k) && !is_capitalized(self.p.word(k)) {
            k += 1;
        }
        self.p.mention(k).is_some()
    }

    /// `laut der Polizei`, `laut Angaben`, `laut eigenen Angaben`, but not the
    /// adverb (`dachte laut über X nach`) or a relative (`laut denen`).
    fn opens_source_phrase(&self, j: usize) -> bool {
        // "laut „Reuters“"
        let j = if self.p.toks.get(j).is_some_and(|t| t.is_quote()) {
            j + 1
        } else {
            j
        };
        let w = self.p.word(j);
        self.p.is_word(j)
            && !self.lower_is(j, RELATIVE_ONLY)
            && (is_capitalized(w) || is_determiner(w) || !self.lower_is(j, &PREPOSITIONS))
    }

    /// `aus` and a source noun: `Aus dem Bericht geht hervor, dass …`, `Dies
    /// geht aus dem Bericht hervor.` (the previous sentence is the content),
    /// `aus Sicht der Regierung`, `aus seiner Sicht`. A view with no owner
    /// (`aus juristischer Sicht`) names no source.
    fn aus_source(&mut self, si: usize, i: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        if let Some(h) = (i + 1..s.tok_end).find(|&j| self.p.lower(j) == "hervor") {
            // "aus einer Mitteilung des Konzerns": the owner of the source noun speaks
            let speakers = match self.source_owner(i + 1, h) {
                Some((speakers, _)) => speakers,
                None => self.np_at(i + 1, h)?.0,
            };
            // "geht aus dem Bericht hervor, der …": a relative clause on the source
            let clause_after = self.p.word(h + 1) == "," && !self.lower_is(h + 2, RELATIVES);
            let content = if clause_after {
                let from = if self.p.lower(h + 2) == "dass" {
                    h + 3
                } else {
                    h + 2
                };
                Some(self.trim(from, s.tok_end))
            } else if self.lower_is(s.tok_start, &["dies", "das"]) {
                self.previous_sentence(si)
            } else {
                None
            }?;
            return self.nominal_found(
                si,
                speakers,
                Spans::one((i, i + 1)),
                Spans::one(content),
                Pattern::SourceNoun,
            );
        }
        let noun = (i + 1..s.tok_end.min(i + 4)).find(|&j| is_capitalized(self.p.word(j)))?;
        if !self.p.lower(noun).ends_with("sicht") {
            return None;
        }
        if let Some(owner) = (i + 1..noun).find(|&j| is_possessive(self.p.lower(j))) {
            let speaker = self.possessive_speaker(owner)?;
            let spans = self.around(&s, i, noun + 1);
            return self.nominal_found(
                si,
                vec![speaker],
                Spans::one((i, i + 1)),
                spans,
                Pattern::SourceNoun,
            );
        }
        let owner_after = matches!(self.p.lower(noun + 1), "der" | "des" | "von" | "vom")
            || is_capitalized(self.p.word(noun + 1));
        if !owner_after {
            return None;
        }
        self.after_phrase(si, i, i + 1, Pattern::SourceNoun)
    }

    /// The person a possessive refers to (`seiner` → the last man named,
    /// `ihrer` → the last woman); `None` for the first person and the polite
    /// `Ihrer`, whose owner the text does not name.
    fn possessive_speaker(&self, j: usize) -> Option<Speaker<'a>> {
        let w = self.p.word(j);
        let l = self.p.lower(j);
        let start = self.p.sents[self.p.sentence_of(j)?].tok_start;
        if l.starts_with("ihr") && w.starts_with('I') && j != start {
            return None;
        }
        let feminine = l.starts_with("ihr");
        let sp =
            self.last_person_mention(j, feminine).or_else(|| {
                // "ihrer Meinung nach" of a party or government
                let m =
                    self.p.mentions_before(j).iter().rev().find(|m| {
                        feminine && self.p.entities[m.entity].kind != ActorKind::Person
                    })?;
                Some(self.speaker_of_entity(m.entity, (m.start, m.end), 0.7))
            })?;
        Some(Speaker {
            mention: (j, j + 1),
            certainty: 0.7,
            ..sp
        })
    }

    fn source_noun_before(&self, i: usize, start: usize) -> bool {
        i > start && {
            let w = self.p.lower(i - 1);
            is_capitalized(self.p.word(i - 1))
                && (is_source_noun(w) || w == "vernehmen")
                && !(self.p.is_word(i + 1) && is_capitalized(self.p.word(i + 1)))
                // "die Sicht nach oben": a direction
                && !self.lower_is(i + 1, DIRECTIONS_AFTER_NACH)
        }
    }

    /// `Dem Vernehmen nach …`, `Seiner Ansicht nach …`: the phrase before `nach` names the source.
    fn before_nach(&mut self, si: usize, i: usize) -> Option<Found<'a>> {
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
        // "sei ihrer Meinung nach": a possessive names the person whose view it is
        let possessive = (a..i).find(|&j| is_possessive(self.p.lower(j)));
        let speaker = match possessive {
            Some(k) => {
                a = k;
                self.possessive_speaker(k)?
            }
            None if (a..i).any(|j| FIRST_PERSON_POSSESSIVES.contains(&self.p.lower(j))) => {
                return None
            }
            None => {
                // the phrase starts at its article or adjective, not at a verb before it
                while a + 1 < i && !opens_noun_phrase(self.p.word(a)) {
                    a += 1;
                }
                self.phrase_speaker(a, i)
            }
        };
        let spans = self.around(&s, a, i + 1);
        self.nominal_found(
            si,
            vec![speaker],
            Spans::one((i, i + 1)),
            spans,
            Pattern::NachPostposition,
        )
    }

    /// `Demnach …`: the source of the previous report goes on.
    fn demnach(&mut self, si: usize, i: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let mut speaker = self.phrase_speaker(i, i + 1);
        // "Demnach" opening a sentence refers to the sentence before: its
        // source, else the last source, else the subject of the sentence before
        // ("Das Gericht veröffentlichte sein Urteil. Demnach …"); "Demnach" is no actor
        let before = if i == s.tok_start {
            self.source_of_sentence(si)
        } else {
            None
        };
        let source = match before.or_else(|| self.last_group.first().cloned()) {
            Some(prev) => prev,
            None => self.previous_subject(si)?,
        };
        speaker.name = source.name;
        speaker.kind = source.kind;
        speaker.wikidata = source.wikidata;
        speaker.entity = source.entity;
        let spans = self.around(&s, i, i + 1);
        self.nominal_found(
            si,
            vec![speaker],
            Spans::one((i, i + 1)),
            spans,
            Pattern::Demnach,
        )
    }

    /// `Danach …` opening sentence `si` reports like `Demnach` after a
    /// sentence that names a source noun (`Die Stiftung legte eine Studie
    /// vor. Danach …`) or in Konjunktiv (`Danach sei …`); otherwise it is a
    /// time (`Danach ging er nach Hause`).
    fn danach(&mut self, si: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let prev = self.p.sents[si.checked_sub(1)?];
        let noun_before = self
            .source_noun_in(prev.tok_start, prev.tok_end, false)
            .is_some();
        if !noun_before && !self.has_konjunktiv(s.tok_start + 1, s.tok_end) {
            return None;
        }
        self.demnach(si, s.tok_start)
    }

    /// The source a sentence reports that opens with `Demnach`: in the
    /// sentence before, the speaker of its claim, its subject (`Das Amt legte
    /// seinen Bericht vor`, `Am Montag gab der Verband bekannt …`), else its
    /// source noun (`Die Zahlen der Polizei wurden korrigiert`).
    fn source_of_sentence(&mut self, si: usize) -> Option<Speaker<'a>> {
        let prev = si.checked_sub(1)?;
        let ps = self.p.sents[prev];
        let claimed = self
            .last_group
            .first()
            .filter(|sp| self.p.sentence_of(sp.mention.0) == Some(prev));
        if let Some(sp) = claimed {
            return Some(sp.clone());
        }
        if let Some(sp) = self.sentence_subject(prev) {
            return Some(sp);
        }
        if let Some(sp) = self.actor_after_verb(ps.tok_start, ps.tok_end) {
            return Some(sp);
        }
        let noun = self.source_noun_in(ps.tok_start, ps.tok_end, true)?;
        // the phrase from its article or adjectives to the noun
        let mut a = noun;
        while a > ps.tok_start && a + 4 > noun && opens_noun_phrase(self.p.word(a - 1)) {
            a -= 1;
            if is_determiner(self.p.word(a)) || is_capitalized(self.p.word(a)) {
                break;
            }
        }
        if is_capitalized(self.p.word(a)) && !is_determiner(self.p.word(a)) && a < noun {
            a += 1;
        }
        // "die Zahlen der Behörde": the owner of the noun
        if let Some((speakers, _)) = self.source_owner(a, ps.tok_end) {
            return speakers.into_iter().next();
        }
        if is_determiner(self.p.word(a)) {
            a += 1;
        }
        Some(self.phrase_speaker(a, noun + 1))
    }

    /// The first actor named by a nominative phrase after the verb of a
    /// clause from `start` to `end` (`Am Montag hat die Kommission …`): an
    /// article `der`/`die`/`das` outside a prepositional or genitive phrase,
    /// or a name with none before it.
    pub(super) fn actor_after_verb(&mut self, start: usize, end: usize) -> Option<Speaker<'a>> {
        for j in start + 1..end.min(start + 12) {
            if self.p.quotes.inside(j) || self.in_prepositional_phrase(j) {
                continue;
            }
            let before = self.p.lower(j - 1);
            if matches!(before, "des" | "eines" | "den" | "dem" | "einem" | "einen") {
                continue;
            }
            let article = self.lower_is(j, &["der", "die", "das"]);
            // a name after a verb or adverb, not in a phrase (`in Berlin`, `des Deutschen Bundestages`)
            let name = self.p.mention(j).is_some_and(|m| m.start == j)
                && self.p.is_word(j - 1)
                && !is_capitalized(self.p.word(j - 1))
                && !is_determiner(before)
                && !self.lower_is(j - 1, &PREPOSITIONS);
            if !article && !name {
                continue;
            }
            if let Some((speakers, _)) = self.np_at(j, end) {
                let sp = speakers.into_iter().next()?;
                if sp.entity.is_some() || self.role_phrase(&sp) {
                    return Some(sp);
                }
            }
        }
        None
    }

    /// The first source noun (or, with `reports`, report noun) of the tokens
    /// from `start` to `end` that the sentence presents, outside quotations
    /// and not as the source of its own report (`nach Angaben der Polizei`).
    fn source_noun_in(&self, start: usize, end: usize, reports: bool) -> Option<usize> {
        (start..end).find(|&j| {
            !self.p.quotes.inside(j)
                && is_capitalized(self.p.word(j))
                && (is_source_noun(self.p.lower(j)) || reports && self.lower_is(j, REPORT_NOUNS))
                && !(j.saturating_sub(3).max(start)..j)
                    .any(|k| self.lower_is(k, &["nach", "laut", "gemäß"]))
        })
    }

    /// The noun phrase that opens the sentence before `si`, if it names an
    /// actor (a known one or a role noun of the lexicon).
    fn previous_subject(&mut self, si: usize) -> Option<Speaker<'a>> {
        self.sentence_subject(si.checked_sub(1)?)
    }

    /// Where the noun phrase that ends at `comma` opens (at most seven tokens
    /// back, not before `from`): `ein Bericht, wonach …`, `Umfragen, laut denen …`.
    fn phrase_before_comma(&mut self, from: usize, comma: usize) -> Option<usize> {
        let from = comma.saturating_sub(7).max(from);
        (from..comma).find(|&j| {
            let w = self.p.word(j);
            (is_determiner(w) || is_capitalized(w))
                && self.np_at(j, comma).is_some_and(|(_, (_, e))| e == comma)
        })
    }

    /// `…, ein Bericht, wonach …`: the noun phrase before the comma is the source.
    fn wonach(&mut self, si: usize, i: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let comma = i - 1;
        let start = self.phrase_before_comma(s.tok_start, comma)?;
        let (speakers, _) = self.np_at(start, comma)?;
        let right = self.trim(i + 1, s.tok_end);
        self.nominal_found(
            si,
            speakers,
            Spans::one((i, i + 1)),
            Spans::one(right),
            Pattern::Wonach,
        )
    }

    /// One past a name written in lower case at `j`: a compound with a
    /// capital after its hyphen (`el-Baradei`, `ai-Bericht`) or a web address
    /// (`ndr.de`, also cut as `ndr` `.` `de`).
    fn lower_case_name_end(&self, j: usize, limit: usize) -> Option<usize> {
        let w = self.p.word(j);
        if !self.p.is_word(j) || !w.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let is_domain =
            |tld: &str| (2..=4).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase());
        let joined = |k: usize| k < limit && !self.p.toks[k].space_before;
        if joined(j + 1)
            && self.p.word(j + 1) == "."
            && joined(j + 2)
            && is_domain(self.p.word(j + 2))
        {
            return Some(j + 3);
        }
        if let Some((_, tld)) = w.rsplit_once('.') {
            return is_domain(tld).then_some(j + 1);
        }
        let (_, tail) = w.split_once('-')?;
        tail.starts_with(char::is_uppercase).then_some(j + 1)
    }

    /// `Wie X, Sprecher des Amtes, in Kiel mitteilte, …`, `Wie eine Studie
    /// ergab, …`, `Wie kiel-online.de berichtet, …`: a clause opened by `wie`
    /// that ends in a verb of reporting names the source of the main clause
    /// after it. Its clause ends at the first comma after a word in lower
    /// case (a name's apposition may stand between commas). `found` holds
    /// the claims found so far: one of the sentence already on that content
    /// wins.
    fn wie_clause_first(&mut self, si: usize, found: &[Found<'a>]) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let start = s.tok_start + 1;
        let comma = (start + 1..s.tok_end.min(start + 25)).find(|&j| {
            self.p.word(j) == ","
                && !self.p.quotes.inside(j)
                && !is_capitalized(self.p.word(j - 1))
                && self.p.is_word(j - 1)
        })?;
        let verb = comma - 1;
        let reports =
            !self.p.cue_forms(self.lex, verb).is_empty() || self.lower_is(verb, WIE_REPORT_VERBS);
        if !reports {
            return None;
        }
        let content = self.trim(comma + 1, s.tok_end);
        let taken = found.iter().any(|f| {
            f.sentences.0 == si
                && f.content
                    .iter()
                    .any(|&(a, b)| a < content.1 && content.0 < b)
        });
        if taken {
            return None;
        }
        let speaker = match self.np_at(start, verb) {
            Some((speakers, _)) => {
                let sp = speakers.into_iter().next()?;
                // "Wie der Vorsitzende Richter, Jan Kos, ausführte": the apposed person
                let first_comma = (start..verb).find(|&j| self.p.word(j) == ",");
                let apposed = first_comma.and_then(|c| self.apposed_person(c, verb));
                apposed.unwrap_or(sp)
            }
            None => {
                let end = self.lower_case_name_end(start, verb)?;
                self.phrase_speaker(start, end)
            }
        };
        self.nominal_found(
            si,
            vec![speaker],
            Spans::one((verb, verb + 1)),
            Spans::one(content),
            Pattern::WieClause,
        )
    }

    /// `Dem Sender al-Arabija zufolge`: a name in lower case that ends right
    /// before token `i`, with the noun and article before it. Where the
    /// phrase starts, and its speaker.
    fn lower_case_name_before(&self, first: usize, i: usize) -> Option<(usize, Vec<Speaker<'a>>)> {
        let j = (i.saturating_sub(3).max(first)..i)
            .find(|&j| self.lower_case_name_end(j, i) == Some(i))?;
        let mut start = j;
        if start > first && is_capitalized(self.p.word(start - 1)) {
            start -= 1;
            if start > first && is_determiner(self.p.word(start - 1)) {
                start -= 1;
            }
        }
        let mut sp = self.phrase_speaker(j, i);
        sp.mention = (start, i);
        Some((start, vec![sp]))
    }

    /// `die Forderung des Verbandes, die Gebühren zu senken`, `trotz einer
    /// Warnung der Polizei, dass …`: a noun of a speech act at `i` with its
    /// owner (a genitive or `von` phrase up to a comma) and, after the comma,
    /// what was demanded or said: an infinitive with `zu`, a `dass` clause or
    /// a clause in Konjunktiv, up to the next comma.
    fn noun_cue(&mut self, si: usize, i: usize, ty: ClaimType) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let outside = |j: &usize| !self.p.quotes.inside(*j);
        // "X hat mit der Ankündigung, …, klargestellt": the subject's own act
        let subjects_own = self.p.word(i + 1) == ","
            && i >= s.tok_start + 2
            && self.p.lower(i - 2) == "mit"
            && (is_determiner(self.p.word(i - 1)) || is_possessive(self.p.lower(i - 1)));
        let (speakers, comma) = if subjects_own {
            // the subject, or the person apposed to it ("Der frühere Minister, Jan Kos, …")
            let (sps, (_, end)) = self.np_at(s.tok_start, i)?;
            let sp = sps.into_iter().next()?;
            // past a genitive name ("Der Minister Dänemarks, Jan Kos, …")
            let comma = (end..i.min(end + 3))
                .find(|&j| self.p.word(j) == ",")
                .unwrap_or(end);
            let sp = match self.apposed_person(comma, i) {
                Some(person) => person,
                None if sp.entity.is_some() || self.role_phrase(&sp) => sp,
                None => return None,
            };
            (vec![sp], i + 1)
        } else {
            let owner = match self.p.lower(i + 1) {
                "des" | "der" => i + 1,
                "von" | "vom" => i + 2,
                _ => return None,
            };
            let comma = (owner..s.tok_end.min(owner + 10))
                .filter(outside)
                .find(|&j| self.p.word(j) == ",")?;
            let (speakers, (_, end)) = self.np_at(owner, comma)?;
            if end != comma {
                return None;
            }
            (speakers, comma)
        };
        let mut from = comma + 1;
        let dass = self.p.lower(from) == "dass";
        if dass {
            from += 1;
        }
        let to = (from..s.tok_end)
            .filter(outside)
            .find(|&j| matches!(self.p.word(j), "," | ";" | ":"))
            .unwrap_or(s.tok_end);
        let content = self.trim(from, to);
        let said = dass
            || self.has_zu_infinitive(content.0, content.1)
            || self.has_konjunktiv(content.0, content.1);
        if !said {
            return None;
        }
        let mut found = self.nominal_found(
            si,
            speakers,
            Spans::one((i, i + 1)),
            Spans::one(content),
            Pattern::Wonach,
        )?;
        found.claim_type = ty;
        Some(found)
    }

    /// A relative pronoun at `j` (`denen`, `welchem`; `der`, `dem` not before a noun).
    fn relative_at(&self, j: usize) -> bool {
        match self.p.lower(j) {
            "denen" | "welchem" | "welcher" | "welchen" => true,
            "dem" | "der" => self.p.is_word(j + 1) && !is_capitalized(self.p.word(j + 1)),
            _ => false,
        }
    }

    /// `…, ein Gutachten, nach dem …`, `Umfragen, laut denen …`,
    /// `Grundsätze, denen zufolge …`: the noun phrase before the comma that
    /// opens the relative clause is the source, the rest of the sentence
    /// what it says; the relative pronoun at `pronoun` is the mention. After
    /// `nach` (`needs_noun`) the phrase must name a report, rule or plan:
    /// `die Sitzung, nach der …` is a time.
    fn relative_source(
        &mut self,
        si: usize,
        cue: (usize, usize),
        pronoun: usize,
        needs_noun: bool,
    ) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let comma = cue.0 - 1;
        let start = self.phrase_before_comma(s.tok_start, comma)?;
        if needs_noun {
            let head = (start..comma)
                .find(|&j| is_capitalized(self.p.word(j)) && !is_determiner(self.p.word(j)))?;
            let l = self.p.lower(head);
            let names_report = is_source_noun(l)
                || RULE_NOUN_ENDINGS.ends(l)
                || REPORT_NOUNS.contains(&l)
                || RELATIVE_SOURCE_NOUNS.iter().any(|n| l.ends_with(n));
            if !names_report {
                return None;
            }
        }
        let (speakers, _) = self.np_at(start, comma)?;
        let mut sp = speakers.into_iter().next()?;
        sp.mention = (pronoun, pronoun + 1);
        let content = self.trim(cue.1, s.tok_end);
        self.nominal_found(
            si,
            vec![sp],
            Spans::one(cue),
            Spans::one(content),
            Pattern::Wonach,
        )
    }

    /// A speaker known only by the words of its phrase (`eigenen Angaben`).
    fn phrase_speaker(&self, a: usize, b: usize) -> Speaker<'a> {
        Speaker {
            name: crate::strip_quotes_cow(self.p.slice(a, b)),
            kind: claimgraph_model::ActorKind::Organization,
            wikidata: None,
            entity: None,
            mention: (a, b),
            certainty: 0.5,
        }
    }

    /// The content around a cue phrase of sentence `s`: its words before token
    /// `before` and from token `after` on, each trimmed, empty parts left out.
    fn around(&self, s: &Sentence, before: usize, after: usize) -> Spans {
        let (start, end) = self.clause_of_source(s, before, after);
        let left = self.trim(start, before);
        let right = self.trim(after, end);
        [left, right].into_iter().filter(|(a, b)| b > a).collect()
    }

    /// The clause a source phrase between `before` and `after` stands in: a
    /// source reports only its own clause. A clause that opens after a comma
    /// (`…, die laut X geschlossen bleibt`, `…, diese seien laut X verjährt`)
    /// or a semicolon before the phrase, else the sentence; a relative clause
    /// ends at the next comma.
    fn clause_of_source(&self, s: &Sentence, before: usize, after: usize) -> (usize, usize) {
        let outside = |j: &usize| !self.p.quotes.inside(*j);
        // "Laut X ist A; demnach B": a semicolon after the phrase ends its clause
        let semicolon_after = || {
            (after..s.tok_end)
                .filter(outside)
                .find(|&j| self.p.word(j) == ";")
                .unwrap_or(s.tok_end)
        };
        // "A - nach X ist B": a dash between spaces opens a clause
        let dash = |j: usize| {
            matches!(self.p.word(j), "-" | "–" | "—")
                && self.p.toks.get(j).is_some_and(|t| t.space_before)
        };
        let Some(sep) = (s.tok_start..before)
            .rev()
            .filter(outside)
            .find(|&j| matches!(self.p.word(j), "," | ";") || dash(j))
        else {
            return (s.tok_start, semicolon_after());
        };
        let first = sep + 1;
        // "…, bei dem laut X …": a preposition before the relative pronoun
        let relative_at = if self.lower_is(first, &PREPOSITIONS) {
            first + 1
        } else {
            first
        };
        let relative = relative_at < before
            && (self.lower_is(relative_at, RELATIVES) || self.lower_is(relative_at, &["was"]));
        // "Ob A, darüber lässt sich - nach X - nur spekulieren": a word
        // that takes up what stands before the dash keeps it
        let resumes = self.lower_is(first, &["das", "dies", "darüber", "davon", "dazu", "dafür"]);
        let opens_clause = self.p.word(sep) == ";"
            || dash(sep) && !resumes
            || relative
            || self.lower_is(first, &SUBORDINATORS)
            || self.lower_is(first, CLAUSE_OPENING_PRONOUNS);
        if !opens_clause {
            return (s.tok_start, semicolon_after());
        }
        let end = if relative {
            (after..s.tok_end)
                .filter(outside)
                .find(|&j| matches!(self.p.word(j), "," | ";"))
                .unwrap_or(s.tok_end)
        } else {
            semicolon_after()
        };
        (first, end)
    }

    /// `laut X …`: X right after the cue word(s), content the rest of the sentence.
    pub(super) fn after_phrase(
        &mut self,
        si: usize,
        cue_start: usize,
        np: usize,
        pattern: Pattern,
    ) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let (speakers, end) = match self.owned_source(si, np, s.tok_end) {
            Some((sp, end)) => (vec![sp], end),
            None => match self.source_owner(np, s.tok_end) {
                Some(owner) => owner,
                None => match self.np_at(np, s.tok_end) {
                    Some((speakers, (_, end))) => (speakers, end),
                    None => {
                        // "laut el-Baradei", "laut ndr.de": a name in lower case,
                        // also in quotation marks ("laut „ndr.de“")
                        let quoted = self.p.toks.get(np).is_some_and(|t| t.is_quote());
                        let first = np + usize::from(quoted);
                        let mut end = self.lower_case_name_end(first, s.tok_end)?;
                        if quoted {
                            if !self.p.toks.get(end).is_some_and(|t| t.is_quote()) {
                                return None;
                            }
                            end += 1;
                        }
                        let mut sp = self.phrase_speaker(first, end - usize::from(quoted));
                        sp.mention = (np, end);
                        (vec![sp], end)
                    }
                },
            },
        };
        let spans = self.around(&s, cue_start, end);
        self.nominal_found(si, speakers, Spans::one((cue_start, np)), spans, pattern)
    }

    /// `nach seinen Worten`, `nach eigenen Angaben`: a source noun whose owner
    /// is a possessive (the person it refers to) or `eigen-` (the subject of
    /// the sentence) names that owner, not the noun. The speaker and the
    /// token after the noun.
    fn owned_source(&mut self, si: usize, a: usize, limit: usize) -> Option<(Speaker<'a>, usize)> {
        let noun = (a + 1..limit.min(a + 4)).find(|&j| is_capitalized(self.p.word(j)))?;
        if !is_source_noun(self.p.lower(noun)) {
            return None;
        }
        let owner = self.p.lower(a);
        // "nach Celebis Angaben": a genitive name before the noun
        let genitive = self
            .p
            .mention(a)
            .filter(|m| m.end == noun && owner.ends_with('s'));
        let speaker = if let Some(m) = genitive.copied() {
            self.speaker_of_entity(m.entity, (a, noun + 1), 1.0)
        } else if is_possessive(owner) {
            self.possessive_speaker(a)?
        } else if owner.starts_with("eigen") {
            // the subject, or the person apposed to it ("Der Bruder des
            // Ministers, Jan Kos, war nach eigenem Bekunden …")
            let s = self.p.sents[si];
            let apposed = self
                .np_at(s.tok_start, a)
                .and_then(|(_, (_, end))| self.apposed_person(end, a));
            let subject = match apposed {
                Some(person) => person,
                None => self.sentence_subject(si)?,
            };
            Speaker {
                mention: (a, noun + 1),
                certainty: 0.7,
                ..subject
            }
        } else {
            return None;
        };
        Some((speaker, noun + 1))
    }

    /// `nach Angaben der Polizei`, `laut einem Bericht des Senders`,
    /// `Informationen von Diplomaten zufolge`: the source noun names what was
    /// said, the genitive or `von` phrase after it who said it. The speakers
    /// and the token after their phrase.
    fn source_owner(&mut self, a: usize, limit: usize) -> Option<(Vec<Speaker<'a>>, usize)> {
        let mut noun = a;
        if is_determiner(self.p.word(noun)) {
            noun += 1;
        }
        // adjectives before the noun: "laut einem internen Bericht"
        while noun < limit.min(a + 4) && self.p.is_word(noun) && !is_capitalized(self.p.word(noun))
        {
            noun += 1;
        }
        // a rule noun after its article (`nach dem Entwurf der Regierung`),
        // not bare (`laut Verfassung der Präsident`: a subject follows)
        let rule_noun = noun > a && RULE_NOUN_ENDINGS.ends(self.p.lower(noun));
        if !is_capitalized(self.p.word(noun)) || !(is_source_noun(self.p.lower(noun)) || rule_noun)
        {
            return None;
        }
        let owner = match self.p.lower(noun + 1) {
            "des" | "der" => noun + 1,
            "von" | "vom" => noun + 2,
            _ => return None,
        };
        let (mut speakers, (_, end)) = self.np_at(owner, limit)?;
        if self.p.lower(owner) == "des" {
            // a name taken from the text (not a lexicon actor's) is in the genitive
            let last_word = self.p.word(end.saturating_sub(1));
            for sp in speakers.iter_mut().filter(|sp| sp.name == last_word) {
                if let Some(n) = nominative_of_genitive(&sp.name) {
                    sp.name = Cow::Owned(n.to_string());
                }
            }
        }
        // "nach Angaben des Instituts (ABC)": the abbreviation is no content
        Some((speakers, self.after_short_parenthesis(end, limit)))
    }

    /// The actor that opens sentence `si` (`Die Firma hat nach eigenen Angaben …`).
    fn sentence_subject(&mut self, si: usize) -> Option<Speaker<'a>> {
        let s = self.p.sents[si];
        let (speakers, _) = self.np_at(s.tok_start, s.tok_end)?;
        speakers
            .into_iter()
            .next()
            .filter(|sp| sp.entity.is_some() || self.role_phrase(sp))
    }

    pub(super) fn before_zufolge(&mut self, si: usize, i: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        // the longest noun phrase that ends right before "zufolge"
        // ("Einer Erklärung des Verbandes Kieler Lehrer (VKL) zufolge": ten tokens)
        let from = i.saturating_sub(10).max(s.tok_start);
        let mut found = None;
        for j in from..i {
            let w = self.p.word(j);
            if !(is_determiner(w) || is_capitalized(w)) {
                continue;
            }
            if let Some((sp, (_, end))) = self.np_at(j, i) {
                // "des Verbandes (VKG) zufolge": an abbreviation may close the phrase
                if end == i || self.after_short_parenthesis(end, i) == i {
                    found = Some((j, sp));
                    break;
                }
            }
        }
        // "seinen Angaben zufolge", "eigenen Angaben zufolge": the owner speaks
        let owned = (from..i).find_map(|a| {
            self.owned_source(si, a, i + 1)
                .filter(|&(_, end)| end == i)
                .map(|(sp, _)| (a, vec![sp]))
        });
        // "einem Bericht der Zeitung zufolge": the owner of the source noun speaks
        let owner = || {
            (from..i).find_map(|a| {
                self.source_owner(a, i)
                    .filter(|&(_, end)| end == i)
                    .map(|(sp, _)| (a, sp))
            })
        };
        let (start, speakers) = owned
            .or_else(owner)
            .or(found)
            .or_else(|| self.lower_case_name_before(s.tok_start, i))?;
        let spans = self.around(&s, start, i + 1);
        self.nominal_found(
            si,
            speakers,
            Spans::one((i, i + 1)),
            spans,
            Pattern::Zufolge,
        )
    }

    /// `„…“, so X.` / `…, so X.`
    pub(super) fn so_speaker(&mut self, si: usize, i: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let (speakers, (_, mut end)) = self.np_at(i + 1, s.tok_end)?;
        // "so der Chef der Behörde", "so Jan Kos von der Zeitung": an
        // attribute may follow the speaker's noun or name
        if self.lower_is(end, &["der", "des", "einer", "eines", "von", "vom", "aus"]) {
            end = self.genitive_end(end, s.tok_end);
        }
        // "so X gegenüber der Zeitung", "so X am Montag": an adverbial may follow the speaker
        let adverbial = self.lower_is(end, SO_ADVERBIALS);
        if end < s.tok_end && !is_sep(self.p, end) && !adverbial {
            return None;
        }
        let content = match self.quote_ending_at(i, &s) {
            Some(q) => q,
            None => self.trim(s.tok_start, i - 1),
        };
        let mut spans = Spans::one(content);
        // "Der Plan sei, so X, gescheitert": what follows the inserted "so X" goes on
        if let Some(rest) = self.after_so_insertion(end, &s) {
            spans.push(rest);
        }
        self.nominal_found(si, speakers, Spans::one((i, i + 1)), spans, Pattern::So)
    }

    /// The rest of the sentence after an inserted `, so X[ adverbial],` or
    /// `so X weiter:` whose speaker phrase ends at `end`.
    fn after_so_insertion(&mut self, end: usize, s: &Sentence) -> Option<(usize, usize)> {
        let close = (end..s.tok_end.min(end + 12)).find(|&j| is_sep(self.p, j))?;
        if !matches!(self.p.word(close), "," | ":") {
            return None;
        }
        // "so X weiter: „…“": the quotation is a claim of its own (`quote_after_so`)
        if self.p.word(close) == ":" && self.quote_starting_at(close + 1).is_some() {
            return None;
        }
        // "so Jan Kos, der Leiter des Amtes": an apposition, no content
        let apposition = self.p.word(close) == ","
            && self
                .np_at(close + 1, s.tok_end)
                .and_then(|(sps, _)| sps.into_iter().next())
                .is_some_and(|sp| self.role_phrase(&sp));
        if apposition {
            return None;
        }
        let rest = self.trim(close + 1, s.tok_end);
        (rest.1 > rest.0 + 1).then_some(rest)
    }

    /// The claim of a quotation after `so X weiter:` whose `so` claim is `f`:
    /// the same speaker goes on in his own words.
    fn quote_after_so(&mut self, si: usize, f: &Found<'a>) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let end = f.speaker.mention.1;
        let colon = (end..s.tok_end.min(end + 12)).find(|&j| is_sep(self.p, j))?;
        if self.p.word(colon) != ":" {
            return None;
        }
        let q = self.quote_starting_at(colon + 1)?;
        Some(self.colon_quote(si, colon, q, f.speaker.clone()))
    }

    /// `…, hieß es in Moskau` / `Aus X hieß es, …` / `In einer Erklärung
    /// der Partei heißt es, …`: the source stands after `es` or in the
    /// prepositional phrase that opens the sentence.
    pub(super) fn heisst_es(&mut self, si: usize, i: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        // "hieß es am Abend aus X": a time is no source
        let after_es = self.skip_time(si, i + 2);
        let mut j = after_es;
        while j < s.tok_end && self.lower_is(j, HEISST_ES_PREPOSITIONS) {
            j += 1;
        }
        let (speakers, end) = match self.source_np(j, s.tok_end) {
            Some((speakers, (_, end))) => (speakers, end),
            None => (self.fronted_source(si, s.tok_start, i)?, after_es),
        };
        let content = if i > s.tok_start && self.p.word(i - 1) == "," {
            self.trim(s.tok_start, i - 1)
        } else {
            self.content_after_source(end, &s)
        };
        self.nominal_found(
            si,
            speakers,
            Spans::one((i, i + 2)),
            Spans::one(content),
            Pattern::HeisstEs,
        )
    }

    /// The content that follows a source phrase ending at `end`
    /// (`hieß es aus Moskau, man …`), past a comma or colon and a `dass`.
    fn content_after_source(&self, end: usize, s: &Sentence) -> (usize, usize) {
        let mut a = end;
        while a < s.tok_end && matches!(self.p.word(a), "," | ":") {
            a += 1;
        }
        if self.p.lower(a) == "dass" {
            a += 1;
        }
        self.trim(a, s.tok_end)
    }

    /// `Aus dem Rathaus hieß es`, `In dem Bericht des Amtes heißt es`: the
    /// phrase between the clause's first word (a preposition, after `wie`)
    /// at `start` and the verb at `verb` names the source.
    fn fronted_source(&mut self, si: usize, start: usize, verb: usize) -> Option<Vec<Speaker<'a>>> {
        let mut first = start;
        if self.p.lower(first) == "wie" {
            first += 1;
        }
        // "In der Nacht hieß es": a time is no source
        if first + 1 >= verb
            || !self.lower_is(first, FRONTED_SOURCE_PREPOSITIONS)
            || self.skip_time(si, first) != first
        {
            return None;
        }
        let (speakers, (_, end)) = self.source_np(first + 1, verb)?;
        (self.skip_time(si, end) == verb).then_some(speakers)
    }

    /// The source a noun phrase at `start` names. `dem Umfeld der Kommission`,
    /// `Kreisen der Partei`: people close to the genitive's owner speak for
    /// it, so the owner is the actor; any other phrase names itself.
    fn source_np(
        &mut self,
        start: usize,
        limit: usize,
    ) -> Option<(Vec<Speaker<'a>>, (usize, usize))> {
        let mut j = start;
        if self.lower_is(j, &["dem", "den", "der", "des"]) {
            j += 1;
        }
        if self.lower_is(j, PROXIMITY_NOUNS) && self.lower_is(j + 1, &["der", "des"]) {
            if let Some((speakers, (_, end))) = self.np_at(j + 1, limit) {
                return Some((speakers, (start, end)));
            }
        }
        self.np_at(start, limit)
    }

    /// The token after a time expression starting at `j` (`am Freitag`,
    /// `am späten Abend`), else `j`.
    fn skip_time(&self, si: usize, j: usize) -> usize {
        let preposition = self.lower_is(j, &["am", "in", "im", "zum"]);
        let starts_here = |t: &&TimeExpr| t.tok_start == j || (preposition && t.tok_start == j + 1);
        if let Some(t) = self.p.sentence_times(si).iter().find(starts_here) {
            return t.tok_end;
        }
        // a part of the day with no date is no time expression of its own
        if !preposition {
            return j;
        }
        (j + 1..j + 4)
            .take_while(|&k| self.p.is_word(k))
            .find(|&k| self.lower_is(k, DAYPARTS))
            .map_or(j, |k| k + 1)
    }

    /// `Aus Regierungskreisen verlautete, …`, `Wie aus Kreisen der Partei
    /// verlautete, …`, `…, verlautete aus dem Ministerium`: the source of
    /// `verlauten` is an `aus` phrase, never a subject.
    pub(super) fn verlautet(&mut self, si: usize, i: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        // "…, wie aus X verlautete": the clause opens at `wie`
        let wie = (s.tok_start + 1..i)
            .rev()
            .find(|&j| self.p.lower(j) == "wie" && self.p.word(j - 1) == ",");
        let after = self.skip_time(si, i + 1);
        let (speakers, end) = if self.p.lower(after) == "aus" {
            let (speakers, (_, end)) = self.source_np(after + 1, s.tok_end)?;
            (speakers, end)
        } else {
            let start = wie.unwrap_or(s.tok_start);
            (self.fronted_source(si, start, i)?, after)
        };
        let content = if let Some(wie) = wie {
            self.trim(s.tok_start, wie - 1)
        } else if i > s.tok_start && self.p.word(i - 1) == "," {
            // "Der Minister trete zurück, verlautete aus X."
            self.trim(s.tok_start, i - 1)
        } else if self.p.lower(s.tok_start) == "wie" {
            // "Wie aus X verlautete, wurde …": the main clause after the comma
            let comma = (end..s.tok_end).find(|&j| self.p.word(j) == ",")?;
            self.trim(comma + 1, s.tok_end)
        } else {
            self.content_after_source(end, &s)
        };
        self.nominal_found(
            si,
            speakers,
            Spans::one((i, i + 1)),
            Spans::one(content),
            Pattern::HeisstEs,
        )
    }

    pub(super) fn nominal_found(
        &mut self,
        si: usize,
        speakers: Vec<Speaker<'a>>,
        cue: Spans,
        content: Spans,
        pattern: Pattern,
    ) -> Option<Found<'a>> {
        let words: usize = content
            .iter()
            .map(|&(a, b)| (a..b).filter(|&j| self.p.is_word(j)).count())
            .sum();
        if words < 3 {
            return None;
        }
        let sp = speakers.into_iter().next()?;
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
    pub(super) fn colon_speaker(&mut self, si: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let colon =
            (s.tok_start..s.tok_end.min(s.tok_start + 8)).find(|&j| self.p.word(j) == ":")?;
        let (speakers, (_, end)) = self.np_at(s.tok_start, colon)?;
        if end != colon {
            return None;
        }
        let q = self.quote_starting_at(colon + 1)?;
        let sp = speakers.into_iter().next()?;
        Some(self.colon_quote(si, colon, q, sp))
    }

    /// The claim of a quotation introduced by `speaker … :`, with the
    /// quotations that continue it in the following sentences.
    fn colon_quote(
        &mut self,
        si: usize,
        colon: usize,
        quote: (usize, usize),
        speaker: Speaker<'a>,
    ) -> Found<'a> {
        let mut spans = Spans::one(quote);
        let last = self.quote_after(si, quote.1 + 1, &mut spans);
        Found {
            confidence: 0.0,
            pattern: Pattern::ColonSpeaker,
            weak_cue: false,
            speaker,
            cue: Spans::one((colon, colon + 1)),
            claim_type: ClaimType::Statement,
            content: spans,
            addressee: None,
            sentences: (si, last),
            date_sentence: si,
        }
    }

    /// `X versuchte mit den Worten zu beruhigen: „…“`, `Mit den Worten „…“ wandte er sich …`:
    /// the quotation after `mit den Worten` is the subject's.
    pub(super) fn with_the_words(&mut self, si: usize) -> Option<Found<'a>> {
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
            cue: Spans::one((mit, mit + 3)),
            claim_type: ClaimType::Statement,
            content: Spans::one(content),
            addressee: None,
            sentences: (si, si),
            date_sentence: si,
        })
    }

    /// The subject after the verb of a sentence that ends in a colon: a
    /// subject pronoun (`griff sie den Präsidenten X an: „…“`), else the first
    /// person named outside a prepositional, genitive, accusative or dative
    /// phrase.
    fn inverted_colon_subject(&self, start: usize, colon: usize) -> Option<Speaker<'a>> {
        if let Some(j) = (start + 1..colon)
            .find(|&j| matches!(self.p.word(j), "er" | "sie") && !self.p.quotes.inside(j))
        {
            return self.pronoun(j);
        }
        let m = self
            .p
            .mentions_in(start + 1, colon)
            .iter()
            .filter(|m| m.end <= colon)
            .find(|m| {
                let e = &self.p.entities[m.entity];
                e.kind == ActorKind::Person
                    && e.surname.is_some()
                    && !self.in_prepositional_phrase(m.start)
                    && !self.after_genitive(m.start)
                    && !self.after_oblique_article(m.start)
                    && !self.p.word(m.end - 1).ends_with('s')
            })
            .copied()?;
        Some(self.speaker_of_entity(m.entity, (m.start, m.end), 1.0))
    }

    /// Whether an accusative, dative or genitive article (with adjectives)
    /// stands before token `start` (`den iranischen Präsidenten X`, `der Abgeordneten X`).
    fn after_oblique_article(&self, start: usize) -> bool {
        let mut k = start;
        while k > 0
            && self
                .p
                .word(k - 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        {
            let w = self.p.lower(k - 1);
            if matches!(
                w,
                "den" | "dem" | "des" | "einen" | "einem" | "eines" | "einer"
            ) {
                return true;
            }
            // "der Abgeordneten X": der with an adjective or noun in -en is no nominative
            if w == "der" && self.p.word(k).ends_with("en") {
                return true;
            }
            if is_determiner(w) || start - k >= 3 {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// `Zypries sieht darin eine Bestätigung: „…“`: a quotation after a colon
    /// in a sentence whose subject is a named person or known actor, or a role
    /// noun (`Der Konzern sieht das anders: „…“`; the person apposed to it
    /// when there is one: `Der Leiter der Studie, Jan Kos, sieht …: „…“`).
    pub(super) fn subject_colon_quote(&mut self, si: usize) -> Option<Found<'a>> {
        let s = self.p.sents[si];
        let colon = (s.tok_start + 2..s.tok_end)
            .find(|&j| self.p.word(j) == ":" && !self.p.quotes.inside(j))?;
        let q = self.quote_starting_at(colon + 1)?;
        // a named subject, or a pronoun standing for one ("Er schloss sich an: „…“")
        let subject = self
            .np_at(s.tok_start, colon)
            .and_then(|(sps, (_, end))| Some((sps.into_iter().next()?, end)));
        let sp = match subject {
            Some((sp, _)) if sp.entity.is_some() && sp.certainty >= 0.75 => sp,
            Some((sp, end)) if self.role_phrase(&sp) => match self.apposed_person(end, colon) {
                Some(person) => person,
                None => sp,
            },
            _ => match self.inverted_colon_subject(s.tok_start, colon) {
                Some(sp) => sp,
                None => self.inverted_role_subject(s.tok_start, colon)?,
            },
        };
        Some(self.colon_quote(si, colon, q, sp))
    }

    /// `Hier sparte der Präsident nicht mit Kritik: „…“`: a role noun with a
    /// nominative article right after the finite verb (the first article that
    /// follows a lower-case word other than a preposition); `der` before a
    /// feminine noun is a dative, no subject.
    fn inverted_role_subject(&mut self, start: usize, colon: usize) -> Option<Speaker<'a>> {
        let j = (start + 2..colon.min(start + 10)).find(|&j| {
            matches!(self.p.word(j), "der" | "die")
                && !self.p.quotes.inside(j)
                && self
                    .p
                    .word(j - 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && !self.lower_is(j - 1, &super::speaker::PP_PREPOSITIONS)
                && !is_determiner(self.p.word(j - 1))
        })?;
        let (speakers, _) = self.np_at(j, colon)?;
        let sp = speakers.into_iter().next()?;
        let head = sp.name.rsplit(' ').next().unwrap_or("");
        let dative = self.p.word(j) == "der" && (head.ends_with("in") || head.ends_with("innen"));
        (self.role_phrase(&sp) && !dative).then_some(sp)
    }

    /// The person named between commas right after a role phrase that ends
    /// at `end`, or after its attribute (`Der Leiter der Studie, Jan Kos, …`,
    /// `Der Experte von X, Jan Kos, …`).
    fn apposed_person(&self, end: usize, limit: usize) -> Option<Speaker<'a>> {
        let comma = if self.lower_is(end, &HEAD_ATTRIBUTE_STARTS) {
            (end + 1..limit.min(end + 7)).find(|&j| self.p.word(j) == ",")?
        } else {
            end
        };
        if self.p.word(comma) != "," {
            return None;
        }
        let m = self.p.mention(comma + 1).copied()?;
        let e = &self.p.entities[m.entity];
        let named = e.kind == ActorKind::Person && e.surname.is_some();
        (named && m.end < limit && self.p.word(m.end) == ",")
            .then(|| self.speaker_of_entity(m.entity, (m.start, m.end), 1.0))
    }
}

/// Nouns of speech acts that report what their owner said in the clause
/// after them (`die Forderung des Verbandes, …`), with the type of claim.
const NOUN_CUES: &[(&str, ClaimType)] = &[
    ("forderung", ClaimType::Demand),
    ("warnung", ClaimType::Warn),
    ("drohung", ClaimType::Warn),
    ("ankündigung", ClaimType::Announce),
    ("appell", ClaimType::Appeal),
    ("aufruf", ClaimType::Appeal),
    ("aufforderung", ClaimType::Appeal),
    ("versprechen", ClaimType::Promise),
    ("vorwurf", ClaimType::Accuse),
    ("vorschlag", ClaimType::Statement),
    ("plan", ClaimType::Statement),
    ("behauptung", ClaimType::Statement),
    ("erklärung", ClaimType::Statement),
    ("eilantrag", ClaimType::Demand),
    ("antrag", ClaimType::Demand),
];

/// The claim type of a noun of `NOUN_CUES` (in lower case): most words
/// asked differ in length or first byte from every noun and leave at once.
fn noun_cue_type(lower: &str) -> Option<ClaimType> {
    let (len, first) = (lower.len(), lower.as_bytes().first().copied()?);
    NOUN_CUES
        .iter()
        .find(|(w, _)| w.len() == len && w.as_bytes().first() == Some(&first) && *w == lower)
        .map(|&(_, ty)| ty)
}

/// Every word `nominal_cues` matches on (keep in step with its `match`; the
/// nouns of `NOUN_CUES` are in the key word shapes too).
const NOMINAL_CUE_WORDS: &[&str] = &[
    "laut",
    "zufolge",
    "aus",
    "nach",
    "gemäß",
    "demnach",
    "wonach",
    "so",
    "heißt",
    "hieß",
    "verlautete",
    "verlautet",
    "verlauteten",
];

/// The other words that the rules of a sentence after its verbal cues look
/// for (outside quotations): `mit den Worten` and the colon.
const MARK_WORDS: &[&str] = &["mit", ":"];

/// The shapes of `NOMINAL_CUE_WORDS` and `MARK_WORDS`: by first byte, a bit
/// for each byte length (63: longer), built at compile time (no lazy static
/// to ask per token).
const KEY_WORD_SHAPES: [u64; 256] = {
    let mut table = [0u64; 256];
    let lists = [NOMINAL_CUE_WORDS, MARK_WORDS];
    let mut k = 0;
    while k < NOUN_CUES.len() {
        let w = NOUN_CUES[k].0.as_bytes();
        let len = if w.len() < 63 { w.len() } else { 63 };
        table[w[0] as usize] |= 1 << len;
        k += 1;
    }
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            let w = lists[l][k].as_bytes();
            let len = if w.len() < 63 { w.len() } else { 63 };
            table[w[0] as usize] |= 1 << len;
            k += 1;
        }
        l += 1;
    }
    table
};

/// Whether a word (in lower case) has the shape of a key word (a nominal cue
/// word or a `MARK_WORDS` one): most words have not, and are let go without a
/// string compared.
#[inline]
pub(crate) fn may_be_key_word(lower: &str) -> bool {
    let first = lower.as_bytes().first().map_or(0, |&b| usize::from(b));
    KEY_WORD_SHAPES[first] & (1 << lower.len().min(63)) != 0
}

/// Possessives of the third person (`seiner Ansicht nach`, `ihren Angaben zufolge`).
fn is_possessive(lower: &str) -> bool {
    matches!(
        lower,
        "sein"
            | "seine"
            | "seiner"
            | "seinen"
            | "seinem"
            | "seines"
            | "ihr"
            | "ihre"
            | "ihrer"
            | "ihren"
            | "ihrem"
            | "ihres"
    )
}

/// Nouns of what a body made known, besides the source nouns, that a
/// following `Demnach` reports from (`Das Gericht verkündete sein Urteil.
/// Demnach …`).
const REPORT_NOUNS: &[&str] = &[
    "urteil",
    "entscheidung",
    "ergebnis",
    "ergebnisse",
    "erklärung",
    "kommentar",
    "beschluss",
    "zahlen",
    "statistik",
    "papier",
    "dokument",
    "gutachten",
    "vorwürfe",
    "beschuldigungen",
];

/// Nouns of claims, rules and proposals that a relative clause after `nach`
/// reports from (`Gerüchte, nach denen …`, `ein Antrag, nach dem …`), as
/// endings, besides the source, rule and report nouns.
const RELATIVE_SOURCE_NOUNS: &[&str] = &[
    "studien",
    "gerüchte",
    "gerüchten",
    "berichte",
    "antrag",
    "theorie",
    "version",
    "regel",
    "regeln",
    "regelung",
    "grundsatz",
    "grundsätzen",
    "pläne",
    "plänen",
    "vereinbarung",
    "abkommen",
    "vertrag",
    "erlass",
    "verordnung",
];

/// Verbs of a `Wie X …,` clause that name a source besides the cue verbs
/// (`Wie eine Studie ergab`, `Wie der Minister darlegte`).
const WIE_REPORT_VERBS: &[&str] = &[
    "ergab",
    "ergaben",
    "ergibt",
    "ergeben",
    "zeigte",
    "zeigten",
    "zeigt",
    "zeigen",
    "darlegte",
    "darlegten",
    "darlegt",
    "ausführte",
    "ausführten",
    "ausführt",
    "schreibt",
    "schrieb",
    "schreiben",
    "schrieben",
    "berichtet",
    "berichtete",
    "berichten",
    "berichteten",
    "meldet",
    "meldete",
    "melden",
    "meldeten",
];

/// Words before `nach` that make it a time (`erst nach`, `kurz nach`,
/// `zwei Wochen nach`), not a source.
const TIME_BEFORE_NACH: &[&str] = &[
    "erst",
    "kurz",
    "gleich",
    "unmittelbar",
    "direkt",
    "bald",
    "stunden",
    "tage",
    "tagen",
    "wochen",
    "monate",
    "monaten",
    "jahre",
    "jahren",
];

/// Adverbs of direction after `nach` (`die Sicht nach oben`): no postposition.
const DIRECTIONS_AFTER_NACH: &[&str] = &[
    "oben", "unten", "vorn", "vorne", "hinten", "links", "rechts", "außen", "innen",
];

/// Possessives of the first person: the view of someone quoted, not named here.
const FIRST_PERSON_POSSESSIVES: &[&str] = &[
    "meiner", "meinen", "meinem", "meine", "unserer", "unseren", "unserem", "unsere",
];

/// Relative pronouns after a preposition (`laut denen`, `nach der`).
const RELATIVE_ONLY: &[&str] = &["denen", "dessen", "deren", "welcher", "welchen", "welchem"];

/// Words that open an adverbial after `so X` (`so X gegenüber der Zeitung`).
const SO_ADVERBIALS: &[&str] = &[
    "zu",
    "zum",
    "zur",
    "gegenüber",
    "am",
    "im",
    "in",
    "auf",
    "bei",
    "vor",
    "nach",
    "weiter",
    "abschließend",
    "wörtlich",
    "zuletzt",
    "damals",
];

/// Parts of the day (`am Abend`, `in der Nacht`).
const DAYPARTS: &[&str] = &[
    "morgen",
    "vormittag",
    "mittag",
    "nachmittag",
    "abend",
    "nacht",
    "wochenende",
];

/// Nouns of closeness whose genitive names the actor a source speaks for
/// (`aus dem Umfeld der Regierung`, `aus Kreisen der Partei`).
const PROXIMITY_NOUNS: &[&str] = &["umfeld", "kreisen", "kreise", "reihen", "umgebung", "lager"];

/// Prepositions between `hieß es` and its source (`hieß es aus Moskau`).
const HEISST_ES_PREPOSITIONS: &[&str] = &[
    "in", "aus", "bei", "von", "im", "vom", "seitens", "dazu", "am", "auch",
];

/// Prepositions opening a sentence whose phrase is the source of `heißt es`
/// or `verlautete` (`Aus der Partei hieß es`, `In dem Bericht heißt es`).
const FRONTED_SOURCE_PREPOSITIONS: &[&str] = &["aus", "in", "im", "seitens", "von", "vom"];

/// Words that open a new clause after a comma: its subject (`…, diese Taten
/// seien laut X verjährt`).
const CLAUSE_OPENING_PRONOUNS: &[&str] = &[
    "er", "sie", "es", "man", "diese", "dieser", "dieses", "dies", "das", "wir",
];

/// Prepositions that cannot open the source phrase after `laut`.
pub(super) static PREPOSITIONS: LowerSet = LowerSet::new(&[
    "über", "auf", "in", "an", "mit", "vor", "nach", "bei", "gegen", "um", "durch", "für", "zu",
    "aus", "von", "und", "oder", "wie", "als",
]);

/// A source noun (`Angaben`, `Einschätzung`, `Sicht`), but not a compound of
/// `Sicht` that is no view (`aller Voraussicht nach`, `Rücksicht`).
fn is_source_noun(lower: &str) -> bool {
    const NOT_VIEWS: &[&str] = &[
        "voraussicht",
        "absicht",
        "rücksicht",
        "hinsicht",
        "aussicht",
        "einsicht",
        "übersicht",
        "nachsicht",
        "vorsicht",
        "zuversicht",
    ];
    SOURCE_NOUN_ENDINGS.ends(lower) && !NOT_VIEWS.iter().any(|n| lower.ends_with(n))
}

/// `SOURCE_NOUNS` as endings: most words asked about (`Berlin`, `Treffen`)
/// are let go after a byte or three, without the list compared.
static SOURCE_NOUN_ENDINGS: LazyLock<SuffixSet> = LazyLock::new(|| SuffixSet::new(SOURCE_NOUNS));

/// `RULE_NOUNS` as endings (`Grundgesetz`, `Gesetzentwurf`).
static RULE_NOUN_ENDINGS: LazyLock<SuffixSet> = LazyLock::new(|| SuffixSet::new(RULE_NOUNS));

/// The nominative of a one-word masculine or neuter noun in the genitive
/// (`des Senders`, `des Ministeriums`, `des Rates`), None when `name` is no
/// such word. `-es` goes after a consonant (`Rat-es`, `Haus-es`), else `-s`.
fn nominative_of_genitive(name: &str) -> Option<&str> {
    if name.contains(' ') || name.chars().count() < 4 {
        return None;
    }
    if let Some(stem) = name.strip_suffix("es") {
        if stem
            .chars()
            .last()
            .is_some_and(|c| !"aeiouäöüy".contains(c))
        {
            return Some(stem);
        }
    }
    name.strip_suffix('s').filter(|stem| !stem.ends_with('s'))
}

/// A word a noun phrase can start with: an article, a noun, or an adjective
/// in -en/-em (`eigenen Angaben`).
fn opens_noun_phrase(w: &str) -> bool {
    is_determiner(w) || is_capitalized(w) || w.ends_with("en") || w.ends_with("em")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genitive_nouns_lose_their_ending() {
        for (genitive, nominative) in [
            ("Senders", Some("Sender")),
            ("Ministeriums", Some("Ministerium")),
            ("Rates", Some("Rat")),
            ("Hauses", Some("Haus")),
            ("Kongresses", Some("Kongress")),
            ("Polizei", None),
            ("Auswärtigen Amtes", None),
            ("Bus", None),
        ] {
            assert_eq!(nominative_of_genitive(genitive), nominative, "{genitive}");
        }
    }

    #[test]
    fn key_words_pass_the_shape_filter() {
        for w in NOMINAL_CUE_WORDS.iter().chain(MARK_WORDS) {
            assert!(may_be_key_word(w), "{w}");
        }
        for (w, _) in NOUN_CUES {
            assert!(may_be_key_word(w), "{w}");
        }
        assert!(!may_be_key_word("regierung"));
        assert!(!may_be_key_word(""));
    }

    #[test]
    fn source_noun_endings_are_the_list() {
        let by_list = |w: &str| SOURCE_NOUNS.iter().any(|n| w.ends_with(n));
        for n in SOURCE_NOUNS.iter().chain(NEAR_SOURCE_NOUNS) {
            let shorter: String = n.chars().skip(1).collect();
            for w in [
                n.to_string(),
                format!("polizei{n}"),
                format!("{n}s"),
                shorter,
            ] {
                assert_eq!(SOURCE_NOUN_ENDINGS.ends(&w), by_list(&w), "{w}");
            }
        }
        assert!(!SOURCE_NOUN_ENDINGS.ends("treffen"));
        assert!(!SOURCE_NOUN_ENDINGS.ends(""));
    }

    /// Words near the source nouns in form (`Voraussicht`, `Bekunden`).
    const NEAR_SOURCE_NOUNS: &[&str] = &["voraussicht", "rücksicht", "bekunden", "berichte"];
}

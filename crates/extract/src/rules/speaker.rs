//! Speaker and addressee: noun phrases, names, roles, pronouns.

use super::cue::Cue;
use super::words::*;
use super::LowerSet;
use super::{is_not_subject, Rules, Speaker, WordList};
use crate::doc::{is_determiner, is_feminine_role, Mention};
use crate::lexicon::{FormUse, GOVERNMENT_NOUNS};
use claimgraph_model::ActorKind;
use claimgraph_text::segment::Sentence;
use claimgraph_text::time::month_of;
use claimgraph_text::token::{is_capitalized, TokenKind};
use std::borrow::Cow;

impl<'a, 'l> Rules<'a, 'l> {
    /// The speakers of a verbal cue: (speakers, their tokens, inverted order?).
    pub(super) fn speakers_of(
        &mut self,
        cue: &Cue,
        finite: usize,
        s: &Sentence,
    ) -> Option<(Vec<Speaker<'a>>, (usize, usize), bool)> {
        let (cs, ce) = cue.clause;
        let mut start = cs;
        while start < finite {
            if self.lower_is(start, &LEADING_ADVERBS) || self.adverbial_participle(start, finite) {
                start += 1;
            } else if self.lower_is(start, &["des"]) && self.lower_is(start + 1, &["weiteren"]) {
                // "Des Weiteren verwies sie darauf, …"
                start += 2;
            } else if let Some(end) = self.part_of_month(start).filter(|&e| e <= finite) {
                // "Ende Januar 2006 verkündete der Verband …": a time, no subject
                start = end;
            } else {
                break;
            }
        }
        let first = self.p.lower(start);
        // "Als Grund nannte die Behörde …", "Während der Sitzung sagte er …": a conjunction
        // word before a verb in second position opens a phrase, not a subordinate clause
        let fronted_phrase = SUBORDINATORS.has_lower(first) && self.words_after_finite(cue, finite);
        let subordinate = !fronted_phrase && SUBORDINATORS.has_lower(first)
            || (start > s.tok_start
                && start == cs
                && RELATIVES.contains(&first)
                && self.p.word(start - 1) == ",");
        if subordinate {
            if RELATIVES.contains(&first) && !SUBORDINATORS.has_lower(first) {
                // a relative clause: its subject may be the antecedent before the comma
                if matches!(first, "der" | "die") && start >= 2 {
                    let m = self
                        .p
                        .mentions_before(start - 1)
                        .iter()
                        .rev()
                        .find(|m| m.end == start - 1)
                        .copied();
                    if let Some(m) = m {
                        let sp = self.speaker_of_entity(m.entity, (m.start, m.end), 1.0);
                        return Some((vec![sp], (m.start, m.end), false));
                    }
                }
                return None;
            }
            // verb-final clause: the noun phrase right after the conjunction
            let mut j = start + 1;
            while j < finite && self.lower_is(j, &ADVERBS) {
                j += 1;
            }
            return self.np_at(j, cue.tok).map(|np| np_result(np, false));
        }
        // "X bestätigte, dass …, und gab an, …": a second predicate shares the subject
        let conj = self.lower_is(cs, &["und", "sowie"]);
        if conj && finite <= cs + 2 && finite > cs && cs > s.tok_start {
            // up to the verb: a lone name before the first predicate ("Kos dankte … und
            // sagte") is told by the `und` that follows it
            // "Der Wahlsieger lachte und verglich die Lage mit …": right after `und` the
            // verb shares the sentence's subject even when it names no known actor
            let verb_after_und = finite == cs + 1
                && !self.lower_is(s.tok_start, &OBLIQUE_DETERMINERS)
                && is_determiner(self.p.word(s.tok_start));
            let np = self.np_at(s.tok_start, finite).filter(|np| {
                verb_after_und
                    || np
                        .0
                        .iter()
                        .all(|sp| sp.kind == ActorKind::Person || sp.entity.is_some())
            });
            if let Some(np) = np {
                // "Einer der Sprecher, Jan Kos, dankte … und ergänzte": the apposed name
                return Some(np_result(self.named_by_apposition(np), false));
            }
        }
        // "…, der G7-Staaten und der EU hat die US-Regierung erklärt": a list goes on
        let list_goes_on = start > cs
            && matches!(self.p.word(cs), "und" | "oder" | "sowie")
            && cs > s.tok_start
            && self.p.word(cs - 1) == ",";
        // "Die Pläne bezeichnete er als …": a nominative pronoun after the verb is the
        // subject, the phrase before the verb its object
        let pronoun_subject_after =
            matches!(self.p.word(finite + 1), "er" | "ich" | "wir") && finite > start;
        if start < finite && !list_goes_on && !fronted_phrase && !pronoun_subject_after {
            // "Der britischen Zeitung sagte X": der + adjective in -en is no nominative
            let dative_der = first == "der" && {
                let next = self.p.word(start + 1);
                next.ends_with("en") && next.chars().next().is_some_and(char::is_lowercase)
            };
            let accusative = dative_der
                || OBLIQUE_DETERMINERS.has_lower(first)
                || matches!(first, "ihm" | "ihnen");
            // "Er bot eine Reservierung an": a pronoun before the verb is the
            // subject even when it cannot be resolved; the phrase after the verb is its object
            if start + 1 == finite && PRONOUNS_SG.contains(&self.p.word(start)) {
                return self.np_at(start, finite).map(|np| np_result(np, false));
            }
            if !accusative {
                if let Some(np) = self.np_at(start, finite) {
                    // "Ein Zeuge sagte der Polizei …", "Die Behörde warf dem Iran … vor": a
                    // role noun before the verb is the subject; an oblique phrase after it an object
                    // "Das Hilfswerk rief Russland auf": a verb naming its addressee in
                    // the accusative has its object after it, the subject before
                    let generic = np.0.iter().all(|s| s.entity.is_none())
                        && !cue.entry.accusative
                        && !self.lower_is(finite + 1, &OBLIQUE_DETERMINERS)
                        && !matches!(first, "ein" | "kein")
                        && !self.singular_after_plural_verb(finite)
                        && !np.0.iter().any(|s| {
                            (s.mention.0..s.mention.1)
                                .any(|t| self.p.role_kind(self.lex, t).is_some())
                        });
                    let after = if generic {
                        self.np_at(finite + 1, ce)
                    } else {
                        None
                    };
                    match after {
                        Some(a) if a.0.iter().any(|s| s.entity.is_some()) => {
                            return Some(np_result(a, true))
                        }
                        _ => return Some(np_result(np, false)),
                    }
                }
            }
        }
        // inverted order: the subject follows the finite verb
        let mut j = finite + 1;
        let mut skipped = 0;
        let mut inverted = None;
        while j < ce && skipped < 3 {
            if let Some(np) = self.np_at(j, ce) {
                // "weist den Vorwurf zurück", "sagte dem Sender der Minister": an
                // accusative or dative phrase is no subject; the subject may follow it
                // "Beobachter nannten jedoch das Vorgehen …": a singular phrase after a
                // plural verb is its object, unless a coordination goes on
                let object_of_plural = self.singular_at_after_plural_verb(finite, j)
                    && np.0.len() == 1
                    && !matches!(self.p.word(np.1 .1), "und" | "sowie");
                if self.lower_is(j, &OBLIQUE_DETERMINERS) || object_of_plural {
                    j = np.1 .1.max(j + 1);
                    skipped += 1;
                    continue;
                }
                inverted = Some(np);
                break;
            }
            // "äußerte sich der Minister": the reflexive stands before the subject
            if self.lower_is(j, &ADVERBS) || self.p.word(j) == "sich" {
                j += 1;
                skipped += 1;
                continue;
            }
            break;
        }
        let known =
            |np: &(Vec<Speaker<'a>>, (usize, usize))| np.0.iter().any(|s| s.entity.is_some());
        // "Die Königin, Maria Berger, bat Premierminister X, …": a verb naming its
        // addressee in the accusative has that object after it
        if finite == cs && (!inverted.as_ref().is_some_and(known) || cue.entry.accusative) {
            // "Der Sprecher der Behörde, Jan Kos, der … leitet, sagte …"
            if let Some(np) = self.apposition_subject(cs, s) {
                return Some(np_result(np, false));
            }
        }
        inverted.map(|np| np_result(self.named_by_apposition(np), true))
    }

    /// `sagte der Leiter des Amtes, Jan Kos, …`: a role phrase after the verb
    /// whose apposition names a person speaks as that person.
    fn named_by_apposition(
        &self,
        np: (Vec<Speaker<'a>>, (usize, usize)),
    ) -> (Vec<Speaker<'a>>, (usize, usize)) {
        let (start, mut end) = np.1;
        // "der Leiter der Kriminalpolizei, Jan Kos": past a genitive attribute
        if self.lower_is(end, &["des", "der"]) {
            end = self.genitive_end(end, end + 6);
        }
        let generic = np.0.iter().all(|sp| sp.certainty < 1.0);
        let Some(m) = self.p.mention(end + 1).copied() else {
            return np;
        };
        let e = &self.p.entities[m.entity];
        let named = e.kind == ActorKind::Person && e.surname.is_some();
        if !generic || !named || self.p.word(end) != "," || self.p.word(m.end) != "," {
            return np;
        }
        let sp = self.speaker_of_entity(m.entity, (m.start, m.end), 1.0);
        (vec![sp], (start, m.end))
    }

    /// `Relativierend fügte sie hinzu`, `Abschließend sagte er`: a participle
    /// in -end right before the finite verb is an adverb, no subject.
    fn adverbial_participle(&self, j: usize, finite: usize) -> bool {
        let w = self.p.word(j);
        j + 1 == finite && w.chars().count() >= 8 && w.ends_with("end")
    }

    /// `Anfang März`, `Mitte Mai 2004`, `Ende Januar`: the end of a part of a
    /// month (with its year), a time phrase.
    fn part_of_month(&self, j: usize) -> Option<usize> {
        if !self.lower_is(j, &["anfang", "mitte", "ende"])
            || month_of(self.p.lower(j + 1)).is_none()
        {
            return None;
        }
        let year = self.p.word(j + 2);
        let has_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        Some(j + 2 + usize::from(has_year))
    }

    /// Whether the clause has words after its finite verb other than the
    /// cue's particle, its extra words and auxiliaries: the verb stands second,
    /// not last as in a subordinate clause (`als er sagte` / `als er gesagt hatte`).
    fn words_after_finite(&self, cue: &Cue, finite: usize) -> bool {
        (finite + 1..cue.clause.1).any(|j| {
            self.p.is_word(j)
                && !self.p.quotes.inside(j)
                && j != cue.tok
                && Some(j) != cue.particle
                && !cue.extra.contains(&j)
                && !self.lower_is(j, &AUXILIARIES)
                && !self.lower_is(j, &["worden", "haben", "werden", "sein", "lassen"])
        })
    }

    /// The subject of a verb that opens its clause after a comma: a noun
    /// phrase at the sentence start followed only by appositions and
    /// relative clauses (`Die Sprecherin der Stadt, Eva Kern, sagte …`).
    /// A name in an apposition is the fuller speaker.
    pub(super) fn apposition_subject(
        &mut self,
        cs: usize,
        s: &Sentence,
    ) -> Option<(Vec<Speaker<'a>>, (usize, usize))> {
        if cs <= s.tok_start + 1 || self.p.word(cs - 1) != "," {
            return None;
        }
        // "…, wie Eva Kern, Sprecherin der Stadt, mitteilte": the phrase opens after `wie`
        let wie = (s.tok_start + 1..cs)
            .rev()
            .find(|&j| self.p.lower(j) == "wie" && self.p.word(j - 1) == ",");
        let from = wie.unwrap_or(s.tok_start);
        let commas: Vec<usize> = (from..cs)
            .filter(|&j| self.p.word(j) == "," && !self.p.quotes.inside(j))
            .collect();
        let first_comma = *commas.first()?;
        // "Wie der Sprecher der Stadt, Eva Kern, mitteilte, …"
        let np_start = if self.p.word(s.tok_start) == "Wie" || wie.is_some() {
            from + 1
        } else {
            s.tok_start
        };
        let (head, (_, end)) = self.np_at(np_start, first_comma)?;
        // a genitive or prepositional attribute may end the head phrase
        // ("der Leiter des Amtes, Jan Kos, …", "die Sprecherin der Firma in Ulm, …")
        let attribute = end < first_comma
            && first_comma - end <= 8
            && self.lower_is(end, &HEAD_ATTRIBUTE_STARTS);
        if end != first_comma && !attribute {
            return None;
        }
        let mut best = head;
        for w in commas.windows(2) {
            let (a, b) = (w[0] + 1, w[1]);
            if b <= a || b - a > 14 {
                return None;
            }
            let mut k = a;
            if self.lower_is(k, &APPOSITION_PREPOSITIONS) {
                k += 1;
            }
            if self.lower_is(k, RELATIVES) && k > a || self.lower_is(a, RELATIVES) {
                continue;
            }
            match self.np_at(a, b) {
                Some((sps, (_, e))) if e == b => {
                    if sps
                        .iter()
                        .any(|sp| sp.kind == ActorKind::Person && sp.certainty >= 1.0)
                    {
                        best = sps;
                    }
                }
                // a role with an attribute ("X, Vorsitzender der Partei, sagte")
                Some((_, (_, e))) if b - e <= 6 && self.lower_is(e, &HEAD_ATTRIBUTE_STARTS) => {}
                _ => return None,
            }
        }
        let range = (np_start, cs - 1);
        let speakers = best
            .into_iter()
            .map(|sp| Speaker {
                mention: if sp.mention.0 >= np_start && sp.mention.1 <= cs {
                    sp.mention
                } else {
                    range
                },
                ..sp
            })
            .collect();
        Some((speakers, range))
    }

    /// A noun phrase naming one or more actors at token `i` (ending before `limit`).
    pub(super) fn np_at(
        &mut self,
        i: usize,
        limit: usize,
    ) -> Option<(Vec<Speaker<'a>>, (usize, usize))> {
        if let Some(group) = self.pair_of_persons(i, limit) {
            return Some(group);
        }
        if let Some(group) = self.persons_of_plural_pronoun(i) {
            return Some(group);
        }
        let mut j = i;
        let w = self.p.word(j);
        let both = w.eq_ignore_ascii_case("sowohl");
        if both {
            j += 1;
        }
        let (first, mut end) = self.single_np(j, limit)?;
        let mut speakers = vec![first];
        // coordination: "A und B", "sowohl A als auch B"
        loop {
            let conj = self.p.word(end);
            let next = if conj == "und" || conj == "sowie" {
                end + 1
            } else if both && conj == "als" && self.p.word(end + 1) == "auch" {
                end + 2
            } else {
                break;
            };
            match self.single_np(next, limit) {
                Some((sp, e)) if sp.entity.is_some() => {
                    speakers.push(sp);
                    end = e;
                }
                _ => break,
            }
        }
        Some((speakers, (i, end)))
    }

    /// `die beiden Minister`, `beide Politiker`: the two persons named last,
    /// one record each.
    fn pair_of_persons(
        &self,
        i: usize,
        limit: usize,
    ) -> Option<(Vec<Speaker<'a>>, (usize, usize))> {
        let mut j = i;
        if self.lower_is(j, &["die", "den", "der"]) {
            j += 1;
        }
        if !self.lower_is(j, &["beiden", "beide"]) || j + 1 >= limit {
            return None;
        }
        let noun = j + 1;
        if self.p.role_kind(self.lex, noun) != Some(ActorKind::Person) {
            return None;
        }
        let mut persons: Vec<usize> = Vec::new();
        for m in self.p.mentions_before(i).iter().rev() {
            let e = &self.p.entities[m.entity];
            if e.kind == ActorKind::Person && e.surname.is_some() && !persons.contains(&m.entity) {
                persons.push(m.entity);
                if persons.len() == 2 {
                    break;
                }
            }
        }
        if persons.len() < 2 {
            return None;
        }
        persons.reverse();
        let speakers = persons
            .into_iter()
            .map(|e| self.speaker_of_entity(e, (i, noun + 1), 0.8))
            .collect();
        Some((speakers, (i, noun + 1)))
    }

    pub(super) fn single_np(&mut self, i: usize, limit: usize) -> Option<(Speaker<'a>, usize)> {
        if i >= limit {
            return None;
        }
        let w = self.p.word(i);
        if PRONOUNS_SG.contains(&w) {
            return self.pronoun(i).map(|sp| (sp, i + 1));
        }
        let mut j = i;
        let mut has_det = false;
        // "die beiden Chefdiplomaten": the two last speakers or persons
        if is_determiner(self.p.word(j)) {
            has_det = true;
            j = self.past_extended_attribute(j + 1, limit);
        }
        let mut lower = 0;
        while j < limit && lower < 6 {
            let t = self.p.toks[j];
            let x = self.p.word(j);
            if t.is_quote() {
                j += 1;
                continue;
            }
            if self.p.mention(j).is_some() {
                break;
            }
            if t.is_word() && x.chars().next().is_some_and(char::is_lowercase) && has_det {
                if !self.p.cue_forms(self.lex, j).is_empty() {
                    return None;
                }
                lower += 1;
                j += 1;
                continue;
            }
            if x == "," && has_det && lower > 0 {
                j += 1;
                continue;
            }
            break;
        }
        if j >= limit {
            return None;
        }
        let Some(m) = self.p.mention(j).copied() else {
            return self.generic_np(i, limit);
        };
        if m.end > limit {
            return None;
        }
        if self.city_adjective(&m) {
            return self.generic_np(i, limit);
        }
        if self.demonym(i, &m) {
            return Some((
                Speaker {
                    name: Cow::Borrowed(self.p.word(m.start)),
                    kind: ActorKind::Person,
                    wikidata: None,
                    entity: None,
                    mention: (i, m.end),
                    certainty: 0.5,
                },
                m.end,
            ));
        }
        // "Russlands (früherer) Außenminister Sergej Lawrow": a genitive owner
        // before the person, adjectives between them (a title's capitalised
        // one too: "Berlins Regierender Bürgermeister")
        let mut person = m.end;
        while person < limit.min(m.end + 3)
            && self.p.is_word(person)
            && self.p.mention(person).is_none()
            && is_adjective_form(self.p.word(person))
        {
            person += 1;
        }
        let owner = self.p.entities[m.entity].kind != ActorKind::Person
            && self.p.word(m.end - 1).ends_with('s')
            && self.p.mention(person).is_some_and(|n| {
                n.end <= limit && self.p.entities[n.entity].kind == ActorKind::Person
            });
        if owner {
            let (sp, end) = self.single_np(person, limit)?;
            return Some((
                Speaker {
                    mention: (i, sp.mention.1),
                    ..sp
                },
                end,
            ));
        }
        let mut end = m.end;
        let mut entity = m.entity;
        let mut mention = (i, m.end);
        let ent = &self.p.entities[m.entity];
        let mut named: Option<Cow<'a, str>> = None;
        // "die Nachrichtenagentur AFP", "der Zeitung „Le Monde“": a body's noun
        // and the name apposed to it are one phrase, and the name speaks
        let apposed = if m.role_only && ent.kind == ActorKind::Organization {
            self.apposed_name(end, limit)
        } else {
            None
        };
        if let Some((name_end, apposed_entity)) = apposed {
            match apposed_entity {
                Some(e) => entity = e,
                None => named = Some(crate::strip_quotes_cow(self.p.slice(m.start, name_end))),
            }
            end = name_end;
            mention = (i, end);
        } else if m.role_only {
            // "ein Sprecher des Ministeriums": the organisation speaks
            let head = self.p.lower(m.start);
            let spokes = head.contains("sprecher")
                || head.starts_with("vertreter")
                || head.contains("kreise");
            let g = self.p.lower(end);
            if spokes && matches!(g, "des" | "der") {
                let owner = self.p.mention(end + 1).copied();
                if let Some(gm) = owner.filter(|gm| !self.city_adjective(gm)) {
                    if self.p.entities[gm.entity].kind != ActorKind::Person {
                        entity = gm.entity;
                        end = gm.end;
                        mention = (i, gm.end);
                    }
                } else {
                    // an unknown body: the genitive still belongs to the speaker's phrase
                    end = self.genitive_end(end, limit);
                    mention = (i, end);
                }
            } else if let Some(gm) = self
                .p
                .mention(end + 1)
                .filter(|gm| self.p.entities[gm.entity].kind == ActorKind::Country)
                .filter(|_| ent.kind != ActorKind::Person && matches!(g, "des" | "der"))
                .copied()
            {
                // "die Regierung der USA": the country acts
                entity = gm.entity;
                end = gm.end;
                mention = (i, gm.end);
            } else if ent.kind != ActorKind::Person
                && matches!(g, "des" | "der")
                && self.p.mention(end + 1).is_none_or(|gm| {
                    gm.role_only || self.p.entities[gm.entity].kind == ActorKind::Organization
                })
            {
                // "die Gewerkschaft der Polizei (GdP)": the genitive names the body
                let g_end = self.genitive_end(end, limit);
                if g_end > end {
                    end = self.after_short_parenthesis(g_end, limit);
                    mention = (i, end);
                    named = Some(crate::strip_quotes_cow(self.p.slice(m.start, g_end)));
                }
            }
        }
        // "die Kommission" after "die EU-Kommission": see `organisation_ending_in`
        if m.role_only && entity == m.entity && named.is_none() {
            if let Some(org) = self.organisation_ending_in(m.start) {
                entity = org;
            }
        }
        // a closing quote around a medium's name: der „Washington Post“
        while end < limit && self.p.toks[end].is_quote() && !self.p.toks[end].space_before {
            end += 1;
        }
        let e = &self.p.entities[entity];
        // a name apposed to a body's noun that the lexicon does not know is no
        // surer an actor than the noun alone
        let certainty = if m.role_only && e.surname.is_none() && entity == m.entity {
            0.6
        } else {
            1.0
        };
        let name = named.unwrap_or(Cow::Borrowed(e.name));
        let _ = ent;
        Some((
            Speaker {
                name,
                kind: e.kind,
                wikidata: e.wikidata,
                entity: Some(entity),
                mention,
                certainty,
            },
            end,
        ))
    }

    /// The name apposed to a body's noun that ends at `j` (`AFP` in `die
    /// Nachrichtenagentur AFP`, `„Le Monde“` in `der Zeitung „Le Monde“`): one
    /// past it, and the organisation when the lexicon knows the name. A
    /// quoted name of up to four words that opens with a capital, a known
    /// organisation, or an acronym; a common noun cannot follow a noun
    /// without an article, so nothing else is taken.
    fn apposed_name(&self, j: usize, limit: usize) -> Option<(usize, Option<usize>)> {
        let t = self
            .p
            .toks
            .get(j)
            .filter(|t| j < limit && t.breaks_before == 0)?;
        let organisation = |m: &Mention| {
            (!m.role_only && self.p.entities[m.entity].kind == ActorKind::Organization)
                .then_some(m.entity)
        };
        if t.is_quote() {
            let close = self.quoted_words_close(j, limit)?;
            let known = self
                .p
                .mention(j + 1)
                .filter(|m| m.end == close)
                .and_then(organisation);
            return Some((close + 1, known));
        }
        if let Some(m) = self.p.mention(j) {
            let e = organisation(m).filter(|_| m.start == j && m.end <= limit)?;
            return Some((m.end, Some(e)));
        }
        is_acronym(self.p.word(j)).then_some((j + 1, None))
    }

    /// A noun phrase that names no known actor (`der Staatsanwalt`, `einem
    /// Bericht der Zeitung`, `Malinowski`): the speaker is its text.
    pub(super) fn generic_np(&mut self, i: usize, limit: usize) -> Option<(Speaker<'a>, usize)> {
        if let Some(quoted) = self.quoted_name(i, limit) {
            return Some(quoted);
        }
        let mut j = i;
        let det = is_determiner(self.p.word(j));
        if det {
            j = self.past_extended_attribute(j + 1, limit);
        }
        let name_start = if det { j } else { i };
        let mut lower = 0;
        let adjectives_alone = self.lenient && !det;
        while j < limit
            && lower < 4
            && self.p.is_word(j)
            && !is_noun_like(self.p.word(j))
            && (det || adjectives_alone && is_adjective_form(self.p.word(j)))
        {
            if !self.p.cue_forms(self.lex, j).is_empty() || self.lower_is(j, &ADVERBS) {
                return None;
            }
            lower += 1;
            j += 1;
        }
        let head = j;
        // "die Berliner Staatsanwaltschaft": the noun after a capital's adjective
        // gives the phrase its role
        let role_head = if self.p.mention(j).is_some_and(|m| self.city_adjective(m)) {
            j + 1
        } else {
            j
        };
        let mut caps = 0;
        while j < limit
            && caps < 4
            && self.p.is_word(j)
            && is_noun_like(self.p.word(j))
            && self.p.toks[j].kind == TokenKind::Word
        {
            if caps > 0 && self.p.toks[j].breaks_before > 0 {
                break;
            }
            let w = self.p.word(j);
            if caps == 0
                && !det
                && (is_not_subject(w)
                    || self.lower_is(j, &LEADING_ADVERBS)
                    || self.lower_is(j, &SUBORDINATORS))
            {
                return None;
            }
            caps += 1;
            j += 1;
        }
        if caps == 0 {
            return None;
        }
        let sentence_initial = i == 0
            || self.p.toks[i].breaks_before > 0
            || matches!(self.p.word(i - 1), "." | "!" | "?" | "„" | "\"" | ":");
        // a lone capitalised word right before the finite verb is a surname ("Kohl sagte")
        // or before another verb the cue is coordinated with ("Kos dankte … und sagte")
        let before_other_verb = j < limit
            && self.p.is_word(j)
            && !is_capitalized(self.p.word(j))
            && !is_determiner(self.p.word(j))
            && !self.lower_is(j, &PP_PREPOSITIONS)
            && (j + 1..limit).any(|k| self.lower_is(k, &["und"]));
        let name_before_verb = sentence_initial
            && (j == limit || before_other_verb)
            && !self.p.word(head).ends_with("en")
            && self.p.toks[head].kind == TokenKind::Word;
        if !self.lenient
            && !det
            && caps == 1
            && self.p.role_kind(self.lex, role_head).is_none()
            && !name_before_verb
            && (sentence_initial
                || self.p.word(head).ends_with("en")
                || is_not_subject(self.p.word(head)))
        {
            return None;
        }
        let attribute_follows =
            j + 1 < limit && matches!(self.p.word(j), "des" | "der" | "von" | "vom");
        // "die Kommission" after "die EU-Kommission": an article and a bare noun
        // refer back to the one organisation named before whose name ends in it
        if det && caps == 1 && !attribute_follows {
            if let Some(e) = self.organisation_ending_in(head) {
                return Some((self.speaker_of_entity(e, (i, j), 0.8), j));
            }
        }
        // a genitive or "von" attribute: "der Sprecher der Polizei", "Angaben von n24"
        if attribute_follows {
            let mut k = j + 1;
            if is_determiner(self.p.word(k)) {
                k += 1;
            }
            while k < limit && self.p.is_word(k) && !is_capitalized(self.p.word(k)) && k < j + 4 {
                k += 1;
            }
            let mut n = 0;
            while k < limit && self.p.is_word(k) && is_capitalized(self.p.word(k)) && n < 3 {
                k += 1;
                n += 1;
            }
            if n > 0 {
                j = k;
            }
        }
        // a person inside the phrase speaks for it ("der Wissenschaftsjournalist Dirk Lorenzen")
        for k in head..j {
            if let Some(m) = self.p.mention(k).copied() {
                let e = &self.p.entities[m.entity];
                if e.surname.is_some() || head == k && m.end == j {
                    return Some((self.speaker_of_entity(m.entity, (i, j), 1.0), j));
                }
            }
        }
        let name = crate::strip_quotes_cow(self.p.slice(name_start, j));
        let kind = self.p.role_kind(self.lex, role_head).unwrap_or(if det {
            ActorKind::Organization
        } else {
            ActorKind::Person
        });
        Some((
            Speaker {
                name,
                kind,
                wikidata: None,
                entity: None,
                mention: (i, j),
                certainty: 0.5,
            },
            j,
        ))
    }

    /// `„Le Monde“`, `die „Morgenpost“`, `„Die Zeit“`: a name in quotation
    /// marks (up to four words, capitalised but for particles), with or
    /// without an article, names a medium or another body.
    fn quoted_name(&self, i: usize, limit: usize) -> Option<(Speaker<'a>, usize)> {
        let open = if is_determiner(self.p.word(i)) {
            i + 1
        } else {
            i
        };
        if !self.p.toks.get(open).is_some_and(|t| t.is_quote()) {
            return None;
        }
        let close = self.quoted_words_close(open, limit)?;
        // a name's words are capitalised but for particles; a quoted sentence
        // ("„Es besteht Bedarf“, sagte X") has its verb in lower case
        let name_word = |j: usize| {
            is_capitalized(self.p.word(j))
                || self.lower_is(j, &["von", "ohne", "für", "und", "de", "la", "le", "del"])
        };
        if !(open + 1..close).all(name_word) {
            return None;
        }
        let end = close + 1;
        Some((
            Speaker {
                name: crate::strip_quotes_cow(self.p.slice(open, end)),
                kind: ActorKind::Organization,
                wikidata: None,
                entity: None,
                mention: (i, end),
                certainty: 0.5,
            },
            end,
        ))
    }

    /// The one organisation mentioned before token `head` whose name ends in
    /// that noun as its own word or compound part (`EU-Kommission`,
    /// `Europäische Kommission` for `Kommission`); none when two fit.
    fn organisation_ending_in(&self, head: usize) -> Option<usize> {
        let noun = self.p.word(head);
        let mut found = None;
        for m in self.p.mentions_before(head) {
            let name = &self.p.entities[m.entity].name;
            let fits = self.p.entities[m.entity].kind == ActorKind::Organization
                && name.len() > noun.len()
                && name.ends_with(noun)
                && matches!(name.as_bytes()[name.len() - noun.len() - 1], b'-' | b' ');
            if fits {
                if found.is_some_and(|f| f != m.entity) {
                    return None;
                }
                found = Some(m.entity);
            }
        }
        found
    }

    /// `der für die Region zuständige Koordinator`, `einer am Montag
    /// veröffentlichten Mitteilung`: a phrase between the article and the
    /// participle or adjective of its noun belongs to the attribute, not to
    /// the name. The adjective's position when a prepositional phrase opens
    /// at `j`, else `j`.
    fn past_extended_attribute(&self, j: usize, limit: usize) -> usize {
        if !self.lower_is(j, &PP_PREPOSITIONS)
            && !self.lower_is(j, &["am", "im", "in", "aus", "seit"])
        {
            return j;
        }
        (j + 2..limit.min(j + 10))
            .take_while(|&k| self.p.is_word(k) || self.p.toks[k].is_quote())
            .find(|&k| {
                let w = self.p.word(k);
                !is_capitalized(w)
                    && is_adjective_form(w)
                    && !is_determiner(w)
                    && is_noun_like(self.p.word(k + 1))
                    && (is_noun_like(self.p.word(k - 1))
                        || self.p.toks[k - 1].is_quote()
                        || self.p.toks[k - 1].kind == TokenKind::Number)
            })
            .unwrap_or(j)
    }

    /// Past a short parenthesis that opens at `j` (`(GdP)`), else `j`.
    /// `die Berliner Polizei`, `der Pariser Staatsanwaltschaft`: the adjective
    /// of a capital before a noun names a local body, not the country (the
    /// mention `Berliner` stands for Germany only before a government noun:
    /// `die Moskauer Führung`).
    fn city_adjective(&self, m: &Mention) -> bool {
        let noun = m.end;
        m.end == m.start + 1
            && !m.role_only
            && self.p.entities[m.entity].kind == ActorKind::Country
            && self.p.lower(m.start).ends_with("er")
            && self.p.is_word(noun)
            && is_capitalized(self.p.word(noun))
            && self
                .p
                .mention(noun)
                .is_none_or(|n| self.p.entities[n.entity].kind != ActorKind::Country)
            && !GOVERNMENT_NOUNS.contains(&self.p.word(noun))
    }

    /// The closing mark of up to four words in quotation marks opened at
    /// `open` (a mark), the first of them capitalised (`„Le Monde“`), before
    /// `limit`.
    fn quoted_words_close(&self, open: usize, limit: usize) -> Option<usize> {
        if !is_capitalized(self.p.word(open + 1)) {
            return None;
        }
        let close = (open + 1..limit.min(open + 6)).find(|&k| !self.p.is_word(k))?;
        (close > open + 1 && self.p.toks.get(close).is_some_and(|t| t.is_quote())).then_some(close)
    }

    /// `der Berliner`, `ein Hamburger`: a singular article before a
    /// capital's `-er` form with no noun after it makes a person of the city,
    /// not the country the capital stands for.
    fn demonym(&self, i: usize, m: &Mention) -> bool {
        m.end == m.start + 1
            && m.start > i
            && !m.role_only
            && self.p.entities[m.entity].kind == ActorKind::Country
            && self.p.lower(m.start).ends_with("er")
            && self.lower_is(i, &["der", "ein", "dem", "einem", "des", "eines"])
            && !(self.p.is_word(m.end) && is_capitalized(self.p.word(m.end)))
    }

    pub(super) fn after_short_parenthesis(&self, j: usize, limit: usize) -> usize {
        if self.p.word(j) != "(" {
            return j;
        }
        (j + 1..limit.min(j + 5))
            .find(|&k| self.p.word(k) == ")")
            .map_or(j, |k| k + 1)
    }

    /// One past a genitive attribute starting at `g` (`des britischen Ministeriums`).
    pub(super) fn genitive_end(&self, g: usize, limit: usize) -> usize {
        let mut k = g + 1;
        while k < limit && k < g + 4 && self.p.is_word(k) && !is_capitalized(self.p.word(k)) {
            k += 1;
        }
        let mut n = 0;
        while k < limit && n < 3 && self.p.is_word(k) && is_capitalized(self.p.word(k)) {
            k += 1;
            n += 1;
        }
        if n > 0 {
            k
        } else {
            g
        }
    }

    pub(super) fn speaker_of_entity(
        &self,
        e: usize,
        mention: (usize, usize),
        certainty: f32,
    ) -> Speaker<'a> {
        let ent = &self.p.entities[e];
        Speaker {
            name: Cow::Borrowed(ent.name),
            kind: ent.kind,
            wikidata: ent.wikidata,
            entity: Some(e),
            mention,
            certainty,
        }
    }

    /// Plural `sie`: the verb after it ends in -en ("Sie verlangen", "sagten sie").
    fn is_plural_sie(&self, i: usize) -> bool {
        self.p.word(i).eq_ignore_ascii_case("sie")
            && (self.p.word(i + 1).ends_with("en") && !is_capitalized(self.p.word(i + 1))
                || i > 0
                    && self.p.word(i - 1).ends_with("en")
                    && !is_capitalized(self.p.word(i - 1)))
    }

    /// Whether the mention at `start` follows a preposition (`in Wien`,
    /// `mit der Ministerin X`): a place or partner, rarely what `sie` refers to.
    fn after_preposition(&self, start: usize) -> bool {
        self.in_prepositional_phrase(start)
            || start > 0 && self.lower_is(start - 1, &["in", "im", "aus", "nach", "vom"])
    }

    /// `Roth traf Petrow. Sie vereinbarten …`: plural `sie` after a sentence
    /// naming two persons, and no group or body since, refers to both.
    fn persons_of_plural_pronoun(&self, i: usize) -> Option<(Vec<Speaker<'a>>, (usize, usize))> {
        if !self.is_plural_sie(i) {
            return None;
        }
        let si = self.sentence_of(i)?;
        let from = self.p.sents[si.checked_sub(1)?].tok_start;
        let mut persons: Vec<usize> = Vec::new();
        for m in self.p.mentions_in(from, i) {
            let e = &self.p.entities[m.entity];
            if e.kind != ActorKind::Person {
                if !self.after_preposition(m.start) {
                    return None;
                }
            } else if e.surname.is_some() && !persons.contains(&m.entity) {
                persons.push(m.entity);
            }
        }
        if persons.len() != 2 {
            return None;
        }
        let speakers = persons
            .into_iter()
            .map(|e| self.speaker_of_entity(e, (i, i + 1), 0.75))
            .collect();
        Some((speakers, (i, i + 1)))
    }

    pub(super) fn pronoun(&self, i: usize) -> Option<Speaker<'a>> {
        let w = self.p.word(i);
        if self.is_plural_sie(i) {
            let m = self
                .p
                .mentions_before(i)
                .iter()
                .rev()
                .filter(|m| !self.after_preposition(m.start))
                .find(|m| self.p.entities[m.entity].kind != ActorKind::Person)?;
            return Some(self.speaker_of_entity(m.entity, (i, i + 1), 0.7));
        }
        let s_start = self
            .p
            .sentence_of(i)
            .map_or(0, |si| self.p.sents[si].tok_start);
        let feminine = w.eq_ignore_ascii_case("sie");
        // a person named in a prepositional phrase ("Vor dem Treffen mit der Ministerin
        // X sagte er") is rarely the one the pronoun refers to
        let same_sentence = self
            .p
            .mentions_in(s_start, i)
            .iter()
            .rev()
            .filter(|m| !self.in_prepositional_phrase(m.start))
            .find(|m| {
                let e = &self.p.entities[m.entity];
                e.kind == ActorKind::Person
                    && e.surname.is_some()
                    && self.gender_fits(m.entity, feminine)
            });
        if let Some(m) = same_sentence {
            return Some(self.speaker_of_entity(m.entity, (i, i + 1), 0.8));
        }
        let last = self
            .last_person
            .clone()
            .filter(|sp| sp.entity.is_none_or(|e| self.gender_fits(e, feminine)));
        // a person named as a subject after the last speaker's sentence is the likelier antecedent
        let spoke_at = last.as_ref().map_or(0, |sp| sp.mention.1);
        let later = self
            .p
            .mentions_in(spoke_at + 1, s_start)
            .iter()
            .rev()
            .filter(|m| !self.in_prepositional_phrase(m.start) && !self.after_genitive(m.start))
            .find(|m| {
                let e = &self.p.entities[m.entity];
                e.kind == ActorKind::Person
                    && e.surname.is_some()
                    && self.gender_fits(m.entity, feminine)
            })
            .filter(|m| last.as_ref().is_some_and(|sp| sp.entity != Some(m.entity)));
        if let Some(m) = later {
            return Some(self.speaker_of_entity(m.entity, (i, i + 1), 0.75));
        }
        // no person of the pronoun's gender: the last speaker still (roles can mislead)
        let base = last
            .or_else(|| self.last_person_mention(i, feminine))
            .or_else(|| self.last_person.clone())
            .or_else(|| self.role_subject_before(s_start, feminine))?;
        Some(Speaker {
            mention: (i, i + 1),
            certainty: 0.8,
            ..base
        })
    }

    /// `Der Sprecher wollte keine Namen nennen. Er sagte …`: with no named
    /// person before, a pronoun refers to a role noun of the pronoun's gender
    /// that is the subject of the sentence before (the one that starts at
    /// or before `s_start`).
    fn role_subject_before(&self, s_start: usize, feminine: bool) -> Option<Speaker<'a>> {
        // the last sentence that ends by `s_start` (sentences are in text order)
        let k = self.p.sents.partition_point(|s| s.tok_end <= s_start);
        let prev = self.p.sents.get(k.checked_sub(1)?)?;
        let det = prev.tok_start;
        let noun = det + 1;
        let w = self.p.word(noun);
        let role = is_determiner(self.p.word(det))
            && self.p.role_kind(self.lex, noun) == Some(ActorKind::Person)
            && is_feminine_role(w) == feminine;
        role.then(|| Speaker {
            name: Cow::Borrowed(w),
            kind: ActorKind::Person,
            wikidata: None,
            entity: None,
            mention: (det, noun + 1),
            certainty: 0.6,
        })
    }

    /// Whether an entity's roles allow the pronoun's gender (roles in -in are
    /// feminine; a person with no role fits either).
    fn gender_fits(&self, entity: usize, feminine: bool) -> bool {
        let roles = &self.p.entities[entity].roles;
        roles.is_empty() || roles.iter().any(|(r, _)| is_feminine_role(r) == feminine)
    }

    /// Whether a preposition stands within the three words before token `start`
    /// with only determiners and adjectives between.
    pub(super) fn in_prepositional_phrase(&self, start: usize) -> bool {
        let from = start.saturating_sub(3);
        (from..start)
            .rev()
            .any(|j| self.lower_is(j, &PP_PREPOSITIONS))
            && (from..start).all(|j| {
                let w = self.p.word(j);
                self.lower_is(j, &PP_PREPOSITIONS)
                    || is_determiner(w)
                    || w.chars().next().is_some_and(char::is_lowercase)
            })
    }

    /// `Beobachter nannten das Vorgehen der Polizei …`, `Ärzte warfen der
    /// Regierung … vor`: a plural finite verb agrees with no singular phrase
    /// after it, which is an object.
    /// Adverbs may stand between (`Beobachter nannten jedoch das Vorgehen …`).
    fn singular_after_plural_verb(&self, finite: usize) -> bool {
        let mut j = finite + 1;
        while self.lower_is(j, &ADVERBS) {
            j += 1;
        }
        self.singular_at_after_plural_verb(finite, j)
    }

    /// Whether a singular phrase opens at `j` after the plural finite verb.
    fn singular_at_after_plural_verb(&self, finite: usize, j: usize) -> bool {
        self.p.word(finite).ends_with("en")
            && self.lower_is(j, &["das", "der", "ein", "eine", "dieses", "dieser"])
    }

    /// Whether a mention follows a genitive article (`die Rede des Ministers X`).
    pub(super) fn after_genitive(&self, start: usize) -> bool {
        start > 0 && self.lower_is(start - 1, &["des", "eines"])
    }

    pub(super) fn last_person_mention(&self, i: usize, feminine: bool) -> Option<Speaker<'a>> {
        let m = self.p.mentions_before(i).iter().rev().find(|m| {
            self.p.entities[m.entity].kind == ActorKind::Person
                && self.p.entities[m.entity].surname.is_some()
                && self.gender_fits(m.entity, feminine)
        })?;
        let e = &self.p.entities[m.entity];
        Some(Speaker {
            name: Cow::Borrowed(e.name),
            kind: e.kind,
            wikidata: e.wikidata,
            entity: Some(m.entity),
            mention: (m.start, m.end),
            certainty: 0.7,
        })
    }

    /// The addressee named as an object of the cue (`forderte Russland auf`, `sagte der Zeitung`).
    pub(super) fn addressee(
        &mut self,
        cue: &Cue,
        sp: (usize, usize),
        inverted: bool,
    ) -> Option<(Cow<'a, str>, usize)> {
        if !(cue.entry.accusative || cue.entry.dative) {
            return None;
        }
        let (_, ce) = cue.clause;
        let mut j = if inverted { sp.1 } else { cue.tok + 1 };
        // "ihm zugesagt", "der Zeitung gesagt": before a verb-final cue
        if !inverted && cue.use_ != FormUse::Split && cue.finite != cue.tok {
            j = cue.finite + 1;
            if sp.0 > cue.clause.0 && sp.1 > j {
                j = sp.1;
            }
        }
        while j < ce && self.lower_is(j, &ADVERBS) {
            j += 1;
        }
        let w = self.p.lower(j);
        if cue.entry.dative
            && !cue.entry.accusative
            && !matches!(w, "der" | "dem" | "ihm" | "ihr" | "ihnen")
        {
            return None;
        }
        if w == "ihm" || w == "ihr" {
            let prev = self.last_person_mention(sp.0, w == "ihr")?;
            return Some((prev.name, j + 1));
        }
        let (sps, (_, end)) = self.np_at(j, ce)?;
        let first = sps.into_iter().next()?;
        Some((first.name, end))
    }
}

fn np_result<'a>(
    np: (Vec<Speaker<'a>>, (usize, usize)),
    inverted: bool,
) -> (Vec<Speaker<'a>>, (usize, usize), bool) {
    (np.0, np.1, inverted)
}

/// `AFP`, `ISNA`, `N24`: two or more capitals, with digits or hyphens.
fn is_acronym(w: &str) -> bool {
    let caps = w.bytes().filter(u8::is_ascii_uppercase).count();
    caps >= 2
        && w.len() <= 8
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

/// An inflected adjective (`eigenen`, `israelischer`, `offizielle`).
fn is_adjective_form(w: &str) -> bool {
    w.chars().count() > 3
        && ["en", "er", "es", "em", "e"].iter().any(|e| w.ends_with(e))
        && w.chars().all(char::is_alphabetic)
}

/// Prepositions that put a person's name out of subject position.
pub(super) static PP_PREPOSITIONS: LowerSet = LowerSet::new(&[
    "mit",
    "bei",
    "gegen",
    "für",
    "zu",
    "vor",
    "nach",
    "über",
    "an",
    "auf",
    "von",
    "gegenüber",
    "zwischen",
    "unter",
    "ohne",
    "um",
]);

/// Words that open an attribute after a head noun (genitive or preposition).
pub(super) static HEAD_ATTRIBUTE_STARTS: LowerSet = LowerSet::new(&[
    "des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "von", "vom", "aus",
    "in", "im", "bei", "beim",
]);

/// A capitalised word, or a compound after a number (`39-Jährige`).
fn is_noun_like(w: &str) -> bool {
    is_capitalized(w)
        || w.starts_with(|c: char| c.is_ascii_digit())
            && w.rsplit_once('-')
                .is_some_and(|(_, tail)| is_capitalized(tail))
}

//! The rules that find claims in a prepared document: cues, their clause,
//! speaker and addressee, content, continuation in Konjunktiv I.

use crate::doc::{is_determiner, Prepared};
use crate::lexicon::{CueEntry, FormUse, Lexicon};
use claimgraph_model::{ActorKind, ClaimType};
use claimgraph_text::segment::Sentence;
use claimgraph_text::token::{is_capitalized, TokenKind};

/// Who a claim is attributed to.
#[derive(Debug, Clone)]
pub(crate) struct Speaker {
    pub name: String,
    pub kind: ActorKind,
    pub wikidata: Option<String>,
    pub entity: Option<usize>,
    /// Tokens of the local mention.
    pub mention: (usize, usize),
    /// How sure the resolution is (named 1.0, pronoun 0.8, unresolved role 0.6, …).
    pub certainty: f32,
}

/// A claim found by the rules, in token coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub speaker: Speaker,
    pub cue: Vec<(usize, usize)>,
    pub claim_type: ClaimType,
    pub content: Vec<(usize, usize)>,
    pub addressee: Option<String>,
    /// Sentences `[first, last]` carrying the claim.
    pub sentences: (usize, usize),
    /// Sentence whose non-content tokens date the claim.
    pub date_sentence: usize,
    pub confidence: f32,
}

const SUBORDINATORS: &[&str] = &[
    "wie", "als", "nachdem", "weil", "da", "dass", "ob", "wenn", "während", "seit", "seitdem",
    "obwohl", "falls", "sobald", "bevor", "indem", "womit", "wobei", "worauf", "wogegen",
];

const RELATIVES: &[&str] = &[
    "der", "die", "das", "den", "dem", "denen", "deren", "dessen", "welche", "welcher",
];

const LEADING_ADVERBS: &[&str] = &[
    "und",
    "aber",
    "doch",
    "denn",
    "zudem",
    "auch",
    "so",
    "dabei",
    "daraufhin",
    "jedoch",
    "außerdem",
    "inzwischen",
    "nun",
    "bereits",
    "schon",
    "dann",
    "zuvor",
    "gleichzeitig",
    "unterdessen",
    "später",
    "allerdings",
    "zugleich",
    "ebenfalls",
    "selbst",
    "sogar",
    "derweil",
    "indes",
    "hingegen",
    "dagegen",
    "zuletzt",
    "erneut",
    "ferner",
    "darüber",
    "hinaus",
    "damals",
];

/// Adverbs between a cue and its speaker or object that belong to neither.
const ADVERBS: &[&str] = &[
    "auch",
    "nun",
    "erneut",
    "noch",
    "bereits",
    "schon",
    "zudem",
    "außerdem",
    "dabei",
    "ebenfalls",
    "jedoch",
    "aber",
    "zuvor",
    "deshalb",
    "gleichzeitig",
    "ausdrücklich",
    "nochmals",
    "wiederholt",
    "eindringlich",
    "mehrfach",
    "dann",
    "sogar",
    "allerdings",
    "indes",
    "unterdessen",
    "zugleich",
    "laut",
    "offenbar",
    "demnach",
    "daher",
    "heute",
    "gestern",
    "damals",
    "stets",
    "immer",
    "wieder",
    "abermals",
    "explizit",
    "öffentlich",
    "unmissverständlich",
    "deutlich",
    "klar",
    "inzwischen",
    "später",
    "ferner",
    "weiter",
    "weiterhin",
    "bisher",
    "vorher",
    "nachher",
    "zuletzt",
];

const AUXILIARIES: &[&str] = &[
    "hat", "hatte", "hatten", "haben", "habe", "hätte", "hätten", "ist", "sind", "war", "waren",
    "sei", "seien", "wird", "werde", "werden", "wurde", "wurden", "will", "wollte", "wollten",
    "wolle", "soll", "sollte", "solle", "kann", "konnte", "könne", "muss", "musste", "müsse",
    "möchte", "möchten", "dürfe", "ließ", "ließen", "lässt",
];

const KONJUNKTIV: &[&str] = &[
    "sei",
    "seien",
    "habe",
    "werde",
    "könne",
    "müsse",
    "solle",
    "wolle",
    "dürfe",
    "möge",
    "gebe",
    "gehe",
    "stehe",
    "liege",
    "komme",
    "bleibe",
    "handle",
    "handele",
    "wisse",
    "sehe",
    "lasse",
    "gelte",
    "brauche",
    "fehle",
    "trage",
    "halte",
    "finde",
    "zeige",
    "führe",
    "bedeute",
    "gehöre",
    "drohe",
    "bestehe",
    "erfolge",
    "befinde",
    "diene",
    "plane",
    "verfüge",
    "arbeite",
    "lebe",
    "unterstütze",
    "erwarte",
    "hoffe",
    "biete",
    "setze",
    "nehme",
    "mache",
    "lehne",
    "fordere",
    "wachse",
    "sinke",
    "steige",
    "beginne",
    "erhalte",
    "benötige",
    "suche",
    "kenne",
    "wünsche",
    "glaube",
    "denke",
    "meine",
    "versuche",
    "lägen",
    "hätten",
    "wären",
    "würden",
    "hätte",
    "wäre",
    "würde",
    "könnten",
    "müssten",
    "sollten",
    "könnte",
    "müsste",
    "sollte",
    "gäbe",
    "stünde",
    "bedrohe",
    "überfalle",
    "beabsichtige",
    "erfordere",
    "gewährleiste",
    "hege",
    "verstoße",
    "entspreche",
    "betrage",
    "reiche",
    "spiele",
    "stelle",
    "treffe",
    "verhandle",
    "wolle",
];

const PRONOUNS_SG: &[&str] = &["er", "sie", "Er", "Sie"];

/// Nouns of information sources: `nach Angaben`, `Berichten zufolge`.
const SOURCE_NOUNS: &[&str] = &[
    "angaben",
    "informationen",
    "berichten",
    "bericht",
    "erkenntnissen",
    "aussage",
    "aussagen",
    "ansicht",
    "auffassung",
    "einschätzung",
    "meinung",
    "darstellung",
    "worten",
    "schätzungen",
    "ermittlungen",
    "untersuchungen",
    "recherchen",
    "meldungen",
    "sicht",
    "überzeugung",
    "einschätzungen",
    "prognosen",
    "prognose",
    "umfrage",
    "studie",
    "mitteilung",
    "auskunft",
];

/// Capitalised words that start a sentence but never a speaker's noun phrase.
const NOT_SUBJECTS: &[&str] = &[
    "Es",
    "Das",
    "Dies",
    "Dieses",
    "Man",
    "Wir",
    "Ich",
    "Ihr",
    "Heute",
    "Gestern",
    "Morgen",
    "Am",
    "Im",
    "In",
    "Nach",
    "Vor",
    "Bei",
    "Mit",
    "Für",
    "Auf",
    "Aus",
    "Von",
    "Zum",
    "Zur",
    "Seit",
    "Gegen",
    "Um",
    "Über",
    "Unter",
    "Durch",
    "Ohne",
    "Trotz",
    "Wegen",
    "Laut",
    "Demnach",
    "Dort",
    "Hier",
    "Jetzt",
    "Damit",
    "Daher",
    "Deshalb",
    "Dabei",
    "Danach",
    "Darauf",
    "Zuvor",
    "Bereits",
    "Schon",
    "Noch",
    "Nur",
    "Auch",
    "Zudem",
    "Außerdem",
    "Allerdings",
    "Jedoch",
    "Doch",
    "Aber",
    "Und",
    "Oder",
    "Wie",
    "Was",
    "Wer",
    "Wo",
    "Warum",
    "Ob",
    "Als",
    "Wenn",
    "Sowohl",
    "Weder",
    "Nicht",
    "Kein",
    "Keine",
    "Alle",
    "Viele",
    "Einige",
    "Beide",
    "Mehrere",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Ihnen",
    "Ihm",
    "Ihn",
    "Sich",
    "Erst",
    "Zeitgleich",
    "Ähnlich",
    "Anhand",
    "Neben",
    "Erstmals",
];

fn strip_quotes_str(s: &str) -> String {
    crate::strip_quotes(s)
}

fn is_sep(p: &Prepared, i: usize) -> bool {
    let t = &p.toks[i];
    t.kind == TokenKind::Punct
        && matches!(
            p.word(i),
            "," | ";" | ":" | "–" | "—" | "-" | "(" | ")" | "." | "!" | "?"
        )
}

fn lower_in(w: &str, list: &[&str]) -> bool {
    if w.chars().any(char::is_uppercase) {
        let lower = w.to_lowercase();
        list.contains(&lower.as_str())
    } else {
        list.contains(&w)
    }
}

/// Content token spans, base confidence, and the last sentence used.
type Content = (Vec<(usize, usize)>, f32, usize);

/// A cue occurrence with its clause.
#[derive(Debug, Clone)]
struct Cue<'l> {
    tok: usize,
    entry: &'l CueEntry,
    use_: FormUse,
    particle: Option<usize>,
    extra: Vec<usize>,
    clause: (usize, usize),
}

pub(crate) struct Rules<'a, 'l> {
    pub p: &'a Prepared<'a>,
    pub lex: &'l Lexicon,
    /// Sentences already used as part of an earlier claim.
    consumed: Vec<bool>,
    /// The last person who spoke, for pronouns.
    last_person: Option<Speaker>,
    last_group: Vec<Speaker>,
    /// Inside a nominal cue (`nach Angaben X`) any noun phrase can name the source.
    lenient: bool,
}

impl<'a, 'l> Rules<'a, 'l> {
    pub fn new(p: &'a Prepared<'a>, lex: &'l Lexicon) -> Self {
        Self {
            consumed: vec![false; p.sents.len()],
            p,
            lex,
            last_person: None,
            last_group: Vec::new(),
            lenient: false,
        }
    }

    pub fn run(&mut self) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        // the claim a following Konjunktiv sentence would continue, and the chain length
        let mut chain: Option<(Found, usize)> = None;
        for si in 0..self.p.sents.len() {
            let s = self.p.sents[si];
            if s.boilerplate || self.consumed[si] {
                continue;
            }
            let found = self.sentence(si);
            if found.is_empty() {
                chain = match chain.take() {
                    Some((prev, n)) if n < 5 => match self.continuation(si, &prev) {
                        Some(c) => {
                            out.push(c.clone());
                            Some((c, n + 1))
                        }
                        None => None,
                    },
                    _ => None,
                };
                continue;
            }
            self.note_speakers(&found);
            // the outermost report goes on: the claim with the widest content
            chain = found
                .iter()
                .filter(|f| f.speaker.kind == ActorKind::Person || f.confidence >= 0.5)
                .max_by_key(|f| f.content.iter().map(|&(a, b)| b - a).sum::<usize>())
                .map(|f| (f.clone(), 0));
            out.extend(found);
        }
        out
    }

    fn note_speakers(&mut self, found: &[Found]) {
        if let Some(f) = found
            .iter()
            .rev()
            .find(|f| f.speaker.kind == ActorKind::Person)
        {
            self.last_person = Some(f.speaker.clone());
        }
        let last = found.last().map(|f| f.sentences.0);
        self.last_group = found
            .iter()
            .filter(|f| Some(f.sentences.0) == last)
            .map(|f| f.speaker.clone())
            .collect();
    }

    // ----- cues -----------------------------------------------------------

    fn sentence(&mut self, si: usize) -> Vec<Found> {
        let s = self.p.sents[si];
        let mut out = Vec::new();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for i in s.tok_start..s.tok_end {
            if self.p.quotes.inside(i) || !self.p.is_word(i) {
                continue;
            }
            let Some(cue) = self.cue_at(i, &s) else {
                continue;
            };
            for f in self.claims_of_cue(si, &cue) {
                covered.extend(f.content.iter().copied());
                out.push(f);
            }
        }
        self.lenient = true;
        let nominal = self.nominal_cues(si);
        self.lenient = false;
        for f in nominal {
            // a nominal cue inside another claim's content is not annotated
            let inside = f
                .cue
                .iter()
                .any(|&(a, _)| covered.iter().any(|&(x, y)| a >= x && a < y));
            if !inside {
                out.push(f);
            }
        }
        if out.is_empty() {
            if let Some(f) = self.colon_speaker(si) {
                out.push(f);
            }
        }
        dedup(&mut out);
        out
    }

    fn cue_at(&self, i: usize, s: &Sentence) -> Option<Cue<'l>> {
        let w = self.p.word(i);
        if is_capitalized(w) {
            return None;
        }
        let forms = self.lex.cue_forms(w);
        if forms.is_empty() {
            return None;
        }
        // "als erwartet", "wie angekündigt": comparisons, not speech acts
        if i > s.tok_start
            && matches!(self.p.word(i - 1), "als" | "wie")
            && (i + 1 >= s.tok_end || is_sep(self.p, i + 1))
        {
            return None;
        }
        // passive without an agent: "war nicht erwartet worden"
        if matches!(
            self.p.word(i + 1),
            "worden" | "werden" | "wird" | "wurde" | "wurden"
        ) {
            return None;
        }
        if i > s.tok_start && self.p.word(i - 1) == "zu" {
            return None;
        }
        let clause = self.clause(i, s);
        let mut best: Option<(u8, Cue<'l>)> = None;
        for &(idx, use_) in forms {
            let entry = &self.lex.cues[idx];
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
                let found = (clause.0..clause.1).any(|j| {
                    let x = self.p.word(j).to_lowercase();
                    x == *prep || x == format!("da{prep}") || x == format!("dar{prep}")
                });
                if !found {
                    continue;
                }
                score += 1;
            }
            let mut extra = Vec::new();
            let mut ok = true;
            for r in &entry.requires {
                match (clause.0..clause.1).find(|&j| self.p.word(j).to_lowercase() == *r) {
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
                    },
                ));
            }
        }
        best.map(|(_, c)| c)
    }

    /// The separable particle at the end of the clause.
    fn particle(&self, i: usize, clause: (usize, usize), particle: &str) -> Option<usize> {
        (i + 1..clause.1)
            .filter(|&j| self.p.word(j) == particle)
            .find(|&j| j + 1 >= clause.1 || is_sep(self.p, j + 1) || self.p.toks[j + 1].is_quote())
    }

    /// The clause around token `i`: up to separators and long quotations.
    fn clause(&self, i: usize, s: &Sentence) -> (usize, usize) {
        let boundary = |j: usize| -> bool {
            if is_sep(self.p, j) && !self.p.quotes.inside(j) {
                return true;
            }
            if self.p.toks[j].is_quote() {
                if let Some(q) = self.p.quotes.top_level_at(j) {
                    return q.word_count(&self.p.toks) >= 4;
                }
            }
            false
        };
        let mut a = i;
        while a > s.tok_start && !boundary(a - 1) {
            a -= 1;
        }
        let mut b = i + 1;
        while b < s.tok_end && !boundary(b) {
            b += 1;
        }
        (a, b)
    }

    // ----- one cue --------------------------------------------------------

    fn claims_of_cue(&mut self, si: usize, cue: &Cue<'l>) -> Vec<Found> {
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

    /// The finite verb of the cue's clause: the cue, or its auxiliary.
    fn finite_position(&self, cue: &Cue) -> usize {
        let (cs, _) = cue.clause;
        if cue.use_ != FormUse::Split {
            if let Some(aux) = (cs..cue.tok).find(|&j| lower_in(self.p.word(j), AUXILIARIES)) {
                return aux;
            }
        }
        cue.tok
    }

    /// The speakers of a verbal cue: (speakers, their tokens, inverted order?).
    fn speakers_of(
        &mut self,
        cue: &Cue,
        finite: usize,
        s: &Sentence,
    ) -> Option<(Vec<Speaker>, (usize, usize), bool)> {
        let (cs, ce) = cue.clause;
        let mut start = cs;
        while start < finite && lower_in(self.p.word(start), LEADING_ADVERBS) {
            start += 1;
        }
        let first = self.p.word(start).to_lowercase();
        let subordinate = SUBORDINATORS.contains(&first.as_str())
            || (start > s.tok_start
                && start == cs
                && RELATIVES.contains(&first.as_str())
                && self.p.word(start - 1) == ",");
        if subordinate {
            if RELATIVES.contains(&first.as_str()) && !SUBORDINATORS.contains(&first.as_str()) {
                // a relative clause: its subject may be the antecedent before the comma
                if matches!(first.as_str(), "der" | "die") && start >= 2 {
                    let m = self
                        .p
                        .mentions
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
            while j < finite && lower_in(self.p.word(j), ADVERBS) {
                j += 1;
            }
            return self.np_at(j, cue.tok).map(|np| np_result(np, false));
        }
        // "…, der G7-Staaten und der EU hat die US-Regierung erklärt": a list goes on
        let list_goes_on = start > cs
            && matches!(self.p.word(cs), "und" | "oder" | "sowie")
            && cs > s.tok_start
            && self.p.word(cs - 1) == ",";
        if start < finite && !list_goes_on {
            let accusative = matches!(
                first.as_str(),
                "den" | "einen" | "dem" | "einem" | "ihm" | "ihnen"
            );
            if !accusative {
                if let Some(np) = self.np_at(start, finite) {
                    let generic = np.0.iter().all(|s| s.entity.is_none());
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
        while j < ce && skipped < 3 {
            if let Some(np) = self.np_at(j, ce) {
                return Some(np_result(np, true));
            }
            if lower_in(self.p.word(j), ADVERBS) {
                j += 1;
                skipped += 1;
                continue;
            }
            break;
        }
        None
    }

    /// A noun phrase naming one or more actors at token `i` (ending before `limit`).
    fn np_at(&mut self, i: usize, limit: usize) -> Option<(Vec<Speaker>, (usize, usize))> {
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

    fn single_np(&mut self, i: usize, limit: usize) -> Option<(Speaker, usize)> {
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
            j += 1;
        }
        let mut lower = 0;
        while j < limit && lower < 6 {
            let t = &self.p.toks[j];
            let x = self.p.word(j);
            if t.is_quote() {
                j += 1;
                continue;
            }
            if self.p.mention(j).is_some() {
                break;
            }
            if t.is_word() && x.chars().next().is_some_and(char::is_lowercase) && has_det {
                if !self.lex.cue_forms(x).is_empty() {
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
        let mut end = m.end;
        let mut entity = m.entity;
        let mut mention = (i, m.end);
        let ent = &self.p.entities[m.entity];
        // "ein Sprecher des Ministeriums": the organisation speaks
        if m.role_only {
            let head = self.p.word(m.start).to_lowercase();
            let spokes = head.contains("sprecher")
                || head.starts_with("vertreter")
                || head.contains("kreise");
            let g = self.p.word(end).to_lowercase();
            if spokes && matches!(g.as_str(), "des" | "der") {
                if let Some(gm) = self.p.mention(end + 1).copied() {
                    if self.p.entities[gm.entity].kind != ActorKind::Person {
                        entity = gm.entity;
                        end = gm.end;
                        mention = (i, gm.end);
                    }
                }
            }
        }
        // a closing quote around a medium's name: der „Washington Post“
        while end < limit && self.p.toks[end].is_quote() && !self.p.toks[end].space_before {
            end += 1;
        }
        let e = &self.p.entities[entity];
        let certainty = if m.role_only && e.surname.is_none() && entity == m.entity {
            0.6
        } else {
            1.0
        };
        let _ = ent;
        Some((
            Speaker {
                name: e.name.clone(),
                kind: e.kind,
                wikidata: e.wikidata.clone(),
                entity: Some(entity),
                mention,
                certainty,
            },
            end,
        ))
    }

    /// A noun phrase that names no known actor (`der Staatsanwalt`, `einem
    /// Bericht der Zeitung`, `Malinowski`): the speaker is its text.
    fn generic_np(&mut self, i: usize, limit: usize) -> Option<(Speaker, usize)> {
        let mut j = i;
        let det = is_determiner(self.p.word(j));
        if det {
            j += 1;
        }
        let mut lower = 0;
        while j < limit && lower < 4 && self.p.is_word(j) && !is_capitalized(self.p.word(j)) && det
        {
            if !self.lex.cue_forms(self.p.word(j)).is_empty() || lower_in(self.p.word(j), ADVERBS) {
                return None;
            }
            lower += 1;
            j += 1;
        }
        let head = j;
        let mut caps = 0;
        while j < limit
            && caps < 4
            && self.p.is_word(j)
            && is_capitalized(self.p.word(j))
            && self.p.toks[j].kind == TokenKind::Word
        {
            if caps > 0 && self.p.toks[j].breaks_before > 0 {
                break;
            }
            let w = self.p.word(j);
            if caps == 0
                && !det
                && (NOT_SUBJECTS.contains(&w)
                    || lower_in(w, LEADING_ADVERBS)
                    || lower_in(w, SUBORDINATORS))
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
        if !self.lenient
            && !det
            && caps == 1
            && self.lex.role_kind(self.p.word(head)).is_none()
            && (sentence_initial
                || self.p.word(head).ends_with("en")
                || NOT_SUBJECTS.contains(&self.p.word(head)))
        {
            return None;
        }
        // a genitive or "von" attribute: "der Sprecher der Polizei", "Angaben von n24"
        if j + 1 < limit && matches!(self.p.word(j), "des" | "der" | "von" | "vom") {
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
        let name_start = if det { i + 1 } else { i };
        let name = strip_quotes_str(self.p.slice(name_start, j));
        let kind = self.lex.role_kind(self.p.word(head)).unwrap_or(if det {
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

    fn speaker_of_entity(&self, e: usize, mention: (usize, usize), certainty: f32) -> Speaker {
        let ent = &self.p.entities[e];
        Speaker {
            name: ent.name.clone(),
            kind: ent.kind,
            wikidata: ent.wikidata.clone(),
            entity: Some(e),
            mention,
            certainty,
        }
    }

    fn pronoun(&self, i: usize) -> Option<Speaker> {
        let w = self.p.word(i);
        // plural "sie": the verb after it ends in -en ("Sie verlangen", "sagten sie")
        let plural = w.eq_ignore_ascii_case("sie")
            && (self.p.word(i + 1).ends_with("en") && !is_capitalized(self.p.word(i + 1))
                || i > 0
                    && self.p.word(i - 1).ends_with("en")
                    && !is_capitalized(self.p.word(i - 1)));
        if plural {
            let m = self
                .p
                .mentions
                .iter()
                .rev()
                .filter(|m| m.start < i)
                .find(|m| self.p.entities[m.entity].kind != ActorKind::Person)?;
            return Some(self.speaker_of_entity(m.entity, (i, i + 1), 0.7));
        }
        let s_start = self
            .p
            .sents
            .iter()
            .find(|s| s.tok_start <= i && i < s.tok_end)
            .map_or(0, |s| s.tok_start);
        let same_sentence = self
            .p
            .mentions
            .iter()
            .rev()
            .filter(|m| m.start < i && m.start >= s_start)
            .find(|m| {
                let e = &self.p.entities[m.entity];
                e.kind == ActorKind::Person && e.surname.is_some()
            });
        if let Some(m) = same_sentence {
            return Some(self.speaker_of_entity(m.entity, (i, i + 1), 0.8));
        }
        let base = self
            .last_person
            .clone()
            .or_else(|| self.last_person_mention(i))?;
        Some(Speaker {
            mention: (i, i + 1),
            certainty: 0.8,
            ..base
        })
    }

    fn last_person_mention(&self, i: usize) -> Option<Speaker> {
        let m = self
            .p
            .mentions
            .iter()
            .rev()
            .filter(|m| m.start < i)
            .find(|m| {
                self.p.entities[m.entity].kind == ActorKind::Person
                    && self.p.entities[m.entity].surname.is_some()
            })?;
        let e = &self.p.entities[m.entity];
        Some(Speaker {
            name: e.name.clone(),
            kind: e.kind,
            wikidata: e.wikidata.clone(),
            entity: Some(m.entity),
            mention: (m.start, m.end),
            certainty: 0.7,
        })
    }

    /// The addressee named as an object of the cue (`forderte Russland auf`, `sagte der Zeitung`).
    fn addressee(
        &mut self,
        cue: &Cue,
        sp: (usize, usize),
        inverted: bool,
    ) -> Option<(String, usize)> {
        if !(cue.entry.accusative || cue.entry.dative) {
            return None;
        }
        let (_, ce) = cue.clause;
        let mut j = if inverted { sp.1 } else { cue.tok + 1 };
        // "ihm zugesagt", "der Zeitung gesagt": before a verb-final cue
        if !inverted && cue.use_ != FormUse::Split && self.finite_position(cue) != cue.tok {
            j = self.finite_position(cue) + 1;
            if sp.0 > cue.clause.0 && sp.1 > j {
                j = sp.1;
            }
        }
        while j < ce && lower_in(self.p.word(j), ADVERBS) {
            j += 1;
        }
        let w = self.p.word(j).to_lowercase();
        if cue.entry.dative
            && !cue.entry.accusative
            && !matches!(w.as_str(), "der" | "dem" | "ihm" | "ihr" | "ihnen")
        {
            return None;
        }
        if w == "ihm" || w == "ihr" {
            let prev = self.last_person_mention(sp.0)?;
            return Some((prev.name, j + 1));
        }
        let (sps, (_, end)) = self.np_at(j, ce)?;
        sps.first().map(|s| (s.name.clone(), end))
    }

    // ----- content --------------------------------------------------------

    /// The content of a verbal cue: token spans, base confidence, last sentence used.
    fn content_of(
        &mut self,
        si: usize,
        cue: &Cue,
        sp: (usize, usize),
        inverted: bool,
        addr_end: Option<usize>,
    ) -> Option<Content> {
        let s = self.p.sents[si];
        let (cs, ce) = cue.clause;
        let finite = self.finite_position(cue);
        let cue_first = finite == cs || (inverted && finite <= cs + 1);
        let before_sep = cs.checked_sub(1).filter(|&b| b >= s.tok_start);
        // (a) a quotation before: „…“, sagte sie
        if cue_first {
            if let Some(q) = self.quote_ending_at(cs, &s) {
                let mut spans = vec![q];
                let last = self.quote_after(si, ce, &mut spans);
                return Some((spans, 0.9, last));
            }
        }
        // (b) a colon after the cue clause
        if ce < s.tok_end && self.p.word(ce) == ":" {
            if let Some(q) = self.quote_starting_at(ce + 1) {
                let mut spans = vec![q];
                let last = self.quote_after(si, q.1, &mut spans);
                return Some((spans, 0.85, last));
            }
            let span = self.trim(ce + 1, s.tok_end);
            if span.1 > span.0 {
                return Some((vec![span], 0.7, si));
            }
        }
        // (c) indirect speech before: "…, sagte er" / "…, wie er sagte"
        let wie = self.p.word(cs).eq_ignore_ascii_case("wie");
        if let Some(b) = before_sep {
            if self.p.word(b) == "," && (cue_first || wie) {
                let span = self.trim(s.tok_start, b);
                if span.1 > span.0 + 1 {
                    let conf = if self.has_konjunktiv(span.0, span.1) {
                        0.85
                    } else {
                        0.75
                    };
                    return Some((vec![span], conf, si));
                }
            }
        }
        // "Wie X mitteilte, …"
        if wie && cs == s.tok_start && ce < s.tok_end && self.p.word(ce) == "," {
            let span = self.trim(ce + 1, s.tok_end);
            if span.1 > span.0 {
                return Some((vec![span], 0.8, si));
            }
        }
        // (d) indirect speech after: ", dass …", ", er komme …", ", … zu tun"
        if ce < s.tok_end && self.p.word(ce) == "," {
            let mut a = ce + 1;
            let first = self.p.word(a).to_lowercase();
            let dass = first == "dass" || first == "ob";
            if dass {
                a += 1;
            }
            let span = self.trim(a, self.clause_run_end(a, &s));
            if span.1 > span.0 + 1 {
                let conf = if dass || self.has_konjunktiv(span.0, span.1) {
                    0.85
                } else if self.has_zu_infinitive(span.0, span.1) {
                    0.75
                } else if SUBORDINATORS.contains(&first.as_str())
                    || RELATIVES.contains(&first.as_str())
                {
                    0.0
                } else {
                    0.55
                };
                if conf > 0.0 {
                    return Some((vec![span], conf, si));
                }
            }
        }
        // (e) the object of the cue
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
            let to = cue.particle.unwrap_or(ce);
            (from, to)
        };
        let mut a = addr_end.filter(|&e| e > a && e <= b).unwrap_or(a);
        while a < b
            && (lower_in(self.p.word(a), ADVERBS)
                || !self.p.is_word(a) && !self.p.toks[a].is_quote())
        {
            a += 1;
        }
        let (mut a, b) = self.drop_cue_words(a, b, cue);
        // a time expression at the start dates the claim; it is not its content
        loop {
            let times = claimgraph_text::time::find_times(self.p.text, &self.p.toks, a, b);
            match times.first() {
                Some(t)
                    if t.tok_start == a
                        || t.tok_start == a + 1
                            && lower_in(self.p.word(a), &["am", "im", "seit", "vom"]) =>
                {
                    a = t.tok_end
                }
                _ => break,
            }
            while a < b && lower_in(self.p.word(a), ADVERBS) {
                a += 1;
            }
        }
        let words = (a..b).filter(|&j| self.p.is_word(j)).count();
        let only_time = (a..b).all(|j| {
            !self.p.is_word(j)
                || lower_in(
                    self.p.word(j),
                    &["am", "im", "um", "bei", "in", "mit", "heute", "gestern"],
                )
                || self.p.toks[j].kind == TokenKind::Number
        });
        if !only_time
            && (words >= 2 || cue.entry.takes_object && words >= 1)
            && (cue.entry.takes_object || words >= 3)
        {
            let conf = if cue.entry.takes_object { 0.6 } else { 0.45 };
            return Some((vec![(a, b)], conf, si));
        }
        None
    }

    fn verb_final(&self, cue: &Cue) -> bool {
        let (_, ce) = cue.clause;
        (cue.tok + 1..ce).all(|j| {
            lower_in(self.p.word(j), AUXILIARIES)
                || lower_in(self.p.word(j), &["worden", "haben", "werden", "sein"])
        })
    }

    /// Leaves out the extra words of a phrase cue and a trailing particle.
    fn drop_cue_words(&self, mut a: usize, mut b: usize, cue: &Cue) -> (usize, usize) {
        while b > a
            && (cue.extra.contains(&(b - 1))
                || Some(b - 1) == cue.particle
                || lower_in(self.p.word(b - 1), &["sich", "darauf", "dazu"]))
        {
            b -= 1;
        }
        while a < b
            && (cue.extra.contains(&a) || lower_in(self.p.word(a), &["sich", "darauf", "dazu"]))
        {
            a += 1;
        }
        (a, b)
    }

    /// Where the content that starts at `a` ends: the sentence end, or before a
    /// trailing ", sagte X" / ", so X".
    fn clause_run_end(&self, a: usize, s: &Sentence) -> usize {
        let _ = a;
        s.tok_end
    }

    /// Tokens `[a, b)` without punctuation at either end (quotation marks stay).
    fn trim(&self, mut a: usize, mut b: usize) -> (usize, usize) {
        while a < b && self.p.toks[a].kind == TokenKind::Punct {
            a += 1;
        }
        while b > a && self.p.toks[b - 1].kind == TokenKind::Punct {
            b -= 1;
        }
        (a, b)
    }

    fn has_konjunktiv(&self, a: usize, b: usize) -> bool {
        (a..b).any(|j| !self.p.quotes.inside(j) && KONJUNKTIV.contains(&self.p.word(j)))
    }

    fn has_zu_infinitive(&self, a: usize, b: usize) -> bool {
        (a..b).any(|j| {
            let w = self.p.word(j);
            (w == "zu" && self.p.word(j + 1).ends_with('n') && !is_capitalized(self.p.word(j + 1)))
                || (w.contains("zu")
                    && w.ends_with("en")
                    && w.len() > 6
                    && !is_capitalized(w)
                    && (j + 1 == b || is_sep(self.p, j + 1)))
        })
    }

    /// A top-level quotation whose closing mark is followed by `,` and then token `at`.
    fn quote_ending_at(&self, at: usize, s: &Sentence) -> Option<(usize, usize)> {
        let mut j = at;
        if j > s.tok_start && self.p.word(j - 1) == "," {
            j -= 1;
        }
        if j == 0 || j <= s.tok_start {
            return None;
        }
        let close = j - 1;
        let q = self.p.quotes.top_level_at(close)?;
        if q.close != Some(close) || q.word_count(&self.p.toks) < 2 {
            return None;
        }
        Some(self.trim_quote(q.inner_start, q.inner_end))
    }

    fn quote_starting_at(&self, at: usize) -> Option<(usize, usize)> {
        let q = self.p.quotes.top_level_at(at)?;
        (q.open == at && q.word_count(&self.p.toks) >= 2)
            .then(|| self.trim_quote(q.inner_start, q.inner_end))
    }

    fn trim_quote(&self, a: usize, b: usize) -> (usize, usize) {
        // keep the final full stop inside the quotation, drop a trailing comma
        let mut b = b;
        while b > a && matches!(self.p.word(b - 1), "," | ";" | ":" | "–") {
            b -= 1;
        }
        (a, b)
    }

    /// A second part of a quotation after its cue: `, „B“`, `: „B“` or a next
    /// sentence that is only a quotation. Returns the last sentence used.
    fn quote_after(&mut self, si: usize, ce: usize, spans: &mut Vec<(usize, usize)>) -> usize {
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
                    && q.word_count(&self.p.toks) >= 4
                    && matches!(self.p.word(q.open - 1), "," | ":")
            })
            .copied();
        if let Some(q) = later {
            let between_cue = (ce..q.open).any(|j| {
                !self.p.quotes.inside(j)
                    && self.p.is_word(j)
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
    fn pure_quote(&self, s: &Sentence) -> Option<(usize, usize)> {
        let q = self.p.quotes.top_level_at(s.tok_start)?;
        if q.open != s.tok_start {
            return None;
        }
        let rest_is_punct = (q.end()..s.tok_end).all(|j| self.p.toks[j].kind == TokenKind::Punct);
        (rest_is_punct && q.word_count(&self.p.toks) >= 2)
            .then(|| self.trim_quote(q.inner_start, q.inner_end))
    }

    fn sentence_has_cue(&self, s: &Sentence) -> bool {
        (s.tok_start..s.tok_end)
            .any(|i| !self.p.quotes.inside(i) && self.p.is_word(i) && self.cue_at(i, s).is_some())
    }

    // ----- nominal cues: laut X, X zufolge, nach Angaben X, so X, heißt es ---

    fn nominal_cues(&mut self, si: usize) -> Vec<Found> {
        let s = self.p.sents[si];
        let mut out = Vec::new();
        for i in s.tok_start..s.tok_end {
            if self.p.quotes.inside(i) {
                continue;
            }
            let w = self.p.word(i).to_lowercase();
            let found = match w.as_str() {
                "laut" => self.after_phrase(si, i, i + 1, 0.8),
                "zufolge" => self.before_zufolge(si, i),
                "nach" | "aus" | "gemäß" if self.source_noun_at(i + 1, s.tok_end) => {
                    self.after_phrase(si, i, i + 1, 0.7)
                }
                "so" if i > s.tok_start && self.p.word(i - 1) == "," => self.so_speaker(si, i),
                "heißt" | "hieß" if self.p.word(i + 1) == "es" => self.heisst_es(si, i),
                _ => None,
            };
            out.extend(found);
        }
        out
    }

    /// `nach Angaben der Polizei`, `aus Sicht von X`, `nach Medienberichten`:
    /// a noun of information sources after the preposition.
    fn source_noun_at(&self, i: usize, end: usize) -> bool {
        let mut j = i;
        while j < end && j < i + 3 && self.p.is_word(j) && !is_capitalized(self.p.word(j)) {
            j += 1;
        }
        let w = self.p.word(j).to_lowercase();
        SOURCE_NOUNS.iter().any(|n| w.ends_with(n))
    }

    /// `laut X …`: X right after the cue word(s), content the rest of the sentence.
    fn after_phrase(&mut self, si: usize, cue_start: usize, np: usize, conf: f32) -> Option<Found> {
        let s = self.p.sents[si];
        let (speakers, (_, end)) = self.np_at(np, s.tok_end)?;
        let left = self.trim(s.tok_start, cue_start);
        let right = self.trim(end, s.tok_end);
        let spans: Vec<(usize, usize)> = [left, right].into_iter().filter(|(a, b)| b > a).collect();
        self.nominal_found(si, speakers, vec![(cue_start, np)], spans, conf)
    }

    fn before_zufolge(&mut self, si: usize, i: usize) -> Option<Found> {
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
        self.nominal_found(si, speakers, vec![(i, i + 1)], spans, 0.75)
    }

    /// `„…“, so X.` / `…, so X.`
    fn so_speaker(&mut self, si: usize, i: usize) -> Option<Found> {
        let s = self.p.sents[si];
        let (speakers, (_, end)) = self.np_at(i + 1, s.tok_end)?;
        if end < s.tok_end && !is_sep(self.p, end) {
            return None;
        }
        let content = match self.quote_ending_at(i, &s) {
            Some(q) => q,
            None => self.trim(s.tok_start, i - 1),
        };
        self.nominal_found(si, speakers, vec![(i, i + 1)], vec![content], 0.8)
    }

    /// `…, hieß es in Moskau` / `Aus X hieß es, …`
    fn heisst_es(&mut self, si: usize, i: usize) -> Option<Found> {
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
        self.nominal_found(si, speakers, vec![(i, i + 2)], vec![content], 0.7)
    }

    fn nominal_found(
        &mut self,
        si: usize,
        speakers: Vec<Speaker>,
        cue: Vec<(usize, usize)>,
        content: Vec<(usize, usize)>,
        conf: f32,
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
            confidence: conf * (0.6 + 0.4 * sp.certainty),
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
    fn colon_speaker(&mut self, si: usize) -> Option<Found> {
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
            confidence: 0.7 * (0.6 + 0.4 * sp.certainty),
            speaker: sp,
            cue: vec![(colon, colon + 1)],
            claim_type: ClaimType::Statement,
            content: spans,
            addressee: None,
            sentences: (si, last),
            date_sentence: si,
        })
    }

    // ----- continuation ---------------------------------------------------

    /// A sentence without a cue that continues the previous claim: reported
    /// speech in Konjunktiv, or a sentence that is only a quotation.
    fn continuation(&mut self, si: usize, prev: &Found) -> Option<Found> {
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
                confidence: (prev.confidence * 0.8).min(0.75),
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
        let kj = (span.0..span.1)
            .find(|&j| !self.p.quotes.inside(j) && KONJUNKTIV.contains(&self.p.word(j)))?;
        // the Konjunktiv verb must stand early: in the main clause, not in a late subordinate one
        if kj > span.0 + 8 && (span.0..kj).any(|j| self.p.word(j) == ",") {
            return None;
        }
        let conf = if matches!(
            self.p.word(kj),
            "würde" | "würden" | "hätte" | "wäre" | "könnte" | "sollte" | "müsste"
        ) {
            0.45
        } else {
            0.6
        };
        Some(Found {
            content: vec![span],
            sentences: (si, si),
            date_sentence: prev.date_sentence,
            confidence: conf * (0.6 + 0.4 * prev.speaker.certainty),
            ..prev.clone()
        })
    }
}

fn np_result(
    np: (Vec<Speaker>, (usize, usize)),
    inverted: bool,
) -> (Vec<Speaker>, (usize, usize), bool) {
    (np.0, np.1, inverted)
}

/// Deny versus reject: rejecting a demand or proposal is `reject`.
fn refine_type(p: &Prepared, t: ClaimType, content: &[(usize, usize)]) -> ClaimType {
    let has = |needles: &[&str]| {
        content.iter().any(|&(a, b)| {
            (a..b).any(|j| {
                let w = p.word(j).to_lowercase();
                needles.iter().any(|n| w.contains(n))
            })
        })
    };
    match t {
        ClaimType::Deny
            if has(&[
                "forderung",
                "vorschlag",
                "angebot",
                "plan",
                "antrag",
                "bitte",
                "ultimatum",
            ]) =>
        {
            ClaimType::Reject
        }
        ClaimType::Statement if has(&["verhandelbar"]) => ClaimType::Reject,
        _ => t,
    }
}

/// One record per speaker and content: keep the most confident.
fn dedup(found: &mut Vec<Found>) {
    found.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let mut kept: Vec<Found> = Vec::new();
    for f in found.drain(..) {
        let dup = kept.iter().any(|k| {
            k.speaker.name == f.speaker.name
                && k.content
                    .first()
                    .zip(f.content.first())
                    .is_some_and(|(x, y)| x.0 < y.1 && y.0 < x.1)
        });
        if !dup {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.cue.first().map(|c| c.0));
    *found = kept;
}

#[allow(dead_code)]
fn _unused(_: &Lexicon) {}

//! A document prepared for extraction: tokens, quotations, sentences, and the
//! actors it mentions (with coreference of names, roles and lexicon aliases).

use crate::lexicon::{
    after_last_hyphen, norm_len, packed_key, push_norm, FastMap, FormUse, Lexicon, RoleForm,
    WordSet, ALIAS_ROOT, NO_ALIAS_WORD, NO_FORM,
};
use claimgraph_model::ActorKind;
use claimgraph_text::quote::{find_quotations_marked, QuoteMap};
use claimgraph_text::segment::{sentences, CharIndex, Sentence};
use claimgraph_text::time::{times_in, TimeExpr};
use claimgraph_text::token::{
    is_capitalized, lowercase_same_length_indexed, push_lowercase_bytes, tokenize_marked, Token,
    TokenKind,
};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// An actor of the document: a lexicon entry, a person found by name, or a
/// role noun used with no name. Names are borrowed from the lexicon or the
/// text: no string of their own.
#[derive(Debug, Clone)]
pub(crate) struct Entity<'a> {
    pub name: &'a str,
    pub kind: ActorKind,
    pub wikidata: Option<&'a str>,
    /// Last name token of a person (for surname-only mentions).
    pub surname: Option<&'a str>,
    /// Role words used with the name, lower case (`us-außenminister`), with their qualifier.
    /// (The role word is the token's cached lower case: no string of its own.)
    pub roles: Vec<(&'a str, Cow<'a, str>)>,
}

/// A mention of an entity: tokens `[start, end)`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    /// The mention is a role noun without a name (`der US-Außenminister`).
    pub role_only: bool,
}

pub(crate) struct Prepared<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// The text of every token, cut once.
    words: Vec<&'a str>,
    /// The lower case of every token, cut once from `Tokens`.
    lowers: Vec<&'a str>,
    /// The text was lower-cased in place (so it has no `Σ`).
    lowered_in_place: bool,
    /// What the lexicon knows of every token.
    forms: Vec<TokenForms>,
    /// The tokens the rules of a sentence start from, noted in the pass that
    /// looks the tokens up (see `rule_candidates`).
    candidates: RuleCandidates,
    pub quotes: &'a QuoteMap,
    pub sents: Vec<Sentence>,
    pub chars: &'a CharIndex,
    pub entities: Vec<Entity<'a>>,
    pub mentions: Vec<Mention>,
    /// token → index into `mentions` of the mention starting there
    pub mention_at: Vec<Option<u32>>,
    /// surname → the person entity with that surname (surnames are unique: `person` merges by them)
    surnames: FastMap<&'a str, usize>,
    /// The shapes of those surnames and their genitives (`surname_entity`
    /// strips one of 1, 2 or 4 bytes): by first byte (folded to 64), a bit
    /// per byte length (63: longer). Most words are rejected here.
    surname_shapes: [u64; 64],
    /// The time expressions of each sentence, found when first asked for.
    sentence_times: Vec<OnceCell<Vec<TimeExpr>>>,
    /// A buffer for `resolve_role`.
    role_scores: Vec<u8>,
    /// The role form of each token that `find_mentions` asked for
    /// (`Some(form)`); `None` for a token it did not ask about.
    role_forms: Vec<Option<Option<RoleForm>>>,
}

const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "sein", "seine", "seiner", "seinem", "seinen", "seines", "ihr", "ihre", "ihrem", "ihren",
    "ihrer", "ihres", "dessen", "deren", "dieser", "diese", "diesem", "diesen", "dieses",
];

/// The keys of `DETERMINERS` (all shorter than 8 bytes), sorted for a binary search.
const DETERMINER_KEYS: [u64; DETERMINERS.len()] = {
    let mut keys = [0u64; DETERMINERS.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = packed_key(DETERMINERS[k].as_bytes());
        // insertion sort: const code has no `sort`
        let mut j = k;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j - 1];
            keys[j - 1] = keys[j];
            keys[j] = t;
            j -= 1;
        }
        k += 1;
    }
    keys
};

pub(crate) fn is_determiner(w: &str) -> bool {
    // the determiners are ASCII and contain no `k` (the Kelvin sign lower-cases to one),
    // so an ASCII-case-insensitive comparison equals comparing the lower-cased word;
    // they have 3 to 7 letters and start with d, e, i or s: most words are
    // rejected before the word's key (ASCII lower case) is searched for
    let b = w.as_bytes();
    let first = b.first().map(u8::to_ascii_lowercase);
    if !(3..=7).contains(&b.len()) || !matches!(first, Some(b'd' | b'e' | b'i' | b's')) {
        return false;
    }
    let mut lower = [0u8; 7];
    for (l, c) in lower.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    let Some(lower) = lower.get(..b.len()) else {
        return false;
    };
    DETERMINER_KEYS.binary_search(&packed_key(lower)).is_ok()
}

/// What the lexicon knows of a token, looked up once.
#[derive(Debug, Clone, Copy)]
struct TokenForms {
    /// Its alias word id (`NO_ALIAS_WORD` when none).
    alias_word: u32,
    /// The lexicon form that holds its cue forms (`NO_FORM` when none).
    cue_form: u32,
}

/// What the lexicon knows of a token it does not know.
const NO_FORMS: TokenForms = TokenForms {
    alias_word: NO_ALIAS_WORD,
    cue_form: NO_FORM,
};

/// Name particles inside a person's name (`Ursula von der Leyen`).
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "al", "bin", "da", "di", "del", "la", "le", "zu",
];

/// Capitalised words that never belong to a name after a role or first name.
const NOT_NAMES: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Am",
    "Im",
    "In",
    "Bei",
    "Nach",
    "Vor",
    "Auf",
    "Mit",
    "Zu",
    "Für",
    "Und",
    "Oder",
    "Aber",
    "Doch",
    "Er",
    "Sie",
    "Es",
    "Wir",
    "Ich",
    "Man",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
    "Twitter",
    "Facebook",
    "Instagram",
    "Telegram",
];

/// The kind of a person's role noun after a hyphen in a word that opens in
/// lower case (`verdi-Sprecher`); a hyphenated lower-case word is rare, so the
/// look-up is asked seldom.
fn lower_prefixed_person_role(lex: &Lexicon, w: &str, lower: &str) -> Option<ActorKind> {
    // asked for every word in lower case: the byte search (memchr) rejects
    // nearly all of them at a few instructions, a char pattern would not
    // ("x-Rolle": a prefix, a hyphen and a role of at least four letters)
    if w.len() < 6 || !w.as_bytes().contains(&b'-') {
        return None;
    }
    let (_, tail) = w.rsplit_once('-')?;
    if !is_capitalized(tail) {
        return None;
    }
    lex.role_form_lower(lower)
        .map(|f| f.kind)
        .filter(|&k| k == ActorKind::Person)
}

/// `NOT_NAMES` as a set: asked for every capitalised word.
static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_NAMES));

fn is_not_name(w: &str) -> bool {
    NOT_NAME_SET.contains(w)
}

/// A document's tokens, their lower case and quotations, owned apart from
/// [`Prepared`] so that it can borrow them: it keeps every token's text and
/// lower case as a `&str` cut once, and a lookup is an index instead of a
/// slice with its char-boundary checks.
pub(crate) struct Tokens {
    toks: Vec<Token>,
    /// The quotations, found from the tokens the tokenizer marked (no word,
    /// or first of a line), which the map keeps for `sentences`.
    quotes: QuoteMap,
    /// The lower case of the text, byte for byte in place when `lower_end` is
    /// empty (token `i` is `lower[toks[i].start..toks[i].end]`); else every
    /// token in lower case, one after the other, and `lower_end[i]` ends token `i`.
    lower: String,
    lower_end: Vec<usize>,
    /// Byte → char offsets, built by the walk that lower-cases the text.
    chars: CharIndex,
}

impl Tokens {
    pub fn new(text: &str) -> Self {
        let (toks, marks) = tokenize_marked(text);
        let quotes = find_quotations_marked(&toks, marks);
        let (lower, chars) = lowercase_same_length_indexed(text);
        let (lower, lower_end) = match lower {
            Some(lower) => (lower, Vec::new()),
            None => lower_by_token(text, &toks),
        };
        Tokens {
            toks,
            quotes,
            lower,
            lower_end,
            chars,
        }
    }

    /// Token `i` in lower case (as `str::to_lowercase`), "" past the end.
    fn lower(&self, i: usize) -> &str {
        if self.lower_end.is_empty() {
            return self
                .toks
                .get(i)
                .and_then(|t| self.lower.get(t.start..t.end))
                .unwrap_or("");
        }
        let Some(&end) = self.lower_end.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.lower_end[i - 1] };
        self.lower.get(start..end).unwrap_or("")
    }
}

impl<'a> Prepared<'a> {
    pub fn new(text: &'a str, tokens: &'a Tokens, lex: &'a Lexicon) -> Self {
        let toks = tokens.toks.as_slice();
        let quotes = &tokens.quotes;
        let sents = sentences(text, toks, quotes);
        let chars = &tokens.chars;
        let LookedUp {
            words,
            lowers,
            forms,
            candidates,
        } = cut_and_look_up(text, tokens, lex);
        let toks_len = toks.len();
        let mut p = Prepared {
            text,
            mention_at: vec![None; toks.len()],
            role_forms: vec![None; toks.len()],
            words,
            lowers,
            lowered_in_place: tokens.lower_end.is_empty(),
            forms,
            candidates,
            sentence_times: vec![OnceCell::new(); sents.len()],
            toks,
            quotes,
            sents,
            chars,
            // about one actor in thirty tokens: room for most documents at once
            entities: Vec::with_capacity(toks_len / 32),
            role_scores: Vec::new(),
            // about one mention in ten tokens: room for most documents at once
            mentions: Vec::with_capacity(toks_len / 8),
            surnames: FastMap::default(),
            surname_shapes: [0; 64],
        };
        let unresolved = p.find_mentions(lex);
        p.note_apposed_roles();
        p.resolve_late_roles();
        p.resolve_early_surnames(&unresolved);
        p
    }

    /// The time expressions of sentence `si` (`find_times` over its tokens).
    pub fn sentence_times(&self, si: usize) -> &[TimeExpr] {
        let (Some(cell), Some(s)) = (self.sentence_times.get(si), self.sents.get(si)) else {
            return &[];
        };
        cell.get_or_init(|| {
            times_in(self.toks, s.tok_start, s.tok_end, &self.words, &self.lowers).collect()
        })
    }

    /// The first time expression among tokens `[a, b)` (as `find_times(…).first()`),
    /// with the words cut and lower-cased once per document.
    pub fn first_time(&self, a: usize, b: usize) -> Option<TimeExpr> {
        times_in(self.toks, a, b, &self.words, &self.lowers).next()
    }

    /// Token `i` in lower case (as `str::to_lowercase`), "" past the end.
    #[inline]
    pub fn lower(&self, i: usize) -> &'a str {
        self.lowers.get(i).copied().unwrap_or("")
    }

    /// Tokens `[a, b)` in lower case (`lower` of each; empty when the range
    /// is not within the tokens), for a scan of a sentence.
    #[inline]
    pub fn lowers(&self, a: usize, b: usize) -> &[&'a str] {
        self.lowers.get(a..b).unwrap_or(&[])
    }

    /// The tokens outside quotations that have cue forms, and those that
    /// may be key words (`rules::may_be_key_word` of their lower case), in
    /// order: the tokens the rules of a sentence start from.
    pub fn rule_candidates(&self) -> (&[usize], &[usize]) {
        (&self.candidates.cues, &self.candidates.keys)
    }

    /// The cue forms of token `i` (`Lexicon::cue_forms` of its text), looked
    /// up once; `lex` is the lexicon the document was prepared with.
    #[inline]
    pub fn cue_forms<'l>(&self, lex: &'l Lexicon, i: usize) -> &'l [(usize, FormUse)] {
        match self.forms.get(i) {
            Some(f) if f.cue_form != NO_FORM => lex.cue_forms_by_id(f.cue_form),
            _ => &[],
        }
    }

    /// The role kind of token `i` (`Lexicon::role_kind_lower` of its lower
    /// case): the one `find_mentions` found, else looked up.
    pub fn role_kind(&self, lex: &Lexicon, i: usize) -> Option<ActorKind> {
        self.role_form(lex, i).map(|f| f.kind)
    }

    /// The role form of token `i` (`Lexicon::role_form_lower` of its lower
    /// case): the one `find_mentions` found, else looked up.
    pub fn role_form(&self, lex: &Lexicon, i: usize) -> Option<RoleForm> {
        match self.role_forms.get(i) {
            Some(&Some(form)) => form,
            _ => lex.role_form_lower(self.lower(i)),
        }
    }

    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    #[inline]
    pub fn mention(&self, i: usize) -> Option<&Mention> {
        self.mention_at
            .get(i)
            .copied()
            .flatten()
            .map(|m| &self.mentions[m as usize])
    }

    /// The mentions that start before token `i`. Mentions are kept in
    /// text order, so this is a prefix found by binary search, not a scan.
    pub fn mentions_before(&self, i: usize) -> &[Mention] {
        let k = self.mentions.partition_point(|m| m.start < i);
        &self.mentions[..k]
    }

    /// The mentions that start at a token of `[a, b)`.
    pub fn mentions_in(&self, a: usize, b: usize) -> &[Mention] {
        let before = self.mentions_before(b);
        let k = before.partition_point(|m| m.start < a);
        &before[k..]
    }

    /// The index of the sentence that holds token `tok`. Sentences follow
    /// each other in text order, so a binary search finds it.
    pub fn sentence_of(&self, tok: usize) -> Option<usize> {
        let k = self.sents.partition_point(|s| s.tok_end <= tok);
        self.sents.get(k).filter(|s| s.tok_start <= tok).map(|_| k)
    }

    /// The code-point span of tokens `[a, b)`.
    pub fn char_span(&self, a: usize, b: usize) -> (usize, usize) {
        let start = self.toks.get(a).map_or(self.text.len(), |t| t.start);
        let end = if b > a {
            self.toks.get(b - 1).map_or(start, |t| t.end)
        } else {
            start
        };
        (self.chars.chars(start), self.chars.chars(end))
    }

    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        if b <= a || a >= self.toks.len() {
            return "";
        }
        let start = self.toks[a].start;
        let end = self.toks[(b - 1).min(self.toks.len() - 1)].end;
        self.text.get(start..end).unwrap_or("")
    }

    /// Finds the mentions, token by token; returns the capitalised words
    /// left without one (surnames of persons named later, perhaps).
    fn find_mentions(&mut self, lex: &'a Lexicon) -> Vec<usize> {
        // room for most documents at once (about a third of the tokens are
        // capitalised, and most of those find no mention)
        let mut unresolved = Vec::with_capacity(self.toks.len() / 8);
        let mut i = 0;
        while i < self.toks.len() {
            if !self.is_word(i) {
                i += 1;
                continue;
            }
            if let Some((len, actor)) = self.alias_match(lex, i) {
                let e = self.entity_for_actor(lex, actor);
                self.add_mention(i, i + len, e, false);
                i += len;
                continue;
            }
            let w = self.word(i);
            if is_capitalized(w) && !is_not_name(w) {
                let role_form = lex.role_form_lower(self.lower(i));
                if let Some(slot) = self.role_forms.get_mut(i) {
                    *slot = Some(role_form);
                }
                if let Some(RoleForm { kind, .. }) = role_form {
                    i = self.role_mention(lex, i, kind);
                    continue;
                }
                if lex.is_first_name(w) {
                    let end = self.name_end(lex, i + 1);
                    if end > i + 1 {
                        let e = self.person(i, end, None);
                        self.add_mention(i, end, e, false);
                        i = end;
                        continue;
                    }
                }
                match self.surname_entity(w) {
                    Some(e) => self.add_mention(i, i + 1, e, false),
                    None => unresolved.push(i),
                }
            } else if let Some(kind) = lower_prefixed_person_role(lex, w, self.lower(i)) {
                // "verdi-Sprecher Jan Kos", "dpa-Korrespondentin": a name written in
                // lower case before a role noun
                i = self.role_mention(lex, i, kind);
                continue;
            }
            i += 1;
        }
        unresolved
    }

    /// A role used before the person was named ("der Vizeaußenminister … Vizeaußenminister
    /// Sergej Rjabkow") refers to that person.
    /// A role in an apposition belongs to the name it stands beside
    /// ("Sergej Lawrow, der russische Außenminister, …"): the person takes the
    /// role, so the role noun alone refers to the person later.
    fn note_apposed_roles(&mut self) {
        let mut apposed: Vec<(usize, usize)> = Vec::new();
        for m in &self.mentions {
            let e = &self.entities[m.entity];
            if m.role_only || e.kind != ActorKind::Person || e.surname.is_none() {
                continue;
            }
            if self.word(m.end) != "," {
                continue;
            }
            let mut j = m.end + 1;
            if is_determiner(self.word(j)) {
                j += 1;
            }
            while j < m.end + 6 && self.word(j).chars().next().is_some_and(char::is_lowercase) {
                j += 1;
            }
            let Some(r) = self.mention(j) else {
                continue;
            };
            let closes = matches!(self.word(r.end), "," | "." | "!" | "?" | ")");
            if r.role_only && closes && self.entities[r.entity].kind == ActorKind::Person {
                apposed.push((m.entity, r.start));
            }
        }
        for (entity, r) in apposed {
            let role = (self.lower(r), self.qualifier(r));
            if !self.entities[entity].roles.contains(&role) {
                self.entities[entity].roles.push(role);
            }
        }
    }

    fn resolve_late_roles(&mut self) {
        for k in 0..self.mentions.len() {
            let m = self.mentions[k];
            let e = &self.entities[m.entity];
            if !m.role_only || e.surname.is_some() || e.kind != ActorKind::Person {
                continue;
            }
            let Some((role, qualifier)) = e.roles.first().cloned() else {
                continue;
            };
            if let Some(target) = self.resolve_role(role, &qualifier) {
                self.mentions[k].entity = target;
            }
        }
    }

    /// A surname used before the full name (a headline "Kern warnt …" above
    /// "Eva Kern warnte …") refers to that person. `unresolved`: the
    /// capitalised words (not in `NOT_NAMES`) that `find_mentions` left
    /// outside every mention, in text order (every other word is in one or
    /// is no name), so the tokens are not scanned again.
    fn resolve_early_surnames(&mut self, unresolved: &[usize]) {
        if !self.entities.iter().any(|e| e.surname.is_some()) {
            return;
        }
        let mut added = false;
        for &i in unresolved {
            if let Some(e) = self.surname_entity(self.word(i)) {
                self.add_mention(i, i + 1, e, false);
                added = true;
            }
        }
        if added {
            self.mentions.sort_by_key(|m| m.start);
            self.mention_at.iter_mut().for_each(|m| *m = None);
            for (k, m) in self.mentions.iter().enumerate() {
                if let Some(slot) = self.mention_at.get_mut(m.start) {
                    *slot = Some(k as u32);
                }
            }
        }
    }

    /// The longest lexicon alias starting at token `i`: (tokens, actor index).
    fn alias_match(&self, lex: &Lexicon, i: usize) -> Option<(usize, usize)> {
        // most words are no alias word, and many alias words start no
        // alias (`in`, `und` of longer ones): done before looking at the word
        let first = self.forms.get(i).map_or(NO_ALIAS_WORD, |f| f.alias_word);
        if first == NO_ALIAS_WORD {
            return None;
        }
        lex.alias_step(ALIAS_ROOT, first)?;
        let first_capitalized = is_capitalized(self.word(i));
        let mut node = ALIAS_ROOT;
        let mut best = None;
        for j in i..self.toks.len() {
            let n = j - i + 1;
            if !self.is_word(j) || (n > 1 && self.toks[j].breaks_before > 0) {
                break;
            }
            let word = self.forms[j].alias_word;
            let Some(next) = (word != NO_ALIAS_WORD)
                .then(|| lex.alias_step(node, word))
                .flatten()
            else {
                break;
            };
            node = next;
            // one lower-case word alone is never an actor ("amerikanische")
            if n == 1 && !first_capitalized {
                if !lex.alias_continues(node) {
                    break;
                }
                continue;
            }
            if let Some(a) = lex.alias_actor(node) {
                let w = self.word(j);
                if is_capitalized(w) || w.chars().all(|c| !c.is_alphabetic()) {
                    best = Some((n, a));
                }
            }
        }
        best
    }

    /// Whether token `j` alone is an actor alias.
    fn is_single_alias(&self, lex: &Lexicon, j: usize) -> bool {
        let word = self.forms.get(j).map_or(NO_ALIAS_WORD, |f| f.alias_word);
        word != NO_ALIAS_WORD
            && lex
                .alias_step(ALIAS_ROOT, word)
                .and_then(|n| lex.alias_actor(n))
                .is_some()
    }

    fn entity_for_actor(&mut self, lex: &'a Lexicon, actor: usize) -> usize {
        let a = &lex.actors[actor];
        if let Some(i) = self
            .entities
            .iter()
            // an actor's entity borrows the actor's name: the same string, found without comparing bytes
            .position(|e| {
                (std::ptr::eq(e.name, a.name.as_str()) || e.name == a.name) && e.surname.is_none()
            })
        {
            return i;
        }
        self.entities.push(Entity {
            name: &a.name,
            kind: a.kind,
            wikidata: a.wikidata.as_deref(),
            surname: None,
            roles: Vec::new(),
        });
        self.entities.len() - 1
    }

    /// One past the last name token of a name starting at `from` (`from` when none).
    fn name_end(&self, lex: &Lexicon, from: usize) -> usize {
        let mut j = from;
        let mut names = 0;
        // names that are not first names: a particle follows first names only
        // ("Joop den Uyl", "Ursula von der Leyen"), never a surname ("Angela
        // Merkel den Vorschlag", "Jan Kos von der Polizei", "so Kos zu …")
        let mut surnames = 0;
        // asked only at a particle (few names have one)
        let first_name_before = || from > 0 && lex.is_first_name(self.word(from - 1));
        while j < self.toks.len() && names < 3 {
            let t = &self.toks[j];
            if t.breaks_before > 0 || !t.is_word() {
                break;
            }
            let w = self.word(j);
            let after_particle = j > from && NAME_PARTICLES.contains(&self.word(j - 1));
            let next = self.word(j + 1);
            if NAME_PARTICLES.contains(&w)
                && j + 1 < self.toks.len()
                && (is_capitalized(next) || NAME_PARTICLES.contains(&next))
                && (names > 0 || first_name_before())
                && (surnames == 0 || after_particle)
            {
                // "von der Leyen": only when another name or particle follows
                j += 1;
                continue;
            }
            if !is_capitalized(w)
                || is_not_name(w)
                || lex.role_kind_lower(self.lower(j)).is_some()
                || t.kind == TokenKind::Number
                || w.chars().nth(1).is_none()
            {
                break;
            }
            // an actor alias ends the name ("Außenminister Russlands")
            if self.is_single_alias(lex, j) {
                break;
            }
            names += 1;
            if !lex.is_first_name(w) {
                surnames += 1;
            }
            j += 1;
        }
        // do not end on a particle
        while j > from && NAME_PARTICLES.contains(&self.word(j - 1)) {
            j -= 1;
        }
        j
    }

    /// A role noun, with the name that follows it if any.
    fn role_mention(&mut self, lex: &Lexicon, i: usize, kind: ActorKind) -> usize {
        let role = self.lower(i);
        let qualifier = self.qualifier(i);
        let end = if kind == ActorKind::Person {
            self.name_end(lex, i + 1)
        } else {
            i + 1
        };
        if end > i + 1 {
            let e = self.person(i + 1, end, Some((role, qualifier)));
            self.add_mention(i, end, e, false);
            return end;
        }
        let e = match self.resolve_role(role, &qualifier) {
            Some(e) => e,
            None => {
                self.entities.push(Entity {
                    name: self.word(i),
                    kind,
                    wikidata: None,
                    surname: None,
                    roles: vec![(role, qualifier)],
                });
                self.entities.len() - 1
            }
        };
        self.add_mention(i, i + 1, e, true);
        i + 1
    }

    /// The adjective before a role, or the prefix of a compound role (`US-`), normalised.
    fn qualifier(&self, i: usize) -> Cow<'a, str> {
        let w = self.word(i);
        // `rsplit_once('-')` by a byte loop (words are short; the char searcher calls `memrchr`)
        if let Some(prefix) = w
            .as_bytes()
            .iter()
            .rposition(|&b| b == b'-')
            .and_then(|k| w.get(..k))
        {
            return self.norm(prefix, self.lower(i).get(..prefix.len()));
        }
        if i > 0 && self.is_word(i - 1) {
            let prev = self.word(i - 1);
            if prev.chars().next().is_some_and(char::is_lowercase) && !is_determiner(prev) {
                return self.norm(prev, Some(self.lower(i - 1)));
            }
        }
        Cow::Borrowed("")
    }

    /// The normal form of `word` (`push_norm`), whose lower case in the text
    /// is `lower`: cut from it when the text was lowered in place (char by
    /// char, as `push_norm` lowers), else built.
    fn norm(&self, word: &str, lower: Option<&'a str>) -> Cow<'a, str> {
        match lower {
            Some(l) if self.lowered_in_place => Cow::Borrowed(l.get(..norm_len(l)).unwrap_or(l)),
            _ => {
                let mut q = String::new();
                push_norm(&mut q, word);
                Cow::Owned(q)
            }
        }
    }

    /// The most recent entity that carried this role (same word, else same head,
    /// else a compound ending in the head: `ministerin` → `US-Außenministerin`).
    fn resolve_role(&mut self, role: &str, qualifier: &str) -> Option<usize> {
        // the entities' scores, in a buffer kept across calls
        let mut scores = std::mem::take(&mut self.role_scores);
        let best = self.best_role_entity(role, qualifier, &mut scores);
        self.role_scores = scores;
        best
    }

    /// `resolve_role` with a buffer for the scores.
    fn best_role_entity(&self, role: &str, qualifier: &str, scores: &mut Vec<u8>) -> Option<usize> {
        fn without_in(r: &str) -> &str {
            // `trim_end_matches("in")` without building a substring searcher
            let mut h = r;
            while let Some(shorter) = h.strip_suffix("in") {
                h = shorter;
            }
            h
        }
        // the head of a role: its last part without `in` endings (`in` has
        // no hyphen, so the endings can be cut first)
        let head = |r| after_last_hyphen(without_in(r));
        let h = head(role);
        let feminine = is_feminine_role(role);
        // asked for every role of every person: what depends on `role` alone is found once
        let may_end_in_head = qualifier.is_empty() && h.chars().nth(4).is_some();
        let score = |(r, q): &(&str, Cow<str>)| {
            if *r == role {
                return 3;
            }
            // both scores below need a head that ends with `h`: most roles
            // are rejected before their hyphen is looked for
            let bare = without_in(r);
            if !bare.ends_with(h) {
                return 0;
            }
            let r_head = after_last_hyphen(bare);
            if r_head == h && (qualifier.is_empty() || q == qualifier) {
                2
            } else if may_end_in_head && r_head.ends_with(h) && is_feminine_role(r) == feminine {
                1
            } else {
                0
            }
        };
        // the score of every named person by its roles (most have none)
        scores.clear();
        scores.resize(self.entities.len(), 0);
        let mut best = 0;
        for (slot, e) in scores.iter_mut().zip(&self.entities) {
            if e.kind == ActorKind::Person && e.surname.is_some() {
                *slot = e.roles.iter().map(score).max().unwrap_or(0);
                best = best.max(*slot);
            }
        }
        if best == 0 {
            return None;
        }
        // of the persons with the best score, the one mentioned last
        self.mentions
            .iter()
            .rev()
            .map(|m| m.entity)
            .find(|&e| scores.get(e) == Some(&best))
    }

    /// Registers a person named by tokens `[a, b)`, merging by surname.
    fn person(&mut self, a: usize, b: usize, role: Option<(&'a str, Cow<'a, str>)>) -> usize {
        let name = self.slice(a, b);
        let surname = self.word(b - 1);
        let n_tokens = b - a;
        let e = match self.surnames.get(surname).copied() {
            Some(e) => {
                let ent = &mut self.entities[e];
                if n_tokens > ent.name.split_whitespace().count() {
                    ent.name = name;
                }
                e
            }
            None => {
                let e = self.entities.len();
                if let Some(&b) = surname.as_bytes().first() {
                    for genitive in [0, 1, 2, 4] {
                        let len = (surname.len() + genitive).min(63);
                        self.surname_shapes[usize::from(b % 64)] |= 1 << len;
                    }
                }
                self.surnames.insert(surname, e);
                self.entities.push(Entity {
                    name,
                    kind: ActorKind::Person,
                    wikidata: None,
                    surname: Some(surname),
                    roles: Vec::new(),
                });
                e
            }
        };
        if let Some(r) = role {
            self.entities[e].roles.push(r);
        }
        e
    }

    /// The person whose surname `w` is, or is with a genitive ending.
    #[inline]
    fn surname_entity(&self, w: &str) -> Option<usize> {
        // `w` and its bare form start with the same byte; most words are
        // rejected here, inlined, without a call
        let b = w.as_bytes().first().copied()?;
        if self.surname_shapes[usize::from(b % 64)] & (1 << w.len().min(63)) == 0 {
            return None;
        }
        self.surname_entity_by_map(w)
    }

    /// `surname_entity` past its shape check.
    #[inline(never)]
    fn surname_entity_by_map(&self, w: &str) -> Option<usize> {
        let bare = w
            .strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .or_else(|| w.strip_suffix('s'))
            .unwrap_or(w);
        // the first entity with either surname (at most one has each); most
        // words have no ending to strip: one lookup
        let exact = self.surnames.get(w).copied();
        if bare.len() == w.len() {
            return exact;
        }
        let stripped = self.surnames.get(bare).copied();
        match (exact, stripped) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn add_mention(&mut self, start: usize, end: usize, entity: usize, role_only: bool) {
        if start < self.mention_at.len() {
            self.mention_at[start] = Some(self.mentions.len() as u32);
        }
        self.mentions.push(Mention {
            start,
            end,
            entity,
            role_only,
        });
    }
}

/// The tokens outside quotations that have cue forms, and those whose lower
/// case may be a key word of the rules, in order.
#[derive(Debug, Default)]
struct RuleCandidates {
    cues: Vec<usize>,
    keys: Vec<usize>,
}

impl RuleCandidates {
    fn with_capacity(n: usize) -> Self {
        // room for most documents at once (about one token in twenty has
        // cue forms, one in twelve may be a key word)
        Self {
            cues: Vec::with_capacity(n / 16),
            keys: Vec::with_capacity(n / 8),
        }
    }

    /// Notes token `i` (its forms and lower case) if the rules start from it
    /// and it stands outside quotations. Few tokens have cue forms or may be
    /// key words: the quote depth is looked up for those only.
    #[inline(always)]
    fn note(&mut self, i: usize, forms: TokenForms, lower: &str, quotes: &QuoteMap) {
        if forms.cue_form != NO_FORM && !quotes.inside(i) {
            self.cues.push(i);
        }
        if crate::rules::may_be_key_word(lower) && !quotes.inside(i) {
            self.keys.push(i);
        }
    }
}

/// Every token's text and lower case, cut once, what the lexicon knows of
/// it, and the tokens the rules start from.
struct LookedUp<'a> {
    words: Vec<&'a str>,
    lowers: Vec<&'a str>,
    forms: Vec<TokenForms>,
    candidates: RuleCandidates,
}

/// One pass over the tokens fills all the lists of `LookedUp` (the token's
/// lower case and forms are at hand here: a pass of the rules of their own
/// would load them again).
fn cut_and_look_up<'a>(text: &'a str, tokens: &'a Tokens, lex: &Lexicon) -> LookedUp<'a> {
    if tokens.lower_end.is_empty() {
        // token `i` is the same byte range of the lower case (which has no Σ)
        cut_and_look_up_by(text, tokens, lex, false, |_, t| t.text(&tokens.lower))
    } else {
        cut_and_look_up_by(text, tokens, lex, true, |i, _| tokens.lower(i))
    }
}

/// `cut_and_look_up` with `lower_of` cutting the lower case of token `i`:
/// a loop of its own for either kind of lower case.
#[inline(always)]
fn cut_and_look_up_by<'a>(
    text: &'a str,
    tokens: &'a Tokens,
    lex: &Lexicon,
    may_have_sigma: bool,
    lower_of: impl Fn(usize, &'a Token) -> &'a str,
) -> LookedUp<'a> {
    let n = tokens.toks.len();
    let mut words = Vec::with_capacity(n);
    let mut lowers = Vec::with_capacity(n);
    let mut forms = Vec::with_capacity(n);
    let mut candidates = RuleCandidates::with_capacity(n);
    let mut scratch = String::new();
    let skip_non_words = lex.non_words_are_unknown();
    for (i, t) in tokens.toks.iter().enumerate() {
        let word = t.text(text);
        let lower = lower_of(i, t);
        let form = if t.is_word() {
            word_forms(lex, word, lower, may_have_sigma, &mut scratch)
        } else if skip_non_words {
            NO_FORMS
        } else {
            non_word_forms(lex, word, lower)
        };
        candidates.note(i, form, lower, &tokens.quotes);
        forms.push(form);
        words.push(word);
        lowers.push(lower);
    }
    LookedUp {
        words,
        lowers,
        forms,
        candidates,
    }
}

/// What the lexicon knows of a word token; `may_have_sigma` unless the
/// text was lower-cased in place; `scratch` is a buffer.
#[inline(always)]
fn word_forms(
    lex: &Lexicon,
    word: &str,
    lower: &str,
    may_have_sigma: bool,
    scratch: &mut String,
) -> TokenForms {
    let form = lex.form_id(lower);
    let alias_word = if may_have_sigma && word.contains('Σ') {
        // the normal form lower-cases char by char; only a final sigma differs
        scratch.clear();
        push_norm(scratch, word);
        lex.alias_word(scratch).unwrap_or(NO_ALIAS_WORD)
    } else {
        form.map_or(NO_ALIAS_WORD, |f| lex.form_alias_word(f))
    };
    TokenForms {
        alias_word,
        cue_form: lex.cue_form_id(word, lower, form),
    }
}

/// What the lexicon knows of a token that is no word (no alias word; a cue
/// form only if the lexicon has punctuation among its cue forms).
#[cold]
fn non_word_forms(lex: &Lexicon, word: &str, lower: &str) -> TokenForms {
    TokenForms {
        alias_word: NO_ALIAS_WORD,
        cue_form: lex.cue_form_id(word, lower, lex.form_id(lower)),
    }
}

/// Every token in lower case, one after the other, and where each ends.
fn lower_by_token(text: &str, toks: &[Token]) -> (String, Vec<usize>) {
    let mut lower = Vec::with_capacity(toks.len() * 8);
    let lower_end = toks
        .iter()
        .map(|t| {
            push_lowercase_bytes(&mut lower, t.text(text));
            lower.len()
        })
        .collect();
    // the arena is UTF-8 by construction (whole lower-cased chars)
    let lower = String::from_utf8(lower)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (lower, lower_end)
}

/// A role word in its feminine form (`ministerin`, `us-außenministerin`).
pub(crate) fn is_feminine_role(role: &str) -> bool {
    role.ends_with("in") && !role.ends_with("ein")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_alone_refers_to_the_last_person_mentioned_with_it() {
        let lex = Lexicon::german();
        let text = "Außenministerin Eva Kern traf Außenministerin Anna Berg. Kern lachte. \
                    Die Außenministerin sagte nichts. Berg ging.";
        let tokens = Tokens::new(text);
        let p = Prepared::new(text, &tokens, &lex);
        let role = (0..p.toks.len())
            .rfind(|&i| p.word(i) == "Außenministerin")
            .and_then(|i| p.mention(i))
            .map(|m| p.entities[m.entity].name);
        assert_eq!(role, Some("Eva Kern"));
    }

    #[test]
    fn surname_shapes_keep_surnames_and_genitives() {
        let lex = Lexicon::german();
        let text = "Eva Kern und Jonas Wild sprachen. Kerns Plan, Wild’s Antwort und Wild's Brief.";
        let tokens = Tokens::new(text);
        let p = Prepared::new(text, &tokens, &lex);
        for w in ["Kern", "Kerns", "Wild", "Wild’s", "Wild's", "Wilds"] {
            assert!(p.surname_entity(w).is_some(), "{w}");
        }
        for w in ["Plan", "Kernkraft", "W", ""] {
            assert!(p.surname_entity(w).is_none(), "{w}");
        }
    }

    #[test]
    fn determiner_prefilter_keeps_every_determiner() {
        for d in DETERMINERS {
            assert!(is_determiner(d), "{d}");
            assert!(is_determiner(&d.to_uppercase()), "{d}");
        }
        for w in [
            "Der", "DIESES", "dem", "d", "", "den,", "Deren", "ihrem", "sei", "der\0", "ßie",
            "Eİne", "dEs",
        ] {
            let listed = DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w));
            assert_eq!(is_determiner(w), listed, "{w}");
        }
    }

    #[test]
    fn no_cue_form_of_the_built_in_lexicon_is_punctuation() {
        assert!(Lexicon::german().non_words_are_unknown());
    }

    #[test]
    fn token_forms_agree_with_the_lexicon() {
        let lex = Lexicon::german();
        let text = "Die russische Regierung sagte, Moskaus Außenminister SAGTE nichts. \
                    Sie kündigte an, die Vereinten Nationen zu informieren; Sagte er?";
        let tokens = Tokens::new(text);
        let p = Prepared::new(text, &tokens, &lex);
        assert!(p.forms.iter().any(|f| f.alias_word != NO_ALIAS_WORD));
        for i in 0..p.toks.len() + 1 {
            let word = p.word(i);
            assert_eq!(p.cue_forms(&lex, i), lex.cue_forms(word), "{word}");
            let mut norm = String::new();
            push_norm(&mut norm, word);
            let alias = p.forms.get(i).map_or(NO_ALIAS_WORD, |f| f.alias_word);
            let expected = lex.alias_word(&norm).filter(|_| p.is_word(i));
            assert_eq!(
                Some(alias).filter(|&a| a != NO_ALIAS_WORD),
                expected,
                "{word}"
            );
        }
    }

    #[test]
    fn cached_role_kinds_agree_with_the_lexicon() {
        let lex = Lexicon::german();
        let text = "Die Außenministerin Eva Kern sagte, der Kanzler und \
                    Regierungssprecherin Anna Berg seien sich einig. Die Vereinten \
                    Nationen und der Bürgermeister Jonas Wild widersprachen den Ministern.";
        let tokens = Tokens::new(text);
        let p = Prepared::new(text, &tokens, &lex);
        assert!(p.role_forms.iter().any(Option::is_some));
        for i in 0..p.toks.len() + 1 {
            assert_eq!(
                p.role_kind(&lex, i),
                lex.role_kind_lower(p.lower(i)),
                "{}",
                p.word(i)
            );
            let bare = p.role_form(&lex, i).is_some_and(|f| f.bare);
            assert_eq!(bare, lex.ends_in_role_head(p.lower(i)), "{}", p.word(i));
        }
    }
}

//! The rules that find claims in a prepared document: cues, their clause,
//! speaker and addressee, content, continuation in Konjunktiv I.

//!
//! One concern a file: `cue` (cue words and their clause), `speaker`
//! (subject, addressee, names, roles, pronouns), `content` (quotation and
//! clause boundaries), `nominal` (laut, zufolge, so X, colon), `claim` (one
//! cue to claims), `continuation` (reported speech going on without a cue),
//! `typing` (claim types), `confidence` (the measured precision of each
//! evidence pattern), `words` (the word lists), `candidates` (the tokens a
//! sentence's rules start from), `spans` (inline span lists) and `suffixes`
//! (an ending trie).

mod candidates;
mod claim;
mod confidence;
mod content;
mod continuation;
mod cue;
mod nominal;
mod spans;
mod speaker;
mod suffixes;
mod typing;
mod words;

use crate::doc::Prepared;
use crate::lexicon::{Lexicon, WordSet};
use candidates::TokenList;
use claimgraph_model::{ActorKind, ClaimType};
use claimgraph_text::token::TokenKind;
use confidence::Pattern;
pub(crate) use nominal::may_be_key_word;
pub(crate) use spans::Spans;
use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

/// Who a claim is attributed to.
#[derive(Debug, Clone)]
pub(crate) struct Speaker<'a> {
    /// Borrowed from an entity or the text; owned only when quotation marks
    /// or odd whitespace had to be removed from the text.
    pub name: Cow<'a, str>,
    pub kind: ActorKind,
    pub wikidata: Option<&'a str>,
    pub entity: Option<usize>,
    /// Tokens of the local mention.
    pub mention: (usize, usize),
    /// How sure the resolution is (named 1.0, pronoun 0.8, unresolved role 0.6, …).
    pub certainty: f32,
}

/// A claim found by the rules, in token coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Found<'a> {
    pub speaker: Speaker<'a>,
    pub cue: Spans,
    pub claim_type: ClaimType,
    pub content: Spans,
    pub addressee: Option<Cow<'a, str>>,
    /// Sentences `[first, last]` carrying the claim.
    pub sentences: (usize, usize),
    /// Sentence whose non-content tokens date the claim.
    pub date_sentence: usize,
    pub confidence: f32,
    /// The shape of evidence the claim rests on (sets its confidence).
    pub pattern: Pattern,
    /// The cue is marked `weak` in the lexicon.
    pub weak_cue: bool,
}

/// The long word lists of `words.rs` as sets, built once: asked for every token.
static KONJUNKTIV_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::KONJUNKTIV));
static NOT_SUBJECT_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::NOT_SUBJECTS));

/// `KONJUNKTIV.contains(&w)`.
fn is_konjunktiv_form(w: &str) -> bool {
    KONJUNKTIV_SET.contains(w)
}

/// The last bytes a Konjunktiv can end in (`is_konjunktiv`): those of the
/// `KONJUNKTIV` forms, and `e` (a verb in -e after a pronoun). Most words end
/// in another, and are let go without a set asked.
const KONJUNKTIV_ENDINGS: [bool; 256] = {
    let mut table = [false; 256];
    table[b'e' as usize] = true;
    let mut k = 0;
    while k < words::KONJUNKTIV.len() {
        let w = words::KONJUNKTIV[k].as_bytes();
        if !w.is_empty() {
            table[w[w.len() - 1] as usize] = true;
        }
        k += 1;
    }
    table
};

/// Whether `w` ends in a byte a Konjunktiv can end in (see `KONJUNKTIV_ENDINGS`).
fn may_be_konjunktiv(w: &str) -> bool {
    w.as_bytes()
        .last()
        .is_some_and(|&b| KONJUNKTIV_ENDINGS[usize::from(b)])
}

/// `NOT_SUBJECTS.contains(&w)`.
fn is_not_subject(w: &str) -> bool {
    NOT_SUBJECT_SET.contains(w)
}

fn is_sep(p: &Prepared, i: usize) -> bool {
    let t = &p.toks[i];
    t.kind == TokenKind::Punct
        && matches!(
            p.word(i),
            "," | ";" | ":" | "–" | "—" | "-" | "(" | ")" | "." | "!" | "?"
        )
}

/// A list of lower-case words that tokens are looked up in.
pub(super) trait WordList {
    /// Whether `lower` (a word in lower case) is in the list.
    fn has_lower(&self, lower: &str) -> bool;
}

impl WordList for [&str] {
    fn has_lower(&self, lower: &str) -> bool {
        self.contains(&lower)
    }
}

impl<const N: usize> WordList for [&str; N] {
    fn has_lower(&self, lower: &str) -> bool {
        self.contains(&lower)
    }
}

/// A long word list asked for many tokens: a set built on first use, so a
/// lookup is a shape check and at most one hash instead of a scan of the list.
pub(super) struct LowerSet {
    words: &'static [&'static str],
    set: OnceLock<WordSet>,
}

impl LowerSet {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            set: OnceLock::new(),
        }
    }

    /// The words of the list, as written (what the tests check the set against).
    #[cfg(test)]
    pub(super) fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

impl WordList for LowerSet {
    fn has_lower(&self, lower: &str) -> bool {
        self.set
            .get_or_init(|| WordSet::new(self.words))
            .contains(lower)
    }
}

/// Content token spans, base confidence, and the last sentence used.
type Content = (Spans, Pattern, usize);
pub(crate) struct Rules<'a, 'l> {
    pub p: &'a Prepared<'a>,
    pub lex: &'l Lexicon,
    /// Sentences already used as part of an earlier claim.
    consumed: Vec<bool>,
    /// The last person who spoke, for pronouns.
    last_person: Option<Speaker<'a>>,
    last_group: Vec<Speaker<'a>>,
    /// The content spans of a sentence's verbal claims (a buffer reused by `sentence`).
    covered: Vec<(usize, usize)>,
    /// The tokens outside quotations with cue forms, and those that may be
    /// key words of the rules after the verbal cues (`nominal_cues`): a
    /// sentence looks at these only, not at every token.
    cue_tokens: TokenList<'a>,
    key_words: TokenList<'a>,
    /// Inside a nominal cue (`nach Angaben X`) any noun phrase can name the source.
    lenient: bool,
}

impl<'a, 'l> Rules<'a, 'l> {
    /// Whether token `j` in lower case is one of `list`. The lower case is
    /// the one `Prepared` cut once per document (`str::to_lowercase` of the
    /// token), so no word is lower-cased here.
    fn lower_is(&self, j: usize, list: &(impl WordList + ?Sized)) -> bool {
        list.has_lower(self.p.lower(j))
    }

    /// The index of the sentence that holds token `tok`.
    fn sentence_of(&self, tok: usize) -> Option<usize> {
        self.p.sentence_of(tok)
    }

    pub fn new(p: &'a Prepared<'a>, lex: &'l Lexicon) -> Self {
        let (cues, keys) = p.rule_candidates();
        Self {
            consumed: vec![false; p.sents.len()],
            p,
            lex,
            last_person: None,
            last_group: Vec::new(),
            covered: Vec::new(),
            cue_tokens: TokenList::new(cues),
            key_words: TokenList::new(keys),
            lenient: false,
        }
    }

    pub fn run(&mut self) -> Vec<Found<'a>> {
        // about one claim in two sentences: room for most documents at once
        let mut out: Vec<Found<'a>> = Vec::with_capacity(self.p.sents.len() / 2);
        // the claim a following Konjunktiv sentence would continue (its index
        // in `out`), and the chain length
        let mut chain: Option<(usize, usize)> = None;
        for si in 0..self.p.sents.len() {
            let s = self.p.sents[si];
            if s.boilerplate || self.consumed[si] {
                continue;
            }
            // the sentence's claims are appended to `out`: no list of their own
            let start = out.len();
            self.sentence(si, &mut out);
            if out.len() == start {
                chain = match chain.take() {
                    Some((prev, n)) if n < 5 => {
                        match out.get(prev).and_then(|p| self.continuation(si, p)) {
                            Some(mut c) => {
                                c.confidence = confidence::confidence(&c);
                                out.push(c);
                                Some((out.len() - 1, n + 1))
                            }
                            None => None,
                        }
                    }
                    _ => None,
                };
                if chain.is_none() {
                    // reported speech with no cue before it: the subject of the sentence before
                    if let Some(mut c) = self.free_indirect(si, out.last()) {
                        c.confidence = confidence::confidence(&c);
                        out.push(c);
                        chain = Some((out.len() - 1, 1));
                    }
                }
                continue;
            }
            self.note_speakers(&out[start..]);
            chain = going_on(&out[start..]).map(|k| (start + k, 0));
        }
        out
    }

    fn note_speakers(&mut self, found: &[Found<'a>]) {
        if let Some(f) = found
            .iter()
            .rev()
            .find(|f| f.speaker.kind == ActorKind::Person)
        {
            self.last_person = Some(f.speaker.clone());
        }
        let last = found.last().map(|f| f.sentences.0);
        // the list of the sentence before is reused: no allocation a sentence
        self.last_group.clear();
        self.last_group.extend(
            found
                .iter()
                .filter(|f| Some(f.sentences.0) == last)
                .map(|f| f.speaker.clone()),
        );
    }

    // ----- cues -----------------------------------------------------------

    /// Appends the claims of sentence `si` to `out`.
    fn sentence(&mut self, si: usize, out: &mut Vec<Found<'a>>) {
        let s = self.p.sents[si];
        let start = out.len();
        // content spans of the verbal cues' claims, in a buffer kept across sentences
        let mut covered = std::mem::take(&mut self.covered);
        covered.clear();
        // the sentence's cue candidates and key words (slices of `Prepared`'s
        // lists: they do not borrow `self`, whose rules take `&mut self`)
        let keys = self.key_words.within(s.tok_start, s.tok_end);
        for &i in self.cue_tokens.within(s.tok_start, s.tok_end) {
            let Some(cue) = self.cue_at(i, &s) else {
                continue;
            };
            let before = out.len();
            self.claims_of_cue(si, &cue, out);
            for f in &out[before..] {
                covered.extend(f.content.iter().copied());
            }
        }
        self.lenient = true;
        let verbal_end = out.len();
        self.nominal_cues(si, keys, out);
        self.lenient = false;
        // a nominal cue inside another claim's content is not annotated
        retain_from(out, verbal_end, |f| {
            !f.cue
                .iter()
                .any(|&(a, _)| covered.iter().any(|&(x, y)| a >= x && a < y))
        });
        self.covered = covered;
        // `mit den Worten` and a colon outside quotations: most sentences have neither
        let has_key = |word: &str| keys.iter().any(|&j| self.p.lower(j) == word);
        let (mit, colon) = (has_key("mit"), has_key(":"));
        if out.len() == start && mit {
            if let Some(f) = self.with_the_words(si) {
                out.push(f);
            }
        }
        if out.len() == start {
            if let Some(f) = self.colon_speaker(si) {
                out.push(f);
            }
        }
        if out.len() == start && colon {
            if let Some(f) = self.subject_colon_quote(si) {
                out.push(f);
            }
        }
        if out.len() == start {
            if let Some(f) = self.inquit_quote(si) {
                out.push(f);
            }
        }
        for f in &mut out[start..] {
            f.confidence = confidence::confidence(f);
        }
        dedup(out, start);
    }
}

/// Keeps the elements of `v` from index `start` on for which `keep` holds,
/// in order (`Vec::retain` of the tail only).
fn retain_from<T>(v: &mut Vec<T>, start: usize, mut keep: impl FnMut(&T) -> bool) {
    let mut kept = start;
    for i in start..v.len() {
        if keep(&v[i]) {
            v.swap(kept, i);
            kept += 1;
        }
    }
    v.truncate(kept);
}

/// The claim of a sentence that a following sentence may continue (its
/// index in `found`): the innermost report, a claim nested in another's
/// content ("Ein Sprecher sagte, X habe betont, …"), else the widest one.
fn going_on(found: &[Found]) -> Option<usize> {
    let eligible =
        |k: &usize| found[*k].speaker.kind == ActorKind::Person || found[*k].confidence >= 0.5;
    let nested = (0..found.len()).filter(eligible).find(|&k| {
        (0..found.len()).filter(eligible).any(|o| {
            o != k
                && found[o]
                    .content
                    .iter()
                    .any(|&(a, b)| found[k].cue.iter().all(|&(x, y)| a <= x && y <= b))
        })
    });
    nested.or_else(|| {
        (0..found.len())
            .filter(eligible)
            .max_by_key(|&k| found[k].content.iter().map(|&(a, b)| b - a).sum::<usize>())
    })
}

/// One record per speaker and content among `found[start..]`: keep the most
/// confident (in place: the kept ones move forward, the rest are cut off).
fn dedup(found: &mut Vec<Found>, start: usize) {
    if found.len() <= start + 1 {
        return;
    }
    found[start..].sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let mut kept = start;
    for i in start..found.len() {
        let f = &found[i];
        let dup = found[start..kept].iter().any(|k| {
            k.speaker.name == f.speaker.name
                && k.content
                    .first()
                    .zip(f.content.first())
                    .is_some_and(|(x, y)| x.0 < y.1 && y.0 < x.1)
        });
        if !dup {
            found.swap(kept, i);
            kept += 1;
        }
    }
    found.truncate(kept);
    found[start..].sort_by_key(|f| f.cue.first().map(|c| c.0));
}

#[cfg(test)]
mod tests {
    use super::words::*;
    use super::*;

    /// The sets built from the long word lists.
    fn sets() -> Vec<&'static LowerSet> {
        vec![
            &SUBORDINATORS,
            &LEADING_ADVERBS,
            &ADVERBS,
            &AUXILIARIES,
            &APPOSITION_PREPOSITIONS,
            &OBLIQUE_DETERMINERS,
            &KONJUNKTIV_2,
            &SEPARABLE_PARTICLES,
            &PREPOSITIONS_BEFORE_VERB,
            &speaker::PP_PREPOSITIONS,
            &speaker::HEAD_ATTRIBUTE_STARTS,
            &content::NOT_VERBS_AFTER_NOUN,
            &nominal::PREPOSITIONS,
        ]
    }

    /// The definition a set lookup replaces: a scan of the list.
    fn in_list(set: &LowerSet, lower: &str) -> bool {
        set.words().contains(&lower)
    }

    #[test]
    fn sets_hold_exactly_their_lists() {
        for set in sets() {
            for w in set.words() {
                for variant in [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{w}s"),
                    w.chars().skip(1).collect(),
                ] {
                    let lower = variant.to_lowercase();
                    assert_eq!(set.has_lower(&lower), in_list(set, &lower), "{variant}");
                }
            }
        }
    }

    #[test]
    fn konjunktiv_forms_pass_the_ending_filter() {
        for w in KONJUNKTIV {
            assert!(may_be_konjunktiv(w), "{w}");
        }
        assert!(may_be_konjunktiv("plane"));
        assert!(!may_be_konjunktiv("plant"));
        assert!(!may_be_konjunktiv(""));
    }

    proptest::proptest! {
        #[test]
        fn set_lookup_agrees_with_list_scan(w in "[a-zäöüßA-Z]{0,12}") {
            let lower = w.to_lowercase();
            for set in sets() {
                proptest::prop_assert_eq!(set.has_lower(&lower), in_list(set, &lower));
            }
        }
    }
}

//! claimgraph-extract: claims from German news text.
//!
//! [`Extractor::extract`] turns one [`Document`] into [`Claim`] records: it
//! finds cues of saying (a lexicon of verbs and phrases, [`Lexicon`]), the
//! clause around each cue, the speaker (subject in either order, resolved
//! through names, roles, pronouns and lexicon aliases to the actor's fullest
//! name), the addressee, the content (quotation, dass-clause, Konjunktiv
//! clause, infinitive clause or object), continuations in Konjunktiv in later
//! sentences, and the date said. Extraction is per document and needs no
//! shared state; `Extractor` is `Send + Sync` so callers can run documents in
//! parallel.

mod doc;
mod lexicon;
mod roles;
mod rules;

pub use lexicon::{ActorEntry, CueEntry, Lexicon, LexiconError};

use claimgraph_model::{Claim, DateValue, Document, Span};
use claimgraph_text::token::is_quote_char;
use doc::{Prepared, Tokens};
use rules::{Found, Rules};
use std::borrow::Cow;

/// Finds claims in documents with a lexicon.
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Lexicon,
}

impl Extractor {
    pub fn new(lexicon: Lexicon) -> Self {
        Self { lexicon }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The claims of one document, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        let tokens = Tokens::new(&doc.text);
        let prepared = Prepared::new(&doc.text, &tokens, &self.lexicon);
        let found = Rules::new(&prepared, &self.lexicon).run();
        if found.is_empty() {
            return Vec::new();
        }
        let mut roles = SpeakerRoles::new(&prepared, &self.lexicon, &found);
        found
            .into_iter()
            .filter_map(|f| to_claim(&prepared, doc, f, &mut roles))
            .collect()
    }
}

/// The roles of the entities that speak in a document's claims, handed to
/// those claims: the last claim of a speaker takes them, the others copy them.
struct SpeakerRoles {
    roles: Vec<Vec<String>>,
    /// Claims of each entity not yet given its roles.
    claims_left: Vec<u32>,
}

impl SpeakerRoles {
    fn new(p: &Prepared, lex: &Lexicon, found: &[Found]) -> Self {
        let mut claims_left = vec![0u32; p.entities.len()];
        for e in found.iter().filter_map(|f| f.speaker.entity) {
            if let Some(n) = claims_left.get_mut(e) {
                *n += 1;
            }
        }
        // roles are written for speakers only: the other entities need none
        let speakers: Vec<bool> = claims_left.iter().map(|&n| n > 0).collect();
        let roles = roles::entity_roles(p, lex, &speakers);
        Self { roles, claims_left }
    }

    /// The roles of entity `e` for one of its claims.
    fn for_claim(&mut self, e: Option<usize>) -> Vec<String> {
        let Some(e) = e else {
            return Vec::new();
        };
        let (Some(left), Some(roles)) = (self.claims_left.get_mut(e), self.roles.get_mut(e)) else {
            return Vec::new();
        };
        *left = left.saturating_sub(1);
        if *left == 0 {
            std::mem::take(roles)
        } else {
            roles.clone()
        }
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new(Lexicon::german())
    }
}

/// The text of a span with every quotation mark removed and spaces tidied.
pub fn strip_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_stripped(&mut out, s);
    out
}

/// `strip_quotes(s)`, borrowing `s` when it is its own result (no quotation
/// mark, no whitespace but single spaces between words): most speaker names.
pub(crate) fn strip_quotes_cow(s: &str) -> Cow<'_, str> {
    if is_stripped(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(strip_quotes(s))
    }
}

/// Whether `strip_quotes(s) == s`: no char `push_stripped` removes, and
/// whitespace only as single spaces between kept chars.
fn is_stripped(s: &str) -> bool {
    // most texts have no byte that could change: decided without a branch a byte
    plainly_stripped(s) || is_stripped_by_chars(s)
}

/// Whether `s` is its own `strip_quotes` by the byte test (`no_byte_may_change`)
/// and its ends: true only when it is, false for some that are.
fn plainly_stripped(s: &str) -> bool {
    let bytes = s.as_bytes();
    let plain_ends = bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ');
    plain_ends && no_byte_may_change(bytes)
}

/// Whether no byte of `bytes` is one `strip_quotes` might change: a control
/// byte (ASCII whitespace but the space among them), `"`, the lead byte of a
/// non-ASCII quotation mark or whitespace char (0xC2: « » U+0085 U+00A0;
/// 0xE1: U+1680; 0xE2: U+2000–U+205F; 0xE3: U+3000), or a space after a
/// space. A test of more bytes than need it, written without a branch a byte
/// so that the compiler vectorises it.
fn no_byte_may_change(bytes: &[u8]) -> bool {
    let may_change = |b: u8| (b < 0x20) | (b == b'"') | (b == 0xC2) | (b.wrapping_sub(0xE1) < 3);
    // each byte with the one after it, in one pass; the last byte on its own
    let next = bytes.get(1..).unwrap_or(&[]);
    let odd = bytes.iter().zip(next).fold(false, |acc, (&a, &b)| {
        acc | may_change(a) | ((a == b' ') & (b == b' '))
    });
    !odd && !bytes.last().is_some_and(|&b| may_change(b))
}

/// `is_stripped` char by char (eight plain bytes at a time), for a text
/// that `no_byte_may_change` did not clear.
fn is_stripped_by_chars(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    let mut i = 0;
    while i < bytes.len() {
        // eight plain ASCII bytes at a time (most of a text), else one char
        let word = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok());
        if let Some(next) = word.and_then(|w| plain_chunk(u64::from_le_bytes(w), after_space)) {
            after_space = next;
            i += 8;
            continue;
        }
        match stripped_step(s, i, &mut after_space) {
            Some(next) => i = next,
            None => return false,
        }
    }
    true
}

/// One char of `is_stripped` at byte `i`: the index after it, `None` when
/// `strip_quotes` would change it.
fn stripped_step(s: &str, i: usize, after_space: &mut bool) -> Option<usize> {
    let b = *s.as_bytes().get(i)?;
    match ASCII_CLASS[usize::from(b)] {
        KEPT => *after_space = false,
        SPACE if b == b' ' && !*after_space => *after_space = true,
        NOT_ASCII => {
            let c = s.get(i..).and_then(|rest| rest.chars().next())?;
            if is_quote_char(c) || c.is_whitespace() {
                return None;
            }
            *after_space = false;
            return Some(i + c.len_utf8());
        }
        _ => return None,
    }
    Some(i + 1)
}

/// Eight bytes (little-endian in `x`) that `is_stripped` keeps as they are
/// when all are ASCII from 0x20 on, none is `"`, and no space follows a
/// space (`after_space`: the byte before was one): whether the last is a
/// space. `None` for any other chunk, which is then looked at char by char.
fn plain_chunk(x: u64, after_space: bool) -> Option<bool> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // the high bit of each byte of `y` that is zero (exact, no borrows between bytes)
    let zero_bytes = |y: u64| !(((y & LOW7) + LOW7) | y | LOW7);
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    if x & HIGH != 0 || below_space != 0 || zero_bytes(x ^ (ONES * u64::from(b'"'))) != 0 {
        return None;
    }
    let spaces = zero_bytes(x ^ (ONES * 0x20));
    let doubled = spaces & (spaces << 8) != 0 || after_space && spaces & 0x80 != 0;
    (!doubled).then_some(spaces >> 63 != 0)
}

/// Appends `strip_quotes(s)` to `out` (without a string of its own): the
/// runs of kept chars between quotation marks and whitespace are copied
/// whole, and whitespace between them becomes one space.
fn push_stripped(out: &mut String, s: &str) {
    // most texts have nothing to strip: one check and one copy, not a copy a
    // word (the byte test alone: a text it does not clear mostly has marks to strip)
    if plainly_stripped(s) {
        out.push_str(s);
        return;
    }
    let start = out.len();
    let bytes = s.as_bytes();
    // whitespace seen since the last char written
    let mut space = false;
    let mut run_start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (len, cut) = match ASCII_CLASS[usize::from(b)] {
            KEPT => {
                i += 1;
                continue;
            }
            // a single space between two kept chars stays inside the run
            // (what the cut would write): one copy a run of words, not one a word
            SPACE if b == b' ' && i > run_start && is_kept(bytes.get(i + 1)) => {
                i += 1;
                continue;
            }
            QUOTE => (1, Cut::Mark),
            SPACE => (1, Cut::Space),
            // U+00C0–U+00FF (the umlauts, ß): no quotation mark or whitespace among them
            _ if b == 0xC3 => {
                i += 2;
                continue;
            }
            _ => match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_quote_char(c) => (c.len_utf8(), Cut::Mark),
                Some(c) if c.is_whitespace() => (c.len_utf8(), Cut::Space),
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            },
        };
        push_run(out, s.get(run_start..i).unwrap_or(""), &mut space);
        if cut == Cut::Space {
            space = out.len() > start;
        }
        i += len;
        run_start = i;
    }
    push_run(out, s.get(run_start..).unwrap_or(""), &mut space);
}

/// Whether `b` starts a char `push_stripped` keeps as it is: a kept ASCII
/// char or one of U+00C0–U+00FF.
fn is_kept(b: Option<&u8>) -> bool {
    b.is_some_and(|&b| ASCII_CLASS[usize::from(b)] == KEPT || b == 0xC3)
}

/// What ends a run of kept chars in `push_stripped`.
#[derive(PartialEq)]
enum Cut {
    /// A quotation mark: removed, the word goes on after it.
    Mark,
    /// Whitespace: one space before the next word.
    Space,
}

/// Appends a run of kept chars, after a space when whitespace came before it.
fn push_run(out: &mut String, run: &str, space: &mut bool) {
    if run.is_empty() {
        return;
    }
    if *space {
        out.push(' ');
        *space = false;
    }
    out.push_str(run);
}

/// `push_stripped`'s class of a byte: ASCII chars are kept, removed (`"`,
/// the one ASCII mark removed: `'` stays) or whitespace; other bytes start
/// (or continue) a char that is decoded.
const KEPT: u8 = 0;
const QUOTE: u8 = 1;
const SPACE: u8 = 2;
const NOT_ASCII: u8 = 3;
const ASCII_CLASS: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if b == b'"' as usize {
            QUOTE
        } else if is_ascii_space(b as u8) {
            SPACE
        } else {
            KEPT
        };
        b += 1;
    }
    table
};

/// `char::is_whitespace` of an ASCII byte.
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The claim of a found one (moving its strings), `None` when it has no content.
fn to_claim(p: &Prepared, doc: &Document, f: Found, roles: &mut SpeakerRoles) -> Option<Claim> {
    let mut spans = f.content;
    spans.retain(|(a, b)| b > a);
    spans.sort_unstable();
    if spans.is_empty() {
        return None;
    }
    let content = joined_content(p, &spans);
    if content.is_empty() {
        return None;
    }
    let content_spans: Vec<Span> = spans.iter().map(|&(a, b)| char_span(p, a, b)).collect();
    let cue_spans: Vec<Span> = f.cue.iter().map(|&(a, b)| char_span(p, a, b)).collect();
    let cue = joined_cue(p, &f.cue);
    let (m0, m1) = p.char_span(f.speaker.mention.0, f.speaker.mention.1);
    let first = p.sents[f.sentences.0];
    let last = p.sents[f.sentences.1.max(f.sentences.0)];
    let sentence = p.text.get(first.start..last.end).unwrap_or("").to_string();
    let (words, in_quotes) = word_counts(p, &spans);
    let date = date_said(p, doc.date, f.date_sentence, &spans);
    Some(Claim {
        doc: doc.id.clone(),
        speaker: f.speaker.name.into_owned(),
        speaker_kind: f.speaker.kind,
        speaker_wikidata: f.speaker.wikidata.map(str::to_string),
        speaker_roles: roles.for_claim(f.speaker.entity),
        cue,
        claim_type: f.claim_type,
        content,
        direct: in_quotes * 2 > words,
        addressee: f.addressee.map(Cow::into_owned),
        date,
        sentence,
        content_spans,
        cue_spans,
        speaker_mention: Some(Span::new(m0, m1).into()),
        confidence: f.confidence.clamp(0.0, 1.0),
    })
}

/// The code-point span of tokens `[a, b)`.
fn char_span(p: &Prepared, a: usize, b: usize) -> Span {
    let (x, y) = p.char_span(a, b);
    Span::new(x, y)
}

/// The text of the content spans without quotation marks, the non-empty ones
/// joined by " ... ".
fn joined_content(p: &Prepared, spans: &[(usize, usize)]) -> String {
    join_stripped(spans.iter().map(|&(a, b)| p.slice(a, b)))
}

/// `strip_quotes` of each text, the non-empty ones joined by " ... ", built
/// in one string instead of one a text and a join (the texts are walked
/// twice, to size the string first, instead of collected).
fn join_stripped<'s>(texts: impl Iterator<Item = &'s str> + Clone) -> String {
    let bytes: usize = texts.clone().map(|t| t.len() + 5).sum();
    let mut out = String::with_capacity(bytes);
    for text in texts {
        let before = out.len();
        if before > 0 {
            out.push_str(" ... ");
        }
        let start = out.len();
        push_stripped(&mut out, text);
        if out.len() == start {
            // an empty span adds no separator either
            out.truncate(before);
        }
    }
    out
}

/// The text of the cue spans joined by " ... ".
fn joined_cue(p: &Prepared, cue: &[(usize, usize)]) -> String {
    // most cues are one span: its text as it stands
    if let [(a, b)] = *cue {
        return p.slice(a, b).to_string();
    }
    // sized first: one allocation instead of a growth per span
    let bytes: usize = cue.iter().map(|&(a, b)| p.slice(a, b).len() + 5).sum();
    let mut out = String::with_capacity(bytes);
    for (k, &(a, b)) in cue.iter().enumerate() {
        if k > 0 {
            out.push_str(" ... ");
        }
        out.push_str(p.slice(a, b));
    }
    out
}

/// (words, words inside a quotation) of the spans.
fn word_counts(p: &Prepared, spans: &[(usize, usize)]) -> (usize, usize) {
    let (mut words, mut in_quotes) = (0, 0);
    // two plain loops: a flat_map over the spans costs more than the count
    for &(a, b) in spans {
        for j in a..b {
            if p.is_word(j) {
                words += 1;
                in_quotes += usize::from(p.quotes.inside(j));
            }
        }
    }
    (words, in_quotes)
}

/// The date said: a time expression of the cue's sentence outside the
/// content, resolved against the article date; else the article date.
fn date_said(
    p: &Prepared,
    article: Option<DateValue>,
    date_sentence: usize,
    content: &[(usize, usize)],
) -> Option<DateValue> {
    let article = article?;
    // several claims of a sentence share its time expressions
    p.sentence_times(date_sentence)
        .iter()
        .filter(|t| {
            !p.quotes.inside(t.tok_start)
                && !content
                    .iter()
                    .any(|&(a, b)| t.tok_start >= a && t.tok_start < b)
        })
        .find_map(|t| t.kind.resolve(article))
        .or(Some(article))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `strip_quotes` was first written as.
    fn strip_quotes_by_steps(s: &str) -> String {
        let no_marks: String = s
            .chars()
            .filter(|&c| !is_quote_char(c) || c == '\'')
            .collect();
        no_marks.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        #[test]
        fn join_stripped_agrees(texts in proptest::collection::vec("[a „“\"\n]{0,6}", 0..5)) {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let by_steps = texts
                .iter()
                .map(|t| strip_quotes(t))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ... ");
            proptest::prop_assert_eq!(join_stripped(texts.iter().copied()), by_steps);
        }

        #[test]
        fn stripped_check_by_chunks_agrees(s in "[a-e  \"\t\n\u{1}\u{7f}äß„“]{0,40}") {
            proptest::prop_assert_eq!(is_stripped(&s), strip_quotes(&s) == s);
            proptest::prop_assert_eq!(is_stripped_by_chars(&s), strip_quotes(&s) == s);
        }

        #[test]
        fn byte_test_clears_only_stripped_texts(s in "[a-e  \"\t\n\u{1}\u{7f}äß„“»«’\u{a0}\u{85}\u{1680}\u{2000}\u{202f}\u{205f}\u{3000}–€]{0,40}") {
            if no_byte_may_change(s.as_bytes()) && !s.starts_with(' ') && !s.ends_with(' ') {
                proptest::prop_assert_eq!(strip_quotes(&s), s.clone());
            }
            proptest::prop_assert_eq!(is_stripped(&s), strip_quotes(&s) == s);
        }

        #[test]
        fn borrowed_names_are_their_own_stripped_form(s in "[a-cäß. „“”\"'’»«‚‘\n\t\u{a0}\u{2003}]{0,40}") {
            proptest::prop_assert_eq!(strip_quotes_cow(&s).into_owned(), strip_quotes(&s));
        }

        #[test]
        fn strip_quotes_in_one_pass_agrees(s in "[a-cäß. „“”\"'’»«‚‘\n\t\u{a0}\u{2003}]{0,40}") {
            proptest::prop_assert_eq!(strip_quotes(&s), strip_quotes_by_steps(&s));
        }
    }
}

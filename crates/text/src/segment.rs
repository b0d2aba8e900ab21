//! Sentences, lines and boilerplate over a token stream, and the table that
//! turns byte offsets into code-point offsets.
//!
//! A sentence ends at `.`, `!` or `?` (plus closing quotation marks) before a
//! word that can start a sentence, and at every line break. It does not end
//! inside a top-level quotation, so `„A. B.“, sagte sie.` stays one unit.
//! Abbreviations (`z. B.`, `Dr.`), ordinals (`21. Januar`) and initials do not
//! end a sentence.

use crate::quote::QuoteMap;
use crate::token::{is_alphabetic, is_capitalized, next_non_ascii, Token, TokenKind};
use memchr::memmem::Finder;
use memchr::{memchr3_iter, memchr_iter};
use std::sync::LazyLock;

/// Byte offset → code point offset, built once per document: the offsets of
/// the UTF-8 continuation bytes (`10xxxxxx`), in order, and where those of
/// every 64-byte block begin. German news is nearly all ASCII (about one
/// continuation byte in 43), so a query counts the few offsets of its block
/// below it; every byte before an offset that is no continuation byte starts
/// a char.
#[derive(Debug, Clone)]
pub struct CharIndex {
    continuations: Vec<usize>,
    /// `first_in_block[k]`: the continuation bytes before byte `k * BLOCK`.
    first_in_block: Vec<usize>,
    len: usize,
}

const BLOCK: usize = 64;

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // about one byte in 43 (room for one in 32 saves most reallocations)
        let mut continuations = Vec::with_capacity(bytes.len() / 32);
        let mut first_in_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        for (k, block) in bytes.chunks(BLOCK).enumerate() {
            first_in_block.push(continuations.len());
            push_continuations(block, k * BLOCK, &mut continuations);
        }
        Self {
            continuations,
            first_in_block,
            len: bytes.len(),
        }
    }

    /// Code points before byte offset `byte` (clamped to the text); inside a
    /// char, the code points before that char. Inlined: callers ask for
    /// both ends of a span, and share the loads.
    #[inline]
    pub fn chars(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let first = self.first_in_block.get(byte / BLOCK).copied();
        let from = first.unwrap_or(self.continuations.len());
        let (mut before, mut inside_char) = (from, false);
        // the continuation bytes from the block's first on, up to `byte`
        for &c in self.continuations.get(from..).unwrap_or(&[]) {
            if c >= byte {
                inside_char = c == byte;
                break;
            }
            before += 1;
        }
        byte - before - usize::from(inside_char)
    }
}

/// Builds a `CharIndex` from the multi-byte chars of a text, noted in order
/// by a walk that visits them anyway (`token::lowercase_same_length_indexed`).
pub(crate) struct CharIndexBuilder {
    continuations: Vec<usize>,
    first_in_block: Vec<usize>,
}

impl CharIndexBuilder {
    pub(crate) fn new(len: usize) -> Self {
        CharIndexBuilder {
            continuations: Vec::with_capacity(len / 32),
            first_in_block: Vec::with_capacity(len / BLOCK + 1),
        }
    }

    /// Notes the char of `len` bytes at byte `at`, after every char before it.
    #[inline]
    pub(crate) fn note_char(&mut self, at: usize, len: usize) {
        for continuation in at + 1..at + len {
            // the blocks that start up to here have all their continuations before them noted
            while self.first_in_block.len() * BLOCK <= continuation {
                self.first_in_block.push(self.continuations.len());
            }
            self.continuations.push(continuation);
        }
    }

    /// The index of a text of `len` bytes whose multi-byte chars were all noted.
    pub(crate) fn finish(mut self, len: usize) -> CharIndex {
        while self.first_in_block.len() * BLOCK < len {
            self.first_in_block.push(self.continuations.len());
        }
        CharIndex {
            continuations: self.continuations,
            first_in_block: self.first_in_block,
            len,
        }
    }
}

/// Appends the offsets of the continuation bytes of `bytes` (which starts at
/// offset `at`) to `out`. Most runs of 32 bytes are ASCII, told by one
/// vectorised test; the others eight bytes at a time, where a byte's high
/// bit stays when the bit below it is clear.
fn push_continuations(bytes: &[u8], mut at: usize, out: &mut Vec<usize>) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let runs = bytes.chunks_exact(32);
    let rest = runs.remainder();
    for run in runs {
        if run.iter().fold(0, |acc, &b| acc | b).is_ascii() {
            at += 32;
            continue;
        }
        for word in run.chunks_exact(8).filter_map(|w| w.first_chunk::<8>()) {
            let x = u64::from_le_bytes(*word);
            let mut continuation = x & !(x << 1) & HIGH;
            while continuation != 0 {
                out.push(at + continuation.trailing_zeros() as usize / 8);
                continuation &= continuation - 1;
            }
            at += 8;
        }
    }
    for (i, &b) in rest.iter().enumerate() {
        if !is_char_start(b) {
            out.push(at + i);
        }
    }
}

fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// A sentence: a range of tokens and the bytes they cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub tok_start: usize,
    pub tok_end: usize,
    pub start: usize,
    pub end: usize,
    /// Paragraph number (paragraphs are separated by blank lines or, for
    /// one-line paragraphs, by line breaks).
    pub paragraph: usize,
    /// The sentence is a whole line without final punctuation (headline).
    pub headline: bool,
    /// The line it stands on is a caption, credit, share button, ad, ….
    pub boilerplate: bool,
}

impl Sentence {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

const ABBREVIATIONS: &[&str] = &[
    "z", "B", "Dr", "Prof", "bzw", "ca", "etc", "usw", "Nr", "St", "u", "a", "v", "Mio", "Mrd",
    "Jan", "Feb", "Febr", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
    "Str", "vgl", "evtl", "ggf", "inkl", "bspw", "Abs", "Art", "Hr", "Fr", "Mr", "Mrs", "sog", "d",
    "h", "o", "Co", "Jh", "Chr", "geb", "gest", "Tel", "engl", "franz", "lat", "zit",
];

/// The longest abbreviation in bytes: a longer word (most words before a
/// full stop) is none, found without scanning the list.
const ABBREVIATION_MAX_LEN: usize = max_len(ABBREVIATIONS);

const fn max_len(words: &[&str]) -> usize {
    let mut max = 0;
    let mut k = 0;
    while k < words.len() {
        if words[k].len() > max {
            max = words[k].len();
        }
        k += 1;
    }
    max
}

fn is_abbreviation(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    if word.len() > ABBREVIATION_MAX_LEN {
        return false;
    }
    let mut candidates = ABBREVIATION_FIRST[usize::from(first)];
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if ABBREVIATIONS.get(k) == Some(&word) {
            return true;
        }
    }
    false
}

/// For each byte, the abbreviations that start with it (bit k: entry k).
const ABBREVIATION_FIRST: [u64; 256] = first_bytes(ABBREVIATIONS);

/// For each byte, the words of `words` (at most 64) that start with it (bit k: word k).
const fn first_bytes(words: &[&str]) -> [u64; 256] {
    let mut table = [0u64; 256];
    let mut k = 0;
    while k < words.len() && k < 64 {
        let b = words[k].as_bytes();
        if !b.is_empty() {
            table[b[0] as usize] |= 1 << k;
        }
        k += 1;
    }
    table
}

const MONTHS: &[&str] = &[
    "Januar",
    "Jänner",
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
];

/// Whether a `.` after `prev` is an abbreviation or ordinal dot, given the token after it.
fn dot_is_not_final(text: &str, tokens: &[Token], dot: usize) -> bool {
    let Some(prev) = dot.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if prev.end != tokens[dot].start {
        return false;
    }
    let p = prev.text(text);
    let next = tokens.get(dot + 1).map_or("", |t| t.text(text));
    if prev.kind == TokenKind::Number {
        // "21. Januar", "3. Liga": a short number followed by a month or lower case
        return p.len() <= 2
            && (MONTHS.contains(&next) || !is_capitalized(next) || next.chars().nth(2).is_none());
    }
    if is_abbreviation(p) {
        return true;
    }
    // an initial: "Antony J. Blinken"
    let mut chars = p.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether the tokens of a line are boilerplate: a caption or credit,
/// sharing or navigation text, an ad, a copyright line.
///
/// The definition: a line is boilerplate when it is empty, when it contains
/// one of `ANYWHERE` and has fewer than 400 chars, when it starts with one of
/// `START` and has fewer than 200 chars, when it starts with `http` or
/// `www.`, or when fewer than half of its chars are letters.
pub fn is_boilerplate_line(line: &str) -> bool {
    let l = line.trim();
    is_boilerplate_trimmed(l, || !pattern_matches(l.as_bytes()).is_empty())
}

/// `is_boilerplate_line` of a trimmed line, `has_pattern` telling whether it
/// contains one of `ANYWHERE`. The cheap tests come first, and chars are
/// counted only when the byte length leaves the answer open.
fn is_boilerplate_trimmed(l: &str, has_pattern: impl FnOnce() -> bool) -> bool {
    if l.is_empty() {
        return true;
    }
    if starts_like_boilerplate(l) && fewer_chars_than(l, 200) {
        return true;
    }
    if l.starts_with("http") || l.starts_with("www.") {
        return true;
    }
    if mostly_non_letters(l) {
        return true;
    }
    has_pattern() && fewer_chars_than(l, 400)
}

/// Whether `l` starts with one of `START` (only those with its first byte
/// are compared).
fn starts_like_boilerplate(l: &str) -> bool {
    let Some(&first) = l.as_bytes().first() else {
        return false;
    };
    let mut candidates = START_FIRST[usize::from(first)];
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if START.get(k).is_some_and(|p| l.starts_with(p)) {
            return true;
        }
    }
    false
}

/// For each byte, the `START` patterns that start with it (bit k: pattern k).
const START_FIRST: [u64; 256] = first_bytes(START);

/// Whether `s` has fewer than `n` chars; its byte length mostly answers
/// (a char has one to four bytes).
fn fewer_chars_than(s: &str, n: usize) -> bool {
    s.len() < n || (s.len() < 4 * n && count_chars_and_letters(s).0 < n)
}

/// Whether fewer than half of the chars of `s` are letters. The ASCII
/// letters alone mostly answer: when they are half of the bytes, they are
/// at least half of the chars (no char has fewer than one byte).
fn mostly_non_letters(s: &str) -> bool {
    // counted 64 bytes at a time, up to half the bytes (prose gets there early)
    let mut ascii_letters = 0;
    for chunk in s.as_bytes().chunks(64) {
        ascii_letters += usize::from(count_ascii_letters(chunk));
        if ascii_letters * 2 >= s.len() {
            return false;
        }
    }
    let (chars, letters) = count_chars_and_letters(s);
    letters * 2 < chars
}

/// The ASCII letters of at most 255 bytes, in a byte counter (it vectorises).
fn count_ascii_letters(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0u8, |n, &b| {
        n.wrapping_add(u8::from((b | 0x20).wrapping_sub(b'a') < 26))
    })
}

/// (code points, alphabetic code points) of `s`, ASCII bytes without decoding.
fn count_chars_and_letters(s: &str) -> (usize, usize) {
    let bytes = s.as_bytes();
    // chars are the bytes that start one; ASCII letters are counted by byte
    let (mut chars, mut letters) = (0, 0);
    // byte counters over chunks of at most 255 bytes vectorise well
    for chunk in bytes.chunks(255) {
        let (c, l) = chunk.iter().fold((0u8, 0u8), |(c, l), &b| {
            let letter = (b | 0x20).wrapping_sub(b'a') < 26;
            (
                c.wrapping_add(u8::from(is_char_start(b))),
                l.wrapping_add(u8::from(letter)),
            )
        });
        chars += usize::from(c);
        letters += usize::from(l);
    }
    // other letters: decode the multi-byte chars only, found eight bytes at a time
    let mut i = 0;
    while let Some(at) = next_non_ascii(bytes, i) {
        let Some(c) = s.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        letters += usize::from(is_alphabetic(c));
        i = at + c.len_utf8();
    }
    (chars, letters)
}

const ANYWHERE: &[&str] = &[
    "Foto:",
    "Fotos:",
    "Bild:",
    "Bildquelle",
    "Quelle:",
    "©",
    "(c)",
    "Copyright",
    "Alle Rechte vorbehalten",
    "Grafik:",
    "Video:",
    "Audio:",
    "Credit:",
    "Fotograf:",
    "Getty Images",
    "picture alliance",
    "picture-alliance",
    "imago images",
    "IMAGO",
];

const START: &[&str] = &[
    "Teilen",
    "Anzeige",
    "ANZEIGE",
    "Werbung",
    "Mehr zum Thema",
    "Lesen Sie auch",
    "Lesen Sie mehr",
    "Weiterlesen",
    "Zum Artikel",
    "Newsletter",
    "Jetzt abonnieren",
    "Abonnieren",
    "Auch interessant",
    "Das könnte Sie",
    "Empfohlener redaktioneller",
    "Mehr erfahren",
    "Hier klicken",
    "Zur Startseite",
    "Drucken",
    "Kommentare",
    "Artikel teilen",
    "Facebook",
    "Twitter",
    "WhatsApp",
    "E-Mail",
    "Link kopieren",
    "Startseite",
    "Home",
    "Video",
    "Audio",
    "Bildergalerie",
    "Mehr dazu",
    "Weitere Informationen",
    "Ihre Meinung",
    "Quelle",
    "Stand:",
];

/// Bytes rare in news text (`:` of `Foto:`, the second byte of `©`, `(`,
/// `q`, `y`, `R`, `O`) and rare byte pairs (`ct` of `picture`, `go` of
/// `imago`): every `ANYWHERE` pattern contains one of them (its anchor, a
/// test checks), so the patterns are compared only where these are, which
/// `memchr` finds many bytes at a time.
const ANCHOR_BYTES: [u8; 7] = [b':', 0xA9, b'(', b'q', b'y', b'R', b'O'];
const ANCHOR_PAIRS: [&str; 2] = ["ct", "go"];

/// Per pattern of `ANYWHERE`, the offset of its anchor (`usize::MAX`: none).
const ANCHOR_OFFSETS: [usize; ANYWHERE.len()] = anchor_offsets(ANYWHERE);

/// For each byte, the `ANYWHERE` patterns whose anchor starts with it (bit k: pattern k).
const ANCHORED: [u32; 256] = anchored(ANYWHERE, &ANCHOR_OFFSETS);

/// Finders of the anchor pairs, built once.
static PAIR_FINDERS: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| ANCHOR_PAIRS.map(|pair| Finder::new(pair.as_bytes())));

const fn anchor_offsets<const N: usize>(patterns: &[&str]) -> [usize; N] {
    let mut offsets = [usize::MAX; N];
    let mut k = 0;
    while k < N && k < patterns.len() {
        let p = patterns[k].as_bytes();
        let mut i = 0;
        while i < p.len() {
            if is_anchor(p, i) {
                offsets[k] = i;
                break;
            }
            i += 1;
        }
        k += 1;
    }
    offsets
}

/// Whether byte `i` of `p` is an anchor byte or starts an anchor pair.
const fn is_anchor(p: &[u8], i: usize) -> bool {
    let mut k = 0;
    while k < ANCHOR_BYTES.len() {
        if ANCHOR_BYTES[k] == p[i] {
            return true;
        }
        k += 1;
    }
    let mut k = 0;
    while k < ANCHOR_PAIRS.len() {
        let pair = ANCHOR_PAIRS[k].as_bytes();
        if i + 1 < p.len() && pair[0] == p[i] && pair[1] == p[i + 1] {
            return true;
        }
        k += 1;
    }
    false
}

const fn anchored(patterns: &[&str], offsets: &[usize]) -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < patterns.len() && k < 32 {
        let p = patterns[k].as_bytes();
        if offsets[k] < p.len() {
            table[p[offsets[k]] as usize] |= 1 << k;
        }
        k += 1;
    }
    table
}

/// Every occurrence of an `ANYWHERE` pattern in `hay` as a byte range, sorted.
/// An occurrence has its anchor inside, and every anchor byte and pair is
/// visited, so none is missed.
fn pattern_matches(hay: &[u8]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let [a, b, c, d, e, f, g] = ANCHOR_BYTES;
    let bytes = memchr3_iter(a, b, c, hay)
        .chain(memchr3_iter(d, e, f, hay))
        .chain(memchr_iter(g, hay));
    for at in bytes {
        push_anchored(hay, at, &mut found);
    }
    for finder in PAIR_FINDERS.iter() {
        for at in finder.find_iter(hay) {
            push_anchored(hay, at, &mut found);
        }
    }
    found.sort_unstable();
    found
}

/// Pushes the occurrences of the `ANYWHERE` patterns whose anchor is at byte
/// `at` of `hay`.
fn push_anchored(hay: &[u8], at: usize, found: &mut Vec<(usize, usize)>) {
    let Some(&b) = hay.get(at) else {
        return;
    };
    let mut candidates = ANCHORED[usize::from(b)];
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let (Some(p), Some(&offset)) = (ANYWHERE.get(k), ANCHOR_OFFSETS.get(k)) else {
            continue;
        };
        let Some(start) = at.checked_sub(offset) else {
            continue;
        };
        // the first bytes differ at most anchors: compared before the whole pattern
        let rest = hay.get(start..).unwrap_or(&[]);
        if rest.first() == p.as_bytes().first() && rest.starts_with(p.as_bytes()) {
            found.push((start, start + p.len()));
        }
    }
}

/// The boilerplate test of a document's lines, asked in order: the pattern
/// occurrences are found once for the whole text.
struct LineTest<'a> {
    text: &'a str,
    matches: Vec<(usize, usize)>,
    /// The first of `matches` that may lie in a line not yet asked about.
    next: usize,
}

impl<'a> LineTest<'a> {
    fn new(text: &'a str) -> Self {
        LineTest {
            text,
            matches: pattern_matches(text.as_bytes()),
            next: 0,
        }
    }

    /// `is_boilerplate_line` of the line whose tokens cover bytes
    /// `a..b` (the line without the whitespace around it); `a` grows from
    /// call to call.
    fn is_boilerplate_line_at(&mut self, a: usize, b: usize) -> bool {
        let l = self.text.get(a..b).unwrap_or("");
        while self.matches.get(self.next).is_some_and(|&(s, _)| s < a) {
            self.next += 1;
        }
        let matches = self.matches.get(self.next..).unwrap_or(&[]);
        is_boilerplate_trimmed(l, || {
            matches
                .iter()
                .take_while(|&&(s, _)| s < b)
                .any(|&(_, e)| e <= b)
        })
    }
}

/// Whether punctuation token `t` is `.`, `!`, `?` or `…`: a single char,
/// so its first byte answers for the ASCII ones.
#[inline]
fn is_final_punct(bytes: &[u8], t: &Token) -> bool {
    match bytes.get(t.start) {
        Some(b'.' | b'!' | b'?') => true,
        Some(0xE2) => bytes.get(t.start..t.end) == Some("…".as_bytes()),
        _ => false,
    }
}

/// Token `i` closes a top-level quotation that ends with a full stop, `!` or `?`,
/// and a capitalised word follows (`„… bleibt.“ Zur Sorge …`): a sentence ends.
fn closes_final_quote(text: &str, tokens: &[Token], quotes: &QuoteMap, i: usize) -> bool {
    let closes = tokens[i].is_quote()
        && quotes
            .top_level_at(i)
            .is_some_and(|q| q.close == Some(i) && q.open < i);
    closes
        && i > 0
        && tokens[i - 1].kind == TokenKind::Punct
        && is_final_punct(text.as_bytes(), &tokens[i - 1])
        && tokens.get(i + 1).is_some_and(|n| {
            n.breaks_before == 0
                && n.space_before
                && !n.is_quote()
                && n.kind != TokenKind::Punct
                && is_capitalized(n.text(text))
        })
}

/// Cuts a token stream into sentences.
pub fn sentences(text: &str, tokens: &[Token], quotes: &QuoteMap) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut lines = LineTest::new(text);
    // about one sentence in twenty tokens: room for most documents at once
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut start = 0;
    let mut paragraph = 0;
    let mut line_start = 0;
    // words and numbers inside a line (most tokens) change nothing: only
    // the marked tokens are looked at, from token `i` on
    let marks = quotes.marks_of(tokens);
    let mut marks = marks.iter().copied();
    let mut line_boiler = tokens
        .first()
        .is_some_and(|t| lines.is_boilerplate_line_at(t.start, line_end(tokens, marks.clone(), 0)));
    let mut i = 0;
    while let Some(next) = marks.find(|&m| m >= i) {
        i = next;
        let Some(t) = tokens.get(i) else {
            break;
        };
        if t.breaks_before > 0 {
            if i > start {
                push(&mut out, tokens, start, i, paragraph, line_boiler, true);
                start = i;
            }
            if i > line_start {
                line_start = i;
                let end = line_end(tokens, marks.clone(), i);
                line_boiler = lines.is_boilerplate_line_at(t.start, end);
                if t.breaks_before > 1 || line_boiler {
                    paragraph += 1;
                }
            }
        }
        match t.kind {
            TokenKind::Punct if is_final_punct(bytes, t) && !quotes.inside(i) => {
                let end = final_marks_end(bytes, tokens, i + 1);
                let starts_sentence = tokens.get(end).is_none_or(|n| {
                    n.breaks_before > 0
                        || n.is_quote()
                        || n.kind == TokenKind::Number
                        || is_capitalized(n.text(text))
                });
                let abbreviation =
                    bytes.get(t.start) == Some(&b'.') && dot_is_not_final(text, tokens, i);
                if starts_sentence && !abbreviation {
                    push(&mut out, tokens, start, end, paragraph, line_boiler, false);
                    start = end;
                    i = end;
                    continue;
                }
            }
            TokenKind::Quote(_) if closes_final_quote(text, tokens, quotes, i) => {
                push(
                    &mut out,
                    tokens,
                    start,
                    i + 1,
                    paragraph,
                    line_boiler,
                    false,
                );
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < tokens.len() {
        push(
            &mut out,
            tokens,
            start,
            tokens.len(),
            paragraph,
            line_boiler,
            true,
        );
    }
    out
}

/// The end of the last token of the line of token `i`, that is the end of
/// the line without its trailing whitespace (every other char is in a
/// token); `later_marks` are the marked tokens after `i` (every token that
/// starts a line is marked).
fn line_end(tokens: &[Token], mut later_marks: impl Iterator<Item = usize>, i: usize) -> usize {
    let next_line = later_marks
        .find(|&m| m > i && tokens.get(m).is_some_and(|t| t.breaks_before > 0))
        .unwrap_or(tokens.len());
    next_line
        .checked_sub(1)
        .and_then(|last| tokens.get(last))
        .map_or(0, |t| t.end)
}

/// The end of the final marks and attached closing quotation marks that
/// follow a sentence-final mark, from token `end` on (same line).
fn final_marks_end(bytes: &[u8], tokens: &[Token], mut end: usize) -> usize {
    while let Some(t) = tokens.get(end) {
        let more = t.breaks_before == 0
            && (t.kind == TokenKind::Punct && is_final_punct(bytes, t)
                || t.is_quote() && !t.space_before);
        if !more {
            break;
        }
        end += 1;
    }
    end
}

fn push(
    out: &mut Vec<Sentence>,
    tokens: &[Token],
    a: usize,
    b: usize,
    paragraph: usize,
    boilerplate: bool,
    line_end: bool,
) {
    if a >= b {
        return;
    }
    let last = &tokens[b - 1];
    // a line that ends without a full stop and was not cut inside the line is a headline
    let headline = line_end && last.kind != TokenKind::Punct && !last.is_quote();
    out.push(Sentence {
        tok_start: a,
        tok_end: b,
        start: tokens[a].start,
        end: last.end,
        paragraph,
        headline,
        boilerplate,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::find_quotations;
    use crate::token::tokenize;
    use proptest::strategy::Strategy;

    fn split(s: &str) -> Vec<String> {
        let t = tokenize(s);
        let q = find_quotations(&t);
        sentences(s, &t, &q)
            .iter()
            .map(|x| x.text(s).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_ordinals_do_not_split() {
        assert_eq!(
            split("Am 3. März kam z. B. Dr. Meier an. Er blieb."),
            vec!["Am 3. März kam z. B. Dr. Meier an.", "Er blieb."]
        );
    }

    #[test]
    fn quotes_keep_their_sentences_together() {
        assert_eq!(
            split("„Wir gehen. Jetzt.“, sagte sie. Dann ging sie."),
            vec!["„Wir gehen. Jetzt.“, sagte sie.", "Dann ging sie."]
        );
    }

    #[test]
    fn lines_are_sentences_and_headlines() {
        let s = "Ministerin warnt vor Kürzungen\n\nSie sprach lange.";
        let t = tokenize(s);
        let q = find_quotations(&t);
        let v = sentences(s, &t, &q);
        assert_eq!(v.len(), 2);
        assert!(v[0].headline);
        assert!(!v[1].headline);
        assert_eq!(v[1].paragraph, 1);
    }

    #[test]
    fn a_map_of_other_tokens_finds_the_marks_again() {
        let s = "Er kam. Dann ging er.\nNeue Zeile hier";
        let t = tokenize(s);
        let by_default = sentences(s, &t, &QuoteMap::default());
        assert_eq!(by_default, sentences(s, &t, &find_quotations(&t)));
        assert_eq!(by_default.len(), 3);
    }

    #[test]
    fn captions_and_credits_are_boilerplate() {
        assert!(is_boilerplate_line(
            "Die Ministerin in Brüssel Foto: dpa/Max Muster"
        ));
        assert!(is_boilerplate_line("Quelle: dpa"));
        assert!(is_boilerplate_line("© 2024 Beispielverlag"));
        assert!(is_boilerplate_line("Artikel teilen"));
        assert!(is_boilerplate_line("*** --- *** 12:30"));
        assert!(!is_boilerplate_line(
            "Die Ministerin sagte, sie komme morgen."
        ));
    }

    /// `sentences` as first written: every line's boilerplate found over its
    /// tokens with `is_boilerplate_line_by_definition`, marks compared as strings.
    fn sentences_by_definition(text: &str, tokens: &[Token], quotes: &QuoteMap) -> Vec<Sentence> {
        let is_final = |t: &str| matches!(t, "." | "!" | "?" | "…");
        let line_flag = |from: usize| {
            if from >= tokens.len() {
                return false;
            }
            let end = tokens[from + 1..]
                .iter()
                .position(|t| t.breaks_before > 0)
                .map_or(tokens.len(), |p| from + 1 + p);
            is_boilerplate_line_by_definition(&text[tokens[from].start..tokens[end - 1].end])
        };
        let mut out = Vec::new();
        let (mut start, mut paragraph, mut line_start) = (0, 0, 0);
        let mut line_boiler = line_flag(0);
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if i > start && t.breaks_before > 0 {
                push(&mut out, tokens, start, i, paragraph, line_boiler, true);
                start = i;
            }
            if t.breaks_before > 0 && i > line_start {
                line_start = i;
                line_boiler = line_flag(i);
                if t.breaks_before > 1 || line_boiler {
                    paragraph += 1;
                }
            }
            if t.kind == TokenKind::Punct && is_final(t.text(text)) && !quotes.inside(i) {
                let mut end = i + 1;
                while end < tokens.len()
                    && tokens[end].breaks_before == 0
                    && (tokens[end].kind == TokenKind::Punct && is_final(tokens[end].text(text))
                        || tokens[end].is_quote() && !tokens[end].space_before)
                {
                    end += 1;
                }
                let starts_sentence = tokens.get(end).is_none_or(|n| {
                    n.breaks_before > 0
                        || n.is_quote()
                        || n.kind == TokenKind::Number
                        || is_capitalized(n.text(text))
                });
                let abbreviation = t.text(text) == "." && dot_is_not_final(text, tokens, i);
                if starts_sentence && !abbreviation {
                    push(&mut out, tokens, start, end, paragraph, line_boiler, false);
                    start = end;
                    i = end;
                    continue;
                }
            }
            let closes = t.is_quote()
                && quotes
                    .top_level_at(i)
                    .is_some_and(|q| q.close == Some(i) && q.open < i)
                && i > 0
                && tokens[i - 1].kind == TokenKind::Punct
                && is_final(tokens[i - 1].text(text))
                && tokens.get(i + 1).is_some_and(|n| {
                    n.breaks_before == 0
                        && n.space_before
                        && !n.is_quote()
                        && n.kind != TokenKind::Punct
                        && is_capitalized(n.text(text))
                });
            if closes {
                push(
                    &mut out,
                    tokens,
                    start,
                    i + 1,
                    paragraph,
                    line_boiler,
                    false,
                );
                start = i + 1;
            }
            i += 1;
        }
        if start < tokens.len() {
            push(
                &mut out,
                tokens,
                start,
                tokens.len(),
                paragraph,
                line_boiler,
                true,
            );
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn sentences_agree_with_definition(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-zA-Z0-9äÖ„“\"»«.,:!?…() \n\t-]{0,12}",
                    proptest::sample::select(vec![
                        " Dr. ", " z. B. ", " 3. Januar ", ". Er ", ".“ Sie ", "!“, sagte ", "\n\n", " \u{a0}\n ",
                        "Foto: dpa", "Teilen", "http://x", "©", "*** 12", "IMAGO", "Getty Images",
                    ]).prop_map(String::from),
                ],
                0..30,
            )
        ) {
            let text = parts.concat();
            let t = tokenize(&text);
            let q = find_quotations(&t);
            proptest::prop_assert_eq!(sentences(&text, &t, &q), sentences_by_definition(&text, &t, &q));
        }
    }

    /// The table `CharIndex` replaced: one entry per byte.
    fn chars_before_naive(s: &str, byte: usize) -> usize {
        let byte = byte.min(s.len());
        s.char_indices()
            .take_while(|&(i, c)| i + c.len_utf8() <= byte)
            .count()
    }

    proptest::proptest! {
        #[test]
        fn char_index_agrees_with_counting(s in "[a-zä€„𝄞 \\n]{0,200}") {
            let ci = CharIndex::new(&s);
            for b in 0..=s.len() + 2 {
                proptest::prop_assert_eq!(ci.chars(b), chars_before_naive(&s, b), "byte {}", b);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn chars_and_letters_are_counted(s in "\\PC{0,60}") {
            let expected = (s.chars().count(), s.chars().filter(|c| c.is_alphabetic()).count());
            proptest::prop_assert_eq!(count_chars_and_letters(&s), expected);
        }
    }

    #[test]
    fn abbreviations_pass_the_length_guard() {
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(a), "{a}");
        }
        assert!(!is_abbreviation("Außenminister"));
        assert!(!is_abbreviation("Haus"));
    }

    #[test]
    fn boilerplate_patterns_are_found_anywhere() {
        assert!(ANYWHERE.len() <= 32 && START.len() <= 64 && ABBREVIATIONS.len() <= 64);
        for (p, &offset) in ANYWHERE.iter().zip(&ANCHOR_OFFSETS) {
            assert!(offset < p.len(), "{p} has no anchor");
            for pad in 0..4 {
                let line = format!("{}{p} am Ende", "x".repeat(pad));
                assert_eq!(pattern_matches(line.as_bytes()), vec![(pad, pad + p.len())]);
            }
        }
        assert!(pattern_matches(b"Ein ganz normaler Satz.").is_empty());
    }

    /// Every occurrence of every `ANYWHERE` pattern, found by comparing at every byte.
    fn pattern_matches_by_definition(hay: &[u8]) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> = (0..hay.len())
            .flat_map(|i| {
                ANYWHERE
                    .iter()
                    .filter(move |p| hay[i..].starts_with(p.as_bytes()))
                    .map(move |p| (i, i + p.len()))
            })
            .collect();
        found.sort_unstable();
        found
    }

    proptest::proptest! {
        #[test]
        fn pattern_matches_agree_with_definition(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-zA-Z©:() -]{0,8}",
                    proptest::sample::select(ANYWHERE.to_vec()).prop_map(String::from),
                ],
                0..10,
            )
        ) {
            let hay = parts.concat();
            proptest::prop_assert_eq!(pattern_matches(hay.as_bytes()), pattern_matches_by_definition(hay.as_bytes()));
        }
    }

    /// `is_boilerplate_line` as first written: every test on every line, by chars.
    pub(crate) fn is_boilerplate_line_by_definition(line: &str) -> bool {
        let l = line.trim();
        let chars = l.chars().count();
        let letters = l.chars().filter(|c| c.is_alphabetic()).count();
        l.is_empty()
            || (chars < 400 && ANYWHERE.iter().any(|p| l.contains(p)))
            || (chars < 200 && START.iter().any(|p| l.starts_with(p)))
            || l.starts_with("http")
            || l.starts_with("www.")
            || letters * 2 < chars
    }

    proptest::proptest! {
        #[test]
        fn boilerplate_agrees_with_definition(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-zA-Z0-9äöüÄß©:()., \\-]{0,12}",
                    "\\PC{0,6}",
                    proptest::sample::select(ANYWHERE.to_vec()).prop_map(String::from),
                    proptest::sample::select(START.to_vec()).prop_map(String::from),
                    proptest::sample::select(vec!["x".repeat(150), "€".repeat(70), "ä".repeat(110), "ct".into(), "go".into(), "Getty".into(), "http".into()]),
                ],
                0..12,
            )
        ) {
            let line = parts.concat();
            proptest::prop_assert_eq!(is_boilerplate_line(&line), is_boilerplate_line_by_definition(&line));
        }
    }

    #[test]
    fn char_index_counts_code_points() {
        let s = "„Ä“ b";
        let ci = CharIndex::new(s);
        assert_eq!(ci.chars(s.len()), 5);
        assert_eq!(ci.chars(s.find('b').unwrap_or(0)), 4);
    }
}

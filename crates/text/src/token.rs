//! A tokenizer for German news text that works on byte offsets into the
//! original `&str` and never copies a token.
//!
//! Tokens are words (letters, digits, inner hyphens and apostrophes),
//! numbers (`100.000`, `10.01.2022`), quotation marks and other punctuation.
//! Whitespace is skipped, but the number of line breaks before each token is
//! kept so paragraph and line structure survive.

use arrayvec::ArrayString;

use crate::segment::{CharIndex, CharIndexBuilder};

/// A quotation mark, classified by its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// „ (German low opening double quote)
    LowDouble,
    /// ‚ (German low opening single quote)
    LowSingle,
    /// “ (left double: closing in German, opening in English)
    LeftDouble,
    /// ” (right double)
    RightDouble,
    /// " (straight double)
    Straight,
    /// » (pointing right: opening in German, closing in Swiss style)
    GuillemetRight,
    /// « (pointing left)
    GuillemetLeft,
    /// ‘ (left single)
    LeftSingle,
    /// › and ‹ (single guillemets)
    SingleGuillemet,
}

impl QuoteMark {
    pub fn of(c: char) -> Option<QuoteMark> {
        Some(match c {
            '„' => QuoteMark::LowDouble,
            '‚' => QuoteMark::LowSingle,
            '“' => QuoteMark::LeftDouble,
            '”' => QuoteMark::RightDouble,
            '"' => QuoteMark::Straight,
            '»' => QuoteMark::GuillemetRight,
            '«' => QuoteMark::GuillemetLeft,
            '‘' => QuoteMark::LeftSingle,
            '›' | '‹' => QuoteMark::SingleGuillemet,
            _ => return None,
        })
    }

    /// Single quotes pair only with single quotes.
    pub fn is_single(&self) -> bool {
        matches!(
            self,
            QuoteMark::LowSingle | QuoteMark::LeftSingle | QuoteMark::SingleGuillemet
        )
    }
}

/// True for every character that can act as a quotation mark (including ’).
pub fn is_quote_char(c: char) -> bool {
    QuoteMark::of(c).is_some() || c == '’' || c == '\''
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Quote(QuoteMark),
    Punct,
}

/// One token: a byte range into the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Line breaks in the whitespace before the token (capped at 2).
    pub breaks_before: u8,
    /// Whether any whitespace precedes the token.
    pub space_before: bool,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    #[inline]
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::Quote(_))
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_latin1_letter(c) || (!is_general_punctuation(c) && c.is_alphanumeric()) || c == '\u{AD}'
    }
}

/// The General Punctuation block (U+2000–U+206F: wide spaces, dashes,
/// quotation marks `„“”‚‘’`, `…`): it has no letter or digit (a test checks
/// every char), so these chars are answered without the Unicode tables,
/// which take a slow search for them.
#[inline]
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

/// The letters of Latin-1 above ASCII that German text is full of (`ä`, `ß`,
/// `É`): À…ÿ without × and ÷. Answers `char::is_alphabetic` for them without
/// the Unicode tables; `false` says nothing about other chars.
#[inline]
fn is_latin1_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{FF}') && c != '\u{D7}' && c != '\u{F7}'
}

/// `char::is_alphabetic`, with ASCII, the Latin-1 letters and the General
/// Punctuation block answered first.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_latin1_letter(c) || (!is_general_punctuation(c) && c.is_alphabetic())
    }
}

/// The char starting at byte `i` of `text` (a char boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// `char::is_whitespace` of an ASCII byte (tab, line feed, vertical tab, form
/// feed, carriage return, space).
#[inline]
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Classes of the bytes that start a token or are skipped before one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteKind {
    /// ASCII whitespace other than the line feed.
    Space,
    LineFeed,
    /// An ASCII letter: a word starts.
    Letter,
    /// An ASCII digit: a number (or a word such as `10-Jährige`) starts.
    Digit,
    /// `"`
    Straight,
    /// Other ASCII: a punctuation token of one byte.
    Punct,
    /// The first byte of a multi-byte char.
    NonAscii,
}

/// The `ByteKind` of every byte.
const BYTE_KINDS: [ByteKind; 256] = {
    let mut table = [ByteKind::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte == b'\n' {
            ByteKind::LineFeed
        } else if is_ascii_space(byte) {
            ByteKind::Space
        } else if byte.is_ascii_alphabetic() {
            ByteKind::Letter
        } else if byte.is_ascii_digit() {
            ByteKind::Digit
        } else if byte == b'"' {
            ByteKind::Straight
        } else {
            ByteKind::Punct
        };
        b += 1;
    }
    table
};

/// Cuts `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    scan_tokens(text, |t| tokens.push(t));
    tokens
}

/// `tokenize`, and the indices of the tokens that are no word or number or
/// that start a line (`quote::marked_tokens`), noted as they are found.
pub fn tokenize_marked(text: &str) -> (Vec<Token>, Vec<usize>) {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // about one token in five is marked
    let mut marks = Vec::with_capacity(text.len() / 20);
    scan_tokens(text, |t| {
        if t.breaks_before > 0 || !t.is_word() {
            marks.push(tokens.len());
        }
        tokens.push(t);
    });
    (tokens, marks)
}

/// Cuts `text` into tokens and hands them to `found`, one after the other.
#[inline(always)]
fn scan_tokens(text: &str, mut found: impl FnMut(Token)) {
    let bytes = text.as_bytes();
    let alnum = ascii_alnum_masks(bytes);
    let mut i = 0;
    let mut breaks = 0u8;
    let mut space = false;
    while let Some(&b) = bytes.get(i) {
        // ASCII (most of the text) and the Latin-1 letters are classified by their bytes
        let (end, kind) = match BYTE_KINDS[usize::from(b)] {
            ByteKind::Space => {
                space = true;
                i += 1;
                continue;
            }
            ByteKind::LineFeed => {
                breaks = breaks.saturating_add(1).min(2);
                space = true;
                i += 1;
                continue;
            }
            ByteKind::Letter => scan_letter_word(text, &alnum, i),
            ByteKind::Digit => scan_word_classified(text, i, 0),
            ByteKind::Straight => (i + 1, TokenKind::Quote(QuoteMark::Straight)),
            ByteKind::Punct => (i + 1, TokenKind::Punct),
            ByteKind::NonAscii if is_latin1_letter_at(bytes, i) => {
                scan_letter_word(text, &alnum, i)
            }
            ByteKind::NonAscii => {
                let Some(c) = char_at(text, i) else {
                    break;
                };
                let len = c.len_utf8();
                if c.is_whitespace() {
                    space = true;
                    i += len;
                    continue;
                }
                if is_word_char(c) {
                    scan_word(text, i)
                } else if let Some(q) = QuoteMark::of(c) {
                    (i + len, TokenKind::Quote(q))
                } else {
                    (i + len, TokenKind::Punct)
                }
            }
        };
        debug_assert!(end > i && end <= text.len());
        found(Token {
            start: i,
            end,
            kind,
            breaks_before: breaks,
            space_before: space,
        });
        breaks = 0;
        i = end;
        // the one space after most tokens, without a turn of the loop
        space = bytes.get(i) == Some(&b' ');
        i += usize::from(space);
    }
}

/// Per byte: `LETTER` for an ASCII letter, `DIGIT` for an ASCII digit, 0 otherwise.
const ASCII_WORD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_digit() {
            table[b] = DIGIT;
        } else if byte.is_ascii_alphabetic() {
            table[b] = LETTER;
        }
        b += 1;
    }
    table
};

const LETTER: u8 = 1;
const DIGIT: u8 = 2;

/// Whether a Latin-1 letter (`ä`, `ß`, `É`: U+00C0–U+00FF without × and ÷)
/// starts at byte `i`: 0xC3, then 0x80–0xBF except 0x97 and 0xB7.
#[inline]
fn is_latin1_letter_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&0xC3)
        && bytes
            .get(i + 1)
            .is_some_and(|&t| (0x80..=0xBF).contains(&t) && t != 0x97 && t != 0xB7)
}

/// Whether a word char whose class the byte shows starts at byte `i`: an
/// ASCII letter or digit or a Latin-1 letter.
#[inline]
fn is_fast_word_char_at(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|&b| ASCII_WORD[usize::from(b)] != 0 || is_latin1_letter_at(bytes, i))
}

/// The run of ASCII letters and digits and Latin-1 letters from byte `end`;
/// `seen` collects `LETTER` and `DIGIT` for what it holds.
#[inline]
fn scan_run(bytes: &[u8], mut end: usize, seen: &mut u8) -> usize {
    while let Some(&b) = bytes.get(end) {
        let class = ASCII_WORD[usize::from(b)];
        if class != 0 {
            *seen |= class;
            end += 1;
        } else if is_latin1_letter_at(bytes, end) {
            *seen |= LETTER;
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// `scan_word` for a word starting with a letter (ASCII or Latin-1): it is a
/// `Word` whatever follows, so its run is scanned without telling letters
/// from digits; when the byte after the run surely ends the word (most
/// often), that is all. Inlined into the tokenizer's loop.
#[inline(always)]
fn scan_letter_word(text: &str, alnum: &[u64], start: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let end = scan_alnum(bytes, alnum, start);
    if ends_word(bytes, end) {
        return (end, TokenKind::Word);
    }
    scan_word_classified(text, end, LETTER)
}

/// Whether the byte at `end`, after a run of letters and digits, surely ends
/// the word: the end of the text, ASCII other than `-`, `'`, and `.` or `,`
/// between digits, or a mark of the General Punctuation block other than ’.
#[inline]
fn ends_word(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(b'-' | b'\'') => false,
        Some(b'.' | b',') => {
            !(end
                .checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_digit)
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
        }
        Some(0..=0x7F) => true,
        Some(0xE2) => bytes.get(end + 1) == Some(&0x80) && bytes.get(end + 2) != Some(&0x99),
        Some(_) => false,
    }
}

/// The run of ASCII letters and digits and Latin-1 letters from byte `end`:
/// the ASCII runs by `alnum` (`ascii_alnum_masks` of `bytes`), without a
/// step per byte.
#[inline]
fn scan_alnum(bytes: &[u8], alnum: &[u64], mut end: usize) -> usize {
    loop {
        end = ascii_alnum_run_end(alnum, end);
        if is_latin1_letter_at(bytes, end) {
            end += 2;
            continue;
        }
        return end;
    }
}

/// The end of the run of ASCII letters and digits from byte `at`, by the
/// masks of `ascii_alnum_masks`.
#[inline]
fn ascii_alnum_run_end(alnum: &[u64], mut at: usize) -> usize {
    while let Some(&mask) = alnum.get(at / 64) {
        // bit k: byte at + k is no ASCII letter or digit (the bits past the
        // word are 0, so a run to the word's end goes on in the next word)
        let stops = !mask >> (at % 64);
        if stops != 0 {
            return at + stops.trailing_zeros() as usize;
        }
        at = (at / 64 + 1) * 64;
    }
    at
}

/// Bit k of word w: byte `64 * w + k` of `bytes` is an ASCII letter or digit.
/// Built once per text, 64 bytes at a time by vectorised code, so that the
/// runs of letters (most of the text) are found without a step per byte.
fn ascii_alnum_masks(bytes: &[u8]) -> Vec<u64> {
    let chunks = bytes.chunks_exact(64);
    let rest = chunks.remainder();
    let mut masks = Vec::with_capacity(bytes.len() / 64 + 1);
    // `map` keeps the length known to `extend` (a `filter_map` would not)
    masks.extend(chunks.map(|chunk| chunk.first_chunk::<64>().map_or(0, ascii_alnum_mask)));
    if !rest.is_empty() {
        // padded with NUL, which is no letter or digit
        let mut last = [0u8; 64];
        if let Some(head) = last.get_mut(..rest.len()) {
            head.copy_from_slice(rest);
        }
        masks.push(ascii_alnum_mask(&last));
    }
    masks
}

/// `ascii_alnum_masks` of 64 bytes: a 0/1 flag per byte (vectorised), and
/// the flags of eight bytes gathered into one byte by a multiplication.
#[inline]
fn ascii_alnum_mask(chunk: &[u8; 64]) -> u64 {
    let mut flags = [0u8; 64];
    for (flag, &b) in flags.iter_mut().zip(chunk) {
        *flag = u8::from((b.wrapping_sub(b'0') < 10) | ((b | 0x20).wrapping_sub(b'a') < 26));
    }
    let mut mask = 0;
    for (k, eight) in flags.chunks_exact(8).enumerate() {
        let x = eight
            .first_chunk::<8>()
            .map_or(0, |e| u64::from_le_bytes(*e));
        // byte j of x (0 or 1) lands in bit 56 + j
        mask |= (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    mask
}

/// The rest of a word from byte `end`, `seen` holding `LETTER` and `DIGIT`
/// for its bytes before `end`: runs of ASCII letters and digits and Latin-1
/// letters, joined by inner hyphens and by dots and commas between digits,
/// all classified by their bytes; at anything else that may go on the word
/// (an apostrophe, other non-ASCII chars) `scan_word_from` takes over.
#[inline(never)]
fn scan_word_classified(text: &str, end: usize, mut seen: u8) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut end = scan_run(bytes, end, &mut seen);
    // here the char before `end` is always a letter or digit of a run
    loop {
        let next = bytes.get(end + 1).copied();
        match bytes.get(end) {
            None => break,
            Some(b'-') => {
                // "Nato-Beitritt" goes on, "Ost- und" keeps its hyphen and ends
                if is_fast_word_char_at(bytes, end + 1) {
                    end = scan_run(bytes, end + 1, &mut seen);
                    continue;
                }
                match next {
                    Some(n) if is_ascii_space(n) => end += 1,
                    None | Some(0..=0x7F) => {}
                    Some(_) => return scan_word_general(text, end, seen),
                }
                break;
            }
            Some(b'.' | b',') => {
                // "100.000", "2,5": a dot or comma between digits
                let between_digits = end
                    .checked_sub(1)
                    .and_then(|p| bytes.get(p))
                    .is_some_and(u8::is_ascii_digit)
                    && next.is_some_and(|n| n.is_ascii_digit());
                if !between_digits {
                    break;
                }
                end = scan_run(bytes, end + 1, &mut seen);
            }
            // the General Punctuation block (quotation marks, dashes) ends a
            // word, except the apostrophe ’ (E2 80 99)
            Some(0xE2) if next == Some(0x80) && bytes.get(end + 2) != Some(&0x99) => break,
            Some(b'\'') => return scan_word_general(text, end, seen),
            Some(0..=0x7F) => break,
            Some(_) => return scan_word_general(text, end, seen),
        }
    }
    (end, word_kind(seen))
}

/// `Number` for a word without letters, else `Word`.
#[inline]
fn word_kind(seen: u8) -> TokenKind {
    if seen & LETTER == 0 {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// `scan_word_from` at byte `end` of a word whose bytes before `end` hold `seen`.
fn scan_word_general(text: &str, end: usize, seen: u8) -> (usize, TokenKind) {
    let prev = text.get(..end).and_then(|s| s.chars().next_back());
    scan_word_from(text, end, seen & LETTER == 0, prev)
}

/// Scans a word or number starting at `start`; inner hyphens, apostrophes,
/// and dots or commas between digits stay inside the token.
fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    scan_word_from(text, start, true, None)
}

/// `scan_word` from `end`, with what was scanned before it: whether it was
/// all digits, and its last char. Char by char: this is the definition the
/// fast paths of `scan_letter_word` and `scan_word_classified` are tested
/// against.
fn scan_word_from(
    text: &str,
    mut end: usize,
    mut all_digits: bool,
    mut prev: Option<char>,
) -> (usize, TokenKind) {
    while let Some(c) = char_at(text, end) {
        let keep = is_word_char(c) || {
            let next = char_at(text, end + c.len_utf8());
            if c == '-' {
                // "Nato-Beitritt", and a trailing hyphen of "Ost- und"
                prev.is_some_and(is_word_char)
                    && (next.is_some_and(is_word_char) || next.is_some_and(char::is_whitespace))
            } else if c == '’' || c == '\'' {
                prev.is_some_and(is_alphabetic) && next.is_some_and(is_alphabetic)
            } else if c == '.' || c == ',' {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            } else {
                false
            }
        };
        if !keep {
            break;
        }
        if all_digits && is_alphabetic(c) {
            all_digits = false;
        }
        end += c.len_utf8();
        prev = Some(c);
    }
    let kind = if all_digits {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

/// A word in lower case, exactly as `str::to_lowercase` gives it, without
/// allocating for words that are already lower case or short.
#[derive(Debug, Clone)]
pub enum Lowered<'a> {
    /// The word is its own lower case.
    Same(&'a str),
    Inline(ArrayString<INLINE_LOWER>),
    Heap(String),
}

const INLINE_LOWER: usize = 64;

impl Lowered<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Lowered::Same(s) => s,
            Lowered::Inline(s) => s.as_str(),
            Lowered::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Lowered<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Lowered<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lowered<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Lowered<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Lowered<'_>> for &str {
    fn eq(&self, other: &Lowered<'_>) -> bool {
        *self == other.as_str()
    }
}

/// The lower case of a char below U+0100 (ASCII and Latin-1), the same as
/// `char::to_lowercase` there; `None` for other chars.
#[inline]
fn latin1_lower(c: char) -> Option<char> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        // À … Þ except ×: the capitals of Latin-1, 0x20 below their small letters
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(c as u32 + 0x20),
        '\0'..='\u{FF}' => Some(c),
        _ => None,
    }
}

/// `word.to_lowercase()` without a heap allocation for words of up to 64
/// bytes (a final sigma, which depends on its context, takes the general path).
pub fn lowercase(word: &str) -> Lowered<'_> {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lowered::Same(word);
        }
        return match ArrayString::<INLINE_LOWER>::from(word) {
            Ok(mut s) => {
                s.make_ascii_lowercase();
                Lowered::Inline(s)
            }
            Err(_) => Lowered::Heap(word.to_ascii_lowercase()),
        };
    }
    let mut out = ArrayString::<INLINE_LOWER>::new();
    let mut changed = false;
    for c in word.chars() {
        if let Some(l) = latin1_lower(c) {
            changed |= l != c;
            if out.try_push(l).is_err() {
                return Lowered::Heap(word.to_lowercase());
            }
            continue;
        }
        if c == 'Σ' {
            return Lowered::Heap(word.to_lowercase());
        }
        for l in c.to_lowercase() {
            changed |= l != c;
            if out.try_push(l).is_err() {
                return Lowered::Heap(word.to_lowercase());
            }
        }
    }
    if changed {
        Lowered::Inline(out)
    } else {
        Lowered::Same(word)
    }
}

/// Appends `word.to_lowercase()` to `out`.
pub fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else if word.contains('Σ') {
        out.push_str(&word.to_lowercase());
    } else {
        for c in word.chars() {
            match latin1_lower(c) {
                Some(l) => out.push(l),
                None => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Appends the UTF-8 bytes of `word.to_lowercase()` to `out` (a per-document
/// arena that the caller turns into a `String` once): ASCII and the Latin-1
/// letters (`Ä` → `ä`, two bytes starting with 0xC3) are lowered byte by byte.
pub fn push_lowercase_bytes(out: &mut Vec<u8>, word: &str) {
    let bytes = word.as_bytes();
    if bytes.is_ascii() {
        out.extend(bytes.iter().map(u8::to_ascii_lowercase));
        return;
    }
    let start = out.len();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            out.push(b.to_ascii_lowercase());
            i += 1;
            continue;
        }
        // À…Þ without × is 0xC3 0x80…0x9E (not 0x97); its lower case is 0x20 higher
        if b == 0xC3 {
            if let Some(&b2) = bytes.get(i + 1) {
                let upper = (0x80..=0x9E).contains(&b2) && b2 != 0x97;
                out.extend_from_slice(&[b, if upper { b2 + 0x20 } else { b2 }]);
                i += 2;
                continue;
            }
        }
        let Some(c) = word.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if c == 'Σ' {
            // the final sigma depends on the whole word
            out.truncate(start);
            out.extend_from_slice(word.to_lowercase().as_bytes());
            return;
        }
        let mut buf = [0u8; 4];
        for l in c.to_lowercase() {
            out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
        }
        i += c.len_utf8();
    }
}

/// The whole of `text` in lower case when every char's lower case is one
/// char of the same UTF-8 length (true of ASCII, Latin-1, quotation marks and
/// dashes): then the lower case of any token is the same byte range of the
/// result. `None` otherwise (`İ`, `ẞ`, `Σ`, …), and callers lower-case token
/// by token.
pub fn lowercase_same_length(text: &str) -> Option<String> {
    lowercase_same_length_noting(text, |_, _| {})
}

/// `lowercase_same_length` of `text`, and its `CharIndex` (as
/// `CharIndex::new`), built from the same walk over its multi-byte chars.
pub fn lowercase_same_length_indexed(text: &str) -> (Option<String>, CharIndex) {
    let mut index = CharIndexBuilder::new(text.len());
    match lowercase_same_length_noting(text, |at, len| index.note_char(at, len)) {
        Some(lower) => (Some(lower), index.finish(text.len())),
        // the walk stopped early
        None => (None, CharIndex::new(text)),
    }
}

/// `lowercase_same_length`, telling `note` the byte offset and length of
/// every multi-byte char, in order, as long as it does not give up.
#[inline(always)]
fn lowercase_same_length_noting(text: &str, mut note: impl FnMut(usize, usize)) -> Option<String> {
    // ASCII in one vectorised pass (bytes of other chars pass unchanged) …
    let mut out = text.to_ascii_lowercase();
    // … then the other chars in place, skipping ASCII eight bytes at a time
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_non_ascii(bytes, i) {
        match (bytes.get(at), bytes.get(at + 1)) {
            // the Latin-1 letters (0xC3 0x80–0xBF, U+00C0–U+00FF) by their bytes:
            // the capitals, 0x80–0x9E but × (0x97), are 0x20 below their small letters
            (Some(0xC3), Some(&b2)) if (0x80..=0xBF).contains(&b2) => {
                if b2 <= 0x9E && b2 != 0x97 {
                    let small = [0xC3, b2 + 0x20];
                    out.replace_range(at..at + 2, std::str::from_utf8(&small).ok()?);
                }
                note(at, 2);
                i = at + 2;
                continue;
            }
            // U+2000–U+203F (quotation marks, dashes, …) have no case
            (Some(0xE2), Some(0x80)) => {
                note(at, 3);
                i = at + 3;
                continue;
            }
            _ => {}
        }
        let c = text.get(at..).and_then(|rest| rest.chars().next())?;
        let lower = same_length_lower(c)?;
        if lower != c {
            let mut buf = [0u8; 4];
            out.replace_range(at..at + c.len_utf8(), lower.encode_utf8(&mut buf));
        }
        note(at, c.len_utf8());
        i = at + c.len_utf8();
    }
    Some(out)
}

/// The lower case of `c` when it is one char of the same UTF-8 length
/// (Latin-1 without the Unicode tables); `None` otherwise and for `Σ`,
/// whose lower case depends on the word.
fn same_length_lower(c: char) -> Option<char> {
    if let Some(l) = latin1_lower(c) {
        return Some(l);
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() && c != 'Σ' => Some(l),
        _ => None,
    }
}

/// The first byte at or after `from` that is not ASCII, eight bytes at a time.
pub(crate) fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let high = u64::from_le_bytes(word) & HIGH;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let tail = chunks.remainder().iter().position(|b| !b.is_ascii())?;
    Some(at + tail)
}

/// Whether the first character of `word` is uppercase.
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        // Latin-1: the capitals are À…Þ without ×; the rest needs the Unicode tables
        Some(_) => word.chars().next().is_some_and(|c| {
            if c <= '\u{FF}' {
                ('\u{C0}'..='\u{DE}').contains(&c) && c != '\u{D7}'
            } else {
                c.is_uppercase()
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `lowercase_same_length` was first written as: every
    /// non-ASCII char decoded and lower-cased with the Unicode tables.
    fn lowercase_same_length_by_chars(text: &str) -> Option<String> {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() && c != 'Σ' => out.push(l),
                _ => return None,
            }
        }
        Some(out)
    }

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn keeps_compounds_numbers_and_marks() {
        assert_eq!(
            texts("Der Nato-Chef sprach am 10.01.2022 von 100.000 Soldaten: „Genug!“"),
            vec![
                "Der",
                "Nato-Chef",
                "sprach",
                "am",
                "10.01.2022",
                "von",
                "100.000",
                "Soldaten",
                ":",
                "„",
                "Genug",
                "!",
                "“"
            ]
        );
    }

    #[test]
    fn counts_line_breaks() {
        let s = "Titel\n\nText hier";
        let t = tokenize(s);
        assert_eq!(t[1].breaks_before, 2);
        assert_eq!(t[2].breaks_before, 0);
    }

    #[test]
    fn lowercase_equals_to_lowercase() {
        let long = "Ä".repeat(40);
        for w in [
            "",
            "sagte",
            "Sagte",
            "AUSSENMINISTERIN",
            "Außenministerin",
            "ÜBER",
            "ΟΔΟΣ",
            "İstanbul",
            "ǅemal",
            "ẞ",
            long.as_str(),
        ] {
            assert_eq!(lowercase(w).as_str(), w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn lowercase_same_length_agrees_on_latin1_and_punctuation() {
        for c in (0x80u32..0x250)
            .chain(0x2000..0x2070)
            .filter_map(char::from_u32)
        {
            for s in [c.to_string(), format!("A{c}b{c}")] {
                assert_eq!(
                    lowercase_same_length(&s),
                    lowercase_same_length_by_chars(&s),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn latin1_lower_agrees_with_char_to_lowercase() {
        for c in (0u32..0x100).filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            assert_eq!(latin1_lower(c).map(|l| vec![l]), Some(std), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn push_lowercase_agrees_with_std(w in "\\PC{0,70}") {
            let mut out = String::from("x");
            push_lowercase(&mut out, &w);
            proptest::prop_assert_eq!(&out[1..], w.to_lowercase());
        }

        #[test]
        fn push_lowercase_bytes_agrees_with_std(w in "\\PC{0,70}", v in "[a-zA-ZäöüÄÖÜßÀÞ×÷ΣΟİẞ ]{0,30}") {
            for w in [&w, &v] {
                let mut out = b"x".to_vec();
                push_lowercase_bytes(&mut out, w);
                let expected = w.to_lowercase();
                proptest::prop_assert_eq!(&out[1..], expected.as_bytes());
            }
        }

        #[test]
        fn lowercase_same_length_keeps_every_token_in_place(
            w in "\\PC{0,70}",
            v in "[a-zA-ZäöüÄÖÜßÀÞ×÷ΣΟİẞ„“–€ .]{0,30}",
        ) {
            for w in [&w, &v] {
                if let Some(l) = lowercase_same_length(w) {
                    proptest::prop_assert_eq!(l.len(), w.len());
                    for t in tokenize(w) {
                        proptest::prop_assert_eq!(&l[t.start..t.end], t.text(w).to_lowercase());
                    }
                }
            }
        }

        #[test]
        fn lowercase_same_length_agrees_with_char_by_char(
            w in "\\PC{0,70}",
            v in "[a-zA-ZäöüÄÖÜßÀÞ×÷ΣΟİẞ„“–€ .]{0,30}",
        ) {
            for w in [&w, &v] {
                proptest::prop_assert_eq!(lowercase_same_length(w), lowercase_same_length_by_chars(w));
            }
        }

        #[test]
        fn lowercase_agrees_with_std(w in "\\PC{0,70}") {
            let lower = lowercase(&w);
            proptest::prop_assert_eq!(lower.as_str(), w.to_lowercase());
        }
    }

    #[test]
    fn latin1_fast_paths_agree_with_char_methods() {
        let general_punctuation = 0x2000u32..0x2070;
        for c in (0u32..0x250)
            .chain(general_punctuation)
            .filter_map(char::from_u32)
        {
            let w = c.to_string();
            assert_eq!(is_capitalized(&w), c.is_uppercase(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || c == '\u{AD}',
                "{c:?}"
            );
        }
        for b in 0u8..0x80 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b}");
        }
    }

    /// The tokenizer as first written, char by char: the fast paths must agree.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let (mut i, mut breaks, mut space) = (0, 0u8, false);
        while let Some(c) = text[i..].chars().next() {
            if c.is_whitespace() {
                if c == '\n' {
                    breaks = breaks.saturating_add(1).min(2);
                }
                space = true;
                i += c.len_utf8();
                continue;
            }
            let (end, kind) = if c.is_alphanumeric() || c == '\u{AD}' {
                scan_word(text, i)
            } else if let Some(q) = QuoteMark::of(c) {
                (i + c.len_utf8(), TokenKind::Quote(q))
            } else {
                (i + c.len_utf8(), TokenKind::Punct)
            };
            tokens.push(Token {
                start: i,
                end,
                kind,
                breaks_before: breaks,
                space_before: space,
            });
            (breaks, space, i) = (0, false, end);
        }
        tokens
    }

    proptest::proptest! {
        #[test]
        fn tokenize_agrees_with_char_by_char(
            s in "[a-zA-Z0-9äöüÄÖÜßé€„“”\"'’.,:;!?() \t\n\r\u{a0}\u{ad}\u{2028}-]{0,80}",
            t in "[aZ09ßÉ×÷²ÿłΣ‐–—‚‘’«»…\u{2019}\u{2000}\u{202f}\u{ad}'., \n-]{0,40}",
            u in "\\PC{0,40}",
        ) {
            for s in [&s, &t, &u] {
                proptest::prop_assert_eq!(tokenize(s), tokenize_by_chars(s));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn alnum_masks_have_a_bit_per_letter_or_digit(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
        ) {
            let masks = ascii_alnum_masks(&bytes);
            proptest::prop_assert_eq!(masks.len(), bytes.len().div_ceil(64));
            for (i, b) in bytes.iter().enumerate() {
                let bit = masks[i / 64] >> (i % 64) & 1 == 1;
                proptest::prop_assert_eq!(bit, b.is_ascii_alphanumeric(), "byte {}", i);
            }
        }

        #[test]
        fn long_words_cross_the_mask_words(
            words in proptest::collection::vec("[a-zA-Z0-9äÖß]{1,90}", 1..6),
            gap in "[ .,\n-]{1,2}",
        ) {
            let s = words.join(&gap);
            proptest::prop_assert_eq!(tokenize(&s), tokenize_by_chars(&s));
        }
    }

    proptest::proptest! {
        #[test]
        fn indexed_lower_case_keeps_the_char_index(
            w in "\\PC{0,200}",
            v in "[a-zA-ZäöüÄÖÜßÀÞ×÷ΣΟİẞ„“–€𝄞 .]{0,150}",
        ) {
            for w in [&w, &v] {
                let (lower, index) = lowercase_same_length_indexed(w);
                proptest::prop_assert_eq!(lower, lowercase_same_length(w));
                let expected = CharIndex::new(w);
                for b in 0..=w.len() + 1 {
                    proptest::prop_assert_eq!(index.chars(b), expected.chars(b), "byte {}", b);
                }
            }
        }
    }

    #[test]
    fn trailing_hyphen_in_coordination() {
        assert_eq!(
            texts("Ost- und Westeuropa"),
            vec!["Ost-", "und", "Westeuropa"]
        );
    }
}

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

/// Byte offset → code point offset, built once per document: the count at
/// every 64th byte, and a count of the bytes between.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `every_block[k]`: chars starting before byte `k * BLOCK`.
    every_block: Vec<u32>,
    /// Per block of 64 bytes, a bit for each byte that starts a char (is no
    /// UTF-8 continuation byte).
    starts: Vec<u64>,
    text_len: usize,
}

const BLOCK: usize = 64;

fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut every_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut starts = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut n = 0u32;
        for block in bytes.chunks(BLOCK) {
            every_block.push(n);
            let mask = char_starts(block);
            n += mask.count_ones();
            starts.push(mask);
        }
        every_block.push(n);
        Self {
            every_block,
            text_len: bytes.len(),
            starts,
        }
    }

    /// Code points before byte offset `byte` (clamped to the text); inside a
    /// char, the code points before that char.
    pub fn chars(&self, byte: usize) -> usize {
        let byte = byte.min(self.text_len);
        let (block, k) = (byte / BLOCK, byte % BLOCK);
        let base = self.every_block.get(block).copied().unwrap_or(0) as usize;
        let Some(&mask) = self.starts.get(block) else {
            return base;
        };
        let below = mask & ((1u64 << k) - 1);
        let inside_char = mask & (1u64 << k) == 0 && byte < self.text_len;
        base + below.count_ones() as usize - usize::from(inside_char)
    }
}

/// Bit k set when byte k of `block` (at most 64 bytes) starts a char (is no
/// UTF-8 continuation byte `10xxxxxx`), eight bytes at a time.
fn char_starts(block: &[u8]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // moves bit 8i+7 to bit 56+i (no two partial products meet, so no carries)
    const GATHER: u64 = 0x0002_0408_1020_4081;
    let mut mask = 0u64;
    let mut chunks = block.chunks_exact(8);
    for (n, chunk) in (&mut chunks).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // high bit of each byte: set for a continuation byte (bit 7 set, bit 6 clear)
        let continuation = x & !(x << 1) & HIGH;
        let starts = !continuation & HIGH;
        mask |= (starts.wrapping_mul(GATHER) >> 56) << (8 * n);
    }
    let done = block.len() - chunks.remainder().len();
    for (k, &b) in chunks.remainder().iter().enumerate() {
        mask |= u64::from(is_char_start(b)) << (done + k);
    }
    mask
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
    word.len() <= ABBREVIATION_MAX_LEN && ABBREVIATIONS.contains(&word)
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

fn is_sentence_final(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "…")
}

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
            && (MONTHS.contains(&next) || !is_capitalized(next) || next.chars().count() <= 2);
    }
    if is_abbreviation(p) {
        return true;
    }
    // an initial: "Antony J. Blinken"
    p.chars().count() == 1 && p.chars().all(char::is_uppercase)
}

/// Whether the tokens of a line are boilerplate: a caption or credit,
/// sharing or navigation text, an ad, a copyright line.
pub fn is_boilerplate_line(line: &str) -> bool {
    let l = line.trim();
    if l.is_empty() {
        return true;
    }
    let (chars, letters) = count_chars_and_letters(l);
    if chars < 400 && contains_any(l, ANYWHERE, &ANYWHERE_FIRST) {
        return true;
    }
    let first = l.as_bytes().first().copied();
    if chars < 200
        && START
            .iter()
            .any(|p| p.as_bytes().first().copied() == first && l.starts_with(p))
    {
        return true;
    }
    if l.starts_with("http") || l.starts_with("www.") {
        return true;
    }
    // junk: mostly non-letters
    letters * 2 < chars
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

/// For each byte, the `ANYWHERE` patterns that start with it (bit k: pattern k).
const ANYWHERE_FIRST: [u32; 256] = first_bytes(ANYWHERE);

const fn first_bytes(patterns: &[&str]) -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < patterns.len() && k < 32 {
        let b = patterns[k].as_bytes();
        if !b.is_empty() {
            table[b[0] as usize] |= 1 << k;
        }
        k += 1;
    }
    table
}

/// Whether `hay` contains any of `patterns` (`first` maps a byte to the
/// patterns starting with it): one pass over the bytes instead of one search
/// per pattern.
fn contains_any(hay: &str, patterns: &[&str], first: &[u32; 256]) -> bool {
    let b = hay.as_bytes();
    (0..b.len()).any(|i| {
        let mut candidates = first[usize::from(b[i])];
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            // the second byte first: most candidates ("i" of "imago") fail there
            if patterns.get(k).is_some_and(|p| {
                let p = p.as_bytes();
                p.get(1).is_none_or(|x| b.get(i + 1) == Some(x)) && b[i..].starts_with(p)
            }) {
                return true;
            }
        }
        false
    })
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
        && is_sentence_final(tokens[i - 1].text(text))
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
    // about one sentence in twenty tokens: room for most documents at once
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut start = 0;
    let mut paragraph = 0;
    let mut line_start = 0;
    let mut line_boiler = line_flag(text, tokens, 0);
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if i > start && t.breaks_before > 0 {
            push(&mut out, tokens, start, i, paragraph, line_boiler, true);
            start = i;
        }
        if t.breaks_before > 0 && i > line_start {
            line_start = i;
            line_boiler = line_flag(text, tokens, i);
            if t.breaks_before > 1 || line_boiler {
                paragraph += 1;
            }
        }
        if t.kind == TokenKind::Punct && is_sentence_final(t.text(text)) && !quotes.inside(i) {
            let mut end = i + 1;
            while end < tokens.len()
                && tokens[end].breaks_before == 0
                && (tokens[end].kind == TokenKind::Punct
                    && is_sentence_final(tokens[end].text(text))
                    || tokens[end].is_quote() && !tokens[end].space_before)
            {
                end += 1;
            }
            let next = tokens.get(end);
            let starts_sentence = next.is_none_or(|n| {
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
        if closes_final_quote(text, tokens, quotes, i) {
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

fn line_flag(text: &str, tokens: &[Token], from: usize) -> bool {
    if from >= tokens.len() {
        return false;
    }
    let end = tokens[from + 1..]
        .iter()
        .position(|t| t.breaks_before > 0)
        .map_or(tokens.len(), |p| from + 1 + p);
    let a = tokens.get(from).map_or(0, |t| t.start);
    let b = tokens.get(end.saturating_sub(1)).map_or(a, |t| t.end);
    is_boilerplate_line(text.get(a..b).unwrap_or(""))
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
        for p in ANYWHERE {
            assert!(contains_any(
                &format!("Ein Satz {p} am Ende"),
                ANYWHERE,
                &ANYWHERE_FIRST
            ));
        }
        assert!(!contains_any(
            "Ein ganz normaler Satz.",
            ANYWHERE,
            &ANYWHERE_FIRST
        ));
        assert!(ANYWHERE.len() <= 32);
    }

    proptest::proptest! {
        #[test]
        fn char_starts_agree_with_bytes(block in proptest::collection::vec(proptest::num::u8::ANY, 0..=64)) {
            let mut expected = 0u64;
            for (k, &b) in block.iter().enumerate() {
                expected |= u64::from(is_char_start(b)) << k;
            }
            proptest::prop_assert_eq!(char_starts(&block), expected);
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

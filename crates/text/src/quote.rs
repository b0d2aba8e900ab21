//! Quotations: pairs of quotation marks, nested, over a token stream.
//!
//! German text mixes „…“, “…”, "…", »…«, «…» and ‚…‘, often inconsistently
//! („…" is common). Marks are classified by shape and by what they touch
//! (an opening mark sticks to the following word, a closing one to the
//! preceding word); a closing mark pairs with the nearest open mark of the
//! same family (double or single). Quotations do not cross a line break: an
//! opening mark still unclosed at the end of its line is closed there.

use crate::token::{QuoteMark, Token, TokenKind};

/// One quotation, as token indices into the token slice it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// The opening mark.
    pub open: usize,
    /// The closing mark; `None` when the line ended first.
    pub close: Option<usize>,
    /// First token inside the marks.
    pub inner_start: usize,
    /// One past the last token inside the marks.
    pub inner_end: usize,
    /// 0 for a top-level quotation, 1 for one inside it, …
    pub depth: u8,
}

impl Quotation {
    /// One past the last token of the quotation including its closing mark.
    pub fn end(&self) -> usize {
        self.close.map_or(self.inner_end, |c| c + 1)
    }

    /// Number of word tokens inside.
    pub fn word_count(&self, tokens: &[Token]) -> usize {
        tokens[self.inner_start..self.inner_end]
            .iter()
            .filter(|t| t.is_word())
            .count()
    }
}

/// The quotations of a text and, for each token, how deep in quotes it is.
#[derive(Debug, Clone, Default)]
pub struct QuoteMap {
    /// Sorted by opening mark.
    pub quotes: Vec<Quotation>,
    /// Quote depth of every token (marks count as inside their quotation).
    pub depth: Vec<u8>,
    /// For every token, the index in `quotes` of the top-level quotation holding it.
    top: Vec<u32>,
    /// The tokens that `find_quotations` and `sentences` look at: see [`marked_tokens`].
    marks: Vec<usize>,
}

impl QuoteMap {
    /// The top-level quotation containing token `i`, if any.
    #[inline]
    pub fn top_level_at(&self, i: usize) -> Option<&Quotation> {
        let q = *self.top.get(i)?;
        self.quotes.get(q as usize)
    }

    #[inline]
    pub fn inside(&self, i: usize) -> bool {
        self.depth.get(i).is_some_and(|&d| d > 0)
    }

    /// `marked_tokens(tokens)`, found once by `find_quotations` when this map
    /// is of these tokens (a map of other tokens, such as the default one,
    /// has another length, and they are found again).
    pub(crate) fn marks_of(&self, tokens: &[Token]) -> std::borrow::Cow<'_, [usize]> {
        if self.depth.len() == tokens.len() {
            std::borrow::Cow::Borrowed(&self.marks)
        } else {
            std::borrow::Cow::Owned(marked_tokens(tokens))
        }
    }
}

/// The tokens that are no word or number or that start a line, in order:
/// the only ones at which quotations and sentences may start or end, so
/// both walk these instead of every token.
pub(crate) fn marked_tokens(tokens: &[Token]) -> Vec<usize> {
    // about one token in five: room for most texts at once
    let mut marks = Vec::with_capacity(tokens.len() / 4 + 1);
    for (i, t) in tokens.iter().enumerate() {
        if t.breaks_before > 0 || !t.is_word() {
            marks.push(i);
        }
    }
    marks
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
    None,
}

fn role_of(tokens: &[Token], i: usize, mark: QuoteMark) -> Role {
    let tok = &tokens[i];
    let next_attached = tokens
        .get(i + 1)
        .is_some_and(|n| !n.space_before && n.breaks_before == 0 && n.kind != TokenKind::Punct);
    let prev_attached = i > 0 && !tok.space_before && tok.breaks_before == 0;
    let prev_opening_punct = i > 0
        && !tok.space_before
        && matches!(tokens[i - 1].kind, TokenKind::Punct | TokenKind::Quote(_))
        && !prev_attached_is_word(tokens, i);
    let left = next_attached && (!prev_attached || prev_opening_punct);
    let right = prev_attached && !prev_opening_punct;
    match mark {
        QuoteMark::LowDouble | QuoteMark::LowSingle => Role::Open,
        _ if left && !right => Role::Open,
        _ if right && !left => Role::Close,
        _ if left && right => Role::Either,
        _ => Role::None,
    }
}

fn prev_attached_is_word(tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i - 1].is_word()
}

/// Finds the quotations in `tokens`.
pub fn find_quotations(tokens: &[Token]) -> QuoteMap {
    find_quotations_marked(tokens, marked_tokens(tokens))
}

/// `find_quotations`, given `marked_tokens(tokens)` (as `tokenize_marked`
/// notes them).
pub fn find_quotations_marked(tokens: &[Token], marks: Vec<usize>) -> QuoteMap {
    let mut open = OpenQuotes::default();
    // words inside a line (most tokens) change nothing
    for &i in &marks {
        if i >= tokens.len() {
            break;
        }
        open.visit(tokens, i);
    }
    let quotes = open.finish(tokens.len());
    // over slices of the spans (they vectorise), not iterators skipping to them
    let mut depth = vec![0u8; tokens.len()];
    for q in &quotes {
        let span = depth
            .get_mut(q.open..q.end().min(tokens.len()))
            .unwrap_or(&mut []);
        for d in span {
            *d = d.saturating_add(1);
        }
    }
    let mut top = vec![u32::MAX; tokens.len()];
    for (qi, q) in quotes.iter().enumerate().filter(|(_, q)| q.depth == 0) {
        if let Some(span) = top.get_mut(q.open..q.end().min(tokens.len())) {
            span.fill(qi as u32);
        }
    }
    QuoteMap {
        quotes,
        depth,
        top,
        marks,
    }
}

/// The quotations found so far, and those of them still open.
#[derive(Default)]
struct OpenQuotes {
    quotes: Vec<Quotation>,
    /// open marks not yet closed: (index into `quotes`, is_single)
    stack: Vec<(usize, bool)>,
}

impl OpenQuotes {
    /// Takes token `i` into account: a line break closes every open quote, a
    /// quotation mark opens or closes one.
    fn visit(&mut self, tokens: &[Token], i: usize) {
        let Some(tok) = tokens.get(i) else {
            return;
        };
        if tok.breaks_before > 0 {
            self.close_all(i);
        }
        let TokenKind::Quote(mark) = tok.kind else {
            return;
        };
        let single = mark.is_single();
        let has_open = self.stack.iter().any(|&(_, s)| s == single);
        let role = match role_of(tokens, i, mark) {
            Role::Either if has_open => Role::Close,
            Role::Either => Role::Open,
            // an unattached straight quote closes a pending one
            Role::None if has_open => Role::Close,
            r => r,
        };
        match role {
            // ‘ and ’ are too often apostrophes to open a quote on their own
            Role::Open if mark == QuoteMark::LeftSingle && !has_open => {}
            Role::Open => {
                let depth = self.stack.len().min(u8::MAX as usize) as u8;
                self.quotes.push(Quotation {
                    open: i,
                    close: None,
                    inner_start: i + 1,
                    inner_end: i + 1,
                    depth,
                });
                self.stack.push((self.quotes.len() - 1, single));
            }
            Role::Close if has_open => self.close_nearest(i, single),
            _ => {}
        }
    }

    /// Closes the nearest opener of the family at `i`, and whatever is open
    /// inside it.
    fn close_nearest(&mut self, i: usize, single: bool) {
        while let Some((qi, s)) = self.stack.pop() {
            let Some(q) = self.quotes.get_mut(qi) else {
                continue;
            };
            q.inner_end = i;
            if s == single {
                q.close = Some(i);
                break;
            }
        }
    }

    fn close_all(&mut self, at: usize) {
        while let Some((qi, _)) = self.stack.pop() {
            if let Some(q) = self.quotes.get_mut(qi) {
                q.inner_end = at;
            }
        }
    }

    /// The quotations, those still open closed at the end (`n` tokens).
    fn finish(mut self, n: usize) -> Vec<Quotation> {
        self.close_all(n);
        self.quotes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{tokenize, tokenize_marked};

    proptest::proptest! {
        #[test]
        fn the_tokenizer_marks_what_marked_tokens_finds(s in "[a-zA-Z0-9ä„“\"»«.,:!?() \n-]{0,60}") {
            let (tokens, marks) = tokenize_marked(&s);
            proptest::prop_assert_eq!(&tokens, &tokenize(&s));
            proptest::prop_assert_eq!(&marks, &marked_tokens(&tokens));
            proptest::prop_assert_eq!(find_quotations_marked(&tokens, marks).quotes, find_quotations(&tokens).quotes);
        }
    }

    fn inner(s: &str) -> Vec<(String, u8)> {
        let t = tokenize(s);
        let m = find_quotations(&t);
        m.quotes
            .iter()
            .map(|q| {
                let a = t.get(q.inner_start).map_or(s.len(), |x| x.start);
                let b = if q.inner_end > q.inner_start {
                    t[q.inner_end - 1].end
                } else {
                    a
                };
                (s[a..b].to_string(), q.depth)
            })
            .collect()
    }

    /// `find_quotations` as first written: every token visited (the fast one
    /// visits only the marked tokens), the depths and top-level quotations
    /// filled through iterators.
    fn find_quotations_by_definition(tokens: &[Token]) -> QuoteMap {
        let mut open = OpenQuotes::default();
        for i in 0..tokens.len() {
            open.visit(tokens, i);
        }
        let quotes = open.finish(tokens.len());
        let mut depth = vec![0u8; tokens.len()];
        for q in &quotes {
            for d in depth.iter_mut().take(q.end()).skip(q.open) {
                *d = d.saturating_add(1);
            }
        }
        let mut top = vec![u32::MAX; tokens.len()];
        for (qi, q) in quotes.iter().enumerate().filter(|(_, q)| q.depth == 0) {
            for t in top.iter_mut().take(q.end()).skip(q.open) {
                *t = qi as u32;
            }
        }
        let marks = marked_tokens(tokens);
        QuoteMap {
            quotes,
            depth,
            top,
            marks,
        }
    }

    proptest::proptest! {
        #[test]
        fn quotations_agree_with_definition(s in "[a-z„“”‚‘’»«\"' .,\n]{0,60}") {
            let t = tokenize(&s);
            let (fast, slow) = (find_quotations(&t), find_quotations_by_definition(&t));
            proptest::prop_assert_eq!(&fast.quotes, &slow.quotes);
            proptest::prop_assert_eq!(&fast.depth, &slow.depth);
            for i in 0..t.len() {
                proptest::prop_assert_eq!(fast.top_level_at(i), slow.top_level_at(i));
            }
        }
    }

    #[test]
    fn german_english_french_and_straight_marks() {
        for s in [
            "Sie sagte: „Wir kommen morgen.“",
            "Sie sagte: “Wir kommen morgen.”",
            "Sie sagte: \"Wir kommen morgen.\"",
            "Sie sagte: »Wir kommen morgen.«",
            "Sie sagte: «Wir kommen morgen.»",
        ] {
            assert_eq!(inner(s), vec![("Wir kommen morgen.".to_string(), 0)], "{s}");
        }
    }

    #[test]
    fn mixed_marks_and_nesting() {
        assert_eq!(
            inner("„Das nennt man ‚Realpolitik‘, sagte er.\" Danach"),
            vec![
                ("Das nennt man ‚Realpolitik‘, sagte er.".to_string(), 0),
                ("Realpolitik".to_string(), 1)
            ]
        );
    }

    #[test]
    fn split_quote_gives_two_quotations() {
        let q = inner("„Wir bleiben“, sagte die Ministerin, „und wir verhandeln.“");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].0, "und wir verhandeln.");
    }

    #[test]
    fn unclosed_quote_ends_at_line_break() {
        let q = inner("Er rief: „Nie wieder\nNächste Zeile");
        assert_eq!(q, vec![("Nie wieder".to_string(), 0)]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(inner("Wie geht’s dir, sagt’ er").is_empty());
    }
}

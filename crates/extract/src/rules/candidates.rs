//! The tokens the rules of a sentence start from, found once per document.

/// A sorted list of token indices, read sentence by sentence in text order.
#[derive(Debug, Default)]
pub(super) struct TokenList<'a> {
    tokens: &'a [usize],
    /// The first token not before the range asked for last.
    next: usize,
}

impl<'a> TokenList<'a> {
    pub(super) fn new(tokens: &'a [usize]) -> Self {
        Self { tokens, next: 0 }
    }

    /// The tokens in `[a, b)`. Sentences ask in text order, so a cursor
    /// moves on; a range before it is searched for.
    pub(super) fn within(&mut self, a: usize, b: usize) -> &'a [usize] {
        if self.next > 0 && self.tokens.get(self.next - 1).is_some_and(|&i| i >= a) {
            self.next = self.tokens.partition_point(|&i| i < a);
        }
        while self.tokens.get(self.next).is_some_and(|&i| i < a) {
            self.next += 1;
        }
        let from = self.next;
        while self.tokens.get(self.next).is_some_and(|&i| i < b) {
            self.next += 1;
        }
        self.tokens.get(from..self.next).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ranges_in_any_order_agree_with_a_filter(
            mut tokens in proptest::collection::vec(0usize..60, 0..20),
            ranges in proptest::collection::vec((0usize..60, 0usize..60), 1..8),
        ) {
            tokens.sort_unstable();
            tokens.dedup();
            let mut list = TokenList::new(&tokens);
            for (a, b) in ranges {
                let expected: Vec<usize> =
                    tokens.iter().copied().filter(|&i| a <= i && i < b).collect();
                proptest::prop_assert_eq!(list.within(a, b), &expected[..]);
            }
        }
    }
}

//! The token spans of a found claim (its cue, its content): most have one
//! or two, kept inline, so a claim found and dropped allocates none.

use std::ops::{Deref, DerefMut};

/// Spans kept inline before the list moves to the heap.
const INLINE: usize = 2;

/// A list of token spans `[start, end)`, used as a slice.
#[derive(Debug, Clone)]
pub(crate) enum Spans {
    Inline {
        len: u8,
        items: [(usize, usize); INLINE],
    },
    Heap(Vec<(usize, usize)>),
}

impl Default for Spans {
    fn default() -> Self {
        Spans::Inline {
            len: 0,
            items: [(0, 0); INLINE],
        }
    }
}

impl Spans {
    /// A list of one span.
    pub(crate) fn one(span: (usize, usize)) -> Self {
        let mut spans = Spans::default();
        spans.push(span);
        spans
    }

    pub(crate) fn push(&mut self, span: (usize, usize)) {
        match self {
            Spans::Inline { len, items } => match items.get_mut(usize::from(*len)) {
                Some(slot) => {
                    *slot = span;
                    *len += 1;
                }
                None => {
                    let mut v = Vec::with_capacity(INLINE * 2);
                    v.extend_from_slice(items);
                    v.push(span);
                    *self = Spans::Heap(v);
                }
            },
            Spans::Heap(v) => v.push(span),
        }
    }

    /// Keeps the spans for which `keep` holds, in order (`Vec::retain`).
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&(usize, usize)) -> bool) {
        match self {
            Spans::Heap(v) => v.retain(keep),
            Spans::Inline { len, items } => {
                let mut kept = 0;
                for k in 0..usize::from(*len) {
                    if keep(&items[k]) {
                        items[kept] = items[k];
                        kept += 1;
                    }
                }
                *len = kept as u8;
            }
        }
    }
}

impl Deref for Spans {
    type Target = [(usize, usize)];

    fn deref(&self) -> &Self::Target {
        match self {
            Spans::Inline { len, items } => items.get(..usize::from(*len)).unwrap_or(&[]),
            Spans::Heap(v) => v,
        }
    }
}

impl DerefMut for Spans {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Spans::Inline { len, items } => items.get_mut(..usize::from(*len)).unwrap_or(&mut []),
            Spans::Heap(v) => v,
        }
    }
}

impl FromIterator<(usize, usize)> for Spans {
    fn from_iter<I: IntoIterator<Item = (usize, usize)>>(iter: I) -> Self {
        let mut spans = Spans::default();
        for span in iter {
            spans.push(span);
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn spans_behave_like_a_vec(
            items in proptest::collection::vec((0usize..9, 0usize..9), 0..6),
            cut in 0usize..9,
        ) {
            let mut spans: Spans = items.iter().copied().collect();
            let mut v = items.clone();
            proptest::prop_assert_eq!(&spans[..], &v[..]);
            spans.push((cut, cut));
            v.push((cut, cut));
            proptest::prop_assert_eq!(&spans[..], &v[..]);
            spans.retain(|s| s.0 < cut);
            v.retain(|s| s.0 < cut);
            proptest::prop_assert_eq!(&spans[..], &v[..]);
            spans.sort_unstable();
            v.sort_unstable();
            proptest::prop_assert_eq!(&spans[..], &v[..]);
        }
    }
}

//! A fixed list of word endings as a trie over the bytes read backwards:
//! whether a word ends in one of them is one walk from its last byte, not a
//! comparison with each ending.

/// Word endings (`SOURCE_NOUNS`: `angaben`, `sicht`, …), matched from the end.
pub(super) struct SuffixSet {
    /// The root is node 0.
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    /// The next byte towards the start of the word, and its node.
    children: Vec<(u8, u32)>,
    /// An ending ends (reading backwards: starts) here.
    ending: bool,
}

impl SuffixSet {
    pub(super) fn new(endings: &[&str]) -> Self {
        let mut nodes = vec![Node::default()];
        for e in endings {
            let mut at = 0;
            for &b in e.as_bytes().iter().rev() {
                let known = nodes[at].children.iter().find(|(c, _)| *c == b);
                at = match known {
                    Some(&(_, next)) => next as usize,
                    None => {
                        nodes.push(Node::default());
                        let next = nodes.len() - 1;
                        nodes[at].children.push((b, next as u32));
                        next
                    }
                };
            }
            nodes[at].ending = true;
        }
        Self { nodes }
    }

    /// Whether `word` ends in one of the endings (`str::ends_with` of any).
    pub(super) fn ends(&self, word: &str) -> bool {
        let mut at = 0;
        for &b in word.as_bytes().iter().rev() {
            let Some(node) = self.nodes.get(at) else {
                return false;
            };
            if node.ending {
                return true;
            }
            match node.children.iter().find(|(c, _)| *c == b) {
                Some(&(_, next)) => at = next as usize,
                None => return false,
            }
        }
        self.nodes.get(at).is_some_and(|n| n.ending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENDINGS: &[&str] = &["angaben", "sicht", "ansicht", "bericht", "berichten", "en"];

    proptest::proptest! {
        #[test]
        fn ends_agrees_with_ends_with(w in "[a-zß]{0,3}(angaben|sicht|bericht|berichte|n|)[a-z]{0,2}") {
            let set = SuffixSet::new(ENDINGS);
            proptest::prop_assert_eq!(set.ends(&w), ENDINGS.iter().any(|e| w.ends_with(e)));
        }
    }

    #[test]
    fn no_endings_match_nothing_and_the_empty_ending_everything() {
        assert!(!SuffixSet::new(&[]).ends("sicht"));
        assert!(SuffixSet::new(&[""]).ends("sicht"));
        assert!(SuffixSet::new(&["sicht"]).ends("sicht"));
        assert!(!SuffixSet::new(&["sicht"]).ends("icht"));
    }
}

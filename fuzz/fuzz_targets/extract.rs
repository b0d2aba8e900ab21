//! Arbitrary bytes (as UTF-8, lossily) into the segmenter and the extractor:
//! nothing may panic, every span must lie inside the text.
//!
//! cargo +nightly fuzz run extract   (from the repository root)
#![no_main]

use claimgraph_extract::Extractor;
use claimgraph_model::Document;
use claimgraph_text::{quote, segment, token};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::default)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let tokens = token::tokenize(&text);
    let quotes = quote::find_quotations(&tokens);
    let _ = segment::sentences(&text, &tokens, &quotes);
    let n = text.chars().count();
    let doc = Document {
        id: "fuzz".into(),
        text,
        date: "2022-01-21".parse().ok(),
        ..Document::default()
    };
    for c in extractor().extract(&doc) {
        for s in c.content_spans.iter().chain(c.cue_spans.iter()) {
            assert!(s.start <= s.end && s.end <= n);
        }
    }
});

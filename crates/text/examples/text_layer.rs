//! The text layer alone over a JSON Lines corpus (`{"text": …}` a line), for
//! profiling it without the rules: tokens, quotations, sentences with their
//! boilerplate lines, the char index and the lower case of every document.
//!
//! ```text
//! cargo run --release -p claimgraph-text --example text_layer -- /tmp/c2.jsonl
//! ```

use claimgraph_text::quote::find_quotations;
use claimgraph_text::segment::{sentences, CharIndex};
use claimgraph_text::token::{lowercase_same_length, tokenize};
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: text_layer CORPUS.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let (mut bytes, mut tokens, mut sents, mut boiler, mut chars) = (0, 0, 0, 0, 0);
    for line in file.lines() {
        let value: serde_json::Value = serde_json::from_str(&line?)?;
        let text = value["text"].as_str().unwrap_or("");
        let toks = tokenize(text);
        let quotes = find_quotations(&toks);
        let s = sentences(text, &toks, &quotes);
        let index = CharIndex::new(text);
        let lower = lowercase_same_length(text);
        bytes += text.len();
        tokens += toks.len();
        sents += s.len();
        boiler += s.iter().filter(|x| x.boilerplate).count();
        chars += index.chars(text.len()) + lower.map_or(0, |l| l.len() - text.len());
    }
    println!(
        "{bytes} bytes, {chars} chars, {tokens} tokens, {sents} sentences ({boiler} boilerplate)"
    );
    Ok(())
}

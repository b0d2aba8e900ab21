//! Writes a JSON Lines corpus of about MB megabytes for throughput and memory
//! measurements: the articles of `data/samples` (our own fictional texts),
//! repeated with a varying last line so no two documents are identical.
//!
//! cargo run --release -p claimgraph-extract --example corpus_jsonl -- 50 > /tmp/corpus50.jsonl

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let megabytes: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .ok_or("usage: corpus_jsonl MEGABYTES")?;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/samples");
    let mut samples: Vec<(String, String)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect();
    samples.sort();
    if samples.is_empty() {
        return Err(format!("no .txt files in {dir}").into());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut bytes, mut n) = (0usize, 0usize);
    while (bytes as f64) < megabytes * 1e6 {
        let (name, text) = &samples[n % samples.len()];
        let text = format!("{text}\n\nStand {n}.");
        bytes += text.len();
        let doc =
            serde_json::json!({"id": format!("{n}-{name}"), "text": text, "date": "2025-03-11"});
        serde_json::to_writer(&mut out, &doc)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(())
}

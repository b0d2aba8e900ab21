//! Reads a directory of .txt files with its meta.jsonl, or a JSON Lines file
//! of {"id", "text", "date"}, and prints the claims as JSON Lines.
//!
//! cargo run -p claimgraph-extract --example extract_jsonl -- DIR_OR_FILE

use claimgraph_extract::Extractor;
use claimgraph_model::Document;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args()
        .nth(1)
        .ok_or("usage: extract_jsonl DIR|FILE.jsonl")?;
    let path = Path::new(&arg);
    let docs = if path.is_dir() {
        read_dir(path)?
    } else {
        read_jsonl(path)?
    };
    let extractor = Extractor::default();
    let claims: Vec<_> = docs.par_iter().map(|d| extractor.extract(d)).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for c in claims.iter().flatten() {
        writeln!(out, "{}", serde_json::to_string(c)?)?;
    }
    Ok(())
}

fn read_dir(dir: &Path) -> Result<Vec<Document>, Box<dyn std::error::Error>> {
    let mut dates = HashMap::new();
    if let Ok(meta) = std::fs::read_to_string(dir.join("meta.jsonl")) {
        for line in meta.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line)?;
            if let (Some(f), Some(d)) = (v["file"].as_str(), v["date"].as_str()) {
                dates.insert(f.to_string(), d.parse().ok());
            }
        }
    }
    let mut docs = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let id = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        docs.push(Document {
            text: std::fs::read_to_string(&p)?,
            date: dates.get(&id).copied().flatten(),
            id,
            ..Document::default()
        });
    }
    Ok(docs)
}

fn read_jsonl(path: &Path) -> Result<Vec<Document>, Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(path)?
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)?;
        docs.push(Document {
            id: v["id"].as_str().unwrap_or_default().to_string(),
            text: v["text"].as_str().unwrap_or_default().to_string(),
            date: v["date"].as_str().and_then(|d| d.parse().ok()),
            ..Document::default()
        });
    }
    Ok(docs)
}

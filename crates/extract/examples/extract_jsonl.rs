//! Reads a directory of .txt files with its meta.jsonl, or a JSON Lines file
//! of {"id", "text", "date"}, and prints the claims as JSON Lines.
//!
//! cargo run -p claimgraph-extract --example extract_jsonl -- DIR_OR_FILE
//!
//! Input is streamed: documents are read a batch at a time, extracted in
//! parallel (rayon) and written in input order, so memory stays flat however
//! large the corpus is.

use claimgraph_extract::Extractor;
use claimgraph_model::Document;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

// the allocator of the `claimgraph` binary, so this example measures what the CLI does
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Documents extracted together: enough to keep every core busy, few enough
/// that a batch of long articles stays small.
const BATCH: usize = 256;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let arg = std::env::args()
        .nth(1)
        .ok_or("usage: extract_jsonl DIR|FILE.jsonl")?;
    let path = Path::new(&arg);
    let extractor = Extractor::default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut batch = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Document>| -> Result<()> {
        let claims: Vec<_> = batch.par_iter().map(|d| extractor.extract(d)).collect();
        for c in claims.iter().flatten() {
            serde_json::to_writer(&mut out, c)?;
            out.write_all(b"\n")?;
        }
        batch.clear();
        Ok(())
    };
    if path.is_dir() {
        let dates = read_dates(path)?;
        for file in txt_files(path)? {
            batch.push(read_txt(&file, &dates)?);
            if batch.len() == BATCH {
                flush(&mut batch)?;
            }
        }
    } else {
        let reader = BufReader::new(std::fs::File::open(path)?);
        for line in reader.lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            batch.push(jsonl_document(&line)?);
            if batch.len() == BATCH {
                flush(&mut batch)?;
            }
        }
    }
    flush(&mut batch)?;
    Ok(())
}

/// file name → article date, from the directory's meta.jsonl (if any).
fn read_dates(dir: &Path) -> Result<HashMap<String, Option<claimgraph_model::DateValue>>> {
    let mut dates = HashMap::new();
    if let Ok(meta) = std::fs::read_to_string(dir.join("meta.jsonl")) {
        for line in meta.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line)?;
            if let (Some(f), Some(d)) = (v["file"].as_str(), v["date"].as_str()) {
                dates.insert(f.to_string(), d.parse().ok());
            }
        }
    }
    Ok(dates)
}

/// The .txt files of a directory, sorted by name.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

fn read_txt(
    p: &Path,
    dates: &HashMap<String, Option<claimgraph_model::DateValue>>,
) -> Result<Document> {
    let id = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Document {
        text: std::fs::read_to_string(p)?,
        date: dates.get(&id).copied().flatten(),
        id,
        ..Document::default()
    })
}

fn jsonl_document(line: &str) -> Result<Document> {
    let v: serde_json::Value = serde_json::from_str(line)?;
    Ok(Document {
        id: v["id"].as_str().unwrap_or_default().to_string(),
        text: v["text"].as_str().unwrap_or_default().to_string(),
        date: v["date"].as_str().and_then(|d| d.parse().ok()),
        ..Document::default()
    })
}

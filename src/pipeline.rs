//! Read → extract, in parallel over documents, streaming in bounded batches.
//!
//! Documents are pulled from the reader in batches, extracted on all cores with
//! rayon, and handed to the consumer in input order, so output is deterministic
//! and memory is bounded by the batch, not the corpus.

use crate::cli::InputArgs;
use crate::progress::Progress;
use anyhow::{Context, Result};
use claimgraph_extract::{Extractor, Lexicon};
use claimgraph_model::{Claim, DateValue, Document};
use claimgraph_text::input::{read_inputs, InputItem, InputOptions, Skipped};
use rayon::prelude::*;
use std::sync::mpsc;
use std::time::Instant;

/// Documents per parallel batch: large enough to keep all cores busy,
/// small enough that a streaming consumer sees output promptly.
const BATCH_DOCS: usize = 64;
/// Bytes of text per batch, so a few huge articles do not pile up in memory.
const BATCH_BYTES: usize = 8 << 20;
/// Inputs read ahead of extraction: enough to fill the next batch while one is extracted.
const READ_AHEAD: usize = 2 * BATCH_DOCS;

/// What a run read, found and skipped; printed as the closing summary.
#[derive(Debug, Default)]
pub struct Summary {
    pub articles: usize,
    pub claims: usize,
    pub skipped: Vec<Skipped>,
    pub bytes: usize,
    pub started: Option<Instant>,
}

impl Summary {
    pub fn seconds(&self) -> f64 {
        self.started.map_or(0.0, |t| t.elapsed().as_secs_f64())
    }

    /// `2 skipped` plus the list, or nothing.
    pub fn skipped_note(&self) -> String {
        match self.skipped.len() {
            0 => String::new(),
            n => format!(", {n} skipped (see the messages above)"),
        }
    }
}

/// The extractor with the built-in German lexicon plus the user's files.
pub fn build_extractor(args: &InputArgs) -> Result<Extractor> {
    let mut lexicon = Lexicon::german();
    for path in &args.lexicon {
        lexicon
            .extend_from_file(path)
            .with_context(|| format!("reading the lexicon {}", path.display()))?;
    }
    Ok(Extractor::new(lexicon))
}

pub fn input_options(args: &InputArgs) -> Result<InputOptions> {
    let date = args
        .date
        .as_deref()
        .map(|d| d.parse::<DateValue>())
        .transpose()
        .context("--date takes YYYY-MM-DD, YYYY-MM or YYYY")?;
    Ok(InputOptions {
        meta: args.meta.clone(),
        date,
        ..InputOptions::default()
    })
}

/// Runs extraction over every input and hands each document, with its
/// claims, to `consume` in input order. Skipped inputs are reported on stderr as
/// they are met and collected in the summary.
pub fn run<F>(
    args: &InputArgs,
    min_confidence: f32,
    progress: &Progress,
    mut consume: F,
) -> Result<Summary>
where
    F: FnMut(Document, Vec<Claim>) -> Result<()>,
{
    if let Some(n) = args.threads {
        // Ignore the error of a pool already built (only possible in tests).
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let extractor = build_extractor(args)?;
    let items = read_inputs(&args.paths, &input_options(args)?)?;
    let mut summary = Summary {
        started: Some(Instant::now()),
        ..Summary::default()
    };
    // Reading runs ahead on its own thread, at most READ_AHEAD items. A batch
    // takes what has been read, up to its limits, and is extracted as soon as
    // nothing more is ready: full batches when input is fast (files), one
    // article at a time from a slow stream, so a `pipe` map step sees each
    // article's output without waiting for 63 more. The thread is not joined:
    // after an early error (a closed stdout) it may be blocked reading stdin.
    let (sender, receiver) = mpsc::sync_channel(READ_AHEAD);
    std::thread::spawn(move || {
        for item in items {
            if sender.send(item).is_err() {
                break;
            }
        }
    });
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH_DOCS);
    while let Ok(first) = receiver.recv() {
        let mut batch_bytes = 0;
        let mut next = Some(first);
        while let Some(item) = next {
            match item {
                InputItem::Document(doc) => {
                    batch_bytes += doc.text.len();
                    batch.push(doc);
                }
                InputItem::Skipped(skipped) => {
                    progress.warn(&format!("skipped {skipped}"));
                    summary.skipped.push(skipped);
                }
            }
            if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                break;
            }
            next = receiver.try_recv().ok();
        }
        flush(
            &extractor,
            &mut batch,
            min_confidence,
            &mut summary,
            progress,
            &mut consume,
        )?;
    }
    Ok(summary)
}

fn flush<F>(
    extractor: &Extractor,
    batch: &mut Vec<Document>,
    min_confidence: f32,
    summary: &mut Summary,
    progress: &Progress,
    consume: &mut F,
) -> Result<()>
where
    F: FnMut(Document, Vec<Claim>) -> Result<()>,
{
    let results: Vec<Vec<Claim>> = batch
        .par_iter()
        .map(|doc| {
            let mut claims = extractor.extract(doc);
            claims.retain(|c| c.confidence >= min_confidence);
            claims
        })
        .collect();
    for (doc, claims) in batch.drain(..).zip(results) {
        summary.articles += 1;
        summary.claims += claims.len();
        summary.bytes += doc.text.len();
        progress.advance(doc.text.len());
        consume(doc, claims)?;
    }
    Ok(())
}

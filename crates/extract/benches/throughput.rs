//! Extraction throughput, one thread and all cores (rayon).
//!
//! The corpus is built by replicating and varying texts: the files under
//! `data/samples/*.txt` when present, else generated German sentences.
//! `CLAIMGRAPH_BENCH_MB` sets its size (default 4 MB; use 50 for the
//! throughput figure): `CLAIMGRAPH_BENCH_MB=50 cargo bench -p claimgraph-extract`.
//! The headline line gives MB/s on one thread and on all cores (rayon over
//! documents): the median and the best of five passes over the whole corpus
//! (the machine may be shared: the best pass is the one least disturbed); a
//! second line says how much CPU time other processes and the host took during
//! the one-thread passes (Linux), which tells whether the figures are
//! undisturbed; the criterion groups then time the first 200 documents.

use claimgraph_extract::Extractor;
use claimgraph_model::Document;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use std::time::Instant;

// the allocator of the `claimgraph` binary, so the figures are the CLI's
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SPEAKERS: &[&str] = &[
    "Bundeskanzlerin Petra Sommer",
    "Der Gewerkschaftschef",
    "Die Regierung in Paris",
    "Außenminister Karl Winter",
    "Die Nato",
];
const CUES: &[&str] = &["sagte", "erklärte", "betonte", "warnte", "kündigte an"];

fn generated_article(n: usize) -> String {
    let mut s = String::from("Neue Gespräche über den Haushalt\n\n");
    for k in 0..12 {
        let who = SPEAKERS[(n + k) % SPEAKERS.len()];
        let cue = CUES[(n * 7 + k) % CUES.len()];
        s.push_str(&format!(
            "{who} {cue} am Dienstag, man werde die Vorschläge Nummer {n} sorgfältig prüfen. \
             „Wir lassen uns nicht unter Druck setzen“, sagte sie. Die Lage sei ernst. \
             Laut dem Ministerium bleiben die Gespräche schwierig.\n\n"
        ));
    }
    s.push_str("Foto: Beispielagentur\n");
    s
}

fn corpus(megabytes: usize) -> Vec<Document> {
    let mut samples: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/samples"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
    if samples.is_empty() {
        samples = (0..20).map(generated_article).collect();
    }
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut n = 0;
    while bytes < megabytes * 1_000_000 {
        // vary the text so no two documents are identical
        let text = format!("{}\n\nStand {n}.", samples[n % samples.len()]);
        bytes += text.len();
        docs.push(Document {
            id: format!("doc{n}.txt"),
            text,
            date: "2023-05-12".parse().ok(),
            ..Document::default()
        });
        n += 1;
    }
    docs
}

fn bench(c: &mut Criterion) {
    let mb: usize = std::env::var("CLAIMGRAPH_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let docs = corpus(mb);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let ex = Extractor::default();
    // the headline figures: MB/s over the whole corpus, median of five passes
    let before = CpuUse::now();
    let (n1, single) = rates(bytes, || docs.iter().map(|d| ex.extract(d).len()).sum());
    let disturbance = before.zip(CpuUse::now()).map(|(b, a)| a.since(&b));
    let (n2, multi) = rates(bytes, || docs.par_iter().map(|d| ex.extract(d).len()).sum());
    println!(
        "corpus {:.1} MB, {} documents, {n1}/{n2} claims: one thread {:.1} MB/s (best {:.1}), all cores ({}) {:.1} MB/s (best {:.1}); median of {PASSES} passes",
        bytes as f64 / 1e6,
        docs.len(),
        single.median,
        single.best,
        rayon::current_num_threads(),
        multi.median,
        multi.best,
    );
    if let Some(d) = disturbance {
        println!(
            "during the one-thread passes ({:.1} s): other processes ran {:.1} CPU-seconds, the host \
             took {:.1} (steal); where either is above a few tenths, the figures are disturbed",
            d.wall, d.others, d.steal
        );
    }
    let sample: Vec<Document> = docs.iter().take(200).cloned().collect();
    let sample_bytes: usize = sample.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(sample_bytes as u64));
    g.sample_size(10);
    g.bench_function("one_thread", |b| {
        b.iter(|| sample.iter().map(|d| ex.extract(d).len()).sum::<usize>())
    });
    g.bench_function("all_cores", |b| {
        b.iter(|| {
            sample
                .par_iter()
                .map(|d| ex.extract(d).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

const PASSES: usize = 5;

/// CPU time used on this machine so far (Linux `/proc`, in clock ticks of
/// 1/100 s): on a small shared machine, other work slows the passes as much as
/// any change of ours, so the bench says how much of it there was.
struct CpuUse {
    at: Instant,
    busy: u64,
    steal: u64,
    own: u64,
}

/// What happened between two `CpuUse`, in seconds.
struct Disturbance {
    wall: f64,
    others: f64,
    steal: f64,
}

impl CpuUse {
    fn now() -> Option<CpuUse> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        // cpu  user nice system idle iowait irq softirq steal ...
        let ticks: Vec<u64> = stat
            .lines()
            .next()?
            .split_whitespace()
            .skip(1)
            .map(|v| v.parse().ok())
            .collect::<Option<_>>()?;
        let own_stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        // after the command name in parentheses: state is field 3, utime 14, stime 15
        let fields: Vec<&str> = own_stat.rsplit_once(')')?.1.split_whitespace().collect();
        let own = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        let busy = [0, 1, 2, 5, 6]
            .iter()
            .map(|&i| ticks.get(i).copied().unwrap_or(0))
            .sum();
        Some(CpuUse {
            at: Instant::now(),
            busy,
            steal: *ticks.get(7)?,
            own,
        })
    }

    fn since(&self, earlier: &CpuUse) -> Disturbance {
        let seconds = |ticks: u64| ticks as f64 / 100.0;
        let own = self.own.saturating_sub(earlier.own);
        Disturbance {
            wall: self.at.duration_since(earlier.at).as_secs_f64(),
            others: seconds(self.busy.saturating_sub(earlier.busy).saturating_sub(own)),
            steal: seconds(self.steal.saturating_sub(earlier.steal)),
        }
    }
}

/// MB/s of the passes over the corpus.
struct Rates {
    median: f64,
    best: f64,
}

/// (claims, MB/s) of `run` over `bytes` of text in `PASSES` passes (the
/// machine is shared, single passes are noisy).
fn rates(bytes: usize, run: impl Fn() -> usize) -> (usize, Rates) {
    let mut claims = 0;
    let mut rates: Vec<f64> = (0..PASSES)
        .map(|_| {
            let t = Instant::now();
            claims = run();
            bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    let rates = Rates {
        median: rates[PASSES / 2],
        best: rates[PASSES - 1],
    };
    (claims, rates)
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! `claimgraph clusters`: the claim clusters of the store (the same statement
//! reported by several articles), and their score against a fixture.

use crate::cli::{ClustersArgs, ClustersFormat};
use crate::output;
use anyhow::{Context, Result};
use claimgraph_kg::cluster::ClusterParams;
use claimgraph_kg::cluster_eval::{parse_fixture, score_clusters, ClusterScore};
use claimgraph_kg::{shorten_iri, ClaimCluster, Store};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: ClustersArgs) -> Result<ExitCode> {
    let store = super::open_existing(&args.store.store)?;
    // A threshold or window given here recomputes the clusters in memory
    // (nothing is written); otherwise the clusters of the last ingest are read.
    let clusters = if args.threshold.is_some() || args.window_days.is_some() {
        let defaults = ClusterParams::default();
        let params = ClusterParams {
            threshold: args.threshold.unwrap_or(defaults.threshold),
            window_days: args.window_days.unwrap_or(defaults.window_days),
        };
        store.compute_clusters(&params)?
    } else {
        store.claim_clusters()?
    };
    let mut out = output::open(args.output.as_deref())?;
    if let Some(gold) = &args.gold {
        let text = std::fs::read_to_string(gold)
            .with_context(|| format!("cannot read the fixture {}", gold.display()))?;
        let fixture = parse_fixture(&text)?;
        let score = score(&store, &fixture, &clusters)?;
        let written = write_score(&mut out, &score, args.format);
        return output::finish(written, &mut out);
    }
    let shown: Vec<&ClaimCluster> = clusters
        .iter()
        .filter(|c| c.outlet_count >= args.min_outlets)
        .collect();
    let written = match args.format {
        ClustersFormat::Table => write_table(&mut out, &shown),
        ClustersFormat::Json => write_json(&mut out, &shown),
        ClustersFormat::Csv => write_csv(&mut out, &shown),
    };
    output::finish(written, &mut out)
}

fn score(
    store: &Store,
    fixture: &[Vec<claimgraph_kg::cluster_eval::GoldMention>],
    clusters: &[ClaimCluster],
) -> Result<ClusterScore> {
    let claims = store.stored_claims()?;
    let spans = store.content_spans()?;
    Ok(score_clusters(fixture, &claims, &spans, clusters))
}

fn write_score(out: &mut dyn Write, s: &ClusterScore, format: ClustersFormat) -> Result<()> {
    if format == ClustersFormat::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(s)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "fixture: {} clusters, {} claims ({} found in the store); predicted: {} clusters",
        s.fixture_clusters, s.fixture_claims, s.claims_found, s.predicted_clusters
    )?;
    writeln!(
        out,
        "pairs: {} predicted, {} in the fixture ({} with both claims found), {} correct",
        s.predicted_pairs, s.gold_pairs, s.gold_pairs_found, s.correct_pairs
    )?;
    writeln!(
        out,
        "{:<10} {:>9} {:>7} {:>7}",
        "", "precision", "recall", "f1"
    )?;
    for (name, m) in [("pairwise", s.pairwise), ("b-cubed", s.bcubed)] {
        writeln!(
            out,
            "{name:<10} {:>9.3} {:>7.3} {:>7.3}",
            m.precision, m.recall, m.f1
        )?;
    }
    writeln!(
        out,
        "pairwise recall over fixture pairs whose claims were both extracted: {:.3}",
        s.recall_on_found
    )?;
    Ok(())
}

fn write_table(out: &mut dyn Write, clusters: &[&ClaimCluster]) -> Result<()> {
    writeln!(
        out,
        "{:<7} {:<8} {:<10} {:<10} {:<22} content",
        "outlets", "articles", "first", "last", "speaker"
    )?;
    for c in clusters {
        writeln!(
            out,
            "{:<7} {:<8} {:<10} {:<10} {:<22} {}",
            c.outlet_count,
            c.article_count,
            c.first_reported.as_deref().unwrap_or("-"),
            c.last_reported.as_deref().unwrap_or("-"),
            clip(&c.speaker, 22),
            clip(&c.text, 80)
        )?;
    }
    Ok(())
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

fn write_json(out: &mut dyn Write, clusters: &[&ClaimCluster]) -> Result<()> {
    writeln!(out, "{}", serde_json::to_string_pretty(clusters)?)?;
    Ok(())
}

fn write_csv(out: &mut dyn Write, clusters: &[&ClaimCluster]) -> Result<()> {
    writeln!(
        out,
        "cluster,speaker,outlets,articles,members,first_reported,last_reported,quoted_directly_in,reported_in,content"
    )?;
    for c in clusters {
        let fields = [
            shorten_iri(&c.iri),
            c.speaker.clone(),
            c.outlet_count.to_string(),
            c.article_count.to_string(),
            c.members.len().to_string(),
            c.first_reported.clone().unwrap_or_default(),
            c.last_reported.clone().unwrap_or_default(),
            c.quoted_directly_in.join(" "),
            c.articles.join(" "),
            c.text.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|f| output::csv_field(f)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

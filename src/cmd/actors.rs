//! `claimgraph actors`: list the actors, merge two, apply an alias file; and
//! the link pass that `claimgraph ingest` runs after writing its articles.

use crate::cli::{ActorsArgs, ActorsCommand, ActorsFormat};
use crate::output;
use anyhow::Result;
use claimgraph_kg::cluster::ClusterParams;
use claimgraph_kg::{ActorSummary, AliasFile, ClusterScope, LinkScope, Store};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: ActorsArgs, quiet: bool) -> Result<ExitCode> {
    let aliases = read_aliases(args.aliases.as_deref())?;
    let store = super::open_existing(&args.store)?;
    if let Some(file) = &aliases {
        let outcome = store.apply_aliases(file)?;
        if let Some(first) = outcome.skipped.first() {
            // `actors --aliases` works on the store as it is: an unknown name is a mistake.
            anyhow::bail!("{first}");
        }
        if !quiet {
            eprintln!(
                "claimgraph: {} aliases applied, {} already in effect ({} article graphs rewritten)",
                outcome.merged, outcome.unchanged, outcome.link.graphs_rewritten
            );
        }
        recluster(&store, outcome.link.rewritten, quiet)?;
    }
    match &args.command {
        Some(ActorsCommand::Merge { from, into }) => {
            let report = store.merge_actors(from, into)?;
            if !quiet {
                eprintln!(
                    "claimgraph: merged {from:?} into {into:?} ({} article graphs rewritten)",
                    report.graphs_rewritten
                );
            }
            recluster(&store, report.rewritten, quiet)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(ActorsCommand::Unmerge { name }) => {
            let report = store.unmerge_actor(name)?;
            if !quiet {
                eprintln!(
                    "claimgraph: merges of {name:?} undone ({} article graphs rewritten)",
                    report.graphs_rewritten
                );
            }
            recluster(&store, report.rewritten, quiet)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(ActorsCommand::Merges) => {
            let mut out = std::io::stdout().lock();
            for (merged, into) in store.merges()? {
                writeln!(out, "{}\t{}", merged.as_str(), into.as_str())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(ActorsCommand::Relink) => {
            let report = store.link_actors(LinkScope::All)?;
            if !quiet {
                eprintln!(
                    "claimgraph: {} actor keys checked, {} linked to another actor, {} article graphs rewritten",
                    report.keys_checked, report.keys_linked, report.graphs_rewritten
                );
            }
            recluster(&store, report.rewritten, quiet)?;
            Ok(ExitCode::SUCCESS)
        }
        None => list(&store, args.format),
    }
}

/// Claims whose speaker a merge or relink changed move to other clusters: the
/// cluster pass runs on the rewritten articles, as it does after an ingest.
pub fn recluster(store: &Store, rewritten: Vec<String>, quiet: bool) -> Result<()> {
    if rewritten.is_empty() {
        return Ok(());
    }
    let outcome = store.cluster_claims(
        &ClusterScope::Articles(rewritten),
        &ClusterParams::default(),
        None,
    )?;
    if !quiet {
        eprintln!(
            "claimgraph: claim clusters of {} speakers recomputed ({} written)",
            outcome.actors, outcome.written
        );
    }
    Ok(())
}

/// Reads and checks an alias file before any work is done, so a syntax error
/// fails fast with its `file:line`.
pub fn read_aliases(path: Option<&Path>) -> Result<Option<AliasFile>> {
    Ok(path.map(AliasFile::read).transpose()?)
}

/// The link pass after an ingest: the written articles' actors, then the
/// user's aliases. Names in the alias file that the store does not hold (yet)
/// are reported and skipped. Returns the other articles whose speakers or
/// addressees changed (their clusters need recomputing too).
pub fn link_after_ingest(
    store: &Store,
    ingested: &[String],
    aliases: Option<&AliasFile>,
    quiet: bool,
) -> Result<Vec<String>> {
    let start = Instant::now();
    let report = store.link_actors(LinkScope::Articles(ingested))?;
    let mut rewritten = report.graphs_rewritten;
    let mut relinked = report.rewritten;
    if let Some(file) = aliases {
        let outcome = store.apply_aliases(file)?;
        rewritten += outcome.link.graphs_rewritten;
        relinked.extend(outcome.link.rewritten);
        for skipped in &outcome.skipped {
            eprintln!("claimgraph: warning: {skipped}; skipped");
        }
    }
    if !quiet {
        eprintln!(
            "claimgraph: actors linked: {} keys checked, {} linked to another actor, {} article graphs rewritten in {:.2} s",
            report.keys_checked,
            report.keys_linked,
            rewritten,
            start.elapsed().as_secs_f64()
        );
    }
    let ingested: std::collections::HashSet<&String> = ingested.iter().collect();
    relinked.retain(|id| !ingested.contains(id));
    relinked.sort();
    relinked.dedup();
    Ok(relinked)
}

fn list(store: &Store, format: ActorsFormat) -> Result<ExitCode> {
    let actors = store.actors()?;
    let mut out = crate::output::open(None)?;
    let written = match format {
        ActorsFormat::Json => serde_json::to_writer_pretty(&mut out, &actors)
            .map_err(anyhow::Error::from)
            .and_then(|_| Ok(writeln!(out)?)),
        ActorsFormat::Csv => write_csv(&mut out, &actors),
        ActorsFormat::Table => write_table(&mut out, &actors),
    };
    crate::output::finish(written, &mut out)
}

fn roles(actor: &ActorSummary) -> String {
    actor
        .roles
        .iter()
        .map(|r| match &r.first_seen {
            Some(date) => format!("{} ({date})", r.role),
            None => r.role.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn write_table(out: &mut dyn Write, actors: &[ActorSummary]) -> Result<()> {
    writeln!(
        out,
        "{:<28} {:<12} {:>6} {:>9} {:<9} also known as / roles",
        "actor", "kind", "claims", "addressed", "wikidata"
    )?;
    for a in actors {
        let mut names = a.alt_labels.join("; ");
        let roles = roles(a);
        if !roles.is_empty() {
            names = if names.is_empty() {
                format!("roles: {roles}")
            } else {
                format!("{names} | roles: {roles}")
            };
        }
        writeln!(
            out,
            "{:<28} {:<12} {:>6} {:>9} {:<9} {}",
            a.label,
            a.kind,
            a.claims,
            a.addressed,
            a.wikidata.as_deref().unwrap_or("-"),
            names
        )?;
    }
    Ok(())
}

fn write_csv(out: &mut dyn Write, actors: &[ActorSummary]) -> Result<()> {
    writeln!(
        out,
        "iri,label,kind,wikidata,claims,addressed,alt_labels,roles"
    )?;
    for a in actors {
        let fields = [
            a.iri.clone(),
            a.label.clone(),
            a.kind.clone(),
            a.wikidata.clone().unwrap_or_default(),
            a.claims.to_string(),
            a.addressed.to_string(),
            a.alt_labels.join("|"),
            roles(a),
        ];
        let line: Vec<String> = fields.iter().map(|f| output::csv_field(f)).collect();
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}

//! `claimgraph extract`: claims as JSON Lines, a table, or N-Quads.

use super::input_exit_code;
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::output;
use crate::pipeline;
use crate::progress::Progress;
use anyhow::Result;
use claimgraph_kg::mapping;
use claimgraph_model::{Claim, Document};
use oxigraph::io::{RdfFormat, RdfSerializer};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: ExtractArgs, quiet: bool) -> Result<ExitCode> {
    let mut out = output::open(args.output.as_deref())?;
    let progress = Progress::new(quiet, "extracting");
    // A streaming consumer (a `pipe` map step) needs each batch's output promptly.
    let streaming = args.input.paths.iter().any(|p| p.as_os_str() == "-");
    let result = (|| {
        if args.format == ExtractFormat::Table {
            output::write_table_header(&mut out)?;
        }
        let summary = pipeline::run(
            &args.input,
            args.min_confidence,
            &progress,
            |doc, claims| {
                write_claims(&mut out, args.format, &doc, &claims)?;
                if streaming {
                    out.flush()?;
                }
                Ok(())
            },
        )?;
        out.flush()?;
        Ok(summary)
    })();
    let summary = match result {
        Ok(summary) => summary,
        Err(e) if output::is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e),
    };
    progress.finish(&format!(
        "claimgraph: {} articles, {} claims{} in {:.2} s",
        summary.articles,
        summary.claims,
        summary.skipped_note(),
        summary.seconds()
    ));
    Ok(input_exit_code(&summary, args.input.strict))
}

fn write_claims(
    out: &mut dyn Write,
    format: ExtractFormat,
    doc: &Document,
    claims: &[Claim],
) -> Result<()> {
    match format {
        ExtractFormat::Jsonl => {
            for claim in claims {
                serde_json::to_writer(&mut *out, claim)?;
                out.write_all(b"\n")?;
            }
        }
        ExtractFormat::Table => {
            for claim in claims {
                output::write_table_row(out, claim)?;
            }
        }
        ExtractFormat::Nq => {
            let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(out);
            for quad in mapping::document_quads(doc, claims) {
                serializer.serialize_quad(&quad)?;
            }
            serializer.finish()?;
        }
    }
    Ok(())
}

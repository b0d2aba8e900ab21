//! `claimgraph export`: the whole store as Turtle, N-Triples, N-Quads or TriG.

use crate::cli::ExportArgs;
use crate::output;
use anyhow::Result;
use claimgraph_kg::RdfOutFormat;
use std::process::ExitCode;

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let format: RdfOutFormat = args.format.parse()?;
    let store = super::open_existing(&args.store.store)?;
    let mut out = output::open(args.output.as_deref())?;
    let written = store.export(format, &mut out);
    output::finish(written, &mut out)
}

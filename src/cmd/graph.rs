//! `claimgraph graph`: project the store and write DOT, GraphML, GEXF or JSON.

use crate::cli::GraphArgs;
use anyhow::Result;
use std::process::ExitCode;

pub fn run(_args: GraphArgs) -> Result<ExitCode> {
    anyhow::bail!("claimgraph graph is being wired; see the graph crate")
}

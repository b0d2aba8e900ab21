//! The `claimgraph` command line: wires the library crates together and owns no
//! logic of its own beyond argument handling, progress and output files.

mod cli;
mod cmd;
mod output;
mod pipeline;
mod progress;

use clap::Parser;
use std::process::ExitCode;

// mimalloc instead of the system allocator: extraction builds a few hundred small
// strings per article, and glibc's malloc/free were about a quarter of its time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cmd::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("claimgraph: error: {err:#}");
            ExitCode::from(cmd::EXIT_FAILURE)
        }
    }
}

//! Output destinations (`-o FILE`, `-` or nothing for stdout) and the claim table.

use anyhow::{Context, Result};
use claimgraph_model::Claim;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

/// A buffered writer to the file named by `-o`, or to stdout.
pub fn open(path: Option<&Path>) -> Result<Box<dyn Write>> {
    match path {
        Some(p) if p.as_os_str() != "-" => {
            let file = File::create(p).with_context(|| {
                format!(
                    "cannot write {}: check the directory exists and is writable",
                    p.display()
                )
            })?;
            Ok(Box::new(BufWriter::new(file)))
        }
        _ => Ok(Box::new(BufWriter::new(io::stdout().lock()))),
    }
}

/// The exit status of a command whose output is `written` and then flushed:
/// success also when the reader went away early (`| head`), the error otherwise.
pub fn finish<T, E>(written: std::result::Result<T, E>, out: &mut dyn Write) -> Result<ExitCode>
where
    E: Into<anyhow::Error>,
{
    match written.map_err(Into::into).and_then(|_| Ok(out.flush()?)) {
        Err(e) if !is_broken_pipe(&e) => Err(e),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// True when the reader of our output went away (`claimgraph … | head`):
/// not an error worth reporting.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Column widths of the claim table, in characters.
const WIDTHS: [usize; 5] = [10, 22, 9, 14, 70];

pub fn write_table_header(out: &mut dyn Write) -> io::Result<()> {
    write_row(out, ["date", "speaker", "type", "cue", "content"])?;
    let rule: Vec<String> = WIDTHS.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("  "))
}

pub fn write_table_row(out: &mut dyn Write, claim: &Claim) -> io::Result<()> {
    let date = claim
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "?".into());
    write_row(
        out,
        [
            &date,
            &claim.speaker,
            claim.claim_type.as_str(),
            &claim.cue,
            &claim.content,
        ],
    )
}

fn write_row(out: &mut dyn Write, cells: [&str; 5]) -> io::Result<()> {
    let padded: Vec<String> = cells
        .iter()
        .zip(WIDTHS)
        .map(|(cell, width)| fit(cell, width))
        .collect();
    writeln!(out, "{}", padded.join("  ").trim_end())
}

/// Pads or cuts to exactly `width` characters (an ellipsis marks a cut).
fn fit(cell: &str, width: usize) -> String {
    let flat: String = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = flat.chars().count();
    if count <= width {
        format!("{flat}{}", " ".repeat(width - count))
    } else {
        let cut: String = flat.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_pads_and_cuts_by_characters() {
        assert_eq!(fit("Moskau", 8), "Moskau  ");
        assert_eq!(fit("Außenministerin", 6), "Außen…");
        assert_eq!(fit("a\n b", 4), "a b ");
    }
}

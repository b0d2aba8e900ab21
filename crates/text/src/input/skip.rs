//! What was skipped, why, and what to do about it.

use serde::Serialize;
use std::fmt;

/// A piece of input that was not read (a file, a JSONL line, or one field of
/// a line), with the reason and a hint for the user.
///
/// Displays as `origin: reason (hint)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// `path`, or `path:line` for a line of a JSON Lines file.
    pub origin: String,
    /// What is wrong, e.g. `invalid UTF-8 at line 3 (byte 120)`.
    pub reason: String,
    /// What to do, e.g. `re-encode as UTF-8 (iconv -f latin1 -t utf-8)`.
    pub hint: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.origin, self.reason, self.hint)
    }
}

impl std::error::Error for Skipped {}

impl Skipped {
    pub(crate) fn new(origin: &str, reason: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            origin: origin.to_string(),
            reason: reason.into(),
            hint: hint.into(),
        }
    }

    pub(crate) fn missing(origin: &str) -> Self {
        Self::new(origin, "no such file or directory", "check the path")
    }

    pub(crate) fn unreadable(origin: &str, err: &std::io::Error) -> Self {
        Self::new(
            origin,
            format!("cannot be read: {err}"),
            "check that it exists and that you may read it",
        )
    }

    pub(crate) fn too_large(origin: &str, bytes: u64, limit: u64) -> Self {
        Self::new(
            origin,
            format!("{bytes} bytes, more than the limit of {limit} bytes for one article"),
            "split it into articles (one .txt each, or JSON Lines), or raise the size limit",
        )
    }

    pub(crate) fn line_too_long(origin: &str, bytes: usize, limit: usize) -> Self {
        Self::new(
            origin,
            format!("line of {bytes} bytes, more than the limit of {limit} bytes"),
            "check that the file is JSON Lines (one object a line), or raise the line limit",
        )
    }

    pub(crate) fn binary(origin: &str, at_byte: usize) -> Self {
        Self::new(
            origin,
            format!("binary data (NUL byte at byte {at_byte}), not text"),
            "convert it to plain UTF-8 text (e.g. pdftotext, pandoc) or leave it out",
        )
    }

    pub(crate) fn utf16(origin: &str) -> Self {
        Self::new(
            origin,
            "UTF-16 text, not UTF-8",
            "re-encode as UTF-8 (iconv -f utf-16 -t utf-8)",
        )
    }

    pub(crate) fn invalid_utf8(origin: &str, line: usize, at_byte: usize) -> Self {
        Self::new(
            origin,
            format!("invalid UTF-8 at line {line} (byte {at_byte})"),
            "re-encode as UTF-8 (iconv -f latin1 -t utf-8)",
        )
    }

    pub(crate) fn empty(origin: &str) -> Self {
        Self::new(
            origin,
            "empty: no text",
            "put the article text in it or leave it out",
        )
    }

    pub(crate) fn malformed_json(origin: &str, err: &serde_json::Error) -> Self {
        Self::new(
            origin,
            format!("not valid JSON: {err}"),
            "write one JSON object per line, e.g. {\"id\": \"a1\", \"text\": \"...\"}",
        )
    }

    pub(crate) fn not_an_object(origin: &str) -> Self {
        Self::new(
            origin,
            "not a JSON object",
            "write one JSON object per line, e.g. {\"id\": \"a1\", \"text\": \"...\"}",
        )
    }

    pub(crate) fn no_text(origin: &str, what: &str) -> Self {
        Self::new(
            origin,
            what,
            "give each line a non-empty string field \"text\" with the article",
        )
    }

    pub(crate) fn bad_date(origin: &str, value: &str) -> Self {
        Self::new(
            origin,
            format!("date {value} not understood; the date is ignored"),
            "write dates as YYYY-MM-DD, YYYY-MM, YYYY or an ISO timestamp",
        )
    }

    pub(crate) fn not_articles(origin: &str) -> Self {
        Self::new(
            origin,
            "its first line has no \"text\" field: not a file of articles",
            "move it out of the input directory, or give each line a \"text\" field",
        )
    }
}

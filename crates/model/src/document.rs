//! One article as read from the input, with its metadata.

use crate::DateValue;
use serde::{Deserialize, Serialize};

/// Where a document's date came from, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// `meta.jsonl`, `--meta`, or the `date` field of a JSONL article.
    Metadata,
    /// A date line in the text (`Stand: 10.01.2022`, a dateline).
    Text,
    /// The `--date` option.
    Option,
    /// Not known.
    #[default]
    Unknown,
}

/// An article: its text and what is known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// The file name (for a `.txt` file) or the `id` field (for JSONL).
    pub id: String,
    pub text: String,
    /// The publication date.
    pub date: Option<DateValue>,
    pub date_source: DateSource,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// BCP 47 language tag; `de` when not given.
    pub lang: Option<String>,
    /// The path it was read from, with `:LINE` for JSONL (for messages).
    pub origin: String,
}

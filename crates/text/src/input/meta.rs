//! Per-article metadata: `meta.jsonl` files and the fields of JSONL articles.

use super::bytes::{read_line_bounded, Line};
use super::Skipped;
use claimgraph_model::DateValue;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    pub date: Option<DateValue>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
}

impl ArticleMeta {
    /// Each field of `self`, or where it is missing the one of `other`.
    pub fn or(self, other: ArticleMeta) -> ArticleMeta {
        ArticleMeta {
            date: self.date.or(other.date),
            title: self.title.or(other.title),
            outlet: self.outlet.or(other.outlet),
            url: self.url.or(other.url),
            lang: self.lang.or(other.lang),
        }
    }

    /// The metadata fields of a JSON object; a `date` that is present but not
    /// understood is left out and reported in `warnings`.
    pub(crate) fn from_json(
        obj: &Map<String, Value>,
        origin: &str,
        warnings: &mut Vec<Skipped>,
    ) -> Self {
        ArticleMeta {
            date: date_field(obj, origin, warnings),
            title: string_field(obj, "title"),
            outlet: string_field(obj, "outlet"),
            url: string_field(obj, "url"),
            lang: string_field(obj, "lang"),
        }
    }
}

/// A date as metadata gives it: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or an ISO
/// timestamp such as `2022-01-21T10:00:00Z` (its date part is taken).
pub fn parse_meta_date(s: &str) -> Option<DateValue> {
    let s = s.trim();
    let date_part = s.split(['T', ' ']).next().unwrap_or(s);
    date_part.parse().ok()
}

/// A non-blank string field; `null`, other types and blank strings are `None`.
pub(crate) fn string_field(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    }
}

fn date_field(
    obj: &Map<String, Value>,
    origin: &str,
    warnings: &mut Vec<Skipped>,
) -> Option<DateValue> {
    let value = obj.get("date")?;
    let date = match value {
        Value::Null => return None,
        Value::String(s) if s.trim().is_empty() => return None,
        Value::String(s) => parse_meta_date(s),
        Value::Number(n) => n
            .as_i64()
            .and_then(|y| i32::try_from(y).ok())
            .map(DateValue::year),
        _ => None,
    };
    if date.is_none() {
        warnings.push(Skipped::bad_date(origin, &value.to_string()));
    }
    date
}

/// One metadata file: records by their `file` field.
#[derive(Debug, Default)]
pub(crate) struct MetaTable {
    /// The directory the `file` fields are relative to.
    base: PathBuf,
    records: HashMap<String, ArticleMeta>,
}

/// The metadata tables that apply to a file, the first that knows it wins.
pub(crate) type MetaChain = Vec<Arc<MetaTable>>;

impl MetaTable {
    /// Reads a metadata file; its bad lines come back as `Skipped`.
    pub(crate) fn load(path: &Path, max_line: usize) -> io::Result<(MetaTable, Vec<Skipped>)> {
        let file = std::fs::File::open(path)?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut reader = io::BufReader::new(file);
        let origin = path.display().to_string();
        let (records, skipped) = read_records(&mut reader, &origin, max_line)?;
        Ok((MetaTable { base, records }, skipped))
    }

    /// The record for a file: by its path relative to this table's
    /// directory, then by the path as given, then by its file name.
    pub(crate) fn for_path(&self, path: &Path) -> Option<&ArticleMeta> {
        let relative = path.strip_prefix(&self.base).ok().map(slash_path);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        [relative, Some(slash_path(path)), name]
            .into_iter()
            .flatten()
            .find_map(|key| self.records.get(&key))
    }

    /// The record whose `file` field is `key` (a JSONL article's id, `stdin`).
    pub(crate) fn for_key(&self, key: &str) -> Option<&ArticleMeta> {
        self.records.get(key)
    }
}

/// A path with `/` between its components, whatever the platform.
pub(crate) fn slash_path(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

/// The first record for `path` in the chain.
pub(crate) fn lookup_path(chain: &MetaChain, path: &Path) -> ArticleMeta {
    chain
        .iter()
        .find_map(|t| t.for_path(path))
        .cloned()
        .unwrap_or_default()
}

/// The first record for `key` in the chain.
pub(crate) fn lookup_key(chain: &MetaChain, key: &str) -> Option<ArticleMeta> {
    chain.iter().find_map(|t| t.for_key(key)).cloned()
}

type Records = (HashMap<String, ArticleMeta>, Vec<Skipped>);

fn read_records<R: BufRead>(reader: &mut R, origin: &str, max_line: usize) -> io::Result<Records> {
    let (mut records, mut skipped) = (HashMap::new(), Vec::new());
    let mut buf = Vec::new();
    for number in 1.. {
        let line_origin = format!("{origin}:{number}");
        match read_line_bounded(reader, &mut buf, max_line)? {
            Line::End => break,
            Line::TooLong { bytes } => {
                skipped.push(Skipped::line_too_long(&line_origin, bytes, max_line))
            }
            Line::Read => records.extend(meta_record(&buf, &line_origin, &mut skipped)),
        }
    }
    Ok((records, skipped))
}

/// One `{"file", "date", …}` line; `None` (and a `Skipped`) when unusable.
fn meta_record(
    line: &[u8],
    origin: &str,
    skipped: &mut Vec<Skipped>,
) -> Option<(String, ArticleMeta)> {
    if line.trim_ascii().is_empty() {
        return None;
    }
    let value: Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(err) => {
            skipped.push(Skipped::malformed_json(origin, &err));
            return None;
        }
    };
    let Some(obj) = value.as_object() else {
        skipped.push(Skipped::not_an_object(origin));
        return None;
    };
    let Some(file) = string_field(obj, "file") else {
        skipped.push(Skipped::new(
            origin,
            "metadata line without a string field \"file\"",
            "name the article file, e.g. {\"file\": \"a.txt\", \"date\": \"2022-01-21\"}",
        ));
        return None;
    };
    Some((file, ArticleMeta::from_json(obj, origin, skipped)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_dates_in_every_form() {
        let d = |s: &str| parse_meta_date(s).map(|d| d.to_string());
        assert_eq!(d("2022-01-21"), Some("2022-01-21".into()));
        assert_eq!(d("2022-01"), Some("2022-01".into()));
        assert_eq!(d("2022"), Some("2022".into()));
        assert_eq!(d("2022-01-21T10:00:00Z"), Some("2022-01-21".into()));
        assert_eq!(d("2022-01-21 10:00:00"), Some("2022-01-21".into()));
        assert_eq!(d("gestern"), None);
    }

    #[test]
    fn records_with_nulls_and_bad_lines() {
        let input = concat!(
            "{\"file\":\"a.txt\",\"date\":\"2022-01-21\",\"outlet\":null,\"lang\":\"de\"}\n",
            "kein json\n",
            "\n",
            "{\"file\":\"b.txt\",\"date\":\"bald\",\"title\":\"Titel\"}\n",
        );
        let (records, skipped) =
            read_records(&mut input.as_bytes(), "meta.jsonl", 1000).expect("in memory");
        assert_eq!(records["a.txt"].date, parse_meta_date("2022-01-21"));
        assert_eq!(records["a.txt"].outlet, None);
        assert_eq!(records["b.txt"].date, None);
        assert_eq!(records["b.txt"].title.as_deref(), Some("Titel"));
        let origins: Vec<_> = skipped.iter().map(|s| s.origin.as_str()).collect();
        assert_eq!(origins, ["meta.jsonl:2", "meta.jsonl:4"]);
    }
}

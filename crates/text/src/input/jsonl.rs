//! JSON Lines articles, read one line at a time.

use super::bytes::{decode_utf8, read_line_bounded, Line};
use super::document::build_document;
use super::meta::{lookup_key, string_field, ArticleMeta, MetaChain};
use super::{InputItem, InputOptions, Skipped};
use claimgraph_model::DateValue;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::io::BufRead;

/// An iterator over the articles of a JSON Lines stream, one line in memory
/// at a time (at most [`InputOptions::max_line_bytes`]).
///
/// Each line is `{"id", "text", "date"?, "title"?, "outlet"?, "url"?, "lang"?}`;
/// other fields are ignored, blank lines skipped silently. A line without
/// `id` gets the id `NAME:LINE`. Bad lines come out as
/// [`InputItem::Skipped`] with origin `NAME:LINE` and reading goes on; a read
/// error or binary data ends the stream with one `Skipped`.
pub struct JsonlReader<R> {
    reader: R,
    /// Prefix of origins (`path:line`).
    origin: String,
    /// Prefix of ids made up for lines without one (`file:line`).
    id_prefix: String,
    /// Metadata for the whole file (from a `meta.jsonl` record for it).
    file_meta: ArticleMeta,
    meta: MetaChain,
    date_option: Option<DateValue>,
    max_line: usize,
    line_number: usize,
    buf: Vec<u8>,
    queued: VecDeque<InputItem>,
    finished: bool,
    /// Whether a first object without `text` means the file holds no articles.
    first_object_decides: bool,
}

/// Reads `reader` as JSON Lines articles; `name` stands for it in origins and
/// made-up ids (`name:line`). Metadata comes from the lines alone (and
/// `opts.date` as the fallback date); `opts.meta` is not consulted here.
pub fn read_jsonl<R: BufRead>(reader: R, name: &str, opts: &InputOptions) -> JsonlReader<R> {
    JsonlReader::new(
        reader,
        name,
        name,
        opts,
        MetaChain::new(),
        ArticleMeta::default(),
    )
}

impl<R: BufRead> JsonlReader<R> {
    pub(crate) fn new(
        reader: R,
        origin: &str,
        id_prefix: &str,
        opts: &InputOptions,
        meta: MetaChain,
        file_meta: ArticleMeta,
    ) -> Self {
        JsonlReader {
            reader,
            origin: origin.to_string(),
            id_prefix: id_prefix.to_string(),
            file_meta,
            meta,
            date_option: opts.date,
            max_line: opts.max_line_bytes,
            line_number: 0,
            buf: Vec::new(),
            queued: VecDeque::new(),
            finished: false,
            first_object_decides: false,
        }
    }

    /// Makes a first object without a `text` field end the file with one
    /// report: a JSON Lines file found in a directory may hold other data
    /// (annotations, metadata) rather than articles.
    pub(crate) fn skip_file_without_text(mut self) -> Self {
        self.first_object_decides = true;
        self
    }

    fn line_origin(&self) -> String {
        format!("{}:{}", self.origin, self.line_number)
    }

    /// Reads the next line and queues what it gives; `false` at the end.
    fn read_next_line(&mut self) -> bool {
        self.line_number += 1;
        let origin = self.line_origin();
        match read_line_bounded(&mut self.reader, &mut self.buf, self.max_line) {
            Ok(Line::End) => return false,
            Ok(Line::Read) => self.parse_line(&origin),
            Ok(Line::TooLong { bytes }) => {
                let skipped = Skipped::line_too_long(&origin, bytes, self.max_line);
                self.queued.push_back(InputItem::Skipped(skipped));
            }
            Err(err) => {
                self.finish(Skipped::unreadable(&origin, &err));
            }
        }
        true
    }

    /// Ends the stream with one last report.
    fn finish(&mut self, skipped: Skipped) {
        self.queued.push_back(InputItem::Skipped(skipped));
        self.finished = true;
    }

    fn parse_line(&mut self, origin: &str) {
        if self.line_number == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf.drain(..3);
        }
        if self.buf.trim_ascii().is_empty() {
            return;
        }
        if let Some(at) = memchr::memchr(0, &self.buf) {
            return self.finish(Skipped::binary(origin, at));
        }
        let line = std::mem::take(&mut self.buf);
        let item = match decode_utf8(line, origin) {
            Ok(text) => self.article(&text, origin),
            Err(skipped) => InputItem::Skipped(skipped),
        };
        self.queued.push_back(item);
    }

    /// The document of one line, its date warnings queued before it.
    fn article(&mut self, line: &str, origin: &str) -> InputItem {
        let obj = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => obj,
            Ok(_) => return InputItem::Skipped(Skipped::not_an_object(origin)),
            Err(err) => return InputItem::Skipped(Skipped::malformed_json(origin, &err)),
        };
        if std::mem::take(&mut self.first_object_decides) && !obj.contains_key("text") {
            self.finished = true;
            return InputItem::Skipped(Skipped::not_articles(&self.origin));
        }
        let text = match text_field(&obj, origin) {
            Ok(text) => text,
            Err(skipped) => return InputItem::Skipped(skipped),
        };
        let id =
            id_field(&obj).unwrap_or_else(|| format!("{}:{}", self.id_prefix, self.line_number));
        let mut warnings = Vec::new();
        let own = ArticleMeta::from_json(&obj, origin, &mut warnings);
        self.queued
            .extend(warnings.into_iter().map(InputItem::Skipped));
        let from_table = lookup_key(&self.meta, &id).unwrap_or_else(|| self.file_meta.clone());
        let meta = own.or(from_table);
        InputItem::Document(build_document(
            id,
            origin.to_string(),
            text,
            meta,
            self.date_option,
        ))
    }
}

/// The `id` field as a string (numbers allowed); `None` when missing or blank.
fn id_field(obj: &Map<String, Value>) -> Option<String> {
    match obj.get("id") {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => string_field(obj, "id"),
    }
}

fn text_field(obj: &Map<String, Value>, origin: &str) -> Result<String, Skipped> {
    match obj.get("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Value::String(_)) => Err(Skipped::no_text(origin, "empty \"text\"")),
        Some(_) => Err(Skipped::no_text(origin, "\"text\" is not a string")),
        None => Err(Skipped::no_text(origin, "no \"text\" field")),
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(item) = self.queued.pop_front() {
                return Some(item);
            }
            if self.finished || !self.read_next_line() {
                self.finished = true;
                return None;
            }
        }
    }
}

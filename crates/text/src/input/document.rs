//! Putting a document together: metadata, and its date from the first source that has one.

use super::meta::ArticleMeta;
use crate::dateline::find_date;
use claimgraph_model::{DateSource, DateValue, Document};

/// The language assumed when nothing says otherwise.
pub const DEFAULT_LANG: &str = "de";

pub(crate) fn build_document(
    id: String,
    origin: String,
    text: String,
    meta: ArticleMeta,
    date_option: Option<DateValue>,
) -> Document {
    let (date, date_source) = resolve_date(meta.date, &text, date_option);
    Document {
        id,
        text,
        date,
        date_source,
        title: meta.title,
        outlet: meta.outlet,
        url: meta.url,
        lang: Some(meta.lang.unwrap_or_else(|| DEFAULT_LANG.to_string())),
        origin,
    }
}

/// Metadata, then a date line in the text, then the `--date` option.
fn resolve_date(
    from_meta: Option<DateValue>,
    text: &str,
    from_option: Option<DateValue>,
) -> (Option<DateValue>, DateSource) {
    if let Some(d) = from_meta {
        return (Some(d), DateSource::Metadata);
    }
    if let Some(d) = find_date(text) {
        return (Some(d), DateSource::Text);
    }
    match from_option {
        Some(d) => (Some(d), DateSource::Option),
        None => (None, DateSource::Unknown),
    }
}

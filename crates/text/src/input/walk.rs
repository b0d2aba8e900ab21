//! Which files of a directory tree are articles, in a stable order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The name of the metadata file of a directory.
pub const META_FILE: &str = "meta.jsonl";

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One article.
    Text,
    /// One article a line.
    Jsonl,
}

/// One entry of a directory that the walk visits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    File(PathBuf, Kind),
    Dir(PathBuf),
}

/// What a directory holds: articles and subdirectories sorted by name, and
/// whether it has a `meta.jsonl`.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    pub entries: Vec<Entry>,
    pub has_meta: bool,
}

/// How a file found in a directory is read, by its name; `None` for files
/// that are not articles (other extensions, `meta.jsonl`, hidden files).
pub(crate) fn kind_in_directory(name: &str) -> Option<Kind> {
    if name.starts_with('.') || name == META_FILE {
        return None;
    }
    let extension = Path::new(name)
        .extension()?
        .to_string_lossy()
        .to_lowercase();
    match extension.as_str() {
        "txt" => Some(Kind::Text),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

/// How a file named on the command line is read: JSON Lines by extension,
/// otherwise as one article (the user chose it).
pub(crate) fn kind_of_named_file(path: &Path) -> Kind {
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        Some("jsonl" | "ndjson") => Kind::Jsonl,
        _ => Kind::Text,
    }
}

/// The articles, subdirectories and metadata of one directory, sorted by name.
/// Hidden entries are left out; symbolic links are followed to files only
/// (never to directories, so a link cycle cannot trap the walk).
pub(crate) fn list_directory(dir: &Path) -> io::Result<Listing> {
    let mut entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    let mut listing = Listing::default();
    for entry in entries {
        add_entry(&mut listing, &entry);
    }
    Ok(listing)
}

fn add_entry(listing: &mut Listing, entry: &fs::DirEntry) {
    let name = entry.file_name().to_string_lossy().into_owned();
    let Ok(file_type) = entry.file_type() else {
        return;
    };
    let is_file = file_type.is_file() || (file_type.is_symlink() && entry.path().is_file());
    if file_type.is_dir() && !name.starts_with('.') {
        listing.entries.push(Entry::Dir(entry.path()));
    } else if is_file && name == META_FILE {
        listing.has_meta = true;
    } else if let (true, Some(kind)) = (is_file, kind_in_directory(&name)) {
        listing.entries.push(Entry::File(entry.path(), kind));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind_in_directory("a.txt"), Some(Kind::Text));
        assert_eq!(kind_in_directory("A.TXT"), Some(Kind::Text));
        assert_eq!(kind_in_directory("b.ndjson"), Some(Kind::Jsonl));
        assert_eq!(kind_in_directory("meta.jsonl"), None);
        assert_eq!(kind_in_directory(".x.txt"), None);
        assert_eq!(kind_in_directory("bild.png"), None);
        assert_eq!(kind_of_named_file(Path::new("artikel")), Kind::Text);
        assert_eq!(kind_of_named_file(Path::new("a.jsonl")), Kind::Jsonl);
    }
}

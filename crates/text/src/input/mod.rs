//! Reading articles into [`Document`]s: text files, directories, JSON Lines, stdin.
//!
//! [`read_inputs`] turns a list of paths into a lazy iterator of
//! [`InputItem`]s. Reading never stops on bad input: every file, line or
//! field that cannot be used comes out as an [`InputItem::Skipped`] saying
//! where (`path` or `path:line`), why, and what to do, and the next article
//! follows. Memory stays bounded: JSON Lines are read one line at a time
//! (at most [`InputOptions::max_line_bytes`]), a text file is read whole only
//! when it is at most [`InputOptions::max_file_bytes`], and directories are
//! walked one level at a time.
//!
//! - A `.txt` file (or any file named explicitly that is not JSON Lines) is
//!   one article; its id is its file name.
//! - A directory is walked recursively in sorted order; `.txt` files are
//!   articles, `.jsonl`/`.ndjson` files hold one article a line, `meta.jsonl`
//!   is metadata, hidden and other files are ignored. The id of a file found
//!   in a directory is its path relative to that directory (`a.txt`, `sub/b.txt`).
//!   A JSON Lines file found in a directory whose first object has no `text`
//!   field (annotations, say) is reported once and not read further.
//! - `-` is stdin: JSON Lines if its first non-blank character opens a JSON
//!   object, otherwise one article with id `stdin`.
//!
//! Metadata (`{"file", "date", "outlet", "title", "url", "lang"}` a line)
//! comes from `--meta` ([`InputOptions::meta`]) first, then from the
//! `meta.jsonl` of the file's directory or the nearest one above it within
//! the walked directory; the first record that names the file is used whole.
//! A record names a file by its path relative to the metadata file, or by its
//! file name; a JSON Lines article by its id (its own fields win over the record).
//!
//! The date is, in order: the metadata's ([`DateSource::Metadata`]), a date
//! line in the text ([`crate::dateline::find_date`], [`DateSource::Text`]),
//! [`InputOptions::date`] ([`DateSource::Option`]), else unknown.
//!
//! [`DateSource::Metadata`]: claimgraph_model::DateSource::Metadata
//! [`DateSource::Text`]: claimgraph_model::DateSource::Text
//! [`DateSource::Option`]: claimgraph_model::DateSource::Option

mod bytes;
mod document;
mod jsonl;
mod meta;
mod skip;
mod walk;

pub use document::DEFAULT_LANG;
pub use jsonl::{read_jsonl, JsonlReader};
pub use meta::{parse_meta_date, ArticleMeta};
pub use skip::Skipped;
pub use walk::META_FILE;

use bytes::{read_article, starts_with_json_object};
use claimgraph_model::{DateValue, Document};
use document::build_document;
use meta::{lookup_key, lookup_path, slash_path, MetaChain, MetaTable};
use std::collections::{HashMap, VecDeque};
use std::fs;
use std::io::{self, BufRead, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walk::{kind_of_named_file, list_directory, Entry, Kind};

/// How inputs are read.
#[derive(Debug, Clone, PartialEq)]
pub struct InputOptions {
    /// A metadata file for all inputs (`--meta`); its records win over `meta.jsonl`.
    pub meta: Option<PathBuf>,
    /// The date of articles that have none in metadata or text (`--date`).
    pub date: Option<DateValue>,
    /// The largest text article read, in bytes (a `.txt` file, stdin as text).
    pub max_file_bytes: u64,
    /// The longest JSON Lines line read, in bytes.
    pub max_line_bytes: usize,
}

/// 64 MiB: far more than any article, far less than the memory of a laptop.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 << 20;
/// 16 MiB for one JSON Lines article.
pub const DEFAULT_MAX_LINE_BYTES: usize = 16 << 20;

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            meta: None,
            date: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
        }
    }
}

/// One thing the reading produced: an article, or a report of what was skipped.
#[derive(Debug, Clone, PartialEq)]
pub enum InputItem {
    Document(Document),
    Skipped(Skipped),
}

impl InputItem {
    /// The document, if this is one.
    pub fn into_document(self) -> Option<Document> {
        match self {
            InputItem::Document(d) => Some(d),
            InputItem::Skipped(_) => None,
        }
    }

    /// The report, if this is one.
    pub fn as_skipped(&self) -> Option<&Skipped> {
        match self {
            InputItem::Skipped(s) => Some(s),
            InputItem::Document(_) => None,
        }
    }
}

/// A problem that makes reading impossible as a whole (bad input files are
/// [`Skipped`] items instead).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read the metadata file {path}: {source}")]
    Meta {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Reads `paths` (files, directories, `-` for stdin) lazily, in order.
///
/// Fails only when `opts.meta` cannot be read; everything else that goes
/// wrong is an [`InputItem::Skipped`] in the iteration.
pub fn read_inputs(paths: &[PathBuf], opts: &InputOptions) -> Result<Inputs, InputError> {
    let mut inputs = Inputs::new(opts);
    if let Some(path) = &opts.meta {
        let (table, skipped) =
            MetaTable::load(path, opts.max_line_bytes).map_err(|source| InputError::Meta {
                path: path.clone(),
                source,
            })?;
        inputs.global_meta = Some(Arc::new(table));
        inputs.queue_skipped(skipped);
    }
    inputs.roots = paths.iter().cloned().map(Root::Path).collect();
    Ok(inputs)
}

/// Reads one stream the way `-` (stdin) is read: JSON Lines when its first
/// non-blank character opens a JSON object, otherwise one article with id
/// `name`. `opts.meta` is not read here.
pub fn read_stream<R: BufRead + Send + 'static>(
    reader: R,
    name: &str,
    opts: &InputOptions,
) -> Inputs {
    let mut inputs = Inputs::new(opts);
    inputs
        .roots
        .push_back(Root::Stream(Box::new(reader), name.to_string()));
    inputs
}

/// The lazy iterator of [`read_inputs`] and [`read_stream`].
pub struct Inputs {
    opts: InputOptions,
    global_meta: Option<Arc<MetaTable>>,
    roots: VecDeque<Root>,
    /// The directories being walked, innermost last.
    dirs: Vec<DirWalk>,
    current: Option<JsonlReader<Box<dyn BufRead + Send>>>,
    queued: VecDeque<InputItem>,
    /// Each directory's `meta.jsonl`, read once.
    meta_cache: HashMap<PathBuf, Option<Arc<MetaTable>>>,
}

enum Root {
    Path(PathBuf),
    Stream(Box<dyn BufRead + Send>, String),
}

/// A directory being walked: the entries still to visit.
struct DirWalk {
    entries: std::vec::IntoIter<Entry>,
    /// The `meta.jsonl` tables that apply here, nearest first.
    meta: MetaChain,
    /// The directory the walk started from (ids are relative to it).
    root: Arc<Path>,
}

/// A file to read, and how.
struct FileToRead {
    path: PathBuf,
    kind: Kind,
    id: String,
    meta: MetaChain,
    /// Found by walking a directory (not named by the user).
    in_walk: bool,
}

impl Iterator for Inputs {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(item) = self.queued.pop_front() {
                return Some(item);
            }
            if let Some(item) = self.current.as_mut().and_then(Iterator::next) {
                return Some(item);
            }
            self.current = None;
            if let Some(file) = self.next_file_in_dirs() {
                self.open_file(file);
                continue;
            }
            let root = self.roots.pop_front()?;
            self.open_root(root);
        }
    }
}

impl Inputs {
    fn new(opts: &InputOptions) -> Self {
        Inputs {
            opts: opts.clone(),
            global_meta: None,
            roots: VecDeque::new(),
            dirs: Vec::new(),
            current: None,
            queued: VecDeque::new(),
            meta_cache: HashMap::new(),
        }
    }

    fn queue_skipped(&mut self, skipped: impl IntoIterator<Item = Skipped>) {
        self.queued
            .extend(skipped.into_iter().map(InputItem::Skipped));
    }

    fn open_root(&mut self, root: Root) {
        match root {
            Root::Stream(reader, name) => self.open_stream(reader, &name),
            Root::Path(path) if path.as_os_str() == "-" => {
                let stdin = Box::new(io::BufReader::new(io::stdin()));
                self.open_stream(stdin, "stdin");
            }
            Root::Path(path) => self.open_path(path),
        }
    }

    fn open_path(&mut self, path: PathBuf) {
        let origin = path.display().to_string();
        match fs::metadata(&path) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                self.queue_skipped([Skipped::missing(&origin)]);
            }
            Err(err) => self.queue_skipped([Skipped::unreadable(&origin, &err)]),
            Ok(m) if m.is_dir() => self.enter_dir(&path, Arc::from(path.as_path()), Vec::new()),
            Ok(_) => self.open_named_file(path),
        }
    }

    /// A file named on the command line: the `meta.jsonl` beside it applies.
    fn open_named_file(&mut self, path: PathBuf) {
        let parent = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let meta = self.dir_meta(&parent).into_iter().collect();
        let id = path
            .file_name()
            .map_or_else(|| slash_path(&path), |n| n.to_string_lossy().into_owned());
        let kind = kind_of_named_file(&path);
        self.open_file(FileToRead {
            path,
            kind,
            id,
            meta,
            in_walk: false,
        });
    }

    /// Starts walking `dir`; `outer` are the metadata tables of the directories above.
    fn enter_dir(&mut self, dir: &Path, root: Arc<Path>, outer: MetaChain) {
        let listing = match list_directory(dir) {
            Ok(listing) => listing,
            Err(err) => {
                return self.queue_skipped([Skipped::unreadable(&dir.display().to_string(), &err)]);
            }
        };
        let own = if listing.has_meta {
            self.dir_meta(dir)
        } else {
            None
        };
        let meta = own.into_iter().chain(outer).collect();
        self.dirs.push(DirWalk {
            entries: listing.entries.into_iter(),
            meta,
            root,
        });
    }

    /// The next article file of the walk, descending into subdirectories.
    fn next_file_in_dirs(&mut self) -> Option<FileToRead> {
        loop {
            let walk = self.dirs.last_mut()?;
            match walk.entries.next() {
                None => {
                    self.dirs.pop();
                }
                Some(Entry::Dir(dir)) => {
                    let (root, meta) = (walk.root.clone(), walk.meta.clone());
                    self.enter_dir(&dir, root, meta);
                }
                Some(Entry::File(path, kind)) => {
                    let relative = path.strip_prefix(&walk.root).unwrap_or(&path);
                    let id = slash_path(relative);
                    let meta = walk.meta.clone();
                    return Some(FileToRead {
                        path,
                        kind,
                        id,
                        meta,
                        in_walk: true,
                    });
                }
            }
        }
    }

    /// The `meta.jsonl` of `dir`, read once; its problems are reported once.
    fn dir_meta(&mut self, dir: &Path) -> Option<Arc<MetaTable>> {
        if let Some(cached) = self.meta_cache.get(dir) {
            return cached.clone();
        }
        let table = self.load_dir_meta(dir);
        self.meta_cache.insert(dir.to_path_buf(), table.clone());
        table
    }

    fn load_dir_meta(&mut self, dir: &Path) -> Option<Arc<MetaTable>> {
        let path = dir.join(walk::META_FILE);
        if !path.is_file() {
            return None;
        }
        match MetaTable::load(&path, self.opts.max_line_bytes) {
            Ok((table, skipped)) => {
                self.queue_skipped(skipped);
                Some(Arc::new(table))
            }
            Err(err) => {
                self.queue_skipped([Skipped::unreadable(&path.display().to_string(), &err)]);
                None
            }
        }
    }

    /// `--meta` first, then the directories' tables, nearest first.
    fn full_chain(&self, local: MetaChain) -> MetaChain {
        self.global_meta.iter().cloned().chain(local).collect()
    }

    fn open_file(&mut self, file: FileToRead) {
        let chain = self.full_chain(file.meta.clone());
        let origin = file.path.display().to_string();
        let file_meta = lookup_path(&chain, &file.path);
        match file.kind {
            Kind::Text => self.open_text_file(file, origin, file_meta),
            Kind::Jsonl => self.open_jsonl_file(file, origin, file_meta, chain),
        }
    }

    fn open_text_file(&mut self, file: FileToRead, origin: String, meta: ArticleMeta) {
        let item = match read_text_file(&file.path, &origin, self.opts.max_file_bytes) {
            Ok(text) => {
                let doc = build_document(file.id, origin, text, meta, self.opts.date);
                InputItem::Document(doc)
            }
            Err(skipped) => InputItem::Skipped(skipped),
        };
        self.queued.push_back(item);
    }

    fn open_jsonl_file(
        &mut self,
        file: FileToRead,
        origin: String,
        meta: ArticleMeta,
        chain: MetaChain,
    ) {
        let f = match fs::File::open(&file.path) {
            Ok(f) => f,
            Err(err) => return self.queue_skipped([Skipped::unreadable(&origin, &err)]),
        };
        let reader: Box<dyn BufRead + Send> = Box::new(io::BufReader::new(f));
        let jsonl = JsonlReader::new(reader, &origin, &file.id, &self.opts, chain, meta);
        self.current = Some(if file.in_walk {
            jsonl.skip_file_without_text()
        } else {
            jsonl
        });
    }

    fn open_stream(&mut self, mut reader: Box<dyn BufRead + Send>, name: &str) {
        let mut prefix = Vec::new();
        let is_jsonl = starts_with_json_object(&mut reader, &mut prefix, self.opts.max_line_bytes);
        let rest: Box<dyn BufRead + Send> = Box::new(Cursor::new(prefix).chain(reader));
        let chain = self.full_chain(MetaChain::new());
        match is_jsonl {
            Err(err) => self.queue_skipped([Skipped::unreadable(name, &err)]),
            Ok(true) => {
                let file_meta = lookup_key(&chain, name).unwrap_or_default();
                self.current = Some(JsonlReader::new(
                    rest, name, name, &self.opts, chain, file_meta,
                ));
            }
            Ok(false) => {
                let item = match read_article(rest, name, self.opts.max_file_bytes) {
                    Ok(text) => {
                        let meta = lookup_key(&chain, name).unwrap_or_default();
                        InputItem::Document(build_document(
                            name.to_string(),
                            name.to_string(),
                            text,
                            meta,
                            self.opts.date,
                        ))
                    }
                    Err(skipped) => InputItem::Skipped(skipped),
                };
                self.queued.push_back(item);
            }
        }
    }
}

/// A text file's article; its size is checked before it is read.
fn read_text_file(path: &Path, origin: &str, limit: u64) -> Result<String, Skipped> {
    let file = fs::File::open(path).map_err(|err| Skipped::unreadable(origin, &err))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(Skipped::too_large(origin, size, limit));
    }
    read_article(file, origin, limit)
}

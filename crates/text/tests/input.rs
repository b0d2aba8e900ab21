//! Reading inputs: good and bad files, metadata, dates, order, stdin.

use claimgraph_model::{DateSource, DateValue, Document};
use claimgraph_text::input::{
    read_inputs, read_jsonl, read_stream, InputItem, InputOptions, Skipped,
};
use std::fs;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

const ARTICLE: &str = "Die Ministerin sagte, man werde weiter verhandeln.\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create test dir");
    }
    fs::write(&path, bytes).expect("write test file");
    path
}

fn read_all(paths: &[PathBuf], opts: &InputOptions) -> (Vec<Document>, Vec<Skipped>) {
    split(read_inputs(paths, opts).expect("no --meta problem"))
}

fn split(items: impl Iterator<Item = InputItem>) -> (Vec<Document>, Vec<Skipped>) {
    let (mut docs, mut skipped) = (Vec::new(), Vec::new());
    for item in items {
        match item {
            InputItem::Document(d) => docs.push(d),
            InputItem::Skipped(s) => skipped.push(s),
        }
    }
    (docs, skipped)
}

fn ids(docs: &[Document]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

fn date(s: &str) -> Option<DateValue> {
    Some(s.parse().expect("test date"))
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

#[test]
fn a_text_file_is_one_article_named_by_its_file() {
    let dir = tmp();
    let path = write(
        dir.path(),
        "artikel.txt",
        b"\xEF\xBB\xBFErste Zeile\r\nZweite Zeile\r\n",
    );
    let (docs, skipped) = read_all(std::slice::from_ref(&path), &InputOptions::default());
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(ids(&docs), ["artikel.txt"]);
    let doc = &docs[0];
    assert_eq!(
        doc.text, "Erste Zeile\r\nZweite Zeile\r\n",
        "BOM stripped, CRLF kept"
    );
    assert_eq!(doc.origin, path.display().to_string());
    assert_eq!(doc.lang.as_deref(), Some("de"));
    assert_eq!((doc.date, doc.date_source), (None, DateSource::Unknown));
}

#[test]
fn bad_files_are_reported_and_the_batch_goes_on() {
    let dir = tmp();
    let d = dir.path();
    write(d, "1_gut.txt", ARTICLE);
    write(d, "2_latin1.txt", b"Die Stra\xDFe war gesperrt.\n");
    write(d, "3_binaer.txt", b"PK\x03\x04\x00\x00binary");
    write(d, "4_leer.txt", b"");
    write(d, "5_nur_leerzeichen.txt", b"  \n\t\r\n");
    write(d, "6_auch_gut.txt", ARTICLE);
    let missing = d.join("gibt_es_nicht.txt");
    let (docs, skipped) = read_all(&[d.to_path_buf(), missing], &InputOptions::default());
    assert_eq!(ids(&docs), ["1_gut.txt", "6_auch_gut.txt"]);
    let report: Vec<String> = skipped.iter().map(ToString::to_string).collect();
    assert_eq!(report.len(), 5, "{report:#?}");
    assert!(
        report[0].contains("2_latin1.txt: invalid UTF-8 at line 1"),
        "{}",
        report[0]
    );
    assert!(report[0].contains("iconv -f latin1 -t utf-8"));
    assert!(report[1].contains("3_binaer.txt: binary data"));
    assert!(report[2].contains("4_leer.txt: empty"));
    assert!(report[3].contains("5_nur_leerzeichen.txt: empty"));
    assert!(report[4].contains("gibt_es_nicht.txt: no such file or directory (check the path)"));
}

#[test]
fn a_file_over_the_size_limit_is_skipped() {
    let dir = tmp();
    let big = write(dir.path(), "gross.txt", "x".repeat(200));
    let small = write(dir.path(), "klein.txt", "kurz");
    let opts = InputOptions {
        max_file_bytes: 100,
        ..InputOptions::default()
    };
    let (docs, skipped) = read_all(&[big, small], &opts);
    assert_eq!(ids(&docs), ["klein.txt"]);
    assert!(skipped[0]
        .reason
        .contains("200 bytes, more than the limit of 100"));
}

#[test]
fn jsonl_bad_lines_are_reported_with_their_line_and_good_lines_come_through() {
    let dir = tmp();
    let lines = [
        r#"{"id": "a", "text": "Erster Artikel.", "outlet": "Blatt", "extra": [1, 2]}"#,
        r#"{"id": "b", "text": "abgebrochen"#,
        r#"{"id": "c", "title": "ohne Text"}"#,
        "",
        r#"{"id": "d", "text": "   "}"#,
        r#"{"id": "e", "text": 42}"#,
        r#"["kein", "Objekt"]"#,
        r#"{"text": "Ohne Kennung.", "date": "2022-01-21T10:00:00Z"}"#,
        r#"{"id": 7, "text": "Zahl als Kennung."}"#,
    ];
    let path = write(dir.path(), "artikel.jsonl", lines.join("\n"));
    let (docs, skipped) = read_all(std::slice::from_ref(&path), &InputOptions::default());
    assert_eq!(ids(&docs), ["a", "artikel.jsonl:8", "7"]);
    assert_eq!(docs[0].outlet.as_deref(), Some("Blatt"));
    assert_eq!(docs[0].origin, format!("{}:1", path.display()));
    assert_eq!(
        (docs[1].date, docs[1].date_source),
        (date("2022-01-21"), DateSource::Metadata)
    );
    let origins: Vec<String> = skipped.iter().map(|s| s.origin.clone()).collect();
    let expected: Vec<String> = [2, 3, 5, 6, 7]
        .iter()
        .map(|n| format!("{}:{n}", path.display()))
        .collect();
    assert_eq!(origins, expected);
    assert!(skipped[0].reason.starts_with("not valid JSON"));
    assert_eq!(skipped[1].reason, "no \"text\" field");
    assert_eq!(skipped[2].reason, "empty \"text\"");
    assert_eq!(skipped[3].reason, "\"text\" is not a string");
    assert_eq!(skipped[4].reason, "not a JSON object");
}

#[test]
fn jsonl_lines_over_the_limit_and_bad_utf8_are_skipped_alone() {
    let long = format!(r#"{{"id": "lang", "text": "{}"}}"#, "x".repeat(500));
    let input = [
        long.as_bytes(),
        b"{\"id\": \"latin1\", \"text\": \"Stra\xDFe\"}",
        br#"{"id": "kurz", "text": "Kurz."}"#,
    ]
    .join(&b'\n');
    let opts = InputOptions {
        max_line_bytes: 100,
        ..InputOptions::default()
    };
    let (docs, skipped) = split(read_jsonl(Cursor::new(input), "in.jsonl", &opts));
    assert_eq!(ids(&docs), ["kurz"]);
    assert_eq!(skipped[0].origin, "in.jsonl:1");
    assert!(skipped[0].reason.contains("more than the limit of 100"));
    assert_eq!(skipped[1].origin, "in.jsonl:2");
    assert!(skipped[1].hint.contains("iconv"));
}

#[test]
fn a_binary_jsonl_file_is_reported_once() {
    let input = b"\x00\x01\x02\nnoch mehr\n\x00\n".to_vec();
    let (docs, skipped) = split(read_jsonl(
        Cursor::new(input),
        "x.jsonl",
        &InputOptions::default(),
    ));
    assert!(docs.is_empty());
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].reason.contains("binary"));
}

#[test]
fn meta_jsonl_gives_each_file_its_metadata() {
    let dir = tmp();
    let d = dir.path();
    write(d, "a.txt", ARTICLE);
    write(d, "b.txt", ARTICLE);
    write(d, "sub/c.txt", ARTICLE);
    let meta = [
        r#"{"file": "a.txt", "date": "2022-01-21", "outlet": null, "title": "Gespräche", "url": "https://example.org/a", "lang": "de-AT"}"#,
        r#"{"file": "b.txt", "date": "2021-12", "outlet": "Tagesblatt", "title": null, "url": null, "lang": null}"#,
        r#"{"file": "sub/c.txt", "date": "2020", "outlet": "Wochenblatt"}"#,
    ];
    write(d, "meta.jsonl", meta.join("\n"));
    let (docs, skipped) = read_all(&[d.to_path_buf()], &InputOptions::default());
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(ids(&docs), ["a.txt", "b.txt", "sub/c.txt"]);
    let a = &docs[0];
    assert_eq!(
        (a.date, a.date_source),
        (date("2022-01-21"), DateSource::Metadata)
    );
    assert_eq!(a.title.as_deref(), Some("Gespräche"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(
        (a.outlet.as_deref(), a.lang.as_deref()),
        (None, Some("de-AT"))
    );
    let b = &docs[1];
    assert_eq!(
        (b.date, b.outlet.as_deref(), b.title.as_deref()),
        (date("2021-12"), Some("Tagesblatt"), None)
    );
    assert_eq!(b.lang.as_deref(), Some("de"));
    assert_eq!(
        (docs[2].date, docs[2].outlet.as_deref()),
        (date("2020"), Some("Wochenblatt"))
    );
}

#[test]
fn the_meta_jsonl_beside_a_named_file_applies() {
    let dir = tmp();
    let a = write(dir.path(), "a.txt", ARTICLE);
    write(
        dir.path(),
        "meta.jsonl",
        r#"{"file": "a.txt", "outlet": "Tagesblatt"}"#,
    );
    let (docs, _) = read_all(&[a], &InputOptions::default());
    assert_eq!(docs[0].outlet.as_deref(), Some("Tagesblatt"));
}

#[test]
fn nested_meta_jsonl_is_nearer_than_the_outer_one() {
    let dir = tmp();
    let d = dir.path();
    write(d, "sub/c.txt", ARTICLE);
    write(
        d,
        "meta.jsonl",
        r#"{"file": "sub/c.txt", "outlet": "Außen"}"#,
    );
    write(
        d,
        "sub/meta.jsonl",
        r#"{"file": "c.txt", "outlet": "Innen"}"#,
    );
    let (docs, _) = read_all(&[d.to_path_buf()], &InputOptions::default());
    assert_eq!(docs[0].outlet.as_deref(), Some("Innen"));
}

#[test]
fn the_meta_option_wins_over_meta_jsonl() {
    let dir = tmp();
    let d = dir.path();
    write(d, "in/a.txt", ARTICLE);
    write(d, "in/b.txt", ARTICLE);
    write(d, "in/meta.jsonl", "{\"file\": \"a.txt\", \"outlet\": \"Verzeichnis\"}\n{\"file\": \"b.txt\", \"outlet\": \"Verzeichnis\"}");
    let global = write(
        d,
        "andere/meta.jsonl",
        r#"{"file": "a.txt", "outlet": "Option", "date": "2019-05-01"}"#,
    );
    let opts = InputOptions {
        meta: Some(global),
        ..InputOptions::default()
    };
    let (docs, _) = read_all(&[d.join("in")], &opts);
    assert_eq!(docs[0].outlet.as_deref(), Some("Option"));
    assert_eq!(docs[0].date, date("2019-05-01"));
    assert_eq!(
        docs[1].outlet.as_deref(),
        Some("Verzeichnis"),
        "files it does not name keep theirs"
    );
}

#[test]
fn an_unreadable_meta_option_fails_the_call() {
    let dir = tmp();
    let opts = InputOptions {
        meta: Some(dir.path().join("fehlt.jsonl")),
        ..InputOptions::default()
    };
    let err = read_inputs(&[dir.path().to_path_buf()], &opts)
        .err()
        .expect("an error");
    assert!(err.to_string().contains("fehlt.jsonl"));
}

#[test]
fn bad_meta_lines_are_reported_and_bad_dates_ignored() {
    let dir = tmp();
    let d = dir.path();
    write(d, "a.txt", "Genf, 21.01.2022 – Die Gespräche gehen weiter.");
    write(
        d,
        "meta.jsonl",
        "{\"file\": \"a.txt\", \"date\": \"irgendwann\"}\n{kaputt\n",
    );
    let (docs, skipped) = read_all(&[d.to_path_buf()], &InputOptions::default());
    assert_eq!(
        (docs[0].date, docs[0].date_source),
        (date("2022-01-21"), DateSource::Text)
    );
    let origins: Vec<_> = skipped
        .iter()
        .map(|s| s.origin.rsplit('/').next().unwrap_or(""))
        .collect();
    assert_eq!(origins, ["meta.jsonl:1", "meta.jsonl:2"]);
}

#[test]
fn the_date_comes_from_metadata_then_text_then_the_option() {
    let dir = tmp();
    let d = dir.path();
    let dated_text = "Stand: 10.01.2022 15:30 Uhr\n\nDer Text.";
    write(d, "1_meta.txt", dated_text);
    write(d, "2_text.txt", dated_text);
    write(d, "3_option.txt", "Ein Text ohne Datum.");
    write(
        d,
        "meta.jsonl",
        r#"{"file": "1_meta.txt", "date": "2022-01-21"}"#,
    );
    let opts = InputOptions {
        date: date("2023-03-03"),
        ..InputOptions::default()
    };
    let (docs, _) = read_all(&[d.to_path_buf()], &opts);
    let got: Vec<_> = docs
        .iter()
        .map(|d| (d.date.map(|x| x.to_string()), d.date_source))
        .collect();
    let want = [
        (Some("2022-01-21".to_string()), DateSource::Metadata),
        (Some("2022-01-10".to_string()), DateSource::Text),
        (Some("2023-03-03".to_string()), DateSource::Option),
    ];
    assert_eq!(got, want);
}

#[test]
fn each_dateline_form_dates_a_text_file() {
    let forms = [
        (
            "Gipfel in Genf Stand: 10.01.2022 15:30 Uhr\nText.",
            "2022-01-10",
        ),
        (" date 2022-01 Bild: Agentur\n\nText.", "2022-01"),
        ("Überschrift\n21.01.2022\nText.", "2022-01-21"),
        ("Überschrift\n21. Januar 2022\nText.", "2022-01-21"),
        ("Genf, 21.01.2022 – Die Gespräche beginnen.", "2022-01-21"),
        (
            "BERLIN (dpa), 21. Januar 2022 - Der Kanzler reist.",
            "2022-01-21",
        ),
        ("Wien, 3. Jänner 2022 – Der Kanzler reist.", "2022-01-03"),
        ("Bern, 9. Sept. 2021 – Der Rat tagt.", "2021-09-09"),
    ];
    for (text, want) in forms {
        let (docs, _) = split(read_stream(
            Cursor::new(text.as_bytes().to_vec()),
            "t",
            &InputOptions::default(),
        ));
        assert_eq!(
            (docs[0].date, docs[0].date_source),
            (date(want), DateSource::Text),
            "{text}"
        );
    }
}

#[test]
fn directories_are_read_recursively_in_sorted_order() {
    let make = |names: &[&str]| {
        let dir = tmp();
        for name in names {
            write(dir.path(), name, ARTICLE);
        }
        write(dir.path(), "bild.png", b"\x89PNG\x00");
        write(dir.path(), ".versteckt.txt", b"\x00");
        write(dir.path(), "notiz.md", "keine Nachricht");
        let (docs, skipped) = read_all(&[dir.path().to_path_buf()], &InputOptions::default());
        assert!(skipped.is_empty(), "{skipped:?}");
        ids(&docs).iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let names = ["z.txt", "b/2.txt", "a.txt", "b/1.txt", "b/c/0.txt", "m.TXT"];
    let mut reversed = names;
    reversed.reverse();
    let first = make(&names);
    assert_eq!(
        first,
        ["a.txt", "b/1.txt", "b/2.txt", "b/c/0.txt", "m.TXT", "z.txt"]
    );
    assert_eq!(make(&reversed), first);
}

#[test]
fn jsonl_files_in_directories_use_file_and_line_for_missing_ids() {
    let dir = tmp();
    write(
        dir.path(),
        "teil/x.ndjson",
        "{\"text\": \"Eins.\"}\n{\"id\": \"zwei\", \"text\": \"Zwei.\"}\n",
    );
    write(
        dir.path(),
        "meta.jsonl",
        r#"{"file": "zwei", "outlet": "Kurier"}"#,
    );
    let (docs, _) = read_all(&[dir.path().to_path_buf()], &InputOptions::default());
    assert_eq!(ids(&docs), ["teil/x.ndjson:1", "zwei"]);
    assert_eq!(
        docs[1].outlet.as_deref(),
        Some("Kurier"),
        "a meta record names a JSONL article by id"
    );
}

#[test]
fn a_stream_starting_with_an_object_is_json_lines() {
    let input = "\n  \n{\"id\": \"a\", \"text\": \"Eins.\"}\n{kaputt}\n{\"id\": \"b\", \"text\": \"Zwei.\"}\n";
    let (docs, skipped) = split(read_stream(
        Cursor::new(input),
        "stdin",
        &InputOptions::default(),
    ));
    assert_eq!(ids(&docs), ["a", "b"]);
    assert_eq!(docs[0].origin, "stdin:3");
    assert_eq!(skipped[0].origin, "stdin:4");
}

#[test]
fn any_other_stream_is_one_article() {
    let input = "\n\nDie Ministerin sagte: {nichts}.\n";
    let (docs, _) = split(read_stream(
        Cursor::new(input),
        "stdin",
        &InputOptions::default(),
    ));
    assert_eq!(ids(&docs), ["stdin"]);
    assert_eq!(docs[0].text, input, "offsets stay those of the input");
    let (docs, skipped) = split(read_stream(
        Cursor::new(" \n"),
        "stdin",
        &InputOptions::default(),
    ));
    assert!(docs.is_empty());
    assert!(skipped[0].reason.contains("empty"));
}

/// An endless JSON Lines stream: reading must be lazy to get anything out of it.
struct Endless {
    line: Vec<u8>,
    at: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.line.len() - self.at);
        buf[..n].copy_from_slice(&self.line[self.at..self.at + n]);
        self.at = (self.at + n) % self.line.len();
        Ok(n)
    }
}

#[test]
fn json_lines_are_streamed() {
    let endless = Endless {
        line: b"{\"text\": \"Immer wieder.\"}\n".to_vec(),
        at: 0,
    };
    let items = read_stream(BufReader::new(endless), "stdin", &InputOptions::default());
    let docs: Vec<_> = items.take(3).filter_map(InputItem::into_document).collect();
    assert_eq!(ids(&docs), ["stdin:1", "stdin:2", "stdin:3"]);
}

#[test]
fn a_jsonl_file_of_other_data_in_a_directory_is_reported_once() {
    let dir = tmp();
    write(dir.path(), "a.txt", ARTICLE);
    let gold = "{\"doc\": \"a.txt\", \"speaker\": \"X\"}\n".repeat(50);
    write(dir.path(), "gold.jsonl", &gold);
    let (docs, skipped) = read_all(&[dir.path().to_path_buf()], &InputOptions::default());
    assert_eq!(ids(&docs), ["a.txt"]);
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].origin.ends_with("gold.jsonl"));
    assert!(skipped[0].reason.contains("not a file of articles"));
    // Named explicitly, the same file is read line by line.
    let (_, skipped) = read_all(&[dir.path().join("gold.jsonl")], &InputOptions::default());
    assert_eq!(skipped.len(), 50);
}

//! Shared by the integration tests: a small store built in code, a server on
//! an ephemeral port, and a minimal HTTP client over `TcpStream`.
#![allow(dead_code)] // each test binary uses a part of this module

use claimgraph_kg::{IngestRun, Store};
use claimgraph_model::{ActorKind, Claim, ClaimType, DateSource, Document, Span};
use claimgraph_web::{start, RunningServer, ServeConfig};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// The character span of `needle` in `text` (code points, end exclusive).
fn span(text: &str, needle: &str) -> Span {
    let byte = text
        .find(needle)
        .expect("the test sentence contains the needle");
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn doc(id: &str, date: &str, outlet: &str, title: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        text: text.into(),
        date: date.parse().ok(),
        date_source: DateSource::Metadata,
        title: Some(title.into()),
        outlet: Some(outlet.into()),
        url: None,
        lang: Some("de".into()),
        origin: id.into(),
    }
}

/// One claim of `doc`, found by its speaker, cue and content words in the text.
#[allow(clippy::too_many_arguments)]
fn claim(
    doc: &Document,
    speaker: &str,
    kind: ActorKind,
    cue: &str,
    claim_type: ClaimType,
    content: &str,
    addressee: Option<&str>,
    sentence: &str,
) -> Claim {
    Claim {
        doc: doc.id.clone(),
        speaker: speaker.into(),
        speaker_kind: kind,
        speaker_wikidata: None,
        speaker_roles: Vec::new(),
        cue: cue.into(),
        claim_type,
        content: content.into(),
        direct: false,
        addressee: addressee.map(str::to_string),
        date: doc.date,
        sentence: sentence.into(),
        content_spans: vec![span(&doc.text, content)],
        cue_spans: vec![span(&doc.text, cue)],
        speaker_mention: Some(span(&doc.text, speaker).into()),
        confidence: 0.9,
    }
}

/// Three invented articles with five claims between three actors.
pub fn sample_store() -> Store {
    let store = Store::in_memory().expect("an in-memory store");
    let run = IngestRun::new("test", vec!["tests".into()]);

    let s1 = "Ministerin Anna Berger forderte von Südland die Öffnung der Häfen.";
    let s2 = "Südland wies die Forderung von Anna Berger zurück.";
    let a1 = doc(
        "a1.txt",
        "2023-03-14",
        "Tagesblatt Nord",
        "Streit um die Häfen",
        &format!("{s1} {s2}"),
    );
    let c1 = vec![
        claim(
            &a1,
            "Anna Berger",
            ActorKind::Person,
            "forderte",
            ClaimType::Demand,
            "die Öffnung der Häfen",
            Some("Südland"),
            s1,
        ),
        claim(
            &a1,
            "Südland",
            ActorKind::Country,
            "wies",
            ClaimType::Reject,
            "die Forderung",
            Some("Anna Berger"),
            s2,
        ),
    ];

    let s3 = "Der Fischereiverband warnte vor leeren Netzen im Sommer.";
    let s4 = "Anna Berger kündigte dem Fischereiverband neue Gespräche an.";
    let a2 = doc(
        "a2.txt",
        "2023-04-02",
        "Abendpost",
        "Sorge um die Netze",
        &format!("{s3} {s4}"),
    );
    let c2 = vec![
        claim(
            &a2,
            "Fischereiverband",
            ActorKind::Organization,
            "warnte",
            ClaimType::Warn,
            "vor leeren Netzen im Sommer",
            None,
            s3,
        ),
        claim(
            &a2,
            "Anna Berger",
            ActorKind::Person,
            "kündigte",
            ClaimType::Announce,
            "neue Gespräche",
            Some("Fischereiverband"),
            s4,
        ),
    ];

    let s5 = "Südland bestritt, die Häfen jemals gesperrt zu haben.";
    let a3 = doc(
        "a3.txt",
        "2023-05",
        "Tagesblatt Nord",
        "Südland widerspricht",
        s5,
    );
    let c3 = vec![claim(
        &a3,
        "Südland",
        ActorKind::Country,
        "bestritt",
        ClaimType::Deny,
        "die Häfen jemals gesperrt zu haben",
        None,
        s5,
    )];

    store
        .ingest_batch(
            [
                (&a1, c1.as_slice()),
                (&a2, c2.as_slice()),
                (&a3, c3.as_slice()),
            ],
            &run,
        )
        .expect("ingest");
    store
}

/// A server on 127.0.0.1 with an ephemeral port over the sample store.
pub fn server(config: impl FnOnce(&mut ServeConfig)) -> RunningServer {
    let mut cfg = ServeConfig {
        bind: "127.0.0.1:0".parse().expect("address"),
        ..ServeConfig::default()
    };
    config(&mut cfg);
    start(sample_store(), cfg).expect("the server starts")
}

/// A response as the tests look at it.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request and reads the whole response (`Connection: close`).
pub fn request(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .expect("timeout");
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("write head");
    stream.write_all(body).expect("write body");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read response");
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    // The server always sends Content-Length, never chunks.
    let body = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("a status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status code");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

pub fn get(addr: SocketAddr, target: &str, headers: &[(&str, &str)]) -> Response {
    request(addr, "GET", target, headers, b"")
}

pub fn post(
    addr: SocketAddr,
    target: &str,
    content_type: &str,
    accept: Option<&str>,
    body: &str,
) -> Response {
    let mut headers = vec![("Content-Type", content_type)];
    if let Some(accept) = accept {
        headers.push(("Accept", accept));
    }
    request(addr, "POST", target, &headers, body.as_bytes())
}

/// `query` percent-encoded for a URL or a form.
pub fn encode(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Every claim's speaker label, as a SELECT.
pub const CLAIMS_QUERY: &str = "PREFIX cg: <https://claimgraph.dev/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?claim ?speaker WHERE { ?claim a cg:Claim ; prov:wasAttributedTo/rdfs:label ?speaker } ORDER BY ?claim";

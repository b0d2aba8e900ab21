//! A flat reading of an XML document for structure checks: every element in
//! document order with its attributes and direct text, and its parent's name.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub parent: Option<String>,
    pub attrs: BTreeMap<String, String>,
    pub text: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

fn element(e: &BytesStart<'_>, parent: Option<String>) -> Element {
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = a.unescape_value().expect("escaped value").into_owned();
            (key, value)
        })
        .collect();
    Element {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        parent,
        attrs,
        text: String::new(),
    }
}

/// Parses `xml`, panicking on anything not well-formed.
pub fn elements(xml: &str) -> Vec<Element> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut out: Vec<Element> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let parent = stack.last().map(|&i| out[i].name.clone());
                out.push(element(&e, parent));
                stack.push(out.len() - 1);
            }
            Event::Empty(e) => {
                let parent = stack.last().map(|&i| out[i].name.clone());
                out.push(element(&e, parent));
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) => {
                if let Some(&i) = stack.last() {
                    out[i].text.push_str(&t.unescape().expect("escaped text"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    out
}

pub fn named<'a>(all: &'a [Element], name: &str) -> Vec<&'a Element> {
    all.iter().filter(|e| e.name == name).collect()
}

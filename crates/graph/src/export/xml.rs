//! A thin layer over quick-xml's writer: it does the escaping, we say the structure.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::{self, Write};

pub struct XmlWriter<W: Write> {
    inner: Writer<W>,
}

impl<W: Write> XmlWriter<W> {
    /// Starts a document with the XML declaration, indented by two spaces.
    pub fn new(out: W) -> io::Result<Self> {
        let mut inner = Writer::new_with_indent(out, b' ', 2);
        inner.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(XmlWriter { inner })
    }

    /// Ends the document with a newline and flushes.
    pub fn finish(self) -> io::Result<()> {
        let mut out = self.inner.into_inner();
        out.write_all(b"\n")?;
        out.flush()
    }
}

fn element<'a>(name: &'a str, attrs: &[(&'a str, &'a str)]) -> BytesStart<'a> {
    BytesStart::new(name).with_attributes(attrs.iter().copied())
}

pub fn start<W: Write>(w: &mut XmlWriter<W>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    w.inner.write_event(Event::Start(element(name, attrs)))
}

pub fn end<W: Write>(w: &mut XmlWriter<W>, name: &str) -> io::Result<()> {
    w.inner.write_event(Event::End(BytesEnd::new(name)))
}

pub fn empty<W: Write>(w: &mut XmlWriter<W>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    w.inner.write_event(Event::Empty(element(name, attrs)))
}

/// `<name attrs>text</name>`; the text is escaped by quick-xml.
pub fn text_element<W: Write>(
    w: &mut XmlWriter<W>,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> io::Result<()> {
    start(w, name, attrs)?;
    w.inner.write_event(Event::Text(BytesText::new(text)))?;
    end(w, name)
}

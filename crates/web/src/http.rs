//! A request and a reply as plain values, so that the routing and the SPARQL
//! protocol can be tested without sockets and the HTTP library stays at the edge.

use std::borrow::Cow;

/// One HTTP request, read whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpRequest {
    /// `GET`, `POST`, `OPTIONS`, … in upper case.
    pub method: String,
    /// The path without the query string, e.g. `/sparql`.
    pub path: String,
    /// The raw query string after `?`, still percent-encoded; empty when none.
    pub query: String,
    /// Header names and values as received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// A request for `url` (path with optional `?query`).
    pub fn new(method: &str, url: &str) -> Self {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        Self {
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
            query: query.to_string(),
            ..Self::default()
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The decoded parameters of the query string.
    pub fn params(&self) -> Vec<(String, String)> {
        decode_form(self.query.as_bytes())
    }

    /// The first value of a query-string parameter.
    pub fn param(&self, name: &str) -> Option<String> {
        self.params()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    /// The media type of the body, lower case, without parameters (`charset`).
    pub fn content_type(&self) -> Option<String> {
        self.header("Content-Type").map(media_type)
    }
}

/// `application/x-www-form-urlencoded` pairs (also the query string's form).
pub(crate) fn decode_form(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes)
        .map(|(k, v): (Cow<str>, Cow<str>)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// `Text/Turtle; charset=utf-8` → `text/turtle`.
pub(crate) fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// What the server sends back: everything but the CORS headers, which the
/// server adds to every reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type: content_type.to_string(),
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// A plain-text message, the form of every error reply.
    pub fn text(status: u16, message: impl Into<String>) -> Self {
        let mut body = message.into();
        if !body.ends_with('\n') {
            body.push('\n');
        }
        Self::new(status, "text/plain; charset=utf-8", body)
    }

    pub fn json(value: &serde_json::Value) -> Self {
        // Serialising a `Value` cannot fail: its keys are strings.
        let body = serde_json::to_vec(value).unwrap_or_default();
        Self::new(200, "application/json; charset=utf-8", body)
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// The value of a header set on this reply.
    pub fn header(&self, name: &str) -> Option<&str> {
        if name.eq_ignore_ascii_case("Content-Type") {
            return Some(&self.content_type);
        }
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as text (lossy), for messages and tests.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_decode_plus_and_percent() {
        let r = HttpRequest::new("get", "/sparql?query=SELECT+*%20%7B%7D&x=1");
        assert_eq!(r.method, "GET");
        assert_eq!(r.path, "/sparql");
        assert_eq!(r.param("query").as_deref(), Some("SELECT * {}"));
        assert_eq!(r.param("y"), None);
    }

    #[test]
    fn media_types_drop_parameters() {
        assert_eq!(
            media_type("Application/SPARQL-Query; charset=UTF-8"),
            "application/sparql-query"
        );
    }
}

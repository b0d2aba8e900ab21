//! Bytes to text: bounded reads, encoding checks, the start of a stream.

use super::Skipped;
use std::io::{self, BufRead, Read};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What one call of [`read_line_bounded`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// The end of the input: no more lines.
    End,
    /// A line (without its `\n`) is in the buffer.
    Read,
    /// A line longer than the limit; it was consumed but not kept.
    TooLong { bytes: usize },
}

/// Reads one line into `buf` (without the newline), keeping at most `limit`
/// bytes in memory: a longer line is consumed and reported, not stored.
pub(crate) fn read_line_bounded<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let (mut bytes, mut seen_any) = (0usize, false);
    loop {
        let chunk = fill(reader)?;
        if chunk.is_empty() {
            break;
        }
        seen_any = true;
        let newline = memchr::memchr(b'\n', chunk);
        let take = newline.unwrap_or(chunk.len());
        if bytes + take <= limit {
            buf.extend_from_slice(&chunk[..take]);
        }
        bytes += take;
        reader.consume(newline.map_or(take, |n| n + 1));
        if newline.is_some() {
            break;
        }
    }
    Ok(match (seen_any, bytes > limit) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong { bytes },
        (true, false) => Line::Read,
    })
}

/// `fill_buf`, retrying when interrupted.
fn fill<R: BufRead>(reader: &mut R) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            // Re-borrow: the borrow checker does not let the loop return `chunk` directly.
            Ok(_) => return reader.fill_buf(),
            Err(e) => return Err(e),
        }
    }
}

/// Consumes leading whitespace (and a BOM) from `reader` into `prefix` and tells
/// whether the first other byte opens a JSON object. Stops early, answering
/// `false`, once `prefix` is longer than `limit`.
pub(crate) fn starts_with_json_object<R: BufRead>(
    reader: &mut R,
    prefix: &mut Vec<u8>,
    limit: usize,
) -> io::Result<bool> {
    loop {
        let chunk = fill(reader)?;
        if chunk.is_empty() {
            return Ok(false);
        }
        if prefix.is_empty() && chunk.starts_with(BOM) {
            reader.consume(BOM.len());
            continue;
        }
        let blank = chunk.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let next = chunk.get(blank).copied();
        prefix.extend_from_slice(&chunk[..blank]);
        reader.consume(blank);
        match next {
            Some(b) => return Ok(b == b'{'),
            None if prefix.len() > limit => return Ok(false),
            None => {}
        }
    }
}

/// Reads all of `reader` as one article's text, at most `limit` bytes.
pub(crate) fn read_article<R: Read>(
    reader: R,
    origin: &str,
    limit: u64,
) -> Result<String, Skipped> {
    let mut bytes = Vec::new();
    let read = reader.take(limit.saturating_add(1)).read_to_end(&mut bytes);
    if let Err(err) = read {
        return Err(Skipped::unreadable(origin, &err));
    }
    if bytes.len() as u64 > limit {
        return Err(Skipped::too_large(origin, bytes.len() as u64, limit));
    }
    decode_article(bytes, origin)
}

/// The article text in `bytes`: UTF-8, a leading BOM removed, not binary, not blank.
pub(crate) fn decode_article(bytes: Vec<u8>, origin: &str) -> Result<String, Skipped> {
    let text = decode_utf8(bytes, origin)?;
    if text.trim().is_empty() {
        return Err(Skipped::empty(origin));
    }
    Ok(text)
}

/// `bytes` as UTF-8 text with a leading BOM removed; binary and UTF-16 refused.
pub(crate) fn decode_utf8(mut bytes: Vec<u8>, origin: &str) -> Result<String, Skipped> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Skipped::utf16(origin));
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(Skipped::binary(origin, at));
    }
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let line = 1 + memchr::memchr_iter(b'\n', &err.as_bytes()[..at]).count();
        Skipped::invalid_utf8(origin, line, at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn lines(input: &[u8], limit: usize) -> Vec<Result<String, usize>> {
        let mut reader = io::BufReader::with_capacity(4, Cursor::new(input.to_vec()));
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line_bounded(&mut reader, &mut buf, limit).expect("in memory") {
                Line::End => return out,
                Line::Read => out.push(Ok(String::from_utf8_lossy(&buf).into_owned())),
                Line::TooLong { bytes } => out.push(Err(bytes)),
            }
        }
    }

    #[test]
    fn bounded_lines_across_small_buffers() {
        let got = lines(b"ab\n0123456789\n\nxyz", 5);
        let want = vec![
            Ok("ab".into()),
            Err(10),
            Ok(String::new()),
            Ok("xyz".into()),
        ];
        assert_eq!(got, want);
        assert_eq!(lines(b"", 5), vec![]);
        assert_eq!(lines(b"abcde\n", 5), vec![Ok("abcde".into())]);
    }

    #[test]
    fn sniffs_json_after_blank_lines_and_a_bom() {
        let mut prefix = Vec::new();
        let mut r = Cursor::new(b"\xEF\xBB\xBF\n  \n{\"id\":1}".to_vec());
        assert!(starts_with_json_object(&mut r, &mut prefix, 100).expect("in memory"));
        assert_eq!(prefix, b"\n  \n");
        let mut prefix = Vec::new();
        let mut r = Cursor::new(b"\nDer Text".to_vec());
        assert!(!starts_with_json_object(&mut r, &mut prefix, 100).expect("in memory"));
    }

    #[test]
    fn decoding_reports_the_line_of_bad_utf8() {
        let err = decode_article(b"gut\nauch gut\nsch\xF6n".to_vec(), "a.txt").unwrap_err();
        assert_eq!(err.reason, "invalid UTF-8 at line 3 (byte 16)");
        assert!(err.hint.contains("iconv"));
        assert_eq!(
            decode_article(b"\xEF\xBB\xBFText".to_vec(), "a").unwrap(),
            "Text"
        );
        assert!(decode_article(b"a\0b".to_vec(), "a")
            .unwrap_err()
            .reason
            .contains("NUL"));
        assert!(decode_article(b" \r\n\t".to_vec(), "a")
            .unwrap_err()
            .reason
            .contains("empty"));
        assert!(decode_article(b"\xFF\xFEa\0".to_vec(), "a")
            .unwrap_err()
            .reason
            .contains("UTF-16"));
    }
}

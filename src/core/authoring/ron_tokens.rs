//! A small scanner over RON text for editing it in place: strings (with escapes), raw strings and
//! `//` and (nested, as in RON) `/* */` comments are stepped over; what is left is one token per
//! punctuation byte and one per run of other bytes.

/// One token of RON text: a string or a run of other bytes counts as one.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// Byte offset of the first byte.
    pub(super) start: usize,
    /// Byte offset after the last byte.
    pub(super) end: usize,
    /// The first byte (`"` for strings, `,` for a comma, ...).
    pub(super) byte: u8,
}

/// The tokens in `from..to`, comments and whitespace left out. Punctuation is one token per byte.
pub(super) fn tokens(source: &str, from: usize, to: usize) -> Vec<Token> {
    let bytes = &source.as_bytes()[..to];
    let mut out = Vec::new();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        match b {
            _ if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = skip_block_comment(bytes, i);
                continue;
            }
            b'"' | b'\'' => i = skip_quoted(bytes, i),
            b'r' if raw_string_hashes(bytes, i).is_some() => i = skip_raw_string(bytes, i),
            b'b' if bytes.get(i + 1) == Some(&b'"') || bytes.get(i + 1) == Some(&b'\'') => {
                i = skip_quoted(bytes, i + 1)
            }
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' => i += 1,
            _ => {
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && !matches!(bytes[i], b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' | b'"' | b'/')
                {
                    i += 1;
                }
                i = i.max(start + 1);
            }
        }
        out.push(Token { start, end: i.min(bytes.len()), byte: b });
    }
    out
}

/// Past a `/* ... */` comment starting at `i` (RON block comments nest).
fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth = depth.saturating_sub(1);
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// Past a `"..."` or `'.'` literal starting at `i`, honouring backslash escapes.
fn skip_quoted(bytes: &[u8], mut i: usize) -> usize {
    let quote = bytes[i];
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The number of `#`s of a raw string `r#"..."#` starting at `i`, when one starts there.
fn raw_string_hashes(bytes: &[u8], i: usize) -> Option<usize> {
    if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
        return None;
    }
    let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
    (bytes.get(i + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

fn skip_raw_string(bytes: &[u8], i: usize) -> usize {
    let hashes = raw_string_hashes(bytes, i).unwrap_or(0);
    let mut j = i + 2 + hashes;
    while j < bytes.len() {
        if bytes[j] == b'"' && bytes[j + 1..].iter().take(hashes).filter(|&&b| b == b'#').count() == hashes {
            return j + 1 + hashes;
        }
        j += 1;
    }
    bytes.len()
}

//! Where each value of a RON document sits in its text, so checks made after parsing can still
//! point at a line and column.
//!
//! The scanner runs only on text that `ron` has already parsed, so it can be forgiving: it tracks
//! brackets, field names, strings and comments, and records the byte span of every value under a
//! path such as `turns[1].rubric[0].weight`. `Some(..)`, struct names and enum variants are
//! transparent: `next: Some("close")` and `next: "close"` both record `next`.
//!
//! The map is built the first time a position is asked for: a file without problems (most of
//! them) is never scanned, which keeps checking a big library close to the cost of parsing it.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Where each value of one document sits, found when first asked (see the module docs).
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    /// The document.
    text: Arc<str>,
    /// The spans, once scanned (shared by copies, so a copy never scans again).
    spans: Arc<OnceLock<Spans>>,
}

impl SourceMap {
    /// A map of `text` (a RON document); nothing is scanned until a position is asked for.
    pub fn build(text: &str) -> Self {
        Self { text: Arc::from(text), spans: Arc::default() }
    }

    /// The scanned spans (scanning the text the first time).
    fn spans(&self) -> &Spans {
        self.spans.get_or_init(|| Spans::scan(&self.text))
    }

    /// Byte span of the value at `path`, falling back to the nearest enclosing value that was found.
    pub fn span(&self, path: &str) -> Option<(usize, usize)> {
        self.spans().span(path)
    }

    /// The widest value whose span ends exactly at byte `end` (e.g. the group a closing bracket closes).
    pub fn value_ending_at(&self, end: usize) -> Option<(usize, usize)> {
        self.spans().value_ending_at(end)
    }

    /// Byte span of the field name at `path` (for "unexpected field" style messages), else its value.
    pub fn key_span(&self, path: &str) -> Option<(usize, usize)> {
        self.spans().key_span(path)
    }
}

/// Byte spans of every value in a document, keyed by path.
#[derive(Debug, Default, Clone)]
struct Spans {
    spans: HashMap<String, (usize, usize)>,
    /// Byte span of each field *name* (the key before the colon), keyed by the field's path.
    keys: HashMap<String, (usize, usize)>,
    /// A transparent one-item payload (`Some(x)`, `All([..])`): its children are recorded under
    /// `path#0` and found from `path` through this table, so nothing is copied per level.
    aliases: HashMap<String, String>,
}

impl Spans {
    /// Scan `text` (a RON document) and record where each value is.
    fn scan(text: &str) -> Self {
        let mut scanner = Scanner { bytes: text.as_bytes(), pos: 0, map: Spans::default() };
        scanner.value(String::new(), 0);
        scanner.map
    }

    /// Byte span of the value at `path`, falling back to the nearest enclosing value that was found.
    fn span(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(span) = self.spans.get(self.resolve(p).as_str()).or_else(|| self.spans.get(p)) {
                return Some(*span);
            }
            p = parent_path(p)?;
        }
    }

    /// The path under which the value at `path` was recorded, following transparent payloads.
    fn resolve(&self, path: &str) -> String {
        let mut real = String::with_capacity(path.len() + 8);
        for segment in segments(path) {
            if !real.is_empty() || segment.starts_with(['.', '[', '#']) {
                self.follow_aliases(&mut real);
            }
            real.push_str(segment);
        }
        // `Some("two")` at `next` is the payload "two": the innermost value wins.
        self.follow_aliases(&mut real);
        real
    }

    fn follow_aliases(&self, real: &mut String) {
        for _ in 0..=MAX_DEPTH {
            match self.aliases.get(real.as_str()) {
                Some(target) => real.clone_from(target),
                None => return,
            }
        }
    }

    fn value_ending_at(&self, end: usize) -> Option<(usize, usize)> {
        self.spans.values().filter(|(_, e)| *e == end).min_by_key(|(s, _)| *s).copied()
    }

    fn key_span(&self, path: &str) -> Option<(usize, usize)> {
        self.keys.get(self.resolve(path).as_str()).or_else(|| self.keys.get(path)).copied().or_else(|| self.span(path))
    }
}

/// `a.b[2].c` -> `a.b[2]` -> `a.b` -> `a` -> `` -> None.
fn parent_path(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() { field.to_string() } else { format!("{path}.{field}") }
}

/// The segments of a path, each with its leading `.`, `[` or `#`: `a.b[2]` gives `a`, `.b`, `[2]`.
fn segments(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = path;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut =
            rest.char_indices().skip(1).find(|(_, c)| matches!(c, '.' | '[' | '#')).map_or(rest.len(), |(i, _)| i);
        let (segment, tail) = rest.split_at(cut);
        rest = tail;
        Some(segment)
    })
}

const MAX_DEPTH: usize = 160;

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    map: Spans,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(b) = self.peek() {
                        if b == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    self.pos += 2;
                    while self.pos < self.bytes.len() && !self.bytes[self.pos..].starts_with(b"*/") {
                        self.pos += 1;
                    }
                    self.pos = (self.pos + 2).min(self.bytes.len());
                }
                Some(b'#') if self.bytes.get(self.pos + 1) == Some(&b'!') => {
                    // `#![enable(...)]` attribute lines.
                    while let Some(b) = self.peek() {
                        self.pos += 1;
                        if b == b']' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> Option<(usize, usize)> {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
                self.pos += 1;
            } else {
                break;
            }
        }
        (self.pos > start).then_some((start, self.pos))
    }

    fn string(&mut self) {
        // Raw strings: r"..." or r#"..."#.
        if self.peek() == Some(b'r') {
            self.pos += 1;
            let mut hashes = 0;
            while self.peek() == Some(b'#') {
                hashes += 1;
                self.pos += 1;
            }
            self.pos += 1; // opening quote
            let closing: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            while self.pos < self.bytes.len() && !self.bytes[self.pos..].starts_with(&closing) {
                self.pos += 1;
            }
            self.pos = (self.pos + closing.len()).min(self.bytes.len());
            return;
        }
        let quote = self.bytes[self.pos];
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'\\' {
                self.pos += 1;
            } else if b == quote {
                break;
            }
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        self.skip_trivia();
        let start = self.pos;
        if depth > MAX_DEPTH {
            return;
        }
        match self.peek() {
            None => return,
            Some(b'"') | Some(b'\'') => self.string(),
            Some(b'r') if matches!(self.bytes.get(self.pos + 1), Some(b'"') | Some(b'#')) => self.string(),
            Some(b'[') => self.sequence(&path, b']', depth),
            Some(b'{') => self.map_body(&path, depth),
            Some(b'(') => self.group(&path, depth),
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                self.ident();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.group(&path, depth);
                }
            }
            Some(_) => {
                // Numbers and anything else: up to the next delimiter.
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b')' | b']' | b'}') || b.is_ascii_whitespace() {
                        break;
                    }
                    self.pos += 1;
                }
            }
        }
        let end = self.pos.max(start + 1).min(self.bytes.len().max(start));
        self.map.spans.entry(path).or_insert((start, end));
    }

    /// `( ... )`: a struct with named fields, or a tuple / newtype / enum payload by position.
    fn group(&mut self, path: &str, depth: usize) {
        self.pos += 1; // (
        self.skip_trivia();
        if self.looks_like_field() {
            self.fields(path, depth);
        } else {
            // A one-item payload (`Some(x)`, `Met("id")`) is transparent; more items are indexed.
            self.sequence_items(path, b')', depth, true);
        }
    }

    fn looks_like_field(&self) -> bool {
        let mut i = self.pos;
        while i < self.bytes.len() && (self.bytes[i].is_ascii_alphanumeric() || self.bytes[i] == b'_') {
            i += 1;
        }
        if i == self.pos {
            return false;
        }
        while i < self.bytes.len() && self.bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        self.bytes.get(i) == Some(&b':') && self.bytes.get(i + 1) != Some(&b':')
    }

    fn fields(&mut self, path: &str, depth: usize) {
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b')') => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => self.pos += 1,
                _ => {
                    let Some((a, b)) = self.ident() else {
                        self.pos += 1;
                        continue;
                    };
                    let name = String::from_utf8_lossy(&self.bytes[a..b]).into_owned();
                    let field_path = join(path, &name);
                    self.map.keys.entry(field_path.clone()).or_insert((a, b));
                    self.skip_trivia();
                    if self.peek() == Some(b':') {
                        self.pos += 1;
                        self.value(field_path, depth + 1);
                    }
                }
            }
        }
    }

    fn sequence(&mut self, path: &str, close: u8, depth: usize) {
        self.pos += 1;
        self.sequence_items(path, close, depth, false);
    }

    fn sequence_items(&mut self, path: &str, close: u8, depth: usize, transparent_single: bool) {
        let mut index = 0;
        let mut items: Vec<(usize, usize)> = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => break,
                Some(b) if b == close => {
                    self.pos += 1;
                    break;
                }
                Some(b',') => self.pos += 1,
                _ => {
                    let before = self.pos;
                    let item_path =
                        if transparent_single { format!("{path}#{index}") } else { format!("{path}[{index}]") };
                    self.value(item_path.clone(), depth + 1);
                    if let Some(span) = self.map.spans.get(&item_path) {
                        items.push(*span);
                    }
                    index += 1;
                    if self.pos == before {
                        self.pos += 1;
                    }
                }
            }
        }
        if transparent_single && items.len() == 1 {
            // The single payload's children are found from the parent path.
            self.map.aliases.insert(path.to_string(), format!("{path}#0"));
        }
    }

    fn map_body(&mut self, path: &str, depth: usize) {
        self.pos += 1; // {
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => self.pos += 1,
                _ => {
                    let key_start = self.pos;
                    self.value(format!("{path}#key"), depth + 1);
                    if self.pos == key_start {
                        // A stray delimiter (the text did not parse): step over it.
                        self.pos += 1;
                        continue;
                    }
                    let raw = String::from_utf8_lossy(&self.bytes[key_start..self.pos]).into_owned();
                    let key = raw.trim().trim_matches('"').to_string();
                    self.map.keys.entry(join(path, &key)).or_insert((key_start, self.pos));
                    self.skip_trivia();
                    if self.peek() == Some(b':') {
                        self.pos += 1;
                        self.value(join(path, &key), depth + 1);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"// a comment
Scenario(
    id: "x",
    tags: ["a", "b"],
    turns: [
        (id: "one", next: Some("two"), when: Met("c")),
        (id: "two", weight: 1.5, /* inline */ next: "one"),
    ],
    sets: { "sorry": ["sorry"] },
)"#;

    fn text_at(path: &str) -> &'static str {
        let map = SourceMap::build(DOC);
        let (a, b) = map.span(path).expect(path);
        &DOC[a..b]
    }

    #[test]
    fn finds_fields_items_and_nested_values() {
        assert_eq!(text_at("id"), "\"x\"");
        assert_eq!(text_at("tags[1]"), "\"b\"");
        assert_eq!(text_at("turns[0].id"), "\"one\"");
        assert_eq!(text_at("turns[1].weight"), "1.5");
        assert_eq!(text_at("turns[1].next"), "\"one\"");
        assert_eq!(text_at("sets.sorry[0]"), "\"sorry\"");
    }

    #[test]
    fn some_and_variants_are_transparent() {
        assert_eq!(text_at("turns[0].next"), "\"two\"");
        assert_eq!(text_at("turns[0].when"), "\"c\"");
    }

    #[test]
    fn deeply_nested_payloads_are_recorded_once() {
        // Each level used to copy every entry below it again: depth 22 took 26 s and 4.4 GB.
        let depth = 40;
        let doc = format!("(detect: [{}Phrase(\"sorry\"){}])", "All([".repeat(depth), "])".repeat(depth));
        let map = SourceMap::build(&doc);
        let entries = map.spans().spans.len();
        assert!(entries < 10 * depth, "{entries} entries");
        let path = format!("detect[0]{}", "[0]".repeat(depth));
        let (a, b) = map.span(&path).expect("deepest phrase");
        assert_eq!(&doc[a..b], "\"sorry\"");
    }

    #[test]
    fn unknown_paths_fall_back_to_the_parent() {
        assert_eq!(text_at("turns[1].missing"), "(id: \"two\", weight: 1.5, /* inline */ next: \"one\")");
    }

    #[test]
    fn malformed_text_never_hangs_or_panics() {
        for text in [
            "{ ] }",
            "( a: ) ]",
            "[ , , ]",
            "{ \"k\": }",
            "r#\"unterminated",
            "( /* open",
            "(a: [1, (b: {",
            "\u{e9}: (",
        ] {
            let _ = SourceMap::build(text).span("a");
        }
        for cut in 0..DOC.len() {
            if DOC.is_char_boundary(cut) {
                let _ = SourceMap::build(&DOC[..cut]).span("turns[1].next");
            }
        }
    }

    #[test]
    fn a_map_scans_its_text_only_when_a_position_is_asked_for() {
        let map = SourceMap::build(DOC);
        assert!(map.spans.get().is_none(), "nothing scanned on building");
        let copy = map.clone();
        assert_eq!(map.span("id").map(|(a, b)| &DOC[a..b]), Some("\"x\""));
        assert!(copy.spans.get().is_some(), "a copy shares the scan");
        assert_eq!(copy.span("tags[0]").map(|(a, b)| &DOC[a..b]), Some("\"a\""));
    }

    #[test]
    fn key_spans_point_at_field_names() {
        let map = SourceMap::build(DOC);
        let (a, b) = map.key_span("turns[1].weight").expect("key");
        assert_eq!(&DOC[a..b], "weight");
    }
}

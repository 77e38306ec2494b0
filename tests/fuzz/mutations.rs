//! Structure-aware mutations of scenario and lexicon files, and the proptest strategies that pick
//! them. Each mutation finds its site in the file (a phrase, a condition, a number, a criterion...)
//! by pattern; when a file has no such site the mutation leaves it as it is.

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::Index;
use regex::bytes::Regex;

/// One change to a file's bytes.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Wrap a `Phrase(...)` matcher in `depth` nested `All([...])`.
    NestAll { at: Index, depth: usize },
    /// Wrap a branch condition in `depth` nested `All([...])` / `Any([...])`.
    NestCondition { at: Index, depth: usize, any: bool },
    /// Put a phrase's text inside `depth` nested brackets.
    NestBrackets { at: Index, depth: usize, square: bool },
    /// Replace a number with a huge, tiny, negative or malformed one.
    HugeNumber { at: Index, value: &'static str },
    /// Replace a string's text with `len` bytes of its own words (or one endless word).
    LongString { at: Index, len: usize, spaced: bool },
    /// Repeat a rubric criterion `copies` more times (with fresh ids).
    ManyCriteria { at: Index, copies: usize },
    /// Repeat a `Phrase(...)` matcher `copies` more times.
    ManyMatchers { at: Index, copies: usize },
    /// Rewrite a phrase as its words with `gaps` `*` gaps between them.
    ManyGaps { at: Index, gaps: usize },
    /// Rewrite a phrase as a word followed by `groups` `[optional]` groups.
    ManyOptional { at: Index, groups: usize },
    /// Insert bytes that are not UTF-8.
    InvalidUtf8 { at: Index, bytes: &'static [u8] },
    /// Put a byte-order mark (UTF-8, or UTF-16 of either order) in front.
    Bom { mark: &'static [u8] },
    /// Windows line endings everywhere (or old Mac ones, a lone CR).
    LineEndings { crlf: bool },
    /// Insert a NUL byte.
    Nul { at: Index },
    /// Cut the file.
    Truncate { at: Index },
    /// Write a one-line field twice.
    DuplicateField { at: Index },
    /// Remove a one-line field.
    RemoveField { at: Index },
    /// Flip bits of a few bytes.
    ByteFlips { flips: Vec<(Index, u8)> },
}

static PHRASE: LazyLock<Regex> = LazyLock::new(|| re(r#"(?s-u)Phrase\("((?:[^"\\]|\\.)*)"\)"#));
static STRING: LazyLock<Regex> = LazyLock::new(|| re(r#"(?s-u)"((?:[^"\\]|\\.)*)""#));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u)[a-z_]+:[ \t]*(-?[0-9][0-9._eE+-]*)"));
static CONDITION: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u)when:[ \t]*([A-Z])"));
static CRITERION: LazyLock<Regex> = LazyLock::new(|| re(r#"(?-u)\(\s*id:\s*""#));
static FIRST_ID: LazyLock<Regex> = LazyLock::new(|| re(r#"(?-u)id:\s*"([^"]*)""#));
static FIELD_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"(?m-u)^[ \t]*[a-z_]+: [^\n]*,\r?\n"));

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the harness's own regex compiles")
}

/// Numbers that have broken parsers and arithmetic before.
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "-0",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999999999999999999",
    "1e308",
    "1e309",
    "-1e308",
    "1.7976931348623157e308",
    "1e-400",
    "0.000000000000000000001",
    "NaN",
    "inf",
    "-inf",
    "1_000_000",
    "0x7fffffff",
    "3.",
    ".5",
    "1e",
    "--1",
];

/// Byte sequences that are not UTF-8: a stray continuation, a lone lead, an overlong NUL, a
/// surrogate, a code point past U+10FFFF, a cut-off three-byte character.
const NOT_UTF8: &[&[u8]] = &[b"\xFF", b"\x80", b"\xC3", b"\xC0\x80", b"\xED\xA0\x80", b"\xF4\x90\x80\x80", b"\xE2\x82"];

const MARKS: &[&[u8]] = &[b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];

/// Mostly small, sometimes around the limits, sometimes far past them.
fn depth() -> impl Strategy<Value = usize> {
    prop_oneof![4 => 1..32usize, 2 => prop::sample::select(vec![22, 31, 32, 33, 40]), 1 => 33..300usize]
}

fn bracket_depth() -> impl Strategy<Value = usize> {
    prop_oneof![3 => 1..64usize, 1 => 64..2_000usize, 1 => 12_000..15_000usize]
}

fn count(small: usize, big: usize) -> impl Strategy<Value = usize> {
    prop_oneof![4 => 0..small, 1 => small..big]
}

/// Any one mutation.
pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), depth()).prop_map(|(at, depth)| Mutation::NestAll { at, depth }),
        (any::<Index>(), depth(), any::<bool>()).prop_map(|(at, depth, any)| Mutation::NestCondition {
            at,
            depth,
            any
        }),
        (any::<Index>(), bracket_depth(), any::<bool>()).prop_map(|(at, depth, square)| Mutation::NestBrackets {
            at,
            depth,
            square
        }),
        (any::<Index>(), prop::sample::select(NUMBERS)).prop_map(|(at, value)| Mutation::HugeNumber { at, value }),
        (
            any::<Index>(),
            prop_oneof![6 => 100..20_000usize, 2 => 20_000..200_000usize, 1 => Just(1_100_000)],
            any::<bool>()
        )
            .prop_map(|(at, len, spaced)| Mutation::LongString { at, len, spaced }),
        (any::<Index>(), count(45, 200)).prop_map(|(at, copies)| Mutation::ManyCriteria { at, copies }),
        (any::<Index>(), count(70, 3_000)).prop_map(|(at, copies)| Mutation::ManyMatchers { at, copies }),
        (any::<Index>(), count(14, 40)).prop_map(|(at, gaps)| Mutation::ManyGaps { at, gaps }),
        (any::<Index>(), count(26, 40)).prop_map(|(at, groups)| Mutation::ManyOptional { at, groups }),
        (any::<Index>(), prop::sample::select(NOT_UTF8)).prop_map(|(at, bytes)| Mutation::InvalidUtf8 { at, bytes }),
        prop::sample::select(MARKS).prop_map(|mark| Mutation::Bom { mark }),
        any::<bool>().prop_map(|crlf| Mutation::LineEndings { crlf }),
        any::<Index>().prop_map(|at| Mutation::Nul { at }),
        any::<Index>().prop_map(|at| Mutation::Truncate { at }),
        any::<Index>().prop_map(|at| Mutation::DuplicateField { at }),
        any::<Index>().prop_map(|at| Mutation::RemoveField { at }),
        prop::collection::vec((any::<Index>(), 1..=255u8), 1..20).prop_map(|flips| Mutation::ByteFlips { flips }),
    ]
}

/// Apply `m` to `bytes`.
// A table: one arm per kind of mutation.
#[allow(clippy::too_many_lines)]
pub fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    match m {
        Mutation::NestAll { at, depth } => {
            if let Some((start, end)) = pick(&PHRASE, bytes, at, 0) {
                let wrapped = [b"All([".repeat(*depth), bytes[start..end].to_vec(), b"])".repeat(*depth)].concat();
                bytes.splice(start..end, wrapped);
            }
        }
        Mutation::NestCondition { at, depth, any } => {
            if let Some((start, _)) = pick(&CONDITION, bytes, at, 1)
                && let Some(end) = value_end(bytes, start)
            {
                let open: &[u8] = if *any { b"Any([" } else { b"All([" };
                let wrapped = [open.repeat(*depth), bytes[start..end].to_vec(), b"])".repeat(*depth)].concat();
                bytes.splice(start..end, wrapped);
            }
        }
        Mutation::NestBrackets { at, depth, square } => {
            if let Some((start, end)) = pick(&PHRASE, bytes, at, 1) {
                let (open, close): (&[u8], &[u8]) = if *square { (b"[", b"]") } else { (b"(", b")") };
                let inner = if bytes[start..end].is_empty() { b"word".to_vec() } else { bytes[start..end].to_vec() };
                bytes.splice(start..end, [open.repeat(*depth), inner, close.repeat(*depth)].concat());
            }
        }
        Mutation::HugeNumber { at, value } => {
            if let Some((start, end)) = pick(&NUMBER, bytes, at, 1) {
                bytes.splice(start..end, value.bytes());
            }
        }
        Mutation::LongString { at, len, spaced } => {
            if let Some((start, end)) = pick(&STRING, bytes, at, 1) {
                let words = words_of(&bytes[start..end]);
                let unit = match (words.first(), *spaced) {
                    (Some(_), true) => format!("{} ", words.join(" ")),
                    (Some(w), false) => w.clone(),
                    (None, _) => "word ".to_string(),
                };
                let long: Vec<u8> = unit.bytes().cycle().take(*len).collect();
                bytes.splice(start..end, long);
            }
        }
        Mutation::ManyCriteria { at, copies } => many_criteria(bytes, at, *copies),
        Mutation::ManyMatchers { at, copies } => {
            if let Some((start, end)) = pick(&PHRASE, bytes, at, 0) {
                let one = [b", ".as_slice(), &bytes[start..end]].concat();
                bytes.splice(end..end, one.repeat(*copies));
            }
        }
        Mutation::ManyGaps { at, gaps } => {
            if let Some((start, end)) = pick(&PHRASE, bytes, at, 1) {
                let words = non_empty(words_of(&bytes[start..end]));
                let text: Vec<&str> = words.iter().map(String::as_str).cycle().take(gaps + 1).collect();
                bytes.splice(start..end, text.join(" * ").into_bytes());
            }
        }
        Mutation::ManyOptional { at, groups } => {
            if let Some((start, end)) = pick(&PHRASE, bytes, at, 1) {
                let words = non_empty(words_of(&bytes[start..end]));
                let mut text = words[0].clone();
                for w in words.iter().cycle().take(*groups) {
                    text.push_str(&format!(" [{w}]"));
                }
                bytes.splice(start..end, text.into_bytes());
            }
        }
        Mutation::InvalidUtf8 { at, bytes: junk } => {
            let i = at.index(bytes.len() + 1);
            bytes.splice(i..i, junk.iter().copied());
        }
        Mutation::Bom { mark } => {
            bytes.splice(0..0, mark.iter().copied());
        }
        Mutation::LineEndings { crlf } => {
            let ending: &[u8] = if *crlf { b"\r\n" } else { b"\r" };
            *bytes = bytes.split(|&b| b == b'\n').collect::<Vec<_>>().join(ending);
        }
        Mutation::Nul { at } => {
            let i = at.index(bytes.len() + 1);
            bytes.insert(i, 0);
        }
        Mutation::Truncate { at } => bytes.truncate(at.index(bytes.len() + 1)),
        Mutation::DuplicateField { at } => {
            if let Some((start, end)) = pick(&FIELD_LINE, bytes, at, 0) {
                let line = bytes[start..end].to_vec();
                bytes.splice(end..end, line);
            }
        }
        Mutation::RemoveField { at } => {
            if let Some((start, end)) = pick(&FIELD_LINE, bytes, at, 0) {
                bytes.drain(start..end);
            }
        }
        Mutation::ByteFlips { flips } => {
            for (at, mask) in flips {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] ^= mask;
                }
            }
        }
    }
}

/// The span of capture `group` of one match of `pattern` in `bytes`, chosen by `at`.
fn pick(pattern: &Regex, bytes: &[u8], at: &Index, group: usize) -> Option<(usize, usize)> {
    let spans: Vec<(usize, usize)> =
        pattern.captures_iter(bytes).filter_map(|c| c.get(group)).map(|m| (m.start(), m.end())).collect();
    (!spans.is_empty()).then(|| spans[at.index(spans.len())])
}

/// Where the RON value starting at `start` ends: after its identifier and its bracketed payload, if any.
fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    if bytes.get(i) == Some(&b'(') { close_of(bytes, i) } else { Some(i) }
}

/// The index just past the bracket that closes the one at `open`, skipping strings.
fn close_of(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Repeat one rubric criterion (a `( id: ...` group holding `detect:` and no `rubric:`), each copy
/// with its own id so that the copies are valid.
fn many_criteria(bytes: &mut Vec<u8>, at: &Index, copies: usize) {
    let blocks: Vec<(usize, usize)> = CRITERION
        .find_iter(bytes)
        .filter_map(|m| Some((m.start(), close_of(bytes, m.start())?)))
        .filter(|(s, e)| {
            let block = &bytes[*s..*e];
            contains(block, b"detect:") && !contains(block, b"rubric:")
        })
        .collect();
    if blocks.is_empty() {
        return;
    }
    let (start, end) = blocks[at.index(blocks.len())];
    let block = &bytes[start..end];
    let mut extra = Vec::new();
    for n in 0..copies {
        let renamed = FIRST_ID.replace(block, format!("id: \"$1-copy-{n}\"").as_bytes());
        extra.extend_from_slice(b",\n");
        extra.extend_from_slice(&renamed);
    }
    bytes.splice(end..end, extra);
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The words of some text, pattern syntax removed.
pub fn words_of(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn non_empty(words: Vec<String>) -> Vec<String> {
    if words.is_empty() { vec!["word".to_string()] } else { words }
}

//! From a file's bytes to a typed value: encoding checks, RON parsing, and plain-worded errors.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use crate::core::scenario::FORMAT_VERSION;
use crate::core::scenario::diagnostic::{Diagnostic, Position, did_you_mean, offset_of, position_of};
use crate::core::scenario::source_map::SourceMap;

/// Files larger than this are refused unread: a scenario is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// A diagnostic for a file over [`MAX_FILE_BYTES`], or None when the size is fine.
pub fn check_size(len: u64) -> Option<Diagnostic> {
    (len > MAX_FILE_BYTES).then(|| {
        Diagnostic::error(
            "file-too-large",
            format!("file is {} KiB; scenario files are limited to 1024 KiB", len.div_ceil(1024)),
        )
        .at(Position { line: 1, column: 1 }, None)
        .with_hint("split it into one scenario per file, or check that it is the right file")
    })
}

/// Turn a file's bytes into text: UTF-8 only (a UTF-8 byte-order mark is skipped).
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error("wrong-encoding", "file is UTF-16 encoded, not UTF-8")
            .at(Position { line: 1, column: 1 }, None)
            .with_hint("save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)"));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        let at = position_of(&String::from_utf8_lossy(&bytes[..offset]), offset);
        return Err(Diagnostic::error("binary-file", "file contains binary data (a NUL byte), not text")
            .at(at, None)
            .with_hint("scenario files are plain UTF-8 text; check that this is the right file"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => Err(Diagnostic::error("empty-file", "file is empty")
            .at(Position { line: 1, column: 1 }, None)
            .with_hint("a scenario file holds one `Scenario( ... )`; see docs/scenario-format.md")),
        Ok(text) => Ok(text),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let text = std::str::from_utf8(good).unwrap_or_default();
            Err(Diagnostic::error(
                "wrong-encoding",
                format!(
                    "file is not valid UTF-8 (byte 0x{:02X} cannot start a character here)",
                    bytes[e.valid_up_to()]
                ),
            )
            .at(position_of(text, text.len()), None)
            .with_hint("save the file as UTF-8; it may be Latin-1 or Windows-1252"))
        }
    }
}

/// The RON options every FollowThrough file is read with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The `format_version` field of the top-level value, when the text parses as RON at all (a
/// second full parse: used only when the value itself did not parse).
fn probe_format_version(text: &str) -> Option<u64> {
    match ron_options().from_str::<ron::Value>(text).ok()? {
        ron::Value::Map(map) => map.iter().find_map(|(k, v)| match (k, v) {
            (ron::Value::String(key), ron::Value::Number(n)) if key == "format_version" => {
                n.into_f64().to_string().parse::<u64>().ok()
            }
            _ => None,
        }),
        _ => None,
    }
}

/// The `format_version` of text that parsed: read from the first fields without a second parse
/// (it is the first field by convention), else by [`probe_format_version`].
fn format_version_of_parsed(text: &str) -> Option<u64> {
    match leading_field(text, "format_version") {
        Some(Ok(version)) => Some(version),
        Some(Err(())) => probe_format_version(text),
        None => None,
    }
}

/// The whole-number value of the top-level field `name` when it comes before any nested value:
/// `Some(Ok(n))`; `Some(Err(()))` when this quick look cannot tell (a nested value, a string or
/// an unusual number comes first); None when the top-level group ends without it.
fn leading_field(text: &str, name: &str) -> Option<Result<u64, ()>> {
    let mut rest = skip_trivia(text);
    rest = skip_trivia(rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_'));
    rest = skip_trivia(rest.strip_prefix('(')?);
    loop {
        let field_len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let (field, after) = rest.split_at(field_len);
        if field.is_empty() {
            return if rest.starts_with(')') { None } else { Some(Err(())) };
        }
        let Some(value) = skip_trivia(after).strip_prefix(':') else { return Some(Err(())) };
        let value = skip_trivia(value);
        let digits = value.find(|c: char| !c.is_ascii_digit()).unwrap_or(value.len());
        let after_value = skip_trivia(&value[digits..]);
        if digits == 0 || !(after_value.starts_with(',') || after_value.starts_with(')')) {
            return Some(Err(()));
        }
        if field == name {
            return Some(value[..digits].parse().map_err(|_| ()));
        }
        rest = skip_trivia(after_value.strip_prefix(',').unwrap_or(after_value));
    }
}

/// `text` after any leading whitespace and comments.
fn skip_trivia(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(comment) = text.strip_prefix("//") {
            text = comment.find('\n').map_or("", |end| &comment[end..]);
        } else if let Some(comment) = text.strip_prefix("/*") {
            text = comment.find("*/").map_or("", |end| &comment[end + 2..]);
        } else if text.starts_with("#!") {
            text = text.find(']').map_or("", |end| &text[end + 1..]);
        } else {
            return text;
        }
    }
}

/// The diagnostic for a file whose `format_version` this FollowThrough cannot read, if it is one.
fn unsupported_version(text: &str, version: Option<u64>) -> Option<Diagnostic> {
    let version = version.filter(|v| *v == 0 || *v > u64::from(FORMAT_VERSION))?;
    let diagnostic = Diagnostic::error(
        "unsupported-version",
        format!("format_version {version} is not supported; this FollowThrough reads format version {FORMAT_VERSION}"),
    )
    .with_hint(if version == 0 {
        "versions start at 1; write `format_version: 1`".to_string()
    } else {
        "the file was written for a newer FollowThrough: update the app, or rewrite it for version 1".to_string()
    });
    Some(locate(diagnostic, &SourceMap::build(text), text, "format_version"))
}

/// Parse RON text into `T`, returning the value and a map of where each value sits (scanned only
/// when a position is asked for). A `format_version` this FollowThrough cannot read is the error,
/// whether or not the rest parses.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<(T, SourceMap), Diagnostic> {
    match ron_options().from_str::<T>(text) {
        Ok(value) => match unsupported_version(text, format_version_of_parsed(text)) {
            Some(d) => Err(d),
            None => Ok((value, SourceMap::build(text))),
        },
        Err(e) => Err(unsupported_version(text, probe_format_version(text))
            .unwrap_or_else(|| improve_location(ron_error_to_diagnostic(&e), text))),
    }
}

/// Move a RON error to where a person would look: past leading whitespace, to the start of the
/// group a field is missing from, or to the start of text whose closing quote is missing.
fn improve_location(mut d: Diagnostic, text: &str) -> Diagnostic {
    let Some(start) = d.start else { return d };
    let mut offset = offset_of(text, start);
    while text[offset..].starts_with(|c: char| c.is_whitespace()) {
        offset += text[offset..].chars().next().map_or(1, char::len_utf8);
    }
    if d.code == "missing-field" {
        let map = SourceMap::build(text);
        if let Some((group_start, _)) = map.value_ending_at(offset + 1) {
            return d.at(position_of(text, group_start), None);
        }
    }
    if d.code == "syntax"
        && let Some(string_start) = swallowing_string_before(text, offset)
    {
        d.message = "text is not closed: its closing `\"` seems to be missing".into();
        d.hint = Some("add the closing `\"`; write a quote inside text as `\\\"`".into());
        return d.at(position_of(text, string_start), None);
    }
    if d.message == "expected a comma" {
        // Point just after the value that needs the comma, which may be on an earlier line.
        let before = text[..offset].trim_end();
        if before.len() < offset && text[before.len()..offset].contains('\n') {
            return d.at(position_of(text, before.len()), None);
        }
    }
    let moved = position_of(text, offset);
    if moved != start && offset < text.len() {
        let end = d.end.filter(|e| *e > moved);
        d = d.at(moved, end);
    }
    d
}

/// The start of the last string literal before `offset`, when it runs over lines that look like
/// RON fields (`name: ...`): the sign of a missing closing quote that swallowed what followed.
fn swallowing_string_before(text: &str, offset: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut last = None;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                last = Some((start, i.min(bytes.len())));
            }
            _ => {}
        }
        i += 1;
    }
    let (start, end) = last?;
    let body = &text[start..end];
    let looks_like_fields = body.lines().skip(1).any(|line| {
        let t = line.trim_start();
        let name_len = t.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').count();
        name_len > 0 && t[name_len..].trim_start().starts_with(':')
    });
    looks_like_fields.then_some(start)
}

/// Place a diagnostic at the value found at `path` in the source.
pub fn locate(diagnostic: Diagnostic, map: &SourceMap, text: &str, path: &str) -> Diagnostic {
    match map.span(path) {
        Some((a, b)) => diagnostic.at(position_of(text, a), Some(position_of(text, b))),
        None => diagnostic,
    }
}

/// Place a diagnostic at the field *name* at `path` (for fields that should not be there).
pub fn locate_key(diagnostic: Diagnostic, map: &SourceMap, text: &str, path: &str) -> Diagnostic {
    match map.key_span(path) {
        Some((a, b)) => diagnostic.at(position_of(text, a), Some(position_of(text, b))),
        None => diagnostic,
    }
}

fn friendly_outer(outer: &Option<String>) -> String {
    match outer.as_deref() {
        Some("Scenario") => "the scenario".into(),
        Some("Briefing") => "the briefing".into(),
        Some("Turn") => "a turn".into(),
        Some("Criterion") => "a rubric criterion".into(),
        Some("AuthorTest") => "an author test".into(),
        Some("HistoryEntry") => "a history entry".into(),
        Some(other) => format!("`{other}`"),
        None => "this place".into(),
    }
}

fn list(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

fn ron_error_to_diagnostic(e: &SpannedError) -> Diagnostic {
    let (code, message, hint): (&'static str, String, Option<String>) = match &e.code {
        RonError::NoSuchStructField { expected, found, outer } => (
            "unknown-field",
            format!("unknown field `{found}` in {}", friendly_outer(outer)),
            Some(match did_you_mean(found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("expected one of {}", list(expected)),
            }),
        ),
        RonError::MissingStructField { field, outer } => (
            "missing-field",
            format!("{} is missing the field `{field}`", friendly_outer(outer)),
            Some(format!("add `{field}: ...` (see docs/scenario-format.md)")),
        ),
        RonError::DuplicateStructField { field, outer } => (
            "duplicate-field",
            format!("field `{field}` appears twice in {}", friendly_outer(outer)),
            Some("keep one of them".into()),
        ),
        RonError::NoSuchEnumVariant { expected, found, outer } => (
            "unknown-variant",
            format!("`{found}` is not a valid {}", outer.as_deref().unwrap_or("choice here")),
            Some(match did_you_mean(found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("expected one of {}", list(expected)),
            }),
        ),
        RonError::InvalidValueForType { expected, found } => {
            ("wrong-type", format!("expected {expected}, found {found}"), type_hint(expected))
        }
        RonError::ExpectedString => {
            ("wrong-type", "expected text in double quotes".into(), Some("write text as \"...\"".into()))
        }
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => {
            ("wrong-type", "expected a whole number".into(), Some("write a number without quotes, e.g. `3`".into()))
        }
        RonError::ExpectedArray => ("wrong-type", "expected a list in `[ ... ]`".into(), None),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
            ("wrong-type", "expected a group of fields in `( ... )`".into(), None)
        }
        RonError::ExpectedDifferentStructName { expected, found } => (
            "wrong-type",
            format!("expected `{expected}( ... )`, found `{found}( ... )`"),
            Some(format!("this file must hold a `{expected}`")),
        ),
        RonError::ExpectedComma => {
            ("syntax", "expected a comma".into(), Some("separate fields and list items with commas".into()))
        }
        RonError::Eof => (
            "syntax",
            "the file ends before the scenario is complete".into(),
            Some("a bracket or quote is not closed; check that every `(`, `[` and `\"` has its partner".into()),
        ),
        RonError::ExpectedStringEnd => (
            "syntax",
            "text is not closed".into(),
            Some("add the closing `\"`; write a quote inside text as `\\\"`".into()),
        ),
        RonError::TrailingCharacters => (
            "syntax",
            "unexpected text after the end of the file's value".into(),
            Some("a file holds exactly one value; remove what follows its closing bracket".into()),
        ),
        RonError::UnclosedBlockComment => ("syntax", "a `/*` comment is not closed".into(), Some("add `*/`".into())),
        RonError::ExceededRecursionLimit => (
            "too-deep",
            "values nested too deeply: brackets inside brackets go deeper than FollowThrough reads".into(),
            Some("`All([a, All([b, c])])` is the same as `All([a, b, c])`: write it flat".into()),
        ),
        RonError::ExpectedBoolean => ("wrong-type", "expected `true` or `false`".into(), None),
        RonError::ExpectedFloat => ("wrong-type", "expected a number".into(), None),
        other => ("syntax", sentence_case(&other.to_string()), None),
    };
    let start = Position { line: e.span.start.line, column: e.span.start.col };
    let end = Position { line: e.span.end.line, column: e.span.end.col };
    Diagnostic::error(code, message).at(start, (end > start).then_some(end)).with_optional_hint(hint)
}

fn type_hint(expected: &str) -> Option<String> {
    if expected.contains("string") {
        Some("write text in double quotes: \"...\"".into())
    } else if expected.contains("integer") {
        Some("write a whole number without quotes, e.g. `3`".into())
    } else if expected.contains("sequence") {
        Some("write a list in square brackets: [\"a\", \"b\"]".into())
    } else if expected.contains("float") {
        Some("write a number without quotes, e.g. `2` or `1.5`".into())
    } else {
        None
    }
}

fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::Criterion;

    #[test]
    fn utf8_bom_is_accepted_and_utf16_refused() {
        assert_eq!(decode(b"\xEF\xBB\xBF(a: 1)").expect("bom"), "(a: 1)");
        assert_eq!(decode(b"\xFF\xFEa\0").expect_err("utf16").code, "wrong-encoding");
    }

    #[test]
    fn latin1_is_located() {
        let d = decode(b"(\n  name: \"Caf\xE9\",\n)").expect_err("latin1");
        assert_eq!(d.code, "wrong-encoding");
        assert_eq!(d.start, Some(Position { line: 2, column: 13 }));
    }

    #[test]
    fn empty_and_binary_files() {
        let d = decode(b"  \n ").expect_err("empty");
        assert_eq!((d.code, d.start), ("empty-file", Some(Position { line: 1, column: 1 })));
        assert_eq!(decode(b"\x00\x01\x02").expect_err("binary").code, "binary-file");
    }

    #[test]
    fn typo_in_field_name_suggests_the_right_one() {
        let text = "(\n  id: \"a\",\n  label: \"b\",\n  kind: Required,\n  wieght: 1,\n  detect: [],\n)";
        let d = parse::<Criterion>(text).expect_err("typo");
        assert_eq!(d.code, "unknown-field");
        assert_eq!(d.start.map(|p| p.line), Some(5));
        assert_eq!(d.hint.as_deref(), Some("did you mean `weight`?"));
    }

    #[test]
    fn typo_in_variant_suggests_the_right_one() {
        let text = "(id: \"a\", label: \"b\", kind: Requried, weight: 1, detect: [])";
        let d = parse::<Criterion>(text).expect_err("typo");
        assert_eq!(d.code, "unknown-variant");
        assert_eq!(d.hint.as_deref(), Some("did you mean `Required`?"));
    }

    #[test]
    fn newer_format_versions_are_refused_clearly() {
        let d = parse::<crate::core::scenario::Lexicon>("(format_version: 7, sets: {}, future: 1)").expect_err("v7");
        assert_eq!(d.code, "unsupported-version");
        assert!(d.start.is_some());
        // A newer file that happens to parse is refused the same, wherever the field is.
        for text in [
            "// team lexicon\nLexicon(format_version: 2, sets: {})",
            "#![enable(implicit_some)]\n(sets: {\"a\": [\"b\"]}, format_version: 2)",
            "(format_version: 0, sets: {})",
        ] {
            let d = parse::<crate::core::scenario::Lexicon>(text).expect_err(text);
            assert_eq!(
                (d.code, d.start.map(|p| p.line)),
                ("unsupported-version", Some(text.lines().count())),
                "{text}"
            );
        }
        assert!(parse::<crate::core::scenario::Lexicon>("/* v1 */ Lexicon(format_version: 1, sets: {})").is_ok());
    }

    #[test]
    fn the_version_is_read_from_the_leading_fields_without_a_second_parse() {
        assert_eq!(leading_field("Scenario(\n  format_version: 1,\n  id: \"x\")", "format_version"), Some(Ok(1)));
        assert_eq!(leading_field("(importance: 3, format_version: 12)", "format_version"), Some(Ok(12)));
        assert_eq!(leading_field("(id: \"x\", format_version: 1)", "format_version"), Some(Err(())), "text first");
        assert_eq!(leading_field("(format_version: 1.5)", "format_version"), Some(Err(())));
        assert_eq!(leading_field("(importance: 3)", "format_version"), None);
    }

    #[test]
    fn nesting_past_the_readers_limit_is_a_plain_located_error() {
        let text = format!("(id: \"a\", label: \"b\", kind: Required, weight: 1, detect: [{}])", "All([".repeat(200));
        let d = parse::<Criterion>(&text).expect_err("too deep");
        assert_eq!(d.code, "too-deep");
        assert!(d.message.contains("nested too deeply") && !d.message.contains("serde"), "{}", d.message);
        assert_eq!(d.start.map(|p| p.line), Some(1));
    }

    #[test]
    fn oversized_files_are_refused() {
        assert!(check_size(MAX_FILE_BYTES).is_none());
        let d = check_size(MAX_FILE_BYTES + 1).expect("too large");
        assert_eq!((d.code, d.start), ("file-too-large", Some(Position { line: 1, column: 1 })));
    }
}

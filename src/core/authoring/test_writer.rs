//! Adding an author test to a scenario file by editing its text, not by re-serialising it: the
//! trainer's comments, field order and formatting stay byte-for-byte as they were outside the
//! inserted entry (and, when the previous entry lacks one, the comma after it).
//!
//! A small scanner that steps over strings (with escapes), raw strings and `//` and (nested, as in
//! RON) `/* */` comments matches brackets to find the scenario's fields, its `tests` list, the list's
//! last entry and any trailing comma. The edited text is parsed again and must hold exactly the new
//! test after the old ones, or the edit is refused.

use super::ron_tokens::{Token, tokens};
use crate::core::scenario::parse::parse;
use crate::core::scenario::{AuthorTest, Scenario, ScoreRange};
use crate::core::scoring::ScoreCard;

/// How far either side of the current score [`author_test_from_card`] lets a pinned score move.
pub const SCORE_TOLERANCE: u32 = 5;

/// An author test that pins down what `card` says now: the criteria met and not met, and a score
/// within [`SCORE_TOLERANCE`] of the current one. `turn` is left out when empty.
pub fn author_test_from_card(name: &str, turn: &str, response: &str, card: &ScoreCard) -> AuthorTest {
    let ids = |met: bool| card.criteria.iter().filter(|c| c.met == met).map(|c| c.id.clone()).collect::<Vec<_>>();
    AuthorTest {
        name: name.to_string(),
        turn: (!turn.is_empty()).then(|| turn.to_string()),
        response: response.to_string(),
        met: ids(true),
        not_met: ids(false),
        score: Some(ScoreRange {
            min: card.score.saturating_sub(SCORE_TOLERANCE),
            max: card.score.saturating_add(SCORE_TOLERANCE).min(100),
        }),
        passes: None,
    }
}

/// Why a test could not be added to a scenario file's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppendTestError {
    /// The file as it is does not parse; the parser's message.
    #[error("the scenario file does not parse: {0}")]
    DoesNotParse(String),
    /// No `( ... )` around the scenario.
    #[error("the scenario has no `( ... )`")]
    NoParentheses,
    /// The scenario's `(` is never closed.
    #[error("the scenario's `( ... )` is not closed")]
    NotClosed,
    /// `tests:` is followed by something other than a list.
    #[error("the `tests` field is not a list `[ ... ]`")]
    TestsNotAList,
    /// The edited text would not parse; the parser's message.
    #[error("the edited file would not parse: {0}")]
    EditWouldNotParse(String),
    /// The edit did not give exactly one more test equal to the one asked for.
    #[error("could not find where the scenario's tests end; add the test by hand")]
    EndNotFound,
}

/// The scenario file's new text with `test` appended to its `tests: [...]` list (after the last
/// entry, at the indentation of the entries), or with a `tests: [...]` field added as the scenario's
/// last field when it has none. Nothing else in the text changes.
///
/// Errors when `source` is not a scenario that parses (the message says why), or when the edit
/// would not yield exactly one more test equal to `test`.
pub fn append_author_test(source: &str, test: &AuthorTest) -> Result<String, AppendTestError> {
    let (scenario, _) = parse::<Scenario>(source).map_err(|d| AppendTestError::DoesNotParse(d.message))?;
    let newline = if source.contains("\r\n") { "\r\n" } else { "\n" };
    let toks = tokens(source, 0, source.len());
    let open = root_open(source, &toks).ok_or(AppendTestError::NoParentheses)?;
    let root = Group::at(&toks, open).ok_or(AppendTestError::NotClosed)?;
    let field = |name: &str| {
        root.items.iter().map(|&(first, _)| first).find(|&first| {
            &source[toks[first].start..toks[first].end] == name && toks.get(first + 1).is_some_and(|t| t.byte == b':')
        })
    };
    let field_indent = field("turns")
        .map(|first| toks[first].start)
        .filter(|&at| starts_its_line(source, at))
        .map_or("    ", |at| line_indent(source, at));
    let unit = if field_indent.is_empty() { "    " } else { field_indent };
    let edits = match field("tests") {
        Some(first) => {
            let list = Some(first + 2)
                .filter(|&i| toks.get(i).is_some_and(|t| t.byte == b'['))
                .and_then(|i| Group::at(&toks, i))
                .ok_or(AppendTestError::TestsNotAList)?;
            let last = list.items.last().map(|&(a, b)| (toks[a].start, toks[b].end));
            let indent = match last {
                Some((start, _)) if starts_its_line(source, start) => line_indent(source, start).to_string(),
                _ => format!("{}{unit}", line_indent(source, toks[list.open].start)),
            };
            let one_line = last.is_some_and(|(a, b)| !source[a..b].contains('\n'));
            let entry = render_test(test, &indent, unit, one_line, newline);
            append_item(source, &toks, &list, &entry, &render_test(test, "", unit, true, newline), &indent, newline)
        }
        None => {
            let indent = format!("{field_indent}{unit}");
            let entry = render_test(test, &indent, unit, false, newline);
            let field = format!("tests: [{newline}{indent}{entry},{newline}{field_indent}]");
            let inline = format!("tests: [{}]", render_test(test, "", unit, true, newline));
            append_item(source, &toks, &root, &field, &inline, field_indent, newline)
        }
    };
    let mut text = source.to_string();
    for (at, insert) in edits.into_iter().rev() {
        text.insert_str(at, &insert);
    }
    let (edited, _) = parse::<Scenario>(&text).map_err(|d| AppendTestError::EditWouldNotParse(d.message))?;
    if edited.tests.len() != scenario.tests.len() + 1 || edited.tests.last() != Some(test) {
        return Err(AppendTestError::EndNotFound);
    }
    Ok(text)
}

/// The token index of the root value's `(`, after any `#![enable(...)]` attributes.
fn root_open(source: &str, toks: &[Token]) -> Option<usize> {
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        if source[t.start..t.end].starts_with('#') {
            let bracket = i + 1 + toks[i + 1..].iter().position(|t| t.byte == b'[')?;
            i = Group::at(toks, bracket)?.close + 1;
        } else {
            return toks[i..].iter().position(|t| t.byte == b'(').map(|p| i + p);
        }
    }
    None
}

/// Insertions (byte offset, text), in increasing order of offset.
type Edits = Vec<(usize, String)>;

/// A bracketed group of tokens: `( ... )`, `[ ... ]` or `{ ... }`, with its comma-separated items.
struct Group {
    /// Index of the opening bracket's token.
    open: usize,
    /// Index of the closing bracket's token.
    close: usize,
    /// First and last token index of each item.
    items: Vec<(usize, usize)>,
}

impl Group {
    /// The group whose opening bracket is token `open`, when it is closed.
    fn at(toks: &[Token], open: usize) -> Option<Group> {
        let mut depth = 0usize;
        let mut items = Vec::new();
        let mut item_start: Option<usize> = None;
        for (i, t) in toks.iter().enumerate().skip(open + 1) {
            match t.byte {
                b')' | b']' | b'}' if depth == 0 => {
                    if let Some(first) = item_start {
                        items.push((first, i - 1));
                    }
                    return Some(Group { open, close: i, items });
                }
                b',' if depth == 0 => {
                    if let Some(first) = item_start.take() {
                        items.push((first, i - 1));
                    }
                }
                b => {
                    item_start.get_or_insert(i);
                    if matches!(b, b'(' | b'[' | b'{') {
                        depth += 1;
                    } else if matches!(b, b')' | b']' | b'}') {
                        depth -= 1;
                    }
                }
            }
        }
        None
    }
}

/// Edits that append `item` to `group`: after its last item (adding the comma that item lacks),
/// on a line of its own at `indent`, or `inline` when the whole group is on one line.
fn append_item(
    source: &str,
    toks: &[Token],
    group: &Group,
    item: &str,
    inline: &str,
    indent: &str,
    newline: &str,
) -> Edits {
    let (open, close) = (toks[group.open], toks[group.close]);
    let before_close = toks[group.close - 1];
    let has_items = !group.items.is_empty();
    let trailing_comma = has_items && before_close.byte == b',';
    let mut edits = Vec::new();
    if has_items && !trailing_comma {
        edits.push((before_close.end, ",".to_string()));
    }
    if has_items && !source[open.start..close.end].contains('\n') {
        // `[(..), (..)]` on one line: stay on it.
        edits.push((before_close.end, format!(" {inline}{}", if trailing_comma { "," } else { "" })));
        return edits;
    }
    let at = content_end(source, open.end, close.start);
    let mut insert = format!("{newline}{indent}{item},");
    if !source[at..close.start].contains('\n') {
        // The closing bracket was on the same line as what precedes it: give it a line of its own.
        insert.push_str(newline);
        insert.push_str(line_indent(source, open.start));
    }
    edits.push((at, insert));
    edits
}

/// The spaces and tabs at the start of the line holding byte `at`.
fn line_indent(source: &str, at: usize) -> &str {
    let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let rest = &source[line_start..];
    let width = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    &rest[..width]
}

/// True when only spaces and tabs come before byte `at` on its line.
fn starts_its_line(source: &str, at: usize) -> bool {
    line_indent(source, at).len() == at - source[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Where the last non-whitespace text (a value, a comma or a comment) in `from..to` ends; `from`
/// when there is none.
fn content_end(source: &str, from: usize, to: usize) -> usize {
    from + source[from..to].trim_end().len()
}

/// `text` as a RON string literal: quotes, backslashes and control characters escaped.
pub fn ron_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn ron_list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| ron_string(s)).collect::<Vec<_>>().join(", "))
}

/// One `( name: ..., ... )` entry: on one line, or one field a line at `indent` + `unit`.
fn render_test(test: &AuthorTest, indent: &str, unit: &str, one_line: bool, newline: &str) -> String {
    let mut fields = vec![format!("name: {}", ron_string(&test.name))];
    if let Some(turn) = &test.turn {
        fields.push(format!("turn: {}", ron_string(turn)));
    }
    fields.push(format!("response: {}", ron_string(&test.response)));
    if !test.met.is_empty() {
        fields.push(format!("met: {}", ron_list(&test.met)));
    }
    if !test.not_met.is_empty() {
        fields.push(format!("not_met: {}", ron_list(&test.not_met)));
    }
    if let Some(range) = test.score {
        fields.push(format!("score: (min: {}, max: {})", range.min, range.max));
    }
    if let Some(passes) = test.passes {
        fields.push(format!("passes: {passes}"));
    }
    if one_line {
        return format!("({})", fields.join(", "));
    }
    let inner: String = fields.iter().map(|f| format!("{newline}{indent}{unit}{f},")).collect();
    format!("({inner}{newline}{indent})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::library::{FileInput, FileKind, Library};
    use crate::core::scenario::Lexicon;
    use crate::core::scoring::TurnScorer;

    const MINIMAL: &str = include_str!("../../../tests/fixtures/good/minimal.ron");

    /// A scenario with comments everywhere a trainer might put them.
    const COMMENTED: &str = r#"// Header comment: keep me.
Scenario(
    format_version: 1, // version comment
    id: "commented",
    title: "Commented /* not a comment */ title",
    job_families: ["contact-centre"],
    behaviour: ["follow-up"],
    importance: 4,
    frequency: 3,
    briefing: (
        customer: (name: "Ms Lee", about: "Customer since 2020"),
        situation: "It is 14:30 and you did not call. \"tests: [\" is only text here ]",
    ),
    turns: [
        (
            id: "opening",
            customer: "You said you'd call by two.",
            time_limit: 60,
            pass_mark: 60,
            rubric: [
                (id: "owns-it", label: "Owns the miss", kind: Required, weight: 3, detect: [Detector("ownership-apology")]),
                (id: "time", label: "Specific time", kind: Required, weight: 2, detect: [Detector("specific-time-commitment")]),
                (id: "blames", label: "Blames others", kind: Forbidden, weight: 2, detect: [Detector("blame-shifting")]),
            ],
            model_answer: "I'm sorry, that's my fault. I'll call you at 4pm.",
            tip: (play: ImplementIt, text: "Own it, then give a time."),
            final: true,
        ),
    ],
    tests: [
        // Inside the list, before the first test.
        (
            name: "strong", /* after a name */
            response: "I'm sorry, that's my fault. I'll call you at 4pm.",
            met: ["owns-it", "time"],
        ), // after the first test
        /* a block comment about more tests ] ) */
    ], // after the list
    // after the last field
)
// Trailer comment.
"#;

    const LEXICON: &str = "Lexicon(format_version: 1, sets: { \"apology\": [\"sorry\", \"apologise\"] })";

    fn build(text: &str) -> Library {
        let input = |path: &str, kind, text: &str| FileInput {
            path: path.into(),
            kind,
            contents: Ok(text.as_bytes().to_vec()),
        };
        Library::build(
            vec![input("lexicon.ron", FileKind::Lexicon, LEXICON), input("a.ron", FileKind::Scenario, text)],
            &|_, _| true,
        )
    }

    fn card(text: &str, turn: &str, response: &str) -> ScoreCard {
        let (scenario, _) = parse::<Scenario>(text).expect("parses");
        let (lexicon, _) = parse::<Lexicon>(LEXICON).expect("lexicon parses");
        let t = scenario.turn(turn).expect("turn").clone();
        TurnScorer::new(&scenario, &t, &lexicon).score(response).expect("scores")
    }

    /// The bytes of `after` with the inserted ones removed must be `before`: everything else is untouched.
    fn only_insertions(before: &str, after: &str) -> bool {
        let (b, a) = (before.as_bytes(), after.as_bytes());
        let mut i = 0;
        for &byte in a {
            if i < b.len() && b[i] == byte {
                i += 1;
            }
        }
        i == b.len()
    }

    fn pinned(text: &str, name: &str, response: &str) -> AuthorTest {
        author_test_from_card(name, "opening", response, &card(text, "opening", response))
    }

    #[test]
    fn appending_keeps_every_comment_and_byte() {
        let test = pinned(COMMENTED, "vague", "Sorry about that, I'll call you soon.");
        let after = append_author_test(COMMENTED, &test).expect("appends");
        assert!(after.starts_with(&COMMENTED[..COMMENTED.find("/* a block comment").expect("comment")]));
        for comment in [
            "// Header comment: keep me.",
            "// version comment",
            "// Inside the list, before the first test.",
            "/* after a name */",
            "// after the first test",
            "/* a block comment about more tests ] ) */",
            "], // after the list",
            "// after the last field",
            "// Trailer comment.",
        ] {
            assert!(after.contains(comment), "lost {comment}");
        }
        // The new entry follows the block comment, at the entries' indentation, and the list closes after it.
        assert!(
            after.contains(
                "/* a block comment about more tests ] ) */\n        (\n            name: \"vague\",\n            turn: \"opening\","
            ),
            "{after}"
        );
        assert!(after.contains("        ),\n    ], // after the list"), "{after}");
        let inserted = after.len() - COMMENTED.len();
        let start =
            COMMENTED.find("/* a block comment").expect("comment") + "/* a block comment about more tests ] ) */".len();
        assert_eq!(&after[..start], &COMMENTED[..start]);
        assert_eq!(&after[start + inserted..], &COMMENTED[start..]);
    }

    #[test]
    fn the_appended_test_parses_and_passes_in_the_library() {
        for response in ["Sorry about that, I'll call you soon.", "I'm sorry, that's my fault. I'll call you at 4pm."] {
            let after = append_author_test(COMMENTED, &pinned(COMMENTED, "pinned", response)).expect("appends");
            let library = build(&after);
            assert!(library.diagnostics.is_empty(), "{}", library.render_diagnostics());
            let scenario = library.scenario("commented").expect("loaded");
            assert_eq!(scenario.tests.len(), 2);
            assert_eq!(scenario.tests[1].response, response);
        }
    }

    #[test]
    fn appending_twice_gives_two_new_tests() {
        let first = append_author_test(COMMENTED, &pinned(COMMENTED, "one", "Sorry, I'll call you soon.")).expect("1");
        let second =
            append_author_test(&first, &pinned(COMMENTED, "two", "It's the system, nothing I can do.")).expect("2");
        assert!(only_insertions(COMMENTED, &second));
        let library = build(&second);
        assert!(library.diagnostics.is_empty(), "{}", library.render_diagnostics());
        let names: Vec<&str> =
            library.scenario("commented").expect("loaded").tests.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["strong", "one", "two"]);
        assert!(second.contains("        ),\n        (\n            name: \"two\""), "{second}");
    }

    #[test]
    fn one_line_entries_get_a_one_line_entry() {
        let after = append_author_test(MINIMAL, &pinned(MINIMAL, "vague", "Sorry, I'll call you soon.")).expect("ok");
        assert!(only_insertions(MINIMAL, &after));
        assert!(
            after.contains("score: (min: 80)),\n        (name: \"vague\", turn: \"opening\", response:"),
            "{after}"
        );
        let library = build(&after);
        assert!(library.diagnostics.is_empty(), "{}", library.render_diagnostics());
        assert_eq!(library.scenario("minimal").map(|s| s.tests.len()), Some(2));
    }

    #[test]
    fn without_a_tests_field_one_is_added_as_the_last_field() {
        let start = COMMENTED.find("    tests: [").expect("tests");
        let end = COMMENTED.find("    // after the last field").expect("end");
        let without = format!("{}{}", &COMMENTED[..start], &COMMENTED[end..]);
        let after = append_author_test(&without, &pinned(&without, "new", "Sorry, I'll call you soon.")).expect("ok");
        assert!(only_insertions(&without, &after));
        assert!(
            after.contains("    // after the last field\n    tests: [\n        (\n            name: \"new\","),
            "{after}"
        );
        assert!(after.ends_with("        ),\n    ],\n)\n// Trailer comment.\n"), "{after}");
        let library = build(&after);
        assert!(library.diagnostics.is_empty(), "{}", library.render_diagnostics());
        assert_eq!(library.scenario("commented").map(|s| s.tests.len()), Some(1));
    }

    #[test]
    fn a_missing_comma_after_the_last_field_or_entry_is_added() {
        let no_comma = "Scenario(\n    format_version: 1,\n    id: \"x\",\n    title: \"T\",\n    job_families: [\"contact-centre\"],\n    behaviour: [\"follow-up\"],\n    importance: 1,\n    frequency: 1,\n    briefing: (customer: (name: \"Al\"), situation: \"S\"),\n    turns: [(id: \"opening\", customer: \"C\", time_limit: 30, pass_mark: 50, rubric: [(id: \"t\", label: \"L\", kind: Required, weight: 1, detect: [Detector(\"specific-time-commitment\")])], model_answer: \"I will call you at 4pm today.\", tip: (play: DiscoverIt, text: \"T\"), final: true)] // no comma\n)";
        let test = pinned(no_comma, "a", "I'll call you at 4pm.");
        let after = append_author_test(no_comma, &test).expect("ok");
        assert!(only_insertions(no_comma, &after));
        assert!(after.contains("final: true)], // no comma\n    tests: [\n"), "{after}");
        let library = build(&after);
        assert!(library.diagnostics.is_empty(), "{}", library.render_diagnostics());
        let again = append_author_test(&after.replace("        ),\n    ],", "        )\n    ],"), &test).expect("ok");
        assert_eq!(build(&again).scenario("x").map(|s| s.tests.len()), Some(2));
    }

    #[test]
    fn lists_on_one_line_and_empty_lists() {
        let one_line = MINIMAL.replace(
            "tests: [\n        (name: \"strong\", response: \"I'm sorry, that's my fault. I'll call you at 4pm.\", met: [\"owns-it\"], not_met: [\"blames\"], score: (min: 80)),\n    ],",
            "tests: [(name: \"strong\", response: \"I'm sorry, that's my fault. I'll call you at 4pm.\", met: [\"owns-it\"])],",
        );
        assert_ne!(one_line, MINIMAL);
        let after = append_author_test(&one_line, &pinned(MINIMAL, "b", "Sorry, soon.")).expect("ok");
        assert!(after.contains("met: [\"owns-it\"]), (name: \"b\""), "{after}");
        assert_eq!(build(&after).scenario("minimal").map(|s| s.tests.len()), Some(2));
        let empty = one_line.replace(
            "tests: [(name: \"strong\", response: \"I'm sorry, that's my fault. I'll call you at 4pm.\", met: [\"owns-it\"])],",
            "tests: [],",
        );
        let after = append_author_test(&empty, &pinned(MINIMAL, "c", "Sorry, soon.")).expect("ok");
        assert!(after.contains("    tests: [\n        (\n            name: \"c\","), "{after}");
        assert!(after.contains("        ),\n    ],\n)"), "{after}");
        assert_eq!(build(&after).scenario("minimal").map(|s| s.tests.len()), Some(1));
    }

    #[test]
    fn brackets_in_nested_comments_and_strings_are_not_taken_for_the_list_end() {
        let tricky = COMMENTED.replace(
            "/* a block comment about more tests ] ) */",
            "/* outer /* inner ] */ still a comment ] ) */ // and \"a ] here\"",
        );
        let after = append_author_test(&tricky, &pinned(COMMENTED, "n", "Sorry, I'll call you soon.")).expect("ok");
        assert!(only_insertions(&tricky, &after));
        assert!(after.contains("// and \"a ] here\"\n        (\n            name: \"n\","), "{after}");
        assert_eq!(build(&after).scenario("commented").map(|s| s.tests.len()), Some(2));
    }

    #[test]
    fn quotes_backslashes_and_newlines_round_trip() {
        let response = "She said \"call me\" at 4pm.\nC:\\path\\to\tfile \u{1} and é \\\" end";
        let mut test = pinned(COMMENTED, "tricky \"quoted\" \\ name", response);
        test.response = response.to_string();
        let after = append_author_test(COMMENTED, &test).expect("ok");
        let (scenario, _) = parse::<Scenario>(&after).expect("parses");
        assert_eq!(scenario.tests.last(), Some(&test));
    }

    #[test]
    fn enable_attributes_before_the_scenario_are_kept() {
        let with_attribute = format!("#![enable(implicit_some)]\n{MINIMAL}");
        let after = append_author_test(&with_attribute, &pinned(MINIMAL, "b", "Sorry, soon.")).expect("ok");
        assert!(after.starts_with("#![enable(implicit_some)]\n// A small"));
        assert_eq!(build(&after).scenario("minimal").map(|s| s.tests.len()), Some(2));
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let crlf = MINIMAL.replace('\n', "\r\n");
        let after = append_author_test(&crlf, &pinned(MINIMAL, "b", "Sorry, soon.")).expect("ok");
        assert!(only_insertions(&crlf, &after));
        assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
    }

    #[test]
    fn a_file_that_does_not_parse_is_refused() {
        let test = pinned(MINIMAL, "b", "Sorry, soon.");
        assert!(append_author_test("Scenario(id: ", &test).is_err());
        assert!(append_author_test("", &test).is_err());
        let e = append_author_test(&MINIMAL.replace("weight: 3", "wieght: 3"), &test).expect_err("typo").to_string();
        assert!(e.contains("does not parse"), "{e}");
    }

    #[test]
    fn a_card_is_pinned_with_a_score_range() {
        let c = card(MINIMAL, "opening", "I'm sorry, that's my fault. I'll call you at 4pm.");
        let test = author_test_from_card("strong", "opening", "I'm sorry, that's my fault. I'll call you at 4pm.", &c);
        assert_eq!(test.met, ["owns-it", "time"]);
        assert_eq!(test.not_met, ["blames"]);
        assert_eq!(test.turn.as_deref(), Some("opening"));
        let range = test.score.expect("score");
        assert_eq!((range.min, range.max), (c.score.saturating_sub(5), (c.score + 5).min(100)));
        assert_eq!(author_test_from_card("x", "", "y", &c).turn, None);
        let low = card(MINIMAL, "opening", "ok");
        let range = author_test_from_card("x", "opening", "ok", &low).score.expect("score");
        assert_eq!((low.score, range.min, range.max), (0, 0, 5));
    }
}

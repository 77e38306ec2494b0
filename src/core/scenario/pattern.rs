//! Phrase patterns: the small language trainers use to say what a criterion looks for.
//!
//! ```text
//! i will call you [back] (at | by) {time}
//! @apology * (my | our) (mistake | fault)
//! ```
//! - words match after normalisation (case, apostrophes, contractions — see the scoring engine);
//! - `[a b]` is optional, `(a | b c)` is a choice, `[a | b]` an optional choice;
//! - `{time}`, `{customer}`, `{colleague}`, `{number}` are slots;
//! - `@name` is any member of a lexicon set;
//! - `*` skips up to four words.

use std::fmt;

mod readings;

/// A parsed phrase pattern: a sequence of elements.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// The elements in order.
    pub elements: Vec<Element>,
}

/// One element of a phrase pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    /// A literal word (lowercased).
    Word(String),
    /// One of several sequences; `optional` when written in `[...]`.
    Choice {
        /// The alternatives.
        options: Vec<Vec<Element>>,
        /// True when the whole choice may be absent.
        optional: bool,
    },
    /// A `{slot}` by name.
    Slot(String),
    /// An `@set` from the lexicon, by name.
    Set(String),
    /// `*`: up to four arbitrary words.
    Gap,
}

/// Why a pattern could not be read, and where (a character offset into the pattern).
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    /// Character offset into the pattern text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.offset + 1)
    }
}

/// Longest phrase pattern accepted, in characters.
pub const MAX_PATTERN_CHARS: usize = 1_000;
/// Deepest nesting of `( )` and `[ ]` accepted.
pub const MAX_NESTING: usize = 32;
/// Most `*` gaps in one phrase.
pub const MAX_GAPS: usize = 12;
/// Most optional `[ ]` groups in one phrase.
pub const MAX_OPTIONAL_GROUPS: usize = 24;

impl Pattern {
    /// Parse a phrase pattern, refusing patterns over the limits (length, nesting, gaps, optional
    /// groups) with the offset of the part that crosses them.
    pub fn parse(text: &str) -> Result<Self, PatternError> {
        read(text, &mut Elements).map(|elements| Self { elements })
    }

    /// Parse a rubric's phrase as [`Pattern::parse`] does, with its wider readings added (see
    /// [`read_wide`]): what a criterion's `Phrase` matches.
    pub fn parse_wide(text: &str) -> Result<Self, PatternError> {
        read_wide(text, &mut Elements).map(|elements| Self { elements })
    }

    /// Every slot and set name used, with the kind: (`true` for slots, `false` for sets).
    pub fn references(&self) -> Vec<(bool, String)> {
        let mut out = Vec::new();
        collect_references(&self.elements, &mut out);
        out
    }
}

/// What a pattern is read into: the elements themselves ([`Pattern::parse`]), or only what a check
/// needs to know of them (validation sizes every phrase of a library without keeping any).
pub trait Build {
    /// What a sequence of elements (the whole phrase, or one option of a choice) is read into.
    type Seq;
    /// What the options of one choice are gathered into.
    type Options;
    /// An empty sequence.
    fn seq(&mut self) -> Self::Seq;
    /// How many elements `seq` holds.
    fn len(seq: &Self::Seq) -> usize;
    /// True when `seq` holds something other than `*` gaps and optional `[ ]` groups.
    fn requires_something(seq: &Self::Seq) -> bool;
    /// Add a word, as written (not yet lowercased).
    fn word(&mut self, seq: &mut Self::Seq, word: &str);
    /// Add a `{slot}`.
    fn slot(&mut self, seq: &mut Self::Seq, name: &str);
    /// Add an `@set`.
    fn set(&mut self, seq: &mut Self::Seq, name: &str);
    /// Add a `*` gap.
    fn gap(&mut self, seq: &mut Self::Seq);
    /// No options yet.
    fn options(&mut self) -> Self::Options;
    /// Add one (non-empty) option to a choice.
    fn option(&mut self, options: &mut Self::Options, option: Self::Seq);
    /// Add a choice of `options`, optional when written in `[ ]`.
    fn choice(&mut self, seq: &mut Self::Seq, options: Self::Options, optional: bool);
}

/// Reads a pattern into its [`Element`]s.
struct Elements;

impl Build for Elements {
    type Seq = Vec<Element>;
    type Options = Vec<Vec<Element>>;

    fn seq(&mut self) -> Vec<Element> {
        Vec::new()
    }

    fn len(seq: &Vec<Element>) -> usize {
        seq.len()
    }

    fn requires_something(seq: &Vec<Element>) -> bool {
        !seq.iter().all(|e| matches!(e, Element::Gap | Element::Choice { optional: true, .. }))
    }

    fn word(&mut self, seq: &mut Vec<Element>, word: &str) {
        seq.push(Element::Word(lowercase(word).into_owned()));
    }

    fn slot(&mut self, seq: &mut Vec<Element>, name: &str) {
        seq.push(Element::Slot(name.to_string()));
    }

    fn set(&mut self, seq: &mut Vec<Element>, name: &str) {
        seq.push(Element::Set(name.to_string()));
    }

    fn gap(&mut self, seq: &mut Vec<Element>) {
        seq.push(Element::Gap);
    }

    fn options(&mut self) -> Vec<Vec<Element>> {
        Vec::new()
    }

    fn option(&mut self, options: &mut Vec<Vec<Element>>, option: Vec<Element>) {
        options.push(option);
    }

    fn choice(&mut self, seq: &mut Vec<Element>, options: Vec<Vec<Element>>, optional: bool) {
        seq.push(Element::Choice { options, optional });
    }
}

/// A pattern word as it is matched: lowercased (borrowed when it already is).
#[inline]
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) { word.to_ascii_lowercase().into() } else { word.into() }
    } else {
        word.to_lowercase().into()
    }
}

/// Read `text` as a rubric phrase into `build`: as [`read`], with its wider readings (a particle
/// after its object, an amount with a currency sign: see `readings.rs`) added as options when it
/// has any and they keep within the limits. Errors are those of the phrase as written.
pub fn read_wide<B: Build>(text: &str, build: &mut B) -> Result<B::Seq, PatternError> {
    match readings::wider(text) {
        Some(wider) => read(&wider, build),
        None => read(text, build),
    }
}

/// Read `text` as a phrase pattern into `build`, refusing it as [`Pattern::parse`] does (the same
/// errors at the same offsets, whatever `build` makes of what is read).
pub fn read<B: Build>(text: &str, build: &mut B) -> Result<B::Seq, PatternError> {
    // Every character is at least one byte, so only a long text needs counting.
    if text.len() > MAX_PATTERN_CHARS && text.chars().count() > MAX_PATTERN_CHARS {
        return Err(PatternError {
            offset: MAX_PATTERN_CHARS,
            message: format!(
                "the phrase is longer than {MAX_PATTERN_CHARS} characters; split it into several `Phrase`s"
            ),
        });
    }
    let mut parser = Parser { text, pos: 0, depth: 0, gaps: 0, optional_groups: 0, build };
    let elements = parser.sequence(None)?;
    if B::len(&elements) == 0 {
        return Err(PatternError { offset: 0, message: "the phrase is empty".into() });
    }
    if !B::requires_something(&elements) {
        return Err(PatternError {
            offset: 0,
            message: "the phrase has nothing it requires, so it would match anything".into(),
        });
    }
    Ok(elements)
}

fn collect_references(elements: &[Element], out: &mut Vec<(bool, String)>) {
    for e in elements {
        match e {
            Element::Slot(name) => out.push((true, name.clone())),
            Element::Set(name) => out.push((false, name.clone())),
            Element::Choice { options, .. } => options.iter().for_each(|o| collect_references(o, out)),
            Element::Word(_) | Element::Gap => {}
        }
    }
}

/// Reads the pattern in place: `pos` is a byte offset into `text`, turned into the character
/// offset a [`PatternError`] reports only when there is an error.
struct Parser<'a, 'b, B> {
    text: &'a str,
    pos: usize,
    /// Brackets open at `pos`.
    depth: usize,
    gaps: usize,
    optional_groups: usize,
    /// What the elements are read into.
    build: &'b mut B,
}

impl<'a, B: Build> Parser<'a, '_, B> {
    /// An error at the byte offset `at`, reported at its character offset.
    fn error<T>(&self, at: usize, message: impl Into<String>) -> Result<T, PatternError> {
        Err(PatternError { offset: self.text[..at].chars().count(), message: message.into() })
    }

    /// The character at `pos`, if any.
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    /// Elements until `close` (or the end when `close` is None); stops before `|`.
    fn sequence(&mut self, close: Option<char>) -> Result<B::Seq, PatternError> {
        let mut out = self.build.seq();
        while let Some(c) = self.peek() {
            match c {
                c if c.is_whitespace() => self.pos += c.len_utf8(),
                '|' if close.is_some() => return Ok(out),
                ')' | ']' | '}' if Some(c) == close => return Ok(out),
                '|' => {
                    return self.error(self.pos, "`|` outside brackets: put the choices in `( ... | ... )`");
                }
                ')' | ']' | '}' => {
                    return self.error(self.pos, format!("unexpected `{c}` with no matching opening bracket"));
                }
                '(' | '[' => self.choice(c, &mut out)?,
                '{' => {
                    let name = self.name('{', Some('}'))?;
                    self.build.slot(&mut out, name);
                }
                '@' => {
                    let name = self.name('@', None)?;
                    self.build.set(&mut out, name);
                }
                '*' => {
                    self.gaps += 1;
                    if self.gaps > MAX_GAPS {
                        return self.error(
                            self.pos,
                            format!("more than {MAX_GAPS} `*` gaps in one phrase; split it into several `Phrase`s"),
                        );
                    }
                    self.pos += 1;
                    self.build.gap(&mut out);
                }
                _ => {
                    let word = self.word()?;
                    self.build.word(&mut out, word);
                }
            }
        }
        match close {
            Some(c) => self.error(self.text.len(), format!("missing closing `{c}`")),
            None => Ok(out),
        }
    }

    /// A choice opened by `open` at `pos`, added to `out`.
    fn choice(&mut self, open: char, out: &mut B::Seq) -> Result<(), PatternError> {
        let start = self.pos;
        let close = if open == '(' { ')' } else { ']' };
        if self.depth >= MAX_NESTING {
            return self
                .error(start, format!("brackets nested more than {MAX_NESTING} deep; write the choice flatter"));
        }
        if open == '[' {
            self.optional_groups += 1;
            if self.optional_groups > MAX_OPTIONAL_GROUPS {
                return self.error(
                    start,
                    format!(
                        "more than {MAX_OPTIONAL_GROUPS} optional `[ ]` groups in one phrase; split it into several `Phrase`s"
                    ),
                );
            }
        }
        self.depth += 1;
        let result = self.choice_options(start, open, close);
        self.depth -= 1;
        self.build.choice(out, result?, open == '[');
        Ok(())
    }

    fn choice_options(&mut self, start: usize, open: char, close: char) -> Result<B::Options, PatternError> {
        self.pos += 1;
        let mut options = self.build.options();
        loop {
            let option = match self.sequence(Some(close)) {
                // Anything wrong at the very end of the text is this bracket left open.
                Err(e) if e.offset == self.text.chars().count() => {
                    return self.error(start, format!("`{open}` is never closed; add `{close}`"));
                }
                other => other?,
            };
            if B::len(&option) == 0 {
                return self.error(start, format!("empty choice inside `{open}{close}`"));
            }
            self.build.option(&mut options, option);
            match self.peek() {
                Some('|') => self.pos += 1,
                _ => {
                    self.pos += 1; // the closing bracket
                    break;
                }
            }
        }
        Ok(options)
    }

    fn name(&mut self, sigil: char, close: Option<char>) -> Result<&'a str, PatternError> {
        let start = self.pos;
        self.pos += 1;
        let name_start = self.pos;
        while let Some(&b) = self.text.as_bytes().get(self.pos) {
            if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' {
                self.pos += 1;
            } else {
                break;
            }
        }
        let name = &self.text[name_start..self.pos];
        if let Some(close) = close {
            if self.peek() != Some(close) {
                return self.error(self.pos, format!("`{sigil}` must be followed by a lowercase name and `{close}`"));
            }
            self.pos += 1;
        }
        if name.is_empty() {
            return self.error(start, format!("`{sigil}` must be followed by a lowercase kebab-case name"));
        }
        Ok(name)
    }

    /// A word as written (lowercased by the builder).
    fn word(&mut self) -> Result<&'a str, PatternError> {
        let start = self.pos;
        while let Some(&b) = self.text.as_bytes().get(self.pos) {
            // ASCII (most words) byte by byte: an ASCII character is alphanumeric as a byte is.
            if b.is_ascii() {
                if !(b.is_ascii_alphanumeric()
                    || matches!(b, b'\'' | b'-' | b':' | b'.' | b'$' | b'%' | b'&' | b'/' | b'+'))
                {
                    break;
                }
                self.pos += 1;
                continue;
            }
            match self.peek() {
                Some(c) if c.is_alphanumeric() || matches!(c, '’' | '£' | '€') => self.pos += c.len_utf8(),
                _ => break,
            }
        }
        if self.pos == start {
            let c = self.peek().unwrap_or(' ');
            return self
                .error(start, format!("`{c}` cannot be used in a phrase; use words, [ ], ( | ), {{slot}}, @set or *"));
        }
        let word = &self.text[start..self.pos];
        if !word.chars().any(char::is_alphanumeric) {
            return self.error(
                start,
                format!("`{word}` has no letter or digit, so it would match any word; write the word it stands for"),
            );
        }
        Ok(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deeply_nested_phrasal_verb_is_widened_only_near_the_top() {
        // Each level would double the phrase if every level moved its particle.
        let nested = format!("{}x{}", "take off (".repeat(30), ")".repeat(30));
        assert!(Pattern::parse_wide(&nested).is_ok(), "a phrase within the limits as written is read");
        let wide = readings::wider(&nested).unwrap_or_default();
        assert!(wide.chars().count() <= MAX_PATTERN_CHARS, "{} chars", wide.chars().count());
    }

    fn word(w: &str) -> Element {
        Element::Word(w.into())
    }

    #[test]
    fn parses_words_options_choices_slots_sets_and_gaps() {
        let p = Pattern::parse("I will call [you] (at | by) {time} @apology *").expect("valid");
        assert_eq!(
            p.elements,
            vec![
                word("i"),
                word("will"),
                word("call"),
                Element::Choice { options: vec![vec![word("you")]], optional: true },
                Element::Choice { options: vec![vec![word("at")], vec![word("by")]], optional: false },
                Element::Slot("time".into()),
                Element::Set("apology".into()),
                Element::Gap,
            ]
        );
        assert_eq!(p.references(), vec![(true, "time".to_string()), (false, "apology".to_string())]);
    }

    #[test]
    fn nested_choices() {
        let p = Pattern::parse("(get back [to you] | call)").expect("valid");
        let Element::Choice { options, .. } = &p.elements[0] else { panic!("choice expected") };
        assert_eq!(options.len(), 2);
        assert_eq!(options[0].len(), 3);
    }

    #[test]
    fn reports_unbalanced_brackets_with_offsets() {
        let e = Pattern::parse("call (at | by").expect_err("unbalanced");
        assert_eq!(e.offset, 5);
        assert!(e.message.contains("`(` is never closed"), "{e}");
        let e = Pattern::parse("call at)").expect_err("stray");
        assert_eq!(e.offset, 7);
        let e = Pattern::parse("a | b").expect_err("bare bar");
        assert_eq!(e.offset, 2);
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let e = Pattern::parse("café’s £5 (at").expect_err("unclosed");
        assert_eq!(e.offset, 10);
        let e = Pattern::parse("€ café #").expect_err("symbol");
        assert_eq!(e.offset, 0);
        let e = Pattern::parse("café {time").expect_err("unclosed slot");
        assert_eq!(e.offset, 10);
        let e = Pattern::parse("(café {time").expect_err("unclosed slot at the end");
        assert!(e.message.contains("`(` is never closed"), "{e}");
        assert_eq!(Pattern::parse("CAFÉ Σ").expect("reads").elements, vec![word("café"), word("σ")]);
    }

    #[test]
    fn refuses_empty_and_match_anything_patterns() {
        assert!(Pattern::parse("").is_err());
        assert!(Pattern::parse("   ").is_err());
        assert!(Pattern::parse("[maybe] *").is_err());
        assert!(Pattern::parse("()").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}word{}", "(".repeat(12_500), ")".repeat(12_500));
        let e = Pattern::parse(&deep).expect_err("too long");
        assert!(e.message.contains("longer than"), "{e}");
        let deep = format!("{}word{}", "(".repeat(40), ")".repeat(40));
        let e = Pattern::parse(&deep).expect_err("too deep");
        assert_eq!(e.offset, MAX_NESTING);
        assert!(e.message.contains("nested more than 32 deep"), "{e}");
        assert!(Pattern::parse(&format!("{}word{}", "(".repeat(32), ")".repeat(32))).is_ok());
    }

    #[test]
    fn gap_and_optional_group_limits_are_located() {
        let gaps = vec!["a"; 14].join(" * ");
        let e = Pattern::parse(&gaps).expect_err("too many gaps");
        assert!(e.message.contains("more than 12 `*` gaps"), "{e}");
        assert_eq!(e.offset, gaps.match_indices('*').nth(12).map_or(0, |(i, _)| i));
        let optional = format!("word {}", vec!["[b]"; 25].join(" "));
        assert!(Pattern::parse(&optional).expect_err("too many").message.contains("optional"));
    }

    #[test]
    fn punctuation_only_words_are_refused() {
        let e = Pattern::parse("(10 | %)").expect_err("% alone");
        assert!(e.message.contains("`%` has no letter or digit"), "{e}");
        assert!(Pattern::parse("10%").is_ok());
        assert!(Pattern::parse("- off").is_err());
    }

    #[test]
    fn refuses_bad_slot_syntax_and_symbols() {
        assert!(Pattern::parse("{Time}").is_err());
        assert!(Pattern::parse("{time").is_err());
        assert!(Pattern::parse("@").is_err());
        assert!(Pattern::parse("call #5").is_err());
        assert!(Pattern::parse("refund £54.99").is_ok());
    }
}

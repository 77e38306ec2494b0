//! Diagnostics: located, plain-worded problems found in scenario files, and their rendering.

use serde::Serialize;

/// How bad a problem is: errors stop a scenario from loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing, but the scenario still loads.
    Warning,
    /// The scenario (or file) cannot be used until this is fixed.
    Error,
}

impl Severity {
    /// The word printed before the message (`error`, `warning`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case name for the kind of problem (for tools and tests).
    pub code: &'static str,
    /// The file, as the user named it (empty when not known yet).
    pub file: String,
    /// Where in the file the problem starts, when it can be located.
    pub start: Option<Position>,
    /// Where it ends (exclusive), when known; used to draw the carets.
    pub end: Option<Position>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it, when we can tell.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A new error with no location yet.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning with no location yet.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self { severity, code, file: String::new(), start: None, end: None, message: message.into(), hint: None }
    }

    /// Attach a hint telling the reader what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attach a hint when there is one.
    pub fn with_optional_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Locate the problem at a start and end position.
    pub fn at(mut self, start: Position, end: Option<Position>) -> Self {
        self.start = Some(start);
        self.end = end;
        self
    }

    /// Name the file the problem is in.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = file.into();
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Render like a compiler: `path:line:col: error: message`, the offending line with carets, the hint.
    ///
    /// `source` is the file's text when available, to quote the offending line.
    pub fn render(&self, source: Option<&str>) -> String {
        let mut out = String::new();
        match self.start {
            Some(p) => out.push_str(&format!("{}:{}:{}: ", self.file, p.line, p.column)),
            None => out.push_str(&format!("{}: ", self.file)),
        }
        out.push_str(&format!("{}: {}\n", self.severity.as_str(), self.message));
        if let (Some(start), Some(text)) = (self.start, source)
            && let Some(line) = text.lines().nth(start.line.saturating_sub(1))
        {
            let number = start.line.to_string();
            let gutter = " ".repeat(number.len());
            let width = self.caret_width(line);
            let pad: String =
                line.chars().take(start.column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            out.push_str(&format!("{gutter} |\n{number} | {line}\n{gutter} | {pad}{}\n", "^".repeat(width)));
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("  = hint: {hint}\n"));
        }
        out
    }

    /// How many carets to draw under the line: up to the end position when it is on the same line.
    fn caret_width(&self, line: &str) -> usize {
        let Some(start) = self.start else { return 1 };
        let line_len = line.chars().count();
        let width = match self.end {
            Some(end) if end.line == start.line && end.column > start.column => end.column - start.column,
            Some(end) if end.line > start.line => (line_len + 1).saturating_sub(start.column),
            _ => 1,
        };
        width.clamp(1, 80)
    }
}

/// Counts of errors and warnings in a list of diagnostics.
pub fn count_by_severity(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// Convert a byte offset in `text` into a 1-based line and character column.
pub fn position_of(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

/// Convert a 1-based line and character column back into a byte offset in `text` (clamped).
pub fn offset_of(text: &str, position: Position) -> usize {
    let mut line_start = 0;
    for _ in 1..position.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line = &text[line_start..];
    let line_end = line.find('\n').unwrap_or(line.len());
    line_start + line[..line_end].char_indices().nth(position.column.saturating_sub(1)).map_or(line_end, |(i, _)| i)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
///
/// The distance is never less than the difference in length, so a candidate whose length is too far
/// off is passed over unmeasured: measuring costs the product of the two lengths, which for a
/// 180,000-character name against a rubric's ids took seconds.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    let word_len = word_lower.chars().count();
    candidates
        .into_iter()
        .filter_map(|c| {
            let c_lower = c.to_lowercase();
            let c_len = c_lower.chars().count();
            let most = (c.chars().count() / 3).max(1) + 1;
            (word_len.abs_diff(c_len) <= most).then(|| (strsim::damerau_levenshtein(&word_lower, &c_lower), most, c))
        })
        .filter(|(distance, most, _)| *distance > 0 && distance <= most)
        .min_by_key(|(distance, _, _)| *distance)
        .map(|(_, _, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\ncdé\nfg";
        assert_eq!(position_of(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position_of(text, 3), Position { line: 2, column: 1 });
        assert_eq!(position_of(text, 7), Position { line: 2, column: 4 });
        assert_eq!(position_of(text, 8), Position { line: 3, column: 1 });
    }

    #[test]
    fn offsets_round_trip_through_positions() {
        let text = "ab\ncdé\nfg";
        for offset in [0, 1, 3, 5, 7, 8, 9] {
            assert_eq!(offset_of(text, position_of(text, offset)), offset);
        }
    }

    #[test]
    fn render_quotes_the_line_with_carets() {
        let d = Diagnostic::error("unknown-field", "unknown field `wieght`")
            .in_file("a.ron")
            .at(Position { line: 2, column: 3 }, Some(Position { line: 2, column: 9 }))
            .with_hint("did you mean `weight`?");
        let text = d.render(Some("(\n  wieght: 1,\n)"));
        assert_eq!(
            text,
            "a.ron:2:3: error: unknown field `wieght`\n  |\n2 |   wieght: 1,\n  |   ^^^^^^\n  = hint: did you mean `weight`?\n"
        );
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let fields = ["weight", "label", "kind"];
        assert_eq!(did_you_mean("wieght", fields), Some("weight"));
        assert_eq!(did_you_mean("colour", fields), None);
        assert_eq!(did_you_mean("weight", fields), None);
    }

    #[test]
    fn a_very_long_word_is_compared_by_length_first() {
        let long = "direct".repeat(30_000);
        let ids: Vec<String> = (0..100).map(|i| format!("confirms-thursday-{i}")).collect();
        assert_eq!(did_you_mean(&long, ids.iter().map(String::as_str)), None);
        assert_eq!(did_you_mean("confirms-thursday-7x", ids.iter().map(String::as_str)), Some("confirms-thursday-7"));
    }
}

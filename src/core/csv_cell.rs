//! One rule for text cells in every CSV the app writes (the progress export and the coach session
//! report): a cell a spreadsheet would read as a formula gets one `'` in front, and the import
//! removes exactly that one again.

use std::borrow::Cow;

/// What a spreadsheet would take for the start of a formula: the usual four, and a tab or carriage
/// return (some spreadsheets skip them and read the formula behind).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as written: one `'` in front when a spreadsheet would read it as a formula (also when
/// apostrophes already stand before such a character, so import can undo exactly one).
pub fn escape_cell(text: &str) -> Cow<'_, str> {
    if text.trim_start_matches('\'').starts_with(FORMULA_START) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Undo [`escape_cell`]: drop one leading `'` when (more apostrophes and then) a formula character follows.
pub fn unescape_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_START) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_get_one_apostrophe_that_unescape_removes() {
        for text in ["=SUM(A1)", "+44 20", "-5", "@here", "'=x", "''+y", "\t=1+1", "\r=1+1", "\tplain", "'\t"] {
            let escaped = escape_cell(text);
            assert!(escaped.starts_with('\''), "{text}");
            assert_eq!(unescape_cell(&escaped), text);
        }
        for text in ["hello", "'quoted'", "'", "", "a=b", "'a"] {
            assert_eq!(escape_cell(text), text);
            assert_eq!(unescape_cell(text), text);
        }
    }
}

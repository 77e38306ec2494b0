//! The names the `{customer}` and `{colleague}` slots refer to, and where an answer says them.

use super::Word;
use crate::core::scoring::distance::within_edits;
use crate::core::scoring::text::{Token, phrase_words};

/// The names a slot may refer to, from the scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    /// The customer's name words (titles removed), e.g. ["okafor"] or ["dana", "whitfield"].
    pub customer: Vec<Word>,
    /// The colleague's name words, when the briefing names one.
    pub colleague: Vec<Word>,
}

const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "mx", "sir", "madam", "prof"];

/// The words of a person's name that identify them: titles dropped.
pub fn name_words(name: &str) -> Vec<Word> {
    phrase_words(name).iter().filter(|w| !TITLES.contains(&w.as_str()) && w.len() > 1).map(|w| Word::new(w)).collect()
}

/// Length of a name mention at `i` ("Okafor", "Mrs Okafor", "Dana Whitfield"), tolerant of typos.
pub fn name_at(tokens: &[Token], i: usize, name: &[Word]) -> Option<usize> {
    let t = tokens.get(i)?;
    let title = TITLES.contains(&t.text.as_str());
    let first = if title { i + 1 } else { i };
    let is_name = |tok: &Token| name.iter().any(|w| tok.text == w.text() || name_typo(&tok.text, w.text()));
    if !tokens.get(first).is_some_and(is_name) {
        return None;
    }
    let mut end = first + 1;
    while tokens.get(end).is_some_and(|tok| is_name(tok) && tok.sentence == t.sentence) {
        end += 1;
    }
    Some(end - i)
}

fn name_typo(typed: &str, name: &str) -> bool {
    // The distance is only measured between words of nearly the same length, so a hostile
    // 300,000-letter name costs nothing per word of the answer.
    name.len() >= 4
        && typed.len().abs_diff(name.len()) <= 2
        && typed.as_bytes().first() == name.as_bytes().first()
        && within_edits(typed, name, if name.len() >= 8 { 2 } else { 1 })
}

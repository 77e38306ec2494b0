//! Progressive fading: the same line shown with more and more of its words hidden.
//!
//! Words are the whitespace-separated stretches of the line that hold a letter or a digit, with
//! their punctuation ("twelve;" is one word, shown "______;" when hidden). At `Third` and
//! `TwoThirds` the words to hide are picked in this order: words outside the commitment before
//! commitment words, content words (names, numbers, nouns, verbs) before function words ("the", "I",
//! "will"), and within each group in an order drawn from the seed. The same seed always hides the
//! same words, and the words hidden at `Third` are among those hidden at `TwoThirds`.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use rand::{Rng, SeedableRng, rngs::StdRng};
use serde::{Deserialize, Serialize};

use super::Script;
use crate::core::scoring::text::{expand_contraction, normalise_word};

/// How much of a line is hidden, from the full text to nothing at all.
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// Every word shown.
    Full,
    /// About a third of the words hidden (content words first, never the whole commitment).
    Third,
    /// About two thirds of the words hidden (content words first, never the whole commitment).
    TwoThirds,
    /// Every word shown as its first letter followed by underscores.
    FirstLetters,
    /// Nothing shown but how many words to say.
    Nothing,
}

impl Level {
    /// Every level, from the easiest to the hardest.
    pub const ALL: [Level; 5] = [Level::Full, Level::Third, Level::TwoThirds, Level::FirstLetters, Level::Nothing];

    /// The next harder level (`Nothing` stays `Nothing`).
    pub fn next(self) -> Level {
        match self {
            Level::Full => Level::Third,
            Level::Third => Level::TwoThirds,
            Level::TwoThirds => Level::FirstLetters,
            Level::FirstLetters | Level::Nothing => Level::Nothing,
        }
    }

    /// The next easier level (`Full` stays `Full`).
    pub fn previous(self) -> Level {
        match self {
            Level::Full | Level::Third => Level::Full,
            Level::TwoThirds => Level::Third,
            Level::FirstLetters => Level::TwoThirds,
            Level::Nothing => Level::FirstLetters,
        }
    }

    /// The level's name as the learner sees it ("Two thirds hidden").
    pub fn label(self) -> &'static str {
        match self {
            Level::Full => "Full text",
            Level::Third => "A third hidden",
            Level::TwoThirds => "Two thirds hidden",
            Level::FirstLetters => "First letters",
            Level::Nothing => "From memory",
        }
    }

    /// Thirds of the words hidden outright at `Third` (1) and `TwoThirds` (2); None for the other levels.
    fn thirds(self) -> Option<usize> {
        match self {
            Level::Third => Some(1),
            Level::TwoThirds => Some(2),
            _ => None,
        }
    }
}

/// One word of a faded line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FadedWord {
    /// The word as shown: as written, its first letter followed by underscores, or underscores
    /// (one per letter or digit; punctuation and apostrophes kept: "twelve;" -> "t_____;" or "______;").
    pub text: String,
    /// True when the word is not shown as written (every word at `FirstLetters` and `Nothing`).
    pub hidden: bool,
    /// Byte offset of the word (with its punctuation) in the script's text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// A line as shown at one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Faded {
    /// The words, in order.
    pub words: Vec<FadedWord>,
    /// The whole line as shown: the words separated as in the original (spaces, dashes, line breaks).
    /// At `Nothing`, a prompt instead: "(say the whole line from memory: 14 words)".
    pub shown: String,
}

/// Words that carry little of a line's meaning, hidden after the content words.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "yourself",
    "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "this", "that", "these", "those",
    "there", "here", "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does",
    "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "to", "of", "in",
    "on", "at", "by", "for", "with", "from", "into", "onto", "up", "out", "off", "as", "than", "so", "and", "or",
    "but", "if", "then", "just", "also", "very", "really", "all", "any", "some", "what", "which", "who", "whom",
    "whose", "when", "where", "how", "why", "let", "s", "mr", "mrs", "ms", "miss", "dr", "oh", "yes", "hi", "hello",
    "too", "about", "once", "well", "still", "even",
];

/// A word of the line and what the fading rules need to know about it.
struct LineWord {
    span: Range<usize>,
    function: bool,
    commitment: bool,
}

/// The words of `text`: whitespace-separated stretches holding at least one letter or digit.
fn line_words(text: &str, commitment: &[Range<usize>]) -> Vec<LineWord> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                if text[s..i].chars().any(char::is_alphanumeric) {
                    spans.push(s..i);
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    spans
        .into_iter()
        .map(|span| {
            let function = is_function_word(&text[span.clone()]);
            let commitment = commitment.iter().any(|r| r.start < span.end && span.start < r.end);
            LineWord { span, function, commitment }
        })
        .collect()
}

/// True when every word in `chunk` ("I'll", "that's,") is a function word, contractions expanded.
fn is_function_word(chunk: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect());
    let mut any = false;
    for piece in chunk.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let piece = piece.trim_matches(['\'', '’']);
        if piece.is_empty() {
            continue;
        }
        any = true;
        let word = normalise_word(piece);
        if !set.contains(word.as_str()) && !expand_contraction(&word).iter().all(|w| set.contains(w)) {
            return false;
        }
    }
    any
}

/// `word` with its letters and digits replaced by underscores, the first one kept when `keep_first`.
fn masked(word: &str, keep_first: bool) -> String {
    let mut kept = !keep_first;
    word.chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                c
            } else if !kept {
                kept = true;
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Which words to hide at `Third` (`thirds` = 1) or `TwoThirds` (2): see the module documentation.
fn pick_hidden(words: &[LineWord], thirds: usize, seed: u64) -> Vec<bool> {
    let n = words.len();
    let mut rng = StdRng::seed_from_u64(seed);
    let draws: Vec<u64> = (0..n).map(|_| rng.random()).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (words[i].commitment, words[i].function, draws[i]));
    let count = (n * thirds + 1) / 3; // n * thirds / 3, rounded to the nearest word
    let mut hidden = vec![false; n];
    for &i in order.iter().take(count) {
        hidden[i] = true;
    }
    // Never the whole commitment at once: the commitment word picked last stays visible.
    let commitment: Vec<usize> = order.iter().copied().filter(|&i| words[i].commitment).collect();
    if !commitment.is_empty()
        && commitment.iter().all(|&i| hidden[i])
        && let Some(&last) = commitment.last()
    {
        hidden[last] = false;
    }
    hidden
}

/// `script` as shown at `level`. Deterministic: the same script, level and seed always give the same
/// result; `Full`, `FirstLetters` and `Nothing` do not depend on the seed.
pub fn fade(script: &Script, level: Level, seed: u64) -> Faded {
    let text = script.text.as_str();
    let line = line_words(text, &script.commitment);
    let hidden = match level.thirds() {
        Some(thirds) => pick_hidden(&line, thirds, seed),
        None => vec![level != Level::Full; line.len()],
    };
    let words: Vec<FadedWord> = line
        .iter()
        .zip(hidden)
        .map(|(w, hidden)| {
            let original = &text[w.span.clone()];
            let shown = if hidden { masked(original, level == Level::FirstLetters) } else { original.to_string() };
            FadedWord { text: shown, hidden, start: w.span.start, end: w.span.end }
        })
        .collect();
    let shown = if level == Level::Nothing {
        let n = words.len();
        format!("(say the whole line from memory: {n} word{})", if n == 1 { "" } else { "s" })
    } else {
        let mut shown = String::with_capacity(text.len());
        let mut at = 0;
        for w in &words {
            shown.push_str(&text[at..w.start]);
            shown.push_str(&w.text);
            at = w.end;
        }
        shown.push_str(&text[at..]);
        shown
    };
    Faded { words, shown }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rehearsal::{ScriptSource, scripts};
    use crate::core::scenario::ScriptRole;

    fn script(text: &str, commitment: Vec<Range<usize>>) -> Script {
        Script {
            scenario_id: "s".into(),
            turn_id: "t".into(),
            key: "s/t/model".into(),
            source: ScriptSource::ModelAnswer,
            text: text.into(),
            commitment,
        }
    }

    const LINE: &str = "Mrs Okafor, I'm sorry. I promised you a call by twelve and I didn't make it; that's my fault. \
                        Your refund is approved and arrives on Friday.";

    fn all_scripts() -> Vec<Script> {
        let (scenarios, lexicon) = crate::core::test_fixtures::bundled_scenarios();
        scenarios.iter().flat_map(|s| scripts(s, &lexicon)).collect()
    }

    fn in_commitment(s: &Script, w: &FadedWord) -> bool {
        s.commitment.iter().any(|r| r.start < w.end && w.start < r.end)
    }

    #[test]
    fn levels_step_up_and_down_within_bounds() {
        assert_eq!(Level::ALL.first(), Some(&Level::Full));
        assert_eq!(Level::Nothing.next(), Level::Nothing);
        assert_eq!(Level::Full.previous(), Level::Full);
        for pair in Level::ALL.windows(2) {
            assert_eq!(pair[0].next(), pair[1]);
            assert_eq!(pair[1].previous(), pair[0]);
            assert!(pair[0] < pair[1]);
        }
        assert_eq!(Level::Nothing.label(), "From memory");
    }

    #[test]
    fn full_hides_nothing_and_keeps_the_text() {
        let s = script(LINE, vec![]);
        let f = fade(&s, Level::Full, 7);
        assert_eq!(f.shown, LINE);
        assert!(f.words.iter().all(|w| !w.hidden));
        assert_eq!(f.words.len(), 27);
    }

    #[test]
    fn first_letters_and_nothing() {
        let s = script("I'll call you at 4pm — twelve; sharp.", vec![]);
        let f = fade(&s, Level::FirstLetters, 1);
        assert_eq!(f.shown, "I'__ c___ y__ a_ 4__ — t_____; s____.");
        assert!(f.words.iter().all(|w| w.hidden));
        assert_eq!(f.words.len(), 7, "the dash is not a word");
        let f = fade(&s, Level::Nothing, 1);
        assert_eq!(f.shown, "(say the whole line from memory: 7 words)");
        assert_eq!(f.words[0].text, "_'__");
        assert_eq!(
            fade(&script("Friday.", vec![]), Level::Nothing, 1).shown,
            "(say the whole line from memory: 1 word)"
        );
    }

    #[test]
    fn fading_is_deterministic_and_seeds_differ() {
        let s = script(LINE, vec![]);
        for level in [Level::Third, Level::TwoThirds] {
            assert_eq!(fade(&s, level, 42), fade(&s, level, 42));
            let patterns: std::collections::HashSet<String> = (0..20).map(|seed| fade(&s, level, seed).shown).collect();
            assert!(patterns.len() > 1, "{level:?}: every seed hid the same words");
        }
    }

    #[test]
    fn hidden_words_at_a_third_are_hidden_at_two_thirds() {
        let s = script(LINE, vec![]);
        for seed in 0..50 {
            let third = fade(&s, Level::Third, seed);
            let two = fade(&s, Level::TwoThirds, seed);
            assert!(third.words.iter().zip(&two.words).all(|(a, b)| !a.hidden || b.hidden));
        }
    }

    #[test]
    fn hidden_share_is_about_a_third_and_two_thirds() {
        for s in all_scripts() {
            let n = fade(&s, Level::Full, 0).words.len();
            for (level, share) in [(Level::Third, 1.0 / 3.0), (Level::TwoThirds, 2.0 / 3.0)] {
                for seed in 0..5 {
                    let hidden = fade(&s, level, seed).words.iter().filter(|w| w.hidden).count();
                    let expected = n as f64 * share;
                    assert!((hidden as f64 - expected).abs() <= 1.0, "{}: {hidden} of {n} at {level:?}", s.key);
                }
            }
        }
    }

    #[test]
    fn content_words_are_hidden_before_function_words() {
        let s = script(LINE, vec![]);
        let line = line_words(LINE, &[]);
        let function: Vec<&str> = line.iter().filter(|w| w.function).map(|w| &LINE[w.span.clone()]).collect();
        assert_eq!(
            function,
            [
                "Mrs", "I'm", "I", "you", "a", "by", "and", "I", "didn't", "it;", "that's", "my", "Your", "is", "and",
                "on"
            ]
        );
        assert!(!line.iter().any(|w| w.function && &LINE[w.span.clone()] == "Okafor,"));
        for seed in 0..200 {
            let f = fade(&s, Level::Third, seed);
            let content_visible = f.words.iter().zip(&line).any(|(w, l)| !w.hidden && !l.function);
            let function_hidden = f.words.iter().zip(&line).any(|(w, l)| w.hidden && l.function);
            assert!(!(content_visible && function_hidden), "seed {seed}: {}", f.shown);
        }
    }

    #[test]
    fn the_commitment_is_never_hidden_whole_at_a_third_or_two_thirds() {
        let all = all_scripts();
        let with_commitment: Vec<&Script> = all.iter().filter(|s| !s.commitment.is_empty()).collect();
        assert!(with_commitment.len() >= 20);
        // A commitment line is all commitment: one word must still stay visible.
        let line = "I'll ring you today at one o'clock.";
        let commitment_line = Script {
            source: ScriptSource::Line(ScriptRole::Commitment),
            commitment: std::iter::once(0..line.len() - 1).collect::<Vec<_>>(),
            ..script(line, vec![])
        };
        for s in with_commitment.into_iter().chain(std::iter::once(&commitment_line)) {
            for level in [Level::Third, Level::TwoThirds] {
                for seed in 0..200 {
                    let f = fade(s, level, seed);
                    let commitment: Vec<&FadedWord> = f.words.iter().filter(|w| in_commitment(s, w)).collect();
                    assert!(!commitment.is_empty(), "{}", s.key);
                    assert!(commitment.iter().any(|w| !w.hidden), "{} at {level:?}, seed {seed}: {}", s.key, f.shown);
                }
            }
        }
    }

    #[test]
    fn non_commitment_words_are_hidden_first() {
        let text = "Sorry for the wait, Mrs Okafor. I will call you at 4pm today.";
        let start = text.find("I will").expect("commitment");
        let s = script(text, std::iter::once(start..text.len() - 1).collect::<Vec<_>>());
        for seed in 0..100 {
            let f = fade(&s, Level::Third, seed);
            assert!(f.words.iter().filter(|w| in_commitment(&s, w)).all(|w| !w.hidden), "{}", f.shown);
            let f = fade(&s, Level::TwoThirds, seed);
            let outside_visible = f.words.iter().any(|w| !in_commitment(&s, w) && !w.hidden);
            let inside_hidden = f.words.iter().any(|w| in_commitment(&s, w) && w.hidden);
            assert!(!(outside_visible && inside_hidden), "{}", f.shown);
        }
    }

    #[test]
    fn empty_and_punctuation_only_lines_have_no_words() {
        for text in ["", "   ", "— ..."] {
            let s = script(text, vec![]);
            for level in Level::ALL {
                let f = fade(&s, level, 3);
                assert!(f.words.is_empty());
            }
        }
    }
}

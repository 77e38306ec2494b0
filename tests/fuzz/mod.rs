//! The fuzz suite's pieces: mutations of scenario files, the pipeline a case runs through, and
//! answers built from a scenario's own words so that its matchers actually fire.

#![allow(dead_code)]

pub mod mutations;
pub mod pipeline;

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

/// The longest answer a case scores, in characters: the longest answer the app scores.
pub const MAX_ANSWER_CHARS: usize = followthrough::core::scoring::MAX_RESPONSE_CHARS;
/// Most cases' answers are at most this long; a few go on up to [`MAX_ANSWER_CHARS`], which keeps
/// the default run about as quick as when every answer stopped here.
pub const USUAL_ANSWER_CHARS: usize = 2_000;

/// Times, days and names that the `{time}` slots and detectors look for.
const TIME_WORDS: &[&str] = &[
    "at 4pm",
    "by 14:00 today",
    "tomorrow at 9",
    "on Monday",
    "this afternoon",
    "before 5",
    "next week",
    "in 10 minutes",
    "at half past three",
    "I will call you",
    "I'm sorry",
    "that's my fault",
    "can't",
    "won't",
];

/// Characters that have tripped text handling elsewhere: combining marks, wide and right-to-left
/// letters, zero-width joiners, curly quotes, emoji, digits and punctuation.
const ODD: &[&str] = &[
    "e\u{301}",
    "\u{200d}",
    "\u{202e}",
    "\u{fe0f}",
    "ß",
    "İ",
    "ﬁ",
    "日本",
    "שלום",
    "’",
    "“",
    "”",
    "😀",
    "👩‍👩‍👧",
    "\t",
    "\r\n",
    "\\",
    "\"",
    "'",
    "--",
    "...",
    "?!",
    "4:30",
    "12/05",
    "£54.99",
    "%",
    "#",
    "@",
    "*",
    "[",
    "(",
    "|",
];

/// An answer of at most [`MAX_ANSWER_CHARS`] characters made from `seed`: the scenario's own words
/// (shuffled, or in runs as the file has them), the lexicon's words, or odd characters.
pub fn answer(seed: u64, len: usize, scenario: &[u8], lexicon: &[u8]) -> String {
    let mut rng = StdRng::seed_from_u64(seed);
    let own = mutations::words_of(scenario);
    let listed = mutations::words_of(lexicon);
    let kind = rng.random_range(0..4);
    let mut out = String::new();
    let mut chars = 0;
    while chars < len {
        let piece = match kind {
            0 => pick_or(&own, &mut rng, "sorry").to_string(),
            1 if !own.is_empty() => {
                let start = rng.random_range(0..own.len());
                let end = (start + rng.random_range(1..12)).min(own.len());
                own[start..end].join(" ")
            }
            2 => ODD.choose(&mut rng).copied().unwrap_or("?").to_string(),
            _ => pick_or(&listed, &mut rng, "apologise").to_string(),
        };
        chars += piece.chars().count();
        out.push_str(&piece);
        let separator = match rng.random_range(0..12) {
            0 => ". ".to_string(),
            1 => ", ".to_string(),
            2 => "! ".to_string(),
            3 => "? ".to_string(),
            4 => "\n".to_string(),
            5 => format!(" {} ", TIME_WORDS.choose(&mut rng).copied().unwrap_or("at 4pm")),
            _ => " ".to_string(),
        };
        chars += separator.chars().count();
        out.push_str(&separator);
    }
    out.chars().take(len.min(MAX_ANSWER_CHARS)).collect()
}

fn pick_or<'a>(words: &'a [String], rng: &mut StdRng, fallback: &'a str) -> &'a str {
    words.choose(rng).map_or(fallback, String::as_str)
}

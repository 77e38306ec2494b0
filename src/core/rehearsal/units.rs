//! The units a recitation is compared in: normalised words, and clock times that may span several
//! words ("4 pm", "twelve forty"), with day and month names and numbers kept exact (no typos).

use std::ops::Range;

use crate::core::scoring::text::{Token, analyse, stem};
use crate::core::scoring::time::{MONTHS, WEEKDAYS};

/// One unit of comparison: a normalised word, or a clock time that may span several words ("4 pm").
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// The normalised form compared ("will", "4pm", "1240").
    pub(super) key: String,
    /// Its stem, when it is a word of letters.
    pub(super) stem: Option<String>,
    /// Typos do not count as the same word (weekdays, months, numbers).
    pub(super) exact: bool,
    /// Byte span in the text.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The written words it belongs to (indexes into the word spans).
    pub(super) words: Range<usize>,
}

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
];

/// Words a typo must not turn into one another: the day and month names.
fn is_exact_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || MONTHS.contains(&w)
}

fn number_word(w: &str) -> Option<u32> {
    NUMBER_WORDS.iter().find(|(word, _)| *word == w).map(|(_, n)| *n)
}

/// A clock-like token: "4", "four", "4pm", "4:30", "16:00", "2.30p.m". Hours, minutes, am/pm.
fn clock(w: &str) -> Option<(u32, Option<u32>, Option<&'static str>)> {
    if let Some(n) = number_word(w) {
        return Some((n, None, None));
    }
    let w = w.trim_end_matches('.');
    let (digits, suffix) = w.split_at(w.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(w.len()));
    let suffix = match suffix {
        "" => None,
        "am" | "a.m" => Some("am"),
        "pm" | "p.m" => Some("pm"),
        _ => return None,
    };
    let (hours, minutes) = match digits.split_once([':', '.']) {
        Some((h, m)) => (h, Some(m)),
        None => (digits, None),
    };
    let two_digits = |m: &str| m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit());
    if hours.is_empty() || hours.len() > 2 || !hours.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let minutes = match minutes {
        Some(m) if two_digits(m) => Some(m.parse().ok().filter(|m| *m < 60)?),
        Some(_) => return None,
        None => None,
    };
    Some((hours.parse().ok()?, minutes, suffix))
}

fn text_at(tokens: &[Token], i: usize) -> &str {
    tokens.get(i).map_or("", |t| t.text.as_str())
}

/// A clock time starting at token `i`, in one form ("4pm", "4:30pm", "4"), with its length in tokens.
fn time_unit(tokens: &[Token], i: usize) -> Option<(String, usize)> {
    let w = text_at(tokens, i);
    if matches!(w, "noon" | "midday") {
        return Some(("12pm".to_string(), 1));
    }
    let (mut hours, mut minutes, mut suffix) = clock(w)?;
    if hours > 24 {
        return None;
    }
    let mut len = 1;
    let is_word = number_word(w).is_some();
    // "four thirty", "four forty five" (not "two thirty-minute calls").
    if is_word && hours <= 12 {
        let (m, extra) = match (text_at(tokens, i + 1), text_at(tokens, i + 2)) {
            ("fifteen", _) => (Some(15), 1),
            ("thirty", _) => (Some(30), 1),
            ("forty", "five") => (Some(45), 2),
            _ => (None, 0),
        };
        let unit_after = matches!(text_at(tokens, i + 1 + extra), "minute" | "minutes" | "min" | "mins");
        if m.is_some() && !unit_after {
            minutes = m;
            len += extra;
        }
    }
    if suffix.is_none() {
        match text_at(tokens, i + len) {
            "am" | "a.m" => (suffix, len) = (Some("am"), len + 1),
            "pm" | "p.m" => (suffix, len) = (Some("pm"), len + 1),
            "noon" | "midday" if hours == 12 => (suffix, len) = (Some("pm"), len + 1),
            "o'clock" | "oclock" => len += 1,
            _ => {}
        }
    }
    if suffix.is_none() && minutes.is_some() && (13..=23).contains(&hours) {
        hours -= 12;
        suffix = Some("pm");
    }
    let minutes = minutes.filter(|m| *m != 0).map(|m| format!(":{m:02}")).unwrap_or_default();
    Some((format!("{hours}{minutes}{}", suffix.unwrap_or("")), len))
}

/// A word in one form: number words as digits, "1,240" as "1240", "p.m" as "pm".
fn canonical(w: &str) -> String {
    if let Some(n) = number_word(w) {
        return n.to_string();
    }
    match w {
        "p.m" => return "pm".to_string(),
        "a.m" => return "am".to_string(),
        _ => {}
    }
    if w.bytes().any(|b| b.is_ascii_digit()) {
        return w.chars().filter(|c| *c != ',').collect();
    }
    w.to_string()
}

/// The units of `text`, and the byte span of each written word (tokens sharing a span are one word).
pub(super) fn units(text: &str) -> (Vec<Unit>, Vec<Range<usize>>) {
    let tokens = analyse(text).tokens;
    let mut word_of = Vec::with_capacity(tokens.len());
    let mut words: Vec<Range<usize>> = Vec::new();
    for t in &tokens {
        if words.last().is_none_or(|w| w.start != t.start || w.end != t.end) {
            words.push(t.start..t.end);
        }
        word_of.push(words.len() - 1);
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let (key, len) = time_unit(&tokens, i).unwrap_or_else(|| (canonical(&tokens[i].text), 1));
        let last = (i + len).min(tokens.len()) - 1;
        let letters = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase());
        out.push(Unit {
            stem: letters.then(|| stem(&key)),
            exact: !letters || is_exact_word(&key),
            key,
            start: tokens[i].start,
            end: tokens[last].end,
            words: word_of[i]..word_of[last] + 1,
        });
        i = last + 1;
    }
    (out, words)
}

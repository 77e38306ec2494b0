//! Recognising specific times in a response: clock times, weekdays, dates, "tomorrow morning",
//! "within two hours", "by end of day". Vague words ("soon", "later", "next week") are not times.

use super::text::Token;

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const WEEKDAY_SHORT: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "lunchtime", "lunch", "night", "noon"];
const NUMBER_WORDS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const UNITS: &[&str] = &["minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days"];
const DAY_WORDS: &[&str] = &["today", "tomorrow", "tonight"];
/// Words that put a bare number on the clock: "at 4", "by 3".
const CLOCK_PREPOSITIONS: &[&str] = &["at", "by", "before", "around", "until", "till", "from", "after"];

fn word(tokens: &[Token], i: usize) -> &str {
    tokens.get(i).map_or("", |t| t.text.as_str())
}

fn is_number_word(w: &str) -> bool {
    NUMBER_WORDS.contains(&w)
}

fn small_number(w: &str) -> bool {
    is_number_word(w) || w.parse::<u32>().is_ok_and(|n| n <= 99) || matches!(w, "a" | "an" | "half" | "couple")
}

/// "4", "16:00", "4:30pm", "2.30", "10am" (one token). Returns whether it carries its own am/pm or colon.
fn clock_token(w: &str) -> Option<bool> {
    let w = w.trim_end_matches('.');
    let (digits, suffix) = match w.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => w.split_at(i),
        None => (w, ""),
    };
    if !matches!(suffix, "" | "am" | "pm" | "a.m" | "p.m" | "h" | "hrs") {
        return None;
    }
    let (hours, minutes) = match digits.split_once([':', '.']) {
        Some((h, m)) => (h, Some(m)),
        None => (digits, None),
    };
    let h: u32 = hours.parse().ok()?;
    if h > 24 || minutes.is_some_and(|m| m.len() != 2 || m.parse::<u32>().map_or(true, |m| m > 59)) {
        return None;
    }
    Some(!suffix.is_empty() || minutes.is_some())
}

/// A clock time at `i`, returning its length in tokens.
fn clock_at(tokens: &[Token], i: usize) -> Option<usize> {
    let w = word(tokens, i);
    let after = word(tokens, i + 1);
    match w {
        "noon" | "midday" | "midnight" => return Some(1),
        // British "half twelve" = 12:30.
        "half" if is_number_word(after) || after.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n)) => return Some(2),
        "half" | "quarter" if matches!(after, "past" | "to") => {
            let n = word(tokens, i + 2);
            return (is_number_word(n) || clock_token(n).is_some()).then_some(3);
        }
        _ => {}
    }
    let self_marked = if is_number_word(w) { false } else { clock_token(w)? };
    let mut len = 1;
    // "four thirty", "2 30"
    if matches!(after, "thirty" | "fifteen" | "forty" | "forty-five" | "o'clock" | "oclock") {
        len += 1;
        if matches!(word(tokens, i + len), "five") {
            len += 1;
        }
    }
    let next = word(tokens, i + len);
    let marked_after = matches!(next, "am" | "pm" | "a.m" | "p.m" | "o'clock" | "oclock" | "hours" | "sharp");
    if marked_after {
        len += 1;
    }
    let before = i.checked_sub(1).map_or("", |j| word(tokens, j));
    let anchored = CLOCK_PREPOSITIONS.contains(&before) || matches!(before, "about" | "between" | "and");
    (self_marked || marked_after || anchored || len > 1).then_some(len)
}

/// A specific time expression starting at token `i`; returns its length in tokens.
///
/// The expression may start with a preposition ("at 4pm", "by Friday", "within two hours").
pub fn time_at(tokens: &[Token], i: usize) -> Option<usize> {
    let w = word(tokens, i);
    if w.is_empty() {
        return None;
    }
    // Prepositions and "this"/"next"/"first thing" lead into the expression.
    if matches!(w, "at" | "by" | "before" | "around" | "on" | "until" | "till" | "this" | "next" | "from") {
        if let Some(len) = time_core(tokens, i + 1) {
            return Some(len + 1);
        }
        if w == "this" && PARTS_OF_DAY.contains(&word(tokens, i + 1)) {
            return Some(2);
        }
        return None;
    }
    if w == "first" && word(tokens, i + 1) == "thing" {
        let n = word(tokens, i + 2);
        return Some(if DAY_WORDS.contains(&n) || WEEKDAYS.contains(&n) || n == "monday" { 3 } else { 2 })
            .filter(|_| DAY_WORDS.contains(&n) || WEEKDAYS.contains(&n) || n == "in");
    }
    if matches!(w, "within" | "in") {
        return within_at(tokens, i);
    }
    time_core(tokens, i)
}

/// "within 2 hours", "in twenty minutes", "within the hour", "in half an hour".
fn within_at(tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if matches!(word(tokens, j), "the" | "next") {
        j += 1;
        if word(tokens, j) == "next" {
            j += 1;
        }
        if matches!(word(tokens, j), "hour" | "half") {
            return Some(j - i + 1 + usize::from(word(tokens, j) == "half" && word(tokens, j + 1) == "hour"));
        }
    }
    if matches!(word(tokens, j), "the") {
        j += 1;
    }
    if !small_number(word(tokens, j))
        && !matches!(word(tokens, j), "twenty" | "thirty" | "forty" | "fifteen" | "ninety")
    {
        return None;
    }
    j += 1;
    if matches!(word(tokens, j), "an" | "a" | "of") {
        j += 1;
    }
    if matches!(word(tokens, j), "working" | "business") {
        j += 1;
    }
    UNITS.contains(&word(tokens, j)).then_some(j - i + 1)
}

/// A time without its leading preposition.
fn time_core(tokens: &[Token], i: usize) -> Option<usize> {
    let w = word(tokens, i);
    if WEEKDAYS.contains(&w) || (WEEKDAY_SHORT.contains(&w) && !word(tokens, i + 1).is_empty()) {
        let mut len = 1;
        if PARTS_OF_DAY.contains(&word(tokens, i + 1)) {
            len += 1;
        }
        if let Some(c) = after_day_clock(tokens, i + len) {
            len += c;
        }
        return Some(len);
    }
    if DAY_WORDS.contains(&w) {
        let next = word(tokens, i + 1);
        if w == "tonight" {
            return Some(1 + after_day_clock(tokens, i + 1).unwrap_or(0));
        }
        if PARTS_OF_DAY.contains(&next) {
            return Some(2 + after_day_clock(tokens, i + 2).unwrap_or(0));
        }
        if matches!(next, "first") && word(tokens, i + 2) == "thing" {
            return Some(3);
        }
        return after_day_clock(tokens, i + 1).map(|c| c + 1);
    }
    if matches!(w, "end" | "close") {
        return end_of_day_at(tokens, i);
    }
    if w == "the" && matches!(word(tokens, i + 1), "end" | "close") {
        return end_of_day_at(tokens, i + 1).map(|len| len + 1);
    }
    if matches!(w, "eod" | "cob") {
        return Some(1);
    }
    if let Some(len) = date_at(tokens, i) {
        return Some(len);
    }
    clock_at(tokens, i)
}

/// After a day word: "tomorrow at 10", "Friday by 3pm", "today before 5".
fn after_day_clock(tokens: &[Token], i: usize) -> Option<usize> {
    let w = word(tokens, i);
    if CLOCK_PREPOSITIONS.contains(&w) || w == "around" {
        return clock_at(tokens, i + 1).map(|c| c + 1).or_else(|| end_of_day_at(tokens, i + 1).map(|c| c + 1));
    }
    clock_at(tokens, i).filter(|_| clock_token(w).is_some_and(|marked| marked))
}

/// "end of (the) day", "end of business", "close of business", "end of today", "end of play".
fn end_of_day_at(tokens: &[Token], i: usize) -> Option<usize> {
    if !matches!(word(tokens, i), "end" | "close") || word(tokens, i + 1) != "of" {
        return None;
    }
    let mut j = i + 2;
    if matches!(word(tokens, j), "the" | "my" | "today's" | "your") {
        j += 1;
    }
    matches!(word(tokens, j), "day" | "today" | "business" | "play" | "shift" | "working").then_some(j - i + 1)
}

/// "14 March", "March 14th", "the 14th", "14/03".
fn date_at(tokens: &[Token], i: usize) -> Option<usize> {
    let w = word(tokens, i);
    let ordinal = |s: &str| {
        let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &s[digits.len()..];
        digits.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n)) && matches!(suffix, "st" | "nd" | "rd" | "th")
    };
    let day_number = |s: &str| ordinal(s) || s.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n));
    if MONTHS.contains(&w) && w != "may" || (w == "may" && day_number(word(tokens, i + 1))) {
        return day_number(word(tokens, i + 1)).then_some(2);
    }
    if day_number(w) && MONTHS.contains(&word(tokens, i + 1)) {
        return Some(2);
    }
    if w == "the" && ordinal(word(tokens, i + 1)) {
        return Some(2 + usize::from(word(tokens, i + 2) == "of" && MONTHS.contains(&word(tokens, i + 3))) * 2);
    }
    if ordinal(w) {
        return Some(1);
    }
    let parts: Vec<&str> = w.split('/').collect();
    (parts.len() >= 2 && parts.iter().all(|p| p.parse::<u32>().is_ok())).then_some(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scoring::text::analyse;

    /// The first time expression in `text`, as the words it covers.
    fn first_time(text: &str) -> Option<String> {
        let a = analyse(text);
        (0..a.tokens.len()).find_map(|i| {
            time_at(&a.tokens, i)
                .map(|len| a.tokens[i..i + len].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
        })
    }

    #[test]
    fn clock_times() {
        assert_eq!(first_time("I'll call you at 4pm").as_deref(), Some("at 4pm"));
        assert_eq!(first_time("call at 4 pm").as_deref(), Some("at 4 pm"));
        assert_eq!(first_time("ring by 16:00").as_deref(), Some("by 16:00"));
        assert_eq!(first_time("at half past two").as_deref(), Some("at half past two"));
        assert_eq!(first_time("at four thirty").as_deref(), Some("at four thirty"));
        assert_eq!(first_time("at 10 hours in the morning").as_deref(), Some("at 10 hours"));
        assert_eq!(first_time("before noon").as_deref(), Some("before noon"));
        assert_eq!(first_time("at 3").as_deref(), Some("at 3"));
    }

    #[test]
    fn days_and_parts_of_day() {
        assert_eq!(first_time("tomorrow morning").as_deref(), Some("tomorrow morning"));
        assert_eq!(first_time("I will call tomorrow at 10").as_deref(), Some("tomorrow at 10"));
        assert_eq!(first_time("on Friday").as_deref(), Some("on friday"));
        assert_eq!(first_time("this afternoon").as_deref(), Some("this afternoon"));
        assert_eq!(first_time("tonight").as_deref(), Some("tonight"));
        assert_eq!(first_time("first thing tomorrow").as_deref(), Some("first thing tomorrow"));
    }

    #[test]
    fn durations_and_end_of_day() {
        assert_eq!(first_time("within two hours").as_deref(), Some("within two hours"));
        assert_eq!(first_time("in 20 minutes").as_deref(), Some("in 20 minutes"));
        assert_eq!(first_time("within 3 working days").as_deref(), Some("within 3 working days"));
        assert_eq!(first_time("by end of day").as_deref(), Some("by end of day"));
        assert_eq!(first_time("before the close of business").as_deref(), Some("before the close of business"));
        assert_eq!(first_time("by close of business").as_deref(), Some("by close of business"));
        assert_eq!(first_time("within the hour").as_deref(), Some("within the hour"));
    }

    #[test]
    fn dates() {
        assert_eq!(first_time("on the 14th").as_deref(), Some("on the 14th"));
        assert_eq!(first_time("by 14 March").as_deref(), Some("by 14 march"));
        assert_eq!(first_time("on March 3rd").as_deref(), Some("on march 3rd"));
    }

    #[test]
    fn vague_words_and_bare_numbers_are_not_times() {
        for text in [
            "soon",
            "as soon as possible",
            "later today",
            "tomorrow",
            "next week",
            "I have 3 cases",
            "sometime",
            "in a few days",
        ] {
            assert_eq!(first_time(text), None, "{text}");
        }
    }
}

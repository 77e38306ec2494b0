//! The token classes time expressions are made of: clock times, numbers, day numbers, months,
//! weekdays, units of duration and coarse periods.

use super::super::text::Token;
use super::word;

/// A clock time read at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    /// Tokens taken.
    pub len: usize,
    /// Minutes after midnight (a bare 1 to 7 read as afternoon, as at work).
    pub minutes: u32,
    /// Unmistakably a clock on its own: am/pm, minutes, "o'clock", "half four", "noon".
    pub marked: bool,
    /// A span of hours in one word: "3-4pm", "9:30-10:30".
    pub range: bool,
}

/// `w.split_once(sep)` for an ASCII `sep`, read byte by byte: the words here are a few letters
/// long, and a search for a character costs more than reading them.
pub(super) fn split_at_byte(w: &str, sep: u8) -> Option<(&str, &str)> {
    let at = w.bytes().position(|b| b == sep)?;
    Some((&w[..at], &w[at + 1..]))
}

/// `w.contains(c)` for an ASCII `c`, read byte by byte (see [`split_at_byte`]).
pub(super) fn has_byte(w: &str, c: u8) -> bool {
    w.as_bytes().contains(&c)
}

/// The value of a number word or digits up to 999 ("two", "14").
pub(super) fn number_value(w: &str) -> Option<u32> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(n) = WORDS.iter().position(|x| *x == w) {
        return u32::try_from(n).ok();
    }
    match w {
        "thirty" => return Some(30),
        "forty" => return Some(40),
        "fifty" => return Some(50),
        "sixty" => return Some(60),
        "seventy" => return Some(70),
        "eighty" => return Some(80),
        "ninety" => return Some(90),
        _ => {}
    }
    (w.len() <= 3 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

/// Minutes in one unit of duration ("hour" = 60); seconds count as none.
pub(super) fn unit_minutes(w: &str) -> Option<u32> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => 0,
        "minute" | "minutes" | "min" | "mins" => 1,
        "hour" | "hours" | "hr" | "hrs" | "h" => 60,
        "day" | "days" | "night" | "nights" => 24 * 60,
        "mondays" | "tuesdays" | "wednesdays" | "thursdays" | "fridays" | "saturdays" | "sundays" => 7 * 24 * 60,
        "week" | "weeks" | "wk" | "wks" => 7 * 24 * 60,
        "fortnight" | "fortnights" => 14 * 24 * 60,
        "month" | "months" => 30 * 24 * 60,
        "year" | "years" | "yr" | "yrs" => 365 * 24 * 60,
        "decade" | "decades" => 3650 * 24 * 60,
        _ => return None,
    })
}

/// A period coarser than a day ("week", "month", "summer", "Q3", "2000s"), or "weekend".
pub(super) fn coarse_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "weekend" | "wkend" | "week-end" => "weekend",
        "week" | "wk" | "month" | "year" | "yr" | "quarter" | "qtr" | "decade" | "century" | "summer" | "winter"
        | "autumn" | "q1" | "q2" | "q3" | "q4" | "h1" | "h2" | "weeks" | "months" | "years" => "period",
        _ if w.len() == 5 && w.ends_with('s') && w[..4].bytes().all(|b| b.is_ascii_digit()) => "period",
        _ => return None,
    })
}

/// A year written in full, 1900 to 2099.
pub(super) fn year_value(w: &str) -> Option<i32> {
    (w.len() == 4).then(|| w.parse::<i32>().ok()).flatten().filter(|y| (1900..=2099).contains(y))
}

/// The month names, January first: the one month list (time reading, and rehearsal's words that a
/// typo must not turn into one another).
pub const MONTHS: [&str; 12] = [
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
];

/// The weekday names, Monday first: the one weekday list.
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The month a name or abbreviation stands for (1 to 12).
pub(in crate::core::scoring) fn month_number(w: &str) -> Option<u8> {
    // The short forms are each name's first three letters ("jan", "sep"), and "sept".
    let at = MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| MONTHS.iter().position(|m| w.len() == 3 && m.starts_with(w)))
        .or_else(|| (w == "sept").then_some(8))?;
    u8::try_from(at + 1).ok()
}

/// The weekday a name or abbreviation stands for (0 = Monday).
pub(super) fn weekday(w: &str) -> Option<u8> {
    if let Some(n) = WEEKDAYS.iter().position(|d| *d == w) {
        return u8::try_from(n).ok();
    }
    let n = match w {
        "mon" => 0,
        "tue" | "tues" => 1,
        "wed" | "weds" => 2,
        "thu" | "thur" | "thurs" => 3,
        "fri" => 4,
        "sat" => 5,
        "sun" => 6,
        _ => return None,
    };
    Some(n)
}

/// True when `w` (lower case) is a month's or a weekday's short form ("jan", "sept", "tues"), not
/// a whole name: a full stop after one need not end the sentence.
pub fn is_date_abbreviation(w: &str) -> bool {
    (month_number(w).is_some() && !MONTHS.contains(&w)) || (weekday(w).is_some() && !WEEKDAYS.contains(&w))
}

/// A day of the month: "14", "14th", "1st", "third", "thirty-first".
pub(super) fn day_number(w: &str) -> Option<u8> {
    const ORDINALS: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(n) = ORDINALS.iter().position(|o| *o == w) {
        return u8::try_from(n + 1).ok();
    }
    if let Some(rest) = w.strip_prefix("twenty-").or_else(|| w.strip_prefix("thirty-")) {
        let base = if w.starts_with("twenty") { 20 } else { 30 };
        let n = ORDINALS.iter().position(|o| *o == rest)? + 1;
        return u8::try_from(base + n).ok().filter(|d| *d <= 31);
    }
    if w == "thirtieth" {
        return Some(30);
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u8 = digits.parse().ok()?;
    let suffix_ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    (suffix_ok && (1..=31).contains(&n)).then_some(n)
}

/// Words for a part of the day.
pub(super) fn is_part_of_day(w: &str) -> bool {
    matches!(
        w,
        "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "lunch"
            | "lunchtime"
            | "breakfast"
            | "dinner"
            | "dinnertime"
            | "teatime"
            | "daytime"
            | "aft"
            | "arvo"
            | "mornings"
            | "afternoons"
            | "evenings"
            | "early-mornings"
            | "late-mornings"
            | "midmorning"
            | "midafternoon"
            | "mid-morning"
            | "mid-afternoon"
    )
}

/// When a part of the day is over, in minutes after midnight.
pub(super) fn part_end(w: &str) -> Option<u32> {
    Some(match w {
        "morning" | "breakfast" | "mornings" | "midmorning" | "mid-morning" => 12 * 60,
        "lunch" | "lunchtime" => 14 * 60,
        "afternoon" | "aft" | "arvo" | "daytime" => 18 * 60,
        _ => 24 * 60,
    })
}

fn hour_word(w: &str) -> Option<u32> {
    number_value(w).filter(|n| (1..=12).contains(n) && !w.starts_with('0'))
}

/// An hour said as a word, on the 24-hour clock too ("fifteen thirty").
fn spoken_hour(w: &str) -> Option<u32> {
    number_value(w).filter(|n| (1..=23).contains(n)).filter(|_| !w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Minutes before "past" / "to": "quarter", "half", "twenty", "10", "twenty-five".
fn minutes_word(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let w = word(tokens, i);
    let next = word(tokens, i + 1);
    let (m, mut len) = match w {
        "quarter" => (15, 1),
        "half" => (30, 1),
        "a" if next == "quarter" => (15, 2),
        "three" if matches!(next, "quarters" | "quarter") => (45, 2),
        "twenty" | "thirty" | "forty" | "fifty" if number_value(next).is_some_and(|n| (1..=9).contains(&n)) => {
            (number_value(w)? + number_value(next)?, 2)
        }
        _ => {
            let compound = split_at_byte(w, b'-').and_then(|(t, u)| Some(number_value(t)? + number_value(u)?));
            (compound.or_else(|| number_value(w))?, 1)
        }
    };
    if !(1..=59).contains(&m) {
        return None;
    }
    if matches!(word(tokens, i + len), "minutes" | "minute" | "mins" | "min") {
        len += 1;
    }
    Some((m, len))
}

/// An hour after "past" / "to": "four", "3pm", "15h", "noon". Returns (hour, meridiem, tokens).
fn hour_after(tokens: &[Token], i: usize) -> Option<(u32, Option<bool>, usize)> {
    let w = word(tokens, i);
    match w {
        "noon" | "midday" => return Some((12, Some(true), 1)),
        "midnight" => return Some((12, Some(false), 1)),
        _ => {}
    }
    if let Some(h) = hour_word(w) {
        return Some((h, None, 1));
    }
    let (h, m, mer, _) = clock_token(w)?;
    (m == 0).then_some((h, mer, 1))
}

/// A meridiem at `i` as one or two tokens: "pm", "p.m", "p m", "a m". Returns (pm, tokens).
fn meridiem_at(tokens: &[Token], i: usize) -> Option<(bool, usize)> {
    match (word(tokens, i), word(tokens, i + 1)) {
        ("am" | "a.m", _) => Some((false, 1)),
        ("pm" | "p.m", _) => Some((true, 1)),
        ("a", "m") => Some((false, 2)),
        ("p", "m") => Some((true, 2)),
        _ => None,
    }
}

fn with_meridiem(hour: u32, minutes: u32, meridiem: Option<bool>) -> Option<u32> {
    if hour > 24 || minutes > 59 {
        return None;
    }
    let h = match meridiem {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        Some(false) if hour > 12 => return None,
        None if (1..=7).contains(&hour) => hour + 12,
        _ => hour,
    };
    Some(h * 60 + minutes)
}

/// One token as a clock: "4", "4pm", "16:00", "4:30pm", "10.30", "1030", "15h30", "3:15p",
/// "3-4pm" (the start, marked by either end). Returns (hour, minutes, meridiem, marked).
fn clock_token(w: &str) -> Option<(u32, u32, Option<bool>, bool)> {
    // "11ish", "3ish": about that hour, still a clock.
    if let Some(about) = w.strip_suffix("ish").filter(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit())) {
        let (h, m, mer, _) = single_clock(about)?;
        return Some((h, m, mer, true));
    }
    let w = w.strip_suffix("ish").unwrap_or(w);
    if let Some((start, end)) = split_at_byte(w, b'-') {
        let (h, m, mer, marked) = single_clock(start)?;
        let (_, _, end_mer, end_marked) = single_clock(end)?;
        return Some((h, m, mer.or(end_mer), marked || end_marked));
    }
    single_clock(w)
}

fn single_clock(w: &str) -> Option<(u32, u32, Option<bool>, bool)> {
    let w = w.trim_end_matches('.');
    let (body, suffix) = match w.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => w.split_at(i),
        None => (w, ""),
    };
    let separated = body.contains([':', '.']);
    let suffix_meridiem = match suffix {
        "" | "h" | "hrs" => None,
        "am" | "a.m" => Some(false),
        "pm" | "p.m" => Some(true),
        // "3:15p", "at 3p": a single letter (marking the time only with minutes).
        "a" => Some(false),
        "p" => Some(true),
        _ if suffix.starts_with('h') && suffix.len() == 3 && suffix[1..].bytes().all(|b| b.is_ascii_digit()) => {
            let h: u32 = body.parse().ok()?;
            let m: u32 = suffix[1..].parse().ok()?;
            return (h <= 24 && m <= 59).then_some((h, m, None, true));
        }
        _ => return None,
    };
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.') {
        return None;
    }
    let parts: Vec<&str> = body.split([':', '.']).collect();
    let (h, m) = match parts.as_slice() {
        [h] if h.len() <= 2 => (h.parse().ok()?, 0),
        [hm] if hm.len() == 3 || hm.len() == 4 => {
            let (h, m) = hm.split_at(hm.len() - 2);
            (h.parse().ok()?, m.parse().ok()?)
        }
        [h, m] | [h, m, _] if h.len() <= 2 && m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
        _ => return None,
    };
    if h > 24 || m > 59 {
        return None;
    }
    // "1030" or "15h" is a clock only where a clock is expected ("at 1030"), so not marked.
    let letter_only = matches!(suffix, "a" | "p") && !separated;
    let late_hour = suffix == "h" && h > 12;
    Some((h, m, suffix_meridiem, (suffix_meridiem.is_some() && !letter_only) || separated || late_hour))
}

/// "half past four", "quarter to five", "twenty past ten", "10 to 5", "15 minutes past 3pm".
pub(super) fn past_or_to_at(tokens: &[Token], i: usize) -> Option<Clock> {
    let (m, len) = minutes_word(tokens, i)?;
    let relation = word(tokens, i + len);
    if !matches!(relation, "past" | "after" | "to" | "til" | "till" | "before") {
        return None;
    }
    let (h, mer, hour_len) = hour_after(tokens, i + len + 1)?;
    let words_only = !word(tokens, i).starts_with(|c: char| c.is_ascii_digit());
    let before = i.checked_sub(1).map_or("", |k| word(tokens, k));
    // "from 9 to 5" is a span, not 4:51.
    let plausible = (words_only || m % 5 == 0 || len > 1) && !matches!(before, "from" | "between");
    if !plausible {
        return None;
    }
    let (hour, minutes) = if matches!(relation, "past" | "after") { (h, m) } else { ((h + 11) % 12, 60 - m) };
    let mut total = len + 1 + hour_len;
    let mer = mer.or_else(|| {
        let (pm, n) = meridiem_at(tokens, i + total)?;
        total += n;
        Some(pm)
    });
    let hour = if hour == 0 && mer == Some(true) { 12 } else { hour };
    with_meridiem(hour, minutes, mer).map(|minutes| Clock { len: total, minutes, marked: true, range: false })
}

/// Minutes after midnight of a 24-hour clock written with colons ("12:23:59", "08:00").
pub(super) fn colon_clock(w: &str) -> Option<u32> {
    let (h, m, meridiem, _) = clock_token(w)?;
    (has_byte(w, b':') && meridiem.is_none() && h < 24).then_some(h * 60 + m)
}

/// True when the number at token `i` is written as a clock time: with am/pm ("10am", "4:30pm",
/// "10 am"), a colon ("16:00"), "15h30", or "o'clock" after it. A dotted "10.30" or a bare "10"
/// may as well be an amount, so they are not.
pub(super) fn written_as_clock(tokens: &[Token], i: usize) -> bool {
    let w = word(tokens, i);
    let Some((_, minutes, meridiem, _)) = clock_token(w) else { return false };
    let next = word(tokens, i + 1);
    let letter_meridiem = w.ends_with(['a', 'p']);
    let hours_and_minutes = has_byte(w, b':') || (has_byte(w, b'h') && minutes > 0);
    let marked_after = meridiem_at(tokens, i + 1).is_some() || matches!(next, "o'clock" | "oclock");
    (meridiem.is_some() && !letter_meridiem) || hours_and_minutes || marked_after
}

/// A clock time starting at token `i`.
pub(super) fn clock_at(tokens: &[Token], i: usize) -> Option<Clock> {
    let w = word(tokens, i);
    let next = word(tokens, i + 1);
    let plain = |len, minutes| Some(Clock { len, minutes, marked: true, range: false });
    match w.strip_suffix("ish").unwrap_or(w) {
        "noon" | "midday" => return plain(1, 12 * 60),
        "midnight" => return plain(1, 24 * 60),
        _ => {}
    }
    if let Some(clock) = past_or_to_at(tokens, i) {
        return Some(clock);
    }
    // British "half four" = 4:30.
    if w == "half"
        && let Some(h) = hour_word(next)
    {
        return with_meridiem(h, 30, None).and_then(|minutes| plain(2, minutes));
    }
    let range = has_byte(w, b'-');
    let (hour, mut minutes, mut mer, mut marked, mut len) = if let Some(h) = spoken_hour(w) {
        (h, 0, None, false, 1)
    } else {
        let (h, m, mer, marked) = clock_token(w)?;
        (h, m, mer, marked, 1)
    };
    // "four thirty", "eleven twenty", "nine fifty nine": spoken minutes of ten or more.
    if minutes == 0
        && !w.starts_with(|c: char| c.is_ascii_digit())
        && !matches!(word(tokens, i + 1), "quarter" | "half" | "a" | "three")
        && let Some((m, n)) = minutes_word(tokens, i + 1).filter(|(m, _)| *m >= 10)
    {
        minutes = m;
        len += n;
        marked = true;
    }
    // "fifteen thirty" is a clock only with am/pm or where a clock is expected.
    if hour > 12 && !w.starts_with(|c: char| c.is_ascii_digit()) {
        marked = false;
    }
    if let Some((pm, n)) = meridiem_at(tokens, i + len) {
        mer = Some(pm);
        marked = true;
        len += n;
    } else if matches!(word(tokens, i + len), "o'clock" | "oclock" | "hours" | "hrs" | "h") {
        marked = true;
        len += 1;
    }
    with_meridiem(hour, minutes, mer).map(|minutes| Clock { len, minutes, marked, range })
}

#[cfg(test)]
mod month_tests {
    use super::*;

    #[test]
    fn a_month_is_read_by_name_by_its_first_three_letters_and_as_sept() {
        let short = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (n, (name, short)) in MONTHS.iter().zip(short).enumerate() {
            let number = u8::try_from(n + 1).ok();
            assert_eq!((month_number(name), month_number(short)), (number, number), "{name}");
        }
        assert_eq!(month_number("sept"), Some(9));
        for not_a_month in ["ju", "marc", "dece", "mon", "j"] {
            assert_eq!(month_number(not_a_month), None, "{not_a_month}");
        }
    }

    #[test]
    fn short_forms_are_abbreviations_and_whole_names_are_not() {
        for short in ["jan", "sep", "sept", "dec", "mon", "tue", "tues", "weds", "thurs", "sun"] {
            assert!(is_date_abbreviation(short), "{short}");
        }
        for whole in MONTHS.iter().chain(WEEKDAYS.iter()).chain(&["soon", "approx"]) {
            assert!(!is_date_abbreviation(whole), "{whole}");
        }
    }
}

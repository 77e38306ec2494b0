//! Dates: numeric ("15/12", "2024-12-15", "15.12.2024", "20241215"), with month names ("March 3rd",
//! "3rd of March", "the third of March", "mar3"), and days of the month ("the 14th").

use super::super::text::Token;
use super::grammar::{is_connector, noun_follows};
use super::words::{
    coarse_unit, colon_clock, day_number, has_byte, month_number, number_value, split_at_byte, year_value,
};
use super::{Facts, Locale, word};

/// A numeric date as written: the two small numbers whose order the locale decides, and the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NumericDate {
    first: u8,
    second: u8,
    year: Option<i32>,
    /// Written year first ("2024-12-15"): always year, month, day.
    iso: bool,
}

impl NumericDate {
    fn valid(day: u8, month: u8) -> bool {
        (1..=12).contains(&month) && (1..=31).contains(&day)
    }

    /// (year, month, day) in `locale`'s order, or the other order when only that one is a date.
    pub(super) fn resolve(self, locale: Locale) -> (Option<i32>, Option<u8>, Option<u8>) {
        if self.iso {
            return (self.year, Some(self.first), Some(self.second));
        }
        let day_first = (self.first, self.second);
        let month_first = (self.second, self.first);
        let (preferred, other) = match locale {
            Locale::EnGb => (day_first, month_first),
            Locale::EnUs => (month_first, day_first),
        };
        let (d, m) = if Self::valid(preferred.0, preferred.1) { preferred } else { other };
        (self.year, Some(m), Some(d))
    }
}

enum Numeric {
    Date(NumericDate),
    MonthYear(i32),
}

/// A year of two or four digits; two digits up to 50 are this century's.
fn year_of(p: &str) -> Option<i32> {
    let y: i32 = p.parse().ok()?;
    match p.len() {
        2 if y <= 50 => Some(2000 + y),
        2 => Some(1900 + y),
        4 if (1900..=2099).contains(&y) => Some(y),
        _ => None,
    }
}

/// One token of digits and separators read as a date.
fn numeric_date(w: &str, prev: &str, after_day: bool) -> Option<Numeric> {
    if w.len() == 8 && w.bytes().all(|b| b.is_ascii_digit()) {
        let (y, md) = w.split_at(4);
        let (m, d) = md.split_at(2);
        let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
        let year = year_of(y).filter(|_| NumericDate::valid(d, m))?;
        return Some(Numeric::Date(NumericDate { first: m, second: d, year: Some(year), iso: true }));
    }
    let sep = ['/', '-', '.'].into_iter().find(|c| w.contains(*c))?;
    let parts: Vec<&str> = w.split(sep).collect();
    if parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let small = |p: &str| p.parse::<u8>().ok();
    let date = |a: u8, b: u8, year: Option<i32>| {
        (NumericDate::valid(a, b) || NumericDate::valid(b, a)).then_some(Numeric::Date(NumericDate {
            first: a,
            second: b,
            year,
            iso: false,
        }))
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let (m, d) = (small(m)?, small(d)?);
            let year = year_of(y);
            NumericDate::valid(d, m).then_some(Numeric::Date(NumericDate { first: m, second: d, year, iso: true }))
        }
        [a, b, y] if a.len() <= 2 && b.len() <= 2 => date(small(a)?, small(b)?, Some(year_of(y)?)),
        // "2014-2018": a span of years.
        [a, b] if year_value(a).is_some() && year_value(b).is_some() => Some(Numeric::MonthYear(year_of(b)?)),
        [m, y] if y.len() == 4 => {
            let m = small(m)?;
            (1..=12).contains(&m).then_some(Numeric::MonthYear(year_of(y)?))
        }
        [a, b] if a.len() <= 2 && b.len() <= 2 => {
            // "10.30" is a clock; a dotted pair is a date only after "on". "10-4" after "from" or
            // "between" is a span of hours.
            let clock_context = after_day || matches!(prev, "from" | "between" | "at" | "@" | "around" | "about");
            if (sep == '.' && prev != "on") || (sep == '-' && clock_context) {
                return None;
            }
            date(small(a)?, small(b)?, None)
        }
        _ => None,
    }
}

/// "May" and "March" are months only beside a day or year or after a time word.
fn month_here(w: &str, prev: &str, next: &str) -> bool {
    !matches!(w, "may" | "march")
        || day_number(next).is_some()
        || year_value(next).is_some()
        || matches!(next, "the" | "twenty" | "thirty")
        || (w == "march" && next == "in" && matches!(prev, "" | "you" | "me" | "us" | "it" | "them"))
        || matches!(
            prev,
            "in" | "of" | "early" | "late" | "mid" | "until" | "till" | "since" | "before" | "by" | "this" | "next"
        )
        || day_number(prev).is_some()
}

/// A day of the month at `k`, also as two words ("twenty second", "thirty first", "twenty nine"):
/// its number and length in tokens.
fn day_number_at(tokens: &[Token], k: usize) -> Option<(u8, usize)> {
    let w = word(tokens, k);
    if matches!(w, "twenty" | "thirty")
        && let Some(unit) = day_number(word(tokens, k + 1))
            .or_else(|| number_value(word(tokens, k + 1)).and_then(|n| u8::try_from(n).ok()))
            .filter(|u| (1..=9).contains(u))
    {
        let base = if w == "twenty" { 20 } else { 30 };
        return (base + unit <= 31).then_some((base + unit, 2));
    }
    day_number(w).map(|d| (d, 1))
}

/// A month name ahead of `j` with only days and joining words between ("13 to the 15th of July").
fn month_ahead(tokens: &[Token], j: usize) -> bool {
    for k in j + 1..(j + 7).min(tokens.len()) {
        let w = word(tokens, k);
        if month_number(w).is_some() {
            return true;
        }
        // "from 5 to 6 on 1st Jan": "on" starts the date the hours before it are on.
        if matches!(w, "on" | "at" | "by") {
            return false;
        }
        if !(is_connector(w) || day_number(w).is_some() || matches!(w, "twenty" | "thirty")) {
            return false;
        }
    }
    false
}

/// A month and day glued together: "mar3", "oct2", "14april", "feb13".
fn glued(w: &str) -> Option<(u8, u8)> {
    let split = w.find(|c: char| c.is_ascii_digit())?;
    let (a, b) = if split == 0 {
        let end = w.find(|c: char| c.is_ascii_alphabetic())?;
        (&w[end..], &w[..end])
    } else {
        w.split_at(split)
    };
    Some((month_number(a)?, day_number(b)?))
}

/// A date at `j`; returns the tokens it took.
pub(super) fn date_at(tokens: &[Token], j: usize, prev: &str, f: &mut Facts) -> Option<usize> {
    let w = word(tokens, j);
    let next = word(tokens, j + 1);
    // "1-8 September": a span of days.
    let day_span = split_at_byte(w, b'-').and_then(|(a, b)| Some((day_number(a)?, day_number(b)?)));
    if let Some((_, last)) = day_span.filter(|_| month_number(next).is_some()) {
        f.mday = Some(last);
        (f.day, f.named_day, f.range, f.content) = (true, true, true, true);
        return Some(1);
    }
    // "2016-12-16T12:23:59": an ISO date and its time in one word.
    if let Some((date, clock)) = split_at_byte(w, b't')
        && let (Some(Numeric::Date(d)), Some(minutes)) = (numeric_date(date, prev, false), colon_clock(clock))
    {
        (f.day, f.named_day, f.clock, f.content) = (true, true, true, true);
        (f.numeric, f.clock_minutes) = (Some(d), Some(minutes));
        return Some(1);
    }
    // "6-8 next Monday": hours before a day.
    let day_follows =
        matches!(next, "next" | "this" | "tomorrow" | "today" | "on") || super::words::weekday(next).is_some();
    if let Some(n) = numeric_date(w, prev, f.day || day_follows) {
        match n {
            Numeric::Date(d) => {
                (f.day, f.named_day) = (true, true);
                f.numeric = Some(d);
            }
            Numeric::MonthYear(year) => {
                f.coarse = true;
                f.year = Some(year);
            }
        }
        f.content = true;
        return Some(1);
    }
    if let Some((month, day)) = glued(w) {
        (f.month, f.mday, f.numeric) = (Some(month), Some(day), None);
        (f.day, f.named_day, f.content) = (true, true, true);
        return Some(1);
    }
    if let Some(month) = month_number(w).filter(|_| month_here(w, prev, next)) {
        return Some(month_at(tokens, j, month, f));
    }
    // "3rd", "3rd of March", "3 March", "the third of March", "20th of next month", "the 14th"
    let (d, len) = day_number_at(tokens, j)?;
    let after = j + len;
    if coarse_unit(word(tokens, after)).is_some() {
        return None; // "the 3rd quarter", "the first week"
    }
    let day_of_month = word(tokens, after) == "day" && word(tokens, after + 1) == "of";
    let of_month = word(tokens, after) == "of"
        && matches!(word(tokens, after + 1), "this" | "next" | "the")
        && matches!(word(tokens, after + 2), "month" | "current" | "next");
    let with_month = month_ahead(tokens, j + len - 1) || day_of_month || of_month;
    let written = !w.bytes().all(|b| b.is_ascii_digit());
    let after_day = f.named_day && f.mday.is_none() && f.numeric.is_none() && (written || prev == "the");
    let lone_ordinal = written && w.starts_with(|c: char| c.is_ascii_digit()) && !noun_follows(tokens, after);
    let after_month = f.month.is_some() && f.mday.is_none() && (written || len == 2);
    // "July 13 to 15": the end of a span of days.
    let range_end =
        f.mday.is_some() && !f.clock && matches!(prev, "to" | "through" | "thru" | "till" | "until" | "and");
    // "on the 27", "the second": a day of the month on its own.
    let amount_follows = super::words::number_value(word(tokens, after)).is_some();
    let the_day = prev == "the" && !noun_follows(tokens, after) && word(tokens, after) != "of" && !amount_follows;
    if range_end {
        f.range = true;
    }
    if with_month || after_day || lone_ordinal || after_month || range_end || the_day {
        f.range = f.range || (f.mday.is_some() && f.month.is_some());
        f.mday = Some(d);
        f.numeric = None;
        (f.day, f.named_day, f.content) = (true, true, true);
        return Some(len + usize::from(day_of_month));
    }
    None
}

/// A month name at `j` and the day and year after it: "March 3rd", "Dec 2018", "May the 5th".
fn month_at(tokens: &[Token], j: usize, month: u8, f: &mut Facts) -> usize {
    // A second whole date ("Aug 8 - Aug 12"): a span.
    let earlier_date = f.mday.is_some() && f.month.is_some();
    f.month = Some(month);
    f.numeric = None;
    f.content = true;
    let mut k = j + 1;
    if word(tokens, k) == "the" && day_number_at(tokens, k + 1).is_some() {
        k += 1;
    }
    let day_range = split_at_byte(word(tokens, k), b'-').and_then(|(a, b)| Some((day_number(a)?, day_number(b)?)));
    if let Some((_, last)) = day_range {
        f.mday = Some(last);
        (f.day, f.named_day, f.range) = (true, true, true);
        k += 1;
    }
    match day_number_at(tokens, k).filter(|_| !has_byte(word(tokens, k), b':') && day_range.is_none()) {
        Some((d, len)) => {
            f.mday = Some(d);
            (f.day, f.named_day) = (true, true);
            f.range = f.range || earlier_date;
            k += len;
        }
        _ if f.mday.is_some() || day_range.is_some() => {}
        _ => {
            f.mday = None;
            f.coarse = f.coarse || !f.day;
        }
    }
    if let Some((y, len)) = year_after_date(tokens, k, f.mday.is_some()) {
        f.year = Some(y);
        k += len;
    }
    k - j
}

/// The year after a month or a date: "2019", "of 2020", "nineteen seventy two"; after a whole date
/// also "1391", "74", "of 87".
fn year_after_date(tokens: &[Token], k: usize, whole_date: bool) -> Option<(i32, usize)> {
    let of = usize::from(word(tokens, k) == "of");
    let w = word(tokens, k + of);
    if let Some(y) = year_value(w) {
        return Some((y, of + 1));
    }
    if let Some((y, len)) = year_words(tokens, k + of) {
        return Some((y, of + len));
    }
    if !whole_date || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let unit_follows = matches!(word(tokens, k + of + 1), "am" | "pm" | "a.m" | "p.m" | "o'clock" | "h");
    match w.len() {
        4 => w.parse().ok().filter(|y| (1000..=2999).contains(y)).map(|y| (y, of + 1)),
        2 if !unit_follows && (of == 1 || w.parse::<u8>().is_ok_and(|n| n > 31)) => year_of(w).map(|y| (y, of + 1)),
        _ => None,
    }
}

/// A year said in words: "nineteen seventy two", "two thousand and five", "twenty twenty".
pub(super) fn year_words(tokens: &[Token], k: usize) -> Option<(i32, usize)> {
    let w = word(tokens, k);
    let value = |s: &str| number_value(s).and_then(|n| i32::try_from(n).ok());
    if w == "two" && word(tokens, k + 1) == "thousand" {
        let mut len = 2;
        if word(tokens, k + len) == "and" {
            len += 1;
        }
        let rest = value(word(tokens, k + len)).filter(|n| *n < 100);
        return Some(rest.map_or((2000, 2), |n| (2000 + n, len + 1)));
    }
    let century = value(w).filter(|n| (10..=20).contains(n))?;
    let mut len = 1;
    if word(tokens, k + 1) == "hundred" {
        len += 1;
    }
    let tens = value(word(tokens, k + len)).filter(|n| *n < 100)?;
    len += 1;
    let units = value(word(tokens, k + len)).filter(|n| *n < 10 && tens >= 20 && tens % 10 == 0);
    Some((century * 100 + tens + units.unwrap_or(0), len + usize::from(units.is_some())))
}

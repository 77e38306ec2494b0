//! Durations and offsets from now: "in 2 hours", "within 14 days", "in 2 to 3 business days",
//! "3 days ago", "for 3 hours", "2 weeks from now", "in half an hour".

use super::super::text::Token;
use super::words::{number_value, split_at_byte, unit_minutes};
use super::{Facts, word};

/// "in 2 hours", "within 14 days", "in 2 to 3 business days", "3 days ago", "for 3 hours",
/// "2 weeks from now", "in half an hour", "3 fridays from now".
pub(super) fn duration_at(tokens: &[Token], j: usize, prev: &str, f: &mut Facts) -> Option<usize> {
    let less = prev == "than" && j >= 2 && matches!(word(tokens, j - 2), "less" | "fewer");
    // "within the hour", "in the next hour"
    let hour_ahead = (word(tokens, j) == "the" && matches!(prev, "within" | "in")) || word(tokens, j) == "next";
    if hour_ahead && word(tokens, j + 1) == "hour" {
        (f.duration, f.content) = (Some(60), true);
        return Some(2);
    }
    // "at 1600 hours" is a clock.
    if matches!(prev, "at" | "by" | "@") && matches!(word(tokens, j + 1), "hours" | "hrs" | "h") {
        return None;
    }
    if let Some((amount, unit)) = glued_duration(word(tokens, j)) {
        let anchored = matches!(prev, "in" | "within" | "inside" | "under" | "next");
        if !anchored {
            return None;
        }
        f.duration = Some(amount * unit);
        (f.instant, f.unit_min, f.content) = (prev == "in", unit, true);
        return Some(1);
    }
    let Units { end: k, total, vague_amount, largest_unit, smallest_unit, upcoming_after } = units_at(tokens, j, f);
    if k == j {
        return None;
    }
    // "in less than an hour" is within the hour.
    let less_from_now = less && j >= 3 && matches!(word(tokens, j - 3), "in" | "within");
    let mut anchored = matches!(prev, "within" | "inside" | "under" | "next" | "upcoming" | "coming" | "over")
        || f.duration.is_some()
        || less_from_now;
    let (mut instant, past) = (prev == "in", matches!(prev, "last" | "past" | "previous"));
    let (k, after) = words_after_units(tokens, k);
    anchored |= after.anchored;
    instant |= after.instant;
    let past = past || after.past;
    // "more than 4 days" is open; "less than 2 weeks" a bound, but only from an anchor ("from today").
    if prev == "than" && !less {
        f.open = true;
    }
    // "18th Dec for 10 days": a span of days from a date; "for 3 hours" only a length.
    if prev == "for" {
        f.closed = true;
        f.range = f.range || largest_unit >= 24 * 60;
        anchored = instant && k > j + 1 && matches!(word(tokens, k - 1), "now" | "today" | "tomorrow" | "tmrw");
        instant = false;
    }
    if past {
        f.past = true;
    } else if instant || anchored {
        anchored = true;
        // "within the next 2 weeks" is bounded by "within"; "the next 2 weeks" alone is a period.
        let within = j >= 3 && word(tokens, j - 2) == "the" && word(tokens, j - 3) == "within";
        let period = upcoming_after || (matches!(prev, "next" | "upcoming" | "coming") && !within);
        let upcoming_weeks = period && largest_unit >= 7 * 24 * 60;
        f.vague = f.vague || upcoming_weeks || (vague_amount && largest_unit >= 24 * 60);
        f.instant = f.instant || instant;
        f.unit_min = smallest_unit;
        f.duration = Some(f.duration.map_or(total, |d| d.max(total)));
    }
    if !anchored && !past && !f.seen {
        f.unanchored = true;
    }
    f.content = true;
    Some(k - j)
}

/// What the words right after a duration's units say of it.
#[derive(Default)]
struct AfterUnits {
    /// A span from now ("4 weeks in the future").
    anchored: bool,
    /// An offset from now or from a day ("2 weeks from now", "3 days after Tuesday").
    instant: bool,
    /// Before now ("3 days ago").
    past: bool,
}

/// Read the words at `k` after a duration's units: where reading goes on, and what they say.
fn words_after_units(tokens: &[Token], mut k: usize) -> (usize, AfterUnits) {
    let mut after = AfterUnits::default();
    match (word(tokens, k), word(tokens, k + 1)) {
        // "4 weeks in the future": a span from now, like "within 4 weeks".
        ("in", "the") if word(tokens, k + 2) == "future" => {
            after.anchored = true;
            k += 3;
        }
        ("time" | "later" | "hence", _) | ("in", "the") => {
            after.instant = true;
            k += if word(tokens, k) == "in" { 3 } else { 1 };
        }
        ("from", "now" | "today" | "tomorrow" | "tmrw") => {
            after.instant = true;
            k += 2;
        }
        ("from", "right") => {
            after.instant = true;
            k += 3;
        }
        // "4 days from yesterday", "3 days starting from Monday"
        ("from", "yesterday") | ("starting", "from") => {
            after.instant = true;
            k += 2;
        }
        ("before", "today" | "now" | "yesterday") => {
            after.past = true;
            k += 2;
        }
        ("from" | "after" | "starting", _) => {
            // "3 days from Tuesday", "2 weeks after January 15": what follows is read next.
            after.instant = true;
            k += 1;
        }
        ("ago" | "back" | "earlier", _) => {
            after.past = true;
            k += 1;
        }
        _ => {}
    }
    (k, after)
}

/// The amounts and units read from `j` on ("1 day 2 hours", "2 years 1 month 21 days").
struct Units {
    /// The token after the last unit (`j` when there is none).
    end: usize,
    /// Their sum in minutes.
    total: u32,
    /// Whether any amount was vague ("a few").
    vague_amount: bool,
    largest_unit: u32,
    smallest_unit: u32,
    /// Whether "upcoming", "coming" or "next" came between an amount and its unit.
    upcoming_after: bool,
}

/// Read amounts and their units from `j` on; "2 upcoming days" sets the duration in `f` at once.
fn units_at(tokens: &[Token], j: usize, f: &mut Facts) -> Units {
    let mut k = j;
    let mut total: u32 = 0;
    let mut vague_amount = false;
    let mut largest_unit = 0;
    let mut smallest_unit = u32::MAX;
    let mut upcoming_after = false;
    // "1 day 2 hours", "2 years 1 month 21 days"
    loop {
        let mut m = k;
        let Some(amount) = amount_at(tokens, &mut m) else { break };
        while matches!(word(tokens, m), "more" | "extra" | "business" | "working" | "calendar" | "full" | "whole") {
            m += 1;
        }
        // "2 upcoming days", "5 coming minutes"
        let upcoming = matches!(word(tokens, m), "upcoming" | "coming" | "next");
        if upcoming {
            m += 1;
            upcoming_after = true;
        }
        // "twenty second of June" is a day, not twenty seconds.
        let ordinal = word(tokens, m) == "second" && amount.doubled != 2;
        let Some(unit) = unit_minutes(word(tokens, m)).filter(|_| !ordinal) else { break };
        vague_amount |= amount.vague;
        largest_unit = largest_unit.max(unit);
        smallest_unit = smallest_unit.min(unit);
        total = total.saturating_add(amount.doubled.saturating_mul(unit) / 2);
        k = m + 1;
        if upcoming {
            f.duration = Some(total);
        }
        if word(tokens, k) == "and" && amount_at(tokens, &mut (k + 1)).is_some() {
            k += 1;
        }
    }
    Units { end: k, total, vague_amount, largest_unit, smallest_unit, upcoming_after }
}

/// An amount of units, doubled so that halves are whole.
#[derive(Debug, Clone, Copy)]
struct Amount {
    doubled: u32,
    /// "a few", "several", "a couple of": fine for minutes or hours, vague for days.
    vague: bool,
}

/// An amount at `*k`: "2", "two", "twenty five", "a", "half an", "a couple of", "a few", "2-3",
/// "2 to 3", "1/2", "2.5", "three quarters of an".
fn amount_at(tokens: &[Token], k: &mut usize) -> Option<Amount> {
    let exact = |doubled| Some(Amount { doubled, vague: false });
    let w = word(tokens, *k);
    let next = word(tokens, *k + 1);
    if matches!(w, "a" | "an") && matches!(next, "couple" | "few" | "pair") || matches!(w, "few" | "several" | "couple")
    {
        *k += if matches!(w, "a" | "an") { 2 } else { 1 };
        if word(tokens, *k) == "of" {
            *k += 1;
        }
        return Some(Amount { doubled: 6, vague: true });
    }
    if matches!(w, "a" | "an" | "one") && next == "half" || w == "half" || (w == "a" && next == "quarter") {
        *k += if w == "half" { 1 } else { 2 };
        while matches!(word(tokens, *k), "a" | "an" | "of") {
            *k += 1;
        }
        return exact(1);
    }
    if matches!(w, "three" | "three-quarters") && matches!(next, "quarters" | "quarter") || w == "three-quarters" {
        *k += if w == "three-quarters" { 1 } else { 2 };
        while matches!(word(tokens, *k), "a" | "an" | "of") {
            *k += 1;
        }
        return exact(2);
    }
    if matches!(w, "a" | "an") {
        *k += 1;
        return exact(2);
    }
    let value = |s: &str| -> Option<u32> {
        if let Some((n, d)) = split_at_byte(s, b'/') {
            let (n, d): (u32, u32) = (n.parse().ok()?, d.parse().ok()?);
            return (d > 0 && n < d).then_some(1);
        }
        if let Some((whole, _)) = split_at_byte(s, b'.') {
            return whole.parse::<u32>().ok().map(|n| n * 2 + 1);
        }
        number_value(s).map(|n| n * 2)
    };
    let mut n = if let Some((_, high)) = split_at_byte(w, b'-').filter(|(l, _)| l.parse::<u32>().is_ok()) {
        value(high)?
    } else {
        value(w)?
    };
    *k += 1;
    // "twenty five"
    if n >= 40
        && n % 20 == 0
        && n <= 180
        && let Some(unit) = number_value(word(tokens, *k)).filter(|u| *u < 10)
    {
        n += unit * 2;
        *k += 1;
    }
    // "2 to 3", "2 or 3"
    if matches!(word(tokens, *k), "to" | "or" | "-")
        && let Some(high) = value(word(tokens, *k + 1))
    {
        n = n.max(high);
        *k += 2;
    }
    if word(tokens, *k) == "and" && matches!(word(tokens, *k + 1), "a" | "an") && word(tokens, *k + 2) == "half" {
        n += 1;
        *k += 3;
    }
    exact(n)
}

/// A duration in one token: "2h", "30mins", "1hr".
fn glued_duration(w: &str) -> Option<(u32, u32)> {
    let split = w.find(|c: char| c.is_ascii_alphabetic())?;
    let (n, unit) = w.split_at(split);
    let unit = match unit {
        "h" | "hr" | "hrs" => 60,
        "min" | "mins" => 1,
        _ => return None,
    };
    // "2h", or a fraction of an hour: "1/2h" is 30 minutes.
    let minutes = match split_at_byte(n, b'/') {
        Some((a, b)) => unit * a.parse::<u32>().ok()? / b.parse::<u32>().ok().filter(|b| *b > 0)?,
        None => n.parse::<u32>().ok()? * unit,
    };
    Some((minutes, 1))
}

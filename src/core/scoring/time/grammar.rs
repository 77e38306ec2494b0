//! The grammar of a time expression: what each word adds to the reading ([`element`]), with the
//! ends of days and weeks ("end of the week") and joining words; durations are in `spans`.

use super::super::text::Token;
use super::dates::date_at;
use super::spans::duration_at;
use super::vocab::{is_plain_connector, may_be_time_word};
use super::words::{Clock, clock_at, coarse_unit, is_part_of_day, past_or_to_at, weekday, year_value};
use super::{Facts, looked_at, word};

/// Words that join or lead into the parts of an expression without saying anything themselves.
pub(super) fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "at" | "on"
            | "by"
            | "around"
            | "about"
            | "approximately"
            | "approx"
            | "roughly"
            | "the"
            | "of"
            | "in"
            | "to"
            | "and"
            | "between"
            | "until"
            | "till"
            | "til"
            | "through"
            | "thru"
            | "or"
            | "@"
            | "this"
            | "next"
            | "coming"
            | "upcoming"
            | "following"
            | "current"
            | "before"
            | "during"
            | "within"
            | "over"
            | "for"
            | "sharp"
            | "exactly"
            | "precisely"
            | "promptly"
            | "than"
            | "latest"
            | "a"
            | "an"
            | "early"
            | "late"
            | "mid"
            | "from"
            | "after"
            | "since"
            | "starting"
            | "beginning"
            | "start"
            | "end"
            | "rest"
            | "middle"
            | "later"
            | "earlier"
            | "last"
            | "past"
            | "previous"
            | "prior"
            | "very"
            | "but"
            | "as"
            | "inside"
            | "under"
            | "right"
            | "up"
            | "commencing"
    )
}

/// Words after which a bare number is a clock time: "at 4", "by 3", "between 2 and 4pm".
fn anchors_clock(w: &str) -> bool {
    matches!(
        w,
        "at" | "by"
            | "before"
            | "around"
            | "about"
            | "until"
            | "till"
            | "til"
            | "from"
            | "after"
            | "between"
            | "and"
            | "to"
            | "@"
            | "approximately"
            | "roughly"
            | "than"
            | "thru"
            | "through"
    )
}

/// A word after the expression that makes it describe a thing: "3pm appointment", "27th floor".
pub(super) fn noun_follows(tokens: &[Token], end: usize) -> bool {
    looked_at(end);
    let (Some(last), Some(t)) = (end.checked_sub(1).and_then(|k| tokens.get(k)), tokens.get(end)) else {
        return false;
    };
    t.sentence == last.sentence
        && t.clause == last.clause
        && t.text.bytes().all(|b| b.is_ascii_lowercase())
        && !is_connector(&t.text)
        && !matches!(
            t.text.as_str(),
            "with"
                | "if"
                | "when"
                | "hopefully"
                | "so"
                | "i"
                | "we"
                | "you"
                | "then"
                | "latest"
                | "or"
                | "is"
                | "will"
                | "please"
                | "sharp"
                | "onwards"
                | "ish"
        )
}

/// Words between a lead word and an amount: "in about half an hour".
pub(super) fn is_approximation(w: &str) -> bool {
    matches!(w, "about" | "around" | "approximately" | "roughly" | "just")
}

/// Read one element at `j` into `f`; returns how many tokens it took. The expression's first
/// token `start` counts only through the word before `j` and the lead word before the
/// approximations ending at `j` (see `elements.rs`, which relies on it). A plain word the grammar
/// names nowhere takes nothing and adds nothing, wherever it stands: it is not read further
/// (`vocab.rs`; debug builds, so every test run, read it in full as well and check that).
pub(super) fn element(tokens: &[Token], j: usize, start: usize, f: &mut Facts) -> Option<usize> {
    if !may_be_time_word(word(tokens, j)) {
        #[cfg(debug_assertions)]
        {
            let mut read = *f;
            assert_eq!(element_read(tokens, j, start, &mut read), None, "{}", word(tokens, j));
            assert!(read == *f, "{}", word(tokens, j));
        }
        return None;
    }
    element_read(tokens, j, start, f)
}

/// [`element`] for a word that may be part of a time. A plain connector (see
/// [`is_plain_connector`]) goes straight to [`connector_at`], the one reader that takes it; debug
/// builds (every test run) read it through every reader as well and stop if that reads otherwise.
fn element_read(tokens: &[Token], j: usize, start: usize, f: &mut Facts) -> Option<usize> {
    let w = word(tokens, j);
    if is_plain_connector(w) {
        let prev = if j > start { word(tokens, j - 1) } else { "" };
        let before = j.checked_sub(1).map_or("", |k| word(tokens, k));
        let next = word(tokens, j + 1);
        #[cfg(debug_assertions)]
        let (mut read, reach) = (*f, super::REACH.with(std::cell::Cell::get));
        let took = connector_at(w, if prev.is_empty() { before } else { prev }, next, f);
        #[cfg(debug_assertions)]
        {
            assert_eq!(element_chain(tokens, j, start, &mut read), took, "{w}");
            assert!(read == *f, "{w}");
            // What the whole chain looked at is no part of this reading: the reach stays as it was.
            super::REACH.with(|r| r.set(reach));
        }
        return took;
    }
    element_chain(tokens, j, start, f)
}

/// [`element_read`] through every reader in turn, the connectors last.
fn element_chain(tokens: &[Token], j: usize, start: usize, f: &mut Facts) -> Option<usize> {
    let w = word(tokens, j);
    let prev = if j > start { word(tokens, j - 1) } else { "" };
    let before = j.checked_sub(1).map_or("", |k| word(tokens, k));
    let next = word(tokens, j + 1);
    if let Some(n) = day_word_at(tokens, j, prev, f) {
        return Some(n);
    }
    if let Some(n) = end_of_at(tokens, j, f) {
        return Some(n);
    }
    // "15 minutes past 3pm" is a clock, not a duration.
    if let Some(clock) = past_or_to_at(tokens, j) {
        f.clock = true;
        f.clock_minutes = Some(clock.minutes);
        f.content = true;
        return Some(clock.len);
    }
    // "in about half an hour": approximations between the lead word and the amount.
    let mut lead_at = j;
    while lead_at > start && is_approximation(word(tokens, lead_at - 1)) {
        lead_at -= 1;
    }
    let lead = if lead_at > start { word(tokens, lead_at - 1) } else { "" };
    if let Some(n) = duration_at(tokens, j, lead, f) {
        return Some(n);
    }
    // Dates before clocks: "by 14 March", "on 15.12" ("at 10.30" is no date, so a clock).
    if let Some(n) = date_at(tokens, j, prev, f) {
        return Some(n);
    }
    // A year-like number ("2019") is a clock only right after "at".
    let year_like = year_value(w).is_some() && !matches!(prev, "at" | "@");
    if let Some(Clock { len, minutes, marked, range }) = clock_at(tokens, j).filter(|_| !year_like) {
        let day_after = matches!(word(tokens, j + len), "today" | "tomorrow" | "tonight" | "on" | "next" | "this")
            || weekday(word(tokens, j + len)).is_some();
        let anchored = anchors_clock(prev) || f.clock || f.day || marked || day_after;
        if anchored && !quantity_follows(tokens, j + len) {
            f.closed = f.closed || range || (f.from && f.clock);
            f.clock = true;
            f.clock_minutes = Some(minutes);
            looked_at((j + len).saturating_sub(1));
            f.either_half = minutes < 12 * 60 && !tokens[j..j + len].iter().any(|t| says_meridiem(&t.text));
            f.range = f.range || range;
            f.content = true;
            return Some(len);
        }
    }
    if weekday(w).is_some() && weekday_here(w, before) {
        // "last Friday of the month" is an ordinal, not the past.
        if prev == "last" && matches!(next, "of" | "in") {
            f.past = false;
        }
        (f.day, f.named_day, f.content) = (true, true, true);
        return Some(1);
    }
    let part = w.strip_suffix("ish").filter(|p| is_part_of_day(p)).unwrap_or(w);
    if is_part_of_day(part) && before != "good" {
        (f.part, f.content, f.either_half) = (true, true, false);
        f.part_end = f.part_end.or(super::words::part_end(part));
        f.today = f.today || prev == "this";
        if part == "night" && prev == "last" {
            f.past = true;
        }
        return Some(1);
    }
    if matches!(w, "am" | "pm" | "a.m" | "p.m") && (f.day || f.clock) {
        (f.part, f.content) = (true, true);
        return Some(1);
    }
    if let Some(n) = moment_at(tokens, j, prev, f) {
        return Some(n);
    }
    coarse_year_or_connector_at(tokens, j, prev, before, f)
}

/// The rest of [`element`]'s word classes, in order: a coarse unit ("week", "weekend"), a year (in
/// words or digits), a part of the day said another way ("after lunch", "business hours"), "w/c",
/// a deadline ("no later than"), and last a connector.
fn coarse_year_or_connector_at(tokens: &[Token], j: usize, prev: &str, before: &str, f: &mut Facts) -> Option<usize> {
    let w = word(tokens, j);
    let next = word(tokens, j + 1);
    if let Some(unit) = coarse_unit(w) {
        let edge_of_week = f.edge && matches!(w, "week" | "wk");
        // "this week-end", written apart.
        let split_weekend = w == "week" && next == "end" && !matches!(word(tokens, j + 2), "of");
        if unit == "weekend" || edge_of_week || split_weekend {
            (f.day, f.named_day, f.week_part) = (true, true, true);
        } else {
            f.coarse = true;
        }
        if matches!(w, "week" | "wk") && matches!(next, "of" | "beginning" | "commencing" | "starting") {
            f.week_of = true;
        }
        if matches!(prev, "last" | "past" | "previous") {
            f.past = true;
        }
        f.content = true;
        return Some(1 + usize::from(split_weekend));
    }
    // "two thousand and twenty", "nineteen seventy two": a year in words.
    if !matches!(prev, "at" | "@" | "by" | "around" | "about")
        && let Some((year, len)) = super::dates::year_words(tokens, j)
    {
        f.year = Some(year);
        f.coarse = f.coarse || !f.day;
        f.content = true;
        return Some(len);
    }
    let year_context = matches!(prev, "in" | "of" | "by" | "before" | "since" | "between" | "from" | "year")
        || super::words::month_number(next).is_some()
        || matches!(next, "through" | "thru" | "to" | "till" | "until");
    if let Some(year) = year_value(w).filter(|_| f.seen || year_context) {
        f.year = Some(year);
        f.coarse = f.coarse || !f.day;
        f.content = true;
        return Some(1);
    }
    // "after lunch", "after school": the part of the day that follows, not an open end.
    if w == "after" && matches!(next, "lunch" | "lunchtime" | "school" | "work") {
        (f.part, f.content) = (true, true);
        f.part_end = Some(if matches!(next, "school" | "work") { 24 * 60 } else { 18 * 60 });
        return Some(2);
    }
    if matches!(w, "business" | "office" | "working" | "school") && next == "hours" {
        (f.part, f.content) = (true, true);
        return Some(2);
    }
    // "w/c 4 Feb": the week commencing that day.
    if w == "w" && next == "c" {
        (f.week_of, f.content) = (true, true);
        return Some(2);
    }
    // "no later than 6", "not later than Friday": a deadline.
    if matches!(w, "no" | "not") && matches!(next, "later" | "earlier") && word(tokens, j + 2) == "than" {
        f.closed = true;
        return Some(1);
    }
    connector_at(w, if prev.is_empty() { before } else { prev }, next, f)
}

/// "today", "tomorrow", "yesterday", "the day after tomorrow", "the next day", "soon".
fn day_word_at(tokens: &[Token], j: usize, prev: &str, f: &mut Facts) -> Option<usize> {
    let w = word(tokens, j);
    let next = word(tokens, j + 1);
    match w {
        "today" | "tonight" | "tonite" => {
            (f.day, f.today, f.content) = (true, true, true);
            if w != "today" {
                f.part = true;
                f.part_end = Some(24 * 60);
            }
            if prev == "earlier" {
                f.past = true;
            }
            if w == "today" {
                reaches_today(f);
            }
            clear_date_at_range_end(f);
            Some(1)
        }
        "tomorrow" | "tomorrows" => {
            (f.day, f.content) = (true, true);
            clear_date_at_range_end(f);
            Some(1)
        }
        "yesterday" | "ago" | "recently" => {
            (f.past, f.content) = (true, true);
            Some(1)
        }
        "day" => day_at(tokens, j, prev, f),
        "date" if matches!(prev, "to" | "till" | "until") => {
            (f.past, f.content) = (true, true);
            Some(1)
        }
        "soon" | "sometime" | "someday" | "whenever" | "eventually" | "asap" | "shortly" => {
            (f.vague, f.content) = (true, true);
            Some(1)
        }
        "onwards" | "onward" => {
            (f.open, f.content) = (true, true);
            Some(1)
        }
        // "first thing tomorrow", "Monday first thing"; "first thing" alone is no particular day.
        "first"
            if next == "thing"
                && (f.day
                    || matches!(word(tokens, j + 2), "tomorrow" | "today" | "in" | "on" | "monday")
                    || weekday(word(tokens, j + 2)).is_some()) =>
        {
            (f.part, f.content) = (true, true);
            f.part_end = Some(10 * 60);
            Some(2)
        }
        _ => None,
    }
}

/// "day" in a phrase: "the day after tomorrow", "the next day", "the last day of October", "mid day".
fn day_at(tokens: &[Token], j: usize, prev: &str, f: &mut Facts) -> Option<usize> {
    let next = word(tokens, j + 1);
    match next {
        "after" if word(tokens, j + 2) == "tomorrow" => {
            (f.day, f.named_day, f.content) = (true, true, true);
            Some(3)
        }
        "before" if word(tokens, j + 2) == "yesterday" => {
            (f.past, f.content) = (true, true);
            Some(3)
        }
        // "the last day of October": an ordinal, not the past.
        _ if prev == "last"
            && matches!(next, "of" | "in")
            && super::words::month_number(word(tokens, j + 2)).is_some() =>
        {
            (f.day, f.named_day, f.content, f.past) = (true, true, true, false);
            Some(1)
        }
        // "the next day", "the following day", "the day after"
        _ if matches!(prev, "next" | "following") || (next == "after" && word(tokens, j + 2).is_empty()) => {
            (f.day, f.named_day, f.content) = (true, true, true);
            Some(1 + usize::from(next == "after"))
        }
        // "mid day", "early in the day"
        _ if matches!(prev, "mid" | "the") && f.edge => {
            (f.part, f.content) = (true, true);
            Some(1)
        }
        _ => None,
    }
}

/// "from Jan 1 to tomorrow": the span ends on a day counted from now, not on the date it began.
fn clear_date_at_range_end(f: &mut Facts) {
    if f.range {
        (f.year, f.month, f.mday, f.numeric) = (None, None, None, None);
    }
}

/// "from 1 Aug 2019 to today": a span from a dated day up to now is behind us.
fn reaches_today(f: &mut Facts) {
    let dated = f.year.is_some() || f.month.is_some() || f.numeric.is_some();
    if f.range && dated && !f.clock {
        f.past = true;
    }
}

/// "now", "right now", "at the moment", "at present": the moment itself.
fn moment_at(tokens: &[Token], j: usize, prev: &str, f: &mut Facts) -> Option<usize> {
    let w = word(tokens, j);
    let at_the = matches!(prev, "at" | "the" | "this");
    let moment = match w {
        "now" | "atm" => true,
        "moment" | "minute" | "present" if at_the => true,
        "time" if prev == "this" && word(tokens, j.saturating_sub(2)) == "at" => true,
        _ => false,
    };
    if !moment || (w == "now" && prev == "from") {
        return None;
    }
    // "now" is when a span starts or ends, not a time to hold anyone to ("I'll text you right now").
    if matches!(prev, "until" | "till" | "by" | "up" | "since") || (f.seen && matches!(prev, "and" | "to")) {
        f.past = true;
    } else if matches!(prev, "between" | "from") {
        (f.day, f.today) = (true, true); // "between now and Friday": a span of days
    } else {
        return None;
    }
    f.content = true;
    Some(1)
}

/// A modifier or joining word: updates the open/past/soft state.
fn connector_at(w: &str, prev: &str, next: &str, f: &mut Facts) -> Option<usize> {
    if !is_connector(w) {
        return None;
    }
    match w {
        "after" | "since" | "starting" => f.open = true,
        "from" => f.from = true,
        "between" => f.from = true,
        "to" | "until" | "till" | "til" | "through" | "thru" | "and" if f.from => {
            f.closed = true;
            f.range = true;
        }
        "to" | "through" | "thru" | "till" | "until" if f.seen => f.range = true,
        "before" | "by" | "until" | "till" => f.closed = true,
        "prior" if next == "to" => f.closed = true,
        "last" | "past" | "previous" | "prior" => f.past = true,
        "later" if next == "than" => f.open = !matches!(prev, "no" | "not"),
        "later" if prev == "or" => (f.open, f.content) = (true, true),
        // "beginning January 7th" is open; "beginning of March" an edge.
        "beginning" if next != "of" => f.open = true,
        "later" => f.soft = true,
        "earlier" if matches!(next, "today" | "this") => f.past = true,
        "early" if next == "as" => f.open = true,
        "early" | "late" | "mid" | "start" | "beginning" => f.edge = true,
        _ => {}
    }
    if f.open && f.closed && matches!(w, "before" | "by" | "until" | "till") {
        f.open = false; // "later than 3:30 but before 6"
    }
    Some(1)
}

/// A token that says which half of the day a clock is in: "am", "4pm", "10:30a.m".
fn says_meridiem(w: &str) -> bool {
    ["am", "pm", "a.m", "p.m", "a", "p"].iter().any(|m| w.ends_with(m)) && w != "o'clock"
}

/// Short weekday names that are also words ("sat", "sun", "wed") count only where a subject or
/// article does not make them something else ("I sat", "the sun").
fn weekday_here(w: &str, before: &str) -> bool {
    !matches!(w, "sat" | "sun" | "wed" | "mon")
        || !matches!(before, "i" | "we" | "they" | "he" | "she" | "it" | "the" | "a" | "was" | "were")
}

/// A number followed by a unit of quantity is not a time: "at 6.45 percent".
fn quantity_follows(tokens: &[Token], k: usize) -> bool {
    matches!(
        word(tokens, k),
        "percent"
            | "per"
            | "cent"
            | "degrees"
            | "pounds"
            | "quid"
            | "dollars"
            | "euros"
            | "pence"
            | "times"
            | "miles"
            | "km"
            | "kg"
            | "people"
            | "items"
            | "floor"
            | "adult"
            | "adults"
    )
}

/// "end of (the) day", "close of business", "end of the week", "rest of the month": part of day,
/// a day or a coarse period by what ends.
fn end_of_at(tokens: &[Token], j: usize, f: &mut Facts) -> Option<usize> {
    let w = word(tokens, j);
    match w {
        "eod" | "cob" | "eob" | "eop" => {
            (f.part, f.content) = (true, true);
            f.part_end = Some(17 * 60);
            return Some(1);
        }
        "eow" => {
            (f.day, f.named_day, f.week_part, f.content) = (true, true, true, true);
            return Some(1);
        }
        "eom" | "eoy" => {
            (f.coarse, f.content) = (true, true);
            return Some(1);
        }
        _ => {}
    }
    let rest = matches!(w, "rest" | "remainder" | "remaining");
    if !matches!(w, "end" | "close" | "start" | "beginning" | "middle") && !rest {
        return None;
    }
    let mut k = j + 1;
    if word(tokens, k) == "of" {
        k += 1;
    } else if !rest {
        return None;
    }
    while matches!(
        word(tokens, k),
        "the" | "this" | "my" | "your" | "today's" | "next" | "current" | "coming" | "following" | "around"
    ) {
        k += 1;
    }
    let unit = word(tokens, k);
    match unit {
        "day" | "business" | "play" | "shift" | "working" | "today" | "tomorrow" => {
            (f.part, f.content) = (true, true);
            f.part_end = Some(17 * 60);
            if unit == "today" {
                (f.day, f.today) = (true, true);
            }
            f.day = f.day || unit == "tomorrow";
            let extra = usize::from(unit == "working" && word(tokens, k + 1) == "day");
            Some(k - j + 1 + extra)
        }
        _ if weekday(unit).is_some() => {
            (f.part, f.day, f.named_day, f.content) = (true, true, true, true);
            Some(k - j + 1)
        }
        "week" | "wk" => {
            (f.day, f.named_day, f.week_part, f.content) = (true, true, true, true);
            Some(k - j + 1)
        }
        "month" | "year" | "quarter" => {
            (f.coarse, f.content) = (true, true);
            Some(k - j + 1)
        }
        _ => None,
    }
}

//! Reading time expressions in a response: clock times ("4pm", "1030", "half four", "quarter past
//! ten"), days and dates ("Friday", "15/12", "the third of March"), parts of day, bounded intervals
//! ("within two hours", "in 2 to 3 business days") and the end of the day or week.
//!
//! An expression is read as a whole, one token at a time, from the classes of the words it is made
//! of (no lists of sentences): each word adds what it says (a clock, a day, a coarse period such as
//! a month, a past marker, an open end) and the reading follows from the sum, so word order never
//! changes it ("today at 8:30am" = "at 8:30am today"). Vague ones ("next week", "after 2pm", "for 3
//! hours") and past ones ("last Tuesday", "3 days ago", "earlier today") are read too, so a
//! specific-looking part inside them ("Tuesday" in "last Tuesday") is never taken on its own.
//! Reading is a single forward pass over at most [`MAX_LEN`] tokens: no recursion, no backtracking.
//! A response's readings are worked out once, at every token, into a [`TimeTable`]
//! (`Analysed::times`), which every rule that asks about a time looks up.

use super::text::Token;

mod dates;
mod elements;
mod grammar;
mod spans;
mod table;
mod vocab;
mod words;

use dates::NumericDate;
use elements::Elements;
pub use table::{TimeTable, has_specific_time, own_firm_time};
pub(in crate::core::scoring) use words::month_number;
pub use words::{MONTHS, WEEKDAYS, is_date_abbreviation};

/// How numeric dates are read: en-GB (day first, "15/12" = 15 December, the default) or en-US
/// (month first, "12/15"). A date that is only valid the other way round is read that way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Locale {
    /// Day first: "03/04" is 3 April.
    #[default]
    EnGb,
    /// Month first: "03/04" is March 4.
    EnUs,
}

/// How precise a specific time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    /// Pinned within a day: a clock time, a part of day, a few hours from now.
    Time,
    /// A day: a named day or date, today or tomorrow, a bounded number of days.
    Day,
}

/// What a time expression says about when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A time a promise can be held to.
    Specific(Grain),
    /// A time too coarse or open to hold anyone to: "next week", "in March", "after 2pm".
    Vague,
    /// A time already gone: "yesterday", "last Tuesday", "3 days ago".
    Past,
}

/// One time expression read from the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeExpr {
    /// Length in tokens, from the first word read.
    pub len: usize,
    /// What it says.
    pub reading: Reading,
    /// Only "today", "tomorrow" or a part of a week ("early next week", "the weekend"): a day or
    /// a few, with no clock, part of day, date or weekday.
    pub bare_day: bool,
    /// A time that describes a thing ("your 3pm appointment") rather than when something is done.
    pub attributive: bool,
    facts: Facts,
}

impl TimeExpr {
    /// True for a specific time (of either grain).
    pub fn is_specific(&self) -> bool {
        matches!(self.reading, Reading::Specific(_))
    }

    /// True for a specific time that counts on its own, what [`TimeTable::time_at`] gives: not a
    /// bare "today" or "tomorrow".
    pub fn is_specific_beyond_bare_day(&self) -> bool {
        self.is_specific() && !self.bare_day
    }

    /// True when, said at `now`, the expression can still be held to: not past (see
    /// [`TimeExpr::is_past_at`]) and not a span of dates ending more than 14 days later.
    pub fn holds_at(&self, now: jiff::civil::DateTime, locale: Locale) -> bool {
        !self.is_past_at(now, locale) && !self.is_far_range_at(now, locale)
    }

    /// (year, month, day) of the last date the expression names, as far as it says.
    fn date(&self, locale: Locale) -> (Option<i32>, Option<u8>, Option<u8>) {
        let f = &self.facts;
        match f.numeric {
            Some(n) => n.resolve(locale),
            None => (f.year, f.month, f.mday),
        }
    }

    /// True when, said at `now`, the expression names a time already gone: a past year or month, a
    /// date with its year given before today, or a clock time or part of today already over.
    pub fn is_past_at(&self, now: jiff::civil::DateTime, locale: Locale) -> bool {
        let f = &self.facts;
        if let (Some(year), month, day) = self.date(locale) {
            let then = (year, i32::from(month.unwrap_or(12)), i32::from(day.unwrap_or(31)));
            if then < (i32::from(now.year()), i32::from(now.month()), i32::from(now.day())) {
                return true;
            }
        }
        if !f.today {
            return false;
        }
        let minutes_now = u32::try_from(i32::from(now.hour()) * 60 + i32::from(now.minute())).unwrap_or(0);
        match f.clock_minutes {
            // "between now and eight o'clock" said at 16:12: eight in the evening.
            Some(m) => m < minutes_now && !(f.either_half && m + 12 * 60 >= minutes_now),
            None => f.part_end.is_some_and(|end| end <= minutes_now),
        }
    }

    /// A span between two dates ("from 13 to 15 July") whose end is more than 14 days after `now`
    /// is a window, not a day to be held to.
    fn is_far_range_at(&self, now: jiff::civil::DateTime, locale: Locale) -> bool {
        if !self.facts.range || self.reading != Reading::Specific(Grain::Day) {
            return false;
        }
        let (year, Some(month), Some(day)) = self.date(locale) else { return false };
        let date = |y: i32| {
            let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(month), i8::try_from(day)) else {
                return None;
            };
            jiff::civil::Date::new(y, m, d).ok()
        };
        let Some(mut end) = date(year.unwrap_or(i32::from(now.year()))) else { return false };
        // A date without its year that has gone this year is next year's.
        if year.is_none() && end < now.date() {
            let Some(next) = date(i32::from(now.year()) + 1) else { return false };
            end = next;
        }
        now.date().until((jiff::Unit::Day, end)).is_ok_and(|span| span.get_days() > 14)
    }
}

/// What the words of an expression said, gathered as they are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Facts {
    /// A clock time ("4pm", "half four").
    clock: bool,
    /// A part of day ("morning", "end of day", "first thing").
    part: bool,
    /// A day: weekday, date, today/tomorrow, weekend, "end of the week".
    day: bool,
    /// The day came from a word other than "today"/"tomorrow".
    named_day: bool,
    /// A coarse period: week, month, year, season, a month name alone.
    coarse: bool,
    /// "the week of the 18th", "the week beginning February 4": a week, whatever day names it.
    week_of: bool,
    /// "early", "late", "mid" were said: "early next week" is a few days, not a week.
    edge: bool,
    /// The day is a part of a week ("early next week", "end of the week", "the weekend").
    week_part: bool,
    /// Said to be past: "yesterday", "last", "ago", "earlier today".
    past: bool,
    /// Open-ended: "after", "since", "from" with no end, "onwards", "or later".
    open: bool,
    from: bool,
    closed: bool,
    /// Between two points: "from 13 to 15 July", "between 2 and 4".
    range: bool,
    /// Vague on its own ("soon", "sometime") or softening a day ("later today").
    vague: bool,
    soft: bool,
    /// A bounded interval or offset from now, in minutes (the far end).
    duration: Option<u32>,
    /// The duration is an offset ("in 3 weeks"): a day however far.
    instant: bool,
    /// The smallest unit of the duration, in minutes ("in 1 day 2 hours": 60).
    unit_min: u32,
    /// A duration with no anchor to now ("for 3 hours", "2 weeks").
    unanchored: bool,
    /// Calendar facts, for comparing with "now".
    year: Option<i32>,
    month: Option<u8>,
    mday: Option<u8>,
    numeric: Option<NumericDate>,
    today: bool,
    clock_minutes: Option<u32>,
    /// The clock is a morning hour said without am/pm or a part of day ("at 8"): it may be the
    /// evening's too.
    either_half: bool,
    /// Minutes after midnight at which the part of day named ends (today only).
    part_end: Option<u32>,
    /// The element just read says something a reading can rest on (not only a joining word).
    content: bool,
    /// Some element before this one did.
    seen: bool,
}

/// Longest a time expression can be, in tokens (keeps reading linear in the response).
pub const MAX_LEN: usize = 16;
/// How far back an enclosing expression may start.
const LOOK_BACK: usize = 6;

std::thread_local! {
    /// The furthest token the reading under way has looked at (see [`read_from_reaching`]).
    static REACH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Note that the reading under way looked at token `i`. Every look at a token goes through here
/// (or [`word`]), so a reading knows how far its result depends on the tokens.
fn looked_at(i: usize) {
    REACH.with(|r| r.set(r.get().max(i)));
}

fn word(tokens: &[Token], i: usize) -> &str {
    looked_at(i);
    tokens.get(i).map_or("", |t| t.text.as_str())
}

/// [`read_from`], looking elements up in `elements` (kept across the calls for `i` rising over
/// the same tokens), and the furthest token it looked at: the same tokens cut anywhere after that
/// one read the same.
fn read_from_reaching(tokens: &[Token], i: usize, elements: &mut Elements) -> (Option<TimeExpr>, usize) {
    elements.forget_before(i);
    if starts_nothing(tokens, i) {
        // Nothing starts here, whatever follows: the reading rests on token `i` alone.
        return (None, i);
    }
    REACH.with(|r| r.set(i));
    let e = read_from_with(tokens, i, Some(elements));
    (e, REACH.with(std::cell::Cell::get))
}

/// The expression starting at token `i`, read whole; None when no time starts there.
fn read_from(tokens: &[Token], i: usize) -> Option<TimeExpr> {
    if starts_nothing(tokens, i) {
        return None;
    }
    read_from_with(tokens, i, None)
}

/// True when token `i` is a word the time grammar names nowhere (see `vocab.rs`): no expression
/// starts there (its first element is none), so reading from it is skipped, not worked through.
/// Debug builds read it in full too and stop if a reading starts there after all.
fn starts_nothing(tokens: &[Token], i: usize) -> bool {
    let skip = tokens.get(i).is_some_and(|t| !vocab::may_be_time_word(&t.text));
    #[cfg(debug_assertions)]
    if skip {
        assert_eq!(read_from_with(tokens, i, None), None, "{}", tokens[i].text);
    }
    skip
}

/// [`read_from`], looking elements up in `elements` when given.
fn read_from_with(tokens: &[Token], i: usize, mut elements: Option<&mut Elements>) -> Option<TimeExpr> {
    let sentence = tokens.get(i)?.sentence;
    let limit = tokens.len().min(i + MAX_LEN);
    let mut f = Facts::default();
    let mut best: Option<(usize, Facts)> = None;
    let mut j = i;
    while j < limit && {
        looked_at(j);
        tokens[j].sentence == sentence && tokens[j].quoted == tokens[i].quoted
    } {
        // "Tuesday at 4:30, and from Monday I'm…": a conjunction opening a new clause ends the
        // expression (but not the "and" of "between 2 and 4").
        let new_clause = j > i && tokens[j].clause != tokens[j - 1].clause;
        let deadline_next = matches!(word(tokens, j + 1), "before" | "by" | "until" | "till" | "no" | "not");
        let conjunction = matches!(tokens[j].text.as_str(), "and" | "or" | "but" | "so" | "then");
        if new_clause && conjunction && !f.from && !deadline_next {
            break;
        }
        f.seen = f.seen || f.content;
        f.content = false;
        let took = match elements.as_deref_mut() {
            Some(known) => known.read(tokens, j, i, &mut f),
            None => grammar::element(tokens, j, i, &mut f),
        };
        let Some(n) = took else { break };
        j += n;
        if f.content {
            best = Some((j, f));
        }
    }
    let (end, facts) = best?;
    let reading = classify(&facts)?;
    let loose = facts.week_part && facts.mday.is_none() && facts.numeric.is_none();
    let bare_day = (facts.day && !facts.named_day || loose) && !facts.clock && !facts.part && facts.duration.is_none();
    Some(TimeExpr { len: end - i, reading, bare_day, attributive: attributive(tokens, i, end, &facts), facts })
}

/// The reading of everything gathered.
fn classify(f: &Facts) -> Option<Reading> {
    let open = f.open || (f.from && !f.closed);
    if f.past {
        return Some(Reading::Past);
    }
    if open || f.vague || f.week_of || (f.unanchored && !f.clock && !f.day) {
        return Some(Reading::Vague);
    }
    let within_day = f.clock || f.part || f.duration.is_some_and(|m| m <= 12 * 60 || (f.instant && f.unit_min <= 60));
    if f.coarse && !f.day {
        return Some(Reading::Vague);
    }
    if within_day {
        return Some(Reading::Specific(Grain::Time));
    }
    if f.soft {
        return Some(Reading::Vague);
    }
    if f.day || f.duration.is_some_and(|m| f.instant || m <= 14 * 24 * 60) {
        return Some(Reading::Specific(Grain::Day));
    }
    if f.duration.is_some() || f.coarse || f.unanchored {
        return Some(Reading::Vague);
    }
    None
}

/// "your 3pm appointment", "the 10 o'clock meeting": a time naming a thing, not when it is done.
fn attributive(tokens: &[Token], start: usize, end: usize, f: &Facts) -> bool {
    let Some(before) = start.checked_sub(1).map(|k| word(tokens, k)) else { return false };
    let possessive = matches!(before, "your" | "my" | "our" | "his" | "her" | "their" | "its");
    let article = matches!(before, "the" | "a" | "an") && f.clock;
    (possessive || article) && grammar::noun_follows(tokens, end)
}

/// The expression that covers token `i`, read on its own (scoring reads it from the response's
/// [`TimeTable`], which reads each expression once; this is the tests' reference).
#[cfg(test)]
fn read_at(tokens: &[Token], i: usize) -> Option<TimeExpr> {
    read_at_with(tokens, i, |j| read_from(tokens, j))
}

/// The expression that covers token `i` (see [`TimeTable::read_at`]), reading the expression
/// starting at token `j` with `read(j)`.
fn read_at_with(tokens: &[Token], i: usize, read: impl Fn(usize) -> Option<TimeExpr>) -> Option<TimeExpr> {
    let sentence = tokens.get(i)?.sentence;
    for (j, t) in tokens.iter().enumerate().take(i).skip(i.saturating_sub(LOOK_BACK)) {
        if t.sentence != sentence {
            continue;
        }
        if let Some(e) = read(j)
            && j + e.len > i
            && !e.is_specific()
        {
            return Some(TimeExpr { len: (j + e.len).saturating_sub(i), ..e });
        }
    }
    read(i)
}

/// True when token `i` is a number written as a clock time ("10am", "16:00", "10 am"): a time,
/// not an amount, so the `{number}` slot does not take it.
pub fn clock_number_at(tokens: &[Token], i: usize) -> bool {
    words::written_as_clock(tokens, i)
}

/// An attributive time counts only as a deadline ("by your 3pm appointment").
fn counts_as_attribute(tokens: &[Token], i: usize, e: &TimeExpr) -> bool {
    e.attributive && !matches!(i.checked_sub(2).map(|k| word(tokens, k)), Some("by" | "before"))
}

#[cfg(test)]
mod tests;

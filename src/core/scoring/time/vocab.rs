//! Which words can be part of a time expression. The grammar (`grammar.rs`, `dates.rs`,
//! `spans.rs`, `words.rs`) reads a word by comparing it with words it names, or by its digits and
//! marks; a word of plain letters it names nowhere adds nothing and ends the expression, wherever
//! it stands. [`may_be_time_word`] tells those words apart with one look-up, so reading a
//! response's times skips them at once instead of asking every part of the grammar (most words of
//! an answer are such words). A test keeps [`TIME_WORDS`] complete: every plain word the grammar's
//! text names is in it, or among the few it names only beside an element. Debug builds (every test
//! run) read such a word in full as well, and stop if the grammar takes it or changes the reading.

use std::sync::OnceLock;

use super::super::keys::word_key;
use super::words::MONTHS;

/// Every word of plain letters (a-z) that the time grammar names, sorted.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "a", "about", "adult", "adults", "aft", "after", "afternoon", "afternoons", "ago", "am", "an", "and", "approx",
    "approximately", "apr", "april", "around", "arvo", "as", "asap", "at", "atm", "aug", "august", "autumn", "back",
    "before", "beginning", "between", "breakfast", "business", "but", "by", "c", "calendar", "cent", "century",
    "close", "cob", "coming", "commencing", "couple", "current", "date", "day", "days", "daytime", "dec", "decade",
    "decades", "dece", "december", "degrees", "dinner", "dinnertime", "dollars", "during", "earlier", "early",
    "eight", "eighteen", "eighteenth", "eighth", "eighty", "eleven", "eleventh", "end", "eob", "eod", "eom", "eop",
    "eow", "eoy", "euros", "evening", "evenings", "eventually", "exactly", "extra", "feb", "february", "few",
    "fewer", "fifteen", "fifteenth", "fifth", "fifty", "first", "five", "floor", "following", "for", "fortnight",
    "fortnights", "forty", "four", "fourteen", "fourteenth", "fourth", "fri", "friday", "fridays", "from", "full",
    "future", "good", "h", "half", "hence", "hour", "hours", "hr", "hrs", "hundred", "in", "inside", "ish", "items",
    "j", "jan", "january", "ju", "jul", "july", "jun", "june", "just", "kg", "km", "last", "late", "later",
    "latest", "less", "lunch", "lunchtime", "m", "mar", "marc", "march", "may", "mid", "midafternoon", "midday",
    "middle", "midmorning", "midnight", "miles", "min", "mins", "minute", "minutes", "moment", "mon", "monday",
    "mondays", "month", "months", "more", "morning", "mornings", "nd", "next", "night", "nights", "nine",
    "nineteen", "nineteenth", "ninety", "ninth", "no", "noon", "not", "nov", "november", "now", "oclock", "oct",
    "october", "of", "office", "on", "one", "onward", "onwards", "or", "over", "p", "pair", "past", "pence",
    "people", "per", "percent", "period", "play", "pm", "pounds", "precisely", "present", "previous", "prior",
    "promptly", "qtr", "quarter", "quarters", "quid", "rd", "recently", "remainder", "remaining", "rest", "right",
    "roughly", "sat", "saturday", "saturdays", "school", "sec", "second", "seconds", "secs", "sep", "sept",
    "september", "seven", "seventeen", "seventeenth", "seventh", "seventy", "several", "sharp", "shift", "shortly",
    "since", "six", "sixteen", "sixteenth", "sixth", "sixty", "someday", "sometime", "soon", "st", "start",
    "starting", "summer", "sun", "sunday", "sundays", "teatime", "ten", "tenth", "th", "than", "the", "thing",
    "third", "thirteen", "thirteenth", "thirtieth", "thirty", "this", "thousand", "three", "through", "thru", "thu",
    "thur", "thurs", "thursday", "thursdays", "til", "till", "time", "times", "tmrw", "to", "today", "tomorrow",
    "tomorrows", "tonight", "tonite", "tue", "tues", "tuesday", "tuesdays", "twelfth", "twelve", "twentieth",
    "twenty", "two", "under", "until", "up", "upcoming", "very", "w", "wed", "wednesday", "wednesdays", "weds",
    "week", "weekend", "weeks", "whenever", "whole", "winter", "within", "wk", "wkend", "wks", "work", "working",
    "year", "years", "yesterday", "yr", "yrs", "zero",
];

/// False only for a word of plain letters (a-z) that the time grammar names nowhere, in no form
/// it reads ("-ish" endings, months by their first three letters): such a word is no element of
/// a time expression (`grammar::element` reads nothing there). True for every other word.
pub(super) fn may_be_time_word(w: &str) -> bool {
    !w.bytes().all(|b| b.is_ascii_lowercase())
        || w.is_empty()
        || w.ends_with("ish")
        || time_word_keys().binary_search(&word_key(w)).is_ok()
}

/// Connectors (`grammar::is_connector`) that no reader before `grammar::connector_at` takes where
/// they stand: no number, ordinal, month, weekday, unit, part of the day, day word ("today"), edge
/// ("end of"), moment ("now"), amount ("a", "an": "an hour"), "the" or "next" ("within the hour",
/// "next hour") nor "after" ("after lunch"). Each of those readers asks for one of those words (or
/// a digit) first, so for these words all of them read nothing and change nothing.
pub(super) fn is_plain_connector(w: &str) -> bool {
    const NAMED_ELSEWHERE: [&str; 11] =
        ["the", "a", "an", "next", "after", "start", "beginning", "end", "rest", "middle", "mid"];
    super::grammar::is_connector(w) && !NAMED_ELSEWHERE.contains(&w)
}

/// The keys ([`word_key`]) of [`TIME_WORDS`] and of the months' first three letters, sorted. A
/// word whose key only collides with one of them is read in full, as before: never wrongly skipped.
fn time_word_keys() -> &'static [u64] {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let short = MONTHS.iter().filter_map(|m| m.get(..3));
        let mut keys: Vec<u64> = TIME_WORDS.iter().copied().chain(short).map(word_key).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words the grammar names only as the words around an element, never as one: the subject before
    /// a short weekday ("I sat"), the possessive before an attributive time ("your 3pm slot"), what
    /// after an expression shows it names no thing ("3pm if"), the pronoun before "march in", the
    /// conjunctions that end an expression at a new clause (read before any element is).
    const AROUND_ONLY: &[&str] = &[
        "he",
        "her",
        "his",
        "hopefully",
        "i",
        "if",
        "is",
        "it",
        "its",
        "me",
        "my",
        "our",
        "please",
        "she",
        "so",
        "their",
        "them",
        "then",
        "they",
        "us",
        "was",
        "we",
        "were",
        "when",
        "will",
        "with",
        "you",
        "your",
    ];

    /// The grammar's source, tests left out.
    const GRAMMAR: [&str; 7] = [
        include_str!("../time.rs"),
        include_str!("dates.rs"),
        include_str!("elements.rs"),
        include_str!("grammar.rs"),
        include_str!("spans.rs"),
        include_str!("table.rs"),
        include_str!("words.rs"),
    ];

    #[test]
    fn every_plain_word_the_grammar_names_is_a_time_word() {
        assert!(TIME_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
        let mut named = 0;
        for source in GRAMMAR {
            let code = source.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
            for line in code.lines().map(|l| l.split("//").next().unwrap_or_default()) {
                // The text between quotes, every other piece.
                for literal in line.split('"').skip(1).step_by(2) {
                    if !literal.is_empty() && literal.bytes().all(|b| b.is_ascii_lowercase()) {
                        named += 1;
                        let known = may_be_time_word(literal) || AROUND_ONLY.contains(&literal);
                        assert!(known, "{literal} is missing from TIME_WORDS");
                    }
                }
            }
        }
        assert!(named > 300, "{named} words named");
    }

    #[test]
    fn plain_words_outside_the_grammar_are_no_time_words() {
        let plain = ["sorry", "refund", "approved", "call", "manager", "fault", "tuesdayy", "jane", "okafor"];
        for w in plain.iter().chain(AROUND_ONLY) {
            assert!(!may_be_time_word(w), "{w}");
        }
        for w in ["friday", "jan", "noonish", "10am", "o'clock", "twenty-one", "half", "Monday", "", "3rd", "sept"] {
            assert!(may_be_time_word(w), "{w}");
        }
    }
}

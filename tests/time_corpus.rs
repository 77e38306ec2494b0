//! The time expressions of two public date-parser test suites (Duckling's English corpus and
//! Microsoft Recognizers-Text's English DateTime specs, `tests/data/times/`), each put into several
//! promise sentences and read by the built-in `specific-day` and `specific-time` detectors.
//!
//! Expected, by the suite's own category (see `tests/data/times/README.md`):
//! - specific-time: both detectors fire;
//! - specific-day: `specific-day` fires (`specific-time` may or may not);
//! - vague, past, negative: neither fires (a firing counts the sentence as a promise);
//! - present ("now", "at the moment"): reported on its own row, graded against no target (the
//!   present is no time to come; see the README).
//!
//! Each sentence is scored with the suite's reference time as "now" and the record's locale
//! (en-US reads numeric dates month first, everything else day first).
//!
//! Targets (issue 12): at least 95% of the specific sentences found, at most 2% of the vague and
//! at most 2% of the past ones counted as promises (`time_expressions_meet_the_issue_targets`).
//! `time_expressions_hold_their_measured_level` holds each category at the level measured now,
//! so a change that reads times worse fails even while the targets still hold.
//!
//! Two written rules adjust the suites' categories; neither names an expression:
//! 1. **Re-graded:** Duckling resolves whole-day offsets ("in 7 days") at hour grain, which makes
//!    them specific-time; the importer notes these records ("whole-day offset at hour grain"). They
//!    are graded as specific-day, as Recognizers-Text grades the same phrases.
//! 2. **Excluded:**
//!    - Duckling's latent examples (note "latent:"), which Duckling itself reads as times only when
//!      asked to guess, and bare numbers (note "bare number"), which the suite read as times only
//!      from the rest of their sentence ("I'll be back at seven"), which the templates replace.
//!    - Past records that are past only because of where the reference moment falls: the suite
//!      resolved them to a moment at most 31 days before its reference, and the expression says
//!      nothing of the past itself: no year, and no word of past direction (ago, last, past,
//!      previous, yesterday, earlier, before, since, "to date", "until now"). A weekday, a day of
//!      the month or a clock time named in a promise means the next such moment; the suite picked
//!      the one just gone because its reference happened to fall after it.
//!
//! `cargo test --test time_corpus -- --nocapture` prints the table; with `TIME_CORPUS_MISSES=1` set,
//! every miss too.

use std::collections::BTreeMap;

use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::{Locale, ScoringContext, run_rule_detector};
use serde::Deserialize;

const FILE: &str = "tests/data/times/time_expressions.jsonl";

/// Promise sentences an expression is put into; `{expr}` as written, `{Expr}` capitalised.
const TEMPLATES: &[&str] = &[
    "I'll call you {expr}.",
    "{Expr}, I will email you the details.",
    "You'll have an update from me {expr}.",
    "I will ring you back {expr} with the answer.",
];

#[derive(Deserialize)]
struct Record {
    source: String,
    locale: String,
    expression: String,
    reference: Option<String>,
    category: String,
    note: Option<String>,
    resolved: Option<serde_json::Value>,
}

/// Words that give an expression a past direction of its own (rule 2).
const PAST_WORDS: &[&str] =
    &["ago", "last", "past", "previous", "yesterday", "earlier", "before", "since", "date", "now", "prior"];

/// True when the expression names a year: four digits, or two after a date separator.
fn names_a_year(expression: &str) -> bool {
    let lower = expression.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let four_digits = words.iter().any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    let two_digit_year = lower.split([' ', ',']).any(|w| w.matches(['/', '-']).count() >= 2);
    let spoken = words.iter().any(|w| matches!(*w, "thousand" | "hundred" | "nineteen"));
    four_digits || two_digit_year || spoken
}

/// Days from the start of the suite's resolved value to its reference, when it can be read.
fn days_before_reference(r: &Record) -> Option<i64> {
    let resolved = r.resolved.as_ref()?;
    let value =
        ["to", "end", "value", "from", "start"].iter().find_map(|k| resolved.get(*k).and_then(|v| v.as_str()))?;
    let day = |s: &str| s.get(..10).and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let (then, reference) = (day(value)?, day(r.reference.as_deref()?)?);
    then.until((jiff::Unit::Day, reference)).ok().map(|s| i64::from(s.get_days()))
}

/// The category a record is graded by, or None when the rules at the top exclude it.
fn graded_category(r: &Record) -> Option<&str> {
    let note = r.note.as_deref().unwrap_or("");
    if note.starts_with("latent:") || note.contains("bare number") {
        return None;
    }
    if r.category == "past" {
        let lower = r.expression.to_lowercase();
        let past_word = lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| PAST_WORDS.contains(&w));
        let recent = days_before_reference(r).is_some_and(|d| (0..=31).contains(&d));
        if recent && !past_word && !names_a_year(&r.expression) {
            return None;
        }
    }
    if r.source == "duckling" && r.category == "specific-time" && note.contains("whole-day offset at hour grain") {
        return Some("specific-day");
    }
    Some(r.category.as_str())
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[derive(Default)]
struct Tally {
    sentences: usize,
    hits: usize,
    excluded: usize,
}

impl Tally {
    fn percent(&self) -> f64 {
        100.0 * self.hits as f64 / self.sentences.max(1) as f64
    }
}

/// The measured percentages: per category, and for the specific ones together.
struct Measured {
    tallies: BTreeMap<String, Tally>,
    specific: f64,
}

impl Measured {
    fn percent(&self, category: &str) -> f64 {
        self.tallies.get(category).map_or(0.0, Tally::percent)
    }
}

fn measure() -> Measured {
    let text = std::fs::read_to_string(FILE).expect("time corpus");
    let lists = Lists::new(&BTreeMap::new());
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let r: Record = serde_json::from_str(line).expect("a record");
        let Some(category) = graded_category(&r) else {
            tallies.entry(r.category.clone()).or_default().excluded += 1;
            continue;
        };
        let context = ScoringContext {
            now: r.reference.as_deref().and_then(|t| t.parse().ok()),
            locale: if r.locale == "en-US" { Locale::EnUs } else { Locale::EnGb },
        };
        for template in TEMPLATES {
            let sentence = template.replace("{expr}", &r.expression).replace("{Expr}", &capitalised(&r.expression));
            let evidence = |name: &str| run_rule_detector(name, &sentence, None, None, &lists, &context);
            let day_evidence = evidence("specific-day");
            let (day, time) = (!day_evidence.is_empty(), !evidence("specific-time").is_empty());
            let hit = match category {
                "specific-time" => day && time,
                "specific-day" => day,
                _ => day || time,
            };
            let tally = tallies.entry(category.to_string()).or_default();
            tally.sentences += 1;
            tally.hits += usize::from(hit);
            let wrong = if category.starts_with("specific") { !hit } else { hit };
            if wrong {
                let words: Vec<&str> = day_evidence.iter().map(|e| e.text.as_str()).collect();
                misses.push(format!("{category}\t{}\t{sentence}\tday={day} time={time} {words:?}", r.source));
            }
        }
    }
    println!("category        sentences  counted  percent  (excluded records)");
    for (category, t) in &tallies {
        println!("{category:<15} {:>9}  {:>7}  {:>6.1}%  ({})", t.sentences, t.hits, t.percent(), t.excluded);
    }
    if std::env::var_os("TIME_CORPUS_MISSES").is_some() {
        misses.iter().for_each(|m| println!("{m}"));
    }
    let get = |c: &str| tallies.get(c).map_or((0, 0), |t| (t.hits, t.sentences));
    let (time_hits, time_n) = get("specific-time");
    let (day_hits, day_n) = get("specific-day");
    let specific = 100.0 * (time_hits + day_hits) as f64 / (time_n + day_n).max(1) as f64;
    println!("specific (time and day together): {specific:.1}%");
    Measured { tallies, specific }
}

/// Floors at the measured level (rounded the safe way), so a change that reads times worse fails.
#[test]
fn time_expressions_hold_their_measured_level() {
    let m = measure();
    assert!(m.specific >= FLOOR_SPECIFIC, "specific times found: {:.1}% (floor {FLOOR_SPECIFIC}%)", m.specific);
    assert!(m.percent("specific-time") >= 96.0, "specific-time: {:.1}%", m.percent("specific-time"));
    assert!(m.percent("specific-day") >= 92.0, "specific-day: {:.1}%", m.percent("specific-day"));
    assert!(m.percent("vague") <= 2.0, "vague counted as promises: {:.1}% (ceiling 2%)", m.percent("vague"));
    assert!(m.percent("past") <= 1.1, "past counted as promises: {:.1}% (ceiling 1.1%)", m.percent("past"));
    assert!(m.percent("negative") <= 2.6, "non-times counted as promises: {:.1}%", m.percent("negative"));
}

/// The floor for the specific categories together (measured, rounded down).
const FLOOR_SPECIFIC: f64 = 95.0;

/// The targets of issue 12: `cargo test --test time_corpus -- --nocapture`.
#[test]
fn time_expressions_meet_the_issue_targets() {
    let m = measure();
    assert!(m.specific >= 95.0, "specific times found: {:.1}% (target 95%)", m.specific);
    assert!(m.percent("vague") <= 2.0, "vague counted as promises: {:.1}% (target 2%)", m.percent("vague"));
    assert!(m.percent("past") <= 2.0, "past counted as promises: {:.1}% (target 2%)", m.percent("past"));
}

/// Whether the `specific-day` and `specific-time` detectors fire on `sentence` said at `now`.
fn fires(sentence: &str, now: &str, locale: Locale) -> (bool, bool) {
    let lists = Lists::new(&BTreeMap::new());
    let context = ScoringContext { now: now.parse().ok(), locale };
    let fired = |name: &str| !run_rule_detector(name, sentence, None, None, &lists, &context).is_empty();
    (fired("specific-day"), fired("specific-time"))
}

const MONDAY_NINE: &str = "2024-03-18T09:00:00";

#[test]
fn word_order_never_changes_a_verdict() {
    let pairs = [
        ("I'll call you today at 8:30pm.", "I'll call you at 8:30pm today."),
        ("I'll ring you Friday at 3.", "I'll ring you at 3 on Friday."),
        ("I'll call you tomorrow morning.", "I'll call you in the morning tomorrow."),
        ("I'll email you on 22/3 by noon.", "I'll email you by noon on 22/3."),
    ];
    for (a, b) in pairs {
        let verdict = fires(a, MONDAY_NINE, Locale::EnGb);
        assert_eq!(verdict, (true, true), "{a}");
        assert_eq!(fires(b, MONDAY_NINE, Locale::EnGb), verdict, "{a} / {b}");
    }
}

#[test]
fn a_time_that_names_an_appointment_is_no_deadline() {
    for s in [
        "I'll keep the room free until your 3pm appointment.",
        "I've had it ready since your 10am meeting.",
        "I'll call you about your 3pm appointment.",
    ] {
        assert_eq!(fires(s, MONDAY_NINE, Locale::EnGb), (false, false), "{s}");
    }
    assert_eq!(fires("I'll call you before your 3pm appointment.", MONDAY_NINE, Locale::EnGb), (true, true));
}

#[test]
fn a_hedge_after_the_time_hedges_it() {
    for s in [
        "I'll have it to you by 4pm, hopefully.",
        "I'll call you Friday, I hope.",
        "We'll ring by noon, fingers crossed.",
    ] {
        assert_eq!(fires(s, MONDAY_NINE, Locale::EnGb), (false, false), "{s}");
    }
    assert_eq!(fires("I'll call you at 4pm, hopefully with good news.", MONDAY_NINE, Locale::EnGb), (true, true));
}

#[test]
fn an_abbreviated_month_keeps_the_sentence_going() {
    assert_eq!(fires("I'll send the form on Oct. 2 before noon.", MONDAY_NINE, Locale::EnGb), (true, true));
    assert_eq!(fires("I'll ring you on Tues. afternoon.", MONDAY_NINE, Locale::EnGb), (true, true));
}

#[test]
fn numeric_dates_follow_the_locale_day_first_by_default() {
    // 03/04/2024 is 3 April in en-GB (still to come on 18 March) and March 4 in en-US (gone).
    assert!(fires("I'll call you on 03/04/2024.", MONDAY_NINE, Locale::default()).0);
    assert!(!fires("I'll call you on 03/04/2024.", MONDAY_NINE, Locale::EnUs).0);
    // Only one order is a date: 25/03 and 03/25 are both 25 March, in either locale.
    assert!(fires("I'll call you on 25/03.", MONDAY_NINE, Locale::EnUs).0);
    assert!(fires("I'll call you on 03/25.", MONDAY_NINE, Locale::EnGb).0);
}

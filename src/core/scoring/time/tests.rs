use super::*;
use crate::core::scoring::text::analyse;

/// The first specific time expression in `text` (as `time_at` finds it), as the words it covers.
fn first_time(text: &str) -> Option<String> {
    let a = analyse(text);
    (0..a.tokens.len()).find_map(|i| {
        a.times()
            .time_at(i)
            .map(|len| a.tokens[i..i + len].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
    })
}

/// The reading of the first time expression in `text`, "today"/"tomorrow" included.
fn reading(text: &str) -> Option<Reading> {
    let a = analyse(text);
    (0..a.tokens.len()).find_map(|i| a.times().read_at(i).map(|e| e.reading))
}

/// A specific time at `i`, read on its own (the reference for [`TimeTable::time_at`]).
fn time_at(tokens: &[Token], i: usize) -> Option<usize> {
    let e = read_at(tokens, i)?;
    (e.is_specific_beyond_bare_day() && !counts_as_attribute(tokens, i, &e)).then_some(e.len)
}

/// A specific time of either grain at `i`, read on its own (the reference for
/// [`TimeTable::day_or_time_at`]).
fn day_or_time_at(tokens: &[Token], i: usize) -> Option<(usize, Grain)> {
    let e = read_at(tokens, i)?;
    match e.reading {
        Reading::Specific(grain) if !counts_as_attribute(tokens, i, &e) => Some((e.len, grain)),
        _ => None,
    }
}

const TIME: Option<Reading> = Some(Reading::Specific(Grain::Time));
const DAY: Option<Reading> = Some(Reading::Specific(Grain::Day));
const VAGUE: Option<Reading> = Some(Reading::Vague);
const PAST: Option<Reading> = Some(Reading::Past);

#[test]
fn clock_times() {
    assert_eq!(first_time("I'll call you at 4pm").as_deref(), Some("at 4pm"));
    assert_eq!(first_time("call at 4 pm").as_deref(), Some("at 4 pm"));
    assert_eq!(first_time("ring by 16:00").as_deref(), Some("by 16:00"));
    assert_eq!(first_time("at half past two").as_deref(), Some("at half past two"));
    assert_eq!(first_time("at four thirty").as_deref(), Some("at four thirty"));
    assert_eq!(first_time("at 10 hours in the morning").as_deref(), Some("at 10 hours in the morning"));
    assert_eq!(first_time("before noon").as_deref(), Some("before noon"));
    assert_eq!(first_time("at 3").as_deref(), Some("at 3"));
    assert_eq!(first_time("I'll ring at 1030").as_deref(), Some("at 1030"));
    assert_eq!(first_time("I'll ring at 10.30").as_deref(), Some("at 10.30"));
    assert_eq!(first_time("I'll ring you half four").as_deref(), Some("half four"));
    assert_eq!(first_time("I'll ring you quarter past ten").as_deref(), Some("quarter past ten"));
    assert_eq!(first_time("between 2 and 4pm").as_deref(), Some("between 2 and 4pm"));
    for text in ["at 1030", "10.30", "half four", "quarter past ten", "16:00", "4 pm", "3-4pm", "15h30"] {
        assert_eq!(reading(&format!("I'll call you {text}")), TIME, "{text}");
    }
}

#[test]
fn days_and_parts_of_day() {
    assert_eq!(first_time("tomorrow morning").as_deref(), Some("tomorrow morning"));
    assert_eq!(first_time("I will call tomorrow at 10").as_deref(), Some("tomorrow at 10"));
    assert_eq!(first_time("on Friday").as_deref(), Some("on friday"));
    assert_eq!(first_time("this afternoon").as_deref(), Some("this afternoon"));
    assert_eq!(first_time("tonight").as_deref(), Some("tonight"));
    assert_eq!(first_time("first thing tomorrow").as_deref(), Some("first thing tomorrow"));
    assert_eq!(reading("I'll call you tomorrow"), DAY);
    assert_eq!(reading("I'll call you this weekend"), DAY);
}

#[test]
fn word_order_never_changes_the_reading() {
    assert_eq!(reading("today at 8:30am"), reading("at 8:30am today"));
    assert_eq!(reading("at 8:30am today"), TIME);
    assert_eq!(reading("Friday at 3"), reading("at 3 on Friday"));
    assert_eq!(reading("next week on Friday"), reading("on Friday next week"));
    assert_eq!(reading("on Friday next week"), DAY);
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
    assert_eq!(reading("in 2 to 3 business days"), DAY);
    assert_eq!(reading("in 2-3 business days"), DAY);
    assert_eq!(reading("within 14 days"), DAY);
    assert_eq!(reading("in 2 weeks' time"), DAY);
    assert_eq!(reading("by the end of the week"), DAY);
    assert_eq!(reading("within 3 years"), VAGUE);
    assert_eq!(reading("for 3 hours"), VAGUE);
}

#[test]
fn dates_day_first_by_default() {
    assert_eq!(first_time("on the 14th").as_deref(), Some("on the 14th"));
    assert_eq!(first_time("by 14 March").as_deref(), Some("by 14 march"));
    assert_eq!(first_time("on March 3rd").as_deref(), Some("on march 3rd"));
    assert_eq!(first_time("on the third of March").as_deref(), Some("on the third of march"));
    for text in ["on 15/12", "on 15.12", "on 2024-12-15", "by 15/12/2024", "the 3rd of March", "Oct 2"] {
        assert_eq!(reading(&format!("I'll call you {text}")), DAY, "{text}");
    }
    let a = analyse("on 03/04/2024");
    let e = read_at(&a.tokens, 0).expect("a date");
    let day = |s: &str| s.parse::<jiff::civil::DateTime>().expect("datetime");
    // 3 April 2024 in en-GB, March 4 in en-US.
    assert!(!e.is_past_at(day("2024-03-20T09:00:00"), Locale::EnGb));
    assert!(e.is_past_at(day("2024-03-20T09:00:00"), Locale::EnUs));
    // 15/12 can only be day first; 12/15 only month first.
    let late = analyse("on 12/15/2024");
    let e = read_at(&late.tokens, 0).expect("a date");
    assert!(!e.is_past_at(day("2024-12-01T09:00:00"), Locale::EnGb));
    assert!(e.is_past_at(day("2024-12-20T09:00:00"), Locale::EnGb));
}

#[test]
fn past_times_are_read_as_past() {
    for text in ["last Tuesday", "yesterday", "3 days ago", "earlier today", "by 3pm yesterday", "last night"] {
        assert_eq!(reading(&format!("I called you {text}")), PAST, "{text}");
        assert_eq!(first_time(&format!("I called you {text}")), None, "{text}");
    }
    let a = analyse("in 2019");
    let e = read_at(&a.tokens, 0).expect("a year");
    assert!(e.is_past_at("2024-01-01T09:00:00".parse().expect("datetime"), Locale::EnGb));
}

#[test]
fn times_that_name_a_thing_are_not_deadlines() {
    for text in ["until your 3pm appointment", "since your 3pm appointment", "about your 3pm appointment"] {
        assert_eq!(first_time(&format!("I'll call you {text}")), None, "{text}");
    }
    assert!(first_time("I'll call you before your 3pm appointment").is_some());
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
        "after 2pm",
        "in March",
        "rates were at 6.45 percent",
        "3 30",
        "25",
        "I sat down",
        "you may not",
        "in 2019",
    ] {
        assert_eq!(first_time(text), None, "{text}");
    }
}

#[test]
fn comparisons_and_conjunctions() {
    assert_eq!(reading("I'll call you no later than 6pm"), TIME);
    assert_eq!(reading("I'll call you later than 3:30pm but before 6pm"), TIME);
    assert_eq!(
        first_time("I'll come to your desk Tuesday at 4:30, and from Monday you're on earlies").as_deref(),
        Some("tuesday at 4:30")
    );
    assert_eq!(reading("I'll call you at 4pm or later"), VAGUE);
    assert_eq!(reading("I'll call you more than 4 days from now"), VAGUE);
}

#[test]
fn spans_of_dates_far_ahead_are_windows() {
    let a = analyse("I'll call you from 13 to 15 July");
    let e = (0..a.tokens.len()).find_map(|i| read_at(&a.tokens, i)).expect("a span");
    assert_eq!(e.reading, Reading::Specific(Grain::Day));
    let at = |s: &str| s.parse::<jiff::civil::DateTime>().expect("datetime");
    assert!(e.holds_at(at("2024-07-08T09:00:00"), Locale::EnGb));
    assert!(!e.holds_at(at("2024-02-01T09:00:00"), Locale::EnGb));
}

/// Whether `text` said at `now` (en-GB) holds a time still to come.
fn holds(text: &str, now: &str) -> bool {
    let a = analyse(text);
    let now = now.parse::<jiff::civil::DateTime>().expect("datetime");
    (0..a.tokens.len()).find_map(|i| read_at(&a.tokens, i)).is_some_and(|e| e.holds_at(now, Locale::EnGb))
}

#[test]
fn a_morning_hour_without_am_can_be_the_evenings() {
    // Said at a quarter past four in the afternoon, "eight o'clock" is still to come.
    assert!(holds("I'll ring you between now and eight o'clock", "2024-05-07T16:15:00"));
    assert!(holds("I'll ring you at 9 today", "2024-05-07T16:15:00"));
    // With am, or in the morning, it is gone.
    assert!(!holds("I'll ring you at 9am today", "2024-05-07T16:15:00"));
    assert!(!holds("I'll ring you at 9 this morning", "2024-05-07T16:15:00"));
}

#[test]
fn more_ways_of_writing_a_day() {
    assert_eq!(reading("I'll pop round this week-end"), DAY);
    assert_eq!(first_time("we'll ring on the last day of June").as_deref(), Some("on the last day of june"));
    assert_eq!(reading("I'll send it 2025-06-02T09:30:00"), TIME);
    assert_eq!(reading("you'll hear within the next 2 weeks"), DAY);
    assert_eq!(reading("you'll hear in the next 2 weeks"), VAGUE);
    // "5 to 6" are hours on the date after them, not the 5th.
    assert_eq!(reading("I'll be with you from 5 to 6 on 1st June"), TIME);
}

#[test]
fn after_a_meal_or_the_working_day_is_a_part_of_day() {
    assert_eq!(reading("I'll call you after lunch"), TIME);
    assert_eq!(reading("I'll drop it in after work"), TIME);
    assert_eq!(reading("I'll call you after 2pm"), VAGUE);
}

#[test]
fn spans_from_now_and_weeks_by_their_first_day_are_not_days() {
    assert_eq!(reading("I'll have it 3 hours in the future"), TIME);
    assert_eq!(reading("I'll have it 5 weeks in the future"), VAGUE);
    assert_eq!(reading("we'll start w/c 4 March"), VAGUE);
    assert_eq!(reading("it's booked for the first 2 weeks of August"), VAGUE);
    assert_eq!(reading("I'll see you March in a year"), VAGUE);
    // "two quarter" is no clock time ("two fifteen" is).
    assert_ne!(reading("in the upcoming two quarter"), TIME);
    assert_eq!(reading("I'll call at two fifteen"), TIME);
}

#[test]
fn an_abbreviated_month_does_not_end_the_sentence() {
    assert_eq!(first_time("I'll call you on Oct. 2 at 4pm").as_deref(), Some("on oct 2 at 4pm"));
}

#[test]
fn a_clock_written_number_is_not_an_amount() {
    let a = analyse("call at 10am or 10 am or 16:00, pay 10.30 or 10");
    let clock: Vec<&str> =
        (0..a.tokens.len()).filter(|&i| clock_number_at(&a.tokens, i)).map(|i| a.tokens[i].text.as_str()).collect();
    assert_eq!(clock, ["10am", "10", "16:00"]);
}

/// The table gives at every token what reading that token on its own gives: over the whole
/// response, and (for the `{time}` slot) with each sentence read as if the response ended there.
/// Checked on the time corpus's expressions, three to a response, across sentence ends.
#[test]
fn the_table_reads_every_token_as_reading_it_alone_does() {
    let corpus = include_str!("../../../../tests/data/times/time_expressions.jsonl");
    let expressions: Vec<String> = corpus
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v.get("expression").and_then(|e| e.as_str()).map(str::to_string))
        .collect();
    assert!(expressions.len() > 1000, "the corpus is read");
    let joins = [". ", " ", ", and ", "? "];
    for (n, three) in expressions.chunks(3).enumerate() {
        let text = format!("I'll call {} the {}", three.join(joins[n % joins.len()]), "appointment");
        let a = analyse(&text);
        let (times, by_sentence) = TimeTable::whole_and_by_sentence(&a.tokens, &a.sentences);
        for i in 0..a.tokens.len() {
            assert_eq!(times.read_at(i), read_at(&a.tokens, i), "{text:?} at {i}");
            assert_eq!(times.time_at(i), time_at(&a.tokens, i), "{text:?} at {i}");
            assert_eq!(times.day_or_time_at(i), day_or_time_at(&a.tokens, i), "{text:?} at {i}");
            let s = &a.sentences[a.tokens[i].sentence];
            assert_eq!(by_sentence.time_at(i), time_at(&a.tokens[..s.end], i), "{text:?} at {i} alone");
        }
    }
}

/// A plain connector goes straight to `connector_at`; debug builds read it through every reader
/// as well and stop if that reads otherwise. Every reading of these answers, from every token and
/// as the tables and the `{time}` slot read them, puts that to the test.
#[test]
fn plain_connectors_read_as_every_reader_would() {
    let answers = [
        "ring u back by 4 or b4 half 5 at latest",
        "We'll have it to you within the next hour, or by close of play on Weds.",
        "from nine till quarter to six, Monday through Friday, as of the 3rd",
        "Not before 2pm I'm afraid, and not over the weekend either.",
        "I shall contact you on or around 14/03 regarding the matter, since during March the office shuts early.",
        "lol yeah as if they'd call before lunch. up to u, over to you @ 10:30 sharp",
        "It's going to take between two and three working days, starting from tomorrow, for the refund.",
        "Sorry, for the last time: than that I can't do sooner than in a fortnight's time.",
    ];
    for text in answers {
        let a = analyse(text);
        let _ = a.times();
        for i in 0..a.tokens.len() {
            let _ = (read_at(&a.tokens, i), read_from(&a.tokens[..(i + 2).min(a.tokens.len())], i));
        }
    }
    for w in ["at", "on", "by", "to", "of", "for", "until", "@", "within", "than", "over", "sharp"] {
        assert!(super::vocab::is_plain_connector(w), "{w}");
    }
    for w in ["the", "a", "an", "next", "after", "end", "rest", "noon", "half", "sorry"] {
        assert!(!super::vocab::is_plain_connector(w), "{w}");
    }
}

//! Tests of the checks made after parsing.

use super::*;
use crate::core::scenario::Matcher;
use crate::core::scenario::parse::parse;
use crate::core::scenario::pattern::Pattern;

pub(crate) const GOOD: &str = include_str!("../../../../tests/fixtures/good/minimal.ron");

fn check(text: &str) -> Vec<Diagnostic> {
    let (scenario, map) = parse::<Scenario>(text).expect("parses");
    let mut lexicon = Lexicon::default();
    lexicon.sets.insert("apology".into(), vec!["sorry".into()]);
    let mut r = Reporter::new("t.ron", text, &map);
    validate_scenario(&scenario, &lexicon, &mut r);
    r.diagnostics
}

fn codes(text: &str) -> Vec<&'static str> {
    check(text).iter().map(|d| d.code).collect()
}

#[test]
fn minimal_scenario_is_clean() {
    assert_eq!(check(GOOD), vec![]);
}

#[test]
fn dangling_branch_is_located_with_suggestion() {
    let text = GOOD.replace("goto: \"escalation\"", "goto: \"escalaton\"");
    let d = check(&text);
    let e = d.iter().find(|d| d.code == "unknown-turn").expect("dangling");
    assert_eq!(e.hint.as_deref(), Some("did you mean `escalation`?"));
    let line = text.lines().position(|l| l.contains("escalaton")).expect("line") + 1;
    assert_eq!(e.start.map(|p| p.line), Some(line));
}

#[test]
fn not_works_only_inside_all_and_is_located() {
    let blames = r#"detect: [Detector("blame-shifting"), Regex("(?i)corporate")]"#;
    let inside =
        GOOD.replace(blames, r#"detect: [All([Detector("blame-shifting"), Not(Phrase("the system was down"))])]"#);
    assert_eq!(check(&inside), vec![]);
    let outside = GOOD.replace(blames, r#"detect: [Detector("blame-shifting"), Not(Phrase("the system was down"))]"#);
    let d = check(&outside);
    let e = d.iter().find(|d| d.code == "not-outside-all").expect("not outside All");
    let line = outside.lines().position(|l| l.contains("Not(")).expect("line") + 1;
    assert_eq!(e.start.map(|p| p.line), Some(line));
    let only_not = GOOD.replace(blames, r#"detect: [All([Not(Detector("blame-shifting"))])]"#);
    assert_eq!(codes(&only_not), ["only-not"]);
    let double = GOOD.replace(blames, r#"detect: [All([Detector("blame-shifting"), Not(Not(Phrase("x")))])]"#);
    assert_eq!(codes(&double), ["double-not"]);
    let bad_inner = GOOD.replace(blames, r#"detect: [All([Detector("blame-shifting"), Not(Phrase("(the system"))])]"#);
    let d = check(&bad_inner);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["bad-pattern"]);
    let col = bad_inner.lines().find(|l| l.contains("Not(")).and_then(|l| l.find("(the system")).expect("col");
    assert_eq!(d[0].start.map(|p| p.column), Some(col + 1), "points inside the excluded phrase");
}

#[test]
fn a_not_nested_too_deep_is_refused_with_a_hint_like_the_other_nesting_errors() {
    let (mut scenario, map) = parse::<Scenario>(GOOD).expect("parses");
    let not = Matcher::Not(Box::new(Matcher::Phrase("the system was down".into())));
    let mut m = Matcher::All(vec![Matcher::Detector("blame-shifting".into()), not]);
    // MAX_NESTING `All`s: the innermost is at depth MAX_NESTING - 1, so its `Not` is one too deep.
    for _ in 1..MAX_NESTING {
        m = Matcher::All(vec![m]);
    }
    scenario.turns[0].rubric[2].detect = vec![m];
    let mut lexicon = Lexicon::default();
    lexicon.sets.insert("apology".into(), vec!["sorry".into()]);
    let mut r = Reporter::new("t.ron", GOOD, &map);
    validate_scenario(&scenario, &lexicon, &mut r);
    let deep: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "too-deep").collect();
    assert_eq!(deep.len(), 1, "{:#?}", r.diagnostics);
    assert!(deep[0].hint.as_deref().is_some_and(|h| h.contains("write it flat")), "{:?}", deep[0].hint);
}

#[test]
fn sentence_is_checked_like_all_and_located() {
    let blames = r#"detect: [Detector("blame-shifting"), Regex("(?i)corporate")]"#;
    let good = GOOD.replace(blames, r#"detect: [Sentence([Detector("specific-time"), Not(Phrase("the crew"))])]"#);
    assert_eq!(check(&good), vec![]);
    assert_eq!(codes(&GOOD.replace(blames, r#"detect: [Sentence([])]"#)), ["empty-list"]);
    assert_eq!(codes(&GOOD.replace(blames, r#"detect: [Sentence([Not(Phrase("x"))])]"#)), ["only-not"]);
    let unknown = GOOD.replace(blames, r#"detect: [Sentence([Detector("specific-tme")])]"#);
    let d = check(&unknown);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["unknown-detector"]);
    let line = unknown.lines().position(|l| l.contains("specific-tme")).expect("line") + 1;
    assert_eq!(d[0].start.map(|p| p.line), Some(line));
}

#[test]
fn ranges_are_enforced() {
    let text = GOOD.replace("importance: 4", "importance: 9").replace("time_limit: 60", "time_limit: 2");
    let c = codes(&text);
    assert_eq!(c.iter().filter(|c| **c == "out-of-range").count(), 2, "{c:?}");
}

#[test]
fn zero_weight_is_refused() {
    assert!(codes(&GOOD.replace("weight: 3", "weight: 0")).contains(&"bad-weight"));
}

#[test]
fn dead_ends_and_unreachable_turns() {
    let text = GOOD.replace("final: true,\n            // end-of-close", "// end-of-close");
    let c = codes(&text);
    assert!(c.contains(&"dead-end"), "{c:?}");
    let text = GOOD.replace("(when: Met(\"blames\"), goto: \"escalation\")", "");
    assert!(codes(&text).contains(&"unreachable-turn"));
}

#[test]
fn voice_paths_stay_inside_assets() {
    assert!(codes(&GOOD.replace("voices/minimal.wav", "../secret.wav")).contains(&"voice-outside-assets"));
    assert!(codes(&GOOD.replace("voices/minimal.wav", "/etc/passwd.wav")).contains(&"voice-outside-assets"));
    assert!(codes(&GOOD.replace("voices/minimal.wav", "voices/minimal.mp3")).contains(&"voice-format"));
}

#[test]
fn patterns_slots_sets_and_detectors_are_checked() {
    assert!(codes(&GOOD.replace("{time}", "{tme}")).contains(&"unknown-slot"));
    assert!(codes(&GOOD.replace("@apology", "@apologies")).contains(&"unknown-set"));
    assert!(codes(&GOOD.replace("blame-shifting", "blame-shiftng")).contains(&"unknown-detector"));
    assert!(codes(&GOOD.replace("Regex(\"(?i)corporate\")", "Regex(\"(corporate\")")).contains(&"bad-pattern"));
}

#[test]
fn author_tests_must_name_real_criteria() {
    assert!(codes(&GOOD.replace("met: [\"owns-it\"]", "met: [\"owns\"]")).contains(&"unknown-criterion"));
}

fn with_script(lines: &str) -> String {
    GOOD.replacen("next: \"close\",", &format!("next: \"close\",\n            script: [{lines}],"), 1)
}

#[test]
fn script_lines_are_optional_and_checked() {
    let good = with_script(
        "(role: Opening, text: \"Ms Lee, it's the branch.\"), (role: Commitment, text: \"I'll call you at 4pm today.\")",
    );
    assert_eq!(check(&good), vec![]);
    let long = format!("(role: Other, text: \"{}\")", "word ".repeat(81));
    assert_eq!(codes(&with_script(&long)), ["script-too-long"]);
    assert_eq!(codes(&with_script("(role: BadNews, text: \" \")")), ["empty-text"]);
    let text = with_script("(role: Opening, text: \"Hello.\"), (role: Commitment, text: \"I'll call you soon.\")");
    let d = check(&text);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["commitment-without-time"]);
    let line = text.lines().position(|l| l.contains("call you soon")).expect("line") + 1;
    let column = text.lines().nth(line - 1).and_then(|l| l.find("\"I'll call")).expect("column") + 1;
    assert_eq!(d[0].start.map(|p| (p.line, p.column)), Some((line, column)));
    assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("specific")));
    for vague in ["I'll call you tomorrow.", "I'll get back to you later.", "You said 4pm, I'll call soon."] {
        let text = with_script(&format!("(role: Commitment, text: \"{vague}\")"));
        assert_eq!(codes(&text), ["commitment-without-time"], "{vague}");
    }
    for specific in [
        "Friday, 8am, at your door.",
        "I'll ring you tomorrow morning.",
        "By end of day today.",
        "I'll ring you today at one o'clock, whatever I have by then.",
    ] {
        let text = with_script(&format!("(role: Commitment, text: \"{specific}\")"));
        assert_eq!(check(&text), vec![], "{specific}");
    }
    let unknown = with_script("(role: Promise, text: \"x\")");
    assert!(parse::<Scenario>(&unknown).is_err());
}

#[test]
fn loops_without_an_exit_are_errors() {
    let text =
        GOOD.replace("final: true,\n            // end-of-close", "next: \"opening\",\n            // end-of-close");
    assert!(codes(&text).contains(&"endless-loop"), "{:?}", codes(&text));
}

#[test]
fn a_criterion_hint_is_optional_and_an_empty_one_is_located() {
    let time = r#"(id: "time", label: "Specific time", kind: Required, weight: 2, "#;
    let hinted = GOOD.replace(time, &format!("{time}hint: \"Say when: \\\"at 4pm today\\\".\", "));
    assert_eq!(check(&hinted), vec![]);
    let empty = GOOD.replace(time, &format!("{time}hint: \"  \", "));
    let d = check(&empty);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["empty-text"]);
    let line = empty.lines().position(|l| l.contains("hint: \"  \"")).expect("line") + 1;
    assert_eq!(d[0].start.map(|p| p.line), Some(line));
}

#[test]
fn a_turn_over_the_compiled_size_limit_is_located_at_the_phrase_that_crosses_it() {
    let mut lexicon = Lexicon::default();
    lexicon.sets.insert("apology".into(), vec!["sorry".into()]);
    let size = |p: &str| patterns::program_size(&Pattern::parse(p).expect("parses"), &lexicon);
    // The minimal scenario's own phrases come first.
    let base = size("@apology * my fault") + size("call [you] (at | by) {time}");
    let phrase = |n: usize| format!("{} never{n}", vec!["(sorry | apologise) [very] (truly | really)"; 20].join(" "));
    let each = size(&phrase(0));
    let needed = (MAX_TURN_PROGRAM - base) / each + 1;
    let phrases: Vec<String> = (0..needed).map(|n| format!("Phrase(\"{}\")", phrase(n))).collect();
    let blames = r#"detect: [Detector("blame-shifting"), Regex("(?i)corporate")]"#;
    let text = GOOD.replace(blames, &format!("detect: [\n{}]", phrases.join(",\n")));
    let d = check(&text);
    let e = d.iter().find(|d| d.code == "too-big").expect("over the limit");
    let crossing = format!("never{}\"", needed - 1);
    let line = text.lines().position(|l| l.contains(&crossing)).expect("line") + 1;
    assert_eq!(e.start.map(|p| p.line), Some(line), "at the phrase that crosses the limit");
    assert_eq!(e.start.map(|p| p.column), Some("Phrase(".len() + 1), "at the phrase, on its opening quote");
    assert!(e.message.contains(&format!("{} matching steps", base + each * needed)), "{}", e.message);
    assert!(e.message.contains(&MAX_TURN_PROGRAM.to_string()), "{}", e.message);
    assert!(e.hint.is_some());
    // The same phrase again costs nothing more: it is compiled and matched once.
    let repeated: Vec<String> = (0..needed).map(|_| format!("Phrase(\"{}\")", phrase(0))).collect();
    let text = GOOD.replace(blames, &format!("detect: [{}]", repeated.join(", ")));
    assert!(check(&text).iter().all(|d| d.code != "too-big"));
}

#[test]
fn regexes_count_toward_the_compiled_size_limit() {
    let blames = r#"detect: [Detector("blame-shifting"), Regex("(?i)corporate")]"#;
    let regex = format!("(?i)corporate{}", "|head office".repeat(20));
    let with = |n: usize| {
        let regexes: Vec<String> = (0..n).map(|_| format!("Regex(\"{regex}\")")).collect();
        GOOD.replace(blames, &format!("detect: [{}]", regexes.join(", ")))
    };
    let each = regex.chars().count();
    assert!(check(&with(3)).iter().all(|d| d.code != "too-big"), "a few regexes are fine");
    let many = MAX_TURN_PROGRAM / each + 1;
    assert!(many <= 64, "{many} regexes fit in one criterion");
    let d = check(&with(many));
    let e = d.iter().find(|d| d.code == "too-big").expect("many long regexes are over the limit");
    assert!(e.message.contains("a regex one step per character"), "{}", e.message);
}

#[test]
fn a_commitment_line_whose_time_reads_as_vague_says_so() {
    let text = with_script(
        "(role: Commitment, text: \"Dr Osei will ring you today at 4:15, as soon as she is out of surgery.\")",
    );
    let d = check(&text);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["commitment-without-time"]);
    assert!(d[0].message.contains("4:15") && d[0].message.contains("vague"), "{}", d[0].message);
    assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("as soon as")), "{:?}", d[0].hint);
    // Said apart, the same promise is accepted, as the hint suggests.
    let apart = with_script(
        "(role: Commitment, text: \"Dr Osei will ring you today at 4:15. She will be out of surgery by then.\")",
    );
    assert_eq!(check(&apart), vec![]);
}

fn check_with(text: &str, lexicon: &Lexicon) -> Vec<Diagnostic> {
    let (scenario, map) = parse::<Scenario>(text).expect("parses");
    let mut r = Reporter::new("t.ron", text, &map);
    validate_scenario(&scenario, lexicon, &mut r);
    r.diagnostics
}

#[test]
fn built_in_lists_need_no_lexicon_file() {
    let none = Lexicon::default();
    assert_eq!(check_with(GOOD, &none), vec![], "`@apology` is a built-in list");
    let vague = GOOD.replace("@apology * my fault", "@vague-time");
    assert_eq!(check_with(&vague, &none), vec![]);
    let d = check_with(&GOOD.replace("@apology", "@vage-time"), &none);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["unknown-set"]);
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `vague-time`?"));
    let d = check_with(&GOOD.replace("@apology", "@nothing-like-it"), &none);
    assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("lexicon.ron") && h.contains("blame-target")));
}

fn lexicon_diagnostics(text: &str) -> Vec<Diagnostic> {
    let (lexicon, map) = parse::<Lexicon>(text).expect("parses");
    let mut r = Reporter::new("lexicon.ron", text, &map);
    crate::core::scenario::validate::validate_lexicon(&lexicon, &mut r);
    r.diagnostics
}

#[test]
fn lexicon_members_may_be_patterns_without_other_sets() {
    let good =
        r#"Lexicon(format_version: 1, sets: {"own-call-back": ["I will (call | ring) you * {hour}", "money back"]})"#;
    assert_eq!(lexicon_diagnostics(good), vec![]);
    let bad = "Lexicon(format_version: 1, sets: {\n  \"own-call\": [\"I will (call | ring you\"],\n})";
    let d = lexicon_diagnostics(bad);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["bad-pattern"]);
    assert_eq!(d[0].start.map(|p| p.line), Some(2), "{d:?}");
    let nested = r#"Lexicon(format_version: 1, sets: {"own-call": ["I will @contact-verb you"]})"#;
    let d = lexicon_diagnostics(nested);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["set-in-set"]);
    assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("(call | ring | phone)")), "{d:?}");
    let slot = r#"Lexicon(format_version: 1, sets: {"own-call": ["ring you {hours}"]})"#;
    assert_eq!(lexicon_diagnostics(slot).iter().map(|d| d.code).collect::<Vec<_>>(), ["unknown-slot"]);
}

#[test]
fn the_manual_lists_every_limit_with_its_number_and_error_code() {
    use crate::core::scenario::parse::MAX_FILE_BYTES;
    use crate::core::scenario::pattern::{MAX_GAPS, MAX_OPTIONAL_GROUPS, MAX_PATTERN_CHARS};
    let manual = include_str!("../../../../docs/scenario-format.md");
    let start = manual.find("### Limits").expect("the manual has a Limits section");
    let section = &manual[start..start + manual[start..].find("\n## ").expect("a section after it")];
    /// 7000 as the manual writes it: 7,000.
    fn grouped(n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }
    let limits = [
        (MAX_FILE_BYTES, "`file-too-large`"),
        (MAX_PATTERN_CHARS as u64, "`bad-pattern`"),
        (crate::core::scenario::pattern::MAX_NESTING as u64, "`bad-pattern`"),
        (MAX_GAPS as u64, "`bad-pattern`"),
        (MAX_OPTIONAL_GROUPS as u64, "`bad-pattern`"),
        (MAX_NESTING as u64, "`too-deep`"),
        (MAX_CRITERIA_PER_TURN as u64, "`too-many`"),
        (MAX_MATCHERS_PER_CRITERION as u64, "`too-many`"),
        (MAX_TURN_PROGRAM as u64, "`too-big`"),
        (MAX_SCRIPT_LINE_CHARS as u64, "`script-too-long`"),
    ];
    for (limit, code) in limits {
        let row = section.lines().find(|l| {
            l.ends_with(&format!("| {code} |")) && l.split('|').nth(2).is_some_and(|n| n.contains(&grouped(limit)))
        });
        assert!(row.is_some(), "no row with {} and {code} in:\n{section}", grouped(limit));
    }
    assert!(section.contains(&grouped(crate::core::scoring::MAX_RESPONSE_CHARS as u64)), "the answer length");
}

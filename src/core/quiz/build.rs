//! Building questions from one scenario, verified with the scoring detectors.

use super::{Question, QuestionKind};
use crate::core::scenario::{AuthorTest, CriterionKind, Matcher, Play, Scenario, Turn};
use crate::core::scoring::detectors::{DetectorContext, Range, detect};
use crate::core::scoring::lists::Lists;
use crate::core::scoring::phrase::{Names, name_words};
use crate::core::scoring::text::{Analysed, analyse};

/// The detector a specific promise must satisfy.
pub(super) const SPECIFIC: &str = "specific-time-commitment";
/// The detector a specific promise must not trip.
pub(super) const HEDGED: &str = "hedged-commitment";
/// The detector that recognises blame.
pub(super) const BLAME: &str = "blame-shifting";
/// Vague stand-ins for a specific time, tried in turn until one verifies as not specific.
const VAGUE: &[&str] = &["soon", "as soon as I can", "later this week", "when I hear back", "in a bit"];
/// Prepositions a time takes with it when the time itself does not start with one.
const LEADING: &[&str] = &["by", "at", "on", "before", "until", "till", "from", "around", "for", "between"];
/// Day words a time takes with it when it is blurred ("by 3pm tomorrow" is one time).
const DAY_WORDS: &[&str] = &["today", "tomorrow", "tonight", "morning", "afternoon", "evening", "lunchtime"];
/// The plays in the triangle's order: the options of every Which Play question.
const PLAYS: [Play; 3] = [Play::DiscoverIt, Play::ImplementIt, Play::ReferIt];
/// Options offered by the generated Specific Promise and Which Blames questions.
const OPTIONS: usize = 3;
/// Sentences shorter or longer than this (in words) make poor options.
const MIN_WORDS: usize = 3;
const MAX_WORDS: usize = 45;

/// Runs detectors on short texts with one scenario's names and the library's word lists.
pub(super) struct Checker<'a> {
    names: Names,
    lists: &'a Lists,
}

impl<'a> Checker<'a> {
    /// A checker for `scenario`'s names.
    pub(super) fn new(scenario: &Scenario, lists: &'a Lists) -> Self {
        let briefing = &scenario.briefing;
        let names = Names {
            customer: name_words(&briefing.customer.name),
            colleague: briefing.colleague.as_ref().map(|c| name_words(&c.name)).unwrap_or_default(),
        };
        Self { names, lists }
    }

    /// The token ranges `detector` reports on `a`.
    fn ranges(&self, detector: &str, a: &Analysed) -> Vec<Range> {
        detect(detector, a, &DetectorContext::new(&self.names, self.lists, None))
    }

    /// True when `detector` is met by `text`.
    pub(super) fn accepts(&self, detector: &str, text: &str) -> bool {
        !self.ranges(detector, &analyse(text)).is_empty()
    }

    /// A firm, specific promise: the specific-time detector is met and the hedge detector is not.
    fn specific(&self, text: &str) -> bool {
        self.accepts(SPECIFIC, text) && !self.accepts(HEDGED, text)
    }
}

/// Every question `scenario` supports, turn by turn.
pub(super) fn scenario_questions(scenario: &Scenario, lists: &Lists) -> Vec<Question> {
    let checker = Checker::new(scenario, lists);
    let mut out = Vec::new();
    for turn in &scenario.turns {
        out.push(which_play(scenario, turn));
        out.extend(specific_promise(scenario, turn, &checker));
        out.extend(which_blames(scenario, turn, &checker));
    }
    out
}

fn question_id(kind: QuestionKind, scenario: &Scenario, turn: &Turn) -> String {
    format!("{}/{}/{}", kind.key(), scenario.id, turn.id)
}

/// The briefing's situation, then the customer's line for this turn.
fn context(scenario: &Scenario, turn: &Turn) -> String {
    let name = scenario.briefing.customer.name.trim();
    let line = format!("{}: “{}”", if name.is_empty() { "Customer" } else { name }, turn.customer.trim());
    let situation = scenario.briefing.situation.trim();
    if situation.is_empty() { line } else { format!("{situation}\n\n{line}") }
}

/// The author tests written for `turn` (a test without a turn answers the first one).
fn tests_for<'s>(scenario: &'s Scenario, turn: &Turn) -> impl Iterator<Item = &'s AuthorTest> {
    let first = scenario.first_turn().map(|t| t.id.clone());
    let id = turn.id.clone();
    scenario.tests.iter().filter(move |t| t.turn.as_ref().or(first.as_ref()) == Some(&id))
}

fn which_play(scenario: &Scenario, turn: &Turn) -> Question {
    let play = turn.tip.play;
    Question {
        id: question_id(QuestionKind::WhichPlay, scenario, turn),
        kind: QuestionKind::WhichPlay,
        scenario_id: scenario.id.clone(),
        turn_id: turn.id.clone(),
        prompt: "Which play does this moment call for?".to_string(),
        context: context(scenario, turn),
        options: PLAYS.iter().map(|p| p.label().to_string()).collect(),
        answer: PLAYS.iter().position(|p| *p == play).unwrap_or_default(),
        explanation: format!("{}: {}", play.label(), turn.tip.text.trim()),
    }
}

fn specific_promise(scenario: &Scenario, turn: &Turn, ch: &Checker) -> Option<Question> {
    if !asks_for_a_time(turn) {
        return None;
    }
    let tests: Vec<&AuthorTest> = tests_for(scenario, turn).collect();
    let candidates: Vec<(String, Vec<(usize, usize)>)> = std::iter::once(turn.model_answer.as_str())
        .chain(tests.iter().map(|t| t.response.as_str()))
        .flat_map(|text| specific_sentences(text, ch))
        .collect();
    // One or two times read best; a sentence full of dates turns into a puzzle once blurred.
    let (right, times) =
        candidates.iter().find(|(_, times)| times.len() <= 2).or_else(|| candidates.first()).cloned()?;
    let mut options = vec![right.clone()];
    // Vague promises the author pinned down for this turn, then the right answer with its times blurred.
    let mut from_tests = tests
        .iter()
        .filter(|t| !ch.specific(&t.response))
        .flat_map(|t| flagged_sentences(&t.response, HEDGED, ch))
        .filter(|s| !ch.accepts(SPECIFIC, s) && ch.accepts(HEDGED, s) && word_count(&analyse(s)));
    if let Some(s) = from_tests.next() {
        push_distinct(&mut options, s);
    }
    let id = question_id(QuestionKind::SpecificPromise, scenario, turn);
    let start = (stable_hash(&id) % VAGUE.len() as u64) as usize;
    for i in 0..VAGUE.len() {
        if options.len() == OPTIONS {
            break;
        }
        let blurred = blur(&right, &times, start + i);
        if !ch.accepts(SPECIFIC, &blurred) && time_spans(&blurred).is_empty() {
            push_distinct(&mut options, blurred);
        }
    }
    for s in from_tests {
        if options.len() == OPTIONS {
            break;
        }
        push_distinct(&mut options, s);
    }
    // Verify: the first option, and only it, is a firm, specific promise.
    let verified =
        options.len() == OPTIONS && ch.specific(&options[0]) && options[1..].iter().all(|o| !ch.accepts(SPECIFIC, o));
    if !verified {
        return None;
    }
    let words: Vec<String> = times.iter().filter_map(|&(s, e)| right.get(s..e)).map(|w| format!("“{w}”")).collect();
    let explanation = format!(
        "It names {}: a time the customer can hold you to, and one you can keep. Words like “soon”, \
         “I'll try” or “when I hear back” leave the customer waiting and chasing.",
        join_words(&words)
    );
    Some(finish(
        QuestionKind::SpecificPromise,
        scenario,
        turn,
        "Which answer keeps the promise specific?",
        options,
        explanation,
    ))
}

/// True when the turn's rubric asks for a specific time: a required criterion using the
/// `specific-time-commitment` detector or a phrase with a `{time}` slot.
fn asks_for_a_time(turn: &Turn) -> bool {
    fn wants_time(m: &Matcher) -> bool {
        match m {
            Matcher::Detector(name) => name == SPECIFIC,
            Matcher::Phrase(text) => text.contains("{time}") || text.contains("{hour}"),
            Matcher::Regex(_) => false,
            Matcher::All(inner) | Matcher::Sentence(inner) => inner.iter().any(wants_time),
            Matcher::Not(_) => false,
        }
    }
    turn.rubric.iter().any(|c| c.kind == CriterionKind::Required && c.detect.iter().any(wants_time))
}

fn which_blames(scenario: &Scenario, turn: &Turn, ch: &Checker) -> Option<Question> {
    let blame_criteria: Vec<&str> = turn
        .rubric
        .iter()
        .filter(|c| c.kind == CriterionKind::Forbidden && (mentions_blame(&c.id) || mentions_blame(&c.label)))
        .map(|c| c.id.as_str())
        .collect();
    // Responses the author marked as blaming first, then ones named as blaming that the detector flags.
    let tests: Vec<&AuthorTest> = tests_for(scenario, turn).collect();
    let marked = tests.iter().filter(|t| t.met.iter().any(|m| blame_criteria.contains(&m.as_str())));
    let named = tests.iter().filter(|t| mentions_blame(&t.name) && ch.accepts(BLAME, &t.response));
    let (blame, evidence) =
        marked.chain(named).flat_map(|t| flagged_sentences(&t.response, BLAME, ch)).find_map(|s| {
            let a = analyse(&s);
            let evidence: Vec<String> = merge(token_spans(&a, &ch.ranges(BLAME, &a)))
                .into_iter()
                .filter_map(|(b, e)| s.get(b..e))
                .map(|w| format!("“{w}”"))
                .collect();
            (!evidence.is_empty() && word_count(&a)).then_some((s, evidence))
        })?;
    let mut options = vec![blame.clone()];
    for s in owning_sentences(scenario, turn, ch) {
        if options.len() == OPTIONS {
            break;
        }
        push_distinct(&mut options, s);
    }
    let verified = options.len() == OPTIONS
        && ch.accepts(BLAME, &options[0])
        && options[1..].iter().all(|o| !ch.accepts(BLAME, o));
    if !verified {
        return None;
    }
    let explanation = format!(
        "It points at {} instead of owning the problem. Blaming someone else pushes the customer further \
         from a fix; the other two sentences take it on as the speaker's own.",
        join_words(&evidence)
    );
    Some(finish(QuestionKind::WhichBlames, scenario, turn, "Which sentence blames someone else?", options, explanation))
}

/// A question with its right option (first in `options`) moved to a place fixed by its id, so the
/// unshuffled list does not always put the answer first.
fn finish(
    kind: QuestionKind,
    scenario: &Scenario,
    turn: &Turn,
    prompt: &str,
    mut options: Vec<String>,
    explanation: String,
) -> Question {
    let id = question_id(kind, scenario, turn);
    let answer = (stable_hash(&id) as usize) % options.len().max(1);
    if answer < options.len() {
        options.swap(0, answer);
    }
    Question {
        id,
        kind,
        scenario_id: scenario.id.clone(),
        turn_id: turn.id.clone(),
        prompt: prompt.to_string(),
        context: context(scenario, turn),
        options,
        answer,
        explanation,
    }
}

/// True when a criterion id, label or test name speaks of blame ("blames-hr", "Hides behind policy").
fn mentions_blame(text: &str) -> bool {
    let text = text.to_lowercase();
    ["blam", "hides behind", "points at", "puts it on"].iter().any(|w| text.contains(w))
}

/// Sentences of the model answers that own the problem: this turn's first, then the scenario's
/// other turns. Ownership apologies come first, then first-person sentences that name no one else
/// (a sentence about another team reads like a trap), then the rest in the first person. None blames.
fn owning_sentences(scenario: &Scenario, turn: &Turn, ch: &Checker) -> Vec<String> {
    let sources = std::iter::once(turn).chain(scenario.turns.iter().filter(|t| t.id != turn.id));
    let mut ranked: Vec<(u8, String)> = Vec::new();
    for source in sources {
        for s in sentences(&source.model_answer) {
            let a = analyse(&s);
            if !word_count(&a) || !ch.ranges(BLAME, &a).is_empty() {
                continue;
            }
            let first_person = a
                .tokens
                .iter()
                .any(|t| !t.quoted && matches!(t.text.as_str(), "i" | "we" | "my" | "our" | "me" | "us"));
            let names_others = !ch.lists.blame_target.find(&a, &ch.names).is_empty();
            let rank = if !ch.ranges("ownership-apology", &a).is_empty() {
                0
            } else if first_person && !names_others {
                1
            } else if first_person {
                2
            } else {
                continue;
            };
            ranked.push((rank, s));
        }
    }
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, s)| s).collect()
}

/// The sentences of `text` that are on their own a firm, specific promise (statements, not
/// proposals put as questions), each with the byte spans of its times.
fn specific_sentences(text: &str, ch: &Checker) -> Vec<(String, Vec<(usize, usize)>)> {
    flagged_sentences(text, SPECIFIC, ch)
        .into_iter()
        .filter(|s| ch.specific(s))
        .filter_map(|s| {
            let a = analyse(&s);
            if !word_count(&a) || a.sentences.iter().any(|x| x.question_mark) {
                return None;
            }
            let spans = time_spans(&s);
            (!spans.is_empty()).then_some((s, spans))
        })
        .collect()
}

/// Byte spans of every specific time in `text` (as the detectors read times), widened over the day
/// words around them ("by 3pm tomorrow", "tomorrow, Wednesday, at 12 noon") and joined when only
/// commas or "at"/"on" stand between them.
fn time_spans(text: &str) -> Vec<(usize, usize)> {
    let a = analyse(text);
    let t = &a.tokens;
    let day = |i: usize| DAY_WORDS.contains(&t[i].text.as_str());
    let mut ranges: Vec<Range> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some(len) = a.times().time_at(i).filter(|&len| len > 0 && i + len <= t.len()) else {
            i += 1;
            continue;
        };
        let (mut s, mut e) = (i, i + len);
        let sentence = t[i].sentence;
        let here = |j: usize| j < t.len() && t[j].sentence == sentence;
        // "tomorrow between 8 and 1", "by next Tuesday", "for tomorrow at five": the day words and
        // one preposition before the time go with it.
        let mut preposition = LEADING.contains(&t[s].text.as_str());
        let mut between = false;
        while s > 0 && here(s - 1) {
            let before = t[s - 1].text.as_str();
            if day(s - 1) || (before == "this" && day(s)) {
                s -= 1;
            } else if !preposition && LEADING.contains(&before) {
                preposition = true;
                between = before == "between";
                s -= 1;
            } else {
                break;
            }
        }
        loop {
            if here(e) && day(e) {
                e += 1;
            } else if here(e + 1) && t[e].text == "this" && day(e + 1) {
                e += 2;
            } else if here(e + 1) && matches!(t[e].text.as_str(), "past" | "to") && numeric(&t[e + 1].text) {
                e += 2; // "at five past nine"
            } else if here(e + 1) && between && t[e].text == "and" {
                between = false;
                e += 1 + a.times().time_at(e + 1).unwrap_or(usize::from(numeric(&t[e + 1].text)));
            } else {
                break;
            }
        }
        if t[s..e].iter().all(|x| !x.quoted && x.negated_by.is_none()) {
            ranges.push((s, e));
        }
        i = e;
    }
    join_close(text, merge(token_spans(&a, &ranges)))
}

/// The sentences of `text` holding `detector`'s evidence that meet it on their own, in order.
fn flagged_sentences(text: &str, detector: &str, ch: &Checker) -> Vec<String> {
    let a = analyse(text);
    let mut indexes: Vec<usize> =
        ch.ranges(detector, &a).iter().filter_map(|r| a.tokens.get(r.0)).map(|t| t.sentence).collect();
    indexes.sort_unstable();
    indexes.dedup();
    indexes
        .into_iter()
        .filter_map(|i| sentence_span(text, &a, i))
        .filter_map(|(s, e)| text.get(s..e))
        .map(str::to_string)
        .filter(|s| ch.accepts(detector, s))
        .collect()
}

/// Every sentence of `text`, trimmed, with its closing punctuation.
fn sentences(text: &str) -> Vec<String> {
    let a = analyse(text);
    (0..a.sentences.len())
        .filter_map(|i| sentence_span(text, &a, i))
        .filter_map(|(s, e)| text.get(s..e))
        .map(str::to_string)
        .collect()
}

/// Byte span of sentence `i`: its first word (with an opening quote) to its last word (with the
/// closing punctuation and quotes that follow).
fn sentence_span(text: &str, a: &Analysed, i: usize) -> Option<(usize, usize)> {
    let s = a.sentences.get(i)?;
    let mut start = a.tokens.get(s.start)?.start;
    let mut end = a.tokens.get(s.end.checked_sub(1)?)?.end;
    if let Some(c) = text.get(..start)?.chars().next_back()
        && matches!(c, '“' | '"' | '‘' | '(')
    {
        start -= c.len_utf8();
    }
    for c in text.get(end..)?.chars() {
        if !matches!(c, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')') {
            break;
        }
        end += c.len_utf8();
    }
    Some((start, end))
}

/// Byte spans of token ranges.
fn token_spans(a: &Analysed, ranges: &[Range]) -> Vec<(usize, usize)> {
    ranges
        .iter()
        .filter(|r| r.1 > r.0)
        .filter_map(|r| Some((a.tokens.get(r.0)?.start, a.tokens.get(r.1 - 1)?.end)))
        .collect()
}

/// Sort spans and merge overlapping ones.
fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Join spans separated only by spaces, commas or "at"/"on" ("Friday, 9:30am", "Friday at 10").
fn join_close(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        if let Some(last) = out.last_mut()
            && text.get(last.1..s).is_some_and(|gap| matches!(gap.trim_matches([' ', ',']), "" | "at" | "on"))
        {
            last.1 = e;
            continue;
        }
        out.push((s, e));
    }
    out
}

/// `text` with each time span replaced by a vague phrase, starting with `VAGUE[first % len]`
/// (capitalised at the start of a sentence).
fn blur(text: &str, spans: &[(usize, usize)], first: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (n, &(s, e)) in spans.iter().enumerate() {
        let Some(before) = text.get(last..s) else { continue };
        out.push_str(before);
        // Avoid "when I hear back when I'm on my way" and "soon soon".
        let next_word = text.get(e..).and_then(|r| r.split_whitespace().next()).unwrap_or_default().to_lowercase();
        let prev_word = before.split_whitespace().next_back().unwrap_or_default().to_lowercase();
        let fits = |v: &&str| {
            let first_word = v.split(' ').next().unwrap_or_default();
            let last_word = v.rsplit(' ').next().unwrap_or_default();
            first_word != next_word.trim_matches(|c: char| !c.is_alphabetic()) && last_word != prev_word
        };
        let rotation = (0..VAGUE.len()).map(|k| VAGUE[(first + n + k) % VAGUE.len()]);
        let vague = rotation.clone().find(fits).unwrap_or(VAGUE[(first + n) % VAGUE.len()]);
        let sentence_start = out.trim_end().is_empty() || out.trim_end().ends_with(['.', '!', '?']);
        if sentence_start {
            let mut chars = vague.chars();
            out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
            out.push_str(chars.as_str());
        } else {
            out.push_str(vague);
        }
        last = e;
    }
    out.push_str(text.get(last..).unwrap_or_default());
    out
}

/// A number, in digits or words ("9", "nine", "9:30").
fn numeric(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
            .contains(&word)
}

/// True when a sentence has a reasonable number of words for an option.
fn word_count(a: &Analysed) -> bool {
    (MIN_WORDS..=MAX_WORDS).contains(&a.tokens.len())
}

/// Add `option` unless an option reads the same (ignoring case, spacing and end punctuation).
fn push_distinct(options: &mut Vec<String>, option: String) {
    let key =
        |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', '!', '?']).to_lowercase();
    let new = key(&option);
    if !new.is_empty() && options.iter().all(|o| key(o) != new) {
        options.push(option);
    }
}

/// "“a”", "“a” and “b”", "“a”, “b” and “c”".
fn join_words(words: &[String]) -> String {
    match words {
        [] => "a specific time".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// FNV-1a of `text`: a hash that never changes between runs or builds.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

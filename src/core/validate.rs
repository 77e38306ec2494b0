//! Checks made after a file parses: ranges, references between turns, patterns, and flow.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::diagnostic::{Diagnostic, did_you_mean, position_of};
use super::parse::{locate, locate_key};
use super::pattern::Pattern;
use super::scenario::{AuthorTest, Condition, Criterion, CriterionKind, Lexicon, Matcher, Scenario, ScriptRole, Turn};
use super::source_map::SourceMap;
use super::vocab::{self, BEHAVIOURS, DETECTORS, JOB_FAMILIES, SITUATIONS, SLOTS, is_kebab_case};

/// Shortest and longest time a turn may allow, in seconds.
pub const TIME_LIMIT_RANGE: std::ops::RangeInclusive<u32> = 5..=900;
/// Allowed importance and frequency.
pub const RATING_RANGE: std::ops::RangeInclusive<u32> = 1..=5;
/// Regexes larger than this (compiled) are refused.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// Deepest nesting of `All([...])` matchers and of `All`/`Any` conditions.
pub const MAX_NESTING: usize = 32;
/// Most criteria in one turn's rubric.
pub const MAX_CRITERIA_PER_TURN: usize = 40;
/// Most matchers (counting those inside `All`) in one criterion.
pub const MAX_MATCHERS_PER_CRITERION: usize = 64;

/// Collects located diagnostics for one file.
pub struct Reporter<'a> {
    file: &'a str,
    text: &'a str,
    map: &'a SourceMap,
    /// What was found so far.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    /// A reporter for `file`, whose text and source map locate paths.
    pub fn new(file: &'a str, text: &'a str, map: &'a SourceMap) -> Self {
        Self { file, text, map, diagnostics: Vec::new() }
    }

    /// Record `d` at the value at `path`.
    pub fn at(&mut self, path: &str, d: Diagnostic) {
        self.diagnostics.push(locate(d, self.map, self.text, path).in_file(self.file));
    }

    /// Record `d` at character `offset` inside the string literal at `path` whose value is `value`,
    /// or at the string itself when escapes make the two differ.
    pub fn inside_string(&mut self, path: &str, value: &str, offset: usize, d: Diagnostic) {
        if let Some((start, end)) = self.map.span(path) {
            let literal = &self.text[start..end];
            if literal.strip_prefix('"').and_then(|l| l.strip_suffix('"')) == Some(value) {
                let byte = value.char_indices().nth(offset).map_or(value.len(), |(i, _)| i);
                let at = position_of(self.text, start + 1 + byte);
                self.diagnostics.push(d.at(at, None).in_file(self.file));
                return;
            }
        }
        self.at(path, d);
    }

    /// Record `d` at the field name at `path`.
    pub fn at_key(&mut self, path: &str, d: Diagnostic) {
        self.diagnostics.push(locate_key(d, self.map, self.text, path).in_file(self.file));
    }

    /// True when any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    did_you_mean(word, candidates).map(|s| format!("did you mean `{s}`?"))
}

fn require_text(r: &mut Reporter, path: &str, value: &str, what: &str) {
    if value.trim().is_empty() {
        r.at(
            path,
            Diagnostic::error("empty-text", format!("{what} is empty")).with_hint("write the text between the quotes"),
        );
    }
}

fn require_kebab(r: &mut Reporter, path: &str, value: &str, what: &str) {
    if !is_kebab_case(value) {
        let fixed = value.trim().to_lowercase().replace([' ', '_'], "-");
        r.at(
            path,
            Diagnostic::error("bad-id", format!("{what} `{value}` is not kebab-case"))
                .with_hint(format!("use lowercase letters, digits and hyphens, e.g. `{fixed}`")),
        );
    }
}

/// Check a lexicon's set names and members.
pub fn validate_lexicon(lexicon: &Lexicon, r: &mut Reporter) {
    for (name, members) in &lexicon.sets {
        let path = format!("sets.{name}");
        require_kebab(r, &path, name, "set name");
        if members.is_empty() {
            r.at(&path, Diagnostic::error("empty-list", format!("lexicon set `{name}` has no members")));
        }
        for (i, m) in members.iter().enumerate() {
            require_text(r, &format!("{path}[{i}]"), m, "a lexicon member");
        }
    }
}

/// Check one scenario on its own. Cross-file checks (duplicate ids, prerequisites) live in the library.
pub fn validate_scenario(s: &Scenario, lexicon: &Lexicon, r: &mut Reporter) {
    require_kebab(r, "id", &s.id, "scenario id");
    require_text(r, "title", &s.title, "the title");
    check_staging(s, r);
    require_text(r, "briefing.customer.name", &s.briefing.customer.name, "the customer's name");
    require_text(r, "briefing.situation", &s.briefing.situation, "the situation");
    if let Some(c) = &s.briefing.colleague {
        require_text(r, "briefing.colleague.name", &c.name, "the colleague's name");
    }
    if s.turns.is_empty() {
        r.at(
            "turns",
            Diagnostic::error("no-turns", "the scenario has no turns")
                .with_hint("add at least one turn to `turns: [ ... ]`"),
        );
        return;
    }
    let turn_ids = check_turn_ids(s, r);
    for (i, turn) in s.turns.iter().enumerate() {
        check_turn(s, turn, &format!("turns[{i}]"), &turn_ids, lexicon, r);
    }
    check_flow(s, r);
    check_tests(s, r);
}

fn check_staging(s: &Scenario, r: &mut Reporter) {
    if s.job_families.is_empty() {
        r.at(
            "job_families",
            Diagnostic::error("empty-list", "no job family given")
                .with_hint("e.g. `job_families: [\"contact-centre\"]`"),
        );
    }
    for (i, family) in s.job_families.iter().enumerate() {
        let path = format!("job_families[{i}]");
        require_kebab(r, &path, family, "job family");
        if !vocab::contains(JOB_FAMILIES, family)
            && let Some(hint) = suggestion(family, vocab::names(JOB_FAMILIES))
        {
            r.at(
                &path,
                Diagnostic::warning("unknown-job-family", format!("`{family}` is not a standard job family"))
                    .with_hint(hint),
            );
        }
    }
    if s.behaviour.is_empty() {
        r.at(
            "behaviour",
            Diagnostic::error("empty-list", "no behaviour given").with_hint("e.g. `behaviour: [\"follow-up\"]`"),
        );
    }
    for (i, b) in s.behaviour.iter().enumerate() {
        if !vocab::contains(BEHAVIOURS, b) {
            let known = vocab::names(BEHAVIOURS).collect::<Vec<_>>().join(", ");
            r.at(
                &format!("behaviour[{i}]"),
                Diagnostic::error("unknown-behaviour", format!("`{b}` is not a behaviour FollowThrough knows"))
                    .with_hint(suggestion(b, vocab::names(BEHAVIOURS)).unwrap_or(format!("expected one of {known}"))),
            );
        }
    }
    for (i, kind) in s.situations.iter().enumerate() {
        if !vocab::contains(SITUATIONS, kind) {
            let known = vocab::names(SITUATIONS).collect::<Vec<_>>().join(", ");
            r.at(
                &format!("situations[{i}]"),
                Diagnostic::error("unknown-situation", format!("`{kind}` is not a situation FollowThrough knows"))
                    .with_hint(
                        suggestion(kind, vocab::names(SITUATIONS)).unwrap_or(format!("expected one of {known}")),
                    ),
            );
        }
    }
    for (field, value) in [("importance", s.importance), ("frequency", s.frequency)] {
        if !RATING_RANGE.contains(&value) {
            r.at(
                field,
                Diagnostic::error("out-of-range", format!("{field} is {value}; it must be 1 to 5"))
                    .with_hint("1 = lowest, 5 = highest"),
            );
        }
    }
    for (i, p) in s.prerequisites.iter().enumerate() {
        let path = format!("prerequisites[{i}]");
        if p == &s.id {
            r.at(&path, Diagnostic::error("self-prerequisite", "a scenario cannot be its own prerequisite"));
        }
    }
}

fn check_turn_ids<'s>(s: &'s Scenario, r: &mut Reporter) -> Vec<&'s str> {
    let mut seen = HashSet::new();
    for (i, t) in s.turns.iter().enumerate() {
        require_kebab(r, &format!("turns[{i}].id"), &t.id, "turn id");
        if !seen.insert(t.id.as_str()) {
            r.at(
                &format!("turns[{i}].id"),
                Diagnostic::error("duplicate-id", format!("two turns have the id `{}`", t.id))
                    .with_hint("give each turn its own id"),
            );
        }
    }
    s.turns.iter().map(|t| t.id.as_str()).collect()
}

fn check_turn(s: &Scenario, t: &Turn, path: &str, turn_ids: &[&str], lexicon: &Lexicon, r: &mut Reporter) {
    require_text(r, &format!("{path}.customer"), &t.customer, "the customer's line");
    for (i, a) in t.alternatives.iter().enumerate() {
        require_text(r, &format!("{path}.alternatives[{i}]"), a, "an alternative wording");
    }
    if let Some(voice) = &t.voice {
        check_voice_path(voice, &format!("{path}.voice"), r);
    }
    if !TIME_LIMIT_RANGE.contains(&t.time_limit) {
        r.at(
            &format!("{path}.time_limit"),
            Diagnostic::error("out-of-range", format!("time_limit is {} seconds; it must be 5 to 900", t.time_limit))
                .with_hint("most spoken answers need 30 to 120 seconds"),
        );
    }
    if t.pass_mark > 100 {
        r.at(
            &format!("{path}.pass_mark"),
            Diagnostic::error("out-of-range", format!("pass_mark is {}; scores run from 0 to 100", t.pass_mark)),
        );
    }
    require_text(r, &format!("{path}.model_answer"), &t.model_answer, "the model answer");
    require_text(r, &format!("{path}.tip.text"), &t.tip.text, "the coaching tip");
    check_rubric(s, t, path, lexicon, r);
    check_branches(t, path, turn_ids, r);
    check_script(t, path, r);
}

/// Script lines may hold at most this many characters.
pub const MAX_SCRIPT_LINE_CHARS: usize = 400;

/// Script lines: not empty, not too long to learn, and a commitment names a specific time.
fn check_script(t: &Turn, path: &str, r: &mut Reporter) {
    for (j, line) in t.script.iter().enumerate() {
        let text_path = format!("{path}.script[{j}].text");
        require_text(r, &text_path, &line.text, "a script line");
        let chars = line.text.chars().count();
        if chars > MAX_SCRIPT_LINE_CHARS {
            r.at(
                &text_path,
                Diagnostic::error(
                    "script-too-long",
                    format!("this script line is {chars} characters long; script lines are limited to {MAX_SCRIPT_LINE_CHARS}"),
                )
                .with_hint("split it into shorter lines: people learn a sentence or two at a time"),
            );
        }
        if line.role == ScriptRole::Commitment
            && !line.text.trim().is_empty()
            && crate::core::rehearsal::specific_times(&line.text).is_empty()
        {
            r.at(
                &text_path,
                Diagnostic::error("commitment-without-time", "this Commitment line names no specific time")
                    .with_hint(
                        "name a clock time, a weekday or a date, e.g. \"I'll ring you today at 4pm\"; \"soon\", \"later\" or \"tomorrow\" alone are not specific (or use `role: Other`)",
                    ),
            );
        }
    }
}

/// The problem with a voice path as written (absolute, `..`, not WAV/OGG), if any.
pub fn voice_path_problem(voice: &str) -> Option<Diagnostic> {
    let unsafe_path = voice.starts_with('/')
        || voice.starts_with('\\')
        || voice.chars().nth(1) == Some(':')
        || voice.split(['/', '\\']).any(|part| part == "..");
    if unsafe_path {
        return Some(
            Diagnostic::error("voice-outside-assets", format!("voice file `{voice}` points outside the assets folder"))
                .with_hint("write a path relative to `assets/`, e.g. \"voices/my-scenario-opening.wav\"; absolute paths and `..` are refused"),
        );
    }
    let lower = voice.to_lowercase();
    (!(lower.ends_with(".wav") || lower.ends_with(".ogg"))).then(|| {
        Diagnostic::error("voice-format", format!("voice file `{voice}` is not a .wav or .ogg file"))
            .with_hint("convert it to WAV or OGG Vorbis")
    })
}

fn check_voice_path(voice: &str, path: &str, r: &mut Reporter) {
    if let Some(d) = voice_path_problem(voice) {
        r.at(path, d);
    }
}

fn check_rubric(s: &Scenario, t: &Turn, path: &str, lexicon: &Lexicon, r: &mut Reporter) {
    if t.rubric.is_empty() {
        r.at(
            &format!("{path}.rubric"),
            Diagnostic::error("empty-rubric", format!("turn `{}` has no rubric", t.id))
                .with_hint("add at least one Required criterion"),
        );
        return;
    }
    if !t.rubric.iter().any(|c| c.kind == CriterionKind::Required) {
        r.at(
            &format!("{path}.rubric"),
            Diagnostic::error(
                "no-required-criterion",
                format!("turn `{}` has only forbidden criteria, so no answer can score points", t.id),
            )
            .with_hint("add a Required criterion describing what a good answer does"),
        );
    }
    if t.rubric.len() > MAX_CRITERIA_PER_TURN {
        r.at(
            &format!("{path}.rubric[{MAX_CRITERIA_PER_TURN}]"),
            Diagnostic::error(
                "too-many",
                format!("turn `{}` has {} criteria; at most {MAX_CRITERIA_PER_TURN} are read", t.id, t.rubric.len()),
            )
            .with_hint("merge criteria that look for the same behaviour, or split the turn in two"),
        );
        return;
    }
    let mut seen = HashSet::new();
    for (i, c) in t.rubric.iter().enumerate() {
        let cpath = format!("{path}.rubric[{i}]");
        require_kebab(r, &format!("{cpath}.id"), &c.id, "criterion id");
        if !seen.insert(c.id.as_str()) {
            r.at(
                &format!("{cpath}.id"),
                Diagnostic::error("duplicate-id", format!("two criteria in turn `{}` have the id `{}`", t.id, c.id)),
            );
        }
        require_text(r, &format!("{cpath}.label"), &c.label, "the criterion's label");
        check_weight(c, &cpath, r);
        if c.detect.is_empty() {
            r.at(
                &format!("{cpath}.detect"),
                Diagnostic::error("empty-list", format!("criterion `{}` has nothing to detect", c.id))
                    .with_hint("add a Phrase(..), Regex(..) or Detector(..)"),
            );
        }
        let count: usize = c.detect.iter().map(matcher_count).sum();
        if count > MAX_MATCHERS_PER_CRITERION {
            r.at(
                &format!("{cpath}.detect"),
                Diagnostic::error(
                    "too-many",
                    format!("criterion `{}` has {count} matchers; at most {MAX_MATCHERS_PER_CRITERION} are read", c.id),
                )
                .with_hint("put alternative words in one phrase as a choice `(a | b | c)`, or in a lexicon set"),
            );
            continue;
        }
        for (j, m) in c.detect.iter().enumerate() {
            check_matcher(s, m, &format!("{cpath}.detect[{j}]"), lexicon, 0, r);
        }
    }
}

fn check_weight(c: &Criterion, cpath: &str, r: &mut Reporter) {
    if !(c.weight.is_finite() && c.weight > 0.0) {
        r.at(
            &format!("{cpath}.weight"),
            Diagnostic::error(
                "bad-weight",
                format!("weight of `{}` is {}; weights must be greater than 0", c.id, c.weight),
            )
            .with_hint("to make a criterion cost points, keep the weight positive and set `kind: Forbidden`"),
        );
    }
}

/// Matchers in `m`, itself included, counted without recursion.
fn matcher_count(m: &Matcher) -> usize {
    let mut count = 0;
    let mut stack = vec![m];
    while let Some(m) = stack.pop() {
        count += 1;
        if let Matcher::All(inner) = m {
            stack.extend(inner);
        }
    }
    count
}

fn check_matcher(s: &Scenario, m: &Matcher, path: &str, lexicon: &Lexicon, depth: usize, r: &mut Reporter) {
    match m {
        Matcher::Phrase(text) => match Pattern::parse(text) {
            Err(e) => r.inside_string(
                path,
                text,
                e.offset,
                Diagnostic::error("bad-pattern", format!("phrase \"{text}\" cannot be read: {}", e.message)),
            ),
            Ok(pattern) => {
                for (is_slot, name) in pattern.references() {
                    check_reference(s, is_slot, &name, path, lexicon, r);
                }
            }
        },
        Matcher::Regex(text) => {
            if let Err(e) = regex::RegexBuilder::new(text).size_limit(REGEX_SIZE_LIMIT).build() {
                let first_line = e.to_string().lines().last().unwrap_or_default().trim().to_string();
                r.at(path, Diagnostic::error("bad-pattern", format!("regex `{text}` does not compile: {first_line}")));
            }
        }
        Matcher::Detector(name) => {
            if !vocab::contains(DETECTORS, name) {
                let known = vocab::names(DETECTORS).collect::<Vec<_>>().join(", ");
                r.at(
                    path,
                    Diagnostic::error("unknown-detector", format!("there is no built-in detector `{name}`"))
                        .with_hint(suggestion(name, vocab::names(DETECTORS)).unwrap_or(format!("detectors: {known}"))),
                );
            }
        }
        Matcher::All(inner) => {
            if inner.is_empty() {
                r.at(path, Diagnostic::error("empty-list", "All([]) has nothing to match"));
            }
            if depth >= MAX_NESTING {
                r.at(
                    path,
                    Diagnostic::error("too-deep", format!("`All` matchers nested more than {MAX_NESTING} deep"))
                        .with_hint("`All([a, All([b, c])])` is the same as `All([a, b, c])`: write it flat"),
                );
                return;
            }
            for (i, m) in inner.iter().enumerate() {
                check_matcher(s, m, &format!("{path}[{i}]"), lexicon, depth + 1, r);
            }
        }
    }
}

fn check_reference(s: &Scenario, is_slot: bool, name: &str, path: &str, lexicon: &Lexicon, r: &mut Reporter) {
    if is_slot {
        if !vocab::contains(SLOTS, name) {
            let known = vocab::names(SLOTS).collect::<Vec<_>>().join(", ");
            r.at(
                path,
                Diagnostic::error("unknown-slot", format!("unknown slot `{{{name}}}`"))
                    .with_hint(suggestion(name, vocab::names(SLOTS)).unwrap_or(format!("slots: {known}"))),
            );
        } else if name == "colleague" && s.briefing.colleague.is_none() {
            r.at(
                path,
                Diagnostic::error("missing-colleague", "`{colleague}` is used but the briefing names no colleague")
                    .with_hint("add `colleague: (name: \"...\", about: \"...\")` to the briefing"),
            );
        }
    } else if !lexicon.sets.contains_key(name) {
        r.at(
            path,
            Diagnostic::error("unknown-set", format!("lexicon set `@{name}` does not exist")).with_hint(
                suggestion(name, lexicon.sets.keys().map(String::as_str))
                    .unwrap_or("define it in scenarios/lexicon.ron".to_string()),
            ),
        );
    }
}

/// The criteria a condition names, and how deep its `All`/`Any` nest (without recursion).
fn condition_criteria(c: &Condition, out: &mut Vec<String>) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(c, 0)];
    while let Some((c, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match c {
            Condition::Met(id) | Condition::NotMet(id) => out.push(id.clone()),
            Condition::All(inner) | Condition::Any(inner) => stack.extend(inner.iter().map(|c| (c, depth + 1))),
            Condition::Passed | Condition::Failed => {}
        }
    }
    deepest
}

fn check_branches(t: &Turn, path: &str, turn_ids: &[&str], r: &mut Reporter) {
    let criteria: Vec<&str> = t.rubric.iter().map(|c| c.id.as_str()).collect();
    for (i, b) in t.branches.iter().enumerate() {
        let bpath = format!("{path}.branches[{i}]");
        check_turn_ref(&b.goto, &format!("{bpath}.goto"), turn_ids, r);
        let mut used = Vec::new();
        if condition_criteria(&b.when, &mut used) > MAX_NESTING {
            r.at(
                &format!("{bpath}.when"),
                Diagnostic::error("too-deep", format!("conditions nested more than {MAX_NESTING} deep"))
                    .with_hint("`All([a, All([b, c])])` is the same as `All([a, b, c])`: write it flat"),
            );
        }
        for id in used {
            if !criteria.contains(&id.as_str()) {
                r.at(
                    &format!("{bpath}.when"),
                    Diagnostic::error(
                        "unknown-criterion",
                        format!("branch condition names criterion `{id}`, which turn `{}` does not have", t.id),
                    )
                    .with_optional_hint(suggestion(&id, criteria.iter().copied())),
                );
            }
        }
    }
    if let Some(next) = &t.next {
        check_turn_ref(next, &format!("{path}.next"), turn_ids, r);
        if t.is_final {
            r.at_key(
                &format!("{path}.final"),
                Diagnostic::error(
                    "final-with-next",
                    format!("turn `{}` is marked final but also names a next turn", t.id),
                )
                .with_hint("remove `final: true` or the `next` field"),
            );
        }
    } else if !t.is_final {
        r.at(
            &format!("{path}.id"),
            Diagnostic::error(
                "dead-end",
                format!("turn `{}` ends nowhere: it has no `next` and is not marked final", t.id),
            )
            .with_hint("add `next: \"<turn id>\"` for when no branch applies, or `final: true` to end the drill here"),
        );
    }
}

fn check_turn_ref(target: &str, path: &str, turn_ids: &[&str], r: &mut Reporter) {
    if !turn_ids.contains(&target) {
        r.at(
            path,
            Diagnostic::error("unknown-turn", format!("there is no turn `{target}` to go to")).with_hint(
                suggestion(target, turn_ids.iter().copied()).unwrap_or(format!("turns: {}", turn_ids.join(", "))),
            ),
        );
    }
}

/// The ids of turns each turn can go to next.
pub fn successors(t: &Turn) -> Vec<&str> {
    t.branches.iter().map(|b| b.goto.as_str()).chain(t.next.as_deref()).collect()
}

fn check_flow(s: &Scenario, r: &mut Reporter) {
    let index: HashMap<&str, usize> = s.turns.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let mut reachable = BTreeSet::new();
    let mut stack = vec![0usize];
    while let Some(i) = stack.pop() {
        if reachable.insert(i) {
            stack.extend(successors(&s.turns[i]).iter().filter_map(|id| index.get(id)).copied());
        }
    }
    // Turns from which some final turn can be reached, found backwards from the final turns.
    // Dead ends (no `next`, not final) are reported on their own; count them as ends here.
    let mut can_end: BTreeSet<usize> =
        s.turns.iter().enumerate().filter(|(_, t)| t.is_final || t.next.is_none()).map(|(i, _)| i).collect();
    if !s.turns.iter().any(|t| t.is_final) && can_end.is_empty() {
        r.at_key(
            "turns",
            Diagnostic::error("endless-loop", "no turn is marked final, so the drill can never end")
                .with_hint("add `final: true` to the turn where the conversation ends"),
        );
        return;
    }
    let mut changed = true;
    while changed {
        changed = false;
        for (i, t) in s.turns.iter().enumerate() {
            if !can_end.contains(&i) && successors(t).iter().filter_map(|id| index.get(id)).any(|j| can_end.contains(j))
            {
                can_end.insert(i);
                changed = true;
            }
        }
    }
    for (i, t) in s.turns.iter().enumerate() {
        let path = format!("turns[{i}].id");
        if !reachable.contains(&i) {
            r.at(
                &path,
                Diagnostic::warning("unreachable-turn", format!("no path from the first turn reaches turn `{}`", t.id))
                    .with_hint("point a branch or a `next` at it, or remove it"),
            );
        } else if !can_end.contains(&i) && (t.next.is_some() || !t.branches.is_empty()) {
            r.at(
                &path,
                Diagnostic::error(
                    "endless-loop",
                    format!("from turn `{}` the drill can never reach a final turn", t.id),
                )
                .with_hint("mark a turn on this path `final: true`, or point `next` at one that is"),
            );
        }
    }
}

fn check_tests(s: &Scenario, r: &mut Reporter) {
    if s.tests.is_empty() {
        r.at_key(
            "turns",
            Diagnostic::warning("no-author-tests", format!("scenario `{}` has no author tests", s.id)).with_hint(
                "add `tests: [ ... ]` with a strong, a vague and a blaming answer so rubric changes are caught",
            ),
        );
    }
    for (i, test) in s.tests.iter().enumerate() {
        check_test(s, test, &format!("tests[{i}]"), r);
    }
}

fn check_test(s: &Scenario, test: &AuthorTest, path: &str, r: &mut Reporter) {
    require_text(r, &format!("{path}.name"), &test.name, "the test's name");
    let turn = match &test.turn {
        Some(id) => match s.turn(id) {
            Some(t) => t,
            None => {
                let ids: Vec<&str> = s.turns.iter().map(|t| t.id.as_str()).collect();
                check_turn_ref(id, &format!("{path}.turn"), &ids, r);
                return;
            }
        },
        None => &s.turns[0],
    };
    let criteria: Vec<&str> = turn.rubric.iter().map(|c| c.id.as_str()).collect();
    for field in ["met", "not_met"] {
        let ids = if field == "met" { &test.met } else { &test.not_met };
        for (j, id) in ids.iter().enumerate() {
            if !criteria.contains(&id.as_str()) {
                r.at(
                    &format!("{path}.{field}[{j}]"),
                    Diagnostic::error(
                        "unknown-criterion",
                        format!(
                            "test \"{}\" names criterion `{id}`, which turn `{}` does not have",
                            test.name, turn.id
                        ),
                    )
                    .with_optional_hint(suggestion(id, criteria.iter().copied())),
                );
            }
        }
    }
    for id in test.met.iter().filter(|id| test.not_met.contains(id)) {
        r.at(
            &format!("{path}.not_met"),
            Diagnostic::error(
                "contradictory-test",
                format!("test \"{}\" expects `{id}` both met and not met", test.name),
            ),
        );
    }
    if let Some(range) = test.score
        && (range.min > range.max || range.max > 100)
    {
        r.at(
            &format!("{path}.score"),
            Diagnostic::error(
                "out-of-range",
                format!("score range {}-{} is not within 0-100 with min <= max", range.min, range.max),
            ),
        );
    }
    if test.met.is_empty() && test.not_met.is_empty() && test.score.is_none() && test.passes.is_none() {
        r.at(
            &format!("{path}.name"),
            Diagnostic::error("empty-test", format!("test \"{}\" checks nothing", test.name))
                .with_hint("add `met`, `not_met`, `score` or `passes`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse;

    pub(crate) const GOOD: &str = include_str!("../../tests/fixtures/good/minimal.ron");

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
        let text = GOOD
            .replace("final: true,\n            // end-of-close", "next: \"opening\",\n            // end-of-close");
        assert!(codes(&text).contains(&"endless-loop"), "{:?}", codes(&text));
    }
}

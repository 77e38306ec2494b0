//! Checks made after a file parses: ranges, references between turns, patterns, and flow.

mod author_tests;
mod flow;
pub mod patterns;
mod rubric;

use author_tests::check_tests;
pub use flow::successors;
use flow::{check_branches, check_flow, check_turn_ref};
use patterns::PatternChecks;
use rubric::check_rubric;

use crate::core::scenario::diagnostic::{Diagnostic, did_you_mean, position_of};
use crate::core::scenario::parse::{locate, locate_key};
use crate::core::scenario::source_map::SourceMap;
use crate::core::scenario::vocab::{self, BEHAVIOURS, JOB_FAMILIES, SITUATIONS, is_kebab_case};
use crate::core::scenario::{Lexicon, Scenario, ScriptRole, Turn};

/// Shortest and longest time a turn may allow, in seconds.
pub const TIME_LIMIT_RANGE: std::ops::RangeInclusive<u32> = 5..=900;
/// Allowed importance and frequency.
pub const RATING_RANGE: std::ops::RangeInclusive<u32> = 1..=5;
/// Deepest nesting of `All([...])` matchers and of `All`/`Any` conditions.
pub const MAX_NESTING: usize = 32;
/// Most criteria in one turn's rubric.
pub const MAX_CRITERIA_PER_TURN: usize = 40;
/// Most matchers (counting those inside `All`) in one criterion.
pub const MAX_MATCHERS_PER_CRITERION: usize = 64;
/// Most matching steps the distinct phrases of one turn may compile to (lexicon sets expanded).
/// Scoring an answer costs at most its words times this, so the limit bounds the time any answer
/// takes; the biggest bundled turn needs 4,466.
pub const MAX_TURN_PROGRAM: usize = 7_000;

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

/// An error at `path` when `value` is blank; the path is written only then.
fn require_text(r: &mut Reporter, path: impl FnOnce() -> String, value: &str, what: &str) {
    if value.trim().is_empty() {
        r.at(
            &path(),
            Diagnostic::error("empty-text", format!("{what} is empty")).with_hint("write the text between the quotes"),
        );
    }
}

/// An error at `path` when `value` is not kebab-case; the path is written only then.
fn require_kebab(r: &mut Reporter, path: impl FnOnce() -> String, value: &str, what: &str) {
    if !is_kebab_case(value) {
        let fixed = value.trim().to_lowercase().replace([' ', '_'], "-");
        r.at(
            &path(),
            Diagnostic::error("bad-id", format!("{what} `{value}` is not kebab-case"))
                .with_hint(format!("use lowercase letters, digits and hyphens, e.g. `{fixed}`")),
        );
    }
}

/// Check a lexicon's set names and members.
pub fn validate_lexicon(lexicon: &Lexicon, r: &mut Reporter) {
    for (name, members) in &lexicon.sets {
        let path = format!("sets.{name}");
        require_kebab(r, || path.clone(), name, "set name");
        if members.is_empty() {
            r.at(&path, Diagnostic::error("empty-list", format!("lexicon set `{name}` has no members")));
        }
        for (i, m) in members.iter().enumerate() {
            let mpath = format!("{path}[{i}]");
            require_text(r, || mpath.clone(), m, "a lexicon member");
            check_pattern_member(r, &mpath, name, m);
        }
    }
}

/// A member written as a pattern must read as one and name no other set (sets expand one level).
fn check_pattern_member(r: &mut Reporter, path: &str, set: &str, member: &str) {
    if !crate::core::scoring::phrase::is_pattern_member(member) {
        return;
    }
    match crate::core::scenario::pattern::Pattern::parse(member) {
        Err(e) => r.inside_string(
            path,
            member,
            e.offset,
            Diagnostic::error(
                "bad-pattern",
                format!("member \"{member}\" of set `{set}` cannot be read: {}", e.message),
            ),
        ),
        Ok(p) => {
            for (_, slot) in p.references().into_iter().filter(|(is_slot, _)| *is_slot) {
                if !vocab::contains(vocab::SLOTS, &slot) {
                    let known = vocab::names(vocab::SLOTS).collect::<Vec<_>>().join(", ");
                    r.at(
                        path,
                        Diagnostic::error("unknown-slot", format!("there is no slot `{{{slot}}}`"))
                            .with_hint(format!("slots: {known}")),
                    );
                }
            }
            if let Some((_, inner)) = p.references().into_iter().find(|(is_slot, _)| !is_slot) {
                let offset = member.find('@').map_or(0, |b| member[..b].chars().count());
                r.inside_string(
                    path,
                    member,
                    offset,
                    Diagnostic::error(
                        "set-in-set",
                        format!("member \"{member}\" of set `{set}` names the set `@{inner}`; a set's members cannot use other sets"),
                    )
                    .with_hint("write the words out as a choice, e.g. `(call | ring | phone)`"),
                );
            }
        }
    }
}

/// Check one scenario on its own. Cross-file checks (duplicate ids, prerequisites) live in the library.
pub fn validate_scenario(s: &Scenario, lexicon: &Lexicon, r: &mut Reporter) {
    validate_scenario_with(s, &PatternChecks::new(lexicon), r);
}

/// [`validate_scenario`] sharing what is learned about each phrase and regex with the other files
/// checked against the same lexicon (`checks`).
pub fn validate_scenario_with(s: &Scenario, checks: &PatternChecks, r: &mut Reporter) {
    require_kebab(r, || "id".into(), &s.id, "scenario id");
    require_text(r, || "title".into(), &s.title, "the title");
    check_staging(s, r);
    require_text(r, || "briefing.customer.name".into(), &s.briefing.customer.name, "the customer's name");
    require_text(r, || "briefing.situation".into(), &s.briefing.situation, "the situation");
    if let Some(c) = &s.briefing.colleague {
        require_text(r, || "briefing.colleague.name".into(), &c.name, "the colleague's name");
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
        check_turn(s, turn, &format!("turns[{i}]"), &turn_ids, checks, r);
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
        require_kebab(r, || path.clone(), family, "job family");
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
    let mut seen = patterns::text_set(s.turns.len());
    for (i, t) in s.turns.iter().enumerate() {
        require_kebab(r, || format!("turns[{i}].id"), &t.id, "turn id");
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

fn check_turn(s: &Scenario, t: &Turn, path: &str, turn_ids: &[&str], checks: &PatternChecks, r: &mut Reporter) {
    require_text(r, || format!("{path}.customer"), &t.customer, "the customer's line");
    for (i, a) in t.alternatives.iter().enumerate() {
        require_text(r, || format!("{path}.alternatives[{i}]"), a, "an alternative wording");
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
    require_text(r, || format!("{path}.model_answer"), &t.model_answer, "the model answer");
    require_text(r, || format!("{path}.tip.text"), &t.tip.text, "the coaching tip");
    check_rubric(s, t, path, checks, r);
    check_branches(t, path, turn_ids, r);
    check_script(t, path, checks, r);
}

/// Script lines may hold at most this many characters.
pub const MAX_SCRIPT_LINE_CHARS: usize = 400;

/// Script lines: not empty, not too long to learn, and a commitment names a specific time.
fn check_script(t: &Turn, path: &str, checks: &PatternChecks, r: &mut Reporter) {
    for (j, line) in t.script.iter().enumerate() {
        let text_path = || format!("{path}.script[{j}].text");
        require_text(r, text_path, &line.text, "a script line");
        let chars = line.text.chars().count();
        if chars > MAX_SCRIPT_LINE_CHARS {
            r.at(
                &text_path(),
                Diagnostic::error(
                    "script-too-long",
                    format!("this script line is {chars} characters long; script lines are limited to {MAX_SCRIPT_LINE_CHARS}"),
                )
                .with_hint("split it into shorter lines: people learn a sentence or two at a time"),
            );
        }
        if line.role == ScriptRole::Commitment
            && !line.text.trim().is_empty()
            && !checks.names_a_specific_time(&line.text)
        {
            r.at(&text_path(), commitment_without_time(&line.text));
        }
    }
}

/// Why a `Commitment` line names no specific time: a time read together with a vague or past word
/// ("today at 4:15, as soon as she is out"), or no time at all.
fn commitment_without_time(text: &str) -> Diagnostic {
    use crate::core::scoring::time::{Reading, WEEKDAYS};
    let a = crate::core::scoring::text::analyse(text);
    let mut i = 0;
    while i < a.tokens.len() {
        let Some(e) = a.times().read_at(i) else {
            i += 1;
            continue;
        };
        let span = &a.tokens[i..(i + e.len.max(1)).min(a.tokens.len())];
        let said = span.first().zip(span.last()).map_or("", |(f, l)| &text[f.start..l.end]);
        // A time word inside a vague reading: the line names a time, read together with a vague word.
        let names_a_time = span.iter().any(|t| {
            let w = t.text.as_str();
            w.chars().any(|c| c.is_ascii_digit())
                || WEEKDAYS.contains(&w)
                || matches!(
                    w,
                    "today" | "tonight" | "tomorrow" | "morning" | "afternoon" | "evening" | "noon" | "midday"
                )
        });
        match e.reading {
            Reading::Vague if names_a_time => {
                return Diagnostic::error(
                    "commitment-without-time",
                    format!(
                        "this Commitment line's time \"{said}\" is read as one vague time, so it names no time \
                         the customer can hold you to"
                    ),
                )
                .with_hint(
                    "a time read together with \"soon\", \"as soon as\", \"sometime\" or \"after\" counts as vague; \
                     end the sentence after the time and say the rest in the next one, e.g. \"She'll ring you \
                     today at 4:15. She'll be out of surgery by then.\"",
                );
            }
            Reading::Past => {
                return Diagnostic::error(
                    "commitment-without-time",
                    format!("this Commitment line's time \"{said}\" is in the past, so it is not a promise"),
                )
                .with_hint("name when you will do it, e.g. \"I'll ring you today at 4pm\"");
            }
            _ => i += span.len().max(1),
        }
    }
    Diagnostic::error("commitment-without-time", "this Commitment line names no specific time").with_hint(
        "name a clock time, a weekday or a date, e.g. \"I'll ring you today at 4pm\"; \"soon\", \"later\" or \
         \"tomorrow\" alone are not specific (or use `role: Other`)",
    )
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

#[cfg(test)]
mod tests;

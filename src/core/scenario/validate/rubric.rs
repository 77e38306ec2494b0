//! A turn's rubric: criteria, weights, matchers (patterns, regexes, detectors, nesting) and the
//! words and slots they refer to.

use super::patterns::{PatternChecks, text_set};
use super::{
    MAX_CRITERIA_PER_TURN, MAX_MATCHERS_PER_CRITERION, MAX_NESTING, MAX_TURN_PROGRAM, Reporter, require_kebab,
    require_text, suggestion,
};
use crate::core::scenario::diagnostic::Diagnostic;
use crate::core::scenario::vocab::{self, DETECTORS, SLOTS};
use crate::core::scenario::{Criterion, CriterionKind, Lexicon, Matcher, Scenario, Turn};
use crate::core::scoring::lists::list_names;

/// Where a criterion or matcher sits, written out as a value path only when a diagnostic needs it.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    /// A path already written.
    Path(&'a str),
    /// `.name` after another place.
    Field(&'a At<'a>, &'static str),
    /// `[i]` after another place.
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// The place as a value path, e.g. `turns[0].rubric[1].detect[0]`.
    pub(super) fn path(&self) -> String {
        match self {
            At::Path(p) => (*p).to_string(),
            At::Field(inner, name) => format!("{}.{name}", inner.path()),
            At::Index(inner, i) => format!("{}[{i}]", inner.path()),
        }
    }
}

pub(super) fn check_rubric(s: &Scenario, t: &Turn, path: &str, checks: &PatternChecks, r: &mut Reporter) {
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
    let mut seen = text_set(t.rubric.len());
    let turn = At::Path(path);
    let rubric = At::Field(&turn, "rubric");
    for (i, c) in t.rubric.iter().enumerate() {
        let cpath = At::Index(&rubric, i);
        require_kebab(r, || At::Field(&cpath, "id").path(), &c.id, "criterion id");
        if !seen.insert(c.id.as_str()) {
            r.at(
                &At::Field(&cpath, "id").path(),
                Diagnostic::error("duplicate-id", format!("two criteria in turn `{}` have the id `{}`", t.id, c.id)),
            );
        }
        require_text(r, || At::Field(&cpath, "label").path(), &c.label, "the criterion's label");
        if let Some(hint) = &c.hint {
            require_text(r, || At::Field(&cpath, "hint").path(), hint, "the criterion's hint");
        }
        check_weight(c, &cpath, r);
        if c.detect.is_empty() {
            r.at(
                &At::Field(&cpath, "detect").path(),
                Diagnostic::error("empty-list", format!("criterion `{}` has nothing to detect", c.id))
                    .with_hint("add a Phrase(..), Regex(..) or Detector(..)"),
            );
        }
        let count: usize = c.detect.iter().map(matcher_count).sum();
        if count > MAX_MATCHERS_PER_CRITERION {
            r.at(
                &At::Field(&cpath, "detect").path(),
                Diagnostic::error(
                    "too-many",
                    format!("criterion `{}` has {count} matchers; at most {MAX_MATCHERS_PER_CRITERION} are read", c.id),
                )
                .with_hint("put alternative words in one phrase as a choice `(a | b | c)`, or in a lexicon set"),
            );
            continue;
        }
        let detect = At::Field(&cpath, "detect");
        for (j, m) in c.detect.iter().enumerate() {
            let mpath = At::Index(&detect, j);
            if matches!(m, Matcher::Not(_)) {
                r.at(&mpath.path(), not_outside_all());
            }
            check_matcher(s, m, &mpath, checks, 0, r);
        }
    }
    check_program_size(t, path, checks, r);
}

/// The turn's distinct phrases compiled together must stay within [`MAX_TURN_PROGRAM`] steps: an
/// answer costs at most its words times that, so this bounds the time any answer takes to score.
/// Each regex counts too, one step per character of its pattern (every regex is searched on its
/// own, at a cost that grows with its compiled size). The error points at the matcher that
/// crosses the limit.
fn check_program_size(t: &Turn, path: &str, checks: &PatternChecks, r: &mut Reporter) {
    let mut seen = text_set(t.rubric.iter().map(|c| c.detect.len()).sum());
    let (mut total, mut crossing) = (0, None);
    let mut stack = Vec::new();
    for (i, c) in t.rubric.iter().enumerate() {
        for (j, m) in c.detect.iter().enumerate() {
            let mut k = 0;
            each_text(m, &mut stack, |text, regex| {
                if regex {
                    total += text.chars().count();
                } else if seen.insert(text)
                    && let Ok(facts) = checks.phrase(text).as_ref()
                {
                    total += facts.program_size;
                }
                if total > MAX_TURN_PROGRAM && crossing.is_none() {
                    crossing = Some((i, j, k));
                }
                k += 1;
            });
        }
    }
    // The path is written only for the matcher that crosses the limit.
    if let Some((i, j, k)) = crossing {
        let at = matcher_path(&t.rubric[i].detect[j], format!("{path}.rubric[{i}].detect[{j}]"), k);
        r.at(
            &at,
            Diagnostic::error(
                "too-big",
                format!(
                    "turn `{}`'s phrases compile to {total} matching steps (each distinct phrase counted once, \
                     lexicon sets expanded, a regex one step per character); a turn is limited to \
                     {MAX_TURN_PROGRAM} so any answer scores in time, and this matcher crosses the limit",
                    t.id
                ),
            )
            .with_hint(
                "shorten or merge phrases, use fewer `*` gaps, `[optional]` groups and `( | )` choices, use a \
                 built-in `Detector(..)`, or move some criteria to another turn",
            ),
        );
    }
}

/// Every phrase and regex in `m` (inside `All`, `Sentence` and `Not` too) given to `f` with
/// whether it is a regex, in order, without recursion; `stack` is room to reuse (a lone phrase or
/// regex, most matchers, needs none).
fn each_text<'m>(m: &'m Matcher, stack: &mut Vec<&'m Matcher>, mut f: impl FnMut(&'m str, bool)) {
    stack.clear();
    stack.push(m);
    while let Some(m) = stack.pop() {
        match m {
            Matcher::Phrase(text) => f(text, false),
            Matcher::Regex(text) => f(text, true),
            Matcher::All(inner) | Matcher::Sentence(inner) => stack.extend(inner.iter().rev()),
            Matcher::Not(inner) => stack.push(inner),
            Matcher::Detector(_) => {}
        }
    }
}

/// The path of the `k`th phrase or regex of `m` (in [`each_text`]'s order), `m` being at `path`.
fn matcher_path(m: &Matcher, path: String, k: usize) -> String {
    let mut found = Vec::new();
    let mut stack = vec![(m, path)];
    while let Some((m, path)) = stack.pop() {
        match m {
            Matcher::Phrase(_) | Matcher::Regex(_) => found.push(path),
            Matcher::All(inner) | Matcher::Sentence(inner) => {
                stack.extend(inner.iter().enumerate().rev().map(|(i, m)| (m, format!("{path}[{i}]"))));
            }
            Matcher::Not(inner) => stack.push((inner, path)),
            Matcher::Detector(_) => {}
        }
    }
    found.into_iter().nth(k).unwrap_or_default()
}

pub(super) fn check_weight(c: &Criterion, cpath: &At, r: &mut Reporter) {
    if !(c.weight.is_finite() && c.weight > 0.0) {
        r.at(
            &At::Field(cpath, "weight").path(),
            Diagnostic::error(
                "bad-weight",
                format!("weight of `{}` is {}; weights must be greater than 0", c.id, c.weight),
            )
            .with_hint("to make a criterion cost points, keep the weight positive and set `kind: Forbidden`"),
        );
    }
}

/// Matchers in `m`, itself included, counted without recursion.
pub(super) fn matcher_count(m: &Matcher) -> usize {
    let mut count = 0;
    let mut stack = vec![m];
    while let Some(m) = stack.pop() {
        count += 1;
        match m {
            Matcher::All(inner) | Matcher::Sentence(inner) => stack.extend(inner),
            Matcher::Not(inner) => stack.push(inner),
            _ => {}
        }
    }
    count
}

pub(super) fn check_matcher(
    s: &Scenario,
    m: &Matcher,
    path: &At,
    checks: &PatternChecks,
    depth: usize,
    r: &mut Reporter,
) {
    match m {
        Matcher::Phrase(text) => match checks.phrase(text).as_ref() {
            Err(e) => r.inside_string(
                &path.path(),
                text,
                e.offset,
                Diagnostic::error("bad-pattern", format!("phrase \"{text}\" cannot be read: {}", e.message)),
            ),
            Ok(facts) => {
                for (is_slot, name) in &facts.references {
                    check_reference(s, *is_slot, name, path, checks.lexicon(), r);
                }
            }
        },
        Matcher::Regex(text) => {
            if let Some(first_line) = checks.regex_problem(text) {
                r.at(
                    &path.path(),
                    Diagnostic::error("bad-pattern", format!("regex `{text}` does not compile: {first_line}")),
                );
            }
        }
        Matcher::Detector(name) => {
            if !vocab::contains(DETECTORS, name) {
                let known = vocab::names(DETECTORS).collect::<Vec<_>>().join(", ");
                r.at(
                    &path.path(),
                    Diagnostic::error("unknown-detector", format!("there is no built-in detector `{name}`"))
                        .with_hint(suggestion(name, vocab::names(DETECTORS)).unwrap_or(format!("detectors: {known}"))),
                );
            }
        }
        Matcher::All(inner) => check_group(s, "All", inner, path, checks, depth, r),
        Matcher::Sentence(inner) => check_group(s, "Sentence", inner, path, checks, depth, r),
        Matcher::Not(inner) => {
            if matches!(inner.as_ref(), Matcher::Not(_)) {
                r.at(
                    &path.path(),
                    Diagnostic::error("double-not", "`Not(Not(...))` excludes the exclusion")
                        .with_hint("write the inner matcher beside the others in `All([...])` instead"),
                );
            } else if depth >= MAX_NESTING {
                r.at(
                    &path.path(),
                    Diagnostic::error("too-deep", format!("matchers nested more than {MAX_NESTING} deep"))
                        .with_hint("`All([a, All([b, Not(c)])])` is the same as `All([a, b, Not(c)])`: write it flat"),
                );
            } else {
                check_matcher(s, inner, path, checks, depth + 1, r);
            }
        }
    }
}

/// `Not(...)` straight in a criterion's `detect` list: it would match nothing.
/// An `All([...])` or `Sentence([...])` (named `name`): not empty, not too deep, not only `Not`s,
/// and each part checked one level deeper.
fn check_group(
    s: &Scenario,
    name: &str,
    inner: &[Matcher],
    path: &At,
    checks: &PatternChecks,
    depth: usize,
    r: &mut Reporter,
) {
    if inner.is_empty() {
        r.at(&path.path(), Diagnostic::error("empty-list", format!("{name}([]) has nothing to match")));
    }
    if depth >= MAX_NESTING {
        r.at(
            &path.path(),
            Diagnostic::error("too-deep", format!("`All` and `Sentence` matchers nested more than {MAX_NESTING} deep"))
                .with_hint("`All([a, All([b, c])])` is the same as `All([a, b, c])`: write it flat"),
        );
        return;
    }
    if !inner.is_empty() && inner.iter().all(|m| matches!(m, Matcher::Not(_))) {
        r.at(
            &path.path(),
            Diagnostic::error("only-not", format!("this `{name}([...])` has only `Not(...)` parts, so nothing can meet it"))
                .with_hint(format!("put what the criterion looks for beside the `Not`: `{name}([Detector(\"blame-shifting\"), Not(Phrase(\"the system was down\"))])`")),
        );
    }
    for (i, m) in inner.iter().enumerate() {
        check_matcher(s, m, &At::Index(path, i), checks, depth + 1, r);
    }
}

fn not_outside_all() -> Diagnostic {
    Diagnostic::error(
        "not-outside-all",
        "`Not(...)` works only inside `All([...])` or `Sentence([...])`, where it stops the other matchers' hits that overlap it",
    )
    .with_hint("write `All([Detector(\"blame-shifting\"), Not(Phrase(\"the system was down\"))])`")
}

pub(super) fn check_reference(s: &Scenario, is_slot: bool, name: &str, path: &At, lexicon: &Lexicon, r: &mut Reporter) {
    if is_slot {
        if !vocab::contains(SLOTS, name) {
            let known = vocab::names(SLOTS).collect::<Vec<_>>().join(", ");
            r.at(
                &path.path(),
                Diagnostic::error("unknown-slot", format!("unknown slot `{{{name}}}`"))
                    .with_hint(suggestion(name, vocab::names(SLOTS)).unwrap_or(format!("slots: {known}"))),
            );
        } else if name == "colleague" && s.briefing.colleague.is_none() {
            r.at(
                &path.path(),
                Diagnostic::error("missing-colleague", "`{colleague}` is used but the briefing names no colleague")
                    .with_hint("add `colleague: (name: \"...\", about: \"...\")` to the briefing"),
            );
        }
    } else if !lexicon.sets.contains_key(name) && !list_names().any(|n| n == name) {
        // A built-in list (`@vague-time`, `@apology`, ...) is usable as it is; a lexicon set only extends it.
        let mut known: Vec<&str> = lexicon.sets.keys().map(String::as_str).collect();
        for n in list_names() {
            known.push(n);
        }
        r.at(
            &path.path(),
            Diagnostic::error("unknown-set", format!("lexicon set `@{name}` does not exist")).with_hint(
                suggestion(name, known).unwrap_or(format!(
                    "define it in scenarios/lexicon.ron, or use a built-in list: {}",
                    list_names().collect::<Vec<_>>().join(", ")
                )),
            ),
        );
    }
}

//! Running the example responses trainers write in `tests: [...]` against the scoring engine, so a
//! rubric's behaviour is pinned down like a unit test.

use crate::core::scenario::diagnostic::Diagnostic;
use std::sync::Arc;

use crate::core::scenario::{AuthorTest, Scenario};
use crate::core::scoring::lists::Lists;
use crate::core::scoring::{ScoreCard, TurnScorer};

/// What went wrong with one author test; empty when it passed.
#[derive(Debug, Clone, PartialEq)]
pub struct TestFailure {
    /// Index of the test in the scenario's `tests`.
    pub index: usize,
    /// The test's name.
    pub name: String,
    /// Each expectation that did not hold, in words.
    pub problems: Vec<String>,
    /// The score card the response actually got.
    pub card: ScoreCard,
}

/// Check one test's expectations against its score card.
pub fn expectation_problems(test: &AuthorTest, card: &ScoreCard) -> Vec<String> {
    let mut problems = Vec::new();
    for id in &test.met {
        if card.criterion(id).is_some_and(|c| !c.met) {
            problems.push(format!("expected `{id}` to be met, but it was not"));
        }
    }
    for id in &test.not_met {
        if card.criterion(id).is_some_and(|c| c.met) {
            problems.push(format!("expected `{id}` not to be met, but it was"));
        }
    }
    if let Some(range) = test.score
        && (card.score < range.min || card.score > range.max)
    {
        problems.push(format!("expected a score of {}-{}, got {}", range.min, range.max, card.score));
    }
    if let Some(passes) = test.passes
        && passes != card.passed
    {
        let word = |p: bool| if p { "pass" } else { "fail" };
        problems.push(format!("expected the response to {}, but it would {}", word(passes), word(card.passed)));
    }
    problems
}

/// Run every author test of a (valid) scenario with the library's compiled word lists; returns the failures.
pub fn run_author_tests(scenario: &Scenario, lists: &Arc<Lists>) -> Vec<TestFailure> {
    let mut scorers: Vec<(String, TurnScorer)> = Vec::new();
    let mut failures = Vec::new();
    for (index, test) in scenario.tests.iter().enumerate() {
        let Some(turn) = test.turn.as_deref().map_or(scenario.first_turn(), |id| scenario.turn(id)) else { continue };
        if !scorers.iter().any(|(id, _)| *id == turn.id) {
            scorers.push((turn.id.clone(), TurnScorer::with_lists(scenario, turn, Arc::clone(lists))));
        }
        let Some((_, scorer)) = scorers.iter().find(|(id, _)| *id == turn.id) else { continue };
        let Ok(card) = scorer.score(&test.response) else { continue };
        let problems = expectation_problems(test, &card);
        if !problems.is_empty() {
            failures.push(TestFailure { index, name: test.name.clone(), problems, card });
        }
    }
    failures
}

/// A score card as plain text: total, then each criterion with its evidence or what was looked for.
pub fn render_card(card: &ScoreCard) -> String {
    let mut out = format!(
        "score {}/100 ({} at pass mark {}) for turn `{}`\n",
        card.score,
        if card.passed { "passed" } else { "failed" },
        card.pass_mark,
        card.turn
    );
    for c in &card.criteria {
        let mark = match (c.kind, c.met) {
            (crate::core::scenario::CriterionKind::Required, true) => "[x]",
            (crate::core::scenario::CriterionKind::Required, false) => "[ ]",
            (crate::core::scenario::CriterionKind::Forbidden, true) => "[!]",
            (crate::core::scenario::CriterionKind::Forbidden, false) => "[-]",
        };
        out.push_str(&format!("  {mark} {:+6.1}  {} ({})\n", c.points, c.label, c.id));
        if c.met {
            for e in &c.evidence {
                out.push_str(&format!("             \"{}\" at {}..{}\n", e.text, e.start, e.end));
            }
        } else if !c.looked_for.is_empty() {
            out.push_str(&format!("             looked for: {}\n", c.looked_for.join("; ")));
        }
    }
    out
}

/// A diagnostic for a failed author test (located by the caller).
pub fn failure_diagnostic(scenario: &Scenario, failure: &TestFailure) -> Diagnostic {
    Diagnostic::error(
        "author-test-failed",
        format!("author test \"{}\" of `{}` failed: {}", failure.name, scenario.id, failure.problems.join("; ")),
    )
    .with_hint(format!("the response scored:\n{}", render_card(&failure.card).trim_end()))
}

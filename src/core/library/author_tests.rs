//! Running the example responses trainers write in `tests: [...]` against the scoring engine, so a
//! rubric's behaviour is pinned down like a unit test.

use crate::core::scenario::diagnostic::Diagnostic;
use std::sync::Arc;

use crate::core::scenario::{AuthorTest, CriterionKind, Scenario};
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

/// A turn whose model answer disagrees with its own rubric: it misses a Required criterion or meets
/// a Forbidden one. A drill quotes the model answer where a missed criterion has no `hint`, so
/// such a model answer teaches the opposite of the rubric.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelAnswerMiss {
    /// Index of the turn in the scenario's `turns`.
    pub turn: usize,
    /// Index of the criterion in the turn's `rubric`.
    pub criterion: usize,
    /// The words of the model answer that met a Forbidden criterion (empty for a missed Required one).
    pub evidence: Vec<String>,
}

/// Score every turn's model answer against its own rubric (a valid scenario, the library's lists).
pub fn model_answer_misses(scenario: &Scenario, lists: &Arc<Lists>) -> Vec<ModelAnswerMiss> {
    let mut misses = Vec::new();
    for (t, turn) in scenario.turns.iter().enumerate() {
        let scorer = TurnScorer::with_lists(scenario, turn, Arc::clone(lists));
        let Ok(card) = scorer.score(&turn.model_answer) else { continue };
        for (criterion, c) in turn.rubric.iter().enumerate() {
            let Some(result) = card.criterion(&c.id) else { continue };
            match (c.kind, result.met) {
                (CriterionKind::Required, false) => {
                    misses.push(ModelAnswerMiss { turn: t, criterion, evidence: vec![] })
                }
                (CriterionKind::Forbidden, true) => {
                    let evidence = result.evidence.iter().map(|e| e.text.clone()).collect();
                    misses.push(ModelAnswerMiss { turn: t, criterion, evidence });
                }
                _ => {}
            }
        }
    }
    misses
}

/// A warning for a model answer at odds with its own rubric (located by the caller).
pub fn model_answer_diagnostic(scenario: &Scenario, miss: &ModelAnswerMiss) -> Diagnostic {
    let turn = &scenario.turns[miss.turn];
    let c = &turn.rubric[miss.criterion];
    if c.kind == CriterionKind::Required {
        Diagnostic::warning(
            "model-answer-misses",
            format!(
                "the model answer of turn `{}` does not meet its own Required criterion `{}` ({})",
                turn.id, c.id, c.label
            ),
        )
        .with_hint(
            "a drill shows the model answer as the example of a good answer; reword it, or widen the criterion's \
             `detect` (a phrase in the word order the model answer uses, or a built-in detector), then try it \
             with `followthrough score`",
        )
    } else {
        let words = miss.evidence.iter().map(|e| format!("\"{e}\"")).collect::<Vec<_>>().join(", ");
        Diagnostic::warning(
            "model-answer-forbidden",
            format!(
                "the model answer of turn `{}` meets its own Forbidden criterion `{}` ({}) with {words}",
                turn.id, c.id, c.label
            ),
        )
        .with_hint(
            "reword the model answer, or keep those words from counting in this turn with \
             `All([<the criterion's matcher>, Not(Phrase(\"<the words>\"))])`",
        )
    }
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

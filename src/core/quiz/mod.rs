//! "Know the play": quick multiple-choice questions generated from the scenario library, for the
//! Clear side of the Success Triangle (knowing what to do and say before practising saying it).
//!
//! Three kinds of question, each built from what trainers already wrote and checked against the
//! same detectors that score drills, so a question never contradicts the score card:
//! - [`QuestionKind::WhichPlay`]: a turn's situation; is it Discover It, Implement It or Refer It?
//! - [`QuestionKind::SpecificPromise`]: three answers, exactly one commits to a specific time.
//! - [`QuestionKind::WhichBlames`]: three sentences, exactly one blames someone else.
//!
//! [`questions`] lists every question the library supports; [`quiz`] deals a seeded round.

mod build;
pub mod round;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::lists::Lists;

/// What a question asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    /// Which of the three plays a turn calls for.
    WhichPlay,
    /// Which answer keeps the follow-up promise specific.
    SpecificPromise,
    /// Which sentence blames someone else instead of owning the problem.
    WhichBlames,
}

impl QuestionKind {
    /// Every kind, in the order [`questions`] lists them within a turn.
    pub const ALL: [QuestionKind; 3] =
        [QuestionKind::WhichPlay, QuestionKind::SpecificPromise, QuestionKind::WhichBlames];

    /// A short heading for the question's card.
    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::WhichPlay => "Which play?",
            QuestionKind::SpecificPromise => "Keep it specific",
            QuestionKind::WhichBlames => "Spot the blame",
        }
    }

    /// The stable kebab-case key used as the first part of [`Question::id`].
    pub fn key(self) -> &'static str {
        match self {
            QuestionKind::WhichPlay => "which-play",
            QuestionKind::SpecificPromise => "specific-promise",
            QuestionKind::WhichBlames => "which-blames",
        }
    }
}

/// One multiple-choice question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable id: `"<kind>/<scenario>/<turn>"`, e.g. `"which-play/cc-missed-callback-refund/opening"`.
    pub id: String,
    /// What it asks about.
    pub kind: QuestionKind,
    /// The scenario it was generated from.
    pub scenario_id: String,
    /// The turn it was generated from.
    pub turn_id: String,
    /// The question itself.
    pub prompt: String,
    /// The situation it is set in (the briefing's situation and the customer's line); may be empty.
    pub context: String,
    /// The choices, all different.
    pub options: Vec<String>,
    /// Index into `options` of the right choice.
    pub answer: usize,
    /// Why the right choice is right, shown after answering.
    pub explanation: String,
}

impl Question {
    /// True when `choice` (an index into `options`) is the right answer.
    pub fn is_correct(&self, choice: usize) -> bool {
        choice == self.answer
    }

    /// The text of the right choice (empty if `answer` is out of range).
    pub fn correct_option(&self) -> &str {
        self.options.get(self.answer).map_or("", String::as_str)
    }
}

/// Every question the scenarios support, in a fixed order: scenario by scenario as given, turn by
/// turn, and within a turn [`QuestionKind::ALL`] order. A question that cannot be verified with the
/// detectors is left out rather than asked with a doubtful answer.
pub fn questions(scenarios: &[&Scenario], lexicon: &Lexicon) -> Vec<Question> {
    let lists = Lists::new(&lexicon.sets);
    scenarios.iter().flat_map(|scenario| build::scenario_questions(scenario, &lists)).collect()
}

/// A round of `count` questions (fewer when `all` has fewer) drawn from `all` for `seed`.
///
/// Kinds are dealt in turn so a round mixes them, the round's order and each question's options are
/// shuffled (with `answer` following its text), and no question id appears twice. Questions whose
/// `answer` is out of range are skipped. The same `all`, `count` and `seed` always give the same round.
/// Which Play keeps its options in the triangle's order (Discover, Implement, Refer): the three plays
/// are the same every time, so shuffling them would only slow the learner down.
pub fn quiz(all: &[Question], count: usize, seed: u64) -> Vec<Question> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut seen = HashSet::new();
    let usable: Vec<&Question> =
        all.iter().filter(|q| q.answer < q.options.len() && seen.insert(q.id.as_str())).collect();
    let mut pools: Vec<Vec<&Question>> = QuestionKind::ALL
        .iter()
        .map(|kind| {
            let mut pool: Vec<&Question> = usable.iter().copied().filter(|q| q.kind == *kind).collect();
            pool.shuffle(&mut rng);
            pool
        })
        .filter(|pool| !pool.is_empty())
        .collect();
    pools.shuffle(&mut rng);
    let mut round = Vec::with_capacity(count.min(usable.len()));
    while round.len() < count && pools.iter().any(|p| !p.is_empty()) {
        for pool in &mut pools {
            if round.len() < count
                && let Some(q) = pool.pop()
            {
                round.push(q.clone());
            }
        }
    }
    round.shuffle(&mut rng);
    for q in &mut round {
        if q.kind != QuestionKind::WhichPlay {
            shuffle_options(q, &mut rng);
        }
    }
    round
}

/// Shuffle a question's options, moving `answer` with its text.
fn shuffle_options(q: &mut Question, rng: &mut StdRng) {
    let mut order: Vec<usize> = (0..q.options.len()).collect();
    order.shuffle(rng);
    let options = order.iter().map(|&i| q.options[i].clone()).collect();
    if let Some(new_answer) = order.iter().position(|&i| i == q.answer) {
        q.answer = new_answer;
    }
    q.options = options;
}

/// How a round went: right answers out of questions answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuizScore {
    /// Questions answered correctly.
    pub correct: usize,
    /// Questions answered.
    pub total: usize,
}

impl QuizScore {
    /// Score `choices` (one per question, `None` when left unanswered, which counts as wrong).
    /// Questions without a choice (when `choices` is shorter) are not counted.
    pub fn of(round: &[Question], choices: &[Option<usize>]) -> Self {
        let mut score = QuizScore::default();
        for (q, choice) in round.iter().zip(choices) {
            score.record(choice.is_some_and(|c| q.is_correct(c)));
        }
        score
    }

    /// Count one more answer.
    pub fn record(&mut self, correct: bool) {
        self.total += 1;
        if correct {
            self.correct += 1;
        }
    }

    /// Percentage right, 0-100, rounded (0 when nothing was answered).
    pub fn percent(&self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        ((self.correct * 100 + self.total / 2) / self.total) as u32
    }
}

//! One round of "Know the play" questions: which is showing, what was chosen, the score so far.

use crate::core::progress::{Activity, AttemptMode};
use crate::core::quiz::{Question, QuizScore};

/// A round of questions answered one at a time.
#[derive(Debug, Clone)]
pub struct QuizRound {
    /// The questions, in order.
    pub questions: Vec<Question>,
    /// Index of the question showing.
    pub index: usize,
    /// The option chosen for the question showing (None: not answered yet).
    pub chosen: Option<usize>,
    /// Right answers out of questions answered so far.
    pub score: QuizScore,
    /// The option chosen for each question answered, in order (the review at the end).
    pub answers: Vec<usize>,
}

impl QuizRound {
    /// A round over these questions.
    pub fn new(questions: Vec<Question>) -> Self {
        Self { questions, index: 0, chosen: None, score: QuizScore::default(), answers: Vec::new() }
    }

    /// The question showing (None when the round is over).
    pub fn question(&self) -> Option<&Question> {
        self.questions.get(self.index)
    }

    /// Answer the question showing with option `option`; returns whether it was right (None when
    /// already answered or the round is over).
    pub fn choose(&mut self, option: usize) -> Option<bool> {
        if self.chosen.is_some() {
            return None;
        }
        let q = self.question()?;
        if option >= q.options.len() {
            return None;
        }
        let right = q.is_correct(option);
        self.chosen = Some(option);
        self.answers.push(option);
        self.score.record(right);
        Some(right)
    }

    /// Go on to the next question (only after answering).
    pub fn next(&mut self) {
        if self.chosen.is_some() {
            self.index += 1;
            self.chosen = None;
        }
    }

    /// Each question answered with the option chosen and whether it was right, in order.
    pub fn review(&self) -> impl Iterator<Item = (&Question, usize, bool)> {
        self.questions.iter().zip(&self.answers).map(|(q, &chosen)| (q, chosen, q.is_correct(chosen)))
    }

    /// Every question has been answered.
    pub fn finished(&self) -> bool {
        self.index >= self.questions.len()
    }

    /// The answer just chosen as kept in the employee's history (None before one is chosen):
    /// `revision` is the question's scenario's revision.
    pub fn activity(&self, revision: u32, time_used_ms: u64) -> Option<Activity> {
        let option = self.chosen?;
        let q = self.question()?;
        let right = q.is_correct(option);
        Some(Activity {
            mode: AttemptMode::Quiz,
            scenario_id: q.scenario_id.clone(),
            scenario_revision: revision,
            item: q.id.clone(),
            shown: q.prompt.clone(),
            given: q.options.get(option).cloned().unwrap_or_default(),
            score: if right { 100 } else { 0 },
            passed: right,
            time_used_ms,
        })
    }
}

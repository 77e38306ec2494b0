//! One round of "Know the play" questions: which is showing, what was chosen, the score so far.

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
}

impl QuizRound {
    /// A round over these questions.
    pub fn new(questions: Vec<Question>) -> Self {
        Self { questions, index: 0, chosen: None, score: QuizScore::default() }
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

    /// Every question has been answered.
    pub fn finished(&self) -> bool {
        self.index >= self.questions.len()
    }
}

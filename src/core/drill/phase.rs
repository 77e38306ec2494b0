//! What a drill is and what it says: its mode, its phase, the events it hands the window, the
//! errors it refuses commands with, and one answered turn.

use crate::core::scoring::ScoreCard;

/// How the drill is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    /// Rehearsal: pausing is allowed.
    Practice,
    /// A timed assessment: no pausing; the result can serve as a baseline.
    Assessment,
}

/// Where the drill is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Reading the briefing; the clock has not started.
    Briefing,
    /// The customer has spoken; the employee answers before `deadline_ms`.
    Answering {
        /// Index of the turn in the scenario.
        turn: usize,
        /// When the turn started (caller's clock, ms).
        started_ms: u64,
        /// When time runs out (caller's clock, ms).
        deadline_ms: u64,
    },
    /// The clock is stopped with `remaining_ms` left: a practice pause, or the "leave this drill?"
    /// question is open (see [`super::Drill::ask_to_leave`]).
    Paused {
        /// Index of the turn.
        turn: usize,
        /// When the turn started (caller's clock, ms, shifted by pauses).
        started_ms: u64,
        /// Time that was left when paused.
        remaining_ms: u64,
    },
    /// The answer to `turn` was sent and is being scored elsewhere (see [`Drill::take_job`]).
    Scoring {
        /// Index of the turn.
        turn: usize,
    },
    /// The answer to `turn` has been scored; the employee reads the score card.
    Scored {
        /// Index of the turn.
        turn: usize,
    },
    /// Every turn on the path is done.
    Finished,
    /// The employee left the drill.
    Abandoned,
}

/// Something the window or the sound layer should react to.
#[derive(Debug, Clone, PartialEq)]
pub enum DrillEvent {
    /// A turn began: show and speak the customer's line.
    TurnStarted {
        /// Index of the turn.
        turn: usize,
    },
    /// Few seconds left.
    TimeWarning {
        /// Index of the turn.
        turn: usize,
    },
    /// Time ran out; what was typed has been submitted.
    TimeUp {
        /// Index of the turn.
        turn: usize,
    },
    /// An answer was scored.
    Scored {
        /// Index of the turn.
        turn: usize,
        /// The total, 0-100.
        score: u32,
        /// Whether it reached the pass mark.
        passed: bool,
    },
    /// The drill is over.
    Finished,
}

/// Why a drill command was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrillError {
    /// Pausing a timed assessment.
    #[error("a timed assessment cannot be paused")]
    PauseInAssessment,
    /// The command does not fit the current phase.
    #[error("that is not possible right now")]
    WrongPhase,
    /// The response is over the length limit.
    #[error("{0}")]
    Score(#[from] crate::core::scoring::ScoreError),
}

/// One answered turn.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnResult {
    /// Index of the turn in the scenario.
    pub turn: usize,
    /// The customer's words as shown (one of the alternatives).
    pub customer_line: String,
    /// What the employee answered.
    pub response: String,
    /// The score card.
    pub card: ScoreCard,
    /// Time taken, in milliseconds (pauses excluded).
    pub time_used_ms: u64,
    /// Time ran out before the employee submitted.
    pub over_time: bool,
    /// The employee scored this turn themselves (they said the answer aloud).
    pub self_scored: bool,
}

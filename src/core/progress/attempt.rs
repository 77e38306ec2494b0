//! What is kept of every attempt: the records the progress store saves and the scheduler and
//! progress screens read. Plain data, built from a finished drill; ids and times are given by the
//! caller (the core reads no clock and makes no random ids).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::core::drill::{Drill, Mode, Phase};
use crate::core::scenario::CriterionKind;

/// How an attempt was run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttemptMode {
    /// Alone, untimed pauses allowed.
    Practice,
    /// Alone, timed, no pausing: the first one per scenario is the baseline.
    Assessment,
    /// In a coached group session.
    Group,
    /// Reciting a script from memory (fading practice): not a drill.
    Rehearsal,
    /// "Know the play" questions: not a drill.
    Quiz,
}

impl AttemptMode {
    /// The word stored and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Practice => "practice",
            Self::Assessment => "assessment",
            Self::Group => "group",
            Self::Rehearsal => "rehearsal",
            Self::Quiz => "quiz",
        }
    }

    /// Read the stored word back.
    pub fn parse(word: &str) -> Option<Self> {
        [Self::Practice, Self::Assessment, Self::Group, Self::Rehearsal, Self::Quiz]
            .into_iter()
            .find(|m| m.as_str() == word)
    }
}

impl AttemptMode {
    /// A role-play drill (practice, assessment or group), as opposed to rehearsal or a quiz: only
    /// drills count as reviews for the scheduler.
    pub fn is_drill(self) -> bool {
        matches!(self, Self::Practice | Self::Assessment | Self::Group)
    }
}

impl From<Mode> for AttemptMode {
    fn from(mode: Mode) -> Self {
        match mode {
            Mode::Practice => Self::Practice,
            Mode::Assessment => Self::Assessment,
        }
    }
}

/// Who decided the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scorer {
    /// The scoring engine, from the rubric.
    Engine,
    /// A coach (possibly overriding the engine).
    Coach,
    /// The employee, ticking the rubric for an answer they said aloud.
    SelfScored,
}

impl Scorer {
    /// The word stored and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Engine => "engine",
            Self::Coach => "coach",
            Self::SelfScored => "self",
        }
    }

    /// Read the stored word back.
    pub fn parse(word: &str) -> Option<Self> {
        [Self::Engine, Self::Coach, Self::SelfScored].into_iter().find(|m| m.as_str() == word)
    }
}

/// The verdict on one criterion of one turn, as kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionOutcome {
    /// Criterion id (unique within the turn).
    pub id: String,
    /// The label the employee saw.
    pub label: String,
    /// Required or forbidden.
    pub kind: CriterionKind,
    /// Whether the response did it.
    pub met: bool,
    /// Points earned (required) or lost (forbidden, negative).
    pub points: f64,
    /// What it counts for when met (its share of 100 by weight, as the engine computed it), so a
    /// coach's override rescores by the engine's rule. `None` when not known exactly (attempts saved
    /// by older versions, or imported from their exports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worth: Option<f64>,
}

/// One answered turn, as kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnAttempt {
    /// Turn id within the scenario.
    pub turn_id: String,
    /// What the customer said (the alternative picked).
    pub customer_line: String,
    /// The full response as given.
    pub response: String,
    /// Score out of 100.
    pub score: u32,
    /// The pass mark at the time.
    pub pass_mark: u32,
    /// Score reached the pass mark.
    pub passed: bool,
    /// Time taken to answer.
    pub time_used_ms: u64,
    /// The clock ran out before the answer was sent.
    pub over_time: bool,
    /// One verdict per criterion, in rubric order.
    pub criteria: Vec<CriterionOutcome>,
}

/// One run through a scenario by one employee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Stable, globally unique id (so merging exports never duplicates an attempt).
    pub id: String,
    /// Who answered.
    pub employee_id: String,
    /// Scenario id.
    pub scenario_id: String,
    /// The scenario's revision when it was drilled.
    pub scenario_revision: u32,
    /// How it was run.
    pub mode: AttemptMode,
    /// Who scored it.
    pub scorer: Scorer,
    /// When it started.
    pub started_at: Timestamp,
    /// Every turn on the path was answered (false: the employee left part way).
    pub completed: bool,
    /// The answered turns, in order.
    pub turns: Vec<TurnAttempt>,
}

impl Attempt {
    /// Mean turn score, 0-100 (0 when no turn was answered).
    pub fn score(&self) -> f64 {
        if self.turns.is_empty() {
            return 0.0;
        }
        self.turns.iter().map(|t| f64::from(t.score)).sum::<f64>() / self.turns.len() as f64
    }

    /// A role-play drill run to its end: what the scheduler, baselines and team scores count
    /// (rehearsals, quizzes and drills left part way do not).
    pub fn is_finished_drill(&self) -> bool {
        self.completed && self.mode.is_drill()
    }

    /// Completed with every turn passed.
    pub fn passed(&self) -> bool {
        self.completed && !self.turns.is_empty() && self.turns.iter().all(|t| t.passed)
    }

    /// Total answering time.
    pub fn time_used_ms(&self) -> u64 {
        self.turns.iter().map(|t| t.time_used_ms).sum()
    }

    /// Any turn ran out of time.
    pub fn over_time(&self) -> bool {
        self.turns.iter().any(|t| t.over_time)
    }

    /// The record of a drill (finished or left part way); `None` when no turn was answered.
    pub fn from_drill(drill: &Drill, id: String, employee_id: String, started_at: Timestamp) -> Option<Self> {
        if drill.results().is_empty() {
            return None;
        }
        let scenario = drill.scenario();
        let turns = drill
            .results()
            .iter()
            .map(|r| TurnAttempt {
                turn_id: r.card.turn.clone(),
                customer_line: r.customer_line.clone(),
                response: r.response.clone(),
                score: r.card.score,
                pass_mark: r.card.pass_mark,
                passed: r.card.passed,
                time_used_ms: r.time_used_ms,
                over_time: r.over_time,
                criteria: r
                    .card
                    .criteria
                    .iter()
                    .map(|c| CriterionOutcome {
                        id: c.id.clone(),
                        label: c.label.clone(),
                        kind: c.kind,
                        met: c.met,
                        points: c.points,
                        worth: Some(c.worth),
                    })
                    .collect(),
            })
            .collect();
        Some(Self {
            id,
            employee_id,
            scenario_id: scenario.id.clone(),
            scenario_revision: scenario.revision,
            mode: drill.mode().into(),
            scorer: if drill.results().iter().any(|r| r.self_scored) { Scorer::SelfScored } else { Scorer::Engine },
            started_at,
            completed: matches!(drill.phase(), Phase::Finished),
            turns,
        })
    }
}

/// What a non-drill activity (a recitation or a quiz answer) is recorded as: one turn, no rubric.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// Rehearsal or quiz.
    pub mode: AttemptMode,
    /// Scenario id and revision it came from.
    pub scenario_id: String,
    /// The scenario's revision.
    pub scenario_revision: u32,
    /// The turn (or question id) it was about.
    pub item: String,
    /// What was shown (the faded script, or the question).
    pub shown: String,
    /// What the employee gave (the recitation, or the option chosen).
    pub given: String,
    /// Score 0-100 (share of words recited, or 100/0 for a right/wrong answer).
    pub score: u32,
    /// Clean recitation, or the right answer.
    pub passed: bool,
    /// Time taken.
    pub time_used_ms: u64,
}

impl Attempt {
    /// The record of a recitation or a quiz answer.
    pub fn activity(activity: Activity, id: String, employee_id: String, started_at: Timestamp) -> Self {
        Self {
            id,
            employee_id,
            scenario_id: activity.scenario_id,
            scenario_revision: activity.scenario_revision,
            mode: activity.mode,
            scorer: Scorer::Engine,
            started_at,
            completed: true,
            turns: vec![TurnAttempt {
                turn_id: activity.item,
                customer_line: activity.shown,
                response: activity.given,
                score: activity.score.min(100),
                pass_mark: 100,
                passed: activity.passed,
                time_used_ms: activity.time_used_ms,
                over_time: false,
                criteria: Vec::new(),
            }],
        }
    }
}

/// A coach's change to one criterion verdict, kept for the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Override {
    /// The attempt changed.
    pub attempt_id: String,
    /// Index of the turn within the attempt.
    pub turn_index: usize,
    /// Criterion id within that turn.
    pub criterion_id: String,
    /// Who changed it.
    pub coach: String,
    /// When.
    pub at: Timestamp,
    /// The verdict before.
    pub old_met: bool,
    /// The verdict after.
    pub new_met: bool,
    /// Why (required: an override without a reason is not accepted).
    pub reason: String,
}

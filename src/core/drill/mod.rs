//! The drill: a scenario played turn by turn against the clock.
//!
//! Briefing -> Answering(turn) -> Scored(turn) -> ... -> Finished (or Abandoned). Time comes in as
//! milliseconds from the caller's clock and randomness from a seed, so every path is testable without
//! waiting. The engine returns [`DrillEvent`]s that the window and the sound layer react to.
//!
//! Scoring is a [`ScoreJob`]: by default the drill runs it at once; a drill made with
//! [`Drill::scored_elsewhere`] waits in [`Phase::Scoring`] until the caller hands the card back with
//! [`Drill::receive`] (the window scores on a worker thread so the countdown never freezes).

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

mod branch;
mod clock;
mod phase;
mod score_job;

pub use branch::{holds, next_turn};
pub use phase::{DrillError, DrillEvent, Mode, Phase, TurnResult};
pub use score_job::{ModelBudget, ModelCards, ScoreJob};

use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::lists::Lists;
use crate::core::scoring::{ScoreCard, ScoreError, ScoringContext};

/// Seconds left when the time warning sounds.
pub const WARNING_SECONDS: u64 = 10;

/// The drill state machine.
pub struct Drill {
    scenario: Arc<Scenario>,
    /// The lexicon's word lists, compiled once for every turn.
    lists: Arc<Lists>,
    /// The model answers' cards, scored once per turn for the score cards' examples.
    model_cards: Arc<ModelCards>,
    mode: Mode,
    rng: StdRng,
    phase: Phase,
    line: String,
    draft: String,
    warned: bool,
    results: Vec<TurnResult>,
    context: ScoringContext,
    /// Score jobs are handed to the caller instead of run here.
    deferred: bool,
    /// The answer sent and not yet scored, and its job until the caller takes it.
    pending: Option<Pending>,
    pause_started: Option<u64>,
    /// Turns run against the clock (false only for a trainer's untimed test-play).
    timed: bool,
    /// The "leave this drill?" question is open; `Some(true)` when opening it stopped the clock
    /// (it was running), `Some(false)` when the employee had paused it already.
    leaving: Option<bool>,
}

impl Drill {
    /// A drill of a (valid) scenario; `seed` picks the customer's wordings.
    pub fn new(scenario: Scenario, lexicon: Lexicon, mode: Mode, seed: u64) -> Self {
        Self {
            scenario: Arc::new(scenario),
            lists: Arc::new(Lists::new(&lexicon.sets)),
            model_cards: Arc::default(),
            mode,
            rng: StdRng::seed_from_u64(seed),
            phase: Phase::Briefing,
            line: String::new(),
            draft: String::new(),
            warned: false,
            results: Vec::new(),
            context: ScoringContext::default(),
            deferred: false,
            pending: None,
            pause_started: None,
            timed: true,
            leaving: None,
        }
    }

    /// No clock at all (a trainer test-playing a scenario): turns never time out.
    pub fn untimed(mut self) -> Self {
        self.timed = false;
        self
    }

    /// Hand each answer's [`ScoreJob`] to the caller ([`Drill::take_job`]) instead of scoring it here;
    /// the drill waits in [`Phase::Scoring`] until [`Drill::receive`] brings the card.
    pub fn scored_elsewhere(mut self) -> Self {
        self.deferred = true;
        self
    }

    /// The answer sent and waiting for its card (None when none is being scored).
    pub fn sent(&self) -> Option<&str> {
        self.pending.as_ref().map(|p| p.response.as_str())
    }

    /// The job for the answer just sent, once (only for a drill [scored elsewhere](Drill::scored_elsewhere)).
    pub fn take_job(&mut self) -> Option<ScoreJob> {
        self.pending.as_mut().and_then(|p| p.job.take())
    }

    /// The card for the answer being scored: the drill moves on to the score card (or, when the
    /// scorer refused the answer, back to answering with the text kept and the error returned).
    pub fn receive(&mut self, card: Result<ScoreCard, ScoreError>) -> Result<Vec<DrillEvent>, DrillError> {
        let Phase::Scoring { turn } = self.phase else { return Err(DrillError::WrongPhase) };
        let Some(pending) = self.pending.take() else { return Err(DrillError::WrongPhase) };
        let card = match card {
            Ok(card) => card,
            Err(e) => {
                self.draft = pending.response;
                self.phase = pending.answering;
                return Err(e.into());
            }
        };
        let event = DrillEvent::Scored { turn, score: card.score, passed: card.passed };
        self.results.push(TurnResult {
            turn,
            customer_line: self.line.clone(),
            response: pending.response,
            card,
            time_used_ms: pending.time_used_ms,
            over_time: pending.over_time,
            self_scored: false,
        });
        self.phase = Phase::Scored { turn };
        Ok(vec![event])
    }

    /// Whether turns run against the clock.
    pub fn is_timed(&self) -> bool {
        self.timed
    }

    /// Start at turn `turn` instead of the first (test-play); an index past the end is refused.
    pub fn start_at(&mut self, turn: usize, now_ms: u64) -> Result<Vec<DrillEvent>, DrillError> {
        if self.phase != Phase::Briefing || turn >= self.scenario.turns.len() {
            return Err(DrillError::WrongPhase);
        }
        Ok(self.begin_turn(turn, now_ms))
    }

    /// Score answers as given at this date and time (for "today", "this morning").
    pub fn with_context(mut self, context: ScoringContext) -> Self {
        self.context = context;
        self
    }

    /// The scenario being drilled.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Practice or assessment.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Where the drill is.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// The customer's line for the current turn, as shown.
    pub fn customer_line(&self) -> &str {
        &self.line
    }

    /// What the employee has typed so far in this turn.
    pub fn draft(&self) -> &str {
        &self.draft
    }

    /// Every answered turn, in order.
    pub fn results(&self) -> &[TurnResult] {
        &self.results
    }

    /// The result of the turn just scored, while its score card is shown.
    pub fn last_result(&self) -> Option<&TurnResult> {
        self.results.last()
    }

    /// Start the first turn.
    pub fn start(&mut self, now_ms: u64) -> Result<Vec<DrillEvent>, DrillError> {
        if self.phase != Phase::Briefing {
            return Err(DrillError::WrongPhase);
        }
        Ok(self.begin_turn(0, now_ms))
    }

    /// Replace the answer being typed.
    pub fn set_draft(&mut self, text: &str) {
        if matches!(self.phase, Phase::Answering { .. } | Phase::Paused { .. }) {
            self.draft = text.to_string();
        }
    }

    /// Submit the draft as the answer. After the deadline it counts as over time (scored the same).
    pub fn submit(&mut self, now_ms: u64) -> Result<Vec<DrillEvent>, DrillError> {
        match self.phase {
            Phase::Answering { deadline_ms, .. } => self.score_draft(now_ms, self.timed && now_ms > deadline_ms),
            _ => Err(DrillError::WrongPhase),
        }
    }

    /// The employee scores the turn just answered themselves (they said it aloud): `ticks` are
    /// their verdicts in rubric order; the card is recomputed by the engine's rule and the branch
    /// follows it. Only while the score card shows.
    pub fn self_score(&mut self, ticks: &[bool]) -> Result<(), DrillError> {
        let Phase::Scored { turn } = self.phase else { return Err(DrillError::WrongPhase) };
        let mut card = crate::core::scoring::card_from_verdicts(&self.scenario.id, &self.scenario.turns[turn], ticks);
        let result = self.results.last_mut().ok_or(DrillError::WrongPhase)?;
        // What would have earned a criterion still missed stays on the card.
        for (c, before) in card.criteria.iter_mut().zip(&result.card.criteria) {
            c.example = before.example.clone().filter(|_| !c.met);
        }
        result.card = card;
        result.self_scored = true;
        Ok(())
    }

    /// Go on from a score card: the next turn along the branch the answer earned, or the end.
    pub fn next(&mut self, now_ms: u64) -> Result<Vec<DrillEvent>, DrillError> {
        let Phase::Scored { turn } = self.phase else { return Err(DrillError::WrongPhase) };
        let card = &self.results.last().ok_or(DrillError::WrongPhase)?.card;
        match next_turn(&self.scenario, turn, card) {
            Some(next) => Ok(self.begin_turn(next, now_ms)),
            None => {
                self.phase = Phase::Finished;
                Ok(vec![DrillEvent::Finished])
            }
        }
    }

    /// Leave the drill; what was answered so far is kept in `results`.
    pub fn abandon(&mut self) {
        self.leaving = None;
        if self.phase != Phase::Finished {
            self.phase = Phase::Abandoned;
        }
    }

    fn begin_turn(&mut self, turn: usize, now_ms: u64) -> Vec<DrillEvent> {
        let t = &self.scenario.turns[turn];
        // A recorded voice says the main wording, so a turn with one always shows that wording.
        let alternatives = if t.voice.is_some() { &[][..] } else { &t.alternatives[..] };
        let wordings: Vec<&String> = std::iter::once(&t.customer).chain(alternatives).collect();
        self.line = wordings.choose(&mut self.rng).map_or_else(|| t.customer.clone(), |w| (*w).clone());
        self.draft.clear();
        self.warned = false;
        let deadline_ms = now_ms + u64::from(t.time_limit) * 1000;
        self.phase = Phase::Answering { turn, started_ms: now_ms, deadline_ms };
        vec![DrillEvent::TurnStarted { turn }]
    }

    fn score_draft(&mut self, now_ms: u64, over_time: bool) -> Result<Vec<DrillEvent>, DrillError> {
        let answering = self.phase.clone();
        let Phase::Answering { turn, started_ms, deadline_ms } = answering else { return Err(DrillError::WrongPhase) };
        let limit_ms = deadline_ms - started_ms;
        let time_used_ms = now_ms.saturating_sub(started_ms).min(if over_time { limit_ms } else { u64::MAX });
        let response = std::mem::take(&mut self.draft);
        let job = ScoreJob::with_lists(Arc::clone(&self.scenario), turn, Arc::clone(&self.lists), &response)
            .at(self.context)
            .sharing(&self.model_cards);
        self.phase = Phase::Scoring { turn };
        if self.deferred {
            self.pending = Some(Pending { answering, response, time_used_ms, over_time, job: Some(job) });
            return Ok(Vec::new());
        }
        self.pending = Some(Pending { answering, response, time_used_ms, over_time, job: None });
        self.receive(job.run())
    }
}

/// An answer sent and waiting for its card.
struct Pending {
    /// The phase to go back to if the scorer refuses the answer.
    answering: Phase,
    response: String,
    time_used_ms: u64,
    over_time: bool,
    job: Option<ScoreJob>,
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const STRONG: &str = "I'm sorry, that's my fault. I'll call you at 4pm.";

    use crate::core::test_fixtures::minimal as fixture;

    pub(super) fn drill(mode: Mode) -> Drill {
        let (s, l) = fixture();
        Drill::new(s, l, mode, 7)
    }

    #[test]
    fn a_spoken_answer_is_scored_by_the_employee_and_the_branch_follows() {
        let mut d = drill(Mode::Practice);
        d.start(0).expect("start");
        assert!(d.self_score(&[true, true, false]).is_err(), "only once the card shows");
        d.submit(1_000).expect("submit an empty draft: it was said aloud");
        assert_eq!(d.last_result().map(|r| r.card.score), Some(0));
        // They owned it and gave a time, and did not blame.
        d.self_score(&[true, true, false]).expect("self score");
        let r = d.last_result().expect("result");
        assert!(r.self_scored && r.card.passed && r.card.score == 100, "{:?}", r.card);
        // Blaming takes the branch to the escalation.
        d.self_score(&[true, true, true]).expect("self score again");
        let events = d.next(2_000).expect("next");
        assert_eq!(events, vec![DrillEvent::TurnStarted { turn: 1 }]);
    }

    #[test]
    fn test_play_starts_at_any_turn_and_untimed_never_runs_out() {
        let mut d = drill(Mode::Practice).untimed();
        assert!(d.start_at(9, 0).is_err());
        let events = d.start_at(1, 0).expect("start at the escalation");
        assert_eq!(events, vec![DrillEvent::TurnStarted { turn: 1 }]);
        assert_eq!(d.remaining_ms(0), None);
        assert!(d.tick(10_000_000).is_empty(), "no warning, no time-up");
        assert!(matches!(d.phase(), Phase::Answering { turn: 1, .. }));
        d.set_draft("You're right, it's mine to fix.");
        d.submit(10_000_001).expect("submit");
        assert!(!d.results()[0].over_time);
    }

    pub(super) fn answer(d: &mut Drill, text: &str, at: u64) -> Vec<DrillEvent> {
        d.set_draft(text);
        d.submit(at).expect("submit")
    }

    #[test]
    fn a_good_answer_skips_the_escalation_and_finishes() {
        let mut d = drill(Mode::Assessment);
        assert_eq!(d.phase(), &Phase::Briefing);
        assert_eq!(d.start(1_000).expect("start"), vec![DrillEvent::TurnStarted { turn: 0 }]);
        assert_eq!(d.customer_line(), "You said you'd call by two.");
        let events = answer(&mut d, STRONG, 21_000);
        assert!(matches!(events[..], [DrillEvent::Scored { turn: 0, passed: true, .. }]), "{events:?}");
        assert_eq!(d.results()[0].time_used_ms, 20_000);
        assert!(!d.results()[0].over_time);
        assert_eq!(d.next(30_000).expect("next"), vec![DrillEvent::TurnStarted { turn: 2 }]);
        answer(&mut d, "Four o'clock today, I'll call you at 4pm.", 40_000);
        assert_eq!(d.next(41_000).expect("next"), vec![DrillEvent::Finished]);
        assert_eq!(d.phase(), &Phase::Finished);
        assert_eq!(d.results().len(), 2);
    }

    #[test]
    fn blaming_takes_the_escalation_branch() {
        let mut d = drill(Mode::Practice);
        d.start(0).expect("start");
        answer(&mut d, "Corporate messed up, not me.", 5_000);
        assert!(d.last_result().expect("result").card.criterion("blames").expect("blames").met);
        assert_eq!(d.next(6_000).expect("next"), vec![DrillEvent::TurnStarted { turn: 1 }]);
        assert_eq!(d.scenario().turns[1].id, "escalation");
    }

    #[test]
    fn time_up_submits_what_was_typed_without_a_second_penalty() {
        let mut d = drill(Mode::Assessment);
        d.start(0).expect("start");
        d.set_draft(STRONG);
        assert_eq!(d.tick(49_000), vec![]);
        assert_eq!(d.tick(50_000), vec![DrillEvent::TimeWarning { turn: 0 }]);
        assert_eq!(d.tick(55_000), vec![], "the warning sounds once");
        let events = d.tick(60_000);
        assert_eq!(events[0], DrillEvent::TimeUp { turn: 0 });
        let result = d.last_result().expect("result");
        assert!(result.over_time);
        assert_eq!(result.time_used_ms, 60_000);
        assert_eq!(result.response, STRONG);
        let mut on_time = drill(Mode::Assessment);
        on_time.start(0).expect("start");
        answer(&mut on_time, STRONG, 59_000);
        assert_eq!(
            result.card.score,
            on_time.last_result().expect("result").card.score,
            "over time is recorded, not deducted"
        );
        assert_eq!(d.tick(70_000), vec![], "nothing more happens on the score card");
    }

    #[test]
    fn an_empty_answer_at_time_up_scores_zero() {
        let mut d = drill(Mode::Assessment);
        d.start(0).expect("start");
        let events = d.tick(61_000);
        assert!(matches!(events[..], [DrillEvent::TimeUp { .. }, DrillEvent::Scored { score: 0, passed: false, .. }]));
    }

    #[test]
    fn abandoning_keeps_what_was_answered() {
        let mut d = drill(Mode::Practice);
        d.start(0).expect("start");
        answer(&mut d, STRONG, 1_000);
        d.next(2_000).expect("next");
        d.abandon();
        assert_eq!(d.phase(), &Phase::Abandoned);
        assert_eq!(d.results().len(), 1);
        assert_eq!(d.submit(3_000), Err(DrillError::WrongPhase));
        assert_eq!(d.tick(90_000), vec![]);
    }

    #[test]
    fn alternative_wordings_are_picked_by_the_seed() {
        let (mut s, l) = fixture();
        s.turns[0].alternatives = (1..=6).map(|i| format!("Wording {i}")).collect();
        s.turns[0].voice = None;
        let line = |seed| {
            let mut d = Drill::new(s.clone(), l.clone(), Mode::Practice, seed);
            d.start(0).expect("start");
            d.customer_line().to_string()
        };
        assert_eq!(line(1), line(1), "the same seed gives the same line");
        let lines: std::collections::BTreeSet<String> = (0..40).map(line).collect();
        assert!(lines.len() > 3, "different seeds vary the wording: {lines:?}");
        let mut voiced = s.clone();
        voiced.turns[0].voice = Some("voices/x.ogg".into());
        let lines: std::collections::BTreeSet<String> = (0..10)
            .map(|seed| {
                let mut d = Drill::new(voiced.clone(), l.clone(), Mode::Practice, seed);
                d.start(0).expect("start");
                d.customer_line().to_string()
            })
            .collect();
        assert_eq!(lines.len(), 1, "a recorded line is always the main wording");
    }

    #[test]
    fn a_drill_scored_elsewhere_waits_for_its_card_and_its_clock_stops() {
        let mut d = drill(Mode::Assessment).scored_elsewhere();
        d.start(0).expect("start");
        assert_eq!(answer(&mut d, STRONG, 20_000), vec![], "no card yet");
        assert_eq!(d.phase(), &Phase::Scoring { turn: 0 });
        assert_eq!(d.tick(90_000), vec![], "no time-up while the card is on its way");
        assert_eq!(d.submit(21_000), Err(DrillError::WrongPhase), "sent once");
        let job = d.take_job().expect("the job");
        assert!(d.take_job().is_none(), "handed out once");
        assert_eq!(job.turn(), 0);
        let events = d.receive(job.run()).expect("card");
        assert!(matches!(events[..], [DrillEvent::Scored { turn: 0, passed: true, .. }]), "{events:?}");
        let r = d.last_result().expect("result");
        assert_eq!((r.time_used_ms, r.response.as_str()), (20_000, STRONG), "timed when sent, not when scored");
        assert_eq!(d.receive(job.run()), Err(DrillError::WrongPhase), "a card arriving twice is refused");
    }

    #[test]
    fn a_refused_answer_goes_back_to_the_box_with_its_text() {
        let mut d = drill(Mode::Practice).scored_elsewhere();
        d.start(0).expect("start");
        answer(&mut d, "too long", 1_000);
        let refused = Err(crate::core::scoring::ScoreError::TooLong(99_999));
        assert!(matches!(d.receive(refused), Err(DrillError::Score(_))));
        assert!(matches!(d.phase(), Phase::Answering { turn: 0, .. }));
        assert_eq!(d.draft(), "too long");
        assert!(d.results().is_empty());
    }

    #[test]
    fn a_timed_out_answer_scored_elsewhere_is_marked_over_time() {
        let mut d = drill(Mode::Assessment).scored_elsewhere();
        d.start(0).expect("start");
        d.set_draft(STRONG);
        assert_eq!(d.tick(61_000), vec![DrillEvent::TimeUp { turn: 0 }]);
        let job = d.take_job().expect("job");
        d.receive(job.run()).expect("card");
        let r = d.last_result().expect("result");
        assert!(r.over_time);
        assert_eq!(r.time_used_ms, 60_000);
    }

    #[test]
    fn commands_out_of_turn_are_refused() {
        let mut d = drill(Mode::Practice);
        assert_eq!(d.submit(0), Err(DrillError::WrongPhase));
        assert_eq!(d.next(0), Err(DrillError::WrongPhase));
        d.start(0).expect("start");
        assert_eq!(d.start(0), Err(DrillError::WrongPhase));
        assert_eq!(d.next(0), Err(DrillError::WrongPhase));
    }
}

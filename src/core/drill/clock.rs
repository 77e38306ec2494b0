//! A drill's clock: time left, the ten-second warning and the time-out (solo), and stopping it for a
//! practice pause or while the "leave this drill?" question is open.

use super::{Drill, DrillError, DrillEvent, Mode, Phase, WARNING_SECONDS};

impl Drill {
    /// Milliseconds left to answer (None when no turn is running).
    pub fn remaining_ms(&self, now_ms: u64) -> Option<u64> {
        if !self.timed {
            return None;
        }
        match self.phase {
            Phase::Answering { deadline_ms, .. } => Some(deadline_ms.saturating_sub(now_ms)),
            Phase::Paused { remaining_ms, .. } => Some(remaining_ms),
            _ => None,
        }
    }

    /// Whole seconds the clock shows at `now_ms`, rounded up (it shows 1 until time is up; None
    /// when no turn is running or the drill is untimed).
    pub fn seconds_shown(&self, now_ms: u64) -> Option<u64> {
        self.remaining_ms(now_ms).map(|ms| ms.div_ceil(1000))
    }

    /// Milliseconds until the seconds shown next change while the clock runs (the window sleeps
    /// until then instead of redrawing the same number); None when it does not run (untimed,
    /// paused, the leave question open, no turn being answered, or time is up).
    pub fn ms_to_next_second(&self, now_ms: u64) -> Option<u64> {
        let Phase::Answering { deadline_ms, .. } = self.phase else { return None };
        let remaining = deadline_ms.saturating_sub(now_ms);
        if !self.timed || remaining == 0 {
            return None;
        }
        // The number drops as the time left reaches a whole second: 5.000 s left shows 5, 4.999 s shows 5 too.
        Some(match remaining % 1000 {
            0 => 1000,
            part => part,
        })
    }

    /// Let time pass: warns once when few seconds are left, and submits the draft when time is up.
    pub fn tick(&mut self, now_ms: u64) -> Vec<DrillEvent> {
        let Phase::Answering { turn, deadline_ms, .. } = self.phase else { return Vec::new() };
        if !self.timed {
            return Vec::new();
        }
        let mut events = Vec::new();
        if now_ms >= deadline_ms {
            events.push(DrillEvent::TimeUp { turn });
            events.extend(self.score_draft(now_ms, true).unwrap_or_default());
            return events;
        }
        if !self.warned && deadline_ms - now_ms <= WARNING_SECONDS * 1000 {
            self.warned = true;
            events.push(DrillEvent::TimeWarning { turn });
        }
        events
    }

    /// Stop the clock (practice only).
    pub fn pause(&mut self, now_ms: u64) -> Result<(), DrillError> {
        if self.mode == Mode::Assessment {
            return Err(DrillError::PauseInAssessment);
        }
        self.stop_clock(now_ms)
    }

    /// Start the clock again after a pause (not while the "leave this drill?" question is open).
    pub fn resume(&mut self, now_ms: u64) -> Result<(), DrillError> {
        if self.leaving.is_some() {
            return Err(DrillError::WrongPhase);
        }
        self.start_clock(now_ms)
    }

    /// The employee asks to leave: the clock stops while the question is open, in an assessment
    /// too, so time cannot run out (and score a half-typed answer) behind it. Only while a turn is
    /// being answered.
    pub fn ask_to_leave(&mut self, now_ms: u64) -> Result<(), DrillError> {
        if self.leaving.is_some() {
            return Ok(());
        }
        match self.phase {
            Phase::Answering { .. } => {
                self.stop_clock(now_ms)?;
                self.leaving = Some(true);
            }
            Phase::Paused { .. } => self.leaving = Some(false),
            _ => return Err(DrillError::WrongPhase),
        }
        Ok(())
    }

    /// Whether the "leave this drill?" question is open.
    pub fn is_asking_to_leave(&self) -> bool {
        self.leaving.is_some()
    }

    /// Stay after all: the clock runs on from where it stopped (a pause the employee made before
    /// asking stays a pause).
    pub fn stay(&mut self, now_ms: u64) -> Result<(), DrillError> {
        match self.leaving.take() {
            Some(true) => self.start_clock(now_ms),
            Some(false) => Ok(()),
            None => Err(DrillError::WrongPhase),
        }
    }

    fn stop_clock(&mut self, now_ms: u64) -> Result<(), DrillError> {
        let Phase::Answering { turn, started_ms, deadline_ms } = self.phase else { return Err(DrillError::WrongPhase) };
        self.phase = Phase::Paused { turn, started_ms, remaining_ms: deadline_ms.saturating_sub(now_ms) };
        self.pause_started = Some(now_ms);
        Ok(())
    }

    fn start_clock(&mut self, now_ms: u64) -> Result<(), DrillError> {
        let Phase::Paused { turn, started_ms, remaining_ms } = self.phase else { return Err(DrillError::WrongPhase) };
        let paused_for = now_ms.saturating_sub(self.pause_started.take().unwrap_or(now_ms));
        self.phase = Phase::Answering { turn, started_ms: started_ms + paused_for, deadline_ms: now_ms + remaining_ms };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{STRONG, answer, drill};
    use super::*;

    #[test]
    fn the_window_wakes_when_the_number_on_the_clock_changes() {
        let mut d = drill(Mode::Practice);
        assert_eq!(d.ms_to_next_second(0), None, "no clock on the briefing");
        d.start(1_300).expect("start");
        // 60 s from 1,300: the clock shows 60 until 2,300, then 59.
        assert_eq!(d.seconds_shown(1_300), Some(60));
        assert_eq!(d.ms_to_next_second(1_300), Some(1000), "just started: a whole second to the next");
        assert_eq!(d.seconds_shown(2_299), Some(60));
        assert_eq!(d.ms_to_next_second(2_000), Some(300), "the clock next changes at 2,300");
        assert_eq!(d.seconds_shown(2_300), Some(59));
        assert_eq!(d.seconds_shown(61_299), Some(1), "one second is shown until time is up");
        assert_eq!(d.ms_to_next_second(61_299), Some(1));
        d.pause(30_000).expect("pause");
        assert_eq!(d.ms_to_next_second(30_000), None, "a stopped clock needs no redraw");
        d.resume(40_500).expect("resume");
        // 31.3 s were left at the pause: the next change is 300 ms after resuming.
        assert_eq!(d.seconds_shown(40_500), Some(32));
        assert_eq!(d.ms_to_next_second(40_500), Some(300));
        d.ask_to_leave(41_000).expect("ask");
        assert_eq!(d.ms_to_next_second(41_000), None, "stopped behind the leave question");
        let mut untimed = drill(Mode::Practice).untimed();
        untimed.start(0).expect("start");
        assert_eq!((untimed.seconds_shown(500), untimed.ms_to_next_second(500)), (None, None), "no clock at all");
    }

    #[test]
    fn pausing_is_for_practice_only_and_stops_the_clock() {
        let mut a = drill(Mode::Assessment);
        a.start(0).expect("start");
        assert_eq!(a.pause(1_000), Err(DrillError::PauseInAssessment));
        let mut p = drill(Mode::Practice);
        p.start(0).expect("start");
        p.pause(10_000).expect("pause");
        assert_eq!(p.remaining_ms(500_000), Some(50_000));
        assert_eq!(p.tick(500_000), vec![], "no time passes while paused");
        p.resume(100_000).expect("resume");
        assert_eq!(p.remaining_ms(100_000), Some(50_000));
        answer(&mut p, STRONG, 110_000);
        assert_eq!(p.last_result().expect("result").time_used_ms, 20_000, "pauses are not counted");
    }

    #[test]
    fn the_clock_stops_while_the_leave_question_is_open_even_in_an_assessment() {
        let mut d = drill(Mode::Assessment);
        assert_eq!(d.ask_to_leave(0), Err(DrillError::WrongPhase), "nothing to leave on the briefing");
        d.start(0).expect("start");
        d.set_draft("I'm sorry, that's");
        d.ask_to_leave(20_000).expect("ask");
        assert!(d.is_asking_to_leave());
        assert_eq!(d.tick(500_000), vec![], "no warning and no time-up behind the question");
        assert_eq!(d.remaining_ms(500_000), Some(40_000));
        assert_eq!(d.resume(500_000), Err(DrillError::WrongPhase), "only staying ends the question");
        assert!(d.submit(500_000).is_err(), "nothing is sent behind the question");
        d.stay(500_000).expect("stay");
        assert!(!d.is_asking_to_leave());
        assert_eq!(d.remaining_ms(500_000), Some(40_000), "the clock runs on from where it stopped");
        assert_eq!(d.draft(), "I'm sorry, that's", "the half-typed answer is still there");
        assert_eq!(d.tick(530_000), vec![DrillEvent::TimeWarning { turn: 0 }]);
        d.set_draft(STRONG);
        answer(&mut d, STRONG, 535_000);
        assert_eq!(d.last_result().expect("result").time_used_ms, 55_000, "the question's time is not counted");
    }

    #[test]
    fn a_pause_made_before_asking_to_leave_stays_a_pause() {
        let mut d = drill(Mode::Practice);
        d.start(0).expect("start");
        d.pause(10_000).expect("pause");
        d.ask_to_leave(20_000).expect("ask");
        d.stay(30_000).expect("stay");
        assert!(matches!(d.phase(), Phase::Paused { remaining_ms: 50_000, .. }));
        d.resume(40_000).expect("resume");
        assert_eq!(d.remaining_ms(40_000), Some(50_000));
        assert_eq!(d.stay(40_000), Err(DrillError::WrongPhase), "no question is open");
        d.ask_to_leave(41_000).expect("ask again");
        d.abandon();
        assert!(!d.is_asking_to_leave());
        assert_eq!(d.phase(), &Phase::Abandoned);
    }
}

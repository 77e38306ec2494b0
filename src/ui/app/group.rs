//! Coach mode in the app: setting up a group session, the picker's spin and clock, scoring a go,
//! recording it in the participant's history, and the session report.

#![allow(clippy::wildcard_imports)] // until the app-state split (#13)

use super::*;

impl FollowThroughApp {
    /// Scenarios for the setup screen: (id, title, priority, suggested), suggested ones first.
    pub(super) fn coach_scenarios(&self) -> Vec<(String, String, u32, bool)> {
        let scenarios: Vec<&crate::core::scenario::Scenario> =
            self.library.scenarios.iter().map(|l| &l.scenario).collect();
        let team: Vec<Attempt> =
            self.store.as_ref().and_then(|s| s.attempts(&AttemptFilter::default()).ok()).unwrap_or_default();
        crate::core::coach::session::suggest(&scenarios, &team)
            .into_iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let s = self.library.scenario(&id)?;
                Some((id.clone(), s.title.clone(), s.priority(), i < 3))
            })
            .collect()
    }

    pub(super) fn start_group(&mut self) {
        let Some(store) = &self.store else {
            self.status = "A group session needs the progress store (see the message above)".into();
            return;
        };
        let setup = self.coach_setup.clone();
        let mut roster: Vec<crate::core::coach::Participant> = Vec::new();
        for id in &setup.roster {
            if let Some(e) = self.employees.iter().find(|e| &e.id == id) {
                roster.push(crate::core::coach::Participant { id: e.id.clone(), name: e.name.clone(), walk_in: false });
            }
        }
        for name in &setup.walk_ins {
            // A walk-in gets a profile, so the go lands in their own history.
            let existing = self.employees.iter().find(|e| e.name.eq_ignore_ascii_case(name)).cloned();
            let employee = match existing {
                Some(e) => e,
                None => match store.add_employee(name, jiff::Timestamp::now()) {
                    Ok(e) => e,
                    Err(e) => {
                        self.status = e.to_string();
                        return;
                    }
                },
            };
            roster.push(crate::core::coach::Participant { id: employee.id, name: employee.name, walk_in: true });
        }
        let scenarios: Vec<crate::core::scenario::Scenario> =
            setup.scenarios.iter().filter_map(|id| self.library.scenario(id).cloned()).collect();
        let plan = crate::core::coach::SessionPlan {
            scenario_ids: scenarios.iter().map(|s| s.id.clone()).collect(),
            roster,
            seconds_per_turn: setup.seconds,
            peer_scoring: setup.peer_scoring,
            leaderboard: setup.leaderboard,
        };
        self.drills_started += 1;
        match GroupSession::new(plan, scenarios, self.now_ms ^ self.drills_started.rotate_left(21)) {
            Some(session) => {
                self.group = Some(session);
                self.group_report = None;
                self.group_exported = None;
                self.coach_input = CoachInput::default();
                self.refresh_progress();
                self.screen = Screen::Coach;
            }
            None => self.status = "Pick at least one scenario and one participant".into(),
        }
    }

    /// The picker's spin ends: pick; the clock starts for the one picked.
    pub(super) fn tick_group(&mut self, ctx: &egui::Context) {
        if let Some(until) = self.spin_until_ms {
            if self.now_ms >= until {
                self.spin_until_ms = None;
                if let Some(g) = &mut self.group {
                    if g.pick().is_none() {
                        self.status = "Nobody is present to pick".into();
                    }
                    self.group_turn_started = (self.now_ms, jiff::Timestamp::now());
                    self.time_up_played = false;
                    self.coach_input = CoachInput::default();
                    // The customer speaks, as in a drill.
                    let on_screen = (g.current_scenario().id.clone(), g.turn);
                    self.audio.play_cue(Cue::Start);
                    if let Some(path) = self.voice_of(&on_screen.0, on_screen.1)
                        && let Err(w) = self.audio.play_voice(&path)
                    {
                        self.warn_audio(&w);
                    }
                }
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(60));
        }
        if self.group.as_ref().is_some_and(|g| matches!(g.phase, GroupPhase::Answering { .. })) {
            if self.group_seconds_left() == 0 && !self.time_up_played {
                self.time_up_played = true;
                self.audio.play_cue(Cue::TimeUp);
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    }

    pub(super) fn group_seconds_left(&self) -> u64 {
        let limit = self.group.as_ref().map_or(0, |g| u64::from(g.plan.seconds_per_turn));
        limit.saturating_sub(self.now_ms.saturating_sub(self.group_turn_started.0) / 1000)
    }

    pub(super) fn group_answered(&mut self) {
        let Some(g) = &mut self.group else { return };
        if let Err(e) = g.answer_typed(&self.coach_input.typed, &self.library.lexicon) {
            self.status = format!("Not scored: {e}; shorten the answer");
        }
    }

    pub(super) fn save_group_score(&mut self) {
        let Some(g) = &mut self.group else { return };
        let peer = if g.plan.peer_scoring { vec![self.coach_input.room.clone()] } else { Vec::new() };
        let scenario = g.current_scenario().clone();
        let turn_index = g.turn;
        let typed = g.typed.clone();
        let Some(turnout) = g.score(&self.coach_input.why, &self.coach_input.note, peer) else { return };
        self.coach_input = CoachInput::default();
        let over = g.phase == GroupPhase::Over;
        let elapsed = self.now_ms.saturating_sub(self.group_turn_started.0);
        let over_time = self.group_seconds_left() == 0;
        if let Some(store) = &self.store {
            let coach = self.current_employee().map_or("coach".to_string(), |e| e.name.clone());
            let id = uuid::Uuid::new_v4().to_string();
            let card = &turnout.card;
            let turn = &scenario.turns[turn_index];
            let attempt = Attempt {
                id: id.clone(),
                employee_id: turnout.participant.clone(),
                scenario_id: scenario.id.clone(),
                scenario_revision: scenario.revision,
                mode: AttemptMode::Group,
                scorer: crate::core::progress::Scorer::Coach,
                started_at: self.group_turn_started.1,
                completed: true,
                turns: vec![crate::core::progress::TurnAttempt {
                    turn_id: turn.id.clone(),
                    customer_line: turn.customer.clone(),
                    response: if typed.is_empty() { "(answered aloud)".into() } else { typed },
                    score: card.score,
                    pass_mark: card.pass_mark,
                    passed: card.passed,
                    time_used_ms: elapsed,
                    over_time,
                    criteria: card
                        .criteria
                        .iter()
                        .map(|c| crate::core::progress::CriterionOutcome {
                            id: c.id.clone(),
                            label: c.label.clone(),
                            kind: c.kind,
                            met: c.met,
                            points: c.points,
                            worth: Some(c.worth),
                        })
                        .collect(),
                }],
            };
            let now = jiff::Timestamp::now();
            let changes: Vec<crate::core::progress::Override> = turnout
                .overrides
                .iter()
                .map(|(criterion, old, new, why)| crate::core::progress::Override {
                    attempt_id: id.clone(),
                    turn_index: 0,
                    criterion_id: criterion.clone(),
                    coach: coach.clone(),
                    at: now,
                    old_met: *old,
                    new_met: *new,
                    reason: why.clone(),
                })
                .collect();
            if let Err(e) = store.record_coached_attempt(&attempt, &changes) {
                self.status = format!("Not saved: {e}");
            }
        }
        if over {
            self.end_group();
        }
    }

    pub(super) fn end_group(&mut self) {
        let Some(g) = &mut self.group else { return };
        g.finish();
        let scenarios: Vec<&crate::core::scenario::Scenario> = g.scenarios.iter().collect();
        self.group_report = Some(crate::core::coach::session_report(&g.plan, &g.turnouts, &scenarios));
        self.refresh_progress();
    }

    pub(super) fn export_group(&mut self) {
        let (Some(g), Some(report)) = (&self.group, &self.group_report) else { return };
        let stamp = jiff::Zoned::now().strftime("%Y-%m-%d-%H%M%S").to_string();
        let folder = self.data_dir.join("sessions");
        let csv = match crate::core::coach::report_csv(report, &g.turnouts) {
            Ok(csv) => csv,
            Err(e) => {
                self.status = format!("Not exported: {e}");
                return;
            }
        };
        let html = crate::core::coach::report_html(report, &format!("Group session, {stamp}"));
        let csv_path = folder.join(format!("session-{stamp}.csv"));
        let html_path = folder.join(format!("session-{stamp}.html"));
        let written = crate::io::scenario_files::write_new_file(&csv_path, &csv)
            .and_then(|()| crate::io::scenario_files::write_new_file(&html_path, &html));
        match written {
            Ok(()) => self.group_exported = Some(format!("{} and {}", csv_path.display(), html_path.display())),
            Err(e) => self.status = e.to_string(),
        }
    }

    /// The group session in progress (or just over).
    pub fn group(&self) -> Option<&GroupSession> {
        self.group.as_ref()
    }

    /// The report of the group session just over.
    pub fn group_report(&self) -> Option<&SessionReport> {
        self.group_report.as_ref()
    }

    /// Where the session report was written.
    pub fn group_exported(&self) -> Option<&str> {
        self.group_exported.as_deref()
    }

    /// A group session is under way (leaving it is "End session", which shows the report).
    pub(super) fn group_running(&self) -> bool {
        self.group.as_ref().is_some_and(|g| g.phase != GroupPhase::Over)
    }
}

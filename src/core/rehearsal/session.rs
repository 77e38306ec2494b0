//! One sitting of script rehearsal: the scripts of a scenario, the one being learnt, the level it
//! is faded to, and the verdict on the last recitation. The window draws it; the store keeps the
//! level reached per script.

use crate::core::progress::{Activity, AttemptMode};
use crate::core::rehearsal::{Faded, Level, Recitation, Script, compare_script, fade, next_level, scripts};
use crate::core::scenario::{Lexicon, Scenario};

/// The outcome of one recitation.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Word by word.
    pub recitation: Recitation,
    /// The level it was recited at.
    pub from: Level,
    /// The level the script moves to.
    pub to: Level,
    /// What was said.
    pub said: String,
}

/// Rehearsing the scripts of one scenario.
#[derive(Debug, Clone)]
pub struct RehearsalSession {
    /// The scenario.
    pub scenario_id: String,
    /// Its title.
    pub title: String,
    /// Every script (model answers, then trainer lines), in turn order.
    pub scripts: Vec<Script>,
    /// Each script's level, same order.
    pub levels: Vec<Level>,
    /// The script being rehearsed.
    pub current: usize,
    /// How it is shown now.
    pub faded: Faded,
    /// The verdict on the last recitation of the current script (None until checked).
    pub checked: Option<Checked>,
    /// The scenario's turn ids in order, so a script is shown as "Turn 2", not by its id.
    pub turn_ids: Vec<String>,
    seed: u64,
}

/// A recitation's score out of 100: the share of the script's words said as written.
pub fn recitation_score(recitation: &Recitation) -> u32 {
    (recitation.accuracy.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The level stored as a number (0 = full text).
pub fn level_index(level: Level) -> u8 {
    Level::ALL.iter().position(|l| *l == level).unwrap_or(0) as u8
}

/// The level a stored number stands for.
pub fn level_from_index(index: u8) -> Level {
    Level::ALL.get(usize::from(index)).copied().unwrap_or(Level::Full)
}

impl RehearsalSession {
    /// A session on `scenario`; `level_of(key)` gives each script's remembered level. `None` when the
    /// scenario has nothing to rehearse.
    pub fn new(
        scenario: &Scenario,
        lexicon: &Lexicon,
        level_of: impl Fn(&str) -> Option<Level>,
        seed: u64,
    ) -> Option<Self> {
        let scripts = scripts(scenario, lexicon);
        let first = scripts.first()?;
        let levels: Vec<Level> = scripts.iter().map(|s| level_of(&s.key).unwrap_or(Level::Full)).collect();
        let faded = fade(first, levels[0], seed);
        Some(Self {
            scenario_id: scenario.id.clone(),
            title: scenario.title.clone(),
            scripts,
            levels,
            current: 0,
            faded,
            checked: None,
            turn_ids: scenario.turns.iter().map(|t| t.id.clone()).collect(),
            seed,
        })
    }

    /// The script being rehearsed.
    pub fn script(&self) -> &Script {
        &self.scripts[self.current]
    }

    /// The number a learner knows turn `turn_id` by (1 for the first turn; 0 for an unknown id).
    pub fn turn_number(&self, turn_id: &str) -> usize {
        self.turn_ids.iter().position(|t| t == turn_id).map_or(0, |i| i + 1)
    }

    /// Its level.
    pub fn level(&self) -> Level {
        self.levels[self.current]
    }

    /// Rehearse another script.
    pub fn select(&mut self, index: usize) {
        if index < self.scripts.len() {
            self.current = index;
            self.again();
        }
    }

    /// Show the current script again at its level (other words hidden than last time).
    pub fn again(&mut self) {
        self.seed = self.seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.faded = fade(&self.scripts[self.current], self.level(), self.seed);
        self.checked = None;
    }

    /// Compare a recitation with the script; the level moves up after a clean one, down after a
    /// poor one. Returns the new level.
    pub fn check(&mut self, said: &str) -> Level {
        let recitation = compare_script(&self.scripts[self.current], said);
        let from = self.level();
        let to = next_level(from, &recitation);
        self.levels[self.current] = to;
        self.checked = Some(Checked { recitation, from, to, said: said.to_string() });
        to
    }

    /// The last recitation as kept in the employee's history (None before one is checked):
    /// `shown` is the faded text it was recited from, `revision` the scenario's.
    pub fn activity(&self, revision: u32, shown: &str, time_used_ms: u64) -> Option<Activity> {
        let checked = self.checked.as_ref()?;
        Some(Activity {
            mode: AttemptMode::Rehearsal,
            scenario_id: self.scenario_id.clone(),
            scenario_revision: revision,
            item: self.script().key.clone(),
            shown: shown.to_string(),
            given: checked.said.clone(),
            score: recitation_score(&checked.recitation),
            passed: checked.recitation.clean,
            time_used_ms,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_fixtures::minimal;

    #[test]
    fn a_checked_recitation_is_kept_with_its_share_of_words_as_the_score() {
        let (s, l) = minimal();
        let mut session = RehearsalSession::new(&s, &l, |_| None, 7).expect("lines to rehearse");
        assert!(session.activity(3, "shown", 10).is_none(), "nothing checked yet");
        let line = session.script().text.clone();
        let half: Vec<&str> = line.split_whitespace().collect();
        let half = half[..half.len() / 2].join(" ");
        session.check(&half);
        let a = session.activity(3, "shown", 1_500).expect("activity");
        assert_eq!((a.mode, a.scenario_revision, a.time_used_ms), (AttemptMode::Rehearsal, 3, 1_500));
        assert_eq!(a.given, half);
        assert!(a.score > 0 && a.score < 100, "about half the words: {}", a.score);
        assert!(!a.passed);
        session.check(&line);
        let clean = session.activity(3, "shown", 1).expect("activity");
        assert_eq!((clean.score, clean.passed), (100, true));
    }
}

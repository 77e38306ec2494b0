//! Staging settings kept with the progress: the rollout rules for everyone on this machine (set by
//! a trainer or coach) and each employee's minutes a day.

use super::{Store, StoreError, meta};
use crate::core::staging::StagingSettings;

/// The `meta` key holding the rollout rules (JSON).
const RULES_KEY: &str = "staging_rules";

/// The rollout rules a trainer may change.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RolloutRules {
    /// Scenarios being learnt at once.
    pub stage_size: usize,
    /// Passes in a row that count as mastery.
    pub mastery_streak: u32,
    /// Lowest score (0-100) a pass needs to count towards mastery.
    pub mastery_score: f64,
    /// Minutes a day for an employee who has not chosen.
    pub daily_minutes: f64,
}

impl Default for RolloutRules {
    fn default() -> Self {
        let s = StagingSettings::default();
        Self {
            stage_size: s.stage_size,
            mastery_streak: s.mastery_streak,
            mastery_score: s.mastery_score,
            daily_minutes: s.daily_minutes,
        }
    }
}

fn minutes_key(employee: &str) -> String {
    format!("daily_minutes:{employee}")
}

impl Store {
    /// The rollout rules (the defaults until someone changes them; unreadable rules fall back to
    /// the defaults with a warning).
    pub fn rollout_rules(&self) -> Result<RolloutRules, StoreError> {
        Ok(meta::get_json(&self.conn, RULES_KEY, "rollout rules")?.unwrap_or_default())
    }

    /// Keep new rollout rules (values out of range are brought into range).
    pub fn set_rollout_rules(&self, rules: &RolloutRules) -> Result<(), StoreError> {
        let rules = RolloutRules {
            stage_size: rules.stage_size.clamp(1, 50),
            mastery_streak: rules.mastery_streak.clamp(1, 10),
            mastery_score: rules.mastery_score.clamp(0.0, 100.0),
            daily_minutes: clamp_minutes(rules.daily_minutes),
        };
        self.writable()?;
        meta::set_json(&self.conn, RULES_KEY, &rules)
    }

    /// Minutes a day the employee chose (None: the rules' default).
    pub fn daily_minutes(&self, employee: &str) -> Result<Option<f64>, StoreError> {
        let text = meta::get(&self.conn, &minutes_key(employee))?;
        Ok(text.and_then(|t| t.parse::<f64>().ok()).filter(|m| m.is_finite()))
    }

    /// Keep the employee's minutes a day.
    pub fn set_daily_minutes(&self, employee: &str, minutes: f64) -> Result<(), StoreError> {
        if !super::employees::exists(&self.conn, employee)? {
            return Err(StoreError::UnknownEmployee(employee.to_string()));
        }
        self.writable()?;
        meta::set(&self.conn, &minutes_key(employee), &clamp_minutes(minutes).to_string())
    }

    /// The scheduler's settings for this employee: the rules, with their own minutes a day.
    pub fn staging_settings(&self, employee: Option<&str>) -> Result<StagingSettings, StoreError> {
        let rules = self.rollout_rules()?;
        let own = match employee {
            Some(id) => self.daily_minutes(id)?,
            None => None,
        };
        Ok(StagingSettings {
            stage_size: rules.stage_size,
            mastery_streak: rules.mastery_streak,
            mastery_score: rules.mastery_score,
            daily_minutes: own.unwrap_or(rules.daily_minutes),
            ..StagingSettings::default()
        })
    }
}

fn clamp_minutes(minutes: f64) -> f64 {
    if minutes.is_finite() { minutes.clamp(1.0, 24.0 * 60.0) } else { StagingSettings::default().daily_minutes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_minutes_are_kept_and_combined() {
        let store = Store::open_in_memory().expect("open");
        assert_eq!(store.rollout_rules().expect("rules"), RolloutRules::default());
        let sam = store.add_employee("Sam", jiff::Timestamp::UNIX_EPOCH).expect("add");
        let rules = RolloutRules { stage_size: 3, mastery_streak: 2, mastery_score: 80.0, daily_minutes: 20.0 };
        store.set_rollout_rules(&rules).expect("set");
        let s = store.staging_settings(Some(&sam.id)).expect("settings");
        assert_eq!((s.stage_size, s.mastery_streak, s.mastery_score, s.daily_minutes), (3, 2, 80.0, 20.0));
        store.set_daily_minutes(&sam.id, 45.0).expect("minutes");
        assert_eq!(store.staging_settings(Some(&sam.id)).expect("settings").daily_minutes, 45.0);
        assert_eq!(store.staging_settings(None).expect("settings").daily_minutes, 20.0);
        assert!(matches!(store.set_daily_minutes("nobody", 10.0), Err(StoreError::UnknownEmployee(_))));
        store.set_rollout_rules(&RolloutRules { stage_size: 0, ..rules }).expect("set");
        assert_eq!(store.rollout_rules().expect("rules").stage_size, 1, "brought into range");
    }
}

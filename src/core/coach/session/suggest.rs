//! Which scenarios to offer a team session: high priority where the team scores worst, the first
//! few ticked.

use crate::core::progress::Attempt;
use crate::core::scenario::Scenario;

/// How many of the suggested scenarios are ticked (and marked suggested) on the setup screen.
pub const SUGGESTED: usize = 3;

/// One scenario offered on the setup screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Scenario id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its priority.
    pub priority: u32,
    /// Among the first few the team needs most (ticked at first).
    pub suggested: bool,
}

/// Scenario ids to suggest for a team session: high priority where the team scores worst. Each
/// scenario's need is its priority times what the team's latest drill scores leave to learn (a
/// scenario nobody has drilled needs everything). Highest need first.
pub fn suggest(scenarios: &[&Scenario], team_attempts: &[Attempt]) -> Vec<String> {
    let mut ranked: Vec<(f64, &Scenario)> = scenarios
        .iter()
        .map(|s| {
            let mut latest: std::collections::HashMap<&str, (&jiff::Timestamp, f64)> = Default::default();
            for a in team_attempts.iter().filter(|a| a.scenario_id == s.id && a.is_finished_drill()) {
                let entry = latest.entry(a.employee_id.as_str()).or_insert((&a.started_at, a.score()));
                if &a.started_at >= entry.0 {
                    *entry = (&a.started_at, a.score());
                }
            }
            let mean =
                if latest.is_empty() { 0.0 } else { latest.values().map(|v| v.1).sum::<f64>() / latest.len() as f64 };
            (f64::from(s.priority()) * (1.0 - mean / 100.0), *s)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    ranked.into_iter().map(|(_, s)| s.id.clone()).collect()
}

/// The scenarios for the setup screen in [`suggest`]'s order, the first [`SUGGESTED`] marked.
pub fn suggestions(scenarios: &[&Scenario], team_attempts: &[Attempt]) -> Vec<Suggestion> {
    suggest(scenarios, team_attempts)
        .into_iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let s = scenarios.iter().find(|s| s.id == id)?;
            Some(Suggestion { title: s.title.clone(), priority: s.priority(), suggested: i < SUGGESTED, id })
        })
        .collect()
}

/// The ids ticked at first on the setup screen: the suggested ones.
pub fn ticked_at_first(suggestions: &[Suggestion]) -> Vec<String> {
    suggestions.iter().filter(|s| s.suggested).map(|s| s.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_fixtures::minimal;

    #[test]
    fn the_first_three_needed_are_suggested() {
        let (s, _) = minimal();
        let copies: Vec<Scenario> = (0..5)
            .map(|i| {
                let mut c = s.clone();
                c.id = format!("s{i}");
                c
            })
            .collect();
        let refs: Vec<&Scenario> = copies.iter().collect();
        let offered = suggestions(&refs, &[]);
        assert_eq!(offered.len(), 5);
        assert_eq!(offered.iter().filter(|o| o.suggested).count(), SUGGESTED);
        assert_eq!(ticked_at_first(&offered), vec!["s0", "s1", "s2"]);
    }
}

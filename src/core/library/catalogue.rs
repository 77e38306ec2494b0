//! The library as the home screen shows it: scenarios grouped by main behaviour, highest priority first.

use crate::core::library::LoadedScenario;
use crate::core::scenario::vocab::{self, BEHAVIOURS};

/// One scenario as listed on the home screen.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueEntry {
    /// Scenario id.
    pub id: String,
    /// Title.
    pub title: String,
    /// One-line summary.
    pub summary: String,
    /// Importance x frequency.
    pub priority: u32,
    /// Job families, display names.
    pub job_families: Vec<String>,
    /// Number of turns.
    pub turns: usize,
}

/// Scenarios that share a main behaviour.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueGroup {
    /// Behaviour name (kebab-case).
    pub behaviour: String,
    /// What the behaviour means.
    pub description: String,
    /// Entries, highest priority first.
    pub entries: Vec<CatalogueEntry>,
}

/// Group scenarios by main behaviour (in the order behaviours are listed in the vocabulary),
/// keeping only those for `job_family` when given. Empty groups are left out.
pub fn catalogue(scenarios: &[LoadedScenario], job_family: Option<&str>) -> Vec<CatalogueGroup> {
    let mut groups: Vec<CatalogueGroup> = BEHAVIOURS
        .iter()
        .map(|b| CatalogueGroup {
            behaviour: b.name.to_string(),
            description: b.description.to_string(),
            entries: Vec::new(),
        })
        .collect();
    for loaded in scenarios {
        let s = &loaded.scenario;
        if job_family.is_some_and(|f| !s.job_families.iter().any(|x| x == f)) {
            continue;
        }
        let Some(group) = groups.iter_mut().find(|g| g.behaviour == s.main_behaviour()) else {
            continue;
        };
        group.entries.push(CatalogueEntry {
            id: s.id.clone(),
            title: s.title.clone(),
            summary: s.summary.clone(),
            priority: s.priority(),
            job_families: s.job_families.iter().map(|f| vocab::display_name(f)).collect(),
            turns: s.turns.len(),
        });
    }
    for g in &mut groups {
        g.entries.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.title.cmp(&b.title)));
    }
    groups.retain(|g| !g.entries.is_empty());
    groups
}

/// Every job family used by the scenarios, sorted, for the filter.
pub fn job_families(scenarios: &[LoadedScenario]) -> Vec<String> {
    let mut all: Vec<String> = scenarios.iter().flat_map(|l| l.scenario.job_families.iter().cloned()).collect();
    all.sort();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::Scenario;
    use crate::core::scenario::parse::parse;

    fn loaded(id: &str, behaviour: &str, family: &str, importance: u32) -> LoadedScenario {
        let text = include_str!("../../../tests/fixtures/good/minimal.ron");
        let (mut scenario, _) = parse::<Scenario>(text).expect("fixture parses");
        scenario.id = id.into();
        scenario.title = id.into();
        scenario.behaviour = vec![behaviour.into()];
        scenario.job_families = vec![family.into()];
        scenario.importance = importance;
        LoadedScenario { file: format!("{id}.ron"), scenario, map: Default::default() }
    }

    #[test]
    fn groups_by_main_behaviour_highest_priority_first() {
        let list = vec![
            loaded("low", "follow-up", "bank-branch", 1),
            loaded("high", "follow-up", "contact-centre", 5),
            loaded("own", "ownership", "bank-branch", 3),
        ];
        let groups = catalogue(&list, None);
        assert_eq!(groups.iter().map(|g| g.behaviour.as_str()).collect::<Vec<_>>(), vec!["ownership", "follow-up"]);
        assert_eq!(groups[1].entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), vec!["high", "low"]);
        assert_eq!(groups[1].entries[0].priority, 15);
    }

    #[test]
    fn filters_by_job_family() {
        let list = vec![loaded("a", "follow-up", "bank-branch", 1), loaded("b", "follow-up", "contact-centre", 5)];
        let groups = catalogue(&list, Some("bank-branch"));
        assert_eq!(groups[0].entries.len(), 1);
        assert_eq!(groups[0].entries[0].job_families, vec!["Bank branch".to_string()]);
        assert_eq!(job_families(&list), vec!["bank-branch".to_string(), "contact-centre".to_string()]);
    }
}

//! The map of a scenario's turns for trainers: which turn follows which, on what condition, and
//! which turns no path from the first turn reaches.

use std::collections::{BTreeSet, HashMap};

use crate::core::scenario::{Condition, Scenario};

/// One way out of a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// When it is taken, in words ("if `blames` is met", "otherwise").
    pub when: String,
    /// Index of the turn it leads to (None: the id names no turn).
    pub to: Option<usize>,
    /// The id it names.
    pub to_id: String,
}

/// One turn on the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnNode {
    /// Index in the scenario.
    pub index: usize,
    /// Turn id.
    pub id: String,
    /// Ways out, in the order they are tried.
    pub edges: Vec<Edge>,
    /// The drill may end here.
    pub is_final: bool,
    /// Some path from the first turn reaches it.
    pub reachable: bool,
}

/// A condition in words.
pub fn describe(condition: &Condition) -> String {
    match condition {
        Condition::Met(id) => format!("`{id}` met"),
        Condition::NotMet(id) => format!("`{id}` not met"),
        Condition::Passed => "passed".into(),
        Condition::Failed => "failed".into(),
        Condition::All(inner) => inner.iter().map(describe).collect::<Vec<_>>().join(" and "),
        Condition::Any(inner) => format!("({})", inner.iter().map(describe).collect::<Vec<_>>().join(" or ")),
    }
}

/// Every turn with its ways out and whether it can be reached.
pub fn branch_map(scenario: &Scenario) -> Vec<TurnNode> {
    let index: HashMap<&str, usize> = scenario.turns.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let mut nodes: Vec<TurnNode> = scenario
        .turns
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut edges: Vec<Edge> = t
                .branches
                .iter()
                .map(|b| Edge {
                    when: format!("if {}", describe(&b.when)),
                    to: index.get(b.goto.as_str()).copied(),
                    to_id: b.goto.clone(),
                })
                .collect();
            if let Some(next) = &t.next {
                let when = if edges.is_empty() { "then" } else { "otherwise" };
                edges.push(Edge { when: when.into(), to: index.get(next.as_str()).copied(), to_id: next.clone() });
            }
            TurnNode { index: i, id: t.id.clone(), edges, is_final: t.is_final, reachable: false }
        })
        .collect();
    let mut seen = BTreeSet::new();
    let mut stack = vec![0usize];
    while let Some(i) = stack.pop() {
        if i < nodes.len() && seen.insert(i) {
            stack.extend(nodes[i].edges.iter().filter_map(|e| e.to));
        }
    }
    for i in seen {
        nodes[i].reachable = true;
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_fixtures::minimal;

    #[test]
    fn the_minimal_scenario_branches_on_blame_and_every_turn_is_reachable() {
        let (s, _) = minimal();
        let map = branch_map(&s);
        assert_eq!(map.len(), 3);
        assert_eq!(map[0].edges[0].when, "if `blames` met");
        assert_eq!(map[0].edges[0].to_id, "escalation");
        assert_eq!(map[0].edges[1].when, "otherwise");
        assert!(map.iter().all(|n| n.reachable));
        assert!(map[2].is_final);
    }

    #[test]
    fn a_turn_nothing_leads_to_is_marked_unreachable() {
        let (mut s, _) = minimal();
        s.turns[0].branches.clear();
        s.turns[0].next = Some("close".into());
        let map = branch_map(&s);
        assert!(!map[1].reachable, "nothing leads to the escalation any more");
        assert_eq!(map[0].edges[0].when, "then");
        let all = Condition::All(vec![
            Condition::Met("a".into()),
            Condition::Any(vec![Condition::Passed, Condition::Failed]),
        ]);
        assert_eq!(describe(&all), "`a` met and (passed or failed)");
    }
}

//! How turns lead to one another: branches and their conditions, references to turns, and a flow
//! that reaches an end from every turn.

use std::collections::{BTreeSet, HashMap};

use super::{MAX_NESTING, Reporter, suggestion};
use crate::core::scenario::diagnostic::Diagnostic;
use crate::core::scenario::{Condition, Scenario, Turn};

/// The criteria a condition names, and how deep its `All`/`Any` nest (without recursion).
pub(super) fn condition_criteria(c: &Condition, out: &mut Vec<String>) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(c, 0)];
    while let Some((c, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match c {
            Condition::Met(id) | Condition::NotMet(id) => out.push(id.clone()),
            Condition::All(inner) | Condition::Any(inner) => stack.extend(inner.iter().map(|c| (c, depth + 1))),
            Condition::Passed | Condition::Failed => {}
        }
    }
    deepest
}

pub(super) fn check_branches(t: &Turn, path: &str, turn_ids: &[&str], r: &mut Reporter) {
    let criteria: Vec<&str> = t.rubric.iter().map(|c| c.id.as_str()).collect();
    for (i, b) in t.branches.iter().enumerate() {
        let bpath = || format!("{path}.branches[{i}]");
        check_turn_ref(&b.goto, || format!("{}.goto", bpath()), turn_ids, r);
        let mut used = Vec::new();
        if condition_criteria(&b.when, &mut used) > MAX_NESTING {
            r.at(
                &format!("{}.when", bpath()),
                Diagnostic::error("too-deep", format!("conditions nested more than {MAX_NESTING} deep"))
                    .with_hint("`All([a, All([b, c])])` is the same as `All([a, b, c])`: write it flat"),
            );
        }
        for id in used {
            if !criteria.contains(&id.as_str()) {
                r.at(
                    &format!("{}.when", bpath()),
                    Diagnostic::error(
                        "unknown-criterion",
                        format!("branch condition names criterion `{id}`, which turn `{}` does not have", t.id),
                    )
                    .with_optional_hint(suggestion(&id, criteria.iter().copied())),
                );
            }
        }
    }
    if let Some(next) = &t.next {
        check_turn_ref(next, || format!("{path}.next"), turn_ids, r);
        if t.is_final {
            r.at_key(
                &format!("{path}.final"),
                Diagnostic::error(
                    "final-with-next",
                    format!("turn `{}` is marked final but also names a next turn", t.id),
                )
                .with_hint("remove `final: true` or the `next` field"),
            );
        }
    } else if !t.is_final {
        r.at(
            &format!("{path}.id"),
            Diagnostic::error(
                "dead-end",
                format!("turn `{}` ends nowhere: it has no `next` and is not marked final", t.id),
            )
            .with_hint("add `next: \"<turn id>\"` for when no branch applies, or `final: true` to end the drill here"),
        );
    }
}

/// An error at `path` when `target` names no turn; the path is written only then.
pub(super) fn check_turn_ref(target: &str, path: impl FnOnce() -> String, turn_ids: &[&str], r: &mut Reporter) {
    if !turn_ids.contains(&target) {
        r.at(
            &path(),
            Diagnostic::error("unknown-turn", format!("there is no turn `{target}` to go to")).with_hint(
                suggestion(target, turn_ids.iter().copied()).unwrap_or(format!("turns: {}", turn_ids.join(", "))),
            ),
        );
    }
}

/// The ids of turns each turn can go to next.
pub fn successors(t: &Turn) -> Vec<&str> {
    t.branches.iter().map(|b| b.goto.as_str()).chain(t.next.as_deref()).collect()
}

pub(super) fn check_flow(s: &Scenario, r: &mut Reporter) {
    let index: HashMap<&str, usize> = s.turns.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let mut reachable = BTreeSet::new();
    let mut stack = vec![0usize];
    while let Some(i) = stack.pop() {
        if reachable.insert(i) {
            stack.extend(successors(&s.turns[i]).iter().filter_map(|id| index.get(id)).copied());
        }
    }
    // Turns from which some final turn can be reached, found backwards from the final turns.
    // Dead ends (no `next`, not final) are reported on their own; count them as ends here.
    let mut can_end: BTreeSet<usize> =
        s.turns.iter().enumerate().filter(|(_, t)| t.is_final || t.next.is_none()).map(|(i, _)| i).collect();
    if !s.turns.iter().any(|t| t.is_final) && can_end.is_empty() {
        r.at_key(
            "turns",
            Diagnostic::error("endless-loop", "no turn is marked final, so the drill can never end")
                .with_hint("add `final: true` to the turn where the conversation ends"),
        );
        return;
    }
    let mut changed = true;
    while changed {
        changed = false;
        for (i, t) in s.turns.iter().enumerate() {
            if !can_end.contains(&i) && successors(t).iter().filter_map(|id| index.get(id)).any(|j| can_end.contains(j))
            {
                can_end.insert(i);
                changed = true;
            }
        }
    }
    for (i, t) in s.turns.iter().enumerate() {
        let path = format!("turns[{i}].id");
        if !reachable.contains(&i) {
            r.at(
                &path,
                Diagnostic::warning("unreachable-turn", format!("no path from the first turn reaches turn `{}`", t.id))
                    .with_hint("point a branch or a `next` at it, or remove it"),
            );
        } else if !can_end.contains(&i) && (t.next.is_some() || !t.branches.is_empty()) {
            r.at(
                &path,
                Diagnostic::error(
                    "endless-loop",
                    format!("from turn `{}` the drill can never reach a final turn", t.id),
                )
                .with_hint("mark a turn on this path `final: true`, or point `next` at one that is"),
            );
        }
    }
}

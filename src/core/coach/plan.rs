//! A group session's plan and what each turn produced: the coach's card (by the engine's own score
//! rule), the automatic card when the answer was typed, overrides with their reasons, peers' ticks.

use serde::Serialize;

use crate::core::progress::Override;
use crate::core::scenario::Turn;
use crate::core::scoring::{ScoreCard, card_from_verdicts};

/// What the coach set up before the session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SessionPlan {
    /// The scenarios to play, in order.
    pub scenario_ids: Vec<String>,
    /// Who is in the room.
    pub roster: Vec<Participant>,
    /// Time allowed per turn, in seconds.
    pub seconds_per_turn: u32,
    /// Whether peers tick the rubric too.
    pub peer_scoring: bool,
    /// Whether the session shows a leaderboard (opt-in).
    pub leaderboard: bool,
}

/// One person in the session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Participant {
    /// Employee id, or a made-up id for a walk-in.
    pub id: String,
    /// Name shown in the room and in reports.
    pub name: String,
    /// Joined at the session (the app makes them a profile, so their goes are recorded too).
    pub walk_in: bool,
}

/// One change the coach made to a verdict, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Criterion id.
    pub criterion: String,
    /// The verdict before.
    pub old: bool,
    /// The coach's verdict.
    pub new: bool,
    /// Why.
    pub why: String,
}

impl Change {
    /// The audit row for this change in turn `turn_index` of attempt `attempt_id`.
    pub fn to_override(&self, attempt_id: &str, turn_index: usize, coach: &str, at: jiff::Timestamp) -> Override {
        Override {
            attempt_id: attempt_id.to_string(),
            turn_index,
            criterion_id: self.criterion.clone(),
            coach: coach.to_string(),
            at,
            old_met: self.old,
            new_met: self.new,
            reason: self.why.clone(),
        }
    }
}

/// What one participant's answer to one turn came to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Turnout {
    /// Participant id.
    pub participant: String,
    /// Scenario id.
    pub scenario_id: String,
    /// Turn id.
    pub turn_id: String,
    /// The final card, the coach's.
    pub card: ScoreCard,
    /// The automatic card, when the answer was typed.
    pub engine: Option<ScoreCard>,
    /// Every change the coach made, oldest first.
    pub overrides: Vec<Change>,
    /// The coach's quick note.
    pub note: String,
    /// Each peer's ticks, one verdict per criterion in rubric order.
    pub peer_votes: Vec<Vec<bool>>,
    /// Who kept the score (the coach's name; blank until kept), for the override audit.
    pub coach: String,
}

impl Turnout {
    /// A turnout for a spoken answer, scored from the coach's `ticks` (one per criterion, rubric order).
    pub fn spoken(participant: &str, scenario_id: &str, turn: &Turn, ticks: &[bool]) -> Self {
        Self::with_card(participant, coach_card(scenario_id, turn, ticks), None)
    }

    /// A turnout for a typed answer: the engine's card is the coach's starting point.
    pub fn typed(participant: &str, engine: ScoreCard) -> Self {
        Self::with_card(participant, engine.clone(), Some(engine))
    }

    fn with_card(participant: &str, card: ScoreCard, engine: Option<ScoreCard>) -> Self {
        Self {
            participant: participant.to_string(),
            scenario_id: card.scenario.clone(),
            turn_id: card.turn.clone(),
            card,
            engine,
            overrides: Vec::new(),
            note: String::new(),
            peer_votes: Vec::new(),
            coach: String::new(),
        }
    }

    /// The coach's verdicts, one per criterion in rubric order.
    pub fn ticks(&self) -> Vec<bool> {
        self.card.criteria.iter().map(|c| c.met).collect()
    }

    /// The coach sets `criterion` to `met` for the reason `why`; the card is scored again by the same
    /// rule and the change kept in [`Turnout::overrides`]. Returns false (and changes nothing) when the
    /// criterion is not in the card or already has that verdict. `turn` is the turn the card is for.
    pub fn set_verdict(&mut self, turn: &Turn, criterion: &str, met: bool, why: &str) -> bool {
        let Some(i) = self.card.criteria.iter().position(|c| c.id == criterion) else {
            return false;
        };
        let old = self.card.criteria[i].met;
        if old == met {
            return false;
        }
        let mut ticks = self.ticks();
        ticks[i] = met;
        let fresh = coach_card(&self.scenario_id, turn, &ticks);
        // Keep the engine's evidence on the card: the words still count as what was said.
        let evidence: Vec<_> =
            self.card.criteria.iter().map(|c| (c.evidence.clone(), c.looked_for.clone(), c.example.clone())).collect();
        self.card = fresh;
        for (c, (ev, looked, example)) in self.card.criteria.iter_mut().zip(evidence) {
            c.evidence = ev;
            c.looked_for = looked;
            c.example = example;
        }
        self.overrides.push(Change { criterion: criterion.to_string(), old, new: met, why: why.to_string() });
        true
    }
}

/// The coach's card from ticks (one per criterion, rubric order; missing ones not met), by the same
/// rule as the engine: [`card_from_verdicts`].
pub fn coach_card(scenario_id: &str, turn: &Turn, ticks: &[bool]) -> ScoreCard {
    card_from_verdicts(scenario_id, turn, ticks)
}

/// The room's verdict per criterion: met when more than half of the votes say so (a tie is not met;
/// a vote shorter than the others counts as "not met" for the criteria it lacks).
pub fn majority(votes: &[Vec<bool>]) -> Vec<bool> {
    let len = votes.iter().map(Vec::len).max().unwrap_or(0);
    (0..len)
        .map(|i| {
            let yes = votes.iter().filter(|v| v.get(i).copied().unwrap_or(false)).count();
            2 * yes > votes.len()
        })
        .collect()
}

/// Share (0-1) of criteria on which two cards give the same verdict, matched by criterion id; a
/// criterion on only one card counts as a disagreement. Two cards with no criteria agree fully.
pub fn agreement(a: &ScoreCard, b: &ScoreCard) -> f64 {
    let mut ids: Vec<&str> = a.criteria.iter().map(|c| c.id.as_str()).collect();
    for c in &b.criteria {
        if !ids.contains(&c.id.as_str()) {
            ids.push(&c.id);
        }
    }
    if ids.is_empty() {
        return 1.0;
    }
    let same = ids
        .iter()
        .filter(|id| match (a.criterion(id), b.criterion(id)) {
            (Some(x), Some(y)) => x.met == y.met,
            _ => false,
        })
        .count();
    same as f64 / ids.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scoring::TurnScorer;

    use crate::core::test_fixtures::minimal;

    #[test]
    fn coach_card_agrees_with_the_engine_on_the_same_verdicts() {
        let (s, l) = minimal();
        for turn in &s.turns {
            let scorer = TurnScorer::new(&s, turn, &l);
            for response in [
                "I'm sorry, that's my fault. I'll call you at 4pm.",
                "I'll call you at 4pm.",
                "Sorry, my fault, but corporate messed up.",
                "Corporate messed up, not me.",
                "ok",
            ] {
                let engine = scorer.score(response).expect("scored");
                let ticks: Vec<bool> = engine.criteria.iter().map(|c| c.met).collect();
                let coach = coach_card(&s.id, turn, &ticks);
                assert_eq!(coach.score, engine.score, "{}: {response}", turn.id);
                assert_eq!(coach.passed, engine.passed);
                let points = |c: &ScoreCard| c.criteria.iter().map(|r| r.points).collect::<Vec<_>>();
                assert_eq!(points(&coach), points(&engine));
                assert!(coach.criteria.iter().all(|c| c.evidence.is_empty() && c.looked_for.is_empty()));
            }
        }
    }

    #[test]
    fn coach_card_follows_the_rule() {
        let (s, _) = minimal();
        let turn = &s.turns[0]; // owns-it 3, time 2 (required), blames 2 (forbidden)
        assert_eq!(coach_card(&s.id, turn, &[true, false, false]).score, 60);
        assert!(coach_card(&s.id, turn, &[true, false, false]).passed);
        assert_eq!(coach_card(&s.id, turn, &[true, true, true]).score, 60);
        assert_eq!(coach_card(&s.id, turn, &[false, false, true]).score, 0);
        assert_eq!(coach_card(&s.id, turn, &[]).score, 0, "missing ticks are not met");
        assert_eq!(coach_card(&s.id, turn, &[true, true, false, true]).score, 100, "extra ticks ignored");
    }

    #[test]
    fn majority_needs_more_than_half_and_ties_are_not_met() {
        assert_eq!(majority(&[vec![true, true], vec![true, false]]), vec![true, false]);
        assert_eq!(
            majority(&[vec![true, false, true], vec![true, true, false], vec![false, true, false]]),
            vec![true, true, false]
        );
        assert_eq!(majority(&[vec![true, true], vec![true]]), vec![true, false]);
        assert!(majority(&[]).is_empty());
    }

    #[test]
    fn agreement_is_the_share_of_same_verdicts() {
        let (s, _) = minimal();
        let turn = &s.turns[0];
        let a = coach_card(&s.id, turn, &[true, true, false]);
        assert_eq!(agreement(&a, &a.clone()), 1.0);
        let b = coach_card(&s.id, turn, &[true, false, false]);
        assert!((agreement(&a, &b) - 2.0 / 3.0).abs() < 1e-9);
        let other = coach_card(&s.id, &s.turns[2], &[true]);
        assert_eq!(agreement(&a, &other), 0.0);
    }

    #[test]
    fn overrides_rescore_and_keep_the_audit_trail() {
        let (s, l) = minimal();
        let turn = &s.turns[0];
        let engine = TurnScorer::new(&s, turn, &l).score("I'm sorry, that's my fault.").expect("scored");
        assert_eq!(engine.score, 60);
        let mut t = Turnout::typed("emp-1", engine);
        assert!(t.set_verdict(turn, "time", true, "said 'four' aloud"));
        assert_eq!(t.card.score, 100);
        assert_eq!(t.engine.as_ref().map(|e| e.score), Some(60));
        assert!(!t.set_verdict(turn, "time", true, "again"), "same verdict is no change");
        assert!(!t.set_verdict(turn, "nope", true, "x"));
        assert!(t.set_verdict(turn, "blames", true, "blamed the courier"));
        assert_eq!(t.card.score, 60);
        assert_eq!(
            t.overrides,
            vec![
                Change { criterion: "time".into(), old: false, new: true, why: "said 'four' aloud".into() },
                Change { criterion: "blames".into(), old: false, new: true, why: "blamed the courier".into() },
            ]
        );
        assert!(!t.card.criterion("owns-it").expect("owns-it").evidence.is_empty(), "evidence kept");
        let spoken = Turnout::spoken("walk-in-1", &s.id, turn, &[true, true, false]);
        assert_eq!((spoken.card.score, spoken.engine.is_none()), (100, true));
        assert_eq!(spoken.turn_id, "opening");
    }
}

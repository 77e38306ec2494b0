//! The session report: scores per participant per scenario, the criteria the team missed most, the
//! optional leaderboard and coach-vs-engine agreement; exported as CSV and as a printable HTML page.

mod csv;
mod html;

use serde::Serialize;

use super::plan::{SessionPlan, Turnout, majority};
use crate::core::progress::Scorer;
use crate::core::scenario::{CriterionKind, Scenario};
use crate::core::scoring::ScoreCard;

pub use csv::{CSV_HEADER, ReportCsvError, report_csv};
pub use html::report_html;

/// Why a participant on the roster has no score in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NoShow {
    /// The coach marked them not present (and they did not come back).
    NotPresent,
    /// Present, but never picked before the session ended.
    NotPicked,
}

impl NoShow {
    /// The words for a person reading the report.
    pub fn words(self) -> &'static str {
        match self {
            Self::NotPresent => "not present",
            Self::NotPicked => "not picked",
        }
    }
}

/// One participant's results in the session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipantLine {
    /// Participant id.
    pub participant: String,
    /// Name shown.
    pub name: String,
    /// Per scenario played: (scenario title, mean score of its turns, number of turns).
    pub per_scenario: Vec<(String, f64, usize)>,
    /// Mean score over all the participant's turns (0 for a no-show).
    pub mean: f64,
    /// Why there is no score, for someone on the roster who never answered.
    pub no_show: Option<NoShow>,
}

/// One change the coach made to the engine's verdict, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditLine {
    /// Whose answer.
    pub participant: String,
    /// The scenario's title.
    pub scenario: String,
    /// The turn's number along the path the conversation took (1 for the first).
    pub turn: usize,
    /// The criterion's label.
    pub criterion: String,
    /// The engine's verdict.
    pub from: bool,
    /// The coach's verdict.
    pub to: bool,
    /// The coach's reason.
    pub why: String,
    /// Who changed it (the coach).
    pub by: String,
}

/// One scored go, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoLine {
    /// Who answered (name).
    pub participant: String,
    /// The scenario's title.
    pub scenario: String,
    /// The turn's number along the path the conversation took (1 for the first).
    pub turn: usize,
    /// The coach's score, 0-100.
    pub score: u32,
    /// Whether the turn passed.
    pub passed: bool,
    /// The coach's changes to the engine's verdicts on this go.
    pub overrides: Vec<AuditLine>,
    /// The coach's quick note.
    pub note: String,
}

/// The whole session's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionReport {
    /// The session's name for people ("Group session, Sunday 6 December 2026 at 14:05").
    pub title: String,
    /// Everyone on the roster, in roster order (no-shows too), then anyone else who answered.
    pub participants: Vec<ParticipantLine>,
    /// Every scored go, in the order played.
    pub goes: Vec<GoLine>,
    /// (criterion label, times missed, times asked), most missed first; only criteria missed at least once.
    pub most_missed: Vec<(String, usize, usize)>,
    /// (name, mean score), highest first; empty when the session has no leaderboard.
    pub leaderboard: Vec<(String, f64)>,
    /// Engine agreement (0-1): of all criteria on typed answers, the share where the coach kept the
    /// engine's verdict; `None` when no answer was typed.
    pub agreement: Option<f64>,
    /// Room agreement (0-1): of all criteria on goes the room scored too, the share where the room's
    /// majority gave the coach's verdict; `None` without peer scoring.
    pub room_agreement: Option<f64>,
    /// Every override, in the order made.
    pub audit: Vec<AuditLine>,
}

fn mean(scores: &[u32]) -> f64 {
    if scores.is_empty() { 0.0 } else { scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64 }
}

/// A session's title for people from when it started: "Group session, Sunday 6 December 2026 at 14:05".
pub fn session_title(started: jiff::civil::DateTime) -> String {
    format!("Group session, {}", started.strftime("%A %-d %B %Y at %H:%M"))
}

/// What the report needs to know of a session besides its goes.
#[derive(Debug, Clone, Copy)]
pub struct ReportContext<'a> {
    /// What was set up.
    pub plan: &'a SessionPlan,
    /// The scenarios played (for titles and criteria labels).
    pub scenarios: &'a [&'a Scenario],
    /// Participants marked not present at the end.
    pub absent: &'a [String],
    /// The session's title ([`session_title`]).
    pub title: &'a str,
}

impl ReportContext<'_> {
    fn scenario_title(&self, id: &str) -> String {
        self.scenarios.iter().find(|s| s.id == id).map_or_else(|| id.to_string(), |s| s.title.clone())
    }

    fn name_of<'n>(&'n self, id: &'n str) -> &'n str {
        self.plan.roster.iter().find(|p| p.id == id).map_or(id, |p| p.name.as_str())
    }

    fn criterion_label(&self, t: &Turnout, criterion: &str) -> String {
        self.scenarios
            .iter()
            .find(|s| s.id == t.scenario_id)
            .and_then(|s| s.turn(&t.turn_id))
            .and_then(|turn| turn.rubric.iter().find(|r| r.id == criterion))
            .map_or_else(|| criterion.to_string(), |r| r.label.clone())
    }
}

/// Build the report of a session from what each turn came to. A criterion is "missed" when it is
/// required and not met, or forbidden and met; criteria are counted by label across scenarios.
pub fn session_report(context: &ReportContext<'_>, turnouts: &[Turnout]) -> SessionReport {
    let participants = participant_lines(context, turnouts);
    let goes = go_lines(context, turnouts);
    let audit: Vec<AuditLine> = goes.iter().flat_map(|g| g.overrides.iter().cloned()).collect();
    let leaderboard = if context.plan.leaderboard {
        let mut board: Vec<(String, f64)> =
            participants.iter().filter(|p| p.no_show.is_none()).map(|p| (p.name.clone(), p.mean)).collect();
        board.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        board
    } else {
        Vec::new()
    };
    let typed: Vec<(Vec<bool>, Vec<bool>)> =
        turnouts.iter().filter_map(|t| t.engine.as_ref().map(|e| (verdicts(&t.card), verdicts(e)))).collect();
    let roomed: Vec<(Vec<bool>, Vec<bool>)> = turnouts
        .iter()
        .filter(|t| !t.peer_votes.is_empty())
        .map(|t| (verdicts(&t.card), majority(&t.peer_votes)))
        .collect();
    SessionReport {
        title: context.title.to_string(),
        participants,
        goes,
        most_missed: most_missed(context, turnouts),
        leaderboard,
        agreement: share_same(&typed),
        room_agreement: share_same(&roomed),
        audit,
    }
}

fn verdicts(card: &ScoreCard) -> Vec<bool> {
    card.criteria.iter().map(|c| c.met).collect()
}

/// Of all criteria in these (coach, other) pairs, the share with the same verdict; a verdict
/// missing on the other side counts as "not met". `None` for no pairs or no criteria.
fn share_same(pairs: &[(Vec<bool>, Vec<bool>)]) -> Option<f64> {
    let total: usize = pairs.iter().map(|(coach, _)| coach.len()).sum();
    let same: usize = pairs
        .iter()
        .map(|(coach, other)| {
            coach.iter().enumerate().filter(|(i, v)| other.get(*i).copied().unwrap_or(false) == **v).count()
        })
        .sum();
    (total > 0).then(|| same as f64 / total as f64)
}

fn participant_lines(context: &ReportContext<'_>, turnouts: &[Turnout]) -> Vec<ParticipantLine> {
    let mut ids: Vec<&str> = Vec::new();
    for id in context.plan.roster.iter().map(|p| p.id.as_str()).chain(turnouts.iter().map(|t| t.participant.as_str())) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .map(|id| {
            let theirs: Vec<&Turnout> = turnouts.iter().filter(|t| t.participant == id).collect();
            let mut order: Vec<&str> = context.plan.scenario_ids.iter().map(String::as_str).collect();
            for t in &theirs {
                if !order.contains(&t.scenario_id.as_str()) {
                    order.push(&t.scenario_id);
                }
            }
            let per_scenario = order
                .into_iter()
                .filter_map(|sid| {
                    let scores: Vec<u32> =
                        theirs.iter().filter(|t| t.scenario_id == sid).map(|t| t.card.score).collect();
                    (!scores.is_empty()).then(|| (context.scenario_title(sid), mean(&scores), scores.len()))
                })
                .collect();
            let all: Vec<u32> = theirs.iter().map(|t| t.card.score).collect();
            let no_show = match (theirs.is_empty(), context.absent.iter().any(|a| a == id)) {
                (false, _) => None,
                (true, true) => Some(NoShow::NotPresent),
                (true, false) => Some(NoShow::NotPicked),
            };
            ParticipantLine {
                participant: id.to_string(),
                name: context.name_of(id).to_string(),
                per_scenario,
                mean: mean(&all),
                no_show,
            }
        })
        .collect()
}

fn go_lines(context: &ReportContext<'_>, turnouts: &[Turnout]) -> Vec<GoLine> {
    turnouts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let turn = turnouts[..i].iter().filter(|earlier| earlier.scenario_id == t.scenario_id).count() + 1;
            let participant = context.name_of(&t.participant).to_string();
            let scenario = context.scenario_title(&t.scenario_id);
            let overrides = t
                .overrides
                .iter()
                .map(|c| AuditLine {
                    participant: participant.clone(),
                    scenario: scenario.clone(),
                    turn,
                    criterion: context.criterion_label(t, &c.criterion),
                    from: c.old,
                    to: c.new,
                    why: c.why.clone(),
                    by: t.coach.clone(),
                })
                .collect();
            GoLine {
                participant,
                scenario,
                turn,
                score: t.card.score,
                passed: t.card.passed,
                overrides,
                note: t.note.clone(),
            }
        })
        .collect()
}

fn most_missed(context: &ReportContext<'_>, turnouts: &[Turnout]) -> Vec<(String, usize, usize)> {
    let mut tally: Vec<(String, usize, usize)> = Vec::new();
    for t in turnouts {
        for c in &t.card.criteria {
            let label = context.criterion_label(t, &c.id);
            let missed = match c.kind {
                CriterionKind::Required => !c.met,
                CriterionKind::Forbidden => c.met,
            };
            let i = match tally.iter().position(|(l, _, _)| *l == label) {
                Some(i) => i,
                None => {
                    tally.push((label, 0, 0));
                    tally.len() - 1
                }
            };
            tally[i].1 += usize::from(missed);
            tally[i].2 += 1;
        }
    }
    tally.retain(|(_, missed, _)| *missed > 0);
    // Most missed first; then the higher miss rate (missed/asked), then by label.
    tally.sort_by(|a, b| b.1.cmp(&a.1).then((b.1 * a.2).cmp(&(a.1 * b.2))).then_with(|| a.0.cmp(&b.0)));
    tally
}

/// "met" or "not met".
pub(super) fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "not met" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::coach::plan::{Participant, Turnout, coach_card};
    use crate::core::scenario::Scenario;

    pub(super) fn minimal() -> Scenario {
        crate::core::test_fixtures::minimal().0
    }

    pub(super) fn plan(leaderboard: bool) -> SessionPlan {
        let person = |id: &str, name: &str| Participant { id: id.into(), name: name.into(), walk_in: false };
        SessionPlan {
            scenario_ids: vec!["minimal".into()],
            roster: vec![
                person("a", "Ann"),
                person("b", "<script>alert(1)</script>"),
                person("c", "Cal"),
                person("d", "Dot"),
            ],
            seconds_per_turn: 60,
            peer_scoring: false,
            leaderboard,
        }
    }

    /// Ann: opening 100 and 60, close 100. Bob: opening 0 (blames), typed, overridden by Coach Kim.
    /// Cal marked not present; Dot never picked.
    pub(super) fn turnouts(s: &Scenario) -> Vec<Turnout> {
        let opening = &s.turns[0];
        let close = &s.turns[2];
        let mut bob = Turnout::typed("b", coach_card(&s.id, opening, &[false, false, true]));
        bob.set_verdict(opening, "owns-it", true, "said \"mine\", with a comma, -ish");
        bob.note = "=cmd".into();
        bob.coach = "Coach Kim".into();
        vec![
            Turnout::spoken("a", &s.id, opening, &[true, true, false]),
            Turnout::spoken("a", &s.id, opening, &[true, false, false]),
            Turnout::spoken("a", &s.id, close, &[true]),
            bob,
        ]
    }

    pub(super) fn report_of(leaderboard: bool, t: &[Turnout]) -> SessionReport {
        let s = minimal();
        let plan = plan(leaderboard);
        let absent = ["c".to_string()];
        let scenarios = [&s];
        let context = ReportContext { plan: &plan, scenarios: &scenarios, absent: &absent, title: "Group session" };
        session_report(&context, t)
    }

    #[test]
    fn means_per_participant_and_scenario_by_the_scenarios_title() {
        let s = minimal();
        let r = report_of(false, &turnouts(&s));
        let ann = &r.participants[0];
        assert_eq!((ann.participant.as_str(), ann.name.as_str(), ann.no_show), ("a", "Ann", None));
        assert_eq!(ann.per_scenario, vec![("Minimal call-back".to_string(), 260.0 / 3.0, 3)]);
        assert!((ann.mean - 260.0 / 3.0).abs() < 1e-9);
        let bob = &r.participants[1];
        assert_eq!(bob.mean, 20.0, "owns-it 60 minus blames 40");
        assert_eq!(r.agreement, Some(2.0 / 3.0));
        assert_eq!(r.room_agreement, None, "nobody in the room scored");
    }

    #[test]
    fn no_shows_are_in_the_report_with_why_and_not_on_the_leaderboard() {
        let s = minimal();
        let r = report_of(true, &turnouts(&s));
        let names: Vec<(&str, Option<NoShow>)> = r.participants.iter().map(|p| (p.name.as_str(), p.no_show)).collect();
        assert_eq!(
            names,
            vec![
                ("Ann", None),
                ("<script>alert(1)</script>", None),
                ("Cal", Some(NoShow::NotPresent)),
                ("Dot", Some(NoShow::NotPicked))
            ]
        );
        assert_eq!(r.leaderboard.len(), 2);
    }

    #[test]
    fn turns_are_numbered_along_the_path_and_the_audit_names_who_changed_what() {
        let s = minimal();
        let r = report_of(false, &turnouts(&s));
        let turns: Vec<usize> = r.goes.iter().map(|g| g.turn).collect();
        assert_eq!(turns, vec![1, 2, 3, 4], "numbers, never turn ids");
        assert_eq!(r.goes[0].scenario, "Minimal call-back");
        assert_eq!(
            r.audit,
            vec![AuditLine {
                participant: "<script>alert(1)</script>".into(),
                scenario: "Minimal call-back".into(),
                turn: 4,
                criterion: "Owns the miss".into(),
                from: false,
                to: true,
                why: "said \"mine\", with a comma, -ish".into(),
                by: "Coach Kim".into(),
            }]
        );
    }

    #[test]
    fn room_agreement_is_the_share_of_criteria_where_the_room_gave_the_coachs_verdict() {
        let s = minimal();
        let mut t = turnouts(&s);
        t[0].peer_votes = vec![vec![true, false, false]]; // coach: true, true, false -> 2 of 3
        t[2].peer_votes = vec![vec![true], vec![true], vec![false]]; // majority true = coach -> 1 of 1
        let r = report_of(false, &t);
        assert_eq!(r.room_agreement, Some(3.0 / 4.0));
    }

    #[test]
    fn the_title_is_the_date_in_words() {
        let at = jiff::civil::date(2026, 12, 6).at(14, 5, 0, 0);
        assert_eq!(session_title(at), "Group session, Sunday 6 December 2026 at 14:05");
    }

    #[test]
    fn most_missed_comes_first() {
        let s = minimal();
        let r = report_of(false, &turnouts(&s));
        let row = |label: &str, missed, asked| (label.to_string(), missed, asked);
        assert_eq!(r.most_missed, vec![row("Specific time", 2, 3), row("Blames others", 1, 3)]);
        // Equal misses: the higher miss rate first ("Confirms the time" missed 1 of 2 vs 1 of 3).
        let mut more = turnouts(&s);
        more.push(Turnout::spoken("c", &s.id, &s.turns[2], &[false]));
        let r = report_of(false, &more);
        assert_eq!(
            r.most_missed,
            vec![row("Specific time", 2, 3), row("Confirms the time", 1, 2), row("Blames others", 1, 3)]
        );
    }

    #[test]
    fn the_leaderboard_is_empty_unless_chosen_and_sorted_when_chosen() {
        let s = minimal();
        let t = turnouts(&s);
        assert!(report_of(false, &t).leaderboard.is_empty());
        let board = report_of(true, &t).leaderboard;
        assert_eq!(board.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), vec!["Ann", "<script>alert(1)</script>"]);
        assert!(board.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(report_of(true, &[]).leaderboard.is_empty());
    }
}

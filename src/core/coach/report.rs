//! The session report: scores per participant per scenario, the criteria the team missed most, the
//! optional leaderboard and coach-vs-engine agreement; exported as CSV and as a printable HTML page.

use std::fmt::Write as _;

use serde::Serialize;

use super::plan::{SessionPlan, Turnout, majority};
use crate::core::csv_cell::escape_cell;
use crate::core::progress::Scorer;
use crate::core::scenario::{CriterionKind, Scenario};
use crate::core::scoring::ScoreCard;

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

/// The CSV header of [`report_csv`].
pub const CSV_HEADER: [&str; 8] = ["participant", "scenario", "turn", "score", "passed", "scorer", "overrides", "note"];

/// Why the session report's CSV could not be made (never an empty file instead).
#[derive(Debug, thiserror::Error)]
pub enum ReportCsvError {
    /// The CSV writer failed.
    #[error("cannot write the session report as CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The CSV is not UTF-8 (a writer bug).
    #[error("the session report's CSV is not UTF-8: {0}")]
    NotUtf8(#[from] std::string::FromUtf8Error),
}

/// "met" or "not met".
fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "not met" }
}

/// One row per go, with a header row ([`CSV_HEADER`]): participant name, scenario title, turn number
/// along the path, score, passed ("yes"/"no"), scorer ("coach"), overrides as "criterion label:
/// old->new (why, by coach)" joined by "; ", and the note; then one row per no-show with the reason
/// in the note. Text cells that a spreadsheet would run as a formula get a leading `'`.
pub fn report_csv(report: &SessionReport) -> Result<String, ReportCsvError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    for g in &report.goes {
        let overrides = g
            .overrides
            .iter()
            .map(|a| format!("{}: {}->{} ({}, by {})", a.criterion, verdict(a.from), verdict(a.to), a.why, a.by))
            .collect::<Vec<_>>()
            .join("; ");
        w.write_record([
            escape_cell(&g.participant).into_owned(),
            escape_cell(&g.scenario).into_owned(),
            g.turn.to_string(),
            g.score.to_string(),
            if g.passed { "yes" } else { "no" }.to_string(),
            Scorer::Coach.as_str().to_string(),
            escape_cell(&overrides).into_owned(),
            escape_cell(&g.note).into_owned(),
        ])?;
    }
    for p in &report.participants {
        if let Some(why) = p.no_show {
            let empty = String::new;
            w.write_record([
                escape_cell(&p.name).into_owned(),
                empty(),
                empty(),
                empty(),
                empty(),
                empty(),
                empty(),
                why.words().to_string(),
            ])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8(bytes)?)
}

/// `text` safe inside HTML text and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#111}\
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.5em}\
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;padding:.3em .6em;text-align:left}\
th{background:#eee}td.num{text-align:right}\
@media print{body{margin:0}h2{break-after:avoid}table{break-inside:avoid}th{background:none}}";

/// A self-contained printable HTML page of the report (inline CSS with print rules, no scripts),
/// titled with [`SessionReport::title`]: a table per participant per scenario (no-shows too, with
/// why), the criteria the team missed most, the leaderboard only when it has entries, the agreement
/// figures when there are any, and the override audit. Every text is HTML-escaped.
pub fn report_html(report: &SessionReport) -> String {
    let mut h = String::new();
    let title = esc(&report.title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    participants_html(&mut h, report);
    missed_html(&mut h, report);
    leaderboard_html(&mut h, report);
    agreement_html(&mut h, report);
    audit_html(&mut h, report);
    h.push_str("</body>\n</html>\n");
    h
}

fn participants_html(h: &mut String, report: &SessionReport) {
    h.push_str("<h2>Scores per participant</h2>\n");
    if report.goes.is_empty() {
        h.push_str("<p>No answers were scored.</p>\n");
    }
    if report.participants.is_empty() {
        return;
    }
    h.push_str(
        "<table class=\"participants\">\n<tr><th>Participant</th><th>Scenario</th><th>Mean score</th>\
         <th>Turns</th></tr>\n",
    );
    for p in &report.participants {
        if let Some(why) = p.no_show {
            let _ = writeln!(
                h,
                "<tr class=\"no-show\"><th>{}</th><td colspan=\"3\">No score: {}</td></tr>",
                esc(&p.name),
                why.words()
            );
            continue;
        }
        for (scenario, score, turns) in &p.per_scenario {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{score:.1}</td><td class=\"num\">{turns}</td></tr>",
                esc(&p.name),
                esc(scenario)
            );
        }
        let turns: usize = p.per_scenario.iter().map(|s| s.2).sum();
        let _ = writeln!(
            h,
            "<tr><th>{}</th><th>All scenarios</th><th class=\"num\">{:.1}</th><th class=\"num\">{turns}</th></tr>",
            esc(&p.name),
            p.mean
        );
    }
    h.push_str("</table>\n");
}

fn missed_html(h: &mut String, report: &SessionReport) {
    h.push_str("<h2>Criteria most often missed by the team</h2>\n");
    if report.most_missed.is_empty() {
        h.push_str("<p>No criterion was missed.</p>\n");
        return;
    }
    h.push_str("<table class=\"missed\">\n<tr><th>Criterion</th><th>Missed</th><th>Asked</th></tr>\n");
    for (label, missed, asked) in &report.most_missed {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\">{missed}</td><td class=\"num\">{asked}</td></tr>",
            esc(label)
        );
    }
    h.push_str("</table>\n");
}

fn leaderboard_html(h: &mut String, report: &SessionReport) {
    if report.leaderboard.is_empty() {
        return;
    }
    h.push_str(
        "<h2>Leaderboard</h2>\n<table class=\"leaderboard\">\n<tr><th>#</th><th>Name</th><th>Mean score</th></tr>\n",
    );
    for (i, (name, score)) in report.leaderboard.iter().enumerate() {
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{score:.1}</td></tr>",
            i + 1,
            esc(name)
        );
    }
    h.push_str("</table>\n");
}

fn agreement_html(h: &mut String, report: &SessionReport) {
    if report.agreement.is_none() && report.room_agreement.is_none() {
        return;
    }
    h.push_str("<h2>Agreement</h2>\n");
    if let Some(share) = report.room_agreement {
        let _ = writeln!(
            h,
            "<p class=\"room-agreement\">Room agreement: <strong>{:.0}%</strong>. Of all criteria the room scored, \
             the share where the room's majority gave the coach's verdict.</p>",
            share * 100.0
        );
    }
    if let Some(share) = report.agreement {
        let _ = writeln!(
            h,
            "<p class=\"agreement\">Engine agreement: <strong>{:.0}%</strong>. Of all criteria on typed answers, \
             the share where the coach kept the automatic score's verdict.</p>",
            share * 100.0
        );
    }
}

fn audit_html(h: &mut String, report: &SessionReport) {
    h.push_str("<h2>Changes the coach made to the automatic score</h2>\n");
    if report.audit.is_empty() {
        h.push_str("<p>None: every automatic verdict was kept.</p>\n");
        return;
    }
    h.push_str(
        "<table class=\"audit\">\n<tr><th>Participant</th><th>Scenario</th><th>Turn</th><th>Criterion</th>\
         <th>From</th><th>To</th><th>Why</th><th>Changed by</th></tr>\n",
    );
    for a in &report.audit {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td></tr>",
            esc(&a.participant),
            esc(&a.scenario),
            a.turn,
            esc(&a.criterion),
            verdict(a.from),
            verdict(a.to),
            esc(&a.why),
            esc(&a.by)
        );
    }
    h.push_str("</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::coach::plan::{Participant, Turnout, coach_card};
    use crate::core::scenario::Scenario;

    fn minimal() -> Scenario {
        crate::core::test_fixtures::minimal().0
    }

    fn plan(leaderboard: bool) -> SessionPlan {
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
    fn turnouts(s: &Scenario) -> Vec<Turnout> {
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

    fn report_of(leaderboard: bool, t: &[Turnout]) -> SessionReport {
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

    #[test]
    fn csv_reads_back_with_one_row_per_go_and_one_per_no_show() {
        let s = minimal();
        let text = report_csv(&report_of(false, &turnouts(&s))).expect("csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
        assert_eq!(header, CSV_HEADER);
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
        assert_eq!(rows.len(), 6);
        assert_eq!(&rows[0][0], "Ann");
        assert_eq!(
            (&rows[0][1], &rows[0][2], &rows[0][3], &rows[0][4], &rows[0][5]),
            ("Minimal call-back", "1", "100", "yes", "coach")
        );
        assert_eq!((&rows[1][3], &rows[1][4], &rows[1][6]), ("60", "yes", ""));
        assert_eq!(&rows[2][2], "3");
        let bob = &rows[3];
        assert_eq!(&bob[0], "<script>alert(1)</script>");
        assert_eq!((&bob[3], &bob[4]), ("20", "no"));
        assert_eq!(&bob[6], "Owns the miss: not met->met (said \"mine\", with a comma, -ish, by Coach Kim)");
        assert_eq!(&bob[7], "'=cmd", "formula guarded");
        assert_eq!((&rows[4][0], &rows[4][3], &rows[4][7]), ("Cal", "", "not present"));
        assert_eq!((&rows[5][0], &rows[5][7]), ("Dot", "not picked"));
    }

    #[test]
    fn csv_guards_cells_led_by_a_tab_or_carriage_return_like_formulas() {
        let s = minimal();
        let mut t = turnouts(&s);
        for (note, written) in
            [("\t=1+1", "'\t=1+1"), ("\r@SUM(A1)", "'\r@SUM(A1)"), ("+44 20", "'+44 20"), ("fine", "fine")]
        {
            t[3].note = note.into();
            let text = report_csv(&report_of(false, &t)).expect("csv");
            let rows: Vec<csv::StringRecord> =
                csv::Reader::from_reader(text.as_bytes()).records().collect::<Result<_, _>>().expect("rows");
            assert_eq!(&rows[3][7], written, "{note:?}");
        }
        let mut guarded = plan(false);
        guarded.roster[0].name = "=HYPERLINK(\"x\")".into();
        let s2 = [&s];
        let context = ReportContext { plan: &guarded, scenarios: &s2, absent: &[], title: "t" };
        let text = report_csv(&session_report(&context, &t)).expect("csv");
        assert!(text.contains("\n\"'=HYPERLINK"), "names guarded too: {text}");
    }

    #[test]
    fn html_is_escaped_and_has_the_tables_the_audit_and_both_agreements() {
        let s = minimal();
        let mut t = turnouts(&s);
        t[0].peer_votes = vec![vec![true, true, false]];
        let mut r = report_of(true, &t);
        r.title = "Team <B> & co".into();
        let html = report_html(&r);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<title>Team &lt;B&gt; &amp; co</title>"));
        assert!(html.contains("@media print"));
        for table in [
            "class=\"participants\"",
            "class=\"missed\"",
            "class=\"leaderboard\"",
            "class=\"agreement\"",
            "class=\"room-agreement\"",
            "class=\"audit\"",
        ] {
            assert!(html.contains(table), "{table}");
        }
        assert!(html.contains("<td>Specific time</td><td class=\"num\">2</td>"));
        assert!(html.contains("<td>Minimal call-back</td>") && !html.contains("<td>minimal</td>"), "titles, not ids");
        assert!(html.contains("<th>Cal</th><td colspan=\"3\">No score: not present</td>"));
        assert!(html.contains("Room agreement: <strong>100%</strong>"));
        assert!(html.contains("<td>Owns the miss</td><td>not met</td><td>met</td>"));
        assert!(html.contains("<td>Coach Kim</td>"));
        let quiet = report_html(&report_of(false, &t[1..2]));
        assert!(!quiet.contains("Leaderboard") && !quiet.contains("class=\"agreement\""));
        assert!(quiet.contains("None: every automatic verdict was kept."));
    }

    #[test]
    fn a_report_with_no_goes_says_so() {
        let html = report_html(&report_of(false, &[]));
        assert!(html.contains("No answers were scored."));
    }
}

//! The session report: scores per participant per scenario, the criteria the team missed most, the
//! optional leaderboard and coach-vs-engine agreement; exported as CSV and as a printable HTML page.

use std::fmt::Write as _;

use serde::Serialize;

use super::plan::{SessionPlan, Turnout, agreement};
use crate::core::csv_cell::escape_cell;
use crate::core::progress::Scorer;
use crate::core::scenario::{CriterionKind, Scenario};

/// One participant's results in the session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipantLine {
    /// Participant id.
    pub participant: String,
    /// Name shown.
    pub name: String,
    /// Per scenario played: (scenario id, mean score of its turns, number of turns).
    pub per_scenario: Vec<(String, f64, usize)>,
    /// Mean score over all the participant's turns.
    pub mean: f64,
}

/// The whole session's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionReport {
    /// Everyone who answered at least once: roster order, then anyone not on the roster.
    pub participants: Vec<ParticipantLine>,
    /// (criterion label, times missed, times asked), most missed first; only criteria missed at least once.
    pub most_missed: Vec<(String, usize, usize)>,
    /// (name, mean score), highest first; empty when the session has no leaderboard.
    pub leaderboard: Vec<(String, f64)>,
    /// Mean coach-vs-engine agreement (0-1) over typed answers; `None` when no answer was typed.
    pub agreement: Option<f64>,
}

fn mean(scores: &[u32]) -> f64 {
    if scores.is_empty() { 0.0 } else { scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64 }
}

/// Build the report of a session from its plan, what each turn came to, and the scenarios played
/// (used for the criteria's current labels). A criterion is "missed" when it is required and not met,
/// or forbidden and met; criteria are counted by label across scenarios.
pub fn session_report(plan: &SessionPlan, turnouts: &[Turnout], scenarios: &[&Scenario]) -> SessionReport {
    let mut ids: Vec<&str> = plan.roster.iter().map(|p| p.id.as_str()).collect();
    for t in turnouts {
        if !ids.contains(&t.participant.as_str()) {
            ids.push(&t.participant);
        }
    }
    let participants: Vec<ParticipantLine> = ids
        .into_iter()
        .filter_map(|id| {
            let theirs: Vec<&Turnout> = turnouts.iter().filter(|t| t.participant == id).collect();
            if theirs.is_empty() {
                return None;
            }
            let mut order: Vec<&str> = plan.scenario_ids.iter().map(String::as_str).collect();
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
                    (!scores.is_empty()).then(|| (sid.to_string(), mean(&scores), scores.len()))
                })
                .collect();
            let all: Vec<u32> = theirs.iter().map(|t| t.card.score).collect();
            let name = plan.roster.iter().find(|p| p.id == id).map_or(id, |p| p.name.as_str());
            Some(ParticipantLine {
                participant: id.to_string(),
                name: name.to_string(),
                per_scenario,
                mean: mean(&all),
            })
        })
        .collect();

    let mut tally: Vec<(String, usize, usize)> = Vec::new();
    for t in turnouts {
        let rubric = scenarios.iter().find(|s| s.id == t.scenario_id).and_then(|s| s.turn(&t.turn_id));
        for c in &t.card.criteria {
            let label = rubric
                .and_then(|turn| turn.rubric.iter().find(|r| r.id == c.id))
                .map_or(c.label.as_str(), |r| r.label.as_str());
            let missed = match c.kind {
                CriterionKind::Required => !c.met,
                CriterionKind::Forbidden => c.met,
            };
            let i = match tally.iter().position(|(l, _, _)| l == label) {
                Some(i) => i,
                None => {
                    tally.push((label.to_string(), 0, 0));
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

    let leaderboard = if plan.leaderboard {
        let mut board: Vec<(String, f64)> = participants.iter().map(|p| (p.name.clone(), p.mean)).collect();
        board.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        board
    } else {
        Vec::new()
    };

    let shares: Vec<f64> =
        turnouts.iter().filter_map(|t| t.engine.as_ref().map(|engine| agreement(&t.card, engine))).collect();
    let agreement = (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64);

    SessionReport { participants, most_missed: tally, leaderboard, agreement }
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

/// One row per turnout, with a header row ([`CSV_HEADER`]): participant name, scenario, turn, score,
/// passed ("yes"/"no"), scorer ("coach"), overrides as "criterion: old->new (why)" joined by "; ", and
/// the note. Text cells that a spreadsheet would run as a formula get a leading `'`.
pub fn report_csv(report: &SessionReport, turnouts: &[Turnout]) -> Result<String, ReportCsvError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    let verdict = |met: bool| if met { "met" } else { "not met" };
    for t in turnouts {
        let name =
            report.participants.iter().find(|p| p.participant == t.participant).map_or(&t.participant, |p| &p.name);
        let overrides = t
            .overrides
            .iter()
            .map(|(criterion, old, new, why)| format!("{criterion}: {}->{} ({why})", verdict(*old), verdict(*new)))
            .collect::<Vec<_>>()
            .join("; ");
        w.write_record([
            escape_cell(name).into_owned(),
            escape_cell(&t.scenario_id).into_owned(),
            escape_cell(&t.turn_id).into_owned(),
            t.card.score.to_string(),
            if t.card.passed { "yes" } else { "no" }.to_string(),
            Scorer::Coach.as_str().to_string(),
            escape_cell(&overrides).into_owned(),
            escape_cell(&t.note).into_owned(),
        ])?;
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

/// A self-contained printable HTML page of the report (inline CSS with print rules, no scripts): a
/// table per participant per scenario, the criteria the team missed most, the leaderboard only when
/// it has entries, and coach-vs-engine agreement when there is any. Every text is HTML-escaped.
pub fn report_html(report: &SessionReport, title: &str) -> String {
    let mut h = String::new();
    let title = esc(title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    h.push_str("<h2>Scores per participant</h2>\n");
    if report.participants.is_empty() {
        h.push_str("<p>No answers were scored.</p>\n");
    } else {
        h.push_str(
            "<table class=\"participants\">\n<tr><th>Participant</th><th>Scenario</th><th>Mean score</th>\
             <th>Turns</th></tr>\n",
        );
        for p in &report.participants {
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
    h.push_str("<h2>Criteria most often missed by the team</h2>\n");
    if report.most_missed.is_empty() {
        h.push_str("<p>No criterion was missed.</p>\n");
    } else {
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
    if !report.leaderboard.is_empty() {
        h.push_str("<h2>Leaderboard</h2>\n<table class=\"leaderboard\">\n<tr><th>#</th><th>Name</th><th>Mean score</th></tr>\n");
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
    if let Some(share) = report.agreement {
        let _ = writeln!(
            h,
            "<h2>Coach and automatic score</h2>\n<p class=\"agreement\">On typed answers the coach agreed with the \
             automatic score on {:.0}% of criteria.</p>",
            share * 100.0
        );
    }
    h.push_str("</body>\n</html>\n");
    h
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
            roster: vec![person("a", "Ann"), person("b", "<script>alert(1)</script>"), person("c", "Cal")],
            seconds_per_turn: 60,
            peer_scoring: false,
            leaderboard,
        }
    }

    /// Ann: opening 100 and 60, close 100. Bob: opening 0 (blames), typed, overridden. Cal absent.
    fn turnouts(s: &Scenario) -> Vec<Turnout> {
        let opening = &s.turns[0];
        let close = &s.turns[2];
        let mut bob = Turnout::typed("b", coach_card(&s.id, opening, &[false, false, true]));
        bob.set_verdict(opening, "owns-it", true, "said \"mine\", with a comma, -ish");
        bob.note = "=cmd".into();
        vec![
            Turnout::spoken("a", &s.id, opening, &[true, true, false]),
            Turnout::spoken("a", &s.id, opening, &[true, false, false]),
            Turnout::spoken("a", &s.id, close, &[true]),
            bob,
        ]
    }

    #[test]
    fn means_per_participant_and_scenario() {
        let s = minimal();
        let r = session_report(&plan(false), &turnouts(&s), &[&s]);
        assert_eq!(r.participants.len(), 2, "Cal never answered");
        let ann = &r.participants[0];
        assert_eq!((ann.participant.as_str(), ann.name.as_str()), ("a", "Ann"));
        assert_eq!(ann.per_scenario, vec![("minimal".to_string(), 260.0 / 3.0, 3)]);
        assert!((ann.mean - 260.0 / 3.0).abs() < 1e-9);
        let bob = &r.participants[1];
        assert_eq!(bob.mean, 20.0, "owns-it 60 minus blames 40");
        assert_eq!(r.agreement, Some(2.0 / 3.0));
    }

    #[test]
    fn most_missed_comes_first() {
        let s = minimal();
        let r = session_report(&plan(false), &turnouts(&s), &[&s]);
        let row = |label: &str, missed, asked| (label.to_string(), missed, asked);
        assert_eq!(r.most_missed, vec![row("Specific time", 2, 3), row("Blames others", 1, 3)]);
        // Equal misses: the higher miss rate first ("Confirms the time" missed 1 of 2 vs 1 of 3).
        let mut more = turnouts(&s);
        more.push(Turnout::spoken("c", &s.id, &s.turns[2], &[false]));
        let r = session_report(&plan(false), &more, &[&s]);
        assert_eq!(
            r.most_missed,
            vec![row("Specific time", 2, 3), row("Confirms the time", 1, 2), row("Blames others", 1, 3)]
        );
    }

    #[test]
    fn the_leaderboard_is_empty_unless_chosen_and_sorted_when_chosen() {
        let s = minimal();
        let t = turnouts(&s);
        assert!(session_report(&plan(false), &t, &[&s]).leaderboard.is_empty());
        let board = session_report(&plan(true), &t, &[&s]).leaderboard;
        assert_eq!(board.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), vec!["Ann", "<script>alert(1)</script>"]);
        assert!(board.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(session_report(&plan(true), &[], &[&s]).leaderboard.is_empty());
    }

    #[test]
    fn csv_reads_back_with_one_row_per_turnout() {
        let s = minimal();
        let t = turnouts(&s);
        let r = session_report(&plan(false), &t, &[&s]);
        let text = report_csv(&r, &t).expect("csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
        assert_eq!(header, CSV_HEADER);
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
        assert_eq!(rows.len(), 4);
        assert_eq!(&rows[0][0], "Ann");
        assert_eq!(
            (&rows[0][1], &rows[0][2], &rows[0][3], &rows[0][4], &rows[0][5]),
            ("minimal", "opening", "100", "yes", "coach")
        );
        assert_eq!((&rows[1][3], &rows[1][4], &rows[1][6]), ("60", "yes", ""));
        assert_eq!(&rows[2][2], "close");
        let bob = &rows[3];
        assert_eq!(&bob[0], "<script>alert(1)</script>");
        assert_eq!((&bob[3], &bob[4]), ("20", "no"));
        assert_eq!(&bob[6], "owns-it: not met->met (said \"mine\", with a comma, -ish)");
        assert_eq!(&bob[7], "'=cmd", "formula guarded");
    }

    #[test]
    fn csv_guards_cells_led_by_a_tab_or_carriage_return_like_formulas() {
        let s = minimal();
        let mut t = turnouts(&s);
        let r = session_report(&plan(false), &t, &[&s]);
        for (note, written) in
            [("\t=1+1", "'\t=1+1"), ("\r@SUM(A1)", "'\r@SUM(A1)"), ("+44 20", "'+44 20"), ("fine", "fine")]
        {
            t[3].note = note.into();
            let text = report_csv(&r, &t).expect("csv");
            let rows: Vec<csv::StringRecord> =
                csv::Reader::from_reader(text.as_bytes()).records().collect::<Result<_, _>>().expect("rows");
            assert_eq!(&rows[3][7], written, "{note:?}");
        }
    }

    #[test]
    fn html_is_escaped_and_has_the_tables() {
        let s = minimal();
        let t = turnouts(&s);
        let html = report_html(&session_report(&plan(true), &t, &[&s]), "Team <B> & co");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<title>Team &lt;B&gt; &amp; co</title>"));
        assert!(html.contains("@media print"));
        for table in ["class=\"participants\"", "class=\"missed\"", "class=\"leaderboard\"", "class=\"agreement\""] {
            assert!(html.contains(table), "{table}");
        }
        assert!(html.contains("<td>Specific time</td><td class=\"num\">2</td>"));
        let quiet = report_html(&session_report(&plan(false), &t[..1], &[&s]), "x");
        assert!(!quiet.contains("Leaderboard") && !quiet.contains("class=\"agreement\""));
    }
}

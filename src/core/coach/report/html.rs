//! The session report as a printable HTML page: inline CSS with print rules, no scripts, every text escaped.

use std::fmt::Write as _;

use super::{SessionReport, verdict};

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
    use super::super::tests::{minimal, report_of, turnouts};
    use super::*;

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

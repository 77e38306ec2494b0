//! The session report as CSV: one row per go and per no-show, every cell guarded against formulas.

use super::{Scorer, SessionReport, verdict};
use crate::core::csv_cell::escape_cell;

/// The CSV header of [`report_csv`].
pub const CSV_HEADER: [&str; 8] = ["participant", "scenario", "turn", "score", "passed", "scorer", "overrides", "note"];

/// Why the session report's CSV could not be made (never an empty file instead).
#[derive(Debug, thiserror::Error)]
pub enum ReportCsvError {
    /// The CSV writer failed.
    #[error("cannot write the session report as CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The CSV is not UTF-8 (a writer bug).
    #[error("the session report's CSV is not UTF-8: {0}")]
    NotUtf8(#[from] std::string::FromUtf8Error),
}

/// One row per go, with a header row ([`CSV_HEADER`]): participant name, scenario title, turn number
/// along the path, score, passed ("yes"/"no"), scorer ("coach"), overrides as "criterion label:
/// old->new (why, by coach)" joined by "; ", and the note; then one row per no-show with the reason
/// in the note. Text cells that a spreadsheet would run as a formula get a leading `'`.
pub fn report_csv(report: &SessionReport) -> Result<String, ReportCsvError> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
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
    let bytes = w.into_inner().map_err(|e| ::csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{minimal, plan, report_of, turnouts};
    use super::super::{ReportContext, session_report};
    use super::*;

    #[test]
    fn csv_reads_back_with_one_row_per_go_and_one_per_no_show() {
        let s = minimal();
        let text = report_csv(&report_of(false, &turnouts(&s))).expect("csv");
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
        assert_eq!(header, CSV_HEADER);
        let rows: Vec<::csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
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
            let rows: Vec<::csv::StringRecord> =
                ::csv::Reader::from_reader(text.as_bytes()).records().collect::<Result<_, _>>().expect("rows");
            assert_eq!(&rows[3][7], written, "{note:?}");
        }
        let mut guarded = plan(false);
        guarded.roster[0].name = "=HYPERLINK(\"x\")".into();
        let s2 = [&s];
        let context = ReportContext { plan: &guarded, scenarios: &s2, absent: &[], title: "t" };
        let text = report_csv(&session_report(&context, &t)).expect("csv");
        assert!(text.contains("\n\"'=HYPERLINK"), "names guarded too: {text}");
    }
}

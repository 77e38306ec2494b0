//! Export to CSV, one row per turn attempt, for spreadsheets and for merging stores: a UTF-8 BOM,
//! a header, readable columns plus lossless JSON ones, and text cells guarded against formula
//! injection. The column list and cell encodings here are shared with `import.rs`.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use super::{AttemptFilter, Store, StoreError, overrides};
use crate::core::csv_cell::escape_cell;
pub(super) use crate::core::csv_cell::unescape_cell;
use crate::core::progress::{Attempt, CriterionOutcome, Override, TurnAttempt};
use crate::core::scenario::CriterionKind;

/// Written first so spreadsheets read the file as UTF-8.
pub(super) const BOM: &[u8] = "\u{feff}".as_bytes();

/// The header row, in order.
pub(super) const COLUMNS: [&str; 24] = [
    "attempt_id",
    "employee_id",
    "employee_name",
    "scenario_id",
    "scenario_revision",
    "mode",
    "scorer",
    "started_at",
    "completed",
    "attempt_score",
    "attempt_passed",
    "turn_index",
    "turn_id",
    "customer_line",
    "response",
    "turn_score",
    "pass_mark",
    "turn_passed",
    "time_used_s",
    "over_time",
    "criteria_met",
    "criteria_missed",
    "criteria",
    "overrides",
];

/// A boolean cell.
pub(super) fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// Milliseconds as seconds with one decimal.
pub(super) fn seconds(ms: u64) -> String {
    let tenths = ms.saturating_add(50) / 100;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The labels of the criteria met (forbidden ones marked `NOT OK: `), joined by `; `.
fn met_labels(criteria: &[CriterionOutcome]) -> String {
    let labels: Vec<String> = criteria
        .iter()
        .filter(|c| c.met)
        .map(|c| match c.kind {
            CriterionKind::Required => c.label.clone(),
            CriterionKind::Forbidden => format!("NOT OK: {}", c.label),
        })
        .collect();
    labels.join("; ")
}

/// The labels of the required criteria not met, joined by `; `.
fn missed_labels(criteria: &[CriterionOutcome]) -> String {
    let labels: Vec<&str> =
        criteria.iter().filter(|c| c.kind == CriterionKind::Required && !c.met).map(|c| c.label.as_str()).collect();
    labels.join("; ")
}

/// Where export errors are said to happen (the caller owns the real file).
fn output() -> PathBuf {
    PathBuf::from("the CSV output")
}

fn csv_error(e: ::csv::Error) -> StoreError {
    match e.into_kind() {
        ::csv::ErrorKind::Io(source) => StoreError::Io { path: output(), source },
        other => StoreError::Csv { line: 0, detail: format!("could not write the CSV: {other:?}") },
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Csv { line: 0, detail: format!("could not write JSON: {e}") })
}

impl Store {
    /// Write the attempts matching `filter` as CSV (BOM, header, one row per turn attempt; an attempt
    /// with no turns gets one row with empty turn cells). Returns the number of rows written.
    pub fn export_csv(&self, out: &mut dyn Write, filter: &AttemptFilter) -> Result<usize, StoreError> {
        // One read transaction, so an override or import committed meanwhile cannot mix in.
        let tx = self.conn.unchecked_transaction()?;
        let attempts = super::attempts::load(&tx, filter)?;
        let names: HashMap<String, String> = super::employees::all(&tx)?.into_iter().map(|e| (e.id, e.name)).collect();
        out.write_all(BOM).map_err(|source| StoreError::Io { path: output(), source })?;
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record(COLUMNS).map_err(csv_error)?;
        let mut rows = 0;
        for attempt in &attempts {
            let name = names.get(&attempt.employee_id).map_or("", String::as_str);
            let all_overrides = overrides::of_attempt(&tx, &attempt.id)?;
            if attempt.turns.is_empty() {
                writer.write_record(row(attempt, name, None, &[])?).map_err(csv_error)?;
                rows += 1;
            }
            for (index, turn) in attempt.turns.iter().enumerate() {
                let turn_overrides: Vec<&Override> = all_overrides.iter().filter(|o| o.turn_index == index).collect();
                writer.write_record(row(attempt, name, Some((index, turn)), &turn_overrides)?).map_err(csv_error)?;
                rows += 1;
            }
        }
        writer.flush().map_err(|source| StoreError::Io { path: output(), source })?;
        Ok(rows)
    }
}

/// The cells of one row, in [`COLUMNS`] order.
fn row(
    a: &Attempt,
    employee_name: &str,
    turn: Option<(usize, &TurnAttempt)>,
    turn_overrides: &[&Override],
) -> Result<Vec<String>, StoreError> {
    let mut cells: Vec<String> = vec![
        escape_cell(&a.id).into_owned(),
        escape_cell(&a.employee_id).into_owned(),
        escape_cell(employee_name).into_owned(),
        escape_cell(&a.scenario_id).into_owned(),
        a.scenario_revision.to_string(),
        a.mode.as_str().to_string(),
        a.scorer.as_str().to_string(),
        a.started_at.to_string(),
        yes_no(a.completed).to_string(),
        format!("{:.1}", a.score()),
        yes_no(a.passed()).to_string(),
    ];
    match turn {
        Some((index, t)) => cells.extend([
            index.to_string(),
            escape_cell(&t.turn_id).into_owned(),
            escape_cell(&t.customer_line).into_owned(),
            escape_cell(&t.response).into_owned(),
            t.score.to_string(),
            t.pass_mark.to_string(),
            yes_no(t.passed).to_string(),
            seconds(t.time_used_ms),
            yes_no(t.over_time).to_string(),
            escape_cell(&met_labels(&t.criteria)).into_owned(),
            escape_cell(&missed_labels(&t.criteria)).into_owned(),
            json(&t.criteria)?,
            json(&turn_overrides)?,
        ]),
        None => cells.extend(std::iter::repeat_n(String::new(), COLUMNS.len() - cells.len())),
    }
    Ok(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_have_one_decimal() {
        assert_eq!(seconds(0), "0.0");
        assert_eq!(seconds(1234), "1.2");
        assert_eq!(seconds(1250), "1.3");
        assert_eq!(seconds(59_999), "60.0");
    }

    #[test]
    fn labels_say_what_was_done_and_missed() {
        let c = |label: &str, kind, met| CriterionOutcome {
            id: label.into(),
            label: label.into(),
            kind,
            met,
            points: 0.0,
            worth: None,
        };
        let criteria = [
            c("Owns it", CriterionKind::Required, true),
            c("Gives a time", CriterionKind::Required, false),
            c("Blames", CriterionKind::Forbidden, true),
            c("Jargon", CriterionKind::Forbidden, false),
        ];
        assert_eq!(met_labels(&criteria), "Owns it; NOT OK: Blames");
        assert_eq!(missed_labels(&criteria), "Gives a time");
    }
}

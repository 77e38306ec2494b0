//! Import of the CSV that `export_csv` writes, for merging stores: every row is checked first (an
//! error names the line, counted as an editor counts it, CRLF or not), then the new attempts, their
//! employees and overrides are added in one transaction. Every value must be one the app can produce
//! (scores and pass marks 0-100, times under a day, dates from 2000 to tomorrow, known modes and
//! scorers), so a hand-made file cannot fake progress. Attempts already in the store are skipped,
//! never changed or duplicated.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::PathBuf;

use jiff::Timestamp;

use super::csv::{BOM, COLUMNS, unescape_cell};
use super::{Employee, ImportReport, Store, StoreError, attempts, employees, overrides};
use crate::core::progress::{Attempt, AttemptMode, CriterionOutcome, Override, Scorer, TurnAttempt};

/// Columns computed from the others: import does not need them.
const DERIVED: [&str; 4] = ["attempt_score", "attempt_passed", "criteria_met", "criteria_missed"];

/// The longest time a turn can have taken, in seconds (a day: no drill turn comes near it).
const MAX_TURN_SECONDS: f64 = 86_400.0;

/// The words `mode` accepts, for messages.
const MODES: &str = "practice, assessment, group, rehearsal or quiz";

/// The words `scorer` accepts, for messages.
const SCORERS: &str = "engine, coach or self";

impl Store {
    /// Add the attempts of an exported CSV (BOM optional, header required) in one transaction: all or
    /// nothing. Attempts already here are counted as skipped; unknown employees are created.
    pub fn import_csv(&self, input: &mut dyn Read) -> Result<ImportReport, StoreError> {
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|source| StoreError::Io { path: PathBuf::from("the CSV input"), source })?;
        let text = bytes.strip_prefix(BOM).unwrap_or(&bytes);
        let pending = parse(text, Timestamp::now())?;
        let tx = self.write()?;
        let mut report = ImportReport::default();
        let now = Timestamp::now();
        for p in pending {
            if attempts::exists(&tx, &p.attempt.id)? {
                report.attempts_skipped += 1;
                continue;
            }
            if !employees::exists(&tx, &p.attempt.employee_id)? {
                let name =
                    if p.employee_name.trim().is_empty() { p.attempt.employee_id.clone() } else { p.employee_name };
                employees::insert(&tx, &Employee { id: p.attempt.employee_id.clone(), name, created_at: now })?;
                report.employees_added += 1;
            }
            attempts::insert(&tx, &p.attempt)?;
            for ov in &p.overrides {
                overrides::insert(&tx, ov)?;
            }
            report.attempts_added += 1;
            report.turns_added += p.attempt.turns.len();
        }
        tx.commit()?;
        Ok(report)
    }
}

/// One attempt gathered from its rows.
struct Pending {
    attempt: Attempt,
    employee_name: String,
    overrides: Vec<Override>,
}

/// The attempt-level cells, which every row of an attempt repeats.
#[derive(PartialEq)]
struct Head {
    id: String,
    employee_id: String,
    employee_name: String,
    scenario_id: String,
    scenario_revision: u32,
    mode: AttemptMode,
    scorer: Scorer,
    started_at: Timestamp,
    completed: bool,
}

/// Rows of one attempt while reading.
struct Group {
    line: u64,
    head: Head,
    no_turns_line: Option<u64>,
    turns: BTreeMap<usize, (u64, TurnAttempt, Vec<Override>)>,
}

fn bad(line: u64, detail: impl Into<String>) -> StoreError {
    StoreError::Csv { line, detail: detail.into() }
}

/// Line numbers as an editor shows them: `\r\n`, `\n` and a lone `\r` each end one line. Reads
/// forward only, so a whole file costs one pass however many rows it has.
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a [u8]) -> Self {
        Self { text, at: 0, line: 1 }
    }

    /// The line of the record the CSV reader says starts at byte `offset` (offsets must not go
    /// backwards). The reader may place a record's start on the `\n` of the `\r\n` before it, or
    /// on blank lines it skips, so line breaks at `offset` are stepped over first.
    fn of(&mut self, offset: u64) -> u64 {
        let mut end = usize::try_from(offset).unwrap_or(usize::MAX).min(self.text.len());
        while matches!(self.text.get(end), Some(b'\r' | b'\n')) {
            end += 1;
        }
        while self.at < end {
            match self.text[self.at] {
                b'\n' => self.line += 1,
                b'\r' if self.text.get(self.at + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.at += 1;
        }
        self.line
    }
}

fn read_error(e: ::csv::Error, lines: &mut Lines<'_>) -> StoreError {
    let line = e.position().map_or(0, |p| lines.of(p.byte()));
    bad(line, format!("the file cannot be read as CSV ({e}); export it again from FollowThrough"))
}

/// The earliest start date accepted: FollowThrough did not exist before it.
fn earliest() -> Timestamp {
    jiff::civil::date(2000, 1, 1).to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp()).unwrap_or(Timestamp::MIN)
}

/// Check every row and group them by attempt, in the order attempts first appear. `now` bounds the
/// dates accepted (up to a day ahead, for clocks that are a little fast).
fn parse(text: &[u8], now: Timestamp) -> Result<Vec<Pending>, StoreError> {
    let latest = now.checked_add(jiff::SignedDuration::from_hours(24)).unwrap_or(now);
    let dates = (earliest(), latest);
    let mut lines = Lines::new(text);
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(bad(1, "the file is empty; it needs the header row and rows that FollowThrough exports"));
    }
    let mut reader = ::csv::ReaderBuilder::new().has_headers(true).from_reader(text);
    let header = reader.headers().map_err(|e| read_error(e, &mut lines))?.clone();
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for name in COLUMNS.iter().filter(|c| !DERIVED.contains(c)) {
        let Some(at) = header.iter().position(|h| h.trim() == *name) else {
            return Err(bad(
                1,
                format!("the column {name} is missing from the header; import reads files exported by FollowThrough"),
            ));
        };
        index.insert(name, at);
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| read_error(e, &mut lines))?;
        let line = record.position().map_or(0, |p| lines.of(p.byte()));
        let cells = Cells { record: &record, index: &index, line, dates };
        let head = cells.head()?;
        let turn = cells.turn(&head.id)?;
        let group = match by_id.get(&head.id) {
            Some(&g) => {
                let group = &mut groups[g];
                if group.head != head {
                    return Err(bad(
                        line,
                        format!(
                            "the attempt details (employee, scenario, mode, scorer, start or completed) differ from \
                             line {} for attempt {}; the rows of one attempt must agree",
                            group.line, head.id
                        ),
                    ));
                }
                group
            }
            None => {
                by_id.insert(head.id.clone(), groups.len());
                groups.push(Group { line, head, no_turns_line: None, turns: BTreeMap::new() });
                let last = groups.len() - 1;
                &mut groups[last]
            }
        };
        match turn {
            None => group.no_turns_line = Some(line),
            Some((turn_index, t, ovs)) => {
                if let Some((other, ..)) = group.turns.get(&turn_index) {
                    return Err(bad(
                        line,
                        format!("attempt {} has turn index {turn_index} twice (also on line {other})", group.head.id),
                    ));
                }
                group.turns.insert(turn_index, (line, t, ovs));
            }
        }
    }
    groups.into_iter().map(finish).collect()
}

/// Check that an attempt's turns are numbered 0, 1, 2... and build it.
fn finish(group: Group) -> Result<Pending, StoreError> {
    if let (Some(line), false) = (group.no_turns_line, group.turns.is_empty()) {
        return Err(bad(line, format!("this row of attempt {} has no turn but other rows have turns", group.head.id)));
    }
    if let Some(missing) = (0..group.turns.len()).find(|i| !group.turns.contains_key(i)) {
        return Err(bad(
            group.line,
            format!("attempt {} has no row for turn index {missing}; turns are numbered 0, 1, 2...", group.head.id),
        ));
    }
    let mut turns = Vec::with_capacity(group.turns.len());
    let mut all_overrides = Vec::new();
    for (_, (_, turn, ovs)) in group.turns {
        turns.push(turn);
        all_overrides.extend(ovs);
    }
    let h = group.head;
    Ok(Pending {
        attempt: Attempt {
            id: h.id,
            employee_id: h.employee_id,
            scenario_id: h.scenario_id,
            scenario_revision: h.scenario_revision,
            mode: h.mode,
            scorer: h.scorer,
            started_at: h.started_at,
            completed: h.completed,
            turns,
        },
        employee_name: h.employee_name,
        overrides: all_overrides,
    })
}

/// One row's cells by column name, each read with an error that names the line.
struct Cells<'a> {
    record: &'a ::csv::StringRecord,
    index: &'a HashMap<&'static str, usize>,
    line: u64,
    /// The earliest and latest moments accepted.
    dates: (Timestamp, Timestamp),
}

impl Cells<'_> {
    fn raw(&self, column: &str) -> &str {
        self.index.get(column).and_then(|&i| self.record.get(i)).unwrap_or("")
    }

    /// A text cell, with the formula guard removed.
    fn text(&self, column: &str) -> String {
        unescape_cell(self.raw(column)).to_string()
    }

    /// A text cell that must not be empty.
    fn id(&self, column: &str) -> Result<String, StoreError> {
        let text = self.text(column);
        if text.trim().is_empty() {
            return Err(bad(self.line, format!("the column {column} is empty; every row needs one")));
        }
        Ok(text)
    }

    fn parsed<T>(&self, column: &str, parse: impl FnOnce(&str) -> Option<T>, expected: &str) -> Result<T, StoreError> {
        let raw = self.raw(column);
        parse(raw.trim()).ok_or_else(|| bad(self.line, format!("{column} should be {expected}, not {raw:?}")))
    }

    fn number(&self, column: &str) -> Result<u32, StoreError> {
        self.parsed(column, |s| s.parse().ok(), "a whole number")
    }

    /// A score or pass mark: a whole number from 0 to 100.
    fn percent(&self, column: &str) -> Result<u32, StoreError> {
        self.parsed(column, |s| s.parse().ok().filter(|n| *n <= 100), "a whole number from 0 to 100")
    }

    /// A moment within the accepted dates.
    fn moment(&self, column: &str) -> Result<Timestamp, StoreError> {
        let (earliest, latest) = self.dates;
        self.parsed(
            column,
            |s| s.parse().ok().filter(|t| (earliest..=latest).contains(t)),
            &format!(
                "a date and time with its offset, like 2025-01-31T09:30:00Z, from 2000-01-01 up to {}",
                latest.strftime("%Y-%m-%d")
            ),
        )
    }

    /// A moment inside a JSON cell, checked like [`Cells::moment`].
    fn check_moment(&self, column: &str, at: Timestamp) -> Result<(), StoreError> {
        let (earliest, latest) = self.dates;
        if (earliest..=latest).contains(&at) {
            return Ok(());
        }
        Err(bad(
            self.line,
            format!(
                "{column} holds the date {at}; dates must be from 2000-01-01 up to {}",
                latest.strftime("%Y-%m-%d")
            ),
        ))
    }

    fn yes_no(&self, column: &str) -> Result<bool, StoreError> {
        self.parsed(
            column,
            |s| match s.to_ascii_lowercase().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            "yes or no",
        )
    }

    fn head(&self) -> Result<Head, StoreError> {
        Ok(Head {
            id: self.id("attempt_id")?,
            employee_id: self.id("employee_id")?,
            employee_name: self.text("employee_name"),
            scenario_id: self.id("scenario_id")?,
            scenario_revision: self.number("scenario_revision")?,
            mode: self.parsed("mode", AttemptMode::parse, MODES)?,
            scorer: self.parsed("scorer", Scorer::parse, SCORERS)?,
            started_at: self.moment("started_at")?,
            completed: self.yes_no("completed")?,
        })
    }

    /// The turn on this row (`None` when `turn_index` is empty: an attempt with no turns).
    fn turn(&self, attempt_id: &str) -> Result<Option<(usize, TurnAttempt, Vec<Override>)>, StoreError> {
        if self.raw("turn_index").trim().is_empty() {
            return Ok(None);
        }
        let turn_index: usize = self.parsed("turn_index", |s| s.parse().ok(), "a whole number from 0")?;
        let criteria: Vec<CriterionOutcome> = self.parsed_json("criteria")?;
        let mut seen = HashSet::new();
        if let Some(twice) = criteria.iter().find(|c| !seen.insert(c.id.as_str())) {
            return Err(bad(self.line, format!("criteria lists the criterion {:?} twice", twice.id)));
        }
        if let Some(c) = criteria.iter().find(|c| !(c.points.is_finite() && (-100.0..=100.0).contains(&c.points))) {
            return Err(bad(
                self.line,
                format!("criteria gives the criterion {:?} {} points; points are from -100 to 100", c.id, c.points),
            ));
        }
        let ovs: Vec<Override> = self.parsed_json("overrides")?;
        for ov in &ovs {
            if ov.attempt_id != attempt_id || ov.turn_index != turn_index {
                return Err(bad(
                    self.line,
                    format!("an override belongs to attempt {} turn {}, not to this row", ov.attempt_id, ov.turn_index),
                ));
            }
            if !seen.contains(ov.criterion_id.as_str()) {
                return Err(bad(
                    self.line,
                    format!("an override names the criterion {:?}, not in criteria", ov.criterion_id),
                ));
            }
            if ov.reason.trim().is_empty() {
                return Err(bad(self.line, "an override has no reason; every override needs one"));
            }
            self.check_moment("overrides", ov.at)?;
        }
        let turn = TurnAttempt {
            turn_id: self.id("turn_id")?,
            customer_line: self.text("customer_line"),
            response: self.text("response"),
            score: self.percent("turn_score")?,
            pass_mark: self.percent("pass_mark")?,
            passed: self.yes_no("turn_passed")?,
            time_used_ms: self.parsed(
                "time_used_s",
                seconds_to_ms,
                "a number of seconds from 0 to 86400 (a day), like 12.5",
            )?,
            over_time: self.yes_no("over_time")?,
            criteria,
        };
        Ok(Some((turn_index, turn, ovs)))
    }

    fn parsed_json<T: serde::de::DeserializeOwned>(&self, column: &str) -> Result<T, StoreError> {
        serde_json::from_str(self.raw(column)).map_err(|e| {
            bad(self.line, format!("{column} is not the JSON list FollowThrough writes ({e}); export it again"))
        })
    }
}

/// `12.3` seconds as milliseconds (at most a day).
fn seconds_to_ms(text: &str) -> Option<u64> {
    let seconds: f64 = text.parse().ok()?;
    (seconds.is_finite() && (0.0..=MAX_TURN_SECONDS).contains(&seconds)).then(|| (seconds * 1000.0).round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_read_back_as_milliseconds() {
        assert_eq!(seconds_to_ms("1.2"), Some(1200));
        assert_eq!(seconds_to_ms("0"), Some(0));
        assert_eq!(seconds_to_ms("-1"), None);
        assert_eq!(seconds_to_ms("86400"), Some(86_400_000));
        assert_eq!(seconds_to_ms("86400.1"), None);
        assert_eq!(seconds_to_ms("NaN"), None);
        assert_eq!(seconds_to_ms("soon"), None);
    }

    #[test]
    fn lines_count_crlf_lf_and_lone_cr_once_each() {
        let text = b"a\r\nb\nc\rd\r\n\r\ne";
        let mut lines = Lines::new(text);
        let starts: Vec<u64> = [0, 3, 5, 7, 12].iter().map(|&at| lines.of(at)).collect();
        assert_eq!(starts, [1, 2, 3, 4, 6]);
        let mut lines = Lines::new(text);
        assert_eq!(lines.of(2), 2, "a record placed on the \\n of a \\r\\n starts on the next line");
        assert_eq!(lines.of(1000), 6, "past the end stays on the last line");
    }

    #[test]
    fn a_missing_column_is_named() {
        let err = parse(b"attempt_id,employee_id\n", Timestamp::now()).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("employee_name"), "{err}");
        let err = parse(b"", Timestamp::now()).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("empty"), "{err}");
    }
}

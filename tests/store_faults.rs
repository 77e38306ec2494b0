//! What a user meets when data is hand-made: an import with values the app could never produce is
//! refused whole at its real line (CRLF or not); cells a spreadsheet would run are guarded.

use std::path::Path;

use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::io::store::{AttemptFilter, Store, StoreError};
use jiff::civil::{Date, date};

const TODAY: Date = date(2025, 3, 14);

fn turn(response: &str) -> TurnAttempt {
    TurnAttempt {
        turn_id: "t1".into(),
        customer_line: "Where is my parcel?".into(),
        response: response.into(),
        score: 80,
        pass_mark: 70,
        passed: true,
        time_used_ms: 12_000,
        over_time: false,
        criteria: vec![CriterionOutcome {
            id: "owns".into(),
            label: "Owns it".into(),
            kind: CriterionKind::Required,
            met: true,
            points: 80.0,
        }],
    }
}

fn attempt(id: &str, employee: &str, response: &str) -> Attempt {
    Attempt {
        id: id.into(),
        employee_id: employee.into(),
        scenario_id: "late-parcel".into(),
        scenario_revision: 1,
        mode: AttemptMode::Practice,
        scorer: Scorer::Engine,
        started_at: "2025-03-01T09:00:00Z".parse().expect("timestamp"),
        completed: true,
        turns: vec![turn(response)],
    }
}

/// A store in `dir` with Sam's three attempts.
fn three_attempts(dir: &Path) -> Store {
    let store = Store::open(dir, TODAY).expect("open");
    let sam = store.add_employee("Sam Lee", "2025-01-01T00:00:00Z".parse().expect("ts")).expect("sam");
    for (id, response) in [("a1", "Sorry, that's on me."), ("a2", "I'll call you by 4pm."), ("a3", "Leave it with me.")]
    {
        store.record_attempt(&attempt(id, &sam.id, response)).expect("record");
    }
    store
}

fn export_text(store: &Store) -> String {
    let mut bytes = Vec::new();
    store.export_csv(&mut bytes, &AttemptFilter::default()).expect("export");
    String::from_utf8(bytes).expect("UTF-8")
}

/// The cells of the row of attempt `id` changed by `edit` (the columns by header name).
fn edit_row(text: &str, id: &str, edit: impl Fn(&mut Vec<String>, &dyn Fn(&str) -> usize)) -> String {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(true).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    let column = |name: &str| header.iter().position(|h| h == name).expect("column");
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).expect("header");
    for record in reader.records() {
        let mut cells: Vec<String> = record.expect("row").iter().map(String::from).collect();
        if cells[0] == id {
            edit(&mut cells, &column);
        }
        writer.write_record(&cells).expect("row");
    }
    String::from_utf8(writer.into_inner().expect("flush")).expect("UTF-8")
}

fn import_error(text: &str) -> (u64, String) {
    let target = Store::open_in_memory().expect("open");
    let err = target.import_csv(&mut text.as_bytes()).expect_err("refused");
    assert_eq!(target.attempt_count().expect("count"), 0, "nothing is written: {err}");
    assert!(target.employees().expect("employees").is_empty(), "nothing is written: {err}");
    match err {
        StoreError::Csv { line, detail } => (line, detail),
        other => panic!("expected a CSV error, got {other}"),
    }
}

#[test]
fn import_refuses_values_the_app_cannot_produce_whole_and_at_their_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = export_text(&three_attempts(dir.path()));
    let cases: [(&str, &str, &[&str]); 10] = [
        ("turn_score", "4294967295", &["turn_score", "0 to 100"]),
        ("turn_score", "101", &["turn_score", "0 to 100"]),
        ("pass_mark", "999", &["pass_mark", "0 to 100"]),
        ("time_used_s", "-3", &["time_used_s", "86400"]),
        ("time_used_s", "2491344000", &["time_used_s", "86400"]),
        ("started_at", "1970-01-01T00:00:00Z", &["started_at", "from 2000-01-01"]),
        ("started_at", "2999-01-01T00:00:00Z", &["started_at", "from 2000-01-01"]),
        ("started_at", "yesterday", &["started_at", "like 2025-01-31T09:30:00Z"]),
        ("mode", "exam", &["practice, assessment, group, rehearsal or quiz"]),
        ("scorer", "robot", &["engine, coach or self"]),
    ];
    for (column, value, expected) in cases {
        let bad = edit_row(&text, "a3", |cells, col| cells[col(column)] = value.into());
        let (line, detail) = import_error(&bad);
        assert_eq!(line, 4, "{column}={value}: the header, a1, a2, then a3 on line 4: {detail}");
        for word in expected {
            assert!(detail.contains(word), "{column}={value}: {detail:?} should say {word:?}");
        }
    }
    let faked_points =
        edit_row(&text, "a2", |cells, col| cells[col("criteria")] = cells[col("criteria")].replace("80.0", "1e9"));
    let (line, detail) = import_error(&faked_points);
    assert_eq!(line, 3, "{detail}");
    assert!(detail.contains("-100 to 100"), "{detail}");
    // The unchanged file still imports.
    let target = Store::open_in_memory().expect("open");
    assert_eq!(target.import_csv(&mut text.as_bytes()).expect("import").attempts_added, 3);
}

#[test]
fn import_names_the_real_line_of_a_crlf_file_with_line_breaks_inside_cells() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path(), TODAY).expect("open");
    let kim = store.add_employee("Kim", "2025-01-01T00:00:00Z".parse().expect("ts")).expect("kim");
    store.record_attempt(&attempt("m1", &kim.id, "First line.\nSecond line.\nThird.")).expect("record");
    store.record_attempt(&attempt("m2", &kim.id, "One line.")).expect("record");
    let text = export_text(&store);
    // As a spreadsheet program saves it: every line break CRLF, inside cells too.
    let bad = edit_row(&text, "m2", |cells, col| cells[col("turn_score")] = "250".into()).replace('\n', "\r\n");
    let (line, detail) = import_error(&bad);
    // Line 1 the header, m1's row lines 2-4 (its answer has three lines), m2 on line 5.
    assert_eq!(bad.split("\r\n").position(|l| l.starts_with("m2,")).map(|i| i + 1), Some(5));
    assert_eq!(line, 5, "{detail}");
}

#[test]
fn cells_starting_with_a_tab_or_carriage_return_are_guarded_and_come_back_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path(), TODAY).expect("open");
    let ana = store.add_employee("Ana", "2025-01-01T00:00:00Z".parse().expect("ts")).expect("ana");
    store.record_attempt(&attempt("t1", &ana.id, "\t=HYPERLINK(\"http://x\")")).expect("record");
    store.record_attempt(&attempt("t2", &ana.id, "\r=1+1")).expect("record");
    let text = export_text(&store);
    assert!(text.contains("\"'\t=HYPERLINK"), "{text}");
    assert!(text.contains("\"'\r=1+1\""), "{text}");
    let other = Store::open_in_memory().expect("open");
    other.import_csv(&mut text.as_bytes()).expect("import");
    assert_eq!(
        other.attempts(&AttemptFilter::default()).expect("read"),
        store.attempts(&AttemptFilter::default()).expect("read")
    );
}

//! The progress store through its public API: attempts, filters and order, coach overrides, CSV
//! export and import, and how it opens damaged, newer, old and new data folders.

use std::path::Path;

use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Override, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::io::store::{AttemptFilter, DB_FILE, SCHEMA_VERSION, Store, StoreError};
use jiff::Timestamp;
use jiff::civil::{Date, date};

const TODAY: Date = date(2025, 3, 14);

fn ts(text: &str) -> Timestamp {
    text.parse().expect("timestamp")
}

/// A verdict with the worth the engine gave it (`points` follow from it).
fn criterion(id: &str, kind: CriterionKind, met: bool, worth: f64) -> CriterionOutcome {
    let points = match (kind, met) {
        (CriterionKind::Required, true) => worth,
        (CriterionKind::Forbidden, true) => -worth,
        _ => 0.0,
    };
    CriterionOutcome { id: id.into(), label: format!("Label of {id}"), kind, met, points, worth: Some(worth) }
}

/// A turn with three required criteria worth 50, 30 and 20 and one forbidden one worth 25.
fn turn(turn_id: &str, response: &str, owns: bool, time: bool, name: bool, blames: bool) -> TurnAttempt {
    let criteria = vec![
        criterion("owns", CriterionKind::Required, owns, 50.0),
        criterion("time", CriterionKind::Required, time, 30.0),
        criterion("name", CriterionKind::Required, name, 20.0),
        criterion("blames", CriterionKind::Forbidden, blames, 25.0),
    ];
    let sum: f64 = criteria.iter().map(|c| c.points).sum();
    let score = sum.round().clamp(0.0, 100.0) as u32;
    TurnAttempt {
        turn_id: turn_id.into(),
        customer_line: format!("Customer says {turn_id}"),
        response: response.into(),
        score,
        pass_mark: 70,
        passed: score >= 70,
        time_used_ms: 12_345,
        over_time: false,
        criteria,
    }
}

fn attempt(id: &str, employee: &str, scenario: &str, started: &str, turns: Vec<TurnAttempt>) -> Attempt {
    Attempt {
        id: id.into(),
        employee_id: employee.into(),
        scenario_id: scenario.into(),
        scenario_revision: 3,
        mode: AttemptMode::Assessment,
        scorer: Scorer::Engine,
        started_at: ts(started),
        completed: true,
        turns,
    }
}

fn open(dir: &Path) -> Store {
    Store::open(dir, TODAY).expect("open store")
}

/// A store with Ana and Ben and four attempts.
fn sample(dir: &Path) -> Store {
    let store = open(dir);
    let now = ts("2025-01-01T08:00:00Z");
    store.add_employee("Ana Ruiz", now).expect("ana");
    store.add_employee("Ben Ode", now).expect("ben");
    let awkward = "Sorry, \"really\" sorry.\nI'll call you back at 3pm, ok?\r\nBye";
    store
        .record_attempt(&attempt(
            "a1",
            "ana-ruiz",
            "late-parcel",
            "2025-01-02T09:00:00Z",
            vec![
                turn("t1", awkward, true, true, true, false),
                turn("t2", "=HYPERLINK(\"x\")", true, false, false, true),
            ],
        ))
        .expect("a1");
    store
        .record_attempt(&attempt(
            "b1",
            "ben-ode",
            "late-parcel",
            "2025-01-03T10:00:00Z",
            vec![turn("t1", "ok", true, false, true, false)],
        ))
        .expect("b1");
    store
        .record_attempt(&attempt(
            "a2",
            "ana-ruiz",
            "broken-tv",
            "2025-02-01T11:30:00.25Z",
            vec![turn("t1", "Fine", false, false, false, false)],
        ))
        .expect("a2");
    let mut group = attempt("a3", "ana-ruiz", "broken-tv", "2025-02-05T12:00:00Z", Vec::new());
    group.mode = AttemptMode::Group;
    group.completed = false;
    store.record_attempt(&group).expect("a3 with no turns");
    store
}

fn export(store: &Store, filter: &AttemptFilter) -> (usize, Vec<u8>) {
    let mut out = Vec::new();
    let rows = store.export_csv(&mut out, filter).expect("export");
    (rows, out)
}

/// The data rows of an export, by column name.
fn read_rows(bytes: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("starts with a BOM");
    let mut reader = csv::Reader::from_reader(body);
    let header = reader.headers().expect("header").clone();
    let rows = reader.records().collect::<Result<Vec<_>, _>>().expect("rows");
    (header, rows)
}

fn cell<'a>(header: &csv::StringRecord, row: &'a csv::StringRecord, column: &str) -> &'a str {
    let at = header.iter().position(|h| h == column).unwrap_or_else(|| panic!("column {column}"));
    &row[at]
}

#[test]
fn attempts_come_back_with_every_field_after_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut original = attempt(
        "x1",
        "zoë",
        "late-parcel",
        "2025-01-02T09:00:00.123456789Z",
        vec![turn("t1", "Ünïcödé, \"quotes\"\nand lines", true, false, true, true)],
    );
    original.mode = AttemptMode::Practice;
    original.completed = false;
    original.turns[0].over_time = true;
    original.turns[0].time_used_ms = 61_001;
    {
        let store = open(dir.path());
        let zoe = store.add_employee("Zoë", ts("2025-01-01T00:00:00Z")).expect("add");
        assert_eq!(zoe.id, "zoë");
        store.record_attempt(&original).expect("record");
    }
    let store = open(dir.path());
    assert_eq!(store.attempts(&AttemptFilter::default()).expect("read"), vec![original.clone()]);
    assert_eq!(store.attempt_count().expect("count"), 1);
    assert!(store.has_attempt("x1").expect("has"));
    assert!(!store.has_attempt("x2").expect("has"));
    assert_eq!(store.path(), Some(dir.path().join(DB_FILE).as_path()));
    assert!(store.integrity_ok().expect("integrity"));
}

#[test]
fn recording_checks_the_employee_and_never_overwrites() {
    let store = Store::open_in_memory().expect("open");
    let a = attempt("x1", "nobody", "s", "2025-01-02T09:00:00Z", vec![turn("t1", "hi", true, true, true, false)]);
    assert!(matches!(store.record_attempt(&a), Err(StoreError::UnknownEmployee(id)) if id == "nobody"));
    assert_eq!(store.attempt_count().expect("count"), 0, "nothing half-written");
    store.add_employee("Nobody", Timestamp::UNIX_EPOCH).expect("add");
    store.record_attempt(&a).expect("record");
    let mut changed = a.clone();
    changed.turns[0].response = "something else".into();
    let err = store.record_attempt(&changed).expect_err("duplicate id refused");
    assert!(err.to_string().contains("already saved"), "{err}");
    assert_eq!(store.attempts(&AttemptFilter::default()).expect("read"), vec![a]);
}

#[test]
fn employees_keep_their_order_and_the_current_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let store = open(dir.path());
        for name in ["Cleo", "Ana", "Bo"] {
            store.add_employee(name, ts("2025-01-01T00:00:00Z")).expect("add");
        }
        assert_eq!(store.current_employee().expect("current"), None);
        store.set_current_employee("ana").expect("set");
        let err = store.add_employee(" ANA ", Timestamp::UNIX_EPOCH).expect_err("same name");
        assert!(matches!(&err, StoreError::BadName(m) if m.contains("already")), "{err}");
    }
    let store = open(dir.path());
    let names: Vec<String> = store.employees().expect("list").into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["Cleo", "Ana", "Bo"]);
    assert_eq!(store.current_employee().expect("current").as_deref(), Some("ana"));
    assert_eq!(store.employee("bo").expect("get").map(|e| e.name), Some("Bo".to_string()));
    assert_eq!(store.employee("zed").expect("get"), None);
}

#[test]
fn filters_pick_by_employee_day_and_scenario() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample(dir.path());
    let ids = |filter: AttemptFilter| -> Vec<String> {
        store.attempts(&filter).expect("query").into_iter().map(|a| a.id).collect()
    };
    assert_eq!(ids(AttemptFilter::default()), ["a1", "b1", "a2", "a3"]);
    assert_eq!(ids(AttemptFilter { employee: Some("ana-ruiz".into()), ..Default::default() }), ["a1", "a2", "a3"]);
    assert_eq!(ids(AttemptFilter { since: Some(date(2025, 1, 3)), ..Default::default() }), ["b1", "a2", "a3"]);
    assert_eq!(ids(AttemptFilter { since: Some(date(2025, 2, 2)), ..Default::default() }), ["a3"]);
    assert_eq!(ids(AttemptFilter { scenario: Some("broken-tv".into()), ..Default::default() }), ["a2", "a3"]);
    let all_three = AttemptFilter {
        employee: Some("ana-ruiz".into()),
        since: Some(date(2025, 1, 2)),
        scenario: Some("late-parcel".into()),
    };
    assert_eq!(ids(all_three), ["a1"]);
    assert!(ids(AttemptFilter { employee: Some("nobody".into()), ..Default::default() }).is_empty());
}

#[test]
fn attempts_are_oldest_first_so_the_first_assessment_is_the_baseline() {
    let store = Store::open_in_memory().expect("open");
    store.add_employee("Ana", Timestamp::UNIX_EPOCH).expect("add");
    // Recorded out of order; sub-second starts and a tie broken by id.
    for (id, started) in [
        ("c", "2025-01-01T09:00:01Z"),
        ("b", "2025-01-01T09:00:00.5Z"),
        ("z", "2025-01-01T09:00:00Z"),
        ("a", "2025-01-01T09:00:00Z"),
        ("d", "2024-12-31T23:59:59.999Z"),
    ] {
        store
            .record_attempt(&attempt(id, "ana", "s", started, vec![turn("t", "r", true, true, true, false)]))
            .expect("rec");
    }
    let ids: Vec<String> = store.attempts(&AttemptFilter::default()).expect("read").into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["d", "a", "z", "b", "c"]);
}

fn override_of(attempt_id: &str, turn_index: usize, criterion: &str, old_met: bool, reason: &str) -> Override {
    Override {
        attempt_id: attempt_id.into(),
        turn_index,
        criterion_id: criterion.into(),
        coach: "Coach Kim".into(),
        at: ts("2025-03-01T10:00:00Z"),
        old_met,
        new_met: !old_met,
        reason: reason.into(),
    }
}

#[test]
fn overrides_are_checked_audited_and_rescore_the_turn() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample(dir.path());
    let before = store.attempts(&AttemptFilter::default()).expect("read");
    // b1 turn 0: owns (50) and name (20) met, time (30) missed: 70 of pass mark 70.
    let refused = [
        (override_of("b1", 0, "time", true, "they gave a time"), "not met now"),
        (override_of("b1", 0, "time", false, "   "), "reason"),
        (override_of("b1", 5, "time", false, "why"), "no turn"),
        (override_of("b1", 0, "nope", false, "why"), "no criterion"),
    ];
    for (ov, words) in refused {
        let err = store.override_criterion(&ov).expect_err("refused");
        assert!(matches!(err, StoreError::BadOverride(_)), "{err}");
        assert!(err.to_string().contains(words), "{err} should say {words}");
    }
    let same = Override { new_met: false, ..override_of("b1", 0, "time", false, "why") };
    assert!(matches!(store.override_criterion(&same), Err(StoreError::BadOverride(_))));
    assert!(matches!(
        store.override_criterion(&override_of("zz", 0, "time", false, "why")),
        Err(StoreError::NoSuchAttempt(_))
    ));
    assert_eq!(store.attempts(&AttemptFilter::default()).expect("read"), before, "refusals change nothing");
    assert!(store.overrides("b1").expect("none yet").is_empty());

    let gave_time = override_of("b1", 0, "time", false, "\"by 3pm\" is a time; the engine missed it");
    store.override_criterion(&gave_time).expect("override");
    let b1 = store.attempts(&AttemptFilter { employee: Some("ben-ode".into()), ..Default::default() }).expect("read");
    let b1 = &b1[0];
    assert_eq!(b1.scorer, Scorer::Coach);
    let t = &b1.turns[0];
    let time = t.criteria.iter().find(|c| c.id == "time").expect("time");
    assert!(time.met);
    assert_eq!(time.points, 30.0, "the criterion keeps the worth the engine gave it");
    assert_eq!((t.score, t.passed), (100, true));
    assert_eq!(b1.score(), 100.0);

    // The engine found "blames" in a1 turn 1 (-25); the coach disagrees: 50 - 25 = 25 becomes 50.
    store.override_criterion(&override_of("a1", 1, "blames", true, "quoting the customer")).expect("override");
    let a1 = store.attempts(&AttemptFilter { scenario: Some("late-parcel".into()), ..Default::default() }).expect("r");
    assert_eq!(a1[0].turns[1].score, 50);
    assert_eq!(a1[0].turns[1].criteria[3].points, 0.0);
    assert_eq!(a1[0].score(), 75.0);
    assert!(!a1[0].passed());
    // And back again: the criterion keeps what it was worth.
    store.override_criterion(&override_of("a1", 1, "blames", false, "on reflection it was blame")).expect("back");
    let a1 = store.attempts(&AttemptFilter { scenario: Some("late-parcel".into()), ..Default::default() }).expect("r");
    assert_eq!(a1[0].turns[1].score, 25);
    assert_eq!(a1[0].turns[1].criteria[3].points, -25.0);

    let trail = store.overrides("a1").expect("trail");
    assert_eq!(trail.len(), 2);
    assert_eq!(trail[0].reason, "quoting the customer");
    assert_eq!(trail[1], override_of("a1", 1, "blames", false, "on reflection it was blame"));
    assert!(matches!(store.overrides("zz"), Err(StoreError::NoSuchAttempt(_))));

    let (_, bytes) = export(&store, &AttemptFilter { employee: Some("ben-ode".into()), ..Default::default() });
    let (header, rows) = read_rows(&bytes);
    assert_eq!(cell(&header, &rows[0], "scorer"), "coach");
    let exported: Vec<Override> = serde_json::from_str(cell(&header, &rows[0], "overrides")).expect("json");
    assert_eq!(exported, vec![gave_time]);
}

#[test]
fn export_is_one_row_per_turn_that_a_csv_reader_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample(dir.path());
    let (rows_written, bytes) = export(&store, &AttemptFilter::default());
    let (header, rows) = read_rows(&bytes);
    assert_eq!(rows_written, 5, "a1 has two turns, b1 and a2 one, a3 none (one row)");
    assert_eq!(rows.len(), 5);
    assert_eq!(header.len(), 24);
    assert_eq!(&header[0], "attempt_id");
    assert_eq!(&header[23], "overrides");
    let first = &rows[0];
    assert_eq!(cell(&header, first, "attempt_id"), "a1");
    assert_eq!(cell(&header, first, "employee_name"), "Ana Ruiz");
    assert_eq!(cell(&header, first, "response"), "Sorry, \"really\" sorry.\nI'll call you back at 3pm, ok?\r\nBye");
    assert_eq!(cell(&header, first, "completed"), "yes");
    assert_eq!(cell(&header, first, "attempt_score"), "62.5");
    assert_eq!(cell(&header, first, "attempt_passed"), "no");
    assert_eq!(cell(&header, first, "turn_passed"), "yes");
    assert_eq!(cell(&header, first, "time_used_s"), "12.3");
    assert_eq!(cell(&header, first, "criteria_met"), "Label of owns; Label of time; Label of name");
    assert_eq!(cell(&header, first, "overrides"), "[]");
    let criteria: Vec<CriterionOutcome> = serde_json::from_str(cell(&header, first, "criteria")).expect("json");
    assert_eq!(criteria.len(), 4);
    let second = &rows[1];
    assert_eq!(cell(&header, second, "turn_index"), "1");
    assert_eq!(cell(&header, second, "response"), "'=HYPERLINK(\"x\")", "formula cells are defused");
    assert_eq!(cell(&header, second, "criteria_met"), "Label of owns; NOT OK: Label of blames");
    assert_eq!(cell(&header, second, "criteria_missed"), "Label of time; Label of name");
    let empty = &rows[4];
    assert_eq!((cell(&header, empty, "attempt_id"), cell(&header, empty, "turn_index")), ("a3", ""));
    assert_eq!(cell(&header, empty, "mode"), "group");

    let (rows_written, _) = export(&store, &AttemptFilter { employee: Some("ben-ode".into()), ..Default::default() });
    assert_eq!(rows_written, 1);
}

#[test]
fn export_import_export_gives_the_same_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample(dir.path());
    store.override_criterion(&override_of("a2", 0, "owns", false, "it was there, in other words")).expect("ov");
    let eve = store.add_employee("=Eve", Timestamp::UNIX_EPOCH).expect("eve");
    let tricky = "-1, then +1\n\"quoted\" ''=x";
    store
        .record_attempt(&attempt(
            "e1",
            &eve.id,
            "s",
            "2025-03-01T00:00:00Z",
            vec![turn("t", tricky, true, true, true, true)],
        ))
        .expect("e1");
    let (_, first) = export(&store, &AttemptFilter::default());

    let other_dir = tempfile::tempdir().expect("tempdir");
    let other = open(other_dir.path());
    let report = other.import_csv(&mut first.as_slice()).expect("import");
    assert_eq!((report.attempts_added, report.attempts_skipped), (5, 0));
    assert_eq!((report.employees_added, report.turns_added), (3, 5));
    // Everything comes across; answer times travel as seconds with one decimal (12345 ms -> 12.3 s).
    let mut expected = store.attempts(&AttemptFilter::default()).expect("original");
    for t in expected.iter_mut().flat_map(|a| a.turns.iter_mut()) {
        t.time_used_ms = (t.time_used_ms + 50) / 100 * 100;
    }
    assert_eq!(other.attempts(&AttemptFilter::default()).expect("imported"), expected);
    assert_eq!(other.overrides("a2").expect("ov"), store.overrides("a2").expect("ov"));
    assert_eq!(other.employee(&eve.id).expect("eve").map(|e| e.name), Some("=Eve".to_string()));
    let (_, second) = export(&other, &AttemptFilter::default());
    assert_eq!(String::from_utf8_lossy(&first), String::from_utf8_lossy(&second));
    assert_eq!(first, second);
}

#[test]
fn importing_merges_without_duplicating() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample(dir.path());
    let (_, bytes) = export(&store, &AttemptFilter::default());

    let again = store.import_csv(&mut bytes.as_slice()).expect("import into itself");
    assert_eq!((again.attempts_added, again.attempts_skipped, again.employees_added, again.turns_added), (0, 4, 0, 0));
    assert_eq!(store.attempt_count().expect("count"), 4);

    // A store that already has b1 (changed by a coach since) and its own attempt.
    let other_dir = tempfile::tempdir().expect("tempdir");
    let other = open(other_dir.path());
    other.add_employee("Ben Ode", Timestamp::UNIX_EPOCH).expect("ben");
    let b1 = store.attempts(&AttemptFilter { employee: Some("ben-ode".into()), ..Default::default() }).expect("b1");
    other.record_attempt(&b1[0]).expect("b1");
    other.override_criterion(&override_of("b1", 0, "owns", true, "did not really own it")).expect("ov");
    let mine = attempt("m1", "ben-ode", "s", "2025-01-05T00:00:00Z", vec![turn("t", "r", true, true, true, false)]);
    other.record_attempt(&mine).expect("mine");
    let kept = other.attempts(&AttemptFilter { employee: Some("ben-ode".into()), ..Default::default() }).expect("k");

    let report = other.import_csv(&mut bytes.as_slice()).expect("merge");
    assert_eq!((report.attempts_added, report.attempts_skipped), (3, 1));
    assert_eq!((report.employees_added, report.turns_added), (1, 3));
    assert_eq!(other.attempt_count().expect("count"), 5);
    let after = other.attempts(&AttemptFilter { employee: Some("ben-ode".into()), ..Default::default() }).expect("a");
    assert_eq!(after, kept, "an attempt already here is left exactly as it was");
    assert_eq!(other.overrides("b1").expect("ov").len(), 1);

    let twice = other.import_csv(&mut bytes.as_slice()).expect("merge again");
    assert_eq!((twice.attempts_added, twice.attempts_skipped), (0, 4));
    assert_eq!(other.attempt_count().expect("count"), 5);
}

#[test]
fn import_accepts_a_file_without_bom_and_rejects_bad_files_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample(dir.path());
    let (_, bytes) = export(&store, &AttemptFilter::default());
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");

    let plain = Store::open_in_memory().expect("open");
    assert_eq!(plain.import_csv(&mut text.as_bytes()).expect("no BOM").attempts_added, 4);

    let fresh = || Store::open_in_memory().expect("open");
    // Line 1 is the header; a1's first row spans lines 2-4 (its response has two line breaks), so
    // b1's row, the third record, starts on line 6.
    let bad_mode = text.replacen(",assessment,", ",exam,", 3);
    let target = fresh();
    let err = target.import_csv(&mut bad_mode.as_bytes()).expect_err("bad mode");
    assert!(matches!(&err, StoreError::Csv { line: 2, detail } if detail.contains("mode")), "{err}");
    let b1_line = text.find("\nb1,").map(|at| text[..at].matches('\n').count() as u64 + 2).expect("b1 row");
    assert_eq!(b1_line, 6);
    let bad_late = text.replace("\nb1,ben-ode,Ben Ode,late-parcel,3,", "\nb1,ben-ode,Ben Ode,late-parcel,three,");
    let err = target.import_csv(&mut bad_late.as_bytes()).expect_err("bad revision");
    assert!(matches!(&err, StoreError::Csv { line: 6, detail } if detail.contains("scenario_revision")), "{err}");
    assert_eq!(target.attempt_count().expect("count"), 0, "all or nothing");
    assert!(target.employees().expect("employees").is_empty());

    let no_response = text.replacen(",response,", ",answer,", 1);
    let err = fresh().import_csv(&mut no_response.as_bytes()).expect_err("missing column");
    assert!(matches!(&err, StoreError::Csv { line: 1, detail } if detail.contains("response")), "{err}");
    let err = fresh().import_csv(&mut "".as_bytes()).expect_err("empty");
    assert!(matches!(err, StoreError::Csv { line: 1, .. }));
    let bad_json = text.replacen("[]", "[oops", 1);
    let err = fresh().import_csv(&mut bad_json.as_bytes()).expect_err("bad json");
    assert!(matches!(&err, StoreError::Csv { detail, .. } if detail.contains("overrides")), "{err}");
}

#[test]
fn a_damaged_file_is_reported_and_kept_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join(DB_FILE);
    let garbage: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&db, &garbage).expect("write");
    let err = Store::open(dir.path(), TODAY).expect_err("refused");
    let StoreError::Corrupt { path, backup, .. } = &err else { panic!("expected Corrupt, got {err}") };
    assert_eq!(path, &db);
    assert_eq!(std::fs::read(&db).expect("still there"), garbage);
    assert_eq!(std::fs::read(backup).expect("copy"), garbage);
    let name = backup.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(name.starts_with("progress.db.damaged-"), "{name}");
    let message = err.to_string();
    assert!(message.contains("damaged") && message.contains("backups") && message.contains("nothing was deleted"));
    assert!(!dir.path().join("backups").exists(), "no backup of a damaged file");

    // A database cut short is damaged too.
    let cut = tempfile::tempdir().expect("tempdir");
    {
        let store = sample(cut.path());
        assert!(store.integrity_ok().expect("ok"));
    }
    let cut_db = cut.path().join(DB_FILE);
    let full = std::fs::read(&cut_db).expect("read");
    std::fs::write(&cut_db, &full[..full.len() / 2]).expect("truncate");
    assert!(matches!(Store::open(cut.path(), TODAY), Err(StoreError::Corrupt { .. })));
    assert_eq!(std::fs::read(&cut_db).expect("still there").len(), full.len() / 2);
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(sample(dir.path()));
    let db = dir.path().join(DB_FILE);
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.pragma_update(None, "user_version", 99).expect("set version");
    }
    let before = std::fs::read(&db).expect("read");
    let err = Store::open(dir.path(), TODAY).expect_err("refused");
    let StoreError::Newer { found, supported, backup, .. } = &err else { panic!("expected Newer, got {err}") };
    assert_eq!((*found, *supported), (99, SCHEMA_VERSION));
    assert!(backup.exists());
    assert!(err.to_string().contains("upgrade"), "{err}");
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn a_backup_is_written_each_day_and_seven_are_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(sample(dir.path()));
    let backups = dir.path().join("backups");
    let today = backups.join(format!("progress-{TODAY}.db"));
    assert!(today.exists());
    let copy = rusqlite::Connection::open(&today).expect("open backup");
    let n: i64 = copy.query_row("SELECT COUNT(*) FROM attempts", [], |r| r.get(0)).expect("count");
    assert_eq!(n, 0, "the backup is taken when the day's first open starts, before today's attempts");
    drop(copy);

    for day in 1..=10 {
        drop(Store::open(dir.path(), date(2025, 4, day)).expect("open"));
    }
    let mut names: Vec<String> = std::fs::read_dir(&backups)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected: Vec<String> = (4..=10).map(|d| format!("progress-2025-04-{d:02}.db")).collect();
    assert_eq!(names, expected);
    let copy = rusqlite::Connection::open(backups.join("progress-2025-04-10.db")).expect("open backup");
    let n: i64 = copy.query_row("SELECT COUNT(*) FROM attempts", [], |r| r.get(0)).expect("count");
    assert_eq!(n, 4);
}

#[test]
fn the_old_profile_list_becomes_employees_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ron = "(profiles: [(name: \"Ana Ruiz\"), (name: \"Ben\")], current: Some(1))";
    std::fs::write(dir.path().join("profiles.ron"), ron).expect("write");
    {
        let store = open(dir.path());
        let names: Vec<(String, String)> =
            store.employees().expect("list").into_iter().map(|e| (e.id, e.name)).collect();
        assert_eq!(names, [("ana-ruiz".into(), "Ana Ruiz".into()), ("ben".into(), "Ben".into())]);
        assert_eq!(store.current_employee().expect("current").as_deref(), Some("ben"));
    }
    assert!(!dir.path().join("profiles.ron").exists());
    assert_eq!(std::fs::read_to_string(dir.path().join("profiles.ron.imported")).expect("kept"), ron);
    let store = open(dir.path());
    assert_eq!(store.employees().expect("list").len(), 2, "not imported twice");
}

#[test]
fn a_coached_attempt_is_saved_with_the_coachs_verdicts_and_its_audit_rows_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample(dir.path());
    // The coach heard a time the engine missed: `time` goes from not met to met.
    let mut coached = attempt(
        "g1",
        "ana-ruiz",
        "group-scenario",
        "2025-03-02T10:00:00Z",
        vec![turn("opening", "Sorry, I'll ring at three.", true, true, false, false)],
    );
    coached.mode = AttemptMode::Group;
    coached.scorer = Scorer::Coach;
    let why = override_of("g1", 0, "time", false, "said 'three o'clock' aloud");
    let wrong = Override { criterion_id: "name".into(), ..why.clone() }; // `name` was not met: no such change
    assert!(matches!(store.record_coached_attempt(&coached, &[wrong]), Err(StoreError::BadOverride(_))));
    assert!(!store.has_attempt("g1").expect("read"), "a refused change saves nothing");
    store.record_coached_attempt(&coached, std::slice::from_ref(&why)).expect("saved");
    let saved = &store
        .attempts(&AttemptFilter { scenario: Some("group-scenario".into()), ..Default::default() })
        .expect("read")[0];
    assert_eq!((saved.mode, saved.scorer), (AttemptMode::Group, Scorer::Coach));
    assert!(saved.turns[0].criteria.iter().any(|c| c.id == "time" && c.met));
    assert_eq!(store.overrides("g1").expect("audit"), vec![why]);
}

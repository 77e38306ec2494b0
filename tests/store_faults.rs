//! What a user meets when data is hand-made, damaged or out of reach: an import with values the app
//! could never produce is refused whole at its real line (CRLF or not); cells a spreadsheet would run
//! are guarded; a damaged file is copied aside once however often it is opened; leftovers of killed
//! backups are removed; a read-only data folder still shows its progress and says it can't be saved.

use std::path::Path;
use std::process::Command;

use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::io::store::{AttemptFilter, DB_FILE, Store, StoreError};
use jiff::civil::{Date, date};

mod perms_support;

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
            worth: Some(80.0),
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

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).expect("list").filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    names.sort();
    names
}

#[test]
fn a_damaged_file_opened_four_times_is_copied_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let garbage = b"not a database, but somebody's data ".repeat(500);
    std::fs::write(dir.path().join(DB_FILE), &garbage).expect("write");
    let mut backups = Vec::new();
    for _ in 0..4 {
        match Store::open(dir.path(), TODAY) {
            Err(StoreError::Corrupt { backup, .. }) => backups.push(backup),
            other => panic!("expected Corrupt, got {other:?}"),
        }
    }
    assert!(backups.windows(2).all(|w| w[0] == w[1]), "{backups:?}");
    let names = names_in(dir.path());
    assert_eq!(names.len(), 2, "the file and one copy, nothing half-written: {names:?}");
    assert!(names[1].starts_with("progress.db.damaged-"), "{names:?}");
    assert_eq!(std::fs::read(&backups[0]).expect("copy"), garbage);
    assert_eq!(std::fs::read(dir.path().join(DB_FILE)).expect("original"), garbage);
}

fn make_old(path: &Path) {
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(path).and_then(|f| f.set_modified(old)).expect("age");
}

#[test]
fn leftovers_of_killed_backups_and_copies_are_removed_at_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(three_attempts(dir.path()));
    let backups = dir.path().join("backups");
    let today = format!("progress-{TODAY}.db");
    assert_eq!(names_in(&backups), [today.as_str()]);
    let leftovers = [
        backups.join(".progress-AbC123.db.tmp"),
        backups.join(".progress-AbC123.db.tmp-journal"),
        backups.join(".progress-XyZ789.db.tmp"),
        backups.join("progress-2025-03-01.db-journal"),
        dir.path().join(".progress-copy-Q1w2E3.tmp"),
    ];
    for path in &leftovers {
        std::fs::write(path, vec![0u8; 4096]).expect("write leftover");
        make_old(path);
    }
    std::fs::write(dir.path().join("notes.tmp"), b"mine").expect("write");
    let store = Store::open(dir.path(), TODAY).expect("reopen");
    assert_eq!(names_in(&backups), [today.as_str()], "only the real backup is left");
    assert!(!dir.path().join(".progress-copy-Q1w2E3.tmp").exists());
    assert!(dir.path().join("notes.tmp").exists(), "other files are left alone");
    assert_eq!(store.attempt_count().expect("count"), 3);
}

/// Run the binary on a data folder.
fn followthrough(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(perms_support::binary()).arg("--data-dir").arg(data).args(args).output().expect("the binary runs")
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The store opened read-only still shows everything, refuses every write with the plain reason,
/// and `export` works with a warning while `import` says why it cannot.
#[cfg(unix)]
fn check_read_only(data: &Path, what: &str, place: &Path) {
    let reason = format!("progress can't be saved: the {what} {} is read-only", place.display());
    let store = Store::open(data, TODAY).expect("opens read-only");
    assert_eq!(store.read_only().map(|e| e.to_string()), Some(reason.clone()));
    assert_eq!(store.attempt_count().expect("count"), 3, "existing progress is there");
    assert_eq!(store.employees().expect("employees").len(), 1);
    let err = store.record_attempt(&attempt("new", "sam-lee", "x")).expect_err("refused");
    assert_eq!(err.to_string(), reason);
    assert!(store.set_current_employee("sam-lee").is_err());
    drop(store);

    let out = followthrough(data, &["export"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains(&format!("warning: {reason}")), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4, "header and three rows");
    check_plan(data, &reason);
    let csv_file = data.parent().expect("parent").join("in.csv");
    std::fs::write(&csv_file, String::from_utf8_lossy(&out.stdout).as_bytes()).expect("write");
    let out = followthrough(data, &["import", csv_file.to_str().expect("utf-8")]);
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{reason}; nothing from this file was imported")), "{err}");
}

/// `plan` on the read-only store: Sam's plan is printed, with the reason as a warning.
fn check_plan(data: &Path, reason: &str) {
    let scenarios = data.parent().expect("parent").join("scenarios");
    std::fs::create_dir_all(&scenarios).expect("mkdir");
    std::fs::write(scenarios.join("lexicon.ron"), include_str!("fixtures/good/lexicon.ron")).expect("write");
    std::fs::write(scenarios.join("minimal.ron"), include_str!("fixtures/good/minimal.ron")).expect("write");
    let args =
        ["plan", "--employee", "sam-lee", "--date", "2025-03-14", "--scenarios", scenarios.to_str().expect("utf-8")];
    let out = followthrough(data, &args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains(&format!("warning: {reason}")), "{err}");
    assert!(!out.stdout.is_empty(), "the plan is printed: {err}");
}

/// The app on the read-only store: the progress is shown and the status bar says why nothing is saved.
#[cfg(unix)]
fn check_app_read_only(dir: &Path, data: &Path, reason: &str) {
    let app = followthrough::ui::app::FollowThroughApp::open(dir.join("scenarios"), data.to_path_buf());
    assert_eq!(app.store_error(), Some(reason));
    assert!(app.status().contains(reason), "the status bar says it: {}", app.status());
    assert_eq!(app.employees().len(), 1, "existing progress is shown");
    assert!(app.store().is_some());
}

#[cfg(unix)]
#[test]
fn a_read_only_database_file_shows_its_progress_and_says_it_cannot_be_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    drop(three_attempts(&data));
    let db = data.join(DB_FILE);
    let before = std::fs::read(&db).expect("read");
    set_mode(&db, 0o444);
    check_read_only(&data, "file", &db);
    assert_eq!(std::fs::read(&db).expect("read"), before, "not touched");
}

#[cfg(unix)]
#[test]
fn the_app_on_a_read_only_store_shows_the_progress_and_says_why_nothing_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    drop(three_attempts(&data));
    let db = data.join(DB_FILE);
    set_mode(&db, 0o444);
    let reason = format!("progress can't be saved: the file {} is read-only", db.display());
    check_app_read_only(dir.path(), &data, &reason);
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_shows_its_progress_and_says_it_cannot_be_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    drop(three_attempts(&data));
    set_mode(&data, 0o555);
    let allowed = tempfile::tempfile_in(&data).is_ok();
    if allowed {
        set_mode(&data, 0o755);
    }
    if perms_support::not_enforced(allowed) {
        return;
    }
    let before = std::fs::read(data.join(DB_FILE)).expect("read");
    check_read_only(&data, "folder", &data);
    let reason = format!("progress can't be saved: the folder {} is read-only", data.display());
    check_app_read_only(dir.path(), &data, &reason);
    set_mode(&data, 0o755);
    assert_eq!(std::fs::read(data.join(DB_FILE)).expect("read"), before, "not touched");
    assert!(!data.join("progress.db-wal").exists(), "nothing was written beside it");
}

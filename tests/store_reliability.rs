//! Killing FollowThrough never loses a saved attempt: a writer process records attempts in a loop
//! and is killed (SIGKILL) at random moments, 100 times over the same data folder; afterwards every
//! attempt it reported committed is in the database, whole, and the database passes
//! `PRAGMA integrity_check`.
//!
//! The writer is this test binary run again with `FOLLOWTHROUGH_WRITER_DIR` set, running only
//! [`writer_child`].

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::io::store::{AttemptFilter, Store};
use jiff::civil::{Date, date};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Set in the child: the data folder to write to.
const DIR_VAR: &str = "FOLLOWTHROUGH_WRITER_DIR";
/// The child's test name.
const WRITER: &str = "writer_child";
const KILLS: usize = 100;
const TODAY: Date = date(2025, 6, 1);
const TURNS: usize = 2;
const CRITERIA: usize = 3;

/// An attempt with several turns and criteria, so a torn write would show as a short attempt.
fn attempt(id: String, n: u64) -> Attempt {
    let turns = (0..TURNS)
        .map(|t| TurnAttempt {
            turn_id: format!("turn-{t}"),
            customer_line: "Where is my parcel?".into(),
            response: format!("Response {n}-{t}: I'm sorry, I will call you back by 3pm today. {}", "x".repeat(500)),
            score: 80,
            pass_mark: 70,
            passed: true,
            time_used_ms: 10_000 + n,
            over_time: false,
            criteria: (0..CRITERIA)
                .map(|c| CriterionOutcome {
                    id: format!("c{c}"),
                    label: format!("Criterion {c}"),
                    kind: CriterionKind::Required,
                    met: c > 0,
                    points: if c > 0 { 40.0 } else { 0.0 },
                    worth: Some(40.0),
                })
                .collect(),
        })
        .collect();
    Attempt {
        id,
        employee_id: "writer".into(),
        scenario_id: "late-parcel".into(),
        scenario_revision: 1,
        mode: AttemptMode::Practice,
        scorer: Scorer::Engine,
        started_at: jiff::Timestamp::now(),
        completed: true,
        turns,
    }
}

/// The writer: does nothing in a normal test run; in the child, records attempts until killed and
/// prints `committed <id>` after each one the store has committed.
#[test]
fn writer_child() {
    let Some(dir) = std::env::var_os(DIR_VAR) else { return };
    let store = Store::open(Path::new(&dir), TODAY).expect("the writer opens the store");
    if store.employee("writer").expect("look up the writer").is_none() {
        store.add_employee("Writer", jiff::Timestamp::now()).expect("add the writer");
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "\nready").expect("report");
    out.flush().expect("flush");
    for n in 0.. {
        let id = uuid::Uuid::new_v4().to_string();
        store.record_attempt(&attempt(id.clone(), n)).expect("record");
        writeln!(out, "committed {id}").expect("report");
        out.flush().expect("flush");
    }
}

/// Reads the writer's reports on another thread: says when it is ready, and gives the ids it
/// reported committed once its output ends.
fn read_reports(
    stdout: std::process::ChildStdout,
    ready_tx: std::sync::mpsc::Sender<()>,
) -> std::thread::JoinHandle<Vec<String>> {
    std::thread::spawn(move || {
        let mut ids = Vec::new();
        let mut lines = BufReader::new(stdout);
        let mut line = String::new();
        // Only whole lines count: a report cut off by the kill is not a claim. The first report
        // shares its line with libtest's `test writer_child ... `.
        while lines.read_line(&mut line).is_ok_and(|n| n > 0) {
            let whole = line.strip_suffix('\n');
            if whole == Some("ready") {
                let _ = ready_tx.send(());
            }
            if let Some(id) = whole.and_then(|l| l.split_once("committed ")).map(|(_, id)| id) {
                ids.push(id.to_string());
            }
            line.clear();
        }
        ids
    })
}

#[test]
fn committed_attempts_survive_the_writer_being_killed() {
    if std::env::var_os(DIR_VAR).is_some() {
        return;
    }
    let started = Instant::now();
    let data = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("this test binary");
    let stderr_file = data.path().join("writer-stderr.txt");
    let mut rng = StdRng::seed_from_u64(0x5eed_f011);
    let mut committed: Vec<String> = Vec::new();
    let mut kills_after_a_commit = 0;
    for round in 0..KILLS {
        let stderr = std::fs::File::create(&stderr_file).expect("stderr file");
        let mut child = Command::new(&exe)
            .args([WRITER, "--exact", "--nocapture", "--test-threads=1"])
            .env(DIR_VAR, data.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().expect("piped stdout");
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let reader = read_reports(stdout, ready_tx);
        // The kill lands 0-40 ms into the writing, not into the process's start-up (which a busy
        // machine can stretch past 40 ms, leaving nothing to test).
        let _ = ready_rx.recv_timeout(Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(rng.random_range(0..=40)));
        child.kill().expect("kill the writer");
        let status = child.wait().expect("reap the writer");
        let ids = reader.join().expect("reader thread");
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            let why = std::fs::read_to_string(&stderr_file).unwrap_or_default();
            assert_eq!(status.signal(), Some(9), "round {round}: the writer stopped by itself ({status}):\n{why}");
        }
        #[cfg(not(unix))]
        let _ = (status, round);
        if !ids.is_empty() {
            kills_after_a_commit += 1;
        }
        committed.extend(ids);
    }

    let store = Store::open(data.path(), TODAY).expect("reopen after the last kill");
    assert!(store.integrity_ok().expect("integrity check"), "PRAGMA integrity_check is not ok");
    let missing: Vec<&String> =
        committed.iter().filter(|id| !store.has_attempt(id).expect("look up an attempt")).collect();
    assert!(missing.is_empty(), "{} of {} committed attempts are missing: {missing:?}", missing.len(), committed.len());
    let stored = store.attempts(&AttemptFilter::default()).expect("read all");
    assert!(stored.len() >= committed.len());
    for a in &stored {
        assert_eq!(a.turns.len(), TURNS, "attempt {} is torn", a.id);
        assert!(a.turns.iter().all(|t| t.criteria.len() == CRITERIA), "attempt {} is torn", a.id);
    }
    assert!(
        committed.len() > KILLS && kills_after_a_commit > 0,
        "the test is vacuous: only {} commits in {KILLS} runs ({kills_after_a_commit} runs committed anything)",
        committed.len()
    );
    eprintln!(
        "{KILLS} kills, {} attempts reported committed ({kills_after_a_commit} runs committed at least one), \
         {} stored, {:.1} s",
        committed.len(),
        stored.len(),
        started.elapsed().as_secs_f64()
    );
}

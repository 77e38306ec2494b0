//! Sending speed: draining 10,000 queued xAPI statements (batches of 100) to a strict loopback LRS,
//! marking each batch sent in the store. The queue is built once; every sample drains a fresh copy
//! of that database into a fresh LRS: the in-test LRS of `tests/xapi_support/lrs.rs`, and, when
//! `FOLLOWTHROUGH_LRS_HOME` holds the real ones (`scripts/lrs/install.sh`), Learning Locker's
//! `xapi-statements` (memory mode).

// `criterion_group!` makes a public function it cannot document.
#![allow(missing_docs)]

#[path = "../tests/xapi_support/lrs.rs"]
#[allow(dead_code)]
mod lrs;
#[path = "../tests/xapi_support/real.rs"]
#[allow(dead_code)]
mod real;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::core::xapi::StatementSettings;
use followthrough::io::store::{DB_FILE, Store};
use followthrough::io::xapi::{LrsConfig, RetryPolicy, Sender};
use jiff::civil::date;

const STATEMENTS: usize = 10_000;

fn attempt(n: usize) -> Attempt {
    Attempt {
        id: format!("bench-{n}"),
        employee_id: if n.is_multiple_of(2) { "sam".into() } else { "ana".into() },
        scenario_id: "bank-card-not-dispatched-yet".into(),
        scenario_revision: 1,
        mode: AttemptMode::Practice,
        scorer: Scorer::Engine,
        started_at: jiff::Timestamp::from_second(1_764_000_000 + n as i64).expect("ts"),
        completed: true,
        turns: (0..3)
            .map(|t| TurnAttempt {
                turn_id: format!("turn-{t}"),
                customer_line: "You said you'd call by two, and it's gone four.".into(),
                response: "I'm sorry, that's my fault. I'll call you at 4pm today with the answer.".into(),
                score: 80,
                pass_mark: 70,
                passed: true,
                time_used_ms: 41_000,
                over_time: false,
                criteria: (0..5)
                    .map(|c| CriterionOutcome {
                        id: format!("criterion-{c}"),
                        label: "Owns the missed call".into(),
                        kind: CriterionKind::Required,
                        met: c % 2 == 0,
                        points: 20.0,
                        worth: Some(20.0),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn queued_database(dir: &std::path::Path) {
    let store = Store::open(dir, date(2026, 11, 23)).expect("open");
    store.set_xapi_settings(Some(&StatementSettings::default())).expect("settings");
    for name in ["Sam", "Ana"] {
        store.add_employee(name, jiff::Timestamp::from_second(1_764_000_000).expect("ts")).expect("employee");
    }
    for n in 0..STATEMENTS {
        store.record_attempt(&attempt(n)).expect("record");
    }
    assert_eq!(store.xapi_report().expect("report").queued, STATEMENTS);
}

fn drain(c: &mut Criterion) {
    let source = tempfile::tempdir().expect("dir");
    queued_database(source.path());
    let mut group = c.benchmark_group("xapi");
    group.sample_size(10).measurement_time(Duration::from_secs(90));
    group.bench_function("drain 10,000 queued statements to a loopback LRS", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().expect("dir");
                std::fs::copy(source.path().join(DB_FILE), dir.path().join(DB_FILE)).expect("copy");
                let store = Store::open(dir.path(), date(2026, 11, 23)).expect("open");
                let server = lrs::Lrs::start();
                let config =
                    LrsConfig { endpoint: server.endpoint.clone(), key: "key".into(), secret: "secret".into() };
                let sender = Sender::new(&config, RetryPolicy::default()).expect("sender");
                let start = Instant::now();
                let report = sender.drain(&store).expect("drain");
                total += start.elapsed();
                assert_eq!(report.sent, STATEMENTS);
                assert_eq!(server.stored().len(), STATEMENTS);
            }
            total
        });
    });
    // Ralph's fs backend reads its whole file on every POST (quadratic in what it holds): not benched.
    if real::home().is_some() {
        group.bench_function("drain 10,000 queued statements to Learning Locker on loopback", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir().expect("dir");
                    std::fs::copy(source.path().join(DB_FILE), dir.path().join(DB_FILE)).expect("copy");
                    let store = Store::open(dir.path(), date(2026, 11, 23)).expect("open");
                    let server = real::RealLrs::start(real::Kind::LearningLocker).expect("the real LRS");
                    let sender = Sender::new(&server.config("secret"), RetryPolicy::default()).expect("sender");
                    let start = Instant::now();
                    let report = sender.drain(&store).expect("drain");
                    total += start.elapsed();
                    assert_eq!(report.sent, STATEMENTS);
                }
                total
            });
        });
    }
    group.finish();
}

criterion_group!(benches, drain);
criterion_main!(benches);

//! Progress and staging speed: recording one attempt in the SQLite store (WAL, synchronous=FULL,
//! one transaction), reading an employee's history back, and planning a day for a 40-scenario
//! library with 60 days of history (what Home's Today and `followthrough plan` do).

// `criterion_group!` makes a public function it cannot document.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::core::staging::simulate::synthetic_library;
use followthrough::core::staging::{ItemState, MemoryModel, Review, StagingSettings, plan};
use followthrough::io::store::{AttemptFilter, Store};
use rand::{Rng, SeedableRng, rngs::StdRng};

fn attempt(n: u64, employee: &str) -> Attempt {
    let turn = |i: u32| TurnAttempt {
        turn_id: format!("turn-{i}"),
        customer_line: "You said you'd call by two, and it's gone four.".into(),
        response: "I'm sorry, that's my fault. I'll call you at 4pm today with the answer, on this number.".into(),
        score: 80,
        pass_mark: 70,
        passed: true,
        time_used_ms: 41_000,
        over_time: false,
        criteria: (0..6)
            .map(|c| CriterionOutcome {
                id: format!("criterion-{c}"),
                label: "Owns the missed call".into(),
                kind: if c == 5 { CriterionKind::Forbidden } else { CriterionKind::Required },
                met: c % 2 == 0,
                points: 20.0,
                worth: Some(20.0),
            })
            .collect(),
    };
    Attempt {
        id: format!("bench-{n}"),
        employee_id: employee.into(),
        scenario_id: "bank-card-not-dispatched-yet".into(),
        scenario_revision: 1,
        mode: AttemptMode::Practice,
        scorer: Scorer::Engine,
        started_at: jiff::Timestamp::from_second(1_700_000_000 + n as i64 * 600).unwrap_or_default(),
        completed: true,
        turns: (0..3).map(turn).collect(),
    }
}

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path(), jiff::civil::date(2026, 11, 23)).expect("open");
    let sam = store.add_employee("Sam Lee", jiff::Timestamp::UNIX_EPOCH).expect("employee");
    let mut n = 0;
    c.bench_function("record one attempt (3 turns, 18 criteria)", |b| {
        b.iter(|| {
            n += 1;
            store.record_attempt(black_box(&attempt(n, &sam.id))).expect("record");
        })
    });
    // Reading back: a fresh store with exactly 500 attempts (a year of daily practice and more).
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path(), jiff::civil::date(2026, 11, 23)).expect("open");
    let sam = store.add_employee("Sam Lee", jiff::Timestamp::UNIX_EPOCH).expect("employee");
    for k in 0..500 {
        store.record_attempt(&attempt(k, &sam.id)).expect("record");
    }
    let filter = AttemptFilter { employee: Some(sam.id.clone()), ..AttemptFilter::default() };
    c.bench_function("read an employee's history (500 attempts)", |b| {
        b.iter(|| black_box(store.attempts(&filter).expect("read")).len())
    });
}

fn staging(c: &mut Criterion) {
    let mut rng = StdRng::seed_from_u64(1);
    let items = synthetic_library(40, &mut rng);
    let model = MemoryModel::default();
    let settings = StagingSettings::default();
    let states: Vec<ItemState> = (0..items.len())
        .map(|_| {
            let reviews: Vec<Review> = (0..rng.random_range(0..8))
                .map(|_| Review {
                    day: rng.random_range(0.0..60.0),
                    passed: rng.random_bool(0.7),
                    score: 75.0,
                    over_time: false,
                })
                .collect();
            ItemState::from_reviews(&reviews, &model, &settings)
        })
        .collect();
    c.bench_function("plan a day (40 scenarios, 60 days of history)", |b| {
        b.iter(|| black_box(plan(&items, &states, &model, &settings, 61.0, 7)).today.len())
    });
}

criterion_group!(benches, store, staging);
criterion_main!(benches);

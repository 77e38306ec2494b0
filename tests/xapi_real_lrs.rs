//! The statements against real LRSs on 127.0.0.1 (see `tests/xapi_support/real.rs`): every shape
//! the app produces passes `xapi-validation` and is accepted by Ralph and by Learning Locker's
//! strict `xapi-statements`, and what the app sends through its queue arrives.

mod xapi_support;

use followthrough::io::xapi::Sender;
use serde_json::Value;
use xapi_support::real::{self, Kind, RealLrs};
use xapi_support::shapes::every_shape;

#[test]
fn every_statement_shape_passes_xapi_validation() {
    let Some(home) = real::home() else { return };
    let shapes = every_shape();
    assert!(shapes.len() >= 50, "{}", shapes.len());
    match real::validate(&home, &shapes) {
        Ok(report) => {
            assert!(report.contains(&format!("{} statement(s) checked, 0 invalid", shapes.len())), "{report}")
        }
        Err(report) => panic!("xapi-validation refused statements:\n{report}"),
    }
}

#[test]
fn the_validator_does_catch_a_bad_statement() {
    let Some(home) = real::home() else { return };
    let mut bad = every_shape().remove(0);
    bad["verb"]["id"] = Value::from("passed");
    let report = real::validate(&home, &[bad]).expect_err("a verb id that is not an IRI");
    assert!(report.contains("1 invalid"), "{report}");
}

fn post_each(lrs: &RealLrs, statements: &[Value]) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    for s in statements {
        let mut response = agent
            .post(&format!("{}statements", lrs.endpoint()))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", lrs.authorization())
            .header("Content-Type", "application/json")
            .send(s.to_string().as_str())
            .expect("POST");
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        assert!((200..300).contains(&status), "{:?} refused {}: HTTP {status} {body}", lrs.kind, s["id"]);
    }
}

fn accepts_every_shape(kind: Kind) {
    let Some(lrs) = RealLrs::start(kind) else { return };
    let shapes = every_shape();
    post_each(&lrs, &shapes);
    let mut held = lrs.statement_ids();
    held.sort();
    let mut sent: Vec<String> = shapes.iter().map(|s| s["id"].as_str().expect("id").to_string()).collect();
    sent.sort();
    if kind == Kind::LearningLocker {
        // A query leaves out voided statements (xAPI 1.0.3, 2.1.4): the original and first replacement.
        assert_eq!(held.len(), sent.len() - 2, "{held:?}");
        assert!(held.iter().all(|id| sent.contains(id)));
    } else {
        assert_eq!(held, sent);
    }
}

#[test]
fn ralph_accepts_every_statement_shape() {
    accepts_every_shape(Kind::Ralph);
}

#[test]
fn learning_locker_accepts_every_statement_shape() {
    accepts_every_shape(Kind::LearningLocker);
}

#[test]
fn learning_locker_is_strict_so_the_tests_mean_something() {
    let Some(lrs) = RealLrs::start(Kind::LearningLocker) else { return };
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let url = format!("{}statements", lrs.endpoint());
    let one = every_shape().remove(0);
    let post = |body: &Value, version: bool| {
        let mut request = agent.post(&url).header("Authorization", lrs.authorization());
        if version {
            request = request.header("X-Experience-API-Version", "1.0.3");
        }
        request
            .header("Content-Type", "application/json")
            .send(body.to_string().as_str())
            .expect("POST")
            .status()
            .as_u16()
    };
    assert_eq!(post(&one, false), 400, "the version header is required");
    let mut bad = one.clone();
    bad["verb"]["id"] = Value::from("passed");
    assert_eq!(post(&bad, true), 400, "a bad statement is refused");
    assert_eq!(post(&one, true), 200);
    let mut conflicting = one.clone();
    conflicting["result"]["score"]["raw"] = Value::from(1);
    conflicting["result"]["score"]["scaled"] = Value::from(0.01);
    assert_eq!(post(&conflicting, true), 409, "another statement under a stored id conflicts");
    let put = agent
        .put(&url)
        .query("statementId", one["id"].as_str().expect("id"))
        .header("Authorization", lrs.authorization())
        .header("X-Experience-API-Version", "1.0.3")
        .header("Content-Type", "application/json")
        .send(conflicting.to_string().as_str())
        .expect("PUT");
    assert_eq!(put.status().as_u16(), 409, "a conflicting PUT too");
}

#[test]
fn the_app_queue_drains_to_both_real_lrss() {
    for kind in [Kind::Ralph, Kind::LearningLocker] {
        let Some(lrs) = RealLrs::start(kind) else { return };
        let dir = tempfile::tempdir().expect("dir");
        let store = xapi_support::store_with_sending(dir.path());
        let mut ids = Vec::new();
        for i in 0..30 {
            let id = format!("real-{i}");
            let who = if i % 2 == 0 { "sam" } else { "ana" };
            store
                .record_attempt(&xapi_support::attempt(&id, who, i, 50 + i as u32, "I'll ring you by 3pm."))
                .expect("record");
            ids.push(followthrough::core::xapi::statement_id(&id));
        }
        let sender = Sender::new(&lrs.config("secret"), Default::default()).expect("sender");
        let report = sender.drain(&store).expect("drain");
        assert_eq!((report.sent, report.failed), (30, 0), "{kind:?}");
        let mut held = lrs.statement_ids();
        held.sort();
        ids.sort();
        assert_eq!(held, ids, "{kind:?}");
    }
}

use jiff::Timestamp;
use serde_json::Value;

use super::*;
use crate::core::progress::{Attempt, AttemptMode, CriterionOutcome, Override, Scorer, TurnAttempt};
use crate::core::scenario::CriterionKind;

const EXT: &str = "https://followthrough.app/xapi/extensions";

fn ts(text: &str) -> Timestamp {
    text.parse().expect("timestamp")
}

fn turn(id: &str, score: u32, response: &str) -> TurnAttempt {
    TurnAttempt {
        turn_id: id.into(),
        customer_line: "Where is my refund?".into(),
        response: response.into(),
        score,
        pass_mark: 70,
        passed: score >= 70,
        time_used_ms: 12_500,
        over_time: false,
        criteria: vec![
            CriterionOutcome {
                id: "own".into(),
                label: "Takes ownership".into(),
                kind: CriterionKind::Required,
                met: score >= 70,
                points: if score >= 70 { 60.0 } else { 0.0 },
                worth: Some(60.0),
            },
            CriterionOutcome {
                id: "blame".into(),
                label: "Blames a colleague".into(),
                kind: CriterionKind::Forbidden,
                met: false,
                points: 0.0,
                worth: Some(30.0),
            },
        ],
    }
}

fn attempt(mode: AttemptMode, scorer: Scorer, scores: &[u32], completed: bool) -> Attempt {
    Attempt {
        id: "3f1c2a9e-0000-4000-8000-000000000001".into(),
        employee_id: "sam-lee".into(),
        scenario_id: "refund late".into(),
        scenario_revision: 3,
        mode,
        scorer,
        started_at: ts("2026-11-23T09:30:00Z"),
        completed,
        turns: scores.iter().enumerate().map(|(i, s)| turn(&format!("t{i}"), *s, "I'll call you by 3pm.")).collect(),
    }
}

fn build(a: &Attempt) -> Value {
    statement(a, &StatementExtras::default(), &StatementSettings::default())
}

fn ext<'a>(v: &'a Value, section: &str, name: &str) -> &'a Value {
    &v[section]["extensions"][format!("{EXT}/{name}")]
}

#[test]
fn a_finished_passing_practice_is_passed_with_scaled_score_and_duration() {
    let s = build(&attempt(AttemptMode::Practice, Scorer::Engine, &[80, 90], true));
    assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
    assert_eq!(s["result"]["score"]["raw"], 85.0);
    assert_eq!(s["result"]["score"]["scaled"], 0.85);
    assert_eq!(s["result"]["score"]["min"], 0);
    assert_eq!(s["result"]["score"]["max"], 100);
    assert_eq!(s["result"]["success"], true);
    assert_eq!(s["result"]["completion"], true);
    assert_eq!(s["result"]["duration"], "PT25S");
    assert_eq!(ext(&s, "context", "mode"), "practice");
    assert_eq!(ext(&s, "context", "scorer"), "engine");
    assert_eq!(s["timestamp"], "2026-11-23T09:30:00Z");
    assert!(s["context"].get("registration").is_none());
    assert!(s["context"].get("instructor").is_none());
}

#[test]
fn a_failed_assessment_is_failed_and_an_abandoned_one_attempted() {
    let failed = build(&attempt(AttemptMode::Assessment, Scorer::Engine, &[40], true));
    assert_eq!(failed["verb"]["id"], "http://adlnet.gov/expapi/verbs/failed");
    assert_eq!(failed["result"]["success"], false);
    assert_eq!(ext(&failed, "context", "mode"), "assessment");
    let left = build(&attempt(AttemptMode::Assessment, Scorer::Engine, &[90], false));
    assert_eq!(left["verb"]["id"], "http://adlnet.gov/expapi/verbs/attempted");
    assert_eq!(left["result"]["completion"], false);
    assert_eq!(left["result"]["success"], false);
}

#[test]
fn the_id_is_stable_per_attempt_and_differs_between_attempts() {
    let a = attempt(AttemptMode::Practice, Scorer::Engine, &[80], true);
    assert_eq!(build(&a)["id"], build(&a)["id"]);
    let id = build(&a)["id"].as_str().expect("id").to_string();
    assert_eq!(uuid::Uuid::parse_str(&id).expect("uuid").get_version_num(), 5);
    let mut b = a.clone();
    b.id = "another".into();
    assert_ne!(build(&b)["id"], build(&a)["id"]);
}

#[test]
fn the_object_is_the_scenario_revision_under_the_configured_base() {
    let settings = StatementSettings { activity_base: "https://lrs.example.org/acme/".into(), ..Default::default() };
    let extras = StatementExtras {
        scenario_title: Some("The late refund".into()),
        scenario_description: Some("A refund promised last week has not arrived.".into()),
        ..Default::default()
    };
    let s = statement(&attempt(AttemptMode::Practice, Scorer::Engine, &[80], true), &extras, &settings);
    assert_eq!(s["object"]["id"], "https://lrs.example.org/acme/scenarios/refund%20late/r3");
    assert_eq!(s["object"]["definition"]["name"]["en"], "The late refund");
    assert_eq!(s["object"]["definition"]["description"]["en"], "A refund promised last week has not arrived.");
    assert_eq!(
        s["context"]["contextActivities"]["parent"][0]["id"],
        "https://lrs.example.org/acme/scenarios/refund%20late"
    );
}

#[test]
fn the_actor_is_an_account_or_an_mbox_when_an_email_is_known() {
    let a = attempt(AttemptMode::Practice, Scorer::Engine, &[80], true);
    let settings = StatementSettings { account_home_page: "https://hr.acme.example".into(), ..Default::default() };
    let s = statement(&a, &StatementExtras { learner_name: Some("Sam Lee".into()), ..Default::default() }, &settings);
    assert_eq!(s["actor"]["account"]["homePage"], "https://hr.acme.example");
    assert_eq!(s["actor"]["account"]["name"], "sam-lee");
    assert_eq!(s["actor"]["name"], "Sam Lee");
    let extras = StatementExtras { learner_email: Some("sam@acme.example".into()), ..Default::default() };
    let s = statement(&a, &extras, &settings);
    assert_eq!(s["actor"]["mbox"], "mailto:sam@acme.example");
    assert!(s["actor"].get("account").is_none());
}

#[test]
fn typed_answers_are_sent_unless_the_organisation_opts_out() {
    let a = attempt(AttemptMode::Practice, Scorer::Engine, &[80, 75], true);
    let s = build(&a);
    assert_eq!(s["result"]["response"], "I'll call you by 3pm.\n\nI'll call you by 3pm.");
    assert_eq!(ext(&s, "result", "turns")[1]["response"], "I'll call you by 3pm.");
    let private = StatementSettings { send_responses: false, ..Default::default() };
    let s = statement(&a, &StatementExtras::default(), &private);
    assert!(!s.to_string().contains("3pm"), "no answer text anywhere: {s}");
    assert_eq!(ext(&s, "result", "turns")[1]["score"], 75);
}

#[test]
fn every_criterion_verdict_travels_in_the_criteria_extension() {
    let s = build(&attempt(AttemptMode::Practice, Scorer::Engine, &[80, 40], true));
    let criteria = ext(&s, "context", "criteria").as_array().expect("criteria");
    assert_eq!(criteria.len(), 4);
    assert_eq!(criteria[0]["criterion"], "own");
    assert_eq!(criteria[0]["met"], true);
    assert_eq!(criteria[2]["turn"], "t1");
    assert_eq!(criteria[2]["met"], false);
    assert_eq!(criteria[3]["kind"], "forbidden");
}

fn coach_override() -> Override {
    Override {
        attempt_id: "3f1c2a9e-0000-4000-8000-000000000001".into(),
        turn_index: 0,
        criterion_id: "own".into(),
        coach: "Priya".into(),
        at: ts("2026-11-23T09:31:00Z"),
        old_met: false,
        new_met: true,
        reason: "said it aloud clearly".into(),
    }
}

#[test]
fn a_coached_group_go_has_a_registration_an_instructor_and_the_audit() {
    let a = attempt(AttemptMode::Group, Scorer::Coach, &[80], true);
    let extras = StatementExtras {
        group_session: Some("tuesday-huddle".into()),
        overrides: vec![coach_override()],
        ..Default::default()
    };
    let s = statement(&a, &extras, &StatementSettings::default());
    assert_eq!(ext(&s, "context", "mode"), "group");
    assert_eq!(ext(&s, "context", "scorer"), "coach");
    let registration = s["context"]["registration"].as_str().expect("registration");
    assert!(uuid::Uuid::parse_str(registration).is_ok());
    let other = StatementExtras { group_session: Some("wednesday".into()), ..extras.clone() };
    assert_ne!(statement(&a, &other, &StatementSettings::default())["context"]["registration"], registration);
    assert_eq!(s["context"]["instructor"]["name"], "Priya");
    let audit = &ext(&s, "context", "overrides")[0];
    assert_eq!(audit["reason"], "said it aloud clearly");
    assert_eq!(audit["from"], false);
    assert_eq!(audit["to"], true);
}

#[test]
fn a_named_coach_without_overrides_is_still_the_instructor_but_not_for_engine_scoring() {
    let extras = StatementExtras { coach: Some("Priya".into()), ..Default::default() };
    let coached =
        statement(&attempt(AttemptMode::Group, Scorer::Coach, &[80], true), &extras, &StatementSettings::default());
    assert_eq!(coached["context"]["instructor"]["name"], "Priya");
    let engine =
        statement(&attempt(AttemptMode::Practice, Scorer::Engine, &[80], true), &extras, &StatementSettings::default());
    assert!(engine["context"].get("instructor").is_none());
}

#[test]
fn self_scored_rehearsal_and_quiz_say_so() {
    for (mode, scorer, word) in [
        (AttemptMode::Practice, Scorer::SelfScored, "self"),
        (AttemptMode::Rehearsal, Scorer::Engine, "engine"),
        (AttemptMode::Quiz, Scorer::Engine, "engine"),
    ] {
        let s = build(&attempt(mode, scorer, &[90], true));
        assert_eq!(ext(&s, "context", "scorer"), word);
        assert_eq!(ext(&s, "context", "mode"), mode.as_str());
        assert!(s["context"].get("instructor").is_none());
    }
}

#[test]
fn a_later_correction_voids_the_previous_version_and_replaces_it() {
    let a = attempt(AttemptMode::Practice, Scorer::Coach, &[80], true);
    let extras = StatementExtras { overrides: vec![coach_override()], ..Default::default() };
    let first = correction(&a, &extras, &StatementSettings::default(), 1);
    assert_eq!(first.voiding["verb"]["id"], "http://adlnet.gov/expapi/verbs/voided");
    assert_eq!(first.voiding["object"]["objectType"], "StatementRef");
    assert_eq!(first.voiding["object"]["id"], statement_id(&a.id));
    assert_eq!(first.replacement["id"], replacement_id(&a.id, 1));
    assert_eq!(ext(&first.replacement, "context", "replaces"), &Value::from(statement_id(&a.id)));
    assert_eq!(ext(&first.replacement, "context", "overrides")[0]["coach"], "Priya");
    let second = correction(&a, &extras, &StatementSettings::default(), 2);
    assert_eq!(second.voiding["object"]["id"], replacement_id(&a.id, 1));
    assert_ne!(second.replacement["id"], first.replacement["id"]);
    assert_ne!(second.voiding["id"], first.voiding["id"]);
    assert_eq!(correction(&a, &extras, &StatementSettings::default(), 1), first, "rebuilt identically");
}

#[test]
fn durations_are_iso_8601() {
    use super::statement::iso_duration;
    assert_eq!(iso_duration(0), "PT0S");
    assert_eq!(iso_duration(1_500), "PT1.5S");
    assert_eq!(iso_duration(62_050), "PT1M2.05S");
    assert_eq!(iso_duration(3_600_000), "PT1H");
    assert_eq!(iso_duration(3_723_000), "PT1H2M3S");
}

//! Reading statements back (for the team view): each of FollowThrough's attempt statements as the
//! [`Attempt`] it was built from, as far as the statement carries it (the customer's lines are not
//! sent, and the typed answers only when the organisation sends them). Voided statements and
//! versions a correction replaced are left out, so each attempt counts once, as it stands now.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::EXTENSION_BASE;
use crate::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use crate::core::scenario::CriterionKind;

/// What a set of statements says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadBack {
    /// One per attempt (its latest version), oldest first.
    pub attempts: Vec<Attempt>,
    /// Employee id -> name, from the actors.
    pub names: BTreeMap<String, String>,
    /// Statements that are not FollowThrough attempt statements (left out).
    pub foreign: usize,
}

/// The attempts in `statements` (any order, duplicates allowed).
pub fn read_back(statements: &[Value]) -> ReadBack {
    let mut gone: HashSet<&str> = HashSet::new();
    for s in statements {
        if s.pointer("/verb/id").and_then(Value::as_str) == Some("http://adlnet.gov/expapi/verbs/voided") {
            gone.extend(s.pointer("/object/id").and_then(Value::as_str));
        }
        gone.extend(ext(s, "/context/extensions", "replaces").and_then(Value::as_str));
    }
    let mut out = ReadBack::default();
    let mut seen: HashSet<String> = HashSet::new();
    for s in statements {
        let id = s["id"].as_str().unwrap_or("");
        if s.pointer("/verb/id").and_then(Value::as_str) == Some("http://adlnet.gov/expapi/verbs/voided") {
            continue;
        }
        if gone.contains(id) {
            continue;
        }
        let Some((attempt, name)) = attempt_of(s) else {
            out.foreign += 1;
            continue;
        };
        if !seen.insert(attempt.id.clone()) {
            continue;
        }
        if let Some(name) = name {
            out.names.insert(attempt.employee_id.clone(), name);
        }
        out.attempts.push(attempt);
    }
    out.attempts.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
    out
}

fn ext<'a>(s: &'a Value, section: &str, name: &str) -> Option<&'a Value> {
    s.pointer(section)?.get(format!("{EXTENSION_BASE}/{name}"))
}

/// One statement as an attempt, with the actor's name.
fn attempt_of(s: &Value) -> Option<(Attempt, Option<String>)> {
    let id = ext(s, "/context/extensions", "attempt")?.as_str()?.to_string();
    let actor = &s["actor"];
    let employee_id = match actor.pointer("/account/name").and_then(Value::as_str) {
        Some(name) => name.to_string(),
        None => actor["mbox"].as_str()?.trim_start_matches("mailto:").to_string(),
    };
    let parent = s.pointer("/context/contextActivities/parent/0/id")?.as_str()?;
    let scenario_id = decode(parent.rsplit_once("/scenarios/")?.1)?;
    let object = s.pointer("/object/id")?.as_str()?;
    let scenario_revision = object.rsplit_once("/r").and_then(|(_, n)| n.parse().ok()).unwrap_or(0);
    let mode = AttemptMode::parse(ext(s, "/context/extensions", "mode")?.as_str()?)?;
    let scorer = Scorer::parse(ext(s, "/context/extensions", "scorer")?.as_str()?)?;
    let started_at = s["timestamp"].as_str()?.parse().ok()?;
    let completed = s.pointer("/result/completion").and_then(Value::as_bool).unwrap_or(false);
    let criteria = ext(s, "/context/extensions", "criteria").and_then(Value::as_array).cloned().unwrap_or_default();
    let turns = ext(s, "/result/extensions", "turns")?
        .as_array()?
        .iter()
        .map(|t| turn_of(t, &criteria))
        .collect::<Option<Vec<_>>>()?;
    let attempt =
        Attempt { id, employee_id, scenario_id, scenario_revision, mode, scorer, started_at, completed, turns };
    Some((attempt, actor["name"].as_str().map(String::from)))
}

fn turn_of(t: &Value, criteria: &[Value]) -> Option<TurnAttempt> {
    let turn_id = t["turn"].as_str()?.to_string();
    let criteria = criteria
        .iter()
        .filter(|c| c["turn"].as_str() == Some(turn_id.as_str()))
        .map(|c| {
            Some(CriterionOutcome {
                id: c["criterion"].as_str()?.to_string(),
                label: c["label"].as_str().unwrap_or_default().to_string(),
                kind: if c["kind"] == "forbidden" { CriterionKind::Forbidden } else { CriterionKind::Required },
                met: c["met"].as_bool()?,
                points: c["points"].as_f64().unwrap_or(0.0),
                worth: None,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(TurnAttempt {
        customer_line: String::new(),
        response: t["response"].as_str().unwrap_or_default().to_string(),
        score: u32::try_from(t["score"].as_u64()?).ok()?,
        pass_mark: u32::try_from(t["passMark"].as_u64()?).ok()?,
        passed: t["passed"].as_bool()?,
        time_used_ms: t["duration"].as_str().and_then(duration_ms).unwrap_or(0),
        over_time: t["overTime"].as_bool().unwrap_or(false),
        criteria,
        turn_id,
    })
}

/// `PT1H2M3.5S` as milliseconds (the form [`super::statement`] writes).
fn duration_ms(text: &str) -> Option<u64> {
    let mut rest = text.strip_prefix("PT")?;
    let mut ms = 0.0;
    for (unit, factor) in [('H', 3_600_000.0), ('M', 60_000.0), ('S', 1000.0)] {
        if let Some((n, after)) = rest.split_once(unit) {
            ms += n.parse::<f64>().ok()? * factor;
            rest = after;
        }
    }
    rest.is_empty().then_some(ms.round() as u64)
}

/// Undo the percent-encoding of a scenario id in an IRI.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::Override;
    use crate::core::xapi::{StatementExtras, StatementSettings, correction, statement};

    fn attempt(id: &str, score: u32) -> Attempt {
        Attempt {
            id: id.into(),
            employee_id: "sam-lee".into(),
            scenario_id: "refund late/2".into(),
            scenario_revision: 4,
            mode: AttemptMode::Assessment,
            scorer: Scorer::Engine,
            started_at: "2026-11-23T09:30:00Z".parse().expect("ts"),
            completed: true,
            turns: vec![TurnAttempt {
                turn_id: "t1".into(),
                customer_line: String::new(),
                response: "I'll call you by 3pm.".into(),
                score,
                pass_mark: 70,
                passed: score >= 70,
                time_used_ms: 62_500,
                over_time: true,
                criteria: vec![CriterionOutcome {
                    id: "own".into(),
                    label: "Takes ownership".into(),
                    kind: CriterionKind::Forbidden,
                    met: true,
                    points: 12.5,
                    worth: None,
                }],
            }],
        }
    }

    #[test]
    fn a_statement_reads_back_as_the_attempt_it_was_built_from() {
        let a = attempt("a1", 80);
        let extras = StatementExtras { learner_name: Some("Sam Lee".into()), ..Default::default() };
        let read = read_back(&[statement(&a, &extras, &StatementSettings::default())]);
        assert_eq!(read.attempts, vec![a]);
        assert_eq!(read.names.get("sam-lee").map(String::as_str), Some("Sam Lee"));
        assert_eq!(read.foreign, 0);
    }

    #[test]
    fn a_corrected_attempt_counts_once_as_it_stands_now() {
        let a = attempt("a1", 40);
        let settings = StatementSettings::default();
        let original = statement(&a, &StatementExtras::default(), &settings);
        let fixed = attempt("a1", 90);
        let ov = Override {
            attempt_id: "a1".into(),
            turn_index: 0,
            criterion_id: "own".into(),
            coach: "Priya".into(),
            at: "2026-11-23T10:00:00Z".parse().expect("ts"),
            old_met: false,
            new_met: true,
            reason: "heard it".into(),
        };
        let c = correction(&fixed, &StatementExtras { overrides: vec![ov], ..Default::default() }, &settings, 1);
        let other = serde_json::json!({"id": "x", "actor": {"mbox": "mailto:a@b.c"}, "verb": {"id": "v"}, "object": {"id": "o"}});
        let read = read_back(&[c.replacement, original, c.voiding, other]);
        assert_eq!(read.attempts, vec![fixed]);
        assert_eq!(read.foreign, 1, "another tool's statement is left out");
    }

    #[test]
    fn durations_and_ids_round_trip() {
        assert_eq!(duration_ms("PT1H2M3.5S"), Some(3_723_500));
        assert_eq!(duration_ms("PT0S"), Some(0));
        assert_eq!(duration_ms("P1D"), None);
        assert_eq!(decode("refund%20late%2F2").as_deref(), Some("refund late/2"));
    }
}

//! Building the statements themselves (JSON values ready to send).

use serde_json::{Map, Value, json};

use super::ids::{named, replacement_id, statement_id, voiding_id};
use super::{EXTENSION_BASE, StatementExtras, StatementSettings};
use crate::core::progress::{Attempt, Override, Scorer};
use crate::core::scenario::CriterionKind;

/// ADL verbs used.
const ADL: &str = "http://adlnet.gov/expapi/verbs";

/// The attempt's statement: `passed`/`failed` when finished, `attempted` when left part way.
pub fn statement(attempt: &Attempt, extras: &StatementExtras, settings: &StatementSettings) -> Value {
    build(attempt, extras, settings, statement_id(&attempt.id))
}

/// What a coach's later correction sends: the previous version voided, then its replacement.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// Voids the statement sent before (version `n - 1`).
    pub voiding: Value,
    /// The attempt as it stands after the correction, with the audit in its `overrides` extension.
    pub replacement: Value,
}

/// The `n`th correction (n ≥ 1; 0 is treated as 1) of an attempt: `attempt` holds the verdicts after
/// it and `extras.overrides` every override so far.
pub fn correction(attempt: &Attempt, extras: &StatementExtras, settings: &StatementSettings, n: u32) -> Correction {
    let n = n.max(1);
    let previous = replacement_id(&attempt.id, n - 1);
    let mut replacement = build(attempt, extras, settings, replacement_id(&attempt.id, n));
    if let Some(ext) = replacement.pointer_mut("/context/extensions").and_then(Value::as_object_mut) {
        ext.insert(ext_iri("replaces"), json!(previous));
    }
    Correction { voiding: voiding_statement(attempt, extras, settings, n - 1), replacement }
}

/// The statement voiding version `n` (0: the original) of an attempt's statement.
pub fn voiding_statement(attempt: &Attempt, extras: &StatementExtras, settings: &StatementSettings, n: u32) -> Value {
    json!({
        "id": voiding_id(&attempt.id, n),
        "actor": actor(&attempt.employee_id, extras, settings),
        "verb": verb("voided"),
        "object": { "objectType": "StatementRef", "id": replacement_id(&attempt.id, n) },
        "timestamp": extras.overrides.last().map_or(attempt.started_at, |o| o.at).to_string(),
    })
}

fn build(attempt: &Attempt, extras: &StatementExtras, settings: &StatementSettings, id: String) -> Value {
    let verb_word = if !attempt.completed {
        "attempted"
    } else if attempt.passed() {
        "passed"
    } else {
        "failed"
    };
    json!({
        "id": id,
        "actor": actor(&attempt.employee_id, extras, settings),
        "verb": verb(verb_word),
        "object": object(attempt, extras, settings),
        "result": result(attempt, settings),
        "context": context(attempt, extras, settings),
        "timestamp": attempt.started_at.to_string(),
    })
}

fn verb(word: &str) -> Value {
    json!({ "id": format!("{ADL}/{word}"), "display": { "en-US": word } })
}

/// The employee: `mbox` when an email is known, else an account under the configured home page.
fn actor(employee_id: &str, extras: &StatementExtras, settings: &StatementSettings) -> Value {
    let mut agent = Map::new();
    agent.insert("objectType".into(), json!("Agent"));
    if let Some(name) = &extras.learner_name {
        agent.insert("name".into(), json!(name));
    }
    match extras.learner_email.as_deref().map(str::trim).filter(|e| e.contains('@')) {
        Some(email) => agent.insert("mbox".into(), json!(format!("mailto:{email}"))),
        None => agent.insert("account".into(), json!({ "homePage": settings.account_home_page, "name": employee_id })),
    };
    Value::Object(agent)
}

/// The scenario's IRI (all revisions): `{base}/scenarios/{id}`; every statement about the scenario
/// names it as its parent activity (what the team view asks the LRS for).
pub fn scenario_iri(settings: &StatementSettings, scenario_id: &str) -> String {
    format!("{}/scenarios/{}", settings.activity_base.trim_end_matches('/'), encode(scenario_id))
}

/// One revision of a scenario: `{base}/scenarios/{id}/r{revision}`.
fn revision_iri(settings: &StatementSettings, scenario_id: &str, revision: u32) -> String {
    format!("{}/r{revision}", scenario_iri(settings, scenario_id))
}

fn object(attempt: &Attempt, extras: &StatementExtras, settings: &StatementSettings) -> Value {
    let mut definition = json!({
        "name": { "en": extras.scenario_title.clone().unwrap_or_else(|| attempt.scenario_id.clone()) },
        "type": "http://adlnet.gov/expapi/activities/simulation",
    });
    if let (Some(d), Some(map)) = (&extras.scenario_description, definition.as_object_mut()) {
        map.insert("description".into(), json!({ "en": d }));
    }
    json!({
        "objectType": "Activity",
        "id": revision_iri(settings, &attempt.scenario_id, attempt.scenario_revision),
        "definition": definition,
    })
}

fn result(attempt: &Attempt, settings: &StatementSettings) -> Value {
    let score = round2(attempt.score());
    let turns: Vec<Value> = attempt
        .turns
        .iter()
        .map(|t| {
            let mut turn = json!({
                "turn": t.turn_id,
                "score": t.score,
                "passMark": t.pass_mark,
                "passed": t.passed,
                "duration": iso_duration(t.time_used_ms),
                "overTime": t.over_time,
            });
            if settings.send_responses
                && let Some(map) = turn.as_object_mut()
            {
                map.insert("response".into(), json!(t.response));
            }
            turn
        })
        .collect();
    let mut result = json!({
        "score": { "scaled": round4(score / 100.0), "raw": score, "min": 0, "max": 100 },
        "success": attempt.passed(),
        "completion": attempt.completed,
        "duration": iso_duration(attempt.time_used_ms()),
        "extensions": { ext_iri("turns"): turns },
    });
    if settings.send_responses
        && let Some(map) = result.as_object_mut()
    {
        let response = attempt.turns.iter().map(|t| t.response.as_str()).collect::<Vec<_>>().join("\n\n");
        map.insert("response".into(), json!(response));
    }
    result
}

fn context(attempt: &Attempt, extras: &StatementExtras, settings: &StatementSettings) -> Value {
    let criteria: Vec<Value> = attempt
        .turns
        .iter()
        .flat_map(|t| {
            t.criteria.iter().map(move |c| {
                json!({
                    "turn": t.turn_id,
                    "criterion": c.id,
                    "label": c.label,
                    "kind": match c.kind { CriterionKind::Required => "required", CriterionKind::Forbidden => "forbidden" },
                    "met": c.met,
                    "points": round2(c.points),
                })
            })
        })
        .collect();
    let mut extensions = Map::new();
    extensions.insert(ext_iri("mode"), json!(attempt.mode.as_str()));
    extensions.insert(ext_iri("scorer"), json!(attempt.scorer.as_str()));
    extensions.insert(ext_iri("attempt"), json!(attempt.id));
    extensions.insert(ext_iri("criteria"), Value::Array(criteria));
    if !extras.overrides.is_empty() {
        extensions.insert(ext_iri("overrides"), Value::Array(extras.overrides.iter().map(audit).collect()));
    }
    let mut context = json!({
        "platform": "FollowThrough",
        "language": "en",
        "contextActivities": {
            "parent": [{ "objectType": "Activity", "id": scenario_iri(settings, &attempt.scenario_id) }],
        },
        "extensions": extensions,
    });
    let Some(map) = context.as_object_mut() else { return context };
    if let Some(session) = &extras.group_session {
        map.insert("registration".into(), json!(named(&format!("group-session:{session}")).to_string()));
    }
    let coach = extras.coach.clone().or_else(|| extras.overrides.first().map(|o| o.coach.clone()));
    if attempt.scorer == Scorer::Coach
        && let Some(coach) = coach
    {
        map.insert(
            "instructor".into(),
            json!({ "objectType": "Agent", "name": coach, "account": { "homePage": settings.account_home_page, "name": format!("coach:{coach}") } }),
        );
    }
    context
}

/// One override as the audit extension records it.
fn audit(o: &Override) -> Value {
    json!({
        "turnIndex": o.turn_index,
        "criterion": o.criterion_id,
        "coach": o.coach,
        "at": o.at.to_string(),
        "from": o.old_met,
        "to": o.new_met,
        "reason": o.reason,
    })
}

/// An extension key in FollowThrough's namespace.
fn ext_iri(name: &str) -> String {
    format!("{EXTENSION_BASE}/{name}")
}

/// Milliseconds as an ISO 8601 duration (`PT1M2.5S`).
pub(crate) fn iso_duration(ms: u64) -> String {
    let hours = ms / 3_600_000;
    let minutes = ms / 60_000 % 60;
    let seconds = ms % 60_000;
    let mut out = String::from("PT");
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if seconds > 0 || out.len() == 2 {
        let (whole, frac) = (seconds / 1000, seconds % 1000);
        if frac == 0 {
            out.push_str(&format!("{whole}S"));
        } else {
            let f = format!("{frac:03}");
            out.push_str(&format!("{whole}.{}S", f.trim_end_matches('0')));
        }
    }
    out
}

/// Percent-encode everything but RFC 3986's unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

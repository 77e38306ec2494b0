//! Coach overrides: changing one criterion verdict with a reason, kept as an audit row, in one
//! transaction that also rescores the turn and the attempt, marks the attempt as coach-scored and
//! updates (or voids and replaces) its queued xAPI statement.

use rusqlite::{Connection, OptionalExtension};

use super::{Store, StoreError, attempts, get_unsigned, to_i64, ts_from_sql, ts_to_sql};
use crate::core::progress::{Attempt, Override, Scorer};
use crate::core::scenario::CriterionKind;
use crate::core::scoring::{Verdict, passes, score_from_worths};

impl Store {
    /// Change one criterion verdict. Refused (`BadOverride`, `NoSuchAttempt`) unless the attempt,
    /// turn and criterion exist, `old_met` is the verdict now, the verdict changes and a reason is given.
    pub fn override_criterion(&self, ov: &Override) -> Result<(), StoreError> {
        if ov.reason.trim().is_empty() {
            return Err(StoreError::BadOverride("give a reason; an override without one is not kept".into()));
        }
        if ov.old_met == ov.new_met {
            return Err(StoreError::BadOverride(format!(
                "the new verdict on {} is the same as the old one; nothing to change",
                ov.criterion_id
            )));
        }
        let tx = self.write()?;
        if !attempts::exists(&tx, &ov.attempt_id)? {
            return Err(StoreError::NoSuchAttempt(ov.attempt_id.clone()));
        }
        let seq = to_i64(ov.turn_index)?;
        let pass_mark: Option<u32> = tx
            .query_row(
                "SELECT pass_mark FROM turn_attempts WHERE attempt_id = ?1 AND seq = ?2",
                (&ov.attempt_id, seq),
                |r| r.get(0),
            )
            .optional()?;
        let Some(pass_mark) = pass_mark else {
            return Err(StoreError::BadOverride(format!(
                "attempt {} has no turn with index {} (turns count from 0)",
                ov.attempt_id, ov.turn_index
            )));
        };
        let mut criteria = verdicts(&tx, &ov.attempt_id, seq)?;
        let Some(target) = criteria.iter_mut().find(|c| c.id == ov.criterion_id) else {
            return Err(StoreError::BadOverride(format!(
                "turn {} of attempt {} has no criterion {:?}",
                ov.turn_index, ov.attempt_id, ov.criterion_id
            )));
        };
        if target.met != ov.old_met {
            return Err(StoreError::BadOverride(format!(
                "{} is {} now, not {}; it may have been changed since it was shown, so look again and retry",
                ov.criterion_id,
                met_word(target.met),
                met_word(ov.old_met)
            )));
        }
        target.met = ov.new_met;
        target.points = target.verdict().shown_points();
        insert(&tx, ov)?;
        tx.execute(
            "UPDATE criterion_outcomes SET met = ?4, points = ?5 WHERE attempt_id = ?1 AND seq = ?2 AND criterion_id = ?3",
            (&ov.attempt_id, seq, &ov.criterion_id, target.met, target.points),
        )?;
        let score = score_from_worths(criteria.iter().map(Stored::verdict));
        tx.execute(
            "UPDATE turn_attempts SET score = ?3, passed = ?4 WHERE attempt_id = ?1 AND seq = ?2",
            (&ov.attempt_id, seq, score, passes(score, pass_mark)),
        )?;
        let attempt =
            attempts::load_one(&tx, &ov.attempt_id)?.ok_or_else(|| StoreError::NoSuchAttempt(ov.attempt_id.clone()))?;
        tx.execute(
            "UPDATE attempts SET score = ?2, passed = ?3, scorer = ?4 WHERE id = ?1",
            (&ov.attempt_id, attempt.score(), attempt.passed(), Scorer::Coach.as_str()),
        )?;
        let audit = of_attempt(&tx, &ov.attempt_id)?;
        super::xapi_queue::after_override(&tx, &ov.attempt_id, &audit)?;
        tx.commit()?;
        Ok(())
    }

    /// Save an attempt a coach scored, with the verdicts as the coach left them and one audit row per
    /// verdict the coach changed from the engine's suggestion, all in one transaction. Every
    /// override must belong to this attempt, name one of its criteria, match its final verdict and
    /// give a reason.
    pub fn record_coached_attempt(&self, attempt: &Attempt, changes: &[Override]) -> Result<(), StoreError> {
        for ov in changes {
            let turn = attempt.turns.get(ov.turn_index);
            let criterion = turn.and_then(|t| t.criteria.iter().find(|c| c.id == ov.criterion_id));
            let fits = ov.attempt_id == attempt.id && criterion.is_some_and(|c| c.met == ov.new_met);
            if !fits || ov.old_met == ov.new_met || ov.reason.trim().is_empty() {
                return Err(StoreError::BadOverride(format!(
                    "the change to {} does not match the attempt, or has no reason",
                    ov.criterion_id
                )));
            }
        }
        let tx = self.write()?;
        if !super::employees::exists(&tx, &attempt.employee_id)? {
            return Err(StoreError::UnknownEmployee(attempt.employee_id.clone()));
        }
        attempts::insert(&tx, attempt)?;
        for ov in changes {
            insert(&tx, ov)?;
        }
        super::xapi_queue::enqueue_attempt(&tx, attempt, changes)?;
        tx.commit()?;
        Ok(())
    }

    /// The overrides of one attempt, oldest first (`NoSuchAttempt` for an unknown id).
    pub fn overrides(&self, attempt_id: &str) -> Result<Vec<Override>, StoreError> {
        if !attempts::exists(&self.conn, attempt_id)? {
            return Err(StoreError::NoSuchAttempt(attempt_id.to_string()));
        }
        of_attempt(&self.conn, attempt_id)
    }
}

fn met_word(met: bool) -> &'static str {
    if met { "met" } else { "not met" }
}

/// One stored verdict with what it is worth.
struct Stored {
    id: String,
    kind: CriterionKind,
    met: bool,
    points: f64,
    worth: f64,
}

impl Stored {
    /// The verdict as the core's score rule reads it.
    fn verdict(&self) -> Verdict {
        Verdict { kind: self.kind, met: self.met, worth: self.worth }
    }
}

fn verdicts(conn: &Connection, attempt_id: &str, seq: i64) -> Result<Vec<Stored>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT criterion_id, kind, met, points, worth FROM criterion_outcomes \
         WHERE attempt_id = ?1 AND seq = ?2 ORDER BY position",
    )?;
    let rows = stmt
        .query_map((attempt_id, seq), |row| {
            Ok(Stored {
                id: row.get(0)?,
                kind: attempts::kind_from(row, 1)?,
                met: row.get(2)?,
                points: row.get(3)?,
                worth: row.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Add the audit row (inside the caller's transaction; import uses it for the overrides it brings).
pub(super) fn insert(conn: &Connection, ov: &Override) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO overrides (attempt_id, seq, criterion_id, coach, at, old_met, new_met, reason) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute((
        &ov.attempt_id,
        to_i64(ov.turn_index)?,
        &ov.criterion_id,
        &ov.coach,
        ts_to_sql(ov.at),
        ov.old_met,
        ov.new_met,
        &ov.reason,
    ))?;
    Ok(())
}

/// The overrides of one attempt in the order they were made.
pub(super) fn of_attempt(conn: &Connection, attempt_id: &str) -> Result<Vec<Override>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT attempt_id, seq, criterion_id, coach, at, old_met, new_met, reason FROM overrides \
         WHERE attempt_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([attempt_id], |row| {
            Ok(Override {
                attempt_id: row.get(0)?,
                turn_index: get_unsigned(row, 1)?,
                criterion_id: row.get(2)?,
                coach: row.get(3)?,
                at: ts_from_sql(row, 4)?,
                old_met: row.get(5)?,
                new_met: row.get(6)?,
                reason: row.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

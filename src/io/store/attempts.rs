//! Saving an attempt (attempt, turns and criterion verdicts in one transaction) and reading attempts
//! back, oldest first, with the verdicts as the latest coach override left them.

use rusqlite::{Connection, ToSql};

use super::{
    AttemptFilter, Store, StoreError, bad_word, employees, get_unsigned, rescore, to_i64, ts_from_sql, ts_to_sql,
};
use crate::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use crate::core::scenario::CriterionKind;

impl Store {
    /// Save a finished (or abandoned) attempt in one transaction. `UnknownEmployee` when its employee
    /// is not in the store; an attempt whose id is already saved is refused. When sending to an LRS is on,
    /// its xAPI statement is queued in the same transaction.
    pub fn record_attempt(&self, attempt: &Attempt) -> Result<(), StoreError> {
        let tx = self.write()?;
        if !employees::exists(&tx, &attempt.employee_id)? {
            return Err(StoreError::UnknownEmployee(attempt.employee_id.clone()));
        }
        if exists(&tx, &attempt.id)? {
            return Err(StoreError::Sql(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY),
                Some(format!("an attempt with the id {:?} is already saved; it was not changed", attempt.id)),
            )));
        }
        insert(&tx, attempt)?;
        super::xapi_queue::enqueue_attempt(&tx, attempt, &[])?;
        tx.commit()?;
        Ok(())
    }

    /// The attempts that match `filter`, ordered by start time then id, each with its turns and
    /// criterion verdicts.
    pub fn attempts(&self, filter: &AttemptFilter) -> Result<Vec<Attempt>, StoreError> {
        // One read transaction: attempts, turns and verdicts from the same moment.
        let tx = self.conn.unchecked_transaction()?;
        load(&tx, filter)
    }

    /// How many attempts are saved.
    pub fn attempt_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row("SELECT COUNT(*) FROM attempts", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Whether an attempt with this id is saved.
    pub fn has_attempt(&self, id: &str) -> Result<bool, StoreError> {
        exists(&self.conn, id)
    }
}

/// Whether an attempt with this id is saved.
pub(super) fn exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT EXISTS(SELECT 1 FROM attempts WHERE id = ?1)", [id], |r| r.get(0))?)
}

/// The word stored for a criterion kind.
pub(super) fn kind_word(kind: CriterionKind) -> &'static str {
    match kind {
        CriterionKind::Required => "required",
        CriterionKind::Forbidden => "forbidden",
    }
}

/// Read a stored criterion kind.
pub(super) fn kind_from(row: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<CriterionKind> {
    let word: String = row.get(idx)?;
    match word.as_str() {
        "required" => Ok(CriterionKind::Required),
        "forbidden" => Ok(CriterionKind::Forbidden),
        _ => Err(bad_word(idx, &word)),
    }
}

/// Insert the attempt, its turns and verdicts (inside the caller's transaction; no checks).
pub(super) fn insert(conn: &Connection, a: &Attempt) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO attempts (id, employee_id, scenario_id, scenario_revision, mode, scorer, started_at, \
         completed, score, passed, time_used_ms, over_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute((
        &a.id,
        &a.employee_id,
        &a.scenario_id,
        a.scenario_revision,
        a.mode.as_str(),
        a.scorer.as_str(),
        ts_to_sql(a.started_at),
        a.completed,
        a.score(),
        a.passed(),
        to_i64(a.time_used_ms())?,
        a.over_time(),
    ))?;
    let mut turn_stmt = conn.prepare_cached(
        "INSERT INTO turn_attempts (attempt_id, seq, turn_id, customer_line, response, score, pass_mark, passed, \
         time_used_ms, over_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut criterion_stmt = conn.prepare_cached(
        "INSERT INTO criterion_outcomes (attempt_id, seq, position, criterion_id, label, kind, met, points, worth, \
         worth_estimated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (seq, t) in a.turns.iter().enumerate() {
        let seq = to_i64(seq)?;
        turn_stmt.execute((
            &a.id,
            seq,
            &t.turn_id,
            &t.customer_line,
            &t.response,
            t.score,
            t.pass_mark,
            t.passed,
            to_i64(t.time_used_ms)?,
            t.over_time,
        ))?;
        for (position, (c, (worth, estimated))) in t.criteria.iter().zip(rescore::worths(&t.criteria)).enumerate() {
            let params: [&dyn ToSql; 10] = [
                &a.id,
                &seq,
                &to_i64(position)?,
                &c.id,
                &c.label,
                &kind_word(c.kind),
                &c.met,
                &c.points,
                &worth,
                &estimated,
            ];
            criterion_stmt.execute(params.as_slice())?;
        }
    }
    Ok(())
}

/// The attempts matching `filter`, oldest first (ties by id), complete with turns and verdicts.
pub(super) fn load(conn: &Connection, filter: &AttemptFilter) -> Result<Vec<Attempt>, StoreError> {
    let mut sql = format!("SELECT {HEAD_COLUMNS} FROM attempts WHERE 1 = 1");
    let mut params: Vec<String> = Vec::new();
    if let Some(employee) = &filter.employee {
        params.push(employee.clone());
        sql.push_str(&format!(" AND employee_id = ?{}", params.len()));
    }
    if let Some(since) = filter.since {
        // Stored times are UTC text, `YYYY-MM-DDT...`, so a date compares as their prefix.
        params.push(since.to_string());
        sql.push_str(&format!(" AND started_at >= ?{}", params.len()));
    }
    if let Some(scenario) = &filter.scenario {
        params.push(scenario.clone());
        sql.push_str(&format!(" AND scenario_id = ?{}", params.len()));
    }
    sql.push_str(" ORDER BY started_at, id");
    let mut stmt = conn.prepare(&sql)?;
    let mut attempts =
        stmt.query_map(rusqlite::params_from_iter(params.iter()), head_from_row)?.collect::<Result<Vec<_>, _>>()?;
    for attempt in &mut attempts {
        attempt.turns = turns_of(conn, &attempt.id)?;
    }
    Ok(attempts)
}

/// The columns every attempt query selects.
const HEAD_COLUMNS: &str = "id, employee_id, scenario_id, scenario_revision, mode, scorer, started_at, completed";

/// An attempt without its turns, from a row of [`HEAD_COLUMNS`].
fn head_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Attempt> {
    let mode: String = row.get(4)?;
    let scorer: String = row.get(5)?;
    Ok(Attempt {
        id: row.get(0)?,
        employee_id: row.get(1)?,
        scenario_id: row.get(2)?,
        scenario_revision: row.get(3)?,
        mode: AttemptMode::parse(&mode).ok_or_else(|| bad_word(4, &mode))?,
        scorer: Scorer::parse(&scorer).ok_or_else(|| bad_word(5, &scorer))?,
        started_at: ts_from_sql(row, 6)?,
        completed: row.get(7)?,
        turns: Vec::new(),
    })
}

/// One attempt by id.
pub(super) fn load_one(conn: &Connection, id: &str) -> Result<Option<Attempt>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {HEAD_COLUMNS} FROM attempts WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    let Some(row) = rows.next()? else { return Ok(None) };
    let mut attempt = head_from_row(row)?;
    attempt.turns = turns_of(conn, id)?;
    Ok(Some(attempt))
}

/// The turns of one attempt in order, with their verdicts in rubric order.
fn turns_of(conn: &Connection, attempt_id: &str) -> Result<Vec<TurnAttempt>, StoreError> {
    let mut turn_stmt = conn.prepare_cached(
        "SELECT seq, turn_id, customer_line, response, score, pass_mark, passed, time_used_ms, over_time \
         FROM turn_attempts WHERE attempt_id = ?1 ORDER BY seq",
    )?;
    let mut turns = turn_stmt
        .query_map([attempt_id], |row| {
            Ok(TurnAttempt {
                turn_id: row.get(1)?,
                customer_line: row.get(2)?,
                response: row.get(3)?,
                score: row.get(4)?,
                pass_mark: row.get(5)?,
                passed: row.get(6)?,
                time_used_ms: get_unsigned(row, 7)?,
                over_time: row.get(8)?,
                criteria: Vec::new(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut criterion_stmt = conn.prepare_cached(
        "SELECT seq, criterion_id, label, kind, met, points, worth, worth_estimated FROM criterion_outcomes \
         WHERE attempt_id = ?1 ORDER BY seq, position",
    )?;
    let mut rows = criterion_stmt.query([attempt_id])?;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let outcome = CriterionOutcome {
            id: row.get(1)?,
            label: row.get(2)?,
            kind: kind_from(row, 3)?,
            met: row.get(4)?,
            points: row.get(5)?,
            worth: if row.get::<_, bool>(7)? { None } else { Some(row.get(6)?) },
        };
        if let Some(turn) = usize::try_from(seq).ok().and_then(|s| turns.get_mut(s)) {
            turn.criteria.push(outcome);
        }
    }
    Ok(turns)
}

//! The offline xAPI queue (schema 4): each attempt's statement is written in the same transaction as
//! the attempt (when sending is switched on) and waits here, `queued`, until the sender marks it
//! `sent` or `failed` with the LRS's reason. Rows are never deleted, so `xapi status` and
//! `export --format xapi` can always show what was sent.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, attempts, meta, to_i64, ts_to_sql};
use crate::core::progress::{Attempt, Override};
use crate::core::xapi::{self, StatementExtras, StatementSettings};

/// The `meta` key holding the statement settings (JSON); absent: sending is off.
const SETTINGS_KEY: &str = "xapi_statements";

/// One statement waiting in (or done with) the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuedStatement {
    /// Order of queueing (the order statements are sent in).
    pub seq: i64,
    /// The statement's id.
    pub statement_id: String,
    /// The statement as JSON text.
    pub body: String,
}

/// Where a statement is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QueueStatus {
    /// Waiting to be sent.
    Queued,
    /// The LRS accepted it.
    Sent,
    /// The LRS refused it for a reason that will not heal by retrying.
    Failed,
}

/// Counts per status, and why the failed ones failed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QueueReport {
    /// Waiting to be sent.
    pub queued: usize,
    /// Accepted by the LRS.
    pub sent: usize,
    /// Refused for good: (statement id, reason).
    pub failed: Vec<(String, String)>,
}

impl Store {
    /// The statement settings; `None` while sending to an LRS is switched off.
    pub fn xapi_settings(&self) -> Result<Option<StatementSettings>, StoreError> {
        meta::get_json(&self.conn, SETTINGS_KEY, "xapi settings")
    }

    /// Switch sending on with these settings (attempts saved from now on are queued), or off (`None`;
    /// what is queued stays queued).
    pub fn set_xapi_settings(&self, settings: Option<&StatementSettings>) -> Result<(), StoreError> {
        self.writable()?;
        match settings {
            Some(s) => meta::set_json(&self.conn, SETTINGS_KEY, s),
            None => {
                self.conn.execute("DELETE FROM meta WHERE key = ?1", [SETTINGS_KEY])?;
                Ok(())
            }
        }
    }

    /// Up to `limit` queued statements, oldest first.
    pub fn xapi_pending(&self, limit: usize) -> Result<Vec<QueuedStatement>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, statement_id, body FROM xapi_queue WHERE status = 'queued' ORDER BY seq LIMIT ?1",
        )?;
        let rows = stmt.query_map([to_i64(limit)?], |r| {
            Ok(QueuedStatement { seq: r.get(0)?, statement_id: r.get(1)?, body: r.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every statement ever queued, in order (for `export --format xapi`).
    pub fn xapi_all(&self) -> Result<Vec<QueuedStatement>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT seq, statement_id, body FROM xapi_queue ORDER BY seq")?;
        let rows =
            stmt.query_map([], |r| Ok(QueuedStatement { seq: r.get(0)?, statement_id: r.get(1)?, body: r.get(2)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Mark statements the LRS accepted as sent (one transaction).
    pub fn xapi_mark_sent(&self, ids: &[String], now: jiff::Timestamp) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE xapi_queue SET status = 'sent', reason = NULL, sent_at = ?2 WHERE statement_id = ?1",
            )?;
            for id in ids {
                stmt.execute((id, ts_to_sql(now)))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Mark a statement as refused for good, keeping the reason to show.
    pub fn xapi_mark_failed(&self, id: &str, reason: &str) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute("UPDATE xapi_queue SET status = 'failed', reason = ?2 WHERE statement_id = ?1", (id, reason))?;
        tx.commit()?;
        Ok(())
    }

    /// Put failed statements back in the queue (after the cause was fixed); returns how many.
    pub fn xapi_retry_failed(&self) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let n = tx.execute("UPDATE xapi_queue SET status = 'queued', reason = NULL WHERE status = 'failed'", [])?;
        tx.commit()?;
        Ok(n)
    }

    /// The status of one statement, if it was ever queued.
    pub fn xapi_status_of(&self, id: &str) -> Result<Option<QueueStatus>, StoreError> {
        let word: Option<String> = self
            .conn
            .query_row("SELECT status FROM xapi_queue WHERE statement_id = ?1", [id], |r| r.get(0))
            .optional()?;
        Ok(word.and_then(|w| serde_json::from_value(serde_json::Value::String(w)).ok()))
    }

    /// How many statements are queued, sent and failed (with reasons).
    pub fn xapi_report(&self) -> Result<QueueReport, StoreError> {
        let count = |status: &str| -> Result<usize, StoreError> {
            let n: i64 =
                self.conn.query_row("SELECT COUNT(*) FROM xapi_queue WHERE status = ?1", [status], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        let mut stmt = self.conn.prepare(
            "SELECT statement_id, COALESCE(reason, '') FROM xapi_queue WHERE status = 'failed' ORDER BY seq",
        )?;
        let failed = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        Ok(QueueReport { queued: count("queued")?, sent: count("sent")?, failed })
    }
}

impl Store {
    /// The statement of every attempt matching `filter`, as it stands now (overrides in the audit
    /// extension), oldest first, built with the statement settings (the defaults while sending is
    /// off): for `export --format xapi`, an offline hand-over.
    pub fn xapi_statements(&self, filter: &super::AttemptFilter) -> Result<Vec<serde_json::Value>, StoreError> {
        let settings = self.xapi_settings()?.unwrap_or_default();
        let tx = self.conn.unchecked_transaction()?;
        let attempts = attempts::load(&tx, filter)?;
        let mut out = Vec::with_capacity(attempts.len());
        for attempt in &attempts {
            let audit = super::overrides::of_attempt(&tx, &attempt.id)?;
            out.push(xapi::statement(attempt, &extras_for(&tx, attempt, &audit)?, &settings));
        }
        Ok(out)
    }
}

/// Queue the statement of a newly saved attempt (inside the caller's transaction), when sending is on.
pub(super) fn enqueue_attempt(conn: &Connection, attempt: &Attempt, overrides: &[Override]) -> Result<(), StoreError> {
    let Some(settings) = meta::get_json::<StatementSettings>(conn, SETTINGS_KEY, "xapi settings")? else {
        return Ok(());
    };
    let extras = extras_for(conn, attempt, overrides)?;
    let statement = xapi::statement(attempt, &extras, &settings);
    insert(conn, &xapi::statement_id(&attempt.id), attempt, 0, &statement)
}

/// After a coach's override of a saved attempt (inside the caller's transaction): a statement still
/// queued (or refused) is rebuilt in place with the audit; one already sent is voided and replaced.
pub(super) fn after_override(conn: &Connection, attempt_id: &str, overrides: &[Override]) -> Result<(), StoreError> {
    let Some(settings) = meta::get_json::<StatementSettings>(conn, SETTINGS_KEY, "xapi settings")? else {
        return Ok(());
    };
    let Some(attempt) = attempts::load_one(conn, attempt_id)? else { return Ok(()) };
    let latest: Option<(String, u32, String)> = conn
        .query_row(
            "SELECT statement_id, version, status FROM xapi_queue WHERE attempt_id = ?1 AND kind = 'statement' \
             ORDER BY version DESC LIMIT 1",
            [attempt_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let extras = extras_for(conn, &attempt, overrides)?;
    match latest {
        // Never queued (saved before sending was switched on): queue it as it stands now.
        None => {
            insert(conn, &xapi::statement_id(&attempt.id), &attempt, 0, &xapi::statement(&attempt, &extras, &settings))
        }
        Some((id, version, status)) if status != "sent" => {
            let body = if version == 0 {
                xapi::statement(&attempt, &extras, &settings)
            } else {
                xapi::correction(&attempt, &extras, &settings, version).replacement
            };
            conn.execute("UPDATE xapi_queue SET body = ?2 WHERE statement_id = ?1", (&id, body.to_string()))?;
            Ok(())
        }
        Some((_, version, _)) => {
            let c = xapi::correction(&attempt, &extras, &settings, version + 1);
            insert_row(conn, &xapi::voiding_id(&attempt.id, version), &attempt, version, "void", &c.voiding)?;
            insert(conn, &xapi::replacement_id(&attempt.id, version + 1), &attempt, version + 1, &c.replacement)
        }
    }
}

fn extras_for(conn: &Connection, attempt: &Attempt, overrides: &[Override]) -> Result<StatementExtras, StoreError> {
    let learner_name: Option<String> =
        conn.query_row("SELECT name FROM employees WHERE id = ?1", [&attempt.employee_id], |r| r.get(0)).optional()?;
    Ok(StatementExtras { learner_name, overrides: overrides.to_vec(), ..Default::default() })
}

fn insert(conn: &Connection, id: &str, a: &Attempt, version: u32, body: &serde_json::Value) -> Result<(), StoreError> {
    insert_row(conn, id, a, version, "statement", body)
}

fn insert_row(
    conn: &Connection,
    id: &str,
    a: &Attempt,
    version: u32,
    kind: &str,
    body: &serde_json::Value,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO xapi_queue (statement_id, attempt_id, employee_id, version, kind, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(statement_id) DO NOTHING",
    )?
    .execute((id, &a.id, &a.employee_id, version, kind, body.to_string()))?;
    Ok(())
}

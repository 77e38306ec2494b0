//! The database schema as numbered migrations: `MIGRATIONS[n]` takes a file from version `n` to
//! `n + 1`, each in its own transaction, and `PRAGMA user_version` records how far a file has come.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::StoreError;

/// Version 1: employees, settings, attempts with their turns and criterion verdicts, coach overrides.
const V1: &str = "
CREATE TABLE employees (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE attempts (
    id TEXT PRIMARY KEY NOT NULL,
    employee_id TEXT NOT NULL REFERENCES employees(id),
    scenario_id TEXT NOT NULL,
    scenario_revision INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('practice', 'assessment', 'group', 'rehearsal', 'quiz')),
    scorer TEXT NOT NULL CHECK (scorer IN ('engine', 'coach', 'self')),
    started_at TEXT NOT NULL,
    completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
    score REAL NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    time_used_ms INTEGER NOT NULL,
    over_time INTEGER NOT NULL CHECK (over_time IN (0, 1))
);
CREATE INDEX attempts_by_employee ON attempts(employee_id, started_at);
CREATE INDEX attempts_by_scenario ON attempts(scenario_id);

CREATE TABLE turn_attempts (
    attempt_id TEXT NOT NULL REFERENCES attempts(id),
    seq INTEGER NOT NULL,
    turn_id TEXT NOT NULL,
    customer_line TEXT NOT NULL,
    response TEXT NOT NULL,
    score INTEGER NOT NULL,
    pass_mark INTEGER NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    time_used_ms INTEGER NOT NULL,
    over_time INTEGER NOT NULL CHECK (over_time IN (0, 1)),
    PRIMARY KEY (attempt_id, seq)
);

-- worth: the points the criterion counts for when met, so a coach's override can rescore the turn
-- (version 3 adds worth_estimated: 0 when it is the engine's exact share).
CREATE TABLE criterion_outcomes (
    attempt_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    position INTEGER NOT NULL,
    criterion_id TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('required', 'forbidden')),
    met INTEGER NOT NULL CHECK (met IN (0, 1)),
    points REAL NOT NULL,
    worth REAL NOT NULL,
    PRIMARY KEY (attempt_id, seq, criterion_id),
    FOREIGN KEY (attempt_id, seq) REFERENCES turn_attempts(attempt_id, seq)
);

CREATE TABLE overrides (
    id INTEGER PRIMARY KEY,
    attempt_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    criterion_id TEXT NOT NULL,
    coach TEXT NOT NULL,
    at TEXT NOT NULL,
    old_met INTEGER NOT NULL CHECK (old_met IN (0, 1)),
    new_met INTEGER NOT NULL CHECK (new_met IN (0, 1)),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    FOREIGN KEY (attempt_id, seq, criterion_id) REFERENCES criterion_outcomes(attempt_id, seq, criterion_id)
);
CREATE INDEX overrides_by_attempt ON overrides(attempt_id, seq, criterion_id);
";

/// Version 2: how far each employee has faded each script they rehearse.
const V2: &str = "
CREATE TABLE script_levels (
    employee_id TEXT NOT NULL REFERENCES employees(id),
    script_key TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (employee_id, script_key)
);
";

/// Version 3: whether a criterion's stored worth is the engine's own (0) or an estimate made for an
/// attempt saved before worth was kept (1); estimates are replaced once the scenario is known.
const V3: &str = "
ALTER TABLE criterion_outcomes ADD COLUMN worth_estimated INTEGER NOT NULL DEFAULT 1
    CHECK (worth_estimated IN (0, 1));
";

/// Version 4: the offline xAPI queue. `seq` is the order statements are sent in; `version` counts a
/// statement's corrections (0: the original); `kind` is `statement` or `void`.
const V4: &str = "
CREATE TABLE xapi_queue (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id TEXT NOT NULL UNIQUE,
    attempt_id TEXT NOT NULL REFERENCES attempts(id),
    employee_id TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'statement' CHECK (kind IN ('statement', 'void')),
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    reason TEXT,
    sent_at TEXT
);
CREATE INDEX xapi_queue_by_status ON xapi_queue(status, seq);
CREATE INDEX xapi_queue_by_attempt ON xapi_queue(attempt_id, version);
";

/// Every migration, oldest first; the schema version is the number that have run.
pub(super) const MIGRATIONS: &[&str] = &[V1, V2, V3, V4];

/// The version recorded in the file.
pub(super) fn user_version(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Run the migrations the file has not had yet; returns the version found before (a version newer
/// than this build is returned untouched for the caller to refuse).
pub(super) fn migrate(conn: &Connection) -> Result<i64, StoreError> {
    let found = user_version(conn)?;
    let mut version = found;
    while let Some(script) = usize::try_from(version).ok().and_then(|v| MIGRATIONS.get(v)) {
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        // Another window may have migrated while this one waited for the lock.
        if user_version(&tx)? != version {
            version = user_version(&tx)?;
            continue;
        }
        tx.execute_batch(script)?;
        version += 1;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_changes_nothing() {
        let conn = Connection::open_in_memory().expect("open");
        assert_eq!(migrate(&conn).expect("first"), 0);
        assert_eq!(migrate(&conn).expect("second"), MIGRATIONS.len() as i64);
        assert_eq!(user_version(&conn).expect("version"), MIGRATIONS.len() as i64);
    }

    #[test]
    fn a_version_one_file_gains_the_script_levels_and_keeps_its_attempts() {
        let conn = Connection::open_in_memory().expect("open");
        conn.execute_batch(V1).expect("v1");
        conn.pragma_update(None, "user_version", 1).expect("version");
        conn.execute("INSERT INTO employees VALUES ('a', 'A', '2024-01-01T00:00:00Z')", []).expect("employee");
        assert_eq!(migrate(&conn).expect("migrate"), 1);
        assert_eq!(user_version(&conn).expect("version"), MIGRATIONS.len() as i64);
        conn.execute("INSERT INTO script_levels VALUES ('a', 's/t/model', 2, '2024')", []).expect("level");
        let employees: i64 = conn.query_row("SELECT count(*) FROM employees", [], |r| r.get(0)).expect("count");
        assert_eq!(employees, 1);
    }

    #[test]
    fn the_checks_refuse_unknown_words() {
        let conn = Connection::open_in_memory().expect("open");
        migrate(&conn).expect("migrate");
        conn.execute("INSERT INTO employees VALUES ('a', 'A', '2024-01-01T00:00:00Z')", []).expect("employee");
        let bad =
            conn.execute("INSERT INTO attempts VALUES ('x', 'a', 's', 1, 'exam', 'engine', '2024', 1, 0, 0, 0, 0)", []);
        assert!(bad.is_err());
    }
}

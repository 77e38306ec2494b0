//! The `meta` table: small named values (who practised last, rollout rules, minutes a day, team
//! folders), read and written in one place.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;

/// The value under `key`, if any.
pub(super) fn get(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// Set `key` to `value` (inside the caller's transaction, if any).
pub(super) fn set(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// The JSON value under `key`; an unreadable one is logged (naming `what`) and read as none.
pub(super) fn get_json<T: DeserializeOwned>(conn: &Connection, key: &str, what: &str) -> Result<Option<T>, StoreError> {
    Ok(get(conn, key)?.and_then(|text| {
        serde_json::from_str(&text)
            .map_err(|e| log::warn!("stored {what} unreadable ({e}); left out, as if never set"))
            .ok()
    }))
}

/// Set `key` to `value` as JSON.
pub(super) fn set_json<T: Serialize>(conn: &Connection, key: &str, value: &T) -> Result<(), StoreError> {
    let json = serde_json::to_string(value)
        .map_err(|e| StoreError::Sql(rusqlite::Error::ToSqlConversionFailure(Box::new(e))))?;
    set(conn, key, &json)
}

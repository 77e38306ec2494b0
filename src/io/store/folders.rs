//! The extra scenario folders a team added (beyond the bundled ones), kept in the `meta` table as
//! JSON so every window on this machine opens the same folders.

use std::path::PathBuf;

use rusqlite::OptionalExtension;

use super::{Store, StoreError};

/// The `meta` key holding the folder list (a JSON array of paths).
const FOLDERS_KEY: &str = "scenario_folders";

impl Store {
    /// The extra scenario folders, in the order they were added (none until someone adds one;
    /// an unreadable list is treated as empty with a warning).
    pub fn scenario_folders(&self) -> Result<Vec<PathBuf>, StoreError> {
        let text: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [FOLDERS_KEY], |r| r.get(0)).optional()?;
        Ok(text
            .and_then(|t| {
                serde_json::from_str::<Vec<PathBuf>>(&t)
                    .map_err(|e| log::warn!("stored scenario folders unreadable ({e}); using none"))
                    .ok()
            })
            .map(|folders| dedup_keeping_order(&folders))
            .unwrap_or_default())
    }

    /// Keep the extra scenario folders: order kept, later duplicates dropped.
    pub fn set_scenario_folders(&self, folders: &[PathBuf]) -> Result<(), StoreError> {
        let json = serde_json::to_string(&dedup_keeping_order(folders))
            .map_err(|e| StoreError::Sql(rusqlite::Error::ToSqlConversionFailure(Box::new(e))))?;
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [FOLDERS_KEY, json.as_str()],
        )?;
        Ok(())
    }
}

fn dedup_keeping_order(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut kept: Vec<PathBuf> = Vec::with_capacity(folders.len());
    for folder in folders {
        if !kept.contains(folder) {
            kept.push(folder.clone());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_round_trip_in_order_without_duplicates() {
        let store = Store::open_in_memory().expect("open");
        assert!(store.scenario_folders().expect("read").is_empty());
        let b = PathBuf::from("/team/b");
        let a = PathBuf::from("/team/a é");
        store.set_scenario_folders(&[b.clone(), a.clone(), b.clone()]).expect("set");
        assert_eq!(store.scenario_folders().expect("read"), [b.clone(), a.clone()]);
        store.set_scenario_folders(std::slice::from_ref(&a)).expect("replace");
        assert_eq!(store.scenario_folders().expect("read"), [a]);
        store.set_scenario_folders(&[]).expect("clear");
        assert!(store.scenario_folders().expect("read").is_empty());
    }

    #[test]
    fn an_unreadable_list_reads_as_none() {
        let store = Store::open_in_memory().expect("open");
        store.conn.execute("INSERT INTO meta (key, value) VALUES (?1, 'not json')", [FOLDERS_KEY]).expect("write");
        assert!(store.scenario_folders().expect("read").is_empty());
    }
}

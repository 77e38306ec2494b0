//! The extra scenario folders a team added (beyond the bundled ones), kept in the `meta` table as
//! JSON so every window on this machine opens the same folders.

use std::path::PathBuf;

use super::{Store, StoreError};

/// The `meta` key holding the folder list (a JSON array of paths).
const FOLDERS_KEY: &str = "scenario_folders";

impl Store {
    /// The extra scenario folders, in the order they were added (none until someone adds one;
    /// an unreadable list is treated as empty with a warning).
    pub fn scenario_folders(&self) -> Result<Vec<PathBuf>, StoreError> {
        let folders: Option<Vec<PathBuf>> = super::meta::get_json(&self.conn, FOLDERS_KEY, "scenario folders")?;
        Ok(folders.map(|folders| dedup_keeping_order(&folders)).unwrap_or_default())
    }

    /// Keep the extra scenario folders: order kept, later duplicates dropped.
    pub fn set_scenario_folders(&self, folders: &[PathBuf]) -> Result<(), StoreError> {
        self.writable()?;
        super::meta::set_json(&self.conn, FOLDERS_KEY, &dedup_keeping_order(folders))
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

//! How far each employee has faded each script they rehearse (the level moves up after a clean
//! recitation and down after a poor one; see `core::rehearsal`).

use rusqlite::OptionalExtension;

use super::{Store, StoreError, ts_to_sql};

impl Store {
    /// The fading level (0 = full text .. 4 = from memory) the employee reached on this script;
    /// `None` before their first recitation.
    pub fn script_level(&self, employee: &str, script_key: &str) -> Result<Option<u8>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT level FROM script_levels WHERE employee_id = ?1 AND script_key = ?2",
                [employee, script_key],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Keep the employee's level on this script.
    pub fn set_script_level(
        &self,
        employee: &str,
        script_key: &str,
        level: u8,
        now: jiff::Timestamp,
    ) -> Result<(), StoreError> {
        self.writable()?;
        if !super::employees::exists(&self.conn, employee)? {
            return Err(StoreError::UnknownEmployee(employee.to_string()));
        }
        self.conn.execute(
            "INSERT INTO script_levels (employee_id, script_key, level, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(employee_id, script_key) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at",
            rusqlite::params![employee, script_key, level.min(4), ts_to_sql(now)],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_is_kept_per_employee_and_script() {
        let store = Store::open_in_memory().expect("open");
        let sam = store.add_employee("Sam", jiff::Timestamp::UNIX_EPOCH).expect("add");
        assert_eq!(store.script_level(&sam.id, "s/t/model").expect("read"), None);
        store.set_script_level(&sam.id, "s/t/model", 2, jiff::Timestamp::UNIX_EPOCH).expect("set");
        store.set_script_level(&sam.id, "s/t/model", 3, jiff::Timestamp::UNIX_EPOCH).expect("set");
        assert_eq!(store.script_level(&sam.id, "s/t/model").expect("read"), Some(3));
        assert_eq!(store.script_level(&sam.id, "s/t/script-0").expect("read"), None);
        assert!(store.set_script_level("nobody", "k", 1, jiff::Timestamp::UNIX_EPOCH).is_err());
    }
}

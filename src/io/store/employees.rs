//! Employees (profiles): adding one with a unique slug id, reading them, and who practised last.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension};

use super::{Employee, Store, StoreError, ts_from_sql, ts_to_sql};

/// The `meta` key that names the employee practising now.
const CURRENT_KEY: &str = "current_employee";

/// Longest name accepted, in characters.
const MAX_NAME_CHARS: usize = 100;

impl Store {
    /// Every employee, in the order they were added.
    pub fn employees(&self) -> Result<Vec<Employee>, StoreError> {
        all(&self.conn)
    }

    /// Add an employee called `name` (trimmed). Refuses an empty name or one already used (ignoring
    /// case) with `BadName`. The id is a slug of the name, made unique with `-2`, `-3`...
    pub fn add_employee(&self, name: &str, now: Timestamp) -> Result<Employee, StoreError> {
        let tx = self.write()?;
        let employee = insert_named(&tx, name, now)?;
        tx.commit()?;
        Ok(employee)
    }

    /// The employee with this id, if any.
    pub fn employee(&self, id: &str) -> Result<Option<Employee>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT id, name, created_at FROM employees WHERE id = ?1", [id], from_row)
            .optional()?)
    }

    /// The id of the employee who practised last, if one was set.
    pub fn current_employee(&self) -> Result<Option<String>, StoreError> {
        super::meta::get(&self.conn, CURRENT_KEY)
    }

    /// Remember `id` as the employee practising now (`UnknownEmployee` if there is no such employee).
    pub fn set_current_employee(&self, id: &str) -> Result<(), StoreError> {
        let tx = self.write()?;
        if !exists(&tx, id)? {
            return Err(StoreError::UnknownEmployee(id.to_string()));
        }
        set_current(&tx, id)?;
        tx.commit()?;
        Ok(())
    }
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Employee> {
    Ok(Employee { id: row.get(0)?, name: row.get(1)?, created_at: ts_from_sql(row, 2)? })
}

/// Every employee, oldest first.
pub(super) fn all(conn: &Connection) -> Result<Vec<Employee>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, name, created_at FROM employees ORDER BY rowid")?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Whether an employee has this id.
pub(super) fn exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT EXISTS(SELECT 1 FROM employees WHERE id = ?1)", [id], |r| r.get(0))?)
}

/// Record `id` as the current employee (inside the caller's transaction).
pub(super) fn set_current(conn: &Connection, id: &str) -> Result<(), StoreError> {
    super::meta::set(conn, CURRENT_KEY, id)
}

/// Check a new name and add the employee under a fresh slug id (inside the caller's transaction).
pub(super) fn insert_named(conn: &Connection, name: &str, now: Timestamp) -> Result<Employee, StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::BadName("type a name for the new employee".into()));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(StoreError::BadName(format!("that name is too long; use at most {MAX_NAME_CHARS} characters")));
    }
    if name.chars().any(char::is_control) {
        return Err(StoreError::BadName("a name must be on one line, without tabs or control characters".into()));
    }
    let existing = all(conn)?;
    let folded = name.to_lowercase();
    if let Some(same) = existing.iter().find(|e| e.name.to_lowercase() == folded) {
        return Err(StoreError::BadName(format!(
            "there is already an employee called {}; pick that one or add a surname or initial",
            same.name
        )));
    }
    let id = unique_id(&slug(name), existing.iter().map(|e| e.id.as_str()));
    let employee = Employee { id, name: name.to_string(), created_at: now };
    insert(conn, &employee)?;
    Ok(employee)
}

/// Add an employee exactly as given (import keeps ids; inside the caller's transaction).
pub(super) fn insert(conn: &Connection, employee: &Employee) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO employees (id, name, created_at) VALUES (?1, ?2, ?3)",
        (&employee.id, &employee.name, ts_to_sql(employee.created_at)),
    )?;
    Ok(())
}

/// A name as an id: lower-case letters and digits, other runs of characters as one `-`
/// ("Sam Lee" → "sam-lee"); `employee` when nothing is left.
pub(super) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "employee".to_string() } else { out }
}

/// `base`, or `base-2`, `base-3`... whichever is not taken.
pub(super) fn unique_id<'a>(base: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.collect();
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken.contains(id.as_str())).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(slug("Sam Lee"), "sam-lee");
        assert_eq!(slug("  O'Brien,  Mary-Jane "), "o-brien-mary-jane");
        assert_eq!(slug("José Ñúñez"), "josé-ñúñez");
        assert_eq!(slug("!!!"), "employee");
        assert_eq!(slug(""), "employee");
    }

    #[test]
    fn ids_are_made_unique_with_a_number() {
        assert_eq!(unique_id("sam", ["ana"].into_iter()), "sam");
        assert_eq!(unique_id("sam", ["sam"].into_iter()), "sam-2");
        assert_eq!(unique_id("sam", ["sam", "sam-2"].into_iter()), "sam-3");
    }

    #[test]
    fn names_are_checked_and_trimmed() {
        let store = Store::open_in_memory().expect("open");
        let now = Timestamp::UNIX_EPOCH;
        let sam = store.add_employee("  Sam Lee ", now).expect("add");
        assert_eq!((sam.id.as_str(), sam.name.as_str()), ("sam-lee", "Sam Lee"));
        assert!(matches!(store.add_employee("sam lee", now), Err(StoreError::BadName(_))));
        assert!(matches!(store.add_employee("   ", now), Err(StoreError::BadName(_))));
        assert!(matches!(store.add_employee("a\nb", now), Err(StoreError::BadName(_))));
        let other = store.add_employee("Sam-Lee", now).expect("a different name with the same slug");
        assert_eq!(other.id, "sam-lee-2");
        assert!(matches!(store.set_current_employee("nobody"), Err(StoreError::UnknownEmployee(_))));
        store.set_current_employee("sam-lee-2").expect("set");
        store.set_current_employee("sam-lee").expect("set again");
        assert_eq!(store.current_employee().expect("read").as_deref(), Some("sam-lee"));
    }
}

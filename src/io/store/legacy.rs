//! Taking over the profile list kept before the store (`profiles.ron`): on the first open its
//! profiles become employees (and its current one the current employee) in one transaction, then the
//! file is renamed `profiles.ron.imported`, never deleted.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{StoreError, employees};
use crate::io::profiles::Profiles;

/// Import `<data_dir>/profiles.ron` when it exists and the store has no employees yet. A profile
/// file that cannot be read is left where it is, with a warning.
pub(super) fn import_profiles(conn: &Connection, data_dir: &Path) -> Result<(), StoreError> {
    let file = Profiles::file(data_dir);
    if !file.exists() {
        return Ok(());
    }
    let profiles = match Profiles::load(data_dir) {
        Ok(p) => p,
        Err(e) => {
            log::warn!("the old profile list was not taken over: {e}");
            return Ok(());
        }
    };
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    if !employees::all(&tx)?.is_empty() {
        return Ok(());
    }
    let now = Timestamp::now();
    for (index, profile) in profiles.profiles.iter().enumerate() {
        match employees::insert_named(&tx, &profile.name, now) {
            Ok(employee) if profiles.current == Some(index) => employees::set_current(&tx, &employee.id)?,
            Ok(_) => {}
            Err(StoreError::BadName(why)) => log::warn!("the old profile {:?} was not taken over: {why}", profile.name),
            Err(e) => return Err(e),
        }
    }
    tx.commit()?;
    let mut done = data_dir.join("profiles.ron.imported");
    let mut n = 2;
    while done.exists() {
        done = data_dir.join(format!("profiles.ron.imported-{n}"));
        n += 1;
    }
    if let Err(e) = std::fs::rename(&file, &done) {
        // The employees are in; with the table no longer empty the file will not be read again.
        log::warn!("took over the profiles in {} but could not rename it: {e}", file.display());
    }
    Ok(())
}

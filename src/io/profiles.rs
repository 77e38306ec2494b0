//! The profile list of versions before the progress store (`profiles.ron` in the data folder).
//! The store reads it once on first start, moves the employees in and keeps the file renamed.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One employee who practises on this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The name shown and picked.
    pub name: String,
}

/// The saved list and who was practising last.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profiles {
    /// Every profile, in the order created.
    pub profiles: Vec<Profile>,
    /// Index of the profile practising now.
    pub current: Option<usize>,
}

/// Why the profiles could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// Reading or writing the file failed.
    #[error("cannot save or read the profiles in {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a profile list.
    #[error("the profile file {0} is damaged ({1}); it was left untouched")]
    Damaged(String, String),
    /// The name is empty or already used.
    #[error("{0}")]
    BadName(String),
}

impl Profiles {
    /// The profile file in `data_dir`.
    pub fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("profiles.ron")
    }

    /// Read the list; no file yet is an empty list.
    pub fn load(data_dir: &Path) -> Result<Self, ProfileError> {
        let path = Self::file(data_dir);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                ron::from_str(&text).map_err(|e| ProfileError::Damaged(path.display().to_string(), e.to_string()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(ProfileError::Io { path: path.display().to_string(), source }),
        }
    }

    /// Write the list: to a temporary file beside it, then renamed over the old one.
    pub fn save(&self, data_dir: &Path) -> Result<(), ProfileError> {
        let path = Self::file(data_dir);
        let io = |source| ProfileError::Io { path: path.display().to_string(), source };
        std::fs::create_dir_all(data_dir).map_err(io)?;
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| ProfileError::Damaged(path.display().to_string(), e.to_string()))?;
        let mut tmp = tempfile::NamedTempFile::new_in(data_dir).map_err(io)?;
        std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(&path).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// Add a profile and make it current.
    pub fn add(&mut self, name: &str) -> Result<(), ProfileError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ProfileError::BadName("type a name for the new profile".into()));
        }
        if self.profiles.iter().any(|p| p.name.eq_ignore_ascii_case(name)) {
            return Err(ProfileError::BadName(format!("there is already a profile called {name}")));
        }
        self.profiles.push(Profile { name: name.to_string() });
        self.current = Some(self.profiles.len() - 1);
        Ok(())
    }

    /// The profile practising now.
    pub fn current(&self) -> Option<&Profile> {
        self.current.and_then(|i| self.profiles.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_survive_a_save_and_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut p = Profiles::load(dir.path()).expect("empty");
        assert_eq!(p, Profiles::default());
        p.add("Ana").expect("add");
        p.add("Ben").expect("add");
        p.save(dir.path()).expect("save");
        let back = Profiles::load(dir.path()).expect("load");
        assert_eq!(back.current().map(|p| p.name.as_str()), Some("Ben"));
        assert_eq!(back.profiles.len(), 2);
    }

    #[test]
    fn names_must_be_new_and_not_empty() {
        let mut p = Profiles::default();
        assert!(p.add("  ").is_err());
        p.add("Ana").expect("add");
        assert!(p.add("ana").is_err());
    }

    #[test]
    fn a_damaged_file_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(Profiles::file(dir.path()), "not ron at all {").expect("write");
        assert!(matches!(Profiles::load(dir.path()), Err(ProfileError::Damaged(..))));
        assert_eq!(std::fs::read_to_string(Profiles::file(dir.path())).expect("read"), "not ron at all {");
    }
}

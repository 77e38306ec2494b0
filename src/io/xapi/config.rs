//! Where the LRS is and how to log in: `xapi-lrs.json` in the data folder, written atomically with
//! 0600 permissions (the key and secret are Basic-auth credentials). The secret is never printed:
//! `Debug` and [`LrsConfig::describe`] hide it, and no export reads this file.

use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The file's name in the data folder.
pub const CONFIG_FILE: &str = "xapi-lrs.json";

/// The LRS endpoint and credentials.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct LrsConfig {
    /// The LRS's xAPI base, e.g. `https://lrs.example.org/xapi/` (`statements` is appended).
    pub endpoint: String,
    /// Basic-auth key (user name).
    pub key: String,
    /// Basic-auth secret (password).
    pub secret: String,
}

impl std::fmt::Debug for LrsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LrsConfig").field("endpoint", &self.endpoint).field("key", &self.key).finish_non_exhaustive()
    }
}

/// Why the LRS settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LrsConfigError {
    /// The endpoint is not an https URL (or http on this machine).
    #[error("{0}")]
    BadEndpoint(String),
    /// The file could not be read or written.
    #[error("cannot read or write {}: {source}; check the data folder's permissions", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid JSON of the expected shape.
    #[error("{}:{line}:{column}: {detail}; run `followthrough xapi config` again to rewrite it", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// What serde said.
        detail: String,
    },
}

impl LrsConfig {
    /// Check the endpoint: https anywhere, plain http only to this machine (loopback).
    pub fn validate(&self) -> Result<(), LrsConfigError> {
        let e = self.endpoint.trim();
        let bad = |why: &str| Err(LrsConfigError::BadEndpoint(format!("the LRS endpoint {e:?} {why}")));
        let (scheme, rest) = match e.split_once("://") {
            Some(parts) => parts,
            None => return bad("is not a URL; write it as https://lrs.example.org/xapi/"),
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host_of(authority.rsplit('@').next().unwrap_or(authority));
        if host.is_empty() {
            return bad("has no host name");
        }
        match scheme.to_ascii_lowercase().as_str() {
            "https" => Ok(()),
            "http" if is_loopback(host) => Ok(()),
            "http" => bad(
                "uses plain http, which would send the secret unencrypted; use https (plain http is accepted only for this machine: 127.0.0.1, ::1 or localhost)",
            ),
            _ => bad("must start with https://"),
        }
    }

    /// The statements resource.
    pub fn statements_url(&self) -> String {
        format!("{}/statements", self.endpoint.trim().trim_end_matches('/'))
    }

    /// One line to show (never the secret).
    pub fn describe(&self) -> String {
        format!("endpoint {} (key {}, secret set: {})", self.endpoint, self.key, !self.secret.is_empty())
    }

    /// Read the settings from the data folder; `None` when never configured.
    pub fn load(data_dir: &Path) -> Result<Option<Self>, LrsConfigError> {
        let path = data_dir.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(LrsConfigError::Io { path, source }),
        };
        serde_json::from_str(&text).map(Some).map_err(|e| LrsConfigError::Unreadable {
            path,
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })
    }

    /// Write the settings (after validating them) atomically, readable by the owner only.
    pub fn save(&self, data_dir: &Path) -> Result<(), LrsConfigError> {
        self.validate()?;
        let path = data_dir.join(CONFIG_FILE);
        let io = |source| LrsConfigError::Io { path: path.clone(), source };
        std::fs::create_dir_all(data_dir).map_err(io)?;
        let mut tmp = tempfile::NamedTempFile::new_in(data_dir).map_err(io)?;
        restrict(tmp.path()).map_err(io)?;
        let json = serde_json::to_vec_pretty(self).map_err(|e| io(std::io::Error::other(e)))?;
        tmp.write_all(&json).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(&path).map_err(|e| io(e.error))?;
        Ok(())
    }
}

/// Owner read/write only.
#[cfg(unix)]
fn restrict(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

/// Other systems: the temporary file is already private to the user.
#[cfg(not(unix))]
fn restrict(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The host of `host[:port]` or `[v6]:port`.
fn host_of(authority: &str) -> &str {
    if let Some(rest) = authority.strip_prefix('[') {
        return rest.split(']').next().unwrap_or("");
    }
    authority.split(':').next().unwrap_or("")
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(endpoint: &str) -> LrsConfig {
        LrsConfig { endpoint: endpoint.into(), key: "k".into(), secret: "s3cret".into() }
    }

    #[test]
    fn https_anywhere_and_http_only_on_this_machine() {
        assert!(config("https://lrs.example.org/xapi/").validate().is_ok());
        assert!(config("http://127.0.0.1:8080/xapi").validate().is_ok());
        assert!(config("http://[::1]:8080/xapi").validate().is_ok());
        assert!(config("http://localhost/xapi").validate().is_ok());
        let err = config("http://lrs.example.org/xapi").validate().expect_err("plain http");
        assert!(err.to_string().contains("use https"), "{err}");
        assert!(config("http://127.0.0.1.example.org/").validate().is_err());
        assert!(config("ftp://lrs.example.org").validate().is_err());
        assert!(config("lrs.example.org").validate().is_err());
    }

    #[test]
    fn the_secret_is_never_shown() {
        let c = config("https://lrs.example.org/xapi/");
        assert!(!format!("{c:?}").contains("s3cret"));
        assert!(!c.describe().contains("s3cret"));
        assert_eq!(c.statements_url(), "https://lrs.example.org/xapi/statements");
    }

    #[cfg(unix)]
    #[test]
    fn saved_owner_only_and_read_back() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        assert!(LrsConfig::load(dir.path()).expect("load").is_none());
        let c = config("https://lrs.example.org/xapi/");
        c.save(dir.path()).expect("save");
        let mode = std::fs::metadata(dir.path().join(CONFIG_FILE)).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(LrsConfig::load(dir.path()).expect("load"), Some(c));
        std::fs::write(dir.path().join(CONFIG_FILE), "{\n  \"endpoint\": 3\n}").expect("write");
        let err = LrsConfig::load(dir.path()).expect_err("bad");
        assert!(err.to_string().contains(":2:"), "{err}");
    }
}

//! The real LRSs, run on 127.0.0.1 for the tests that need them: Ralph (`ralph-malph`, its `fs`
//! backend through `scripts/lrs/ralph_lrs.py`) and Learning Locker's `xapi-statements` (memory
//! mode, bound to loopback by `scripts/lrs/loopback.js`), from the folder `scripts/lrs/install.sh`
//! fills (`FOLLOWTHROUGH_LRS_HOME`). Each test starts its own server on a free port (so it can kill
//! and restart it) and the server is killed when the test ends.
//!
//! Without `FOLLOWTHROUGH_LRS_HOME` the tests skip with a message; CI sets
//! `FOLLOWTHROUGH_REQUIRE_LRS=1`, which makes a missing or broken server a failure.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use followthrough::io::xapi::LrsConfig;
use serde_json::Value;

/// Ralph's auth file: user `key`, password `secret` (bcrypt, cost 4: quick to check).
const RALPH_AUTH: &str = r#"[{"agent": {"mbox": "mailto:followthrough-ci@example.org", "objectType": "Agent"},
  "scopes": ["all"], "hash": "$2b$04$F6BOEllOIrpz4hDlmSj3CeWz7i8X4lIB2Uu4I2bapR/q9nv8xaMnW", "username": "key"}]"#;

/// Which LRS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Ralph, statements kept in a JSON-lines file (they survive a restart).
    Ralph,
    /// Learning Locker's xapi-statements, statements in memory (a restart forgets them).
    LearningLocker,
}

/// Where the LRSs are installed, or `None` (after saying so) when the tests should skip.
pub fn home() -> Option<PathBuf> {
    let required = std::env::var("FOLLOWTHROUGH_REQUIRE_LRS").is_ok_and(|v| v == "1");
    match std::env::var_os("FOLLOWTHROUGH_LRS_HOME").map(PathBuf::from) {
        Some(home) if home.join("installed").is_file() => Some(home),
        other => {
            let why = match other {
                Some(h) => format!("{} has no finished install (run scripts/lrs/install.sh)", h.display()),
                None => {
                    "FOLLOWTHROUGH_LRS_HOME is not set (export FOLLOWTHROUGH_LRS_HOME=$(bash scripts/lrs/install.sh))"
                        .into()
                }
            };
            assert!(!required, "FOLLOWTHROUGH_REQUIRE_LRS=1 but the real LRSs are missing: {why}");
            eprintln!("skipped: this test needs the real LRSs, and {why}");
            None
        }
    }
}

/// A real LRS running on a loopback port.
pub struct RealLrs {
    /// Which one.
    pub kind: Kind,
    home: PathBuf,
    port: u16,
    data: tempfile::TempDir,
    child: Option<Child>,
}

impl RealLrs {
    /// Start one (None: skipped, see [`home`]).
    pub fn start(kind: Kind) -> Option<RealLrs> {
        let mut lrs = Self::down(kind)?;
        lrs.restart();
        Some(lrs)
    }

    /// One with its port and data chosen but not started yet (the LRS is down): [`RealLrs::restart`]
    /// brings it up.
    pub fn down(kind: Kind) -> Option<RealLrs> {
        let home = home()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
        let data = tempfile::tempdir().expect("dir");
        std::fs::create_dir_all(data.path().join("statements")).expect("dir");
        std::fs::write(data.path().join("auth.json"), RALPH_AUTH).expect("auth");
        Some(RealLrs { kind, home, port, data, child: None })
    }

    /// Its port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The xAPI endpoint (`statements` is appended by the app).
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// The app's settings for it, with the right credentials (or a wrong secret).
    pub fn config(&self, secret: &str) -> LrsConfig {
        LrsConfig { endpoint: self.endpoint(), key: "key".into(), secret: secret.into() }
    }

    /// The right Basic-auth header value for direct requests.
    pub fn authorization(&self) -> &'static str {
        // Learning Locker's test auth takes any token but "Basic missing_token".
        "Basic a2V5OnNlY3JldA=="
    }

    /// Kill it at once (SIGKILL), mid-request or not.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Leave Ralph's files as the worst SIGKILL would (it is down): half a statement line at the end of
    /// its statements file, and its history file truncated to nothing mid-rewrite. A real kill leaves
    /// these only sometimes; this makes every run cover them.
    pub fn tear_files_like_a_kill(&self) {
        assert!(self.child.is_none(), "tear the files only while the LRS is down");
        if self.kind != Kind::Ralph {
            return;
        }
        use std::io::Write;
        let statements = self.data.path().join("statements/fs_lrs.jsonl");
        let mut file = std::fs::OpenOptions::new().append(true).create(true).open(statements).expect("open");
        file.write_all(br#"{"id": "0d2b8c2e-half-a-line"#).expect("torn tail");
        std::fs::write(self.data.path().join("history.json"), b"").expect("empty history");
    }

    /// (Re)start it on the same port and data, and wait until it answers.
    pub fn restart(&mut self) {
        self.kill();
        let log = std::fs::File::create(self.data.path().join(format!("{:?}.log", self.kind))).expect("log");
        let mut command = match self.kind {
            Kind::Ralph => {
                let mut c = Command::new(self.home.join("venv/bin/python"));
                c.arg(repo().join("scripts/lrs/ralph_lrs.py"))
                    .arg(self.port.to_string())
                    .env("RALPH_APP_DIR", self.data.path())
                    .env("RALPH_AUTH_FILE", self.data.path().join("auth.json"))
                    .env("RALPH_RUNSERVER_BACKEND", "fs")
                    .env("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH", self.data.path().join("statements"));
                c
            }
            Kind::LearningLocker => {
                let mut c = Command::new("node");
                c.arg("-r")
                    .arg(repo().join("scripts/lrs/loopback.js"))
                    .arg(self.home.join("node/node_modules/xapi-statements/dist/index.js"))
                    .env("EXPRESS_PORT", self.port.to_string())
                    .env("AUTH_REPO", "test")
                    .env("EVENTS_REPO", "test")
                    .env("MODELS_REPO", "memory")
                    .env("STORAGE_REPO", "local")
                    .env("FS_LOCAL_STORAGE_DIR", self.data.path().join("statements"))
                    .env("EXPRESS_MORGAN_DIRECTORY", self.data.path().join("access"))
                    .env("WINSTON_CONSOLE_LEVEL", "error");
                c
            }
        };
        let child = command
            .current_dir(self.data.path())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("the LRS starts");
        self.child = Some(child);
        self.wait_until_up();
    }

    fn wait_until_up(&mut self) {
        let start = Instant::now();
        // Ralph 5.1.0 has no /about; its heartbeat says it is up.
        let url = match self.kind {
            Kind::Ralph => format!("http://127.0.0.1:{}/__heartbeat__", self.port),
            Kind::LearningLocker => format!("{}about", self.endpoint()),
        };
        while start.elapsed() < Duration::from_secs(90) {
            if let Some(Ok(Some(status))) = self.child.as_mut().map(Child::try_wait) {
                panic!("the {:?} LRS exited ({status}): {}", self.kind, self.log());
            }
            if agent().get(&url).call().is_ok_and(|r| r.status().as_u16() == 200) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the {:?} LRS did not answer within 90 s: {}", self.kind, self.log());
    }

    /// What the server printed.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.data.path().join(format!("{:?}.log", self.kind))).unwrap_or_default()
    }

    /// The ids of every statement it holds, in the order it stored them (each as often as it holds it:
    /// Ralph's file is read as it lies on disk; Learning Locker is asked, oldest first).
    pub fn statement_ids(&self) -> Vec<String> {
        self.statements().iter().map(|s| s["id"].as_str().expect("id").to_string()).collect()
    }

    /// How many statements it holds (Ralph: whole lines in its file, as it grows).
    pub fn line_count(&self) -> usize {
        match self.kind {
            Kind::Ralph => std::fs::read(self.data.path().join("statements/fs_lrs.jsonl"))
                .map(|bytes| bytes.iter().filter(|b| **b == b'\n').count())
                .unwrap_or(0),
            Kind::LearningLocker => self.statements().len(),
        }
    }

    /// Every statement it holds, in the order stored.
    pub fn statements(&self) -> Vec<Value> {
        match self.kind {
            Kind::Ralph => {
                let file = self.data.path().join("statements/fs_lrs.jsonl");
                let text = std::fs::read_to_string(file).unwrap_or_default();
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| serde_json::from_str(l).expect("a line"))
                    .collect()
            }
            // One page: Learning Locker 5.0.1 memory mode pages by `_id` (a v1 UUID, not in stored order),
            // so following `more` can repeat or skip statements.
            Kind::LearningLocker => self.query("ascending=true&limit=100000"),
        }
    }

    /// GET /statements with this query, following `more` to the end.
    pub fn query(&self, query: &str) -> Vec<Value> {
        let mut out = Vec::new();
        let mut url = format!("{}statements?{query}", self.endpoint());
        loop {
            let mut response = agent()
                .get(&url)
                .header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", self.authorization())
                .call()
                .expect("GET statements");
            assert_eq!(response.status().as_u16(), 200, "GET {url}");
            let page: Value = serde_json::from_str(&response.body_mut().read_to_string().expect("body")).expect("json");
            out.extend(page["statements"].as_array().cloned().unwrap_or_default());
            match page["more"].as_str().filter(|m| !m.is_empty()) {
                Some(more) => url = format!("http://127.0.0.1:{}{more}", self.port),
                None => return out,
            }
        }
    }
}

impl Drop for RealLrs {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The repository (scripts live there).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// Validate statements with the npm `xapi-validation`: `Ok` or its warnings.
pub fn validate(home: &Path, statements: &[Value]) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new("node")
        .arg(repo().join("scripts/lrs/validate.js"))
        .env("NODE_PATH", home.join("node/node_modules"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let lines: String = statements.iter().map(|s| format!("{s}\n")).collect();
    child.stdin.take().expect("stdin").write_all(lines.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("output");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if out.status.success() { Ok(text) } else { Err(text) }
}

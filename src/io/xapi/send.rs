//! The sender: queued statements POSTed to `{endpoint}/statements` in batches, oldest first, with
//! `X-Experience-API-Version: 1.0.3` and Basic auth. Network errors, timeouts and 5xx are retried
//! with exponential backoff and full jitter; a 429 waits as long as its `Retry-After` says. A batch
//! refused with another 4xx is split and sent one by one, and each statement the LRS still refuses
//! is marked failed with the LRS's reason (retrying would not heal it). 401 and 403 stop the drain
//! and leave everything queued: the credentials are wrong, not the statements.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use rand::Rng;

use super::config::{LrsConfig, LrsConfigError};
use crate::io::store::{QueuedStatement, Store, StoreError};

/// How the sender batches and retries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Statements per POST.
    pub batch_size: usize,
    /// Tries of one POST before the drain stops (the statements stay queued).
    pub max_tries: u32,
    /// The first backoff; it doubles with every try.
    pub base_delay: Duration,
    /// No wait is longer than this (a longer `Retry-After` included).
    pub max_delay: Duration,
    /// Give up on one request after this long.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            batch_size: 100,
            max_tries: 6,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(60),
            timeout: Duration::from_secs(30),
        }
    }
}

/// What one drain did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DrainReport {
    /// Statements the LRS accepted.
    pub sent: usize,
    /// Statements it refused for good (marked failed with the reason).
    pub failed: usize,
    /// Requests tried again (network errors, 5xx, 429).
    pub retries: usize,
}

/// Why a drain stopped before the queue was empty (everything not sent stays queued).
#[derive(Debug, thiserror::Error)]
pub enum DrainError {
    /// The LRS refused the key and secret.
    #[error(
        "the LRS refused the key and secret (HTTP {status}: {detail}); nothing was marked failed. Check them with \
         `followthrough xapi config`"
    )]
    Unauthorised {
        /// 401 or 403.
        status: u16,
        /// What the LRS said.
        detail: String,
    },
    /// The LRS could not be reached or kept failing.
    #[error(
        "the LRS did not accept statements after {tries} tries ({detail}); they stay queued and will be sent later"
    )]
    Unreachable {
        /// Tries made.
        tries: u32,
        /// The last error.
        detail: String,
    },
    /// The progress store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the LRS did with one POST.
enum Posted {
    Accepted,
    Refused(String),
}

/// A connection to one LRS.
pub struct Sender {
    agent: ureq::Agent,
    url: String,
    authorization: String,
    policy: RetryPolicy,
}

impl Sender {
    /// A sender for this LRS (refused unless the endpoint is https, or http on this machine).
    pub fn new(config: &LrsConfig, policy: RetryPolicy) -> Result<Self, LrsConfigError> {
        config.validate()?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(policy.timeout))
            .user_agent(concat!("FollowThrough/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let credentials = format!("{}:{}", config.key, config.secret);
        Ok(Self {
            agent,
            url: config.statements_url(),
            authorization: format!("Basic {}", base64(credentials.as_bytes())),
            policy: RetryPolicy { batch_size: policy.batch_size.max(1), max_tries: policy.max_tries.max(1), ..policy },
        })
    }

    /// Send everything queued, oldest first, until the queue is empty or the LRS stops the drain.
    pub fn drain(&self, store: &Store) -> Result<DrainReport, DrainError> {
        let mut report = DrainReport::default();
        loop {
            let batch = store.xapi_pending(self.policy.batch_size)?;
            if batch.is_empty() {
                return Ok(report);
            }
            match self.post(&batch, &mut report)? {
                Posted::Accepted => {
                    store.xapi_mark_sent(&ids(&batch), jiff::Timestamp::now())?;
                    report.sent += batch.len();
                }
                // One by one, so only the statements the LRS refuses are marked.
                Posted::Refused(_) if batch.len() > 1 => {
                    for one in batch.chunks(1) {
                        self.settle_one(store, one, &mut report)?;
                    }
                }
                Posted::Refused(reason) => self.refused(store, &batch[0], &reason, &mut report)?,
            }
        }
    }

    fn settle_one(&self, store: &Store, one: &[QueuedStatement], report: &mut DrainReport) -> Result<(), DrainError> {
        match self.post(one, report)? {
            Posted::Accepted => {
                store.xapi_mark_sent(&ids(one), jiff::Timestamp::now())?;
                report.sent += 1;
                Ok(())
            }
            Posted::Refused(reason) => self.refused(store, &one[0], &reason, report),
        }
    }

    /// A statement the LRS refused on its own. A 409 may only mean the LRS already holds it (an
    /// LRS may answer a resend of the same statement with 409): if what it holds under the id says
    /// the same, it counts as sent; otherwise it is marked failed with the reason.
    fn refused(
        &self,
        store: &Store,
        q: &QueuedStatement,
        reason: &str,
        report: &mut DrainReport,
    ) -> Result<(), DrainError> {
        if reason.starts_with("HTTP 409") && self.lrs_holds(q) {
            store.xapi_mark_sent(std::slice::from_ref(&q.statement_id), jiff::Timestamp::now())?;
            report.sent += 1;
            return Ok(());
        }
        let reason = if reason.starts_with("HTTP 409") {
            format!("{reason} (the LRS holds a different statement under this id)")
        } else {
            reason.to_string()
        };
        mark_failed(store, q, &reason, report)
    }

    /// Whether the LRS holds this statement already (same verb, object and result).
    fn lrs_holds(&self, q: &QueuedStatement) -> bool {
        let response = self
            .agent
            .get(&self.url)
            .query("statementId", &q.statement_id)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", &self.authorization)
            .call();
        let Ok(mut response) = response else { return false };
        if response.status().as_u16() != 200 {
            return false;
        }
        let theirs: serde_json::Value =
            response.body_mut().read_to_string().ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        let ours: serde_json::Value = serde_json::from_str(&q.body).unwrap_or_default();
        same_statement(&ours, &theirs)
    }

    /// POST one batch, retrying what may heal.
    fn post(&self, batch: &[QueuedStatement], report: &mut DrainReport) -> Result<Posted, DrainError> {
        let body = format!("[{}]", batch.iter().map(|q| q.body.as_str()).collect::<Vec<_>>().join(","));
        let mut tries = 0;
        loop {
            tries += 1;
            let outcome = self
                .agent
                .post(&self.url)
                .header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", &self.authorization)
                .header("Content-Type", "application/json")
                .send(body.as_str());
            let (wait, detail) = match outcome {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    let retry_after =
                        response.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(String::from);
                    let text = response.body_mut().read_to_string().unwrap_or_default();
                    match status {
                        200..=299 => return Ok(Posted::Accepted),
                        401 | 403 => return Err(DrainError::Unauthorised { status, detail: short(&text) }),
                        429 => (retry_after.and_then(|v| parse_retry_after(&v)), format!("HTTP 429 {}", short(&text))),
                        408 | 500..=599 => (None, format!("HTTP {status} {}", short(&text))),
                        _ => return Ok(Posted::Refused(format!("HTTP {status}: {}", short(&text)))),
                    }
                }
                Err(e) => (None, e.to_string()),
            };
            if tries >= self.policy.max_tries {
                return Err(DrainError::Unreachable { tries, detail });
            }
            report.retries += 1;
            log::info!("xapi: retrying a batch of {} after: {detail}", batch.len());
            std::thread::sleep(wait.unwrap_or_else(|| self.backoff(tries)).min(self.policy.max_delay));
        }
    }

    /// Exponential backoff with full jitter: a random wait up to base x 2^(tries-1).
    fn backoff(&self, tries: u32) -> Duration {
        let ceiling =
            self.policy.base_delay.saturating_mul(1 << tries.saturating_sub(1).min(16)).min(self.policy.max_delay);
        let ms = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(rand::rng().random_range(ms / 2..=ms.max(1)))
    }
}

/// The parts an LRS keeps as sent (it may add `stored`, `authority` and `version`, and write numbers
/// and times its own way).
fn same_statement(ours: &serde_json::Value, theirs: &serde_json::Value) -> bool {
    let number = |v: &serde_json::Value, path: &str| v.pointer(path).and_then(serde_json::Value::as_f64);
    ours["id"] == theirs["id"]
        && ours["verb"]["id"] == theirs["verb"]["id"]
        && ours["object"]["id"] == theirs["object"]["id"]
        && ours.pointer("/result/success") == theirs.pointer("/result/success")
        && ours.pointer("/result/completion") == theirs.pointer("/result/completion")
        && number(ours, "/result/score/raw") == number(theirs, "/result/score/raw")
}

fn mark_failed(store: &Store, q: &QueuedStatement, reason: &str, report: &mut DrainReport) -> Result<(), DrainError> {
    log::warn!("xapi: the LRS refused statement {}: {reason}", q.statement_id);
    store.xapi_mark_failed(&q.statement_id, reason)?;
    report.failed += 1;
    Ok(())
}

fn ids(batch: &[QueuedStatement]) -> Vec<String> {
    batch.iter().map(|q| q.statement_id.clone()).collect()
}

/// The first 300 characters of an LRS's answer, on one line.
fn short(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.chars().take(300).collect()
}

/// `Retry-After` as seconds, or as an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(seconds) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = jiff::fmt::rfc2822::parse(value.trim()).ok()?.timestamp();
    let left = at.duration_since(jiff::Timestamp::now());
    Some(Duration::try_from(left).unwrap_or(Duration::ZERO))
}

/// Standard base64 (for the Basic-auth header).
pub(super) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// How the window talks to the background sender: stop it, wake it to send now, and read what its
/// last drain did. Cheap to clone; every clone controls the same thread.
#[derive(Debug, Clone, Default)]
pub struct SenderControl {
    /// Stop and wake requests, and the thread's place to sleep until one comes (no polling).
    signals: Arc<(std::sync::Mutex<Signals>, std::sync::Condvar)>,
    last: Arc<std::sync::Mutex<String>>,
}

/// What the window asked of the sender thread.
#[derive(Debug, Default)]
struct Signals {
    stop: bool,
    wake: bool,
}

impl SenderControl {
    /// Ask the thread to end (it ends after the request under way, if any).
    pub fn stop(&self) {
        self.signal(|s| s.stop = true);
    }

    /// Ask the thread to drain now instead of at its next turn.
    pub fn wake(&self) {
        self.signal(|s| s.wake = true);
    }

    /// What the last drain did, in words ("" before the first).
    pub fn last(&self) -> String {
        self.last.lock().map(|l| l.clone()).unwrap_or_default()
    }

    fn signal(&self, set: impl FnOnce(&mut Signals)) {
        let (signals, ring) = &*self.signals;
        if let Ok(mut signals) = signals.lock() {
            set(&mut signals);
            ring.notify_all();
        }
    }

    fn say(&self, text: String) {
        if let Ok(mut last) = self.last.lock() {
            *last = text;
        }
    }

    fn stopped(&self) -> bool {
        self.signals.0.lock().map_or(true, |s| s.stop)
    }

    /// Sleep until `every` has passed, or until woken or stopped, whichever comes first.
    fn sleep_for_turn(&self, every: Duration) {
        let (signals, ring) = &*self.signals;
        let Ok(signals) = signals.lock() else { return };
        if let Ok((mut signals, _)) = ring.wait_timeout_while(signals, every, |s| !s.stop && !s.wake) {
            signals.wake = false;
        }
    }
}

/// Drain the queue of the store in `data_dir` on a thread of its own every `every` (sooner when
/// woken), until stopped (the window starts this; it never sends on its own thread). What each
/// drain did is logged and kept in `control` for the window to show.
pub fn spawn_sender(
    data_dir: std::path::PathBuf,
    config: LrsConfig,
    policy: RetryPolicy,
    every: Duration,
    control: SenderControl,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new().name("xapi-sender".into()).spawn(move || {
        let sender = match Sender::new(&config, policy) {
            Ok(sender) => sender,
            Err(e) => {
                log::warn!("xapi: not sending: {e}");
                return control.say(format!("not sending: {e}"));
            }
        };
        while !control.stopped() {
            let today = jiff::Zoned::now().date();
            let at = jiff::Zoned::now().strftime("%H:%M");
            match Store::open(&data_dir, today).map_err(DrainError::from).and_then(|store| sender.drain(&store)) {
                Ok(r) => {
                    if r.sent + r.failed > 0 {
                        log::info!("xapi: {} sent, {} refused", r.sent, r.failed);
                    }
                    control.say(format!("last sent at {at}: {} sent, {} refused", r.sent, r.failed));
                }
                Err(e) => {
                    log::warn!("xapi: {e}");
                    control.say(format!("at {at}: {e}"));
                }
            }
            control.sleep_for_turn(every);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"key:s3cret"), "a2V5OnMzY3JldA==");
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon"), None);
    }

    /// Wait (a while at most) until `done`, else fail saying `what`.
    fn wait_until(what: &str, done: impl Fn() -> bool) {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while !done() {
            assert!(std::time::Instant::now() < deadline, "{what}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn the_background_sender_sleeps_until_its_turn_unless_woken_or_stopped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = LrsConfig { endpoint: "http://127.0.0.1:1/".into(), key: "k".into(), secret: "s".into() };
        let control = SenderControl::default();
        let hour = Duration::from_secs(3600);
        let thread = spawn_sender(dir.path().to_path_buf(), config, RetryPolicy::default(), hour, control.clone())
            .expect("thread");
        // The first drain comes at once (the queue is empty: nothing goes out).
        wait_until("no first drain", || control.last().starts_with("last sent at"));
        control.say(String::new());
        control.wake();
        wait_until("waking did not drain before the hour was up", || !control.last().is_empty());
        control.stop();
        wait_until("stopping did not end the thread's sleep", || thread.is_finished());
    }

    #[test]
    fn backoff_grows_is_jittered_and_capped() {
        let config = LrsConfig { endpoint: "http://127.0.0.1:1/".into(), key: "k".into(), secret: "s".into() };
        let policy = RetryPolicy {
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
            ..Default::default()
        };
        let sender = Sender::new(&config, policy).expect("sender");
        for _ in 0..50 {
            let first = sender.backoff(1);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100), "{first:?}");
            assert!(sender.backoff(30) <= Duration::from_secs(1));
            assert!(sender.backoff(3) >= Duration::from_millis(200));
        }
    }

    #[test]
    fn plain_http_to_another_machine_is_refused() {
        let config = LrsConfig { endpoint: "http://lrs.example.org/".into(), key: "k".into(), secret: "s".into() };
        assert!(Sender::new(&config, RetryPolicy::default()).is_err());
    }
}

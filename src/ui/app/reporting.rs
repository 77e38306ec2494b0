//! Reporting to the organisation's LRS from the window: the background sender (started with the
//! app when an LRS is set and sending is on, restarted when the settings change; it never runs on
//! the window's thread), the settings form, the queue's status, and the Team screen's report (read
//! from the LRS on a thread of its own, which wakes the window when done).

use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::core::progress::team::TeamReport;
use crate::core::scenario::Scenario;
use crate::core::xapi::StatementSettings;
use crate::io::store::{QueueReport, Store, StoreError};
use crate::io::team::{team_from_lrs, team_from_store};
use crate::io::xapi::{FetchError, LrsConfig, LrsConfigError, RetryPolicy, SenderControl, spawn_sender};

use super::super::lrs_settings::LrsForm;

/// How often the background sender drains the queue on its own.
pub const SEND_EVERY: Duration = Duration::from_secs(30);

/// Where the Team screen's attempts come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TeamSource {
    /// This machine's store.
    #[default]
    Store,
    /// Every machine's statements, read back from the LRS.
    Lrs,
}

/// The window's side of reporting to an LRS.
#[derive(Default)]
pub struct Reporting {
    /// The settings being edited.
    pub(super) form: LrsForm,
    /// A secret is saved.
    pub(super) secret_saved: bool,
    /// Why the last save failed.
    pub(super) error: Option<String>,
    /// The queue as last read.
    pub(super) report: Option<QueueReport>,
    /// The running sender, if any.
    sender: Option<SenderControl>,
    /// Where the Team screen's report comes from.
    pub(super) source: TeamSource,
    /// The Team screen's report.
    pub(super) team: Option<TeamReport>,
    /// Why it could not be built.
    pub(super) team_error: Option<String>,
    /// A report being read from the LRS.
    team_job: Option<Receiver<Result<TeamReport, FetchError>>>,
    /// Wakes the window when the team report arrives.
    waker: Option<egui::Context>,
}

impl Reporting {
    /// Read the saved settings into the form (never the secret) and start the sender when an LRS
    /// is set and sending is on. Problems are kept to show.
    pub(super) fn load(&mut self, data_dir: &Path, store: Option<&Store>) {
        self.stop_sender();
        let lrs = match LrsConfig::load(data_dir) {
            Ok(lrs) => lrs,
            Err(e) => {
                self.error = Some(self.trouble(&config_words(&e), &e));
                None
            }
        };
        let settings = self.statement_settings(store);
        let shown = settings.clone().unwrap_or_default();
        self.form = LrsForm {
            endpoint: lrs.as_ref().map(|l| l.endpoint.clone()).unwrap_or_default(),
            key: lrs.as_ref().map(|l| l.key.clone()).unwrap_or_default(),
            secret: String::new(),
            activity_base: shown.activity_base,
            home_page: shown.account_home_page,
            send_responses: shown.send_responses,
            sending: settings.is_some(),
        };
        self.secret_saved = lrs.as_ref().is_some_and(|l| !l.secret.is_empty());
        if let (Some(lrs), Some(_)) = (lrs, settings) {
            self.start_sender(data_dir, lrs);
        }
        self.refresh(store);
    }

    fn start_sender(&mut self, data_dir: &Path, lrs: LrsConfig) {
        let control = SenderControl::default();
        match spawn_sender(data_dir.to_path_buf(), lrs, RetryPolicy::default(), SEND_EVERY, control.clone()) {
            Ok(_) => self.sender = Some(control),
            Err(e) => {
                self.error =
                    Some(self.trouble("Sending to the LRS could not start: restart the app to try again.", &e));
            }
        }
    }

    fn stop_sender(&mut self) {
        if let Some(sender) = self.sender.take() {
            sender.stop();
        }
    }

    /// Read the queue's status again (a store that cannot say is said once, under the form).
    pub(super) fn refresh(&mut self, store: Option<&Store>) {
        self.report = match store.map(Store::xapi_report) {
            Some(Ok(report)) => Some(report),
            Some(Err(e)) => {
                self.error =
                    Some(self.trouble("What is waiting to be sent could not be read: try Refresh status.", &e));
                None
            }
            None => None,
        };
    }

    /// The statement settings saved in `store` (None: sending is off, or they could not be read,
    /// which is said once under the form).
    fn statement_settings(&mut self, store: Option<&Store>) -> Option<StatementSettings> {
        match store.map(Store::xapi_settings)? {
            Ok(settings) => settings,
            Err(e) => {
                self.error =
                    Some(self.trouble("The reporting settings could not be read: set them again below and save.", &e));
                None
            }
        }
    }

    /// `words` to show for a problem; `detail` goes to the log, once while the same words show.
    fn trouble(&self, words: &str, detail: &dyn std::fmt::Display) -> String {
        if self.error.as_deref() != Some(words) && self.team_error.as_deref() != Some(words) {
            log::warn!("{words} [{detail}]");
        }
        words.to_string()
    }

    /// What the sender did last, or why none runs.
    pub(super) fn sender_text(&self) -> String {
        match &self.sender {
            Some(s) if s.last().is_empty() => "sending in the background".into(),
            Some(s) => s.last(),
            None if self.form.sending => "not running: set the endpoint, key and secret, then save".into(),
            None => "off".into(),
        }
    }

    /// Save the form: the LRS settings (0600 file; the secret only when a new one was typed) and the
    /// statement settings; then restart the sender with them.
    pub(super) fn save(&mut self, data_dir: &Path, store: Option<&Store>) {
        self.error = self.try_save(data_dir, store).err().map(|e| match e {
            LrsSaveError::NoStore => e.to_string(),
            LrsSaveError::Config(c) => self.trouble(&config_words(&c), &c),
            LrsSaveError::Store(s) => self.trouble("The LRS settings could not be saved: try again.", &s),
        });
        if self.error.is_none() {
            self.form.secret.clear();
            self.load(data_dir, store);
        }
    }

    fn try_save(&self, data_dir: &Path, store: Option<&Store>) -> Result<(), LrsSaveError> {
        let Some(store) = store else { return Err(LrsSaveError::NoStore) };
        let old = LrsConfig::load(data_dir)?;
        let secret = if self.form.secret.is_empty() {
            old.map(|o| o.secret).unwrap_or_default()
        } else {
            self.form.secret.clone()
        };
        let lrs = LrsConfig {
            endpoint: self.form.endpoint.trim().to_string(),
            key: self.form.key.trim().to_string(),
            secret,
        };
        if !lrs.endpoint.is_empty() {
            lrs.save(data_dir)?;
        }
        let settings = StatementSettings {
            activity_base: self.form.activity_base.trim().to_string(),
            account_home_page: self.form.home_page.trim().to_string(),
            send_responses: self.form.send_responses,
        };
        Ok(store.set_xapi_settings(self.form.sending.then_some(&settings))?)
    }

    /// Wake the sender to drain now.
    pub(super) fn send_now(&self) {
        if let Some(s) = &self.sender {
            s.wake();
        }
    }

    /// Remember how to wake the window.
    pub(super) fn set_waker(&mut self, ctx: &egui::Context) {
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
    }

    /// Build the Team screen's report: at once from the store, or on a thread from the LRS.
    pub(super) fn show_team(
        &mut self,
        source: TeamSource,
        data_dir: &Path,
        store: Option<&Store>,
        scenarios: &[&Scenario],
    ) {
        self.source = source;
        self.team_error = None;
        self.team_job = None;
        match source {
            TeamSource::Store => match store.map(|s| team_from_store(s, scenarios, None)) {
                Some(Ok(report)) => self.team = Some(report),
                Some(Err(e)) => {
                    self.team_error =
                        Some(self.trouble("The team's attempts could not be read from this machine: try again.", &e));
                }
                None => self.team = None,
            },
            TeamSource::Lrs => self.read_from_lrs(data_dir, store, scenarios),
        }
    }

    fn read_from_lrs(&mut self, data_dir: &Path, store: Option<&Store>, scenarios: &[&Scenario]) {
        self.team = None;
        let lrs = match LrsConfig::load(data_dir) {
            Ok(Some(lrs)) => lrs,
            Ok(None) => return self.team_error = Some("Set the LRS below first.".into()),
            Err(e) => return self.team_error = Some(self.trouble(&config_words(&e), &e)),
        };
        let settings = self.statement_settings(store).unwrap_or_default();
        let owned: Vec<Scenario> = scenarios.iter().map(|s| (*s).clone()).collect();
        let (done, job) = channel();
        let waker = self.waker.clone();
        let spawned = std::thread::Builder::new().name("team-view".into()).spawn(move || {
            let list: Vec<&Scenario> = owned.iter().collect();
            let _ = done.send(team_from_lrs(&lrs, &settings, &list, None));
            if let Some(ctx) = waker {
                ctx.request_repaint();
            }
        });
        match spawned {
            Ok(_) => self.team_job = Some(job),
            Err(e) => self.team_error = Some(self.trouble("The LRS could not be read: try again.", &e)),
        }
    }

    /// Take the report read from the LRS, once it has arrived.
    pub(super) fn take_team(&mut self) {
        let Some(job) = &self.team_job else { return };
        let Ok(result) = job.try_recv() else { return };
        self.team_job = None;
        self.team_arrived(result);
    }

    fn team_arrived(&mut self, result: Result<TeamReport, FetchError>) {
        match result {
            Ok(report) => self.team = Some(report),
            Err(e) => self.team_error = Some(self.trouble(&fetch_words(&e), &e)),
        }
    }

    /// Still reading from the LRS.
    pub(super) fn team_loading(&self) -> bool {
        self.team_job.is_some()
    }

    /// Wait (tests) until the report read from the LRS has arrived, at most `limit`.
    pub(super) fn wait_for_team(&mut self, limit: Duration) {
        let Some(job) = &self.team_job else { return };
        if let Ok(result) = job.recv_timeout(limit) {
            self.team_job = None;
            self.team_arrived(result);
        }
    }
}

impl Drop for Reporting {
    fn drop(&mut self) {
        self.stop_sender();
    }
}

/// Why the LRS settings could not be saved (said under the form).
#[derive(Debug, thiserror::Error)]
enum LrsSaveError {
    /// No store is open.
    #[error("Progress is not being saved, so nothing can be sent.")]
    NoStore,
    /// The LRS file could not be read or written.
    #[error(transparent)]
    Config(#[from] LrsConfigError),
    /// The statement settings could not be stored.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A problem with the LRS settings file, in people's words (a bad endpoint says what is wrong).
fn config_words(e: &LrsConfigError) -> String {
    match e {
        LrsConfigError::BadEndpoint(why) => format!("Not saved: {why}."),
        _ => "The saved LRS settings could not be read: type them again and save.".into(),
    }
}

/// Why the team could not be read from the LRS, in people's words.
fn fetch_words(e: &FetchError) -> String {
    match e {
        FetchError::Config(c) => config_words(c),
        FetchError::Unauthorised(_) => "The LRS refused the key and secret: check them below and save.".into(),
        FetchError::Failed(_) => {
            "The LRS could not be reached: check the endpoint and that this machine is online, then try again.".into()
        }
    }
}

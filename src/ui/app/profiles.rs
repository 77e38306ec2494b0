//! Employees and their progress: the store, who is practising, their attempts, today's plan, the
//! progress report and their recordings.

use std::path::{Path, PathBuf};

use crate::core::library::Library;
use crate::core::progress::Attempt;
use crate::core::progress::report::ProgressReport;
use crate::core::scenario::Scenario;
use crate::core::staging::{LearnerState, Plan, StagingSettings, day_number};
use crate::io::store::{AttemptFilter, Employee, RolloutRules, Store, StoreError};

use super::super::progress::SavedRecording;
use super::command::ProfileCommand;
use super::shell::Shell;

/// Everything about the people practising on this machine.
pub struct Profiles {
    /// The progress store (None when it could not be opened: see `store_error`).
    pub(super) store: Option<Store>,
    /// Why progress is not being kept, shown on every screen until fixed.
    pub(super) store_error: Option<String>,
    /// Where progress (and recordings) live.
    pub(super) data_dir: PathBuf,
    pub(super) employees: Vec<Employee>,
    pub(super) current: Option<String>,
    /// The current employee's attempts, oldest first.
    attempts: Vec<Attempt>,
    /// Today's plan for the current employee.
    pub(super) today: Option<Plan>,
    /// The rollout rules in force.
    pub(super) rules: RolloutRules,
    /// The progress report for the current employee.
    pub(super) report: Option<ProgressReport>,
    /// The name typed in the new-profile box.
    pub(super) new_profile: String,
    /// Every recording kept for the current employee.
    pub(super) saved_recordings: Vec<SavedRecording>,
}

/// What the store holds about the employee practising.
struct Read {
    employees: Vec<Employee>,
    current: Option<String>,
    attempts: Vec<Attempt>,
}

/// Said when the progress store could not be read.
const STORE_TROUBLE: &str = "Your progress could not be read just now: what you see may be out of date.";

impl Profiles {
    /// Progress kept in memory only (tests, and until the real store is open).
    pub fn in_memory() -> Self {
        let (store, store_error) = match Store::open_in_memory() {
            Ok(store) => (Some(store), None),
            Err(e) => (None, Some(e.to_string())),
        };
        Self::with_store(store, store_error, crate::io::dirs::data_dir())
    }

    /// No store yet: start-up is opening the one in `data_dir` on another thread (nothing is
    /// opened on the window's thread before its first frame).
    pub fn not_yet_open(data_dir: PathBuf) -> Self {
        Self::with_store(None, None, data_dir)
    }

    /// The outcome of opening the store in `dir`: a damaged or newer database is left untouched and
    /// the reason kept; a read-only one is open and says progress can't be saved.
    pub fn opened(opened: Result<Store, StoreError>, dir: PathBuf) -> Self {
        match opened {
            Ok(store) => {
                let error = store.read_only().map(|e| e.to_string());
                Self::with_store(Some(store), error, dir)
            }
            Err(e) => {
                log::error!("{e}");
                Self::with_store(None, Some(e.to_string()), dir)
            }
        }
    }

    fn with_store(store: Option<Store>, store_error: Option<String>, data_dir: PathBuf) -> Self {
        Self {
            store,
            store_error,
            data_dir,
            employees: Vec::new(),
            current: None,
            attempts: Vec::new(),
            today: None,
            rules: RolloutRules::default(),
            report: None,
            new_profile: String::new(),
            saved_recordings: Vec::new(),
        }
    }

    /// The employee practising now.
    pub fn current_employee(&self) -> Option<&Employee> {
        self.employees.iter().find(|e| Some(&e.id) == self.current.as_ref())
    }

    /// Read the employees, the current one's attempts, and recompute today's plan and the report.
    pub fn refresh(&mut self, library: &Library, shell: &mut Shell) {
        let Some(store) = &self.store else { return };
        match read(store) {
            Ok(read) => {
                self.employees = read.employees;
                self.current = read.current;
                self.attempts = read.attempts;
            }
            Err(e) => shell.say_failed(STORE_TROUBLE, &e),
        }
        if self.current.is_none() {
            self.today = None;
            self.report = None;
            return;
        }
        let settings =
            match store.rollout_rules().and_then(|r| Ok((r, store.staging_settings(self.current.as_deref())?))) {
                Ok((rules, settings)) => {
                    self.rules = rules;
                    settings
                }
                Err(e) => {
                    shell.say_failed("Your practice settings could not be read: today's plan uses the usual ones.", &e);
                    StagingSettings::default()
                }
            };
        let scenarios: Vec<&Scenario> = library.scenarios.iter().map(|l| &l.scenario).collect();
        let learner = LearnerState::new(scenarios.iter().copied(), &self.attempts, &settings);
        let day = day_number(jiff::Timestamp::now());
        self.today = Some(learner.plan(day));
        self.report = Some(ProgressReport::new(&scenarios, &self.attempts, &learner, day));
        self.saved_recordings = saved_recordings(&self.data_dir, &self.attempts, library);
    }

    /// Keep an attempt in the current employee's history and read the history again.
    pub fn record(&mut self, attempt: &Attempt, library: &Library, shell: &mut Shell) {
        let Some(store) = &self.store else { return };
        match store.record_attempt(attempt) {
            Ok(()) => self.refresh(library, shell),
            Err(e) => shell.say_failed(
                "This attempt could not be saved in your progress. Your next drills are saved as usual if the problem passes.",
                &e,
            ),
        }
    }

    /// Apply a command about profiles.
    pub fn apply(&mut self, command: ProfileCommand, library: &Library, shell: &mut Shell) {
        match command {
            ProfileCommand::Pick(id) => self.pick(&id, library, shell),
            ProfileCommand::Create => self.create(library, shell),
            ProfileCommand::SetDailyMinutes(minutes) => {
                if let (Some(store), Some(id)) = (&self.store, &self.current)
                    && let Err(e) = store.set_daily_minutes(id, minutes)
                {
                    shell.say_failed("The daily minutes could not be saved: try again.", &e);
                }
                self.refresh(library, shell);
            }
            ProfileCommand::SetRolloutRules(rules) => {
                if let Some(store) = &self.store
                    && let Err(e) = store.set_rollout_rules(&rules)
                {
                    shell.say_failed("The roll-out rules could not be saved: try again.", &e);
                }
                self.refresh(library, shell);
            }
            ProfileCommand::DeleteRecording(path) => {
                self.delete_recording(&path, shell);
            }
        }
    }

    /// Delete a kept recording (the learner has confirmed); whether it is gone.
    pub fn delete_recording(&mut self, path: &Path, shell: &mut Shell) -> bool {
        match crate::io::recording::delete_recording(path) {
            Ok(()) => {
                self.saved_recordings.retain(|r| r.path != path);
                shell.say("Recording deleted");
                true
            }
            Err(e) => {
                shell.say_failed("The recording could not be deleted: it may be open elsewhere; try again.", &e);
                false
            }
        }
    }

    /// Practise as employee `id`.
    pub fn pick(&mut self, id: &str, library: &Library, shell: &mut Shell) {
        let Some(store) = &self.store else { return };
        match store.set_current_employee(id) {
            Ok(()) => {
                self.refresh(library, shell);
                if let Some(e) = self.current_employee() {
                    shell.say(format!("Practising as {}", e.name));
                }
                // Their plan for today is next: Home puts the keyboard on "Start practice".
                shell.focus_main = true;
            }
            Err(e) => shell.say_failed("That profile could not be picked: try again.", &e),
        }
    }

    fn create(&mut self, library: &Library, shell: &mut Shell) {
        let Some(store) = &self.store else {
            shell.say("Profiles cannot be created while progress is not being saved");
            return;
        };
        match store.add_employee(&self.new_profile, jiff::Timestamp::now()) {
            Ok(employee) => {
                self.new_profile.clear();
                self.pick(&employee.id, library, shell);
            }
            Err(StoreError::BadName(why)) => shell.say(format!("No profile made: {why}.")),
            Err(e) => shell.say_failed("The profile could not be created: try again.", &e),
        }
    }

    /// Every attempt of the whole team (the coach's suggestions read them).
    pub fn team_attempts(&self) -> Result<Vec<Attempt>, StoreError> {
        match &self.store {
            Some(store) => store.attempts(&AttemptFilter::default()),
            None => Ok(Vec::new()),
        }
    }
}

fn read(store: &Store) -> Result<Read, StoreError> {
    let employees = store.employees()?;
    let current = store.current_employee()?.filter(|id| employees.iter().any(|e| &e.id == id));
    let filter = AttemptFilter { employee: current.clone(), ..AttemptFilter::default() };
    let attempts = if current.is_some() { store.attempts(&filter)? } else { Vec::new() };
    Ok(Read { employees, current, attempts })
}

/// Spoken answers are files named after their attempt, kept beside the database.
fn saved_recordings(data_dir: &Path, attempts: &[Attempt], library: &Library) -> Vec<SavedRecording> {
    let ids: Vec<&str> = attempts.iter().map(|a| a.id.as_str()).collect();
    let files = crate::io::recording::recordings_of_each(data_dir, &ids);
    attempts
        .iter()
        .zip(files)
        .flat_map(|(a, files)| {
            let title = library.scenario(&a.scenario_id).map_or(a.scenario_id.as_str(), |s| s.title.as_str());
            let when = a.started_at.strftime("%Y-%m-%d %H:%M").to_string();
            files.into_iter().map(move |path| SavedRecording { what: format!("{title}, {when}"), path })
        })
        .collect()
}

//! The scenario library and where it comes from: the main folder, the folders a team added, and
//! the watcher that notices saves in them.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender};

use crate::core::library::Library;
use crate::core::scenario::diagnostic::Diagnostic;
use crate::io::scenario_files::{PathError, load_library};
use crate::io::watch::FolderWatcher;

/// Author tests running on another thread after start-up: each scenario's findings as they finish.
pub struct AuthorTestRun {
    /// One message per scenario whose tests ran.
    pub inbox: Receiver<Vec<Diagnostic>>,
    /// Scenarios whose tests have not reported yet.
    pub left: usize,
    /// Findings received while waiting, not yet added to the library.
    pub arrived: Vec<Vec<Diagnostic>>,
    /// Lets the tests start (they wait until the window has drawn a frame with the library, so
    /// they never take the processor from the first frames); None once sent.
    pub gate: Option<Sender<()>>,
}

impl AuthorTestRun {
    /// Let the author tests start (once; later calls do nothing).
    pub fn let_start(&mut self) {
        if let Some(gate) = self.gate.take() {
            // The thread is gone only when it has nothing left to run.
            let _ = gate.send(());
        }
    }
}

/// The loaded library and its folders.
pub struct LibraryState {
    pub(super) library: Library,
    /// The main scenario folder (None: a library given directly, as tests do).
    pub(super) scenarios_dir: Option<PathBuf>,
    /// Folders the team added, read after the main one.
    pub(super) extra_folders: Vec<PathBuf>,
    watcher: Option<FolderWatcher>,
    /// Watching was tried for the current folders (it is not retried every frame after a failure).
    watch_tried: bool,
    /// The home screen shows only this job family (None: all).
    pub(super) job_family: Option<String>,
    /// The author tests still running after start-up (a reload runs its own and drops these).
    pub(super) author_tests: Option<AuthorTestRun>,
}

impl LibraryState {
    /// A library already loaded, from `scenarios_dir` if it came from a folder.
    pub fn new(library: Library, scenarios_dir: Option<PathBuf>) -> Self {
        Self {
            library,
            scenarios_dir,
            extra_folders: Vec::new(),
            watcher: None,
            watch_tried: false,
            job_family: None,
            author_tests: None,
        }
    }

    /// Every scenario folder read: the main one, then those added.
    pub fn folders(&self) -> Vec<PathBuf> {
        self.scenarios_dir.iter().cloned().chain(self.extra_folders.iter().cloned()).collect()
    }

    /// Read the folders again, keeping the last good version of files that broke; false when
    /// there is no folder to read.
    pub fn reload(&mut self) -> bool {
        let folders = self.folders();
        if folders.is_empty() {
            return false;
        }
        let mut library = load_or_explain(&folders, load_library);
        library.keep_last_good(&self.library);
        self.library = library;
        self.author_tests = None;
        true
    }

    /// A frame was drawn: the author tests waiting for it may start.
    pub fn frame_drawn(&mut self) {
        if let Some(run) = &mut self.author_tests {
            run.let_start();
        }
    }

    /// Block until the author tests running after start-up are all in, or `limit` passes (they
    /// are let start first).
    pub fn wait_for_tests(&mut self, limit: std::time::Duration) {
        let Some(run) = &mut self.author_tests else { return };
        run.let_start();
        let until = std::time::Instant::now() + limit;
        while run.left > run.arrived.len() {
            let left = until.saturating_duration_since(std::time::Instant::now());
            match run.inbox.recv_timeout(left) {
                Ok(found) => run.arrived.push(found),
                Err(_) => break,
            }
        }
    }

    /// Add what the author tests found since the last look; true when anything arrived.
    pub fn take_test_findings(&mut self) -> bool {
        let Some(run) = &mut self.author_tests else { return false };
        let mut arrived = false;
        while let Ok(found) = run.inbox.try_recv() {
            run.arrived.push(found);
        }
        for found in run.arrived.drain(..) {
            self.library.diagnostics.extend(found);
            run.left = run.left.saturating_sub(1);
            arrived = true;
        }
        if run.left == 0 {
            self.author_tests = None;
        }
        arrived
    }

    /// Watch the folders (once per set of folders); a save anywhere in them wakes the window.
    pub fn watch(&mut self, ctx: &egui::Context) {
        if self.watch_tried || self.scenarios_dir.is_none() {
            return;
        }
        self.watch_tried = true;
        let folders: Vec<PathBuf> = self.folders().into_iter().filter(|f| f.is_dir()).collect();
        let ctx = ctx.clone();
        match crate::io::watch::watch(&folders, move || ctx.request_repaint()) {
            Ok(w) => self.watcher = Some(w),
            Err(e) => log::warn!("scenario files will not reload by themselves: {e}"),
        }
    }

    /// A file in the watched folders changed since the last look.
    pub fn changed(&self) -> bool {
        self.watcher.as_ref().is_some_and(FolderWatcher::changed)
    }

    /// The folders changed: watch the new set from the next frame.
    pub fn rewatch(&mut self) {
        self.watcher = None;
        self.watch_tried = false;
    }
}

/// Load every folder that exists with `load`; a missing one is a problem in the list, not the end
/// of the rest.
pub fn load_or_explain(folders: &[PathBuf], load: fn(&[PathBuf]) -> Result<Library, PathError>) -> Library {
    let (present, missing): (Vec<PathBuf>, Vec<PathBuf>) = folders.iter().cloned().partition(|f| f.is_dir());
    let mut library = Library::default();
    if !present.is_empty() {
        match load(&present) {
            Ok(loaded) => library = loaded,
            Err(e) => library.diagnostics.push(
                Diagnostic::error("unreadable-folder", e.to_string())
                    .in_file(present[0].display().to_string())
                    .with_hint("check the folder can be read, then reload"),
            ),
        }
    }
    for dir in missing {
        library.diagnostics.push(
            Diagnostic::error("missing-folder", "the scenario folder does not exist")
                .in_file(dir.display().to_string())
                .with_hint("start FollowThrough with --scenarios DIR, or run it from the project folder"),
        );
    }
    library
}

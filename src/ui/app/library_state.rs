//! The scenario library and where it comes from: the main folder, the folders a team added, the
//! watcher that notices saves in them, and the reading at start-up.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::core::library::{AuthorTestJob, Library};
use crate::core::scenario::diagnostic::Diagnostic;
use crate::io::scenario_files::{PathError, load_library_untested};
use crate::io::watch::FolderWatcher;

use super::loading::Loading;

/// The window redraws at most this often while author tests report: each scenario's findings
/// would otherwise cost a frame of their own (about fifty at start-up), and the count of scenarios
/// still to check needs no more than a few updates a second.
pub const TEST_PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

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
    /// Run `jobs` on a thread of their own once let start ([`AuthorTestRun::let_start`]), each
    /// scenario's findings sent as it finishes and `wake` told; None when there is nothing to run.
    /// Without a thread they run here, before this returns.
    pub fn spawn(jobs: Vec<AuthorTestJob>, wake: Option<egui::Context>) -> Option<Self> {
        if jobs.is_empty() {
            return None;
        }
        let (findings, inbox) = channel();
        let (opener, gate) = channel::<()>();
        let run = Self { inbox, left: jobs.len(), arrived: Vec::new(), gate: Some(opener) };
        let (jobs_left, findings_left) = (jobs.clone(), findings.clone());
        let work = move || {
            // Wait for the window to draw the new library (or to drop the run: another reload replaced it).
            if gate.recv().is_err() {
                return;
            }
            for job in jobs {
                if findings.send(job.run()).is_err() {
                    return;
                }
                if let Some(ctx) = &wake {
                    // Several findings within this time share one frame (the shortest wait wins).
                    ctx.request_repaint_after(TEST_PROGRESS_EVERY);
                }
            }
        };
        if let Err(e) = std::thread::Builder::new().name("author tests".into()).spawn(work) {
            log::error!("no thread for the author tests ({e}); running them on the window's thread");
            for job in jobs_left {
                let _ = findings_left.send(job.run());
            }
        }
        Some(run)
    }

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
    /// The author tests still running after start-up or the last reload (a reload runs its own
    /// and drops these).
    pub(super) author_tests: Option<AuthorTestRun>,
    /// The window, woken as each scenario's author tests report (known once it is watched).
    waker: Option<egui::Context>,
    /// The library and the store being read on another thread at start-up.
    pub(super) loading: Option<Loading>,
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
            waker: None,
            loading: None,
        }
    }

    /// Every scenario folder read: the main one, then those added.
    pub fn folders(&self) -> Vec<PathBuf> {
        self.scenarios_dir.iter().cloned().chain(self.extra_folders.iter().cloned()).collect()
    }

    /// Read the folders again, keeping the last good version of files that broke; false when
    /// there is no folder to read. The author tests of the new library run afterwards on a thread
    /// of their own, from the next frame drawn ([`LibraryState::frame_drawn`]), and join the
    /// library's problems as each scenario finishes ([`LibraryState::take_test_findings`]).
    pub fn reload(&mut self) -> bool {
        let folders = self.folders();
        if folders.is_empty() {
            return false;
        }
        let mut library = load_or_explain(&folders, load_library_untested);
        // The tests of what loaded now; a last good version put back keeps its old standing.
        let jobs = library.author_test_jobs();
        library.keep_last_good(&self.library);
        self.library = library;
        // Dropping the previous run stops its thread at its next scenario.
        self.author_tests = AuthorTestRun::spawn(jobs, self.waker.clone());
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
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    const MINIMAL: &str = include_str!("../../../tests/fixtures/good/minimal.ron");
    const LEXICON: &str = include_str!("../../../tests/fixtures/good/lexicon.ron");

    #[test]
    fn a_reload_returns_before_its_author_tests_run_and_a_failing_one_joins_the_problems() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = crate::io::scenario_files::write_new_file;
        write(&dir.path().join("lexicon.ron"), LEXICON).expect("lexicon");
        let mut state = LibraryState::new(Library::default(), Some(dir.path().to_path_buf()));
        // An author test that no longer holds, saved while the window is open.
        let pinned = MINIMAL
            .replace("id: \"minimal\"", "id: \"pinned\"")
            .replace("met: [\"owns-it\"], not_met: [\"blames\"]", "met: [\"blames\"], not_met: [\"owns-it\"]");
        write(&dir.path().join("pinned.ron"), &pinned).expect("scenario");
        assert!(state.reload());
        // Back with the new library while its tests wait for the next frame: none has run.
        assert_eq!(state.library.scenarios.len(), 1);
        let run = state.author_tests.as_mut().expect("the author tests are still to run");
        assert_eq!(run.left, 1);
        assert!(run.inbox.try_recv().is_err(), "no author test ran inside the reload");
        assert!(state.library.diagnostics.iter().all(|d| d.code != "author-test-failed"));
        state.frame_drawn();
        state.wait_for_tests(Duration::from_secs(120));
        assert!(state.take_test_findings());
        let failed: Vec<_> = state.library.diagnostics.iter().filter(|d| d.code == "author-test-failed").collect();
        assert_eq!(failed.len(), 1, "{failed:?}");
        assert!(failed[0].file.ends_with("pinned.ron") && failed[0].start.is_some(), "{:?}", failed[0]);
        assert!(state.author_tests.is_none(), "every scenario reported");
    }

    #[test]
    fn a_second_reload_replaces_the_first_reloads_tests() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = crate::io::scenario_files::write_new_file;
        write(&dir.path().join("lexicon.ron"), LEXICON).expect("lexicon");
        write(&dir.path().join("minimal.ron"), MINIMAL).expect("scenario");
        let mut state = LibraryState::new(Library::default(), Some(dir.path().to_path_buf()));
        assert!(state.reload());
        assert!(state.reload());
        state.frame_drawn();
        state.wait_for_tests(Duration::from_secs(120));
        assert!(state.take_test_findings());
        assert!(state.library.diagnostics.iter().all(|d| d.code != "author-test-failed"));
        assert!(state.author_tests.is_none(), "the second reload's tests all reported");
    }
}

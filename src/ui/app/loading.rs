//! Start-up off the window's thread: the store and every scenario folder are read on another
//! thread once the window has shown its first frame (reading them meanwhile would take the
//! processor from it: the library is read on every core). The author tests run there too, once the
//! window has drawn the library (see [`AuthorTestRun::gate`]), reporting as each scenario finishes.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::core::library::{AuthorTestJob, Library};
use crate::core::scenario::diagnostic::Diagnostic;
use crate::io::scenario_files::load_library_untested;
use crate::io::store::{Store, StoreError};

use super::library_state::{AuthorTestRun, TEST_PROGRESS_EVERY, load_or_explain};

/// Show "Loading..." only when start-up takes longer than this (a flash of it would be noise).
pub const LOADING_SHOWN_AFTER: Duration = Duration::from_millis(100);

/// What start-up read.
pub struct Loaded {
    /// The progress store, or why it could not be opened.
    pub store: Result<Store, StoreError>,
    /// Where progress lives.
    pub data_dir: PathBuf,
    /// The folders the team added (read from the store), or why they could not be read.
    pub team_folders: Result<Vec<PathBuf>, StoreError>,
    /// The library from the main folder and the team's (author tests not run yet).
    pub library: Library,
    /// The author tests, run on the start-up thread once let start, reporting as each scenario finishes.
    pub author_tests: AuthorTestRun,
}

/// Start-up under way.
pub struct Loading {
    inbox: Receiver<Loaded>,
    started: Instant,
    ready: Option<Loaded>,
    waker: Arc<Mutex<Option<egui::Context>>>,
    /// Lets the reading start (after the first frame); None once sent.
    begin: Option<Sender<()>>,
}

impl Loading {
    /// Get ready to read the store in `data_dir` and the scenarios in `dir` (then the team's
    /// folders): the reading starts on another thread when let ([`Loading::let_start`]).
    pub fn start(dir: PathBuf, data_dir: PathBuf) -> Self {
        let (out, inbox) = channel();
        let (begin, begun) = channel::<()>();
        let waker: Arc<Mutex<Option<egui::Context>>> = Arc::default();
        let wake = Arc::clone(&waker);
        let (here, data_here) = (dir.clone(), data_dir.clone());
        let read = move || {
            // Wait for the window's first frame (or for the window to be gone).
            if begun.recv().is_err() {
                return;
            }
            let Read { loaded, jobs, findings, gate } = read_everything(dir, data_dir);
            if out.send(loaded).is_err() {
                return;
            }
            wake_up(&wake);
            // Wait for the window to draw the library (or to drop the run: a reload replaced it).
            if jobs.is_empty() || gate.recv().is_err() {
                return;
            }
            for job in jobs {
                if findings.send(job.run()).is_err() {
                    // The library was reloaded (with its own tests) or the window closed.
                    return;
                }
                wake_up_within(&wake, TEST_PROGRESS_EVERY);
            }
        };
        let mut loading = Self { inbox, started: Instant::now(), ready: None, waker, begin: Some(begin) };
        if let Err(e) = std::thread::Builder::new().name("start-up".into()).spawn(read) {
            log::error!("no start-up thread ({e}); reading on the window's thread");
            let Read { mut loaded, jobs, findings, .. } = read_everything(here, data_here);
            for job in jobs {
                let _ = findings.send(job.run());
            }
            loaded.author_tests.left = 0;
            loaded.library.diagnostics.extend(loaded.author_tests.inbox.try_iter().flatten());
            loading.ready = Some(loaded);
        }
        loading
    }

    /// Wake this window when start-up is done.
    pub fn set_waker(&self, ctx: &egui::Context) {
        if let Ok(mut waker) = self.waker.lock()
            && waker.is_none()
        {
            *waker = Some(ctx.clone());
        }
    }

    /// Let the reading start (once; later calls do nothing).
    pub fn let_start(&mut self) {
        if let Some(begin) = self.begin.take() {
            // "Loading..." counts from here: the time the reading takes.
            self.started = Instant::now();
            // The thread is gone only when there is no thread (it was read here already).
            let _ = begin.send(());
        }
    }

    /// What was read, once it is all there.
    pub fn take(&mut self) -> Option<Loaded> {
        self.ready.take().or_else(|| self.inbox.try_recv().ok())
    }

    /// Block until start-up is done or `limit` passes (letting it start if it has not).
    pub fn wait(&mut self, limit: Duration) {
        self.let_start();
        if self.ready.is_none() {
            self.ready = self.inbox.recv_timeout(limit).ok();
        }
    }

    /// How long the reading has taken so far (nothing before it started).
    pub fn elapsed(&self) -> Duration {
        if self.begin.is_some() { Duration::ZERO } else { self.started.elapsed() }
    }
}

/// What start-up reads, the author-test jobs still to run, and where their findings go.
struct Read {
    loaded: Loaded,
    jobs: Vec<AuthorTestJob>,
    findings: Sender<Vec<Diagnostic>>,
    /// Opens when the window lets the tests start.
    gate: Receiver<()>,
}

fn read_everything(dir: PathBuf, data_dir: PathBuf) -> Read {
    let store = Store::open(&data_dir, jiff::Zoned::now().date());
    let team_folders = match &store {
        Ok(store) => store.scenario_folders(),
        Err(_) => Ok(Vec::new()),
    };
    let mut folders = vec![dir];
    folders.extend(team_folders.as_ref().map(Vec::clone).unwrap_or_default());
    let library = load_or_explain(&folders, load_library_untested);
    let jobs = library.author_test_jobs();
    let (findings, inbox) = channel();
    let (opener, gate) = channel();
    let author_tests = AuthorTestRun { inbox, left: jobs.len(), arrived: Vec::new(), gate: Some(opener) };
    Read { loaded: Loaded { store, data_dir, team_folders, library, author_tests }, jobs, findings, gate }
}

fn wake_up(waker: &Mutex<Option<egui::Context>>) {
    wake_up_within(waker, Duration::ZERO);
}

/// Wake the window within `wait` (wakes asked for meanwhile share the one frame).
fn wake_up_within(waker: &Mutex<Option<egui::Context>>, wait: Duration) {
    if let Ok(ctx) = waker.lock()
        && let Some(ctx) = ctx.as_ref()
    {
        ctx.request_repaint_after(wait);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!("../../../tests/fixtures/good/minimal.ron");
    const LEXICON: &str = include_str!("../../../tests/fixtures/good/lexicon.ron");

    #[test]
    fn nothing_is_read_until_the_window_lets_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = crate::io::scenario_files::write_new_file;
        write(&dir.path().join("lexicon.ron"), LEXICON).expect("lexicon");
        write(&dir.path().join("minimal.ron"), MINIMAL).expect("scenario");
        let data = dir.path().join("data");
        let mut loading = Loading::start(dir.path().to_path_buf(), data.clone());
        // However long the window takes to its first frame, the reading waits for it.
        assert!(loading.inbox.recv_timeout(Duration::from_millis(300)).is_err(), "nothing read yet");
        assert!(!data.exists(), "the store is not even opened");
        assert_eq!(loading.elapsed(), Duration::ZERO, "no \"Loading...\" before the reading starts");
        loading.let_start();
        loading.wait(Duration::from_secs(120));
        let loaded = loading.take().expect("read once let");
        assert_eq!(loaded.library.scenarios.len(), 1);
        assert!(loaded.store.is_ok());
    }

    #[test]
    fn author_tests_wait_until_the_window_lets_them_start_then_report() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = crate::io::scenario_files::write_new_file;
        write(&dir.path().join("lexicon.ron"), LEXICON).expect("lexicon");
        // An author test that no longer holds: `check` and the Problems screen list it.
        let pinned = MINIMAL
            .replace("id: \"minimal\"", "id: \"pinned\"")
            .replace("met: [\"owns-it\"], not_met: [\"blames\"]", "met: [\"blames\"], not_met: [\"owns-it\"]");
        write(&dir.path().join("pinned.ron"), &pinned).expect("scenario");
        let mut loading = Loading::start(dir.path().to_path_buf(), dir.path().join("data"));
        loading.wait(Duration::from_secs(120));
        let mut loaded = loading.take().expect("the library is read");
        let run = &mut loaded.author_tests;
        assert_eq!(run.left, 1);
        // Read, not tested: the start-up thread is waiting at the gate, so nothing can have come.
        assert!(run.inbox.try_recv().is_err(), "no author test runs before the window lets it");
        run.let_start();
        let found = run.inbox.recv_timeout(Duration::from_secs(120)).expect("the findings");
        assert!(found.iter().any(|d| d.code == "author-test-failed" && d.file.ends_with("pinned.ron")), "{found:?}");
    }
}

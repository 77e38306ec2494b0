//! Start-up off the window's thread: the store and every scenario folder are read on another
//! thread while the window already shows its first frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::core::library::Library;
use crate::io::store::{Store, StoreError};

use super::library_state::load_or_explain;

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
    /// The library from the main folder and the team's.
    pub library: Library,
}

/// Start-up under way.
pub struct Loading {
    inbox: Receiver<Loaded>,
    started: Instant,
    ready: Option<Loaded>,
    waker: Arc<Mutex<Option<egui::Context>>>,
}

impl Loading {
    /// Start reading the store in `data_dir` and the scenarios in `dir` (then the team's folders).
    pub fn start(dir: PathBuf, data_dir: PathBuf) -> Self {
        let (out, inbox) = channel();
        let waker: Arc<Mutex<Option<egui::Context>>> = Arc::default();
        let wake = Arc::clone(&waker);
        let (here, data_here) = (dir.clone(), data_dir.clone());
        let read = move || {
            let loaded = read_everything(dir, data_dir);
            let _ = out.send(loaded);
            if let Ok(ctx) = wake.lock()
                && let Some(ctx) = ctx.as_ref()
            {
                ctx.request_repaint();
            }
        };
        let mut loading = Self { inbox, started: Instant::now(), ready: None, waker };
        if let Err(e) = std::thread::Builder::new().name("start-up".into()).spawn(read) {
            log::error!("no start-up thread ({e}); reading on the window's thread");
            loading.ready = Some(read_everything(here, data_here));
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

    /// What was read, once it is all there.
    pub fn take(&mut self) -> Option<Loaded> {
        self.ready.take().or_else(|| self.inbox.try_recv().ok())
    }

    /// Block until start-up is done or `limit` passes.
    pub fn wait(&mut self, limit: Duration) {
        if self.ready.is_none() {
            self.ready = self.inbox.recv_timeout(limit).ok();
        }
    }

    /// How long start-up has taken so far.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

fn read_everything(dir: PathBuf, data_dir: PathBuf) -> Loaded {
    let store = Store::open(&data_dir, jiff::Zoned::now().date());
    let team_folders = match &store {
        Ok(store) => store.scenario_folders(),
        Err(_) => Ok(Vec::new()),
    };
    let mut folders = vec![dir];
    folders.extend(team_folders.as_ref().map(Vec::clone).unwrap_or_default());
    let library = load_or_explain(&folders);
    Loaded { store, data_dir, team_folders, library }
}

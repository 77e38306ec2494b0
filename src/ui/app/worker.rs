//! Scoring off the window's thread: answers go to one worker thread as [`ScoreJob`]s; their cards
//! come back tagged with the ticket they were sent under, and the window is woken to show them.

use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::core::drill::ScoreJob;
use crate::core::scoring::{ScoreCard, ScoreError};
use crate::io::budget::{Deadline, TURN_BUDGET};

/// Names one job sent to the worker, so its card goes back to the run that asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

/// What scores a job on the worker (tests pass one that waits, to see the window while it scores).
pub type Runner = Box<dyn Fn(&ScoreJob) -> Result<ScoreCard, ScoreError> + Send>;

/// A card (or the scorer's refusal) for the job sent under `ticket`.
pub struct Scored {
    /// The job's ticket.
    pub ticket: Ticket,
    /// The card, or why the answer could not be scored.
    pub card: Result<ScoreCard, ScoreError>,
}

/// Who to wake when a card arrives (the window's context, once it has one).
type Waker = Arc<Mutex<Option<egui::Context>>>;

/// The worker thread and the cards it has sent back.
pub struct ScoringWorker {
    /// None when no thread could be started: jobs are then scored on the caller's thread.
    jobs: Option<Sender<(Ticket, ScoreJob)>>,
    done: Receiver<Scored>,
    done_here: Sender<Scored>,
    waker: Waker,
    next: u64,
    in_flight: usize,
    ready: VecDeque<Scored>,
}

impl ScoringWorker {
    /// A worker scoring with the core's scorer, each answer within the drill's turn budget, so a
    /// rubric that is too slow never holds a drill up for long.
    pub fn new() -> Self {
        Self::with_runner(Box::new(run_in_budget))
    }

    /// A worker scoring with `runner`.
    pub fn with_runner(runner: Runner) -> Self {
        let (jobs, inbox) = channel::<(Ticket, ScoreJob)>();
        let (done_here, done) = channel();
        let waker: Waker = Arc::default();
        let (out, wake) = (done_here.clone(), Arc::clone(&waker));
        let spawned = std::thread::Builder::new().name("scoring".into()).spawn(move || {
            for (ticket, job) in inbox {
                let card = runner(&job);
                if out.send(Scored { ticket, card }).is_err() {
                    break;
                }
                if let Ok(ctx) = wake.lock()
                    && let Some(ctx) = ctx.as_ref()
                {
                    ctx.request_repaint();
                }
            }
        });
        let jobs = match spawned {
            Ok(_) => Some(jobs),
            Err(e) => {
                log::error!("no scoring thread ({e}); answers are scored on the window's thread");
                None
            }
        };
        Self { jobs, done, done_here, waker, next: 0, in_flight: 0, ready: VecDeque::new() }
    }

    /// Wake this window when a card arrives.
    pub fn set_waker(&self, ctx: &egui::Context) {
        if let Ok(mut waker) = self.waker.lock()
            && waker.is_none()
        {
            *waker = Some(ctx.clone());
        }
    }

    /// Send a job; its card comes back from [`ScoringWorker::take_ready`] under the ticket returned.
    pub fn send(&mut self, job: ScoreJob) -> Ticket {
        self.next += 1;
        let ticket = Ticket(self.next);
        self.in_flight += 1;
        let unsent = match &self.jobs {
            Some(jobs) => jobs.send((ticket, job)).err().map(|e| e.0.1),
            None => Some(job),
        };
        if let Some(job) = unsent {
            // The thread is gone: score here rather than lose the answer.
            let _ = self.done_here.send(Scored { ticket, card: run_in_budget(&job) });
        }
        ticket
    }

    /// Jobs sent and not yet taken back.
    pub fn busy(&self) -> bool {
        self.in_flight > 0
    }

    /// Every card that has arrived, oldest first.
    pub fn take_ready(&mut self) -> Vec<Scored> {
        self.collect(Duration::ZERO);
        let taken: Vec<Scored> = self.ready.drain(..).collect();
        self.in_flight = self.in_flight.saturating_sub(taken.len());
        taken
    }

    /// Block until every job sent has its card, or `limit` passes (tests, which step frames
    /// faster than any thread, wait here so a frame sees what a person would see a moment later).
    pub fn wait(&mut self, limit: Duration) {
        self.collect(limit);
    }

    fn collect(&mut self, limit: Duration) {
        let until = Instant::now() + limit;
        while let Ok(scored) = self.done.try_recv() {
            self.ready.push_back(scored);
        }
        while self.ready.len() < self.in_flight {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.done.recv_timeout(left) {
                Ok(scored) => self.ready.push_back(scored),
                Err(_) => break,
            }
        }
    }
}

/// Score `job`'s answer within the turn budget and, apart, the model answer (the examples of a
/// missed criterion) within one of its own: a slow answer never costs the card its examples.
fn run_in_budget(job: &ScoreJob) -> Result<ScoreCard, ScoreError> {
    job.run_budgeted(&Deadline::after(TURN_BUDGET), &|| Box::new(Deadline::after(TURN_BUDGET)))
}

impl Default for ScoringWorker {
    fn default() -> Self {
        Self::new()
    }
}

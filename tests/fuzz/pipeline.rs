//! One fuzz case through the pipeline `check` and the app use: files written to a folder, read and
//! checked by `load_library` (decode, parse, validate, `Library::build` with its author tests), the
//! diagnostics rendered, then every turn of every loaded scenario compiled and scoring each answer.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use followthrough::core::library::Library;
use followthrough::core::scenario::diagnostic::Diagnostic;
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::{ScoringContext, TurnScorer};
use followthrough::io::scenario_files::load_library;

/// The most one case may take: a case that runs longer is a hang as far as a user can tell. The
/// bound is 2 s in an optimised build (the long run: `FUZZ_SECONDS=600 cargo test --release ...`);
/// an unoptimised test build sharing two cores with the rest of the suite runs the same work several
/// times slower, so it gets 10 s: still far below the minutes a real blow-up takes. A case fails only
/// when both its wall time and the CPU time the process spent during it pass the bound: a machine
/// busy with other work stretches the wall time of a fast case, never its CPU time, while a real
/// blow-up spends both.
pub const CASE_BOUND: Duration = if cfg!(debug_assertions) { Duration::from_secs(10) } else { Duration::from_secs(2) };

/// One file of a case: its name in the scenario folder and its bytes.
#[derive(Debug, Clone)]
pub struct CaseFile {
    /// File name, e.g. `lexicon.ron` or `scenario.ron`.
    pub name: String,
    /// The bytes written to disk.
    pub bytes: Vec<u8>,
}

/// What one case did, for the run's statistics.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Wall time of the whole case (writing excluded).
    pub elapsed: Duration,
    /// Scenarios that loaded.
    pub scenarios: usize,
    /// Turn × answer scorings run.
    pub scored: usize,
    /// Every problem found, each with its location.
    pub diagnostics: Vec<Diagnostic>,
}

/// Run one case in a fresh folder under `parent`; `Err` names the first broken property (a missing
/// location, a scoring error, a case over [`CASE_BOUND`]). A panic propagates to the caller.
pub fn run_case(parent: &Path, files: &[CaseFile], answers: &[String]) -> Result<Outcome, String> {
    let dir = tempfile::Builder::new()
        .prefix("case-")
        .tempdir_in(parent)
        .map_err(|e| format!("harness: cannot make a case folder: {e}"))?;
    for f in files {
        std::fs::write(dir.path().join(&f.name), &f.bytes).map_err(|e| format!("harness: cannot write: {e}"))?;
    }
    let started = Instant::now();
    let cpu_started = process_cpu_time();
    let library =
        load_library(&[dir.path().to_path_buf()]).map_err(|e| format!("the case folder could not be read: {e}"))?;
    // `check` prints every diagnostic like this; the app shows the same text.
    let _ = library.render_diagnostics();
    let _ = library.summary();
    for d in &library.diagnostics {
        check_location(d, &library)?;
    }
    let scored = score_every_turn(&library, answers)?;
    let elapsed = started.elapsed();
    let cpu = process_cpu_time().zip(cpu_started).map(|(end, start)| end.saturating_sub(start));
    if elapsed > CASE_BOUND && cpu.is_none_or(|cpu| cpu > CASE_BOUND) {
        return Err(format!("case took {elapsed:?} ({cpu:?} of CPU), over the {CASE_BOUND:?} bound"));
    }
    Ok(Outcome { elapsed, scenarios: library.scenarios.len(), scored, diagnostics: library.diagnostics })
}

/// Every diagnostic names its file and a 1-based line and column inside that file.
fn check_location(d: &Diagnostic, library: &Library) -> Result<(), String> {
    let what = || format!("{} `{}`: {}", d.severity.as_str(), d.code, d.message);
    if d.file.is_empty() {
        return Err(format!("diagnostic without a file: {}", what()));
    }
    let Some(start) = d.start else {
        return Err(format!("diagnostic without a line and column: {}", what()));
    };
    if start.line == 0 || start.column == 0 {
        return Err(format!(
            "diagnostic at line {} column {} (both are 1-based): {}",
            start.line,
            start.column,
            what()
        ));
    }
    if let Some(text) = library.sources.get(&d.file) {
        let lines = text.split('\n').count();
        if start.line > lines {
            return Err(format!("diagnostic at line {}, but the file has {lines} lines: {}", start.line, what()));
        }
    }
    Ok(())
}

/// A lexicon's sets: name to members.
type Sets = BTreeMap<String, Vec<String>>;

/// The word lists for `sets`, compiled once for the last lexicon seen (most cases share the bundled
/// one, and the app too compiles them once per library).
fn lists_for(sets: &Sets) -> Arc<Lists> {
    static LAST: Mutex<Option<(Sets, Arc<Lists>)>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    match &*last {
        Some((known, lists)) if known == sets => lists.clone(),
        _ => {
            let lists = Arc::new(Lists::new(sets));
            *last = Some((sets.clone(), lists.clone()));
            lists
        }
    }
}

/// Compile every turn of every loaded scenario and score each answer, with and without a "now".
fn score_every_turn(library: &Library, answers: &[String]) -> Result<usize, String> {
    let lists = lists_for(&library.lexicon.sets);
    let now = jiff::civil::date(2026, 5, 22).at(10, 0, 0, 0);
    let mut scored = 0;
    for loaded in &library.scenarios {
        for turn in &loaded.scenario.turns {
            let scorer = TurnScorer::with_lists(&loaded.scenario, turn, lists.clone());
            for (i, answer) in answers.iter().enumerate() {
                let context = ScoringContext { now: (i % 2 == 1).then_some(now), ..ScoringContext::default() };
                let card = scorer
                    .score_with(answer, &context)
                    .map_err(|e| format!("turn `{}` refused a {}-char answer: {e}", turn.id, answer.chars().count()))?;
                if card.score > 100 {
                    return Err(format!("turn `{}` scored {} out of 100", turn.id, card.score));
                }
                scored += 1;
            }
        }
    }
    Ok(scored)
}

/// CPU time this process has spent so far, all threads (`None` where it cannot be read).
#[cfg(unix)]
fn process_cpu_time() -> Option<Duration> {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid, writable timespec for the duration of the call.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) } == 0;
    let secs = u64::try_from(now.tv_sec).ok()?;
    let nanos = u32::try_from(now.tv_nsec).ok()?;
    ok.then(|| Duration::new(secs, nanos))
}

/// CPU time is not read on this platform: the bound falls back to wall time alone.
#[cfg(not(unix))]
fn process_cpu_time() -> Option<Duration> {
    None
}

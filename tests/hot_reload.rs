//! Hot reload as an author sees it: saving a scenario file is noticed, a broken save keeps the last
//! good version in use (with a warning beside the errors), fixing it replaces it, and two folders
//! that both define a scenario id are reported, and a hostile file (nesting deep enough to overflow
//! a recursive reader) that appears in a watched folder is a located error, never a crash.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use followthrough::core::library::{FileStatus, Library, USING_LAST_GOOD_VERSION};
use followthrough::io::scenario_files::load_library;
use followthrough::io::watch::{WatchError, watch};

const FIXTURES: &str = "tests/fixtures/good";

fn fixture(name: &str) -> String {
    fs::read_to_string(Path::new(FIXTURES).join(name)).expect("fixture readable")
}

/// A folder holding `minimal.ron`, `second.ron` (the same scenario with the id `second`), the lexicon
/// and the voice file both use.
fn scenario_folder(root: &Path) -> PathBuf {
    let folder = root.join("scenarios");
    fs::create_dir_all(folder.join("assets/voices")).expect("mkdir");
    fs::copy(Path::new(FIXTURES).join("assets/voices/minimal.wav"), folder.join("assets/voices/minimal.wav"))
        .expect("copy voice");
    fs::write(folder.join("minimal.ron"), fixture("minimal.ron")).expect("write");
    fs::write(folder.join("second.ron"), fixture("minimal.ron").replace("\"minimal\"", "\"second\"")).expect("write");
    fs::write(folder.join("lexicon.ron"), fixture("lexicon.ron")).expect("write");
    folder
}

fn load(folders: &[PathBuf]) -> Library {
    load_library(folders).expect("folders exist")
}

fn path_string(path: &Path) -> String {
    path.display().to_string()
}

/// Poll `done` every 20 ms; the time it took, or a failure after 5 s.
fn wait_for(what: &str, done: impl Fn() -> bool) -> Duration {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(5), "{what} not seen within 5 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    start.elapsed()
}

#[test]
fn saving_a_scenario_file_is_noticed_within_two_seconds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = scenario_folder(dir.path());
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let watcher = watch(std::slice::from_ref(&folder), move || {
        counter.fetch_add(1, Ordering::SeqCst);
    })
    .expect("watch");
    assert!(!watcher.changed(), "nothing changed yet");

    let file = folder.join("second.ron");
    let text = fs::read_to_string(&file).expect("read");
    fs::write(&file, text.replace("Minimal call-back", "Second call-back")).expect("write");

    let took = wait_for("changed()", || watcher.changed());
    assert!(took < Duration::from_secs(2), "change seen after {took:?}");
    wait_for("the on_change callback", || calls.load(Ordering::SeqCst) > 0);
    assert!(!watcher.changed(), "reading the flag clears it");

    let lib = load(std::slice::from_ref(&folder));
    assert_eq!(lib.scenario("second").map(|s| s.title.as_str()), Some("Second call-back"));
}

#[test]
fn watching_a_missing_folder_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("not-here");
    match watch(std::slice::from_ref(&missing), || {}) {
        Err(WatchError::MissingFolder(p)) => assert_eq!(p, missing),
        other => panic!("expected MissingFolder, got {other:?}"),
    }
}

#[test]
fn a_broken_save_keeps_the_last_good_version_until_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = scenario_folder(dir.path());
    let folders = [folder.clone()];
    let file = folder.join("second.ron");
    let name = path_string(&file);
    let good = fs::read_to_string(&file).expect("read");

    let first = load(&folders);
    assert_eq!(first.scenarios.len(), 2, "{}", first.render_diagnostics());
    assert_eq!(first.file_status(&name), FileStatus::Ok);

    fs::write(&file, "Scenario(id: \"second\", title: ").expect("break");
    let mut broken = load(&folders);
    assert!(broken.scenario("second").is_none(), "the broken file does not load by itself");
    broken.keep_last_good(&first);
    assert_eq!(broken.scenario("second").map(|s| s.title.as_str()), Some("Minimal call-back"));
    assert!(broken.scenario("minimal").is_some());
    let in_file: Vec<_> = broken.diagnostics.iter().filter(|d| d.file == name).collect();
    assert!(in_file.iter().any(|d| d.is_error()), "the error is still shown");
    let last = in_file.last().expect("diagnostics in the broken file");
    assert_eq!(last.code, USING_LAST_GOOD_VERSION);
    assert!(!last.is_error());
    assert!(matches!(broken.file_status(&name), FileStatus::Errors(n) if n >= 1));

    fs::write(&file, good.replace("Minimal call-back", "Fixed call-back")).expect("fix");
    let mut fixed = load(&folders);
    fixed.keep_last_good(&broken);
    assert_eq!(fixed.scenario("second").map(|s| s.title.as_str()), Some("Fixed call-back"));
    assert_eq!(fixed.scenarios.len(), 2);
    assert_eq!(fixed.file_status(&name), FileStatus::Ok);
    assert!(fixed.diagnostics.iter().all(|d| d.code != USING_LAST_GOOD_VERSION));
}

#[test]
fn the_same_scenario_id_in_two_folders_is_reported_naming_both_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let one = scenario_folder(&dir.path().join("team-a"));
    let two = dir.path().join("team-b");
    fs::create_dir_all(&two).expect("mkdir");
    fs::write(two.join("copy.ron"), fixture("minimal.ron")).expect("write");

    let lib = load(&[one.clone(), two.clone()]);
    let duplicates: Vec<_> = lib.diagnostics.iter().filter(|d| d.code == "duplicate-id").collect();
    assert_eq!(duplicates.len(), 1, "{}", lib.render_diagnostics());
    let d = duplicates[0];
    let first = path_string(&one.join("minimal.ron"));
    let second = path_string(&two.join("copy.ron"));
    assert_eq!(d.file, second);
    assert!(d.message.contains(&first), "message names the other file: {}", d.message);
    assert_eq!(lib.scenarios.iter().filter(|l| l.scenario.id == "minimal").count(), 1);
}

#[test]
fn a_hostile_file_appearing_in_a_watched_folder_is_an_error_and_the_rest_stays_loaded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = scenario_folder(dir.path());
    let folders = [folder.clone()];
    let first = load(&folders);
    assert_eq!(first.scenarios.len(), 2, "{}", first.render_diagnostics());
    let watcher = watch(std::slice::from_ref(&folder), || {}).expect("watch");

    // The reported crash: a phrase in 12,500 nested brackets (a 26 KB file) overflowed the stack of
    // a running app within seconds of the file appearing.
    let deep = format!("{}sorry{}", "(".repeat(12_500), ")".repeat(12_500));
    let hostile = fixture("minimal.ron").replace("\"minimal\"", "\"hostile\"").replacen(
        "Phrase(\"",
        &format!("Phrase(\"{deep} "),
        1,
    );
    let file = folder.join("hostile.ron");
    fs::write(&file, hostile).expect("write");
    wait_for("the new file", || watcher.changed());

    let mut reloaded = load(&folders);
    reloaded.keep_last_good(&first);
    assert!(reloaded.scenario("hostile").is_none(), "the hostile file does not load");
    assert!(reloaded.scenario("minimal").is_some() && reloaded.scenario("second").is_some(), "the rest stays");
    let name = path_string(&file);
    let errors: Vec<_> = reloaded.diagnostics.iter().filter(|d| d.file == name && d.is_error()).collect();
    assert!(!errors.is_empty(), "said as an error: {}", reloaded.render_diagnostics());
    assert!(errors.iter().all(|d| d.start.is_some()), "located: {}", reloaded.render_diagnostics());
}

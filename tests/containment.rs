//! Scenario discovery never leaves the folder the user chose: links are followed only to places
//! inside it, links to `/` or to a file elsewhere are reported and never read, loops and pipes are
//! warnings naming their path, and nothing outside the folder is ever quoted.
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use followthrough::io::scenario_files::{PathError, discover, load_library};

mod perms_support;

const SCENARIO: &str = include_str!("fixtures/good/minimal.ron");
const LEXICON: &str = include_str!("fixtures/good/lexicon.ron");
const SECRET: &str = "root:x:0:0:SECRET-LINE-FROM-OUTSIDE:/root:/bin/bash";

/// A scenario folder (`<tmp>/team`, its lexicon in `<tmp>`) beside a folder the user did not choose (`<tmp>/elsewhere`,
/// holding a file with a line that must never be printed).
struct Folders {
    _tmp: tempfile::TempDir,
    team: PathBuf,
    elsewhere: PathBuf,
}

fn folders() -> Folders {
    let tmp = tempfile::tempdir().expect("tempdir");
    let team = tmp.path().join("team");
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(team.join("bank")).expect("mkdir team");
    std::fs::create_dir_all(&elsewhere).expect("mkdir elsewhere");
    std::fs::write(team.join("bank/minimal.ron"), SCENARIO).expect("write scenario");
    // The lexicon above the chosen folder: the nearest one is looked up, as for the bundled folder.
    std::fs::write(tmp.path().join("lexicon.ron"), LEXICON).expect("write lexicon");
    std::fs::write(elsewhere.join("passwd"), format!("{SECRET}\n")).expect("write secret");
    std::fs::write(elsewhere.join("other.ron"), format!("{SECRET}\n")).expect("write secret");
    Folders { team, elsewhere, _tmp: tmp }
}

/// Run the binary; a hang (a pipe opened, the whole disk walked) fails the test instead of blocking it.
fn followthrough(args: &[&str]) -> Output {
    let mut child = Command::new(perms_support::binary())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("followthrough {args:?} did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn all_output(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[test]
fn a_link_to_the_root_folder_is_reported_and_not_walked() {
    let f = folders();
    symlink("/", f.team.join("everything")).expect("symlink");
    let found = discover(std::slice::from_ref(&f.team)).expect("discover");
    assert_eq!(found.files, vec![f.team.join("bank/minimal.ron")]);
    assert_eq!(found.skipped.len(), 1, "{:?}", found.skipped);
    assert_eq!(found.skipped[0].code, "link-outside-folder");
    assert!(found.skipped[0].file.ends_with("everything"), "{}", found.skipped[0].file);

    let out = followthrough(&["check", arg(&f.team)]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(0), "a warning, not an error: {text}");
    assert!(text.contains("everything: warning: not read: this link leads outside the folder"), "{text}");
    assert!(text.contains("checked 2 files"), "{text}");
}

#[test]
fn a_scenario_link_to_a_file_elsewhere_is_never_read_or_quoted() {
    let f = folders();
    symlink(f.elsewhere.join("passwd"), f.team.join("x.ron")).expect("symlink");
    symlink(f.elsewhere.join("other.ron"), f.team.join("bank/y.ron")).expect("symlink");
    symlink(&f.elsewhere, f.team.join("shared")).expect("symlink to a folder elsewhere");
    // A lexicon that is a link elsewhere is not read either (nor found by the lookup above the folder).
    symlink(f.elsewhere.join("passwd"), f.team.join("lexicon.ron")).expect("symlink");
    for format in ["human", "json"] {
        let out = followthrough(&["check", "--format", format, arg(&f.team)]);
        let text = all_output(&out);
        assert!(!text.contains("SECRET-LINE"), "a line from outside the folder was printed: {text}");
        assert!(text.contains("x.ron"), "the link is named: {text}");
        assert!(text.contains("y.ron"), "the link is named: {text}");
        assert!(text.contains("shared"), "the link is named: {text}");
        assert!(text.contains("link-outside-folder") || text.contains("leads outside"), "{text}");
    }
    let library = load_library(std::slice::from_ref(&f.team)).expect("load");
    assert!(library.sources.values().all(|text| !text.contains("SECRET-LINE")));
    assert_eq!(library.scenarios.len(), 1, "the real scenario still loads");
}

#[test]
fn links_inside_the_folder_are_followed_and_each_file_is_read_once() {
    let f = folders();
    symlink(f.team.join("bank/minimal.ron"), f.team.join("alias.ron")).expect("file link");
    symlink(f.team.join("bank"), f.team.join("same-bank")).expect("folder link");
    let library = load_library(std::slice::from_ref(&f.team)).expect("load");
    assert_eq!(library.files, 2, "{:?}", library.paths);
    assert_eq!(library.scenarios.len(), 1);
    assert_eq!(library.summary().errors, 0, "no duplicate id: {}", library.render_diagnostics());
    let skipped = ["link-outside-folder", "folder-loop", "not-a-regular-file", "unreadable-folder"];
    assert!(!library.diagnostics.iter().any(|d| skipped.contains(&d.code)), "{}", library.render_diagnostics());
}

#[test]
fn a_link_loop_is_a_warning_naming_the_link() {
    let f = folders();
    symlink(&f.team, f.team.join("bank/up")).expect("loop");
    let out = followthrough(&["check", arg(&f.team)]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("up: warning: not read: this link leads back to a folder that contains it"), "{text}");
    assert!(text.contains("checked 2 files"), "{text}");
}

#[test]
fn a_pipe_in_the_folder_is_a_warning_and_never_opened() {
    let f = folders();
    mkfifo(&f.team.join("bank/pipe.ron"));
    let out = followthrough(&["check", arg(&f.team)]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("pipe.ron: warning: not read: this is a pipe, device or socket"), "{text}");
    // The same folder through the library and through `list` (start-up reads folders the same way).
    let found = discover(std::slice::from_ref(&f.team)).expect("discover");
    assert_eq!(found.skipped.len(), 1);
    assert_eq!(found.skipped[0].code, "not-a-regular-file");
    let listed = followthrough(&["list", "--scenarios", arg(&f.team)]);
    assert_eq!(listed.status.code(), Some(0), "{}", all_output(&listed));
}

#[test]
fn a_pipe_given_directly_is_not_a_regular_file_rather_than_missing() {
    let f = folders();
    let pipe = f.team.join("pipe.ron");
    mkfifo(&pipe);
    let err = discover(std::slice::from_ref(&pipe)).expect_err("refused");
    assert!(matches!(err, PathError::NotRegular(_)), "{err}");
    for args in [vec!["check", arg(&pipe)], vec!["score", "--scenario", arg(&pipe)]] {
        let out = followthrough(&args);
        let text = all_output(&out);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(text.contains("not a regular file"), "{text}");
        assert!(!text.contains("no such"), "{text}");
    }
}

#[test]
fn an_unreadable_sub_folder_is_a_warning_not_silence() {
    use std::os::unix::fs::PermissionsExt;
    let f = folders();
    let locked = f.team.join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::write(locked.join("hidden.ron"), SCENARIO).expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let allowed = std::fs::read_dir(&locked).is_ok();
    if allowed {
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    }
    if perms_support::not_enforced(allowed) {
        return;
    }
    let found = discover(std::slice::from_ref(&f.team));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    let found = found.expect("discover");
    assert_eq!(found.files, vec![f.team.join("bank/minimal.ron")]);
    assert_eq!(found.skipped.len(), 1, "{:?}", found.skipped);
    assert_eq!(found.skipped[0].code, "unreadable-folder");
    assert!(found.skipped[0].file.ends_with("locked"), "{}", found.skipped[0].file);
}

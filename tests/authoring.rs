//! `followthrough new` through the binary: a template that `check` passes, never written over an
//! existing file, and clear exit codes for bad arguments.

use std::path::Path;
use std::process::{Command, Output};

fn followthrough_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_followthrough")).current_dir(dir).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn new_writes_a_template_that_check_passes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = followthrough_in(dir.path(), &["new", "--id", "missed-callback-2", "--behaviour", "follow-up"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = dir.path().join("scenarios").join("missed-callback-2.ron");
    assert!(file.is_file(), "written to scenarios/ID.ron in the working folder");
    let text = stdout(&out);
    assert!(text.contains("scenarios/missed-callback-2.ron"), "{text}");
    assert!(text.contains("next: edit it, then run `followthrough check scenarios/missed-callback-2.ron`"), "{text}");

    let check = followthrough_in(dir.path(), &["check", "scenarios/missed-callback-2.ron"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).contains("1 scenario, 1 turn, 3 criteria; 0 errors, 0 warnings"), "{}", stdout(&check));
}

#[test]
fn every_behaviour_and_a_job_family_check_clean_through_the_binary() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for behaviour in ["ownership", "warm-handover", "one-touch", "bad-news"] {
        let id = format!("new-{behaviour}");
        let out = followthrough_in(
            dir.path(),
            &["new", "--id", &id, "--behaviour", behaviour, "--job-family", "bank-branch"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let check = followthrough_in(dir.path(), &["check", "scenarios"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).contains("4 scenarios") && stdout(&check).contains("0 errors, 0 warnings"));
}

#[test]
fn new_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let args = ["new", "--id", "twice", "--behaviour", "ownership"];
    assert_eq!(followthrough_in(dir.path(), &args).status.code(), Some(0));
    let file = dir.path().join("scenarios").join("twice.ron");
    std::fs::write(&file, "// the trainer's own edits\n").expect("edit the file");
    let before = std::fs::read(&file).expect("readable");

    let again = followthrough_in(dir.path(), &args);
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert!(stderr(&again).contains("scenarios/twice.ron already exists"), "{}", stderr(&again));
    assert_eq!(std::fs::read(&file).expect("readable"), before, "byte-identical");
    let left: Vec<_> = std::fs::read_dir(dir.path().join("scenarios")).expect("folder").collect();
    assert_eq!(left.len(), 1, "no temporary file left behind");
}

#[test]
fn bad_arguments_exit_two_with_a_hint() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = followthrough_in(dir.path(), &["new", "--id", "x", "--behaviour", "folow-up"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `follow-up`?"), "{}", stderr(&out));

    let out = followthrough_in(dir.path(), &["new", "--id", "Missed Callback", "--behaviour", "follow-up"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `missed-callback`?"), "{}", stderr(&out));

    let out =
        followthrough_in(dir.path(), &["new", "--id", "x", "--behaviour", "follow-up", "--job-family", "bank-brnch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `bank-branch`?"), "{}", stderr(&out));

    assert_eq!(followthrough_in(dir.path(), &["new", "--behaviour", "follow-up"]).status.code(), Some(2));
    assert!(!dir.path().join("scenarios").exists(), "nothing written");
}

#[test]
fn out_into_a_new_nested_folder_works() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("a").join("b c").join("nested.ron");
    let file_arg = file.to_str().expect("UTF-8 path");
    let out = followthrough_in(dir.path(), &["new", "--id", "nested", "--behaviour", "recovery", "--out", file_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(file_arg), "{}", stdout(&out));
    let check = followthrough_in(dir.path(), &["check", file_arg]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).contains("0 errors, 0 warnings"), "{}", stdout(&check));
}

#[test]
fn an_id_already_in_the_library_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("clash.ron");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_followthrough"))
        .args(["new", "--id", "cc-missed-callback-refund", "--behaviour", "follow-up", "--scenarios", "scenarios"])
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("already used by") && err.contains("missed-callback.ron"), "{err}");
    assert!(!out.exists());
}

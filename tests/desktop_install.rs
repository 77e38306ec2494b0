//! `make install` and `make uninstall` into a temporary HOME and PREFIX: the binary, the bundled
//! scenarios and voices, the icon in every size and the menu entry land where a desktop looks for
//! them (and nothing else is touched); the installed binary finds its scenarios from any folder; the
//! menu entry passes `desktop-file-validate` where it is installed (CI); uninstall leaves no trace.

use std::path::{Path, PathBuf};
use std::process::Command;

const SIZES: [u32; 6] = [16, 32, 48, 64, 128, 256];

/// Run `make TARGET` in the project with these variables and HOME; panics with make's output on failure.
fn make(target: &str, home: &Path, vars: &[(&str, &Path)]) {
    let mut command = Command::new("make");
    command.arg("-C").arg(env!("CARGO_MANIFEST_DIR")).arg("--no-print-directory").arg(target);
    for (name, value) in vars {
        command.arg(format!("{name}={}", value.display()));
    }
    let out = command.env("HOME", home).env_remove("PREFIX").output().expect("make runs");
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "make {target} failed:\n{said}");
}

/// Width and height from a PNG's header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{} is a PNG", path.display());
    let word = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (word(16), word(20))
}

/// Every file under `dir`, relative to it, sorted; the menu's own cache (`update-desktop-database`'s
/// `mimeinfo.cache`, rebuilt by install and uninstall) left out.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_file() && e.file_name() != "mimeinfo.cache")
        .map(|e| e.path().strip_prefix(dir).expect("inside").to_path_buf())
        .collect();
    found.sort();
    found
}

fn installed_files(prefix: &Path) {
    let bin = prefix.join("bin/followthrough");
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&bin).expect("the binary").permissions());
    assert_eq!(mode & 0o111, 0o111, "the binary is executable");
    for size in SIZES {
        let png = prefix.join(format!("share/icons/hicolor/{size}x{size}/apps/followthrough.png"));
        assert_eq!(png_size(&png), (size, size), "{}", png.display());
    }
    let svg = std::fs::read_to_string(prefix.join("share/icons/hicolor/scalable/apps/followthrough.svg")).expect("svg");
    assert!(svg.contains("<svg"));
    let entry = prefix.join("share/applications/followthrough.desktop");
    let text = std::fs::read_to_string(&entry).expect("the menu entry");
    assert!(text.lines().any(|l| l == format!("Exec=\"{}\"", bin.display())), "Exec names the binary:\n{text}");
    assert!(text.lines().any(|l| l == "Icon=followthrough"));
    assert!(text.lines().any(|l| l == "Name=FollowThrough"));
    let share = prefix.join("share/followthrough");
    assert!(share.join("scenarios/lexicon.ron").is_file());
    assert!(share.join("assets/voices/cc-missed-callback-refund-opening.ogg").is_file());
    if Command::new("desktop-file-validate").arg("--help").output().is_ok() {
        let out = Command::new("desktop-file-validate").arg(&entry).output().expect("validator runs");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && said.trim().is_empty(), "desktop-file-validate: {said}");
    } else {
        eprintln!("desktop-file-validate is not installed here (make deps-test installs it): entry not validated");
    }
}

#[test]
fn install_puts_the_app_in_the_menu_and_uninstall_takes_it_out() {
    let home = tempfile::tempdir().expect("home");
    let prefix = home.path().join("opt/ft");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_followthrough"));
    // Someone else's menu entry, which neither command may touch.
    let other = prefix.join("share/applications/other.desktop");
    std::fs::create_dir_all(other.parent().expect("folder")).expect("mkdir");
    std::fs::write(&other, "[Desktop Entry]\nType=Application\nName=Other\nExec=other\n").expect("other entry");

    make("install-files", home.path(), &[("PREFIX", &prefix), ("BIN", &bin)]);
    installed_files(&prefix);
    // Installed again over itself: still the same files.
    let first = files_under(&prefix);
    make("install-files", home.path(), &[("PREFIX", &prefix), ("BIN", &bin)]);
    assert_eq!(files_under(&prefix), first);

    // From the menu the working folder is HOME: the installed binary finds its scenarios there.
    let check = Command::new(prefix.join("bin/followthrough"))
        .arg("check")
        .current_dir(home.path())
        .env("FOLLOWTHROUGH_DATA_DIR", home.path().join("data"))
        .output()
        .expect("the installed binary runs");
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "check from HOME: {said}{}", String::from_utf8_lossy(&check.stderr));
    assert!(said.contains("scenario"), "{said}");

    make("uninstall", home.path(), &[("PREFIX", &prefix)]);
    assert_eq!(
        files_under(&prefix),
        vec![PathBuf::from("share/applications/other.desktop")],
        "only the other entry is left"
    );
}

#[test]
fn without_a_prefix_it_installs_under_home_local() {
    let home = tempfile::tempdir().expect("home");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_followthrough"));
    make("install-files", home.path(), &[("BIN", &bin)]);
    installed_files(&home.path().join(".local"));
    make("uninstall", home.path(), &[]);
    assert_eq!(files_under(home.path()), Vec::<PathBuf>::new(), "nothing left behind");
}

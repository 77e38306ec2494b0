//! The layer rule, checked by a tool rather than by hope: `src/core/` stays pure.

use std::path::Path;

const FORBIDDEN: &[&str] =
    &["egui", "eframe", "rodio", "rusqlite", "std::fs", "SystemTime::now", "Instant::now", "std::net", "std::process"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder").filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_names_no_gui_audio_database_files_or_clock() {
    let mut files = Vec::new();
    rust_files(Path::new("src/core"), &mut files);
    assert!(files.len() >= 5, "src/core has the core modules");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: names `{word}`: {}", file.display(), i + 1, line.trim()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "src/core must stay pure:\n{}", offences.join("\n"));
}

#[test]
fn ui_does_not_reach_into_storage_or_audio_directly() {
    let mut files = Vec::new();
    rust_files(Path::new("src/ui"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for word in ["rusqlite", "std::fs", "rodio"] {
            assert!(!text.contains(word), "{} names `{word}`; go through src/io", file.display());
        }
    }
}

//! No lazy plurals in anything shown to people: "scenario(s)", "go(es)" read as unfinished.
//! Counts go through `core::plural::plural` ("1 turn", "3 turns").

use std::path::Path;

/// Lines of `text` with a word ending in "(s)" or "(es)" inside a string literal.
fn lazy_plurals(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for suffix in ["(s)", "(es)"] {
            for (at, _) in line.match_indices(suffix) {
                let before = &line[..at];
                let in_string = before.matches('"').count() % 2 == 1;
                let after_word = before.chars().last().is_some_and(char::is_alphabetic);
                if in_string && after_word {
                    found.push(format!("{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_check_finds_a_lazy_plural_and_leaves_calls_alone() {
    assert_eq!(lazy_plurals("    println!(\"{n} statement(s) sent\");").len(), 1);
    assert_eq!(lazy_plurals("    label(format!(\"{} go(es)\", n));").len(), 1);
    assert!(lazy_plurals("    ui.label(status_text(s));").is_empty());
    assert!(lazy_plurals("    choice(ui, \"Scoring:\", rules.mastery_score, &scores, score_text(s))").is_empty());
}

#[test]
fn no_text_in_the_app_or_the_cli_has_a_lazy_plural() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read source");
        found.extend(lazy_plurals(&text).into_iter().map(|l| format!("{}:{l}", file.display())));
    }
    assert!(found.is_empty(), "say \"1 turn\" / \"3 turns\" with core::plural::plural:\n{}", found.join("\n"));
}

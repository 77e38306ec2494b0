//! Lists every customer line that has a recording, as JSON lines, for `scripts/make_voices.sh`:
//! the voice path, the line, and who says it (name and "about", to choose a voice by gender and age).
//!
//! `cargo run --example voice_lines -- scenarios`

use std::path::{Path, PathBuf};

use followthrough::core::scenario::Scenario;
use followthrough::core::scenario::parse::parse;

fn ron_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            ron_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "scenarios".into());
    let mut files = Vec::new();
    ron_files(Path::new(&dir), &mut files)?;
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file)?;
        // The lexicon and any file that is not a scenario have no voices.
        let Ok((scenario, _)) = parse::<Scenario>(&text) else { continue };
        for turn in &scenario.turns {
            if let Some(voice) = &turn.voice {
                let row = serde_json::json!({
                    "voice": voice,
                    "line": turn.customer,
                    "name": scenario.briefing.customer.name,
                    "about": scenario.briefing.customer.about,
                    "scenario": scenario.id,
                });
                println!("{row}");
            }
        }
    }
    Ok(())
}

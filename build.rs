//! Lists the bundled scenario files (every `.ron` under `scenarios/` except `lexicon.ron`, sorted)
//! for the core's unit tests, so a scenario added to the folder is tested without editing a list.
//! Writes `$OUT_DIR/bundled_scenarios.rs`: `BUNDLED: &[(&str, &str)]`, each a path relative to the
//! package and the file's text (`include_str!`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn ron_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            ron_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "ron") && path.file_name().is_some_and(|n| n != "lexicon.ron") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=scenarios");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let mut files = Vec::new();
    ron_files(&root.join("scenarios"), &mut files)?;
    files.sort();
    let mut code = String::from("/// The bundled scenario files: path (from the package root) and text.\n");
    code.push_str("pub(crate) const BUNDLED: &[(&str, &str)] = &[\n");
    for file in &files {
        let relative = file.strip_prefix(&root)?.to_string_lossy().replace('\\', "/");
        let absolute = file.to_string_lossy();
        writeln!(code, "    ({relative:?}, include_str!({absolute:?})),")?;
    }
    code.push_str("];\n");
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR")?).join("bundled_scenarios.rs"), code)?;
    Ok(())
}

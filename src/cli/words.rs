//! `followthrough words [NAME...]`: the word lists phrases (`@name`) and the built-in detectors read,
//! with what each is for and what the scenario folder's lexicon adds, so a trainer never has to open
//! the program's source to learn whether "give you a ring" is a contact verb.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, OutputFormat};
use crate::core::scenario::diagnostic::did_you_mean;
use crate::core::scoring::list_notes::list_notes;
use crate::core::scoring::lists::{builtin_lists, list_names};
use crate::io::scenario_files::{default_scenarios_dir, load_library_untested};

/// Arguments of `words`.
#[derive(Debug, Args)]
pub struct WordsArgs {
    /// Only these lists (e.g. `contact-verb`, `blame-target`); default: every list.
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
    /// Also show the phrase patterns the detectors read (built in, not extendable).
    #[arg(long)]
    pub patterns: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
}

/// Where a list comes from.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ListKind {
    /// Built in; a lexicon set of the same name adds to it.
    BuiltIn,
    /// Built-in phrase patterns the detectors read; not extendable.
    Pattern,
    /// The folder's own lexicon set.
    Lexicon,
}

/// One list as `words` shows it.
#[derive(Debug, Serialize, PartialEq)]
pub struct WordList {
    /// The name, written `@name` in a phrase.
    pub name: String,
    /// Where it comes from.
    pub kind: ListKind,
    /// What it is for (empty for a lexicon set).
    pub note: String,
    /// Built-in members (for a lexicon set: its members).
    pub members: Vec<String>,
    /// Members the folder's lexicon adds to a built-in list.
    pub added: Vec<String>,
}

/// Every list, built-in ones first (with the lexicon's additions), then the lexicon's own sets.
pub fn word_lists(lexicon: &BTreeMap<String, Vec<String>>, patterns: bool) -> Vec<WordList> {
    let builtin = builtin_lists();
    let notes = list_notes();
    let extendable: Vec<&str> = list_names().collect();
    let mut out = Vec::new();
    for (name, members) in builtin {
        let is_list = extendable.contains(&name.as_str());
        if !is_list && !patterns {
            continue;
        }
        let members = distinct(members.iter());
        let added = match lexicon.get(name) {
            Some(extra) if is_list => distinct(extra.iter().filter(|m| !members.contains(m))),
            _ => Vec::new(),
        };
        out.push(WordList {
            name: name.clone(),
            kind: if is_list { ListKind::BuiltIn } else { ListKind::Pattern },
            note: notes.get(name).cloned().unwrap_or_default(),
            members,
            added,
        });
    }
    for (name, members) in lexicon.iter().filter(|(name, _)| !builtin.contains_key(*name)) {
        out.push(WordList {
            name: name.clone(),
            kind: ListKind::Lexicon,
            note: String::new(),
            members: distinct(members.iter()),
            added: Vec::new(),
        });
    }
    out
}

/// The members in their first order, each once.
fn distinct<'a>(members: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    members.filter(|m| seen.insert(m.as_str())).cloned().collect()
}

/// Run `words`; returns the exit code.
pub fn run(args: &WordsArgs, scenarios: Option<PathBuf>) -> u8 {
    let dir = scenarios.unwrap_or_else(default_scenarios_dir);
    let library = match load_library_untested(std::slice::from_ref(&dir)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let all = word_lists(&library.lexicon.sets, args.patterns || !args.names.is_empty());
    for name in &args.names {
        if !all.iter().any(|l| &l.name == name) {
            let hint = did_you_mean(name, all.iter().map(|l| l.name.as_str()))
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            eprintln!("error: no word list `{name}`{hint}; `followthrough words` lists them all");
            return EXIT_USAGE;
        }
    }
    let shown: Vec<&WordList> = all.iter().filter(|l| args.names.is_empty() || args.names.contains(&l.name)).collect();
    match args.format {
        OutputFormat::Json => match serde_json::to_string_pretty(&shown) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_INVALID;
            }
        },
        OutputFormat::Human => print_human(&shown, &dir),
    }
    EXIT_OK
}

fn print_human(lists: &[&WordList], dir: &std::path::Path) {
    for list in lists {
        let origin = match list.kind {
            ListKind::BuiltIn if list.added.is_empty() => format!("{} built in", list.members.len()),
            ListKind::BuiltIn => format!("{} built in, {} added by the lexicon", list.members.len(), list.added.len()),
            ListKind::Pattern => {
                format!("{} built-in patterns, read by the detectors, not extendable", list.members.len())
            }
            ListKind::Lexicon => format!("{} in the lexicon of {}", list.members.len(), dir.display()),
        };
        println!("@{} ({origin})", list.name);
        if !list.note.is_empty() {
            println!("  {}", list.note);
        }
        println!("  {}", list.members.join(" | "));
        if !list.added.is_empty() {
            println!("  added: {}", list.added.join(" | "));
        }
        println!();
    }
    println!(
        "A lexicon set with a built-in list's name adds to it in every scenario of the folder (docs/scenario-format.md, Lexicon)."
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lexicon_adds_to_a_built_in_list_and_keeps_its_own_sets() {
        let lexicon = BTreeMap::from([
            ("blame-target".to_string(), vec!["the regional hub".to_string(), "the courier".to_string()]),
            ("gym-cancel".to_string(), vec!["cancel in writing".to_string()]),
        ]);
        let lists = word_lists(&lexicon, false);
        let target = lists.iter().find(|l| l.name == "blame-target").expect("blame-target");
        assert_eq!(target.kind, ListKind::BuiltIn);
        assert_eq!(target.added, ["the regional hub"], "a member already built in is not an addition");
        assert!(!target.note.is_empty());
        let own = lists.iter().find(|l| l.name == "gym-cancel").expect("own set");
        assert_eq!(own.kind, ListKind::Lexicon);
        assert!(lists.iter().all(|l| l.kind != ListKind::Pattern), "patterns only when asked");
        assert!(word_lists(&lexicon, true).iter().any(|l| l.kind == ListKind::Pattern));
    }
}

//! What each built-in word list is for, read from the comment above it in `builtin_lists.ron`, so
//! the data file stays the one place a list is described (`followthrough words` prints them).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::lists::BUILTIN_LISTS;

/// The comment written above each built-in list, by list name (joined into one line). A pattern
/// entry (`name-patterns`) with no comment of its own is described by its list's.
pub fn list_notes() -> &'static BTreeMap<String, String> {
    static NOTES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    NOTES.get_or_init(|| with_pattern_notes(notes_of(BUILTIN_LISTS)))
}

/// Fill an undescribed `X-patterns` entry from `X`'s note.
fn with_pattern_notes(mut notes: BTreeMap<String, String>) -> BTreeMap<String, String> {
    let missing: Vec<(String, String)> = notes
        .iter()
        .filter(|(_, note)| note.is_empty())
        .filter_map(|(name, _)| {
            let list = name.strip_suffix("-patterns")?;
            let of_list = notes.get(list).filter(|n| !n.is_empty())?;
            Some((name.clone(), format!("Phrase patterns for @{list}: {of_list}")))
        })
        .collect();
    notes.extend(missing);
    notes
}

/// The comment block right above each top-level `"name": [` entry of a RON lists file.
fn notes_of(text: &str) -> BTreeMap<String, String> {
    let mut notes = BTreeMap::new();
    let mut comment: Vec<&str> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(words) = trimmed.strip_prefix("//") {
            comment.push(words.trim());
            continue;
        }
        if let Some(name) = entry_name(line) {
            notes.insert(name.to_string(), comment.join(" "));
        }
        comment.clear();
    }
    notes
}

/// `name` of a line `    "name": [` indented one level (an entry of the top-level map).
fn entry_name(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("    ")?;
    let rest = rest.strip_prefix('"')?;
    let (name, after) = rest.split_once('"')?;
    after.trim_start().starts_with(':').then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scoring::lists::builtin_lists;

    #[test]
    fn every_built_in_list_says_what_it_is_for() {
        let notes = list_notes();
        for name in builtin_lists().keys() {
            let note = notes.get(name).map(String::as_str).unwrap_or_default();
            assert!(!note.is_empty(), "builtin_lists.ron: write a comment above \"{name}\" saying what it holds");
        }
    }

    #[test]
    fn a_comment_block_belongs_to_the_entry_below_it() {
        let text = "{\n    // Sorry words.\n    // Said first.\n    \"apology\": [\"sorry\"],\n    \"bare\": [],\n}";
        let notes = notes_of(text);
        assert_eq!(notes["apology"], "Sorry words. Said first.");
        assert_eq!(notes["bare"], "");
    }
}

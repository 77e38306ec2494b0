//! The word lists behind the built-in detectors, kept as data in `builtin_lists.ron`. Each list can
//! be extended by trainers: a lexicon set with the same name (e.g. `blame-target`) adds its members.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::list_table::ListTable;
use super::phrase::Phrase;
use super::word_sets::WordSets;

/// The text of `builtin_lists.ron`, compiled in (its comments are read by `list_notes`).
pub(super) const BUILTIN_LISTS: &str = include_str!("builtin_lists.ron");

/// The built-in lists and patterns by name, parsed once.
pub fn builtin_lists() -> &'static BTreeMap<String, Vec<String>> {
    static LISTS: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    // The file is part of the program and a unit test parses it, so a failure here is a build defect.
    LISTS.get_or_init(|| ron::from_str(BUILTIN_LISTS).unwrap_or_default())
}

/// Names of the built-in lists that lexicon sets extend (the pattern entries are not sets).
pub fn list_names() -> impl Iterator<Item = &'static str> {
    builtin_lists().keys().map(String::as_str).filter(|n| !n.ends_with("-patterns") && *n != "delegated-commitment")
}

/// The detector lists, compiled once per lexicon.
#[derive(Debug, Clone)]
pub struct Lists {
    /// Every set by name: the lexicon's, each built-in list extended by the lexicon set of its name.
    /// Scenario phrases are compiled against these, so `@vague-time` means the same everywhere.
    pub sets: BTreeMap<String, Vec<String>>,
    /// Apologies.
    pub apology: Phrase,
    /// Taking responsibility.
    pub ownership: Phrase,
    /// Deflecting apologies.
    pub deflecting: Phrase,
    /// Who gets blamed.
    pub blame_target: Phrase,
    /// What they are blamed for.
    pub blame_verb: Phrase,
    /// Blame phrases that stand on their own.
    pub blame_phrase: Phrase,
    /// Blaming the customer.
    pub customer_blame: Phrase,
    /// Hedges.
    pub hedge: Phrase,
    /// Conditions.
    pub conditional: Phrase,
    /// Vague times.
    pub vague_time: Phrase,
    /// First-person future.
    pub commitment_marker: Phrase,
    /// Verbs of doing.
    pub action_verb: Phrase,
    /// Commitments that need no further verb.
    pub commitment_complete: Phrase,
    /// Commitments made for a named colleague or team.
    pub delegated_commitment: Phrase,
    /// Next-step phrases.
    pub next_step: Phrase,
    /// No need to repeat.
    pub no_repeat: Phrase,
    /// Passed on with details.
    pub handover: Phrase,
    /// Verbs of resolving a problem ("sort", "fix", "chase").
    pub resolve_verb: Phrase,
    /// Taking the problem on ("leave it with me").
    pub takes_it_on: Phrase,
    /// Naming the customer's feelings or the impact on them.
    pub empathy: Phrase,
    /// Sarcasm markers: a sentence with one earns no empathy.
    pub sarcasm: Phrase,
    /// Sending the customer to someone else.
    pub sends_away: Phrase,
    /// Next steps said passively, as done, or as an instruction with a channel.
    pub next_step_patterns: Phrase,
    /// Verbs of contacting only (a call-back is not a step on the problem).
    pub contact_verb: Phrase,
    /// What a warm hand-over says was passed on.
    pub handover_context: Phrase,
    /// Rhetorical and accusatory questions.
    pub rhetorical: Phrase,
    /// Teams, departments and other parties named by their kind ("the network lot").
    pub party: Phrase,
    /// Disowning the problem or walling it off without a verb of fault ("not mine", "must be made by").
    pub disowning: Phrase,
    /// The single-word lists the structural rules read word by word.
    pub words: WordSets,
    /// The literal lists above in one index, matched in one pass per answer (see `list_table.rs`).
    pub(super) table: ListTable,
}

impl Lists {
    /// The built-in lists, each extended by the lexicon set of the same name.
    pub fn new(lexicon_sets: &BTreeMap<String, Vec<String>>) -> Self {
        let sets = merged_sets(lexicon_sets);
        let members = |name: &str| -> Vec<&str> {
            sets.get(name).map(|m| m.iter().map(String::as_str).collect()).unwrap_or_default()
        };
        let patterns = |name: &str| -> Vec<&str> {
            builtin_lists().get(name).map(|m| m.iter().map(String::as_str).collect()).unwrap_or_default()
        };
        let list = |name: &str| Phrase::any_of(&members(name));
        let with_patterns = |name: &str, pattern_list: &str| {
            Phrase::either(&list(name), &Phrase::any_pattern(&patterns(pattern_list), &sets))
        };
        let mut lists = Self {
            table: ListTable::default(),
            apology: list("apology"),
            ownership: with_patterns("ownership", "ownership-patterns"),
            deflecting: with_patterns("deflecting-apology", "deflecting-patterns"),
            blame_target: list("blame-target"),
            blame_verb: list("blame-verb"),
            blame_phrase: with_patterns("blame-phrase", "blame-patterns"),
            customer_blame: list("customer-blame"),
            hedge: list("hedge"),
            conditional: list("conditional"),
            vague_time: list("vague-time"),
            commitment_marker: list("commitment-marker"),
            action_verb: Phrase::either(&list("commitment-verb"), &list("action-verb")),
            commitment_complete: Phrase::any_of_exact(&members("commitment-complete")),
            delegated_commitment: Phrase::any_pattern(&patterns("delegated-commitment"), &sets),
            next_step: list("next-step"),
            no_repeat: list("no-repeat"),
            handover: list("handover"),
            resolve_verb: list("resolve-verb"),
            takes_it_on: with_patterns("takes-it-on", "takes-it-on-patterns"),
            empathy: with_patterns("empathy", "empathy-patterns"),
            sarcasm: list("sarcasm"),
            sends_away: with_patterns("sends-away", "sends-away-patterns"),
            next_step_patterns: Phrase::any_pattern(&patterns("next-step-patterns"), &sets),
            contact_verb: list("commitment-verb"),
            handover_context: with_patterns("handover-context", "handover-context-patterns"),
            rhetorical: with_patterns("rhetorical", "rhetorical-patterns"),
            party: with_patterns("party", "party-patterns"),
            disowning: with_patterns("disowning", "disowning-patterns"),
            words: WordSets::new(&sets),
            sets,
        };
        lists.table = ListTable::new(lists.phrases());
        lists
    }

    /// Every list and pattern list above.
    pub(super) fn phrases(&self) -> [&Phrase; 28] {
        [
            &self.apology,
            &self.ownership,
            &self.deflecting,
            &self.blame_target,
            &self.blame_verb,
            &self.blame_phrase,
            &self.customer_blame,
            &self.hedge,
            &self.conditional,
            &self.vague_time,
            &self.commitment_marker,
            &self.action_verb,
            &self.commitment_complete,
            &self.delegated_commitment,
            &self.next_step,
            &self.no_repeat,
            &self.handover,
            &self.resolve_verb,
            &self.takes_it_on,
            &self.empathy,
            &self.sarcasm,
            &self.sends_away,
            &self.next_step_patterns,
            &self.contact_verb,
            &self.handover_context,
            &self.rhetorical,
            &self.party,
            &self.disowning,
        ]
    }
}

/// The lexicon's sets, with each built-in list added to the set of its name.
pub fn merged_sets(lexicon_sets: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    let mut sets = lexicon_sets.clone();
    for name in list_names() {
        sets.insert(name.to_string(), merged_set(lexicon_sets, name));
    }
    sets
}

/// The members `@name` stands for: the lexicon set's, then the built-in list's of that name that
/// the set does not already have (as in [`merged_sets`]).
pub fn merged_set(lexicon_sets: &BTreeMap<String, Vec<String>>, name: &str) -> Vec<String> {
    let mut members = lexicon_sets.get(name).cloned().unwrap_or_default();
    if list_names().any(|n| n == name) {
        for m in builtin_lists().get(name).into_iter().flatten() {
            if !members.contains(m) {
                members.push(m.clone());
            }
        }
    }
    members
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::pattern::Pattern;

    #[test]
    fn builtin_lists_parse_and_every_pattern_compiles() {
        let parsed: BTreeMap<String, Vec<String>> = ron::from_str(BUILTIN_LISTS).expect("builtin_lists.ron parses");
        assert!(parsed.len() >= 18, "{} lists", parsed.len());
        for (name, items) in &parsed {
            assert!(!items.is_empty(), "{name} is empty");
            if name.ends_with("-patterns") || name == "delegated-commitment" {
                for p in items {
                    let pattern = Pattern::parse(p).unwrap_or_else(|e| panic!("{name}: {p}: {e}"));
                    for (is_slot, set) in pattern.references() {
                        assert!(is_slot || parsed.contains_key(&set), "{name} refers to unknown list @{set}");
                    }
                }
            }
        }
    }

    #[test]
    fn lexicon_sets_extend_builtin_lists() {
        let mut lexicon = BTreeMap::new();
        lexicon.insert("blame-target".to_string(), vec!["the regional hub".to_string()]);
        let sets = merged_sets(&lexicon);
        assert!(sets["blame-target"].contains(&"the regional hub".to_string()));
        assert!(sets["blame-target"].contains(&"head office".to_string()));
    }
}

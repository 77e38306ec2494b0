//! What validation learns about each phrase, regex and commitment line, learned once per library
//! build.
//!
//! A phrase is read by two checks (its slot and set names, and its turn's compiled size) and the
//! same phrase, regex or script line often comes back in other turns and other files (teams copy
//! scenarios). Reading a phrase, compiling it to count its steps, compiling a regex and reading a
//! `Commitment` line for a specific time are the costly parts of validation, so each distinct text
//! is done once and the answer shared by every file checked against the same lexicon, from any
//! thread.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::core::scenario::Lexicon;
use crate::core::scenario::pattern::{Pattern, PatternError};

/// Regexes larger than this (compiled) are refused.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// What a phrase that reads well is made of, as far as validation cares.
#[derive(Debug)]
pub struct PhraseFacts {
    /// Every slot and set it names: (`true` for slots, `false` for sets).
    pub references: Vec<(bool, String)>,
    /// Matching steps it compiles to, its lexicon sets expanded as the scorer expands them.
    pub program_size: usize,
}

/// A phrase checked: its facts, or why it cannot be read.
pub type PhraseCheck = Arc<Result<PhraseFacts, PatternError>>;

/// The phrase and regex answers for one library build, shared by every file checked against
/// `lexicon` (on every core).
pub struct PatternChecks<'l> {
    lexicon: &'l Lexicon,
    phrases: Mutex<HashMap<String, PhraseCheck>>,
    /// A regex text and why it does not compile (None: it compiles).
    regexes: Mutex<HashMap<String, Option<String>>>,
    /// A script line and whether it names a specific time.
    times: Mutex<HashMap<String, bool>>,
}

impl<'l> PatternChecks<'l> {
    /// Nothing learned yet; phrases are sized with `lexicon`'s sets.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Self { lexicon, phrases: Mutex::default(), regexes: Mutex::default(), times: Mutex::default() }
    }

    /// The lexicon phrases are checked against.
    pub fn lexicon(&self) -> &'l Lexicon {
        self.lexicon
    }

    /// The phrase `text` read and sized (once per distinct text).
    pub fn phrase(&self, text: &str) -> PhraseCheck {
        if let Some(known) = self.phrases.lock().unwrap_or_else(PoisonError::into_inner).get(text) {
            return Arc::clone(known);
        }
        // Worked out without the lock: another thread may do the same text meanwhile, to the same end.
        let checked = Arc::new(Pattern::parse(text).map(|pattern| PhraseFacts {
            program_size: program_size(&pattern, self.lexicon),
            references: pattern.references(),
        }));
        let mut phrases = self.phrases.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(phrases.entry(text.to_string()).or_insert(checked))
    }

    /// Why the regex `text` does not compile (within the size limit), in one line; None when it does.
    pub fn regex_problem(&self, text: &str) -> Option<String> {
        if let Some(known) = self.regexes.lock().unwrap_or_else(PoisonError::into_inner).get(text) {
            return known.clone();
        }
        let problem = regex::RegexBuilder::new(text)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .err()
            .map(|e| e.to_string().lines().last().unwrap_or_default().trim().to_string());
        self.regexes.lock().unwrap_or_else(PoisonError::into_inner).insert(text.to_string(), problem.clone());
        problem
    }

    /// Whether the script line `text` names a specific time (what a `Commitment` line must do), read
    /// as [`crate::core::rehearsal::specific_times`] reads it.
    pub fn names_a_specific_time(&self, text: &str) -> bool {
        if let Some(known) = self.times.lock().unwrap_or_else(PoisonError::into_inner).get(text) {
            return *known;
        }
        let named = !crate::core::rehearsal::specific_times(text).is_empty();
        self.times.lock().unwrap_or_else(PoisonError::into_inner).insert(text.to_string(), named);
        named
    }
}

/// Steps `pattern` compiles to, its lexicon sets expanded as the scorer expands them.
pub(crate) fn program_size(pattern: &Pattern, lexicon: &Lexicon) -> usize {
    let sets = pattern
        .references()
        .into_iter()
        .filter(|(is_slot, _)| !is_slot)
        .map(|(_, name)| {
            let members = crate::core::scoring::lists::merged_set(&lexicon.sets, &name);
            (name, members)
        })
        .collect();
    crate::core::scoring::phrase::Phrase::compile(pattern, &sets).program_len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_seen_again_gets_the_same_answer_and_a_bad_one_keeps_its_reason() {
        let lexicon = Lexicon::default();
        let checks = PatternChecks::new(&lexicon);
        let first = checks.phrase("call you (at | by) {time}");
        let again = checks.phrase("call you (at | by) {time}");
        assert!(Arc::ptr_eq(&first, &again), "the second look is the first answer");
        let facts = first.as_ref().as_ref().expect("reads");
        assert_eq!(facts.references, vec![(true, "time".to_string())]);
        let size = program_size(&Pattern::parse("call you (at | by) {time}").expect("reads"), &lexicon);
        assert_eq!(facts.program_size, size);
        let bad = checks.phrase("call (you");
        assert_eq!(bad.as_ref().as_ref().err(), Pattern::parse("call (you").err().as_ref());
    }

    #[test]
    fn a_regex_problem_is_said_in_one_line_each_time() {
        let lexicon = Lexicon::default();
        let checks = PatternChecks::new(&lexicon);
        assert_eq!(checks.regex_problem("(?i)corporate"), None);
        let first = checks.regex_problem("(corporate").expect("an unclosed group is refused");
        assert!(!first.contains('\n') && first.contains("unclosed"), "{first}");
        assert_eq!(checks.regex_problem("(corporate"), Some(first));
    }

    #[test]
    fn a_commitment_line_read_again_gets_the_same_answer() {
        let lexicon = Lexicon::default();
        let checks = PatternChecks::new(&lexicon);
        for _ in 0..2 {
            assert!(checks.names_a_specific_time("I'll call you at 4pm today."));
            assert!(!checks.names_a_specific_time("I'll call you soon."));
        }
        assert_eq!(checks.times.lock().expect("not poisoned").len(), 2, "each line read once");
    }
}

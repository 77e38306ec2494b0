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
use crate::core::scenario::pattern::{Build, Element, Pattern, PatternError, lowercase, read_wide};

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

/// A multiply-rotate hash read eight bytes at a time (as `rustc`'s Fx hash): the memos' keys are
/// texts from the files being checked (phrases of a hundred characters), hashed hundreds of
/// thousands of times a build, where the standard hasher's resistance to chosen keys buys nothing.
#[derive(Default)]
pub(super) struct Fx(u64);

/// The Fx multiplier.
const FX_SEED: u64 = 0x517c_c1b7_2722_0a95;

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits, which a multiply mixes least.
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
}

/// Texts of one file hashed with [`Fx`] (ids, a turn's phrases): validation asks such sets some
/// fifty thousand times per thousand files, where the standard hasher cost more than the checks.
pub(super) type TextSet<'a> = std::collections::HashSet<&'a str, std::hash::BuildHasherDefault<Fx>>;

/// A [`TextSet`] with room for `n` texts without growing.
pub(super) fn text_set<'a>(n: usize) -> TextSet<'a> {
    TextSet::with_capacity_and_hasher(n, std::hash::BuildHasherDefault::default())
}

/// Answers worked out once per distinct key and shared by every thread of a library build.
struct Memo<V>(Mutex<HashMap<String, V, std::hash::BuildHasherDefault<Fx>>>);

impl<V: Clone> Memo<V> {
    fn new() -> Self {
        Self(Mutex::default())
    }

    /// The answer for `key`, worked out by `work` the first time. The work runs without the lock:
    /// another thread may do the same key meanwhile, to the same end, and the first answer stored
    /// is the one every caller gets.
    fn get_or(&self, key: &str, work: impl FnOnce() -> V) -> V {
        if let Some(known) = self.0.lock().unwrap_or_else(PoisonError::into_inner).get(key) {
            return known.clone();
        }
        let answer = work();
        self.0.lock().unwrap_or_else(PoisonError::into_inner).entry(key.to_string()).or_insert(answer).clone()
    }
}

/// The phrase and regex answers for one library build, shared by every file checked against
/// `lexicon` (on every core).
pub struct PatternChecks<'l> {
    lexicon: &'l Lexicon,
    phrases: Memo<PhraseCheck>,
    /// A regex text and why it does not compile (None: it compiles).
    regexes: Memo<Option<String>>,
    /// A script line and whether it names a specific time.
    times: Memo<bool>,
    /// Steps a lexicon set's choice compiles to, by set name.
    set_sizes: Memo<usize>,
    /// Tokens a pattern word is read as ("I'll" is two), by word.
    word_lens: Memo<usize>,
}

impl<'l> PatternChecks<'l> {
    /// Nothing learned yet; phrases are sized with `lexicon`'s sets.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Self {
            lexicon,
            phrases: Memo::new(),
            regexes: Memo::new(),
            times: Memo::new(),
            set_sizes: Memo::new(),
            word_lens: Memo::new(),
        }
    }

    /// The lexicon phrases are checked against.
    pub fn lexicon(&self) -> &'l Lexicon {
        self.lexicon
    }

    /// The phrase `text` read and sized (once per distinct text), without building its elements:
    /// [`FactsReader`] counts as it reads.
    pub fn phrase(&self, text: &str) -> PhraseCheck {
        self.phrases.get_or(text, || {
            let mut reader = FactsReader { checks: self, references: Vec::new() };
            Arc::new(
                read_wide(text, &mut reader)
                    .map(|whole| PhraseFacts { program_size: whole.compiled_size(), references: reader.references }),
            )
        })
    }

    /// Tokens the pattern word `w` is read as (once per build).
    fn word_len(&self, w: &str) -> usize {
        self.word_lens.get_or(w, || words_in(w))
    }

    /// Steps the choice of the set `name`'s members compiles to (once per build).
    fn set_size(&self, name: &str) -> usize {
        self.set_sizes.get_or(name, || set_size(&crate::core::scoring::lists::merged_set(&self.lexicon.sets, name)))
    }

    /// Why the regex `text` does not compile (within the size limit), in one line; None when it does.
    pub fn regex_problem(&self, text: &str) -> Option<String> {
        self.regexes.get_or(text, || {
            regex::RegexBuilder::new(text)
                .size_limit(REGEX_SIZE_LIMIT)
                .build()
                .err()
                .map(|e| e.to_string().lines().last().unwrap_or_default().trim().to_string())
        })
    }

    /// Whether the script line `text` names a specific time (what a `Commitment` line must do), read
    /// as [`crate::core::rehearsal::specific_times`] reads it.
    pub fn names_a_specific_time(&self, text: &str) -> bool {
        self.times.get_or(text, || crate::core::rehearsal::names_a_specific_time(text))
    }
}

/// Reads a phrase into its [`PhraseFacts`] without keeping its elements: each sequence is counted
/// as [`compiled_size`] counts the elements it would hold, and the slot and set names are kept in
/// the order [`Pattern::references`] gives them.
struct FactsReader<'c, 'l> {
    checks: &'c PatternChecks<'l>,
    references: Vec<(bool, String)>,
}

/// What [`compiled_size`] needs of a sequence of elements, counted as they are read.
#[derive(Default)]
struct SeqFacts {
    /// Elements in it.
    len: usize,
    /// Its [`sequence_size`].
    size: usize,
    /// Whether it holds something other than gaps and optional groups.
    requires: bool,
    /// Its last element, as far as the top-level flattening cares.
    last: Last,
}

/// An element as the phrase compiler's one reshaping (a choice of choices read as one) sees it.
#[derive(Default, Clone, Copy)]
enum Last {
    /// A word, slot or gap.
    #[default]
    Other,
    /// A set of this [`set_size`].
    Set(usize),
    /// A choice of this [`choice_size`]; `flat` is the size of its options read as one flat
    /// choice (without the split and final jump), when each is a lone choice or set.
    Choice { size: usize, optional: bool, flat: Option<usize> },
}

/// The options of one choice, counted.
struct OptionFacts {
    /// Its [`choice_size`] so far.
    size: usize,
    /// The sum of the options' sizes inside a flat choice, while every option is a lone set or
    /// non-optional choice.
    flat: Option<usize>,
}

impl SeqFacts {
    fn add(&mut self, size: usize, requires: bool, last: Last) {
        self.len += 1;
        self.size += size;
        self.requires |= requires;
        self.last = last;
    }

    /// What the whole phrase compiles to, as [`compiled_size`] counts it.
    fn compiled_size(&self) -> usize {
        match (self.len, self.last) {
            (1, Last::Choice { optional: false, flat: Some(inner), .. }) => 1 + inner + 1,
            _ => self.size + 1,
        }
    }
}

impl Build for FactsReader<'_, '_> {
    type Seq = SeqFacts;
    type Options = OptionFacts;

    fn seq(&mut self) -> SeqFacts {
        SeqFacts::default()
    }

    fn len(seq: &SeqFacts) -> usize {
        seq.len
    }

    fn requires_something(seq: &SeqFacts) -> bool {
        seq.requires
    }

    fn word(&mut self, seq: &mut SeqFacts, word: &str) {
        // A word of ASCII letters (most of them) is sized in place, without the memo.
        let size = match crate::core::scoring::text::letters_word_len(word) {
            Some(size) => size,
            None => self.checks.word_len(&lowercase(word)),
        };
        seq.add(size, true, Last::Other);
    }

    fn slot(&mut self, seq: &mut SeqFacts, name: &str) {
        self.references.push((true, name.to_string()));
        seq.add(1, true, Last::Other);
    }

    fn set(&mut self, seq: &mut SeqFacts, name: &str) {
        self.references.push((false, name.to_string()));
        let size = self.checks.set_size(name);
        seq.add(size, true, Last::Set(size));
    }

    fn gap(&mut self, seq: &mut SeqFacts) {
        seq.add(2 * crate::core::scoring::automaton::MAX_GAP, false, Last::Other);
    }

    fn options(&mut self) -> OptionFacts {
        OptionFacts { size: 1, flat: Some(0) }
    }

    fn option(&mut self, options: &mut OptionFacts, option: SeqFacts) {
        options.size += option.size + 1;
        let flat = match (option.len, option.last) {
            (1, Last::Choice { size, optional: false, .. }) => Some(size - 1),
            (1, Last::Set(size)) => Some(size - 1),
            _ => None,
        };
        options.flat = options.flat.zip(flat).map(|(sum, one)| sum + one);
    }

    fn choice(&mut self, seq: &mut SeqFacts, options: OptionFacts, optional: bool) {
        seq.add(options.size, !optional, Last::Choice { size: options.size, optional, flat: options.flat });
    }
}

#[cfg(test)]
/// Steps `pattern` compiles to, its lexicon sets expanded as the scorer expands them (what
/// `Phrase::compile(..).program_len()` gives, counted without compiling: a library build sizes
/// every phrase, and compiling each one only to count it was most of the build's time).
pub(crate) fn program_size(pattern: &Pattern, lexicon: &Lexicon) -> usize {
    let set = |name: &str| set_size(&crate::core::scoring::lists::merged_set(&lexicon.sets, name));
    compiled_size(&pattern.elements, &Sizer { set: &set, word: &words_in })
}

/// How to size the parts a pattern names: a lexicon set's choice, and the tokens a word is read as.
struct Sizer<'a> {
    set: &'a dyn Fn(&str) -> usize,
    word: &'a dyn Fn(&str) -> usize,
}

/// Tokens the pattern word `w` is read as, as the phrase compiler reads it.
fn words_in(w: &str) -> usize {
    if is_plain_word(w) {
        // Lowercase letters only: one piece, read as the whole-word contractions read it ("cannot"
        // is two), without analysing a sentence.
        crate::core::scoring::text::contraction_len(w)
    } else {
        crate::core::scoring::text::phrase_words(w).len()
    }
}

/// A word of lowercase ASCII letters only (most pattern words), sized without the tokeniser.
fn is_plain_word(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
/// Steps a sequence of pattern elements compiles to, the accepting step included, with the phrase
/// compiler's one reshaping: a choice of choices at the top is read as one flat choice.
fn compiled_size(elements: &[Element], size: &Sizer) -> usize {
    let flat = match elements {
        [Element::Choice { options, optional: false }] => options
            .iter()
            .map(|o| match o.as_slice() {
                [Element::Choice { options, optional: false }] => Some(choice_size(options, size) - 1),
                [Element::Set(name)] => Some((size.set)(name) - 1),
                _ => None,
            })
            .collect::<Option<Vec<usize>>>(),
        _ => None,
    };
    match flat {
        // One split, then each inner option and its jump.
        Some(inner) => 1 + inner.iter().sum::<usize>() + 1,
        None => sequence_size(elements, size) + 1,
    }
}

/// Steps of a sequence of elements (as `automaton::Program` lays them out).
fn sequence_size(elements: &[Element], size: &Sizer) -> usize {
    elements
        .iter()
        .map(|e| match e {
            Element::Word(w) => (size.word)(w),
            Element::Choice { options, .. } => choice_size(options, size),
            Element::Set(name) => (size.set)(name),
            Element::Slot(_) => 1,
            // Each of the gap's words is a split and a step of any word.
            Element::Gap => 2 * crate::core::scoring::automaton::MAX_GAP,
        })
        .sum()
}

/// A choice: its split, then each option followed by a jump to the end.
fn choice_size(options: &[Vec<Element>], size: &Sizer) -> usize {
    1 + options.iter().map(|o| sequence_size(o, size) + 1).sum::<usize>()
}

/// A set's members as a choice: a member in pattern syntax is read as a pattern (its own sets
/// left empty, as the phrase compiler leaves them), any other as plain words.
fn set_size(members: &[String]) -> usize {
    let no_sets = Sizer { set: &|_| 1, word: &words_in };
    1 + members
        .iter()
        .map(|m| {
            let pattern = crate::core::scoring::phrase::is_pattern_member(m).then(|| Pattern::parse(m).ok()).flatten();
            let steps = match pattern {
                Some(p) => sequence_size(&p.elements, &no_sets),
                None => words_in(m),
            };
            steps + 1
        })
        .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_are_sized_as_the_tokeniser_sizes_them() {
        let words = [
            "a", "i", "call", "back", "sorry", "cannot", "cant", "wont", "im", "ive", "dont", "didnt", "rly", "thats",
            "whats", "itll", "youll", "theyre", "am", "pm", "st", "mr", "etc", "approx", "jan", "its", "lets", "been",
        ];
        for w in words {
            assert_eq!(words_in(w), crate::core::scoring::text::phrase_words(w).len(), "{w}");
        }
    }

    #[test]
    fn a_phrase_seen_again_gets_the_same_answer_and_a_bad_one_keeps_its_reason() {
        let lexicon = Lexicon::default();
        let checks = PatternChecks::new(&lexicon);
        let first = checks.phrase("call you (at | by) {time}");
        let again = checks.phrase("call you (at | by) {time}");
        assert!(Arc::ptr_eq(&first, &again), "the second look is the first answer");
        let facts = first.as_ref().as_ref().expect("reads");
        assert_eq!(facts.references, vec![(true, "time".to_string())]);
        let size = program_size(&Pattern::parse_wide("call you (at | by) {time}").expect("reads"), &lexicon);
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
        assert_eq!(checks.times.0.lock().expect("not poisoned").len(), 2, "each line read once");
    }

    /// What the phrase compiler really gives, to check the count against.
    fn compiled(pattern: &str, lexicon: &Lexicon) -> usize {
        let pattern = Pattern::parse_wide(pattern).expect("parses");
        let sets = crate::core::scoring::lists::merged_sets(&lexicon.sets);
        crate::core::scoring::phrase::Phrase::compile(&pattern, &sets).program_len()
    }

    #[test]
    fn the_size_counted_without_compiling_is_the_compiled_size() {
        let mut lexicon = Lexicon::default();
        lexicon
            .sets
            .insert("apology".into(), vec!["sorry".into(), "I'm so sorry".into(), "(my | our) apologies".into()]);
        lexicon.sets.insert("nested".into(), vec!["@apology now".into(), "[very] sorry * indeed".into()]);
        let checks = PatternChecks::new(&lexicon);
        let patterns = [
            "sorry",
            "I'll call you back",
            "@apology * my fault",
            "call [you] (at | by) {time}",
            "(@apology | @ownership)",
            "((a | b) | (c | d))",
            "((a | b) | c)",
            "(@apology | (we | I) will)",
            "x [(a | b)]",
            "@blame-target (didn't | never) *",
            "@nested",
            "(@nested | @apology)",
            "don't worry {customer} it's on me",
            "* * {number} [@vague-time]",
        ];
        for p in patterns {
            assert_eq!(program_size(&Pattern::parse_wide(p).expect("parses"), &lexicon), compiled(p, &lexicon), "{p}");
            let facts = checks.phrase(p);
            assert_eq!(facts.as_ref().as_ref().expect("reads").program_size, compiled(p, &lexicon), "{p}");
        }
    }

    #[test]
    fn the_size_counted_without_compiling_holds_for_random_patterns() {
        use rand::rngs::StdRng;
        use rand::{Rng, SeedableRng};
        fn pattern(rng: &mut StdRng, depth: usize) -> String {
            let n = rng.random_range(1..4);
            (0..n)
                .map(|_| match rng.random_range(0..if depth > 2 { 4 } else { 6 }) {
                    0 => ["sorry", "we'll", "call", "it's", "mr", "I'll", "Cannot", "WONT"][rng.random_range(0..8)]
                        .to_string(),
                    1 => ["@apology", "@ownership", "@nested", "@unknown-set"][rng.random_range(0..4)].to_string(),
                    2 => ["{time}", "{number}", "{customer}"][rng.random_range(0..3)].to_string(),
                    3 => "*".to_string(),
                    4 => format!("({} | {})", pattern(rng, depth + 1), pattern(rng, depth + 1)),
                    _ => format!("[{}]", pattern(rng, depth + 1)),
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        let mut lexicon = Lexicon::default();
        lexicon.sets.insert("apology".into(), vec!["sorry".into(), "(my | our) apologies".into()]);
        lexicon.sets.insert("nested".into(), vec!["@apology now".into(), "[very] sorry * indeed".into()]);
        let mut rng = StdRng::seed_from_u64(14);
        for _ in 0..300 {
            let p = pattern(&mut rng, 0);
            let checks = PatternChecks::new(&lexicon);
            let Ok(parsed) = Pattern::parse_wide(&p) else {
                assert_eq!(checks.phrase(&p).as_ref().as_ref().err(), Pattern::parse(&p).err().as_ref(), "{p}");
                continue;
            };
            assert_eq!(program_size(&parsed, &lexicon), compiled(&p, &lexicon), "{p}");
            let facts = checks.phrase(&p);
            let facts = facts.as_ref().as_ref().expect("reads");
            assert_eq!((facts.program_size, &facts.references), (compiled(&p, &lexicon), &parsed.references()), "{p}");
        }
    }
}

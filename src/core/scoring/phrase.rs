//! Matching phrase patterns against an analysed response, with stems, typo tolerance, lexicon sets
//! and slots. A match never crosses a sentence and never counts quoted or negated words.

use std::collections::BTreeMap;

use super::automaton::{Program, Span, TableWords, WordMasks};
use super::budget::{Budget, Unlimited};
use super::distance::{at_most, two_letters_apart, within_edits};
use super::text::{Analysed, Token, phrase_words, stem};
use super::word_index::{WordIndex, WordsSeen};
use crate::core::scenario::pattern::{Element, Pattern};

/// A pattern word, normalised once.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    text: String,
    /// The stem, or None when the word must match as written (typos aside).
    stem: Option<String>,
    /// Which letters a-z the word uses, to rule out typos cheaply.
    letters: u32,
    text_key: u64,
    stem_key: Option<u64>,
}

impl Word {
    /// A word as it appears in a pattern or list (already normalised); other forms of it match too.
    pub fn new(text: &str) -> Self {
        let stem = stem(text);
        Self {
            text: text.to_string(),
            stem_key: Some(word_key(&stem)),
            stem: Some(stem),
            letters: letter_mask(text),
            text_key: word_key(text),
        }
    }

    /// A word that matches only as written ("call", not "called").
    pub fn exact(text: &str) -> Self {
        Self {
            text: text.to_string(),
            stem: None,
            letters: letter_mask(text),
            text_key: word_key(text),
            stem_key: None,
        }
    }

    /// The word as written in the pattern (normalised).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The key of the text (see [`word_key`]).
    pub(super) fn text_key(&self) -> u64 {
        self.text_key
    }

    /// The key of the stem, when other forms of the word match too.
    pub(super) fn stem_key(&self) -> Option<u64> {
        self.stem_key
    }

    /// True when `token` is this word: same text, same stem, or a likely typo of a long word.
    pub fn matches(&self, token: &Token) -> bool {
        if token.text_key == self.text_key && token.text == self.text
            || self.stem_key == Some(token.stem_key) && self.stem.as_deref().is_some_and(|s| s == &*token.stem)
        {
            return true;
        }
        self.typo_in(token)
    }

    /// True when `token` is a plausible typo of this word (see [`typo_of`]), ruling most pairs out
    /// by their letters before measuring the distance: each edit takes at most one of the word's
    /// letters out of the token and brings at most one letter in (a swap neither), so more than
    /// `allowed` letters missing, or more than `allowed` new ones, is more than `allowed` edits.
    #[inline]
    pub(super) fn typo_in(&self, token: &Token) -> bool {
        let allowed = if self.text.len() >= 8 { 2 } else { 1 };
        let missing = self.letters & !token.letters;
        let new = token.letters & !self.letters;
        at_most(missing, allowed) && at_most(new, allowed) && typo_of(&token.text, &self.text)
    }
}

/// Bit i set when the word contains the letter `a` + i.
pub fn letter_mask(word: &str) -> u32 {
    word.bytes().filter(u8::is_ascii_lowercase).fold(0, |mask, b| mask | 1 << (b - b'a'))
}

pub use super::keys::{AddressMap, Fnv, KeyHasher, KeyMap, word_key};

/// Long words by first letter (a-z), each bucket sorted by length, for typo checks against tokens
/// that share the first letter and are within two letters of the length (no typo is further).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FuzzyWords<T> {
    by_first: Vec<Vec<(T, Word)>>,
    /// A bit per first letter with a bucket, so most tokens are ruled out with one test.
    firsts: u32,
}

impl<T> Default for FuzzyWords<T> {
    fn default() -> Self {
        Self { by_first: (0..26).map(|_| Vec::new()).collect(), firsts: 0 }
    }
}

impl<T: Copy> FuzzyWords<T> {
    /// A bit per first letter (a-z) some long word here starts with: a token whose first letter
    /// has no bit is no typo of any of them.
    pub(super) fn firsts(&self) -> u32 {
        self.firsts
    }

    pub(super) fn add(&mut self, tag: T, w: &Word) {
        if let Some(first) = w.text.bytes().next().filter(|b| b.is_ascii_lowercase() && w.text.len() >= 6) {
            self.firsts |= 1 << (first - b'a');
            let bucket = &mut self.by_first[usize::from(first - b'a')];
            let at = bucket.partition_point(|(_, known)| known.text.len() <= w.text.len());
            bucket.insert(at, (tag, w.clone()));
        }
    }

    pub(super) fn typos_of<'s>(&'s self, token: &'s Token) -> impl Iterator<Item = T> + 's {
        self.near(token).iter().filter(|(_, w)| w.typo_in(token)).map(|(tag, _)| *tag)
    }

    /// The long words `token` may be a typo of by first letter and length, each still to be asked
    /// with [`Word::typo_in`].
    pub(super) fn near(&self, token: &Token) -> &[(T, Word)] {
        // No typo is more than two letters shorter than a word of six or more.
        let n = token.text.len();
        let bucket = token
            .text
            .bytes()
            .next()
            .filter(|b| n >= 4 && b.is_ascii_lowercase() && self.firsts & (1 << (b - b'a')) != 0)
            .map(|b| &self.by_first[usize::from(b - b'a')]);
        bucket.map_or(&[][..], |words| {
            let from = words.partition_point(|(_, w)| w.text.len() + 2 < n);
            let to = words.partition_point(|(_, w)| w.text.len() <= n + 2);
            &words[from..to.max(from)]
        })
    }
}

/// True when `typed` is a plausible typo of `intended`: same first letter, letters only, and an
/// edit distance of 1 for words of 6+ letters (2 for 8+), but not two letters changed apart from
/// each other in a word of the same length: that is another word ("promised" is no typo of
/// "provided"), where a slip changes one letter, swaps two, or drops or doubles one.
// Asked after the letter test of `Word::typo_in`, which most words fail: kept out of its loops.
#[inline(never)]
pub fn typo_of(typed: &str, intended: &str) -> bool {
    let (n, m) = (typed.len(), intended.len());
    if m < 6 || n.abs_diff(m) > 2 || typed.as_bytes().first() != intended.as_bytes().first() {
        return false;
    }
    if !typed.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let allowed = if m >= 8 { 2 } else { 1 };
    within_edits(typed, intended, allowed) && !two_letters_apart(typed, intended)
}

/// A compiled phrase pattern.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// Told apart from every other phrase compiled in this run (a copy keeps it: it matches the
    /// same words), so a [`super::list_table::ListTable`] can say whether it holds the phrase.
    id: u64,
    elements: Vec<Node>,
    /// The elements compiled to an automaton.
    program: Program,
    /// The words a match can start with, when they can be known: other positions are skipped.
    starts: Option<StartWords>,
    /// Words a sentence must hold for a match in it, when they can be known: other sentences are
    /// not searched.
    anchors: Option<Vec<Vec<StartWords>>>,
}

/// Per way the phrase can match (each option of a top-level choice, or the whole phrase), a set
/// of words for each element every such match reads (a word, or a choice whose every option
/// starts with known words): a match needs a word of each set among its sentence's own words.
/// `None` when some way of matching has no such element.
fn anchors_of(elements: &[Node]) -> Option<Vec<Vec<StartWords>>> {
    anchor_words(elements).map(|ways| ways.iter().map(|way| way.iter().map(|w| StartWords::of(w)).collect()).collect())
}

/// Per way of matching, the words of each of its anchors (see [`anchors_of`]).
pub(super) type AnchorWords<'n> = Vec<Vec<Vec<&'n Word>>>;

/// The words of [`anchors_of`]'s sets, as written.
fn anchor_words(elements: &[Node]) -> Option<AnchorWords<'_>> {
    let ways: Vec<&[Node]> = match elements {
        [Node::Choice { options, optional: false, .. }] => options.iter().map(Vec::as_slice).collect(),
        nodes => vec![nodes],
    };
    ways.into_iter()
        .map(|way| {
            let anchors: Vec<Vec<&Word>> = way
                .iter()
                .filter_map(|node| {
                    let mut words = Vec::new();
                    let known = match node {
                        Node::Word(w) => {
                            words.push(w);
                            true
                        }
                        Node::Choice { options, optional: false, .. } => {
                            options.iter().all(|o| collect_starts(o, &mut |w| words.push(w)))
                        }
                        _ => false,
                    };
                    known.then_some(words)
                })
                .collect();
            (!anchors.is_empty()).then_some(anchors)
        })
        .collect()
}

/// The first words of every way a phrase can match.
type StartWords = WordIndex<()>;

/// Collect the words `nodes` can start with; false when any word may start it (a gap or slot first).
fn collect_starts<'n>(nodes: &'n [Node], out: &mut dyn FnMut(&'n Word)) -> bool {
    match nodes.first() {
        None => false,
        Some(Node::Word(w)) => {
            out(w);
            true
        }
        Some(Node::Choice { options, optional, .. }) => {
            let all = options.iter().all(|o| collect_starts(o, out));
            all && (!*optional || collect_starts(&nodes[1..], out))
        }
        Some(_) => false,
    }
}

/// Options of a top-level choice by their first word, so matching tries only plausible ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct FirstWordIndex {
    by_text: KeyMap<Vec<usize>>,
    by_stem: KeyMap<Vec<usize>>,
    /// Options whose first word is long enough for typo tolerance.
    fuzzy: FuzzyWords<usize>,
    /// Options whose first word cannot be known (a gap or slot may start them).
    other: Vec<usize>,
}

/// Two phrases are equal when they match alike (their ids aside).
impl PartialEq for Phrase {
    fn eq(&self, other: &Self) -> bool {
        self.elements == other.elements && self.program == other.program
    }
}

impl Phrase {
    fn new(elements: Vec<Node>) -> Self {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let elements = flatten_top_choice(elements);
        let mut starts = StartWords::default();
        let known = collect_starts(&elements, &mut |w| starts.add((), w));
        let program = Program::compile(&elements);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let anchors = anchors_of(&elements);
        Self { id, elements, program, starts: known.then_some(starts), anchors }
    }

    /// Tells this phrase (and its copies) apart from every other phrase compiled in this run.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The phrase as a word list: the runs of words it matches (a run of words, or a choice
    /// whose options are runs of words), and each of its other options compiled alone, which only
    /// the automaton matches (a word list with pattern entries). `None` when the phrase is no
    /// choice and no run of words.
    pub fn literal_options(&self) -> Option<(Vec<Vec<&Word>>, Vec<Phrase>)> {
        fn run(nodes: &[Node]) -> Option<Vec<&Word>> {
            nodes.iter().map(|n| if let Node::Word(w) = n { Some(w) } else { None }).collect()
        }
        match self.elements.as_slice() {
            [Node::Choice { options, optional: false, .. }] => {
                let runs = options.iter().filter_map(|o| run(o)).collect();
                let rest = options.iter().filter(|o| run(o).is_none()).map(|o| Phrase::new(o.clone())).collect();
                Some((runs, rest))
            }
            nodes => run(nodes).map(|words| (vec![words], Vec::new())),
        }
    }

    /// The end of the longest counted match that starts at token `at`, if any (as
    /// [`Phrase::find_within`] would find it there were `at` the first place it looked).
    pub fn longest_at(&self, a: &Analysed, names: &Names, at: usize, budget: &dyn Budget) -> Option<usize> {
        let start = a.tokens.get(at)?;
        let to = a.sentences.get(start.sentence)?.end;
        let span = Span { tokens: &a.tokens, times: a.sentence_times(), names, from: at, to };
        let only_here = |p: usize| p == at;
        let found = self.program.find_in(span, &mut WordMasks::default(), &only_here, budget);
        found.first().filter(|m| m.0 == at).map(|m| m.1)
    }

    /// The words behind [`Phrase::may_start_in`]'s filters, as [`WordIndex::has`] asks of a token:
    /// the start words (`None`: any word), and per way of matching each anchor's (`None`: none known).
    pub(super) fn filter_words(&self) -> (Option<Vec<&Word>>, Option<AnchorWords<'_>>) {
        let mut starts = Vec::new();
        let known = collect_starts(&self.elements, &mut |w| starts.push(w));
        (known.then_some(starts), anchor_words(&self.elements))
    }

    /// True when a match may be in sentence `k` of `a`: some word there is counted and is one a
    /// match can start with (or the phrase may start with any word), and the sentence's own words
    /// hold a word of every anchor of some way of matching. Each distinct word is asked once, and
    /// none when the sentence's filter (see `distinct.rs`) shows no word of the set is there.
    pub(super) fn may_start_in(&self, a: &Analysed, k: usize) -> bool {
        let Some(words) = a.sentence_words(k) else { return true };
        let any = |index: &StartWords, (of, seen): (&[usize], &WordsSeen)| {
            index.may_have_any(seen) && of.iter().any(|&i| index.has(&a.tokens[i]))
        };
        let (own, unnegated) = ((&words.own[..], &words.own_seen), (&words.unnegated[..], &words.unnegated_seen));
        let started = self.starts.as_ref().is_none_or(|starts| any(starts, unnegated));
        started
            && self.anchors.as_ref().is_none_or(|ways| ways.iter().any(|anchors| anchors.iter().all(|w| any(w, own))))
    }
}

/// `either(a, b)` of two choices is one choice of all their options.
fn flatten_top_choice(elements: Vec<Node>) -> Vec<Node> {
    match elements.as_slice() {
        [Node::Choice { options, optional: false, set: None, .. }]
            if options.iter().all(|o| matches!(o.as_slice(), [Node::Choice { optional: false, .. }])) =>
        {
            let flat = options
                .iter()
                .flat_map(|o| match o.as_slice() {
                    [Node::Choice { options, .. }] => options.clone(),
                    _ => Vec::new(),
                })
                .collect();
            vec![choice(flat, false, None)]
        }
        _ => elements,
    }
}

impl FirstWordIndex {
    fn new(options: &[Vec<Node>]) -> Self {
        let mut index = Self::default();
        for (k, option) in options.iter().enumerate() {
            // An option that opens with a set or a choice is indexed by every word it can start with.
            let mut firsts = Vec::new();
            if !collect_starts(option, &mut |w| firsts.push(w.clone())) {
                index.other.push(k);
                continue;
            }
            for w in &firsts {
                add_once(index.by_text.entry(w.text_key).or_default(), k);
                if let Some(stem) = w.stem_key {
                    add_once(index.by_stem.entry(stem).or_default(), k);
                }
                index.fuzzy.add(k, w);
            }
        }
        index
    }

    /// Call `f` with each option that may match starting at `token` (the Pike VM kept for the
    /// tests goes only there; the bit-set search needs no index, see `automaton/bits.rs`).
    #[cfg(test)]
    pub(super) fn for_each_candidate(&self, token: &Token, mut f: impl FnMut(usize)) {
        self.other.iter().for_each(|k| f(*k));
        let by_text = self.by_text.get(&token.text_key).map(Vec::as_slice).unwrap_or_default();
        by_text.iter().for_each(|k| f(*k));
        // The same option reached by both text and stem is tried once.
        for k in self.by_stem.get(&token.stem_key).into_iter().flatten().filter(|k| !by_text.contains(k)) {
            f(*k);
        }
        for k in self.fuzzy.typos_of(token).filter(|k| !by_text.contains(k)) {
            f(k);
        }
    }
}

/// Add option `k` to a list of options, unless it was the last added.
fn add_once(options: &mut Vec<usize>, k: usize) {
    if options.last() != Some(&k) {
        options.push(k);
    }
}

/// A compiled pattern element.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Word(Word),
    Choice { options: Vec<Vec<Node>>, optional: bool, set: Option<String>, index: Option<Box<FirstWordIndex>> },
    Time,
    Hour,
    Customer,
    Colleague,
    Number,
    Gap,
}

/// A choice node, indexed by first word when it has enough options for that to pay.
fn choice(options: Vec<Vec<Node>>, optional: bool, set: Option<String>) -> Node {
    let index = (options.len() > 4).then(|| Box::new(FirstWordIndex::new(&options)));
    Node::Choice { options, optional, set, index }
}

impl Phrase {
    /// Compile a parsed pattern; lexicon sets are expanded into choices of their members.
    pub fn compile(pattern: &Pattern, sets: &BTreeMap<String, Vec<String>>) -> Self {
        Self::new(compile_elements(&pattern.elements, sets))
    }

    /// A phrase that matches any of the phrase patterns in `patterns` (which must parse).
    pub fn any_pattern(patterns: &[&str], sets: &BTreeMap<String, Vec<String>>) -> Self {
        let options = patterns
            .iter()
            .filter_map(|p| Pattern::parse(&p.split_whitespace().collect::<Vec<_>>().join(" ")).ok())
            .map(|p| compile_elements(&p.elements, sets))
            .collect();
        Self::new(vec![choice(options, false, None)])
    }

    /// A phrase that matches wherever `a` or `b` does.
    pub fn either(a: &Phrase, b: &Phrase) -> Self {
        let options = vec![a.elements.clone(), b.elements.clone()];
        Self::new(vec![choice(options, false, None)])
    }

    /// True when the phrase names the lexicon set `name` (as `@name`).
    pub fn refers_to(&self, name: &str) -> bool {
        fn any_set(nodes: &[Node], name: &str) -> bool {
            nodes.iter().any(|n| match n {
                Node::Choice { options, set, .. } => {
                    set.as_deref() == Some(name) || options.iter().any(|o| any_set(o, name))
                }
                _ => false,
            })
        }
        any_set(&self.elements, name)
    }

    /// True when the phrase contains a `{time}` or `{hour}` slot (it then speaks of a commitment).
    pub fn has_time_slot(&self) -> bool {
        fn any_time(nodes: &[Node]) -> bool {
            nodes.iter().any(|n| match n {
                Node::Time | Node::Hour => true,
                Node::Choice { options, .. } => options.iter().any(|o| any_time(o)),
                _ => false,
            })
        }
        any_time(&self.elements)
    }

    /// A phrase that matches any of `texts` (in any word form).
    pub fn any_of(texts: &[&str]) -> Self {
        Self::choice_of(texts, Word::new)
    }

    /// A phrase that matches any of `texts` exactly as written (typos aside).
    pub fn any_of_exact(texts: &[&str]) -> Self {
        Self::choice_of(texts, Word::exact)
    }

    fn choice_of(texts: &[&str], word: fn(&str) -> Word) -> Self {
        let options = texts.iter().map(|t| phrase_words(t).iter().map(|w| Node::Word(word(w))).collect()).collect();
        Self::new(vec![choice(options, false, None)])
    }

    /// Every counted match (not quoted, not negated), as token ranges, leftmost-longest, non-overlapping.
    /// When the longest match at a position does not count, shorter ones there are tried.
    pub fn find(&self, a: &Analysed, names: &Names) -> Vec<(usize, usize)> {
        self.find_within(a, names, &Unlimited)
    }

    /// Like [`Phrase::find`], asking `budget` as it goes: once it is exhausted, the matches found
    /// so far.
    pub fn find_within(&self, a: &Analysed, names: &Names, budget: &dyn Budget) -> Vec<(usize, usize)> {
        self.find_in_sentences(a, names, budget, &|k| self.may_start_in(a, k), None, None)
    }

    /// [`Phrase::find_within`] searching the sentences `may_match` lets through (by index): it must
    /// let through every one [`Phrase::may_start_in`] does (a sentence it rules out holds no match).
    /// With `table`, the words of a shared table each token is, holding every one of
    /// [`Phrase::words`] (see [`TableWords`]): the same matches, no word asked again. With
    /// `starts_at`, whether the token at a position is one of the phrase's start words as the
    /// caller already knows it (it must say what the phrase's own start words say).
    pub(super) fn find_in_sentences(
        &self,
        a: &Analysed,
        names: &Names,
        budget: &dyn Budget,
        may_match: &dyn Fn(usize) -> bool,
        table: Option<TableWords>,
        starts_at: Option<&dyn Fn(usize) -> bool>,
    ) -> Vec<(usize, usize)> {
        let own = |p: usize| self.starts.as_ref().is_none_or(|starts| starts.has(&a.tokens[p]));
        let may_start = |p: usize| match starts_at {
            Some(starts_at) => {
                let known = starts_at(p);
                debug_assert_eq!(known, own(p), "start words of {:?} at {p}", self.words());
                known
            }
            None => own(p),
        };
        let mut out = Vec::new();
        WordMasks::with_empty(|masks| {
            for (k, s) in a.sentences.iter().enumerate() {
                if budget.exhausted() {
                    break;
                }
                // A sentence no match can start in is not searched.
                if !may_match(k) {
                    continue;
                }
                let span = Span { tokens: &a.tokens, times: a.sentence_times(), names, from: s.start, to: s.end };
                out.extend(match table {
                    Some(table) => self.program.find_in_table(span, table, masks, &may_start, budget),
                    None => self.program.find_in(span, masks, &may_start, budget),
                });
            }
        });
        out
    }

    /// The distinct words the compiled automaton reads, by their id in it (see [`TableWords`]).
    pub(super) fn words(&self) -> &[Word] {
        self.program.words()
    }

    /// Size of the compiled automaton (instructions).
    pub fn program_len(&self) -> usize {
        self.program.len()
    }

    /// The compiled automaton (for the automaton's own tests).
    #[cfg(test)]
    pub(super) fn program(&self) -> &Program {
        &self.program
    }
}

/// One member of a list or lexicon set: its words, or, when it is written as a pattern
/// ([`is_pattern_member`]), the pattern compiled with no sets (an `@name` inside a member matches
/// nothing, and `check` refuses it), so a set's expansion is one level deep and bounded by its text.
fn compile_member(member: &str) -> Vec<Node> {
    if is_pattern_member(member)
        && let Ok(pattern) = Pattern::parse(member)
    {
        return compile_elements(&pattern.elements, &BTreeMap::new());
    }
    phrase_words(member).iter().map(|w| Node::Word(Word::new(w))).collect()
}

/// True when a list or lexicon member uses pattern syntax (`( | )`, `[ ]`, `{slot}`, `*` or
/// `@name`) and is read as a phrase pattern rather than as plain words.
pub fn is_pattern_member(member: &str) -> bool {
    member.contains(['(', '[', '{', '*', '@'])
}

fn compile_elements(elements: &[Element], sets: &BTreeMap<String, Vec<String>>) -> Vec<Node> {
    let mut out = Vec::new();
    for e in elements {
        match e {
            Element::Word(w) => out.extend(phrase_words(w).iter().map(|w| Node::Word(Word::new(w)))),
            Element::Choice { options, optional } => {
                out.push(choice(options.iter().map(|o| compile_elements(o, sets)).collect(), *optional, None))
            }
            Element::Set(name) => {
                let members = sets.get(name).map(Vec::as_slice).unwrap_or_default();
                let options = members.iter().map(|m| compile_member(m)).collect();
                out.push(choice(options, false, Some(name.clone())));
            }
            Element::Slot(name) => out.push(match name.as_str() {
                "time" => Node::Time,
                "hour" => Node::Hour,
                "customer" => Node::Customer,
                "colleague" => Node::Colleague,
                _ => Node::Number,
            }),
            Element::Gap => out.push(Node::Gap),
        }
    }
    out
}

mod names;
pub use names::{Names, name_at, name_words};

#[cfg(test)]
mod tests;

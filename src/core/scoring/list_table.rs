//! Every literal list of a lexicon (or every literal phrase of a rubric) in one index over words,
//! built once and matched against an answer in one pass.
//!
//! A literal phrase is one whose every way of matching is a fixed run of words (a word list like
//! `@hedge`, or a rubric phrase like `(friday | three working days)`). Running each through the
//! phrase automaton costs the automaton's size at every token, for every list; here each distinct
//! word of every entry is known once, each word of the answer is looked up once (text, stem and
//! typos, as [`Word::matches`] reads them), and each entry is tried only where the answer has its
//! first word. The matches are exactly the automaton's: per phrase, leftmost then longest, never
//! overlapping, within one sentence, no quoted word in them and the first word not negated.
//! Phrases with gaps, slots or nested choices stay with the automaton (see `phrase.rs`).

use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::automaton::{TableWords, table_filter};
use super::budget::Budget;
use super::detectors::Range;
use super::phrase::{KeyMap, Names, Phrase, Word};
use super::text::{Analysed, Token};
use super::word_index::WordIndex;

/// One list entry: its words (ids into [`ListTable::words`]) and the phrase it belongs to.
#[derive(Debug, Clone)]
struct Entry {
    phrase: u32,
    words: Vec<u32>,
}

/// Literal phrases indexed by word, built once per lexicon or rubric.
#[derive(Debug, Clone, Default)]
pub struct ListTable {
    /// Each distinct entry word once (by text and by whether other forms of it match).
    words: Vec<Word>,
    known: HashMap<(String, bool), u32>,
    /// Word ids by their text, their stem, and (long ones) for typos.
    index: WordIndex<u32>,
    /// The entries; per word id the one-word entries that are it, and per pair of word ids
    /// ([`pair_key`]) the longer entries that start with the pair: a common first word ("i",
    /// "the") starts hundreds of entries, but few start with it and the word after it.
    entries: Vec<Entry>,
    starting: Vec<Vec<u32>>,
    starting_pair: KeyMap<Vec<u32>>,
    /// The phrases held, by their id (see [`Phrase::id`]), sorted: (phrase id, index).
    phrases: Vec<(u64, u32)>,
    /// By index, a phrase's entries that are patterns, each compiled alone (matched by the
    /// automaton, each only in the sentences that hold the words it needs), and for each, which
    /// sentences those are, told from the table's words (see [`SentenceFilter`]).
    rest: Vec<Vec<Phrase>>,
    filters: Vec<Vec<SentenceFilter>>,
    /// By index, each pattern entry's words as (table id, id in its program), sorted, and their
    /// filter: every word a pattern entry reads is a word of the table, so its search reads the
    /// one pass's ids ([`TableWords`]) instead of asking each token again.
    programs: Vec<Vec<ProgramWords>>,
}

/// A pattern entry's words as (table id, id in its program), sorted by table id, and their
/// [`TableWords::filter`].
type ProgramWords = (Vec<(u32, u32)>, u64);

/// Which words of the table a pattern entry needs in a sentence, as `Phrase::may_start_in` asks:
/// one of its start words among the sentence's unnegated words (when they are known), and for some
/// way of matching, a word of each of its anchors among the sentence's own words. The sentence's
/// words are asked once per answer (see [`ListMatches`]); the filter then costs a few tests of bits.
#[derive(Debug, Clone)]
struct SentenceFilter {
    starts: Option<WordBits>,
    ways: Option<Vec<Vec<WordBits>>>,
}

/// A set of the table's word ids as bits, kept from the 64-bit word of its first id on.
#[derive(Debug, Clone)]
struct WordBits {
    from: usize,
    bits: Vec<u64>,
}

impl WordBits {
    fn of(ids: &[u32]) -> Self {
        let from = ids.iter().min().map_or(0, |&id| id as usize / 64);
        let to = ids.iter().max().map_or(0, |&id| id as usize / 64 + 1);
        let mut bits = vec![0; to.saturating_sub(from)];
        for &id in ids {
            bits[id as usize / 64 - from] |= 1 << (id % 64);
        }
        Self { from, bits }
    }

    /// True when one of `ids` is in the set.
    fn holds_any(&self, ids: &[u32]) -> bool {
        ids.iter().any(|&id| {
            let at = (id as usize / 64).wrapping_sub(self.from);
            self.bits.get(at).is_some_and(|b| b & 1 << (id % 64) != 0)
        })
    }

    /// True when one of the ids is among `words` (a sentence's, see [`ListMatches`]).
    fn meets(&self, words: &[u64]) -> bool {
        self.bits.iter().zip(words.get(self.from..).unwrap_or_default()).any(|(a, b)| a & b != 0)
    }
}

impl SentenceFilter {
    /// Whether a match may be in the sentence whose own and unnegated words are `own` and `unnegated`.
    fn may_match(&self, own: &[u64], unnegated: &[u64]) -> bool {
        self.starts.as_ref().is_none_or(|s| s.meets(unnegated))
            && self.ways.as_ref().is_none_or(|ways| ways.iter().any(|way| way.iter().all(|w| w.meets(own))))
    }
}

/// The matches of every phrase of a [`ListTable`] in one answer, by the phrase's index: the
/// longest word-entry match at each start, and the phrase's matches once asked for.
#[derive(Debug, Clone, Default)]
pub struct ListMatches {
    starts: Vec<Vec<Range>>,
    kept: Vec<OnceCell<Rc<[Range]>>>,
    /// Per sentence, the table's words its own tokens may be, then those its unnegated ones may
    /// be, as [`WordIndex::has`] reads a token (bits by word id, `stride` 64-bit words each).
    sentence_words: Vec<u64>,
    stride: usize,
    /// The table's words each token is, for the pattern entries' searches.
    words: TokenWords,
}

impl ListTable {
    /// A table of those of `phrases` that are literal (the others are left to the automaton).
    pub fn new<'p>(phrases: impl IntoIterator<Item = &'p Phrase>) -> Self {
        let mut table = Self::default();
        for p in phrases {
            table.add(p);
        }
        table.phrases.sort_unstable();
        table
    }

    /// Add `p` when it is a word list (its pattern entries, if any, kept aside) and not held already.
    fn add(&mut self, p: &Phrase) {
        let Some((runs, rest)) = p.literal_options() else { return };
        if self.phrases.iter().any(|(id, _)| *id == p.id()) {
            return;
        }
        let phrase = u32::try_from(self.phrases.len()).unwrap_or(u32::MAX);
        self.phrases.push((p.id(), phrase));
        let filters = rest.iter().map(|r| self.filter_of(r)).collect();
        let programs = rest.iter().map(|r| self.program_words(r)).collect();
        self.rest.push(rest);
        self.filters.push(filters);
        self.programs.push(programs);
        for option in runs.into_iter().filter(|o| !o.is_empty()) {
            let words: Vec<u32> = option.into_iter().map(|w| self.word_id(w)).collect();
            let e = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
            match words.get(1) {
                None => self.starting[words[0] as usize].push(e),
                Some(&second) => self.starting_pair.entry(pair_key(words[0], second)).or_default().push(e),
            }
            self.entries.push(Entry { phrase, words });
        }
    }

    /// The sentence filter of pattern entry `r`, its words added to the table.
    fn filter_of(&mut self, r: &Phrase) -> SentenceFilter {
        let (starts, ways) = r.filter_words();
        let mut bits = |words: &[&Word]| WordBits::of(&words.iter().map(|w| self.word_id(w)).collect::<Vec<_>>());
        let starts = starts.map(|words| bits(&words));
        let ways = ways.map(|ways| ways.iter().map(|way| way.iter().map(|words| bits(words)).collect()).collect());
        SentenceFilter { starts, ways }
    }

    /// The words of pattern entry `r`'s program as (table id, id in the program), sorted by
    /// table id, each added to the table, and their [`TableWords::filter`].
    fn program_words(&mut self, r: &Phrase) -> ProgramWords {
        let mut ids: Vec<(u32, u32)> = r
            .words()
            .iter()
            .enumerate()
            .map(|(k, w)| (self.word_id(w), u32::try_from(k).unwrap_or(u32::MAX)))
            .collect();
        ids.sort_unstable();
        let filter = table_filter(&ids);
        (ids, filter)
    }

    /// The id of `w`, added when new.
    fn word_id(&mut self, w: &Word) -> u32 {
        let key = (w.text().to_string(), w.stem_key().is_some());
        if let Some(id) = self.known.get(&key) {
            return *id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.known.insert(key, id);
        self.index.add(id, w);
        self.words.push(w.clone());
        self.starting.push(Vec::new());
        id
    }

    /// Where `p` is in [`ListMatches`], when the table holds it.
    fn index_of(&self, p: &Phrase) -> Option<usize> {
        let at = self.phrases.binary_search_by_key(&p.id(), |(id, _)| *id).ok()?;
        Some(self.phrases[at].1 as usize)
    }

    /// True when the table holds `p` (it is literal and was given to [`ListTable::new`]).
    pub fn holds(&self, p: &Phrase) -> bool {
        self.index_of(p).is_some()
    }

    /// The entry words `token` is, sorted, into `out`, and into `maybe` those it may be by its
    /// keys (what [`WordIndex::has`] counts); none for a quoted token: no match takes it.
    fn words_of(&self, token: &Token, out: &mut Vec<u32>, maybe: &mut Vec<u32>) {
        out.clear();
        maybe.clear();
        if token.quoted {
            return;
        }
        self.index.candidates_into(token, maybe);
        maybe.sort_unstable();
        maybe.dedup();
        out.extend(maybe.iter().copied().filter(|&id| self.words[id as usize].matches(token)));
    }

    /// Every phrase's word entries matched in `a` in one pass; the phrase's matches are kept as
    /// [`ListMatches::of`] asks for them (a list with pattern entries runs its patterns then).
    pub fn find_all(&self, a: &Analysed) -> ListMatches {
        let ids = TokenWords::of(self, a);
        let starts = self.longest_starts(a, &ids);
        let kept = starts.iter().map(|_| OnceCell::new()).collect();
        let stride = self.words.len().div_ceil(64);
        let mut sentence_words = Vec::new();
        if self.filters.iter().any(|f| !f.is_empty()) {
            sentence_words = vec![0; 2 * stride * a.sentences.len()];
            for (k, s) in a.sentences.iter().enumerate() {
                let (own, unnegated) = sentence_words[2 * k * stride..(2 * k + 2) * stride].split_at_mut(stride);
                for p in s.start..s.end.min(a.tokens.len()) {
                    let t = &a.tokens[p];
                    for &id in ids.maybe_at(p).iter().filter(|_| !t.quoted) {
                        own[id as usize / 64] |= 1 << (id % 64);
                        if t.negated_by.is_none() {
                            unnegated[id as usize / 64] |= 1 << (id % 64);
                        }
                    }
                }
            }
        }
        ListMatches { starts, kept, sentence_words, stride, words: ids }
    }

    /// Per phrase, every token where one of its word entries matches, with the longest such
    /// match's end (the token counted, its words in one sentence and not quoted).
    fn longest_starts(&self, a: &Analysed, ids: &TokenWords) -> Vec<Vec<Range>> {
        let mut found: Vec<Vec<Range>> = vec![Vec::new(); self.phrases.len()];
        let mut longest = vec![0usize; self.phrases.len()];
        let mut touched: Vec<u32> = Vec::new();
        for s in &a.sentences {
            for p in s.start..s.end {
                let t = &a.tokens[p];
                if t.quoted || t.negated_by.is_some() {
                    continue;
                }
                let seconds = if p + 1 < s.end { ids.at(p + 1) } else { &[] };
                for &first in ids.at(p) {
                    let pairs = seconds.iter().filter_map(|&second| self.starting_pair.get(&pair_key(first, second)));
                    for &e in self.starting[first as usize].iter().chain(pairs.flatten()) {
                        let entry = &self.entries[e as usize];
                        let (phrase, end) = (entry.phrase as usize, p + entry.words.len());
                        let fits = end <= s.end && end > longest[phrase];
                        if fits
                            && entry
                                .words
                                .get(2..)
                                .unwrap_or_default()
                                .iter()
                                .enumerate()
                                .all(|(j, w)| ids.has(p + 2 + j, *w))
                        {
                            if longest[phrase] == 0 {
                                touched.push(entry.phrase);
                            }
                            longest[phrase] = end;
                        }
                    }
                }
                for phrase in touched.drain(..) {
                    found[phrase as usize].push((p, std::mem::take(&mut longest[phrase as usize])));
                }
            }
        }
        found
    }
}

/// The key of entries starting with word `first` then word `second`, mixed so the map's buckets
/// are used evenly: the map places a key by its low bits, and a product's low bits depend only on
/// the low bits of what was multiplied (here `second`'s alone: every pair ending in the same word
/// shared one run of buckets), so the high half is folded down after each product. Each step
/// (multiplying by an odd number, folding the high half in) undoes, so distinct pairs stay distinct.
fn pair_key(first: u32, second: u32) -> u64 {
    let mut key = ((u64::from(first) << 32) | u64::from(second)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    key ^= key >> 32;
    key = key.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    key ^ key >> 29
}

/// From the longest match at each start (in order), the ones a search keeps: leftmost, then
/// longest, never overlapping.
fn leftmost_longest(starts: impl Iterator<Item = Range>) -> Vec<Range> {
    let mut out: Vec<Range> = Vec::new();
    for (start, end) in starts {
        if out.last().is_none_or(|last| start >= last.1) {
            out.push((start, end));
        }
    }
    out
}

/// The matches of a word list with pattern entries (`rest`), as one search over all its entries
/// keeps them. `words` holds the longest word-entry match at each start; each pattern's own search
/// gives its longest match at each start it keeps, and shows there is none at the starts it passed
/// over; a start it skipped (inside one of its matches) is asked of that pattern alone, should the
/// search over all entries come to it. `filters` tells, off the table's one pass, which sentences
/// each pattern is searched in and at which tokens it may start.
fn with_patterns<'t>(
    words: &[Range],
    rest: &[Phrase],
    filters: PatternFilters,
    table: impl Fn(usize) -> TableWords<'t>,
    a: &Analysed,
    names: &Names,
    budget: &dyn Budget,
) -> Vec<Range> {
    // A pattern with no match in the answer has none at any start: only the others are asked.
    let (rest, found): (Vec<&Phrase>, Vec<Vec<Range>>) = rest
        .iter()
        .enumerate()
        .map(|(r, pattern)| {
            let (may_match, starts_at) = (|k| filters.may_match(r, k), |p| filters.starts_at(r, p));
            (pattern, pattern.find_in_sentences(a, names, budget, &may_match, Some(table(r)), Some(&starts_at)))
        })
        .filter(|(_, found)| !found.is_empty())
        .unzip();
    let mut next = vec![0; rest.len()];
    let mut out: Vec<Range> = Vec::new();
    let mut w = 0;
    for p in 0..a.tokens.len() {
        if out.last().is_some_and(|last| p < last.1) {
            continue;
        }
        while w < words.len() && words[w].0 < p {
            w += 1;
        }
        let mut longest = words.get(w).filter(|m| m.0 == p).map(|m| m.1);
        for ((pattern, matches), k) in rest.iter().zip(&found).zip(next.iter_mut()) {
            while *k < matches.len() && matches[*k].1 <= p {
                *k += 1;
            }
            let by_pattern = match matches.get(*k) {
                Some(m) if m.0 == p => Some(m.1),
                Some(m) if m.0 < p => pattern.longest_at(a, names, p, budget),
                _ => None,
            };
            longest = longest.max(by_pattern);
        }
        if let Some(end) = longest {
            out.push((p, end));
        }
    }
    out
}

/// The filters of a list's pattern entries, read off one answer's [`ListMatches`].
#[derive(Clone, Copy)]
struct PatternFilters<'m> {
    matches: &'m ListMatches,
    filters: &'m [SentenceFilter],
}

impl PatternFilters<'_> {
    /// Whether pattern `r` may match in sentence `k`.
    fn may_match(&self, r: usize, k: usize) -> bool {
        self.matches.may_match(&self.filters[r], k)
    }

    /// Whether the token at `p` is one of pattern `r`'s start words (any is, when they are not
    /// known): one of those the table's pass found it may be, as [`WordIndex::has`] counts them.
    fn starts_at(&self, r: usize, p: usize) -> bool {
        self.filters[r].starts.as_ref().is_none_or(|starts| starts.holds_any(self.matches.words.maybe_at(p)))
    }
}

impl ListMatches {
    /// Whether `filter` lets a match be in sentence `k` (see [`SentenceFilter`]).
    fn may_match(&self, filter: &SentenceFilter, k: usize) -> bool {
        let at = 2 * k * self.stride;
        match self.sentence_words.get(at..at + 2 * self.stride) {
            Some(words) => filter.may_match(&words[..self.stride], &words[self.stride..]),
            None => true,
        }
    }

    /// The matches of `p` in the answer `a` these were found in, when `table` (the table they
    /// were found with) holds it; pattern entries are matched with `names` within `budget`.
    pub fn of(
        &self,
        table: &ListTable,
        p: &Phrase,
        a: &Analysed,
        names: &Names,
        budget: &dyn Budget,
    ) -> Option<Rc<[Range]>> {
        let k = table.index_of(p)?;
        let found = self.kept.get(k)?.get_or_init(|| {
            let words = &self.starts[k];
            match table.rest[k].as_slice() {
                [] => leftmost_longest(words.iter().copied()).into(),
                rest => {
                    let (filters, programs) = (&table.filters[k], &table.programs[k]);
                    let table = |r: usize| TableWords {
                        spans: &self.words.spans,
                        ids: &self.words.ids,
                        program: &programs[r].0,
                        filter: programs[r].1,
                    };
                    let filters = PatternFilters { matches: self, filters };
                    with_patterns(words, rest, filters, table, a, names, budget).into()
                }
            }
        });
        Some(Rc::clone(found))
    }
}

/// The entry words each token of an answer is, worked out once per distinct word.
#[derive(Debug, Clone, Default)]
struct TokenWords {
    /// Per token, where its ids are in `ids`, and where those it may be are (see
    /// [`ListTable::words_of`]).
    spans: Vec<(u32, u32)>,
    ids: Vec<u32>,
    maybe_spans: Vec<(u32, u32)>,
    maybe: Vec<u32>,
}

impl TokenWords {
    fn of(table: &ListTable, a: &Analysed) -> Self {
        let mut seen: KeyMap<usize> = KeyMap::with_capacity_and_hasher(a.tokens.len(), Default::default());
        let mut out = Self {
            spans: Vec::with_capacity(a.tokens.len()),
            ids: Vec::new(),
            maybe_spans: Vec::with_capacity(a.tokens.len()),
            maybe: Vec::new(),
        };
        let (mut here, mut maybe_here) = (Vec::new(), Vec::new());
        let span = |all: &mut Vec<u32>, new: &[u32]| {
            let from = u32::try_from(all.len()).unwrap_or(u32::MAX);
            all.extend_from_slice(new);
            (from, u32::try_from(all.len()).unwrap_or(u32::MAX))
        };
        for (i, t) in a.tokens.iter().enumerate() {
            // Same text, same words (quoted tokens aside, which match none).
            let same = seen.get(&t.text_key).filter(|&&k| a.tokens[k].text == t.text && !t.quoted);
            if let Some(&k) = same {
                out.spans.push(out.spans[k]);
                out.maybe_spans.push(out.maybe_spans[k]);
                continue;
            }
            table.words_of(t, &mut here, &mut maybe_here);
            out.spans.push(span(&mut out.ids, &here));
            out.maybe_spans.push(span(&mut out.maybe, &maybe_here));
            if !t.quoted {
                seen.entry(t.text_key).or_insert(i);
            }
        }
        out
    }

    /// The words token `i` may be by its keys (see [`ListTable::words_of`]).
    fn maybe_at(&self, i: usize) -> &[u32] {
        self.maybe_spans.get(i).map_or(&[], |&(from, to)| &self.maybe[from as usize..to as usize])
    }

    fn at(&self, i: usize) -> &[u32] {
        self.spans.get(i).map_or(&[], |&(from, to)| &self.ids[from as usize..to as usize])
    }

    fn has(&self, i: usize, word: u32) -> bool {
        self.at(i).binary_search(&word).is_ok()
    }
}

#[cfg(test)]
mod tests;

//! Which of a set of pattern words a token may be: by the key of its text, by the key of its stem,
//! and (long words) as a typo. Most tokens of an answer are none of a program's or list's words,
//! so a filter of key bits says "certainly not" for most of them with one test before any map is
//! read (and `FuzzyWords` skips first letters no long word has).

use super::keys::KeyMap;
use super::phrase::{FuzzyWords, Word};
use super::text::Token;

/// Pattern words by text, stem and typo, each with a tag (an instruction, a word id, an option).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct WordIndex<T> {
    by_text: KeyMap<Vec<T>>,
    by_stem: KeyMap<Vec<T>>,
    fuzzy: FuzzyWords<T>,
    /// A bit per text key and stem key held (the key's low 10 bits): a token whose keys' bits are
    /// both clear is in neither map.
    keys: [u64; FILTER_WORDS],
}

impl<T> Default for WordIndex<T> {
    fn default() -> Self {
        Self {
            by_text: KeyMap::default(),
            by_stem: KeyMap::default(),
            fuzzy: FuzzyWords::default(),
            keys: [0; FILTER_WORDS],
        }
    }
}

/// 64-bit words of the key filter (1,024 bits: a list of a hundred words sets about a tenth).
const FILTER_WORDS: usize = 16;

/// The filter bit of `key`: which word of the filter, and the bit in it.
fn bit(key: u64) -> (usize, u64) {
    (((key >> 6) as usize) % FILTER_WORDS, 1 << (key & 63))
}

impl WordIndex<()> {
    /// An index of `words`, each tagged with nothing.
    pub(super) fn of(words: &[&Word]) -> Self {
        let mut index = Self::default();
        words.iter().for_each(|w| index.add((), w));
        index
    }
}

impl<T: Copy> WordIndex<T> {
    /// Index `w` under `tag`.
    pub(super) fn add(&mut self, tag: T, w: &Word) {
        self.by_text.entry(w.text_key()).or_default().push(tag);
        self.mark(w.text_key());
        if let Some(stem) = w.stem_key() {
            self.by_stem.entry(stem).or_default().push(tag);
            self.mark(stem);
        }
        self.fuzzy.add(tag, w);
    }

    fn mark(&mut self, key: u64) {
        let (at, b) = bit(key);
        self.keys[at] |= b;
    }

    fn may_hold(&self, key: u64) -> bool {
        let (at, b) = bit(key);
        self.keys[at] & b != 0
    }

    /// The tags of the words `token` may be: those of its text, of its stem, and the long words
    /// it may be a typo of (each still to be asked with [`Word::matches`] where the caller needs
    /// certainty; a tag may come more than once).
    pub(super) fn candidates<'s>(&'s self, token: &'s Token) -> impl Iterator<Item = T> + 's {
        let by_text = self.may_hold(token.text_key).then(|| self.by_text.get(&token.text_key)).flatten();
        let by_stem = self.may_hold(token.stem_key).then(|| self.by_stem.get(&token.stem_key)).flatten();
        by_text.into_iter().flatten().chain(by_stem.into_iter().flatten()).copied().chain(self.fuzzy.typos_of(token))
    }

    /// [`Self::candidates`] pushed onto `out`: the text's and stem's tags a slice at a time, not
    /// one by one through the chained iterator (what a list table asks of every distinct word).
    pub(super) fn candidates_into(&self, token: &Token, out: &mut Vec<T>) {
        for (key, map) in [(token.text_key, &self.by_text), (token.stem_key, &self.by_stem)] {
            if let Some(tags) = self.may_hold(key).then(|| map.get(&key)).flatten() {
                out.extend_from_slice(tags);
            }
        }
        // A plain loop, not `typos_of`'s filter: the letter test stays inline here (most long
        // words of the first letter and length are ruled out by it).
        for (tag, w) in self.fuzzy.near(token) {
            if w.typo_in(token) {
                out.push(*tag);
            }
        }
    }

    /// False when no token `seen` covers can be one of the words (see [`WordsSeen`]); true when
    /// one may be.
    pub(super) fn may_have_any(&self, seen: &WordsSeen) -> bool {
        self.keys.iter().zip(&seen.keys).any(|(mine, theirs)| mine & theirs != 0)
            || self.fuzzy.firsts() & seen.firsts != 0
    }

    /// True when `token` is by text or stem one of the words, or a likely typo of a long one.
    pub(super) fn has(&self, token: &Token) -> bool {
        self.may_hold(token.text_key) && self.by_text.contains_key(&token.text_key)
            || self.may_hold(token.stem_key) && self.by_stem.contains_key(&token.stem_key)
            || self.fuzzy.typos_of(token).next().is_some()
    }
}

/// What a run of tokens (one sentence's) may be, as a [`WordIndex`] filters: the filter bits of
/// their text and stem keys, and the first letters of those long enough to be a typo of a long
/// word. A word index none of whose bits and first letters are among these holds none of the tokens.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct WordsSeen {
    keys: [u64; FILTER_WORDS],
    firsts: u32,
}

impl WordsSeen {
    /// Count `token` in.
    pub(super) fn add(&mut self, token: &Token) {
        for key in [token.text_key, token.stem_key] {
            let (at, b) = bit(key);
            self.keys[at] |= b;
        }
        // As `FuzzyWords::typos_of` asks: four letters or more, a lowercase first letter.
        if let Some(first) = token.text.bytes().next().filter(|b| token.text.len() >= 4 && b.is_ascii_lowercase()) {
            self.firsts |= 1 << (first - b'a');
        }
    }
}

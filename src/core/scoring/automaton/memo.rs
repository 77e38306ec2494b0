//! What a search of one program keeps over one answer, so work done for one position is not done
//! again for another that looks the same to the program.
//!
//! The backward pass of `bits.rs` finds, at each position, the instructions from which a match can
//! still finish. That set follows from two things only (when no slot longer than a token starts
//! there): what can read the token (its word as the program sees it, whether it is quoted or a
//! negator, the one-token slots it fills) and the set one position on. Sets are kept once each in
//! [`Rows`] and named by number, and each step is remembered by those two numbers: an answer that
//! says the same words in the same context again (a repeated word, a sentence like another) costs
//! one look-up per position instead of a pass over the program. A step not seen before costs what
//! it cost without the memo, plus a hash of the set it makes, so no answer is slower than
//! O(tokens x program size / 64) either way. An ordinary answer is too short to say much twice,
//! so steps are remembered only from [`MEMO_FROM`] tokens on; below that every step is worked
//! out, and the sets are kept without looking for copies.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::super::phrase::{KeyMap, Word};
use super::super::text::Token;
use super::bits::Layout;

/// Sets of instructions, each kept once and named by its number.
#[derive(Default)]
pub(super) struct Rows {
    /// 64-bit words per set.
    words: usize,
    /// The sets, one after another.
    data: Vec<u64>,
    /// A set's number by its hash (the last kept of those that share a hash).
    by_hash: MixedMap<u64, u32>,
}

impl Rows {
    /// The set numbered `id`.
    pub(super) fn get(&self, id: u32) -> &[u64] {
        let at = id as usize * self.words;
        &self.data[at..at + self.words]
    }

    /// The number of `row`, kept first if it is new (a set whose hash another holds is kept again
    /// under a new number: rare, and only a look-up missed).
    pub(super) fn intern(&mut self, row: &[u64]) -> u32 {
        let hash = row.iter().fold(0x243f_6a88_85a3_08d3u64, |h, w| (h.rotate_left(23) ^ w).wrapping_mul(MIX));
        if let Some(&id) = self.by_hash.get(&hash)
            && self.get(id) == row
        {
            return id;
        }
        let id = self.push(row);
        self.by_hash.insert(hash, id);
        id
    }

    /// Forget every set (the room is kept).
    fn clear(&mut self) {
        self.words = 0;
        self.data.clear();
        self.by_hash.clear();
    }

    /// Keep `row` under a new number, not looked for among those kept.
    pub(super) fn push(&mut self, row: &[u64]) -> u32 {
        let id = u32::try_from(self.data.len() / self.words.max(1)).unwrap_or(u32::MAX);
        self.data.extend_from_slice(row);
        id
    }
}

/// Tokens an answer needs for its searches to remember their steps (an ordinary answer has far
/// fewer; the longest, about 5,000).
pub(super) const MEMO_FROM: usize = 200;

/// A map keyed by small numbers, hashed with [`Mixed`].
pub(super) type MixedMap<K, V> = HashMap<K, V, BuildHasherDefault<Mixed>>;

/// An odd constant with well spread bits (from the golden ratio), for mixing keys.
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// A hasher for keys made of small numbers: mixed so that every bit of the key reaches the bits
/// a hash table reads.
#[derive(Default)]
pub(super) struct Mixed(u64);

impl std::hash::Hasher for Mixed {
    fn finish(&self) -> u64 {
        let h = self.0.wrapping_mul(MIX);
        h ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(MIX);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(29) ^ n).wrapping_mul(MIX);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

/// What one program keeps while it searches one answer (every sentence of it): the word
/// instructions each distinct word of the answer is, the sets of instructions the backward pass
/// made, and its steps by what they read.
#[derive(Default)]
pub struct WordMasks {
    /// By the key of the token's text: a token with that text, where its mask starts, and whether
    /// it is a negator.
    known: KeyMap<(usize, usize, bool)>,
    masks: Vec<u64>,
    /// The sets the backward pass made, by number (see [`Rows`]).
    pub(super) rows: Rows,
    /// Whether steps are remembered in this answer (see [`WordMasks::prepare`]).
    pub(super) remember: bool,
    /// A backward step by what reads the token ([`WordMasks::kind`]) and the set one position on:
    /// the set it makes.
    pub(super) steps: MixedMap<(u64, u32), u32>,
    /// A forward step by the set it starts from, the set alive at its position and the kind of
    /// token there (`u64::MAX` at the sentence's end): whether the set, closed and pruned, holds
    /// `Accept`, and the set it goes on to (None: the match can go no further).
    pub(super) forward: MixedMap<(u32, u32, u64), (bool, Option<u32>)>,
}

/// The words of a table many programs share (the list table's) that each token of an answer is,
/// worked out once per answer, with one program's words by their ids in that table: the program
/// tells which of its word instructions a token matches by comparing ids, asking no word index of
/// its own and matching no word again.
#[derive(Clone, Copy)]
pub struct TableWords<'a> {
    /// Per token, where its table ids are in `ids` (those the token is, as [`Word::matches`]
    /// says; none for a quoted token).
    pub spans: &'a [(u32, u32)],
    /// The tokens' table ids, each token's sorted.
    pub ids: &'a [u32],
    /// Each distinct word of the program (see `Layout::word_reads`) as (its table id, its id in
    /// the program), sorted by table id: every word the program reads is in the table.
    pub program: &'a [(u32, u32)],
    /// Bit `id % 64` of each table id in `program`: a token's id whose bit is clear is none of
    /// the program's words, told without a search.
    pub filter: u64,
}

/// The [`TableWords::filter`] of a program's table ids.
pub fn table_filter(program: &[(u32, u32)]) -> u64 {
    program.iter().fold(0, |bits, (id, _)| bits | 1 << (id % 64))
}

impl TableWords<'_> {
    /// The program's distinct words token `i` is.
    fn program_words(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let (from, to) = self.spans.get(i).copied().unwrap_or_default();
        let ids = self.ids.get(from as usize..to as usize).unwrap_or_default();
        ids.iter().filter(|id| self.filter & 1 << (*id % 64) != 0).filter_map(|id| {
            let at = self.program.binary_search_by_key(id, |(table, _)| *table).ok()?;
            Some(self.program[at].1)
        })
    }
}

thread_local! {
    /// The thread's [`WordMasks`], cleared for each search so its room is allocated once.
    static REUSED: RefCell<WordMasks> = RefCell::new(WordMasks::default());
}

impl WordMasks {
    /// `f` with empty masks: the thread's own, cleared (their room kept, so a search over a
    /// program allocates nothing once the thread has searched one as large), or fresh ones
    /// should those be in use.
    pub fn with_empty<R>(f: impl FnOnce(&mut WordMasks) -> R) -> R {
        REUSED.with(|cell| match cell.try_borrow_mut() {
            Ok(mut masks) => {
                masks.clear();
                f(&mut masks)
            }
            Err(_) => f(&mut WordMasks::default()),
        })
    }

    fn clear(&mut self) {
        self.known.clear();
        self.masks.clear();
        self.rows.clear();
        self.remember = false;
        self.steps.clear();
        self.forward.clear();
    }

    /// Ready for `layout` (its sets' width) and an answer of `tokens` tokens, once, before the
    /// first search. Steps are remembered only in an answer long enough to say something again
    /// ([`MEMO_FROM`]): in a short one, looking them up would cost more than it saves.
    pub(super) fn prepare(&mut self, layout: &Layout, tokens: usize) {
        if self.rows.words == 0 {
            self.rows.words = layout.words;
            self.remember = tokens >= MEMO_FROM;
        }
    }

    /// Where the mask of `tokens[i]` starts in `masks` (the set of word instructions it matches,
    /// worked out once per distinct word), and whether the token is a negator. A token that no
    /// word instruction may be (most of them) shares the empty mask at 0 and is not remembered.
    /// With `table`, the program's words the token is are read off the table's ids for it, with
    /// no word index asked and no word matched again (and in an answer whose steps are not
    /// remembered, the mask is made in one place kept for it, not kept per text).
    fn mask_at(&mut self, layout: &Layout, tokens: &[Token], table: Option<&TableWords>, i: usize) -> (usize, bool) {
        let token = &tokens[i];
        if self.masks.is_empty() {
            self.masks.resize(layout.words, 0);
        }
        match table {
            // Steps are not remembered by the mask's number: the mask is made where it is read.
            Some(table) if !self.remember => {
                let mut ids = table.program_words(i).peekable();
                if ids.peek().is_none() {
                    return (0, token.is_negator());
                }
                let words = layout.words;
                self.masks.resize(2 * words, 0);
                let mask = &mut self.masks[words..];
                mask.iter_mut().for_each(|m| *m = 0);
                for id in ids {
                    mask.iter_mut().zip(layout.word_reads(id).1).for_each(|(m, r)| *m |= r);
                }
                (words, token.is_negator())
            }
            Some(table) => {
                let mut words = table.program_words(i).peekable();
                if words.peek().is_none() {
                    return (0, token.is_negator());
                }
                self.mask_of(layout, tokens, i, words, |_| true)
            }
            None => {
                let mut candidates = layout.word_candidates(token).peekable();
                if candidates.peek().is_none() {
                    return (0, token.is_negator());
                }
                self.mask_of(layout, tokens, i, candidates, |word| word.matches(token))
            }
        }
    }

    /// [`Self::mask_at`] for a token that may be one of `words` (distinct word ids of `layout`),
    /// each counted when `matches` says so: kept once per text.
    fn mask_of(
        &mut self,
        layout: &Layout,
        tokens: &[Token],
        i: usize,
        words: impl Iterator<Item = u32>,
        matches: impl Fn(&Word) -> bool,
    ) -> (usize, bool) {
        let token = &tokens[i];
        match self.known.get(&token.text_key) {
            Some(&(first, at, negator)) if tokens[first].text == token.text => (at, negator),
            known => {
                let at = self.masks.len();
                self.masks.resize(at + layout.words, 0);
                let mask = &mut self.masks[at..];
                for id in words {
                    let (word, reads) = layout.word_reads(id);
                    if matches(word) {
                        mask.iter_mut().zip(reads).for_each(|(m, r)| *m |= r);
                    }
                }
                // A word whose key another text already holds is worked out each time (rare).
                let negator = token.is_negator();
                if known.is_none() {
                    self.known.insert(token.text_key, (i, at, negator));
                }
                (at, negator)
            }
        }
    }

    /// The set of word instructions `tokens[i]` matches, and whether the token is a negator.
    pub(super) fn of<'m>(
        &'m mut self,
        layout: &Layout,
        tokens: &[Token],
        table: Option<&TableWords>,
        i: usize,
    ) -> (&'m [u64], bool) {
        let (at, negator) = self.mask_at(layout, tokens, table, i);
        (&self.masks[at..at + layout.words], negator)
    }

    /// What can read `tokens[i]` as the program sees it, as a number: its word's mask, whether it
    /// is quoted or a negator, and which kinds of slot take it alone (`one_token_slots`, a bit per
    /// kind). Two tokens of one kind are read by the same instructions.
    pub(super) fn kind(
        &mut self,
        layout: &Layout,
        tokens: &[Token],
        table: Option<&TableWords>,
        i: usize,
        one_token_slots: u64,
    ) -> u64 {
        let token = &tokens[i];
        if token.quoted {
            return 1;
        }
        let (at, negator) = self.mask_at(layout, tokens, table, i);
        let mask = (at / layout.words.max(1)) as u64;
        (mask << 8) | (one_token_slots << 2) | (u64::from(negator) << 1)
    }
}

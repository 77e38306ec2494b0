//! The automaton's search, run over sets of instructions kept as bits (a word of 64 instructions
//! at a time) instead of one thread per instruction.
//!
//! One backward pass over a sentence finds, for every position, the set of instructions from which
//! a match can still be completed (`alive`); a match can start where instruction 0 is in it. Then
//! from the leftmost start that qualifies, a forward pass keeps the instructions reached from it,
//! pruned to those still alive, and the last position where it reaches `Accept` is the longest
//! end. The search goes on from there. The backward pass costs the program's size in words plus
//! the branches it reaches per position; the forward passes read each token of a match once (a
//! set pruned to what can still finish dies at the longest match's end), so a sentence costs
//! O(tokens x program size / 64 + branches followed), whatever the pattern. The sets `alive`
//! holds are numbers in a table kept once per program and answer, and a backward step already
//! taken (same kind of token, same set after it) is looked up instead (see `memo.rs`).
//!
//! That is for long answers (from `memo::MEMO_FROM` tokens on). A shorter answer has no backward
//! pass: a forward pass runs from each start its words allow (`may_start`), following every
//! instruction it reaches; the set dies within the program's longest match (every branch goes
//! forward and nothing repeats), usually after a token or two, so a start costs at most the
//! program's size in steps, and most of a sentence's tokens are read by no search at all.

use std::cell::RefCell;

use super::super::budget::Budget;
use super::super::phrase::Word;
use super::super::text::Token;
use super::super::word_index::WordIndex;
use super::memo::{TableWords, WordMasks};
use super::{BUDGET_EVERY, Inst, Slot, Span, slot_len};

/// The slots in the order their masks are kept.
const SLOTS: [Slot; 5] = [Slot::Time, Slot::Hour, Slot::Customer, Slot::Colleague, Slot::Number];

/// What the bit-set search needs of a program, worked out once when it is compiled.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Layout {
    /// 64-bit words per set of instructions.
    pub(super) words: usize,
    /// For each instruction, the jumps and splits that go on to it; `true` when the edge is an
    /// option of a split indexed by first word (not followed at a sentence's end, where there is
    /// no word to index by).
    preds: Vec<Vec<(u32, bool)>>,
    /// Instructions some jump or split goes on to.
    has_pred: Vec<u64>,
    /// Jumps and splits.
    branches: Vec<u64>,
    /// `*` steps (any unquoted token that is no negator).
    any: Vec<u64>,
    /// The slot instructions of each kind, in the order of [`SLOTS`].
    slots: [Vec<u64>; SLOTS.len()],
    /// Which kinds of slot the program has.
    slot_used: [bool; SLOTS.len()],
    /// The distinct words the word instructions read (see `distinct_words`), by their text,
    /// their stem, and (long ones) for typos.
    word_index: WordIndex<u32>,
    /// Each distinct word of the word instructions once (a word many instructions read, like "the"
    /// in a long list, is asked of a token once), and per word the set of instructions that read
    /// it (`words` 64-bit words each, one after another).
    distinct_words: Vec<Word>,
    word_insts: Vec<u64>,
    /// The instructions that reach `Accept` without reading a token, inside a sentence and at its end.
    accepting: Vec<u64>,
    accepting_at_end: Vec<u64>,
    /// Instruction 0 and every instruction the jumps and splits go on to from it inside a
    /// sentence: where a forward pass with no backward one (see `search`) stands at its start.
    start_closed: Vec<u64>,
}

pub(super) fn set(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn has(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

fn is_empty(bits: &[u64]) -> bool {
    bits.iter().all(|w| *w == 0)
}

/// `out |= (from >> 1) & mask`: instruction q gets the bit of q + 1 (what consuming at q reaches).
fn or_shifted_down(out: &mut [u64], from: &[u64], mask: &[u64]) {
    let n = out.len();
    for i in 0..n {
        let high = if i + 1 < n { from[i + 1] << 63 } else { 0 };
        out[i] |= ((from[i] >> 1) | high) & mask[i];
    }
}

/// `out |= (from & mask) << 1`: the instruction after each consuming instruction that is set.
fn or_shifted_up(out: &mut [u64], from: &[u64], mask: &[u64]) {
    let mut carry = 0;
    for i in 0..out.len() {
        let w = from[i] & mask[i];
        out[i] |= (w << 1) | carry;
        carry = w >> 63;
    }
}

impl Layout {
    pub(super) fn new(insts: &[Inst]) -> Self {
        let size = insts.len();
        let words = size.div_ceil(64).max(1);
        let mut layout = Self {
            words,
            preds: vec![Vec::new(); size],
            has_pred: vec![0; words],
            branches: vec![0; words],
            any: vec![0; words],
            slots: std::array::from_fn(|_| vec![0; words]),
            ..Self::default()
        };
        let mut word_ids = std::collections::HashMap::new();
        for (q, inst) in insts.iter().enumerate() {
            let from = u32::try_from(q).unwrap_or(u32::MAX);
            let edge = |layout: &mut Self, target: u32, indexed: bool| {
                if let Some(p) = layout.preds.get_mut(target as usize) {
                    p.push((from, indexed));
                    set(&mut layout.has_pred, target as usize);
                }
            };
            match inst {
                Inst::Word(w) => {
                    let id = *word_ids.entry((w.text(), w.stem_key().is_some())).or_insert_with(|| {
                        let id = u32::try_from(layout.distinct_words.len()).unwrap_or(u32::MAX);
                        layout.word_index.add(id, w);
                        layout.distinct_words.push(w.clone());
                        layout.word_insts.resize(layout.word_insts.len() + words, 0);
                        id
                    });
                    set(&mut layout.word_insts[id as usize * words..], q);
                }
                Inst::Any => set(&mut layout.any, q),
                Inst::Slot(slot) => {
                    let k = SLOTS.iter().position(|s| s == slot).unwrap_or(0);
                    set(&mut layout.slots[k], q);
                    layout.slot_used[k] = true;
                }
                Inst::Split { targets, index, always } => {
                    set(&mut layout.branches, q);
                    always.iter().for_each(|t| edge(&mut layout, *t, false));
                    targets.iter().for_each(|t| edge(&mut layout, *t, index.is_some()));
                }
                Inst::Jump(target) => {
                    set(&mut layout.branches, q);
                    edge(&mut layout, *target, false);
                }
                Inst::Accept => {}
            }
        }
        for at_end in [false, true] {
            let mut accepting = vec![0; words];
            if size > 0 {
                set(&mut accepting, size - 1);
            }
            layout.close_backward(&mut accepting, at_end);
            if at_end {
                layout.accepting_at_end = accepting;
            } else {
                layout.accepting = accepting;
            }
        }
        let mut start = vec![0; words];
        if size > 0 {
            set(&mut start, 0);
            layout.close_forward(insts, &mut start, None, false);
        }
        layout.start_closed = start;
        layout
    }

    /// The distinct words of the word instructions that `token` may be: those of its text, of
    /// its stem, and the long words it may be a typo of (each still to be asked, see
    /// [`Self::word_reads`]).
    pub(super) fn word_candidates<'s>(&'s self, token: &'s Token) -> impl Iterator<Item = u32> + 's {
        self.word_index.candidates(token)
    }

    /// The distinct words of the word instructions, by id.
    pub(super) fn distinct_words(&self) -> &[Word] {
        &self.distinct_words
    }

    /// Distinct word `id` (from [`Self::word_candidates`]) and the instructions that read it.
    pub(super) fn word_reads(&self, id: u32) -> (&Word, &[u64]) {
        let at = id as usize * self.words;
        (&self.distinct_words[id as usize], &self.word_insts[at..at + self.words])
    }

    /// Add every jump and split that goes on (directly or not) to an instruction in `bits`.
    fn close_backward(&self, bits: &mut [u64], at_end: bool) {
        for w in (0..self.words).rev() {
            let mut done = 0u64;
            loop {
                let todo = bits[w] & self.has_pred[w] & !done;
                if todo == 0 {
                    break;
                }
                // Highest first: what is added lies before it (every branch goes forward).
                let b = 63 - todo.leading_zeros() as usize;
                done |= 1 << b;
                for &(q, indexed) in &self.preds[w * 64 + b] {
                    if !(at_end && indexed) {
                        set(bits, q as usize);
                    }
                }
            }
        }
    }

    /// Add every instruction the jumps and splits in `bits` go on to (directly or not), going on
    /// only from those in `within` (from all with None).
    fn close_forward(&self, insts: &[Inst], bits: &mut [u64], within: Option<&[u64]>, at_end: bool) {
        for w in 0..self.words {
            let mut done = 0u64;
            let within = within.map_or(u64::MAX, |within| within[w]);
            loop {
                let todo = bits[w] & self.branches[w] & within & !done;
                if todo == 0 {
                    break;
                }
                // Lowest first: what is added lies after it.
                let b = todo.trailing_zeros() as usize;
                done |= 1 << b;
                match &insts[w * 64 + b] {
                    Inst::Jump(t) => set(bits, *t as usize),
                    Inst::Split { targets, index, always } => {
                        always.iter().for_each(|t| set(bits, *t as usize));
                        if !(at_end && index.is_some()) {
                            targets.iter().for_each(|t| set(bits, *t as usize));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The sets a search works in (the backward pass uses them too), kept between its starts.
#[derive(Default)]
struct Buffers {
    current: Vec<u64>,
    next: Vec<u64>,
    consumers: Vec<u64>,
    /// The number of the set a match starts from (instruction 0 alone), in this search's rows.
    first: Option<u32>,
}

/// What a search allocates, kept on its thread between searches (cleared, not freed), so a search
/// allocates nothing once the thread has run one as large.
#[derive(Default)]
struct Scratch {
    alive: Vec<u32>,
    slot_lens: Vec<[u32; SLOTS.len()]>,
    kinds: Vec<Option<u64>>,
    buffers: Buffers,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The tables of one sentence's search.
struct Sentence<'s, 'a> {
    span: &'s Span<'a>,
    layout: &'s Layout,
    insts: &'s [Inst],
    /// The shared table's words of each token, when the caller has them (see [`TableWords`]).
    table: Option<TableWords<'s>>,
    /// Per position (from the sentence's end back to its first token, the order the backward pass
    /// writes them in), the number in [`WordMasks`]'s rows of the set of instructions from which a
    /// match can still be completed.
    alive: Vec<u32>,
    /// Per position, the tokens each kind of slot reads there (0: none).
    slot_lens: Vec<[u32; SLOTS.len()]>,
    /// Per position, what can read the token there as a number (see [`Self::kind_at`]), worked
    /// out by the backward pass and kept for the forward ones.
    kinds: Vec<Option<u64>>,
}

impl Sentence<'_, '_> {
    /// The number of the set alive at `position` (see `alive`).
    fn alive_id(&self, position: usize) -> u32 {
        self.alive[self.span.to - position]
    }

    /// The instructions that can read the token at `position` as one step, into `out`.
    fn consumers(&self, masks: &mut WordMasks, position: usize, out: &mut [u64]) {
        let token = &self.span.tokens[position];
        out.fill(0);
        if token.quoted {
            return;
        }
        let (words, negator) = masks.of(self.layout, self.span.tokens, self.table.as_ref(), position);
        out.copy_from_slice(words);
        if !negator {
            out.iter_mut().zip(&self.layout.any).for_each(|(o, a)| *o |= a);
        }
        for (k, len) in self.slot_lens[position - self.span.from].iter().enumerate() {
            if *len == 1 {
                out.iter_mut().zip(&self.layout.slots[k]).for_each(|(o, s)| *o |= s);
            }
        }
    }

    /// What can read the token at `position`, as a number (see [`WordMasks::kind`]); None where
    /// a slot of several tokens starts (a step there depends on more than the token).
    fn kind_at(&self, masks: &mut WordMasks, position: usize) -> Option<u64> {
        let mut one_token = 0;
        if self.layout.slot_used.iter().any(|u| *u) {
            let lens = &self.slot_lens[position - self.span.from];
            if lens.iter().any(|len| *len > 1) {
                return None;
            }
            one_token = lens.iter().enumerate().filter(|(_, len)| **len == 1).fold(0, |b, (k, _)| b | 1 << k);
        }
        Some(masks.kind(self.layout, self.span.tokens, self.table.as_ref(), position, one_token))
    }

    /// What each used kind of slot reads at every position (the tokens it takes must be the
    /// speaker's own words and no negators).
    fn read_slots(&mut self) {
        let Span { tokens, from, to, .. } = *self.span;
        self.slot_lens.clear();
        self.slot_lens.resize(to - from, [0; SLOTS.len()]);
        if !self.layout.slot_used.iter().any(|u| *u) {
            return;
        }
        for position in from..to {
            for (k, slot) in SLOTS.iter().enumerate() {
                if !self.layout.slot_used[k] {
                    continue;
                }
                let len = slot_len(*slot, self.span, position)
                    .filter(|len| tokens[position..position + len].iter().all(|t| !t.quoted && !t.is_negator()));
                self.slot_lens[position - from][k] = len.map_or(0, |l| u32::try_from(l).unwrap_or(0));
            }
        }
    }

    /// Fill `alive` from the sentence's end back to its start; false when the budget ran out. A
    /// step already taken with the same kind of token and the same set after it is looked up, not
    /// worked out again (see `memo.rs`); a slot of several tokens starting at a position makes its
    /// step depend on a set further on, so such a step is always worked out.
    fn backward(&mut self, masks: &mut WordMasks, budget: &dyn Budget, buffers: &mut Buffers) -> bool {
        let Span { from, to, .. } = *self.span;
        let words = self.layout.words;
        masks.prepare(self.layout, self.span.tokens.len());
        let remember = masks.remember;
        self.alive.clear();
        self.kinds.clear();
        self.kinds.resize(to - from, None);
        self.alive.push(masks.rows.intern(&self.layout.accepting_at_end));
        let nothing_read = masks.rows.intern(&self.layout.accepting);
        let Buffers { consumers, current: here, next: reached, .. } = buffers;
        for buffer in [&mut *consumers, &mut *here, &mut *reached] {
            buffer.clear();
            buffer.resize(words, 0);
        }
        for position in (from..to).rev() {
            if (to - position).is_multiple_of(BUDGET_EVERY) && budget.exhausted() {
                return false;
            }
            let lens = self.slot_lens[position - from];
            let kind = if remember { self.kind_at(masks, position) } else { None };
            self.kinds[position - from] = kind;
            let next = self.alive_id(position + 1);
            if let Some(kind) = kind
                && let Some(&id) = masks.steps.get(&(kind, next))
            {
                self.alive.push(id);
                continue;
            }
            self.consumers(masks, position, consumers);
            if is_empty(consumers) && lens.iter().all(|len| *len <= 1) {
                // Nothing reads this token: only what finishes without one is alive here.
                self.alive.push(nothing_read);
                continue;
            }
            here.fill(0);
            or_shifted_down(here, masks.rows.get(next), consumers);
            for (k, len) in lens.iter().enumerate() {
                if *len > 1 {
                    reached.fill(0);
                    let after = masks.rows.get(self.alive_id(position + *len as usize));
                    or_shifted_down(reached, after, &self.layout.slots[k]);
                    here.iter_mut().zip(reached.iter()).for_each(|(h, r)| *h |= r);
                }
            }
            // What reaches `Accept` without a token is known already: only the rest is followed.
            self.layout.close_backward(here, false);
            here.iter_mut().zip(&self.layout.accepting).for_each(|(h, a)| *h |= a);
            let id = if remember { masks.rows.intern(here) } else { masks.rows.push(here) };
            if let Some(kind) = kind {
                masks.steps.insert((kind, next), id);
            }
            self.alive.push(id);
        }
        true
    }

    /// The furthest end of a match starting at `start` (longer than empty), if any; `Err` when the
    /// budget ran out. Each step from a set, at a position alive with a set, over a kind of token,
    /// is remembered by their numbers (see `memo.rs`): a step taken before is looked up. From a
    /// position where a slot of several tokens starts, the steps are worked out one by one
    /// ([`Self::longest_from_here`]).
    fn longest_from(
        &self,
        masks: &mut WordMasks,
        start: usize,
        budget: &dyn Budget,
        buffers: &mut Buffers,
    ) -> Result<Option<usize>, ()> {
        let Span { from, to, .. } = *self.span;
        let accept = self.insts.len() - 1;
        if !masks.remember {
            // Instruction 0 with what it goes on to, worked out when the program was compiled.
            buffers.current.clear();
            buffers.current.extend_from_slice(&self.layout.start_closed);
            return self.longest_from_here(masks, start, start, None, budget, buffers);
        }
        let mut now = *buffers.first.get_or_insert_with(|| {
            let mut first = vec![0; self.layout.words];
            set(&mut first, 0);
            masks.rows.intern(&first)
        });
        let mut end = None;
        let mut position = start;
        loop {
            if (position - start + 1).is_multiple_of(BUDGET_EVERY) && budget.exhausted() {
                return Err(());
            }
            let kind = if position == to { Some(u64::MAX) } else { self.kinds[position - from] };
            let Some(kind) = kind else {
                buffers.current.clear();
                buffers.current.extend_from_slice(masks.rows.get(now));
                return self.longest_from_here(masks, start, position, end, budget, buffers);
            };
            let key = (now, self.alive_id(position), kind);
            let (accepts, next) = match masks.forward.get(&key) {
                Some(&step) => step,
                None => {
                    let Buffers { current, next, consumers, .. } = &mut *buffers;
                    current.clear();
                    current.extend_from_slice(masks.rows.get(now));
                    let alive = masks.rows.get(key.1);
                    current.iter_mut().zip(alive).for_each(|(c, a)| *c &= a);
                    self.layout.close_forward(self.insts, current, Some(alive), position == to);
                    current.iter_mut().zip(alive).for_each(|(c, a)| *c &= a);
                    let step = if position == to || is_empty(current) {
                        (has(current, accept), None)
                    } else {
                        consumers.resize(self.layout.words, 0);
                        self.consumers(masks, position, consumers);
                        next.clear();
                        next.resize(self.layout.words, 0);
                        or_shifted_up(next, current, consumers);
                        (has(current, accept), Some(masks.rows.intern(next)))
                    };
                    masks.forward.insert(key, step);
                    step
                }
            };
            if position > start && accepts {
                end = Some(position);
            }
            let Some(next) = next else { return Ok(end) };
            now = next;
            position += 1;
        }
    }

    /// [`Self::longest_from`] going on from `position` with the set in `buffers.current` (and
    /// `end` found so far), one step at a time, slots of several tokens included.
    fn longest_from_here(
        &self,
        masks: &mut WordMasks,
        start: usize,
        mut position: usize,
        mut end: Option<usize>,
        budget: &dyn Budget,
        buffers: &mut Buffers,
    ) -> Result<Option<usize>, ()> {
        let Span { to, .. } = *self.span;
        let words = self.layout.words;
        let accept = self.insts.len() - 1;
        let Buffers { current, next, consumers, .. } = buffers;
        consumers.resize(words, 0);
        // Slots of several tokens: the instructions after them, and where they go on.
        let mut later: Vec<(usize, Vec<u64>)> = Vec::new();
        loop {
            if (position - start + 1).is_multiple_of(BUDGET_EVERY) && budget.exhausted() {
                return Err(());
            }
            if !later.is_empty() {
                for (_, bits) in later.iter().filter(|(p, _)| *p == position) {
                    current.iter_mut().zip(bits).for_each(|(c, b)| *c |= b);
                }
                later.retain(|(p, _)| *p > position);
            }
            // Only what is alive is kept, and what is alive is closed under the jumps and splits
            // that lead to it (see `backward`): closing from the alive instructions alone keeps
            // the same set and skips the branches that cannot finish. With no backward pass (a
            // short answer, see `search`), every instruction reached is followed.
            if masks.remember {
                let alive = masks.rows.get(self.alive_id(position));
                current.iter_mut().zip(alive).for_each(|(c, a)| *c &= a);
                self.layout.close_forward(self.insts, current, Some(alive), position == to);
                current.iter_mut().zip(alive).for_each(|(c, a)| *c &= a);
            } else if position > start {
                // At the start the set is closed already (`Layout::start_closed`; a start is
                // before the sentence's end).
                self.layout.close_forward(self.insts, current, None, position == to);
            }
            if position > start && has(current, accept) {
                end = Some(position);
            }
            if position == to || (is_empty(current) && later.is_empty()) {
                return Ok(end);
            }
            self.consumers(masks, position, consumers);
            next.clear();
            next.resize(words, 0);
            or_shifted_up(next, current, consumers);
            for (k, len) in self.slot_lens[position - self.span.from].iter().enumerate() {
                if *len > 1 {
                    let mut reached = vec![0; words];
                    or_shifted_up(&mut reached, current, &self.layout.slots[k]);
                    if !is_empty(&reached) {
                        later.push((position + *len as usize, reached));
                    }
                }
            }
            std::mem::swap(current, next);
            position += 1;
        }
    }
}

mod search;

pub(super) use search::find;

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
//! O(tokens x program size / 64 + branches followed), whatever the pattern.

use super::super::budget::Budget;
use super::super::phrase::{FuzzyWords, KeyMap};
use super::super::text::Token;
use super::{BUDGET_EVERY, Inst, Slot, Span, slot_len};

/// The slots in the order their masks are kept.
const SLOTS: [Slot; 5] = [Slot::Time, Slot::Hour, Slot::Customer, Slot::Colleague, Slot::Number];

/// What the bit-set search needs of a program, worked out once when it is compiled.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Layout {
    /// 64-bit words per set of instructions.
    words: usize,
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
    /// Word instructions by the key of their text, by the key of their stem, and (long ones) for typos.
    by_text: KeyMap<Vec<u32>>,
    by_stem: KeyMap<Vec<u32>>,
    fuzzy: FuzzyWords<u32>,
    /// The instructions that reach `Accept` without reading a token, inside a sentence and at its end.
    accepting: Vec<u64>,
    accepting_at_end: Vec<u64>,
}

fn set(bits: &mut [u64], i: usize) {
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
                    layout.by_text.entry(w.text_key()).or_default().push(from);
                    if let Some(stem) = w.stem_key() {
                        layout.by_stem.entry(stem).or_default().push(from);
                    }
                    layout.fuzzy.add(from, w);
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
        layout
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
    /// only from those in `within`.
    fn close_forward(&self, insts: &[Inst], bits: &mut [u64], within: &[u64], at_end: bool) {
        for w in 0..self.words {
            let mut done = 0u64;
            loop {
                let todo = bits[w] & self.branches[w] & within[w] & !done;
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

/// The word instructions each distinct word of the answer is, worked out once per word.
#[derive(Default)]
pub struct WordMasks {
    /// By the key of the token's text: a token with that text, and where its mask starts.
    known: KeyMap<(usize, usize)>,
    masks: Vec<u64>,
}

impl WordMasks {
    /// The set of word instructions `tokens[i]` matches.
    fn of<'m>(&'m mut self, layout: &Layout, insts: &[Inst], tokens: &[Token], i: usize) -> &'m [u64] {
        let token = &tokens[i];
        let at = match self.known.get(&token.text_key) {
            Some(&(first, at)) if tokens[first].text == token.text => at,
            known => {
                let at = self.masks.len();
                self.masks.resize(at + layout.words, 0);
                let mask = &mut self.masks[at..];
                let candidates = layout.by_text.get(&token.text_key).into_iter().flatten();
                let stems = layout.by_stem.get(&token.stem_key).into_iter().flatten();
                for q in candidates.chain(stems).copied().chain(layout.fuzzy.typos_of(token)) {
                    if let Inst::Word(w) = &insts[q as usize]
                        && w.matches(token)
                    {
                        set(mask, q as usize);
                    }
                }
                // A word whose key another text already holds is worked out each time (rare).
                if known.is_none() {
                    self.known.insert(token.text_key, (i, at));
                }
                at
            }
        };
        &self.masks[at..at + layout.words]
    }
}

/// The sets a forward pass works in, kept between its starts.
#[derive(Default)]
struct Buffers {
    current: Vec<u64>,
    next: Vec<u64>,
}

/// The tables of one sentence's search.
struct Sentence<'s, 'a> {
    span: &'s Span<'a>,
    layout: &'s Layout,
    insts: &'s [Inst],
    /// Per position (from the sentence's end back to its first token, the order the backward pass
    /// writes them in, so nothing is zeroed first), the set of instructions from which a match can
    /// still be completed.
    alive: Vec<u64>,
    /// Per position (from just before the sentence's end back to its first token), the
    /// instructions that can read the token there as one step, worked out by the backward pass and
    /// kept for the forward ones.
    consumed: Vec<u64>,
    /// Per position, the tokens each kind of slot reads there (0: none).
    slot_lens: Vec<[u32; SLOTS.len()]>,
}

impl Sentence<'_, '_> {
    fn alive_at(&self, position: usize) -> &[u64] {
        let at = (self.span.to - position) * self.layout.words;
        &self.alive[at..at + self.layout.words]
    }

    fn consumed_at(&self, position: usize) -> &[u64] {
        let at = (self.span.to - 1 - position) * self.layout.words;
        &self.consumed[at..at + self.layout.words]
    }

    /// The instructions that can read the token at `position` as one step, into `out`.
    fn consumers(&self, masks: &mut WordMasks, position: usize, out: &mut [u64]) {
        let token = &self.span.tokens[position];
        out.fill(0);
        if token.quoted {
            return;
        }
        out.copy_from_slice(masks.of(self.layout, self.insts, self.span.tokens, position));
        if !token.is_negator() {
            out.iter_mut().zip(&self.layout.any).for_each(|(o, a)| *o |= a);
        }
        for (k, len) in self.slot_lens[position - self.span.from].iter().enumerate() {
            if *len == 1 {
                out.iter_mut().zip(&self.layout.slots[k]).for_each(|(o, s)| *o |= s);
            }
        }
    }

    /// What each used kind of slot reads at every position (the tokens it takes must be the
    /// speaker's own words and no negators).
    fn read_slots(&mut self) {
        let Span { tokens, from, to, .. } = *self.span;
        self.slot_lens = vec![[0; SLOTS.len()]; to - from];
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

    /// Fill `alive` from the sentence's end back to its start; false when the budget ran out.
    fn backward(&mut self, masks: &mut WordMasks, budget: &dyn Budget) -> bool {
        let Span { from, to, .. } = *self.span;
        let words = self.layout.words;
        self.alive = Vec::with_capacity((to - from + 1) * words);
        self.alive.extend_from_slice(&self.layout.accepting_at_end);
        self.consumed = Vec::with_capacity((to - from) * words);
        let mut consumers = vec![0; words];
        let mut here = vec![0; words];
        for position in (from..to).rev() {
            if (to - position).is_multiple_of(BUDGET_EVERY) && budget.exhausted() {
                return false;
            }
            self.consumers(masks, position, &mut consumers);
            self.consumed.extend_from_slice(&consumers);
            let slots = &self.slot_lens[position - from];
            if is_empty(&consumers) && slots.iter().all(|len| *len <= 1) {
                // Nothing reads this token: only what finishes without one is alive here.
                self.alive.extend_from_slice(&self.layout.accepting);
                continue;
            }
            here.fill(0);
            or_shifted_down(&mut here, self.alive_at(position + 1), &consumers);
            for (k, len) in self.slot_lens[position - from].iter().enumerate() {
                if *len > 1 {
                    let after = self.alive_at(position + *len as usize);
                    let mut reached = vec![0; words];
                    or_shifted_down(&mut reached, after, &self.layout.slots[k]);
                    here.iter_mut().zip(&reached).for_each(|(h, r)| *h |= r);
                }
            }
            // What reaches `Accept` without a token is known already: only the rest is followed.
            self.layout.close_backward(&mut here, false);
            here.iter_mut().zip(&self.layout.accepting).for_each(|(h, a)| *h |= a);
            self.alive.extend_from_slice(&here);
        }
        true
    }

    /// The furthest end of a match starting at `start` (longer than empty), if any; `Err` when the
    /// budget ran out.
    fn longest_from(&self, start: usize, budget: &dyn Budget, buffers: &mut Buffers) -> Result<Option<usize>, ()> {
        let Span { to, .. } = *self.span;
        let words = self.layout.words;
        let accept = self.insts.len() - 1;
        let Buffers { current, next } = buffers;
        current.clear();
        current.resize(words, 0);
        set(current, 0);
        // Slots of several tokens: the instructions after them, and where they go on.
        let mut later: Vec<(usize, Vec<u64>)> = Vec::new();
        let mut end = None;
        let mut position = start;
        loop {
            if (position - start + 1).is_multiple_of(BUDGET_EVERY) && budget.exhausted() {
                return Err(());
            }
            for (_, bits) in later.iter().filter(|(p, _)| *p == position) {
                current.iter_mut().zip(bits).for_each(|(c, b)| *c |= b);
            }
            later.retain(|(p, _)| *p > position);
            // Only what is alive is kept, and what is alive is closed under the jumps and splits
            // that lead to it (see `backward`): closing from the alive instructions alone keeps
            // the same set and skips the branches that cannot finish.
            let alive = self.alive_at(position);
            current.iter_mut().zip(alive).for_each(|(c, a)| *c &= a);
            self.layout.close_forward(self.insts, current, alive, position == to);
            current.iter_mut().zip(alive).for_each(|(c, a)| *c &= a);
            if position > start && has(current, accept) {
                end = Some(position);
            }
            if position == to || (is_empty(current) && later.is_empty()) {
                return Ok(end);
            }
            next.clear();
            next.resize(words, 0);
            or_shifted_up(next, current, self.consumed_at(position));
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

/// Every counted match in the sentence `span`, leftmost then longest, never overlapping (see
/// [`super::Program::find_in`]).
pub(super) fn find(
    layout: &Layout,
    insts: &[Inst],
    span: &Span,
    masks: &mut WordMasks,
    may_start: &dyn Fn(&Token) -> bool,
    budget: &dyn Budget,
) -> Vec<(usize, usize)> {
    let mut sentence = Sentence { span, layout, insts, alive: Vec::new(), consumed: Vec::new(), slot_lens: Vec::new() };
    sentence.read_slots();
    if !sentence.backward(masks, budget) {
        return Vec::new();
    }
    let Span { tokens, from, to, .. } = *span;
    let mut out = Vec::new();
    let mut buffers = Buffers::default();
    let mut at = from;
    while at < to {
        let starts = at..to;
        let Some(start) = starts.into_iter().find(|&p| {
            let t = &tokens[p];
            has(sentence.alive_at(p), 0) && !t.quoted && t.negated_by.is_none() && may_start(t)
        }) else {
            break;
        };
        match sentence.longest_from(start, budget, &mut buffers) {
            Ok(Some(end)) => {
                out.push((start, end));
                at = end;
            }
            Ok(None) => at = start + 1,
            Err(()) => break,
        }
    }
    out
}

//! Phrase patterns compiled to a small automaton over tokens, run as a Pike VM: every way a pattern
//! can match from one start is followed at once, one token position at a time, and a state reached
//! twice at the same position is followed once. Time is linear in the tokens looked at times the
//! program's size, whatever the pattern (no backtracking), and nothing recurses on the input.

use std::cell::RefCell;

use super::budget::Budget;
use super::phrase::{FirstWordIndex, Names, Node, Word, name_at};
use super::text::Token;
use super::time::{clock_number_at, time_at};

/// Words `*` may skip.
pub const MAX_GAP: usize = 4;

/// How many token positions a search goes between asking its budget.
pub const BUDGET_EVERY: usize = 32;

/// What a slot consumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// `{time}`: a specific time expression.
    Time,
    /// `{customer}`: the customer's name.
    Customer,
    /// `{colleague}`: the colleague's name.
    Colleague,
    /// `{number}`: a token with a digit.
    Number,
}

/// One instruction of a compiled phrase.
#[derive(Debug, Clone, PartialEq)]
enum Inst {
    /// Consume one token that is this word.
    Word(Word),
    /// Consume any one token (a step of `*`).
    Any,
    /// Consume what the slot reads (one or more tokens).
    Slot(Slot),
    /// Go on at every target; with an index, only at the options whose first word fits the token
    /// at hand (`always` targets are followed regardless).
    Split { targets: Vec<u32>, index: Option<Box<FirstWordIndex>>, always: Vec<u32> },
    /// Go on at the target.
    Jump(u32),
    /// A match ends here.
    Accept,
}

/// A compiled phrase: instructions, entered at 0.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Program {
    insts: Vec<Inst>,
}

impl Program {
    /// Compile a sequence of pattern nodes.
    pub(super) fn compile(nodes: &[Node]) -> Self {
        let mut program = Self { insts: Vec::new() };
        program.sequence(nodes);
        program.insts.push(Inst::Accept);
        program
    }

    /// Number of instructions (the program's size in the time bound).
    pub fn len(&self) -> usize {
        self.insts.len()
    }

    /// True for a program with no instructions (never: every program accepts).
    pub fn is_empty(&self) -> bool {
        self.insts.is_empty()
    }

    fn here(&self) -> u32 {
        u32::try_from(self.insts.len()).unwrap_or(u32::MAX)
    }

    fn sequence(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Word(w) => self.insts.push(Inst::Word(w.clone())),
            Node::Time => self.insts.push(Inst::Slot(Slot::Time)),
            Node::Customer => self.insts.push(Inst::Slot(Slot::Customer)),
            Node::Colleague => self.insts.push(Inst::Slot(Slot::Colleague)),
            Node::Number => self.insts.push(Inst::Slot(Slot::Number)),
            Node::Gap => self.gap(),
            Node::Choice { options, optional, index, .. } => self.choice(options, *optional, index.as_deref()),
        }
    }

    /// `*`: up to MAX_GAP optional steps of any token, each able to leave the gap.
    fn gap(&mut self) {
        let mut splits = Vec::with_capacity(MAX_GAP);
        for _ in 0..MAX_GAP {
            splits.push(self.insts.len());
            self.insts.push(Inst::Split { targets: Vec::new(), index: None, always: Vec::new() });
            self.insts.push(Inst::Any);
        }
        let end = self.here();
        for at in splits {
            let any = u32::try_from(at + 1).unwrap_or(u32::MAX);
            self.insts[at] = Inst::Split { targets: vec![any, end], index: None, always: Vec::new() };
        }
    }

    fn choice(&mut self, options: &[Vec<Node>], optional: bool, index: Option<&FirstWordIndex>) {
        let split_at = self.insts.len();
        self.insts.push(Inst::Jump(0));
        let mut starts = Vec::with_capacity(options.len());
        let mut jumps = Vec::with_capacity(options.len());
        for option in options {
            starts.push(self.here());
            self.sequence(option);
            jumps.push(self.insts.len());
            self.insts.push(Inst::Jump(0));
        }
        let end = self.here();
        for at in jumps {
            self.insts[at] = Inst::Jump(end);
        }
        let always = if optional { vec![end] } else { Vec::new() };
        self.insts[split_at] = Inst::Split { targets: starts, index: index.map(|i| Box::new(i.clone())), always };
    }

    /// Every counted match in `tokens[from..to]` (one sentence): leftmost, then longest, never
    /// overlapping. One pass runs every start at once, a thread per instruction carrying the
    /// earliest start that reached it, so a pass costs O(tokens x program size) whatever the
    /// pattern; after a match the search goes on from its end. A match counts when no token in it
    /// is quoted, its first word is not negated, and every negator in it is one the pattern names
    /// as a word (a thread that would take a quoted token, or a negator by a gap or slot, stops).
    /// `may_start` rules out starts cheaply; `budget` is asked every [`BUDGET_EVERY`] positions and,
    /// once exhausted, the matches found so far are returned.
    ///
    /// Going on after a match re-reads the positions its longer threads had already read, so when
    /// the positions read pass twice the sentence's length (short matches, long patterns), the
    /// rest of the sentence is searched by [`Program::find_backwards`] instead, whose time is
    /// linear: in all, O(sentence x program size).
    pub fn find_in(&self, span: Span, may_start: &dyn Fn(&Token) -> bool, budget: &dyn Budget) -> Vec<(usize, usize)> {
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let mut out = Vec::new();
            let mut at = span.from;
            let mut asked = 0;
            let rereading_limit = 2 * (span.to - span.from) + BUDGET_EVERY;
            while at < span.to {
                if asked > rereading_limit {
                    out.extend(self.find_backwards(&mut scratch, Span { from: at, ..span }, may_start, budget));
                    break;
                }
                match self.leftmost_longest(&mut scratch, &span, at, may_start, budget, &mut asked) {
                    Some((start, end)) => {
                        out.push((start, end));
                        at = end;
                    }
                    None => break,
                }
            }
            out
        })
    }

    /// The same matches as [`Program::find_in`] in one backward pass over the sentence: for every
    /// position, from the last, and every instruction, from the last (every branch and jump goes
    /// forward), the furthest end a match can reach from there; then the leftmost start with an
    /// end, and after it the next, as [`Program::find_in`] does. Every position costs the
    /// program's size, matches or not, so it is kept for sentences where going on after each
    /// match would cost more.
    fn find_backwards(
        &self,
        scratch: &mut Scratch,
        span: Span,
        may_start: &dyn Fn(&Token) -> bool,
        budget: &dyn Budget,
    ) -> Vec<(usize, usize)> {
        let Span { from, to, .. } = span;
        let size = self.insts.len();
        let slots: Vec<usize> = (0..size).filter(|&q| matches!(self.insts[q], Inst::Slot(_))).collect();
        let Backward { here, after, slot_ends, longest } = &mut scratch.backward;
        here.clear();
        here.resize(size, NO_END);
        after.clear();
        after.resize(size, NO_END);
        slot_ends.clear();
        slot_ends.resize((to - from + 1) * slots.len(), NO_END);
        longest.clear();
        longest.resize(to - from, NO_END);
        for position in (from..=to).rev() {
            if (to - position).is_multiple_of(BUDGET_EVERY) && budget.exhausted() {
                return Vec::new();
            }
            let token = tokens_at(&span, position);
            for q in (0..size).rev() {
                here[q] = self.furthest_end(q, &span, position, token, here, after, &slots, slot_ends);
            }
            for (k, q) in slots.iter().enumerate() {
                slot_ends[(position - from) * slots.len() + k] = here[q + 1];
            }
            if let Some(t) = token
                && !t.quoted
                && t.negated_by.is_none()
                && here[0] != NO_END
                && here[0] as usize > position + 1
                && may_start(t)
            {
                longest[position - from] = here[0];
            }
            std::mem::swap(here, after);
        }
        let mut out = Vec::new();
        let mut at = from;
        while at < to {
            match longest[at - from] {
                NO_END => at += 1,
                end => {
                    out.push((at, end as usize - 1));
                    at = end as usize - 1;
                }
            }
        }
        out
    }

    /// The furthest end (plus one; [`NO_END`] for none) of a match going on from instruction `q`
    /// at `position`, given `here` for the instructions after `q` at this position, `after` for
    /// every instruction at the next, and the ends recorded after each slot in `slot_ends`.
    #[allow(clippy::too_many_arguments)] // The backward pass's tables, passed by reference to stay in place.
    fn furthest_end(
        &self,
        q: usize,
        span: &Span,
        position: usize,
        token: Option<&Token>,
        here: &[u32],
        after: &[u32],
        slots: &[usize],
        slot_ends: &[u32],
    ) -> u32 {
        match &self.insts[q] {
            Inst::Accept => u32::try_from(position + 1).unwrap_or(NO_END),
            Inst::Jump(target) => here[*target as usize],
            Inst::Split { targets, index, always } => {
                // NO_END is 0, so the furthest end is the largest.
                let mut end = always.iter().map(|t| here[*t as usize]).max().unwrap_or(NO_END);
                match (index, token) {
                    (Some(index), Some(token)) => {
                        index.for_each_candidate(token, |k| end = end.max(here[targets[k] as usize]));
                    }
                    (Some(_), None) => {}
                    (None, _) => end = targets.iter().map(|t| here[*t as usize]).fold(end, u32::max),
                }
                end
            }
            Inst::Word(w) => match token {
                Some(t) if !t.quoted && w.matches(t) => after[q + 1],
                _ => NO_END,
            },
            Inst::Any => match token {
                Some(t) if !t.quoted && !t.is_negator() => after[q + 1],
                _ => NO_END,
            },
            Inst::Slot(slot) => {
                let Span { tokens, names, to, from } = *span;
                let len = token.and_then(|_| slot_len(*slot, &tokens[..to], names, position));
                match len.filter(|len| tokens[position..position + len].iter().all(|t| !t.quoted && !t.is_negator())) {
                    Some(1) => after[q + 1],
                    Some(len) => slot_ends[(position + len - from) * slots.len() + slots.partition_point(|s| *s < q)],
                    None => NO_END,
                }
            }
        }
    }

    /// The leftmost-longest counted match starting at or after `at`, if any (None too when the
    /// budget runs out). Threads arrive at each position ordered by start (earliest first), so the
    /// first thread to reach an instruction carries the earliest start; no list is sorted or
    /// allocated per position.
    fn leftmost_longest(
        &self,
        scratch: &mut Scratch,
        span: &Span,
        at: usize,
        may_start: &dyn Fn(&Token) -> bool,
        budget: &dyn Budget,
        asked: &mut usize,
    ) -> Option<(usize, usize)> {
        let Span { tokens, to, .. } = *span;
        scratch.prepare(self.insts.len());
        let Scratch { seen, stamp, current, next, later, stack, .. } = scratch;
        current.clear();
        later.clear();
        let mut best: Option<(usize, usize)> = None;
        let mut position = at;
        while position <= to {
            *asked += 1;
            if asked.is_multiple_of(BUDGET_EVERY) && budget.exhausted() {
                return None;
            }
            if later.iter().any(|(p, _)| *p == position) {
                // Threads that took a slot of several tokens join those that took one word.
                current.extend(later.iter().filter(|(p, _)| *p == position).map(|(_, t)| *t));
                later.retain(|(p, _)| *p != position);
                current.sort_by_key(|t| t.start);
            }
            if let Some((b, _)) = best {
                current.retain(|t| t.start as usize <= b);
            }
            let token = tokens.get(position).filter(|_| position < to);
            if best.is_none() && token.is_some_and(|t| !t.quoted && t.negated_by.is_none() && may_start(t)) {
                current.push(Thread { pc: 0, start: u32::try_from(position).unwrap_or(u32::MAX) });
            }
            if current.is_empty() && later.is_empty() {
                if best.is_some() || token.is_none() {
                    break;
                }
                position += 1;
                continue;
            }
            let now = next_stamp(seen, stamp);
            next.clear();
            for &first in current.iter() {
                stack.push(first);
                while let Some(thread) = stack.pop() {
                    self.step(thread, now, seen, span, position, token, stack, next, later, &mut best);
                }
            }
            std::mem::swap(current, next);
            position += 1;
        }
        best
    }

    /// Follow one thread at `position`: record a match, branch, or consume the token.
    #[allow(clippy::too_many_arguments)] // The VM's registers, passed by reference to stay in place.
    fn step(
        &self,
        thread: Thread,
        now: u32,
        seen: &mut [u32],
        span: &Span,
        position: usize,
        token: Option<&Token>,
        stack: &mut Vec<Thread>,
        next: &mut Vec<Thread>,
        later: &mut Vec<(usize, Thread)>,
        best: &mut Option<(usize, usize)>,
    ) {
        let Some(mark) = seen.get_mut(thread.pc as usize) else { return };
        if *mark == now {
            return;
        }
        *mark = now;
        let onward = Thread { pc: thread.pc + 1, start: thread.start };
        match &self.insts[thread.pc as usize] {
            Inst::Accept => {
                let start = thread.start as usize;
                *best = match *best {
                    _ if position <= start => *best,
                    None => Some((start, position)),
                    Some((b, _)) if start < b => Some((start, position)),
                    Some((b, e)) if start == b => Some((b, e.max(position))),
                    other => other,
                };
            }
            Inst::Jump(target) => stack.push(Thread { pc: *target, ..thread }),
            Inst::Split { targets, index, always } => {
                always.iter().for_each(|t| stack.push(Thread { pc: *t, ..thread }));
                match (index, token) {
                    (Some(index), Some(token)) => {
                        index.for_each_candidate(token, |k| stack.push(Thread { pc: targets[k], ..thread }));
                    }
                    (Some(_), None) => {}
                    (None, _) => targets.iter().rev().for_each(|t| stack.push(Thread { pc: *t, ..thread })),
                }
            }
            Inst::Word(w) => {
                if token.is_some_and(|t| !t.quoted && w.matches(t)) {
                    next.push(onward);
                }
            }
            Inst::Any => {
                if token.is_some_and(|t| !t.quoted && !t.is_negator()) {
                    next.push(onward);
                }
            }
            Inst::Slot(slot) => {
                let Span { tokens, names, to, .. } = *span;
                let len = token.and_then(|_| slot_len(*slot, &tokens[..to], names, position));
                match len.filter(|len| tokens[position..position + len].iter().all(|t| !t.quoted && !t.is_negator())) {
                    Some(1) => next.push(onward),
                    Some(len) => later.push((position + len, onward)),
                    None => {}
                }
            }
        }
    }
}

/// No match can end from here (ends are stored plus one, so the furthest end is the largest).
const NO_END: u32 = 0;

/// The token at `position` of a sentence, None at its end.
fn tokens_at<'a>(span: &Span<'a>, position: usize) -> Option<&'a Token> {
    span.tokens.get(position).filter(|_| position < span.to)
}

/// The tables of [`Program::find_backwards`], kept between runs.
#[derive(Default)]
struct Backward {
    /// The furthest end from each instruction at the position being read.
    here: Vec<u32>,
    /// The same at the next position.
    after: Vec<u32>,
    /// Per position, the furthest end after each slot (for slots of several tokens).
    slot_ends: Vec<u32>,
    /// Per position, the furthest end of a counted match starting there.
    longest: Vec<u32>,
}

/// One thread of a search: the instruction it is at and the token its match started at.
#[derive(Debug, Clone, Copy)]
struct Thread {
    pc: u32,
    start: u32,
}

/// What a search reads: the tokens, the names slots refer to, and the sentence `[from, to)`.
#[derive(Clone, Copy)]
pub struct Span<'a> {
    /// The response's tokens.
    pub tokens: &'a [Token],
    /// Names for the `{customer}` and `{colleague}` slots.
    pub names: &'a Names,
    /// First token of the sentence.
    pub from: usize,
    /// Just past its last token.
    pub to: usize,
}

fn slot_len(slot: Slot, tokens: &[Token], names: &Names, i: usize) -> Option<usize> {
    let len = match slot {
        Slot::Time => time_at(tokens, i)?,
        Slot::Customer => name_at(tokens, i, &names.customer)?,
        Slot::Colleague => name_at(tokens, i, &names.colleague)?,
        // "10am to check it has landed": a clock time is no amount.
        Slot::Number => {
            usize::from(tokens.get(i)?.text.chars().any(|c| c.is_ascii_digit()) && !clock_number_at(tokens, i))
        }
    };
    (len > 0 && i + len <= tokens.len()).then_some(len)
}

/// Reused between runs so a run never clears a table the size of the program nor allocates.
#[derive(Default)]
struct Scratch {
    /// The stamp of the position at which each instruction was last reached.
    seen: Vec<u32>,
    stamp: u32,
    /// Threads at the position being read, by start.
    current: Vec<Thread>,
    /// Threads for the next position, by start.
    next: Vec<Thread>,
    /// Threads that took a slot of several tokens, with the position they go on at.
    later: Vec<(usize, Thread)>,
    /// The threads still to follow at this position.
    stack: Vec<Thread>,
    /// The tables of the backward pass.
    backward: Backward,
}

impl Scratch {
    fn prepare(&mut self, size: usize) {
        if self.seen.len() < size {
            self.seen.resize(size, 0);
        }
    }
}

/// A fresh stamp for a position: every instruction is unreached again, without clearing `seen`.
fn next_stamp(seen: &mut [u32], stamp: &mut u32) -> u32 {
    if *stamp == u32::MAX {
        seen.iter_mut().for_each(|s| *s = 0);
        *stamp = 0;
    }
    *stamp += 1;
    *stamp
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[cfg(test)]
mod tests;

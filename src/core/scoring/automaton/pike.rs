//! The Pike VM the automaton used to run (a thread per instruction, carrying the earliest start
//! that reached it): kept for the tests, as the reference the bit-set search must agree with.

use std::cell::RefCell;

use super::super::budget::Budget;
use super::super::text::Token;
use super::{BUDGET_EVERY, Inst, Program, Span, slot_len};

impl Program {
    /// The leftmost-longest counted match starting at or after `at`, if any (None too when the
    /// budget runs out). Threads arrive at each position ordered by start (earliest first), so the
    /// first thread to reach an instruction carries the earliest start; no list is sorted or
    /// allocated per position.
    pub(super) fn leftmost_longest(
        &self,
        scratch: &mut Scratch,
        span: &Span,
        at: usize,
        may_start: &dyn Fn(usize) -> bool,
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
            if best.is_none() && token.is_some_and(|t| !t.quoted && t.negated_by.is_none() && may_start(position)) {
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
                let tokens = span.tokens;
                let len = token.and_then(|_| slot_len(*slot, span, position));
                match len.filter(|len| tokens[position..position + len].iter().all(|t| !t.quoted && !t.is_negator())) {
                    Some(1) => next.push(onward),
                    Some(len) => later.push((position + len, onward)),
                    None => {}
                }
            }
        }
    }
}

/// One thread of a search: the instruction it is at and the token its match started at.
#[derive(Debug, Clone, Copy)]
struct Thread {
    pc: u32,
    start: u32,
}

/// Reused between runs so a run never clears a table the size of the program nor allocates.
#[derive(Default)]
pub(super) struct Scratch {
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
    pub(super) static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

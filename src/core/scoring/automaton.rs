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
    /// earliest start that reached it, so a search costs O(tokens x program size) whatever the
    /// pattern; after a match the search goes on from its end. A match counts when no token in it
    /// is quoted, its first word is not negated, and every negator in it is one the pattern names
    /// as a word (a thread that would take a quoted token, or a negator by a gap or slot, stops).
    /// `may_start` rules out starts cheaply; `budget` is asked every [`BUDGET_EVERY`] positions and,
    /// once exhausted, the matches found so far are returned.
    pub fn find_in(&self, span: Span, may_start: &dyn Fn(&Token) -> bool, budget: &dyn Budget) -> Vec<(usize, usize)> {
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let mut out = Vec::new();
            let mut at = span.from;
            let mut asked = 0;
            while at < span.to {
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

    /// The leftmost-longest counted match starting at or after `at`, if any (None too when the
    /// budget runs out).
    #[allow(clippy::too_many_lines)] // One Pike-VM step loop: splitting it would pass its thread lists around.
    fn leftmost_longest(
        &self,
        scratch: &mut Scratch,
        span: &Span,
        at: usize,
        may_start: &dyn Fn(&Token) -> bool,
        budget: &dyn Budget,
        asked: &mut usize,
    ) -> Option<(usize, usize)> {
        let Span { tokens, names, to, .. } = *span;
        scratch.prepare(self.insts.len());
        let mut pending: Vec<Vec<Thread>> = Vec::new();
        let mut ahead = 0usize;
        let mut best: Option<(usize, usize)> = None;
        let mut stack: Vec<Thread> = Vec::new();
        let mut position = at;
        while position <= to {
            *asked += 1;
            if asked.is_multiple_of(BUDGET_EVERY) && budget.exhausted() {
                return None;
            }
            let mut seeds = pending.get_mut(position - at).map(std::mem::take).unwrap_or_default();
            ahead -= seeds.len();
            if let Some((b, _)) = best {
                seeds.retain(|t| t.start as usize <= b);
            }
            let token = tokens.get(position).filter(|_| position < to);
            if best.is_none() && token.is_some_and(|t| !t.quoted && t.negated_by.is_none() && may_start(t)) {
                seeds.push(Thread { pc: 0, start: u32::try_from(position).unwrap_or(u32::MAX) });
            }
            if seeds.is_empty() && ahead == 0 {
                if best.is_some() || token.is_none() {
                    break;
                }
                position += 1;
                continue;
            }
            // Earliest start first, so each instruction keeps the earliest start that reached it.
            seeds.sort_unstable_by_key(|t| (t.start, t.pc));
            let stamp = scratch.next_stamp();
            stack.extend(seeds.into_iter().rev());
            while let Some(thread) = stack.pop() {
                let Some(seen) = scratch.seen.get_mut(thread.pc as usize) else { continue };
                if *seen == stamp {
                    continue;
                }
                *seen = stamp;
                let mut advance = |len: usize| {
                    let at_end = position + len - at;
                    if pending.len() <= at_end {
                        pending.resize_with(at_end + 1, Vec::new);
                    }
                    pending[at_end].push(Thread { pc: thread.pc + 1, start: thread.start });
                    ahead += 1;
                };
                match &self.insts[thread.pc as usize] {
                    Inst::Accept => {
                        let start = thread.start as usize;
                        best = match best {
                            _ if position <= start => best,
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
                            advance(1);
                        }
                    }
                    Inst::Any => {
                        if token.is_some_and(|t| !t.quoted && !t.is_negator()) {
                            advance(1);
                        }
                    }
                    Inst::Slot(slot) => {
                        let len = token.and_then(|_| slot_len(*slot, &tokens[..to], names, position));
                        if let Some(len) = len
                            .filter(|len| tokens[position..position + len].iter().all(|t| !t.quoted && !t.is_negator()))
                        {
                            advance(len);
                        }
                    }
                }
            }
            position += 1;
        }
        best
    }
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

/// Reused between runs so a run never clears a table the size of the program.
#[derive(Default)]
struct Scratch {
    seen: Vec<u32>,
    stamp: u32,
}

impl Scratch {
    fn prepare(&mut self, size: usize) {
        if self.seen.len() < size {
            self.seen.resize(size, 0);
        }
    }

    fn next_stamp(&mut self) -> u32 {
        if self.stamp == u32::MAX {
            self.seen.iter_mut().for_each(|s| *s = 0);
            self.stamp = 0;
        }
        self.stamp += 1;
        self.stamp
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::phrase::Phrase;
    use super::super::text::analyse;
    use super::*;
    use crate::core::scenario::pattern::Pattern;

    fn phrase(pattern: &str) -> Phrase {
        Phrase::compile(&Pattern::parse(pattern).expect("pattern"), &BTreeMap::new())
    }

    #[test]
    fn many_gaps_match_in_bounded_work() {
        // Twelve gaps used to take 20 s by backtracking on a 39-word answer (and 30 hung `check`);
        // the automaton follows each state once per position, so this returns at once.
        let pattern = vec!["a"; 13].join(" * ");
        let answer = vec!["a b"; 20].join(" ");
        let a = analyse(&answer);
        let found = phrase(&pattern).find(&a, &Names::default());
        assert_eq!(found, vec![(0, 39)], "the longest match from the first word");
    }

    #[test]
    fn program_size_is_linear_in_the_pattern() {
        let one = phrase("a * b").program_len();
        let many = phrase(&["a * b"; 10].join(" ")).program_len();
        assert!(many <= one * 10 + 1, "{one} vs {many}");
    }

    #[test]
    fn optional_groups_and_choices_find_the_longest_end() {
        let p = phrase("[very] [very] sorry [(about | for) [the] delay]");
        let a = analyse("Very sorry about the delay today");
        assert_eq!(p.find(&a, &Names::default()), vec![(0, 5)]);
    }
}

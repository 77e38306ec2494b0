//! Phrase patterns compiled to a small automaton over tokens, run as a Pike VM: every way a pattern
//! can match from one start is followed at once, one token position at a time, and a state reached
//! twice at the same position is followed once. Time is linear in the tokens looked at times the
//! program's size, whatever the pattern (no backtracking), and nothing recurses on the input.

use std::cell::RefCell;

use super::phrase::{FirstWordIndex, Names, Node, Word, name_at};
use super::text::Token;
use super::time::time_at;

/// Token positions inside a match, as bits counted from the match's start: the negators the
/// pattern names itself ("not my fault"), which do not cancel the match.
pub type Positions = u64;

/// Words `*` may skip.
pub const MAX_GAP: usize = 4;

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

    /// Where every match starting at token `start` ends (tokens before `limit` only), with the
    /// negators the pattern named. Runs in O((limit - start) x program size).
    pub fn ends_from(&self, tokens: &[Token], names: &Names, start: usize, limit: usize) -> Vec<(usize, Positions)> {
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            self.run(&mut scratch, tokens, names, start, limit)
        })
    }

    fn run(
        &self,
        scratch: &mut Scratch,
        tokens: &[Token],
        names: &Names,
        start: usize,
        limit: usize,
    ) -> Vec<(usize, Positions)> {
        let limit = limit.min(tokens.len());
        scratch.prepare(self.insts.len());
        let mut ends = Vec::new();
        let mut pending: Vec<Vec<(u32, Positions)>> = vec![vec![(0, 0)]];
        let mut stack: Vec<(u32, Positions)> = Vec::new();
        let mut offset = 0;
        while offset < pending.len() {
            let position = start + offset;
            let mut seeds = std::mem::take(&mut pending[offset]);
            offset += 1;
            if seeds.is_empty() {
                continue;
            }
            let stamp = scratch.next_stamp();
            seeds.sort_unstable_by_key(|(pc, _)| *pc);
            merge_masks(&mut seeds);
            stack.extend(seeds.into_iter().rev());
            let token = tokens.get(position).filter(|_| position < limit);
            while let Some((pc, mask)) = stack.pop() {
                let Some(seen) = scratch.seen.get_mut(pc as usize) else { continue };
                if *seen == stamp {
                    continue;
                }
                *seen = stamp;
                let mut advance = |len: usize, mask: Positions| {
                    if position + len <= limit {
                        let at = offset - 1 + len;
                        if pending.len() <= at {
                            pending.resize_with(at + 1, Vec::new);
                        }
                        pending[at].push((pc + 1, mask));
                    }
                };
                match &self.insts[pc as usize] {
                    Inst::Accept => ends.push((position, mask)),
                    Inst::Jump(target) => stack.push((*target, mask)),
                    Inst::Split { targets, index, always } => {
                        always.iter().for_each(|t| stack.push((*t, mask)));
                        match (index, token) {
                            (Some(index), Some(token)) => {
                                index.for_each_candidate(token, |k| stack.push((targets[k], mask)));
                            }
                            (Some(_), None) => {}
                            (None, _) => targets.iter().rev().for_each(|t| stack.push((*t, mask))),
                        }
                    }
                    Inst::Word(w) => {
                        if let Some(t) = token.filter(|t| w.matches(t)) {
                            let named = if t.is_negator() && offset - 1 < 64 { mask | 1 << (offset - 1) } else { mask };
                            advance(1, named);
                        }
                    }
                    Inst::Any => {
                        if token.is_some() {
                            advance(1, mask);
                        }
                    }
                    Inst::Slot(slot) => {
                        if let Some(len) = token.and_then(|_| slot_len(*slot, &tokens[..limit], names, position)) {
                            advance(len.max(1), mask);
                        }
                    }
                }
            }
        }
        ends
    }
}

/// Threads for the same state arriving at the same position: one thread, naming every negator
/// any of them named.
fn merge_masks(seeds: &mut Vec<(u32, Positions)>) {
    seeds.dedup_by(|later, kept| {
        if later.0 == kept.0 {
            kept.1 |= later.1;
            true
        } else {
            false
        }
    });
}

fn slot_len(slot: Slot, tokens: &[Token], names: &Names, i: usize) -> Option<usize> {
    let len = match slot {
        Slot::Time => time_at(tokens, i)?,
        Slot::Customer => name_at(tokens, i, &names.customer)?,
        Slot::Colleague => name_at(tokens, i, &names.colleague)?,
        Slot::Number => usize::from(tokens.get(i)?.text.chars().any(|c| c.is_ascii_digit())),
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

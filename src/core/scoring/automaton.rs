//! Phrase patterns compiled to a small automaton over tokens. Every way a pattern can match is
//! followed at once, one token position at a time, as a set of instructions kept as bits (see
//! `bits.rs`; the Pike VM it replaced stays in `pike.rs` as the tests' reference). Time is linear
//! in the tokens looked at times the program's size, whatever the pattern (no backtracking), and
//! nothing recurses on the input.

use super::budget::Budget;
use super::phrase::{FirstWordIndex, Names, Node, Word, name_at};
use super::text::Token;
use super::time::{TimeTable, clock_number_at};

/// Words `*` may skip.
pub const MAX_GAP: usize = 4;

/// How many token positions a search goes between asking its budget.
pub const BUDGET_EVERY: usize = 32;

/// What a slot consumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// `{time}`: a specific time expression.
    Time,
    /// `{hour}`: a specific time pinned within a day (a clock time, a part of a known day).
    Hour,
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
    /// What the search needs of `insts`, worked out once.
    layout: bits::Layout,
}

impl Program {
    /// Compile a sequence of pattern nodes.
    pub(super) fn compile(nodes: &[Node]) -> Self {
        let mut program = Self::default();
        program.sequence(nodes);
        program.insts.push(Inst::Accept);
        program.layout = bits::Layout::new(&program.insts);
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
            Node::Hour => self.insts.push(Inst::Slot(Slot::Hour)),
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
    /// overlapping. A match counts when no token in it is quoted, its first word is not negated,
    /// and every negator in it is one the pattern names as a word (a step that would take a
    /// quoted token, or a negator by a gap or slot, stops there). `may_start` rules out starts
    /// cheaply (by the token's position); `masks` keeps the word instructions each word of the answer is and the steps
    /// already taken (one per program and answer, see `memo.rs`); `budget` is asked every [`BUDGET_EVERY`] positions and, once exhausted, the
    /// matches found so far are returned. The search runs over sets of instructions as bits (see
    /// `bits.rs`): O(sentence x program size / 64 + branches followed), whatever the pattern.
    pub fn find_in(
        &self,
        span: Span,
        masks: &mut WordMasks,
        may_start: &dyn Fn(usize) -> bool,
        budget: &dyn Budget,
    ) -> Vec<(usize, usize)> {
        bits::find(self, &span, None, masks, may_start, budget)
    }

    /// [`Self::find_in`] with the words of a shared table each token is (see [`TableWords`]),
    /// which must hold every word of [`Self::words`]: the same matches, without asking the
    /// program's own word index.
    pub fn find_in_table(
        &self,
        span: Span,
        table: TableWords,
        masks: &mut WordMasks,
        may_start: &dyn Fn(usize) -> bool,
        budget: &dyn Budget,
    ) -> Vec<(usize, usize)> {
        bits::find(self, &span, Some(table), masks, may_start, budget)
    }

    /// The distinct words the program's word instructions read, each once (its index is its id
    /// in [`TableWords::program`]).
    pub fn words(&self) -> &[Word] {
        self.layout.distinct_words()
    }
}

/// What a search reads: the tokens, the names slots refer to, and the sentence `[from, to)`.
#[derive(Clone, Copy)]
pub struct Span<'a> {
    /// The response's tokens.
    pub tokens: &'a [Token],
    /// The time reading at each token as the sentence alone gives it (`Analysed::sentence_times`),
    /// for the `{time}` slot.
    pub times: &'a TimeTable,
    /// Names for the `{customer}` and `{colleague}` slots.
    pub names: &'a Names,
    /// First token of the sentence.
    pub from: usize,
    /// Just past its last token.
    pub to: usize,
}

/// How many tokens `slot` takes at `i` in the sentence `span` (none past its end).
fn slot_len(slot: Slot, span: &Span, i: usize) -> Option<usize> {
    let Span { names, to, .. } = *span;
    let tokens = &span.tokens[..to];
    let len = match slot {
        Slot::Time => span.times.time_at(i).filter(|_| i < to)?,
        Slot::Hour => span.times.hour_at(i).filter(|_| i < to)?,
        Slot::Customer => name_at(tokens, i, &names.customer)?,
        Slot::Colleague => name_at(tokens, i, &names.colleague)?,
        // "10am to check it has landed": a clock time is no amount.
        Slot::Number => {
            usize::from(tokens.get(i)?.text.chars().any(|c| c.is_ascii_digit()) && !clock_number_at(tokens, i))
        }
    };
    (len > 0 && i + len <= tokens.len()).then_some(len)
}

mod bits;
mod memo;
#[cfg(test)]
mod pike;

pub use memo::{TableWords, WordMasks, table_filter};

#[cfg(test)]
mod tests;

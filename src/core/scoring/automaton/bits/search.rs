//! A search of one sentence: the backward pass (long answers only), then a forward pass from
//! each leftmost start that qualifies (see `bits.rs`).

use super::super::super::budget::Budget;
use super::super::memo::{TableWords, WordMasks};
use super::super::{Program, Span};
use super::{Buffers, SCRATCH, Scratch, Sentence, has};

/// Every counted match in the sentence `span`, leftmost then longest, never overlapping (see
/// [`super::Program::find_in`]), in the thread's scratch (a fresh one should it be in use).
/// With `table`, the program's words each token is are read off the shared table's ids.
pub(in super::super) fn find(
    program: &Program,
    span: &Span,
    table: Option<TableWords>,
    masks: &mut WordMasks,
    may_start: &dyn Fn(usize) -> bool,
    budget: &dyn Budget,
) -> Vec<(usize, usize)> {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => find_in_scratch(program, span, table, masks, may_start, budget, &mut scratch),
        Err(_) => find_in_scratch(program, span, table, masks, may_start, budget, &mut Scratch::default()),
    })
}

/// [`find`] with the tables and sets of `scratch`, handed back to it after.
fn find_in_scratch(
    program: &Program,
    span: &Span,
    table: Option<TableWords>,
    masks: &mut WordMasks,
    may_start: &dyn Fn(usize) -> bool,
    budget: &dyn Budget,
    scratch: &mut Scratch,
) -> Vec<(usize, usize)> {
    let mut sentence = Sentence {
        span,
        layout: &program.layout,
        insts: &program.insts,
        table,
        alive: std::mem::take(&mut scratch.alive),
        slot_lens: std::mem::take(&mut scratch.slot_lens),
        kinds: std::mem::take(&mut scratch.kinds),
    };
    let buffers = &mut scratch.buffers;
    // The set numbers of another search's rows mean nothing here.
    buffers.first = None;
    let out = search(&mut sentence, masks, may_start, budget, buffers);
    scratch.alive = sentence.alive;
    scratch.slot_lens = sentence.slot_lens;
    scratch.kinds = sentence.kinds;
    out
}

/// The backward pass over `sentence`, then a forward pass from each leftmost start.
fn search(
    sentence: &mut Sentence,
    masks: &mut WordMasks,
    may_start: &dyn Fn(usize) -> bool,
    budget: &dyn Budget,
    buffers: &mut Buffers,
) -> Vec<(usize, usize)> {
    sentence.read_slots();
    masks.prepare(sentence.layout, sentence.span.tokens.len());
    // A short answer is searched forward from each start its words allow, with no backward pass.
    let backward = masks.remember;
    if backward && !sentence.backward(masks, budget, buffers) {
        return Vec::new();
    }
    let Span { tokens, from, to, .. } = *sentence.span;
    let mut out = Vec::new();
    let mut at = from;
    while at < to {
        let starts = at..to;
        let Some(start) = starts.into_iter().find(|&p| {
            let t = &tokens[p];
            (!backward || has(masks.rows.get(sentence.alive_id(p)), 0))
                && !t.quoted
                && t.negated_by.is_none()
                && may_start(p)
        }) else {
            break;
        };
        match sentence.longest_from(masks, start, budget, buffers) {
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

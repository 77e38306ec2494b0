//! The elements of a response's time expressions, each read once per state: reading the
//! expression at every token passes over each token up to [`super::MAX_LEN`] times, and where the
//! facts gathered before it are the same (a run of joining words gathers none), what the token adds
//! is the same too, so it is looked up rather than read again.

use super::super::text::Token;
use super::grammar::{element, is_approximation};
use super::{Facts, REACH, looked_at};

/// What reading one element gave, for one state before it.
#[derive(Clone, Copy)]
struct Remembered {
    /// How the expression's first token bears on the element (see [`start_class`]).
    class: u8,
    /// The facts before the element.
    before: Facts,
    /// Tokens it took (None: the expression ends before it).
    took: Option<usize>,
    /// The facts after it.
    after: Facts,
    /// The furthest token the element looked at.
    reach: usize,
}

/// Elements read so far, by the token they start at (only those at or after the expression being
/// read are kept).
pub(super) struct Elements {
    at: Vec<Vec<Remembered>>,
    /// The emptied room of tokens forgotten, handed on to the next token that needs room (most
    /// tokens' elements are remembered only while an expression may reach them).
    spare: Vec<Vec<Remembered>>,
}

impl Elements {
    /// Room for a response of `len` tokens.
    pub(super) fn new(len: usize) -> Self {
        Self { at: vec![Vec::new(); len], spare: Vec::new() }
    }

    /// Forget the elements before token `i` (no expression read from `i` on reaches back to them).
    pub(super) fn forget_before(&mut self, i: usize) {
        if let Some(old) = i.checked_sub(1).and_then(|k| self.at.get_mut(k)) {
            let mut room = std::mem::take(old);
            if room.capacity() > 0 {
                room.clear();
                self.spare.push(room);
            }
        }
    }

    /// [`element`] at `j` for an expression starting at `start`, looked up when the same state
    /// was read there before.
    pub(super) fn read(&mut self, tokens: &[Token], j: usize, start: usize, f: &mut Facts) -> Option<usize> {
        let class = start_class(tokens, j, start);
        let Some(known) = self.at.get_mut(j) else { return element(tokens, j, start, f) };
        if let Some(m) = known.iter().find(|m| m.class == class && m.before == *f) {
            looked_at(m.reach);
            *f = m.after;
            return m.took;
        }
        let before = *f;
        // The element looks at `j` first: its own reach is measured from there.
        let outer = REACH.with(|r| r.replace(j));
        let took = element(tokens, j, start, f);
        let reach = REACH.with(|r| r.replace(outer.max(r.get())));
        if known.capacity() == 0
            && let Some(room) = self.spare.pop()
        {
            *known = room;
        }
        known.push(Remembered { class, before, took, after: *f, reach });
        took
    }
}

/// The only ways the expression's first token `start` bears on the element at `j` (see
/// [`element`]): 0 when the element is the first (nothing before it counts); 1 when the
/// expression starts inside the run of approximations ("about", "around") just before `j`, or
/// right at `j - 1` (the word before counts, the lead word does not); 2 when it starts before that
/// run (the lead word before the run counts too).
fn start_class(tokens: &[Token], j: usize, start: usize) -> u8 {
    if start >= j {
        return 0;
    }
    let mut run = j;
    while run > 0 && tokens.get(run - 1).is_some_and(|t| is_approximation(&t.text)) {
        run -= 1;
    }
    if start >= run { 1 } else { 2 }
}

//! Every token's time reading in one response, worked out once (see `Analysed::times`): the
//! detectors, the learned layer and the `{time}` slot look a token's reading up here instead of
//! reading the words again, so scoring an answer reads each expression once, however many rules ask.

use super::super::text::{Sentence, Token};
use super::{
    Elements, Grain, LOOK_BACK, Reading, TimeExpr, counts_as_attribute, read_at_with, read_from, read_from_reaching,
};

/// The time reading at every token of a response.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimeTable {
    /// The expression covering each token, read from where it starts (what `read_at` gives).
    at: Vec<Option<TimeExpr>>,
    /// The expression at each token names a thing and is no deadline ("your 3pm appointment").
    attribute: Vec<bool>,
}

impl TimeTable {
    /// The readings of `tokens`, each expression read once from where it starts; and the readings
    /// as a search confined to one sentence sees them, each sentence read as if the response
    /// ended with it (what the `{time}` slot reads). The second is the first wherever a reading
    /// did not look past its sentence's end; only the readings that did are read again, so both
    /// cost about one reading per token. Tokens outside every sentence read nothing in the second.
    pub fn whole_and_by_sentence(tokens: &[Token], sentences: &[Sentence]) -> (Self, Self) {
        let mut elements = Elements::new(tokens.len());
        let (reads, reach): (Vec<Option<TimeExpr>>, Vec<usize>) =
            (0..tokens.len()).map(|j| read_from_reaching(tokens, j, &mut elements)).unzip();
        let mut whole = Self::empty(tokens.len());
        for i in covered(&reads, 0) {
            whole.set(tokens, i, read_at_with(tokens, i, |j| reads[j]));
        }
        let mut by_sentence = Self::empty(tokens.len());
        for s in sentences {
            let end = s.end.min(tokens.len());
            let upto = &tokens[..end];
            let start = s.start.min(end);
            let own: Vec<Option<TimeExpr>> =
                (start..end).map(|j| if reach[j] < end { reads[j] } else { read_from(upto, j) }).collect();
            for i in covered(&own, start) {
                // The look-back stays in the sentence: `j` before its start is never read.
                let e = read_at_with(upto, i, |j| match j.checked_sub(start) {
                    Some(k) => own[k],
                    None => read_from(upto, j),
                });
                by_sentence.set(upto, i, e);
            }
        }
        (whole, by_sentence)
    }

    /// Whether some specific time `time_at` would give, scanning as [`TimeTable::time_at`]'s
    /// callers scan (from the first token, past each time found), is one `keep(start, len)` keeps.
    /// Each token is read only up to the first kept time, and no table is kept: what the whole
    /// table would answer, at a fraction of building it (`check` asks this of every `Commitment`
    /// line).
    pub fn any_time(tokens: &[Token], keep: impl Fn(usize, usize) -> bool) -> bool {
        let mut elements = Elements::new(tokens.len());
        let mut reads: Vec<Option<TimeExpr>> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            // `read_at_with` looks at the readings from a few tokens back up to `i`, read in order.
            while reads.len() <= i {
                reads.push(read_from_reaching(tokens, reads.len(), &mut elements).0);
            }
            let e = read_at_with(tokens, i, |j| reads[j]);
            match e.filter(|e| e.is_specific_beyond_bare_day() && !counts_as_attribute(tokens, i, e)) {
                Some(e) if keep(i, e.len) => return true,
                Some(e) => i += e.len,
                None => i += 1,
            }
        }
        false
    }

    fn empty(len: usize) -> Self {
        Self { at: vec![None; len], attribute: vec![false; len] }
    }

    fn set(&mut self, tokens: &[Token], i: usize, e: Option<TimeExpr>) {
        self.attribute[i] = e.is_some_and(|e| counts_as_attribute(tokens, i, &e));
        self.at[i] = e;
    }

    /// The expression that covers token `i`, read from where it starts: an expression that
    /// begins a few tokens before `i`, reaches `i` and reads as vague or past swallows the
    /// specific-looking words inside it ("Tuesday" in "last Tuesday"); otherwise the expression
    /// starting at `i`.
    pub fn read_at(&self, i: usize) -> Option<TimeExpr> {
        self.at.get(i).copied().flatten()
    }

    /// A specific time expression starting at token `i`; returns its length in tokens. A bare
    /// "today" or "tomorrow" does not count here (see [`TimeTable::day_or_time_at`]), nor does a
    /// time that names a thing ("your 3pm appointment").
    ///
    /// The expression may start with a preposition ("at 4pm", "by Friday", "within two hours").
    pub fn time_at(&self, i: usize) -> Option<usize> {
        let e = self.read_at(i)?;
        (e.is_specific_beyond_bare_day() && !self.attribute[i]).then_some(e.len)
    }

    /// A specific time pinned within a day starting at token `i` (a clock time, a part of a known
    /// day, a few hours from now; not a bare day or date): its length in tokens. What `{hour}` takes.
    pub fn hour_at(&self, i: usize) -> Option<usize> {
        self.day_or_time_at(i).and_then(|(len, grain)| (grain == Grain::Time).then_some(len))
    }

    /// A specific time expression starting at `i`, of either grain, "today" and "tomorrow"
    /// included: its length and grain.
    pub fn day_or_time_at(&self, i: usize) -> Option<(usize, Grain)> {
        let e = self.read_at(i)?;
        match e.reading {
            Reading::Specific(grain) if !self.attribute[i] => Some((e.len, grain)),
            _ => None,
        }
    }
}

/// The tokens an expression of `reads` (read from token `first` on, one per token) may cover: each
/// within [`LOOK_BACK`] of one that starts an expression. Elsewhere `read_at_with` finds nothing
/// to read back to nor a reading of its own, so the table's `None` stands.
fn covered(reads: &[Option<TimeExpr>], first: usize) -> impl Iterator<Item = usize> + '_ {
    let mut last = None;
    reads.iter().enumerate().filter_map(move |(k, e)| {
        if e.is_some() {
            last = Some(k);
        }
        last.filter(|&l| k - l <= LOOK_BACK).map(|_| first + k)
    })
}

/// Whether `detectors::find_specific_times` finds anything in `tokens` (of an `Analysed`), worked out
/// without the response's time tables and stopping at the first time found.
pub fn has_specific_time(tokens: &[Token]) -> bool {
    TimeTable::any_time(tokens, |i, len| own_firm_time(tokens, i, len))
}

/// The time of `len` tokens at `i` is the speaker's own and firm: in one sentence, not quoted, not
/// negated, and not hedged ("Tuesday-ish", "half three-ish").
pub fn own_firm_time(tokens: &[Token], i: usize, len: usize) -> bool {
    let Some(span) = tokens.get(i..i + len) else { return false };
    let sentence = tokens[i].sentence;
    let approximate = tokens.get(i + len).is_some_and(|t| t.text == "ish" && t.sentence == sentence);
    !approximate && span.iter().all(|t| !t.quoted && t.negated_by.is_none() && t.sentence == sentence)
}

//! Reading a recitation back against its script, forgivingly.
//!
//! Both texts are read by [`analyse`] (lowercase, curly apostrophes straightened, contractions
//! expanded, punctuation dropped), numbers and clock times are put in one form ("four pm", "4 p.m.",
//! "4pm" and "16:00" are all `4pm`; "ten" is `10`; "1,240" is `1240`), and the two word sequences are
//! aligned by a word-level edit distance. Two words are the same when they are equal, share a
//! Snowball stem ("calling" = "call"), or the said word is a small typo of a long expected word
//! ("tommorow"), except weekdays and months, which must be right ("Tuesday" is not "Thursday").
//!
//! The results are reported per written word: "I'll" said as "I will" is one `Same` result.
//!
//! A recitation is **clean** when all of these hold:
//! - at least 95% of the expected words were said (`accuracy >= 0.95`);
//! - every commitment word was said (none `Missed` or `Changed`) and no extra word was slipped in
//!   between two words of the commitment ("at about 4pm");
//! - at most one extra word per 20 expected words (so on a line under 20 words, none).
//!
//! It is **poor** when fewer than 60% of the expected words were said (`accuracy < 0.6`).

use std::ops::Range;

use super::units::{Unit, units};
use super::{Level, Script, specific_times};
use crate::core::scoring::phrase::typo_of;

/// Each text is read up to this many characters; the rest is ignored (it keeps the alignment small).
pub const MAX_RECITATION_CHARS: usize = 4_000;
/// Share of expected words a clean recitation says.
pub const CLEAN_ACCURACY: f64 = 0.95;
/// A recitation saying a smaller share of the expected words than this is poor.
pub const POOR_BELOW: f64 = 0.6;
/// A clean recitation adds at most one extra word per this many expected words.
const WORDS_PER_EXTRA: usize = 20;

/// How one word of the script fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordKind {
    /// Said as written (forms, case, punctuation and contractions aside).
    Same,
    /// In the script, not said.
    Missed,
    /// Said differently: `expected` replaced by `said`.
    Changed,
    /// Said, but not in the script.
    Extra,
}

/// One step of the comparison, in the order of the script (extra words where they were said).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordResult {
    /// What happened to the word.
    pub kind: WordKind,
    /// The script's word(s) as written; None for an extra word.
    pub expected: Option<String>,
    /// The recited word(s) as typed; None for a missed word.
    pub said: Option<String>,
    /// True when the expected word is part of the commitment (or an extra word sits inside it).
    pub commitment: bool,
}

/// The verdict on one recitation.
#[derive(Debug, Clone, PartialEq)]
pub struct Recitation {
    /// Word by word, in the script's order.
    pub words: Vec<WordResult>,
    /// Share of the script's words said as written, 0 to 1 (1 for an empty script).
    pub accuracy: f64,
    /// Clean enough to move up a level: see the module documentation.
    pub clean: bool,
    /// Every commitment word was said, with nothing slipped in between them (true when there is no
    /// commitment).
    pub commitment_right: bool,
}

impl Recitation {
    /// Poor enough to move down a level: fewer than 60% of the expected words said.
    pub fn poor(&self) -> bool {
        self.accuracy < POOR_BELOW
    }
}

/// The level after a recitation at `level`: one harder after a clean recitation, one easier after a
/// poor one, the same otherwise; always within `Full..=Nothing`.
pub fn next_level(level: Level, recitation: &Recitation) -> Level {
    if recitation.clean {
        level.next()
    } else if recitation.poor() {
        level.previous()
    } else {
        level
    }
}

/// Compare a recitation with `expected`, taking the specific times in `expected` ("at 4pm", "Friday
/// at eight") as its commitment. Use [`compare_script`] when you have the [`Script`].
pub fn compare(expected: &str, said: &str) -> Recitation {
    compare_with(expected, &specific_times(expected), said)
}

/// Compare a recitation with `script`, using the script's commitment.
pub fn compare_script(script: &Script, said: &str) -> Recitation {
    compare_with(&script.text, &script.commitment, said)
}

/// Compare a recitation with `expected`, whose commitment words are at byte ranges `commitment`.
pub fn compare_with(expected: &str, commitment: &[Range<usize>], said: &str) -> Recitation {
    let (expected_units, expected_words) = units(truncated(expected));
    let (said_units, _) = units(truncated(said));
    let ops = align(&expected_units, &said_units);

    let in_commitment = |start: usize, end: usize| commitment.iter().position(|r| r.start < end && start < r.end);
    let mut word_said = vec![true; expected_words.len()];
    for op in &ops {
        if let Some(e) = op.expected()
            && !matches!(op, Op::Same(..))
        {
            word_said[expected_units[e].words.clone()].fill(false);
        }
    }
    let commitment_words_said = expected_words
        .iter()
        .zip(&word_said)
        .all(|(span, said)| *said || in_commitment(span.start, span.end).is_none());

    // Extra words: said words that only ever appear as insertions; those slipped inside the commitment.
    let mut aligned_said = vec![false; said_units.last().map_or(0, |u| u.words.end)];
    for op in &ops {
        if let Some(s) = op.said()
            && op.expected().is_some()
        {
            aligned_said[said_units[s].words.clone()].fill(true);
        }
    }
    let mut extra_words = std::collections::BTreeSet::new();
    let mut extra_inside_commitment = Vec::with_capacity(ops.len());
    for (k, op) in ops.iter().enumerate() {
        let inside = match op {
            Op::Extra(s) => {
                extra_words.extend(said_units[*s].words.clone().filter(|&w| !aligned_said[w]));
                let before = ops[..k].iter().rev().find_map(Op::expected);
                let after = ops[k + 1..].iter().find_map(Op::expected);
                let range_of = |e: usize| in_commitment(expected_units[e].start, expected_units[e].end);
                before.and_then(range_of).is_some_and(|r| after.and_then(range_of) == Some(r))
            }
            _ => false,
        };
        extra_inside_commitment.push(inside);
    }

    let words = report(&ops, &expected_units, &said_units, expected, said, &|op: &Op, k: usize| {
        extra_inside_commitment[k]
            || op.expected().is_some_and(|e| in_commitment(expected_units[e].start, expected_units[e].end).is_some())
    });
    let total = expected_words.len();
    let accuracy = if total == 0 { 1.0 } else { word_said.iter().filter(|s| **s).count() as f64 / total as f64 };
    let commitment_right = commitment_words_said && !extra_inside_commitment.contains(&true);
    let clean = accuracy >= CLEAN_ACCURACY && commitment_right && extra_words.len() * WORDS_PER_EXTRA <= total;
    Recitation { words, accuracy, clean, commitment_right }
}

/// `text` up to [`MAX_RECITATION_CHARS`] characters.
fn truncated(text: &str) -> &str {
    text.char_indices().nth(MAX_RECITATION_CHARS).map_or(text, |(i, _)| &text[..i])
}

/// True when `said` counts as the expected unit.
fn same(expected: &Unit, said: &Unit) -> bool {
    expected.key == said.key
        || expected.stem.is_some() && expected.stem == said.stem
        || !expected.exact && !said.exact && typo_of(&said.key, &expected.key)
}

/// One step of the alignment, by unit index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same(usize, usize),
    Changed(usize, usize),
    Missed(usize),
    Extra(usize),
}

impl Op {
    fn expected(&self) -> Option<usize> {
        match *self {
            Op::Same(e, _) | Op::Changed(e, _) | Op::Missed(e) => Some(e),
            Op::Extra(_) => None,
        }
    }

    fn said(&self) -> Option<usize> {
        match *self {
            Op::Same(_, s) | Op::Changed(_, s) | Op::Extra(s) => Some(s),
            Op::Missed(_) => None,
        }
    }

    fn kind(&self) -> WordKind {
        match self {
            Op::Same(..) => WordKind::Same,
            Op::Changed(..) => WordKind::Changed,
            Op::Missed(_) => WordKind::Missed,
            Op::Extra(_) => WordKind::Extra,
        }
    }
}

/// The cheapest alignment (Levenshtein over units: a change, a missed or an extra word cost 1 each),
/// in order. Ties prefer the same word, then a change, then a missed word.
fn align(expected: &[Unit], said: &[Unit]) -> Vec<Op> {
    let (n, m) = (expected.len(), said.len());
    let width = m + 1;
    let mut cost = vec![0u32; (n + 1) * width];
    let mut matches = vec![false; n * m];
    for (j, c) in cost.iter_mut().take(width).enumerate() {
        *c = j as u32;
    }
    for i in 1..=n {
        cost[i * width] = i as u32;
        for j in 1..=m {
            let is_same = same(&expected[i - 1], &said[j - 1]);
            matches[(i - 1) * m + (j - 1)] = is_same;
            let diagonal = cost[(i - 1) * width + j - 1] + u32::from(!is_same);
            let missed = cost[(i - 1) * width + j] + 1;
            let extra = cost[i * width + j - 1] + 1;
            cost[i * width + j] = diagonal.min(missed).min(extra);
        }
    }
    let mut ops = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = cost[i * width + j];
        if i > 0 && j > 0 {
            let diagonal = cost[(i - 1) * width + j - 1];
            let is_same = matches[(i - 1) * m + (j - 1)];
            if is_same && here == diagonal {
                ops.push(Op::Same(i - 1, j - 1));
                (i, j) = (i - 1, j - 1);
                continue;
            }
            if !is_same && here == diagonal + 1 {
                ops.push(Op::Changed(i - 1, j - 1));
                (i, j) = (i - 1, j - 1);
                continue;
            }
        }
        if i > 0 && here == cost[(i - 1) * width + j] + 1 {
            ops.push(Op::Missed(i - 1));
            i -= 1;
        } else {
            ops.push(Op::Extra(j - 1));
            j -= 1;
        }
    }
    ops.reverse();
    ops
}

/// Group the steps by written word (steps sharing an expected or a said word are one result) and
/// describe each group.
fn report(
    ops: &[Op],
    expected_units: &[Unit],
    said_units: &[Unit],
    expected: &str,
    said: &str,
    commitment: &dyn Fn(&Op, usize) -> bool,
) -> Vec<WordResult> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let (mut last_expected_word, mut last_said_word): (Option<usize>, Option<usize>) = (None, None);
    for (k, op) in ops.iter().enumerate() {
        let e_words = op.expected().map(|e| expected_units[e].words.clone());
        let s_words = op.said().map(|s| said_units[s].words.clone());
        let joins = e_words.as_ref().is_some_and(|w| last_expected_word.is_some_and(|l| w.start <= l))
            || s_words.as_ref().is_some_and(|w| last_said_word.is_some_and(|l| w.start <= l));
        match groups.last_mut() {
            Some(group) if joins => group.push(k),
            _ => groups.push(vec![k]),
        }
        if let Some(w) = e_words {
            last_expected_word = Some(w.end - 1);
        }
        if let Some(w) = s_words {
            last_said_word = Some(w.end - 1);
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let kinds: Vec<WordKind> = group.iter().map(|&k| ops[k].kind()).collect();
            let kind = if kinds.iter().all(|k| *k == kinds[0]) { kinds[0] } else { WordKind::Changed };
            let span = |units: &[Unit], pick: &dyn Fn(&Op) -> Option<usize>, text: &str| {
                let picked: Vec<&Unit> = group.iter().filter_map(|&k| pick(&ops[k])).map(|u| &units[u]).collect();
                let start = picked.iter().map(|u| u.start).min()?;
                let end = picked.iter().map(|u| u.end).max()?;
                text.get(start..end).map(str::to_string)
            };
            WordResult {
                kind,
                expected: span(expected_units, &Op::expected, expected),
                said: span(said_units, &Op::said, said),
                commitment: group.iter().any(|&k| commitment(&ops[k], k)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(r: &Recitation) -> Vec<WordKind> {
        r.words.iter().map(|w| w.kind).collect()
    }

    fn not_same(r: &Recitation) -> Vec<(WordKind, Option<&str>, Option<&str>)> {
        r.words
            .iter()
            .filter(|w| w.kind != WordKind::Same)
            .map(|w| (w.kind, w.expected.as_deref(), w.said.as_deref()))
            .collect()
    }

    const LONG: &str = "Mrs Okafor, I'm sorry. I promised you a call by twelve and I didn't make it; that's my fault. \
                        Your refund is approved, and I'll call you at 4pm today to confirm it has landed.";

    #[test]
    fn contractions_and_time_forms_are_the_same() {
        let r = compare("I'll call you at 4pm", "I will call you at 4 pm");
        assert!(r.clean, "{r:?}");
        assert_eq!(r.accuracy, 1.0);
        assert_eq!(kinds(&r), [WordKind::Same; 5]);
        assert_eq!(r.words[0].expected.as_deref(), Some("I'll"));
        assert_eq!(r.words[0].said.as_deref(), Some("I will"));
        assert_eq!(r.words[4].said.as_deref(), Some("4 pm"));
        assert!(r.words[4].commitment && !r.words[1].commitment);
        for said in
            ["I'll call you at four pm", "I'll call you at 4 p.m.", "I'll call you at 16:00", "I’ll call you at 4PM"]
        {
            assert!(compare("I'll call you at 4pm", said).clean, "{said}");
        }
        assert!(compare("It won't happen again.", "it will not happen again").clean);
        assert!(
            compare("The refund is £1,240 and arrives in ten days.", "the refund is £1240 and arrives in 10 days")
                .clean
        );
        assert!(compare("I'll ring at four thirty.", "I'll ring at 4:30").clean);
    }

    #[test]
    fn a_different_time_changes_the_commitment() {
        let r = compare("I'll call you at 4pm", "I'll call you at 5pm");
        assert!(!r.clean);
        assert!(!r.commitment_right);
        assert_eq!(not_same(&r), [(WordKind::Changed, Some("4pm"), Some("5pm"))]);
        assert!(r.words[4].commitment);
    }

    #[test]
    fn the_commitment_must_be_right_even_when_the_rest_is_nearly_perfect() {
        let changed_time = LONG.replace("4pm", "5pm");
        let r = compare(LONG, &changed_time);
        assert!(r.accuracy >= CLEAN_ACCURACY, "{}", r.accuracy);
        assert!(!r.clean && !r.commitment_right);
        let changed_elsewhere = LONG.replace("approved", "sorted");
        let r = compare(LONG, &changed_elsewhere);
        assert!(r.accuracy >= CLEAN_ACCURACY && r.clean, "{r:?}");
        let slipped_in = LONG.replace("at 4pm", "at about 4pm");
        let r = compare(LONG, &slipped_in);
        assert!(!r.clean && !r.commitment_right, "an extra word inside the commitment: {:?}", not_same(&r));
        let weekday = "Tuesday at 4:30 I'll be at your desk.";
        assert!(!compare(weekday, "Thursday at 4:30 I'll be at your desk.").clean, "no typo tolerance for days");
    }

    #[test]
    fn a_script_commitment_line_must_be_said_whole() {
        let text = "I'll ring you today at one o'clock.";
        let script = Script {
            scenario_id: "s".into(),
            turn_id: "t".into(),
            key: "s/t/script-1".into(),
            source: super::super::ScriptSource::Line(crate::core::scenario::ScriptRole::Commitment),
            text: text.into(),
            commitment: std::iter::once(0..text.len() - 1).collect::<Vec<_>>(),
        };
        assert!(compare_script(&script, "I will ring you today at 1 o'clock").clean);
        assert!(!compare_script(&script, "I'll call you today at one o'clock").commitment_right);
    }

    #[test]
    fn missing_and_extra_words() {
        let r = compare("I'll call you at 4pm today", "I'll call at 4pm today");
        assert_eq!(not_same(&r), [(WordKind::Missed, Some("you"), None)]);
        assert!(!r.clean);
        assert!((r.accuracy - 5.0 / 6.0).abs() < 1e-9);
        let r = compare("I'll call you at 4pm today", "I'll call you back at 4pm today");
        assert_eq!(not_same(&r), [(WordKind::Extra, None, Some("back"))]);
        assert_eq!(r.accuracy, 1.0);
        assert!(!r.clean, "an extra word on a short line");
        let r = compare(LONG, &LONG.replace("I'm sorry", "I'm really sorry"));
        assert!(r.clean, "one extra word in 37: {:?}", not_same(&r));
    }

    #[test]
    fn punctuation_case_apostrophes_and_stems_are_ignored() {
        let r = compare("Mrs Okafor, I’m sorry: that's MY fault!", "mrs okafor im sorry thats my fault");
        assert!(r.clean, "{:?}", not_same(&r));
        assert!(compare("I'm calling the warehouse", "I'm call the warehouse").clean);
        assert!(compare("I'll call you tomorrow", "I'll call you tommorow").clean, "a typo in a long word");
    }

    #[test]
    fn empty_and_huge_recitations() {
        let r = compare("I'll call you at 4pm", "");
        assert_eq!(r.accuracy, 0.0);
        assert!(r.poor() && !r.clean);
        assert!(kinds(&r).iter().all(|k| *k == WordKind::Missed));
        let r = compare("", "");
        assert!(r.clean && r.words.is_empty());
        let r = compare("", "hello");
        assert!(!r.clean);
        let huge = "word ".repeat(20_000);
        let r = compare("I'll call you at 4pm", &huge);
        assert!(!r.clean);
        assert!(r.words.len() <= MAX_RECITATION_CHARS);
    }

    #[test]
    fn next_level_moves_up_down_or_stays() {
        let clean = compare("I'll call you at 4pm", "I will call you at 4 pm");
        let middling = compare("I'll call you at 4pm today", "I'll call you at 4pm");
        let poor = compare("I'll call you at 4pm today", "call me");
        assert!(!middling.clean && !middling.poor());
        assert!(poor.poor());
        assert_eq!(next_level(Level::Third, &clean), Level::TwoThirds);
        assert_eq!(next_level(Level::Third, &poor), Level::Full);
        assert_eq!(next_level(Level::Third, &middling), Level::Third);
        assert_eq!(next_level(Level::Nothing, &clean), Level::Nothing);
        assert_eq!(next_level(Level::Full, &poor), Level::Full);
        for level in Level::ALL {
            for r in [&clean, &middling, &poor] {
                assert!((Level::Full..=Level::Nothing).contains(&next_level(level, r)));
            }
        }
    }
}

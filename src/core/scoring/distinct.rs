//! Each sentence's distinct words, found once per answer. Whether a phrase may match in a sentence
//! (`Phrase::may_start_in`) asks of every word there whether it is one of the phrase's words, and
//! that depends only on the word's text; asked of each distinct word once, instead of every token,
//! a long answer that says the same words again and again is not read again for every phrase. A
//! filter of the sentence's words ([`WordsSeen`]) rules most phrases out with no word asked at all.

use super::text::{Sentence, Token};
use super::word_index::WordsSeen;

/// The distinct words of one sentence, each as the index of one of its tokens there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceWords {
    /// The speaker's own words (not quoted): each text once.
    pub own: Vec<usize>,
    /// Of those, the words under no negation: each text once.
    pub unnegated: Vec<usize>,
    /// What the words of `own` may be, for a word index to rule itself out at once.
    pub(super) own_seen: WordsSeen,
    /// The same for `unnegated`.
    pub(super) unnegated_seen: WordsSeen,
}

impl SentenceWords {
    /// The distinct words of every sentence of `tokens`.
    pub fn of_all(tokens: &[Token], sentences: &[Sentence]) -> Vec<Self> {
        sentences.iter().map(|s| Self::of(tokens, s.start..s.end.min(tokens.len()))).collect()
    }

    fn of(tokens: &[Token], range: std::ops::Range<usize>) -> Self {
        let own = distinct(tokens, range.clone().filter(|&i| !tokens[i].quoted));
        let unnegated = distinct(tokens, range.filter(|&i| !tokens[i].quoted && tokens[i].negated_by.is_none()));
        let seen = |of: &[usize]| {
            let mut seen = WordsSeen::default();
            of.iter().for_each(|&i| seen.add(&tokens[i]));
            seen
        };
        Self { own_seen: seen(&own), unnegated_seen: seen(&unnegated), own, unnegated }
    }
}

/// One token of each text among `indices`: sorted by the texts' keys (ties by text, so texts whose
/// keys collide stay apart), and the repeats of a text dropped. Sorting, not hashing: most
/// sentences are short, and a sort of a few words costs less than building a hash set.
fn distinct(tokens: &[Token], indices: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = indices.collect();
    let key = |i: &usize| (tokens[*i].text_key, tokens[*i].text.as_str());
    out.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
    out.dedup_by(|a, b| tokens[*a].text == tokens[*b].text);
    out
}

//! Each sentence's distinct words, found once per answer. Whether a phrase may match in a sentence
//! (`Phrase::may_start_in`) asks of every word there whether it is one of the phrase's words, and
//! that depends only on the word's text; asked of each distinct word once, instead of every token,
//! a long answer that says the same words again and again is not read again for every phrase.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::keys::Fnv;
use super::text::{Sentence, Token};

/// The distinct words of one sentence, each as the index of its first token there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceWords {
    /// The speaker's own words (not quoted): each text once.
    pub own: Vec<usize>,
    /// Of those, the words under no negation: each text once.
    pub unnegated: Vec<usize>,
}

impl SentenceWords {
    /// The distinct words of every sentence of `tokens`.
    pub fn of_all(tokens: &[Token], sentences: &[Sentence]) -> Vec<Self> {
        sentences.iter().map(|s| Self::of(tokens, s.start..s.end.min(tokens.len()))).collect()
    }

    fn of(tokens: &[Token], range: std::ops::Range<usize>) -> Self {
        let (mut own, mut unnegated): (Words, Words) = Default::default();
        let mut out = Self::default();
        for i in range {
            let t = &tokens[i];
            if t.quoted {
                continue;
            }
            if own.insert(t.text.as_str()) {
                out.own.push(i);
            }
            if t.negated_by.is_none() && unnegated.insert(t.text.as_str()) {
                out.unnegated.push(i);
            }
        }
        out
    }
}

/// Texts seen so far (hashed with FNV: they are short words).
type Words<'t> = HashSet<&'t str, BuildHasherDefault<Fnv>>;

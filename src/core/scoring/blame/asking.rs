//! Whether a sentence asks: a question mark, unless the sentence ends in a tag question, which
//! asserts what comes before it ("you could have rung, couldn't you?").

use super::super::text::Analysed;

/// True when sentence `s` ends in a tag question, which asserts what comes before it ("you could
/// have rung, couldn't you?", "you did tick the box, didn't you?", "he never read it, did he"):
/// a helper, perhaps "not", and a pronoun closing a sentence of more than the tag, the helper
/// opening its own clause.
pub(in crate::core::scoring) fn tag_question(a: &Analysed, s: usize) -> bool {
    let sentence = &a.sentences[s];
    let last = sentence.end - 1;
    if sentence.end - sentence.start < 5
        || !matches!(a.word(last), "you" | "u" | "he" | "she" | "they" | "it" | "we" | "i")
    {
        return false;
    }
    let helper = |i: usize| {
        matches!(
            a.word(i),
            "is" | "was"
                | "are"
                | "were"
                | "would"
                | "could"
                | "should"
                | "did"
                | "do"
                | "does"
                | "have"
                | "has"
                | "had"
                | "will"
                | "can"
                | "am"
        )
    };
    let opens = |i: usize| a.tokens[i].clause != a.tokens[i - 1].clause;
    (helper(last - 1) && opens(last - 1)) || (a.word(last - 1) == "not" && helper(last - 2) && opens(last - 2))
}

/// True when sentence `s` asks: it ends with a question mark and is not a tag question, which
/// asserts ([`tag_question`]).
pub(in crate::core::scoring) fn asks(a: &Analysed, s: usize) -> bool {
    a.sentences[s].question_mark && !tag_question(a, s)
}

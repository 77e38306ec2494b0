//! What would have earned a missed criterion, in the employee's words: the author's `hint`, else
//! the sentence of the model answer that met it. The score card shows this instead of the pattern
//! that was looked for (that stays for trainers, in try-a-response).

use crate::core::scenario::{CriterionKind, Turn};

use super::ScoreCard;

/// Whether any criterion on `card` would show an example that only the model answer's card can
/// give (a required criterion missed, with no hint): score the model answer only then.
pub fn needs_model_card(card: &ScoreCard, turn: &Turn) -> bool {
    card.criteria.iter().zip(&turn.rubric).any(|(c, r)| wants_example(c) && r.hint.is_none())
}

/// Fill in `example` on every required criterion `card` missed: the rubric's hint, else the
/// sentence of the model answer holding the words that met it on `model` (the model answer's
/// card), else nothing (the label alone says what was missing).
pub fn add_examples(card: &mut ScoreCard, turn: &Turn, model: Option<&ScoreCard>) {
    for (c, rubric) in card.criteria.iter_mut().zip(&turn.rubric) {
        if !wants_example(c) {
            continue;
        }
        c.example = rubric.hint.clone().or_else(|| {
            let evidence = model?.criterion(&c.id).filter(|m| m.met)?.evidence.first()?;
            Some(sentence_around(&turn.model_answer, evidence.start, evidence.end).to_string())
        });
    }
}

fn wants_example(c: &super::CriterionResult) -> bool {
    c.kind == CriterionKind::Required && !c.met
}

/// The sentence of `text` holding the bytes `start..end` (split at `.`, `!` or `?` followed by a
/// space), trimmed.
pub fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let ends_sentence = |i: usize, c: char| matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' ');
    let from = text[..start].char_indices().rev().find(|&(i, c)| ends_sentence(i, c)).map_or(0, |(i, _)| i + 1);
    let to =
        text[end..].char_indices().find(|&(i, c)| ends_sentence(end + i, c)).map_or(text.len(), |(i, _)| end + i + 1);
    text.get(from..to).map_or(text, str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scoring::TurnScorer;
    use crate::core::test_fixtures::minimal;

    #[test]
    fn a_missed_criterion_shows_the_model_answer_sentence_that_earned_it() {
        let (s, l) = minimal();
        let turn = &s.turns[0];
        let scorer = TurnScorer::new(&s, turn, &l);
        let mut card = scorer.score("I'm sorry, that's my fault.").expect("card");
        assert!(needs_model_card(&card, turn), "the time was missed and has no hint");
        let model = scorer.score(&turn.model_answer).expect("model card");
        add_examples(&mut card, turn, Some(&model));
        let time = card.criterion("time").expect("time");
        assert_eq!(time.example.as_deref(), Some("I'll call you at 4pm with the answer."));
        assert_eq!(card.criterion("owns-it").and_then(|c| c.example.as_deref()), None, "met: nothing to show");
        assert_eq!(card.criterion("blames").and_then(|c| c.example.as_deref()), None, "forbidden: nothing to earn");
    }

    #[test]
    fn the_authors_hint_comes_first_and_needs_no_model_card() {
        let (mut s, l) = minimal();
        s.turns[0].rubric[1].hint = Some("Say when you will call: \"at 4pm today\".".into());
        let turn = &s.turns[0];
        let mut card = TurnScorer::new(&s, turn, &l).score("I'm sorry, that's my fault.").expect("card");
        assert!(!needs_model_card(&card, turn));
        add_examples(&mut card, turn, None);
        let example = card.criterion("time").and_then(|c| c.example.as_deref());
        assert_eq!(example, Some("Say when you will call: \"at 4pm today\"."));
    }

    #[test]
    fn sentences_are_cut_at_their_ends_only() {
        let text = "Sorry, Ms Lee. It's on me! I'll call at 4.30 today.";
        assert_eq!(sentence_around(text, 0, 5), "Sorry, Ms Lee.");
        assert_eq!(sentence_around(text, 18, 20), "It's on me!");
        assert_eq!(sentence_around(text, 40, 44), "I'll call at 4.30 today.");
        assert_eq!(sentence_around("", 3, 9), "");
    }
}

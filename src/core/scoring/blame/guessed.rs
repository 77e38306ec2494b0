//! A cause guessed and laid on someone else: a word of guessing ("maybe", "perhaps", "probably",
//! "prob") right before a clause whose subject is the customer or another party and whose verb
//! says what they did ("maybe your bank took it twice?", "probably the fitter forgot the seal",
//! "perhaps u typed the postcode wrong"), or a subject that "must have" / "might have" done it
//! ("the driver must've left it at 14"), or a guess put on the customer's end ("prob a setting on
//! ur side"). The speaker offers no account of their own and lays the cause away from themselves:
//! blame, even as a guess with a question mark, since the order is a statement's; but weak: not
//! in an answer that owns or takes something on. Not the
//! speaker's own side ("maybe we sent it to the old address", "maybe our system lost it"), a bare
//! "it" or "there" ("maybe it got stuck"), a plan or a suggestion ("maybe Sam will ring",
//! "maybe you could resend it"), feelings ("you must have been worried"), a true question ("did
//! they maybe lose it?"), nor negated, conditional, quoted or retold words.

use super::super::detectors::Range;
use super::super::text::Analysed;
use super::super::walls::Wall;

/// Words of guessing that can open a guessed cause.
fn guess_word(word: &str) -> bool {
    matches!(word, "maybe" | "perhaps" | "probably" | "prob" | "probs" | "possibly" | "mayb")
}

/// Words that may stand between the guess and the subject ("maybe just", "probably, er,").
fn filler(word: &str) -> bool {
    matches!(
        word,
        "er" | "um"
            | "uh"
            | "erm"
            | "just"
            | "like"
            | "tbh"
            | "then"
            | "so"
            | "that"
            | "what"
            | "happened"
            | "is"
            | "s"
    )
}

/// A subject that is the speaker's side or no one: the guess lays nothing on anyone.
fn not_elsewhere(word: &str) -> bool {
    matches!(
        word,
        "i" | "we"
            | "me"
            | "us"
            | "our"
            | "my"
            | "it"
            | "there"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "here"
            | "best"
            | "better"
            | "easiest"
            | "quickest"
            | "worth"
            | "safest"
    )
}

/// The customer as the subject: "you", "u", "your ...", "ur ...".
fn customer(word: &str) -> bool {
    matches!(word, "you" | "u" | "your" | "ur" | "ya")
}

/// A verb saying what was done or went wrong, in the past: "took", "forgot", "typed", "did" (of
/// "did not"), "was". "-ed" words are read as past unless they are one of the few that only look it.
fn past_act(word: &str) -> bool {
    let irregular = matches!(
        word,
        "took"
            | "gave"
            | "sent"
            | "put"
            | "forgot"
            | "left"
            | "lost"
            | "made"
            | "got"
            | "had"
            | "was"
            | "were"
            | "did"
            | "went"
            | "broke"
            | "paid"
            | "bought"
            | "wrote"
            | "chose"
            | "mixed"
            | "knocked"
            | "dropped"
            | "missed"
    );
    let regular = word.len() > 4 && word.ends_with("ed") && !matches!(word, "need" | "needed" | "used" | "supposed");
    irregular || regular
}

/// Words that turn the clause into a plan, a suggestion or a state ahead: "maybe you could",
/// "probably they will", "perhaps she can".
fn plan(word: &str) -> bool {
    matches!(
        word,
        "will" | "can" | "could" | "would" | "should" | "going" | "gonna" | "shall" | "may" | "might" | "need"
    )
}

/// The token after the subject opening at `from`: a pronoun is one word; a noun phrase ("your
/// bank", "the lad on the desk") runs up to the first word that is a verb of [`past_act`] or a
/// helper, at most five words on. `None` when no verb follows in the clause.
fn verb_after_subject(a: &Analysed, from: usize, end: usize) -> Option<usize> {
    if matches!(a.word(from), "you" | "u" | "he" | "she" | "they" | "ya") {
        return (from + 1 < end).then_some(from + 1);
    }
    (from + 1..(from + 6).min(end)).find(|&j| past_act(a.word(j)) || plan(a.word(j)) || a.word(j) == "must")
}

/// True when the words at `k` are not the speaker's own account: quoted, retold, negated, in a
/// condition, or in a sentence opened as a true question (a helper or a question word first).
fn unsaid(a: &Analysed, k: usize) -> bool {
    let t = &a.tokens[k];
    let s = &a.sentences[t.sentence];
    let first = (s.start..s.end).find(|j| !matches!(a.word(*j), "um" | "er" | "so" | "oh" | "and" | "or" | "well"));
    let inverted = first.is_some_and(|j| {
        s.question_mark
            && matches!(
                a.word(j),
                "did"
                    | "do"
                    | "does"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "has"
                    | "have"
                    | "could"
                    | "would"
                    | "can"
                    | "who"
                    | "what"
                    | "why"
                    | "how"
                    | "when"
                    | "where"
            )
    });
    !t.is_own_word() || a.in_condition(k) || inverted
}

/// A guessed cause opened by a guess word at `k` (see the module text): the range from the guess
/// to the end of the clause's verb.
fn guessed_at(a: &Analysed, k: usize) -> Option<Range> {
    // Fillers may run across a comma: "what's probably happened is, um, your till people pushed ...".
    let sentence_end = a.sentences[a.tokens[k].sentence].end;
    let from = (k + 1..sentence_end).find(|j| !filler(a.word(*j))).unwrap_or(sentence_end);
    let end = if from < sentence_end { a.clause_span(from).1 } else { from };
    if from >= end || not_elsewhere(a.word(from)) || opens_no_subject(a.word(from)) || unsaid(a, from) {
        return None;
    }
    // "prob a dns thing on ur side": the cause put on the customer's end.
    let their_end =
        (from..end).any(|j| a.word(j) == "on" && customer(a.word(j + 1)) && matches!(a.word(j + 2), "side" | "end"));
    if their_end {
        return Some((k, end));
    }
    let verb = verb_after_subject(a, from, end)?;
    if head_is_a_thing(a, from, verb) {
        return None;
    }
    let word = a.word(verb);
    let wrong = customer(a.word(from)) && (verb..end).any(|j| a.word(j) == "wrong");
    if plan(word) || !(past_act(word) || wrong) {
        return None;
    }
    // "you were so patient", "they were lovely": a state said of them, not a cause laid.
    if matches!(word, "was" | "were" | "had") && !(verb + 1..end).any(|j| fault_after_be(a.word(j))) {
        return None;
    }
    Some((k, (verb + 1).max(end.min(verb + 4))))
}

/// A word after the guess that opens no subject: a helper or a verb ("it'll probably be
/// delivered", "your order's probably been dispatched").
fn opens_no_subject(word: &str) -> bool {
    matches!(word, "be" | "been" | "being" | "have" | "has" | "get" | "got" | "gone" | "go")
        || past_act(word)
        || plan(word)
}

/// True when the subject from `from` to its verb at `verb` is headed by a thing, not an agent
/// ("maybe the parcel got lost", "the refund must have left our account"): no one is blamed.
fn head_is_a_thing(a: &Analysed, from: usize, verb: usize) -> bool {
    (from..verb)
        .rev()
        .find(|&j| !matches!(a.word(j), "just" | "really" | "also" | "simply" | "then" | "maybe" | "probably"))
        .is_some_and(|j| super::agent_lapse::thing(a.word(j)))
}

/// Words after "was" / "were" / "had" that make it a fault: "was pulled too hard", "had the wrong
/// number", "were given the old address".
fn fault_after_be(word: &str) -> bool {
    matches!(word, "wrong" | "too" | "old" | "not" | "never" | "off" | "late" | "closed" | "blocked") || past_act(word)
}

/// "the driver must've left it at 14", "Sam might have missed it": a subject other than the
/// speaker, the customer or no one, then "must have" / "might have" and a lapse of [`lapse_verb`]
/// ("they must have fixed it" is news; "you must have been worried" a feeling).
fn must_have_at(a: &Analysed, k: usize) -> Option<Range> {
    if !matches!(a.word(k), "must" | "might") || a.word(k + 1) != "have" {
        return None;
    }
    let s = a.tokens[k].sentence;
    let verb = a.word_in(s, k + 2);
    if !lapse_verb(verb) || unsaid(a, k) {
        return None;
    }
    // "they must have sent it yesterday" is news; "sent it to the old address", "left it at 14",
    // "charged it twice", "a fake card that Jess must've bought" lay a fault.
    let sentence = &a.sentences[s];
    let fault_word = |j: usize| {
        matches!(
            a.word(j),
            "wrong" | "twice" | "old" | "instead" | "mistake" | "fake" | "counterfeit" | "faulty" | "dodgy"
        )
    };
    let fault = (sentence.start..sentence.end).any(fault_word)
        || (k + 3..(k + 8).min(sentence.end)).any(|j| {
            a.tokens[j].clause == a.tokens[k].clause && matches!(a.word(j), "again" | "at" | "with" | "outside")
        });
    if neutral_act(verb) && !fault {
        return None;
    }
    // The subject is the word right before, in the same clause.
    let subject =
        k.checked_sub(1).filter(|j| a.tokens[*j].sentence == s && a.tokens[*j].clause == a.tokens[k].clause)?;
    let word = a.word(subject);
    if not_elsewhere(word) || customer(word) || plan(word) || super::agent_lapse::thing(word) {
        return None;
    }
    Some((subject, k + 3))
}

/// Acts of [`lapse_verb`] that are a lapse only with a fault said after them ("sent it to the old
/// address", "charged it twice"): on their own they are news ("they must have sent it yesterday").
fn neutral_act(word: &str) -> bool {
    matches!(word, "sent" | "put" | "left" | "took" | "taken" | "bought" | "scanned" | "charged" | "entered")
}

/// A past act that is a lapse: lost, missed, forgot, dropped, mixed up, put or sent astray.
fn lapse_verb(word: &str) -> bool {
    matches!(
        word,
        "lost"
            | "missed"
            | "forgot"
            | "forgotten"
            | "dropped"
            | "broke"
            | "broken"
            | "mixed"
            | "left"
            | "put"
            | "sent"
            | "bought"
            | "deleted"
            | "entered"
            | "typed"
            | "ticked"
            | "misread"
            | "skipped"
            | "ignored"
            | "overlooked"
            | "binned"
            | "mislaid"
            | "misplaced"
            | "damaged"
            | "scanned"
            | "charged"
            | "taken"
            | "took"
    )
}

/// Every guessed cause laid elsewhere in the answer (see the module text), each a weak wall: `wall_blame`
/// keeps none in an answer that owns or takes something on, nor where the speaker acts on the
/// problem (`walls::acts`): "maybe the driver didn't knock loud enough, I'll rebook it" wonders
/// while fixing.
pub(super) fn causes(a: &Analysed) -> Vec<Wall> {
    (0..a.tokens.len())
        .filter_map(|k| {
            let t = &a.tokens[k];
            if guess_word(&t.text) && t.negated_by.is_none() && !t.quoted {
                guessed_at(a, k)
            } else {
                must_have_at(a, k)
            }
        })
        .map(|r| (r, false))
        .collect()
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Varga", text)
    }

    #[test]
    fn a_cause_guessed_and_laid_elsewhere_is_blame() {
        for yes in [
            "No idea what went on there, Ms Varga. Maybe your card provider charged it twice?",
            "probably the fitter forgot the seal tbh",
            "Perhaps u typed the postcode wrong? pls check",
            "I reckon what's probably happened is, um, your alarm company pushed a firmware change?",
            "Hmm, prob a filter setting on ur end?",
            "It's showing as delivered, so the driver must've left it at number 14.",
            "We checked the boiler yesterday and it runs fine, so maybe your lodger was turn the dial too far?",
            "Maybe you give wrong reference to the bank?",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn plans_suggestions_feelings_questions_and_own_guesses_are_not() {
        for no in [
            "Maybe we sent it to your old address, so I've resent it now.",
            "Maybe our app logged you out. I've reset it for you.",
            "Maybe it got stuck in the post; I'll send another today.",
            "Maybe Sam will ring you this afternoon, and I'll check at four.",
            "Perhaps you could resend the photo and I'll forward it straight on.",
            "You must have been worried sick, Ms Varga, I'm sorry.",
            "Did the courier maybe leave it with a neighbour?",
            "prob best 2 put the claim in online now",
            "Looks like the depot might have managed to re-sort it, let me know if it's there.",
            "If the bank maybe took it twice, I'll refund you the difference myself.",
            "Probably Friday, possibly Monday.",
            "Maybe the team were just busy, but that's no excuse and that's on me; I'll ring you at 4.",
            "Maybe your card provider charged it twice, so I'll refund the second payment myself today.",
            "It'll probably be delivered tomorrow, the tracking says out for delivery.",
            "Your order's probably been dispatched already.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn a_neutral_act_guessed_lays_no_fault_without_one_said() {
        let found = |text: &str| !super::causes(&crate::core::scoring::text::analyse(text)).is_empty();
        assert!(!found("They must have sent it yesterday, so it should be with you soon."));
        assert!(!found("The refund must have left our account this morning."));
        assert!(!found("Maybe the parcel got lost somewhere."));
        assert!(found("The courier must have sent it to the old address."));
        assert!(found("Sounds like a fake charger the seller must have sent you."));
    }
}

//! What each word of an analysed response is under: its clause (split at conjunctions), quoted or
//! reported speech, a retold promise, and the scope of a negation.

use super::text::Token;

/// Words that end a clause (and with it a negation's scope).
const CLAUSE_WORDS: &[&str] =
    &["but", "so", "and", "then", "because", "although", "though", "however", "or", "while", "whereas", "instead"];
/// How far a negation reaches, in tokens ("no" reaches less far: "no problem").
const NEGATION_REACH: usize = 6;
const NO_REACH: usize = 2;
/// Prepositions that start a time adjunct, which ends a negation's scope.
const TIME_PREPOSITIONS: &[&str] = &["before", "after", "until", "till", "during", "since"];

/// Conjunctions start a new clause: always for "but", "so", "because"...; for "and" and "or" only
/// when a new subject follows ("..., and I will call"), not between two verbs ("stand here and blame").
pub(super) fn split_clauses_at_conjunctions(tokens: &mut [Token]) {
    const SUBJECTS: &[&str] = &["i", "we", "you", "he", "she", "they", "it", "that", "this", "there"];
    let mut shift = 0;
    let mut previous: Option<(usize, usize)> = None;
    for i in 0..tokens.len() {
        let new_subject = tokens.get(i + 1).is_some_and(|t| SUBJECTS.contains(&t.text.as_str()));
        let starts_clause = match tokens[i].text.as_str() {
            "and" | "or" => new_subject,
            w => CLAUSE_WORDS.contains(&w),
        };
        let original = (tokens[i].clause, tokens[i].sentence);
        if starts_clause && previous == Some(original) {
            shift += 1;
        }
        previous = Some(original);
        tokens[i].clause += shift;
    }
}

/// "you said ...", "you were told ...", "they told you ...": the rest of the clause is someone
/// else's words.
pub(super) fn mark_reported_speech(tokens: &mut [Token]) {
    const SPEAKERS: &[&str] =
        &["you", "they", "he", "she", "someone", "colleague", "agent", "letter", "email", "website"];
    const VERBS: &[&str] = &["said", "say", "says", "told", "mentioned", "wrote", "claimed", "heard", "asked"];
    for i in 1..tokens.len() {
        let verb = tokens[i].text.as_str();
        let speaker = tokens[i - 1].text.as_str();
        let passive = verb == "told" && matches!(speaker, "was" | "were") && i >= 2 && tokens[i - 2].text == "you";
        // "I told you on Tuesday I'd ring at 2pm", "we promised you a call by three": a promise
        // retold, not made now (still the speaker's words, so phrases about it match).
        if matches!(speaker, "i" | "we") && matches!(verb, "told" | "said" | "promised") {
            let clause = tokens[i].clause;
            for t in tokens[i + 1..].iter_mut().take_while(|t| t.clause == clause) {
                t.retold = true;
            }
            continue;
        }
        if VERBS.contains(&verb) && (SPEAKERS.contains(&speaker) || passive) {
            let clause = tokens[i].clause;
            for t in tokens[i + 1..].iter_mut().take_while(|t| t.clause == clause) {
                t.quoted = true;
            }
        }
    }
}

/// Words that join a second conjunct to what a negation covers ("not the till's fault or the
/// website's", "won't blame the refurbishment or a colleague"): the negation reaches into it.
const COORDINATORS: &[&str] = &["or", "nor"];
/// Words that give a negation's object rather than end its scope: "it wasn't because ...".
const NEGATED_REASONS: &[&str] = &["because", "just", "only", "really", "simply", "due"];

/// Auxiliaries and modals: before "not" they make it the clause's negation ("we're not going to"),
/// after a negated "-ing" phrase they start the clause's own verb ("not knowing must be awful").
const FINITE_VERBS: &[&str] = &[
    "am", "is", "are", "was", "were", "be", "been", "do", "does", "did", "have", "has", "had", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must",
];

/// True when the negator at `i` negates an "-ing" phrase, not a clause: "not" or "never" right before
/// an "-ing" word with no auxiliary before it ("of not knowing", "Not being able to drive ..."). Such
/// a negation ends where the clause's own verb starts.
fn negates_an_ing_phrase(tokens: &[Token], i: usize) -> bool {
    matches!(tokens[i].text.as_str(), "not" | "never")
        && tokens.get(i + 1).is_some_and(|t| t.text.len() > 4 && t.text.ends_with("ing"))
        && !i.checked_sub(1).is_some_and(|k| {
            tokens[k].sentence == tokens[i].sentence && FINITE_VERBS.contains(&tokens[k].text.as_str())
        })
}

/// Mark each token under a negation: to the end of its clause, at most [`NEGATION_REACH`] words
/// ("no" and "without" reach [`NO_REACH`]: "without card payments" negates no verb after it),
/// carried into a conjunct joined by "or"/"nor" without a new subject, and through "because"
/// right after the negator; a negated "-ing" phrase only to the clause's own verb
/// ([`negates_an_ing_phrase`]). Another negator ends the scope and starts its own.
pub(super) fn mark_negation(tokens: &mut [Token]) {
    const SUBJECTS: &[&str] = &["i", "we", "you", "he", "she", "they", "it", "that", "this", "there"];
    for i in 0..tokens.len() {
        if !tokens[i].is_negator() {
            continue;
        }
        // "no later than 4pm", "not more than two days": a comparison, not a negation.
        let compares = |k: usize| tokens.get(k).is_some_and(|t| t.text == "than");
        if matches!(tokens[i].text.as_str(), "no" | "not")
            && tokens.get(i + 1).is_some_and(|t| matches!(t.text.as_str(), "later" | "earlier" | "more" | "less"))
            && compares(i + 2)
        {
            continue;
        }
        let mut reach = if matches!(tokens[i].text.as_str(), "no" | "without") { NO_REACH } else { NEGATION_REACH };
        let ing_phrase = negates_an_ing_phrase(tokens, i);
        let mut clause = tokens[i].clause;
        let mut j = i + 1;
        while j < tokens.len() && j <= i + reach {
            let word = tokens[j].text.as_str();
            let sentence_goes_on = tokens[j].sentence == tokens[i].sentence;
            let new_subject = tokens.get(j + 1).is_some_and(|t| SUBJECTS.contains(&t.text.as_str()));
            if tokens[j].clause != clause {
                let reason = j <= i + 2 && NEGATED_REASONS.contains(&word);
                let conjunct = COORDINATORS.contains(&word) && !new_subject;
                if !sentence_goes_on || !(reason || conjunct) {
                    break;
                }
                clause = tokens[j].clause;
            }
            let distributes = COORDINATORS.contains(&word) || (word == "and" && reach == NEGATION_REACH);
            if distributes && !new_subject && reach >= NEGATION_REACH {
                reach = (j - i) + NEGATION_REACH;
            }
            // A time adjunct is not what is negated: "won't be here before the wedding".
            // Another negator takes over: "it's not their fault we don't know yet".
            // A negated "-ing" phrase ends at the clause's verb: "not knowing must have been awful".
            if TIME_PREPOSITIONS.contains(&word)
                || (tokens[j].is_negator() && !COORDINATORS.contains(&word))
                || (ing_phrase && FINITE_VERBS.contains(&word))
            {
                break;
            }
            if tokens[j].negated_by.is_none() {
                tokens[j].negated_by = Some(i);
            }
            j += 1;
        }
    }
}

/// Words that end a condition clause before punctuation does: "if it comes then ...", "so ...".
const CONDITION_CLOSERS: &[&str] = &["then", "so", "but"];
/// Verbs after which "if" / "whether" asks rather than sets a condition ("I'll check if it's
/// shipped and ring you"): such a clause also ends at "and" / "or".
const ASKING_VERBS: &[&str] =
    &["see", "check", "checking", "ask", "asking", "know", "out", "wonder", "wondering", "sure", "confirm", "tell"];
/// Modals that start a main clause after a first-person subject ("If it's not there by noon I'll ring").
const MAIN_CLAUSE_MODALS: &[&str] = &["will", "shall", "would", "can", "am", "are"];

/// True when the word at `i` opens a main clause told to the customer inside a condition's
/// clause with no comma: "if u run out just ring 111", "if it's late please text me" ("please",
/// or "just" not right after the condition's subject or auxiliary: "if you just ring them" stays
/// in the condition).
fn opens_main_clause(tokens: &[Token], opener: usize, i: usize) -> bool {
    let prev = tokens[i - 1].text.as_str();
    match tokens[i].text.as_str() {
        "please" | "pls" | "plz" => i > opener + 1,
        "just" => {
            i > opener + 2
                && !matches!(
                    prev,
                    "you"
                        | "u"
                        | "i"
                        | "we"
                        | "they"
                        | "he"
                        | "she"
                        | "it"
                        | "would"
                        | "could"
                        | "had"
                        | "have"
                        | "did"
                        | "can"
                        | "will"
                        | "do"
                        | "does"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                )
        }
        _ => false,
    }
}

/// Mark each token that lies in a condition clause: from a word of `condition-word` ("if",
/// "unless", "once", ...) to the end of its clause, at punctuation (, ; : or the sentence end),
/// at "then" / "so" / "but", or just before a first-person main clause ("... I'll ring you at 2").
/// Run before the clauses are split at conjunctions, so `clause` changes only at punctuation. One
/// pass, no nesting: a condition word inside a condition clause starts nothing new.
pub(super) fn mark_conditions(tokens: &mut [Token], is_condition_word: impl Fn(&str) -> bool) {
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].text.as_str();
        // "When will it come?": a question word, not a condition.
        let asks = word == "when" && (i == 0 || tokens[i - 1].sentence != tokens[i].sentence);
        // "once again", "at once", "more than once": a count, not a condition.
        let counts = word == "once"
            && (tokens.get(i + 1).is_some_and(|t| matches!(t.text.as_str(), "again" | "more"))
                || (i > 0 && matches!(tokens[i - 1].text.as_str(), "at" | "than" | "just")));
        if !is_condition_word(word) || asks || counts || tokens[i].quoted {
            i += 1;
            continue;
        }
        let opener = i;
        let asking =
            word == "whether" || (word == "if" && i > 0 && ASKING_VERBS.contains(&tokens[i - 1].text.as_str()));
        let (sentence, clause) = (tokens[i].sentence, tokens[i].clause);
        tokens[i].condition = Some(opener);
        i += 1;
        while i < tokens.len() && tokens[i].sentence == sentence && tokens[i].clause == clause {
            let w = tokens[i].text.as_str();
            let next = tokens.get(i + 1).map_or("", |t| t.text.as_str());
            let first_person = matches!(w, "i" | "we") && MAIN_CLAUSE_MODALS.contains(&next) && i > opener + 1;
            let joins = asking && matches!(w, "and" | "or");
            if CONDITION_CLOSERS.contains(&w) || first_person || joins || opens_main_clause(&tokens[..], opener, i) {
                break;
            }
            tokens[i].condition = Some(opener);
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::core::scoring::text::{Token, analyse};

    /// The words of `text` whose token `keep` accepts, joined by spaces.
    fn words_where(text: &str, keep: impl Fn(&Token) -> bool) -> String {
        let a = analyse(text);
        a.tokens.iter().filter(|t| keep(t)).map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// The words of `text` that lie in a condition clause, joined by spaces.
    fn conditioned(text: &str) -> String {
        words_where(text, |t| t.condition.is_some())
    }

    #[test]
    fn a_fronted_condition_ends_at_the_comma_and_the_promise_after_it_stands() {
        assert_eq!(conditioned("If it's not there by noon, I'll ring you at 2."), "if it is not there by noon");
        assert_eq!(conditioned("If it is not there by noon I will ring you at 2"), "if it is not there by noon");
        assert_eq!(
            conditioned("unless u hear from the depot then we send a new one"),
            "unless you hear from the depot"
        );
    }

    #[test]
    fn a_trailing_condition_runs_to_the_sentence_end() {
        assert_eq!(conditioned("I'll ring you at 2pm once it's signed. Thanks."), "once it is signed");
        assert_eq!(
            conditioned("We will refund you in full provided the seal is unbroken"),
            "provided the seal is unbroken"
        );
        assert_eq!(conditioned("gonna call u tmrw if the part turns up"), "if the part turns up");
    }

    #[test]
    fn an_embedded_question_ends_at_and() {
        assert_eq!(conditioned("I'll check whether it's shipped and ring you at 2."), "whether it is shipped");
        assert_eq!(conditioned("Let me see if it's gone out and I'll email you."), "if it is gone out");
    }

    #[test]
    fn questions_counts_and_quotes_open_no_condition() {
        assert_eq!(conditioned("When will the engineer come?"), "");
        assert_eq!(conditioned("Sorry once again, I'll sort it at once."), "");
        assert_eq!(conditioned("You were told \"if it's late we pay\". I'll pay now."), "");
        assert_eq!(conditioned("The refund is approved and goes out today."), "");
    }

    /// The words of `text` under a negation, joined by spaces.
    fn negated(text: &str) -> String {
        words_where(text, |t| t.negated_by.is_some())
    }

    #[test]
    fn a_negated_ing_phrase_leaves_the_clause_verb_after_it_standing() {
        assert_eq!(negated("A week of not knowing must have been awful for you."), "knowing");
        assert_eq!(negated("Not being able to drive would wreck your plans"), "being able to drive");
        assert_eq!(negated("never hearing back is maddening, I get it"), "hearing back");
        assert_eq!(negated("sorry for not ringing you, that's on me"), "ringing you");
    }

    #[test]
    fn a_clause_negation_still_reaches_its_verb() {
        assert_eq!(negated("We're not going to leave it there"), "going to leave it there");
        assert_eq!(negated("I did not ring you as promised"), "ring you as promised");
        assert_eq!(negated("Not knowing isn't the worst part"), "knowing the worst part");
    }

    #[test]
    fn the_opener_is_recorded_on_every_word_of_its_clause() {
        let a = analyse("Refund's approved. If you'd rather, Dana can ring you.");
        let opener = a.tokens.iter().position(|t| t.text == "if").expect("if");
        assert!(a.opens_condition(opener));
        assert!(a.tokens.iter().filter(|t| t.condition.is_some()).all(|t| t.condition == Some(opener)));
        assert!(!a.in_condition(opener + 4), "Dana is in the main clause");
    }
}

//! A rule given the last word: a rule noun (`rule-noun`: "policy", "terms", "rules", ...) as the
//! subject of a verb of saying or requiring ("surgery rules say I can't", "our terms do state...",
//! "our billing policy requires us to"), a rule said to be itself ("rules are rules", "the terms
//! are the terms"), or a rule named as a whole clause ("finance rules.", "its the rules", "comp
//! policy innit", "is the rule of the company"). The speaker hands the decision to the rule.
//! A wall (weak): blame only in an answer where the speaker does nothing about the problem, so
//! "the terms say it's non-refundable, but I've credited the delivery" stays information. Not
//! negated ("the rules don't say that"), conditional, asked, quoted or retold, nor the speaker's
//! own rule ("my rule is to ring back the same day").

use super::super::detectors::DetectorContext;
use super::super::text::Analysed;
use super::super::walls::Wall;

/// Verbs by which a rule has its say: "say", "state", "require", "mean".
fn says(word: &str) -> bool {
    matches!(
        word,
        "say"
            | "says"
            | "state"
            | "states"
            | "require"
            | "requires"
            | "specify"
            | "specifies"
            | "stipulate"
            | "stipulates"
    )
}

/// Verbs of saying that restrict by themselves ("our terms require", "the rules stipulate").
fn requires(word: &str) -> bool {
    matches!(word, "require" | "requires" | "stipulate" | "stipulates")
}

/// True when what the rule says after its verb at `v` restricts ("say I can't", "say only the
/// holder", "states no refunds"); "our terms say you're entitled to a refund" is in the customer's
/// favour and walls nothing off.
fn restricts_after(a: &Analysed, v: usize) -> bool {
    let s = a.tokens[v].sentence;
    (v + 1..(v + 9).min(a.sentences[s].end)).any(|j| {
        a.tokens[j].negated_by.is_some()
            || matches!(
                a.word(j),
                "not"
                    | "no"
                    | "never"
                    | "only"
                    | "must"
                    | "cannot"
                    | "cant"
                    | "unable"
                    | "nothing"
                    | "limited"
                    | "capped"
                    | "excluded"
                    | "excludes"
                    | "void"
                    | "forfeit"
                    | "forfeited"
                    | "nonrefundable"
                    | "non"
                    | "required"
            )
            || (matches!(a.word(j), "have" | "has") && a.word_in(s, j + 1) == "to")
    })
}

/// A word opening an instruction about a rule ("check the terms", "see our policy"), not a rule
/// named as a wall.
fn instruction(word: &str) -> bool {
    matches!(word, "see" | "read" | "sign" | "review" | "accept" | "follow" | "consult" | "agree" | "breach" | "break")
}

/// Words before a rule noun that still leave it the clause's subject ("our", "the company's",
/// "surgery", "firm"): anything but the speaker, a preposition or a verb of its own.
fn speaker_or_linking(word: &str) -> bool {
    matches!(
        word,
        "i" | "my"
            | "me"
            | "we"
            | "you"
            | "your"
            | "ur"
            | "to"
            | "with"
            | "in"
            | "under"
            | "of"
            | "by"
            | "per"
            | "about"
            | "against"
            | "on"
            | "if"
            | "unless"
    )
}

/// The rule noun at `k` given the last word (see the module text), as the range of its clause.
fn last_word_at(a: &Analysed, cx: &DetectorContext, k: usize) -> Option<Wall> {
    let rule = |j: usize| cx.lists.words.rule_noun.has(a.word(j));
    let t = &a.tokens[k];
    if !rule(k) || !t.is_own_word() || a.in_condition(k) || super::asks(a, t.sentence) {
        return None;
    }
    let (from, to) = a.clause_span(k);
    let before: Vec<&str> = (from..k).map(|j| a.word(j)).collect();
    let own_subject = before.iter().all(|w| !speaker_or_linking(w)) && before.len() <= 3;
    // "surgery rules say", "our terms do say", "the terms are the terms".
    let next = |n: usize| if k + n < to { a.word(k + n) } else { "" };
    let verb = if next(1) == "do" || next(1) == "does" || next(1) == "clearly" { 2 } else { 1 };
    let has_its_say = own_subject
        && says(next(verb))
        && a.tokens[k + verb].negated_by.is_none()
        && (requires(next(verb)) || restricts_after(a, k + verb));
    let itself = own_subject
        && matches!(next(1), "is" | "are" | "r" | "iz")
        && (k + 2..to.min(k + 5)).any(|j| a.word(j) == a.word(k) || (rule(j) && a.word(j) != "the"));
    // "finance rules.", "comp policy innit", "its the rules", "is the rule of the company": the
    // clause is the rule and nothing else.
    let after: Vec<&str> = (k + 1..to).map(|j| a.word(j)).collect();
    let tail_ok = after.is_empty() || after == ["innit"] || (after.first() == Some(&"of") && after.len() <= 3);
    let lead_ok = before.len() <= 2 && before.iter().all(|w| !speaker_or_linking(w))
        || matches!(before.as_slice(), ["it" | "its" | "that" | "thats", "is", ..] | ["is", ..]) && before.len() <= 4;
    // "Check the terms.", "See our policy.": a verb before a determiner opens an instruction
    // ("head office policy." is a rule's owner).
    let determiner = before.get(1).is_some_and(|w| matches!(*w, "the" | "our" | "your" | "ur" | "a" | "its" | "their"));
    let imperative = determiner
        && before.first().is_some_and(|w| {
            instruction(w) || cx.lists.words.step_imperative.has(w) || cx.lists.words.referral_imperative.has(w)
        });
    let whole = tail_ok && lead_ok && !imperative && !before.is_empty() && (to - from) <= 6;
    (has_its_say || itself || whole).then_some(((from, to), false))
}

/// Every rule given the last word in the answer (`wall_blame` keeps none where the speaker acts
/// on the problem).
pub(super) fn given_last_word(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    (0..a.tokens.len()).filter_map(|k| last_word_at(a, cx, k)).collect()
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Lund", text)
    }

    #[test]
    fn a_rule_given_the_last_word_is_a_wall() {
        for yes in [
            "Gym regulations say I can't unfreeze a membership over email.",
            "sorry mr lund, cant do a swap on sale items. store rules.",
            "nope, no cash back, company policy innit",
            "Mr Lund, I understand. Is not possible. Policy is policy.",
            "Our booking terms require a 72-hour notice for any cancellation.",
            "I'm afraid the deposit stays. Terms are terms, I'm sorry.",
            "no can do on the upgrade, its the rules",
            // An inability is no act of the speaker's ("nothing I can do", "I can do nothing").
            "Rules is rules, sir. I can do nothing.",
            "head office policy. nowt we can do",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_rule_said_while_helping_denied_asked_or_owned_is_not() {
        for no in [
            "Gym regulations say I can't unfreeze it by email, so I'll sort it on the desk system for you now.",
            "The terms don't require the original box, so I've booked the collection for Monday.",
            "Do the terms say anything about a late return?",
            "If the policy says no, I'll ask my manager to approve it anyway and call you at 3.",
            "My rule is to ring back the same day.",
            "You said the rules are the rules, and that's fair, but I've put the refund through.",
            "Please read the terms on the website.",
            "The terms were updated in May.",
            "Our terms say you're entitled to a full refund.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn an_instruction_about_a_rule_gives_it_no_last_word() {
        use crate::core::scoring::detectors::DetectorContext;
        let names = crate::core::scoring::phrase::Names::default();
        let lists = crate::core::scoring::lists::Lists::new(&std::collections::BTreeMap::new());
        let cx = DetectorContext::new(&names, &lists, None);
        for text in ["Check the terms.", "See our policy.", "pls read the t&cs"] {
            let a = crate::core::scoring::text::analyse(text);
            assert!(super::given_last_word(&a, &cx).is_empty(), "{text}");
        }
        let a = crate::core::scoring::text::analyse("head office policy. nowt we can do");
        assert!(!super::given_last_word(&a, &cx).is_empty());
    }
}

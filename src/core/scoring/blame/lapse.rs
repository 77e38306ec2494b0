//! A third party's lapse offered as the reason: someone other than the speaker or the customer
//! (a colleague by name or role, a new starter, another shift, "he", "the lad on the desk", a
//! named party, the person a relative clause is about: "we had a temp who never logged it") as
//! the subject of a failure of theirs ("didn't read the ticket", "forgot to book it", "never
//! passed it on", "messed up", "should really have escalated it"). Strong: it blames even where another sentence helps.
//! Not when the speaker owns it in the same sentence ("Tomasz's mistake was mine to catch") or
//! the next (read by `blame::owned_after`), nor negated, conditional, guessed ("maybe he forgot"), asked,
//! quoted, retold or set aside ("I'm not saying the new lad forgot"). The vocabulary is in
//! `builtin_lists.ron`: `blame-role-noun`, `blame-lapse-verb`, `blame-lapse-word`.

use super::super::detectors::{DetectorContext, Range, in_sentence};
use super::super::phrase::name_at;
use super::super::text::Analysed;

/// Words that may sit between a subject and its lapse ("he just didn't", "she must have forgotten").
fn between(word: &str) -> bool {
    matches!(
        word,
        "just"
            | "simply"
            | "obviously"
            | "clearly"
            | "totally"
            | "completely"
            | "then"
            | "also"
            | "still"
            | "even"
            | "basically"
            | "literally"
            | "must"
            | "have"
            | "has"
            | "had"
            | "apparently"
            | "again"
            | "already"
    )
}

/// Words before a subject that leave it the clause's subject ("and he didn't", "because the lad
/// forgot", "um so yeah the new girl never..."): a filler or a joining word, or "like".
fn opener(a: &Analysed, cx: &DetectorContext, j: usize) -> bool {
    joining_opener(a, cx, j) || a.word(j) == "like"
}

/// A filler or a joining word before a clause's subject that leaves it the subject ("and", "but",
/// "because", "sorry", "honestly"): what both lapse readings (here and `agent_lapse.rs`) let open
/// the clause before its third-party subject.
pub(super) fn joining_opener(a: &Analysed, cx: &DetectorContext, j: usize) -> bool {
    cx.lists.words.tone_question_filler.has(a.word(j))
        || matches!(
            a.word(j),
            "and" | "but" | "because" | "cos" | "coz" | "as" | "since" | "honestly" | "basically" | "sorry" | "though"
        )
}

/// The end of a lapse starting at `k`: "did|had not <lapse verb>", "never <lapse verb>", or a
/// lapse word ("forgot", "messed").
fn lapse_at(a: &Analysed, cx: &DetectorContext, k: usize) -> Option<usize> {
    let w = &cx.lists.words;
    let s = a.tokens.get(k)?.sentence;
    let verb = |j: usize| {
        a.tokens
            .get(j)
            .is_some_and(|t| t.sentence == s && (w.blame_lapse_verb.has(&t.text) || w.blame_lapse_verb.has(&t.stem)))
    };
    // "didn't know the procedure", "didn't hear the buzzer" lay a lapse; "didn't know why" or
    // "didn't hear back" say what was not known or has not come.
    let verb = |j: usize| verb(j) && !(matches!(a.word_in(s, j), "know" | "hear") && not_known(a.word_in(s, j + 1)));
    match (a.word(k), a.word_in(s, k + 1)) {
        ("did" | "had", "not") if verb(k + 2) => Some(k + 3),
        ("did" | "had", "not") if a.word_in(s, k + 2) == "even" && verb(k + 3) => Some(k + 4),
        ("never", _) if verb(k + 1) => Some(k + 2),
        // "he should have called you yesterday": what they were meant to do and did not.
        ("should", "have" | "of") if verb(k + 2) => Some(k + 3),
        // "she should really have escalated it".
        ("should", "really" | "definitely" | "probably" | "actually" | "properly")
            if matches!(a.word_in(s, k + 2), "have" | "of") && verb(k + 3) =>
        {
            Some(k + 4)
        }
        // Non-native: "the colleague he not pass the message".
        ("not", _) if verb(k + 1) && matches!(a.word(k.wrapping_sub(1)), "he" | "she" | "they") => Some(k + 2),
        (word, _) if w.blame_lapse_word.has(word) => Some(k + 1),
        _ => None,
    }
}

/// Words after "know" or "hear" that make not knowing or not hearing no lapse: a question word
/// ("didn't know why"), "either", "anything", or word still awaited ("hasn't heard back from").
fn not_known(next: &str) -> bool {
    matches!(
        next,
        "why"
            | "what"
            | "how"
            | "when"
            | "where"
            | "who"
            | "whether"
            | "if"
            | "either"
            | "anything"
            | "back"
            | "from"
            | "yet"
    )
}

/// Where the third-party subject ending just before `end` (exclusive) starts: a pronoun, a
/// colleague's name, a named party, or a role noun with its determiner and words before it ("the
/// garnish chef", "our new starter"), optionally followed by a short place ("the lad on the desk").
fn subject_before(a: &Analysed, cx: &DetectorContext, parties: &[Range], end: usize) -> Option<usize> {
    let s = a.tokens[end - 1].sentence;
    let start = a.sentences[s].start;
    // "a new starter who didn't know the rota": the person the relative clause is about, before
    // its "who" (a loop, not a call per "who": "who who who ..." is hostile input).
    let mut end = end;
    while end - 1 > start && a.word(end - 1) == "who" {
        end -= 1;
    }
    let last = end - 1;
    if matches!(a.word(last), "he" | "she" | "they" | "someone" | "somebody") {
        return Some(last);
    }
    if let Some(p) = parties.iter().find(|p| p.1 == end) {
        return Some(p.0);
    }
    if let Some(n) = (last.saturating_sub(2).max(start)..=last)
        .find(|n| name_at(&a.tokens, *n, &cx.names.colleague).is_some_and(|len| n + len == end))
    {
        return Some(n);
    }
    let roles = &cx.lists.words.blame_role_noun;
    let role = |j: usize| roles.has(a.word(j)) || roles.has(&a.tokens[j].stem);
    // "the lad on the desk": a role, then a preposition and at most three words.
    let head = (last.saturating_sub(4).max(start)..=last).find(|r| {
        role(*r)
            && (*r == last
                || (matches!(a.word(r + 1), "on" | "at" | "in" | "from" | "behind")
                    && (r + 2..=last).all(|j| !role(j) || j == last)))
    })?;
    // Back over up to three describing words to a determiner.
    let det = (head.saturating_sub(4).max(start)..head).rev().find(|j| {
        matches!(
            a.word(*j),
            "the" | "our" | "my" | "a" | "an" | "that" | "this" | "one" | "their" | "his" | "her" | "some"
        )
    });
    Some(det.unwrap_or(head))
}

/// Lapses of third parties in the answer, with the parties found (`parties`) and the speaker's
/// ownership (`owned`): each a range from the subject to the end of the lapse. A take-on in the
/// sentence does not clear it: a fault laid while fixing is still laid ("the driver didn't knock,
/// I'll rebook it").
pub(super) fn third_party_lapses(a: &Analysed, cx: &DetectorContext, parties: &[Range], owned: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let Some(end) = lapse_at(a, cx, k) else { continue };
        let t = &a.tokens[k];
        let sentence = &a.sentences[t.sentence];
        let mut j = k;
        while j > sentence.start && between(a.word(j - 1)) {
            j -= 1;
        }
        if j == sentence.start {
            continue;
        }
        let Some(from) = subject_before(a, cx, parties, j) else { continue };
        if a.tokens[from].clause != t.clause {
            continue;
        }
        let lead: Vec<usize> =
            (sentence.start..from).rev().take_while(|x| a.tokens[*x].clause == a.tokens[from].clause).collect();
        // "the colleague from evening shift he not pass it": a subject said again as a pronoun.
        let restated = lead.iter().any(|x| cx.lists.words.blame_role_noun.has(a.word(*x)))
            && !lead.iter().any(|x| matches!(a.word(*x), "i" | "we" | "you" | "u" | "me" | "us"));
        let speaker_or_customer = lead.iter().any(|x| matches!(a.word(*x), "i" | "you" | "u" | "me" | "my" | "your"));
        // "we had a temp who never logged it": the person a relative clause is about, whatever
        // the main clause does with them, unless it is the speaker or the customer.
        let relative = a.word(j - 1) == "who" && !speaker_or_customer;
        let opens = restated || relative || lead.iter().all(|x| opener(a, cx, *x));
        let own_side = matches!(a.word(from), "your" | "ur");
        let unsaid = not_laid_as_fact(a, cx, (from, end), k);
        let asked = super::asks(a, t.sentence);
        let owned_here = owned.iter().any(|o| in_sentence(sentence, o) && (o.1 <= from || o.0 >= end));
        if !opens || own_side || unsaid || asked || owned_here || claimed_after(a, end) {
            continue;
        }
        out.push((from, end));
    }
    out
}

/// True when the lapse said over `words` (its verb at `k`) is not laid as a fact: a word of it
/// quoted or retold, its subject negated, it or its verb in a condition, a guess before it in its
/// sentence ("maybe the courier lost it"), or a saying that sets it aside (`blame-saying`).
pub(super) fn not_laid_as_fact(a: &Analysed, cx: &DetectorContext, words: Range, k: usize) -> bool {
    let (from, end) = words;
    let start = a.sentences[a.tokens[from].sentence].start;
    (from..end).any(|x| a.tokens[x].quoted || a.tokens[x].retold)
        || a.tokens[from].negated_by.is_some()
        || a.in_condition(from)
        || a.in_condition(k)
        || (start..from).any(|x| matches!(a.word(x), "maybe" | "perhaps" | "possibly" | "might"))
        || (start..from).any(|x| cx.lists.words.blame_saying.has(a.word(x)))
}

/// True when the speaker claims the fault after `at` in its sentence: "mine", "ours", "on me",
/// "on us", "my|our fault|mistake|job|responsibility|bad" ("Tomasz's mistake was mine to catch").
/// Not when negated ("not mine").
pub(in crate::core::scoring) fn claimed_after(a: &Analysed, at: usize) -> bool {
    let Some(s) = a.tokens.get(at.min(a.tokens.len().saturating_sub(1))).map(|t| t.sentence) else { return false };
    let end = a.sentences[s].end;
    (at..end).any(|j| {
        let negated = a.tokens[j].negated_by.is_some() || (j > 0 && a.tokens[j - 1].is_negator());
        let claim = matches!(a.word(j), "mine" | "ours")
            || (a.word(j) == "on" && matches!(a.word_in(s, j + 1), "me" | "us") && a.word(j.wrapping_sub(1)) != "get")
            || (matches!(a.word(j), "my" | "our")
                && matches!(a.word_in(s, j + 1), "fault" | "mistake" | "job" | "responsibility" | "bad" | "error"));
        claim && !negated
    })
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Adeyemi", text)
    }

    #[test]
    fn a_third_partys_lapse_offered_as_the_reason_is_blame() {
        for yes in [
            "Oh I'm so sorry, the garnish chef is new and he didn't read the ticket.",
            "New starter forgot to book it. Sorry.",
            "sorry the lad on the desk never passed it on",
            "the other shift didnt pass on ur msg soz",
            "Ms Adeyemi I am sorry, the colleague from evening shift he not pass the message.",
            "Regrettably, a member of staff did not forward your email to the correct team.",
            "so um yeah Nadia Quinn messed up the booking basically",
            "I've checked and he should have called you yesterday.",
            "The driver didn't knock, I'll rebook it myself.",
            "The lad on the late shift should really have passed it on.",
            "We had a trainee who didn't pass the returns note on, so it went wrong.",
            "so yeah we had an agency driver who never scanned ur parcel",
            "Sorry, the temp who took your details never passed them on.",
            "Sir, the agency porter he did not know the lift code, so nobody come.",
            "the girl on the till should really have escalated it, soz",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_lapse_owned_negated_conditional_or_reported_is_not_blame() {
        for no in [
            "Tomasz's mistake was mine to catch, and I'm sorry.",
            "Nadia Quinn didn't pass it on, and that's on me, I should have checked.",
            "He didn't read the ticket. That's on me, I run the pass.",
            "If he didn't read the ticket, I'll find out and ring you by six.",
            "I'm not saying the new starter forgot to book it.",
            "You said the lad on the desk never passed it on.",
            "Maybe the driver didn't knock loud enough, I'll rebook it.",
            "Nadia Quinn will read the ticket tonight and call you at 8.",
            "she didnt want to bother u on a sunday",
            "Did the driver not knock?",
            "I was the supervisor who didn't check it, so that's on me.",
            "You spoke to a colleague who never logged the call?",
            "Priya is the colleague who'll call you at 4, she has your notes.",
            "He didn't know why the scan failed either, so he's asked me to ring you.",
            "she didnt hear back from the lab yet, will chase 2moro",
            "Our night porter, who never misses a thing, has your bag ready.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

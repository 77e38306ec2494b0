//! A third party named by any noun, given as the one who failed: the clause's subject a definite
//! noun phrase ("the hub", "the council", "that haulier") or a bare noun opening the clause
//! ("underwriting", "council"), neither the speaker's ("our", "my", "I", "we") nor the customer's
//! ("you", "your"), and its verb a lapse only a person or a body can commit: an agent's act left
//! undone ("hasn't replied", "never got back", "didn't confirm", "has yet to call") or an agent's
//! fault ("turned it down", "refused", "forgot", "lost", "sent the wrong ...", "are dragging their
//! feet", "let us down", "left it in the van"). The party word lists are not needed: the verb
//! makes the subject an agent. Things are not agents: a machine or an object as the subject
//! ("the system lost it", "the part hasn't arrived") is left to `workload.rs`. Not when negated
//! praise ("the lab has never lost one"), planned ("the lab will call you"), asked, conditional,
//! guessed, quoted, retold, set aside, or owned in its sentence ("that's on us").

use super::super::detectors::{DetectorContext, Range, in_sentence};
use super::super::text::Analysed;

/// Verbs of an agent's act whose omission is a lapse ("hasn't replied", "never rang", "didn't
/// confirm"): by text or stem.
fn agent_act(word: &str) -> bool {
    matches!(
        word,
        "replied"
            | "repli"
            | "reply"
            | "responded"
            | "respond"
            | "answered"
            | "answer"
            | "rang"
            | "rung"
            | "ring"
            | "called"
            | "call"
            | "phoned"
            | "phone"
            | "emailed"
            | "email"
            | "contacted"
            | "contact"
            | "confirmed"
            | "confirm"
            | "told"
            | "tell"
            | "informed"
            | "inform"
            | "notified"
            | "notifi"
            | "notify"
            | "bothered"
            | "bother"
            | "chased"
            | "chase"
            | "actioned"
            | "action"
            | "returned"
            | "return"
            | "acknowledged"
            | "acknowledg"
            | "passed"
            | "pass"
            | "forwarded"
            | "forward"
            | "booked"
            | "book"
            | "arranged"
            | "arrang"
            | "authorised"
            | "authoris"
            | "authorized"
            | "authoriz"
            | "signed"
            | "sign"
    )
}

/// Words that may sit between the subject and its verb, or between "not" and the verb ("still
/// hasn't", "have not yet", "never even").
fn between(word: &str) -> bool {
    matches!(
        word,
        "still" | "yet" | "even" | "just" | "actually" | "again" | "apparently" | "obviously" | "clearly" | "once"
    )
}

/// The end of an agent's act left undone starting at the negation at `k`: "has|have|had|did not
/// [still|yet|even] <act>", "never <act>", "has yet to <act>", "got|get back" counted as an act.
fn undone_at(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let mut j = match (a.word(k), a.word_in(s, k + 1)) {
        ("has" | "have" | "had" | "did" | "do" | "does", "not") => k + 2,
        ("never", _) => k + 1,
        ("has" | "have", "yet") if a.word_in(s, k + 2) == "to" => k + 3,
        _ => return None,
    };
    while between(a.word_in(s, j)) {
        j += 1;
    }
    let word = a.word_in(s, j);
    if matches!(word, "got" | "get" | "gotten" | "come" | "came") && a.word_in(s, j + 1) == "back" {
        // "got back" is an agent's reply only when to someone: "the lab never got back to us".
        return (a.word_in(s, j + 2) == "to" || word.starts_with('g')).then_some(j + 2);
    }
    if word == "bothered" || word == "bother" {
        return Some(j + 1);
    }
    (agent_act(word) || (!word.is_empty() && agent_act(&a.tokens[j].stem))).then_some(j + 1)
}

/// The end of an agent's fault starting at `k`, said plainly (not negated): "turned it down",
/// "refused", "forgot", "lost", "sent|booked|gave the wrong", "dragging their feet", "let us
/// down", "left it in the van".
fn fault_at(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let w = |j: usize| a.word_in(s, j);
    match w(k) {
        "refused" | "forgot" | "forgotten" | "misplaced" | "mislaid" | "overbooked" | "ghosted" => Some(k + 1),
        "lost" if matches!(w(k + 1), "it" | "them" | "the" | "your" | "our" | "my" | "his" | "her") => Some(k + 2),
        "turned" | "turn" => (k + 1..k + 4).find(|j| w(*j) == "down").map(|j| j + 1),
        "let" => matches!((w(k + 1), w(k + 2)), ("us" | "you" | "u" | "me" | "them", "down")).then_some(k + 3),
        "dragging" | "drag" => (w(k + 1) == "their" || w(k + 1) == "its")
            .then_some(k + 2)
            .filter(|j| matches!(w(*j), "feet" | "heels"))
            .map(|j| j + 1),
        "sent" | "booked" | "gave" | "given" | "ordered" | "delivered" | "fitted" | "charged" | "put" | "picked" => {
            (k + 1..k + 4).find(|j| w(*j) == "wrong").map(|j| j + 2)
        }
        "left" => {
            // "left the crate in the van": an object, then where it was left.
            let place = (k + 2..k + 5).find(|j| matches!(w(*j), "in" | "at" | "on" | "outside" | "behind"))?;
            (w(k + 1) != "" && !matches!(w(k + 1), "a" | "message" | "voicemail" | "note")).then_some(place + 1)
        }
        _ => None,
    }
}

/// Things that cannot be agents: machines and objects as a subject are `workload.rs`'s business
/// or no one's fault ("the system lost it", "the part hasn't arrived").
fn thing(word: &str) -> bool {
    matches!(
        word,
        "system"
            | "systems"
            | "computer"
            | "app"
            | "website"
            | "site"
            | "portal"
            | "software"
            | "server"
            | "network"
            | "printer"
            | "machine"
            | "phone"
            | "phones"
            | "email"
            | "emails"
            | "letter"
            | "card"
            | "payment"
            | "parcel"
            | "package"
            | "order"
            | "part"
            | "parts"
            | "item"
            | "form"
            | "link"
            | "tracking"
            | "dialler"
            | "till"
            | "weather"
            | "post"
            | "mail"
            | "it"
            | "this"
            | "that"
    )
}

/// Words that cannot open or head a third party's noun phrase: people of the conversation,
/// pronouns, quantifiers, and words of the clause's frame.
fn not_a_party(word: &str) -> bool {
    matches!(
        word,
        "i" | "we"
            | "you"
            | "u"
            | "ya"
            | "he"
            | "she"
            | "they"
            | "it"
            | "me"
            | "us"
            | "my"
            | "our"
            | "your"
            | "ur"
            | "one"
            | "someone"
            | "somebody"
            | "nobody"
            | "noone"
            | "everyone"
            | "everybody"
            | "anyone"
            | "no"
            | "who"
            | "which"
            | "what"
            | "there"
            | "here"
            | "this"
            | "these"
            | "those"
            | "if"
            | "not"
            | "s"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "did"
            | "do"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "might"
            | "may"
            | "must"
            | "mr"
            | "mrs"
            | "ms"
            | "miss"
            | "dr"
    )
}

/// Words before the subject that leave it the clause's subject ("and the hub never...", "sorry,
/// but", "apparently the lab...").
fn opener(a: &Analysed, cx: &DetectorContext, j: usize) -> bool {
    cx.lists.words.tone_question_filler.has(a.word(j))
        || matches!(
            a.word(j),
            "and"
                | "but"
                | "because"
                | "cos"
                | "coz"
                | "as"
                | "since"
                | "so"
                | "honestly"
                | "basically"
                | "apparently"
                | "unfortunately"
                | "sadly"
                | "annoyingly"
                | "frankly"
                | "again"
                | "sorry"
                | "though"
                | "just"
        )
}

/// Where the third-party subject ending just before `end` (exclusive) starts: "the|that|their"
/// and one to three words, or one bare word opening its clause ("underwriting", "council"); the
/// head (last word) no thing, nothing of the speaker's or the customer's in it.
fn subject_before(a: &Analysed, cx: &DetectorContext, end: usize) -> Option<usize> {
    let s = a.tokens[end - 1].sentence;
    let clause = a.tokens[end - 1].clause;
    let start = (a.sentences[s].start..end).find(|j| a.tokens[*j].clause == clause)?;
    let head = end - 1;
    if thing(a.word(head)) || not_a_party(a.word(head)) || a.word(head).chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let det = (head.saturating_sub(3).max(start)..head)
        .rev()
        .find(|j| matches!(a.word(*j), "the" | "that" | "their" | "tha" | "da"));
    let from = match det {
        Some(d) if (d + 1..head).all(|j| !not_a_party(a.word(j)) && !thing(a.word(j))) => d,
        _ => head,
    };
    // Everything before the subject in its clause must be an opener.
    (start..from).all(|j| opener(a, cx, j)).then_some(from)
}

/// The lapses of third parties named by any noun, outside sentences the speaker owns (`owned`:
/// ownership and take-on finds): each a range from the subject to the end of the lapse.
pub(super) fn agent_lapses(a: &Analysed, cx: &DetectorContext, owned: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        let (lapse_end, undone) = match undone_at(a, k) {
            Some(e) => (e, true),
            None => match fault_at(a, k).filter(|_| t.negated_by.is_none() && !t.is_negator()) {
                Some(e) => (e, false),
                None => continue,
            },
        };
        let sentence = &a.sentences[t.sentence];
        // Back over "still", "just" and the helper of a perfect ("has lost", "'ve forgotten", "are dragging").
        let mut j = k;
        while j > sentence.start
            && (between(a.word(j - 1))
                || (!undone && matches!(a.word(j - 1), "has" | "have" | "had" | "is" | "are" | "s" | "re" | "ve")))
        {
            j -= 1;
        }
        if j == sentence.start || a.tokens[j - 1].clause != t.clause {
            continue;
        }
        let Some(from) = subject_before(a, cx, j) else { continue };
        let words = from..lapse_end;
        let unsaid = words.clone().any(|x| a.tokens[x].quoted || a.tokens[x].retold)
            || a.tokens[from].negated_by.is_some()
            || a.in_condition(from)
            || a.in_condition(k);
        let guess = (sentence.start..from).any(|x| matches!(a.word(x), "maybe" | "perhaps" | "possibly" | "might"));
        let set_aside = (sentence.start..from).any(|x| cx.lists.words.blame_saying.has(a.word(x)));
        let owned_here = owned.iter().any(|o| in_sentence(sentence, o) && (o.1 <= from || o.0 >= lapse_end));
        if unsaid
            || guess
            || set_aside
            || super::asks(a, t.sentence)
            || owned_here
            || super::claimed_after(a, lapse_end)
        {
            continue;
        }
        out.push((from, lapse_end));
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Okafor", text)
    }

    #[test]
    fn a_third_party_named_by_any_noun_failing_as_an_agent_is_blame() {
        for yes in [
            "The surveyor's firm still hasn't replied to any of my emails.",
            "tbh the installers never got back to us",
            "Apologies, Mr Okafor. The freight forwarder refused the consignment at the border.",
            "the clinic forgot to pass on ur results, nothing I can do",
            "Sadly the printers have sent the wrong proofs again.",
            "Ombudsman are dragging their feet, as usual.",
            "Unfortunately the agency let us down at the last minute.",
            "so yeah the removal firm left the sofa at the old address",
            "The landlord's agent has yet to confirm the date, so it's out of our hands.",
            "Broker turned the application down on Friday.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn things_plans_praise_questions_conditions_and_own_side_are_not() {
        for no in [
            "The replacement part hasn't arrived yet, I'll chase it at noon and ring you.",
            "The parcel was late, sorry about that.",
            "The printers will call you tomorrow with a proof.",
            "The installers have never let us down, so I'm sure they'll be there at 9.",
            "Has the surveyor's firm replied to you yet?",
            "If the clinic hasn't rung by Friday, I'll chase them myself.",
            "You said the agency never confirmed, and I've checked: they did, on the 3rd.",
            "Our fitter left it at the wrong door, that's on us and I'm sorry.",
            "I haven't replied yet because I wanted the full figures first.",
            "Maybe the broker hasn't seen it, I'll ring them now.",
            "the card got declined at the till, could you try another one?",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

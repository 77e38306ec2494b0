//! A third party named by any noun, given as the one who failed: the clause's subject a definite
//! noun phrase ("the hub", "the council", "that haulier") or a bare noun opening the clause
//! ("underwriting", "council"), neither the speaker's ("our", "my", "I", "we") nor the customer's
//! ("you", "your"), and its verb a lapse only a person or a body can commit: an agent's act left
//! undone ("never got back", "didn't confirm", "never rang"; not a reply still awaited, "hasn't replied") or an agent's
//! fault ("turned it down", "refused", "forgot", "lost", "messed up", "sent the wrong ...", "are dragging their
//! feet", "let us down", "left it in the van"). The party word lists are not needed: the verb
//! makes the subject an agent. Things are not agents: a machine or an object as the subject
//! ("the system lost it", "the part hasn't arrived") is left to `workload.rs`. Not when negated
//! praise ("the lab has never lost one"), planned ("the lab will call you"), asked, conditional,
//! guessed, quoted, retold, set aside, or owned in its sentence ("that's on us").

use super::super::detectors::{DetectorContext, Range};
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
            | "read"
            | "looked"
            | "look"
            | "checked"
            | "check"
            | "updated"
            | "updat"
            | "marked"
            | "mark"
            | "flagged"
            | "flag"
            | "logged"
            | "log"
            | "recorded"
            | "record"
            | "processed"
            | "process"
            | "assigned"
            | "assign"
            | "allocated"
            | "alloc"
            | "escalated"
            | "escal"
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

/// The end of an agent's act left undone starting at the negation at `k`: "did not [even] <act>",
/// "never <act>", "got|came back" counted as an act.
fn undone_at(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let mut j = match (a.word(k), a.word_in(s, k + 1)) {
        // "has not replied" is a reply still awaited, not a lapse: on the blind-labelled sets as
        // often a plain update ("the lab hasn't confirmed, I'll call you when I hear") as blame.
        ("did", "not") => k + 2,
        ("never", _) => k + 1,
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
        "refused" | "forgot" | "forgotten" | "misplaced" | "mislaid" | "overbooked" | "ghosted" | "ghosting"
        | "misrouted" | "misdirected" | "misdelivered" | "botched" => Some(k + 1),
        // "messed up", "screwed it up": a bungle, up to two words before "up".
        "messed" | "mucked" | "screwed" | "cocked" => (k + 1..k + 4).find(|j| w(*j) == "up").map(|j| j + 1),
        "lost" if matches!(w(k + 1), "it" | "them" | "the" | "your" | "our" | "my" | "his" | "her") => Some(k + 2),
        "turned" | "turn" => (k + 1..k + 4).find(|j| w(*j) == "down").map(|j| j + 1),
        "let" => matches!((w(k + 1), w(k + 2)), ("us" | "you" | "u" | "me" | "them", "down")).then_some(k + 3),
        "dragging" | "drag" => (w(k + 1) == "their" || w(k + 1) == "its")
            .then_some(k + 2)
            .filter(|j| matches!(w(*j), "feet" | "heels"))
            .map(|j| j + 1),
        "sent" | "send" | "booked" | "book" | "gave" | "given" | "ordered" | "delivered" | "fitted" | "charged"
        | "put" | "picked" | "entered" | "typed" | "printed" | "recorded" | "installed" | "shipped" | "posted"
        | "supplied" | "quoted" | "got" => (k + 1..k + 4).find(|j| w(*j) == "wrong").map(|j| j + 1),
        "left" => {
            // "left the crate in the van": an object, then where it was left.
            let place = (k + 2..k + 5).find(|j| matches!(w(*j), "in" | "at" | "on" | "outside" | "behind"))?;
            (!w(k + 1).is_empty() && !matches!(w(k + 1), "a" | "message" | "voicemail" | "note")).then_some(place + 1)
        }
        _ => None,
    }
}

/// Things that cannot be agents: machines and objects as a subject are `workload.rs`'s business
/// or no one's fault ("the system lost it", "the part hasn't arrived").
pub(super) fn thing(word: &str) -> bool {
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
/// but", "apparently the lab..."): the joining words of `lapse.rs`, and a few stance words.
fn opener(a: &Analysed, cx: &DetectorContext, j: usize) -> bool {
    super::lapse::joining_opener(a, cx, j)
        || matches!(
            a.word(j),
            "so" | "apparently" | "unfortunately" | "sadly" | "annoyingly" | "frankly" | "again" | "just"
        )
}

/// Where the third-party subject ending just before `end` (exclusive) starts: "the|that|their"
/// and one to three words, opening its clause or after a frame ("the thing is", "what I can see
/// is"), or one bare word opening its sentence ("underwriting", "council"); the head (last word)
/// no thing, nothing of the speaker's or the customer's in it.
fn subject_before(a: &Analysed, cx: &DetectorContext, end: usize) -> Option<usize> {
    let s = a.tokens[end - 1].sentence;
    let clause = a.tokens[end - 1].clause;
    let first = a.sentences[s].start;
    let start = (first..end).find(|j| a.tokens[*j].clause == clause)?;
    let head = end - 1;
    let word = a.word(head);
    if thing(word) || not_a_party(word) || word.ends_with("ly") || word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let det = (head.saturating_sub(3).max(start)..head)
        .rev()
        .find(|j| matches!(a.word(*j), "the" | "that" | "their" | "tha" | "da"));
    match det {
        Some(d) if (d + 1..head).all(|j| !not_a_party(a.word(j)) && !thing(a.word(j))) => {
            ((start..d).all(|j| opener(a, cx, j)) || framed(a, start, d)).then_some(d)
        }
        // A bare noun right after "because": "it's late cos haulage messed up".
        _ if head > first && a.word(head - 1) == "because" => Some(head),
        // A bare noun only opening its sentence: "Underwriting turned it down."
        _ => (head > start || start == first).then_some(head).filter(|h| (first..*h).all(|j| opener(a, cx, j))),
    }
}

/// True when the words `start..at` of a clause frame what follows as the account: "the thing is",
/// "the problem was", "what I can see is".
fn framed(a: &Analysed, start: usize, at: usize) -> bool {
    at > start
        && matches!(a.word(at - 1), "is" | "was" | "s")
        && (start..at).any(|j| matches!(a.word(j), "thing" | "problem" | "issue" | "trouble" | "reason" | "see"))
}

/// The passive faults of `agent.rs` (outside sentences that own or take something on) and the
/// lapses of this file together, as `party_blame` adds them.
pub(super) fn agent_faults(
    a: &Analysed,
    cx: &DetectorContext,
    parties: &[Range],
    owned: &[Range],
    taken_on: &[Range],
) -> Vec<Range> {
    let mut out = super::agent::passive_faults(a, cx, parties, &[owned, taken_on].concat());
    out.extend(agent_lapses(a, cx, owned, taken_on));
    out
}

/// The lapses of third parties named by any noun (`owned`: the ownership finds, `taken_on`: the
/// take-on finds): each a range from the subject to the end of the lapse. An agent's fault or a
/// "never" is cleared only by the speaker owning something; a plain "didn't confirm" also by the
/// speaker taking something on ("the venue didn't confirm, so I've booked you elsewhere").
fn agent_lapses(a: &Analysed, cx: &DetectorContext, owned: &[Range], taken_on: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        let (lapse_end, weak) = match undone_at(a, k) {
            Some(e) => (e, t.text != "never"),
            None => match fault_at(a, k).filter(|_| t.negated_by.is_none() && !t.is_negator()) {
                Some(e) => (e, false),
                None => continue,
            },
        };
        if !owned.is_empty() || (weak && !taken_on.is_empty()) {
            continue;
        }
        let sentence = &a.sentences[t.sentence];
        // Back over "still", "just", the helper of a perfect ("has lost", "'ve forgotten"), "are"
        // before "dragging", and "go and" ("then the supplier go and send the wrong drum").
        let progressive = matches!(a.word(k), "dragging" | "drag" | "ghosting");
        let mut j = k;
        while j > sentence.start {
            let w = a.word(j - 1);
            let helper = t.text != "has"
                && t.text != "have"
                && t.text != "had"
                && t.text != "did"
                && (matches!(w, "has" | "have" | "had" | "ve")
                    || (progressive && matches!(w, "is" | "are" | "s" | "re" | "r")));
            let go_and = w == "and" && j >= 2 && matches!(a.word(j - 2), "go" | "goes" | "went");
            if go_and {
                j -= 2;
            } else if between(w) || helper {
                j -= 1;
            } else {
                break;
            }
        }
        if j == sentence.start || a.tokens[j - 1].clause != t.clause {
            continue;
        }
        let Some(from) = subject_before(a, cx, j) else { continue };
        let unsaid = super::lapse::not_laid_as_fact(a, cx, (from, lapse_end), k);
        if unsaid || super::asks(a, t.sentence) || super::claimed_after(a, lapse_end) {
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
            "The surveyor's firm never replied to any of my emails.",
            "to be fair the agency didnt actually book the second room",
            "tbh the installers never got back to us",
            "Apologies, Mr Okafor. The freight forwarder refused the consignment at the border.",
            "the clinic forgot to pass on ur results, nothing I can do",
            "Sadly the printers have sent the wrong proofs again.",
            "Ombudsman are dragging their feet, as usual.",
            "Unfortunately the agency let us down at the last minute.",
            "so yeah the removal firm left the sofa at the old address",
            "then the wholesaler go and send the wrong size, typical",
            "What I can see is the valuer got the postcode wrong.",
            "Broker turned the application down on Friday.",
            "the depot never logged ur complaint, so nobody rang",
            "The agency never processed the paperwork, I'm afraid.",
            "Haulage messed up, the pallet went to Leeds.",
            "its stuck bc the carrier screwed it up again",
            "Unfortunately the freight agent misdirected the consignment.",
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
            "The valuer hasn't confirmed the date yet, I'll ring you when they do.",
            "The venue didn't confirm, so I've booked you into the Grange instead.",
            "Please do not reply to this message.",
            "I, the world's most organised planner, completely forgot.",
            "The claim was refused because the cover had lapsed, and I'm sorry.",
            "The lab processed your sample on Monday.",
            "If the surgery never logged it, I'll log it now and ring you at 2.",
            "We messed up the booking, and that's on me.",
            "Did the carrier mess it up, do you know?",
            "It came late because I messed up the order, and that is my fault.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

//! `empathy` as the real impact on the customer named in plain words (see `feeling.rs` and
//! `feeling_forms.rs` for the other shapes, and `docs/labelling.md`): what the customer gave up or
//! built their plans around ("you'd taken the day off for it", "you'd planned your evening around
//! us", "a trip you'd been looking forward to"), the problem landing at the worst time for them
//! ("the timing couldn't be worse", "the last thing anyone needs"), what the thing means to them
//! ("I know how important this is to you", "something as important as your daughter's wedding")
//! and an apology for what it did to them ("I'm sorry for the stress this has caused", "sorry for
//! the week you've had re-keying"), and the speaker not wanting the customer to go through
//! something ("I don't want you going into the weekend worrying", "I don't want your exams to
//! suffer for it").
//! Each is said firmly: not asked, not under "if", not negated, not in quoted words.

use super::detectors::Range;
use super::feeling_forms::{GONE, STRETCH};
use super::text::Analysed;
use super::word_sets::WordSets;

/// Every shape of this file.
pub(super) fn named(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = given_up(a, w);
    out.extend(worst_time(a, w));
    out.extend(what_it_means(a, w));
    out.extend(apologised_impact(a, w));
    out.extend(wished_away(a));
    out
}

/// True when token `k` is said firmly: the speaker's own word in a statement, not under "if",
/// not negated.
fn firm(a: &Analysed, k: usize) -> bool {
    a.asserted_at(k) && !a.in_condition(k) && a.tokens[k].negated_by.is_none()
}

/// The customer as a subject: "you", "u", "you'd", "your team", "your family".
fn customer_before(a: &Analysed, k: usize, reach: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let start = a.sentences[s].start;
    (k.saturating_sub(reach).max(start)..k).rev().find(|&j| {
        a.tokens[j].clause == a.tokens[k].clause
            && (matches!(a.word(j), "you" | "u" | "ya")
                || (matches!(a.word(j), "your" | "ur") && j + 1 < k && !a.word(j + 1).is_empty()))
    })
}

/// "You'd taken the afternoon off for this", "u booked a day off work", "you'd planned your whole
/// evening around us", "a day you had been looking forward to": the customer (`you`, `your
/// team`) having given up time (`@feeling-plan-verb` ... "off") or built plans around it
/// (`@feeling-plan-verb` ... "around"), or looking forward to something, in the past or present
/// perfect. Not "you'll need to take a day off" (a future or an instruction) nor "if you book the
/// day off".
fn given_up(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let planned = w.feeling_plan_verb.has(&t.text);
        let looking = t.text == "looking" && a.word_in(s, k + 1) == "forward";
        if !(planned || looking) || !firm(a, k) || t.quoted {
            continue;
        }
        let Some(c) = customer_before(a, k, 4) else { continue };
        // "you'll need to take", "you can book": not done, so nothing given up.
        let future = (c + 1..k).any(|j| {
            matches!(a.word(j), "will" | "can" | "could" | "should" | "need" | "must" | "to" | "might" | "may")
        });
        if future {
            continue;
        }
        let mut end = (k + 1..(k + 7).min(a.sentences[s].end)).take_while(|&j| a.tokens[j].clause == t.clause);
        let found = if looking {
            Some(k + 2)
        } else {
            // Up to the particle, not past it: "off for us" names who let them down, not someone else.
            end.find(|&j| matches!(a.word(j), "off" | "around" | "round"))
        };
        if let Some(e) = found {
            out.push((c, e));
        }
    }
    out
}

/// "With rent due tomorrow the timing couldn't be worse", "it's landed at the worst possible
/// time", "the worst kind of news", "a shock bill is the last thing anyone needs": the problem
/// said to come at the worst time or as the last thing the customer needs. Not "the worst part
/// is our system" nor "worst case" (the speaker's own view of a process), not "not the worst".
fn worst_time(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        // "couldn't be worse" is negated by design: only the statement and the condition are read.
        if t.quoted || t.retold || a.sentences[t.sentence].question_mark || a.in_condition(k) {
            continue;
        }
        let s = t.sentence;
        let next = |n: usize| a.word_in(s, k + n);
        let plain = t.negated_by.is_none();
        let found = match t.text.as_str() {
            // "the worst possible time", "the worst kind of update".
            "worst" => {
                let j = if matches!(next(1), "possible" | "imaginable" | "kind" | "sort") { k + 2 } else { k + 1 };
                let j = if a.word_in(s, j) == "of" { j + 1 } else { j };
                (plain && w.feeling_timing_noun.has(a.word_in(s, j))).then_some(j + 1)
            }
            // "couldn't be worse", "couldn't have come at a worse time".
            "worse" => {
                let could = (k.saturating_sub(6)..k).any(|j| matches!(a.word_in(s, j), "could" | "can" | "cud"));
                let denied = (k.saturating_sub(6)..k).any(|j| a.tokens[j].is_negator());
                let be_worse = a.word_in(s, k.wrapping_sub(1)) == "be";
                (could && denied && (be_worse || w.feeling_timing_noun.has(next(1)))).then_some(k + 1)
            }
            // "the last thing you need", "the last thing anyone wants".
            "last" if next(1) == "thing" => {
                let who = matches!(next(2), "you" | "u" | "anyone" | "anybody" | "ya" | "people");
                let need = matches!(next(3), "need" | "needs" | "needed" | "want" | "wants" | "wanted");
                (plain && who && need).then_some(k + 4)
            }
            _ => None,
        };
        if let Some(e) = found {
            out.push((k, e));
        }
    }
    out
}

/// "I know how important this is to you", "something as important as your daughter's wedding",
/// "such an important weekend", "a special occasion", "that trip means so much to you": what the
/// thing means to the customer (`@feeling-importance`): said to or for the customer, compared with
/// something of theirs, or exclaimed with "such", or recognised with "how". Not "it's important
/// that you bring ID" or "important to keep the receipt" (an instruction), nor "is it important to
/// you?" (asked).
fn what_it_means(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        if !w.feeling_importance.has(&t.text) || !firm(a, k) || t.quoted {
            continue;
        }
        let s = t.sentence;
        let prev = if k > a.sentences[s].start { a.word(k - 1) } else { "" };
        let customer = |j: usize| matches!(a.word_in(s, j), "you" | "u" | "your" | "ur" | "yours");
        // "important to you", "special for your family" (not "important to keep").
        let to_them = matches!(a.word_in(s, k + 1), "to" | "for") && customer(k + 2);
        // "as important as your wedding".
        let compared = prev == "as" && a.word_in(s, k + 1) == "as" && (k + 2..k + 4).any(customer);
        // "such an important weekend", "a special occasion".
        // "this is special occasion" (no article, non-native) too.
        let occasion = w.feeling_occasion.has(a.word_in(s, k + 1))
            && (matches!(prev, "such" | "an" | "a" | "your" | "ur" | "this" | "that" | "is" | "was")
                || a.word(k.wrapping_sub(2)) == "such");
        // "I know how important", "we appreciate how special".
        let recognised = prev == "how"
            && (k.saturating_sub(5).max(a.sentences[s].start)..k - 1)
                .any(|j| matches!(a.word(j), "know" | "appreciate" | "understand" | "realise" | "realize" | "see"));
        if to_them || compared || occasion || recognised {
            out.push((k, k + 2));
        }
    }
    out
}

/// "I'm sorry for the stress this has caused", "we apologise for the impact on your stock-take",
/// "sorry for the week you've had re-keying", "I am sorry for six days without heating", "I regret
/// the wasted afternoon": the speaker's own apology ("sorry", "apologise", "regret" ... "for" or
/// "about", or "regret" and its object) for what the failure did to the customer: a feeling or an
/// impact (`@feeling-apology-object`), or a stretch of time said with the customer, with what they
/// went without or as lost ([`GONE`]). Not a bare "sorry for the trouble", a generic "sorry for any
/// distress" or "sorry if ...", "sorry about last week" (a time, not what it did to them), nor
/// negated, asked or quoted.
fn apologised_impact(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let apology = matches!(
            t.text.as_str(),
            "sorry" | "soz" | "sry" | "apologise" | "apologize" | "apologies" | "apologising" | "regret"
        );
        if !apology || !firm(a, k) || t.quoted || a.sentences[s].question_mark {
            continue;
        }
        let about = (k + 1..k + 3).find(|&j| matches!(a.word_in(s, j), "for" | "about" | "4" | "abt"));
        let Some(p) = about.or((t.text == "regret").then_some(k)) else { continue };
        let end = a.sentences[s].end;
        if p + 1 >= end {
            continue;
        }
        let clause = a.tokens[p + 1].clause;
        let object: Vec<&str> =
            (p + 1..(p + 10).min(end)).take_while(|&j| a.tokens[j].clause == clause).map(|j| a.word(j)).collect();
        if object.iter().any(|x| matches!(*x, "any" | "if")) {
            continue;
        }
        let head = &object[..object.len().min(4)];
        let named = head.iter().any(|x| w.feeling_apology_object.has(x));
        let stretch = head.iter().any(|x| STRETCH.contains(x));
        let theirs = object.iter().any(|x| matches!(*x, "you" | "your" | "u" | "ur" | "without") || GONE.contains(x));
        if named || (stretch && theirs) {
            out.push((k, p + 1 + object.len()));
        }
    }
    out
}

/// What the speaker might ask the customer to do (send, bring, ring ...): not wanting the customer
/// to do an errand ("I don't want you to send it yet") recognises nothing they go through.
const ERRANDS: &[&str] = &[
    "send", "bring", "sign", "call", "ring", "phone", "email", "post", "fill", "come", "visit", "book", "click",
    "reply", "contact", "upload", "return", "cancel", "tell", "say", "give", "use", "touch", "open", "move",
];

/// "I don't want you going into the weekend worrying", "we wouldn't want your exams to suffer for
/// it", "i dont want u paying 4 our mistake", "I not want you lose this money": the speaker
/// (`i`/`we`) not wanting the customer (`you`, or `your` and something of theirs) to go through
/// something, which names it as a harm to them. Said firmly in a statement, not under "if", not
/// quoted; not "do you want ...?" (the customer's wish), not "I don't want your card number" (no
/// clause after it) nor an errand (`ERRANDS`: "I don't want you to send it yet").
fn wished_away(a: &Analysed) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "want" | "wanted" | "wish" | "wanna") || t.quoted || t.retold {
            continue;
        }
        let s = t.sentence;
        let Some(n) = t.negated_by.filter(|&n| n < k && a.tokens[n].clause == t.clause) else { continue };
        if a.sentences[s].question_mark || a.in_condition(k) {
            continue;
        }
        let start = a.sentences[s].start;
        let speaker = (n.saturating_sub(4).max(start)..n)
            .any(|j| a.tokens[j].clause == t.clause && matches!(a.word(j), "i" | "we"));
        if !speaker {
            continue;
        }
        let same = |j: usize| a.tokens.get(j).is_some_and(|x| x.sentence == s && x.clause == t.clause);
        let verb = match a.word_in(s, k + 1) {
            "you" | "u" | "ya" => Some(if a.word_in(s, k + 2) == "to" { k + 3 } else { k + 2 }),
            // "your exams to suffer", "your plans on hold", "ur weekend ruined".
            "your" | "ur" => (k + 3..k + 6).find(|&j| {
                same(j) && (matches!(a.word(j), "to" | "on" | "ruined" | "wasted") || a.word(j).ends_with("ing"))
            }),
            _ => None,
        };
        let Some(v) = verb.filter(|&v| same(v)) else { continue };
        if ERRANDS.contains(&a.word(v)) || ERRANDS.iter().any(|e| a.word(v).strip_suffix("ing") == Some(e)) {
            continue;
        }
        out.push((n, v + 1));
    }
    out
}

#[cfg(test)]
mod tests {
    fn empathy(text: &str) -> bool {
        super::super::rule_probe::rule_met_named("empathy", text, "Mr Adeyemi", "Lena Fox")
    }

    fn all(expected: bool, texts: &[&str]) {
        let wrong: Vec<&&str> = texts.iter().filter(|t| empathy(t) != expected).collect();
        assert!(wrong.is_empty(), "expected {expected}: {wrong:#?}");
    }

    #[test]
    fn what_the_customer_gave_up_or_planned_around() {
        all(
            true,
            &[
                "And you'd taken the whole morning off for us.",
                "u booked a day off work 4 this n we never showed",
                "You had planned your Saturday around our visit.",
                "Sir, you organise all the family around this delivery, I know.",
                "That was a weekend you'd been looking forward to for months.",
                "your team rearranged their shifts round the install",
            ],
        );
        all(
            false,
            &[
                "You'll need to take a morning off for the fitting.",
                "If you book the day off, we can come at eight.",
                "Did you take the day off?",
                "You can plan around the 2pm slot.",
                "I took the day off on Friday, so I missed your call.",
                "You didn't need to take time off, the engineer has a key.",
                "I'm looking forward to meeting you.",
            ],
        );
    }

    #[test]
    fn the_worst_time_for_them() {
        all(
            true,
            &[
                "With your rent due on Monday, the timing couldn't be worse.",
                "this has landed at the worst possible moment for u",
                "It's the worst kind of news to get before a holiday.",
                "A broken boiler in January is the last thing anyone needs.",
                "honestly couldnt have come at a worse time",
            ],
        );
        all(
            false,
            &[
                "The worst part is our booking system.",
                "Worst case, we send a new one on Monday.",
                "It's not the worst thing, the part is cheap.",
                "What's the worst that could happen?",
                "The last thing I need is another audit.",
                "If the timing is worse for you, tell me.",
            ],
        );
    }

    #[test]
    fn what_it_means_to_them() {
        all(
            true,
            &[
                "I know how important this dress is.",
                "Something as important as your son's graduation should not go wrong.",
                "It was such an important weekend and we let it slip.",
                "Madam, this is special occasion for your family, I understand.",
                "i get how much it matters, its a special day 4 u",
                "I appreciate how important the deadline is to you.",
            ],
        );
        all(
            false,
            &[
                "It's important that you bring photo ID.",
                "It is important to keep the receipt.",
                "Is the date important to you?",
                "We have a special offer on boilers this month.",
                "Important: the office closes at five.",
                "Please send it by special delivery.",
            ],
        );
    }

    #[test]
    fn an_apology_for_what_it_did_to_them() {
        all(
            true,
            &[
                "I'm so sorry for the stress this has put on your family.",
                "soz 4 the worry, parcel is on its way now",
                "We apologise for the disruption to your trading day.",
                "Really sorry for the weekend you've had with no heating.",
                "I am sorry for two days without water, this is our fault.",
                "I regret the wasted morning, madam.",
                "um yeah I'm sorry about the worry this has caused you um",
            ],
        );
        all(
            false,
            &[
                "Sorry for the trouble, your ref is 4471.",
                "Sorry about last week, I was off.",
                "Sorry for the morning call, just confirming Friday.",
                "Sorry for the delay, the engineer is booked for Monday.",
                "I won't apologise for the disruption, the works were needed.",
                "Should I apologise for the disruption?",
                "We regret to say the part is discontinued.",
            ],
        );
    }

    #[test]
    fn not_wanting_them_to_go_through_it() {
        all(
            true,
            &[
                "I don't want you spending the whole weekend worrying about this.",
                "we wouldn't want your exam prep to suffer because of our delay",
                "i dont want u paying 4 our mistake, so the fee is gone",
                "Madam, I not want you lose the deposit, so I keep the room for you.",
                "Honestly I do not want you sitting there without heating another night.",
                "I didn't want your holiday plans left hanging, so I rang them myself.",
            ],
        );
        all(
            false,
            &[
                "I don't want you to send the parts back yet, we'll collect them.",
                "I don't want your card number over chat, please.",
                "Do you want me to book the engineer?",
                "If you don't want the upgrade, I can cancel it.",
                "We don't want to keep you any longer.",
                "He doesn't want you to ring the depot directly.",
                "You said 'I don't want you losing my parcel again'.",
            ],
        );
    }
}

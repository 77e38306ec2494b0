//! Blame said without a fault word, read by who is asked, excused or made the owner: a question
//! that accuses the customer of what they did ("did you even read the email?", "why did you ring
//! the contractor directly?"), the speaker's own missed duty excused by someone else ("the result
//! only came Tuesday, so I had nothing to tell you", "I couldn't ring because the bakery never
//! answered"), and the problem called another party's kind of issue ("it's a manufacturer issue",
//! "that's a head office decision").
//!
//! All are finds in the shape of `walls.rs` (a range and whether it blames even in an answer that
//! helps) and are read by `blame::wall_blame`, so a sentence that owns the failure still clears them.
//! The doubt words are the `accusing-doubt` list; the rest is grammar (who is the subject, which
//! helper is past), kept in code.

use super::blame::asks;
use super::detectors::{DetectorContext, Range, find};
use super::text::Analysed;
use super::walls::Wall;

/// Every accusing question and excused missed duty of the answer, in order.
pub(super) fn accusations(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let mut out = accusing_questions(a, cx);
    out.extend(excused_duties(a, cx));
    out.extend(someone_elses_issue(a, cx));
    out.extend(stressed_customer_acts(a, cx));
    out.extend(clipped_faults(a, cx));
    out.extend(set_apart(a, cx));
    // As with the walls: a weak find said while the speaker does something about it is information.
    if out.iter().any(|(_, strong)| !strong) && super::walls::acts(a, cx) {
        out.retain(|(_, strong)| *strong);
    }
    out
}

/// Helpers that ask the customer about what they did (not "do you want...", a present offer).
fn past_helper(word: &str) -> bool {
    matches!(word, "did" | "have" | "had")
}

/// True when the words before `k` in its sentence are only fillers ("um", "I mean", "so"): a spoken
/// question asked without a question mark.
fn opens_sentence(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    let s = &a.sentences[a.tokens[k].sentence];
    (s.start..k).all(|j| cx.lists.words.tone_question_filler.has(a.word(j)) || matches!(a.word(j), "i" | "mean"))
}

/// Questions that put the customer at fault for what they did or did not do: a past helper asked of
/// "you" with a word of doubt ("did you even read it?", "did u actually press submit", "have you
/// really checked?"), with the helper negated ("did you not get our letters?"), or asking why the
/// customer did it ("why did you contact the contractor directly?", "why you did not report it?").
/// A doubt word or "why" blames even while helping; a negated helper alone only where the answer
/// owns and does nothing (it may be a real check: "did you not get my text?"). Not a question
/// about the speaker ("did I even send it?"), nor "have you got..." (possession), nor "why don't
/// you..." (a suggestion), nor quoted or retold words.
fn accusing_questions(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let doubt = &cx.lists.words.accusing_doubt;
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        if t.quoted || t.retold {
            continue;
        }
        let s = t.sentence;
        let sentence = &a.sentences[s];
        let w = |n: usize| a.word_in(s, k + n);
        // Where "you" is and whether the helper before it is negated: "did you", "did not you"
        // ("didn't you"); or after "why": "why did you", "why you did", "why you contacted".
        let (you, negated, why) = if past_helper(&t.text) {
            match (w(1), w(2)) {
                ("you", next) => (k + 1, next == "not", false),
                ("not", "you") => (k + 2, true, false),
                _ => continue,
            }
        } else if t.text == "why" {
            match (w(1), w(2), w(3)) {
                (h, "you", _) if past_helper(h) => (k + 2, false, true),
                (h, "not", "you") if past_helper(h) => (k + 3, true, true),
                ("you", v, _) if past_helper(v) || (v.ends_with("ed") && v.len() > 3) => (k + 1, false, true),
                _ => continue,
            }
        } else {
            continue;
        };
        // "Have you got your reference?" asks what the customer has.
        if a.word(k) == "have" && a.word_in(s, you + 1) == "got" {
            continue;
        }
        if !(sentence.question_mark || opens_sentence(a, cx, k)) {
            continue;
        }
        let clause = a.tokens[you].clause;
        let rest = (you + 1..sentence.end).filter(|j| a.tokens[*j].clause == clause).take(10);
        let doubted = rest.clone().any(|j| doubt.has(a.word(j)) && !a.tokens[j].quoted);
        let end = rest.last().map_or(you + 1, |j| j + 1);
        if doubted || why {
            out.push(((k, end), true));
        } else if negated && opens_sentence(a, cx, k) {
            // Only at the head of its sentence: "..., didn't you know?" is a tag, not a question
            // about what the customer did.
            out.push(((k, end), false));
        }
    }
    out
}

/// The speaker's own missed duty said as someone else's doing: the speaker could not do, had
/// nothing or did not have (past) and the cause is a third party or thing, in a clause before
/// "so" ("the test result came only Tuesday, so I had nothing to tell you", "they never came back
/// to me so I couldn't ring you") or after "because", "as", "since" or "cos" ("I couldn't call
/// because the system was down"). Not a present inability while helping ("the part hasn't come,
/// so I can't give you a date": information), not a cause that is the speaker's own ("because I
/// was off sick") or the customer's, not under a negation or in quoted words.
fn excused_duties(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "i" | "we") || !t.is_own_word() {
            continue;
        }
        let s = t.sentence;
        let Some(end) = past_lack(a, s, i + 1) else { continue };
        let sentence = &a.sentences[s];
        // The clause just before, joined by "so": "X, so I couldn't".
        let so_at = (sentence.start..i).rev().take_while(|j| i - j <= 4).find(|j| a.word(*j) == "so");
        let before = so_at.and_then(|so| {
            let clause = a.tokens.get(so.checked_sub(1)?)?.clause;
            let from = (sentence.start..so).find(|j| a.tokens[*j].clause == clause)?;
            third_party_subject(a, cx, from, so).then_some((from, end))
        });
        // A cause after: "I couldn't ring because the bakery never answered".
        let after = (end..sentence.end).take(8).find(|j| matches!(a.word(*j), "because" | "as" | "since" | "cos"));
        let after = after.and_then(|c| {
            let stop =
                (c + 1..sentence.end).find(|j| a.tokens[*j].clause != a.tokens[c + 1].clause).unwrap_or(sentence.end);
            third_party_subject(a, cx, c + 1, stop).then_some((i, stop))
        });
        if let Some(r) = before.or(after) {
            out.push((r, true));
        }
    }
    out
}

/// The end of a past lack said by the subject before `at`: "could not", "was/were not able",
/// "was/were unable", "had nothing|no", "did not have|know" (adverbs like "really" skipped).
fn past_lack(a: &Analysed, s: usize, at: usize) -> Option<usize> {
    let mut k = at;
    while matches!(a.word_in(s, k), "just" | "really" | "actually" | "honestly" | "simply" | "then" | "still") {
        k += 1;
    }
    let w = |n: usize| a.word_in(s, k + n);
    let end = match (w(0), w(1), w(2)) {
        ("could", "not", _) => k + 2,
        ("was" | "were", "not", "able") | ("was" | "were", "unable", _) => k + 2,
        ("had", "nothing" | "no", _) => k + 2,
        ("did", "not", "have" | "know") => k + 3,
        _ => return None,
    };
    Some(end)
}

/// True when the clause `from..to` is about a third party or a thing: it starts (after fillers)
/// with "they", "he", "she", a named party or colleague, or "the"/"their"/"his"/"her" and a noun,
/// and has no "i", "we" or "you" before its verb ("I was off" is the speaker's own cause).
fn third_party_subject(a: &Analysed, cx: &DetectorContext, from: usize, to: usize) -> bool {
    let skip = |j: usize| {
        cx.lists.words.tone_question_filler.has(a.word(j)) || matches!(a.word(j), "basically" | "honestly" | "because")
    };
    let Some(first) = (from..to).find(|j| !skip(*j)) else { return false };
    if a.tokens[first].quoted || a.tokens[first].negated_by.is_some() {
        return false;
    }
    let party = |j: usize| {
        find(&cx.lists.blame_target, a, cx).iter().chain(find(&cx.lists.party, a, cx).iter()).any(|r: &Range| r.0 == j)
            || super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some()
    };
    let subject = matches!(a.word(first), "they" | "he" | "she" | "the" | "their" | "his" | "her") || party(first);
    let own = (first..to.min(first + 4)).any(|j| matches!(a.word(j), "i" | "we" | "you" | "me" | "us" | "my" | "your"));
    subject && !own
}

/// The problem called another party's kind of issue: "<be> a|an <party> issue|problem|matter|
/// thing|decision|department" ("it's a manufacturer issue", "that's a store issue, we're customer
/// services", "an IT issue unfortunately"), the party one word of a `blame-target` entry ("the
/// manufacturer", "head office") or "IT". A wall: blame only where the answer owns and does nothing
/// ("that's a courier issue, but I'll chase them today" names a cause while fixing it). Not negated
/// ("it isn't a courier issue") and not a question.
fn someone_elses_issue(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    // Each entry without its article ("head office", "manufacturer"), and its last word ("shop"
    // of "the other shop"), less the words that name no one in particular.
    let entries = cx.lists.sets.get("blame-target").into_iter().flatten();
    let parties: Vec<&str> = entries
        .flat_map(|m| [m.trim_start_matches("the ").trim_start_matches("our "), m.split(' ').next_back().unwrap_or("")])
        .filter(|w| !matches!(*w, "" | "team" | "they" | "them" | "else" | "staff" | "agent" | "department" | "system"))
        .collect();
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "a" | "an") || !t.is_own_word() || asks(a, t.sentence) {
            continue;
        }
        let s = t.sentence;
        let be = i > 0 && (matches!(a.word(i - 1), "is" | "are" | "was" | "were") || a.tokens[i - 1].possessive);
        let kind_of = |k: usize| {
            matches!(a.word_in(s, k), "issue" | "problem" | "matter" | "thing" | "decision" | "department" | "question")
        };
        let one = a.word_in(s, i + 1);
        let two = format!("{one} {}", a.word_in(s, i + 2));
        let end = if kind_of(i + 2) && (one == "it" || parties.contains(&one)) {
            i + 3
        } else if kind_of(i + 3) && parties.contains(&two.as_str()) {
            i + 4
        } else {
            continue;
        };
        if be {
            out.push(((i - 1, end), false));
        }
    }
    out
}

/// The customer's own act stressed as the cause, an emphatic "you did <verb>" said as a statement
/// at the head of its clause or after a stance word (`blame-stance`): "you did tick the box saying
/// non-refundable", "to be fair you did skip the backup step", "Priya, you did click the
/// attachment". Strong: it blames while helping. Not praise or the customer doing their part
/// ("you did nothing wrong", "you did tell us": `blame-stressed-not`), not the act as an object
/// ("anything you did wrong", "the dates you did"), not negated, quoted or asked.
fn stressed_customer_acts(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !matches!(t.text.as_str(), "you" | "u") || a.word_in(s, i + 1) != "did" || !t.is_own_word() {
            continue;
        }
        let sentence = &a.sentences[s];
        let verb = a.word_in(s, i + 2);
        let heads =
            i == sentence.start || a.tokens[i - 1].clause != t.clause || cx.lists.words.blame_stance.has(a.word(i - 1));
        // "you did get my email, didn't you?": a check on what reached the customer, not their act.
        let received = matches!(verb, "get" | "receive" | "have" | "see" | "hear");
        if asks(a, s) || received || !heads || verb.is_empty() || cx.lists.words.blame_stressed_not.has(verb) {
            continue;
        }
        out.push(((i, (i + 4).min(sentence.end)), true));
    }
    out
}

/// A fault given to someone else in a clipped possessive: "Courier's fault.", "engineering's
/// mistake for not warning you" (`blame-clipped-fault`, strong), "Bank's
/// problem, not ours" or "the supplier's end" with nothing after it in the clause
/// (`blame-clipped-place`, a wall), and a possessive alone opening its sentence ("Manufacturer's,
/// technically."). Not the speaker's or the customer's side ("our driver's mistake", "your
/// bank's"), not the customer by name, not a time ("last week's call"), not negated ("it isn't the
/// courier's fault") or asked.
fn clipped_faults(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let sentence = &a.sentences[s];
        if !t.possessive || !t.is_own_word() || asks(a, s) {
            continue;
        }
        let clause_from = a.clause_span(i).0;
        let negated = (clause_from..i).any(|j| a.tokens[j].is_negator() || a.tokens[j].negated_by.is_some());
        let owner = (clause_from..i).any(|j| matches!(a.word(j), "our" | "my" | "your" | "ur" | "yr" | "their"));
        let customer = (i.saturating_sub(2)..=i)
            .any(|j| super::phrase::name_at(&a.tokens, j, &cx.names.customer).is_some_and(|len| j + len > i));
        let time = (i.saturating_sub(1)..=i).any(|j| a.times().day_or_time_at(j).is_some());
        if negated || owner || customer || time || cx.lists.words.blame_clipped_not_owner.has(&t.text) {
            continue;
        }
        let next = a.word_in(s, i + 1);
        let clause_ends = a.tokens.get(i + 2).is_none_or(|n| n.sentence != s || n.clause != t.clause);
        let opens =
            (sentence.start..i).all(|j| cx.lists.words.tone_question_filler.has(a.word(j)) || a.word(j) == "the");
        let alone = opens && a.tokens.get(i + 1).is_none_or(|n| n.sentence != s || n.clause != t.clause);
        // "Tomasz's mistake was mine to catch": the fault named and then claimed by the speaker.
        if super::blame::claimed_after(a, i + 1) {
            continue;
        }
        if cx.lists.words.blame_clipped_fault.has(next) {
            out.push(((i, i + 2), true));
        } else if (cx.lists.words.blame_clipped_place.has(next) && clause_ends) || alone {
            out.push(((i, (i + 2).min(sentence.end)), false));
        }
    }
    out
}

/// Another body drawn apart from the speaker's side: "<be> [a|an] [adverb] <apart word>" with an
/// organisation noun, "from" or nothing after it in the clause (`blame-apart-word`,
/// `blame-apart-noun`: "the warehouse is a diff company", "events is separate", "the store's a
/// franchise", "they're a completely separate team"): strong, it disowns the problem while
/// helping. And a request said to fall outside what the speaker does ("this falls outside my
/// remit", "wireless issues fall outside the scope of first-line support"): a wall. Not "here is
/// different", not negated, quoted or asked; the speaker setting it aside is read by `blame.rs`.
fn set_apart(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !t.is_own_word() || asks(a, s) {
            continue;
        }
        if matches!(t.text.as_str(), "fall" | "falls" | "fell" | "falling") && a.word_in(s, i + 1) == "outside" {
            out.push(((i, (i + 4).min(a.sentences[s].end)), false));
            continue;
        }
        if !cx.lists.words.blame_apart_word.has(&t.text) {
            continue;
        }
        // Back over articles and adverbs to the verb "be" (or a possessive 's read as "is").
        let mut k = i;
        while k > a.sentences[s].start
            && matches!(
                a.word(k - 1),
                "a" | "an" | "completely" | "totally" | "entirely" | "actually" | "technically" | "just"
            )
        {
            k -= 1;
        }
        let be = k > a.sentences[s].start
            && (matches!(a.word(k - 1), "is" | "are" | "was" | "were") || a.tokens[k - 1].possessive);
        let subject = a.word(k.wrapping_sub(2));
        let next =
            a.tokens.get(i + 1).filter(|n| n.sentence == s && n.clause == t.clause).map_or("", |n| n.text.as_str());
        let fits = next.is_empty() || next == "from" || cx.lists.words.blame_apart_noun.has(next);
        if be && fits && !matches!(subject, "here" | "this" | "i" | "we") {
            out.push(((k - 1, i + 1 + usize::from(!next.is_empty())), true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Baptiste", text)
    }

    #[test]
    fn a_question_that_puts_the_customer_at_fault_is_blame() {
        for yes in [
            "Did you even read the email?",
            "did u actually press submit lol",
            "You did check the box? Did you really check it?",
            "Could you explain why you contacted the engineer directly rather than through us?",
            "Why you did not send the form before?",
            "um did you actually fill it in properly the first time because there's nothing here",
            "Did you not get our letters about the renewal?",
            "Have you honestly looked at the tracking? I've booked the redelivery for Friday anyway.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_question_that_only_asks_is_not_blame() {
        for no in [
            "Did you get my email this morning?",
            "Have you had a chance to look at the quote?",
            "Have you got your reference number there?",
            "Did I even send it? Let me check, and if not, that's on me.",
            "Why don't you let me sort the form for you?",
            "Did you want me to call you at 4?",
            "Really sorry, did you get the refund in the end?",
            "You asked 'did you even read it?', and you were right to.",
            "Did you not get my text? I'm so sorry, I should have rung as well.",
            "Nadia reads minds, didn't you know?",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn the_problem_called_another_partys_issue_is_a_wall() {
        for yes in [
            "Hey, can't help with that here, it's a manufacturer issue.",
            "thats a courier problem sry",
            "I'm afraid that is a head office decision.",
            "Is a warehouse problem, not from us.",
            "um yeah so that's that's an IT issue really",
        ] {
            assert!(blames(yes), "{yes}");
        }
        for no in [
            "That's a warehouse thing, so I've rebooked your delivery for Friday myself.",
            "It isn't a warehouse problem at all, it's ours, and I'm sorry.",
            "That's a horrible thing to come home to.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn a_missed_duty_excused_by_someone_else_is_blame() {
        for yes in [
            "The test result only came Tuesday, so on Monday I had nothing to tell you.",
            "they never came back to me so i couldnt ring u",
            "I could not call you because the warehouse did not answer me.",
            "We were unable to contact you as the system was down all week.",
            "so yeah um basically the bakery never rang back so I couldn't really call you",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_missed_duty_owned_or_a_limit_while_helping_is_not_blame() {
        for no in [
            "The part hasn't come, so I can't give you a date, but I'll ring you Friday with news.",
            "I couldn't call because I was off sick, and that's on me, I should have asked someone.",
            "I couldn't call you because the bakery never rang back, and that's on me, I should have chased.",
            "I could not ring you as the bakery never answered. That was my mistake, I should have chased them.",
            "I couldn't have done it without Tomasz, he's booked you in for Friday.",
            "Your policy doesn't cover this, so we can't pay for the floor; I've sent the plumber's cheque.",
            "I didn't want to ring before I had the answer.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn a_clipped_possessive_fault_is_blame() {
        for yes in [
            "Courier's fault, not ours. I'll chase them anyway.",
            "honestly its the banks fault m8",
            "um yeah so that's that's head office's doing really",
            "Engineering's fault for not warning you earlier. I'm emailing you the steps now.",
            "Manufacturer's, technically. Their helpline's on the box.",
            "Bank's problem, not ours.",
        ] {
            assert!(blames(yes), "{yes}");
        }
        for no in [
            "It isn't the courier's fault, it's ours.",
            "Our driver's mistake, and I'm sorry.",
            "Last week's call should have gone to groups and didn't; I'll ring you at 4.",
            "Your boiler's problem is the valve, I'll fix it now.",
            "It's nobody's fault really, and I'll sort it today.",
            "You'll get Nadia Quinn's decision by Thursday.",
            "Is it the bank's fault? I'll check now.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn the_customers_act_stressed_as_the_cause_is_blame() {
        for yes in [
            "Well, Mr Baptiste, you did tick the box saying non-refundable.",
            "to be fair you did skip the backup step",
            "Well I mean you did ignore three reminders.",
            "you did sign the form saying you'd read it",
        ] {
            assert!(blames(yes), "{yes}");
        }
        for no in [
            "You did nothing wrong, I'll sort it.",
            "You did exactly the right thing calling us.",
            "Thanks, you did send it, I've found it now.",
            "You did tell us, and we ignored it, I'm sorry.",
            "it isn't anything you did wrong",
            "Did you do the meter reading yet?",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn another_body_drawn_apart_is_blame() {
        for yes in [
            "The warehouse is a separate company, so I can't see their stock.",
            "um they're a totally different team so yeah",
            "Specialist support is a separate service; please contact them.",
            "the store's a franchise, so what they tell you isn't on us",
            "Your booking falls outside the refund window, I'm afraid.",
        ] {
            assert!(blames(yes), "{yes}");
        }
        for no in [
            "It's a different colour this time, sorry, I'll swap it.",
            "Here is different, I will help you myself.",
            "I'm not going to tell you the cleaners are a separate company: that's on us.",
            "Is the warehouse a separate company?",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn the_customers_fault_put_as_a_tag_question_is_blame() {
        for yes in [
            "You could've rung to check the time, couldn't you?",
            "you did tick the box, didn't you?",
            "Well you signed the form saying non-refundable, didn't you?",
            "You should have called us first, shouldn't you? Anyway, I've rebooked it.",
            "Is a warehouse problem, isn't it? Not from us.",
        ] {
            assert!(blames(yes), "{yes}");
        }
        for no in [
            "Did you get a reference number?",
            "You did get my email this morning, didn't you?",
            "You've had the parcel now, haven't you?",
            "Could you have missed the card, do you think?",
            "so did u ring the shop first or come straight to us?",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

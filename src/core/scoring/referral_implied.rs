//! Send-aways said without an instruction of the usual shape (see `referral.rs` and
//! `docs/labelling.md`): the customer's quarrel placed with someone else ("your problem's with the
//! shop now", "that's between you and the landlord"), a written request to be sent on ("send your
//! complaint to head office"), someone else who must act for the customer ("the shop has to call
//! us, not you"), a suggestion asked as a question ("maybe ask the service manager?"), the case
//! denied and its owner named ("Not a branch thing. Compliance."), and a channel given after a
//! wish the customer may have ("if u want 2 complain email complaints@...").

use super::detectors::{DetectorContext, Range};
use super::referral::{elsewhere, past_determiners, to_someone_else, verb_at};
use super::text::Analysed;

/// Every send-away of this file's shapes.
pub(super) fn implied(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = quarrel_with(a, cx);
    out.extend(between_you_and(a));
    out.extend(request_sent_on(a, cx));
    out.extend(they_must_act(a, cx));
    out.extend(suggested_as_question(a, cx));
    out.extend(denied_and_named(a, cx));
    out.extend(wish_then_told(a, cx));
    out.extend(cleft_party(a, cx));
    out.extend(routed_by_duty(a, cx));
    out.extend(best_to(a, cx));
    out.extend(you_need_party(a, cx));
    out.retain(|r| !super::referral_forms::speaker_keeps_it(a, cx, *r));
    out
}

/// True when a party other than the speaker is named at or just after `j`: someone a customer
/// may be sent to, or the colleague by name.
fn party_at(a: &Analysed, cx: &DetectorContext, j: usize) -> bool {
    let Some(s) = a.tokens.get(j).map(|t| t.sentence) else { return false };
    let k = past_determiners(a, s, j);
    let own = matches!(a.word_in(s, k), "me" | "us" | "our" | "my" | "we" | "i" | "you" | "u" | "yourself" | "myself");
    !own && (k..k + 3).any(|m| elsewhere(cx, a.word_in(s, m)) || named_at(a, cx, m))
}

fn named_at(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    !cx.names.colleague.is_empty() && super::phrase::name_at(&a.tokens, k, &cx.names.colleague).is_some()
}

/// "Your problem's with the shop now", "ur issue is with the courier", "your contract is with the
/// retailer, not us": the customer's quarrel (`@referral-quarrel-noun`) placed with someone else.
fn quarrel_with(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let yours = k > 0 && matches!(a.word_in(s, k - 1), "your" | "ur");
        if !yours || !cx.lists.words.referral_quarrel_noun.has(&t.text) || !a.asserted_at(k) {
            continue;
        }
        let mut j = k + 1;
        if !t.possessive && !matches!(a.word_in(s, j), "is" | "lies" | "sits" | "rests") {
            continue;
        }
        while matches!(
            a.word_in(s, j),
            "is" | "lies" | "sits" | "rests" | "now" | "really" | "actually" | "just" | "only"
        ) {
            j += 1;
        }
        if a.word_in(s, j) == "with" && party_at(a, cx, j + 1) {
            out.push((k - 1, j + 2));
        }
    }
    out
}

/// "That's between you and your insurer", "thats between u and the landlord": the matter left to
/// the customer and someone else. Not "between you and me".
fn between_you_and(a: &Analysed) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let you = matches!(a.word_in(s, k + 1), "you" | "u" | "yourself") && a.word_in(s, k + 2) == "and";
        let other = a.word_in(s, k + 3);
        let own = matches!(other, "me" | "us" | "i" | "we" | "myself" | "ourselves" | "my" | "our" | "");
        if t.text == "between" && you && !own && a.asserted_at(k) {
            out.push((k, k + 4));
        }
    }
    out
}

/// True when the word before `v` (past `@referral-opener` words, or "you" and `@referral-frame`
/// words) leaves `v` an instruction to the customer: the clause's start, or "you" ("you'll want
/// to send your complaint to ...").
fn told_at(a: &Analysed, cx: &DetectorContext, v: usize) -> bool {
    let t = &a.tokens[v];
    let w = &cx.lists.words;
    let mut k = v;
    while k > 0 && a.tokens[k - 1].sentence == t.sentence && w.referral_opener.has(a.word(k - 1)) {
        k -= 1;
    }
    if k == 0 || a.tokens[k - 1].sentence != t.sentence || a.tokens[k - 1].clause != t.clause {
        return true;
    }
    while k > 0 && a.tokens[k - 1].sentence == t.sentence && w.referral_frame.has(a.word(k - 1)) {
        k -= 1;
    }
    let modal = (k..v).any(|j| w.referral_modal.has(a.word(j)));
    k > 0 && matches!(a.word(k - 1), "you" | "u") && modal && !(k..v).any(|j| a.tokens[j].is_negator())
}

/// "Send your complaint to the head office address", "forward ur claim 2 the insurers": a written
/// request (`@referral-sent-noun`) the customer is told to send (`@referral-send-verb`) to
/// someone else. Not "send the photo to the bakery" (a thing for the speaker's plan), nor "send
/// your complaint to me".
fn request_sent_on(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for (v, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !w.referral_send_verb.has(&t.text) || !a.asserted_at(v) || !told_at(a, cx, v) {
            continue;
        }
        let Some(n) = (v + 1..v + 5).find(|&k| w.referral_sent_noun.has(a.word_in(s, k))) else { continue };
        let to = (n + 1..n + 4).find(|&k| matches!(a.word_in(s, k), "to" | "2"));
        if let Some(to) = to.filter(|&to| party_at(a, cx, to + 1)) {
            out.push((v, to + 2));
        }
    }
    out
}

/// "The shop has to call us, not you", "your employer needs to email us the form", "it has to come
/// from your landlord": someone else who must act for the customer, so the customer must go to
/// them. Not "the shop will call you" (what will happen), nor "the engineer must call you first".
fn they_must_act(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let (verb, modal_len) = match (t.text.as_str(), a.word_in(s, k + 1)) {
            ("must" | "should", _) => (k + 1, 1),
            ("has" | "have" | "needs" | "need", "to" | "2") => (k + 2, 2),
            _ => continue,
        };
        if k == 0 || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let subject = k - 1;
        let them = a.tokens[subject].sentence == s && (elsewhere(cx, a.word(subject)) || named_at(a, cx, subject));
        let not_pronoun = !matches!(a.word(subject), "them" | "they" | "him" | "her" | "em" | "someone" | "somebody");
        let contacts_us = cx.lists.words.referral_contact_verb.has(a.word_in(s, verb))
            && matches!(a.word_in(s, verb + 1), "us" | "me");
        let from_them = matches!(a.word(subject), "it" | "this" | "that" | "request" | "instruction")
            && a.word_in(s, verb) == "come"
            && a.word_in(s, verb + 1) == "from"
            && party_at(a, cx, verb + 2);
        if (them && not_pronoun && contacts_us) || from_them {
            out.push((subject, k + modal_len + 2));
        }
    }
    out
}

/// "Maybe ask the service manager?", "perhaps try the front desk?", "why not give the council a
/// ring?": a suggestion to go elsewhere softened into a question. Not "maybe ask me again
/// tomorrow?", nor "why not try restarting it?".
fn suggested_as_question(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let asked = a.sentences[s].question_mark && t.is_own_word();
        let soft = match t.text.as_str() {
            "maybe" | "perhaps" | "possibly" | "mayb" => k + 1,
            "why" if a.word_in(s, k + 1) == "not" => k + 2,
            _ => continue,
        };
        let opens = k == a.sentences[s].start
            || a.tokens[k - 1].clause != t.clause
            || cx.lists.words.referral_opener.has(a.word(k - 1));
        let v = if a.word_in(s, soft) == "just" { soft + 1 } else { soft };
        let verb = verb_at(a, cx, v).filter(|_| !a.word_in(s, v).ends_with("ing"));
        if asked && opens && verb.is_some() && to_someone_else(a, cx, v) {
            out.push((k, v + 1));
        }
    }
    out
}

/// True when the words at `k` deny the case is the speaker's: "not" (with "my", "our", "really"
/// ...) and `@referral-not-ours-noun` ("not really my area", "not us"), "not a" with one word and
/// such a noun ("not a branch thing"), or "wrong" and such a noun ("wrong department").
fn denies_at(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    let s = a.tokens[k].sentence;
    let noun = |m: usize| cx.lists.words.referral_not_ours_noun.has(a.word_in(s, m));
    match a.word(k) {
        "not" => {
            let mut j = k + 1;
            while matches!(a.word_in(s, j), "really" | "exactly" | "actually" | "my" | "our" | "strictly") {
                j += 1;
            }
            noun(j) || (matches!(a.word_in(s, j), "a" | "an") && noun(j + 2))
        }
        "wrong" => noun(k + 1),
        _ => false,
    }
}

/// The words naming who handles the case in the clause starting at `c`: a party alone, said as
/// the whole clause ("Compliance.", "Gareth.", "payroll mate"). Pointing at a party ("that's the
/// desk at the airport") or saying what it does ("payroll handle that") were labelled blame
/// rather than a send-away on train and dev, so they do not count here.
fn names_owner(a: &Analysed, cx: &DetectorContext, c: usize) -> Option<Range> {
    let t = &a.tokens[c];
    let end = (c..a.tokens.len())
        .take_while(|&k| a.tokens[k].clause == t.clause && a.tokens[k].sentence == t.sentence)
        .count()
        + c;
    let mut j = c;
    while j < end && matches!(a.word(j), "the" | "your" | "ur" | "their") {
        j += 1;
    }
    let party = |m: usize| m < end && (elsewhere(cx, a.word(m)) || named_at(a, cx, m));
    let first = (j..(j + 2).min(end)).find(|&m| party(m) && a.tokens[m].negated_by.is_none())?;
    // "Domains team.", "the lettings office": one word naming which team or office it is.
    let which = |m: usize| {
        m + 1 == first && m == j && matches!(a.word(first), "team" | "department" | "dept" | "desk" | "office")
    };
    let alone = end - c <= 3
        && (c..end).all(|m| {
            m == first
                || which(m)
                || party(m)
                || matches!(a.word(m), "the" | "your" | "ur" | "their" | "then" | "mate" | "love")
        });
    alone.then_some((c, first + 1))
}

/// "Not a branch thing. Compliance.", "Wrong department love, payroll.", "Same person as always.
/// Gareth. Good luck.": the case denied as the speaker's and its owner named alone in the same
/// sentence or the next two, or a name alone wished luck.
fn denied_and_named(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let denials: Vec<usize> = (0..a.tokens.len())
        .filter(|&k| a.tokens[k].is_own_word() && denies_at(a, cx, k))
        .map(|k| a.tokens[k].sentence)
        .collect();
    let mut out = Vec::new();
    for c in 0..a.tokens.len() {
        let t = &a.tokens[c];
        let s = t.sentence;
        let opens = c == 0 || a.tokens[c - 1].clause != t.clause || a.tokens[c - 1].sentence != s;
        if !opens || !t.is_own_word() || a.sentences[s].question_mark {
            continue;
        }
        let Some(r) = names_owner(a, cx, c) else { continue };
        let denied = denials.iter().any(|&d| d <= s && d + 2 >= s);
        let next = a.sentences.get(s + 1).map(|n| n.start);
        let luck = next.is_some_and(|n| a.word(n) == "good" && a.word(n + 1) == "luck");
        if denied || (luck && a.sentences[s].end - a.sentences[s].start <= 2) {
            out.push(r);
        }
    }
    out
}

/// "if u want 2 complain email complaints@...", "if you'd like to complain write to the
/// ombudsman": a wish of the customer's taken as the condition, then a told verb of contacting
/// someone else with no comma between, which opens the main clause.
fn wish_then_told(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let wish = t.text == "if"
            && matches!(a.word_in(s, k + 1), "you" | "u")
            && matches!(a.word_in(s, k + 2), "want" | "wanna" | "wish" | "would" | "like");
        if !wish || !t.is_own_word() || a.sentences[s].question_mark {
            continue;
        }
        let Some(to) = (k + 3..k + 6).find(|&j| matches!(a.word_in(s, j), "to" | "2")) else { continue };
        let told = (to + 2..to + 5)
            .find(|&j| cx.lists.words.told_to_contact_verb.has(a.word_in(s, j)) || a.word_in(s, j) == "write");
        if let Some(v) = told.filter(|&v| to_someone_else(a, cx, v)) {
            out.push((v, v + 2));
        }
    }
    out
}

/// "It's the installers you want", "really it's them you need to complain to", "it's the bank
/// who'd sort that": a cleft that picks out someone else as the one to go to, with "you want /
/// need" or "who / that" and a modal or a verb of handling after the party. Not negated ("it isn't
/// the bank you want"), not the speaker's side ("it's us you need"), not asked.
fn cleft_party(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !matches!(t.text.as_str(), "it" | "its") || !a.asserted_at(k) || a.tokens[k].quoted {
            continue;
        }
        let mut j = k + 1;
        if t.text == "it" {
            // "it was the courier who'd lost it" tells the past.
            if a.word_in(s, j) != "is" || a.tokens[j].negated_by.is_some() {
                continue;
            }
            j += 1;
        }
        while matches!(a.word_in(s, j), "really" | "actually" | "probably" | "just" | "honestly" | "always") {
            j += 1;
        }
        if a.word_in(s, j) == "not" || !party_at(a, cx, j) {
            continue;
        }
        // The relative clause after the party (within four words): "you want", "who'd sort".
        let Some(r) = (j + 1..j + 5).find(|&m| matches!(a.word_in(s, m), "you" | "u" | "who" | "that")) else {
            continue;
        };
        let next = a.word_in(s, r + 1);
        let past = a.word_in(s, r + 2) == "have";
        let fits = !past
            && match a.word_in(s, r) {
                "you" | "u" => matches!(next, "want" | "need" | "wanna" | "will" | "would" | "should" | "have"),
                _ => matches!(
                    next,
                    "would" | "will" | "can" | "could" | "deal" | "deals" | "handle" | "handles" | "sort"
                ),
            };
        if fits {
            out.push((k, r + 2));
        }
    }
    out
}

/// "Manufacturer defects should be reported directly to the manufacturer", "this needs to be
/// taken up with your insurer": a duty ("should", "must", "need to", "have to") to route the
/// matter (`@referral-routed`) to someone else, whatever the matter is called. Not to the speaker
/// ("should be sent to us"), not negated.
fn routed_by_duty(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for b in 1..a.tokens.len() {
        let s = a.tokens[b].sentence;
        if a.word(b) != "be" || !a.asserted_at(b) || a.in_condition(b) || a.tokens[b].negated_by.is_some() {
            continue;
        }
        let duty = matches!(a.word_in(s, b - 1), "should" | "must")
            || (a.word_in(s, b - 1) == "to"
                && matches!(a.word_in(s, b.saturating_sub(2)), "need" | "needs" | "has" | "have"));
        let mut p = b + 1;
        if a.word_in(s, p) == "directly" {
            p += 1;
        }
        if !duty || !w.referral_routed.has(a.word_in(s, p)) {
            continue;
        }
        let mut to = p + 1;
        while matches!(a.word_in(s, to), "directly" | "up" | "straight") {
            to += 1;
        }
        if matches!(a.word_in(s, to), "to" | "with") && party_at(a, cx, to + 1) {
            out.push((b - 1, to + 2));
        }
    }
    out
}

/// "Prob best 2 speak 2 ur manager", "it's probably best to ring the landlord direct": going to
/// someone else put as the best course. Not "I'll do my best to ring the depot" (the speaker's
/// effort), "the best to ask" (a ranking), "it wasn't best to call them" (negated), nor "best to
/// try again later" (no one to go to).
fn best_to(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if t.text != "best" || !a.asserted_at(k) || !matches!(a.word_in(s, k + 1), "to" | "2") {
            continue;
        }
        let before = |j: usize| if k >= j && a.tokens[k - j].sentence == s { a.word(k - j) } else { "" };
        let owned = matches!(before(1), "my" | "our" | "the" | "your" | "ur" | "his" | "her" | "their" | "its" | "was");
        let negated = (1..4).any(|j| matches!(before(j), "not" | "never" | "was" | "were"));
        let v = if a.word_in(s, k + 2) == "just" { k + 3 } else { k + 2 };
        if !owned && !negated && verb_at(a, cx, v).is_some() && to_someone_else(a, cx, v) {
            out.push((k, v + 1));
        }
    }
    out
}

/// "You'll need the store for that", "u need ur GP then", "you would need reception": the customer
/// told they need someone else, the party ending the clause or followed by "for" or "about". Not
/// "we'll need the store to confirm" (the speaker's side needs them), "you'll need the store's
/// receipt" (a thing), "you won't need the bank" (negated), nor "did you need the bank?".
fn you_need_party(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !matches!(t.text.as_str(), "need" | "needs") || !a.asserted_at(k) || a.sentences[s].question_mark {
            continue;
        }
        let mut y = k;
        while y > 0
            && a.tokens[y - 1].sentence == s
            && matches!(a.word(y - 1), "will" | "would" | "just" | "really" | "probably" | "prob" | "then")
        {
            y -= 1;
        }
        let you = y > 0 && a.tokens[y - 1].sentence == s && matches!(a.word(y - 1), "you" | "u" | "ya");
        let negated = (y..k).any(|j| a.tokens[j].is_negator());
        let j = past_determiners(a, s, k + 1);
        let Some(end) =
            (j..j + 2).find(|&m| party_at(a, cx, m) && (elsewhere(cx, a.word_in(s, m)) || named_at(a, cx, m)))
        else {
            continue;
        };
        // "the lettings office": the party's last word.
        let end = if elsewhere(cx, a.word_in(s, end + 1)) { end + 1 } else { end };
        let after = a.word_in(s, end + 1);
        let closes = matches!(after, "" | "for" | "about" | "then" | "mate" | "tbh" | "really")
            || a.tokens.get(end + 1).is_some_and(|n| n.clause != a.tokens[end].clause);
        if you && !negated && closes && !a.tokens[end].possessive && j > k {
            out.push((y - 1, end + 1));
        }
    }
    out
}

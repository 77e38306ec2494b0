//! Blame said in ordinary words: a third party named as the subject of what went wrong, or of
//! who decides, while the speaker owns nothing in that sentence ("the repair centre hasn't sent
//! the diagnosis", "Marcus needs to sign it off", "pricing handle renewals, not us"), and sarcasm
//! aimed at another team ("the certificate team, in their infinite wisdom, ...").

use super::detectors::{DetectorContext, Range, find, in_sentence};
use super::phrase::name_at;
use super::text::Analysed;
use super::word_sets::WordSets;

mod agent;
mod agent_lapse;
mod aside;
mod asking;
mod cause_label;
mod consented;
mod contrast;
#[cfg(test)]
mod denial_tests;
mod disclaimed;
mod distancing;
#[cfg(test)]
mod forms_tests;
mod guessed;
mod hearsay;
mod lapse;
mod mocking;
mod not_ours;
mod routing;
mod rule_wall;
mod rules;
mod scorn;
mod workload;
use aside::{excuse_declined, said_aside_within};
pub(super) use asking::{asks, tag_question};
pub(super) use lapse::claimed_after;

/// The words of the clause after a party, the fault read in them: `Some(strong)` when they blame.
/// "should have" is strong ("the shop should have rebooked it"); "should" alone expects
/// ("they should be in touch"), and "has to" states a rule, which blames only as the whole account.
fn fault_after(w: &WordSets, after: &[&str], sarcastic: bool) -> Option<bool> {
    if after.iter().any(|x| w.blame_progress_word.has(x)) && !sarcastic {
        return None;
    }
    let should_have = after
        .windows(3)
        .any(|p| p[0] == "should" && (p[1] == "have" || (matches!(p[1], "really" | "definitely") && p[2] == "have")));
    if sarcastic || should_have || slur_said(w, after) || after.iter().any(|x| w.blame_strong_fault_word.has(x)) {
        return Some(true);
    }
    let rule = after.windows(2).any(|p| matches!(p, ["has" | "have", "to"]));
    (rule || after.iter().any(|x| w.blame_fault_word.has(x))).then_some(false)
}

/// A slur said of the party with a form of "be" just before it, not negated: "payroll r useless",
/// "they're quite disorganised", "Gareth's a nightmare to get hold of" (`after`: the clause's words
/// after the party).
fn slur_said(w: &WordSets, after: &[&str]) -> bool {
    after.iter().enumerate().any(|(i, x)| {
        let slur = w.blame_slur.has(x) || matches!(*x, "disorganised" | "disorganized" | "nightmare" | "inept");
        let lead = &after[i.saturating_sub(4)..i];
        // "Gareth's a nightmare": the possessive-looking 's leaves "a" right after the party.
        let be = i == 1 && after[0] == "a";
        slur && (be || lead.iter().any(|b| matches!(*b, "is" | "are" | "was" | "were" | "s" | "re" | "r" | "been")))
            && !lead.iter().any(|b| matches!(*b, "not" | "never" | "no" | "if" | "think" | "thinks" | "feel" | "say"))
    })
}

/// Blame in structure: third parties named as the subject of a fault, and the speaker disowning
/// the problem or walling it off ([`disowning`]).
///
/// Blame is read sentence by sentence: a sentence that owns or takes something on names a cause
/// as an explanation, not blame. Another sentence still blames when it says the party got it wrong
/// or was meant to do it; a weaker account ("the depot is still waiting") blames only in an answer
/// that owns nothing and takes nothing on.
pub(super) fn party_blame(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let ownership = find(&cx.lists.ownership, a, cx);
    let taken_on = super::concepts::takes_it_on(a, cx);
    let owns_anything = !ownership.is_empty() || !taken_on.is_empty();
    let words = &cx.lists.words;
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    let mut parties = find(&cx.lists.blame_target, a, cx);
    parties.extend(find(&cx.lists.party, a, cx));
    parties
        .extend((0..a.tokens.len()).filter_map(|i| name_at(&a.tokens, i, &cx.names.colleague).map(|len| (i, i + len))));
    let mut out = [disowning(a, cx, &ownership), cause_label::labels(a, cx, &parties, &ownership, &taken_on)].concat();
    for &party in &parties {
        let first = &a.tokens[party.0];
        if first.quoted || first.negated_by.is_some() {
            continue;
        }
        let sentence = &a.sentences[first.sentence];
        let own_said_plainly = owns_anything && own_side(a, party) && !mocked(a, cx, party);
        if ownership.iter().chain(&taken_on).any(|o| in_sentence(sentence, o)) || own_said_plainly {
            continue;
        }
        let clause = first.clause;
        let in_clause = |i: &usize| a.tokens[*i].clause == clause;
        // The party is the subject: nothing of the speaker's, and no preposition, before it in its clause.
        let before: Vec<&str> =
            (sentence.start..party.0).filter(in_clause).map(|i| a.tokens[i].text.as_str()).collect();
        let object = before.last().is_some_and(|w| is_preposition(w));
        let sarcastic = sarcastic_at(a, cx, &sarcasm, party);
        let speaker_first = before.iter().enumerate().any(|(k, w)| {
            matches!(*w, "i" | "we" | "me" | "us" | "you" | "my")
                && !(sarcastic && mocking::stance_at(words, &before, k))
        });
        // In a condition clause (the text analysis's mark: "if the warehouse hasn't sent it") or
        // after a word of guessing: not an account.
        let guess = a.in_condition(party.0)
            || before.last().is_some_and(|w| words.blame_not_an_account.has(w))
            || before.iter().any(|w| matches!(*w, "might" | "maybe" | "perhaps"));
        let set_aside = (sentence.start..party.0).any(|i| cx.lists.words.blame_saying.has(&a.tokens[i].text));
        // Sarcasm reaches a party named after a preposition ("our friends in underwriting"), not
        // one after the speaker ("shock horror, we actually managed something").
        if speaker_first || (object && !sarcastic) || guess || set_aside {
            continue;
        }
        // Quoted words are someone else's: "HR like to say 'it's not official'" blames nobody.
        let after: Vec<&str> = (party.1..sentence.end)
            .filter(|i| in_clause(i) && !a.tokens[*i].quoted)
            .take(8)
            .map(|i| a.tokens[i].text.as_str())
            .take_while(|w| !words.blame_new_subject.has(w))
            .collect();
        // "your team did nothing wrong" clears a party. A plan with eye-rolling is still mockery ("head
        // office will be thrilled"); praise alone ("our lovely payments team will call you") leaves it a plan.
        let eye_rolling = mocking::mock_words(a, cx, first.sentence);
        let plan = !eye_rolling && after.iter().take(3).any(|w| words.blame_plan_word.has(w));
        if plan || after.contains(&"nothing") {
            continue;
        }
        match fault_after(words, &after, sarcastic) {
            Some(strong) if strong || !owns_anything => {
                let end = (party.1..sentence.end).filter(in_clause).take(8).last().map_or(party.1, |i| i + 1);
                out.push((party.0, end));
            }
            _ => {}
        }
    }
    out.extend(lapse::third_party_lapses(a, cx, &parties, &ownership).into_iter().chain(workload::excuses(a, cx)));
    out.extend(mocking::wished_but_party(a, cx, &parties).into_iter().chain(hearsay::claims(a, cx)));
    out.extend(agent_lapse::agent_faults(a, cx, &parties, &ownership, &taken_on));
    out.retain(|r| !asks_about_cause(a, cx, r.0) && !owned_after(a, cx, *r));
    // Sarcasm about another party blames whatever is owned or asked around it.
    out.extend(mocking::all(a, cx, &parties));
    out.extend(wall_blame(a, cx, &ownership, &taken_on));
    out.retain(|r| !excuse_declined(a, *r) && !own_cause(a, *r) && !said_aside_within(a, cx, *r));
    routing::drop_routed(a, cx, &mut out);
    out.sort();
    out.dedup();
    out
}

/// True when the party at `party` is spoken of in mockery: praise of it said in mockery just
/// before it ("our wonderful landlord", "our lovely security team"), the `sarcasm` list (`sarcasm`:
/// its finds) or a word of eye-rolling in its sentence.
fn sarcastic_at(a: &Analysed, cx: &DetectorContext, sarcasm: &[Range], party: Range) -> bool {
    let s = a.tokens[party.0].sentence;
    let sentence = &a.sentences[s];
    let mocked = (party.0.saturating_sub(2).max(sentence.start)..party.0)
        .any(|i| cx.lists.words.mock_praise.has(&a.tokens[i].text));
    mocked || sarcasm.iter().any(|r| in_sentence(sentence, r)) || mocking::mock_words(a, cx, s)
}

/// A preposition that makes the word after it an object, not the clause's subject.
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "with" | "from" | "for" | "by" | "at" | "in" | "into" | "on" | "onto" | "about" | "of" | "through"
    )
}

/// Walls, remits, causes put outside and faults laid on the customer (`walls.rs`), and accusations
/// (`accusing.rs`, also cleared by an ownership in the next sentence): a strong one blames unless its
/// sentence owns or takes something on; a weak one only in an answer that owns and takes on nothing.
/// A take-on read inside the wall itself ("I just book the appointments") takes nothing on.
fn wall_blame(a: &Analysed, cx: &DetectorContext, ownership: &[Range], taken_on: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    // A rule of what must be done elsewhere, a rule given the last word or a guessed cause, said
    // while the speaker acts on the problem, is information (`walls::acts`, asked once).
    let mut unless_acting = rules::must_be_done(a, cx);
    unless_acting.extend(rule_wall::given_last_word(a, cx));
    unless_acting.extend(guessed::causes(a));
    if !unless_acting.is_empty() && super::walls::acts(a, cx) {
        unless_acting.clear();
    }
    let walls = super::walls::walls(a, cx)
        .into_iter()
        .chain(distancing::walls(a, cx))
        .chain([disclaimed::walls(a), contrast::walls(a), consented::walls(a), not_ours::walls(a)].concat())
        .chain(super::walls::next_time_advice(a))
        .chain(unless_acting)
        .map(|w| (w, false));
    // An accusation (`accusing.rs`) owned in the next sentence is cleared too: "Did you not get my
    // text? That's on me, I should have rung."
    let accusations = super::accusing::accusations(a, cx).into_iter().map(|w| (w, true));
    for ((r, strong), next_too) in walls.chain(accusations) {
        let s = a.tokens[r.0].sentence;
        let sentence = &a.sentences[s];
        let apart = |o: &&Range| o.1 <= r.0 || o.0 >= r.1;
        let mut owned_here = ownership.iter().chain(taken_on.iter().filter(apart)).any(|o| in_sentence(sentence, o));
        if next_too && let Some(next) = a.sentences.get(s + 1) {
            owned_here |= ownership.iter().any(|o| in_sentence(next, o));
        }
        let helps = !ownership.is_empty() || taken_on.iter().any(|o| apart(&o));
        if !owned_here && !said_aside(a, cx, r.0) && (strong || !helps) {
            out.push(r);
        }
    }
    out
}

/// True when the words at `at` are only what the speaker could say or will not say: a verb of
/// saying before them in the sentence, itself under "could", "would", "might" or a negation ("I
/// could say it's not my department, but...", "I'm not going to tell you it's the courier's fault").
pub(super) fn said_aside(a: &Analysed, cx: &DetectorContext, at: usize) -> bool {
    let sentence = &a.sentences[a.tokens[at].sentence];
    (sentence.start..at).any(|i| {
        cx.lists.words.blame_saying.has(&a.tokens[i].text)
            && (i.saturating_sub(3).max(sentence.start)..i)
                .any(|k| matches!(a.tokens[k].text.as_str(), "could" | "would" | "might" | "not" | "never" | "cannot"))
    })
}

/// The speaker disowning the problem ("not my error", "that one's not mine", "wasn't us"), walling
/// it off with a rule said of someone else ("must be made by the sender", "is subject to approval"),
/// or mocking another party ("head office, in their infinite wisdom"): the `disowning` list.
/// Not when the speaker only says they could say it, nor "that's just not us" (not who we are),
/// nor "not me being awkward", nor in a sentence that owns the failure ("that's on me, not my team").
fn disowning(a: &Analysed, cx: &DetectorContext, ownership: &[Range]) -> Vec<Range> {
    find(&cx.lists.disowning, a, cx)
        .into_iter()
        .filter(|r| {
            let first = &a.tokens[r.0];
            let sentence = &a.sentences[first.sentence];
            let set_aside = (sentence.start..r.0).any(|i| cx.lists.words.blame_saying.has(&a.tokens[i].text));
            let who_we_are = r.0 > 0 && a.tokens[r.0 - 1].text == "just";
            // "there's no version of that where it's not on me": a negation of the disowning owns it.
            let double_negative =
                (sentence.start..r.0).any(|i| a.tokens[i].clause == first.clause && a.tokens[i].is_negator());
            // "not ours" read into "not our receptionist's": a possessive needs its noun.
            let cut_short = matches!(a.tokens[r.1 - 1].text.as_str(), "our" | "my" | "your" | "their");
            let owned_here = ownership.iter().any(|o| in_sentence(sentence, o));
            // "must be signed by Friday" sets a deadline, not who decides; "I'll follow the process" is a plan.
            let deadline = a.tokens[r.1 - 1].text == "by" && a.times().time_at(r.1).is_some();
            let own_plan = first.text == "follow"
                && r.0 > 0
                && matches!(a.tokens[r.0 - 1].text.as_str(), "i" | "will" | "to" | "shall" | "let" | "can" | "please");
            let gerund = matches!(a.tokens[r.1 - 1].text.as_str(), "me" | "us")
                && a.tokens.get(r.1).is_some_and(|t| t.sentence == first.sentence && t.text.ends_with("ing"));
            // "it sits with me now": the speaker keeps it.
            let kept = a.tokens[r.1 - 1].text == "with" && matches!(a.word_in(first.sentence, r.1), "me" | "us");
            !set_aside
                && !kept
                && !who_we_are
                && !double_negative
                && !cut_short
                && !gerund
                && !owned_here
                && !deadline
                && !own_plan
                && a.tokens[r.0..r.1].iter().all(|t| !t.quoted)
        })
        .collect()
}

/// True when blame at `r` is only a cause named, not a fault laid: no strong fault word ("lost",
/// "got it wrong", "should have"), no wall of the speaker's ("nothing I can do", "not my
/// department"), no sarcasm. Such a cause is blame only in an answer that owns and fixes nothing.
pub(super) fn neutral_cause(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let sentence = &a.sentences[a.tokens[r.0].sentence];
    let words: Vec<&str> = a.tokens[r.0..r.1].iter().map(|t| t.text.as_str()).collect();
    let faults = &cx.lists.words;
    // A party's omission ("they never passed it on", "did not send") or a slur on them ("useless")
    // lays a fault; a state of things ("was down", "was late", "the strike") names a cause.
    let strong =
        words.iter().any(|w| faults.blame_strong_fault_word.has(w) || faults.blame_slur.has(w) || *w == "never")
            || words.windows(2).any(|p| matches!(p, ["should" | "could", "have"] | ["did", "not"]));
    // The speaker's own words in it ("out of my hands", "nothing I can do") make it a wall.
    let wall = words.iter().any(|w| matches!(*w, "nothing" | "cannot" | "my" | "our" | "me" | "us" | "i" | "we"));
    let sarcastic = find(&cx.lists.sarcasm, a, cx).iter().any(|s| in_sentence(sentence, s));
    !strong && !wall && !sarcastic
}

/// "delays from our own booking system": a cause the speaker claims as their own side's.
pub(super) fn own_cause(a: &Analysed, r: Range) -> bool {
    a.tokens[r.0..r.1].windows(2).any(|w| matches!(w[0].text.as_str(), "our" | "my") && w[1].text == "own")
}

/// Drops from the plain blame rule's finds what the guideline says is not blame: the customer's
/// complaint said back, a neutral cause while owning or fixing, a declined excuse, an own cause
/// (`customer`: the customer-blame finds, kept as they are).
pub(super) fn not_blame_after_all(a: &Analysed, cx: &DetectorContext, out: &mut Vec<Range>, customer: &[Range]) {
    out.retain(|r| !fault_as_thing(a, *r) && !negation_cut_off(a, *r) && !workload::not_ours(a, *r));
    // A plain question about the cause, or blame the speaker owns right after, lays no blame.
    out.retain(|r| !asks_about_cause(a, cx, r.0) && !owned_after(a, cx, *r));
    // "you were supposed to get a call and didn't": the customer's complaint said back to them,
    // the customer the one something should have come to, not the one at fault.
    out.retain(|r| {
        let receiving = a
            .tokens
            .get(r.1)
            .is_some_and(|t| matches!(t.text.as_str(), "get" | "receive" | "hear" | "have" | "be" | "see"));
        let meant = a.tokens[r.0..r.1].iter().any(|t| matches!(t.text.as_str(), "supposed" | "meant" | "promised"));
        let you = a.tokens[r.0..r.1].iter().any(|t| t.text == "you");
        !(you && meant && receiving)
    });
    // "they deal with exchange faults" after "ring our network team": who does the work, routed.
    routing::drop_routed(a, cx, out);
    let owns = owns_the_failure(a, cx);
    let fixing = owns || !super::concepts::takes_it_on(a, cx).is_empty();
    out.retain(|r| {
        customer.contains(r)
            || !(excuse_declined(a, *r)
                || own_cause(a, *r)
                || (fixing && (neutral_cause(a, cx, *r) || a_fault_named(a, *r)))
                || (fixing && own_side(a, *r) && !mocked(a, cx, *r)))
    });
}

/// True when the negation opening `r` belongs to the clause before it: "I should have rung and
/// didn't, my fault" is read as "did not" + "my fault", which the words alone take for "not my
/// fault".
fn negation_cut_off(a: &Analysed, r: Range) -> bool {
    r.1 > r.0 + 1 && a.tokens[r.0].is_negator() && a.tokens[r.0 + 1].clause != a.tokens[r.0].clause
}

/// True when `r` opens on a fault or problem named as a thing with "a" or "an" before it ("there's
/// a fault on the app", "a glitch with the booking system"): what is wrong, not whose fault it is.
fn a_fault_named(a: &Analysed, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    r.0 > 0
        && matches!(a.word_in(s, r.0 - 1), "a" | "an")
        && matches!(a.word(r.0), "fault" | "problem" | "issue" | "glitch" | "error" | "bug" | "hold" | "delay")
}

/// True when `r` is "your fault" as a thing, the subject of the verb right after it ("your fault
/// has been confirmed at the cabinet", "your fault is being progressed", "your fault will be
/// fixed Friday"): a fault on the customer's line or device, not a fault laid on them ("it's your
/// fault", "your fault for not reading it", "Your fault, not ours.").
pub(super) fn fault_as_thing(a: &Analysed, r: Range) -> bool {
    let word = |i: usize| a.tokens.get(i).filter(|t| t.sentence == a.tokens[r.0].sentence).map(|t| t.text.as_str());
    let finite = |w: Option<&str>| {
        matches!(w, Some("is" | "was" | "has" | "had" | "will" | "should" | "can" | "could" | "may" | "might" | "must"))
    };
    let copula_before = r.0 > 0 && matches!(word(r.0 - 1), Some("is" | "was" | "be" | "s" | "being"));
    r.1 == r.0 + 2 && word(r.0) == Some("your") && word(r.0 + 1) == Some("fault") && finite(word(r.1)) && !copula_before
}

/// True when the speaker owns what `r` blames right after: an ownership later in its sentence ("the
/// system was down so I couldn't call you, but that's my fault") or anywhere in the next ("Courier
/// lost it. No, that's on me, I should have sent it tracked."); not a negated one ("not my fault").
pub(super) fn owned_after(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    if mocking::mocking(a, cx, s) {
        return false;
    }
    let undone = &cx.lists.words.blame_owning_undone;
    find(&cx.lists.ownership, a, cx).iter().any(|o| {
        let first = &a.tokens[o.0];
        let next = &a.sentences[first.sentence];
        // "I regret that I was unable to call owing to operational pressures": an excuse again.
        let excused = first.sentence == s + 1 && (o.1..next.end).any(|j| undone.has(a.word(j)));
        let after = (first.sentence == s && o.0 >= r.1) || (first.sentence == s + 1 && !excused);
        after && first.is_own_word() && (o.0 == 0 || !a.tokens[o.0 - 1].is_negator())
    })
}

/// True when the sentence of `at` only asks about the cause, a yes/no question opened (after
/// fillers) by a helper of `blame-asking-helper` with someone other than the speaker or the
/// customer as its subject: "Is it a courier issue?", "was it the warehouse that lost it?", "or
/// did the bank hold it?". Not when the question doubts or mocks ("has the warehouse even looked?",
/// "is it our wonderful courier again?"), nor "do I look like...?" (the speaker: rhetorical); what
/// the customer did is read by `accusing.rs`.
pub(super) fn asks_about_cause(a: &Analysed, cx: &DetectorContext, at: usize) -> bool {
    let s = a.tokens[at].sentence;
    let sentence = &a.sentences[s];
    if !sentence.question_mark {
        return false;
    }
    let words = &cx.lists.words;
    let helpers = &cx.lists.words.blame_asking_helper;
    let Some(open) =
        (sentence.start..sentence.end).find(|j| !words.tone_question_filler.has(a.word(*j)) && a.word(*j) != "or")
    else {
        return false;
    };
    let helper = helpers.has(a.word(open));
    let subject = a.word_in(s, open + 1);
    let asks = helper && !matches!(subject, "" | "i" | "we" | "you" | "u" | "not" | "me");
    let doubt = (sentence.start..sentence.end).any(|j| words.accusing_doubt.has(a.word(j)));
    asks && !doubt && !mocking::mocking(a, cx, s)
}

/// True when the answer owns the failure in the speaker's own words (the ownership list, not
/// quoted or negated).
fn owns_the_failure(a: &Analysed, cx: &DetectorContext) -> bool {
    find(&cx.lists.ownership, a, cx).iter().any(|o| a.tokens[o.0].is_own_word())
}

/// True when the sentence of `r` mocks: "brilliant timing as ever from our maintenance crew".
fn mocked(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    mocking::mocking(a, cx, s) || mocking::mock_words(a, cx, s)
}

/// "our warehouse sent the wrong jacket": the party at fault named as the speaker's own side. In
/// an answer that owns the failure or takes it on, and said without mockery, it says what went
/// wrong inside, which the guideline does not count as blame ("our warehouse sent the wrong size,
/// and that's on us").
pub(super) fn own_side(a: &Analysed, r: Range) -> bool {
    a.word(r.0) == "our" || (r.0 > 0 && a.word(r.0 - 1) == "our")
}

/// "The system was down, and that's on me": a cause named and then owned in the same sentence.
pub(super) fn owned_later(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let sentence = a.tokens[r.0].sentence;
    find(&cx.lists.ownership, a, cx).iter().any(|o| {
        let first = &a.tokens[o.0];
        first.sentence == sentence
            && o.0 >= r.1
            && first.negated_by.is_none()
            && !first.quoted
            && (o.0 == 0 || !a.tokens[o.0 - 1].is_negator())
    })
}

#[cfg(test)]
mod tests {
    /// The blame concept's own rule: the phrase rule or the structural one (see `model::concept_rules`).
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Adeyemi", text)
    }

    #[test]
    fn disowning_the_problem_is_blame_in_any_register() {
        for yes in [
            "Honestly that one's not mine, the returns desk dealt with it.",
            "that wasnt us m8",
            "Is not my error, sir. Other team make this booking.",
            "Not really my area, I'm afraid.",
            "um so yeah the parts team in their infinite wisdom sent the wrong bracket",
            "Ah, the famous overnight courier. Three days and counting.",
            "Do I look like the lost property office?",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn your_fault_as_a_thing_on_the_line_is_not_blame_but_laid_on_you_is() {
        for no in [
            "Your fault has been confirmed at the street cabinet and an engineer is booked.",
            "Sorry for the wait, your fault is now with our repair team.",
            "ur fault will be fixed by friday, promise",
            "Sir your fault is in router, we change it today.",
        ] {
            assert!(!blames(no), "{no}");
        }
        for yes in [
            "To be fair that's your fault for not reading the email.",
            "Your fault, not ours.",
            "well it is your fault, you ticked the box",
            "Honestly, your fault. Should've checked the size.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn rules_said_as_a_wall_are_blame() {
        for yes in [
            "Please be advised that refund requests must be approved by the finance department.",
            "Changes to your contract are subject to approval from head office.",
            "Branch staff are not authorised to waive that fee.",
            "The loyalty scheme is another department, they decide those points.",
            "Your problem is with the landlord now, not with us.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_party_at_fault_blames_even_where_another_sentence_helps() {
        for yes in [
            "The shop should have rebooked it for you. I've put a note on your file.",
            "Dispatch got the address wrong again. Anyway, your parcel is on its way.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn set_aside_owned_conditional_and_progress_are_not_blame() {
        for no in [
            "I could say it's not my department, but you called me, so I'll sort it.",
            "I'm not going to tell you it's the courier's fault.",
            "Being rude to you like that is just not us, and I'm sorry.",
            "That's on me, not my team.",
            "The form must be signed by Friday so I can send it off.",
            "I'll follow the process myself and ring you at 4.",
            "The repair centre is still working on it, and I'll ring you at 4 either way.",
            "If the warehouse hasn't sent it by Monday, I'll refund you myself.",
            "It might be the courier hasn't scanned it yet, I'll check now.",
            "The engineer should be with you by noon.",
            "Nadia will call you at 3 with the figures.",
            "Shock horror, we actually got one right: it's ready.",
            "Finance like to say 'it isn't final till it's signed', but it's yours.",
            "There's no way round it, there's no version where that's not on me.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn a_cause_named_while_owning_or_fixing_is_not_blame() {
        for no in [
            "The system was down, and that's on me, I should have rung you from my mobile.",
            "the till crashed n thats on me tbh",
            "@kbrooks the depot was late with the van, so I've put a £10 credit on your account ^TW",
            "Dear Mr Adeyemi, the delay was down to the strike; I have refunded your meals today.",
            "The contractor cancelled late, which is no excuse for us. I've rebooked you for Friday.",
            "fixpoint r behind (not an excuse) - loan phone is here 4 u",
            "The delay came from our own booking system, so we are paying half.",
            "You were supposed to get a call yesterday and didn't, I'm sorry.",
            "So um you were meant to hear from us by Monday, yeah, and you didn't.",
        ] {
            assert!(!blames(no), "{no}");
        }
        for yes in [
            "The courier was late. Bad luck.",
            "Head office were slow to approve it, so nothing I can do.",
            "The warehouse lost it, I'll send another.",
            "You should have called us first, but I've sorted it now.",
            "The depot was late with it, it's not an excuse but that's why.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_plain_question_about_the_cause_is_not_blame() {
        for no in [
            "Is it a courier issue?",
            "Was it the courier that lost it?",
            "Could it be the courier? I'll check with them now.",
            "was it the bank that held it up? let me look",
            "So is this a head office decision or a store one?",
        ] {
            assert!(!blames(no), "{no}");
        }
        for yes in [
            "Do I look like the lost property office?",
            "Is it really a courier issue, or are you just impatient?",
            "Courier's fault, isn't it? Nothing I can do.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn blame_owned_in_the_same_or_next_sentence_is_not_blame() {
        for no in [
            "The system was down so I couldn't call you, but that's my fault.",
            "So the app crashed so i couldnt ring u, thats on me tho",
            "The printer jammed and I couldn't send it. My mistake, I should have rung you.",
            "Our system was down, so we couldn't process it, which is entirely our fault.",
        ] {
            assert!(!blames(no), "{no}");
        }
        for yes in [
            "The system was down so we couldn't process it. It happens.",
            "Ah yes, the famous courier, lost it again. That's on us for using them, I suppose.",
            "Cake changes are subject to the bakery's capacity. I regret that I was unable to call owing to operational pressures.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_party_or_remit_inside_a_condition_is_no_account() {
        for no in [
            "unless the depot sends it today i'll refund u myself",
            "Once payroll signs it off, the money goes out on Friday.",
            "If the repairs are handled by our partner, I'll chase them for you and ring you at 4.",
            "Provided the warehouse has it in stock, it leaves tonight.",
        ] {
            assert!(!blames(no), "{no}");
        }
        for yes in [
            "If you had read the email, you would know.",
            "Unless you'd opened the email you couldn't have known, and you didn't. Not on us.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }
}

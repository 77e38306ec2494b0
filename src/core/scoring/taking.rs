//! Taking it on in the speaker's own future: "I'll rebook the fitter", "we're going to redo the
//! order", "let me swap it now". A firm first-person commitment to a concrete action on the
//! customer's problem counts (see `docs/labelling.md`); an offer ("I can ..."), a question, a
//! hedged or negated promise, a call-back alone, passing the case on, or a sarcastic sentence do not.

use super::detectors::{DetectorContext, Range, commitments, find, hedged, in_sentence};
use super::steps::vague_promise;
use super::text::Analysed;

/// Firm first-person commitments to a concrete action (not only contacting the customer again).
pub(super) fn firm_actions(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let contact_only = find(&cx.lists.contact_verb, a, cx);
    let verbs = find(&cx.lists.action_verb, a, cx);
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    commitments(a, cx)
        .into_iter()
        .filter(|c| {
            let words = &a.tokens[c.0..c.1];
            let s = &a.sentences[words[0].sentence];
            let speaker = matches!(words[0].text.as_str(), "i" | "we" | "let");
            let firm = !words.iter().any(|t| cx.lists.words.not_firm.has(&t.text) || t.negated_by.is_some());
            // Only verbs of the commitment's own clause, before any condition: in "we'll let you
            // know if anything comes up" the customer hears of news, nothing is done.
            let near: Vec<&Range> = verbs
                .iter()
                .filter(|v| v.0 >= c.0 && v.0 <= c.1 + 2 && own_clause(a, *c, v.0) && !helper_verb(a, *c, v.0))
                .collect();
            // "I've put you through": the auxiliary "have" is no action of its own.
            let passing =
                near.iter().any(|v| cx.lists.words.passing_on_stem.has(&a.tokens[v.0].stem) || puts_through(a, **v));
            let contacting = |v: &Range| contact_only.iter().any(|k| k.0 <= v.0 && k.1 >= v.1) && !chases(a, *v);
            let acting = !passing && near.iter().any(|v| !contacting(v) && !keeps_posted(a, v.0));
            speaker
                && firm
                && acting
                && !vague_promise(a, cx, *c)
                && !gets_someone_else(a, *c)
                && !asks(a, cx, c.0)
                && !hedged(a, cx, *c, None)
                && !super::timed::waits_on_event(a, cx, *c)
                && !sarcasm.iter().any(|r| in_sentence(s, r))
        })
        .collect()
}

/// Actions the speaker has already done on the problem: "we've put a stop on the payments", "I've
/// held the back room for you", "ive cleared the late fee". Not passing the case or the customer's
/// comments on ("I've sent your details to the claims team", "I've put you through"), not a
/// change to the organisation's own things ("we've changed our policy"), nor a question, a negated,
/// retold, hedged or sarcastic sentence.
pub(super) fn done_on_the_problem(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        if !matches!(t.text.as_str(), "i" | "we") || a.word(k + 1) != "have" || t.quoted || t.retold {
            continue;
        }
        let s = &a.sentences[t.sentence];
        let clause_end = (k..s.end).find(|&j| a.tokens[j].clause != t.clause).unwrap_or(s.end);
        let mut v = k + 2;
        while v < clause_end
            && matches!(a.word(v), "already" | "just" | "now" | "also" | "personally" | "then" | "gone" | "and")
        {
            v += 1;
        }
        if a.word(v) == "had" {
            // "I've had it re-dispatched": the participle follows its object.
            v = (v + 1..(v + 5).min(clause_end))
                .find(|&j| cx.lists.words.done_on_problem.has(a.word(j)))
                .unwrap_or(clause_end);
        }
        if v >= clause_end || !cx.lists.words.done_on_problem.has(a.word(v)) || a.tokens[v].negated_by.is_some() {
            continue;
        }
        let object = &a.tokens[v + 1..clause_end];
        let own_things = object.first().is_some_and(|o| matches!(o.text.as_str(), "our" | "my"));
        let through =
            object.first().is_some_and(|o| o.text == "you") && object.get(1).is_some_and(|o| o.text == "through");
        if object.is_empty() || passes_on(a, cx, v + 1) || own_things || through || asks(a, cx, k) {
            continue;
        }
        if hedged(a, cx, (k, v + 1), None) || sarcasm.iter().any(|r| in_sentence(s, r)) {
            continue;
        }
        out.push((k, v + 1));
    }
    out
}

/// True when the words from `from` to the end of their clause send the case or the customer's
/// comments elsewhere: "... to the claims team", "... to Ines", "... your comments".
pub(super) fn passes_on(a: &Analysed, cx: &DetectorContext, from: usize) -> bool {
    let Some(first) = a.tokens.get(from) else { return false };
    let end = (from..a.tokens.len()).find(|&j| a.tokens[j].clause != first.clause).unwrap_or(a.tokens.len());
    let object = &a.tokens[from..end];
    let to_a_team = object.windows(2).any(|w| w[0].text == "to" && w[1].text != "you")
        && object.iter().any(|o| cx.lists.words.passed_to.has(&o.text));
    let names_colleague = !cx.names.colleague.is_empty()
        && (from + 1..end).any(|j| {
            matches!(a.tokens[j - 1].text.as_str(), "to" | "with" | "over")
                && super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some()
        });
    let feedback = object.iter().any(|o| matches!(o.text.as_str(), "comments" | "feedback" | "complaint" | "concerns"));
    to_a_team || names_colleague || feedback
}

/// True when the word at `k` is in the clause the commitment `c` ends in, and not in a condition
/// clause the commitment is not in ("we'll let you know if anything comes up").
fn own_clause(a: &Analysed, c: Range, k: usize) -> bool {
    let last = &a.tokens[c.1 - 1];
    k < c.1
        || (a.tokens[c.1..=k].iter().all(|t| t.clause == last.clause && t.sentence == last.sentence)
            && a.tokens[k].condition == last.condition)
}

/// "checking in with him", "ring the warehouse": the verb of contacting at `v` reaches someone
/// other than the customer, which is chasing, an action.
fn contacts_elsewhere(a: &Analysed, v: Range) -> bool {
    let next: Vec<&str> = a.tokens[v.1..(v.1 + 2).min(a.tokens.len())].iter().map(|t| t.text.as_str()).collect();
    next.iter().any(|w| matches!(*w, "with" | "him" | "her" | "them" | "the" | "to" | "their"))
        && !next.iter().any(|w| matches!(*w, "you" | "u"))
}

/// "I'll ring the depot", "im ringing them now", "I will phone their desk at 10": a call made
/// to someone other than the customer, named as its direct object, is chasing. Not a call said
/// with what it brings or where it comes from ("I'm calling with an update", "calling from the
/// shop", "I'll be in touch with the details"), nor sending something ("I'll send them today").
fn chases(a: &Analysed, v: Range) -> bool {
    let sends = matches!(
        a.word(v.0),
        "send" | "sending" | "sent" | "text" | "texting" | "message" | "update" | "email" | "emailing" | "emailed"
    );
    // "I'll ring the minute I hear", "call the second it lands": "the" opens a time, not a party.
    let moment = a.word(v.1) == "the"
        && (matches!(a.word(v.1 + 1), "minute" | "moment" | "second" | "instant" | "day" | "morning")
            || a.times().time_at(v.1 + 1).is_some());
    !sends && !moment && matches!(a.word(v.1), "him" | "her" | "them" | "the" | "their" | "his" | "our")
}

/// True when the answer promises only to get back in touch: it has a commitment to contact the
/// customer, and every verb of doing in it (outside a condition: "... if anything comes up") is a
/// verb of contacting them ("I'll ring you tomorrow", "I'll email you on Wednesday at 2pm").
/// `docs/labelling.md` wants an action on the problem for `takes-it-on`.
pub(super) fn only_calls_back(a: &Analysed, cx: &DetectorContext) -> bool {
    let contact_only = find(&cx.lists.contact_verb, a, cx);
    let mut verbs = find(&cx.lists.action_verb, a, cx);
    verbs.extend(find(&cx.lists.resolve_verb, a, cx));
    let contact = |v: &Range| contact_only.iter().any(|k| k.0 <= v.0 && k.1 >= v.1) && !contacts_elsewhere(a, *v);
    let calls_back = commitments(a, cx).iter().any(|c| verbs.iter().any(|v| v.0 >= c.0 && v.0 < c.1 && contact(v)));
    calls_back && verbs.iter().filter(|v| !a.in_condition(v.0)).all(contact)
}

/// True when the words at `k` ask rather than state: their sentence ends in a question mark and
/// is a question, not a statement with a tag on the end ("I'll go to the bakery now and ring you
/// back in twenty minutes, okay?", "engineer booked for Thursday, is that ok?"). A tag is a last
/// clause of at most four words of `@tag-question-word` after a clause that does not itself open
/// with a question word (`@question-opener`: "Shall I rebook it, ok?" still asks).
pub(super) fn asks(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    let t = &a.tokens[k];
    let s = &a.sentences[t.sentence];
    if !s.question_mark {
        return false;
    }
    let w = &cx.lists.words;
    let last = a.tokens[s.end - 1].clause;
    let tag_start = (s.start..s.end).find(|&j| a.tokens[j].clause == last).unwrap_or(s.start);
    let tag = tag_start > s.start
        && s.end - tag_start <= 4
        && (tag_start..s.end).all(|j| w.tag_question_word.has(a.word(j)))
        && t.clause != last;
    let clause_start = (s.start..=k).rev().take_while(|&j| a.tokens[j].clause == t.clause).last().unwrap_or(k);
    let opens_question = w.question_opener.has(a.word(clause_start)) || w.question_opener.has(a.word(s.start));
    !tag || opens_question
}

/// True when the words at `k` are themselves the question ([`asks`]), not a statement before a
/// question in a later clause of the sentence ("I'm sending it back now, and do you want the
/// reference?").
fn asked(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    let t = &a.tokens[k];
    let s = &a.sentences[t.sentence];
    let opener = &cx.lists.words.question_opener;
    let clause_start = (s.start..=k).rev().take_while(|&j| a.tokens[j].clause == t.clause).last().unwrap_or(k);
    let opens_question = opener.has(a.word(clause_start)) || opener.has(a.word(s.start));
    let in_question = t.clause == a.tokens[s.end - 1].clause;
    asks(a, cx, k) && (in_question || opens_question)
}

/// A call-back that sees the fix through: "I'll ring you Thursday at 10 to confirm the new direct
/// debit's set", "i'll call u at 4 to check it's working", "I will ring you on Monday to make sure
/// they have". A firm first-person promise to contact the customer whose purpose, later in its
/// sentence, is to check on the outcome ("to" and `@follow-through-purpose`, "make" and "be" only
/// with "sure"). The speaker stays on the problem until it is done (`docs/labelling.md`), unlike a
/// bare call-back. Not hedged, negated, asked, conditional, retold or sarcastic.
pub(super) fn checks_back(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let contact = find(&cx.lists.contact_verb, a, cx);
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    let mut out = Vec::new();
    for c in commitments(a, cx) {
        let words = &a.tokens[c.0..c.1];
        let s = &a.sentences[words[0].sentence];
        let speaker = matches!(words[0].text.as_str(), "i" | "we");
        let firm = !words.iter().any(|t| w.not_firm.has(&t.text) || t.negated_by.is_some() || t.quoted || t.retold);
        let contacting = contact.iter().any(|v| v.0 >= c.0 && v.0 <= c.1 + 2);
        if !(speaker && firm && contacting)
            || asks(a, cx, c.0)
            || super::timed::under_condition(a, c)
            || hedged(a, cx, c, None)
            || sarcasm.iter().any(|r| in_sentence(s, r))
        {
            continue;
        }
        let purpose = (c.1..s.end.min(c.1 + 12)).find(|&j| {
            a.word(j) == "to"
                && w.follow_through_purpose.has(a.word(j + 1))
                && (!matches!(a.word(j + 1), "make" | "be") || a.word(j + 2) == "sure")
                && a.tokens[j].negated_by.is_none()
        });
        if let Some(p) = purpose {
            out.push((c.0, p + 2));
        }
    }
    out
}

/// True when the hit at `r` only records the case or hands it on, which `docs/labelling.md` does
/// not count as taking it on: its verb is followed in its clause by a record made on the case
/// (`@take-record-noun`: "I've logged your query", "I'll put a note on your account", "I've raised
/// a billing investigation", "I've put a referral in"); or its verb passes the case on
/// (`@passing-on-stem`, "hand": "I'm handing this to Tomasz") to anyone but the speaker; or it
/// sends or puts something to a colleague ("I've sent her your details", "I'll send Priya my
/// notes") or moves the customer to them ("I'm putting you through", "now I connect you with her"). A manner of speaking ("I'll be honest") is
/// [`not_a_take`]'s.
pub(super) fn records_or_hands_on(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let w = &cx.lists.words;
    let t = &a.tokens[r.0];
    let in_clause =
        |j: usize| j < a.tokens.len() && a.tokens[j].sentence == t.sentence && a.tokens[j].clause == t.clause;
    let hit = r.0..r.1;
    let after: Vec<usize> = (r.0 + 1..r.1 + 5).take_while(|&j| in_clause(j)).collect();
    let record = after.iter().any(|&j| w.take_record_noun.has(a.word(j)));
    let to_self = after.iter().any(|&j| matches!(a.word(j), "me" | "myself" | "us" | "ourselves"));
    let hands =
        hit.clone().any(|j| w.passing_on_stem.has(&a.tokens[j].stem) || &*a.tokens[j].stem == "hand") && !to_self;
    let colleague = |j: usize| {
        matches!(a.word(j), "him" | "her")
            || (!cx.names.colleague.is_empty() && super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some())
    };
    let to_colleague = hit.clone().any(|j| {
        (matches!(a.word(j), "send" | "sent" | "sending" | "put" | "putting" | "give" | "given" | "giving")
            && colleague(j + 1))
            || puts_through(a, (j, j + 1))
    });
    record || hands || to_colleague
}

/// True when the hit at `r` takes nothing on by its form, whatever its verb (`docs/labelling.md`:
/// a firm commitment to an act of the speaker's own): it asks ([`asked`]: "How can I help you
/// today?"); its future opens a manner of speaking ([`speaks_plainly`]: "I'm gonna be honest",
/// "I'm going to level with you"); it asks someone else to act ([`asks_someone_else`]: "I'll ask my
/// manager", "ill ask her 2 do it"); or it complies only in mockery ([`mock_compliance`]: "Sure,
/// I'll just fix it with a spanner", "because obviously I personally drove it there").
pub(super) fn not_a_take(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    asked(a, cx, r.0) || speaks_plainly(a, cx, r) || asks_someone_else(a, cx, r) || mock_compliance(a, r)
}

/// The words of `r`'s sentence from `r.0` to one word past `r.1`: where its verb may be.
fn hit_words(a: &Analysed, r: Range) -> impl Iterator<Item = usize> + '_ {
    let sentence = a.tokens[r.0].sentence;
    (r.0..=r.1).take_while(move |&j| j < a.tokens.len() && a.tokens[j].sentence == sentence)
}

/// "I'm gonna be honest", "I'll be straight with you", "I'm going to level with you": the future
/// says how the speaker will speak, not what they will do. "be" and `@take-not-an-act` closing its
/// clause or followed by "with you"; "level with". Not "I'll be straight over with a new one".
fn speaks_plainly(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let closes = |j: usize| {
        a.tokens.get(j).is_none_or(|t| t.clause != a.tokens[j - 1].clause || t.sentence != a.tokens[j - 1].sentence)
            || (a.word(j) == "with" && matches!(a.word(j + 1), "you" | "u" | "ya"))
    };
    // Only the hit's last word or the one after it: "I'm going to be honest and refund it" acts.
    hit_words(a, r).filter(|&j| j + 2 >= r.1).any(|j| {
        (a.word(j) == "be" && cx.lists.words.take_not_an_act.has(a.word(j + 1)) && closes(j + 2))
            || (a.word(j) == "level" && a.word(j + 1) == "with")
    })
}

/// "I'll ask my manager", "I will ask.", "ill ask her 2 do urs": asking someone else to act or to
/// decide leaves the work with them, as passing it on does. Not asking the customer ("I'll ask you
/// for the serial number"), asking for something on their behalf ("I'll ask for a refund"), nor
/// asking and then coming back to the customer in the same sentence, which is chasing ("I ask the
/// depot today and I ring you at 4").
fn asks_someone_else(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let Some(j) = hit_words(a, r).find(|&j| {
        matches!(a.word(j), "ask" | "asking")
            && a.tokens[j].negated_by.is_none()
            && !matches!(a.word(j + 1), "you" | "u" | "ya" | "for" | "about")
    }) else {
        return false;
    };
    let s = &a.sentences[a.tokens[j].sentence];
    // "... and I ring you at 4", "... and call you at 3": not "... and he'll call you".
    let comes_back = find(&cx.lists.contact_verb, a, cx).iter().any(|v| {
        v.0 > j + 1
            && v.0 < s.end
            && !(v.0.saturating_sub(3)..v.0).any(|i| i > j && matches!(a.word(i), "he" | "she" | "they" | "someone"))
            && matches!(a.word(v.1), "you" | "u" | "back")
    });
    !comes_back
}

/// A promise made only to mock the request: a sentence opened by a grudging assent ("sure", "oh
/// sure", "fine") whose promise is "just", marked as mockery by "oh", "yeah" or a closing "shall
/// I" ("Sure, I'll just go and tell them, shall I", "oh fine, let me just add you to the list");
/// or a first-person claim after "because obviously" or "because clearly" ("Right, because
/// obviously I personally lost it").
fn mock_compliance(a: &Analysed, r: Range) -> bool {
    let s = &a.sentences[a.tokens[r.0].sentence];
    let opening: Vec<&str> = (s.start..r.0.min(s.start + 3)).map(|j| a.word(j)).collect();
    // "Sure, I'll just refund that now" is sincere: the mockery needs a marker, an "oh" or "yeah"
    // before the assent or a "shall I" tag closing the sentence.
    let tagged = s.end >= s.start + 2 && a.word(s.end - 2) == "shall" && matches!(a.word(s.end - 1), "i" | "we");
    let marked = tagged || opening.iter().any(|w| matches!(*w, "oh" | "yeah"));
    let assent =
        marked && opening.iter().any(|w| matches!(*w, "sure" | "fine")) && hit_words(a, r).any(|j| a.word(j) == "just");
    let mocked = (s.start..r.0)
        .any(|j| a.word(j) == "because" && matches!(a.word(j + 1), "obviously" | "clearly") && r.0 <= j + 3);
    assent || mocked
}

/// The present said for the future, as non-native speakers often do: "I finish all the job today
/// before 4", "Today I send the form to Mark", "I send you the kit list by email this morning",
/// "Now I give you the new code". "I" or "we" right before the base form of a verb of doing
/// (`@action-verb`, `@resolve-verb`), with today, tonight, tomorrow, now or a named day or time in
/// the clause or opening the sentence. Not a call-back alone ("tomorrow I call you"), nor a
/// question, a negated, quoted, retold, hedged or conditional one, nor a past day ("yesterday") or
/// a habit ("every day").
pub(super) fn present_for_future(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut verbs = find(&cx.lists.action_verb, a, cx);
    verbs.extend(find(&cx.lists.resolve_verb, a, cx));
    let contact = find(&cx.lists.contact_verb, a, cx);
    let mut out = Vec::new();
    for k in 0..a.tokens.len().saturating_sub(1) {
        let t = &a.tokens[k];
        if !matches!(t.text.as_str(), "i" | "we") || !t.is_own_word() || asks(a, cx, k) {
            continue;
        }
        let v = if a.word(k + 1) == "also" { k + 2 } else { k + 1 };
        let Some(verb) = verbs.iter().find(|r| r.0 == v && a.tokens[v].sentence == t.sentence) else { continue };
        let base = a.word(v);
        // "we have made a mistake": an auxiliary, not the base form of a verb of doing.
        let auxiliary = matches!(base, "have" | "be" | "do" | "am" | "are" | "was" | "were");
        if auxiliary
            || base.ends_with("ed")
            || base.ends_with("ing")
            || base.ends_with('s')
            || a.tokens[v].negated_by.is_some()
        {
            continue;
        }
        // "I call you tomorrow": only getting back in touch; "I send you a checklist" sends something.
        let thing = matches!(a.word(verb.1 + 1), "a" | "an" | "the" | "my" | "our" | "your" | "all" | "also");
        if contact.iter().any(|c| c.0 == v) && matches!(a.word(verb.1), "you" | "u") && !thing {
            continue;
        }
        let s = &a.sentences[t.sentence];
        let clause: Vec<usize> =
            (s.start..s.end).filter(|&j| a.tokens[j].clause == t.clause || j < s.start + 2).collect();
        let when = |j: usize| {
            matches!(a.word(j), "now" | "today" | "tonight" | "tomorrow") || a.times().day_or_time_at(j).is_some()
        };
        // "yesterday", "last week": the past; "every day", "always": a habit, not this problem.
        let not_now = clause
            .iter()
            .any(|&j| matches!(a.word(j), "yesterday" | "last" | "ago" | "every" | "always" | "usually" | "normally"));
        let firm = !hedged(a, cx, (k, verb.1), None) && !super::timed::under_condition(a, (k, verb.1));
        if clause.iter().any(|&j| when(j)) && !not_now && firm {
            out.push((k, verb.1));
        }
    }
    out
}

/// "put you through", "pop u over", "I transfer you", "now I connect you with Tom": the customer
/// moved to someone else, not an action on the problem.
fn puts_through(a: &Analysed, v: Range) -> bool {
    let you = matches!(a.word(v.1), "you" | "u");
    let moves = matches!(a.word(v.0), "put" | "putting" | "pop" | "popping" | "patch" | "patching")
        && matches!(a.word(v.1 + 1), "through" | "thru" | "over" | "across");
    let transfers = matches!(a.word(v.0), "transfer" | "transferring" | "connect" | "connecting");
    you && (moves || transfers)
}

/// True when the verb at `k` only helps the commitment `c` to its act, which comes after it: the
/// "going" of "I'm going to ring them" or "gonna" (not "I'm going to the depot"), the "have" of
/// "I'll have to transfer you", the "do" of "what I'll do is pass it to billing".
fn helper_verb(a: &Analysed, c: Range, k: usize) -> bool {
    let place = matches!(a.word(k + 2), "the" | "a" | "an" | "my" | "our" | "your" | "their" | "his" | "her" | "site");
    let going = a.word(k) == "going" && a.word(k + 1) == "to" && !place;
    let obliged = matches!(a.word(k), "have" | "has") && a.word(k + 1) == "to";
    let pro_verb = a.word(k) == "do" && a.word(c.0.wrapping_sub(1)) == "what";
    going || obliged || pro_verb
}

/// "we'll keep you posted", "I'll keep u updated", "keep you in the loop": news promised, nothing
/// done; the verb "keep" at `k` with the customer and a word of being told.
fn keeps_posted(a: &Analysed, k: usize) -> bool {
    a.word(k) == "keep"
        && matches!(a.word(k + 1), "you" | "u" | "ya")
        && (matches!(a.word(k + 2), "posted" | "updated" | "informed")
            || (a.word(k + 2) == "in" && matches!(a.word(k + 4), "loop" | "picture")))
}

/// "I'll get Mark to ring you": the action is someone else's.
fn gets_someone_else(a: &Analysed, c: Range) -> bool {
    let sentence = a.tokens[c.0].sentence;
    let after = |k: usize| a.tokens.get(c.1 + k).filter(|t| t.sentence == sentence).map(|t| t.text.as_str());
    a.tokens[c.1 - 1].text == "get" && (after(1) == Some("to") || after(2) == Some("to") || after(3) == Some("to"))
}

#[cfg(test)]
#[path = "taking_tests.rs"]
mod tests;

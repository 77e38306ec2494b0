//! Next steps read from who is to act and how it is put (`docs/labelling.md`, `next-steps`): an
//! offer put as a question ("shall I book the fitter?", "want me to swap it?", "refund or swap,
//! which would you like?"), a named party's action ("Dana in payments will sort it", "engineer
//! team will ring u"); and two readings that leave a step vague: a contact from no one in
//! particular ("someone will be in touch") and a step put off to no time ("it'll turn up
//! eventually", "at some point").

use super::detectors::{DetectorContext, Range, find, hedged};
use super::text::Analysed;

/// Words that may stand between an offer's frame and its verb ("shall I just ...").
const FILLER: &[&str] = &["just", "also", "quickly", "then", "now", "go", "and"];

/// Verbs of getting in touch with the customer: offered alone ("want me to text you?") they
/// promise contact, not a step.
const CONTACT: &[&str] =
    &["call", "ring", "phone", "text", "txt", "message", "email", "dm", "contact", "update", "let"];

/// Offers of a concrete step put as a question: "Shall I book the engineer?", "want me 2 do
/// both?", "Would you like me to send the claim form now?", "do you want me to come down now"
/// (a transcript's question without its mark), "Would it help if we sat down at 2 to fill it
/// in?", and a choice of concrete options ("Refund or swap, which would you like?"). The
/// customer learns what will happen on their yes. Not a rhetorical question ("what do you want
/// me to do?"), an offer only to get in touch ("want me to ring you?"), a vague one ("shall I
/// look into it?"), a negated or quoted one.
pub(super) fn offered(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let Some(v) = offer_frame(a, k) else { continue };
        let s = a.tokens[k].sentence;
        let sentence = &a.sentences[s];
        let opens = (sentence.start..k).all(|j| {
            matches!(a.word(j), "so" | "um" | "er" | "erm" | "ok" | "okay" | "right" | "and" | "or" | "do" | "would")
                || matches!(a.word(j), "you" | "u" | "d" | "wd" | "did" | "could" | "hi" | "hey" | "hiya" | "yeah")
                || addressed(a, cx, j)
        });
        // "what do you want me to do?", "Shall I rebook it or not?": a challenge, not an offer.
        let rhetorical = (sentence.start..k).any(|j| matches!(a.word(j), "what" | "why" | "how" | "who"))
            || (k..sentence.end).any(|j| a.word(j) == "or" && a.word(j + 1) == "not");
        let verb = a.word_in(s, v);
        let own = a.tokens[k..=v.min(a.tokens.len() - 1)].iter().all(|t| t.is_own_word());
        let negated = a.tokens.get(v).is_some_and(|t| t.is_negator() || t.negated_by.is_some());
        if !(sentence.question_mark || opens)
            || rhetorical
            || !own
            || negated
            || verb.is_empty()
            || CONTACT.contains(&verb)
        {
            continue;
        }
        if !verb.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
            continue;
        }
        if !super::steps::vague_promise(a, cx, (v, v + 1)) {
            out.push((k, v + 1));
        }
    }
    out.extend(offered_choice(a, cx));
    out
}

/// True when the word at `j` names whom the speaker addresses ("OK Kirsty, do you want me to
/// ...", "Mrs Osei, shall I ..."): a title, or a word of the customer's or the colleague's name.
fn addressed(a: &Analysed, cx: &DetectorContext, j: usize) -> bool {
    let names = [&cx.names.customer, &cx.names.colleague];
    let in_name = |n: &Vec<super::phrase::Word>| {
        (j.saturating_sub(2)..=j).any(|i| super::phrase::name_at(&a.tokens, i, n).is_some_and(|len| i + len > j))
    };
    matches!(a.word(j), "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "madam")
        || names.iter().any(|n| !n.is_empty() && in_name(n))
}

/// The verb of an offer whose frame starts at `k`: "shall / should I / we ...", "(do you) want /
/// (would you) like me / us to ...", "would it help if I / we ...".
fn offer_frame(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let at = |i: usize| a.word_in(s, i);
    let start = match at(k) {
        "shall" | "should" if matches!(at(k + 1), "i" | "we") => k + 2,
        "want" | "like" | "wanna" if matches!(at(k + 1), "me" | "us") && matches!(at(k + 2), "to" | "2") => k + 3,
        "help" | "helpful" if at(k + 1) == "if" && matches!(at(k + 2), "i" | "we") => k + 3,
        _ => return None,
    };
    let mut v = start;
    while FILLER.contains(&at(v)) && !at(v + 1).is_empty() {
        v += 1;
    }
    // "shall I go ahead?": the verb is "go".
    if at(v) == "ahead" {
        v -= 1;
    }
    Some(v)
}

/// A choice of concrete options put to the customer: a question asking which they would like or
/// prefer ("which would you like?", "what do you fancy", "would you prefer"), in a sentence, or
/// after one, that holds "or" and an option (`@step-offer-option`: "refund", "swap" ...).
fn offered_choice(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for (i, s) in a.sentences.iter().enumerate() {
        let words = || (s.start..s.end).map(|j| a.word(j));
        let asks = words().any(|x| matches!(x, "like" | "prefer" | "fancy"))
            && words().any(|x| matches!(x, "which" | "what" | "would" | "wd"))
            && (s.question_mark || words().any(|x| x == "which"));
        if !asks || !a.tokens[s.start..s.end].iter().all(|t| t.is_own_word()) {
            continue;
        }
        let from = if i > 0 { a.sentences[i - 1].start } else { s.start };
        let span = from..s.end;
        let options =
            span.clone().any(|j| a.word(j) == "or") && span.clone().any(|j| w.step_offer_option.has(a.word(j)));
        if options {
            out.push((s.start, s.end));
        }
    }
    out
}

/// A named party's future action on the case: "Dana in payments will sort it", "engineer team
/// will ring u", "the courier will collect it", "our pharmacist is going to ask the surgery". The
/// subject names who (the colleague, or a party of `@step-party`: a team, a role, a trade) and no
/// one vague ("someone from payments", "a member of the team"); then "will" / "going to" and a
/// verb of doing. Not hedged, negated, asked, quoted or under a condition; "be" counts only as
/// "be in touch / in contact / with you / there".
pub(super) fn party_acts(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let verbs = find(&cx.lists.action_verb, a, cx);
    let mut out = Vec::new();
    for k in 1..a.tokens.len() {
        let going = a.word(k) == "going" && a.word(k + 1) == "to";
        if !(a.word(k) == "will" || going) || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let t = &a.tokens[k];
        let subject: Vec<usize> = (k.saturating_sub(5)..k)
            .filter(|&j| a.tokens[j].clause == t.clause && a.tokens[j].sentence == t.sentence)
            .collect();
        let Some(&first) = subject.first() else { continue };
        // The party heads the subject, just before "will": "Dana in payments will", "engineer
        // team will"; not "contractors eh will chase" (a remark, then a promise with no subject).
        let named = !cx.names.colleague.is_empty()
            && subject.iter().any(|&j| {
                // `name_at` gives the name's length: it ends right before "will", or a party word does.
                super::phrase::name_at(&a.tokens, j, &cx.names.colleague)
                    .is_some_and(|len| j + len == k || w.step_party.has(a.word(k - 1)))
            });
        let party = w.step_party.has(a.word(k - 1));
        let vague = subject.iter().any(|&j| {
            w.step_vague_party.has(a.word(j))
                || matches!(
                    a.word(j),
                    "member" | "anyone" | "anybody" | "i" | "we" | "you" | "u" | "it" | "that" | "who"
                )
        });
        if !(named || party) || vague {
            continue;
        }
        let mut v = if going { k + 2 } else { k + 1 };
        while matches!(a.word_in(t.sentence, v), "personally" | "also" | "then" | "now" | "directly") {
            v += 1;
        }
        let Some(verb) = verbs.iter().find(|r| r.0 == v) else { continue };
        let be = a.word(v) == "be";
        let be_step = matches!((a.word(v + 1), a.word(v + 2)), ("in", "touch" | "contact") | ("with", "you" | "u"))
            || a.word(v + 1) == "there";
        let r = (first, verb.1.max(v + 1));
        let negated = a.tokens[k..r.1].iter().any(|x| x.negated_by.is_some() || x.is_negator());
        if (!be || be_step) && !negated && !hedged(a, cx, r, None) {
            out.push(r);
        }
    }
    out
}

/// True when the clause of `r` promises contact from no one in particular: "someone will be in
/// touch", "a member of the team will contact you", "somebody'll ring you", "our team will be in
/// touch" ([`generic_party`]), with no time to make it concrete. The customer learns of no one who has the case.
pub(super) fn contact_from_no_one(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let t = &a.tokens[r.0];
    let in_clause = |j: &usize| a.tokens[j.to_owned()].sentence == t.sentence && a.tokens[*j].clause == t.clause;
    let s = &a.sentences[t.sentence];
    let clause: Vec<usize> = (s.start..s.end).filter(in_clause).collect();
    // The hit is the no-one's own ("someone will be in touch", "[a member of] the team will
    // contact you"), not a step beside it ("I've passed it to the baggage team and someone ...").
    let no_one = clause.windows(2).any(|p| {
        let vague = matches!(a.word(p[0]), "someone" | "somebody" | "anyone" | "anybody")
            || (a.word(p[0]) == "member" && a.word(p[1]) == "of")
            || generic_party(a, p[0]);
        vague && r.0 + 1 >= p[0] && r.0 <= p[0] + 4
    });
    let contact = clause.iter().any(|&j| {
        cx.lists.words.step_contact_only.has(a.word(j))
            || matches!(a.word(j), "touch" | "contact" | "call" | "back" | "reach" | "respond")
    });
    let timed = clause.iter().any(|&j| a.times().day_or_time_at(j).is_some());
    no_one && contact && !timed
}

/// True when a party named by no more than its kind opens at `j` and acts next: "a specialist will
/// ...", "an adviser'll ...", "our team will ...", "the team will ..." (not "our billing team").
fn generic_party(a: &Analysed, j: usize) -> bool {
    let kind = |w: &str| matches!(w, "specialist" | "adviser" | "advisor" | "agent" | "colleague" | "representative");
    let (first, second) = (a.word(j), a.word(j + 1));
    let party = (matches!(first, "a" | "an") && kind(second))
        || (matches!(first, "our" | "the") && matches!(second, "team" | "staff"));
    party && a.word(j + 2) == "will"
}

/// True when the sentence of `r` puts what happens off to no time: "it'll turn up eventually",
/// "someone will be in touch at some point", "in due course", "sooner or later", "when possible",
/// "whenever" (not the customer's: "whenever you like"), or the verb said
/// again as its own time ("the part'll come when it comes", "it'll be booked when it's booked");
/// no day or time in the sentence pins it ("at some point on Friday" still says when).
pub(super) fn put_off(a: &Analysed, r: Range) -> bool {
    let s = &a.sentences[a.tokens[r.0].sentence];
    let word = |j: usize| a.word_in(a.tokens[r.0].sentence, j);
    let said_again = |j: usize| {
        matches!(word(j + 1), "it" | "they" | "he" | "she")
            && (j + 2..(j + 4).min(s.end)).any(|n| {
                (s.start..j).any(|b| {
                    a.tokens[b].stem == a.tokens[n].stem
                        && !matches!(word(b), "it" | "is" | "are" | "be" | "they" | "will")
                })
            })
    };
    // "whenever you like", "whenever it suits": the customer's time, not a put-off.
    let customer_chooses = |j: usize| {
        matches!(word(j), "you" | "u" | "ya" | "suits" | "suit" | "convenient" | "works")
            || (word(j) == "it" && matches!(word(j + 1), "suits" | "works"))
    };
    let off = (s.start..s.end).any(|j| {
        word(j) == "eventually"
            || (word(j) == "at" && word(j + 1) == "some" && word(j + 2) == "point")
            || (word(j) == "in" && word(j + 1) == "due" && word(j + 2) == "course")
            || (word(j) == "sooner" && word(j + 1) == "or" && word(j + 2) == "later")
            || (word(j) == "when" && (word(j + 1) == "possible" || said_again(j)))
            || (word(j) == "whenever" && !customer_chooses(j + 1))
    });
    off && !(s.start..s.end).any(|j| a.times().day_or_time_at(j).is_some())
}

/// True when the clause of `r` tells how things usually go rather than what will happen to this
/// case: a published service level or policy ("refunds are processed by our payments team and may
/// take up to 10 working days", "overtime is processed in line with the payroll calendar"): a
/// habit word ("usually", "normally") or "in line with", "in accordance with", "as per", "subject to".
pub(super) fn service_level(a: &Analysed, r: Range) -> bool {
    let t = &a.tokens[r.0];
    let s = &a.sentences[t.sentence];
    let clause: Vec<usize> = (s.start..s.end).filter(|&j| a.tokens[j].clause == t.clause).collect();
    clause.iter().any(|&j| {
        let next = a.word_in(t.sentence, j + 1);
        matches!(a.word(j), "normally" | "usually" | "generally" | "typically" | "ordinarily")
            || (matches!(a.word(j), "line" | "accordance") && next == "with")
            || (a.word(j) == "as" && next == "per")
            || (a.word(j) == "subject" && next == "to")
    })
}

/// Words that may stand right before the act of a hit: its modal and fillers ("I'll just", "we
/// are going to", "please").
const BEFORE_ACT: &[&str] =
    &["i", "we", "will", "wil", "shall", "am", "are", "to", "gonna", "just", "also", "personally", "then", "please"];

/// The word of the hit at `r` (or right after it) that is one of `verbs` and is its act: opening
/// its sentence or after a modal or filler ("I'll just keep ...", "compliance will do ...").
fn act_at(a: &Analysed, r: Range, verbs: &[&str]) -> Option<usize> {
    let s = a.tokens[r.0].sentence;
    (r.0..=r.1)
        .take_while(|&k| !a.word_in(s, k).is_empty())
        .find(|&k| verbs.contains(&a.word(k)) && (k == a.sentences[s].start || BEFORE_ACT.contains(&a.word(k - 1))))
}

/// True when the act of the hit at `r` only keeps watch or keeps at it (`docs/labelling.md`: an
/// action with nothing concrete in it): "I'll keep an eye on it", "we'll keep you posted", "I'll
/// keep on at them", "keep chasing", "keep tabs on it", "keep an eye on your inbox for updates".
/// Attention that goes on sets nothing moving. Not keeping a thing ("I'll keep the room for you",
/// "keep the receipt", "we'll keep you on the list for Friday").
pub(super) fn keeps_watch(a: &Analysed, r: Range) -> bool {
    let Some(k) = act_at(a, r, &["keep", "keeps", "keeping"]) else { return false };
    let s = a.tokens[k].sentence;
    let at = |i: usize| a.word_in(s, i);
    let mut j = k + 1;
    while matches!(at(j), "a" | "an" | "close" | "careful" | "constant" | "on" | "at") {
        j += 1;
    }
    // "on it", "at it", "on top of it", "on at them": only after "on" / "at".
    let after_on = j > k + 1 && matches!(at(j), "it" | "top" | "them" | "him" | "her" | "em" | "this");
    // "I'll keep chasing", "we'll keep pushing": the speaker's own; the customer told to keep
    // emailing someone is sent to them.
    let speaker = (k.saturating_sub(4)..k).any(|i| matches!(at(i), "i" | "we"))
        && !(k.saturating_sub(4)..k).any(|i| matches!(at(i), "would" | "d"));
    // The "-ing" act right after "keep" (or "keep on"); not a thing or a part of the day ("keep
    // anything you send", "keep morning slots free").
    let goes_on = speaker
        && (j == k + 1 || at(k + 1) == "on")
        && at(j).len() > 4
        && at(j).ends_with("ing")
        && !at(j).ends_with("thing")
        && !matches!(at(j), "morning" | "evening");
    let watch = matches!(at(j), "eye" | "eyes" | "ear" | "tabs" | "watch") || after_on || goes_on;
    let informed = matches!(at(k + 1), "you" | "u" | "ya" | "everyone")
        && (matches!(at(k + 2), "posted" | "updated" | "informed" | "aware" | "abreast")
            || (at(k + 2) == "in" && matches!(at(k + 3), "the" | "touch")));
    let in_touch = at(k + 1) == "in" && matches!(at(k + 2), "touch" | "contact");
    // "I'll keep an eye on it and ring you at 3": the sentence runs on to an act of its own, which
    // the hit may carry (a timed step found from its first commitment).
    let runs_on = (k + 1..a.sentences[s].end).any(|j| matches!(a.word(j), "and" | "n" | "&" | "then"));
    (watch || informed || in_touch) && !runs_on
}

/// True when the act of the hit at `r` is an effort, not a step: "they'll do their best",
/// "compliance will do their utmost", "we'll do what we can".
pub(super) fn does_their_best(a: &Analysed, r: Range) -> bool {
    let Some(k) = act_at(a, r, &["do", "try"]) else { return false };
    let s = a.tokens[k].sentence;
    let at = |i: usize| a.word_in(s, i);
    matches!(at(k + 2), "best" | "utmost") || (at(k + 1) == "what" && matches!(at(k + 3), "can" | "could"))
}

/// True when the hit at `r` is the speaker's act said as a statement closed by a tag question
/// ("I'll just ring the council and tell them, shall I?", "Sure, I'll magic one up, shall we?"):
/// the tag turns the speaker's own act into a taunt. A real offer opens with its frame ("Shall I
/// ring the council?", `offered`), or names when without a word of mockery ("I'll book you in for
/// Tuesday at 3, shall I?" is polite; "I'll just pop round tonight, shall I?" is not).
pub(super) fn ironic_tag(a: &Analysed, r: Range) -> bool {
    let sentence = &a.sentences[a.tokens[r.0].sentence];
    let tag = sentence.end.saturating_sub(2);
    let tagged = sentence.question_mark
        && tag > sentence.start + 2
        && r.0 < tag
        && matches!(a.word(tag), "shall" | "should")
        && matches!(a.word(tag + 1), "i" | "we")
        && !matches!(a.word(sentence.start), "shall" | "should");
    // The sentence's words are read only for a tagged one.
    let mut words = sentence.start..sentence.end;
    tagged
        && (words.clone().any(|j| matches!(a.word(j), "just" | "oh" | "sure" | "too"))
            || !words.any(|j| a.times().day_or_time_at(j).is_some()))
}

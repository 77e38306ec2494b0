//! Sending the customer away, read in the sentence's structure rather than from a list of phrases:
//! the customer made the one who must act ("you'll need to ring ...", "you can always write to
//! ..."), told to do it themselves ("chase them yourself"), advised to ("I'd recommend contacting
//! the carrier"), or their request routed elsewhere in the passive ("queries should be directed to
//! ..."). In each, who they are sent to must be someone other than the speaker: "you can call me",
//! "send us the photo" and "ring us back" keep the speaker the one to deal with.

use super::detectors::{DetectorContext, Range};
use super::text::Analysed;

/// The verb at `k` in its plain form: "contacting" reads as "contact", "getting" as "get"; a
/// verb of going on foot (`@referral-move-verb`: "run", "nip") reads as "go", and a verb whose
/// "with" names the party (`@referral-with-verb`: "arrange", "liaise") as itself.
pub(super) fn verb_at<'c>(a: &Analysed, cx: &'c DetectorContext, k: usize) -> Option<&'c str> {
    let w = &cx.lists.words;
    let text = a.tokens.get(k)?.text.as_str();
    let plain = text.strip_suffix("ing").unwrap_or(text);
    // "getting", "popping": the doubled last letter of the stem read once.
    let undoubled = plain
        .char_indices()
        .nth_back(1)
        .filter(|&(_, c)| plain.ends_with(c) && !"aeiouls".contains(c))
        .map(|(i, _)| &plain[..=i]);
    let found = |v: &str| {
        w.referral_verb
            .get(v)
            .or_else(|| w.referral_with_verb.get(v))
            .or_else(|| w.referral_move_verb.has(v).then_some("go"))
    };
    found(text).or_else(|| found(plain)).or_else(|| undoubled.and_then(found)).or_else(|| {
        // "writing" reads as "write", "giving" as "give", "taking" as "take" (a stem of three
        // letters or more); "coming" is someone arriving, never the customer sent ("come to the
        // desk" is said in the plain form).
        let restored = format!("{plain}e");
        (plain.len() >= 3 && restored != "come").then(|| found(&restored)).flatten()
    })
}

/// Someone a customer may be sent to (`@referral-elsewhere`, `@referral-elsewhere-more` or
/// `@referral-party`).
pub(super) fn elsewhere(cx: &DetectorContext, word: &str) -> bool {
    let w = &cx.lists.words;
    w.referral_elsewhere.has(word) || w.referral_elsewhere_more.has(word) || w.referral_party.has(word)
}

/// The first token from `j` on in sentence `s` that is not a determiner ("the", "your", "a",
/// "their"...): where the party named after it starts.
pub(super) fn past_determiners(a: &Analysed, s: usize, mut j: usize) -> usize {
    while matches!(a.word_in(s, j), "the" | "your" | "ur" | "a" | "an" | "their") {
        j += 1;
    }
    j
}

/// True when the words after the verb at `v` deal "with" (or "w") someone other than the speaker:
/// "arrange it with the retailer", "liaise with them", "log a ticket w IT" ("it" after "with" a
/// ticket is the IT team). Not "sort it out with me", "book it with us".
pub(super) fn with_someone_else(a: &Analysed, cx: &DetectorContext, v: usize) -> bool {
    let s = a.tokens[v].sentence;
    let Some(m) = (v + 1..v + 7).find(|&k| matches!(a.word_in(s, k), "with" | "w")) else { return false };
    let j = past_determiners(a, s, m + 1);
    let who = a.word_in(s, j);
    let named = super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some();
    let own = cx.lists.words.referral_own_side.has(who) || matches!(who, "our" | "my" | "u" | "ya");
    !who.is_empty() && !own && (named || who == "it" || (j..j + 4).any(|k| elsewhere(cx, a.word_in(s, k))))
}

/// True when the words after the verb at `v` send the customer to someone other than the speaker.
pub(super) fn to_someone_else(a: &Analysed, cx: &DetectorContext, v: usize) -> bool {
    let t = &a.tokens[v];
    let s = t.sentence;
    let end = (v + 1..a.tokens.len()).find(|&k| a.tokens[k].sentence != s).unwrap_or(a.tokens.len());
    let after: Vec<usize> = (v + 1..end.min(v + 9)).collect();
    let first = a.word_in(s, v + 1);
    let skip_to =
        |k: usize| matches!(a.word_in(s, k), "to" | "2" | "with" | "w" | "for" | "up" | "in" | "out" | "back" | "over");
    // The first real object: "ring us back", "write to us", "get in touch with me", "ask for me".
    let object = after.iter().copied().find(|&k| {
        !skip_to(k) && !matches!(a.word_in(s, k), "touch" | "a" | "an" | "just" | "directly" | "again" | "a call")
    });
    // "speak then", "talk soon": a time, not someone to speak to.
    let object =
        object.filter(|&k| !matches!(a.word_in(s, k), "then" | "soon" | "later" | "now" | "tomorrow" | "today"));
    let object_word = object.map_or("", |k| a.word_in(s, k));
    if cx.lists.words.referral_own_side.has(object_word)
        || first == "back" && !after.iter().any(|&k| a.word_in(s, k) == "to")
    {
        return false;
    }
    // "our team", "our number": the speaker's own side; "our aftersales team" is another.
    if object_word == "our"
        && matches!(a.word_in(s, object.map_or(0, |k| k + 1)), "team" | "number" | "office" | "store")
    {
        return false;
    }
    let named = after.iter().any(|&k| super::phrase::name_at(&a.tokens, k, &cx.names.colleague).is_some());
    let channel = after.iter().any(|&k| {
        let w = a.word_in(s, k);
        elsewhere(cx, w) || w.contains('@') || w.contains(".com") || w.chars().filter(char::is_ascii_digit).count() >= 4
    });
    // "ring 111", "just call 999": a short service number as the verb's very object.
    let service_number = a.word_in(s, v + 1).len() == 3 && a.word_in(s, v + 1).chars().all(|c| c.is_ascii_digit());
    let verb = verb_at(a, cx, v).unwrap_or("");
    if (verb == "get" && evidence_for_the_speaker(a, v)) || (w_retell(verb) && !retold_by_duty(a, v)) {
        return false;
    }
    // "arrange it with the retailer": the party is the one after "with", and there must be one.
    if cx.lists.words.referral_with_verb.has(verb) && !cx.lists.words.referral_verb.has(verb) {
        return with_someone_else(a, cx, v);
    }
    // "go to the desk", "go back to your GP"; not "go through it again", "go ahead".
    if matches!(verb, "go" | "pop" | "head" | "come")
        && !matches!(first, "to" | "back" | "over" | "down" | "round" | "and" | "direct" | "straight")
    {
        return false;
    }
    if with_someone_else(a, cx, v) {
        return true;
    }
    if verb == "give" {
        // "give them a ring", "give your bank a call".
        return !object_word.is_empty()
            && !cx.lists.words.referral_own_side.has(object_word)
            && after.iter().any(|&k| matches!(a.word_in(s, k), "ring" | "call" | "bell" | "buzz"));
    }
    (cx.lists.words.referral_contact_verb.has(verb) && object.is_some())
        || named
        || channel
        || service_number
        || directed_to(a, cx, v, verb)
}

/// True when "direct" at `v` describes the noun after it ("Direct debit payments to the council
/// go out on the 1st", "a direct line to the manager"): no routing.
fn direct_as_adjective(a: &Analysed, v: usize) -> bool {
    a.word(v) == "direct"
        && matches!(
            a.word_in(a.tokens[v].sentence, v + 1),
            "debit" | "debits" | "dd" | "line" | "lines" | "flight" | "flights" | "link" | "access" | "dial"
        )
}

/// "Please direct any questions about the works charge to Mr Menon", "refer your query on the
/// bill to the lender": a verb of routing ("direct", "redirect", "refer") whose "to", however far
/// along its clause, names someone else (a colleague or a party), not the speaker ("direct them to
/// me").
fn directed_to(a: &Analysed, cx: &DetectorContext, v: usize, verb: &str) -> bool {
    if !matches!(verb, "direct" | "redirect" | "refer") {
        return false;
    }
    let s = a.tokens[v].sentence;
    if direct_as_adjective(a, v) {
        return false;
    }
    let clause = a.tokens[v].clause;
    let Some(to) =
        (v + 1..a.sentences[s].end).take_while(|&k| a.tokens[k].clause == clause).find(|&k| a.word(k) == "to")
    else {
        return false;
    };
    // "to Mr Menon": the title read past, the name after it.
    let j = past_determiners(a, s, to + 1);
    let j = if matches!(a.word_in(s, j), "mr" | "mrs" | "ms" | "miss" | "dr") { j + 1 } else { j };
    let who = a.word_in(s, j);
    !who.is_empty()
        && !cx.lists.words.referral_own_side.has(who)
        && (super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some()
            || (j..j + 3).any(|k| elsewhere(cx, a.word_in(s, k))))
}

/// True when "get" at `v` has someone do something ("get him to put it in writing", "get your
/// plumber 2 write down what he found") that comes back to the speaker in the same sentence ("and
/// send it to me", "and I'll take it to the adjuster"): a step of the speaker's own plan, not a
/// send-away. "Get your bank to refund you" has nothing come back and still sends away.
pub(super) fn evidence_for_the_speaker(a: &Analysed, v: usize) -> bool {
    let s = a.tokens[v].sentence;
    let j = if matches!(a.word_in(s, v + 1), "him" | "her" | "them" | "someone" | "somebody") {
        v + 1
    } else {
        let d = past_determiners(a, s, v + 1);
        if d == v + 1 {
            return false;
        }
        if matches!(a.word_in(s, d + 1), "to" | "2") { d } else { d + 1 }
    };
    let causative = matches!(a.word_in(s, j + 1), "to" | "2") && !a.word_in(s, j + 2).is_empty();
    // "... not us" sends the other way.
    let back = (j + 2..a.sentences[s].end).any(|k| {
        let me = matches!(a.word(k), "me" | "us") && a.word(k - 1) != "not" && a.tokens[k].negated_by.is_none();
        me || (a.word(k) == "i" && matches!(a.word(k + 1), "will" | "can" | "would"))
    });
    causative && back
}

/// True for the verbs of telling the case again (`@referral-verb`'s "explain", "repeat").
fn w_retell(verb: &str) -> bool {
    matches!(verb, "explain" | "repeat")
}

/// True when the customer must tell their case again to someone else: "you'll have to explain it
/// to Priya", "u need 2 repeat it to the day team", "you can explain again to the groups team" (a
/// duty before the verb, or "again" after it). "You can explain the rest to Priya when she calls"
/// (a warm hand-over), "you won't have to repeat it" and "no way will u have 2 repeat urself" are
/// not, nor a duty told to no one ("repeat yourself").
fn retold_by_duty(a: &Analysed, v: usize) -> bool {
    let s = a.tokens[v].sentence;
    let start = a.sentences[s].start;
    let duty = (v.saturating_sub(5).max(start)..v)
        .any(|k| matches!(a.word(k), "need" | "needs" | "have" | "has" | "must" | "got" | "gotta"));
    let again = (v + 1..v + 6).any(|k| matches!(a.word_in(s, k), "again" | "over"));
    // Told "to" someone in the verb's own clause ("repeat yourself. Rosa has the notes" tells no one).
    let to = (v + 1..v + 6).any(|k| matches!(a.word_in(s, k), "to" | "2") && a.tokens[k].clause == a.tokens[v].clause);
    // "no way will u have 2 repeat urself": the text-speak denial.
    let denied = (start..v).any(|k| a.word(k) == "no" && a.word(k + 1) == "way");
    (duty || again) && to && !denied
}

/// "you'll need to ring ...", "you can always write to ...", "u gotta call ur bank": the customer
/// put under a need, a duty or leave to contact someone else. Not "you should have called" (a
/// reproach about the past), not "if you need to call the bank" (a condition), not negated.
fn customer_must(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "you" | "u" | "ya") || !a.asserted_at(i) {
            continue;
        }
        let s = t.sentence;
        if a.in_condition(i) && !opens_main_clause(a, i) {
            continue;
        }
        let mut k = i + 1;
        while k < a.tokens.len()
            && a.tokens[k].sentence == s
            && a.tokens[k].clause == t.clause
            && cx.lists.words.referral_frame.has(&a.tokens[k].text)
            && k < i + 7
        {
            k += 1;
        }
        let frame = &a.tokens[i + 1..k.min(a.tokens.len())];
        let modal = frame.iter().any(|w| cx.lists.words.referral_modal.has(&w.text));
        // "you should have called"; not "you'd have to go" (a duty, "have" with "to").
        let reproach = (i + 1..k.min(a.tokens.len())).any(|j| {
            matches!(a.word(j), "should" | "could" | "would" | "must")
                && a.word(j + 1) == "have"
                && !matches!(a.word_in(s, j + 2), "to" | "2")
        });
        let negated = frame.iter().any(|w| w.is_negator());
        // "you're better off going to the branch": the verb read in its plain form.
        if k >= a.tokens.len() || !modal || reproach || negated || verb_at(a, cx, k).is_none() {
            continue;
        }
        if a.asserted_at(k) && to_someone_else(a, cx, k) {
            out.push((i, k + 2));
        }
    }
    out
}

/// True when the "you" at `i`, inside a condition clause by the text's mark, is really the
/// subject of the main clause after it: "if you disagree you can go to the dispute body" (a
/// condition with its own "you" and verb, and no comma before the main clause).
fn opens_main_clause(a: &Analysed, i: usize) -> bool {
    let Some(c) = a.tokens[i].condition else { return false };
    let subject = (c + 1..i).find(|&j| matches!(a.word(j), "you" | "u" | "ya"));
    subject.is_some_and(|j| i > j + 1)
}

/// "chase them yourself", "sort it out with the bank yourself": a contact verb in a clause that
/// ends the job with the customer ("yourself").
fn do_it_yourself(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (y, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "yourself" | "urself" | "yourselves") || !a.asserted_at(y) {
            continue;
        }
        let from = (0..y)
            .rev()
            .take_while(|&k| a.tokens[k].clause == t.clause && a.tokens[k].sentence == t.sentence)
            .last()
            .unwrap_or(y);
        // "I'd chase them yourself" advises; "I'll chase them myself" does it.
        let speaker = (from..y).any(|k| {
            matches!(a.tokens[k].text.as_str(), "i" | "we") && a.tokens.get(k + 1).is_none_or(|w| w.text != "would")
        });
        if let Some(v) = (from..y).find(|&k| cx.lists.words.referral_verb.has(&a.tokens[k].text))
            && !speaker
            && to_someone_else(a, cx, v)
        {
            out.push((v, y + 1));
        }
    }
    out
}

/// "I'd recommend contacting the carrier", "we would advise that you ring your bank", "my advice
/// is to call them": the speaker advising the customer to go elsewhere.
fn advised_to(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        // "customers are advised to": the stem of "advised" is "advis", its text starts "advise".
        // "my advice would be to ...": a noun of advice, its complement after a copula.
        let noun = cx.lists.words.referral_advice_noun.has(&t.text);
        let advising =
            noun || cx.lists.words.referral_advise_stem.iter().any(|v| t.stem.starts_with(v) || t.text.starts_with(v));
        if !advising || !a.asserted_at(i) {
            continue;
        }
        let s = t.sentence;
        // The verb advised: "contacting", "that you call", "you to ring".
        let Some(v) = (i + 1..(i + 5).min(a.tokens.len()))
            .take_while(|&k| a.tokens[k].sentence == s)
            .find(|&k| verb_at(a, cx, k).is_some())
        else {
            continue;
        };
        let between_ok = a.tokens[i + 1..v].iter().all(|w| {
            matches!(w.text.as_str(), "that" | "you" | "u" | "to" | "they" | "customers" | "just")
                || noun && matches!(w.text.as_str(), "would" | "is" | "be" | "will" | "honestly" | "here")
        });
        if between_ok && to_someone_else(a, cx, v) {
            out.push((i, v + 1));
        }
    }
    out
}

/// "Complaints should be directed to ...", "all pay queries must be raised through the HR portal":
/// the customer's request routed elsewhere in the passive.
fn routed_elsewhere(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !cx.lists.words.referral_request.has(&t.text) || !a.asserted_at(i) {
            continue;
        }
        let s = t.sentence;
        let Some(b) = (i + 1..(i + 12).min(a.tokens.len()))
            .take_while(|&k| a.tokens[k].sentence == s)
            .find(|&k| a.tokens[k].text == "be")
        else {
            continue;
        };
        let routed = a.tokens.get(b + 1).is_some_and(|w| cx.lists.words.referral_routed.has(&w.text));
        let negated = a.tokens[i..=b].iter().any(|w| w.is_negator());
        if routed && !negated && to_someone_else(a, cx, b + 1) {
            out.push((i, b + 2));
        }
    }
    out
}

/// An instruction to go to someone else, said as an imperative at the start of a clause.
fn told_to_go(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for start in 0..a.tokens.len() {
        let t = &a.tokens[start];
        if start > 0 && a.tokens[start - 1].clause == t.clause && a.tokens[start - 1].sentence == t.sentence {
            continue;
        }
        let Some(v) = (start..a.tokens.len())
            .take_while(|&k| a.tokens[k].clause == t.clause && a.tokens[k].sentence == t.sentence)
            .find(|&k| !cx.lists.words.referral_opener.has(&a.tokens[k].text))
        else {
            continue;
        };
        let w = &cx.lists.words;
        let text = a.tokens[v].text.as_str();
        // "run to the director", "liaise with them directly": read as "go" and as themselves.
        let verb = if w.referral_move_verb.has(text) { "go" } else { text };
        let goes_to = !matches!(verb, "go" | "pop" | "head")
            || matches!(a.word_in(t.sentence, v + 1), "to" | "back" | "over" | "down" | "round" | "2");
        let imperative = w.referral_imperative.has(verb) || w.referral_with_verb.has(verb) || verb == "go";
        if imperative && goes_to && !direct_as_adjective(a, v) && a.asserted_at(v) && to_someone_else(a, cx, v) {
            out.push((v, v + 2));
        }
    }
    out
}

/// "I'd give them a call", "I would contact them directly if I were you", "I'd probably go back to
/// the manufacturer": the speaker's advice of what they would do in the customer's place. Not
/// "I'd ring them for you" / "myself" (the speaker does it), nor "I would like to call" (a wish).
fn in_your_place(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if t.text != "i" || a.word_in(t.sentence, i + 1) != "would" || !a.asserted_at(i) {
            continue;
        }
        let s = t.sentence;
        let mut v = i + 2;
        while matches!(
            a.word_in(s, v),
            "probably" | "just" | "definitely" | "honestly" | "really" | "personally" | "maybe" | "keep"
        ) {
            v += 1;
        }
        // "I'd just keep emailing him": the verb read in its plain form.
        if v >= a.tokens.len() || a.tokens[v].sentence != s || verb_at(a, cx, v).is_none() {
            continue;
        }
        let clause = a.tokens[v].clause;
        let rest: Vec<&str> = (v..a.tokens.len())
            .take_while(|&k| a.tokens[k].clause == clause && a.tokens[k].sentence == s)
            .map(|k| a.word(k))
            .collect();
        let speaker_does_it = rest.windows(2).any(|w| w == ["for", "you"] || w == ["on", "your"])
            || rest.iter().any(|w| matches!(*w, "myself" | "ourselves"));
        if !speaker_does_it && a.asserted_at(v) && to_someone_else(a, cx, v) {
            out.push((i, v + 1));
        }
    }
    out
}

/// "You ask Denise directly please", "For complaint, you call PALS", "maybe you ask them again":
/// "you" opening its clause with a plain verb of contacting someone else, an instruction said as a
/// statement (often in non-native English). Not "if / when you call", not past, not a question.
fn you_plainly(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "you" | "u") || !a.asserted_at(i) {
            continue;
        }
        let opens = i == 0
            || a.tokens[i - 1].clause != t.clause
            || a.tokens[i - 1].sentence != t.sentence
            || cx.lists.words.referral_opener.has(a.word(i - 1));
        let v = if a.word_in(t.sentence, i + 1) == "just" { i + 2 } else { i + 1 };
        let verb = a.word_in(t.sentence, v);
        if opens && cx.lists.words.referral_contact_verb.has(verb) && a.asserted_at(v) && to_someone_else(a, cx, v) {
            out.push((i, v + 1));
        }
    }
    out
}

/// "Our payments team can be reached at payments@...", "GreenCycle can be contacted at
/// @GreenCycleNV": a third party's line given as the way to them. Not the speaker's own ("I can be
/// reached on 4410").
fn can_be_reached(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (b, t) in a.tokens.iter().enumerate() {
        if t.text != "be" || b < 2 || !a.asserted_at(b) || t.negated_by.is_some() {
            continue;
        }
        let s = t.sentence;
        let modal = matches!(a.word(b - 1), "can" | "may" | "could");
        let subject = a.word(b - 2);
        let reached = matches!(a.word_in(s, b + 1), "reached" | "contacted" | "emailed" | "called" | "phoned");
        let how = matches!(a.word_in(s, b + 2), "at" | "on" | "via" | "by" | "through");
        let own = cx.lists.words.referral_own_side.has(subject) || matches!(subject, "i" | "we");
        if modal && reached && how && !own && a.tokens[b - 2].sentence == s {
            out.push((b - 1, b + 3));
        }
    }
    out
}

/// The way to reach someone that ends at or starts from token `k`, as a token range: an email or
/// web address, found at its domain (`@line-domain`, joined to the word before it by one mark:
/// "care@mowerco.example" reads as "care", "mowerco", "example"; "for example" and "an example
/// of" are words), or a phone number (a first group starting 0 or +, seven digits or more over up
/// to four groups).
fn contact_point(a: &Analysed, cx: &DetectorContext, k: usize) -> Option<Range> {
    let w = a.word(k);
    let s = a.tokens[k].sentence;
    let joined = |j: usize| j > 0 && a.tokens[j - 1].sentence == s && a.tokens[j].start == a.tokens[j - 1].end + 1;
    if cx.lists.words.line_domain.has(w) && joined(k) {
        let prev = a.word(k - 1);
        let a_word = w == "example"
            && (matches!(prev, "for" | "an" | "as" | "good" | "one" | "the" | "a" | "this" | "that" | "another")
                || a.word_in(s, k + 1) == "of");
        let mut start = k - 1;
        while start > k.saturating_sub(4) && joined(start) {
            start -= 1;
        }
        let mut end = k + 1;
        while end < a.tokens.len() && joined(end) && end < k + 4 {
            end += 1;
        }
        return (!a_word).then_some((start, end));
    }
    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).count();
    if !(w.starts_with('0') || w.starts_with('+')) || digits(w) < 2 || digits(w) * 2 < w.len() {
        return None;
    }
    let mut end = k + 1;
    let mut total = digits(w);
    while end < k + 4 && !a.word_in(s, end).is_empty() && a.word_in(s, end).chars().all(|c| c.is_ascii_digit()) {
        total += digits(a.word_in(s, end));
        end += 1;
    }
    (total >= 7).then_some((k, end))
}

/// "Their number's 0208 555 3020", "Payments team: payments@homewares.example", "the
/// manufacturer's customer line is 0800 555 0199", "fourth time lucky: 0800 727 0000": a way to
/// reach someone else given as a plain statement, so the customer is the one to use it. Not the
/// speaker's own ("call me on ...", "our number is ..."), not the customer's ("your reference is
/// ..."), nor one asked about or quoted.
fn line_given(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    let mut at = 0;
    while at < a.tokens.len() {
        let Some((k, end)) = contact_point(a, cx, at) else {
            at += 1;
            continue;
        };
        let t = &a.tokens[k];
        let start = a.sentences[t.sentence].start;
        let before = || (start..k).rev().take_while(|&j| a.tokens[j].clause == t.clause || k - j <= 4);
        let own = before().any(|j| matches!(a.word(j), "i" | "me" | "my" | "we" | "us" | "our" | "ours"));
        let customers = before().take(4).any(|j| matches!(a.word(j), "your" | "ur" | "yours"));
        let reference = before().take(3).any(|j| w.line_reference.has(a.word(j)));
        if a.asserted_at(k) && (!a.in_condition(k) || after_wish(a, k)) && !own && !customers && !reference {
            out.push((k, end));
        }
        at = end.max(at + 1);
    }
    out
}

/// True when token `k` lies in a condition that is a wish of the customer's ("if u wanna complain
/// its complaints@..."): what follows is the way to act on the wish, not something conditional.
fn after_wish(a: &Analysed, k: usize) -> bool {
    a.tokens[k].condition.is_some_and(|c| {
        a.word(c) == "if"
            && matches!(a.word(c + 1), "you" | "u")
            && matches!(a.word(c + 2), "want" | "wanna" | "wish" | "would" | "like")
    })
}

/// Every structural send-away in the answer, found once per answer (the sends-away rule and the
/// learned layer's hand-over gate both read it).
pub(super) fn referrals(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    cx.memo(super::context::step::REFERRALS, || find_referrals(a, cx))
}

fn find_referrals(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = customer_must(a, cx);
    out.extend(do_it_yourself(a, cx));
    out.extend(advised_to(a, cx));
    out.extend(routed_elsewhere(a, cx));
    out.extend(told_to_go(a, cx));
    out.extend(in_your_place(a, cx));
    out.extend(you_plainly(a, cx));
    out.extend(can_be_reached(a, cx));
    out.extend(line_given(a, cx));
    out.extend(super::referral_forms::more_forms(a, cx));
    out.extend(super::referral_implied::implied(a, cx));
    out
}

#[cfg(test)]
#[path = "referral_tests.rs"]
mod more_tests;

//! `empathy` said in the speaker's own words rather than a stock phrase: a word of feeling
//! ("angry", "worried", "shattered", "a real worry") that belongs to the customer, by who holds it
//! ("you must be so worried", "for you is big pressure", "how angry and tired you are"), by an
//! inference ("that must be a real worry"), or by the speaker recognising it ("I totally get it,
//! it's maddening"). See `docs/labelling.md`: the speaker's own feelings, a negated or conditional
//! feeling ("don't worry", "sorry if you're upset"), a question and quoted words do not count.
//! Three more shapes name the impact rather than a feeling: the speaker firmly knowing something of
//! the customer's situation ("I know you took unpaid leave for it", "I realise this leaves you
//! short"), a hardship said of the customer's situation ("being ill and losing the trip is hard",
//! "that's a rotten position"), and the speaker putting themselves in the customer's place ("I'd be
//! livid", "I'd be lying awake over that too").

use super::detectors::{DetectorContext, Range};
use super::text::{Analysed, Token};
use super::word_sets::WordSets;

/// Feelings named as the customer's (`@feeling-word`, held by `@feeling-customer` rather than
/// `@feeling-other-holder`), with the word as evidence.
pub(super) fn named(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = held(a, w);
    out.extend(known_situation(a, w));
    out.extend(hardship_of_situation(a, w));
    out.extend(in_their_place(a, w));
    out.extend(customer_loss(a, w));
    out.extend(beyond_imagining(a));
    out.extend(super::feeling_forms::exclaimed(a, w));
    out.extend(super::feeling_forms::struck(a, w));
    out.extend(super::feeling_forms::judged_wrong(a, w));
    out.extend(super::feeling_forms::went_without(a, w));
    out.extend(super::feeling_forms::with_dependants(a, w));
    out.extend(super::feeling_forms::gone(a, w));
    out.extend(super::feeling_impact::named(a, w));
    out
}

/// Words of feeling that are one only with a particle after them ("fed up", "worn out").
const WITH_PARTICLE: &[(&str, &[&str])] =
    &[("fed", &["up"]), ("worn", &["out", "down"]), ("wound", &["up"]), ("freaked", &["out"])];

/// True when the word at `i` needs a particle and lacks it ("fed by the council", "worn shoes").
pub(super) fn without_particle(a: &Analysed, i: usize) -> bool {
    WITH_PARTICLE.iter().any(|(word, particles)| a.word(i) == *word && !particles.contains(&a.word(i + 1)))
}

/// A word of feeling (`@feeling-word` or `@feeling-word-more`).
pub(super) fn feels(w: &WordSets, word: &str) -> bool {
    w.feeling_word.has(word) || w.feeling_word_more.has(word)
}

/// A word of degree before a word of hardship (`@feeling-degree` or `@feeling-degree-more`).
pub(super) fn degree(w: &WordSets, word: &str) -> bool {
    w.feeling_degree.has(word) || w.feeling_degree_more.has(word)
}

/// A word of feeling held by the customer, followed by "you", inferred with "must" or recognised.
fn held(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !feels(w, &t.text) || without_particle(a, i) {
            continue;
        }
        let sentence = &a.sentences[t.sentence];
        // "I can't imagine how stressful": the only negation is the one that says it is beyond words.
        let imagined = t.negated_by.is_some_and(|n| (n + 1..i).any(|v| imagines_how(a, v)))
            && !t.quoted
            && !sentence.question_mark;
        if !a.asserted_at(i) && !imagined {
            continue;
        }
        // "you must be so worried" is split at "so": the intensifier keeps the clause before.
        let opens_clause = |k: usize| k == sentence.start || a.tokens[k - 1].clause != a.tokens[k].clause;
        let intensified =
            i > sentence.start && matches!(a.tokens[i - 1].text.as_str(), "so" | "such") && opens_clause(i - 1);
        let first = if intensified && i - 1 > sentence.start { a.tokens[i - 2].clause } else { t.clause };
        let clause: Vec<usize> =
            (sentence.start..i).filter(|&k| a.tokens[k].clause == t.clause || a.tokens[k].clause == first).collect();
        let before = |words: &[&str]| clause.iter().any(|&k| words.contains(&a.tokens[k].text.as_str()));
        // "sorry if you're upset", "no need to worry", "if you're unhappy": not the customer's feeling;
        // "sorry you're disappointed" apologises for the feeling (a deflecting apology).
        if before(&["need", "sorry"]) || a.in_condition(i) || dismissed_before(a, w, i) {
            continue;
        }
        let holder = clause
            .iter()
            .rev()
            .map(|&k| a.tokens[k].text.as_str())
            .find(|h| w.feeling_customer.has(h) || w.feeling_other_holder.has(h));
        let customer_holds = holder.is_some_and(|h| w.feeling_customer.has(h));
        let you_after = (i + 1..(i + 5).min(sentence.end))
            .take_while(|&k| a.tokens[k].clause == t.clause)
            .any(|k| matches!(a.tokens[k].text.as_str(), "you" | "anyone" | "anybody"));
        let inferred = before(&["must"]) && holder.is_none_or(|w| !matches!(w, "i" | "we" | "me" | "us"));
        let recognised = recognised_before(a, w, i);
        let speaker_holds = holder.is_some_and(|w| matches!(w, "i" | "we" | "me" | "us"));
        // "I recognise how concerning it is": the speaker holds the recognising, the feeling is the
        // customer's situation's.
        let fires = if speaker_holds {
            recognised && you_after || recognised_how(a, w, i) || recognised_directly(a, w, i)
        } else {
            customer_holds || you_after || inferred || recognised
        };
        if fires {
            out.push((i, i + 1));
        }
    }
    out
}

/// Words that report what the customer said or did to reach us ("I know you called"): the speaker
/// knowing that is not recognising an impact.
const REPORTING: &[&str] = &[
    "said",
    "say",
    "told",
    "tell",
    "asked",
    "ask",
    "called",
    "rang",
    "phoned",
    "mentioned",
    "wrote",
    "emailed",
    "contacted",
    "chased",
    "messaged",
    "spoke",
    "booked",
    "ordered",
    "sent",
];

/// Verbs whose subject the customer's own thing is, after "I know your ..." ("... needs it", "...
/// is on Friday"): what the speaker knows is a clause about it, not the thing itself.
const OWN_VERB: &[&str] =
    &["is", "are", "was", "were", "has", "had", "needs", "need", "needed", "means", "meant", "depends", "relies"];

/// Conjunctions after which the speaker turns away from what they recognised ("I know, but ...").
const TURNING: &[&str] = &["but", "however", "although", "though", "yet"];

/// "I know you took unpaid leave for it", "I realise this leaves you short", "i no ur stressing":
/// the speaker (`i`/`we`, an adverb or "can" between) firmly knowing (`@feeling-know`) something
/// about the customer, who is named within the next few words of the same sentence, before any
/// "but", and not as the one who reported or asked something ("I know you called twice").
fn known_situation(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        if !(w.feeling_know.has(&t.text) || w.feeling_tell.has(&t.text))
            || t.quoted
            || t.retold
            || a.sentences[t.sentence].question_mark
        {
            continue;
        }
        // "I can tell you're fed up": "tell" knows how the customer is only with "you" and a verb
        // of being after it ("I can tell you the number" tells).
        let being = ["are", "were", "have", "had", "must", "sound", "seem", "really", "been", "look"];
        if w.feeling_tell.has(&t.text) && !(w.feeling_customer.has(a.word(k + 1)) && being.contains(&a.word(k + 2))) {
            continue;
        }
        let text_speak_no = t.text == "no";
        if !text_speak_no && denied(a, k) {
            continue;
        }
        let sentence = &a.sentences[t.sentence];
        let subject = (k.saturating_sub(3).max(sentence.start)..k)
            .rev()
            .find(|&s| matches!(a.tokens[s].text.as_str(), "i" | "we"))
            .filter(|&s| (s + 1..k).all(|m| w.feeling_know_between.has(&a.tokens[m].text)));
        let Some(subject) = subject else { continue };
        if text_speak_no && subject + 1 != k {
            continue;
        }
        let mut start = k + 1;
        while start < sentence.end && matches!(a.tokens[start].text.as_str(), "that" | "just" | "how" | "totally") {
            start += 1;
        }
        // "I understand where you're coming from": the customer's point of view, no feeling or impact.
        if start >= sentence.end || matches!(a.tokens[start].text.as_str(), "i" | "we" | "me" | "us" | "where") {
            continue;
        }
        let end = (start + 9).min(sentence.end);
        let about_customer = (start..end)
            .take_while(|&j| !TURNING.contains(&a.tokens[j].text.as_str()) && !a.tokens[j].quoted)
            .find(|&j| w.feeling_customer.has(&a.tokens[j].text) && !REPORTING.contains(&a.word(j + 1)))
            // "I appreciate your patience", "I understand you.": the customer only as the object.
            .filter(|&j| {
                let ends = j + 1 >= sentence.end || a.tokens[j + 1].clause != a.tokens[j].clause;
                // "ur stressing" is text-speak for "you're stressing".
                // "I know your daughter needs it", "i know ur client's show is riding on this": the
                // customer's own (`your` and one or two words) as the subject of a verb after it.
                let subject_of = |m: usize| {
                    (m + 2..m + 4).any(|v| {
                        a.tokens.get(v).is_some_and(|x| x.clause == a.tokens[j].clause) && OWN_VERB.contains(&a.word(v))
                    })
                };
                let object = match a.tokens[j].text.as_str() {
                    "you" => ends,
                    _ => !a.word(j + 1).ends_with("ing") && !subject_of(j),
                };
                !(j == start && object)
            });
        // "I know the shop was relying on that stock": leaning on something is an impact, whoever leans.
        let relied = || {
            (start..end)
                .take_while(|&j| !TURNING.contains(&a.tokens[j].text.as_str()) && !a.tokens[j].quoted)
                .find(|&j| w.feeling_reliance.has(&a.tokens[j].text) || w.feeling_matters.has(&a.tokens[j].text))
        };
        if let Some(j) = about_customer {
            out.push((subject, j + 1));
        } else if let Some(j) = relied() {
            // With its "on" ("relying on"), so what follows is the thing leaned on.
            out.push((subject, if a.word_in(t.sentence, j + 1) == "on" { j + 2 } else { j + 1 }));
        }
    }
    out
}

/// "Being ill and losing the trip too is hard", "that's a rotten position to be in", "six weeks of
/// bins piling up is miserable": a word of feeling or hardship (`@feeling-hardship`) said after a
/// copula of a situation, not of the speaker's side ("our app is awful") nor of another person
/// ("they were furious"), firmly and not under "if" or "sorry".
fn hardship_of_situation(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        // "a real let-down": the noun, after a word of degree.
        let let_down = t.text == "let" && a.word(i + 1) == "down" && i > 0 && degree(w, a.word(i - 1));
        let particle = WITH_PARTICLE.iter().any(|(word, _)| t.text == *word);
        if !(feels(w, &t.text) || w.feeling_hardship.has(&t.text) || let_down) || !a.asserted_at(i) || particle {
            continue;
        }
        // "it's hard to say", "difficult for me to give a date": the speaker's difficulty.
        let next = a.word(i + 1);
        // "sorry, it's bad news": the news announced, not what the customer goes through.
        if next == "news" {
            continue;
        }
        // "hard to take", "tough to hear": the customer's receiving it, not the speaker's difficulty.
        let received = super::feeling_forms::received_at(a, i + 2);
        let own_difficulty = (next == "to" && matches!(t.text.as_str(), "hard" | "difficult" | "tough") && !received)
            || (matches!(next, "for" | "on")
                && matches!(a.word(i + 2), "me" | "us" | "my" | "our" | "them" | "him" | "her"));
        if own_difficulty {
            continue;
        }
        let sentence = &a.sentences[t.sentence];
        let mut c = i;
        while c > sentence.start && degree(w, &a.tokens[c - 1].text) {
            c -= 1;
        }
        if c == sentence.start || !w.feeling_copula.has(&a.tokens[c - 1].text) || !asserted_past_lack(a, c - 1) {
            continue;
        }
        let copula = c - 1;
        let clause = a.tokens[copula].clause;
        // "I know the wait is awful": the speaker who knows is not the subject of what is hard.
        let known = (sentence.start..copula)
            .rev()
            .find(|&k| {
                a.tokens[k].clause == clause && (w.feeling_know.has(a.word(k)) || w.feeling_recognise.has(a.word(k)))
            })
            .map_or(sentence.start, |k| k + 1);
        let subject: Vec<&str> =
            (known..copula).filter(|&k| a.tokens[k].clause == clause).map(|k| a.tokens[k].text.as_str()).collect();
        // "ur mortgage bouncing bc of us is awful": who caused it is not whose it is.
        let ours = subject
            .iter()
            .take_while(|s| !CAUSE.contains(s))
            .any(|s| matches!(*s, "i" | "we" | "me" | "us" | "my" | "our" | "he" | "she" | "they"));
        // "sorry the wait was stressful" apologises for the feeling; "I'm so sorry, no heating is
        // awful" says it after the apology, in a clause of its own.
        let guarded = a.in_condition(copula)
            || (sentence.start..copula).any(|k| a.tokens[k].text == "sorry" && a.tokens[k].clause == clause);
        // "it's been a nightmare since the summer": a bare "it" says nothing of the customer unless
        // the customer is named after ("it's rotten when you've taken the day off").
        let aux = ["has", "have", "had", "must", "may", "might", "would", "will", "could", "can", "should", "does"];
        let bare_it = subject.iter().rev().find(|w| !aux.contains(w)) == Some(&"it")
            && !(i + 1..(i + 7).min(sentence.end)).any(|k| w.feeling_customer.has(&a.tokens[k].text));
        if !ours && !guarded && !bare_it && !dismissed_before(a, w, i) {
            out.push((copula, i + 1));
        }
    }
    out
}

/// Words after a "no" opening a clause that make it something other than a lack: "no one", "no
/// way", or a spoken "no" before its own subject ("no, that's rubbish" said without the comma).
const NOT_A_LACK: &[&str] =
    &["one", "way", "matter", "doubt", "point", "need", "that", "this", "it", "thats", "you", "u", "i", "we", "they"];

/// Words that open the cause inside a subject ("losing the booking because of us").
const CAUSE: &[&str] = &["because", "bc", "cos", "coz", "cuz", "due", "thanks", "by"];

/// True when the copula at `k` is said firmly, or is under no other negation than a lack inside
/// its own subject: "five weeks with no floor is grim", "a call w no news is hard to take" (the
/// "no" belongs to "with no floor", not to "is"), "no heating in January is miserable" (the
/// subject is the lack itself; not "no one", "no way").
fn asserted_past_lack(a: &Analysed, k: usize) -> bool {
    let t = &a.tokens[k];
    let opens = |n: usize| n == 0 || a.tokens[n - 1].clause != a.tokens[n].clause;
    let lack = |n: usize| {
        n + 1 < k
            && a.word(n) == "no"
            && a.tokens[n].clause == t.clause
            && ((n > 0 && matches!(a.word(n - 1), "with" | "w")) || (opens(n) && !NOT_A_LACK.contains(&a.word(n + 1))))
    };
    a.asserted_at(k)
        || (!t.quoted && !t.retold && !a.sentences[t.sentence].question_mark && t.negated_by.is_some_and(lack))
}

/// "I'd be livid", "I would be lying awake over that too": the speaker in the customer's place,
/// a conditional "would" between the speaker and a word of feeling or a closing "too", firmly.
fn in_their_place(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "i" | "we") || a.word(k + 1) != "would" || !a.asserted_at(k + 1) {
            continue;
        }
        let sentence = &a.sentences[t.sentence];
        let clause = a.tokens[k + 1].clause;
        let rest: Vec<usize> = (k + 2..sentence.end).take_while(|&j| a.tokens[j].clause == clause).collect();
        if !rest.first().is_some_and(|&j| matches!(a.tokens[j].text.as_str(), "be" | "feel" | "have")) {
            continue;
        }
        // "I'd be climbing the walls", "I'd have lost my temper": distress in the customer's place.
        let felt = rest.iter().take(6).find(|&&j| {
            let word = a.tokens[j].text.as_str();
            feels(w, word) || w.feeling_hardship.has(word) || w.feeling_in_place.has(word)
        });
        let too = rest.last().filter(|&&j| a.tokens[j].text == "too" && rest.len() > 1);
        if let Some(&j) = felt.or(too) {
            out.push((k, j + 1));
        }
    }
    out
}

/// "You've lost a day's pay over this", "sorry for your lost morning", "the week you've had
/// re-keying": something of the customer's (`@feeling-loss-object`) lost or wasted, with the
/// customer named beside it, firmly and not under "if".
fn customer_loss(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "lost" | "lose" | "losing" | "wasted" | "wasting") || !a.asserted_at(k) {
            continue;
        }
        let sentence = &a.sentences[t.sentence];
        let near = |j: usize| j >= sentence.start && j < sentence.end && a.tokens[j].clause == t.clause;
        let customer =
            (k.saturating_sub(3)..k).chain(k + 1..k + 2).any(|j| near(j) && w.feeling_customer.has(a.word(j)));
        let object = (k + 1..k + 5).find(|&j| near(j) && w.feeling_loss_object.has(a.word(j)));
        if let (true, Some(j), false) = (customer, object, a.in_condition(k)) {
            out.push((k, j + 1));
        }
    }
    out
}

/// "I can see ...", "I totally get it, ...": the speaker recognising something earlier in the
/// sentence (`@feeling-recognise`), firmly (not "I don't know why you're upset").
fn recognised_before(a: &Analysed, w: &WordSets, i: usize) -> bool {
    let sentence = &a.sentences[a.tokens[i].sentence];
    (sentence.start..i).any(|k| {
        let t: &Token = &a.tokens[k];
        matches!(t.text.as_str(), "i" | "we")
            && (k + 1..(k + 4).min(i)).any(|v| {
                w.feeling_recognise.has(&a.tokens[v].text)
                    && (!denied(a, v) || imagines_how(a, v))
                    && !a.tokens[v].quoted
            })
    })
}

/// "I recognise how concerning it is", "we understand just how worrying that was", "I can't
/// imagine how stressful that must be": the speaker (`i`/`we` within four words) recognising
/// (`@feeling-recognise`), then "how" opening the clause of the feeling at `i`, within four words.
fn recognised_how(a: &Analysed, w: &WordSets, i: usize) -> bool {
    let start = a.sentences[a.tokens[i].sentence].start;
    (start.max(i.saturating_sub(4))..i).any(|h| {
        let v = if h >= start + 2 && a.word(h - 1) == "just" { h - 2 } else { h.saturating_sub(1) };
        a.word(h) == "how"
            && v > start
            && w.feeling_recognise.has(a.word(v))
            && (!denied(a, v) || imagines_how(a, v))
            && !a.tokens[v].quoted
            && (v.saturating_sub(4).max(start)..v).any(|k| matches!(a.word(k), "i" | "we"))
    })
}

/// "I completely understand the frustration", "we get your anxiety", "I can hear the worry": the
/// feeling at `i` is what the speaker (`i`/`we` within four words) recognises (`@feeling-recognise`,
/// not "feel": "I feel the pressure" is the speaker's), with only a determiner between, firmly.
/// Not "I get stressed" (no determiner: the speaker's own state).
fn recognised_directly(a: &Analysed, w: &WordSets, i: usize) -> bool {
    let start = a.sentences[a.tokens[i].sentence].start;
    let mut v = i;
    while v > start && matches!(a.word(v - 1), "the" | "your" | "ur" | "all" | "this" | "that") {
        v -= 1;
    }
    if v == i || v <= start + 1 {
        return false;
    }
    let verb = v - 1;
    w.feeling_recognise.has(a.word(verb))
        && a.word(verb) != "feel"
        && !denied(a, verb)
        && !a.tokens[verb].quoted
        && (verb.saturating_sub(4).max(start)..verb).any(|k| matches!(a.word(k), "i" | "we"))
}

/// "I can't imagine how hard that is", "three nights of that, I can't imagine", "i cant imagine
/// sitting there all day": a negated "imagine" before "how" or "what", ending its clause, or
/// before what the customer went through (a verb in "-ing") says it is beyond words, not that it
/// is dismissed ("I can't imagine it was that bad", "I can't imagine anything's wrong" dismiss).
fn imagines_how(a: &Analysed, k: usize) -> bool {
    let s = a.tokens[k].sentence;
    let next = a.word_in(s, k + 1);
    let ends = next.is_empty() || a.tokens[k + 1].clause != a.tokens[k].clause;
    let going_through = next.len() > 4 && next.ends_with("ing") && !next.ends_with("thing");
    a.word(k) == "imagine" && (matches!(next, "how" | "what") || ends || going_through)
}

/// "Four nights in a hotel with the kids, I can't imagine", "i cant even imagine, ur wedding
/// week", "I can't imagine doing that drive twice": the speaker (`i`/`we` within three words)
/// saying what the customer goes through is beyond imagining ([`imagines_how`] without "how" or
/// "what", which the word of feeling after it decides), firmly: not asked, quoted or under "if".
fn beyond_imagining(a: &Analysed) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if t.text != "imagine" || !denied(a, k) || t.quoted || t.retold || a.sentences[s].question_mark {
            continue;
        }
        if a.in_condition(k) || matches!(a.word_in(s, k + 1), "how" | "what") || !imagines_how(a, k) {
            continue;
        }
        let start = a.sentences[s].start;
        if let Some(i) = (k.saturating_sub(4).max(start)..k).find(|&j| matches!(a.word(j), "i" | "we")) {
            out.push((i, k + 1));
        }
    }
    out
}

/// "I don't know why you're so cross", "I can't see why you'd be upset": the feeling dismissed.
fn dismissed_before(a: &Analysed, w: &WordSets, i: usize) -> bool {
    let sentence = &a.sentences[a.tokens[i].sentence];
    (sentence.start..i).any(|k| w.feeling_recognise.has(&a.tokens[k].text) && denied(a, k) && !imagines_how(a, k))
}

/// Token `k` is negated by a word other than a spoken "no" ("yeah no I get it" agrees).
fn denied(a: &Analysed, k: usize) -> bool {
    a.tokens[k].negated_by.is_some_and(|n| a.tokens.get(n).is_none_or(|t| t.text != "no"))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::detectors::DetectorContext;
    use super::super::lists::Lists;
    use super::super::phrase::Names;
    use super::super::text::analyse;
    use super::named;

    fn empathy(text: &str) -> bool {
        let (names, lists) = (Names::default(), Lists::new(&BTreeMap::new()));
        !named(&analyse(text), &DetectorContext::new(&names, &lists, None)).is_empty()
    }

    #[test]
    fn feelings_that_belong_to_the_customer_are_named() {
        for text in [
            "I can feel how angry and tired you are after four days.",
            "that sounds like a horrible evening for you",
            "You were right to be angry.",
            "@jdoe totally get why you're fed up, 3 weeks is too long ^KB",
            "omg u must b so worried rn",
            "Mr Ito, for you is big pressure, I understand.",
            "That must be a real worry with a repair that size.",
            "Dear Mrs Obi, I recognise that the delay has been distressing for you and your family.",
            "yeah no I get it, it's maddening telling the same story twice",
            "Sir, you must be shattered after the night you had.",
            "Anyone would be livid after three missed visits.",
        ] {
            assert!(empathy(text), "{text}");
        }
    }

    #[test]
    fn the_speakers_own_negated_conditional_or_asked_feelings_are_not() {
        for text in [
            "Don't worry, we'll sort it.",
            "I'm worried we won't make the deadline.",
            "Are you angry with us?",
            "Sorry if you're upset.",
            "I'm tired of repeating myself.",
            "There's no need to get angry.",
            "The frustrating part is the system is slow.",
            "You said you were 'furious', fine.",
            "We are fed up with the courier too.",
            "If you're unhappy with the answer, you can appeal.",
            "I don't know why you're so cross about it.",
            "Sorry you're disappointed. No update yet.",
            "Thank you for your patience, Mr Petrakis.",
        ] {
            assert!(!empathy(text), "{text}");
        }
    }

    #[test]
    fn the_customers_situation_known_or_called_hard_is_empathy() {
        for text in [
            "I know you took the afternoon off for this.",
            "i no ur stressing about the exam on monday",
            "I realise this leaves you short before payday.",
            "We fully appreciate that without the van you cannot take jobs.",
            "Being stuck in a hotel lobby all night is rough.",
            "That's a rotten spot to be put in.",
            "Honestly, a month of cold showers is miserable.",
            "Standing at the bus stop in the rain for nothing, I'd be livid.",
            "Two evenings of waiting in, I would be fuming about that too.",
            "Ma'am, I understand you lose your shift because of us, this is very hard for you.",
            "ur lost weekend is on us",
            "You've lost a day's wages over our mistake.",
        ] {
            assert!(empathy(text), "{text}");
        }
    }

    #[test]
    fn facts_manners_the_speakers_side_and_offers_are_not() {
        for text in [
            "I know you called on Tuesday.",
            "I appreciate your patience while we look.",
            "I understand you.",
            "I understand, but you will need to ring the bank.",
            "I know I said Friday.",
            "It's hard to say when the part will come.",
            "It's been a nightmare since the summer with that supplier.",
            "Our booking system is awful.",
            "They were furious with the courier.",
            "I'd be happy to arrange a call back.",
            "If you lose your receipt we can still help.",
            "Do you know if you lost the form?",
            "Sorry if the wait was stressful.",
        ] {
            assert!(!empathy(text), "{text}");
        }
    }
}

#[cfg(test)]
#[path = "feeling_tests.rs"]
mod rule_tests;

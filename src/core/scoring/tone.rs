//! How the speaker stands towards the failure and the customer, read from who does what in each
//! clause: a retold promise owned as broken ("I said I'd ring and I didn't"), an apology framed as
//! the customer's feeling or excused by an outside cause, the real cost to the customer ("it cost
//! you a morning"), and questions that ask nothing (tags, echoes) or ask without a question mark
//! (a spoken "um shall we crack on then").

use super::detectors::{DetectorContext, Range, find};
use super::text::{Analysed, Token};

/// The end of a negated helper at `k` ("did not", "have not", "had not", "never"), if there is one.
fn negated_helper(a: &Analysed, cx: &DetectorContext, k: usize) -> Option<usize> {
    let end = match (a.word(k), a.word(k + 1)) {
        ("never", _) => k + 1,
        ("did" | "have" | "had", "not") => k + 2,
        _ => return None,
    };
    // "I haven't got the answer", "I didn't want to...": not the promise left unkept.
    (!cx.lists.words.tone_not_the_promise.has(a.word(end))).then_some(end)
}

/// "I said I'd ring and I didn't", "I promised the call and I didn't make it", "I told you Tuesday.
/// I didn't.": the speaker retells their own promise (in this sentence or the one before) and then
/// says, as themselves, that they did not keep it. Returns the admission.
pub(super) fn broken_promise_owned(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "i" | "we") || t.quoted || t.retold {
            continue;
        }
        let mut k = i + 1;
        while a.tokens.get(k).is_some_and(|w| cx.lists.words.tone_softener.has(&w.text) && w.sentence == t.sentence) {
            k += 1;
        }
        let Some(end) = negated_helper(a, cx, k) else { continue };
        let from = a.sentences[t.sentence.saturating_sub(1)].start;
        if a.tokens[from..i].iter().any(|w| w.retold) {
            out.push((i, end));
        }
    }
    out
}

/// True when an apology at `d` frames the failure as the customer's feeling or view ("sorry you
/// feel I've let you down"): what follows it in the sentence is not owned.
fn framed_as_feeling(a: &Analysed, d: Range) -> bool {
    a.tokens[d.0..d.1].iter().any(|t| matches!(&*t.stem, "feel" | "felt" | "think" | "thought" | "believ"))
}

/// What the speaker owns as a failure: the ownership list and patterns, and a retold promise
/// admitted as broken ([`broken_promise_owned`]); not words the speaker frames as the customer's
/// feeling ("sorry you feel I've let you down").
pub(super) fn owned_failures(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let framing: Vec<Range> =
        find(&cx.lists.deflecting, a, cx).into_iter().filter(|d| framed_as_feeling(a, *d)).collect();
    let mut out = find(&cx.lists.ownership, a, cx);
    out.extend(broken_promise_owned(a, cx));
    out.retain(|o| {
        !framing.iter().any(|d| a.tokens[d.0].sentence == a.tokens[o.0].sentence && d.0 <= o.0 && o.0 <= d.1 + 3)
    });
    out.sort();
    out.dedup();
    out
}

/// How far (in words) blame reaches to undo ownership in its sentence: a spoken answer is often one
/// long sentence, where blame at the other end is about something else.
const BLAME_REACH: usize = 12;

/// True when blame `b` follows what is owned at `o` in its sentence, at most [`BLAME_REACH`] words
/// on ("I'm sorry I didn't call, that's billing's fault"); blame before it that the speaker then
/// owns ("the courier lost it, and that's on us") leaves the ownership standing.
pub(super) fn undone_by_blame(a: &Analysed, o: Range, b: Range) -> bool {
    a.tokens[o.0].sentence == a.tokens[b.0].sentence && b.1 > o.1 && b.0.saturating_sub(o.1) <= BLAME_REACH
}

/// Where the answer puts the cause elsewhere: the blame rule and blame said in ordinary words.
pub(super) fn any_blame(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = super::detectors::detect_rule("blame-shifting", a, cx);
    out.extend(super::blame::party_blame(a, cx));
    out
}

/// A conditional apology about the speaker's own intrusion, not the failure ("sorry if I'm
/// interrupting your Sunday", "apologies if this disturbs your evening").
pub(super) fn polite_intrusion(a: &Analysed, d: Range) -> bool {
    let sentence = a.tokens[d.0].sentence;
    a.tokens[d.0..(d.1 + 4).min(a.tokens.len())]
        .iter()
        .filter(|t| t.sentence == sentence)
        .any(|t| ["interrupt", "bother", "disturb", "intrud"].iter().any(|s| t.stem.starts_with(s)))
}

/// "I'm sorry, if the part comes Monday I'll fit it": the condition opens a clause of its own after
/// the apology, so the apology is not made on it.
pub(super) fn condition_apart(a: &Analysed, d: Range) -> bool {
    (d.0 + 1..d.1).any(|k| a.tokens[k].text == "if" && a.tokens[k].clause != a.tokens[k - 1].clause)
}

/// Apologies that come with an outside cause and no ownership anywhere in the answer ("Sorry about
/// that. Busy week.", "soz, the system was playing up"): the apology deflects. `blame` is where the
/// answer puts the cause elsewhere, `owned` where it owns the failure.
fn excused_apologies(a: &Analysed, cx: &DetectorContext, blame: &[Range], owned: &[Range]) -> Vec<Range> {
    if blame.is_empty() || !owned.is_empty() {
        return Vec::new();
    }
    own_apologies(a, cx).into_iter().filter(|ap| !regrets_news(a, cx, ap)).collect()
}

/// The answer's apologies in the speaker's own words: not quoted, not negated.
fn own_apologies(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    find(&cx.lists.apology, a, cx)
        .into_iter()
        .filter(|ap| a.tokens[ap.0..ap.1].iter().all(|t| !t.quoted && t.negated_by.is_none()))
        .collect()
}

/// The stem of the verb in "sorry to <verb>" right after the apology at `ap`, if there is one.
fn to_verb_after<'a>(a: &'a Analysed, ap: &Range) -> Option<&'a str> {
    a.tokens.get(ap.1).filter(|t| t.text == "to").and_then(|_| a.tokens.get(ap.1 + 1)).map(|t| &*t.stem)
}

/// True when the apology at `ap` regrets news the customer did not want, not a failure: "I'm sorry
/// to tell you it's a no", "I'm sorry, the claim's been declined" (an outcome, whatever caused it),
/// and the news named ([`names_the_news`]).
fn regrets_news(a: &Analysed, cx: &DetectorContext, ap: &Range) -> bool {
    let s = &a.sentences[a.tokens[ap.0].sentence];
    to_verb_after(a, ap) == Some("hear")
        || names_the_news(a, ap)
        || a.tokens[ap.1..s.end].iter().any(|t| cx.lists.words.tone_bad_news.has(&t.text))
}

/// True when the apology at `ap` is said of the news itself: "sorry to tell you", "sorry, bad news",
/// "sorry, it isn't the news you were hoping for", "not the result you wanted", "it's a no". Narrower
/// than [`regrets_news`]: "sorry to hear you're unhappy" or "sorry, your claim was declined" may
/// still deflect.
fn names_the_news(a: &Analysed, ap: &Range) -> bool {
    let telling = matches!(to_verb_after(a, ap), Some("tell" | "say" | "report" | "inform" | "let"));
    let s = &a.sentences[a.tokens[ap.0].sentence];
    let words = &a.tokens[ap.1..s.end];
    let hoped = |w: &[Token]| {
        w.iter().take(4).any(|t| matches!(t.text.as_str(), "wanted" | "hoped" | "hoping" | "expected" | "after"))
    };
    telling
        || words.windows(2).enumerate().any(|(k, w)| {
            let pair = (w[0].text.as_str(), w[1].text.as_str());
            let named = matches!(pair.1, "news" | "result" | "outcome" | "answer" | "decision");
            matches!(
                pair,
                ("bad" | "good" | "better" | "welcome", "news") | ("turned", "down") | ("not", "covered") | ("a", "no")
            ) || (matches!(pair.0, "the" | "what") && (named || pair.1 == "you") && hoped(&words[k + 1..]))
        })
}

/// False only when the answer's every apology of its own (not quoted, not negated) is said of the
/// news itself ([`names_the_news`]): regret for unwelcome news deflects nothing. The learned layer
/// adds a deflecting apology only where this is true.
pub(super) fn apologises_beyond_news(a: &Analysed, cx: &DetectorContext) -> bool {
    let own = own_apologies(a, cx);
    own.is_empty() || own.iter().any(|ap| !names_the_news(a, ap))
}

/// The `deflecting-apology` concept's rule: the plain rule's `deflecting` apologies, and apologies
/// excused by a cause elsewhere in an answer that owns nothing (`owned`: the ownership rule).
pub(super) fn deflection(a: &Analysed, cx: &DetectorContext, deflecting: Vec<Range>, owned: Vec<Range>) -> Vec<Range> {
    let mut out = deflecting;
    out.extend(excused_apologies(a, cx, &any_blame(a, cx), &owned));
    out.sort();
    out.dedup();
    out
}

/// "it cost you a morning", "we got the time wrong and it cost you": what the failure cost the
/// customer, said as done (not a fee to come: "it will cost you £20").
pub(super) fn cost_to_customer(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        let you = a.tokens.get(i + 1).is_some_and(|n| n.text == "you" && n.clause == t.clause);
        if !matches!(t.text.as_str(), "cost" | "costs" | "costing") || !you || t.quoted {
            continue;
        }
        let future =
            a.tokens[i.saturating_sub(2)..i].iter().any(|w| matches!(w.text.as_str(), "will" | "would" | "may"));
        let next = a.tokens.get(i + 2);
        let ends = next.is_none_or(|n| n.clause != t.clause || n.sentence != t.sentence);
        let fee = next.is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit() || c == '£' || c == '$'));
        if !future && !fee && (ends || next.is_some_and(|n| cx.lists.words.tone_cost_after.has(&n.text))) {
            out.push((i, i + 2));
        }
    }
    out
}

/// True when the tokens at `k` open an inverted question: a helper and who it asks about ("do you
/// want", "shall we", "is that alright", "does that work").
fn inverted_at(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    let (Some(helper), Some(subject)) = (a.tokens.get(k), a.tokens.get(k + 1)) else { return false };
    let pair_ok = match helper.text.as_str() {
        "is" | "does" => subject.text == "that",
        "shall" => matches!(subject.text.as_str(), "we" | "i"),
        h => cx.lists.words.tone_question_helper.has(h) && subject.text == "you",
    };
    pair_ok && helper.sentence == subject.sentence && !helper.quoted && !subject.quoted
}

/// Questions said without a question mark inside a longer spoken sentence ("OK um do you want me
/// to come down", "...and we'll go through it yeah is that alright"): an inverted question at the
/// start of a clause or right after a filler, in a sentence with no question mark.
pub(super) fn spoken_questions(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for s in a.sentences.iter().filter(|s| !s.question_mark) {
        for k in s.start + 1..s.end {
            let before = &a.tokens[k - 1];
            let wh = matches!(before.text.as_str(), "what" | "how" | "which" | "when" | "where");
            let start = if wh && k >= s.start + 2 { k - 1 } else { k };
            let opens = start == s.start
                || a.tokens[start - 1].clause != a.tokens[start].clause
                || cx.lists.words.tone_question_filler.has(&a.tokens[start - 1].text);
            if opens && inverted_at(a, cx, k) && a.tokens[k].negated_by.is_none() {
                out.push((start, (k + 3).min(s.end)));
            }
        }
    }
    out
}

/// A question that asks nothing by its form: a tag that answers itself ("three times, is it?",
/// "I wouldn't have had to, would I?", "I'm here now, aren't I"), an exclamation put as a question
/// ("Oh, a missed callback?", "omg they sent you 9??"), or a statement of blame with a question mark
/// ("the warehouse must check it too, no?"), or a formal condition put with "should you" and no
/// question mark ("Should you wish to appeal, please write to us": the clause after it is the
/// sentence's main one).
pub(super) fn asks_nothing(a: &Analysed, cx: &DetectorContext, q: Range, blame: &[Range]) -> bool {
    let helpers = &cx.lists.words.tone_question_helper;
    let (start, end) = a.sentences.get(a.tokens[q.0].sentence).map_or(q, |s| (s.start, s.end));
    let last = end - 1;
    let tag_pronoun = matches!(a.word(last), "i" | "it") && end - start > 3;
    let helper_at = |i: usize| {
        matches!(a.word(i), "is" | "was" | "would" | "did" | "do" | "does" | "am" | "are" | "have" | "could")
    };
    let own_clause = |i: usize| i > start && a.tokens[i].clause != a.tokens[i - 1].clause;
    let tag = tag_pronoun
        && ((helper_at(last - 1) && own_clause(last - 1))
            || (a.word(last - 1) == "not" && helper_at(last - 2) && own_clause(last - 2)));
    let exclaims = matches!(a.word(start), "oh" | "ah" | "omg" | "wow" | "really")
        && !(start + 1..(start + 4).min(end)).any(|k| helpers.has(a.word(k)) || a.word(k) == "you");
    let opener = helpers.has(a.word(start))
        || matches!(
            a.word(start),
            "what" | "when" | "which" | "how" | "who" | "where" | "will" | "did" | "may" | "should"
        );
    let blames = !opener && blame.iter().any(|b| b.0 >= start && b.1 <= end);
    let condition = !a.sentences[a.tokens[start].sentence].question_mark
        && matches!(a.word(start), "should" | "were" | "had")
        && a.word(start + 1) == "you"
        && (start + 2..end).any(|k| a.tokens[k].clause != a.tokens[start].clause);
    tag || exclaims || blames || condition
}

#[cfg(test)]
mod tests {
    /// The rule alone, with a colleague called Noor Haddad to hand over to.
    fn met(detector: &str, text: &str) -> bool {
        super::super::rule_probe::rule_met_named(detector, text, "Mr Patel", "Noor Haddad")
    }

    fn all(detector: &str, expected: bool, texts: &[&str]) {
        for text in texts {
            assert_eq!(met(detector, text), expected, "{detector}: {text}");
        }
    }

    #[test]
    fn empathy_in_plain_words_about_the_cost_to_the_customer() {
        all(
            "empathy",
            true,
            &[
                "Two trips to the depot for nothing, that's rough.",
                "a whole saturday gone waiting in, must be grim",
                "I know you were counting on the refund before the holiday.",
                "You booked leave for this and we wasted it. It cost you, and I'm sorry.",
                "Being without heating with a baby in the house is a horrible situation.",
                "you must be sick of hearing our hold music by now",
                "I realise you have had to chase us four times.",
                "Having to cancel your shift over our mix-up is not fair on you.",
                "I am understanding you lost a day of wages for this, this is not fair.",
                "Dear Mr Patel, I recognise that this has been a stressful fortnight.",
            ],
        );
        all(
            "empathy",
            false,
            &[
                "I understand. The form is on the website.",
                "Please understand, the rota comes from head office.",
                "The price depends on the courier.",
                "We are relying on the supplier for the part.",
                "It will cost you £30 to change the date.",
                "It isn't fair on my team to take the blame for this.",
                "Oh, poor you, what a surprise. You're welcome.",
                "i know, apologies for any inconvenience",
            ],
        );
    }

    #[test]
    fn ownership_in_ordinary_verbs_and_a_promise_admitted_broken() {
        all(
            "owns-the-failure",
            true,
            &[
                "I said I'd ring you by ten and I didn't. Sorry.",
                "i promised u a callback and i never did, sorry",
                "I told you Friday. I just didn't follow it up.",
                "The wrong invoice was a failure on our part.",
                "Dear Mr Patel, I regret that our engineer left without testing the boiler.",
                "That one is totally on me, no excuses.",
                "ok so this is our team mistake, we fix it",
            ],
        );
        all(
            "owns-the-failure",
            false,
            &[
                "Sorry about that.",
                "Sorry, the depot lost it.",
                "I'm sorry you feel we've let you down.",
                "They dumped the whole rota on me this week.",
                "I'm afraid we need a response from the insurer first.",
                "I said I'd ring today, and I haven't got the result yet.",
                "It's ours now, I'll sort it.",
            ],
        );
    }

    #[test]
    fn an_apology_with_the_cause_put_elsewhere_deflects_but_manners_do_not() {
        all(
            "deflection",
            true,
            &[
                "Sorry about the wait. Head office were slow to approve it.",
                "soz, the system was down all morning",
                "Apologies if my team were short with you.",
            ],
        );
        all(
            "deflection",
            false,
            &[
                "Sorry if I'm interrupting your dinner, it's Sam from the garage.",
                "Sorry to bother you on a Sunday. The part has come in.",
                "I'm sorry to tell you the claim was turned down under the storm exclusion.",
                "Sorry, the courier lost it, and that's on us: I've sent a new one.",
            ],
        );
    }

    #[test]
    fn apologies_for_feelings_and_generic_regret_deflect_unless_owned() {
        all(
            "deflection",
            true,
            &[
                "We regret that you were dissatisfied with the service you received.",
                "Please accept our apologies for any confusion regarding the returns process.",
                "We regret any distress caused. Kind regards, Customer Relations",
                "sorry if u were upset by the txt",
                "@mo_p apologies for any disappointment ^LK",
                "I am sorry that you feel unhappy, sir. The rule is the rule.",
            ],
        );
        all(
            "deflection",
            false,
            &[
                "I'm sorry you were let down, that's our mistake and I've fixed it.",
                "I'm so sorry, we didn't ring you when we said, that's on us.",
                "I'm sorry for the confusion I caused, I gave you the wrong date.",
                "I'm sorry, the claim has been declined. The delay was down to the storm, which is excluded.",
                "Sorry, it's bad news: the airline has refused the claim, the strike counts as outside their control.",
                "I regret to say the part has been discontinued, so I've ordered the newer one at the same price.",
                "Really sorry you've had all this worry. His results are back and they're normal.",
            ],
        );
    }

    #[test]
    fn questions_that_ask_nothing_and_spoken_ones_without_a_mark() {
        all(
            "genuine-question",
            true,
            &[
                "right so um shall we book the engineer for Monday then",
                "okay er do you want me to email the form over",
                "I'll be there by two yeah is that alright",
                "Would you like the refund to your card or as credit?",
            ],
        );
        all(
            "genuine-question",
            false,
            &[
                "Fifth time you've called, is it?",
                "I'd have sorted it already if you'd sent the form, wouldn't I?",
                "Oh, a late parcel?",
                "Do I look like the delivery team?",
                "Happy now?",
                "If you can send it, I'll check it.",
            ],
        );
    }

    #[test]
    fn a_formal_condition_with_should_you_asks_nothing() {
        all(
            "genuine-question",
            false,
            &[
                "Should you require a copy of the report, kindly let the office know.",
                "Should you wish to change the slot, you can reply to this email.",
                "Were you to need anything further, we remain at your disposal.",
            ],
        );
        all(
            "genuine-question",
            true,
            &[
                "Should you prefer a morning slot?",
                "should you want me to come Monday or Tuesday",
                "Should you need it sooner, can I ring you tomorrow?",
            ],
        );
    }

    #[test]
    fn a_warm_handover_names_what_the_colleague_already_has() {
        all(
            "handover-context",
            true,
            &[
                "I'll brief Noor before she calls you.",
                "Noor knows the whole story and is expecting your call.",
                "I've told her everything about the boiler.",
                "I'll send your photos over to Noor this afternoon.",
            ],
        );
        all(
            "handover-context",
            false,
            &[
                "If you'd filled in the form we'd be done.",
                "I'll pass your case to the claims team. They will contact you.",
                "Please fill in the claim form online.",
            ],
        );
    }
}

#[cfg(test)]
#[path = "apology_tests.rs"]
mod apology_tests;

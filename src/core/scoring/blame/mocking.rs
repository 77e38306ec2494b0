//! Unmarked sarcasm about another party: a sentence that is only a "because" clause, said as a
//! retort, whose subject is someone else ("Right, because the warehouse never loses anything.",
//! "because reception personally sign prescriptions now, do we?", "oh yeah cos payroll are so
//! quick"). Strong, as sarcasm about another team is blame whatever is owned around it. Not a
//! reason given for what the speaker does ("Because the courier is late, I've added a credit":
//! the speaker's own clause follows), not about the speaker or the customer ("Right, because I've
//! got nothing better to do", "because your VAT is due"), not quoted.

use super::super::detectors::{DetectorContext, Range, find, in_sentence};
use super::super::phrase::name_at;
use super::super::text::Analysed;
use super::super::word_sets::WordSets;

/// Words a retort may open with before "because" ("Right,", "Oh yes,", "Well").
fn retort_opener(a: &Analysed, cx: &DetectorContext, j: usize) -> bool {
    cx.lists.words.tone_question_filler.has(a.word(j)) || matches!(a.word(j), "yes" | "ah" | "sure" | "of" | "course")
}

/// True when a third party is the subject starting at `j`: a named party or colleague, "they",
/// "nobody", "no one", or a determiner and up to three words ending in a role noun ("the warehouse
/// lads", "our lovely courier").
pub(super) fn third_party_at(a: &Analysed, cx: &DetectorContext, parties: &[Range], j: usize) -> bool {
    let s = a.tokens[j].sentence;
    let roles = &cx.lists.words.blame_role_noun;
    parties.iter().any(|p| p.0 == j)
        || name_at(&a.tokens, j, &cx.names.colleague).is_some()
        || matches!(a.word(j), "they" | "nobody" | "noone")
        || (a.word(j) == "no" && a.word_in(s, j + 1) == "one")
        || (matches!(a.word(j), "the" | "our" | "their")
            && (j + 1..j + 5).any(|k| {
                a.tokens.get(k).is_some_and(|t| t.sentence == s && (roles.has(&t.text) || roles.has(&t.stem)))
            }))
}

/// Every reading of mockery aimed at another party: a sarcastic "because" ([`sarcastic_because`]),
/// a mocked subject ([`mocked_subjects`]) and scorn by an ironic marker (`scorn.rs`).
pub(super) fn all(a: &Analysed, cx: &DetectorContext, parties: &[Range]) -> Vec<Range> {
    let mut out = sarcastic_because(a, cx, parties);
    out.extend(mocked_subjects(a, cx, parties));
    out.extend(super::scorn::scorned(a, cx, parties));
    out
}

/// Sentences that are only a sarcastic "because" about a third party: each a range from
/// "because" to the end of its sentence.
pub(super) fn sarcastic_because(a: &Analysed, cx: &DetectorContext, parties: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    for (s, sentence) in a.sentences.iter().enumerate() {
        let Some(at) = (sentence.start..sentence.end).find(|j| !retort_opener(a, cx, *j)) else { continue };
        if !matches!(a.word(at), "because" | "cos" | "coz" | "cause") || a.tokens[at].quoted {
            continue;
        }
        let mut j = at + 1;
        while matches!(a.word_in(s, j), "apparently" | "obviously" | "clearly" | "of" | "course" | "naturally") {
            j += 1;
        }
        if j >= sentence.end || !third_party_at(a, cx, parties, j) {
            continue;
        }
        // The speaker's own clause after it makes it a reason: "..., I've added a credit".
        let tag_from = if super::tag_question(a, s) { sentence.end - 2 } else { sentence.end };
        let own_clause =
            (j..tag_from).any(|k| matches!(a.word(k), "i" | "we") && a.tokens[k].clause != a.tokens[j].clause);
        if !own_clause {
            out.push((at, sentence.end));
        }
    }
    out
}

/// Sentences that mock another party with a word of eye-rolling ([`mock_words`]) and that party,
/// named, by role, "they" or "nobody", at the head of a clause ("last week's mystery agent strikes
/// again", "even accounts agreed with something for once", "classic dispatch"): each a range from
/// the party to the end of its sentence. Not with the speaker, the customer or a preposition
/// before it in its clause ("I sent it to the depot, bless them" is read by the party rule), not
/// in a condition.
pub(super) fn mocked_subjects(a: &Analysed, cx: &DetectorContext, parties: &[Range]) -> Vec<Range> {
    let roles = &cx.lists.words.blame_role_noun;
    let mut out = Vec::new();
    let stance = &cx.lists.words.blame_mock_stance;
    for (s, sentence) in a.sentences.iter().enumerate() {
        // A bare role ("fourth person, wow") is the one mocked only with a word of eye-rolling.
        let eye_rolling = mock_words(a, cx, s);
        // Praise alone ("our lovely payments team will call you") is read by the party rule.
        let listed = find(&cx.lists.sarcasm, a, cx).iter().any(|r| in_sentence(sentence, r));
        if !eye_rolling && !listed {
            continue;
        }
        // "Classic." said on its own: eye-rolling at what was just said.
        if sentence.end - sentence.start <= 3 && cx.lists.words.blame_mock_word.has(a.word(sentence.start)) {
            out.push((sentence.start, sentence.end));
            continue;
        }
        let head = (sentence.start..sentence.end).find(|&j| {
            let clause = a.tokens[j].clause;
            // The speaker only as a stance ("I didn't realise", "there was me thinking") leaves
            // the party the one spoken of.
            let before_clear = (sentence.start..j).filter(|&i| a.tokens[i].clause == clause).all(|i| match a.word(i) {
                "i" | "me" => (i + 1..i + 4).any(|k| stance.has(a.word_in(s, k))),
                w => !matches!(w, "we" | "you" | "u" | "us" | "to" | "with" | "for" | "from" | "by"),
            });
            let role = eye_rolling && (roles.has(a.word(j)) || roles.has(&a.tokens[j].stem));
            let party = third_party_at(a, cx, parties, j) || role;
            before_clear && party && !a.tokens[j].quoted && !a.in_condition(j)
        });
        out.extend(head.map(|j| (j, sentence.end)));
    }
    out
}

/// Sentences where the speaker would love to (or wishes they could) act "but" another party stops
/// it ("I'd love to sort it, but finance only pay on Wednesdays", "we'd love to, but apparently
/// the depot had other ideas"): the obstacle laid on a third party, named, by role or "they", in
/// the clause after "but". Each a range from "but" to the end of its sentence. Not when the
/// speaker, the customer or no party stands after "but" ("I'd love to, but I'm off tomorrow",
/// "I'd love to see you there, but no worries if not"), not in a condition, not quoted.
pub(super) fn wished_but_party(a: &Analysed, cx: &DetectorContext, parties: &[Range]) -> Vec<Range> {
    let roles = &cx.lists.words.blame_role_noun;
    let mut out = Vec::new();
    for (s, sentence) in a.sentences.iter().enumerate() {
        let wish = (sentence.start..sentence.end).find(|&j| {
            // "Would love to, but ..." said without a subject is the speaker's too.
            let speaker = j == sentence.start || matches!(a.word_in(s, j.wrapping_sub(1)), "i" | "we");
            let love = a.word(j) == "would" && a.word_in(s, j + 1) == "love" && a.word_in(s, j + 2) == "to";
            speaker && (love || a.word(j) == "wish") && !a.tokens[j].quoted && !a.in_condition(j)
        });
        let Some(but) = wish.and_then(|w| (w + 2..sentence.end).find(|&k| a.word(k) == "but")) else { continue };
        // The clause after "but" up to its first speaker or customer: "but then I'd be..." is theirs.
        let own = (but + 1..sentence.end).find(|&k| matches!(a.word(k), "i" | "we" | "you" | "u"));
        let party = (but + 1..own.unwrap_or(sentence.end)).any(|k| {
            let t = &a.tokens[k];
            !t.quoted && (third_party_at(a, cx, parties, k) || roles.has(&t.text) || roles.has(&t.stem))
        });
        // "but the person who can is Dana in payments": a handover to one who will act, not an
        // obstacle ("only accounts can", "they won't" stay one).
        let end = own.unwrap_or(sentence.end);
        let helper = (but + 1..end).any(|k| {
            matches!(a.word(k), "can" | "will")
                && a.tokens[k].negated_by.is_none()
                && !matches!(a.word_in(s, k + 1), "not" | "never")
                && !(but + 1..k).any(|i| a.word(i) == "only")
        });
        if party && !helper {
            out.push((but, sentence.end));
        }
    }
    out
}

/// True when sentence `s` mocks someone (the `sarcasm` list or a `mock-praise` word): sarcasm
/// about another team stays blame whatever is owned or asked around it.
pub(super) fn mocking(a: &Analysed, cx: &DetectorContext, s: usize) -> bool {
    let sentence = &a.sentences[s];
    let mock = &cx.lists.words.mock_praise;
    find(&cx.lists.sarcasm, a, cx).iter().any(|r| in_sentence(sentence, r))
        || (sentence.start..sentence.end).any(|j| mock.has(a.word(j)) || matches!(a.word(j), "famous" | "famously"))
}

/// True when sentence `s` has a word of eye-rolling in the speaker's own words (`blame-mock-word`:
/// "classic", "thrilled", "bless", "wisdom"), "strikes again", "for once" or "as ever": said with another party as the
/// subject, sarcasm about them.
pub(super) fn mock_words(a: &Analysed, cx: &DetectorContext, s: usize) -> bool {
    let sentence = &a.sentences[s];
    let words = &cx.lists.words;
    let mock = &words.blame_mock_word;
    // "I'm thrilled to report that I forgot": the speaker mocking themselves, not another party.
    let speaker_subject = (sentence.start..sentence.end).any(|j| {
        matches!(a.word(j), "i" | "we") && !(j + 1..j + 4).any(|k| words.blame_mock_stance.has(a.word_in(s, k)))
    });
    // "I didn't realise postcodes were so hard to read in the warehouse": mock surprise.
    let mock_surprise = (sentence.start..sentence.end)
        .any(|j| matches!(a.word(j), "realise" | "realize") && a.tokens[j].negated_by.is_some() && !a.tokens[j].quoted);
    mock_surprise
        || !speaker_subject
            && (sentence.start..sentence.end).any(|j| {
                let t = &a.tokens[j];
                !t.quoted
                    && t.negated_by.is_none()
                    && (mock.has(&t.text)
                        || matches!(
                            (t.text.as_str(), a.word_in(s, j + 1)),
                            ("strikes", "again") | ("for", "once") | ("as", "ever")
                        ))
            })
}

/// True when the speaker's word at `k` of `before` only opens a stance ("I'm sure", "I bet", "I
/// didn't realise"): in a sarcastic sentence the party after it is still the one mocked ("I'm sure
/// head office will be thrilled").
pub(super) fn stance_at(words: &WordSets, before: &[&str], k: usize) -> bool {
    before[k] == "i" && before[k + 1..].iter().take(3).any(|w| words.blame_mock_stance.has(w))
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Osei", text)
    }

    #[test]
    fn a_retort_of_because_about_another_party_is_blame() {
        for yes in [
            "Right, because the warehouse never loses anything.",
            "oh yeah cos payroll r so quick",
            "Because reception personally sign prescriptions now, do we? I'll send it to the doctors.",
            "Yes, because of course the night team always read the handover.",
            "um right because nobody in planning ever answers their phone",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_wish_stopped_by_another_party_is_blame() {
        for yes in [
            "I'd love to sort it today, but accounts only run refunds on the first of the month.",
            "we would love to help u but the depot wont release it",
            "I wish I could, but apparently the landlord has the final say.",
            "Would love to, Mrs Obi, but our suppliers have other plans as usual.",
            "I'd love to tell you it's arrived, but they've lost it again. Sorry.",
            "Id love to say yes but only the lettings agent can sign that off.",
        ] {
            assert!(blames(yes), "{yes}");
        }
        for no in [
            "I'd love to do it today, but I'm on leave, so I've booked Thursday at 9.",
            "We'd love to see you at the open day, but no worries if you can't make it.",
            "If you'd love to join, but the date is bad, tell me and I'll move it.",
            "I'd love to hear how the new boiler works out for you.",
            "You'd love to get it sorted, but you're busy, I know, so I'll call you at 6.",
            "i wish i could do it myself but Omar in billing can, and he's expecting your call.",
            "I'd love to help, though honestly the refunds team will have it done by noon.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn a_reason_or_a_retort_about_the_speaker_is_not() {
        for no in [
            "Because the courier is running late, I've added a £5 credit to your account.",
            "Right, because I've got nothing better to do than wait by the phone.",
            "Because your renewal is on Friday, I'll ring you on Thursday at 10.",
            "I ordered it because the depot had none left, and it comes tomorrow.",
            "You said 'because the warehouse never loses anything', and fair enough.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

//! Scorn laid on another party by an ironic marker aimed at it: a mock title in apposition ("the
//! print room, our heroes, lost it again"), a mock title as the subject ("the geniuses in IT wiped
//! the bookings"), "strike(s) again" after a party ("our trusty couriers strike again"), mock
//! grandeur after a party ("the bank, in its boundless wisdom, froze it"), or a party's "idea of"
//! a scare-quoted promise ("the depot's idea of 'same day'"). Strong, like the other mockery of
//! `mocking.rs`, whose party reading it shares. Not about the speaker ("the genius here forgot"),
//! the customer ("you geniuses"), nor quoted, conditional or negated; a mock title or apposition
//! only in a sentence about a failure (a negation, a fault word, "again", "still"), so that praise
//! of a colleague helping ("Priya, our hero, has sorted it") is not blame.

use super::super::detectors::{DetectorContext, Range};
use super::super::text::Analysed;
use super::mocking::third_party_at;

/// True when the word at `j` opens a party in scorn: a party `mocking.rs` reads (named, by role,
/// "they"), a mock title ("the geniuses"), or "our"/"the"/"their" and up to three words ending in
/// a mock title.
fn target_at(a: &Analysed, cx: &DetectorContext, parties: &[Range], j: usize) -> bool {
    let s = a.tokens[j].sentence;
    let titles = &cx.lists.words.blame_mock_title;
    third_party_at(a, cx, parties, j)
        || titles.has(a.word(j))
        || (matches!(a.word(j), "our" | "the" | "their" | "those")
            && (j + 1..j + 4).any(|k| titles.has(a.word_in(s, k))))
}

/// True when sentence `s` or the next one speaks of a failure: a negation, a strong fault word,
/// "again", "still", "yet", "late" or "twice".
fn about_a_failure(a: &Analysed, cx: &DetectorContext, s: usize) -> bool {
    let end = a.sentences.get(s + 1).unwrap_or(&a.sentences[s]).end;
    (a.sentences[s].start..end).any(|j| {
        let t = &a.tokens[j];
        t.is_negator()
            || cx.lists.words.blame_strong_fault_word.has(&t.text)
            || matches!(t.text.as_str(), "again" | "still" | "yet" | "late" | "twice")
    })
}

/// The party a marker at `at` is said of: the first word, at most six words back in its sentence,
/// that opens a party ([`target_at`], or one of `openers`: "our printer strikes again", "the
/// print room, our heroes"). None when the speaker or the customer comes between ("I struck again", "you lot in
/// your infinite wisdom").
fn party_before(a: &Analysed, cx: &DetectorContext, parties: &[Range], at: usize, openers: &[&str]) -> Option<usize> {
    let start = a.sentences[a.tokens[at].sentence].start.max(at.saturating_sub(6));
    let mut found = None;
    for p in (start..at).rev() {
        if matches!(a.word(p), "i" | "we" | "you" | "u" | "me" | "us" | "it" | "this" | "that" | "your") {
            break;
        }
        if target_at(a, cx, parties, p) || openers.contains(&a.word(p)) {
            found = Some(p);
        }
    }
    found
}

/// Ranges of scorn aimed at another party (see the module comment), each from the party to the
/// end of its sentence.
pub(super) fn scorned(a: &Analysed, cx: &DetectorContext, parties: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    for (s, sentence) in a.sentences.iter().enumerate() {
        let failing = about_a_failure(a, cx, s);
        let found = (sentence.start..sentence.end).find_map(|j| marked_party(a, cx, parties, j, failing));
        out.extend(found.map(|p| (p, sentence.end)));
    }
    out
}

/// The party an ironic marker at `j` aims at, if `j` opens one (`failing`: its sentence speaks of
/// a failure, which a mock title or mock praise needs).
fn marked_party(a: &Analysed, cx: &DetectorContext, parties: &[Range], j: usize, failing: bool) -> Option<usize> {
    let t = &a.tokens[j];
    if t.quoted || t.negated_by.is_some() || a.in_condition(j) {
        return None;
    }
    let (s, w) = (t.sentence, a.word(j));
    let next = a.word_in(s, j + 1);
    let titles = &cx.lists.words.blame_mock_title;
    let start = a.sentences[s].start;
    match w {
        // "<party> strikes again" (or "strike", "struck"): the party its subject, or a bare name right before it
        // ("payroll strike again"), not a day, the weather or a pronoun.
        "strike" | "strikes" | "struck" if next == "again" => party_before(a, cx, parties, j, &["our"])
            .or_else(|| bare_agent(a, j.checked_sub(1).filter(|&p| p >= start)?, start)),
        // "<party>, our heroes, ...": a mock title set beside a party, after a clause edge.
        "our" | "the"
            if failing
                && j > start
                && a.tokens[j - 1].clause != t.clause
                && (j + 1..j + 4).any(|k| titles.has(a.word_in(s, k))) =>
        {
            party_before(a, cx, parties, j, &["our", "the"])
        }
        // "our marvellous new scanner lost it": praise said in mockery of our own side's agent,
        // its subject, in a sentence about a failure.
        "our" if failing && (j + 1..j + 3).any(|k| cx.lists.words.mock_praise.has(a.word_in(s, k))) => {
            let clause = (start..j).filter(|&i| a.tokens[i].clause == t.clause);
            let speaker = clause.clone().any(|i| matches!(a.word(i), "i" | "we" | "you" | "u"));
            // The praised noun must go on to act: "..., our favourite sport." names no agent.
            let acts = (j + 4..a.sentences[s].end).any(|k| a.tokens[k].clause == t.clause);
            let object = clause.last().is_some_and(|i| super::is_preposition(a.word(i)));
            (acts && !speaker && !object && !matches!(next, "friends")).then_some(j)
        }
        // "the geniuses in IT lost it", "the finance gods": a mock title heads the subject.
        _ if titles.has(w) && failing && !matches!(next, "here" | "me") => {
            let open = (j.saturating_sub(3).max(start)..j).rev().find(|&p| {
                a.tokens[p].clause == t.clause && matches!(a.word(p), "the" | "those" | "these" | "our" | "you" | "u")
            });
            open.filter(|&p| !matches!(a.word(p), "you" | "u"))
        }
        // "<party> in all its wisdom", "in their infinite generosity": mock grandeur.
        "in" => {
            let all = usize::from(next == "all");
            let owner = matches!(a.word_in(s, j + 1 + all), "his" | "her" | "its" | "their");
            let after = a.word_in(s, j + 2 + all);
            let infinite = matches!(after, "infinite" | "boundless" | "endless" | "great");
            let grand = infinite || matches!(after, "wisdom" | "genius" | "generosity");
            let noun = a.word_in(s, j + 2 + all + usize::from(infinite));
            party_before(a, cx, parties, j, &["our", "the"]).filter(|_| owner && grand && !noun.is_empty())
        }
        // "the depot's idea of 'same day'": a party's idea of a scare-quoted promise.
        "idea" if next == "of" && j > 0 && a.tokens[j - 1].possessive => {
            let scare = (j + 2..j + 5).any(|k| a.tokens.get(k).is_some_and(|t| t.sentence == s && t.quoted));
            party_before(a, cx, parties, j, &["our", "the"]).filter(|_| scare)
        }
        _ => None,
    }
}

/// `p` when the word there can be a bare agent's name opening its clause ("payroll", a firm's
/// name): not a pronoun, a determiner, a day or time, or the weather.
fn bare_agent(a: &Analysed, p: usize, start: usize) -> Option<usize> {
    let opens = p == start || a.tokens[p - 1].clause != a.tokens[p].clause || a.word(p - 1) == "ugh";
    let thing = matches!(
        a.word(p),
        "i" | "we"
            | "you"
            | "u"
            | "it"
            | "he"
            | "she"
            | "that"
            | "this"
            | "the"
            | "a"
            | "weather"
            | "rain"
            | "snow"
            | "traffic"
            | "murphy"
            | "gremlins"
            | "tech"
            | "technology"
            | "monday"
            | "mondays"
            | "friday"
    );
    (opens && !thing && a.times().time_at(p).is_none()).then_some(p)
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Achterberg", text)
    }

    #[test]
    fn scorn_aimed_at_another_party_is_blame_in_any_register() {
        for yes in [
            "Ah, the print room, our heroes. Your leaflets went to the wrong branch again.",
            "the geniuses in IT lost every booking for tuesday lol",
            "Our trusty couriers strike again, I'm afraid; the parcel is back at the hub.",
            "The bank, in its boundless wisdom, has frozen the transfer.",
            "Kindly note the landlord, in all his generosity, has not returned the deposit.",
            "The depot's idea of 'same day' is rather elastic, it seems.",
            "so yeah the lab struck again, results lost",
            "Those geniuses at the sorting office sent it back to us.",
            "Oh, our shiny new card reader charged you twice.",
            "Sadly the payroll gods have not approved it yet.",
            "ugh billing strike again, charged u twice. fixing it now",
            "The taxman, in all his wisdom, has not sent the form.",
            "Our wonderful new booking system lost your slot again, so I've rebooked you for 2pm.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn praise_self_mockery_the_customer_and_the_weather_are_not() {
        for no in [
            "Priya, our hero, has sorted your refund already.",
            "The genius here forgot to press send, so that's on me, sending it now.",
            "Honestly you geniuses make my day, thanks for the cake!",
            "You absolute legends still haven't missed a single deadline!",
            "Ringing round every branch again, our favourite hobby. No, that's on us, I'll fix it.",
            "The rain strikes again, so the fitting moves to Thursday at 10.",
            "The team in their new office will call you at 3.",
            "If the depot's idea of 'same day' is different, I'll refund the fee.",
            "You said 'the geniuses in IT lost it again', and I hear you; I've rebuilt the booking.",
            "The engineers, our heroes of the week, fitted your boiler this morning.",
            "Our lovely Sam has already rebuilt your booking for Friday.",
            "Monday strikes again, so I'll ring you at 10 instead.",
            "I sent it with our trusty courier, he's not back yet but it's signed for.",
            "Ugh. Strikes again, the parcel's back at the hub, I'll rebook it.",
            "I've asked the couriers in all their depots to look out for it, not found yet.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

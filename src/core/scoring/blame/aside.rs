//! Blame the speaker sets aside in the same sentence: a cause declined as an excuse or as
//! something to hide behind, and blame under a verb of saying the speaker only could say.

use super::super::detectors::{DetectorContext, Range};
use super::super::text::Analysed;

/// "The contractor cancelled late, which is no excuse for us", "the depot's behind (not an
/// excuse)": the speaker declines the cause as an excuse in the same sentence, or refuses to hide
/// behind it there or in the next sentence ([`shield_refused`]: "not our team, but I won't hide
/// behind that").
pub(super) fn excuse_declined(a: &Analysed, r: Range) -> bool {
    let n = a.tokens[r.0].sentence;
    let s = &a.sentences[n];
    let negated = |i: usize| (i.saturating_sub(3).max(r.1)..i).any(|k| matches!(a.word(k), "not" | "no" | "never"));
    // "it's not an excuse, but that's why" keeps the excuse.
    let declined = (r.1..s.end).any(|i| {
        a.tokens[i].stem.starts_with("excus") && negated(i) && !a.tokens[i + 1..s.end].iter().any(|t| t.text == "but")
    });
    declined || shield_refused(a, n, r) || a.sentences.get(n + 1).is_some_and(|_| shield_refused(a, n + 1, r))
}

/// True when sentence `n` refuses to hide behind something, "hide" or "hiding" with a negation
/// in the four words before it: in the find's own sentence, anywhere outside the find ("I won't
/// hide behind the council, even though it was their portal"); in the next one, behind "that",
/// "this" or "it" ("The strike caused it. I'm not going to hide behind that, though."). Not
/// "they hide behind policy", which is no refusal.
fn shield_refused(a: &Analysed, n: usize, r: Range) -> bool {
    let s = &a.sentences[n];
    let own = a.tokens[r.0].sentence == n;
    (s.start..s.end).any(|i| {
        let refused = matches!(a.word(i), "hide" | "hiding")
            && a.word_in(n, i + 1) == "behind"
            && (i.saturating_sub(4).max(s.start)..i).any(|k| a.tokens[k].is_negator())
            && (i < r.0 || i >= r.1);
        refused && (own || matches!(a.word_in(n, i + 2), "that" | "this" | "it"))
    })
}

/// True when a verb of saying inside the find `r`, near its start, is one the speaker only could
/// say or will not say: "I could say the wholesaler let us down, but the real problem is we didn't
/// ring" (a reading whose find opens on the helper itself). Not "would" ("I'd say the courier lost
/// it" says it), nor another party's ("they never tell us in time").
pub(super) fn said_aside_within(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let n = a.tokens[r.0].sentence;
    let from = a.sentences[n].start;
    (r.0..r.1.min(r.0 + 3)).any(|i| {
        let lead = i.saturating_sub(3).max(from)..i;
        cx.lists.words.blame_saying.has(a.word(i))
            && lead.clone().any(|k| matches!(a.word(k), "could" | "might" | "not" | "never" | "cannot"))
            && (i.saturating_sub(5).max(from)..i).any(|k| matches!(a.word(k), "i" | "we"))
    })
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Ferreira", text)
    }

    #[test]
    fn a_cause_the_speaker_will_not_hide_behind_is_not_blame() {
        for no in [
            "The survey data wasn't our team's to send, but I'm not going to hide behind that. I'll chase it today.",
            "not our dept tbh but i wont hide behind that, sorting it now",
            "That part sits with another office; however, I shall not be hiding behind it, and I will resolve it.",
            "The flood at the depot held it up. I won't hide behind that: we should have warned you.",
            "Im not gonna hide behind the landlord, even tho it was his plumber who never turned up.",
        ] {
            assert!(!blames(no), "{no}");
        }
        // Near-misses: the other party hides, or the speaker does hide behind it.
        for yes in [
            "Not our team's job, and honestly they hide behind their process every time.",
            "not our dept, they always hide behind the rules m8",
            "The flood at the depot held it up, so we couldn't ring you. I won't lie, it was chaos.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn what_the_speaker_only_could_say_is_set_aside_but_what_they_would_say_is_said() {
        for no in [
            "Look, I could say the supplier let us down, and they did, but the real failure is we never rang you.",
            "i cud say the printers let us down but thats not the point, we should have checked",
        ] {
            assert!(!blames(no), "{no}");
        }
        for yes in [
            "The supplier let us down, and they did it twice, so the rest is late.",
            "the depot never tell us in time, so your slot got cancelled",
            "Honestly the printers let us down, so your flyers went out late.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }
}

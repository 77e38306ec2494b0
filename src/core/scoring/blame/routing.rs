//! Routing said plainly: who does a kind of work ("refunds are handled by our payments team",
//! "our partner SwiftFix handle all repairs", "Karen deals with deposits"), with, in the same
//! sentence or the one next to it, where the customer reaches that party or the speaker putting
//! them through. The guideline reads that as a send-away or a neutral account, not blame.
//! A remit that disowns ("pricing handle renewals, not us"), lays a fault ("the courier handled it
//! badly and lost it") or mocks stays blame, and so does a cause laid on a party ("head office set
//! that up, take it up with them"): only the `blame-remit-word` verbs say who does the work.

use super::super::detectors::{DetectorContext, Range, find};
use super::super::text::Analysed;
use super::mocking::mock_words;

/// Drops from `out` the finds that only route the customer ([`routed`]).
pub(super) fn drop_routed(a: &Analysed, cx: &DetectorContext, out: &mut Vec<Range>) {
    if !out.is_empty() {
        let routes = routes(a, cx);
        out.retain(|r| !routed(a, cx, *r, &routes));
    }
}

/// Where the answer routes the customer: its send-aways and the speaker's hand-overs.
fn routes(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = super::super::concepts::sends_away(a, cx);
    out.extend(find(&cx.lists.handover, a, cx));
    // "I'll transfer your enquiry", "we're connecting you now": the speaker puts them through.
    let transfer = &cx.lists.words.blame_transfer_verb;
    out.extend((0..a.tokens.len()).filter(|&k| transfer.has(a.word(k)) && !a.tokens[k].quoted).filter_map(|k| {
        let s = a.tokens[k].sentence;
        let from = k.saturating_sub(4).max(a.sentences[s].start);
        (from..k).any(|j| matches!(a.word(j), "i" | "we")).then_some((k, k + 1))
    }));
    out
}

/// True when the blame found at `r` only says who does the work and the customer is routed to
/// them (`routes`, from [`routes`]) in its sentence or the one before or after it.
pub(super) fn routed(a: &Analysed, cx: &DetectorContext, r: Range, routes: &[Range]) -> bool {
    let words = &cx.lists.words;
    let span = &a.tokens[r.0..r.1];
    let remit = span.iter().any(|t| words.blame_remit_word.has(&t.text));
    let laid = span.iter().any(|t| {
        t.is_negator()
            || t.negated_by.is_some()
            || words.blame_strong_fault_word.has(&t.text)
            || words.blame_slur.has(&t.text)
            || words.mock_praise.has(&t.text)
            || words.blame_apart_word.has(&t.text)
            // "I'm only able to deal with council tax": the speaker's own line, a wall.
            || matches!(t.text.as_str(), "i" | "we" | "me" | "us" | "my" | "only" | "just")
    });
    let s = a.tokens[r.0].sentence;
    if !remit || laid || super::mocking::mocking(a, cx, s) || mock_words(a, cx, s) || disowned_after(a, r) {
        return false;
    }
    // The route may come first: "ring the network team, as they deal with line faults", "Call
    // Electoral Services. They handle the register."
    routes.iter().any(|g| {
        let at = a.tokens[g.0].sentence;
        at == s || at == s + 1 || at + 1 == s
    })
}

/// True when the sentence goes on to draw the speaker's side out ("handled by our partner, not
/// by us"; "by a separate team").
fn disowned_after(a: &Analysed, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    (r.1..a.sentences[s].end).any(|j| {
        a.tokens[j].is_negator() && (j + 1..j + 4).any(|k| matches!(a.word_in(s, k), "us" | "me" | "ours" | "mine"))
    })
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Carter", text)
    }

    #[test]
    fn who_does_the_work_and_where_to_reach_them_is_routing_not_blame() {
        for no in [
            "Refunds are handled by our payments team; you can reach them on 0800 123 456.",
            "Our partner SwiftFix handle all repairs, you can book with them at swiftfix.example.",
            "Warranty claims are managed by the maker. Their number is 0345 222 3333.",
            "hi, returns r dealt with by our depot, ring them on 0161 555 0101 x",
            "Thank you for your message. Account changes are processed by our central team. Kindly email central@example.com.",
            "Private hire is handled by our events team. I'll transfer you to them now.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn the_route_may_come_before_who_does_the_work() {
        for no in [
            "Best to phone our lettings office on 0113 555 0199, as they handle deposit returns.",
            "Email the bursary team. They deal with hardship grants.",
            "pls ring the clinic direct, they manage all the bookings x",
        ] {
            assert!(!blames(no), "{no}");
        }
        // Near-misses: the party routed to is also the one at fault, or is walled off.
        for yes in [
            "Phone our lettings office, they handled your deposit and they lost the paperwork.",
            "Email the bursary team. They deal with grants, not us.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_remit_that_disowns_mocks_or_faults_is_still_blame() {
        for yes in [
            "Pricing handle renewals, not us. Their number is 0345 222 3333.",
            "Head office set that up, take it up with them.",
            "Refunds are handled by our payments team, in their infinite wisdom. Email them if you like.",
            "Baggage is handled by our partner at the airport, not by us, so please call them on 0300 000 0000.",
            "Events are handled by a separate company, you'd need to email them.",
            "Sorry, I am only able to deal with bookings on here, for refunds call 0300 000 0001.",
            "That's handled by the warehouse and they lost it, so ring them on 0800 111 222.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }
}

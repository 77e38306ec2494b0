//! A system record used to rebut the customer: a record, log or system as the subject of a verb of
//! showing ("our records show", "the system says", "tracking indicates"), "according to our
//! records", or a thing that "shows as" or is "marked as" something, followed in its sentence by
//! something done that answers the complaint ("... it was delivered on Friday", "... you were
//! emailed twice", "... the visit was scheduled for 13:00", "... your plan doesn't include
//! roaming"). Not a record that only reports where things are ("our records show your parcel is at
//! the depot"), nor a done thing denied ("the system shows it was never sent"); the guards of
//! `account.rs` drop a record used to help in the same sentence ("it shows as delivered, so I'll
//! open a trace now").

use super::super::detectors::Range;
use super::super::text::Analysed;

/// Things that keep a record.
fn record_noun(w: &str) -> bool {
    matches!(
        w,
        "records"
            | "record"
            | "system"
            | "systems"
            | "log"
            | "logs"
            | "tracking"
            | "notes"
            | "history"
            | "screen"
            | "data"
            | "file"
            | "tracker"
            | "scan"
            | "scans"
            | "gps"
            | "footage"
    )
}

/// Verbs of a record showing something.
fn showing_verb(w: &str) -> bool {
    matches!(
        w,
        "show"
            | "shows"
            | "showed"
            | "showing"
            | "say"
            | "says"
            | "said"
            | "indicate"
            | "indicates"
            | "indicated"
            | "state"
            | "states"
            | "confirm"
            | "confirms"
            | "confirmed"
            | "suggest"
            | "suggests"
            | "reflect"
            | "reflects"
            | "has"
            | "have"
            | "had"
    )
}

/// Done things that answer a complaint: the delivery made, the email sent, the slot as booked.
fn done(w: &str) -> bool {
    matches!(
        w,
        "delivered"
            | "sent"
            | "emailed"
            | "attempted"
            | "completed"
            | "signed"
            | "paid"
            | "received"
            | "collected"
            | "scheduled"
            | "booked"
            | "left"
            | "processed"
            | "applied"
            | "declined"
            | "selected"
            | "ordered"
            | "notified"
            | "contacted"
            | "called"
            | "informed"
            | "told"
            | "dispatched"
            | "cancelled"
            | "canceled"
            | "opened"
            | "read"
            | "accepted"
            | "agreed"
            | "closed"
            | "resolved"
            | "returned"
            | "refunded"
            | "issued"
            | "posted"
            | "texted"
            | "rung"
            | "phoned"
            | "given"
            | "placed"
            | "changed"
            | "correct"
            | "correctly"
            | "charged"
            | "ticked"
            | "chosen"
            | "confirmed"
            | "advised"
            | "reminded"
            | "picked"
            | "redeemed"
            | "used"
            | "viewed"
            | "accessed"
            | "logged"
            | "actioned"
            | "raised"
            | "answered"
            | "attended"
            | "visited"
            | "knocked"
            | "arrived"
            | "rang"
            | "tried"
    )
}

/// Every record used to rebut the customer: from the record's words to the done thing.
pub(super) fn rebuttals(a: &Analysed) -> Vec<Range> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let Some(content) = record_at(a, k) else { continue };
        let s = a.tokens[k].sentence;
        // "the GPS shows where it was left", "the log will show whether ...": an open question, or a
        // record still to come, answers nothing.
        let open =
            matches!(a.word_in(s, content), "where" | "when" | "whether" | "if" | "what" | "who" | "how" | "why");
        let ahead = (a.sentences[s].start..k).any(|j| matches!(a.word(j), "will" | "tomorrow" | "once" | "until"));
        if open || ahead {
            continue;
        }
        let end = a.sentences[s].end.min(content + 14);
        let rebut = (content..end).find(|j| {
            let t = &a.tokens[*j];
            let denied = t.negated_by.is_some() || (*j > 0 && a.tokens[*j - 1].is_negator());
            (done(&t.text) && !denied)
                || (t.text == "you" && matches!(a.word_in(s, j + 1), "were" | "was" | "have" | "had" | "did" | "ve"))
                || (matches!(t.text.as_str(), "include" | "cover" | "allow" | "permit")
                    && (j.saturating_sub(2)..*j).any(|n| a.tokens[n].is_negator()))
        });
        if let Some(j) = rebut {
            out.push((k, j + 1));
        }
    }
    out
}

/// Where the shown content starts when a record is read at `k`: "<record> <showing verb>", "our
/// records have you as", "according to <the|our> <record>", "<thing> shows|showing|marked|listed
/// as".
fn record_at(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let w = a.word(k);
    if record_noun(w) {
        let verb = (k + 1..k + 3).find(|j| showing_verb(a.word_in(s, *j)))?;
        // "the system has been down" is a state, not a record shown.
        let shows = !matches!(a.word_in(s, verb), "has" | "have" | "had")
            || matches!(a.word_in(s, verb + 1), "you" | "it" | "this" | "that" | "the" | "your");
        return (shows && !matches!(a.word_in(s, verb + 1), "to" | "up" | "me")).then_some(verb + 1);
    }
    if w == "according" && a.word_in(s, k + 1) == "to" {
        let noun = (k + 2..k + 5).find(|j| record_noun(a.word_in(s, *j)))?;
        return Some(noun + 1);
    }
    if matches!(w, "shows" | "showing" | "marked" | "listed" | "recorded" | "logged" | "registered" | "flagged")
        && a.word_in(s, k + 1) == "as"
    {
        return Some(k + 2);
    }
    // "it says delivered on our end": a showing verb with the speaker's side as its place.
    let ours = |j: usize| {
        a.word_in(s, j) == "on"
            && matches!(a.word_in(s, j + 1), "our" | "my" | "the")
            && matches!(a.word_in(s, j + 2), "end" | "side" | "system" | "screen" | "records")
    };
    let sentence = &a.sentences[s];
    if matches!(w, "says" | "shows" | "showing" | "saying") && (sentence.start..sentence.end).any(ours) {
        return Some(k + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Osei", text)
    }

    #[test]
    fn a_record_used_to_rebut_the_customer_is_blame() {
        for yes in [
            "Our system shows the engineer attended at 10:14.",
            "it says delivered on our end m8",
            "According to our logs, you were sent three reminders before the cut-off.",
            "Sir, the system is showing the payment received on the 2nd, so is not late from us.",
            "Well, the tracker has you as signed for at 8 this morning, so who knows.",
            "um yeah so on the screen here it's marked as collected on Tuesday",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_record_used_to_help_or_only_to_inform_is_not_blame() {
        for no in [
            "It shows as delivered, so I'll open a trace with the driver now.",
            "Our records show your order is at the Leeds depot.",
            "The system shows it was never dispatched, which is our mistake.",
            "You said the app 'shows it as delivered', and I can see why that's confusing.",
            "If the tracking shows it as delivered, ring me and I'll sort it.",
            "Does it show as delivered on your side?",
            "By noon tomorrow the scan log will show where it was left, and I'll ring you then.",
            "the tracking shows where the van is, have a look",
            "The log says it was sent on Friday. That's on us, we sent it to the wrong address.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

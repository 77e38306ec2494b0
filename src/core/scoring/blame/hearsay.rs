//! Another party's claim or decision passed on at arm's length: "apparently", "supposedly" or
//! "allegedly" over a clause whose subject is neither the speaker nor the customer ("apparently
//! the new system had other ideas", "supposedly the panel know best", "the parts people are on it,
//! allegedly"). The speaker holds the account away from themselves and lays it on whoever made it:
//! blame, whether the subject is a team, a rule or a thing done. Not when the clause is the
//! speaker's ("apparently I was meant to ring you"), the customer's ("apparently you rang at
//! eight"), a bare "it" or "there" with nothing quoted (news: "apparently it's been posted"), a
//! bare time or thing with no clause ("Friday, apparently"), a
//! plan or work going on ("supposedly they'll deliver Friday"), negated, conditional, quoted,
//! retold or asked.

use super::super::detectors::{DetectorContext, Range};
use super::super::text::Analysed;

/// Words that may open a clause before its subject ("but apparently", "well, supposedly").
fn opener(word: &str) -> bool {
    matches!(word, "but" | "and" | "so" | "because" | "cos" | "well" | "oh" | "now" | "then" | "though" | "yet")
}

/// True when the subject at `i` is the speaker or the customer: "I", "we", "you", "your ...";
/// "our" or "my" only alone ("ours"), since "our tax team" and "my manager" are other parties.
fn own_or_customer(a: &Analysed, i: usize) -> bool {
    let next = a.word_in(a.tokens[i].sentence, i + 1);
    match a.word(i) {
        "our" | "my" => next.is_empty() || matches!(next, "own" | "side" | "end" | "fault" | "mistake" | "bad"),
        w => matches!(w, "i" | "we" | "me" | "us" | "you" | "u" | "your" | "ur" | "ya" | "yours" | "ours" | "mine"),
    }
}

/// The token range of the clause the hearsay word at `k` speaks over: its own clause, or the one
/// before when it stands alone after a comma ("they're on it, apparently").
fn clause_over(a: &Analysed, k: usize) -> Option<(usize, usize)> {
    let t = &a.tokens[k];
    let s = &a.sentences[t.sentence];
    let span = |c: usize| {
        let idx: Vec<usize> = (s.start..s.end).filter(|i| a.tokens[*i].clause == c).collect();
        Some((*idx.first()?, *idx.last()? + 1))
    };
    let own = span(t.clause)?;
    if own.1 - own.0 > 1 {
        return Some(own);
    }
    (t.clause > 0 && k > s.start).then(|| span(t.clause - 1)).flatten()
}

/// Hearsay laid on another party (see the module text): each a range over the clause.
pub(super) fn claims(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let words = &cx.lists.words;
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        if !matches!(t.text.as_str(), "apparently" | "supposedly" | "allegedly")
            || t.quoted
            || t.retold
            || t.negated_by.is_some()
            || a.in_condition(k)
            || super::asks(a, t.sentence)
        {
            continue;
        }
        let Some((from, to)) = clause_over(a, k) else { continue };
        let body: Vec<usize> = (from..to).filter(|i| *i != k && !opener(a.word(*i))).collect();
        // A claim is a clause: a subject and what it did or holds, not a bare "Tuesday, apparently".
        let Some(&subject) = body.first().filter(|_| body.len() >= 3) else { continue };
        let quoted = body.iter().any(|i| a.tokens[*i].quoted);
        let news = matches!(a.word(subject), "it" | "there" | "this" | "that") && !quoted;
        let plan = body.iter().take(4).any(|i| {
            let w = a.word(*i);
            (words.blame_plan_word.has(w) || words.blame_progress_word.has(w)) && !a.tokens[*i].quoted
        });
        // A condition later in the clause leaves the claim said ("... optional when the bosses want").
        let unsaid = body.iter().any(|i| a.tokens[*i].retold) || a.in_condition(subject);
        if own_or_customer(a, subject) || news || plan || unsaid {
            continue;
        }
        out.push((from.min(k), to.max(k + 1)));
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Ferreira", text)
    }

    #[test]
    fn another_partys_claim_held_at_arms_length_is_blame() {
        for yes in [
            "Sorry Mr Ferreira. Apparently the scheduling software knows better than both of us.",
            "we wanted to sort it but supposedly the area office has final say lol",
            "The estimate's gone up, the panel beaters found more rust, allegedly.",
            "Good afternoon. Regrettably, the allocation is apparently fixed by the regional board.",
            "no refund mate, apparently thats 'not how the scheme works'",
            "So the spares people, right, they're sorting it, apparently. Ha.",
            "Your form? Well, apparently nobody upstairs has opened it since March.",
            "Apparently our claims desk thinks a photo counts as proof now.",
            "Supposedly refunds are only for emergencies when the finance lot feel like it.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn hearsay_about_the_speaker_the_customer_news_or_plans_is_not_blame() {
        for no in [
            "Apparently I was meant to ring you on Monday, and I didn't. That's on me.",
            "apparently you called in at eight, I'm sorry nobody picked up, I'll sort it now",
            "Good news, Mr Ferreira, apparently it's been posted this morning.",
            "Supposedly the engineer will be with you by ten, and I'll ring at twelve to check.",
            "If the manager apparently approved it, I'll see the note and call you back.",
            "You said that apparently the warehouse lost it, but it was our mistake and I've fixed it.",
            "Did the courier apparently say that?",
            "The fitter's booked. Thursday morning, apparently.",
            "Apparently our mistake, sorry, I typed the postcode wrong and I've fixed it now.",
            "He wasn't apparently told, I gather, so I've rung him myself and he's on his way.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

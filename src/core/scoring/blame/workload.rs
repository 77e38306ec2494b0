//! Strain on the speaker's side given as the reason for a lapse (docs/labelling.md, blame-shifting:
//! workload, staffing and machines, decided 2026-12-07): a busy state ("we've been flat out",
//! "Busy week.", "yesterday was chaos"), staff away ("half the team's off sick", "three engineers
//! off with flu", "a colleague on long leave") or a machine failing ("the system ate my call list",
//! "the dialler dropped your number"), tied to a lapse: a causal word between them ("so it slipped",
//! "because we were short") or an admitted lapse or apology in its sentence or the one either side
//! ("Sorry. Been swamped."). A strain said with no lapse ("we're busy but you're my priority") is
//! no account of a failure. "It's been one of those weeks" is a busy state; a machine of our side
//! that did not do its part ("the dialler never popped it up", "the callback was not assigned by
//! the scheduling system") is a lapse in itself, tied to nothing more.
//!
//! Not when owned in the sentence, the one before or the one after ("we were short-staffed, but
//! that's on me"), the excuse declined ("no excuse", "I won't hide behind how busy we were"), said
//! of the customer ("I know it's been hectic for you"), ahead ("it'll be busy"), set aside ("I
//! could tell you we were busy"), negated, quoted or retold, in a condition or a question.

use super::super::detectors::{DetectorContext, Range, find};
use super::super::text::Analysed;

/// Words of a busy state ("swamped", "flat out", "chaos"); the ones of feeling ("mad", "crazy")
/// only of a time or place, not of a person ("I was mad at it"), checked in [`busy_at`].
fn busy_word(w: &str) -> bool {
    matches!(
        w,
        "busy"
            | "swamped"
            | "slammed"
            | "manic"
            | "hectic"
            | "chaos"
            | "chaotic"
            | "bedlam"
            | "rammed"
            | "heaving"
            | "stretched"
            | "overstretched"
            | "understaffed"
            | "short-staffed"
            | "overwhelmed"
            | "frantic"
            | "nonstop"
            | "non-stop"
            | "madness"
            | "mad"
            | "crazy"
            | "mental"
            | "insane"
    )
}

/// Machines the speaker's side works with, as the subject of a failure.
fn machine(w: &str) -> bool {
    matches!(
        w,
        "system"
            | "systems"
            | "computer"
            | "computers"
            | "dialler"
            | "dialer"
            | "phones"
            | "phone"
            | "app"
            | "portal"
            | "software"
            | "laptop"
            | "pc"
            | "server"
            | "servers"
            | "network"
            | "printer"
            | "till"
            | "tills"
            | "screen"
            | "database"
            | "crm"
            | "inbox"
            | "robot"
    )
}

/// What a machine does when it fails the speaker ("went down", "ate", "dropped", "froze").
fn failing(w: &str) -> bool {
    matches!(
        w,
        "down"
            | "crashed"
            | "crash"
            | "crashing"
            | "died"
            | "froze"
            | "frozen"
            | "ate"
            | "eaten"
            | "dropped"
            | "lost"
            | "wiped"
            | "glitched"
            | "glitch"
            | "glitching"
            | "broke"
            | "broken"
            | "failed"
            | "offline"
            | "corrupted"
            | "deleted"
            | "swallowed"
            | "playing"
            | "decided"
    )
}

/// Every strain tied to a lapse in the answer and not owned, declined or set aside: its words.
pub(super) fn excuses(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let ownership = find(&cx.lists.ownership, a, cx);
    let owned_in = |s: usize| {
        ownership.iter().any(|o| {
            let t = &a.tokens[o.0];
            t.sentence == s && t.is_own_word() && (o.0 == 0 || !a.tokens[o.0 - 1].is_negator())
        })
    };
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let strain = busy_at(a, k).or_else(|| staff_away_at(a, k));
        let undone = if strain.is_none() { machine_undone_at(a, k) } else { None };
        let machine = if strain.is_none() { machine_at(a, k).or(undone) } else { None };
        let Some(r) = strain.or(machine) else { continue };
        if machine.is_some() && fixed_after(a, cx, r) {
            continue;
        }
        let t = &a.tokens[k];
        let s = t.sentence;
        // A machine's act left undone is negated by its own "not" or "never" (at `k`), said as fact.
        let own_negation = undone.map(|_| k);
        let unsaid = a.tokens[r.0..r.1]
            .iter()
            .any(|x| x.quoted || x.retold || x.negated_by.is_some_and(|n| Some(n) != own_negation))
            || (r.0..r.1).any(|x| a.in_condition(x));
        if unsaid || super::asks(a, s) || super::said_aside(a, cx, r.0) || ahead_or_customers(a, r) {
            continue;
        }
        let near = s.saturating_sub(1)..(s + 2).min(a.sentences.len());
        if near.clone().any(owned_in) || near.clone().any(|n| declined(a, n)) || super::lapse::claimed_after(a, r.1) {
            continue;
        }
        if undone.is_some() || caused(a, r) || near.into_iter().any(|n| lapse_in(a, n, r)) {
            out.push(r);
        }
    }
    out.dedup();
    out
}

/// The clause's words before `k` in its sentence (its subject and helpers).
fn clause_before(a: &Analysed, k: usize) -> impl Iterator<Item = usize> + '_ {
    let t = &a.tokens[k];
    (a.sentences[t.sentence].start..k).filter(move |j| a.tokens[*j].clause == t.clause)
}

/// A busy state ending at `k`: "<subject> <be> [degree] <busy>" or a verbless one ("Busy week.",
/// "Been swamped.", "flat out", "snowed under", "run off our feet"). "mad", "crazy" and the like
/// need a time, a place or "it" for subject, not a person ("I was mad about it").
fn busy_at(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    let w = a.word(k);
    let next = a.word_in(s, k + 1);
    // "it's been one of those weeks", "yesterday was one of those days".
    let those = w == "one"
        && next == "of"
        && a.word_in(s, k + 2) == "those"
        && matches!(a.word_in(s, k + 3), "days" | "weeks" | "nights" | "mornings" | "afternoons" | "shifts");
    let phrase = match w {
        "flat" => next == "out",
        "snowed" => next == "under",
        "run" | "rushed" => next == "off" && matches!(a.word_in(s, k + 2), "our" | "my" | "their"),
        "short" => matches!(next, "staffed" | "handed" | "-staffed"),
        "under" => next == "staffed",
        _ => false,
    };
    // "it'll be one of those days", "you've had one of those weeks": ahead or the customer's.
    if (!phrase && !those && !busy_word(w)) || (those && ahead_or_customers(a, (k, k + 1))) {
        return None;
    }
    let before: Vec<usize> = clause_before(a, k).collect();
    let feeling = matches!(w, "mad" | "crazy" | "mental" | "insane");
    if feeling {
        let person = before.iter().any(|j| matches!(a.word(*j), "i" | "he" | "she" | "they" | "you" | "u" | "am"));
        if person || matches!(next, "at" | "about" | "with" | "to" | "idea" | "if") {
            return None;
        }
    }
    // "busy" as a bare adjective of a thing ("a busy studio", "the busy road") names no strain.
    if w == "busy" && before.last().is_some_and(|j| matches!(a.word(*j), "a" | "the" | "your" | "ur")) {
        return None;
    }
    let from = before.get(before.len().saturating_sub(5)).copied().unwrap_or(k);
    Some((from, k + 1 + usize::from(phrase) + 3 * usize::from(those)))
}

/// Staff away ending at `k`: "off sick", "off with flu", "on (long|sick|annual) leave", "two staff
/// down", "<people> <be> off|short|away" with a person or a count before it in the clause.
fn staff_away_at(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    let w = a.word(k);
    let prev = if k > a.sentences[s].start { a.word(k - 1) } else { "" };
    let next = a.word_in(s, k + 1);
    let before: Vec<usize> = clause_before(a, k).collect();
    // The clause ends, or a time follows ("two nurses down that night").
    let clause_ends = a.tokens.get(k + 1).is_none_or(|t| t.clause != a.tokens[k].clause)
        || matches!(next, "that" | "this" | "today" | "yesterday" | "last" | "all" | "on");
    // "two people were off", "we were two staff down": a form of "be" or the people right before.
    let stated = matches!(prev, "is" | "are" | "was" | "were" | "been" | "s" | "re");
    let person = |j: &usize| {
        let x = a.word(*j);
        let one = x.strip_suffix('s').unwrap_or(x);
        matches!(x, "people" | "staff" | "us" | "half" | "nobody" | "everyone" | "colleague" | "colleagues")
            || matches!(
                one,
                "engineer" | "driver" | "technician" | "nurse" | "doctor" | "chef" | "member" | "agent" | "adviser"
            )
            || x.parse::<u32>().is_ok()
            || matches!(x, "two" | "three" | "four" | "five" | "several" | "few")
            || &*a.tokens[*j].stem == "colleagu"
    };
    let away = match w {
        "sick" => matches!(prev, "off" | "out" | "in"),
        "off" => {
            next == "with" || next == "sick" || clause_ends && (stated || k.checked_sub(1).is_some_and(|p| person(&p)))
        }
        "leave" => prev == "on" || (k >= 2 && a.word(k - 2) == "on"),
        "down" | "short" | "away" => clause_ends && (stated || k.checked_sub(1).is_some_and(|p| person(&p))),
        _ => false,
    };
    if !away || !before.iter().any(person) && w != "sick" {
        return None;
    }
    let from = before.get(before.len().saturating_sub(6)).copied().unwrap_or(k);
    Some((from, k + 1))
}

/// A machine of the speaker's side failing, ending at the failure: "the system went down", "the
/// system ate my call list", "the dialler dropped your number", "the app was playing up". Not the
/// customer's ("your app crashed").
fn machine_at(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    if !failing(a.word(k)) || (a.word(k) == "playing" && a.word_in(s, k + 1) != "up") {
        return None;
    }
    let before: Vec<usize> = clause_before(a, k).collect();
    let at = before.iter().rev().take(5).find(|j| machine(a.word(**j)))?;
    if *at > 0 && matches!(a.word(at - 1), "your" | "ur" | "you") {
        return None;
    }
    Some((*at, k + 1))
}

/// A machine of the speaker's side that did not do its part, from the machine to the act: its
/// subject ("the dialler never popped it up", "the rota system did not put you on the list") or
/// its agent after "by" ("the callback was not assigned by the scheduling system"). Not a failure
/// denied ("the app didn't crash"), nor praise ("the system has never lost one"), nor the
/// customer's or another party's machine ("your phone didn't ring", "the council's portal
/// didn't take it").
fn machine_undone_at(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    let prev = if k > a.sentences[s].start { a.word(k - 1) } else { "" };
    let passive = a.word(k) == "not" && matches!(prev, "was" | "were");
    let active = a.word(k) == "never" && !matches!(prev, "has" | "have" | "had" | "s" | "ve")
        || (a.word(k) == "not" && prev == "did");
    if !passive && !active {
        return None;
    }
    let mut v = k + 1;
    while matches!(a.word_in(s, v), "even" | "actually" | "properly" | "just" | "always" | "ever") {
        v += 1;
    }
    let verb = a.word_in(s, v);
    // "never" with a present verb is a habit, often praise ("our system never loses a booking"):
    // only a past act is a lapse.
    if a.word(k) == "never" && !past_form(verb) {
        return None;
    }
    let skip = ["be", "been", "go", "went", "stop", "work", "worked", "working"];
    if verb.is_empty() || failing(verb) || skip.contains(&verb) || !verb.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let clause = a.tokens[k].clause;
    let at = if passive {
        let by = (v + 1..a.sentences[s].end).take(5).find(|j| a.tokens[*j].clause == clause && a.word(*j) == "by")?;
        (by + 1..a.sentences[s].end).take(4).find(|j| machine(a.word(*j)))?
    } else {
        // The machine must be the subject of the negated act: right before it, past "did" and at
        // most two adverbs ("the dialler just never popped it up"). In "I checked the system and
        // did not see it" the subject is the speaker's.
        let first = if prev == "did" { k - 1 } else { k };
        let adverb = |j: &usize| matches!(a.word(*j), "just" | "really" | "simply" | "actually" | "even" | "also");
        let j = (a.sentences[s].start..first).rev().take(3).find(|j| !adverb(j))?;
        if !machine(a.word(j)) || a.tokens[j].clause != clause {
            return None;
        }
        j
    };
    // The customer's machine, or another party's ("the council's portal"): no lapse of our side.
    let whose = if at > 0 { a.word(at - 1) } else { "" };
    let possessive = whose.ends_with('s') && !matches!(whose, "this" | "its" | "is" | "was" | "has");
    let theirs = possessive || matches!(whose, "your" | "ur" | "you" | "their");
    (!theirs).then(|| (at.min(k), (v + 1).max(at + 1)))
}

/// True for a past form of a verb: "-ed", or a common irregular past that is not also its present
/// ("sent", "rang"; "put" too, said of one machine; not "let").
fn past_form(verb: &str) -> bool {
    verb.ends_with("ed")
        || matches!(
            verb,
            "sent"
                | "came"
                | "got"
                | "made"
                | "rang"
                | "took"
                | "gave"
                | "told"
                | "ran"
                | "left"
                | "kept"
                | "brought"
                | "caught"
                | "did"
                | "showed"
                | "shown"
                | "put"
                | "picked"
                | "threw"
                | "lost"
                | "forgot"
        )
}

/// True when the speaker's firm act on the problem follows the machine's failure `r` in its
/// sentence ("the app is broken today, and I am handling it for you", "the portal fell over so
/// I've keyed it in myself"): a cause named while fixing it (docs/labelling.md), not an excuse.
fn fixed_after(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    super::super::concepts::takes_it_on(a, cx).iter().any(|act| act.0 >= r.1 && a.tokens[act.0].sentence == s)
}

/// True when the strain at `r` lies ahead or is the customer's: within the three words before it
/// in its clause a helper of the future or of guessing ("it'll be busy", "you must be swamped")
/// or "you" ("I know you're busy"), or "for you" right after it ("it's been hectic for you").
fn ahead_or_customers(a: &Analysed, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    let lead: Vec<usize> = clause_before(a, r.1 - 1).collect();
    let future = lead.iter().rev().take(4).any(|j| {
        matches!(
            a.word(*j),
            "will"
                | "would"
                | "might"
                | "may"
                | "must"
                | "could"
                | "should"
                | "going"
                | "gonna"
                | "expect"
                | "expecting"
                | "you"
                | "u"
                | "your"
                | "ur"
        )
    });
    future
        || (matches!(a.word_in(s, r.1), "for" | "on") && matches!(a.word_in(s, r.1 + 1), "you" | "u" | "your" | "ur"))
}

/// True when a word of cause ties the strain at `r` to a lapse told in its sentence: "so",
/// "hence", "which meant", "that is why" after it ("we were flat out so your call got pushed
/// back"), or "because", "cos", "since", "as" opening its clause ("I'm late back to you because
/// we've been swamped"); not when the sentence turns to a plan ("we're busy so I'll be quick").
fn caused(a: &Analysed, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    let sentence = &a.sentences[s];
    let plan = (sentence.start..sentence.end)
        .any(|j| matches!(a.word(j), "will" | "going" | "gonna" | "let" | "can" | "shall" | "please" | "now"));
    let opens = clause_before(a, r.0).next().unwrap_or(r.0);
    let because = matches!(a.word(opens), "because" | "cos" | "coz" | "cause" | "since" | "as");
    let effect = (r.1..sentence.end).take(4).any(|j| {
        matches!(a.word(j), "so" | "hence" | "meaning")
            || (a.word(j) == "why" && matches!(a.word(j.wrapping_sub(1)), "is" | "was" | "s"))
            || (a.word(j) == "which" && matches!(a.word_in(s, j + 1), "meant" | "means"))
    });
    let told = if because { opens > sentence.start } else { effect && r.1 + 2 < sentence.end };
    told && !plan
}

/// True when sentence `n` admits a lapse outside the strain `r`: an apology of the speaker's
/// (not "sorry to hear") or a word of a lapse ([`lapse_word`]).
fn lapse_in(a: &Analysed, n: usize, r: Range) -> bool {
    let sentence = &a.sentences[n];
    (sentence.start..sentence.end).filter(|j| *j < r.0 || *j >= r.1).any(|j| {
        let apology = matches!(a.word(j), "sorry" | "apologies" | "apologise" | "apologize" | "soz" | "sry")
            && a.tokens[j].is_own_word()
            && !(a.word_in(n, j + 1) == "to" && matches!(a.word_in(n, j + 2), "hear" | "bother" | "say"));
        apology || lapse_word(a, j)
    })
}

/// A word of a lapse, the speaker's own and not quoted: "forgot", "slipped", "missed", "late",
/// "delay", "buried", "did not", "could not", "never".
fn lapse_word(a: &Analysed, j: usize) -> bool {
    let t = &a.tokens[j];
    if t.quoted || t.retold {
        return false;
    }
    matches!(
        t.text.as_str(),
        "forgot"
            | "forgotten"
            | "slipped"
            | "missed"
            | "late"
            | "delay"
            | "delayed"
            | "buried"
            | "dropped"
            | "behind"
            | "never"
    ) || (t.text == "not"
        && j > 0
        && matches!(a.word(j - 1), "did" | "could" | "have" | "has" | "was" | "were" | "had"))
        || (t.text == "head" && a.word(j.wrapping_sub(1)) == "my")
}

/// True when sentence `n` declines the excuse: "no excuse", "not an excuse", "not making
/// excuses", "hide behind", "not your problem".
fn declined(a: &Analysed, n: usize) -> bool {
    let sentence = &a.sentences[n];
    (sentence.start..sentence.end).any(|j| {
        let near_not =
            (j.saturating_sub(3).max(sentence.start)..j).any(|k| matches!(a.word(k), "no" | "not" | "never"));
        (a.tokens[j].stem.starts_with("excus") && near_not)
            || (a.word(j) == "hide" && a.word_in(n, j + 1) == "behind")
            || (matches!(a.word(j), "problem" | "concern" | "worry") && a.word(j.wrapping_sub(1)) == "your" && near_not)
    })
}

/// True when the plain rule's find `r` is a busy state ("has been hectic", "are busy") that lies
/// ahead or is the customer's ("I know it's been hectic for you", "I know you're busy").
pub(super) fn not_ours(a: &Analysed, r: Range) -> bool {
    r.1 > r.0 && busy_word(a.word(r.1 - 1)) && ahead_or_customers(a, r)
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Lindqvist", text)
    }

    #[test]
    fn workload_staffing_or_a_machine_given_as_the_reason_for_a_lapse_is_blame() {
        for yes in [
            "Sorry for the silence. We've been flat out since the sale started.",
            "soz, mad week, totally snowed under",
            "Apologies, Mr Lindqvist. The week has been chaotic.",
            "We had four fitters off with a bug, so your survey got pushed back.",
            "sorry the driver who does your route was on annual leave so nobody picked it up",
            "Our phone system went down on Tuesday so the reminder never went out.",
            "The scheduler dropped your slot, sorry about that.",
            "Very sorry sir, the computer it crashed and I cannot send the letter.",
            "yeah um we were two nurses down that night so um the obs were late",
            "The dialler crashed, so nobody rang you back, sorry. I'll ring you at three.",
            "Mate, it's been one of those weeks here, so your refund slipped.",
            "Ugh, one of those days yesterday, so the order went out late.",
            "The rota software never put your visit in the diary.",
            "Your appointment was not booked by the online system, apologies.",
            "The computer did not make the booking for you, I am sorry.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn strain_with_no_lapse_owned_declined_ahead_or_the_customers_is_not_blame() {
        for no in [
            "It's a busy morning here but you're my priority, so let's get this sorted.",
            "I know the last month has been hectic for you with the move.",
            "I know you're swamped, so I'll keep this to two lines.",
            "We were short-staffed that weekend, but the missed call is on me, no two ways about it.",
            "The booking system was down for an hour; I've rebooked you by hand and that's our mistake.",
            "I won't hide behind how busy the clinic was. I should have rung you.",
            "The depot will be rammed next week, so order by Friday to be safe.",
            "Two of the team are off on Monday, so I'll ring you today instead.",
            "Was the system down when you tried?",
            "Your app crashed, so I've sent the form by email instead.",
            "Sorry you waited. The app is broken today, and I am handling it for you.",
            "the portal fell over so ive keyed ur claim in myself, sorry bout that",
            "It'll be one of those days tomorrow, so I'll ring you early.",
            "Sounds like you've had one of those weeks, I'm sorry.",
            "The booking system didn't crash, I just forgot to ring you, and that's on me.",
            "I checked the system and did not see your booking anywhere.",
            "The dialler never pops a number up twice.",
            "Your laptop didn't save the form, so I've filled it in for you.",
            "The app didn't send the reminder, and that's my fault.",
            "Was the payment not taken by the system?",
            "the councils portal didnt take ur form, but thats for me 2 sort",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}

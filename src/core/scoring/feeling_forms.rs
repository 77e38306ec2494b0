//! More shapes of `empathy` (see `feeling.rs` for the main ones and `docs/labelling.md`): an
//! exclamation about what the customer has been through ("What a rotten week you've had"), a
//! problem striking part of their life or business ("that hits your income"), and what sets a
//! found feeling aside as not the customer's: the speaker's own state ("I'm so frustrated with
//! this system"), an ironic certainty ("I'm sure it's been devastating for you") or mockery of the
//! customer's being ("must be so hard being you").

use super::detectors::Range;
use super::feeling::{degree, feels};
use super::text::Analysed;
use super::word_sets::WordSets;

/// "What a rotten week you've had", "what an awful start to your holiday", "oh what a nightmare":
/// "what a" and a word of feeling or hardship after words of degree, said firmly, not asked.
pub(super) fn exclaimed(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let sentence = &a.sentences[t.sentence];
        if t.text != "what" || !matches!(a.word_in(t.sentence, k + 1), "a" | "an") || sentence.question_mark {
            continue;
        }
        let mut j = k + 2;
        while j < sentence.end && j < k + 5 && degree(w, a.word(j)) {
            j += 1;
        }
        let felt = j < sentence.end && (feels(w, a.word(j)) || w.feeling_hardship.has(a.word(j)));
        if felt && a.asserted_at(j) && !a.in_condition(j) && !t.quoted {
            out.push((k, j + 1));
        }
    }
    out
}

/// "That hits your income", "it's wrecked your weekend", "this has disrupted your business": a
/// verb of striking (`@feeling-impact-verb`) with part of the customer's life (`@feeling-life`)
/// as its object, firmly, not under "if", not asked.
pub(super) fn struck(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        if !w.feeling_impact_verb.has(&t.text) || !a.asserted_at(k) || a.in_condition(k) || t.quoted {
            continue;
        }
        let s = t.sentence;
        if a.sentences[s].question_mark {
            continue;
        }
        let owner = (k + 1..k + 3).find(|&j| matches!(a.word_in(s, j), "your" | "ur" | "you"));
        let Some(owner) = owner else { continue };
        if (k + 1..owner).any(|j| !matches!(a.word_in(s, j), "up" | "on" | "into")) {
            continue;
        }
        if let Some(j) = (owner + 1..owner + 4).find(|&j| w.feeling_life.has(a.word_in(s, j))) {
            out.push((k, j + 1));
        }
    }
    out
}

/// Words that name a stretch of time the customer went through ("a week of taxis", "two days").
pub(super) const STRETCH: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "hours",
    "night",
    "nights",
    "weekend",
    "evening",
    "morning",
    "afternoon",
];

/// "A week of taxis is not OK", "losing a day's pay for nothing is not on", "being passed around
/// after you'd taken leave isn't acceptable", "that's no way to live with you ill": the customer's
/// situation described before a copula (the customer named, a stretch of time, or something
/// going on), judged wrong after it ("not" and `@feeling-not-right`, "unacceptable", "no way to"),
/// firmly, not asked, not under "if". Not a bare "that's not acceptable", nor a person judged
/// ("you're not right"), nor the speaker's side ("our service was not good enough").
pub(super) fn judged_wrong(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (c, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let start = a.sentences[s].start;
        if !w.feeling_copula.has(&t.text) || c == start || !a.asserted_at(c) || a.in_condition(c) || t.quoted {
            continue;
        }
        let mut j = c + 1;
        while matches!(a.word_in(s, j), "just" | "really" | "simply" | "honestly" | "clearly" | "totally") {
            j += 1;
        }
        let clause_ends = |k: usize| a.word_in(s, k).is_empty() || a.tokens[k].clause != a.tokens[j].clause;
        let not_right = a.tokens.get(j).is_some_and(|n| n.is_negator() && n.sentence == s)
            && w.feeling_not_right.has(a.word_in(s, j + 1))
            && (a.word_in(s, j + 1) != "on" || clause_ends(j + 2));
        let judged = if not_right {
            j + 2
        } else if a.word_in(s, j) == "unacceptable" {
            j + 1
        } else if a.word_in(s, j) == "no" && a.word_in(s, j + 1) == "way" && a.word_in(s, j + 2) == "to" {
            j + 3
        } else {
            continue;
        };
        let subject: Vec<&str> = (start.max(c.saturating_sub(25))..c).map(|k| a.word(k)).collect();
        let head = subject.last().copied().unwrap_or("");
        let person = matches!(head, "i" | "we" | "you" | "he" | "she" | "they" | "u");
        // "that's not acceptable": a pronoun standing for something said before says nothing of it.
        let bare = matches!(head, "that" | "this" | "it" | "which" | "there");
        let customer = subject.iter().any(|x| matches!(*x, "you" | "your" | "yourself" | "u" | "ur"));
        let stretch = subject.iter().any(|x| STRETCH.contains(x));
        let going_on = subject.first().is_some_and(|x| x.ends_with("ing") && !x.ends_with("thing"));
        let ours = subject.first().is_some_and(|x| matches!(*x, "our" | "my")) && !customer;
        let after = (judged..judged + 7).any(|k| matches!(a.word_in(s, k), "you" | "your" | "u" | "ur"));
        // "... is not OK from us": the speaker's side judged, which owns the failure.
        let from_us =
            matches!(a.word_in(s, judged), "from" | "of" | "by") && matches!(a.word_in(s, judged + 1), "us" | "me");
        if !person && !ours && !from_us && (if bare { after } else { customer || stretch || going_on }) {
            out.push((c, judged));
        }
    }
    out
}

/// "So you've been without heating all week", "u were stuck with no car since Monday", "you've
/// had no hot water for days with a baby": the customer (`you`, `u`) gone without something,
/// with a stretch of time or someone who depends on them in the sentence, firmly, not under "if".
pub(super) fn went_without(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !matches!(t.text.as_str(), "you" | "u") || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let mut j = k + 1;
        while matches!(
            a.word_in(s, j),
            "have" | "had" | "been" | "were" | "are" | "was" | "stuck" | "left" | "still" | "now" | "basically" | "all"
        ) {
            j += 1;
        }
        // "without", "had no" ("you have no balance" is the present state of an account), "with no".
        let j = match a.word_in(s, j) {
            "without" => j,
            "no" if a.word_in(s, j - 1) == "had" => j,
            "with" if a.word_in(s, j + 1) == "no" => j + 1,
            _ => continue,
        };
        if a.tokens[j].negated_by.is_some_and(|n| n < k) {
            continue;
        }
        let sentence = &a.sentences[s];
        let burden = (j + 1..sentence.end).any(|m| {
            let x = a.word(m);
            STRETCH.contains(&x) || x == "since" || w.feeling_dependant.has(x)
        });
        if burden {
            out.push((k, j + 2));
        }
    }
    out
}

/// "And with the baby too.", "with the kids n all", "with a little one at home as well": a
/// clause opened by "with" and someone who depends on the customer (`@feeling-dependant`), closed
/// by "too", "as well" or "all", or joined to a lack ("with two kids and no hot water"): a
/// circumstance that makes it heavier, added to what was said.
pub(super) fn with_dependants(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let start = a.sentences[s].start;
        let opens = k == start || a.tokens[k - 1].clause != t.clause || (a.word(k - 1) == "and" && k - 1 == start);
        if t.text != "with" || !opens || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let Some(d) = (k + 1..k + 6).find(|&m| w.feeling_dependant.has(a.word_in(s, m))) else { continue };
        // "with two kids and no hot water", "with no heating and a baby": the dependant and a lack.
        let lack = (k + 1..d + 5).any(|m| matches!(a.word_in(s, m), "no" | "without"));
        let closed = d < k + 4 && (d + 1..d + 5).any(|m| matches!(a.word_in(s, m), "too" | "well" | "all"));
        if closed || lack {
            out.push((k, d + 1));
        }
    }
    out
}

/// Words that say a part of the customer's life is gone ("your weekend gone", "your day off wasted").
pub(super) const GONE: &[&str] = &["gone", "wasted", "lost", "ruined", "spoilt", "spoiled", "wrecked"];

/// "That's your weekend gone", "ur whole saturday gone waiting in", "that's your whole day off
/// wasted": part of the customer's life (`@feeling-life`, `@feeling-loss-object`) after "your"
/// (and "off") and said to be gone ([`GONE`]), not under "if".
pub(super) fn gone(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !matches!(t.text.as_str(), "your" | "ur") || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let thing = (k + 1..k + 4).find(|&m| {
            let x = a.word_in(s, m);
            let after = if a.word_in(s, m + 1) == "off" { m + 2 } else { m + 1 };
            (w.feeling_life.has(x) || w.feeling_loss_object.has(x) || x.ends_with("day"))
                && GONE.contains(&a.word_in(s, after))
        });
        if let Some(m) = thing {
            out.push((k, m + 2));
        }
    }
    out
}

/// True when the word at `k` is a verb of receiving news that ends its clause ("hard to take",
/// "tough to hear, I know"): what is hard is the customer's receiving it ("hard to take the van
/// out" is a task).
pub(super) fn received_at(a: &Analysed, k: usize) -> bool {
    let s = a.tokens.get(k).map_or(0, |t| t.sentence);
    let ends = a.word_in(s, k + 1).is_empty() || a.tokens[k + 1].clause != a.tokens[k].clause;
    matches!(a.word_in(s, k), "take" | "hear" | "swallow" | "bear" | "stomach") && (ends || a.word(k + 1) == "for")
}

/// True when the feeling found at `r` is not the customer's: the speaker's own state ("I'm so
/// frustrated", "I was really worried"), a certainty that mocks ("I'm sure it's been devastating
/// for you"), the customer's very being called the hardship ("must be so hard being you"), the
/// speaker's own difficulty ("it's hard to say", not "hard to take") or a feeling dismissed ("I
/// don't know why it was so hard for you"), or an answer that also tells the customer what to do
/// "next time" with the speaker out of it ("how awful for you. Maybe don't cut it so fine next
/// time?"): their plight put down to them, which turns the sympathy into mockery. Also the
/// answer known to fall short of the customer's wish ([`news_against_wish`]) and a hardship laid
/// on a party ([`laid_on_a_party`]).
pub(super) fn set_aside(a: &Analysed, w: &WordSets, r: Range) -> bool {
    let own_difficulty = matches!(a.word(r.1 - 1), "hard" | "difficult" | "tough")
        && a.word_in(a.tokens[r.0].sentence, r.1) == "to"
        && !received_at(a, r.1 + 1);
    // Only "why" after the denied verb: "I simply didn't get to it" dismisses nothing.
    let s = a.tokens[r.0].sentence;
    let dismissed = (a.sentences[s].start..r.0)
        .any(|k| a.word(k + 1) == "why" && w.feeling_recognise.has(a.word(k)) && a.tokens[k].negated_by.is_some());
    own_difficulty
        || dismissed
        || set_aside_as_state(a, w, r)
        || news_against_wish(a, w, r)
        || laid_on_a_party(a, w, r)
        || !super::walls::next_time_advice(a).is_empty()
}

/// Words that add the customer's circumstance to what the speaker knows ("... with your exam on
/// Monday", "... after waiting all week", "... on top of everything").
const CIRCUMSTANCE: &[&str] = &["with", "w", "after", "before", "b4", "especially", "esp", "given", "top", "when"];

/// "I know that's not what you wanted to hear", "which I know isn't the news you hoped for", "i
/// no its not wot u want": the speaker (at the start of `r`) knowing how the answer falls against
/// the customer's wish speaks of the news, not of what the customer goes through, unless the
/// customer's circumstance follows at once ("... with rent due Friday", "... after the week
/// you've had"). So does a bare negated judgment found as "I know that's" ("I know that's not
/// great", "I know it's no excuse") with nothing of the customer in its clause.
fn news_against_wish(a: &Analysed, w: &WordSets, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    let Some(k) = (r.0..(r.0 + 4).min(r.1)).find(|&k| w.feeling_know.has(a.word_in(s, k))) else { return false };
    let mut j = k + 1;
    while matches!(a.word_in(s, j), "that" | "this" | "it" | "is" | "was" | "s" | "its") {
        j += 1;
    }
    if !a.tokens.get(j).is_some_and(|t| t.is_negator() && t.sentence == s) {
        return false;
    }
    let end = a.sentences[s].end;
    // "I know that's not great", "I know it's no excuse": what was found ends before the negation,
    // and the clause names nothing of the customer.
    let clause = a.tokens[j].clause;
    let names_customer = (j + 1..end)
        .take_while(|&m| a.tokens[m].clause == clause)
        .any(|m| matches!(a.word(m), "you" | "u" | "your" | "ur" | "ya"));
    // "what you wanted", "the news you hoped for", "wot u want".
    let what = match a.word_in(s, j + 1) {
        "what" | "wot" => j + 2,
        "the" if matches!(a.word_in(s, j + 2), "news" | "answer" | "outcome" | "update" | "result") => j + 3,
        _ => return r.1 <= j && !names_customer,
    };
    let wish = ["want", "wanted", "wanna", "hoped", "hoping", "expected", "expecting", "need", "needed", "wish"];
    let Some(v) = (what..what + 3).find(|&v| wish.contains(&a.word_in(s, v))) else { return false };
    if !(what..v).any(|m| matches!(a.word(m), "you" | "u" | "ya")) {
        return false;
    }
    // The circumstance follows at once ("... to hear, with the movers booked"), not a clause later,
    // or the customer's state is told after it ("... and you've been ill", "... and you weren't told").
    let state = |m: usize| {
        matches!(a.word(m), "you" | "u") && matches!(a.word(m + 1), "have" | "had" | "were" | "are" | "was" | "been")
    };
    !(v + 1..(v + 7).min(end)).any(|m| CIRCUMSTANCE.contains(&a.word(m))) && !(v + 1..end).any(state)
}

/// "The contractors have been a nightmare", "their underwriters are useless", "they're hopeless":
/// a word of feeling or hardship said through a plural copula ("are", "were", "have been") of
/// someone or something other than the customer: a party or a thing found troublesome (the
/// speaker's complaint, often blame), not the customer's plight. Not when the subject holds the
/// customer or a stretch of time ("the last two days have been awful"), nor with "must" ("that
/// must have been awful"), nor when "for you" follows.
fn laid_on_a_party(a: &Analysed, w: &WordSets, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    let Some(f) = (r.0..r.1).find(|&k| feels(w, a.word(k)) || w.feeling_hardship.has(a.word(k))) else {
        return false;
    };
    let start = a.sentences[s].start;
    let mut c = f;
    while c > start && (degree(w, a.word(c - 1)) || matches!(a.word(c - 1), "of" | "honestly" | "absolute" | "total")) {
        c -= 1;
    }
    let plural = match a.word_in(s, c.wrapping_sub(1)) {
        "are" | "were" => true,
        "been" => matches!(a.word_in(s, c.wrapping_sub(2)), "have" | "ve"),
        _ => false,
    };
    if !plural || c < start + 2 {
        return false;
    }
    let copula = a.tokens[c - 1].clause;
    let subject: Vec<&str> = (start..c - 1).filter(|&k| a.tokens[k].clause == copula).map(|k| a.word(k)).collect();
    let customer = |x: &&str| matches!(*x, "you" | "your" | "u" | "ur" | "yourself" | "we" | "i");
    let modal = |x: &&str| matches!(*x, "must" | "may" | "might" | "would" | "could" | "should");
    let for_you = matches!(a.word_in(s, f + 1), "for" | "4" | "on") && matches!(a.word_in(s, f + 2), "you" | "u");
    // The customer's own people or time ("the kids have been so upset", "the past two years have
    // been awful") are their plight, not a party's.
    let theirs = |x: &&str| {
        STRETCH.contains(x) || w.feeling_dependant.has(x) || matches!(*x, "fortnight" | "year" | "years" | "hour")
    };
    !subject.is_empty() && !subject.iter().any(|x| customer(x) || modal(x) || theirs(x)) && !for_you
}

/// The speaker's own state, an ironic certainty or mockery (see [`set_aside`]).
fn set_aside_as_state(a: &Analysed, w: &WordSets, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    let start = a.sentences[s].start;
    let mut c = r.0;
    while c > start && degree(w, a.word(c - 1)) {
        c -= 1;
    }
    let state = ["am", "was", "were", "are", "feel", "felt", "get", "got", "been", "getting", "feeling"];
    let between = ["really", "so", "also", "just", "still", "honestly", "quite", "have", "has", "had", "been"];
    // Only a word of feeling right after the state ("I'm so frustrated"; not "I'm not surprised you're fed up").
    let first = (r.0..r.1).find(|&k| !degree(w, a.word(k)));
    let felt = first.is_some_and(|k| feels(w, a.word(k)) || w.feeling_hardship.has(a.word(k)));
    let own = felt && c > start && state.contains(&a.word(c - 1)) && {
        let mut h = c - 1;
        while h > start && between.contains(&a.word(h - 1)) {
            h -= 1;
        }
        h > start && matches!(a.word(h - 1), "i" | "we")
    };
    let ironic = (start..r.0).any(|k| {
        a.word(k) == "i"
            && a.word_in(s, k + 1) == "am"
            && w.feeling_ironic_certainty.has(a.word_in(s, k + 2))
            && matches!(a.word_in(s, k + 3), "it" | "that" | "this" | "you")
            && a.tokens[k + 2].negated_by.is_none()
    });
    let mocked =
        (r.1..r.1 + 4).any(|k| a.word_in(s, k) == "being" && matches!(a.word_in(s, k + 1), "you" | "yourself"));
    own || ironic || mocked
}

//! The fixed vocabularies of the scenario format: behaviours, job families, detectors and slots.
//! The CLI and the app use the same kebab-case names.

/// A named term with a one-line explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The kebab-case name used in files and on the command line.
    pub name: &'static str,
    /// What it means, for people.
    pub description: &'static str,
}

const fn term(name: &'static str, description: &'static str) -> Term {
    Term { name, description }
}

/// The behaviours a scenario can train.
pub const BEHAVIOURS: &[Term] = &[
    term("ownership", "Own the problem from first contact to resolution; no blaming others"),
    term("follow-up", "Promise a specific time, and keep it"),
    term("warm-handover", "Pass the case to a colleague without breaking the chain"),
    term("bad-news", "Call back on time with news the customer will not like"),
    term("good-news", "Call back with good news too"),
    term("pre-positioning", "Say exactly what happens next and when, so nobody is disappointed"),
    term("recovery", "Win back a customer after a failure or a public complaint"),
    term("one-touch", "Resolve it on the spot when you are empowered to"),
    term("no-information-yet", "Call back on time although the answer has not arrived"),
    term("internal-customer", "Follow up with your own staff or peers"),
];

/// The job families scenarios are written for. Files may name others; near misses get a warning.
pub const JOB_FAMILIES: &[Term] = &[
    term("bank-branch", "Bank branch staff"),
    term("contact-centre", "Call and contact centre agents"),
    term("service-desk", "IT and customer service desks"),
    term("retail-shift-lead", "Retail shift leads and store staff"),
    term("restaurant-shift-lead", "Restaurant and hospitality shift leads"),
    term("field-technician", "Field and installation technicians"),
    term("manager", "Leaders, managers and coaches with their own staff"),
];

/// The standard follow-up situations a scenario can rehearse (the library matrix's rows).
pub const SITUATIONS: &[Term] = &[
    term("missed-callback", "A promised call-back was missed and the customer chases it"),
    term("bad-news", "Calling back on time with news the customer will not like"),
    term("no-information-yet", "Calling back on time although the answer has not arrived"),
    term("good-news", "Calling back with good news"),
    term("warm-handover", "Passing the case to a colleague without the customer starting over"),
    term("passed-around", "The customer has been passed around; you are the one who owns it"),
    term("not-our-department", "Caused by head office or another department; own it anyway"),
    term("pre-positioning", "Several contacts are unavoidable; say exactly what happens next and when"),
    term("internal-customer", "Following up with your own staff or a peer"),
    term("public-complaint", "A negative review or public complaint to recover"),
];

/// Built-in detectors a criterion can reference with `Detector("name")`.
pub const DETECTORS: &[Term] = &[
    term("specific-time-commitment", "Commits to call, email or update at a specific time (not \"soon\")"),
    term("uses-customer-name", "Uses the customer's name from the briefing"),
    term("ownership-apology", "Apologises and takes responsibility"),
    term("deflecting-apology", "Apologises in a way that deflects (\"sorry you feel that way\")"),
    term("blame-shifting", "Blames another department, corporate, policy, the system, a colleague or the customer"),
    term("asks-question", "Asks the customer a question"),
    term("states-next-steps", "Says what happens next"),
    term("warm-handover", "Names the colleague, summarises the case, says the customer will not repeat themselves"),
    term("hedged-commitment", "Weakens a promise (\"I'll try\", \"if I can\", \"hopefully\")"),
    term("owns-the-failure", "Owns what went wrong for themselves or the company, without an excuse"),
    term("takes-it-on", "Takes the problem on and says they will see it through (\"leave it with me\")"),
    term("empathy", "Names the customer's feelings or the real impact on them"),
    term("sends-away", "Tells the customer to contact another team or company themselves (a cold referral)"),
    term("specific-day", "Commits firmly to a day: a named day or date, today or tomorrow, a bounded number of days"),
    term("specific-time", "Commits firmly to a time within a day: a clock time, a part of a known day, within hours"),
    term("next-steps", "Says concretely what happens next: an action, one already set in motion, or an instruction"),
    term("handover-context", "Hands over warm: the colleague has the details, no need to repeat anything"),
    term("blame", "Puts the cause on someone else, in any wording (learned; `blame-shifting` is the plain rule)"),
    term("deflection", "Apologises in a way that avoids owning it (learned; `deflecting-apology` is the plain rule)"),
    term("genuine-question", "Asks the customer a real question (not rhetorical, sarcastic or accusatory)"),
];

/// Slots usable inside phrase patterns as `{name}`.
pub const SLOTS: &[Term] = &[
    term("time", "A specific time: clock time, weekday, today/tomorrow + part of day, within N hours"),
    term("hour", "A specific time within a day: a clock time, a part of a known day, within N hours"),
    term("customer", "The customer's name from the briefing"),
    term("colleague", "The colleague's name from the briefing"),
    term("number", "Any number"),
];

/// Names of a vocabulary, for suggestions and messages.
pub fn names(terms: &[Term]) -> impl Iterator<Item = &'static str> + '_ {
    terms.iter().map(|t| t.name)
}

/// True when `terms` has a term called `name`.
pub fn contains(terms: &[Term], name: &str) -> bool {
    terms.iter().any(|t| t.name == name)
}

/// The term called `name`.
pub fn find(terms: &[Term], name: &str) -> Option<Term> {
    terms.iter().copied().find(|t| t.name == name)
}

/// True for lowercase kebab-case identifiers: `a-z`, `0-9` and single inner hyphens.
pub fn is_kebab_case(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A readable display name for a kebab-case term: `bank-branch` -> `Bank branch`.
pub fn display_name(name: &str) -> String {
    const HYPHENATED: &[&str] = &["follow-up", "one-touch", "pre-positioning", "hand-over"];
    let spaced = name
        .split('-')
        .fold((String::new(), ""), |(mut out, prev), word| {
            if !out.is_empty() {
                let joined = format!("{prev}-{word}");
                out.push(if HYPHENATED.iter().any(|h| h.ends_with(&joined)) { '-' } else { ' ' });
            }
            out.push_str(word);
            (out, word)
        })
        .0;
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_rules() {
        assert!(is_kebab_case("follow-up"));
        assert!(is_kebab_case("turn-2"));
        assert!(!is_kebab_case("Follow-up"));
        assert!(!is_kebab_case("follow_up"));
        assert!(!is_kebab_case("-x"));
        assert!(!is_kebab_case("a--b"));
        assert!(!is_kebab_case(""));
    }

    #[test]
    fn vocabularies_are_kebab_case_and_unique() {
        for list in [BEHAVIOURS, JOB_FAMILIES, SITUATIONS, DETECTORS, SLOTS] {
            let mut seen = std::collections::HashSet::new();
            for t in list {
                assert!(is_kebab_case(t.name), "{}", t.name);
                assert!(seen.insert(t.name), "duplicate {}", t.name);
            }
        }
    }

    #[test]
    fn display_names_read_naturally() {
        assert_eq!(display_name("bank-branch"), "Bank branch");
        assert_eq!(display_name("follow-up"), "Follow-up");
        assert_eq!(display_name("pre-positioning"), "Pre-positioning");
        assert_eq!(display_name("no-information-yet"), "No information yet");
    }
}

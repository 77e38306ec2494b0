//! A commented starting point for a new scenario: `followthrough new` writes it, and it passes
//! `check` with no errors and no warnings as written, so a trainer edits a working file.
//!
//! The comments teach the format field by field; `docs/scenario-format.md` has the full reference.

use crate::core::scenario::diagnostic::did_you_mean;
use crate::core::scenario::vocab::{self, BEHAVIOURS, JOB_FAMILIES, display_name, is_kebab_case};

/// The job family written when none is given.
pub const DEFAULT_JOB_FAMILY: &str = "contact-centre";

/// What the template's second required criterion looks for, chosen to suit the main behaviour.
struct Flavour {
    /// The built-in detector.
    detector: &'static str,
    /// The criterion's id.
    criterion: &'static str,
    /// The criterion's label.
    label: &'static str,
    /// A model answer that meets both required criteria and blames nobody.
    model_answer: &'static str,
    /// The play of the coaching tip.
    play: &'static str,
    /// The coaching tip.
    tip: &'static str,
}

fn flavour(behaviour: &str) -> Flavour {
    match behaviour {
        "ownership" | "recovery" => Flavour {
            detector: "owns-the-failure",
            criterion: "owns-the-miss",
            label: "Takes responsibility for the missed call",
            model_answer: "Ms Rivera, thank you for your patience. I'm sorry, I promised to call you by three and I didn't; that's my fault. I'll call you back today at 4pm with the answer.",
            play: "ImplementIt",
            tip: "Own it in one sentence, with no reasons attached, then make a new promise.",
        },
        "warm-handover" => Flavour {
            detector: "handover-context",
            criterion: "hands-over-warmly",
            label: "Hands the case to Sam so she does not have to repeat herself",
            model_answer: "Ms Rivera, thank you for your patience. I've passed your case to my colleague Sam Patel with all the details, so you won't have to repeat yourself. Sam will call you today at 4pm.",
            play: "ReferIt",
            tip: "Name the colleague, say what you have passed on, and say she will not have to repeat herself.",
        },
        "pre-positioning" | "one-touch" => Flavour {
            detector: "next-steps",
            criterion: "says-what-happens-next",
            label: "Says exactly what happens next",
            model_answer: "Ms Rivera, thank you for your patience. Here's what happens next: I'll book the engineer now and email you the confirmation today at 4pm.",
            play: "ImplementIt",
            tip: "Say what happens next and when, so nothing surprises her.",
        },
        _ => Flavour {
            detector: "specific-time",
            criterion: "gives-a-time",
            label: "Promises a specific time for the next call",
            model_answer: "Ms Rivera, thank you for your patience, and I'm sorry I missed three o'clock. I'll call you back today at 4pm with the answer.",
            play: "ImplementIt",
            tip: "Give a clock time, not \\\"soon\\\" or \\\"later\\\", and keep it.",
        },
    }
}

/// The briefing's colleague: a real field for a warm hand-over, a commented example otherwise.
const COLLEAGUE_FIELD: &str = r#"        // The colleague a warm hand-over goes to (optional; needed when a phrase uses `{colleague}`).
        colleague: (name: "Sam Patel", about: "Billing specialist, on shift until 6pm"),"#;
const COLLEAGUE_COMMENT: &str =
    r#"        // colleague: (name: "Sam Patel", about: "Billing specialist"),  // optional: for a warm hand-over"#;

const TEMPLATE: &str = r#"// A new FollowThrough scenario, format version 1. Reference: docs/scenario-format.md
// RON in one minute: `( name: value, )` is a group of named fields, `[a, b]` a list, text is in
// "double quotes" (write a quote inside text as \"), bare words are choices (Required, ImplementIt).
// Trailing commas are fine, and so are comments like these anywhere. Optional fields may be left out.
// Every value below is an example that passes `followthrough check`: replace it with your own.
Scenario(
    format_version: 1,                      // always 1 for this format
    // The id: kebab-case, unique and STABLE: progress is stored against it, so never reuse or rename it.
    id: "<<ID>>",
    revision: 1,                            // optional: raise it when you change the rubric meaningfully
    // The title shown in the library.
    title: "<<TITLE>>",
    summary: "Own a missed call-back, then make a new promise you can keep.",  // optional: a line or two under the title
<<FAMILIES>>
    job_families: ["<<FAMILY>>"],
<<BEHAVIOURS>>
    behaviour: ["<<BEHAVIOUR>>"],
    importance: 3,                          // 1-5: how much damage it does when this goes wrong
    frequency: 3,                           // 1-5: how often employees meet it (priority = importance x frequency)
    prerequisites: [],                      // optional: ids of scenarios to master first

    // What the employee reads before starting.
    briefing: (
        customer: (name: "Ms Rivera", about: "Customer since 2019"),  // the name to use, and who they are
        // Optional: contact history as a CRM shows it, oldest first.
        history: [
            (when: "Today 10:05", channel: "phone", note: "Asked about a missing refund. Promised a call back by 3pm."),
        ],
        promised: (what: "A call back about the refund", when: "Today by 3pm"),  // optional: what was promised, by when
        situation: "It is 3:20pm. You did not call back, and Ms Rivera has rung in.",  // what is happening now
        you_know: ["The refund was approved this morning."],   // optional: facts at hand
        you_can: ["Call the customer back at any time today."],  // optional: what the employee may do unasked
<<COLLEAGUE>>
    ),

    // The conversation: one customer line and one response per turn. The first turn starts the drill.
    turns: [
        (
            id: "opening",                  // kebab-case, unique in this file; branches and tests use it
            customer: "You said you'd call me by three. What's going on?",  // what the customer says
            alternatives: ["It's twenty past three and nobody has called me."],  // optional: other wordings, one picked per drill
            // voice: "voices/<<ID>>-opening.wav",  // optional: a recording under assets/ (WAV or OGG)
            time_limit: 60,                 // seconds to answer, 5-900
            pass_mark: 60,                  // score out of 100 needed to pass this turn
            // The rubric: required criteria share 100 points by weight; a forbidden one that is met
            // takes its share away. A criterion is met when any of its `detect` matchers matches:
            // Phrase("..."), Detector("..."), Regex("(?i)...") or All([...]) (every inner one matches).
            rubric: [
                (
                    id: "thanks-them",      // kebab-case, unique in this turn
                    label: "Thanks the customer for waiting",  // shown on the score card
                    kind: Required,         // Required earns points
                    weight: 1,              // relative weight, greater than 0
                    // A phrase pattern: [optional words], (a | b) choices, {time} {customer} slots, * gaps.
                    detect: [Phrase("(thank you | thanks) for (waiting | your patience)")],
                ),
                (
                    id: "<<CRITERION>>",
                    label: "<<LABEL>>",
                    kind: Required,
                    weight: 2,
                    // A built-in concept detector: prefer these for generic behaviour (owns-the-failure,
                    // takes-it-on, empathy, blame, sends-away, deflection, specific-day, specific-time,
                    // next-steps, handover-context, genuine-question; see "Built-in detectors" in
                    // docs/scenario-format.md). Phrases are for what is particular to this scenario.
                    detect: [Detector("<<DETECTOR>>")],
                ),
                (
                    id: "blames-others",
                    label: "Blames another team, the system or the customer",
                    kind: Forbidden,        // Forbidden costs its weight's share when met
                    weight: 2,
                    // To let one wording through in this scenario only:
                    // detect: [All([Detector("blame"), Not(Phrase("the system was down"))])],
                    detect: [Detector("blame")],
                ),
            ],
            // How a skilled employee would answer; shown after scoring and used in rehearsal.
            model_answer: "<<MODEL_ANSWER>>",
            // The coaching tip: play is DiscoverIt, ImplementIt or ReferIt.
            tip: (play: <<PLAY>>, text: "<<TIP>>"),
            // Optional If/Then branches, tried in order, e.g. [(when: Met("blames-others"), goto: "escalation")].
            // Conditions: Met("id"), NotMet("id"), Passed, Failed, All([...]), Any([...]).
            branches: [],
            // Each turn has either `next: "turn-id"` (the turn after this one) or `final: true`.
            final: true,
            // Optional lines to learn by heart in rehearsal; a Commitment line must name a specific time
            // (`check` also warns when the model answer misses a Required criterion of its own turn):
            // script: [(role: Commitment, text: "I'll call you back today at 4pm.")],
        ),
    ],

    // Author tests: example answers and what the rubric must make of them, run by `check` like unit
    // tests. Aim for four: a strong answer, a vague one, a blaming one, and a tricky one.
    tests: [
        (
            name: "strong: the model answer",
            turn: "opening",                // optional: the turn answered (the first when left out)
            response: "<<MODEL_ANSWER>>",
            met: ["thanks-them", "<<CRITERION>>"],  // criteria that must be met
            not_met: ["blames-others"],     // criteria that must not be met
            passes: true,                   // optional: must pass (or fail) the turn; also `score: (min: 80, max: 100)`
        ),
    ],
)
"#;

/// A commented RON template for a new scenario with this id, main behaviour and job family
/// ([`DEFAULT_JOB_FAMILY`] when none is given). It passes `check` with no errors and no warnings.
///
/// Errors (in words, with a hint) for an id that is not kebab-case, an unknown behaviour, or a job
/// family that is not kebab-case or looks like a typo of a standard one. Other job families are
/// allowed, as in the file format.
pub fn scenario_template(id: &str, behaviour: &str, job_family: Option<&str>) -> Result<String, TemplateError> {
    check_id(id)?;
    check_behaviour(behaviour)?;
    let family = job_family.unwrap_or(DEFAULT_JOB_FAMILY);
    check_job_family(family)?;
    let f = flavour(behaviour);
    let colleague = if f.detector == "handover-context" { COLLEAGUE_FIELD } else { COLLEAGUE_COMMENT };
    let families = comment_list("Who it is for (other names are allowed):", vocab::names(JOB_FAMILIES));
    let behaviours = comment_list("What it trains, main one first:", vocab::names(BEHAVIOURS));
    Ok(TEMPLATE
        .replace("<<FAMILIES>>", &families)
        .replace("<<BEHAVIOURS>>", &behaviours)
        .replace("<<COLLEAGUE>>", colleague)
        .replace("<<ID>>", id)
        .replace("<<TITLE>>", &display_name(id))
        .replace("<<FAMILY>>", family)
        .replace("<<BEHAVIOUR>>", behaviour)
        .replace("<<CRITERION>>", f.criterion)
        .replace("<<LABEL>>", f.label)
        .replace("<<DETECTOR>>", f.detector)
        .replace("<<MODEL_ANSWER>>", f.model_answer)
        .replace("<<PLAY>>", f.play)
        .replace("<<TIP>>", f.tip))
}

/// `// lead name, name, ...` wrapped into comment lines of at most about 100 characters, at field indentation.
fn comment_list<'a>(lead: &str, names: impl Iterator<Item = &'a str>) -> String {
    let mut lines = vec![format!("    // {lead}")];
    for (i, name) in names.enumerate() {
        let item = if i == 0 { format!(" {name}") } else { format!(", {name}") };
        let last = lines.len() - 1;
        if lines[last].len() + item.len() > 100 {
            lines[last].push(',');
            lines.push(format!("    // {name}"));
        } else {
            lines[last].push_str(&item);
        }
    }
    lines.join("\n")
}

/// `Missed callback` -> `missed-callback`: the nearest kebab-case spelling, when there is one.
fn kebab_fix(text: &str) -> Option<String> {
    let mapped: String =
        text.trim().chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let fixed = mapped.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
    is_kebab_case(&fixed).then_some(fixed)
}

/// Why a template was not written: the arguments `new` and New scenario were given, in words with a hint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// The id is not kebab-case; `hint` is the nearest kebab-case spelling or an example.
    #[error("scenario id `{id}` is not kebab-case: use lowercase letters, digits and single hyphens (hint: {hint})")]
    IdNotKebabCase {
        /// The id given.
        id: String,
        /// "did you mean `...`?" or an example id.
        hint: String,
    },
    /// The behaviour is not a standard one.
    #[error("unknown behaviour `{behaviour}`{hint}; behaviours: {known}")]
    UnknownBehaviour {
        /// The behaviour given.
        behaviour: String,
        /// " (did you mean `...`?)" or empty.
        hint: String,
        /// The standard behaviours, comma-separated.
        known: String,
    },
    /// The job family looks like a typo of a standard one.
    #[error("unknown job family `{family}` (did you mean `{suggestion}`?); standard job families: {known}")]
    JobFamilyTypo {
        /// The job family given.
        family: String,
        /// The standard family it is closest to.
        suggestion: String,
        /// The standard job families, comma-separated.
        known: String,
    },
    /// The job family is not kebab-case.
    #[error("job family `{family}` is not kebab-case{hint}; standard job families: {known}")]
    JobFamilyNotKebabCase {
        /// The job family given.
        family: String,
        /// " (did you mean `...`?)" or empty.
        hint: String,
        /// The standard job families, comma-separated.
        known: String,
    },
}

fn check_id(id: &str) -> Result<(), TemplateError> {
    if is_kebab_case(id) {
        return Ok(());
    }
    let hint = match kebab_fix(id) {
        Some(fixed) => format!("did you mean `{fixed}`?"),
        None => "e.g. `missed-callback-2`".to_string(),
    };
    Err(TemplateError::IdNotKebabCase { id: id.to_string(), hint })
}

fn check_behaviour(behaviour: &str) -> Result<(), TemplateError> {
    if vocab::contains(BEHAVIOURS, behaviour) {
        return Ok(());
    }
    let known = vocab::names(BEHAVIOURS).collect::<Vec<_>>().join(", ");
    let hint = did_you_mean(behaviour, vocab::names(BEHAVIOURS))
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    Err(TemplateError::UnknownBehaviour { behaviour: behaviour.to_string(), hint, known })
}

fn check_job_family(family: &str) -> Result<(), TemplateError> {
    if vocab::contains(JOB_FAMILIES, family) {
        return Ok(());
    }
    let known = vocab::names(JOB_FAMILIES).collect::<Vec<_>>().join(", ");
    if let Some(s) = did_you_mean(family, vocab::names(JOB_FAMILIES)) {
        return Err(TemplateError::JobFamilyTypo { family: family.to_string(), suggestion: s.to_string(), known });
    }
    if !is_kebab_case(family) {
        let hint = kebab_fix(family).map(|f| format!(" (did you mean `{f}`?)")).unwrap_or_default();
        return Err(TemplateError::JobFamilyNotKebabCase { family: family.to_string(), hint, known });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::library::{FileInput, FileKind, Library};

    fn build(text: &str) -> Library {
        let input =
            FileInput { path: "new.ron".into(), kind: FileKind::Scenario, contents: Ok(text.as_bytes().to_vec()) };
        Library::build(vec![input], &|_, _| false)
    }

    #[test]
    fn every_behaviour_gives_a_template_that_checks_clean() {
        for behaviour in vocab::names(BEHAVIOURS) {
            let text = scenario_template("my-new-scenario", behaviour, None).expect("valid arguments");
            let library = build(&text);
            assert!(library.diagnostics.is_empty(), "{behaviour}:\n{}", library.render_diagnostics());
            let scenario = library.scenario("my-new-scenario").expect("loaded");
            assert_eq!(scenario.behaviour, [behaviour]);
            assert_eq!(scenario.job_families, [DEFAULT_JOB_FAMILY]);
            assert_eq!(scenario.tests.len(), 1);
        }
    }

    #[test]
    fn every_job_family_is_accepted_and_written() {
        for family in vocab::names(JOB_FAMILIES).chain(["care-home"]) {
            let text = scenario_template("x-1", "follow-up", Some(family)).expect("valid arguments");
            let library = build(&text);
            assert!(library.diagnostics.is_empty(), "{family}:\n{}", library.render_diagnostics());
            assert_eq!(library.scenario("x-1").map(|s| s.job_families.clone()), Some(vec![family.to_string()]));
        }
    }

    #[test]
    fn the_template_teaches_the_format_in_comments() {
        let text = scenario_template("teach", "ownership", None).expect("valid arguments");
        for needle in [
            "Phrase(",
            "Detector(",
            "kind: Forbidden",
            "model_answer:",
            "tip: (play:",
            "tests: [",
            "unique and STABLE",
            "docs/scenario-format.md",
        ] {
            assert!(text.contains(needle), "missing {needle}");
        }
        assert!(!text.contains("<<"), "every marker is filled in");
        for name in vocab::names(BEHAVIOURS).chain(vocab::names(JOB_FAMILIES)) {
            assert!(text.contains(&format!(" {name},")) || text.contains(&format!(" {name}\n")), "lists {name}");
        }
        assert!(DEFAULT_JOB_FAMILY == "contact-centre" && vocab::contains(JOB_FAMILIES, DEFAULT_JOB_FAMILY));
    }

    #[test]
    fn the_template_uses_the_concept_detectors() {
        for behaviour in vocab::names(BEHAVIOURS) {
            let text = scenario_template("x", behaviour, None).expect("valid arguments");
            assert!(text.contains("Detector(\"blame\")"), "{behaviour}");
            for old in ["blame-shifting", "ownership-apology", "specific-time-commitment", "states-next-steps"] {
                assert!(!text.contains(&format!("Detector(\"{old}\")")), "{behaviour} uses {old}");
            }
        }
    }

    #[test]
    fn a_bad_id_is_refused_with_a_fix() {
        let e = scenario_template("Missed_Callback", "follow-up", None).expect_err("not kebab-case").to_string();
        assert!(e.contains("not kebab-case") && e.contains("did you mean `missed-callback`?"), "{e}");
        let e = scenario_template("", "follow-up", None).expect_err("empty").to_string();
        assert!(e.contains("hint: e.g."), "{e}");
        assert!(scenario_template("a\"b", "follow-up", None).is_err(), "quotes never reach the file");
    }

    #[test]
    fn an_unknown_behaviour_is_refused_with_a_suggestion() {
        let e = scenario_template("x", "folow-up", None).expect_err("typo").to_string();
        assert!(e.contains("did you mean `follow-up`?"), "{e}");
        let e = scenario_template("x", "juggling", None).expect_err("unknown").to_string();
        assert!(e.contains("behaviours: ownership, follow-up"), "{e}");
    }

    #[test]
    fn a_job_family_typo_or_bad_spelling_is_refused() {
        let e = scenario_template("x", "follow-up", Some("bank-brnch")).expect_err("typo").to_string();
        assert!(e.contains("did you mean `bank-branch`?"), "{e}");
        let e = scenario_template("x", "follow-up", Some("Care Home")).expect_err("not kebab-case").to_string();
        assert!(e.contains("did you mean `care-home`?"), "{e}");
    }
}

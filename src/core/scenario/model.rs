//! The scenario file format, version 1: what trainers write and the app reads.
//!
//! Every struct denies unknown fields so a typo is an error with a suggestion, not silently ignored.
//! `docs/scenario-format.md` documents each field with an annotated example.

use serde::{Deserialize, Serialize};

/// The newest scenario format this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// One role-play scenario: a briefing and the turns of a conversation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The file format version (1). Lets later versions migrate old files.
    pub format_version: u32,
    /// Unique, stable id (kebab-case). Progress is stored against it, so never reuse or rename it.
    pub id: String,
    /// Content revision, raised by the trainer when the rubric changes meaningfully.
    #[serde(default = "one")]
    pub revision: u32,
    /// Short title shown in the library.
    pub title: String,
    /// One or two sentences shown under the title in the library.
    #[serde(default)]
    pub summary: String,
    /// Job families this scenario is written for (kebab-case, e.g. `bank-branch`).
    pub job_families: Vec<String>,
    /// Behaviours it trains (kebab-case, e.g. `follow-up`), the main one first.
    pub behaviour: Vec<String>,
    /// Which of the standard situations it rehearses (kebab-case, e.g. `missed-callback`); see
    /// `vocab::SITUATIONS`. Used for the library matrix and coverage reports.
    #[serde(default)]
    pub situations: Vec<String>,
    /// How much it matters when this situation goes wrong, 1-5.
    pub importance: u32,
    /// How often employees meet this situation, 1-5.
    pub frequency: u32,
    /// Ids of scenarios to master before this one.
    #[serde(default)]
    pub prerequisites: Vec<String>,
    /// What the employee reads before starting.
    pub briefing: Briefing,
    /// The conversation, one customer line and one response per turn. The first turn starts.
    pub turns: Vec<Turn>,
    /// Example responses with their expected results, checked like unit tests.
    #[serde(default)]
    pub tests: Vec<AuthorTest>,
}

fn one() -> u32 {
    1
}

impl Scenario {
    /// Staging priority: importance times frequency (1-25).
    pub fn priority(&self) -> u32 {
        self.importance * self.frequency
    }

    /// The turn with this id.
    pub fn turn(&self, id: &str) -> Option<&Turn> {
        self.turns.iter().find(|t| t.id == id)
    }

    /// The opening turn.
    pub fn first_turn(&self) -> Option<&Turn> {
        self.turns.first()
    }

    /// The main behaviour (the first listed).
    pub fn main_behaviour(&self) -> &str {
        self.behaviour.first().map_or("", String::as_str)
    }

    /// The turns a drill takes when no branch is taken, by index: from the first along each
    /// turn's `next` until one is final or has none (a turn met again ends it). The briefing counts
    /// these, not every turn in the file.
    pub fn usual_path(&self) -> Vec<usize> {
        let mut path: Vec<usize> = Vec::new();
        let mut at = (!self.turns.is_empty()).then_some(0);
        while let Some(i) = at.filter(|i| !path.contains(i)) {
            path.push(i);
            let t = &self.turns[i];
            at = if t.is_final {
                None
            } else {
                t.next.as_deref().and_then(|id| self.turns.iter().position(|x| x.id == id))
            };
        }
        path
    }

    /// Whether some turn has branches (the conversation can take another path).
    pub fn has_branches(&self) -> bool {
        self.turns.iter().any(|t| !t.branches.is_empty())
    }
}

/// What the employee knows before the conversation starts.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    /// Who the employee is talking to.
    pub customer: Person,
    /// The customer's history with the company, oldest first, as a CRM would show it.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// What was promised to the customer, and by when.
    #[serde(default)]
    pub promised: Option<Promise>,
    /// The situation right now, in a few sentences.
    pub situation: String,
    /// Facts the employee has at hand.
    #[serde(default)]
    pub you_know: Vec<String>,
    /// What the employee is empowered to do without asking anyone.
    #[serde(default)]
    pub you_can: Vec<String>,
    /// The colleague a warm hand-over goes to, when there is one.
    #[serde(default)]
    pub colleague: Option<Person>,
}

/// A named person in the briefing.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The name the employee should use (e.g. "Mrs Okafor", "Dan").
    pub name: String,
    /// Who they are, in a line (e.g. "Customer since 2016, two accounts").
    #[serde(default)]
    pub about: String,
}

/// One line of contact history.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// When it happened, as the CRM shows it (e.g. "Mon 3 Mar, 09:40").
    pub when: String,
    /// How: phone, email, branch, chat, visit...
    #[serde(default)]
    pub channel: String,
    /// What happened.
    pub note: String,
}

/// A promise made to the customer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Promise {
    /// What was promised.
    pub what: String,
    /// By when, as it was said to the customer.
    pub when: String,
}

/// One exchange: the customer speaks, the employee answers within a time limit.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    /// Id unique within the scenario (kebab-case), used by branches and tests.
    pub id: String,
    /// What the customer says.
    pub customer: String,
    /// Other wordings of the same line; one is picked at random per drill.
    #[serde(default)]
    pub alternatives: Vec<String>,
    /// Recording of the customer's line, relative to the `assets/` folder (WAV or OGG).
    #[serde(default)]
    pub voice: Option<String>,
    /// Seconds to answer, 5-900.
    pub time_limit: u32,
    /// Score out of 100 needed to pass this turn.
    pub pass_mark: u32,
    /// What a good answer does (required) and must not do (forbidden).
    pub rubric: Vec<Criterion>,
    /// How a skilled employee would answer.
    pub model_answer: String,
    /// The coaching tip shown with the score card.
    pub tip: Tip,
    /// If/Then branches, tried in order; the first whose condition holds picks the next turn.
    #[serde(default)]
    pub branches: Vec<Branch>,
    /// The next turn when no branch applies.
    #[serde(default)]
    pub next: Option<String>,
    /// True when the drill may end after this turn (when no branch applies).
    #[serde(default, rename = "final")]
    pub is_final: bool,
    /// Lines the trainer wants employees to learn word for word in script rehearsal (besides the
    /// model answer, which is always rehearsable).
    #[serde(default)]
    pub script: Vec<ScriptLine>,
}

/// A line to learn by heart in script rehearsal, with the part of the conversation it is for.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptLine {
    /// What the line does in the conversation.
    pub role: ScriptRole,
    /// The words, at most 400 characters. A `Commitment` line must name a specific time.
    pub text: String,
}

/// What a script line does in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum ScriptRole {
    /// How to open the conversation ("Mrs Okafor, it's Dan from the branch, ringing as I promised.").
    Opening,
    /// How to deliver bad news plainly, without burying it.
    BadNews,
    /// A promise with a specific time ("I'll ring you today at one o'clock."). The whole line is the commitment.
    Commitment,
    /// Anything else worth knowing by heart.
    Other,
}

impl ScriptRole {
    /// The role's name as a trainer would say it ("Bad news").
    pub fn label(self) -> &'static str {
        match self {
            ScriptRole::Opening => "Opening",
            ScriptRole::BadNews => "Bad news",
            ScriptRole::Commitment => "Commitment",
            ScriptRole::Other => "Other",
        }
    }
}

/// One thing the rubric looks for in a response.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Id unique within the turn (kebab-case).
    pub id: String,
    /// What the employee sees on the score card.
    pub label: String,
    /// Whether the response should (required) or must not (forbidden) do this.
    pub kind: CriterionKind,
    /// Relative weight, greater than 0.
    pub weight: f64,
    /// How the criterion is recognised: it is met when any of these matches.
    pub detect: Vec<Matcher>,
    /// What a good answer says for this, in the employee's words, shown on the score card when it
    /// is missed. Optional: without it the score card quotes the model answer's sentence that met it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// Required criteria earn points; forbidden ones cost points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum CriterionKind {
    /// The response should do this.
    Required,
    /// The response must not do this.
    Forbidden,
}

/// One way of recognising a criterion in a response.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Matcher {
    /// A phrase pattern: words, `[optional words]`, `(a | b)` alternatives, `{slot}`s, `@lexicon-set`s, `*` gaps.
    Phrase(String),
    /// A regular expression (Rust `regex` syntax), for the rare case phrases cannot express.
    Regex(String),
    /// A built-in detector by name, e.g. `specific-time-commitment`.
    Detector(String),
    /// Met only when every inner matcher matches.
    All(Vec<Matcher>),
    /// Met only when every inner matcher matches in one and the same sentence (as `All`, but the
    /// parts may not come from different sentences); `Not(...)` may stand inside it as in `All`.
    Sentence(Vec<Matcher>),
    /// Inside `All([...])` or `Sentence([...])` only: the other matchers' hits that overlap a match of this one do not
    /// count, so a built-in entry can be kept from firing in one scenario.
    Not(Box<Matcher>),
}

/// The coaching tip for a turn.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tip {
    /// Which play the turn practises.
    pub play: Play,
    /// The advice, in a sentence or two.
    pub text: String,
}

/// The employee's three plays: find the problem, fix it, or hand it on well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Play {
    /// Spot and name the problem.
    DiscoverIt,
    /// Solve it yourself, now.
    ImplementIt,
    /// Hand it to the right person without breaking the chain.
    ReferIt,
}

impl Play {
    /// The play's name as coaches say it.
    pub fn label(self) -> &'static str {
        match self {
            Play::DiscoverIt => "Discover It",
            Play::ImplementIt => "Implement It",
            Play::ReferIt => "Refer It",
        }
    }

    /// What the play means, in one line for the employee.
    pub fn meaning(self) -> &'static str {
        match self {
            Play::DiscoverIt => "Discover It: find out and name what the problem really is.",
            Play::ImplementIt => "Implement It: fix it yourself, now, and say when it will be done.",
            Play::ReferIt => "Refer It: hand it to the right person without dropping it.",
        }
    }
}

/// If `when` holds after scoring, go to turn `goto`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// The condition on this turn's score card.
    pub when: Condition,
    /// The id of the turn that comes next.
    pub goto: String,
}

/// A condition on a turn's score card.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Condition {
    /// The criterion with this id was met.
    Met(String),
    /// The criterion with this id was not met.
    NotMet(String),
    /// The turn's score reached the pass mark.
    Passed,
    /// The turn's score fell short of the pass mark.
    Failed,
    /// Every inner condition holds.
    All(Vec<Condition>),
    /// At least one inner condition holds.
    Any(Vec<Condition>),
}

/// An example response and what the rubric must make of it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorTest {
    /// A short name for the example ("strong", "vague time", "blames IT").
    pub name: String,
    /// The turn it answers; the first turn when left out.
    #[serde(default)]
    pub turn: Option<String>,
    /// The example response.
    pub response: String,
    /// Criteria that must be met.
    #[serde(default)]
    pub met: Vec<String>,
    /// Criteria that must not be met.
    #[serde(default)]
    pub not_met: Vec<String>,
    /// The range the total score must fall in.
    #[serde(default)]
    pub score: Option<ScoreRange>,
    /// Whether the response must pass (true) or fail (false) the turn.
    #[serde(default)]
    pub passes: Option<bool>,
}

/// An inclusive score range, 0-100.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRange {
    /// Lowest acceptable score.
    #[serde(default)]
    pub min: u32,
    /// Highest acceptable score.
    #[serde(default = "hundred")]
    pub max: u32,
}

fn hundred() -> u32 {
    100
}

/// Synonym sets shared by all scenarios, referenced from phrases as `@name`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// The file format version (1).
    pub format_version: u32,
    /// Set name (kebab-case) to its members: words or short phrases.
    pub sets: std::collections::BTreeMap<String, Vec<String>>,
}

#[cfg(test)]
mod tests {
    use crate::core::test_fixtures::minimal;

    #[test]
    fn the_usual_path_follows_next_and_leaves_out_turns_only_a_branch_reaches() {
        let (mut s, _) = minimal();
        assert_eq!(s.usual_path(), vec![0, 2], "the escalation comes only after blame");
        assert!(s.has_branches());
        s.turns[2].is_final = false;
        s.turns[2].next = Some("opening".into());
        assert_eq!(s.usual_path(), vec![0, 2], "a turn met again ends the path");
        s.turns.clear();
        assert!(s.usual_path().is_empty());
    }
}

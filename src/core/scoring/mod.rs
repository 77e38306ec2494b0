//! Scoring a response against a turn's rubric: deterministic, offline, and explained. Every point
//! on the score card names the words that earned it (byte spans into the response as given).

mod accusing;
pub mod automaton;
mod blame;
pub mod budget;
pub mod concepts;
mod context;
mod contractions;
pub mod detectors;
pub mod distance;
mod distinct;
pub mod examples;
mod exclusion;
mod feeling;
mod feeling_forms;
mod feeling_impact;
mod keys;
pub mod list_notes;
mod list_table;
pub mod lists;
mod matchers;
pub mod model;
pub mod phrase;
mod raising;
mod referral;
mod referral_forms;
mod referral_implied;
mod rule;
#[cfg(test)]
mod rule_probe;
mod scope;
mod sentence;
pub mod slow;
mod step_acts;
mod step_forms;
mod step_parties;
mod step_turns;
mod steps;
mod taking;
pub mod text;
pub mod time;
mod timed;
mod tokenise;
mod tone;
mod walls;
mod word_index;
pub mod word_sets;

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use self::budget::{Budget, Unlimited};
use self::detectors::{DetectorContext, detect};
use self::lists::Lists;
use self::matchers::{CompiledCriterion, compile_matcher, criterion_evidence, describe};
use self::phrase::{Names, name_words};
use self::rule::{Row, apply_rule};
pub use self::rule::{Verdict, card_from_verdicts, passes, score_from_worths, worths};
use self::text::analyse;
pub use self::time::Locale;
use crate::core::scenario::{CriterionKind, Lexicon, Scenario, Turn};

/// Responses longer than this (in characters) are refused rather than scored.
pub const MAX_RESPONSE_CHARS: usize = 10_000;

/// One stretch of the response that counted for (or against) a criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Byte offset of the start, in the response as given.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// The words themselves.
    pub text: String,
}

/// The verdict on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionResult {
    /// Criterion id.
    pub id: String,
    /// What the employee sees.
    pub label: String,
    /// Required or forbidden.
    pub kind: CriterionKind,
    /// Whether the response did this.
    pub met: bool,
    /// Points earned (positive) or lost (negative) out of 100, to one decimal.
    pub points: f64,
    /// What it counts for when met: its share of 100 by weight (unrounded). Stored with the attempt
    /// so a coach's override rescores by exactly this rule ([`score_from_worths`]).
    pub worth: f64,
    /// The words that met it (empty when not met).
    pub evidence: Vec<Evidence>,
    /// What was looked for, in the pattern language (for trainers: try-a-response, `check`).
    pub looked_for: Vec<String>,
    /// For a required criterion missed: what would have earned it, in plain words (the author's
    /// hint, or the model answer's sentence that met it; see [`examples`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

/// The whole verdict on one response to one turn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreCard {
    /// Scenario id.
    pub scenario: String,
    /// Turn id.
    pub turn: String,
    /// Total, 0-100.
    pub score: u32,
    /// Score reached the turn's pass mark.
    pub passed: bool,
    /// The turn's pass mark.
    pub pass_mark: u32,
    /// One result per criterion, in rubric order.
    pub criteria: Vec<CriterionResult>,
    /// Set when scoring ran out of time: the criterion that was too slow; it and the criteria after
    /// it were not scored and count neither for nor against the total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub over_budget: Option<OverBudget>,
}

/// Which criterion a scoring that ran out of time was on, for the trainer to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverBudget {
    /// Id of the criterion that was too slow.
    pub criterion: String,
    /// Its label, as the employee sees it.
    pub label: String,
    /// Ids of every criterion left unscored (the slow one first).
    pub unscored: Vec<String>,
}

impl ScoreCard {
    /// The result for the criterion with this id.
    pub fn criterion(&self, id: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

/// What the scenario knows at scoring time besides the rubric.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ScoringContext {
    /// When the answer is given (the scenario's "now"), for times like "this morning" or "at 9 today".
    pub now: Option<jiff::civil::DateTime>,
    /// How numeric dates are read: en-GB ("15/12" = 15 December, the default) or en-US.
    pub locale: Locale,
}

/// Why a response could not be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    /// Over [`MAX_RESPONSE_CHARS`].
    #[error("the response is {0} characters long; responses are limited to 10,000 characters")]
    TooLong(usize),
}

/// A turn's rubric compiled once, ready to score any number of responses.
pub struct TurnScorer {
    scenario: String,
    turn: String,
    pass_mark: u32,
    criteria: Vec<CompiledCriterion>,
    names: Names,
    lists: Arc<Lists>,
    /// The rubric's literal phrases, matched in one pass per answer (see `list_table.rs`).
    table: list_table::ListTable,
}

impl TurnScorer {
    /// Compile `turn` of `scenario` with the shared `lexicon`. The scenario must have passed validation.
    pub fn new(scenario: &Scenario, turn: &Turn, lexicon: &Lexicon) -> Self {
        Self::with_lists(scenario, turn, Arc::new(Lists::new(&lexicon.sets)))
    }

    /// Like [`TurnScorer::new`], sharing word lists already compiled for the lexicon (compiling them
    /// takes longer than scoring, so a library compiles them once).
    pub fn with_lists(scenario: &Scenario, turn: &Turn, lists: Arc<Lists>) -> Self {
        let briefing = &scenario.briefing;
        let mut customer = name_words(&briefing.customer.name);
        // Wherever the scenario spells the full name ("Luca Ferraro", "Jo Hartley speaking"), the
        // first name counts as using the customer's name too.
        let texts = std::iter::once(briefing.customer.about.as_str())
            .chain(std::iter::once(briefing.situation.as_str()))
            .chain(briefing.history.iter().map(|h| h.note.as_str()))
            .chain(scenario.turns.iter().map(|t| t.customer.as_str()));
        let mut given: Vec<phrase::Word> = texts.flat_map(|t| given_names(t, &customer)).collect();
        given.dedup();
        customer.extend(given.into_iter().filter(|w| !TITLE_LIKE.contains(&w.text())));
        let names =
            Names { customer, colleague: briefing.colleague.as_ref().map(|c| name_words(&c.name)).unwrap_or_default() };
        let mut phrases = HashMap::new();
        let criteria = turn
            .rubric
            .iter()
            .map(|c| CompiledCriterion {
                id: c.id.clone(),
                label: c.label.clone(),
                kind: c.kind,
                weight: c.weight,
                matchers: c.detect.iter().filter_map(|m| compile_matcher(m, &lists, &mut phrases)).collect(),
            })
            .collect();
        let table = list_table::ListTable::new(phrases.values().map(Arc::as_ref));
        Self {
            scenario: scenario.id.clone(),
            turn: turn.id.clone(),
            pass_mark: turn.pass_mark,
            criteria,
            names,
            lists,
            table,
        }
    }

    /// Score one response, with no particular "now".
    pub fn score(&self, response: &str) -> Result<ScoreCard, ScoreError> {
        self.score_with(response, &ScoringContext::default())
    }

    /// Score one response given when `context.now` says.
    pub fn score_with(&self, response: &str, context: &ScoringContext) -> Result<ScoreCard, ScoreError> {
        self.score_within(response, context, &Unlimited)
    }

    /// Score one response within `budget`, asked before each criterion and inside long matching
    /// loops. When it runs out, the criteria that finished are scored as usual and the card's
    /// `over_budget` names the criterion that was too slow; it and the rest are left unscored.
    pub fn score_within(
        &self,
        response: &str,
        context: &ScoringContext,
        budget: &dyn Budget,
    ) -> Result<ScoreCard, ScoreError> {
        let chars = response.chars().count();
        if chars > MAX_RESPONSE_CHARS {
            return Err(ScoreError::TooLong(chars));
        }
        let analysed = analyse(response);
        let cx = DetectorContext::new(&self.names, &self.lists, context.now)
            .with_locale(context.locale)
            .with_budget(budget)
            .with_rubric_table(&self.table);
        let mut rows = Vec::with_capacity(self.criteria.len());
        let mut slow = None;
        for (i, c) in self.criteria.iter().enumerate() {
            let evidence = if slow.is_none() {
                budget.criterion_started(i);
                let evidence = (!budget.exhausted()).then(|| criterion_evidence(c, &analysed, &cx, response));
                // A criterion whose matching was cut short may have missed evidence: it does not count.
                if evidence.is_none() || budget.exhausted() {
                    slow = Some(i);
                }
                evidence.filter(|_| slow.is_none()).unwrap_or_default()
            } else {
                Vec::new()
            };
            let result = CriterionResult {
                id: c.id.clone(),
                label: c.label.clone(),
                kind: c.kind,
                met: !evidence.is_empty(),
                points: 0.0,
                worth: 0.0,
                evidence,
                looked_for: c.matchers.iter().map(describe).collect(),
                example: None,
            };
            rows.push(Row { weight: c.weight, scored: slow.is_none(), result });
        }
        let mut card = apply_rule(self.scenario.clone(), self.turn.clone(), self.pass_mark, rows);
        card.over_budget = slow.map(|i| OverBudget {
            criterion: self.criteria[i].id.clone(),
            label: self.criteria[i].label.clone(),
            unscored: self.criteria[i..].iter().map(|c| c.id.clone()).collect(),
        });
        Ok(card)
    }
}

/// Capitalised words that stand before a surname without being a first name.
const TITLE_LIKE: &[&str] = &["dear", "hello", "hi", "the", "mister", "missus", "called", "says", "from", "with"];

/// First names a text gives for the surname: "Luca Ferraro, ..." for "Mr Ferraro". The two words
/// stand side by side with only a space between them ("... with Mr Brennan. Sam looks tense" gives
/// Sam no first name), and a word after a title is itself a surname ("Mr Brennan Sam" neither).
fn given_names(about: &str, surname: &[phrase::Word]) -> Vec<phrase::Word> {
    let is_word_char = |c: char| c.is_alphabetic() || c == '\'' || c == '-';
    let mut out = Vec::new();
    // Runs of words with nothing but spaces between them: punctuation ends a run.
    for run in about.split(|c: char| !is_word_char(c) && !c.is_whitespace()) {
        let words: Vec<&str> = run.split_whitespace().collect();
        for (k, pair) in words.windows(2).enumerate() {
            let capitalised = pair[0].chars().next().is_some_and(char::is_uppercase);
            let after_title = k > 0 && name_words(words[k - 1]).is_empty();
            if capitalised && !after_title && name_words(pair[1]).first().is_some_and(|w| surname.contains(w)) {
                out.extend(name_words(pair[0]));
            }
        }
    }
    out
}

/// Run one built-in detector on `response` outside any rubric, with the customer's and the
/// colleague's names, given when and where `context` says: the words that are its evidence (empty
/// when it does not fire). The concept and time corpora measure each detector this way.
pub fn run_detector(
    name: &str,
    response: &str,
    customer: Option<&str>,
    colleague: Option<&str>,
    lists: &Lists,
    context: &ScoringContext,
) -> Vec<Evidence> {
    run_named(true, name, response, customer, colleague, lists, context)
}

/// Like [`run_detector`], with the rule alone (no learned layer): what the time reader and the
/// other structural rules find by themselves.
pub fn run_rule_detector(
    name: &str,
    response: &str,
    customer: Option<&str>,
    colleague: Option<&str>,
    lists: &Lists,
    context: &ScoringContext,
) -> Vec<Evidence> {
    run_named(false, name, response, customer, colleague, lists, context)
}

fn run_named(
    learned: bool,
    name: &str,
    response: &str,
    customer: Option<&str>,
    colleague: Option<&str>,
    lists: &Lists,
    context: &ScoringContext,
) -> Vec<Evidence> {
    let names = Names {
        customer: customer.map(name_words).unwrap_or_default(),
        colleague: colleague.map(name_words).unwrap_or_default(),
    };
    let a = analyse(response);
    let cx = DetectorContext::new(&names, lists, context.now).with_locale(context.locale);
    let found = if learned { detect(name, &a, &cx) } else { detectors::detect_rule(name, &a, &cx) };
    found
        .into_iter()
        .filter_map(|r| a.byte_span(r))
        .map(|(start, end)| Evidence { start, end, text: response[start..end].to_string() })
        .collect()
}

/// Score `response` to the turn `turn_id` (the first turn when None) of `scenario`.
pub fn score_response(
    scenario: &Scenario,
    turn_id: Option<&str>,
    response: &str,
    lexicon: &Lexicon,
) -> Option<Result<ScoreCard, ScoreError>> {
    let turn = match turn_id {
        Some(id) => scenario.turn(id)?,
        None => scenario.first_turn()?,
    };
    Some(TurnScorer::new(scenario, turn, lexicon).score(response))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::test_fixtures::minimal;

    fn card(response: &str) -> ScoreCard {
        let (s, l) = minimal();
        score_response(&s, None, response, &l).expect("turn").expect("scored")
    }

    #[test]
    fn a_strong_answer_scores_full_marks_with_evidence() {
        let response = "I'm sorry, that's my fault. I'll call you at 4pm.";
        let c = card(response);
        assert_eq!(c.score, 100);
        assert!(c.passed);
        let owns = c.criterion("owns-it").expect("owns-it");
        assert!(owns.met);
        assert!(owns.evidence.iter().any(|e| e.text.contains("my fault")), "{:?}", owns.evidence);
        for e in &owns.evidence {
            assert_eq!(&response[e.start..e.end], e.text);
        }
    }

    #[test]
    fn forbidden_criteria_subtract_and_scores_stay_in_range() {
        let c = card("Corporate messed up, not me.");
        let blames = c.criterion("blames").expect("blames");
        assert!(blames.met);
        assert!(blames.points < 0.0);
        assert_eq!(c.score, 0);
        assert!(!c.passed);
    }

    #[test]
    fn unmet_criteria_say_what_was_looked_for() {
        let c = card("ok");
        let time = c.criterion("time").expect("time");
        assert!(!time.met);
        assert_eq!(time.looked_for, vec!["the phrase \"call [you] (at | by) {time}\"".to_string()]);
    }

    #[test]
    fn empty_and_huge_responses_are_handled() {
        assert_eq!(card("").score, 0);
        let (s, l) = minimal();
        let huge = "word ".repeat(3000);
        assert_eq!(score_response(&s, None, &huge, &l).expect("turn"), Err(ScoreError::TooLong(15000)));
    }

    fn card_with(blames: &str, response: &str) -> ScoreCard {
        let (s, l) = minimal();
        let text = include_str!("../../../tests/fixtures/good/minimal.ron")
            .replace(r#"detect: [Detector("blame-shifting"), Regex("(?i)corporate")]"#, blames);
        let (scenario, _) = crate::core::scenario::parse::parse::<Scenario>(&text).expect("parses");
        assert_ne!(scenario, s, "the rubric changed");
        score_response(&scenario, None, response, &l).expect("turn").expect("scored")
    }

    #[test]
    fn not_stops_the_hits_it_overlaps_and_no_others() {
        let rubric = r#"detect: [All([Detector("blame-shifting"), Not(Phrase("the system was down"))])]"#;
        let blames = |response: &str| card_with(rubric, response).criterion("blames").expect("blames").clone();
        // Without the Not, the outage is blame; with it, saying so is not.
        assert!(card("The system was down all morning.").criterion("blames").expect("blames").met);
        assert!(!blames("The system was down all morning, and that's on me.").met);
        let other = blames("The system was down. Head office decided to decline it.");
        assert!(other.met, "a blame the Not does not overlap still counts");
        assert!(other.evidence.iter().all(|e| !e.text.contains("system")), "{:?}", other.evidence);
        assert!(other.looked_for[0].contains("not where the phrase \"the system was down\""), "{:?}", other.looked_for);
    }

    #[test]
    fn evidence_stops_at_its_limit_on_an_answer_that_matches_everywhere() {
        let response = "corporate, ".repeat(200);
        let blames = card_with(r#"detect: [Phrase("corporate")]"#, &response).criterion("blames").expect("c").clone();
        assert!(blames.met);
        assert_eq!(blames.evidence.len(), matchers::MAX_EVIDENCE, "the first pieces only");
        assert_eq!(blames.evidence[0].start, 0, "from the start of the answer");
    }

    #[test]
    fn not_beside_a_detector_takes_out_the_sentence_it_touches() {
        let plain = r#"detect: [Detector("ownership-apology")]"#;
        let rubric = r#"detect: [All([Detector("ownership-apology"), Not(Phrase("my fault"))])]"#;
        let owns = |rubric: &str, response: &str| card_with(rubric, response).criterion("blames").expect("c").clone();
        // The apology is evidence beside the excluded words: dropping only the overlap kept it met.
        let alone = "I'm sorry, that's my fault.";
        assert!(owns(plain, alone).evidence.iter().any(|e| e.text == "sorry"));
        assert!(!owns(rubric, alone).met, "the sentence the Not touches does not count");
        let other = owns(rubric, "I'm sorry, that's my fault. I apologise, that's on me and I'll put it right.");
        assert!(other.met, "another sentence that meets the detector on its own still counts");
        assert!(other.evidence.iter().all(|e| e.start >= alone.len()), "{:?}", other.evidence);
    }

    #[test]
    fn not_switches_a_concept_off_for_a_wording_without_stray_words_keeping_it() {
        // The fresh trainer's case: a sincere apology before bad news, excluded from `deflection`.
        let rubric = r#"detect: [All([Detector("deflection"), Not(Phrase("I am sorry [to (tell | say)]"))])]"#;
        let deflects = |response: &str| card_with(rubric, response).criterion("blames").expect("c").clone();
        assert!(
            !deflects("I'm sorry, Ms Brennan, the ceiling repair is not covered. What we can pay is the pipe.").met
        );
        let generic = deflects("I'm sorry to tell you the repair is not covered. Sorry for any inconvenience caused.");
        assert!(generic.met, "a generic apology in another sentence is still deflection");
        assert!(generic.evidence.iter().all(|e| e.text.contains("inconvenience")), "{:?}", generic.evidence);
    }

    #[test]
    fn regret_for_unwelcome_news_is_no_deflection_in_any_wording() {
        let rubric = r#"detect: [Detector("deflection")]"#;
        let deflects = |response: &str| card_with(rubric, response).criterion("blames").expect("c").met;
        for regret in [
            "I'm sorry, it's not the news you wanted: the panel said no to the loan. I'll go through options with you.",
            "sorry, not what u were hoping to hear, the repair isn't covered. I can book the cheaper fix tmrw",
            "Really sorry, bad news I'm afraid, the flat failed its survey, so we'll look at other lenders together.",
            "I'm so sorry, this isn't the answer you were after. The inspector came back lower so we can offer less.",
            "Sorry, it isn't the result you hoped for. The valuation came back low, so the offer we can make is smaller.",
        ] {
            assert!(!deflects(regret), "{regret}");
        }
        assert!(deflects("Sorry for any inconvenience, but the survey team set that date, not us."));
        // "Sorry to hear" is about the customer's feelings, not news: it may still deflect.
        assert!(deflects("We're sorry to hear you feel let down by the service. Your comments matter to us."));
    }

    #[test]
    fn not_can_keep_one_list_entry_from_firing() {
        let rubric = r#"detect: [All([Phrase("@vague-time"), Not(Phrase("shortly"))])]"#;
        let vague = |response: &str| card_with(rubric, response).criterion("blames").expect("blames").met;
        assert!(!vague("Your engineer arrives shortly, at 4pm."));
        assert!(vague("I'll get back to you soon."));
    }

    #[test]
    fn sentence_needs_every_part_in_one_sentence() {
        // The fresh trainer's case: a firm hour must belong to the speaker's own call, not to
        // another time in the answer.
        // The example in docs/scenario-format.md.
        let rubric = r#"detect: [Sentence([Detector("specific-time"), Phrase("I will ((call | ring | phone) you | give you a (ring | call))")])]"#;
        let met = |response: &str| card_with(rubric, response).criterion("blames").expect("c").clone();
        let own = met("Sorry about this. I will ring you at 4pm today with the answer.");
        assert!(own.met);
        assert!(own.evidence.iter().any(|e| e.text.contains("4pm")), "{:?}", own.evidence);
        assert!(
            !met("The crew comes by 6pm tonight. I will ring you when I hear.").met,
            "the hour and the call are in different sentences"
        );
        let both = met("The crew comes by 6pm tonight. I will ring you at 7pm to check.");
        assert!(both.met);
        assert!(both.evidence.iter().all(|e| !e.text.contains("6pm")), "only the call's sentence: {:?}", both.evidence);
        assert!(both.looked_for[0].contains("in one sentence"), "{:?}", both.looked_for);
        assert!(!met("The crew comes by 6pm. I'll ring you when I hear.").met);
        assert!(met("I'll ring you at 7pm tonight.").met);
        // `All` of the same parts is met across sentences.
        let all = r#"detect: [All([Detector("specific-time"), Phrase("I will (call | ring) you")])]"#;
        let across = card_with(all, "The crew comes by 6pm tonight. I will ring you when I hear.");
        assert!(across.criterion("blames").expect("c").met);
    }

    #[test]
    fn not_inside_sentence_drops_what_it_overlaps() {
        let rubric = r#"detect: [Sentence([Phrase("refund"), Phrase("friday"), Not(Phrase("no refund"))])]"#;
        let met = |response: &str| card_with(rubric, response).criterion("blames").expect("c").met;
        assert!(met("Your refund lands on Friday."));
        assert!(!met("There is no refund before Friday."));
        assert!(!met("Your refund is approved. It lands on Friday."));
    }

    /// A bundled scenario's card for `response` to its turn `turn`.
    fn bundled_card(scenario_id: &str, turn: &str, response: &str) -> ScoreCard {
        let (scenarios, lexicon) = crate::core::test_fixtures::bundled_scenarios();
        let s = scenarios.iter().find(|s| s.id == scenario_id).expect("bundled scenario");
        score_response(s, Some(turn), response, &lexicon).expect("turn").expect("scored")
    }

    #[test]
    fn another_persons_surname_is_not_the_customers_first_name() {
        // The briefing says "... with Mr Brennan. Sam looks tense": across the full stop, Brennan
        // is no first name of Sam's, so "Mr Brennan" does not use Sam's name.
        let met = |response: &str| {
            let c = bundled_card("mgr-coach-corporate-decision", "open", response);
            c.criterion("uses-name").expect("uses-name").met
        };
        assert!(!met("It's about Mr Brennan. Talk me through what happened at the counter."));
        assert!(met("It's about Mr Brennan, Sam. Talk me through what happened at the counter."));
        assert!(given_names("You put it right with Mr Brennan. Sam looks tense.", &name_words("Sam")).is_empty());
        let luca = given_names("Luca Ferraro, a regular", &name_words("Mr Ferraro"));
        assert_eq!(luca, name_words("Luca"));
    }

    #[test]
    fn a_clock_time_is_not_an_amount_in_a_fact() {
        // "{number} * lands" took "10am to check it has landed" as the refund arriving: the time
        // belongs to the call ("call you at 10am"), the landing to the check after it.
        let gives = |response: &str| {
            let c = bundled_card("cc-missed-callback-refund", "opening", response);
            c.criterion("gives-the-answer").expect("gives-the-answer").met
        };
        assert!(!gives("Mrs Okafor, I'm sorry, that's on me. I'll ring you Friday at 10am to check it has landed."));
        assert!(!gives("I'm sorry, that's on me. I'll call you on Friday at 10am to check everything has landed."));
        assert!(gives("Mrs Okafor, I'm sorry. The £54.99 lands in your account on Friday."));
        assert!(gives("I'm sorry. Your refund is approved and it'll be in your account on Friday."));
    }

    #[test]
    fn unknown_turns_are_none() {
        let (s, l) = minimal();
        assert!(score_response(&s, Some("nope"), "x", &l).is_none());
    }
}

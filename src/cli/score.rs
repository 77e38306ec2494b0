//! `followthrough score --scenario FILE [--turn TURN_ID] [--at RFC3339] [--json]`: score the
//! response read from standard input against one turn, and show why.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::core::library::author_tests::render_card;
use crate::core::scenario::CriterionKind;
use crate::core::scoring::{Evidence, MAX_RESPONSE_CHARS, ScoreCard, ScoringContext, TurnScorer};
use crate::io::scenario_files::load_library;

/// Arguments of `score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The scenario file.
    #[arg(long, value_name = "FILE")]
    pub scenario: PathBuf,
    /// The turn answered (default: the first).
    #[arg(long, value_name = "TURN_ID")]
    pub turn: Option<String>,
    /// The moment the answer is given, for resolving "today" and "this morning" (RFC 3339).
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
    /// Print one JSON object instead of a readable card.
    #[arg(long)]
    pub json: bool,
}

/// One criterion in the JSON output.
#[derive(Debug, Serialize)]
struct JsonCriterion<'a> {
    id: &'a str,
    label: &'a str,
    kind: &'static str,
    met: bool,
    points: f64,
    evidence: &'a [Evidence],
}

/// The JSON output (the contract other tools rely on).
#[derive(Debug, Serialize)]
struct JsonCard<'a> {
    scenario: &'a str,
    turn: &'a str,
    score: u32,
    passed: bool,
    criteria: Vec<JsonCriterion<'a>>,
}

fn json_card(card: &ScoreCard) -> JsonCard<'_> {
    JsonCard {
        scenario: &card.scenario,
        turn: &card.turn,
        score: card.score,
        passed: card.passed,
        criteria: card
            .criteria
            .iter()
            .map(|c| JsonCriterion {
                id: &c.id,
                label: &c.label,
                kind: if c.kind == CriterionKind::Required { "required" } else { "forbidden" },
                met: c.met,
                points: c.points,
                evidence: &c.evidence,
            })
            .collect(),
    }
}

/// What can be wrong with `score`'s own input (the `--at` moment, or the response on standard input).
#[derive(Debug, thiserror::Error)]
pub enum ScoreInputError {
    /// `--at` is not an RFC 3339 date and time.
    #[error("--at `{at}` is not an RFC 3339 date and time{why}; e.g. 2026-03-10T15:10:00Z")]
    BadAt {
        /// What was given.
        at: String,
        /// The parser's reason, as " (reason)", or empty.
        why: String,
    },
    /// Standard input could not be read.
    #[error("cannot read the response from standard input: {0}")]
    Unreadable(#[from] std::io::Error),
    /// The response has more bytes than any response within the limit can have.
    #[error(
        "the response is too long: more than {MAX_RESPONSE_BYTES} bytes were given; responses are limited to {},{:03} characters",
        MAX_RESPONSE_CHARS / 1000,
        MAX_RESPONSE_CHARS % 1000
    )]
    TooLong,
    /// The response is not UTF-8; `at` is the position of the first bad byte.
    #[error("the response is not UTF-8 text (bad byte at position {at}); save it as UTF-8 and try again")]
    NotUtf8 {
        /// Byte position of the first bad byte.
        at: usize,
    },
}

/// Parse `--at` into a civil date and time (the offset is kept as written).
fn parse_at(at: &str) -> Result<jiff::civil::DateTime, ScoreInputError> {
    at.parse::<jiff::Timestamp>().map_err(|e| ScoreInputError::BadAt { at: at.to_string(), why: format!(" ({e})") })?;
    at.get(..19)
        .and_then(|civil| civil.parse::<jiff::civil::DateTime>().ok())
        .ok_or_else(|| ScoreInputError::BadAt { at: at.to_string(), why: String::new() })
}

/// The most bytes a response can take: every character in 4 bytes, plus a final line break (`\r\n`).
const MAX_RESPONSE_BYTES: u64 = MAX_RESPONSE_CHARS as u64 * 4 + 2;

/// Read the whole response: refused as too long when it has more bytes than any response within
/// [`MAX_RESPONSE_CHARS`] can have (before anything is decoded, so a character cut at the limit is
/// never taken for bad UTF-8), or as not UTF-8 when it is not.
fn read_response(input: &mut dyn Read) -> Result<String, ScoreInputError> {
    let mut bytes = Vec::new();
    input.take(MAX_RESPONSE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_RESPONSE_BYTES {
        return Err(ScoreInputError::TooLong);
    }
    String::from_utf8(bytes).map_err(|e| ScoreInputError::NotUtf8 { at: e.utf8_error().valid_up_to() })
}

/// Check that `path` is a regular file, or say what it is and give the usage exit code.
fn check_scenario_path(path: &Path) -> Result<(), u8> {
    let problem = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => return Ok(()),
        Ok(meta) if meta.is_dir() => "a folder, not a scenario file",
        Ok(_) => "not a regular file (a pipe, device or socket)",
        Err(_) => "no such scenario file",
    };
    eprintln!("error: {}: {problem}", path.display());
    Err(EXIT_USAGE)
}

/// Run `score`; returns the exit code.
pub fn run(args: &ScoreArgs) -> u8 {
    let now = match args.at.as_deref().map(parse_at).transpose() {
        Ok(now) => now,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_USAGE;
        }
    };
    if let Err(code) = check_scenario_path(&args.scenario) {
        return code;
    }
    let library = match load_library(std::slice::from_ref(&args.scenario)) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let Some(loaded) = library.scenarios.first() else {
        eprintln!("{}", library.render_diagnostics());
        eprintln!("error: {} is not a valid scenario; fix the errors above", args.scenario.display());
        return EXIT_INVALID;
    };
    let scenario = &loaded.scenario;
    let turn = match args.turn.as_deref() {
        Some(id) => scenario.turn(id),
        None => scenario.first_turn(),
    };
    let Some(turn) = turn else {
        let ids: Vec<&str> = scenario.turns.iter().map(|t| t.id.as_str()).collect();
        eprintln!(
            "error: scenario `{}` has no turn `{}`; its turns: {}",
            scenario.id,
            args.turn.as_deref().unwrap_or(""),
            ids.join(", ")
        );
        return EXIT_USAGE;
    };
    let response = match read_response(&mut std::io::stdin().lock()) {
        Ok(response) => response,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_USAGE;
        }
    };
    let response = response.strip_suffix('\n').map(|r| r.strip_suffix('\r').unwrap_or(r)).unwrap_or(&response);
    if response.trim().is_empty() {
        eprintln!("note: the response is empty; it is scored as saying nothing");
    }
    let scorer = TurnScorer::new(scenario, turn, &library.lexicon);
    let card = match scorer.score_with(response, &ScoringContext { now, ..ScoringContext::default() }) {
        Ok(card) => card,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    if args.json {
        match serde_json::to_string(&json_card(&card)) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_INVALID;
            }
        }
    } else {
        println!("{}: {}", scenario.id, scenario.title);
        print!("{}", render_card(&card));
    }
    EXIT_OK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_answer_is_too_long_wherever_a_character_is_cut() {
        for ch in ["a", "é", "€", "😀"] {
            let text = ch.repeat(MAX_RESPONSE_CHARS * 5);
            let err = read_response(&mut text.as_bytes()).expect_err("too long").to_string();
            assert!(err.contains("too long") && !err.contains("UTF-8"), "{ch}: {err}");
        }
        let longest = "😀".repeat(MAX_RESPONSE_CHARS) + "\r\n";
        assert_eq!(read_response(&mut longest.as_bytes()).expect("fits"), longest);
        let err = read_response(&mut &b"caf\xe9"[..]).expect_err("Latin-1").to_string();
        assert!(err.contains("not UTF-8"), "{err}");
    }
}

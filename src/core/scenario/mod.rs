//! The scenario format and everything that reads it: the serde model, the words it may use
//! (`vocab`), the phrase pattern language, decoding and parsing, the map from value paths to
//! positions, validation, and the diagnostics all of them report.

pub mod diagnostic;
mod model;
pub mod parse;
pub mod pattern;
pub mod source_map;
pub mod validate;
pub mod vocab;

pub use model::{
    AuthorTest, Branch, Briefing, Condition, Criterion, CriterionKind, FORMAT_VERSION, HistoryEntry, Lexicon, Matcher,
    Person, Play, Promise, Scenario, ScoreRange, ScriptLine, ScriptRole, Tip, Turn,
};

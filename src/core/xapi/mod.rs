//! xAPI 1.0.3 statements for a Learning Record Store, built as pure functions from an [`Attempt`](crate::core::progress::Attempt):
//! no clock, no files, no network (the queue is `io::store`, the sender `io::xapi`).
//!
//! One statement per finished or abandoned attempt (per-criterion and per-turn detail travels in
//! `result.extensions`, so one attempt is one row in the LRS). Its id is a UUID v5 of the attempt's
//! id, so sending it twice is a no-op for the LRS.
//!
//! Coach overrides: an attempt saved together with the coach's changes (a group go) carries them in
//! the `overrides` extension of its one statement (the audit travels with it). An override made
//! after the statement was built is a correction of something the LRS may already hold, and LRS
//! statements are immutable: it produces a voiding statement for the previous version and a
//! replacement statement (its id a UUID v5 of the attempt id and the correction number) carrying the
//! audit. See [`correction`].
//!
//! [`read_back`] turns statements fetched from the LRS back into attempts, for the team view.

mod ids;
mod read;
mod statement;
#[cfg(test)]
mod tests;

pub use ids::{replacement_id, statement_id, voiding_id};
pub use read::{ReadBack, read_back};
pub use statement::{Correction, correction, scenario_iri, statement, voiding_statement};

use serde::{Deserialize, Serialize};

/// The namespace of FollowThrough's own context and result extensions.
pub const EXTENSION_BASE: &str = "https://followthrough.app/xapi/extensions";

/// How an organisation wants its statements built (kept with the progress; no secrets here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatementSettings {
    /// Base IRI of the organisation's activities; a scenario is `{base}/scenarios/{id}`.
    pub activity_base: String,
    /// `homePage` of the actor's `account` (the employee id is the account name).
    pub account_home_page: String,
    /// Send the typed answers as `result.response` (off: answers never leave the machine).
    pub send_responses: bool,
}

impl Default for StatementSettings {
    fn default() -> Self {
        Self {
            activity_base: "https://followthrough.app/activities".into(),
            account_home_page: "https://followthrough.app".into(),
            send_responses: true,
        }
    }
}

/// What is known about the attempt beyond the [`Attempt`] record itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatementExtras {
    /// The employee's name as shown.
    pub learner_name: Option<String>,
    /// Their email: the actor is then identified by `mbox` instead of the account.
    pub learner_email: Option<String>,
    /// The scenario's title (falls back to its id).
    pub scenario_title: Option<String>,
    /// The scenario's summary.
    pub scenario_description: Option<String>,
    /// The group session's id, when the attempt was a go in one (becomes `context.registration`).
    pub group_session: Option<String>,
    /// The coach who scored it (becomes `context.instructor`).
    pub coach: Option<String>,
    /// Coach changes saved with the attempt (the audit extension).
    pub overrides: Vec<crate::core::progress::Override>,
}

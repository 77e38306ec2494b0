//! The team view's attempts, from either source: this machine's progress store, or every machine's
//! statements read back from the organisation's LRS (`GET /statements` per scenario of the
//! library). Both end in the same [`TeamReport`], built by the core.

use std::collections::BTreeMap;

use crate::core::progress::Attempt;
use crate::core::progress::team::TeamReport;
use crate::core::scenario::Scenario;
use crate::core::xapi::{StatementSettings, read_back, scenario_iri};
use crate::io::store::{AttemptFilter, Store, StoreError};
use crate::io::xapi::{FetchError, LrsConfig, Reader};

/// The team view from this machine's store: every employee's attempts started on or after `since`.
pub fn team_from_store(
    store: &Store,
    scenarios: &[&Scenario],
    since: Option<jiff::civil::Date>,
) -> Result<TeamReport, StoreError> {
    let attempts = store.attempts(&AttemptFilter { since, ..AttemptFilter::default() })?;
    let names: BTreeMap<String, String> = store.employees()?.into_iter().map(|e| (e.id, e.name)).collect();
    Ok(TeamReport::new(scenarios, &attempts, &names))
}

/// The team view from the LRS: the statements about every scenario of the library (under the
/// organisation's activity base in `settings`), read back as attempts started on or after `since`.
pub fn team_from_lrs(
    config: &LrsConfig,
    settings: &StatementSettings,
    scenarios: &[&Scenario],
    since: Option<jiff::civil::Date>,
) -> Result<TeamReport, FetchError> {
    let start = since.map(|d| d.to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp())).transpose();
    let start = start.map_err(|e| FetchError::Failed(format!("the date cannot be used: {e}")))?;
    let activities: Vec<String> = scenarios.iter().map(|s| scenario_iri(settings, &s.id)).collect();
    let statements = Reader::new(config)?.statements(&activities, start)?;
    let read = read_back(&statements);
    let attempts: Vec<Attempt> =
        read.attempts.into_iter().filter(|a| start.is_none_or(|t| a.started_at >= t)).collect();
    Ok(TeamReport::new(scenarios, &attempts, &read.names))
}

//! Coach mode: group sessions run by a coach on a projector. A fair random picker for who answers
//! next, coach and peer scoring by the engine's own rule, and the session report (CSV and printable
//! HTML). Pure data: the UI and the store call in with ids, seeds and verdicts.

pub mod picker;
pub mod plan;
pub mod report;
pub mod session;

pub use picker::Picker;
pub use plan::{Change, Participant, SessionPlan, Turnout, agreement, coach_card, majority};
pub use report::{
    AuditLine, GoLine, NoShow, ParticipantLine, ReportContext, ReportCsvError, SessionReport, report_csv, report_html,
    session_report, session_title,
};

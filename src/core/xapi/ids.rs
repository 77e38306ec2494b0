//! Stable statement ids: UUID v5 names in FollowThrough's own namespace, so the same attempt always
//! gives the same statement id and a resend is a no-op for the LRS.

use uuid::Uuid;

/// FollowThrough's namespace for statement ids (a fixed v5 UUID of the DNS name).
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_DNS, b"xapi.followthrough.app")
}

/// Any text as a stable UUID in the namespace.
pub(crate) fn named(name: &str) -> Uuid {
    Uuid::new_v5(&namespace(), name.as_bytes())
}

/// The id of an attempt's statement.
pub fn statement_id(attempt_id: &str) -> String {
    named(&format!("attempt:{attempt_id}")).to_string()
}

/// The id of the `n`th replacement (n ≥ 1) of an attempt's statement, after coach corrections.
pub fn replacement_id(attempt_id: &str, n: u32) -> String {
    if n == 0 {
        return statement_id(attempt_id);
    }
    named(&format!("attempt:{attempt_id}:correction:{n}")).to_string()
}

/// The id of the statement voiding the `n`th version (0: the original) of an attempt's statement.
pub fn voiding_id(attempt_id: &str, n: u32) -> String {
    named(&format!("attempt:{attempt_id}:void:{n}")).to_string()
}

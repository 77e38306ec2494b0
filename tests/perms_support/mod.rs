//! What the permission tests share: whether this user is stopped by file permissions at all (root
//! is not), with `FOLLOWTHROUGH_REQUIRE_PERMS=1` (CI's second run as an ordinary user) turning a
//! skip into a failure, and the binary to run (`FOLLOWTHROUGH_BIN`, for a copy that user can reach).

#![allow(dead_code)]

use std::path::PathBuf;

/// True when the test should stop here because `allowed` shows permissions are not enforced for
/// this user (root, or CAP_DAC_OVERRIDE); fails instead when `FOLLOWTHROUGH_REQUIRE_PERMS=1`.
pub fn not_enforced(allowed: bool) -> bool {
    if !allowed {
        return false;
    }
    let required = std::env::var("FOLLOWTHROUGH_REQUIRE_PERMS").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "FOLLOWTHROUGH_REQUIRE_PERMS=1 but permissions are not enforced for this user; run it as an ordinary user"
    );
    eprintln!("skipped: permissions are not enforced for this user");
    true
}

/// The `followthrough` binary: `FOLLOWTHROUGH_BIN` when set (CI copies it where an ordinary user
/// can run it), else the one cargo built for this test.
pub fn binary() -> PathBuf {
    std::env::var_os("FOLLOWTHROUGH_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_followthrough")), PathBuf::from)
}

//! Whatever a trainer's editor saves, loading never panics or hangs: every truncation of a real
//! scenario, and many random corruptions of it, end in a result or located diagnostics.

use followthrough::core::library::{FileInput, FileKind, Library};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SCENARIO: &str = include_str!("fixtures/good/minimal.ron");
const LEXICON: &str = include_str!("fixtures/good/lexicon.ron");

fn build(bytes: Vec<u8>) -> Library {
    let inputs = vec![
        FileInput { path: "lexicon.ron".into(), kind: FileKind::Lexicon, contents: Ok(LEXICON.as_bytes().to_vec()) },
        FileInput { path: "s.ron".into(), kind: FileKind::Scenario, contents: Ok(bytes) },
    ];
    Library::build(inputs, &|_, _| true)
}

#[test]
fn every_truncation_loads_or_explains_itself() {
    for cut in (0..SCENARIO.len()).step_by(7) {
        let library = build(SCENARIO.as_bytes()[..cut].to_vec());
        assert!(library.scenarios.is_empty(), "cut at {cut}: a truncated scenario loaded");
        assert!(library.summary().errors >= 1, "cut at {cut}: refused without an error");
    }
}

#[test]
fn random_corruptions_never_panic() {
    let mut rng = StdRng::seed_from_u64(2026);
    let noise = b"()[]{},:\"\\/*#rR0-9 \n\t\xc3\xa9\xff";
    for _ in 0..400 {
        let mut bytes = SCENARIO.as_bytes().to_vec();
        for _ in 0..rng.random_range(1..6) {
            let at = rng.random_range(0..bytes.len());
            match rng.random_range(0..3) {
                0 => bytes[at] = noise[rng.random_range(0..noise.len())],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, noise[rng.random_range(0..noise.len())]),
            }
        }
        let library = build(bytes);
        for d in &library.diagnostics {
            assert!(!d.message.is_empty());
            let _ = d.render(library.sources.get(&d.file).map(String::as_str));
        }
    }
}

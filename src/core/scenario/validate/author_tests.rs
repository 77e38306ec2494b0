//! A scenario's author tests as written: ids, responses, the criteria and score ranges they pin.

use super::{Reporter, check_turn_ref, require_text, suggestion};
use crate::core::scenario::diagnostic::Diagnostic;
use crate::core::scenario::{AuthorTest, Scenario};

pub(super) fn check_tests(s: &Scenario, r: &mut Reporter) {
    if s.tests.is_empty() {
        r.at_key(
            "turns",
            Diagnostic::warning("no-author-tests", format!("scenario `{}` has no author tests", s.id)).with_hint(
                "add `tests: [ ... ]` with a strong, a vague and a blaming answer so rubric changes are caught",
            ),
        );
    }
    for (i, test) in s.tests.iter().enumerate() {
        check_test(s, test, &format!("tests[{i}]"), r);
    }
}

pub(super) fn check_test(s: &Scenario, test: &AuthorTest, path: &str, r: &mut Reporter) {
    require_text(r, || format!("{path}.name"), &test.name, "the test's name");
    let turn = match &test.turn {
        Some(id) => match s.turn(id) {
            Some(t) => t,
            None => {
                let ids: Vec<&str> = s.turns.iter().map(|t| t.id.as_str()).collect();
                check_turn_ref(id, || format!("{path}.turn"), &ids, r);
                return;
            }
        },
        None => &s.turns[0],
    };
    let criteria: Vec<&str> = turn.rubric.iter().map(|c| c.id.as_str()).collect();
    for field in ["met", "not_met"] {
        let ids = if field == "met" { &test.met } else { &test.not_met };
        for (j, id) in ids.iter().enumerate() {
            if !criteria.contains(&id.as_str()) {
                r.at(
                    &format!("{path}.{field}[{j}]"),
                    Diagnostic::error(
                        "unknown-criterion",
                        format!(
                            "test \"{}\" names criterion `{id}`, which turn `{}` does not have",
                            test.name, turn.id
                        ),
                    )
                    .with_optional_hint(suggestion(id, criteria.iter().copied())),
                );
            }
        }
    }
    for id in test.met.iter().filter(|id| test.not_met.contains(id)) {
        r.at(
            &format!("{path}.not_met"),
            Diagnostic::error(
                "contradictory-test",
                format!("test \"{}\" expects `{id}` both met and not met", test.name),
            ),
        );
    }
    if let Some(range) = test.score
        && (range.min > range.max || range.max > 100)
    {
        r.at(
            &format!("{path}.score"),
            Diagnostic::error(
                "out-of-range",
                format!("score range {}-{} is not within 0-100 with min <= max", range.min, range.max),
            ),
        );
    }
    if test.met.is_empty() && test.not_met.is_empty() && test.score.is_none() && test.passes.is_none() {
        r.at(
            &format!("{path}.name"),
            Diagnostic::error("empty-test", format!("test \"{}\" checks nothing", test.name))
                .with_hint("add `met`, `not_met`, `score` or `passes`"),
        );
    }
}

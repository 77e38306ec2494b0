//! The last good version on hot reload: a file saved broken keeps serving the scenario it loaded
//! before, with a warning, until its errors are fixed.

use std::collections::HashMap;

use super::{Library, USING_LAST_GOOD_VERSION};
use crate::core::scenario::diagnostic::Diagnostic;

impl Library {
    /// After a reload, keep drills working while an author fixes a file: every file that loaded a
    /// scenario in `previous` but now has errors (so none of its scenarios loaded) gets that
    /// [`LoadedScenario`] back, with a `using-last-good-version` warning after the file's errors.
    ///
    /// Not restored: files no longer among [`Library::paths`] (deleted or renamed), and scenarios
    /// whose id another file now provides. Lexicon sets a restored scenario may use that are gone
    /// from this library are taken from `previous`, so it scores as before. The restored scenario's
    /// source map points into its old text, while [`Library::sources`] keeps the new text that the
    /// errors quote.
    pub fn keep_last_good(&mut self, previous: &Library) {
        let mut restored = false;
        for old in &previous.scenarios {
            let still_there = self.paths.contains(&old.file);
            let loads_now = self.scenarios.iter().any(|l| l.file == old.file);
            let has_errors = self.diagnostics.iter().any(|d| d.file == old.file && d.is_error());
            if !still_there || loads_now || !has_errors || self.scenario(&old.scenario.id).is_some() {
                continue;
            }
            self.scenarios.push(old.clone());
            let warning = Diagnostic::warning(
                USING_LAST_GOOD_VERSION,
                format!(
                    "this file has errors, so the last version that loaded (scenario `{}`) is still in use; \
                     fix the errors above and save",
                    old.scenario.id
                ),
            )
            .in_file(&old.file);
            let after =
                self.diagnostics.iter().rposition(|d| d.file == old.file).map_or(self.diagnostics.len(), |i| i + 1);
            self.diagnostics.insert(after, warning);
            restored = true;
        }
        if !restored {
            return;
        }
        let order: HashMap<&str, usize> = self.paths.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
        self.scenarios.sort_by_key(|l| order.get(l.file.as_str()).copied().unwrap_or(usize::MAX));
        for (name, members) in &previous.lexicon.sets {
            self.lexicon.sets.entry(name.clone()).or_insert_with(|| members.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::FileKind;
    use super::super::tests::{BROKEN, GOOD, build, input, other};
    use super::*;

    #[test]
    fn a_file_broken_after_loading_keeps_its_last_good_scenario_with_a_warning() {
        let before =
            build(vec![input("a.ron", FileKind::Scenario, GOOD), input("b.ron", FileKind::Scenario, &other())]);
        let mut after =
            build(vec![input("a.ron", FileKind::Scenario, BROKEN), input("b.ron", FileKind::Scenario, &other())]);
        assert!(after.scenario("minimal").is_none());
        after.keep_last_good(&before);
        assert_eq!(after.scenarios.iter().map(|l| l.file.as_str()).collect::<Vec<_>>(), ["a.ron", "b.ron"]);
        assert!(after.scenario("minimal").is_some());
        let codes: Vec<_> = after.diagnostics.iter().map(|d| (d.file.as_str(), d.code, d.is_error())).collect();
        assert_eq!(codes.len(), 2);
        assert_eq!(codes[0].0, "a.ron");
        assert!(codes[0].2, "the parse error comes first");
        assert_eq!(codes[1], ("a.ron", USING_LAST_GOOD_VERSION, false));
        assert!(after.diagnostics[1].message.contains("last version that loaded"));
        // Still broken on the next reload: the restored scenario is kept again.
        let mut again =
            build(vec![input("a.ron", FileKind::Scenario, BROKEN), input("b.ron", FileKind::Scenario, &other())]);
        again.keep_last_good(&after);
        assert!(again.scenario("minimal").is_some());
    }

    #[test]
    fn a_file_fixed_or_changed_replaces_the_old_scenario() {
        let before = build(vec![input("a.ron", FileKind::Scenario, GOOD)]);
        let changed = GOOD.replace("Minimal call-back", "Changed title");
        let mut after = build(vec![input("a.ron", FileKind::Scenario, &changed)]);
        after.keep_last_good(&before);
        assert_eq!(after.scenarios.len(), 1);
        assert_eq!(after.scenarios[0].scenario.title, "Changed title");
        assert!(after.diagnostics.is_empty());
    }

    #[test]
    fn a_deleted_file_is_not_restored() {
        let before =
            build(vec![input("a.ron", FileKind::Scenario, GOOD), input("b.ron", FileKind::Scenario, &other())]);
        let mut after = build(vec![input("b.ron", FileKind::Scenario, &other())]);
        after.keep_last_good(&before);
        assert!(after.scenario("minimal").is_none());
        assert!(after.diagnostics.is_empty());
        assert_eq!(after.paths, ["lexicon.ron", "b.ron"]);
    }

    #[test]
    fn an_id_now_provided_by_another_file_is_not_restored_twice() {
        let before = build(vec![input("a.ron", FileKind::Scenario, GOOD)]);
        let mut after =
            build(vec![input("a.ron", FileKind::Scenario, BROKEN), input("b.ron", FileKind::Scenario, GOOD)]);
        after.keep_last_good(&before);
        assert_eq!(after.scenarios.len(), 1);
        assert_eq!(after.scenarios[0].file, "b.ron");
        assert!(after.diagnostics.iter().all(|d| d.code != USING_LAST_GOOD_VERSION));
    }

    #[test]
    fn a_scenario_refused_for_a_broken_lexicon_keeps_the_sets_it_used() {
        let with_set = GOOD.replace(
            "Phrase(\"call [you] (at | by) {time}\")",
            "Phrase(\"call [you] (at | by) {time}\"), Phrase(\"@refund-words\")",
        );
        // A set of the lexicon's own (a built-in list such as `@apology` needs no lexicon).
        let lexicon = "Lexicon(format_version: 1, sets: { \"refund-words\": [\"refund\"] })";
        let before = Library::build(
            vec![input("lexicon.ron", FileKind::Lexicon, lexicon), input("a.ron", FileKind::Scenario, &with_set)],
            &|_, _| true,
        );
        assert!(before.scenario("minimal").is_some());
        let mut after = Library::build(
            vec![input("lexicon.ron", FileKind::Lexicon, "Lexicon("), input("a.ron", FileKind::Scenario, &with_set)],
            &|_, _| true,
        );
        assert!(after.scenario("minimal").is_none());
        after.keep_last_good(&before);
        assert!(after.scenario("minimal").is_some());
        assert!(after.lexicon.sets.contains_key("refund-words"));
    }
}

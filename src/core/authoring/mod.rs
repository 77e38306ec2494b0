//! The trainer's view of the library: every file with its status, filterable by behaviour, job
//! family and priority.

pub mod branch_map;
mod ron_tokens;
pub mod sandbox;
pub mod template;
pub mod test_writer;

use crate::core::library::{FileStatus, Library};

/// What a file holds, when it loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct FileScenario {
    /// Scenario id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Importance x frequency.
    pub priority: u32,
    /// Behaviours trained.
    pub behaviour: Vec<String>,
    /// Job families.
    pub job_families: Vec<String>,
}

/// One file in the trainer's list.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRow {
    /// The path as shown.
    pub file: String,
    /// Errors and warnings in it.
    pub status: FileStatus,
    /// The scenario it provides (None for a lexicon or a file that did not load).
    pub scenario: Option<FileScenario>,
}

/// Which files to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileFilter {
    /// Only scenarios training this behaviour.
    pub behaviour: Option<String>,
    /// Only scenarios for this job family.
    pub job_family: Option<String>,
    /// Only scenarios with at least this priority.
    pub min_priority: u32,
    /// Only files with errors or warnings.
    pub problems_only: bool,
}

/// The files of `library` that pass `filter`, in path order. Files that did not load cannot be
/// classified, so they are always shown (they are the ones needing attention).
pub fn file_rows(library: &Library, filter: &FileFilter) -> Vec<FileRow> {
    library
        .paths
        .iter()
        .map(|file| FileRow {
            file: file.clone(),
            status: library.file_status(file),
            scenario: library.scenarios.iter().find(|l| &l.file == file).map(|l| FileScenario {
                id: l.scenario.id.clone(),
                title: l.scenario.title.clone(),
                priority: l.scenario.priority(),
                behaviour: l.scenario.behaviour.clone(),
                job_families: l.scenario.job_families.clone(),
            }),
        })
        .filter(|row| !filter.problems_only || row.status != FileStatus::Ok)
        .filter(|row| match &row.scenario {
            None => true,
            Some(s) => {
                filter.behaviour.as_ref().is_none_or(|b| s.behaviour.contains(b))
                    && filter.job_family.as_ref().is_none_or(|f| s.job_families.contains(f))
                    && s.priority >= filter.min_priority
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::library::{FileInput, FileKind};

    fn library() -> Library {
        let good = include_str!("../../../tests/fixtures/good/minimal.ron");
        let inputs = vec![
            FileInput {
                path: "lexicon.ron".into(),
                kind: FileKind::Lexicon,
                contents: Ok(include_bytes!("../../../tests/fixtures/good/lexicon.ron").to_vec()),
            },
            FileInput { path: "a.ron".into(), kind: FileKind::Scenario, contents: Ok(good.as_bytes().to_vec()) },
            FileInput { path: "broken.ron".into(), kind: FileKind::Scenario, contents: Ok(b"(id: ".to_vec()) },
        ];
        Library::build(inputs, &|_, _| true)
    }

    #[test]
    fn every_file_is_listed_with_its_status_and_filters_apply() {
        let lib = library();
        let rows = file_rows(&lib, &FileFilter::default());
        let files: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, ["lexicon.ron", "a.ron", "broken.ron"]);
        assert_eq!(rows[1].scenario.as_ref().map(|s| s.id.as_str()), Some("minimal"));
        assert!(matches!(rows[2].status, FileStatus::Errors(_)));
        let problems = file_rows(&lib, &FileFilter { problems_only: true, ..FileFilter::default() });
        assert_eq!(problems.iter().map(|r| r.file.as_str()).collect::<Vec<_>>(), ["broken.ron"]);
        let high = file_rows(&lib, &FileFilter { min_priority: 13, ..FileFilter::default() });
        assert!(high.iter().all(|r| r.file != "a.ron"), "priority 12 is filtered out");
        let other = file_rows(&lib, &FileFilter { behaviour: Some("warm-handover".into()), ..FileFilter::default() });
        assert!(other.iter().all(|r| r.file != "a.ron"));
        let follow = file_rows(&lib, &FileFilter { behaviour: Some("follow-up".into()), ..FileFilter::default() });
        assert!(follow.iter().any(|r| r.file == "a.ron"));
    }
}

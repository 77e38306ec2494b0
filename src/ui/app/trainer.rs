//! The trainer's side of the app: the file list, the sandbox and saving an author test from it,
//! team folders and new scenarios.

use std::path::{Path, PathBuf};

use crate::core::authoring::sandbox::Sandbox;
use crate::core::authoring::{FileFilter, FileRow, file_rows};

use super::super::authoring::AuthoringInput;
use super::FollowThroughApp;
use super::command::{LibraryCommand, TrainerCommand};
use super::place::Place;
use super::worker::{Scored, Ticket};

/// Try-a-response: the sandbox and what is typed in it.
pub struct SandboxRun {
    pub(super) sandbox: Sandbox,
    /// The response being tried.
    pub(super) text: String,
    /// The name for the author test it would become.
    pub(super) test_name: String,
    /// The job sent to the scoring worker, waiting for its card.
    pub(super) waiting: Option<Ticket>,
}

/// The authoring screens' state (try-a-response lives in its screen, [`Place::Sandbox`]).
#[derive(Default)]
pub struct Trainer {
    pub(super) filter: FileFilter,
    pub(super) rows: Vec<FileRow>,
    pub(super) expanded: Option<String>,
    pub(super) input: AuthoringInput,
}

impl FollowThroughApp {
    /// Apply a command about authoring.
    pub(super) fn apply_trainer(&mut self, command: TrainerCommand) {
        match command {
            TrainerCommand::ShowAuthoring => {
                self.trainer.rows = file_rows(&self.library.library, &self.trainer.filter);
                self.place = Place::Authoring;
            }
            TrainerCommand::FilterFiles(filter) => {
                self.trainer.rows = file_rows(&self.library.library, &filter);
                self.trainer.filter = filter;
            }
            TrainerCommand::ToggleFile(file) => {
                let open = self.trainer.expanded.as_ref() == Some(&file);
                self.trainer.expanded = if open { None } else { Some(file) };
            }
            TrainerCommand::OpenInEditor(path) => match crate::io::editor::open_in_editor(&path) {
                Ok(()) => self.shell.say(format!("Opened {}", path.display())),
                Err(e) => self.shell.say(e.to_string()),
            },
            TrainerCommand::RevealFile(path) => {
                if let Err(e) = crate::io::editor::reveal(&path) {
                    self.shell.say(e.to_string());
                }
            }
            TrainerCommand::ShowTestPlay(id) => self.place = Place::TestPlay(id),
            TrainerCommand::OpenSandbox(id) => self.open_sandbox(&id),
            TrainerCommand::SandboxTurn(turn) => {
                if let Some(run) = self.place.sandbox_mut() {
                    run.sandbox.set_turn(turn);
                }
            }
            TrainerCommand::SaveAuthorTest => self.save_author_test(),
            TrainerCommand::CreateScenario => self.create_scenario(),
        }
    }

    /// Apply a command about the scenario folders.
    pub(super) fn apply_library(&mut self, command: LibraryCommand) {
        match command {
            LibraryCommand::Reload => self.reload(),
            LibraryCommand::FilterJobFamily(family) => self.library.job_family = family,
            LibraryCommand::PickFolder => {
                if let Some(folder) = rfd::FileDialog::new().set_title("Add a scenario folder").pick_folder() {
                    self.add_folder(folder);
                }
            }
            LibraryCommand::AddFolder(folder) => self.add_folder(folder),
            LibraryCommand::RemoveFolder(folder) => {
                self.library.extra_folders.retain(|f| f != &folder);
                self.folders_changed();
            }
        }
    }

    fn open_sandbox(&mut self, id: &str) {
        let library = &self.library.library;
        let Some(s) = library.scenario(id) else { return };
        match Sandbox::new(s.clone(), &library.lexicon) {
            Some(sandbox) => {
                let run = SandboxRun { sandbox, text: String::new(), test_name: String::new(), waiting: None };
                self.place = Place::Sandbox(Box::new(run));
            }
            // Nothing to try a response on: the file list, as a sandbox screen without one showed.
            None => self.apply_trainer(TrainerCommand::ShowAuthoring),
        }
    }

    /// After a reload: the file list again, and the sandbox on the scenario as it is now.
    pub(super) fn trainer_reloaded(&mut self) {
        let library = &self.library.library;
        self.trainer.rows = file_rows(library, &self.trainer.filter);
        let Some(run) = self.place.sandbox_mut() else { return };
        let Some(s) = library.scenario(&run.sandbox.scenario.id) else { return };
        if s == &*run.sandbox.scenario {
            return;
        }
        if let Some(mut fresh) = Sandbox::new(s.clone(), &library.lexicon) {
            fresh.set_turn(run.sandbox.turn);
            fresh.set_response(&run.text);
            run.sandbox = fresh;
            // A card still on its way scored the old version: the next frame sends this one.
            run.waiting = None;
        }
    }

    /// Whether `ticket` is the try-a-response job being scored.
    pub(super) fn sandbox_waits_for(&self, ticket: Ticket) -> bool {
        self.place.sandbox().is_some_and(|run| run.waiting == Some(ticket))
    }

    /// The try-a-response card came back: the sandbox shows it (and the next frame sends the text
    /// typed meanwhile, if any).
    pub(super) fn sandbox_card(&mut self, scored: Scored) {
        if let Some(run) = self.place.sandbox_mut()
            && run.waiting == Some(scored.ticket)
        {
            run.waiting = None;
            run.sandbox.card_arrived(scored.card);
        }
    }

    fn save_author_test(&mut self) {
        let Some(run) = self.place.sandbox() else { return };
        let sb = &run.sandbox;
        let Some(tried) = sb.card().filter(|_| !sb.is_behind()) else { return };
        let Ok(card) = &tried.card else { return };
        let library = &self.library.library;
        let Some(loaded) = library.scenarios.iter().find(|l| l.scenario.id == sb.scenario.id) else { return };
        let file = loaded.file.clone();
        let name = run.test_name.trim().to_string();
        let test =
            crate::core::authoring::test_writer::author_test_from_card(&name, sb.turn_id(), &tried.response, card);
        // The file as it is on disk now (the trainer may have saved since the last reload).
        let path = Path::new(&file);
        let written = crate::io::scenario_files::read_text(path).map_err(|e| e.to_string()).and_then(|source| {
            let text =
                crate::core::authoring::test_writer::append_author_test(&source, &test).map_err(|e| e.to_string())?;
            crate::io::scenario_files::replace_file(path, &text).map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => {
                if let Some(run) = self.place.sandbox_mut() {
                    run.test_name.clear();
                }
                self.reload();
                self.shell.say(format!("Saved author test \"{name}\" in {file}"));
                self.shell.keep_status();
            }
            Err(e) => self.shell.say(format!("Not saved: {e}")),
        }
    }

    fn add_folder(&mut self, folder: PathBuf) {
        if !folder.is_dir() {
            self.shell.say(format!("{} is not a folder", folder.display()));
            return;
        }
        if self.library.folders().contains(&folder) {
            self.shell.say(format!("{} is already read", folder.display()));
            return;
        }
        self.library.extra_folders.push(folder);
        self.trainer.input.folder.clear();
        self.folders_changed();
    }

    /// Remember the folders, read them all again and watch the new set.
    fn folders_changed(&mut self) {
        if let Some(store) = &self.profiles.store
            && let Err(e) = store.set_scenario_folders(&self.library.extra_folders)
        {
            self.shell.say(e.to_string());
        }
        self.library.rewatch();
        self.reload();
    }

    fn create_scenario(&mut self) {
        let input = &self.trainer.input;
        let family = Some(input.new_job_family.as_str()).filter(|f| !f.is_empty());
        let id = input.new_id.trim().to_string();
        if let Some(taken) = self.library.library.scenarios.iter().find(|l| l.scenario.id == id) {
            self.shell.say(format!("The id `{id}` is already used by {}; choose another", taken.file));
            return;
        }
        let text = match crate::core::authoring::template::scenario_template(&id, &input.new_behaviour, family) {
            Ok(text) => text,
            Err(e) => return self.shell.say(e.to_string()),
        };
        let folders = &self.library;
        let Some(folder) = folders.extra_folders.last().cloned().or_else(|| folders.scenarios_dir.clone()) else {
            return;
        };
        let path = folder.join(format!("{id}.ron"));
        match crate::io::scenario_files::write_new_file(&path, &text) {
            Ok(()) => {
                self.trainer.input.new_id.clear();
                self.reload();
                self.trainer.expanded = Some(path.display().to_string());
                self.shell.say(format!("Created {}: open it in your editor and make it yours", path.display()));
                self.shell.keep_status();
            }
            Err(e) => self.shell.say(e.to_string()),
        }
    }
}

//! The trainer's side of the app: reading and watching the scenario folders, test-play, saving an
//! author test from the sandbox, team folders and new scenarios.

#![allow(clippy::wildcard_imports)] // until the app-state split (#13)

use super::*;

impl FollowThroughApp {
    /// Every scenario folder read: the main one, then those added.
    pub fn scenario_folders(&self) -> Vec<PathBuf> {
        self.scenarios_dir.iter().cloned().chain(self.extra_folders.iter().cloned()).collect()
    }

    /// The loaded library.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The sandbox in use.
    pub fn sandbox(&self) -> Option<&Sandbox> {
        self.sandbox.as_ref()
    }

    /// Read the scenario folders again, keeping the last good version of files that broke.
    pub fn reload(&mut self) {
        let folders = self.scenario_folders();
        if folders.is_empty() {
            return;
        }
        let mut library = load_or_explain(&folders);
        library.keep_last_good(&self.library);
        self.library = library;
        self.update_status();
        self.file_rows = file_rows(&self.library, &self.file_filter);
        if let Some(store) = &self.store {
            let scenarios: Vec<_> = self.library.scenarios.iter().map(|l| &l.scenario).collect();
            if let Err(e) = store.settle_worths(&scenarios) {
                log::warn!("could not settle the worth of older verdicts: {e}");
            }
        }
        if let Some(sandbox) = &mut self.sandbox
            && let Some(s) = self.library.scenario(&sandbox.scenario.id)
            && s != &sandbox.scenario
        {
            let turn = sandbox.turn;
            if let Some(mut fresh) = Sandbox::new(s.clone(), &self.library.lexicon) {
                fresh.set_turn(turn);
                fresh.set_response(&self.sandbox_text);
                *sandbox = fresh;
            }
        }
        self.refresh_progress();
    }

    /// Watch the scenario folders; a save anywhere in them reloads the library (and wakes the window).
    pub(super) fn watch_folders(&mut self, ctx: &egui::Context) {
        if self.watch_tried || self.scenarios_dir.is_none() {
            return;
        }
        self.watch_tried = true;
        let folders: Vec<PathBuf> = self.scenario_folders().into_iter().filter(|f| f.is_dir()).collect();
        let ctx = ctx.clone();
        match crate::io::watch::watch(&folders, move || ctx.request_repaint()) {
            Ok(w) => self.watcher = Some(w),
            Err(e) => log::warn!("scenario files will not reload by themselves: {e}"),
        }
    }

    pub(super) fn start_test_play(&mut self, id: &str, turn: usize, timed: bool) {
        let Some(scenario) = self.library.scenario(id) else { return };
        self.drills_started += 1;
        let seed = self.now_ms ^ self.drills_started.rotate_left(32);
        let d = Drill::new(scenario.clone(), self.library.lexicon.clone(), Mode::Practice, seed);
        let mut d = if timed { d } else { d.untimed() };
        self.draft.clear();
        self.confirm_abandon = false;
        match d.start_at(turn, self.now_ms) {
            Ok(events) => {
                self.drill = Some(d);
                self.test_play = true;
                self.drill_saved = true;
                self.react(&events);
                self.screen = Screen::Drill;
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    pub(super) fn save_author_test(&mut self) {
        let Some(sb) = &self.sandbox else { return };
        let Ok(card) = &sb.card else { return };
        let Some(loaded) = self.library.scenarios.iter().find(|l| l.scenario.id == sb.scenario.id) else { return };
        let file = loaded.file.clone();
        let name = self.test_name.trim().to_string();
        let test = crate::core::authoring::test_writer::author_test_from_card(&name, sb.turn_id(), &sb.response, card);
        // The file as it is on disk now (the trainer may have saved since the last reload).
        let source = match crate::io::scenario_files::read_text(std::path::Path::new(&file)) {
            Ok(text) => text,
            Err(e) => {
                self.status = format!("Not saved: {e}");
                return;
            }
        };
        let written = crate::core::authoring::test_writer::append_author_test(&source, &test)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                crate::io::scenario_files::replace_file(std::path::Path::new(&file), &text).map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => {
                self.test_name.clear();
                self.reload();
                self.status = format!("Saved author test \"{name}\" in {file}");
                self.status_kept_until_ms = self.now_ms + 3000;
            }
            Err(e) => self.status = format!("Not saved: {e}"),
        }
    }

    pub(super) fn add_folder(&mut self, folder: PathBuf) {
        if !folder.is_dir() {
            self.status = format!("{} is not a folder", folder.display());
            return;
        }
        if self.scenario_folders().contains(&folder) {
            self.status = format!("{} is already read", folder.display());
            return;
        }
        self.extra_folders.push(folder);
        self.authoring_input.folder.clear();
        self.folders_changed();
    }

    /// Remember the folders, read them all again and watch the new set.
    pub(super) fn folders_changed(&mut self) {
        if let Some(store) = &self.store
            && let Err(e) = store.set_scenario_folders(&self.extra_folders)
        {
            self.status = e.to_string();
        }
        self.watcher = None;
        self.watch_tried = false;
        self.reload();
    }

    pub(super) fn create_scenario(&mut self) {
        let input = &self.authoring_input;
        let family = Some(input.new_job_family.as_str()).filter(|f| !f.is_empty());
        let id = input.new_id.trim().to_string();
        if let Some(taken) = self.library.scenarios.iter().find(|l| l.scenario.id == id) {
            self.status = format!("The id `{id}` is already used by {}; choose another", taken.file);
            return;
        }
        let text = match crate::core::authoring::template::scenario_template(&id, &input.new_behaviour, family) {
            Ok(text) => text,
            Err(e) => {
                self.status = e.to_string();
                return;
            }
        };
        let Some(folder) = self.extra_folders.last().cloned().or_else(|| self.scenarios_dir.clone()) else { return };
        let path = folder.join(format!("{id}.ron"));
        match crate::io::scenario_files::write_new_file(&path, &text) {
            Ok(()) => {
                self.authoring_input.new_id.clear();
                self.reload();
                self.expanded_file = Some(path.display().to_string());
                self.status = format!("Created {}: open it in your editor and make it yours", path.display());
                self.status_kept_until_ms = self.now_ms + 3000;
            }
            Err(e) => self.status = e.to_string(),
        }
    }
}

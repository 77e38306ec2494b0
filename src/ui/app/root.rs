//! Drawing the window: the frame's housekeeping (clock, loading, watcher, a new day, cards back
//! from the worker, the clocks of a drill and a group session), the top bar, the status line and
//! the screen showing; then the commands the screens emitted are applied.

use std::time::Duration;

use crate::core::drill::Phase;

use super::super::{
    authoring, briefing, coach, drill, home, lrs_settings, problems, progress, quiz, rehearse, sandbox, score_card,
    summary, team, test_play, theme,
};
use super::FollowThroughApp;
use super::command::{CoachCommand, Command, LibraryCommand, ReportingCommand, ShellCommand, TrainerCommand};
use super::group::GroupRun;
use super::loading::LOADING_SHOWN_AFTER;
use super::place::Place;
use super::profiles::Profiles;
use super::reporting::TeamSource;

/// Shown while start-up takes longer than [`LOADING_SHOWN_AFTER`].
pub const LOADING_TEXT: &str = "Loading...";

impl FollowThroughApp {
    /// Draw the whole window and apply whatever the user asked for.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.begin_frame(ui.ctx());
        self.quit_ui(ui.ctx());
        let mut commands = Vec::new();
        // The top bar's room is kept first and its buttons drawn last, so Tab reaches the
        // screen's own controls before the window's.
        let bar_height = self.shell.top_bar_height;
        // No panel fills its background: the window is cleared to that colour (theme::clear_color).
        let bar = theme::unfilled(egui::Frame::side_top_panel(ui.style()));
        let bar_rect = egui::Panel::top("top_bar")
            .frame(bar)
            .show(ui, |ui| {
                ui.set_min_height(bar_height);
                egui::Rect::from_min_size(ui.max_rect().min, egui::vec2(ui.max_rect().width(), bar_height))
            })
            .inner;
        egui::Panel::bottom("status_bar").frame(bar).show(ui, |ui| {
            let status = self.shell.status_now();
            ui.add(egui::Label::new(egui::RichText::new(status).weak()).truncate());
        });
        let width = self.place.screen().column_width();
        let central = theme::unfilled(egui::Frame::central_panel(ui.style()));
        egui::CentralPanel::default().frame(central).show(ui, |ui| {
            theme::column_ui(ui, width, |ui| {
                if self.library.loading.is_some() {
                    self.loading_ui(ui);
                    return;
                }
                self.store_error_ui(ui);
                commands.extend(self.screen_ui(ui));
            });
        });
        commands.extend(self.top_bar_at(ui, bar_rect));
        // A command opening a new screen puts the keyboard on its main action (see `apply`).
        for c in commands {
            self.apply(c);
        }
        self.shell.end_frame(ui.ctx());
        // The frame with the library is drawn: its author tests may take the processor now.
        self.library.frame_drawn();
    }

    /// Ctrl+Q and the window's close button: a drill being answered asks first.
    fn quit_ui(&mut self, ctx: &egui::Context) {
        let quit_key = ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Q));
        if ctx.input(|i| i.viewport().close_requested()) {
            if !self.may_quit() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
        } else if quit_key && self.may_quit() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The frame's housekeeping before anything is drawn.
    fn begin_frame(&mut self, ctx: &egui::Context) {
        self.shell.now_ms = (ctx.input(|i| i.time) * 1000.0) as u64;
        // A blinking text cursor repaints the window twice a second: a steady one lets an idle
        // screen stay idle and a countdown repaint once a second.
        if ctx.global_style().visuals.text_cursor.blink {
            ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = false);
        }
        self.scoring.set_waker(ctx);
        self.reporting.set_waker(ctx);
        self.reporting.take_team();
        self.finish_loading(ctx);
        if self.library.loading.is_some() {
            return;
        }
        // After the library's status line, so "no audio device" is what the status line says.
        self.shell.open_pending_audio(ctx);
        self.library.watch(ctx);
        self.new_day(ctx);
        if self.library.changed() {
            let kept = std::mem::take(&mut self.shell.status);
            self.reload();
            if self.shell.now_ms < self.shell.status_kept_until_ms {
                self.shell.status = kept;
            } else {
                let summary = self.shell.status_now().to_string();
                self.shell.say(format!("Reloaded after a change: {summary}"));
            }
        }
        if self.library.take_test_findings() {
            // Author tests report as each scenario finishes (the Problems screen lists them).
            self.update_status();
            self.trainer_reloaded();
        }
        self.take_cards();
        self.tick_drill(ctx);
        self.tick_group(ctx);
    }

    /// Start-up read everything: use it (the first frames showed the window already).
    fn finish_loading(&mut self, ctx: &egui::Context) {
        let Some(loading) = &mut self.library.loading else { return };
        loading.set_waker(ctx);
        if ctx.cumulative_frame_nr() == 0 {
            // The reading starts once the first frame is on the screen: at the next one.
            ctx.request_repaint();
            return;
        }
        loading.let_start();
        let Some(loaded) = loading.take() else {
            let elapsed = loading.elapsed();
            // Wake in time to say "Loading..." if it is still going then.
            if elapsed < LOADING_SHOWN_AFTER {
                ctx.request_repaint_after(LOADING_SHOWN_AFTER - elapsed);
            }
            return;
        };
        self.library.loading = None;
        self.use_store(Profiles::opened(loaded.store, loaded.data_dir));
        match loaded.team_folders {
            Ok(folders) => self.library.extra_folders = folders,
            Err(e) => self.shell.say(format!("The team's scenario folders could not be read: {e}")),
        }
        self.library.library = loaded.library;
        self.settle_worths();
        self.library.author_tests = Some(loaded.author_tests).filter(|run| run.left > 0);
        self.update_status();
        self.trainer_reloaded();
        self.refresh_progress();
        ctx.request_repaint();
    }

    fn loading_ui(&self, ui: &mut egui::Ui) {
        if self.library.loading.as_ref().is_some_and(|l| l.elapsed() >= LOADING_SHOWN_AFTER) {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(LOADING_TEXT);
            });
        }
    }

    /// On the first frame of a new day, back up and plan again; look again within a minute.
    fn new_day(&mut self, ctx: &egui::Context) {
        let today = jiff::Zoned::now().date();
        if self.shell.day_seen.is_some_and(|seen| seen != today) {
            if let Some(store) = &self.profiles.store {
                store.backup_if_due(today);
            }
            self.refresh_progress();
        }
        self.shell.day_seen = Some(today);
        ctx.request_repaint_after(Duration::from_secs(60));
    }

    fn store_error_ui(&self, ui: &mut egui::Ui) {
        let Some(e) = &self.profiles.store_error else { return };
        // Read-only: the store is open and `e` says it all ("progress can't be saved: ...").
        let text =
            if self.profiles.store.is_some() { capitalised(e) } else { format!("Progress is not being saved: {e}") };
        ui.colored_label(ui.visuals().error_fg_color, text);
        ui.separator();
    }

    /// Draw the top bar into the room its panel kept, and keep room for its height next frame.
    fn top_bar_at(&mut self, ui: &mut egui::Ui, rect: egui::Rect) -> Option<Command> {
        // A wrapping row grows downwards past its room as it needs; the room is last frame's.
        let layout = egui::Layout::top_down(egui::Align::Min);
        let mut bar = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout));
        let command = bar.horizontal_wrapped(|ui| self.top_bar_ui(ui)).inner;
        let used = bar.min_rect().height();
        if (used - self.shell.top_bar_height).abs() > 0.5 {
            self.shell.top_bar_height = used;
            ui.ctx().request_repaint();
        }
        command
    }

    /// The title, the window's places, then the preferences: on at most two rows when they fit,
    /// else (a narrow window, a large text size) the places and the look go into a "Menu" and
    /// only the title, the menu and A-/A+ stay, on one row, so the screen keeps most of the window.
    fn top_bar_ui(&self, ui: &mut egui::Ui) -> Option<Command> {
        let places = self.places();
        let compact = full_bar_width(ui, &places) > 2.0 * ui.available_width();
        let mut command = None;
        let title = egui::RichText::new("FollowThrough").strong();
        ui.label(if compact { title } else { title.size(theme::HEADING) });
        ui.add_space(theme::GAP);
        // While a drill runs, leaving it goes through its own Esc dialog (so it is saved).
        let free = !self.drill_running()
            && !self.place.group().is_some_and(GroupRun::running)
            && self.library.loading.is_none();
        let mut settings = self.shell.settings;
        let sound_device = !self.shell.sound_device_missing();
        let mut changed = false;
        if compact {
            ui.menu_button(MENU_LABEL, |ui| {
                command = places_ui(ui, &places, free);
                ui.separator();
                changed = settings.look_ui(ui, sound_device);
                if command.is_some() || changed {
                    ui.close();
                }
            });
        } else {
            command = places_ui(ui, &places, free);
            ui.separator();
            changed = settings.look_ui(ui, sound_device);
        }
        changed |= settings.text_scale_ui(ui);
        if changed {
            command = Some(Command::Shell(ShellCommand::ChangeSettings(settings)));
        }
        command
    }

    /// The window's places: label, hover text and what a click does.
    fn places(&self) -> Vec<(&'static str, &'static str, Command)> {
        let mut places = vec![
            ("Authoring", "Scenario files, test-play, try a response", Command::Trainer(TrainerCommand::ShowAuthoring)),
            (
                "Coach a group",
                "Run a rehearsal session with a team on a projector",
                Command::Coach(CoachCommand::ShowSetup),
            ),
            (
                "Team",
                "Every employee's baseline, latest and best; reporting to your LRS",
                Command::Reporting(ReportingCommand::ShowTeam(TeamSource::Store)),
            ),
        ];
        if !self.library.library.diagnostics.is_empty() {
            places.push(("Scenario problems", "", Command::Shell(ShellCommand::ShowProblems)));
        }
        if self.library.scenarios_dir.is_some() {
            places.push((
                "Reload scenarios",
                "Read the scenario folder again",
                Command::Library(LibraryCommand::Reload),
            ));
        }
        places
    }

    /// The screen showing now.
    fn screen_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        // Screens not told to focus in their arguments take the keyboard when it is offered.
        if self.place.screen().focuses_on_offer() && std::mem::take(&mut self.shell.focus_main) {
            crate::ui::widgets::offer_main_focus(ui.ctx());
        }
        let command = self.current_screen_ui(ui);
        crate::ui::widgets::withdraw_main_focus(ui.ctx());
        command
    }

    fn current_screen_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let library = &self.library.library;
        let go_home = Some(Command::Shell(ShellCommand::GoHome));
        match &mut self.place {
            Place::Home => self.home_screen_ui(ui),
            Place::Authoring => self.authoring_screen_ui(ui),
            Place::TestPlay(id) => match library.scenario(id) {
                Some(s) => test_play::test_play_ui(ui, s, &crate::core::authoring::branch_map::branch_map(s)),
                None => Some(Command::Trainer(TrainerCommand::ShowAuthoring)),
            },
            Place::Sandbox(run) => {
                let command = sandbox::sandbox_ui(ui, &run.sandbox, &mut run.text, &mut run.test_name);
                run.sandbox.set_response(&run.text);
                if let Some(job) = run.sandbox.next_job() {
                    run.waiting = Some(self.scoring.send(job));
                }
                command
            }
            Place::CoachSetup => {
                coach::setup_ui(ui, &mut self.coach.setup, &self.coach.choices, &self.profiles.employees)
            }
            Place::Coach(_) => self.coach_screen_ui(ui),
            Place::Rehearse(run) => {
                let focus = std::mem::take(&mut self.shell.focus_answer);
                rehearse::rehearse_ui(ui, &run.session, &mut run.recitation, focus)
            }
            Place::Quiz(run) => quiz::quiz_ui(ui, &run.round),
            Place::Progress => self.progress_screen_ui(ui),
            Place::Team => self.team_screen_ui(ui),
            Place::Problems => problems::problems_ui(ui, library),
            Place::Briefing(id) => library.scenario(id).map_or(go_home, |s| briefing::briefing_ui(ui, s)),
            Place::Drill(_) => self.drill_screen_ui(ui),
        }
    }

    /// Home: today's plan first when someone is practising (its "Start practice" has the
    /// keyboard), then who is practising, then the library; all in one scroll.
    fn home_screen_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let focus = std::mem::take(&mut self.shell.focus_main);
        let library = &self.library.library;
        let profiles = &mut self.profiles;
        let job_family = self.library.job_family.as_deref();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let today = profiles
                    .today
                    .as_ref()
                    .filter(|_| profiles.current.is_some())
                    .and_then(|plan| home::today_ui(ui, plan, library, focus));
                let focus_new = focus && profiles.current.is_none();
                let who = home::profile_bar_ui(
                    ui,
                    &profiles.employees,
                    profiles.current.as_deref(),
                    &mut profiles.new_profile,
                    focus_new,
                );
                home::home_ui(ui, library, job_family).or(who).or(today)
            })
            .inner
    }

    fn authoring_screen_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let folders = self.library.folders();
        let trainer = &mut self.trainer;
        let view = authoring::AuthoringView {
            library: &self.library.library,
            rows: &trainer.rows,
            filter: &trainer.filter,
            folders: &folders,
            expanded: trainer.expanded.as_deref(),
        };
        authoring::authoring_ui(ui, &view, &mut trainer.input)
    }

    fn progress_screen_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let focus = std::mem::take(&mut self.shell.focus_main);
        let p = &self.profiles;
        match (p.current_employee(), &p.report, &p.today) {
            (Some(e), Some(report), Some(plan)) => {
                let view = progress::ProgressView {
                    name: &e.name,
                    report,
                    plan,
                    rules: p.rules,
                    recordings: &p.saved_recordings,
                    focus,
                };
                progress::progress_ui(ui, &view)
            }
            _ => Some(Command::Shell(ShellCommand::GoHome)),
        }
    }

    fn team_screen_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let r = &mut self.reporting;
        let view = team::TeamView {
            source: r.source,
            report: r.team.as_ref(),
            loading: r.team_loading(),
            error: r.team_error.as_deref(),
        };
        let mut command = team::team_ui(ui, &view);
        ui.separator();
        let sender = r.sender_text();
        let status = lrs_settings::LrsStatusView {
            secret_saved: r.secret_saved,
            report: r.report.as_ref(),
            sender: &sender,
            error: r.error.as_deref(),
        };
        command = lrs_settings::lrs_settings_ui(ui, &mut r.form, &status).or(command);
        command
    }

    fn coach_screen_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let now = self.shell.now_ms;
        let Some(run) = self.place.group_mut() else { return Some(Command::Shell(ShellCommand::GoHome)) };
        let focus_main = run.step_changed();
        let session = &run.session;
        let seconds_left = match session.phase {
            crate::core::coach::session::GroupPhase::Answering { .. } => Some(session.seconds_left(now)),
            _ => None,
        };
        let view = coach::PresenterView {
            seconds_left,
            spinning: session.spinning_name(now),
            report: run.report.as_ref(),
            exported: run.exported.as_deref(),
            scoring: run.waiting.is_some(),
            saved: run.saved.as_ref(),
            confirm_end: run.confirm_end,
            focus_main,
        };
        coach::presenter_ui(ui, session, &view, &mut run.input)
    }

    fn drill_screen_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mic_problem = self.shell.mic_problem();
        let leave_note = self.leave_note();
        let next_in_today = self.next_in_today();
        let Some(run) = self.place.drill_mut() else { return Some(Command::Shell(ShellCommand::GoHome)) };
        match run.drill.phase() {
            Phase::Answering { .. } | Phase::Paused { .. } => {
                let view = drill::DrillView {
                    now_ms: self.shell.now_ms,
                    leave_note,
                    quitting: run.quit_after_leaving,
                    focus_answer: std::mem::take(&mut self.shell.focus_answer),
                    recording: run.recording(),
                    mic_problem,
                };
                drill::drill_ui(ui, &run.drill, &mut run.draft, view)
            }
            Phase::Scoring { .. } => drill::scoring_ui(ui, &run.drill),
            Phase::Scored { .. } => {
                let recording = run.recording_of_last().map(std::path::Path::to_path_buf);
                score_card::score_card_ui(ui, &run.drill, &mut run.self_ticks, recording.as_deref())
            }
            Phase::Finished | Phase::Abandoned | Phase::Briefing => {
                let view = summary::SummaryView {
                    recordings: run.recordings.iter().map(|r| r.path.clone()).collect(),
                    next_in_today,
                    test_play: run.is_test_play(),
                };
                summary::summary_ui(ui, &run.drill, &view)
            }
        }
    }
}

/// Label of the top bar's menu in a narrow window (the places and the look go in it).
pub const MENU_LABEL: &str = "Menu";

/// A button for each place; returns the command of the one clicked.
fn places_ui(ui: &mut egui::Ui, places: &[(&str, &str, Command)], free: bool) -> Option<Command> {
    let mut command = None;
    for (text, hover, c) in places {
        let b = ui.add_enabled(free, egui::Button::new(*text));
        let b = if hover.is_empty() { b } else { b.on_hover_text(*hover) };
        if b.clicked() {
            command = Some(c.clone());
        }
    }
    command
}

/// How wide the top bar is on one row with every control showing (points).
fn full_bar_width(ui: &egui::Ui, places: &[(&str, &str, Command)]) -> f32 {
    let spacing = ui.spacing();
    let text_width = |text: &str, style: egui::TextStyle| {
        egui::WidgetText::from(text).into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style).size().x
    };
    let button = |text: &str| text_width(text, egui::TextStyle::Button) + 2.0 * spacing.button_padding.x;
    let title = egui::RichText::new("FollowThrough").size(theme::HEADING).strong();
    let title_width = egui::WidgetText::from(title)
        .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Body)
        .size()
        .x;
    let controls = crate::ui::settings::BAR_CONTROLS;
    let widths = places.iter().map(|(text, _, _)| button(text)).chain(controls.iter().map(|text| button(text)));
    let count = places.len() + controls.len() + 2;
    title_width + theme::GAP + widths.sum::<f32>() + spacing.interact_size.y + count as f32 * spacing.item_spacing.x
}

/// `text` with its first letter in capitals, to begin a line.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

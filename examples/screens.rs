//! A tour of every screen in the real window, for `scripts/screens.sh`: the app as
//! `followthrough` opens it (eframe, glow, the start-up on another thread), driven like a person
//! would (clicks on widgets found by their accessible labels, typed text, keys) and photographed
//! by the renderer itself (`ViewportCommand::Screenshot`) after each step has settled.
//!
//! `cargo run --release --example screens -- SCENARIOS DATA OUT PREFIX WIDTHxHEIGHT SCALE`
//! writes `OUT/PREFIX-<screen>.ppm` (the script turns them into small PNGs). It exits 1, naming
//! the step, when a widget it needs is not on the screen. With `SCREENS_IDLE_S=N` it also leaves
//! each screen alone after its picture (once the author tests are done) and prints the CPU the
//! process used and the frames it drew over N seconds, counted from half a second after the step
//! (`scripts/measure.sh` reports them).

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use egui::{Event, Key, Modifiers};
use followthrough::core::drill::Phase;
use followthrough::ui::app::{
    Command, FollowThroughApp, QuizCommand, RehearsalCommand, ReportingCommand, ShellCommand, TeamSource,
    TrainerCommand,
};
use followthrough::ui::settings::Settings;

/// Seconds a step is given to settle (animations, the scoring worker's card) before the next.
const SETTLE_S: f64 = 0.6;

/// Frames a step is given to settle, however slow they are.
const SETTLE_FRAMES: u32 = 4;

/// Settles to wait for a widget before the step fails.
const MAX_MISSES: u32 = 15;

/// One thing the tour does.
#[derive(Debug, Clone)]
enum Step {
    /// Click the widget with this accessible label.
    Click(&'static str),
    /// Type into the widget that has the keyboard.
    Type(String),
    /// Press a key.
    Key(Key, Modifiers),
    /// Apply a command, as a button would.
    Apply(Command),
    /// Answer every turn of the running drill until its summary shows.
    FinishDrill,
    /// Wait (a few seconds at most) until a widget with this label shows, then go on.
    WaitFor(&'static str),
    /// Photograph the window as `PREFIX-<name>.ppm`.
    Shot(&'static str),
    /// Photograph only when the top bar shows its menu (a narrow window or large text).
    ShotIfMenu(&'static str),
}

/// Accessible labels and places of the last frame's widgets (filled by [`Eyes`]).
type Seen = Arc<Mutex<Vec<(String, egui::Rect)>>>;

/// Reads the accessibility tree egui hands to the window after each frame.
struct Eyes(Seen);

impl egui::Plugin for Eyes {
    fn debug_name(&self) -> &'static str {
        "screens-eyes"
    }

    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut egui::FullOutput) {
        let Some(update) = &output.platform_output.accesskit_update else { return };
        // A widget is known by its label, its text, or the text of the label naming it.
        let text =
            |node: &egui::accesskit::Node| node.label().or(node.value()).filter(|t| !t.is_empty()).map(str::to_string);
        let texts: std::collections::HashMap<_, _> =
            update.nodes.iter().filter_map(|(id, node)| Some((*id, text(node)?))).collect();
        let seen = update
            .nodes
            .iter()
            .filter_map(|(_, node)| {
                let by = || node.labelled_by().iter().find_map(|id| texts.get(id).cloned());
                let name = if node.labelled_by().is_empty() { text(node) } else { by() }?;
                let b = node.bounds()?;
                let rect = egui::Rect::from_min_max(
                    egui::pos2(b.x0 as f32, b.y0 as f32),
                    egui::pos2(b.x1 as f32, b.y1 as f32),
                );
                let plain = matches!(node.role(), egui::accesskit::Role::Label | egui::accesskit::Role::TextRun);
                Some((name, rect, plain))
            })
            .collect::<Vec<_>>();
        // Controls come before plain text, so a click on "Your answer" goes to the box it names.
        let mut seen: Vec<(String, egui::Rect)> = seen
            .iter()
            .filter(|(_, _, plain)| !plain)
            .chain(seen.iter().filter(|(_, _, plain)| *plain))
            .map(|(name, rect, _)| (name.clone(), *rect))
            .collect();
        seen.dedup();
        if let Ok(mut s) = self.0.lock() {
            *s = seen;
        }
    }
}

struct Tour {
    app: FollowThroughApp,
    steps: VecDeque<Step>,
    seen: Seen,
    input: Vec<Event>,
    next_at: f64,
    /// Times in a row the widget a step needs was not there yet.
    misses: u32,
    /// Frames drawn since the last step (the labels seen are a frame behind).
    frames: u32,
    shooting: Option<Arc<AtomicBool>>,
    out: PathBuf,
    prefix: String,
    failed: bool,
    /// Seconds to leave each screen alone after its picture, measuring the CPU it uses
    /// (`SCREENS_IDLE_S`; None: no measuring).
    idle_s: Option<f64>,
    /// The screen photographed last, to be measured once its picture is taken.
    to_measure: Option<String>,
    /// The measuring under way.
    idle: Option<IdleWindow>,
    /// The pointer is still where the tour last clicked (the widget under it would show a hover
    /// outline that looks like focus in the next picture).
    pointer_on_window: bool,
}

/// A screen left alone: nothing is clicked or typed and the tour asks for no frames, so any
/// frame drawn and any CPU used is the app's own doing. A thread of its own measures it, from
/// [`SETTLE_BEFORE_IDLE_S`] after the step's last frame (which is the step's work, not idling) to
/// the end of the window, and then wakes the tour (that frame is not counted either).
struct IdleWindow {
    name: String,
    /// Set while the thread measures: frames drawn meanwhile count.
    counting: Arc<AtomicBool>,
    /// The CPU used (percent of a core) and the seconds measured, once done.
    result: Arc<Mutex<Option<(f64, f64)>>>,
    frames: u32,
    /// Frames drawn before the measuring began (a step's own follow-up frames).
    settling_frames: u32,
}

/// Seconds between a screen's last step and the start of its idle measurement.
const SETTLE_BEFORE_IDLE_S: f64 = 0.5;

/// Screens with a countdown running: they repaint once a second by design.
const CLOCK_SCREENS: [&str; 2] = ["drill", "coach-answering"];

/// CPU time used by this process so far (all threads), in clock ticks, from /proc/self/stat.
fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces): state is the first, utime the 12th.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let field = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    field(11) + field(12)
}

/// Clock ticks a second (`getconf CLK_TCK`; 100 on Linux when it cannot be asked).
fn ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(100.0)
}

impl eframe::App for Tour {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.ctx().enable_accesskit();
        self.app.ui_root(ui);
        let now = ui.input(|i| i.time);
        if self.shooting.as_ref().is_some_and(|done| !done.load(Ordering::SeqCst)) {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        self.shooting = None;
        if self.measure_idle(ui.ctx()) {
            return;
        }
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        self.frames += 1;
        if now < self.next_at || self.frames < SETTLE_FRAMES || self.app.loading() || self.app.scoring() {
            return;
        }
        let Some(step) = self.steps.pop_front() else {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        };
        self.next_at = now + SETTLE_S;
        self.frames = 0;
        if let Err(why) = self.take(ui.ctx(), step.clone()) {
            eprintln!("screens: {step:?} on {:?}: {why}", self.app.screen());
            self.failed = true;
            self.steps.clear();
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // Xvfb has no window manager to give the window the keyboard; a person's window has it,
        // and egui draws (and honours) a widget's focus only in a focused window.
        raw_input.focused = true;
        raw_input.events.append(&mut self.input);
    }
}

impl Tour {
    /// Leave the screen just photographed alone for `idle_s` and print the CPU it used and the
    /// frames it drew; true while that is under way (the tour then does nothing else).
    fn measure_idle(&mut self, ctx: &egui::Context) -> bool {
        let Some(idle_s) = self.idle_s else { return false };
        if let Some(window) = &mut self.idle {
            let done = window.result.lock().ok().and_then(|r| *r);
            let Some((cpu, seconds)) = done else {
                if window.counting.load(Ordering::SeqCst) {
                    window.frames += 1;
                } else {
                    window.settling_frames += 1;
                }
                return true;
            };
            let why = if CLOCK_SCREENS.contains(&window.name.as_str()) { " (a countdown is running)" } else { "" };
            let settling = match window.settling_frames {
                0 => String::new(),
                n => format!(", {n} more just after the step"),
            };
            println!(
                "screens: idle CPU on {} over {seconds:.0} s: {cpu:.1}%, {} frames drawn{why}{settling}",
                window.name, window.frames
            );
            self.idle = None;
            return false;
        }
        let Some(name) = self.to_measure.clone() else { return false };
        // The library's author tests run on a thread after start-up: wait until they are done.
        if self.app.checking_author_tests() {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
            return true;
        }
        self.to_measure = None;
        let counting = Arc::new(AtomicBool::new(false));
        let result = Arc::new(Mutex::new(None));
        let (flag, out, ctx) = (Arc::clone(&counting), Arc::clone(&result), ctx.clone());
        let per_second = ticks_per_second();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs_f64(SETTLE_BEFORE_IDLE_S));
            let (ticks, started) = (cpu_ticks(), std::time::Instant::now());
            flag.store(true, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_secs_f64(idle_s));
            let used = cpu_ticks().saturating_sub(ticks) as f64 / per_second;
            let seconds = started.elapsed().as_secs_f64();
            flag.store(false, Ordering::SeqCst);
            if let Ok(mut out) = out.lock() {
                *out = Some((used / seconds * 100.0, seconds));
            }
            ctx.request_repaint();
        });
        self.idle = Some(IdleWindow { name, counting, result, frames: 0, settling_frames: 0 });
        true
    }

    fn take(&mut self, ctx: &egui::Context, step: Step) -> Result<(), String> {
        match step {
            Step::Click(label) | Step::WaitFor(label) if self.find(label).is_none() && self.misses < MAX_MISSES => {
                // Not there yet (a spin, a card on its way): look again after the next settle.
                self.misses += 1;
                self.steps.push_front(step);
            }
            Step::Click(label) => {
                self.misses = 0;
                self.click(label)?;
            }
            Step::WaitFor(label) => {
                // Below the fold it is not in the tree: go on after the wait anyway.
                if self.misses >= MAX_MISSES {
                    eprintln!("screens: \"{label}\" did not show on {:?}; going on", self.app.screen());
                }
                self.misses = 0;
            }
            Step::Type(text) => self.input.push(Event::Text(text)),
            Step::Key(key, modifiers) => self.key(key, modifiers),
            Step::Apply(command) => self.app.apply(command),
            Step::FinishDrill => self.answer_or_go_on()?,
            Step::Shot(name) if self.pointer_on_window => {
                // Take the pointer off the window, and the picture once that has settled.
                self.input.push(Event::PointerGone);
                self.pointer_on_window = false;
                self.steps.push_front(Step::Shot(name));
            }
            Step::Shot(name) => self.shoot(ctx, name),
            Step::ShotIfMenu(name) => {
                if self.find(followthrough::ui::app::MENU_LABEL).is_some() {
                    self.click(followthrough::ui::app::MENU_LABEL)?;
                    self.steps.push_front(Step::Key(Key::Escape, Modifiers::NONE));
                    self.steps.push_front(Step::Shot(name));
                }
            }
        }
        Ok(())
    }

    fn find(&self, label: &str) -> Option<egui::Rect> {
        let seen = self.seen.lock().ok()?;
        seen.iter().find(|(l, _)| l == label).map(|(_, r)| *r)
    }

    fn click(&mut self, label: &str) -> Result<(), String> {
        let Some(rect) = self.find(label) else {
            let seen = self.seen.lock().map(|s| s.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>());
            return Err(format!("no \"{label}\" on the screen, only {seen:?}"));
        };
        let pos = rect.center();
        if std::env::var_os("SCREENS_DEBUG").is_some() {
            let seen =
                self.seen.lock().map(|s| s.iter().filter(|(l, _)| l == label).map(|(_, r)| *r).collect::<Vec<_>>());
            eprintln!("screens: click {label} at {pos:?} of {seen:?}");
        }
        self.input.push(Event::PointerMoved(pos));
        self.pointer_on_window = true;
        for pressed in [true, false] {
            let button = egui::PointerButton::Primary;
            self.input.push(Event::PointerButton { pos, button, pressed, modifiers: Modifiers::NONE });
        }
        Ok(())
    }

    fn key(&mut self, key: Key, modifiers: Modifiers) {
        for pressed in [true, false] {
            self.input.push(Event::Key { key, physical_key: None, pressed, repeat: false, modifiers });
        }
    }

    /// On a turn: type an answer (the model answer after the first turn) and send it; on a score
    /// card: go on; until the summary shows.
    fn answer_or_go_on(&mut self) -> Result<(), String> {
        let drill = self.app.drill().ok_or("no drill is running")?;
        match drill.phase() {
            Phase::Answering { turn, .. } => {
                let answer = drill.scenario().turns[*turn].model_answer.clone();
                self.steps.push_front(Step::FinishDrill);
                self.steps.push_front(Step::Key(Key::Enter, Modifiers::COMMAND));
                self.steps.push_front(Step::Type(answer));
                self.click(followthrough::ui::drill::ANSWER_LABEL)?;
            }
            Phase::Scored { .. } => {
                self.steps.push_front(Step::FinishDrill);
                self.key(Key::Enter, Modifiers::NONE);
            }
            Phase::Finished | Phase::Abandoned => {}
            other => return Err(format!("the drill is at {other:?}")),
        }
        Ok(())
    }

    fn shoot(&mut self, ctx: &egui::Context, name: &str) {
        let done = Arc::new(AtomicBool::new(false));
        let path = self.out.join(format!("{}-{name}.ppm", self.prefix));
        let flag = done.clone();
        let callback = egui::ScreenshotCallback::new(move |image| {
            if let Err(e) = write_ppm(&path, &image) {
                eprintln!("screens: {}: {e}", path.display());
            }
            flag.store(true, Ordering::SeqCst);
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
        self.shooting = Some(done);
        if self.idle_s.is_some() {
            self.to_measure = Some(name.to_string());
        }
    }
}

/// The picture as a binary PPM (RGB, no alpha).
fn write_ppm(path: &Path, image: &egui::ColorImage) -> std::io::Result<()> {
    let [w, h] = image.size;
    let mut bytes = format!("P6\n{w} {h}\n255\n").into_bytes();
    for p in &image.pixels {
        bytes.extend_from_slice(&[p.r(), p.g(), p.b()]);
    }
    std::fs::write(path, bytes)?;
    println!("screens: {}", path.display());
    Ok(())
}

/// A new learner's first look: Home before and after they make a profile (and the top bar's menu
/// in a narrow window).
fn first_steps() -> Vec<Step> {
    use Step::{Key as K, Shot, ShotIfMenu, Type};
    vec![Shot("home-new"), Type("Dana".into()), K(Key::Enter, Modifiers::NONE), Shot("home-today"), ShotIfMenu("menu")]
}

/// Every other screen, on the scenario Today gave the learner first: rehearsal, the briefing, a
/// drill to its summary, progress, the quiz, the team, the trainer's screens, then coach mode
/// with the learner and a walk-in.
fn steps_on(id: &str) -> Vec<Step> {
    use Step::{Apply, Click, FinishDrill, Key as K, Shot, Type, WaitFor};
    let answer = followthrough::ui::drill::ANSWER_LABEL;
    vec![
        Apply(Command::Rehearsal(RehearsalCommand::Open(id.into()))),
        Shot("rehearsal"),
        Click(followthrough::ui::rehearse::RECITE_LABEL),
        Type("I'm sorry, I said I would call".into()),
        K(Key::Enter, Modifiers::COMMAND),
        Shot("rehearsal-checked"),
        Apply(Command::Shell(ShellCommand::OpenBriefing(id.into()))),
        Shot("briefing"),
        Click(followthrough::ui::briefing::START_PRACTICE),
        Click(answer),
        Type("I'm sorry, that one is on me. I'll ring you back at four today with the answer.".into()),
        Shot("drill"),
        // Esc asks before leaving; Esc again keeps going.
        K(Key::Escape, Modifiers::NONE),
        WaitFor(followthrough::ui::drill::LEAVE_TITLE),
        Shot("leave-drill"),
        K(Key::Escape, Modifiers::NONE),
        K(Key::Enter, Modifiers::COMMAND),
        Shot("score-card"),
        FinishDrill,
        Shot("summary"),
        Apply(Command::Shell(ShellCommand::GoHome)),
        Apply(Command::Shell(ShellCommand::ShowProgress)),
        Shot("progress"),
        Apply(Command::Quiz(QuizCommand::Start)),
        Apply(Command::Quiz(QuizCommand::Answer(0))),
        Shot("quiz"),
        Apply(Command::Reporting(ReportingCommand::ShowTeam(TeamSource::Store))),
        Shot("team"),
        Apply(Command::Trainer(TrainerCommand::ShowAuthoring)),
        Shot("authoring"),
        Apply(Command::Trainer(TrainerCommand::OpenSandbox(id.into()))),
        Click(followthrough::ui::sandbox::SANDBOX_LABEL),
        Type("Sorry about that, I'll call you back tomorrow.".into()),
        Shot("try-a-response"),
        Apply(Command::Trainer(TrainerCommand::ShowTestPlay(id.into()))),
        Shot("test-play"),
        Apply(Command::Shell(ShellCommand::ShowProblems)),
        Shot("problems"),
        Apply(Command::Coach(followthrough::ui::app::CoachCommand::ShowSetup)),
        Click("Dana"),
        Click(followthrough::ui::coach::WALK_IN_LABEL),
        Type("Ben".into()),
        Click("Add walk-in"),
        Shot("coach-setup"),
        Click("Start the session"),
        Shot("coach-briefing"),
        // The begin button has the keyboard (it may be below the fold at a large text size).
        WaitFor(followthrough::ui::coach::BEGIN_LABEL),
        K(Key::Enter, Modifiers::NONE),
        Click(followthrough::ui::coach::PICK_LABEL),
        WaitFor(followthrough::ui::coach::TYPED_LABEL),
        Shot("coach-answering"),
        Click(followthrough::ui::coach::TYPED_LABEL),
        Type("I'm so sorry, that's my mistake. I'll call you at three with news.".into()),
        // As the button below the answer box does (it may be below the fold at a large text size).
        Apply(Command::Coach(followthrough::ui::app::CoachCommand::Answered)),
        WaitFor(followthrough::ui::coach::SAVE_LABEL),
        Shot("coach-scoring"),
        // "Save the score" has the keyboard; then end the session and read its report.
        K(Key::Enter, Modifiers::NONE),
        Click(followthrough::ui::coach::END_LABEL),
        WaitFor(followthrough::ui::coach::END_CONFIRM_LABEL),
        Shot("end-session"),
        K(Key::Enter, Modifiers::NONE),
        WaitFor("Session report"),
        Shot("coach-report"),
    ]
}

fn main() -> eframe::Result {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [scenarios, data, out, prefix, size, scale] = args.as_slice() else {
        eprintln!("usage: screens SCENARIOS DATA OUT PREFIX WIDTHxHEIGHT SCALE");
        std::process::exit(2);
    };
    let (w, h) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse::<f32>().ok()?, h.parse::<f32>().ok()?)))
        .unwrap_or((1280.0, 800.0));
    let settings = Settings { text_scale: scale.parse().unwrap_or(1.0), ..Settings::default() };
    let seen: Seen = Arc::default();
    let failed = Arc::new(AtomicBool::new(false));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(followthrough::ui::WINDOW_TITLE)
            .with_position([0.0, 0.0])
            .with_inner_size([w, h]),
        // Never eframe's own place (~/.local/share/followthrough): a window size saved by an earlier
        // tour would come back and override the one asked for here.
        persistence_path: Some(Path::new(data).join("ui")),
        persist_window: false,
        ..Default::default()
    };
    let (scenarios, data, out, prefix) =
        (PathBuf::from(scenarios), PathBuf::from(data), PathBuf::from(out), prefix.clone());
    let failed_out = failed.clone();
    let result = eframe::run_native(
        followthrough::ui::WINDOW_TITLE,
        options,
        Box::new(move |cc| {
            cc.egui_ctx.add_plugin(Eyes(seen.clone()));
            settings.apply(&cc.egui_ctx);
            // Sound as the app opens it, so the pictures show what this machine's sound device allows.
            let sounds =
                followthrough::io::scenario_files::assets_dir_for(&scenarios.join("x")).map(|a| a.join("sounds"));
            let app = FollowThroughApp::open_in_background(scenarios, data)
                .with_settings(settings)
                .with_audio_after_first_frame(sounds);
            Ok(Box::new(Guard {
                tour: Tour {
                    app,
                    steps: first_steps().into(),
                    seen,
                    input: Vec::new(),
                    next_at: 1.0,
                    frames: 0,
                    misses: 0,
                    shooting: None,
                    out,
                    prefix,
                    failed: false,
                    idle_s: std::env::var("SCREENS_IDLE_S").ok().and_then(|s| s.parse().ok()),
                    to_measure: None,
                    idle: None,
                    pointer_on_window: false,
                },
                failed: failed_out,
                second_half: false,
            }))
        }),
    );
    if failed.load(Ordering::SeqCst) {
        std::process::exit(1);
    }
    result
}

/// The tour, and once the learner's drill has shown which scenario Today gave them, the steps
/// on that scenario.
struct Guard {
    tour: Tour,
    failed: Arc<AtomicBool>,
    second_half: bool,
}

impl eframe::App for Guard {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let first = self.tour.app.today().and_then(|plan| plan.today.first()).map(|item| item.id.clone());
        if !self.second_half
            && self.tour.steps.is_empty()
            && let Some(id) = first
        {
            self.tour.steps.extend(steps_on(&id));
            self.second_half = true;
        }
        self.tour.ui(ui, frame);
        if self.tour.failed {
            self.failed.store(true, Ordering::SeqCst);
        }
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.tour.raw_input_hook(ctx, raw_input);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        followthrough::ui::theme::clear_color(visuals)
    }
}

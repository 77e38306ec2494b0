//! Every screen fits its window: driven to each screen, the window is resized to 1024x600,
//! 1280x800, 1920x1080 and 2560x1440 at every text scale the app offers, and no widget may reach past
//! the window's right edge (content wider than the window is cut off mid-word, and its scrollbar
//! leaves the screen).

mod common;

use common::{TestFolder, create_profile, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use followthrough::ui::app::{Command, FollowThroughApp, ReportingCommand, Screen, ShellCommand, TeamSource};
use followthrough::ui::settings::TEXT_SCALES;

/// Window sizes a learner or a projector uses (points at 1 pixel per point).
const SIZES: [[f32; 2]; 4] = [[1024.0, 600.0], [1280.0, 800.0], [1920.0, 1080.0], [2560.0, 1440.0]];

/// The size the flows are driven at between checks.
const DRIVE_SIZE: [f32; 2] = [1000.0, 700.0];

/// The long title of the wordy scenario.
const WORDY_TITLE: &str =
    "A refund promised for Friday that did not arrive, and the customer has rung three times since";

/// A scenario whose words are long enough to need wrapping everywhere.
fn wordy_folder() -> TestFolder {
    let folder = TestFolder::with_minimal_scenario();
    let minimal = std::fs::read_to_string(folder.dir.path().join("minimal.ron")).expect("fixture");
    let wordy = minimal
        .replace("id: \"minimal\"", "id: \"wordy\"")
        .replace("title: \"Minimal call-back\"", &format!("title: \"{WORDY_TITLE}\""))
        .replace(
            "You said you'd call by two.",
            "You said you'd call by two, and it is half past now, and I have been sitting by the phone all afternoon \
             waiting for someone from your team to tell me whether the refund has gone through or not.",
        );
    folder.write("wordy.ron", &wordy);
    folder
}

/// Set the text scale through the same command as the A+/A- buttons.
fn set_scale(harness: &mut Harness<'static, FollowThroughApp>, scale: f32) {
    let mut settings = harness.state().settings();
    settings.text_scale = scale;
    harness.state_mut().apply(Command::Shell(ShellCommand::ChangeSettings(settings)));
    harness.run();
}

/// Widgets reaching past the window's right edge, named, at the size and scale showing now.
fn too_wide(harness: &Harness<'static, FollowThroughApp>) -> Vec<String> {
    let right = harness.ctx.content_rect().right() + 1.0;
    harness
        .query_all_by(|node| node.bounding_box().is_some())
        .filter(|node| node.rect().right() > right && node.rect().width() > 0.0)
        .map(|node| {
            let label = node.accesskit_node().label().unwrap_or_default();
            let value = node.accesskit_node().value().unwrap_or_default();
            let role = node.accesskit_node().role();
            format!("{role:?} \"{label}{value}\" reaches x={:.0} of {:.0} points", node.rect().right(), right - 1.0)
        })
        .collect()
}

/// Check the screen showing now at every size and every text scale; panics naming what sticks
/// out. Leaves the harness as it found it.
fn assert_fits(harness: &mut Harness<'static, FollowThroughApp>, what: &str) {
    let mut problems = Vec::new();
    for scale in TEXT_SCALES {
        set_scale(harness, scale);
        for size in SIZES {
            // kittest's window is measured in points: a 1024-pixel window at 2.5x is 410 points.
            harness.set_size(egui::Vec2::from(size) / scale);
            harness.run();
            problems.extend(too_wide(harness).into_iter().map(|p| format!("{}x{} at {scale}x: {p}", size[0], size[1])));
        }
    }
    harness.set_size(egui::Vec2::from(DRIVE_SIZE));
    set_scale(harness, 1.0);
    assert!(problems.is_empty(), "{what} is wider than the window:\n{}", problems.join("\n"));
}

fn with_profile(folder: &TestFolder) -> Harness<'static, FollowThroughApp> {
    let mut harness = folder.harness();
    harness.run();
    create_profile(&mut harness, "Dana");
    harness
}

fn answer(harness: &mut Harness<'static, FollowThroughApp>, text: &str) {
    harness.get_by_label("Your answer").type_text(text);
    harness.run();
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
}

#[test]
fn home_fits_before_and_after_a_profile_exists() {
    let folder = wordy_folder();
    let mut harness = folder.harness();
    harness.run();
    assert!(harness.state().library().scenario("wordy").is_some(), "{}", harness.state().status());
    assert_fits(&mut harness, "Home without a profile");
    create_profile(&mut harness, "Dana");
    harness.get_by_label("Today");
    assert_fits(&mut harness, "Home with today's plan");
}

#[test]
fn briefing_fits() {
    let folder = wordy_folder();
    let mut harness = with_profile(&folder);
    harness.get_by_label(WORDY_TITLE).click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Briefing("wordy".into()));
    assert_fits(&mut harness, "the briefing");
}

#[test]
fn drill_score_card_and_summary_fit() {
    let folder = wordy_folder();
    let mut harness = with_profile(&folder);
    harness.get_by_label(WORDY_TITLE).click();
    harness.run();
    harness.get_by_label("Start practice").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Drill);
    assert_fits(&mut harness, "the drill");
    answer(&mut harness, "I'm sorry, that's my fault. I'll call you at 4pm.");
    assert_fits(&mut harness, "the score card");
    harness.get_by_label("Next turn (Enter)").click();
    harness.run();
    answer(&mut harness, "Four o'clock today, I'll call you at 4pm.");
    harness.get_by_label("See the summary (Enter)").click();
    harness.run();
    assert_fits(&mut harness, "the summary");
}

#[test]
fn progress_fits_with_a_drill_recorded() {
    let folder = wordy_folder();
    let mut harness = progress_with_a_drill(&folder);
    assert_fits(&mut harness, "Progress");
}

/// Dana's Progress screen after one drill of the wordy scenario.
fn progress_with_a_drill(folder: &TestFolder) -> Harness<'static, FollowThroughApp> {
    let mut harness = with_profile(folder);
    harness.get_by_label(WORDY_TITLE).click();
    harness.run();
    harness.get_by_label("Start practice").click();
    harness.run();
    answer(&mut harness, "I'm sorry, that's my fault. I'll call you at 4pm.");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.state_mut().apply(Command::Shell(ShellCommand::GoHome));
    harness.run();
    harness.get_by_label("My progress").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Progress);
    harness
}

#[test]
fn at_the_largest_text_in_a_small_window_the_progress_chart_can_be_scrolled_into_view() {
    let folder = wordy_folder();
    let mut harness = progress_with_a_drill(&folder);
    harness.remove_cursor();
    let largest = *TEXT_SCALES.last().expect("scales");
    set_scale(&mut harness, largest);
    harness.set_size(egui::vec2(1024.0, 600.0) / largest);
    harness.run();
    // The heading and the settings fill the view: a scroll bar says there is more below them.
    let (_, seen) = visible_scroll_bars(&harness);
    assert!(!seen.is_empty(), "no visible scroll bar on a Progress screen cut off at the bottom");
    let heading = "Score over time, per behaviour";
    harness.get_by_label(heading).scroll_to_me();
    harness.run();
    let top = harness.get_by_label("A+").rect().bottom();
    let bottom = harness.ctx.content_rect().bottom();
    let shown = harness.get_by_label(heading).rect();
    assert!(
        shown.top() >= top && shown.bottom() <= bottom,
        "the chart's heading at {shown:?}, not within {top}..{bottom}"
    );
}

#[test]
fn problems_fit() {
    let folder = wordy_folder();
    folder.write("broken.ron", "Scenario(\n  format_version: 1,\n  id: \"broken\"\n  title: \"x\",\n)");
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Scenario problems").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Problems);
    assert_fits(&mut harness, "the problems list");
}

#[test]
fn rehearsal_and_quiz_fit() {
    let folder = wordy_folder();
    let mut harness = with_profile(&folder);
    harness.get_by_label(&format!("Rehearse: {WORDY_TITLE}")).click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Rehearse);
    assert_fits(&mut harness, "rehearsal");
    harness.state_mut().apply(Command::Shell(ShellCommand::GoHome));
    harness.run();
    harness.get_by_label("Know the play quiz").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Quiz);
    assert_fits(&mut harness, "the quiz");
}

#[test]
fn authoring_and_try_a_response_fit() {
    let folder = wordy_folder();
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Authoring").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Authoring);
    assert_fits(&mut harness, "Authoring");
    harness.get_by_label("Try a response to wordy").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Sandbox);
    assert_fits(&mut harness, "try a response");
}

#[test]
fn test_play_map_fits() {
    let folder = wordy_folder();
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Authoring").click();
    harness.run();
    harness.get_by_label("Test-play wordy").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::TestPlay("wordy".into()));
    assert_fits(&mut harness, "the test-play map");
}

/// Two profiles, Ana and Ben, and the coach's set-up screen open.
fn open_coach_setup_with_ana_and_ben(harness: &mut Harness<'static, FollowThroughApp>) {
    harness.run();
    for name in ["Ana", "Ben"] {
        create_profile(harness, name);
    }
    harness.get_by_label("Coach a group").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::CoachSetup);
}

#[test]
fn coach_setup_and_presenter_fit() {
    let folder = wordy_folder();
    let mut harness = folder.harness();
    open_coach_setup_with_ana_and_ben(&mut harness);
    for name in ["Ana", "Ben"] {
        harness.get_by_label(name).click();
        harness.run();
    }
    type_into(&mut harness, followthrough::ui::coach::WALK_IN_LABEL, "Dee");
    harness.get_by_label("Add walk-in").click();
    harness.run();
    assert_fits(&mut harness, "coach setup");
    harness.get_by_label("Start the session").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Coach);
    assert_fits(&mut harness, "the presenter view");
}

#[test]
fn the_top_bar_leaves_the_screen_most_of_a_small_window_at_the_largest_text() {
    let folder = wordy_folder();
    let mut harness = with_profile(&folder);
    let largest = *TEXT_SCALES.last().expect("scales");
    set_scale(&mut harness, largest);
    harness.set_size(egui::vec2(1024.0, 600.0) / largest);
    harness.run();
    let height = harness.ctx.content_rect().height();
    let bar_bottom = harness.get_by_label("A+").rect().bottom();
    assert!(
        bar_bottom <= 0.15 * height,
        "the top bar ends {bar_bottom:.0} points down a window {height:.0} points high"
    );
    // The places are a click away, in the menu.
    harness.get_by_label(followthrough::ui::app::MENU_LABEL).click();
    harness.run();
    harness.get_by_label("Authoring").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Authoring);
}

#[test]
fn at_the_largest_text_in_a_small_window_a_turn_opens_on_the_customers_words_and_the_answer_box() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    let largest = *TEXT_SCALES.last().expect("scales");
    set_scale(&mut harness, largest);
    harness.set_size(egui::vec2(1024.0, 600.0) / largest);
    harness.state_mut().apply(Command::Shell(ShellCommand::OpenBriefing("minimal".into())));
    harness.run();
    harness.get_by_label("Start practice").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Drill);
    // The buttons stay at the bottom; above them the customer's words and the answer box show,
    // with the title and the clock scrolled up out of the way.
    let bar_bottom = harness.get_by_label("A+").rect().bottom();
    let buttons_top = harness.get_by_label("Send answer (Ctrl+Enter)").rect().top();
    // In so short a window who speaks and what they say are one paragraph.
    let line = harness.get_by_label("Ms Lee says: You said you'd call by two.").rect();
    assert!(
        line.top() >= bar_bottom && line.bottom() <= buttons_top,
        "the customer's words at {line:?}, between the top bar ({bar_bottom}) and the buttons ({buttons_top})"
    );
    let answer = harness.get_by_label(followthrough::ui::drill::ANSWER_LABEL).rect();
    assert!(answer.top() < buttons_top, "the answer box starts above the buttons: {answer:?} vs {buttons_top}");
}

/// Whether `text` is the drill's clock ("1:05", "0:09 (paused)").
fn is_clock(text: &str) -> bool {
    let time = text.split(' ').next().unwrap_or_default();
    let Some((minutes, seconds)) = time.split_once(':') else { return false };
    !minutes.is_empty()
        && minutes.chars().all(|c| c.is_ascii_digit())
        && seconds.len() == 2
        && seconds.chars().all(|c| c.is_ascii_digit())
}

#[test]
fn at_the_largest_text_in_a_small_window_a_long_customer_line_leaves_the_answer_box_and_the_clock_in_view() {
    let folder = wordy_folder();
    let mut harness = with_profile(&folder);
    let largest = *TEXT_SCALES.last().expect("scales");
    set_scale(&mut harness, largest);
    harness.set_size(egui::vec2(1024.0, 600.0) / largest);
    harness.state_mut().apply(Command::Shell(ShellCommand::OpenBriefing("wordy".into())));
    harness.run();
    harness.get_by_label("Start practice").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Drill);
    for typed in ["", "I'm so sorry about the wait.\nI will ring you back by four."] {
        if !typed.is_empty() {
            harness.get_by_label(followthrough::ui::drill::ANSWER_LABEL).type_text(typed);
            harness.run();
        }
        let window = harness.ctx.content_rect();
        let bar_bottom = harness.get_by_label("A+").rect().bottom();
        let buttons_top = harness.get_by_label("Send answer (Ctrl+Enter)").rect().top();
        let answer = harness.get_by_label(followthrough::ui::drill::ANSWER_LABEL).rect();
        assert!(
            answer.top() >= bar_bottom && answer.bottom() <= buttons_top.min(window.bottom()),
            "typed {typed:?}: the answer box at {answer:?} is not wholly between the top bar ({bar_bottom}) and \
             the buttons ({buttons_top})"
        );
        let two_lines = 2.0 * followthrough::ui::theme::BODY;
        assert!(answer.height() >= two_lines, "typed {typed:?}: the answer box is {:.0} points high", answer.height());
        let clocks: Vec<egui::Rect> = harness
            .query_all_by(|node| node.label().or_else(|| node.value()).is_some_and(|text| is_clock(&text)))
            .map(|node| node.rect())
            .collect();
        let clock = clocks.first().unwrap_or_else(|| panic!("typed {typed:?}: no clock on the drill"));
        assert!(
            clock.top() >= bar_bottom && clock.bottom() <= window.bottom(),
            "typed {typed:?}: the clock at {clock:?} is out of view (top bar ends at {bar_bottom})"
        );
        // The customer's words start in view (below the clock, above the answer box): the
        // learner reads their first line without scrolling.
        let words = harness.get_by_label_contains(" says: ").rect();
        assert!(
            words.top() >= clock.bottom() && words.top() + followthrough::ui::theme::BODY <= answer.top(),
            "typed {typed:?}: the customer's words start at {words:?}, not in view between the clock              ({clock:?}) and the answer box ({answer:?})"
        );
    }
}

#[test]
fn team_fits() {
    let folder = wordy_folder();
    let mut harness = folder.harness();
    harness.run();
    create_profile(&mut harness, "Alexandra Okonkwo-Fitzgerald");
    harness.state_mut().apply(Command::Shell(ShellCommand::OpenBriefing("minimal".into())));
    harness.run();
    harness.get_by_label("Start practice").click();
    harness.run();
    answer(&mut harness, "I'm sorry, that's my fault. I'll call you at 4pm.");
    harness.get_by_label("Next turn (Enter)").click();
    harness.run();
    answer(&mut harness, "Four o'clock today, I'll call you at 4pm.");
    harness.get_by_label("See the summary (Enter)").click();
    harness.run();
    harness.state_mut().apply(Command::Reporting(ReportingCommand::ShowTeam(TeamSource::Store)));
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Team);
    harness.get_by_label("Alexandra Okonkwo-Fitzgerald");
    assert_fits(&mut harness, "the Team screen");
}

#[test]
fn at_the_largest_text_in_a_small_window_try_a_response_opens_with_its_box_in_view_and_focused() {
    let folder = wordy_folder();
    let mut harness = folder.harness();
    harness.run();
    let largest = *TEXT_SCALES.last().expect("scales");
    set_scale(&mut harness, largest);
    harness.set_size(egui::vec2(1024.0, 600.0) / largest);
    harness.run();
    harness.state_mut().apply(Command::Trainer(followthrough::ui::app::TrainerCommand::ShowAuthoring));
    harness.run();
    // Its button may be below the fold here: reach it as the keyboard does, and press Enter.
    harness.get_by_label("Try a response to wordy").focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Sandbox);
    // The status line takes the last line of the window: a box starting there is out of sight.
    let status_top = harness.ctx.content_rect().bottom() - 30.0;
    let bar_bottom = harness.get_by_label("A+").rect().bottom();
    let answer = harness.get_by_label(followthrough::ui::sandbox::SANDBOX_LABEL);
    assert!(answer.is_focused(), "the box has the keyboard");
    let rect = answer.rect();
    assert!(
        rect.top() >= bar_bottom - 1.0 && rect.top() + 20.0 <= status_top,
        "the box starts at {rect:?}: not in view between the top bar ({bar_bottom}) and the status line ({status_top})"
    );
}

#[test]
fn the_end_session_dialog_and_the_session_report_fit() {
    let folder = TestFolder::with_minimal_scenario();
    let minimal = std::fs::read_to_string(folder.dir.path().join("minimal.ron")).expect("fixture");
    folder.write("minimal.ron", &minimal.replace("title: \"Minimal call-back\"", &format!("title: \"{WORDY_TITLE}\"")));
    let mut harness = with_profile(&folder);
    harness.get_by_label("Coach a group").click();
    harness.run();
    harness.get_by_label("Dana").click();
    harness.run();
    harness.get_by_label("Start the session").click();
    harness.run();
    harness.get_by_label(followthrough::ui::coach::BEGIN_LABEL).click();
    harness.run();
    harness.get_by_label(followthrough::ui::coach::PICK_LABEL).click();
    for _ in 0..200 {
        if harness.query_by_label(followthrough::ui::coach::SCORE_LABEL).is_some() {
            break;
        }
        harness.step();
    }
    harness.get_by_label(followthrough::ui::coach::SCORE_LABEL).click();
    harness.run();
    harness.get_by_label(followthrough::ui::coach::SAVE_LABEL).click();
    harness.run();
    harness.get_by_label(followthrough::ui::coach::END_LABEL).click();
    harness.run();
    assert_fits(&mut harness, "the end-session dialog");
    harness.get_by_label(followthrough::ui::coach::END_CONFIRM_LABEL).click();
    harness.run();
    harness.get_by_label("Session report");
    assert_fits(&mut harness, "the session report");
}

/// Scroll bars on screen whose handle a person can see without pointing at them: egui's scroll-bar
/// widgets (found by their accessibility role) with a filled handle inside that stands out from the
/// window's background (3:1, as for any control's outline).
fn visible_scroll_bars(harness: &Harness<'static, FollowThroughApp>) -> (usize, Vec<egui::Rect>) {
    use followthrough::ui::theme::{contrast, palette_of};
    let background = palette_of(&harness.ctx).background;
    let bars: Vec<egui::Rect> =
        harness.query_all_by(|node| node.role() == egui::accesskit::Role::ScrollBar).map(|node| node.rect()).collect();
    let mut fills = Vec::new();
    fn filled_rects(shape: &egui::Shape, out: &mut Vec<(egui::Rect, egui::Color32)>) {
        match shape {
            egui::Shape::Rect(r) => out.push((r.rect, r.fill)),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| filled_rects(s, out)),
            _ => {}
        }
    }
    harness.output().shapes.iter().for_each(|clipped| filled_rects(&clipped.shape, &mut fills));
    let seen = bars
        .iter()
        .filter(|bar| {
            fills.iter().any(|(rect, fill)| {
                bar.expand(1.0).contains_rect(*rect)
                    && rect.height() >= 12.0
                    && fill.a() > 200
                    && contrast(*fill, background) >= 3.0
            })
        })
        .copied()
        .collect();
    (bars.len(), seen)
}

#[test]
fn a_list_cut_off_at_the_bottom_shows_a_scroll_bar_without_pointing_at_it_and_a_list_that_fits_none() {
    let folder = wordy_folder();
    let mut harness = folder.harness();
    open_coach_setup_with_ana_and_ben(&mut harness);
    // The pointer is elsewhere (egui's floating bars only appeared under it).
    harness.remove_cursor();
    let largest = *TEXT_SCALES.last().expect("scales");
    set_scale(&mut harness, largest);
    harness.set_size(egui::vec2(1024.0, 600.0) / largest);
    harness.run();
    let (bars, seen) = visible_scroll_bars(&harness);
    assert!(bars > 0, "coach setup at 1024x600 and {largest}x text runs past the window, so it scrolls");
    assert!(!seen.is_empty(), "none of the {bars} scroll bars is drawn where a learner can see it");

    set_scale(&mut harness, 1.0);
    harness.set_size(egui::vec2(1920.0, 1080.0));
    harness.run();
    let (bars, _) = visible_scroll_bars(&harness);
    assert_eq!(bars, 0, "coach setup fits a 1920x1080 window at 1x: no scroll bar");
}

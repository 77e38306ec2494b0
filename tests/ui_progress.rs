//! Progress in the window: a drill is recorded for the employee practising, Home shows today's
//! plan from the scheduler, the Progress screen shows baseline vs latest vs best, and a damaged
//! database is reported and left alone.

mod common;

use common::{TestFolder, create_profile};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use followthrough::core::progress::{Attempt, AttemptMode, Scorer, TurnAttempt};
use followthrough::io::store::{AttemptFilter, Store};
use followthrough::ui::app::{FollowThroughApp, Screen};

const STRONG: &str = "I'm sorry, that's my fault. I'll call you at 4pm.";

fn answer(harness: &mut Harness<'static, FollowThroughApp>, text: &str) {
    harness.get_by_label("Your answer").type_text(text);
    harness.run();
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
}

/// Start the minimal scenario from Today as a timed assessment and answer both turns well, up to
/// its summary.
fn finish_a_timed_drill(harness: &mut Harness<'static, FollowThroughApp>) {
    harness.get_by_label("Start: Minimal call-back").click();
    harness.run();
    harness.get_by_label("Start timed assessment").click();
    harness.run();
    answer(harness, STRONG);
    harness.get_by_label("Next turn (Enter)").click();
    harness.run();
    answer(harness, "Four o'clock today, I'll call you at 4pm.");
    harness.get_by_label("See the summary (Enter)").click();
    harness.run();
}

fn recorded(harness: &Harness<'static, FollowThroughApp>) -> Vec<Attempt> {
    harness.state().store().expect("store open").attempts(&AttemptFilter::default()).expect("read attempts")
}

#[test]
fn a_finished_drill_is_recorded_and_moves_on_todays_plan_and_progress() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    create_profile(&mut harness, "Dana");
    assert!(harness.state().today().is_some(), "status: {}", harness.state().status());
    harness.get_by_label("Today");
    harness.get_by_label_contains("new at stage 1");
    finish_a_timed_drill(&mut harness);

    let attempts = recorded(&harness);
    assert_eq!(attempts.len(), 1);
    let a = &attempts[0];
    assert_eq!((a.scenario_id.as_str(), a.mode, a.completed), ("minimal", AttemptMode::Assessment, true));
    assert_eq!(a.employee_id, harness.state().current_employee().expect("current").id);
    assert_eq!(a.turns.len(), 2);
    assert_eq!(a.turns[0].response, STRONG);
    assert!(a.turns[0].criteria.iter().any(|c| c.id == "owns-it" && c.met));

    harness.get_by_label("Back to library").click();
    harness.run();
    assert!(harness.query_by_label_contains("new at stage 1").is_none(), "no longer new once drilled");
    harness.get_by_label_contains("keep fresh");

    harness.get_by_label("My progress").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Progress);
    harness.get_by_label("Progress: Dana");
    harness.get_by_label("Stage 1 of 1 reached · 1 attempt finished");
    // What a stage is, in words, where the stage is shown.
    harness.get_by_label(followthrough::ui::home::STAGES_EXPLAINED);
    harness.get_by_label("Score over time, per behaviour");
    harness.get_by_label("mastered");
    assert!(harness.query_all_by_label("100").count() >= 3, "baseline, latest and best are all 100");
}

#[test]
fn leaving_part_way_keeps_the_answered_turn_and_nothing_is_kept_twice() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    create_profile(&mut harness, "Eli");
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    harness.get_by_label("Start practice").click();
    harness.run();
    answer(&mut harness, "Corporate messed up, not me.");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Leave").click();
    harness.run();
    harness.run();
    let attempts = recorded(&harness);
    assert_eq!(attempts.len(), 1);
    assert!(!attempts[0].completed);
    assert_eq!(attempts[0].turns.len(), 1);
    assert_eq!(attempts[0].mode, AttemptMode::Practice);
}

fn seeded(score: u32, day: i64, mode: AttemptMode, id: &str) -> Attempt {
    Attempt {
        id: id.into(),
        employee_id: "fay".into(),
        scenario_id: "minimal".into(),
        scenario_revision: 1,
        mode,
        scorer: Scorer::Engine,
        started_at: jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * (40 - day)),
        completed: true,
        turns: vec![TurnAttempt {
            turn_id: "opening".into(),
            customer_line: "You said you'd call by two.".into(),
            response: "Sorry.".into(),
            score,
            pass_mark: 70,
            passed: score >= 70,
            time_used_ms: 20_000,
            over_time: false,
            criteria: vec![],
        }],
    }
}

#[test]
fn progress_shows_baseline_latest_and_best_from_the_history() {
    let folder = TestFolder::with_minimal_scenario();
    let data = folder.dir.path().join("data");
    {
        let store = Store::open(&data, jiff::Zoned::now().date()).expect("open");
        store.add_employee("Fay", jiff::Timestamp::now()).expect("add");
        store.set_current_employee("fay").expect("current");
        for a in [
            seeded(41, 1, AttemptMode::Practice, "a1"),
            seeded(47, 2, AttemptMode::Assessment, "a2"),
            seeded(93, 5, AttemptMode::Practice, "a3"),
            seeded(86, 9, AttemptMode::Assessment, "a4"),
        ] {
            store.record_attempt(&a).expect("record");
        }
    }
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("My progress").click();
    harness.run();
    harness.get_by_label("Progress: Fay");
    for header in ["Baseline", "Latest", "Best"] {
        assert_eq!(harness.query_all_by_label(header).count(), 2, "{header} in both tables");
    }
    // Per behaviour and per scenario: baseline 47 (first assessment), latest 86, best 93.
    for value in ["47", "86", "93"] {
        assert_eq!(harness.query_all_by_label(value).count(), 2, "{value}");
    }
    assert!(harness.query_all_by_label("Follow-up").count() >= 1);
    harness.get_by_label("Due for refresh");
    // Last drilled 31 days ago: listed as due, and in the per-scenario table.
    assert_eq!(harness.query_all_by_label("Minimal call-back").count(), 2);
    harness.get_by_label("due now");
    harness.get_by_label("Back to the library").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Home);
}

#[test]
fn minutes_a_day_and_the_rollout_rules_are_chosen_on_the_progress_screen_and_kept() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    create_profile(&mut harness, "Gil");
    harness.get_by_label("My progress").click();
    harness.run();
    assert_eq!(harness.state().today().map(|p| p.budget_minutes), Some(15.0));
    harness.get_by_label("Minutes a day:").click();
    harness.run();
    harness.get_by_label("45 min").click();
    harness.run();
    assert_eq!(harness.state().today().map(|p| p.budget_minutes), Some(45.0));

    harness.get_by_label("Rollout rules (for everyone on this computer)").click();
    harness.run();
    harness.get_by_label("Mastered after:").click();
    harness.run();
    harness.get_by_label("2 passes in a row").click();
    harness.run();
    drop(harness);

    let again = folder.harness();
    let store = again.state().store().expect("store");
    let gil = again.state().current_employee().expect("current").id.clone();
    assert_eq!(store.daily_minutes(&gil).expect("minutes"), Some(45.0));
    assert_eq!(store.rollout_rules().expect("rules").mastery_streak, 2);
    assert_eq!(again.state().today().map(|p| p.budget_minutes), Some(45.0));
}

#[test]
fn a_damaged_database_is_reported_on_screen_and_left_as_it_was() {
    let folder = TestFolder::with_minimal_scenario();
    let data = folder.dir.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    let garbage = b"this is not a database, but it is somebody's data".repeat(100);
    std::fs::write(data.join("progress.db"), &garbage).expect("write");
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label_contains("Progress is not being saved");
    harness.get_by_label_contains("damaged");
    assert!(harness.state().store_error().is_some());
    assert_eq!(std::fs::read(data.join("progress.db")).expect("still there"), garbage);
}

#[test]
fn a_drills_status_message_does_not_follow_the_learner_to_the_next_screen() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    create_profile(&mut harness, "Dana");
    finish_a_timed_drill(&mut harness);
    assert!(harness.state().status().contains("Drill finished"), "the summary says it: {}", harness.state().status());

    harness.get_by_label("Back to library").click();
    harness.run();
    assert!(!harness.state().status().contains("Drill finished"), "home: {}", harness.state().status());
    harness.get_by_label("My progress").click();
    harness.run();
    assert!(!harness.state().status().contains("Drill finished"), "progress: {}", harness.state().status());
    assert!(harness.query_by_label_contains("Drill finished").is_none());
}

/// The marker drawn at the left of a legend entry (before its name): its kind ("circle", "square", "diamond",
/// "triangle", "cross") and colour.
fn marker_left_of(harness: &Harness<'_>, name: egui::Rect) -> Vec<(&'static str, egui::Color32)> {
    fn look(shape: &egui::Shape, beside: egui::Rect, found: &mut Vec<(&'static str, egui::Color32)>) {
        let kind = match shape {
            egui::Shape::Vec(shapes) => return shapes.iter().for_each(|s| look(s, beside, found)),
            _ if !beside.contains(shape.visual_bounding_rect().center()) => None,
            egui::Shape::Circle(c) => Some(("circle", c.fill)),
            egui::Shape::Rect(r) => Some(("square", r.fill)),
            egui::Shape::Path(p) if p.points.len() == 4 => Some(("diamond", p.fill)),
            egui::Shape::Path(p) if p.points.len() == 3 => Some(("triangle", p.fill)),
            egui::Shape::LineSegment { stroke, .. } => Some(("cross", stroke.color)),
            _ => None,
        };
        if let Some(kind) = kind.filter(|kind| !found.contains(kind)) {
            found.push(kind);
        }
    }
    let beside = egui::Rect::from_x_y_ranges(name.left() - 24.0..=name.left() + 16.0, name.y_range());
    let mut found = Vec::new();
    harness.output().shapes.iter().for_each(|clipped| look(&clipped.shape, beside, &mut found));
    found
}

#[test]
fn the_chart_legend_tells_behaviours_apart_by_marker_and_colour_in_the_order_of_their_markers() {
    use followthrough::core::progress::report::{BehaviourProgress, ProgressReport, Scores};
    use followthrough::ui::chart::{placed_points, series_style};
    // One drill scoring five behaviours alike: their markers stand side by side, first on the left.
    let day = 20_428.6;
    let ids = ["apology", "follow-up", "ownership", "empathy", "next-step"];
    let behaviours: Vec<BehaviourProgress> = ids
        .iter()
        .map(|b| BehaviourProgress { behaviour: b.to_string(), points: vec![(day, 90.0)], scores: Scores::default() })
        .collect();
    let series: Vec<Vec<(f64, f64)>> = behaviours.iter().map(|b| b.points.clone()).collect();
    let placed = placed_points(&series, 2.0);
    assert!(placed.windows(2).all(|w| w[0][0][0] < w[1][0][0]), "markers left to right in order: {placed:?}");
    let report = ProgressReport { scenarios: vec![], behaviours, stage_reached: 1, stages: 1 };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(700.0, 400.0))
        .build_ui(|ui| followthrough::ui::chart::chart_ui(ui, &report));
    harness.run();
    let names = ["Apology", "Follow-up", "Ownership", "Empathy", "Next step"];
    let rects: Vec<egui::Rect> = names.iter().map(|name| harness.get_by_label(name).rect()).collect();
    // Reading order: each entry right of the one before on its row, or on a lower row.
    for (pair, n) in rects.windows(2).zip(names.windows(2)) {
        let next = pair[1].left() > pair[0].right() && pair[1].center().y == pair[0].center().y
            || pair[1].top() >= pair[0].bottom();
        assert!(next, "the legend reads {} then {}: {pair:?}", n[0], n[1]);
    }
    let palette = followthrough::ui::theme::palette_of(&harness.ctx);
    let kinds = ["circle", "square", "diamond", "triangle", "cross"];
    let mut seen = Vec::new();
    for (i, (name, rect)) in names.iter().zip(&rects).enumerate() {
        let drawn = marker_left_of(&harness, *rect);
        let (colour, _) = series_style(&palette, i);
        assert_eq!(drawn, [(kinds[i], colour)], "{name}'s legend marker");
        seen.push(drawn[0]);
    }
    assert!(seen.iter().enumerate().all(|(i, a)| !seen[i + 1..].contains(a)), "two entries look alike: {seen:?}");
}

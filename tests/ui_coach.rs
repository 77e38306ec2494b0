//! A whole group session in the window: a roster of four (three profiles and a walk-in), two
//! rounds picked fairly, spoken answers ticked by the coach, a typed answer whose engine score the
//! coach overrides with a reason, every go in the participant's own history, and the report
//! exported as CSV and HTML.

mod common;

use common::{TestFolder, create_profile, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use followthrough::core::coach::session::GroupPhase;
use followthrough::core::progress::{AttemptMode, Scorer};
use followthrough::io::store::AttemptFilter;
use followthrough::ui::app::{FollowThroughApp, Screen};
use followthrough::ui::coach::{TYPED_LABEL, WALK_IN_LABEL, WHY_LABEL};

fn phase(harness: &Harness<'static, FollowThroughApp>) -> GroupPhase {
    harness.state().group().expect("session").phase.clone()
}

fn pick(harness: &mut Harness<'static, FollowThroughApp>) -> String {
    harness.get_by_label("Pick who goes next").click();
    harness.run();
    for _ in 0..200 {
        if let GroupPhase::Answering { who } = phase(harness) {
            return who;
        }
        harness.step();
    }
    panic!("the picker never stopped spinning");
}

#[test]
// A whole session step by step, as a coach clicks through it.
#[allow(clippy::too_many_lines)]
fn a_group_session_of_four_over_two_rounds_with_an_override_and_the_report_exported() {
    let folder = TestFolder::with_minimal_scenario();
    let minimal = std::fs::read_to_string(folder.dir.path().join("minimal.ron")).expect("fixture");
    for n in 2..=4 {
        let copy = minimal
            .replace("id: \"minimal\"", &format!("id: \"minimal-{n}\""))
            .replace("title: \"Minimal call-back\"", &format!("title: \"Minimal call-back {n}\""));
        folder.write(&format!("minimal-{n}.ron"), &copy);
    }
    let mut harness = folder.harness();
    harness.run();
    for name in ["Ana", "Ben", "Cai"] {
        create_profile(&mut harness, name);
    }
    harness.get_by_label("Coach a group").click();
    harness.run();
    assert_eq!(harness.state().screen(), &Screen::CoachSetup);
    for name in ["Ana", "Ben", "Cai"] {
        harness.get_by_label(name).click();
        harness.run();
    }
    type_into(&mut harness, WALK_IN_LABEL, "Dee");
    harness.get_by_label("Add walk-in").click();
    harness.run();
    // The three weakest high-priority scenarios are suggested and ticked; tick the fourth too.
    harness.get_by_label("P12 Minimal call-back  (suggested)");
    harness.get_by_label_contains("Minimal call-back 4").click();
    harness.run();
    harness.get_by_label("Leaderboard at the end").click();
    harness.run();
    harness.get_by_label("Start the session").click();
    harness.run();
    assert_eq!(harness.state().screen(), &Screen::Coach);
    harness.get_by_label("High contrast").click();
    harness.run();
    assert!(harness.state().settings().high_contrast);
    let style = harness.ctx.style_of(egui::Theme::Dark);
    assert_eq!(style.visuals.panel_fill, egui::Color32::BLACK, "black background for the projector");
    let scenarios = harness.state().group().expect("session").scenarios.len();
    assert!(scenarios >= 4, "{scenarios} scenarios");

    let mut order = Vec::new();
    for go in 0..8 {
        let who = pick(&mut harness);
        order.push(who.clone());
        if go == 0 {
            // Typed: the engine scores it first; the coach overrides one criterion with a reason.
            type_into(&mut harness, TYPED_LABEL, "I'm sorry, that's my fault. I'll ring you back later.");
            harness.get_by_label("Score the answer").click();
            harness.run();
            harness.get_by_label_contains("Does: Specific time  (engine: no)").click();
            harness.run();
            type_into(&mut harness, WHY_LABEL, "said 'four o'clock' aloud as well");
            harness.get_by_label_contains("Coach and engine agree on").click();
        } else {
            harness.get_by_label("Score the answer").click();
            harness.run();
            let first = {
                let g = harness.state().group().expect("session");
                g.current_scenario().turns[g.turn].rubric[0].label.clone()
            };
            harness.get_by_label_contains(&format!(": {first}")).click();
            harness.run();
        }
        harness.get_by_label("Save the score").click();
        harness.run();
        if phase(&harness) == GroupPhase::Over {
            break;
        }
    }
    let first: std::collections::BTreeSet<&String> = order.iter().take(4).collect();
    assert_eq!(first.len(), 4, "everyone once in round one: {order:?}");
    assert_eq!(order.len(), 8, "four scenarios of two turns each: two full rounds");
    let second: std::collections::BTreeSet<&String> = order.iter().skip(4).collect();
    assert_eq!(second.len(), 4, "everyone once in round two: {order:?}");
    if phase(&harness) != GroupPhase::Over {
        harness.get_by_label("End session").click();
        harness.run();
    }
    harness.get_by_label("Session report");
    harness.get_by_label("Leaderboard");
    let report = harness.state().group_report().expect("report");
    assert_eq!(report.participants.len(), 4);
    harness.get_by_label("Export CSV and HTML").click();
    harness.run();
    let exported = harness.state().group_exported().expect("exported").to_string();
    let csv_path = exported.split(" and ").next().expect("csv path");
    let csv = std::fs::read_to_string(csv_path).expect("csv written");
    assert!(csv.contains("said 'four o'clock' aloud as well"), "{csv}");
    let html = std::fs::read_to_string(exported.split(" and ").nth(1).expect("html path")).expect("html");
    assert!(html.contains("Dee") && html.contains("<table"), "{html}");

    let store = harness.state().store().expect("store");
    let all = store.attempts(&AttemptFilter::default()).expect("attempts");
    assert_eq!(all.len(), order.len());
    assert!(all.iter().all(|a| a.mode == AttemptMode::Group && a.scorer == Scorer::Coach));
    let dee = harness.state().employees().iter().find(|e| e.name == "Dee").expect("walk-in has a profile").id.clone();
    assert!(order.contains(&dee));
    assert!(all.iter().any(|a| a.employee_id == dee), "the walk-in's go is in their own history");
    let overridden = all.iter().find(|a| a.turns[0].response.contains("ring you back later")).expect("typed go");
    let audit = store.overrides(&overridden.id).expect("audit");
    assert_eq!(audit.len(), 1);
    assert_eq!((audit[0].criterion_id.as_str(), audit[0].old_met, audit[0].new_met), ("time", false, true));
    assert!(overridden.turns[0].criteria.iter().any(|c| c.id == "time" && c.met));
}

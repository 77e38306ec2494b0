//! Say it aloud in the normal drill: without a microphone the option is greyed out with the reason;
//! a spoken answer is scored by the employee with the rubric's check boxes and kept as "self".

mod common;

use common::{TestFolder, create_profile};
use egui_kittest::kittest::{NodeT, Queryable};
use followthrough::core::drill::Phase;
use followthrough::core::progress::Scorer;
use followthrough::io::store::AttemptFilter;
use followthrough::ui::drill::SAY_IT_ALOUD;
use followthrough::ui::score_card::SELF_SCORE_HEADING;
use followthrough::ui::widgets::{CONFIRM_DELETE, DELETE_RECORDING, KEEP_RECORDING};

#[test]
fn a_spoken_answer_is_self_scored_and_kept_as_self() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    create_profile(&mut harness, "Ola");
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    harness.get_by_label("Start practice").click();
    harness.run();
    harness.get_by_label(SAY_IT_ALOUD);
    if followthrough::io::recording::microphone_status().is_err() {
        // No microphone here (as on CI): greyed out, and the reason is on screen.
        harness.get_by_label(followthrough::ui::drill::NO_MICROPHONE);
    }
    // Said aloud, nothing typed: the engine gives 0; the employee ticks what they said.
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
    harness.get_by_label("0/100");
    harness.get_by_label(SELF_SCORE_HEADING).click();
    harness.run();
    harness.get_by_label("I did: Owns the miss").click();
    harness.get_by_label("I did: Specific time").click();
    harness.run();
    harness.get_by_label("Use my score").click();
    harness.run();
    assert_eq!(harness.state().drill().and_then(|d| d.last_result()).map(|r| r.card.score), Some(100));
    harness.get_by_label("100/100");
    harness.get_by_label("Scored by you");
    harness.get_by_label("Next turn (Enter)").click();
    harness.run();
    assert!(matches!(harness.state().drill().map(|d| d.phase().clone()), Some(Phase::Answering { turn: 2, .. })));
    harness.get_by_label("Your answer").type_text("Four o'clock today, I'll call you at 4pm.");
    harness.run();
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
    harness.get_by_label("See the summary (Enter)").click();
    harness.run();
    let store = harness.state().store().expect("store");
    let attempts = store.attempts(&AttemptFilter::default()).expect("attempts");
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].scorer, Scorer::SelfScored);
    assert_eq!(attempts[0].turns[0].score, 100);
    assert_eq!(attempts[0].turns[0].response, "");

    // A recording kept with the attempt is listed on the Progress screen and can be deleted.
    let data = folder.dir.path().join("data");
    let wav = followthrough::io::recording::recording_path(&data, &attempts[0].id, 0);
    followthrough::io::recording::write_wav(&wav, &[0.0, 0.1, -0.1], 16_000, 1).expect("wav");
    harness.get_by_label("Back to library").click();
    harness.run();
    harness.get_by_label("My progress").click();
    harness.run();
    harness.get_by_label("Your recordings");
    harness.get_by_label_contains("Minimal call-back, ");
    // The recordings sit at the foot of the (scrolling) Progress screen.
    harness.get_by_label(DELETE_RECORDING).scroll_to_me();
    harness.run();
    // One click on Delete only asks; Keep it (or Esc) keeps the recording.
    harness.get_by_label(DELETE_RECORDING).click();
    harness.run();
    assert!(wav.exists(), "not deleted on one click");
    harness.get_by_label("Delete this recording for good?");
    assert_eq!(focused(&harness).as_deref(), Some(KEEP_RECORDING), "the keyboard is on the safe choice");
    harness.get_by_label(KEEP_RECORDING).click();
    harness.run();
    assert!(wav.exists(), "kept");
    harness.get_by_label(DELETE_RECORDING).click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(wav.exists(), "Esc keeps it too");
    assert!(harness.query_by_label(CONFIRM_DELETE).is_none());
    assert_eq!(harness.state().screen(), followthrough::ui::app::Screen::Progress);
    harness.get_by_label(DELETE_RECORDING).click();
    harness.run();
    harness.get_by_label(CONFIRM_DELETE).click();
    harness.run();
    assert!(!wav.exists(), "deleted by the employee");
    assert!(harness.query_by_label("Your recordings").is_none());
    assert_eq!(harness.state().status(), "Recording deleted");
}

fn focused(harness: &egui_kittest::Harness<'static, followthrough::ui::app::FollowThroughApp>) -> Option<String> {
    harness.query_all_by(|node| node.is_focused()).next().map(|node| node.accesskit_node().label().unwrap_or_default())
}

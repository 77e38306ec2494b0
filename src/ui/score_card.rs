//! The score card: the total, every criterion with its evidence highlighted in the answer, the model
//! answer beside the employee's, and the coaching tip.

use crate::core::drill::Drill;
use crate::core::scenario::CriterionKind;
use crate::core::scoring::ScoreCard;

use super::app::{Command, DrillCommand, ShellCommand};

/// Heading of the self-scoring check boxes.
pub const SELF_SCORE_HEADING: &str = "Said it aloud? Score it yourself";

/// Draw the score card of the turn just answered; `ticks` are the employee's own verdicts (for an
/// answer said aloud) and `recording` the file of it, if one was made.
pub fn score_card_ui(
    ui: &mut egui::Ui,
    drill: &Drill,
    ticks: &mut Vec<bool>,
    recording: Option<&std::path::Path>,
) -> Option<Command> {
    let mut command = None;
    let result = drill.last_result()?;
    let turn = &drill.scenario().turns[result.turn];
    let card = &result.card;
    // The verdict scrolls with the card; the way on stays in view below it.
    let body = |ui: &mut egui::Ui| {
        verdict_ui(ui, result);
        ui.separator();
        for c in &card.criteria {
            criterion_ui(ui, c);
        }
        ui.add_space(8.0);
        let said = highlighted(&result.response, &result.card, &super::theme::palette(ui));
        answers_ui(ui, said, &turn.model_answer);
        ui.add_space(8.0);
        ui.label(egui::RichText::new(format!("Coaching tip · {}", turn.tip.play.label())).strong());
        ui.label(egui::RichText::new(turn.tip.play.meaning()).weak().italics());
        paragraph_ui(ui, turn.tip.text.as_str());
        ui.add_space(8.0);
        if let Some(path) = recording
            && ui.button("Play my recording").clicked()
        {
            command = Some(Command::Shell(ShellCommand::PlayRecording(path.to_path_buf())));
        }
        ui.collapsing(SELF_SCORE_HEADING, |ui| {
            ticks.resize(turn.rubric.len(), false);
            for (c, t) in turn.rubric.iter().zip(ticks.iter_mut()) {
                let kind = if c.kind == CriterionKind::Forbidden { "I did not avoid" } else { "I did" };
                ui.checkbox(t, format!("{kind}: {}", c.label));
            }
            if ui.button("Use my score").on_hover_text("Kept as scored by you (\"self\")").clicked() {
                command = Some(Command::Drill(DrillCommand::SelfScore));
            }
            if result.self_scored {
                ui.label(egui::RichText::new("Scored by you").weak());
            }
        });
    };
    let next = super::theme::scroll_above_actions_ui(ui, "score_card", body, |ui| {
        ui.separator();
        next_ui(ui, drill, result)
    });
    next.or(command)
}

/// The way on: the next turn or the summary, with the keyboard on it.
fn next_ui(ui: &mut egui::Ui, drill: &Drill, result: &crate::core::drill::TurnResult) -> Option<Command> {
    let last = crate::core::drill::next_turn(drill.scenario(), result.turn, &result.card).is_none();
    let text = if last { "See the summary (Enter)" } else { "Next turn (Enter)" };
    let next = ui.button(text);
    if ui.memory(|m| m.focused().is_none()) {
        next.request_focus();
    }
    // Enter on a focused check box or button is that widget's; otherwise it goes on.
    let enter =
        ui.input(|i| i.key_pressed(egui::Key::Enter)) && (next.has_focus() || ui.memory(|m| m.focused().is_none()));
    (next.clicked() || enter).then_some(Command::Drill(DrillCommand::NextTurn))
}

/// The score, passed or not, and why the card may be partial (time ran out, scoring too slow).
fn verdict_ui(ui: &mut egui::Ui, result: &crate::core::drill::TurnResult) {
    let card = &result.card;
    let p = super::theme::palette(ui);
    ui.horizontal_wrapped(|ui| {
        let (verdict, colour) = if card.passed { ("Passed", p.success) } else { ("Not yet", p.danger) };
        ui.label(egui::RichText::new(format!("{}/100", card.score)).size(super::theme::DISPLAY).strong());
        ui.label(egui::RichText::new(verdict).size(super::theme::TITLE).color(colour));
        ui.label(egui::RichText::new(format!("pass mark {}", card.pass_mark)).weak());
        if result.over_time {
            ui.label(egui::RichText::new("Time ran out: your answer was sent as it stood").color(p.danger));
        }
    });
    over_budget_ui(ui, card);
}

/// Why a card is partial when scoring ran out of its time budget (which criterion was slow), in red;
/// nothing when it finished.
pub fn over_budget_ui(ui: &mut egui::Ui, card: &crate::core::scoring::ScoreCard) {
    if let Some(slow) = &card.over_budget {
        let p = super::theme::palette(ui);
        ui.label(
            egui::RichText::new(format!(
                "Scoring stopped at \"{}\": it took too long, so it and the {} after it were not scored and \
                 count neither way. Tell your trainer: `followthrough check` names the slow criterion.",
                slow.label,
                slow.unscored.len().saturating_sub(1)
            ))
            .color(p.danger),
        );
    }
}

/// What the employee said beside a model answer (one above the other in a narrow window), as
/// plain ragged-right paragraphs.
fn answers_ui(ui: &mut egui::Ui, said: egui::text::LayoutJob, model: &str) {
    let side_by_side = ui.available_width() >= 640.0;
    let mut said = Some(said);
    let mut one = |ui: &mut egui::Ui, first: bool| {
        if first {
            ui.label(egui::RichText::new("What you said").strong());
            if let Some(job) = said.take() {
                paragraph_ui(ui, job);
            }
        } else {
            ui.label(egui::RichText::new("A model answer").strong());
            paragraph_ui(ui, model);
        }
    };
    if side_by_side {
        ui.columns(2, |columns| {
            one(&mut columns[0], true);
            one(&mut columns[1], false);
        });
    } else {
        one(ui, true);
        ui.add_space(6.0);
        one(ui, false);
    }
}

/// A paragraph that wraps ragged-right, never justified (a justified layout would stretch the
/// gaps between words, as `ui.columns` does).
pub fn paragraph_ui(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.add(egui::Label::new(text).wrap());
    });
}

/// One criterion in the learner's words: met, missed, found or avoided, its points and label, the
/// words that met it, and for a missed one an example of what would have earned it (never the
/// pattern that was looked for: [`criterion_detail_ui`] shows that to trainers).
pub fn criterion_ui(ui: &mut egui::Ui, c: &crate::core::scoring::CriterionResult) {
    criterion_head_ui(ui, c);
    let detail = match (c.kind, c.met) {
        (_, true) => format!("You said: {}", quoted_evidence(c)),
        (CriterionKind::Required, false) => match &c.example {
            Some(example) => format!("For example: \"{example}\""),
            None => String::new(),
        },
        (CriterionKind::Forbidden, false) => String::new(),
    };
    if !detail.is_empty() {
        ui.indent(c.id.as_str(), |ui| paragraph_ui(ui, egui::RichText::new(detail).weak()));
    }
}

/// One criterion for a trainer (try-a-response): as [`criterion_ui`], with what was looked for in
/// the pattern language when it was missed.
pub fn criterion_detail_ui(ui: &mut egui::Ui, c: &crate::core::scoring::CriterionResult) {
    criterion_head_ui(ui, c);
    let detail = if c.met {
        quoted_evidence(c)
    } else if c.kind == CriterionKind::Required {
        format!("looked for: {}", c.looked_for.join("; "))
    } else {
        String::new()
    };
    if !detail.is_empty() {
        ui.indent(c.id.as_str(), |ui| paragraph_ui(ui, egui::RichText::new(detail).weak()));
    }
}

fn quoted_evidence(c: &crate::core::scoring::CriterionResult) -> String {
    c.evidence.iter().map(|e| format!("\"{}\"", e.text)).collect::<Vec<_>>().join(", ")
}

/// The mark (a word, not only a colour), the points and the label.
fn criterion_head_ui(ui: &mut egui::Ui, c: &crate::core::scoring::CriterionResult) {
    let p = super::theme::palette(ui);
    let (mark, colour) = match (c.kind, c.met) {
        (CriterionKind::Required, true) => ("MET", p.success),
        (CriterionKind::Required, false) => ("MISSED", p.weak),
        (CriterionKind::Forbidden, true) => ("FOUND", p.danger),
        (CriterionKind::Forbidden, false) => ("AVOIDED", p.success),
    };
    // The marks and points in columns of their own, left-aligned, so every label starts at one edge.
    let font = egui::TextStyle::Monospace.resolve(ui.style());
    let column = |ui: &egui::Ui, widest: &str| {
        ui.painter().layout_no_wrap(widest.to_string(), font.clone(), colour).size().x + ui.spacing().item_spacing.x
    };
    let (mark_width, points_width) = (column(ui, "AVOIDED"), column(ui, "+100"));
    let height = ui.text_style_height(&egui::TextStyle::Body);
    ui.horizontal_wrapped(|ui| {
        let left = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(egui::vec2(mark_width, height), left, |ui| {
            ui.set_min_width(mark_width);
            ui.label(egui::RichText::new(mark).color(colour).strong().monospace());
        });
        ui.allocate_ui_with_layout(egui::vec2(points_width, height), left, |ui| {
            ui.set_min_width(points_width);
            ui.label(egui::RichText::new(format!("{:+.0}", c.points)).monospace());
        });
        // The mark says "avoided" or "found": the label needs no "Avoid:" before it.
        ui.label(c.label.as_str());
    });
}

/// The answer with each piece of evidence on a fill of `palette`: required on the success fill,
/// forbidden on the danger fill, in the text colour that reads on both.
pub fn highlighted(text: &str, card: &ScoreCard, palette: &super::theme::Palette) -> egui::text::LayoutJob {
    let mut colours: Vec<Option<egui::Color32>> = vec![None; text.len()];
    for c in card.criteria.iter().filter(|c| c.met) {
        let colour = if c.kind == CriterionKind::Required { palette.success_fill } else { palette.danger_fill };
        for e in &c.evidence {
            for slot in colours.iter_mut().take(e.end.min(text.len())).skip(e.start) {
                *slot = Some(colour);
            }
        }
    }
    let mut job = egui::text::LayoutJob::default();
    let mut start = 0;
    while start < text.len() {
        let colour = colours[start];
        let mut end = start + 1;
        while end < text.len() && (colours[end] == colour || !text.is_char_boundary(end)) {
            end += 1;
        }
        let format = egui::TextFormat {
            color: if colour.is_some() { palette.on_fill } else { palette.text },
            background: colour.unwrap_or(egui::Color32::TRANSPARENT),
            ..Default::default()
        };
        job.append(&text[start..end], 0.0, format);
        start = end;
    }
    job
}

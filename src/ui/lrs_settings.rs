//! The "Reporting to your LRS" settings section: where the organisation's Learning Record Store is
//! (endpoint, key, secret: the secret is typed, never shown back), what is sent, and the queue's
//! status (queued / sent / refused with the LRS's reason) with "Send now" and "Retry refused".

use crate::io::store::QueueReport;

use super::app::{Command, ReportingCommand};

/// Heading of the section.
pub const LRS_HEADING: &str = "Reporting to your LRS";
/// Label of the endpoint box.
pub const ENDPOINT_LABEL: &str = "LRS endpoint";
/// Label of the key box.
pub const KEY_LABEL: &str = "LRS key";
/// Label of the secret box (typed only; empty keeps the secret saved).
pub const SECRET_LABEL: &str = "LRS secret";
/// Label of the save button.
pub const SAVE_LABEL: &str = "Save LRS settings";

/// What is being typed in the section (the secret box starts empty and is cleared once saved; its
/// `Debug` never shows it).
#[derive(Clone, Default, PartialEq)]
pub struct LrsForm {
    /// The xAPI endpoint.
    pub endpoint: String,
    /// Basic-auth key.
    pub key: String,
    /// A new secret; empty keeps the one saved.
    pub secret: String,
    /// Base IRI of the organisation's activities.
    pub activity_base: String,
    /// The accounts' home page.
    pub home_page: String,
    /// Send the typed answers.
    pub send_responses: bool,
    /// Queue attempts for the LRS at all.
    pub sending: bool,
}

impl std::fmt::Debug for LrsForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LrsForm")
            .field("endpoint", &self.endpoint)
            .field("key", &self.key)
            .field("secret typed", &!self.secret.is_empty())
            .field("activity_base", &self.activity_base)
            .field("home_page", &self.home_page)
            .field("send_responses", &self.send_responses)
            .field("sending", &self.sending)
            .finish()
    }
}

/// What the section shows besides the form.
pub struct LrsStatusView<'a> {
    /// A secret is saved (never the secret itself).
    pub secret_saved: bool,
    /// The queue's counts and refusals (None: no store).
    pub report: Option<&'a QueueReport>,
    /// What the background sender did last, or why it is not running.
    pub sender: &'a str,
    /// Why saving failed, if it did.
    pub error: Option<&'a str>,
}

/// Width of a box beside its label (points).
const FIELD_WIDTH: f32 = 360.0;
/// Narrower than this (points), labels go above their boxes.
const STACK_BELOW: f32 = 560.0;

/// Draw the section.
pub fn lrs_settings_ui(ui: &mut egui::Ui, form: &mut LrsForm, view: &LrsStatusView<'_>) -> Option<Command> {
    let mut command = None;
    ui.heading(LRS_HEADING);
    // Side by side when there is room; in a narrow window (or at a large text size) each label
    // sits above its box, which takes the column's width.
    let stacked = ui.available_width() < STACK_BELOW;
    let field = |ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str, password: bool| {
        // Beside its box a label keeps its words whole (a grid column wrapped it mid-word:
        // "LRS endp / oint"); above its box it may wrap at spaces.
        let l = ui.add(if stacked { egui::Label::new(label).wrap() } else { egui::Label::new(label).extend() });
        let width = if stacked { ui.available_width() } else { FIELD_WIDTH };
        ui.add(egui::TextEdit::singleline(text).hint_text(hint).password(password).desired_width(width))
            .labelled_by(l.id);
        if !stacked {
            ui.end_row();
        }
    };
    let saved = if view.secret_saved { "saved; type to replace it" } else { "not set" };
    let mut fields = |ui: &mut egui::Ui| {
        field(ui, ENDPOINT_LABEL, &mut form.endpoint, "https://lrs.example.org/xapi/", false);
        field(ui, KEY_LABEL, &mut form.key, "", false);
        field(ui, SECRET_LABEL, &mut form.secret, saved, true);
        field(ui, "Activity base", &mut form.activity_base, "https://your-org.example/activities", false);
        field(ui, "Account home page", &mut form.home_page, "https://your-org.example", false);
    };
    if stacked {
        fields(ui);
    } else {
        egui::Grid::new("lrs_form").num_columns(2).show(ui, fields);
    }
    ui.checkbox(&mut form.sending, "Report attempts to the LRS");
    ui.checkbox(&mut form.send_responses, "Send typed answers")
        .on_hover_text("Off: scores and verdicts are sent, the answers themselves never leave this machine");
    ui.horizontal_wrapped(|ui| {
        if ui.button(SAVE_LABEL).clicked() {
            command = Some(Command::Reporting(ReportingCommand::Save));
        }
        if ui.button("Send now").clicked() {
            command = Some(Command::Reporting(ReportingCommand::SendNow));
        }
        if ui.button("Retry refused").clicked() {
            command = Some(Command::Reporting(ReportingCommand::RetryRefused));
        }
        if ui.button("Refresh status").clicked() {
            command = Some(Command::Reporting(ReportingCommand::RefreshStatus));
        }
    });
    if let Some(e) = view.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    status_ui(ui, view);
    command
}

fn status_ui(ui: &mut egui::Ui, view: &LrsStatusView<'_>) {
    if let Some(r) = view.report {
        ui.label(format!("{} queued · {} sent · {} refused", r.queued, r.sent, r.failed.len()));
        for (id, reason) in r.failed.iter().take(20) {
            ui.colored_label(ui.visuals().warn_fg_color, format!("Refused {id}: {reason}"));
        }
        if r.failed.len() > 20 {
            ui.label(format!("… and {} more (followthrough xapi status)", r.failed.len() - 20));
        }
    }
    if !view.sender.is_empty() {
        ui.label(format!("Sender: {}", view.sender));
    }
}

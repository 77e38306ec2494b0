//! A bare eframe window built with the same features as FollowThrough: the baseline that
//! `scripts/measure.sh` compares start-up time and idle CPU against.

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_title("Bare eframe").with_inner_size([1100.0, 720.0]),
        ..Default::default()
    };
    eframe::run_native("Bare eframe", options, Box::new(|_cc| Ok(Box::new(Bare))))
}

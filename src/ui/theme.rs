//! The look in one place: a type scale, spacing, the readable column width and colour roles for
//! dark, light and high contrast. Screens ask here (`theme::palette(ui)`, `theme::TITLE`, ...)
//! instead of writing sizes and colours of their own; a test checks every text colour against
//! its background for WCAG AA contrast.

use egui::Color32;

/// Body text size (points; the text scale multiplies every size here).
pub const BODY: f32 = 15.0;
/// Small print: hints, counts, captions.
pub const SMALL: f32 = 13.0;
/// Text read first: quiz answers, the line being rehearsed, a summary's average.
pub const LEAD: f32 = 18.0;
/// A section heading.
pub const HEADING: f32 = 19.0;
/// A screen's title and the customer's line.
pub const TITLE: f32 = 23.0;
/// Big numbers: a score, the clock.
pub const DISPLAY: f32 = 32.0;
/// Projector text (coach mode), read from across a room.
pub const PROJECTOR: f32 = 40.0;

/// Space between related things.
pub const GAP_SMALL: f32 = 4.0;
/// Space between items of a list.
pub const GAP: f32 = 8.0;
/// Space between sections.
pub const GAP_SECTION: f32 = 16.0;

/// The widest a column of reading text gets (points): about 85 characters of [`BODY`] text in
/// egui's proportional font (some 7 points a character at 15 points), within the 70-90 a
/// comfortable line holds; a test lays lines out to check it.
pub const READABLE_WIDTH: f32 = 640.0;
/// The widest a screen of tables or a projector view gets (points).
pub const WIDE_WIDTH: f32 = 1200.0;
/// Margin kept on each side of the column when the window is narrower than it.
pub const SIDE_MARGIN: f32 = 8.0;

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// White on black, strong outlines (projectors in bright rooms).
    HighContrastDark,
    /// Black on white, strong outlines.
    HighContrastLight,
}

impl Mode {
    /// The mode for these preferences.
    pub fn of(dark: bool, high_contrast: bool) -> Self {
        match (dark, high_contrast) {
            (true, false) => Self::Dark,
            (false, false) => Self::Light,
            (true, true) => Self::HighContrastDark,
            (false, true) => Self::HighContrastLight,
        }
    }

    /// Every mode (tests check them all).
    pub const ALL: [Mode; 4] = [Self::Dark, Self::Light, Self::HighContrastDark, Self::HighContrastLight];
}

/// Colour roles. Text roles are readable on `background` and `surface`; `on_fill` is readable on
/// the `*_fill` colours (badges, highlighted words).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Behind everything.
    pub background: Color32,
    /// Cards, frames and text boxes.
    pub surface: Color32,
    /// Buttons at rest.
    pub control: Color32,
    /// Body text.
    pub text: Color32,
    /// Secondary text (hints, counts).
    pub weak: Color32,
    /// Links and the focused control.
    pub accent: Color32,
    /// Passed, right, earned.
    pub success: Color32,
    /// Careful: time running out, partly right.
    pub warning: Color32,
    /// Failed, wrong, an error.
    pub danger: Color32,
    /// A filled badge or highlight meaning success.
    pub success_fill: Color32,
    /// A filled badge or highlight meaning warning.
    pub warning_fill: Color32,
    /// A filled badge or highlight meaning danger.
    pub danger_fill: Color32,
    /// A filled badge with no meaning beyond "information".
    pub info_fill: Color32,
    /// Text on any `*_fill` colour.
    pub on_fill: Color32,
    /// Behind words to look at (the words a rehearsal left out), under `text`.
    pub highlight: Color32,
    /// Lines between distinct series (one per behaviour in the progress chart), told apart by
    /// colour and by marker.
    pub series: [Color32; 4],
}

const fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

impl Palette {
    /// The palette of `mode`.
    pub fn of(mode: Mode) -> Self {
        match mode {
            Mode::Dark => Self::DARK,
            Mode::Light => Self::LIGHT,
            Mode::HighContrastDark => Self::HIGH_CONTRAST_DARK,
            Mode::HighContrastLight => Self::HIGH_CONTRAST_LIGHT,
        }
    }

    const DARK: Self = Self {
        background: rgb(0x1b1b1f),
        surface: rgb(0x26262b),
        control: rgb(0x3a3a42),
        text: rgb(0xe8e8ea),
        weak: rgb(0xa9a9b2),
        accent: rgb(0x8ab8ff),
        success: rgb(0x5fd383),
        warning: rgb(0xf0b849),
        danger: rgb(0xff8a80),
        success_fill: rgb(0x1e7a3c),
        warning_fill: rgb(0x8a5300),
        danger_fill: rgb(0xb3261e),
        info_fill: rgb(0x2f5f8a),
        on_fill: Color32::WHITE,
        highlight: rgb(0x6b4a00),
        series: [rgb(0x8ab8ff), rgb(0xf0b849), rgb(0x5fd383), rgb(0xff8ad8)],
    };

    const LIGHT: Self = Self {
        background: rgb(0xf7f7f8),
        surface: rgb(0xffffff),
        control: rgb(0xe2e2e6),
        text: rgb(0x1a1a1e),
        weak: rgb(0x55555e),
        accent: rgb(0x0b57d0),
        success: rgb(0x1a7431),
        warning: rgb(0x8a5300),
        danger: rgb(0xb3261e),
        success_fill: rgb(0x1e7a3c),
        warning_fill: rgb(0x8a5300),
        danger_fill: rgb(0xb3261e),
        info_fill: rgb(0x2f5f8a),
        on_fill: Color32::WHITE,
        highlight: rgb(0xffe08a),
        series: [rgb(0x0b57d0), rgb(0xa34d00), rgb(0x1a7431), rgb(0xa0208a)],
    };

    const HIGH_CONTRAST_DARK: Self = Self {
        background: Color32::BLACK,
        surface: Color32::BLACK,
        control: rgb(0x1a1a1a),
        text: Color32::WHITE,
        weak: rgb(0xd6d6d6),
        accent: rgb(0x7fd4ff),
        success: rgb(0x6cf08a),
        warning: rgb(0xffd75e),
        danger: rgb(0xff9a90),
        success_fill: rgb(0x0f5c26),
        warning_fill: rgb(0x6b3f00),
        danger_fill: rgb(0x9a1b14),
        info_fill: rgb(0x1f4a70),
        on_fill: Color32::WHITE,
        highlight: rgb(0x5c4000),
        series: [rgb(0x7fd4ff), rgb(0xffd75e), rgb(0x6cf08a), rgb(0xff9ae6)],
    };

    const HIGH_CONTRAST_LIGHT: Self = Self {
        background: Color32::WHITE,
        surface: Color32::WHITE,
        control: rgb(0xeeeeee),
        text: Color32::BLACK,
        weak: rgb(0x333333),
        accent: rgb(0x0033cc),
        success: rgb(0x005c1f),
        warning: rgb(0x6b3f00),
        danger: rgb(0x9a0000),
        success_fill: rgb(0x0f5c26),
        warning_fill: rgb(0x6b3f00),
        danger_fill: rgb(0x9a1b14),
        info_fill: rgb(0x1f4a70),
        on_fill: Color32::WHITE,
        highlight: rgb(0xffe08a),
        series: [rgb(0x0033cc), rgb(0x8a4000), rgb(0x005c1f), rgb(0x8a007a)],
    };
}

fn palette_id() -> egui::Id {
    egui::Id::unique("followthrough_palette")
}

/// The palette in force (as [`apply`] last set it; before that, dark or light as egui is).
pub fn palette(ui: &egui::Ui) -> Palette {
    palette_of(ui.ctx())
}

/// The palette in force, from the context.
pub fn palette_of(ctx: &egui::Context) -> Palette {
    let fallback = Palette::of(if ctx.global_style().visuals.dark_mode { Mode::Dark } else { Mode::Light });
    ctx.data(|d| d.get_temp::<Palette>(palette_id())).unwrap_or(fallback)
}

/// Use `mode`'s colours, the type scale and the spacing in `ctx`.
pub fn apply(ctx: &egui::Context, mode: Mode) {
    let p = Palette::of(mode);
    let dark = matches!(mode, Mode::Dark | Mode::HighContrastDark);
    let high_contrast = matches!(mode, Mode::HighContrastDark | Mode::HighContrastLight);
    ctx.data_mut(|d| d.insert_temp(palette_id(), p));
    let theme = if dark { egui::Theme::Dark } else { egui::Theme::Light };
    ctx.set_theme(theme);
    ctx.style_mut_of(theme, |style| {
        style.visuals = visuals(&p, dark, high_contrast);
        type_scale(style);
        spacing(&mut style.spacing);
    });
}

/// Width of a scroll bar under the pointer (points); [`SCROLL_BAR_REST_WIDTH`] elsewhere.
pub const SCROLL_BAR_WIDTH: f32 = 10.0;
/// Width of a scroll bar the pointer is not on (points).
pub const SCROLL_BAR_REST_WIDTH: f32 = 6.0;

/// Scroll bars that show whenever a list or a page runs past its area, not only under the
/// pointer (egui's default fades them in on hover, so text cut off at the bottom of a small window
/// gave no sign there was more); where everything fits there is no bar. The handle is drawn in the
/// text colour so it stands out from its track. Every scroll area keeps a strip on its right as
/// wide as the bar, so the bar never covers content; it is kept whether or not a bar shows, because
/// a bar that narrowed the content as it appeared could make a screen that switches layout at a
/// width (side by side or stacked) flip between the two every frame.
pub fn scroll_style() -> egui::style::ScrollStyle {
    egui::style::ScrollStyle {
        floating: true,
        bar_width: SCROLL_BAR_WIDTH,
        floating_width: SCROLL_BAR_REST_WIDTH,
        floating_allocated_width: 0.0,
        content_margin: egui::Margin { right: SCROLL_BAR_WIDTH as i8 + 2, ..egui::Margin::ZERO },
        foreground_color: true,
        dormant_background_opacity: 1.0,
        active_background_opacity: 1.0,
        interact_background_opacity: 1.0,
        dormant_handle_opacity: 1.0,
        active_handle_opacity: 1.0,
        interact_handle_opacity: 1.0,
        ..egui::style::ScrollStyle::solid()
    }
}

/// egui's visuals from a palette.
pub fn visuals(p: &Palette, dark: bool, high_contrast: bool) -> egui::Visuals {
    let mut v = if dark { egui::Visuals::dark() } else { egui::Visuals::light() };
    let line = if high_contrast { 2.0 } else { 1.0 };
    v.panel_fill = p.background;
    v.window_fill = p.surface;
    v.faint_bg_color = p.surface;
    v.extreme_bg_color = p.surface;
    v.code_bg_color = p.surface;
    v.hyperlink_color = p.accent;
    v.warn_fg_color = p.warning;
    v.error_fg_color = p.danger;
    v.weak_text_color = Some(p.weak);
    v.override_text_color = high_contrast.then_some(p.text);
    v.widgets.noninteractive.fg_stroke = egui::Stroke::new(line, p.text);
    v.widgets.noninteractive.bg_fill = p.background;
    v.widgets.noninteractive.bg_stroke.color = if high_contrast { p.text } else { p.control };
    for w in [&mut v.widgets.inactive, &mut v.widgets.hovered, &mut v.widgets.active, &mut v.widgets.open] {
        w.fg_stroke.color = p.text;
        w.bg_fill = p.control;
        w.weak_bg_fill = p.control;
    }
    v.widgets.inactive.bg_stroke = egui::Stroke::new(line, if high_contrast { p.text } else { p.control });
    v.widgets.hovered.bg_stroke = egui::Stroke::new(line + 1.0, p.accent);
    v.widgets.active.bg_stroke = egui::Stroke::new(line + 1.0, p.accent);
    v.selection.stroke = egui::Stroke::new(2.0, p.accent);
    v.selection.bg_fill = p.info_fill;
    v
}

fn type_scale(style: &mut egui::Style) {
    use egui::{FontFamily, FontId, TextStyle};
    style.text_styles = [
        (TextStyle::Small, FontId::new(SMALL, FontFamily::Proportional)),
        (TextStyle::Body, FontId::new(BODY, FontFamily::Proportional)),
        (TextStyle::Button, FontId::new(BODY, FontFamily::Proportional)),
        (TextStyle::Heading, FontId::new(HEADING, FontFamily::Proportional)),
        (TextStyle::Monospace, FontId::new(BODY - 1.0, FontFamily::Monospace)),
    ]
    .into();
}

fn spacing(spacing: &mut egui::Spacing) {
    spacing.item_spacing = egui::vec2(GAP, GAP - 2.0);
    spacing.button_padding = egui::vec2(GAP, GAP_SMALL);
    spacing.interact_size.y = 24.0;
    spacing.scroll = scroll_style();
}

/// The colour eframe clears the window to before drawing: the panels' background. The panels
/// themselves paint no fill ([`unfilled`]), so each frame shades the whole window once (the clear)
/// instead of twice; with a software renderer (llvmpipe, no GPU) that full-window fill was most of a
/// frame's cost, and a countdown draws a frame every second.
pub fn clear_color(visuals: &egui::Visuals) -> [f32; 4] {
    visuals.panel_fill.to_normalized_gamma_f32()
}

/// `frame` without its fill: for the window's panels, whose background is the clear colour.
pub fn unfilled(frame: egui::Frame) -> egui::Frame {
    frame.fill(Color32::TRANSPARENT)
}

/// Run `add` in a column centred in `ui`, at most `max_width` wide (keeping [`SIDE_MARGIN`] on
/// each side when the window is narrower); text in it wraps at the column's edge.
pub fn column_ui<R>(ui: &mut egui::Ui, max_width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let outer = ui.available_rect_before_wrap();
    let width = (outer.width() - 2.0 * SIDE_MARGIN).min(max_width).max(0.0);
    let left = outer.center().x - width / 2.0;
    let rect = egui::Rect::from_min_size(egui::pos2(left, outer.top()), egui::vec2(width, outer.height()));
    let builder = egui::UiBuilder::new().max_rect(rect).layout(egui::Layout::top_down(egui::Align::Min));
    let inner = ui.scope_builder(builder, |ui| {
        ui.set_max_width(width);
        add(ui)
    });
    inner.inner
}

/// A screen's text in a vertical scroll filling the room above its actions, which stay in view
/// at the bottom however short the window or large the text (the actions' height is last
/// frame's, kept in egui's memory under `id_salt`).
pub fn scroll_above_actions_ui<R>(
    ui: &mut egui::Ui,
    id_salt: &str,
    body: impl FnOnce(&mut egui::Ui),
    actions: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let id = ui.make_persistent_id(id_salt).with("actions_height");
    let actions_height = ui.data(|d| d.get_temp::<f32>(id)).unwrap_or(40.0);
    let body_height = (ui.available_height() - actions_height - ui.spacing().item_spacing.y).max(0.0);
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        // Short text: the actions follow it; long text: they wait at the bottom.
        .auto_shrink([false, true])
        .max_height(body_height)
        .min_scrolled_height(body_height.min(64.0))
        .show(ui, body);
    let inner = ui.scope(actions);
    let used = inner.response.rect.height();
    if (used - actions_height).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(id, used));
        ui.ctx().request_repaint();
    }
    inner.inner
}

/// How wide a dialog's text may be: `wanted`, or less in a window too narrow for it (a small
/// window at a large text size), leaving room for the dialog's frame and a margin each side.
pub fn dialog_width(ctx: &egui::Context, wanted: f32) -> f32 {
    wanted.min(ctx.content_rect().width() - 64.0).max(120.0)
}

/// WCAG 2 relative luminance of a colour (alpha ignored).
pub fn luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.040_45 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG 2 contrast ratio of two colours (1 to 21; AA body text needs 4.5).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AA_TEXT: f64 = 4.5;
    /// Non-text elements (chart lines, outlines) need 3:1 (WCAG 1.4.11).
    const AA_GRAPHICS: f64 = 3.0;

    #[test]
    fn contrast_of_black_on_white_is_21_and_of_a_colour_on_itself_1() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::GRAY, Color32::GRAY) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn every_text_colour_passes_aa_on_every_background_in_every_mode() {
        for mode in Mode::ALL {
            let p = Palette::of(mode);
            let roles = [
                ("text", p.text),
                ("weak", p.weak),
                ("accent", p.accent),
                ("success", p.success),
                ("warning", p.warning),
                ("danger", p.danger),
            ];
            for (bg_name, bg) in [("background", p.background), ("surface", p.surface)] {
                for (name, colour) in roles {
                    let ratio = contrast(colour, bg);
                    assert!(ratio >= AA_TEXT, "{mode:?}: {name} on {bg_name} is {ratio:.2}:1, AA needs 4.5");
                }
            }
            for (name, fill) in [
                ("success", p.success_fill),
                ("warning", p.warning_fill),
                ("danger", p.danger_fill),
                ("info", p.info_fill),
            ] {
                let ratio = contrast(p.on_fill, fill);
                assert!(ratio >= AA_TEXT, "{mode:?}: text on {name}_fill is {ratio:.2}:1");
            }
            let ratio = contrast(p.text, p.control);
            assert!(ratio >= AA_TEXT, "{mode:?}: button text is {ratio:.2}:1");
            let ratio = contrast(p.text, p.highlight);
            assert!(ratio >= AA_TEXT, "{mode:?}: text on the highlight is {ratio:.2}:1");
        }
    }

    /// How many rows `text` takes at the body size in a column [`READABLE_WIDTH`] wide.
    fn rows_in_the_readable_column(text: &str) -> usize {
        let ctx = egui::Context::default();
        let mut rows = 0;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = egui::FontId::proportional(BODY);
            let galley = ui.ctx().fonts_mut(|f| f.layout(text.to_string(), font, Color32::WHITE, READABLE_WIDTH));
            rows = galley.rows.len();
        });
        // No painter here: the font atlas it made is dropped unused.
        output.textures_delta.clear();
        rows
    }

    #[test]
    fn the_readable_column_holds_a_90_character_line_and_wraps_a_110_character_one() {
        let ninety = "I'm sorry the refund did not reach you on Friday; I will ring the bank myself before noon.";
        let hundred_ten = "I'm sorry the refund did not reach you on Friday as promised; I will ring the bank and call you back by 12:30.";
        assert_eq!((ninety.chars().count(), hundred_ten.chars().count()), (90, 110));
        assert_eq!(rows_in_the_readable_column(ninety), 1, "a 90-character line fits");
        assert_eq!(rows_in_the_readable_column(hundred_ten), 2, "a 110-character line wraps");
    }

    #[test]
    fn chart_series_stand_out_from_the_background_and_from_each_other() {
        for mode in Mode::ALL {
            let p = Palette::of(mode);
            for (i, a) in p.series.iter().enumerate() {
                let ratio = contrast(*a, p.background);
                assert!(ratio >= AA_GRAPHICS, "{mode:?}: series {i} is {ratio:.2}:1 on the background");
                for b in &p.series[i + 1..] {
                    assert_ne!(a, b, "{mode:?}: two series share a colour");
                }
            }
        }
    }

    #[test]
    fn the_window_is_cleared_to_the_palettes_background_and_panels_add_none() {
        for mode in Mode::ALL {
            let p = Palette::of(mode);
            let dark = matches!(mode, Mode::Dark | Mode::HighContrastDark);
            let v = visuals(&p, dark, matches!(mode, Mode::HighContrastDark | Mode::HighContrastLight));
            // The contrast checks above hold against the colour actually behind the text.
            assert_eq!(clear_color(&v), p.background.to_normalized_gamma_f32(), "{mode:?}");
        }
        let style = egui::Style::default();
        assert_eq!(unfilled(egui::Frame::central_panel(&style)).fill, Color32::TRANSPARENT);
    }

    #[test]
    fn scroll_bars_are_always_drawn_when_needed_and_their_handle_stands_out_from_its_track() {
        let scroll = scroll_style();
        assert_eq!(
            (scroll.dormant_handle_opacity, scroll.dormant_background_opacity),
            (1.0, 1.0),
            "a bar is drawn in full away from the pointer"
        );
        assert!(scroll.floating_width >= 4.0, "a bar away from the pointer is still wide enough to see");
        assert!(f32::from(scroll.content_margin.right) >= SCROLL_BAR_WIDTH, "the bar has a strip of its own");
        assert_eq!(scroll.allocated_width(), 0.0, "showing a bar does not narrow the content");
        for mode in Mode::ALL {
            let p = Palette::of(mode);
            let dark = matches!(mode, Mode::Dark | Mode::HighContrastDark);
            let v = visuals(&p, dark, matches!(mode, Mode::HighContrastDark | Mode::HighContrastLight));
            // egui draws the handle in the widget's text colour (`foreground_color`) on the track.
            let handle =
                if scroll.foreground_color { v.widgets.inactive.fg_stroke.color } else { v.widgets.inactive.bg_fill };
            for (name, behind) in [("track", v.extreme_bg_color), ("background", v.panel_fill)] {
                let ratio = contrast(handle, behind);
                assert!(ratio >= AA_GRAPHICS, "{mode:?}: the scroll handle is {ratio:.2}:1 on the {name}");
            }
        }
    }

    #[test]
    fn egui_visuals_use_the_palette_so_widgets_pass_too() {
        for mode in Mode::ALL {
            let p = Palette::of(mode);
            let dark = matches!(mode, Mode::Dark | Mode::HighContrastDark);
            let v = visuals(&p, dark, matches!(mode, Mode::HighContrastDark | Mode::HighContrastLight));
            assert!(contrast(v.text_color(), v.panel_fill) >= AA_TEXT, "{mode:?}");
            assert!(contrast(v.weak_text_color(), v.panel_fill) >= AA_TEXT, "{mode:?}");
            assert!(contrast(v.widgets.inactive.text_color(), v.widgets.inactive.bg_fill) >= AA_TEXT, "{mode:?}");
            assert!(contrast(v.hyperlink_color, v.panel_fill) >= AA_TEXT, "{mode:?}");
            assert!(contrast(v.error_fg_color, v.panel_fill) >= AA_TEXT, "{mode:?}");
        }
    }
}

//! The progress chart: each behaviour's drill scores over time, on an axis of calendar days (one
//! tick a day, or a week when the history is long), each behaviour in its own colour and marker,
//! with a legend of those markers under it (egui_plot's own legend draws every entry as a dot).

use egui::{Color32, Pos2, Shape, Stroke};
use egui_plot::{GridInput, GridMark, Line, MarkerShape, Plot, PlotPoints, Points};

use crate::core::progress::report::ProgressReport;
use crate::core::scenario::vocab::display_name;

use super::theme;

/// Markers, one per behaviour (with the palette's series colours no two look alike).
pub const MARKERS: [MarkerShape; 5] =
    [MarkerShape::Circle, MarkerShape::Square, MarkerShape::Diamond, MarkerShape::Up, MarkerShape::Cross];

/// Radius of a marker, on the chart and in its legend (points).
const MARKER_RADIUS: f32 = 5.0;

/// The colour and marker of the `i`th behaviour.
pub fn series_style(palette: &theme::Palette, i: usize) -> (Color32, MarkerShape) {
    (palette.series[i % palette.series.len()], MARKERS[i % MARKERS.len()])
}

/// The shapes that draw `marker` around `centre`, as the chart draws it (the legend's copy).
pub fn marker_shapes(marker: MarkerShape, centre: Pos2, radius: f32, colour: Color32) -> Vec<Shape> {
    let at = |dx: f32, dy: f32| centre + radius * egui::vec2(dx, dy);
    let h = std::f32::consts::FRAC_1_SQRT_2;
    let r3 = 0.5 * 3f32.sqrt();
    let polygon = |points: Vec<Pos2>| Shape::convex_polygon(points, colour, Stroke::NONE);
    match marker {
        MarkerShape::Circle => vec![Shape::circle_filled(centre, radius, colour)],
        MarkerShape::Square => vec![Shape::rect_filled(egui::Rect::from_min_max(at(-h, -h), at(h, h)), 0.0, colour)],
        MarkerShape::Diamond => vec![polygon(vec![at(0.0, 1.0), at(-1.0, 0.0), at(0.0, -1.0), at(1.0, 0.0)])],
        MarkerShape::Up => vec![polygon(vec![at(0.0, -1.0), at(r3, 0.5), at(-r3, 0.5)])],
        MarkerShape::Down => vec![polygon(vec![at(0.0, 1.0), at(-r3, -0.5), at(r3, -0.5)])],
        MarkerShape::Left => vec![polygon(vec![at(-1.0, 0.0), at(0.5, -r3), at(0.5, r3)])],
        MarkerShape::Right => vec![polygon(vec![at(1.0, 0.0), at(-0.5, r3), at(-0.5, -r3)])],
        MarkerShape::Cross | MarkerShape::Plus | MarkerShape::Asterisk => {
            let stroke = Stroke::new(2.0, colour);
            let (a, b) = if marker == MarkerShape::Plus {
                ([at(-1.0, 0.0), at(1.0, 0.0)], [at(0.0, -1.0), at(0.0, 1.0)])
            } else {
                ([at(-h, -h), at(h, h)], [at(h, -h), at(-h, h)])
            };
            vec![Shape::line_segment(a, stroke), Shape::line_segment(b, stroke)]
        }
    }
}

/// The x range shown for drills from day `first` to day `last` (day numbers): from half a day before
/// the first drill's day to half a day after the day after the last, so one drill sits between its
/// day's tick and the next, and no tick falls on an edge (where its date would be cut in half).
pub fn day_range(first: f64, last: f64) -> (f64, f64) {
    (first.floor() - 0.5, last.floor() + 1.5)
}

/// Days between ticks for a range this many days long: every day up to two weeks, then every
/// week, then every four weeks.
pub fn tick_step(days: f64) -> f64 {
    match days {
        d if d <= 14.0 => 1.0,
        d if d <= 120.0 => 7.0,
        _ => 28.0,
    }
}

/// Ticks at whole days (multiples of the step) within `bounds`.
pub fn day_ticks(bounds: (f64, f64)) -> Vec<f64> {
    let step = tick_step(bounds.1 - bounds.0);
    let start = (bounds.0 / step).ceil() as i64;
    let end = (bounds.1 / step).floor() as i64;
    (start..=end).map(|k| k as f64 * step).collect()
}

/// Scores this close (points out of 100) draw markers on top of each other at the chart's size.
const CLOSE_SCORES: f64 = 6.0;

/// How far apart side-by-side markers are drawn, as a share of the x range shown.
const SIDE_BY_SIDE: f64 = 0.025;

/// Where each behaviour's markers go, given each behaviour's `(day, score)` points and the width
/// of the x range shown (days). One drill scores every behaviour at the same moment: where two
/// or more of those scores are about equal, their markers are set side by side around the drill's
/// time instead of being drawn over one another; every other point stays where it is.
pub fn placed_points(series: &[Vec<(f64, f64)>], span_days: f64) -> Vec<Vec<[f64; 2]>> {
    let step = SIDE_BY_SIDE * span_days;
    series
        .iter()
        .enumerate()
        .map(|(i, points)| {
            points
                .iter()
                .map(|&(day, score)| {
                    let meets = |other: &Vec<(f64, f64)>| {
                        other.iter().any(|&(d, s)| (d - day).abs() < 1e-9 && (s - score).abs() < CLOSE_SCORES)
                    };
                    let rank = series[..i].iter().filter(|other| meets(other)).count();
                    let together = rank + 1 + series[i + 1..].iter().filter(|other| meets(other)).count();
                    let offset = (rank as f64 - (together - 1) as f64 / 2.0) * step;
                    [day + offset, score]
                })
                .collect()
        })
        .collect()
}

/// The calendar date of day number `day` ("6 Dec"), in UTC as day numbers are.
pub fn date_label(day: f64) -> String {
    let seconds = (day.floor() * crate::core::staging::SECONDS_PER_DAY) as i64;
    jiff::Timestamp::from_second(seconds).map(|t| t.strftime("%-d %b").to_string()).unwrap_or_default()
}

/// Draw the chart of `report`'s behaviours.
pub fn chart_ui(ui: &mut egui::Ui, report: &ProgressReport) {
    let days = report.behaviours.iter().flat_map(|b| &b.points).map(|p| p.0);
    let first = days.clone().fold(f64::INFINITY, f64::min);
    let last = days.fold(f64::NEG_INFINITY, f64::max);
    if !first.is_finite() {
        return;
    }
    let (from, to) = day_range(first, last);
    let palette = theme::palette(ui);
    let height = (ui.available_width() * 0.45).clamp(160.0, 260.0);
    Plot::new("scores_over_time")
        .height(height)
        .default_x_bounds(from, to)
        .include_y(0.0)
        .include_y(105.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .x_grid_spacer(|input: GridInput| {
            let step = tick_step(input.bounds.1 - input.bounds.0);
            day_ticks(input.bounds).into_iter().map(|value| GridMark { value, step_size: step }).collect()
        })
        .x_axis_formatter(|mark, _| date_label(mark.value))
        .x_axis_label("date of the drill")
        .y_axis_label("score")
        .show(ui, |plot| {
            let series: Vec<Vec<(f64, f64)>> = report.behaviours.iter().map(|b| b.points.clone()).collect();
            let placed = placed_points(&series, to - from);
            for (i, (b, points)) in report.behaviours.iter().zip(placed).enumerate().rev() {
                let (colour, marker) = series_style(&palette, i);
                let name = display_name(&b.behaviour);
                plot.line(Line::new(name.clone(), PlotPoints::from(points.clone())).color(colour).width(2.0));
                plot.points(
                    Points::new(name, PlotPoints::from(points))
                        .color(colour)
                        .shape(marker)
                        .filled(true)
                        .radius(MARKER_RADIUS),
                );
            }
        });
    legend_ui(ui, report, &palette);
}

/// Each behaviour's marker in its colour and its name, in the order the markers of one drill stand
/// side by side (and the table below lists them), wrapping in a narrow window.
fn legend_ui(ui: &mut egui::Ui, report: &ProgressReport, palette: &theme::Palette) {
    ui.horizontal_wrapped(|ui| {
        for (i, b) in report.behaviours.iter().enumerate() {
            let (colour, marker) = series_style(palette, i);
            ui.horizontal(|ui| {
                let side = 2.0 * MARKER_RADIUS + 4.0;
                let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
                ui.painter().extend(marker_shapes(marker, rect.center(), MARKER_RADIUS, colour));
                ui.label(display_name(&b.behaviour));
            });
            ui.add_space(theme::GAP);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 6 December 2025, 16:40 UTC as a day number.
    const A_DAY: f64 = 20_428.695;

    #[test]
    fn one_drill_sits_between_its_days_tick_and_the_next_and_no_tick_is_on_an_edge() {
        let (from, to) = day_range(A_DAY, A_DAY);
        assert_eq!((from, to), (20_427.5, 20_429.5));
        assert_eq!(day_ticks((from, to)), [20_428.0, 20_429.0]);
        assert!(from < A_DAY && A_DAY < to);
    }

    #[test]
    fn no_tick_sits_on_the_edge_of_the_range_where_its_date_would_be_cut() {
        for (first, last) in [(A_DAY, A_DAY), (A_DAY, A_DAY + 3.2), (A_DAY - 40.0, A_DAY), (A_DAY - 300.0, A_DAY)] {
            let (from, to) = day_range(first, last);
            assert!(from < first && last < to, "{first}..{last} in {from}..{to}");
            for tick in day_ticks((from, to)) {
                assert!(tick - from >= 0.5 && to - tick >= 0.5, "tick {tick} is on an edge of {from}..{to}");
            }
        }
    }

    #[test]
    fn ticks_are_whole_days_and_weeks_for_long_histories() {
        assert!(day_ticks((20_400.3, 20_410.7)).iter().all(|t| t.fract() == 0.0));
        let weeks = day_ticks((20_000.0, 20_100.0));
        assert!(weeks.windows(2).all(|w| w[1] - w[0] == 7.0), "{weeks:?}");
    }

    #[test]
    fn one_drill_scoring_every_behaviour_alike_draws_each_marker_apart_inside_the_range() {
        let series = vec![vec![(A_DAY, 100.0)], vec![(A_DAY, 100.0)], vec![(A_DAY, 98.0)]];
        let (from, to) = day_range(A_DAY, A_DAY);
        let placed = placed_points(&series, to - from);
        let xs: Vec<f64> = placed.iter().map(|p| p[0][0]).collect();
        // A tenth of a day is 15 points on a 300-point-wide chart: apart, and still on the day.
        for pair in xs.windows(2) {
            assert!(pair[1] - pair[0] >= 0.04, "markers apart: {xs:?}");
        }
        assert!(xs.iter().all(|x| (x - A_DAY).abs() < 0.2 && from < *x && *x < to), "{xs:?} in {from}..{to}");
        assert!(((xs[0] + xs[2]) / 2.0 - A_DAY).abs() < 1e-9, "centred on the drill: {xs:?}");
        assert!(placed.iter().all(|p| p[0][1] >= 98.0), "scores are not moved");
    }

    #[test]
    fn scores_that_differ_and_other_drills_stay_where_they_are() {
        let series = vec![vec![(A_DAY, 20.0), (A_DAY + 1.0, 60.0)], vec![(A_DAY, 80.0), (A_DAY + 2.0, 60.0)]];
        let placed = placed_points(&series, 4.0);
        assert_eq!(placed[0], [[A_DAY, 20.0], [A_DAY + 1.0, 60.0]]);
        assert_eq!(placed[1], [[A_DAY, 80.0], [A_DAY + 2.0, 60.0]]);
    }

    #[test]
    fn ticks_are_labelled_with_calendar_dates() {
        assert_eq!(date_label(A_DAY), "6 Dec");
        assert_eq!(date_label(0.0), "1 Jan");
    }
}

//! A small trend line drawn as SVG on the server: no script is needed to see it, and the
//! same numbers are in its text alternative.

use leptos::prelude::*;

use crate::models::scorecard::TrendPoint;

const WIDTH: f64 = 120.0;
const HEIGHT: f64 = 32.0;
const PAD: f64 = 3.0;

/// The trend of one metric with its green threshold as a dashed line.
#[component]
pub fn TrendSparkline(
    /// The periods, oldest first.
    points: Vec<TrendPoint>,
    /// The green threshold.
    green: f64,
    /// What the line shows, for screen readers ("Trend").
    label: &'static str,
) -> impl IntoView {
    let values: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
    let description = format!(
        "{label}: {}",
        points
            .iter()
            .map(|p| format!("{} {}", p.period, p.text))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let label_text = description.clone();
    let low = values.iter().copied().fold(green, f64::min);
    let high = values.iter().copied().fold(green, f64::max);
    let span = if (high - low).abs() < f64::EPSILON {
        1.0
    } else {
        high - low
    };
    let step = if points.len() > 1 {
        (WIDTH - 2.0 * PAD) / (points.len() - 1) as f64
    } else {
        0.0
    };
    let y = move |v: f64| PAD + (high - v) / span * (HEIGHT - 2.0 * PAD);
    // Missing periods break the line instead of pretending a zero.
    let mut path = String::new();
    let mut drawing = false;
    let mut last = None;
    for (i, point) in points.iter().enumerate() {
        let x = PAD + step * i as f64;
        match point.value {
            Some(v) => {
                let command = if drawing { 'L' } else { 'M' };
                path.push_str(&format!("{command}{x:.1} {:.1} ", y(v)));
                drawing = true;
                last = Some((x, y(v)));
            }
            None => drawing = false,
        }
    }
    let target = y(green);
    view! {
        <svg
            class="sparkline"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            role="img"
            aria-label=label_text
        >
            <title>{description}</title>
            <line
                class="sparkline__target"
                x1="0"
                x2=WIDTH.to_string()
                y1=format!("{target:.1}")
                y2=format!("{target:.1}")
            />
            <path class="sparkline__line" d=path />
            {last
                .map(|(x, y)| {
                    view! {
                        <circle
                            class="sparkline__dot"
                            cx=format!("{x:.1}")
                            cy=format!("{y:.1}")
                            r="2.5"
                        />
                    }
                })}
        </svg>
    }
}

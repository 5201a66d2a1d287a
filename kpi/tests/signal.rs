//! Signals against the catalogue's own thresholds, worked out by hand.

use kpi::{Direction, Grain, Signal, Thresholds};

fn renewal_rate() -> Thresholds {
    // Ratios are fractions: 90 % green, 80 % amber.
    Thresholds::new(Direction::HigherIsBetter, 0.90, 0.80).expect("valid")
}

fn board_tenure() -> Thresholds {
    Thresholds::new(Direction::LowerIsBetter, 2.0, 3.0).expect("valid")
}

#[test]
fn higher_is_better_values_light_up_at_and_beyond_their_thresholds() {
    let t = renewal_rate();
    assert_eq!(t.signal(Some(0.95)), Some(Signal::Green));
    assert_eq!(
        t.signal(Some(0.90)),
        Some(Signal::Green),
        "at the threshold is green"
    );
    assert_eq!(t.signal(Some(0.85)), Some(Signal::Amber));
    assert_eq!(t.signal(Some(0.80)), Some(Signal::Amber));
    assert_eq!(t.signal(Some(0.79)), Some(Signal::Red));
    assert_eq!(t.signal(Some(0.0)), Some(Signal::Red));
}

#[test]
fn lower_is_better_values_are_inverted() {
    let t = board_tenure();
    assert_eq!(t.signal(Some(1.5)), Some(Signal::Green));
    assert_eq!(t.signal(Some(2.0)), Some(Signal::Green));
    assert_eq!(t.signal(Some(2.5)), Some(Signal::Amber));
    assert_eq!(t.signal(Some(3.0)), Some(Signal::Amber));
    assert_eq!(t.signal(Some(3.1)), Some(Signal::Red));
}

#[test]
fn no_value_means_no_signal() {
    assert_eq!(renewal_rate().signal(None), None);
    assert_eq!(renewal_rate().signal(Some(f64::NAN)), None);
    assert_eq!(renewal_rate().signal(Some(f64::INFINITY)), None);
    assert_eq!(renewal_rate().gap_to_next(None), None);
}

#[test]
fn count_thresholds_are_pro_rated_for_quarters_and_months() {
    // new_members: 8 a year green, 4 amber.
    let yearly = Thresholds::new(Direction::HigherIsBetter, 8.0, 4.0).expect("valid");
    let quarter = yearly.pro_rated(Grain::Quarter.months());
    assert_eq!((quarter.green(), quarter.amber()), (2.0, 1.0));
    assert_eq!(quarter.signal(Some(2.0)), Some(Signal::Green));
    assert_eq!(quarter.signal(Some(1.0)), Some(Signal::Amber));
    assert_eq!(quarter.signal(Some(0.0)), Some(Signal::Red));
    let month = yearly.pro_rated(Grain::Month.months());
    assert!((month.green() - 8.0 / 12.0).abs() < 1e-12);
    assert_eq!(month.signal(Some(1.0)), Some(Signal::Green));
    assert_eq!(yearly.pro_rated(12), yearly);
}

#[test]
fn booleans_with_equal_thresholds_are_green_or_red() {
    // goals_set_on_time: green 1, amber 1.
    let t = Thresholds::new(Direction::HigherIsBetter, 1.0, 1.0).expect("valid");
    assert_eq!(t.signal(Some(1.0)), Some(Signal::Green));
    assert_eq!(t.signal(Some(0.0)), Some(Signal::Red));
    assert_eq!(
        t.signal(Some(0.75)),
        Some(Signal::Red),
        "a region where 3 of 4 clusters did"
    );
}

#[test]
fn the_gap_says_what_it_takes_to_reach_the_next_signal() {
    let t = renewal_rate();
    let (next, gap) = t.gap_to_next(Some(0.85)).expect("amber has a gap");
    assert_eq!(next, Signal::Green);
    assert!((gap - 0.05).abs() < 1e-12);
    let (next, gap) = t.gap_to_next(Some(0.70)).expect("red has a gap");
    assert_eq!(next, Signal::Amber);
    assert!((gap - 0.10).abs() < 1e-12);
    assert_eq!(t.gap_to_next(Some(0.93)), None, "green needs nothing");
    let (next, gap) = board_tenure()
        .gap_to_next(Some(3.5))
        .expect("red has a gap");
    assert_eq!((next, gap), (Signal::Amber, 0.5));
}

#[test]
fn contradictory_thresholds_are_refused_with_the_reason() {
    let err =
        Thresholds::new(Direction::HigherIsBetter, 0.80, 0.90).expect_err("green below amber");
    assert!(
        err.to_string()
            .contains("green (0.8) must be at or above amber (0.9)"),
        "{err}"
    );
    let err = Thresholds::new(Direction::LowerIsBetter, 15.0, 5.0).expect_err("green above amber");
    assert!(
        err.to_string().contains("must be at or below amber"),
        "{err}"
    );
    assert!(Thresholds::new(Direction::HigherIsBetter, f64::NAN, 1.0).is_err());
}

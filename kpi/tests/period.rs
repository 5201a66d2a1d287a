//! Periods, with every expected day worked out by hand from the calendar.

use chrono::NaiveDate;
use kpi::{FiscalYearStart, Grain, Period, VocabularyError};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

const JAN: FiscalYearStart = FiscalYearStart::JANUARY;

fn july() -> FiscalYearStart {
    FiscalYearStart::new(7).expect("July is a month")
}

#[test]
fn calendar_periods_span_the_right_days() {
    let q3 = Period::containing(Grain::Quarter, day(2025, 8, 14), JAN);
    assert_eq!(q3.key(), "2025-Q3");
    assert_eq!(
        (q3.first_day(), q3.last_day()),
        (day(2025, 7, 1), day(2025, 9, 30))
    );
    let year = Period::containing(Grain::Year, day(2024, 12, 31), JAN);
    assert_eq!(
        (year.first_day(), year.last_day()),
        (day(2024, 1, 1), day(2024, 12, 31))
    );
    let february = Period::containing(Grain::Month, day(2024, 2, 10), JAN);
    assert_eq!(february.last_day(), day(2024, 2, 29), "2024 is a leap year");
    assert_eq!(
        Period::containing(Grain::Month, day(2025, 2, 10), JAN).last_day(),
        day(2025, 2, 28)
    );
}

#[test]
fn a_fact_on_the_last_day_of_a_quarter_belongs_to_that_quarter_only() {
    let q1 = Period::parse("2025-Q1", JAN).expect("a key");
    assert!(q1.contains(day(2025, 3, 31)));
    assert!(!q1.contains(day(2025, 4, 1)));
    assert!(!q1.contains(day(2024, 12, 31)));
    assert_eq!(
        Period::containing(Grain::Quarter, day(2025, 3, 31), JAN),
        q1
    );
    assert_eq!(
        Period::containing(Grain::Quarter, day(2025, 4, 1), JAN),
        q1.next()
    );
}

#[test]
fn a_july_fiscal_year_shifts_years_and_quarters_but_not_months() {
    let spring = day(2025, 3, 15);
    let year = Period::containing(Grain::Year, spring, july());
    assert_eq!(
        year.key(),
        "2024",
        "named by the calendar year it starts in"
    );
    assert_eq!(
        (year.first_day(), year.last_day()),
        (day(2024, 7, 1), day(2025, 6, 30))
    );
    let quarter = Period::containing(Grain::Quarter, spring, july());
    assert_eq!(quarter.key(), "2024-Q3");
    assert_eq!(
        (quarter.first_day(), quarter.last_day()),
        (day(2025, 1, 1), day(2025, 3, 31))
    );
    let first = Period::parse("2024-Q1", july()).expect("a key");
    assert_eq!(
        (first.first_day(), first.last_day()),
        (day(2024, 7, 1), day(2024, 9, 30))
    );
    let month = Period::containing(Grain::Month, spring, july());
    assert_eq!(month, Period::containing(Grain::Month, spring, JAN));
    assert_eq!(month.key(), "2025-03");
}

#[test]
fn neighbours_and_last_year() {
    let q1 = Period::parse("2025-Q1", JAN).expect("a key");
    assert_eq!(q1.previous().key(), "2024-Q4");
    assert_eq!(q1.same_period_last_year().key(), "2024-Q1");
    let january = Period::parse("2025-01", JAN).expect("a key");
    assert_eq!(january.previous().key(), "2024-12");
    assert_eq!(january.same_period_last_year().key(), "2024-01");
    let fy = Period::parse("2024", july()).expect("a key");
    assert_eq!(fy.next().first_day(), day(2025, 7, 1));
    assert_eq!(
        Period::parse("2024-Q4", july())
            .expect("a key")
            .next()
            .key(),
        "2025-Q1"
    );
}

#[test]
fn months_know_their_fiscal_year() {
    let march = Period::parse("2025-03", JAN).expect("a key");
    assert_eq!(march.fiscal_year(july()).key(), "2024");
    assert_eq!(march.fiscal_year(JAN).key(), "2025");
    assert_eq!(march.months(), 1);
    assert_eq!(march.fiscal_year(JAN).months(), 12);
}

#[test]
fn covering_lists_every_overlapping_period_in_order() {
    let quarters = Period::covering(Grain::Quarter, day(2024, 2, 10), day(2024, 11, 1), JAN);
    let keys: Vec<String> = quarters.iter().map(Period::key).collect();
    assert_eq!(keys, ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
    let months = Period::covering(Grain::Month, day(2024, 11, 30), day(2025, 1, 1), JAN);
    assert_eq!(
        months.iter().map(Period::key).collect::<Vec<_>>(),
        ["2024-11", "2024-12", "2025-01"]
    );
    let mut sorted = [months[2], months[0], quarters[3], months[1]];
    sorted.sort();
    assert_eq!(
        sorted.iter().map(Period::key).collect::<Vec<_>>(),
        ["2024-Q4", "2024-11", "2024-12", "2025-01"]
    );
}

#[test]
fn keys_round_trip_and_bad_keys_say_what_is_accepted() {
    for key in ["2025", "2025-Q3", "2025-07", "2024-12"] {
        assert_eq!(Period::parse(key, JAN).expect("a key").key(), key);
    }
    assert_eq!(
        Period::parse(" 2025-q2 ", JAN).expect("a key").key(),
        "2025-Q2"
    );
    for bad in [
        "", "25", "2025-Q5", "2025-Q0", "2025-13", "2025-00", "2025-7", "20x5", "2025-Q12",
        "2025-+1",
    ] {
        let err = Period::parse(bad, JAN).expect_err(bad);
        assert_eq!(err, VocabularyError::Period(bad.to_owned()));
        assert!(err.to_string().contains("2025-Q3"), "{err}");
    }
}

#[test]
fn the_fiscal_start_is_a_month() {
    assert!(FiscalYearStart::new(0).is_err());
    assert!(FiscalYearStart::new(13).is_err());
    assert_eq!(FiscalYearStart::new(12).map(FiscalYearStart::month), Ok(12));
    assert_eq!(FiscalYearStart::default(), JAN);
}

#[test]
fn periods_cross_the_wire_unchanged() {
    let period = Period::parse("2024-Q3", july()).expect("a key");
    let json = serde_json::to_string(&period).expect("serializes");
    assert_eq!(
        json,
        r#"{"grain":"quarter","year":2024,"quarter":3,"start":7}"#
    );
    assert_eq!(
        serde_json::from_str::<Period>(&json).expect("deserializes"),
        period
    );
    assert!(serde_json::from_str::<Period>(r#"{"grain":"year","year":2024,"start":13}"#).is_err());
}

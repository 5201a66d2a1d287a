//! The engine over a small demo organization, on every test database: every metric
//! computes without error, values are finite, ratios stay within their bounds, and the
//! organization's numerator is the sum of its regions' (the roll-up property).

mod support;

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::demo::{self, DemoConfig};
use domain::kpi_engine::KpiEngine;
use domain::sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn every_metric_computes_on_a_small_demo_and_rolls_up() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let config = DemoConfig {
            members: 600,
            clusters: 24,
            regions: 3,
            years: 2,
            seed: 7,
            until: today,
        };
        let data = demo::generate(&config, &mut |_| {}).expect("demo");
        demo::write(db, data, &mut |_, _| {})
            .await
            .expect("demo written");
        let report = KpiEngine::recompute_all(db, today)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", scratch.name));
        assert_eq!(report.metrics, 49, "{}", scratch.name);
        assert!(report.values > 10_000, "{}: {report:?}", scratch.name);

        let backend = db.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT m.key AS key, m.unit AS unit, v.period_key AS period_key, \
                 v.scope_kind AS scope_kind, v.value AS value, v.numerator AS numerator \
                 FROM kpi_values v JOIN metrics m ON m.id = v.metric_id",
            ))
            .await
            .expect("values");
        let mut with_value: HashMap<String, usize> = HashMap::new();
        let mut organization: HashMap<(String, String), f64> = HashMap::new();
        let mut regions: HashMap<(String, String), f64> = HashMap::new();
        for row in &rows {
            let key: String = row.try_get("", "key").expect("key");
            let unit: String = row.try_get("", "unit").expect("unit");
            let period: String = row.try_get("", "period_key").expect("period");
            let kind: String = row.try_get("", "scope_kind").expect("kind");
            let value: Option<f64> = row.try_get("", "value").expect("value");
            let numerator: Option<f64> = row.try_get("", "numerator").expect("numerator");
            if let Some(value) = value {
                assert!(value.is_finite(), "{key} {period}: {value}");
                if matches!(unit.as_str(), "percent" | "boolean")
                    && key != "net_growth"
                    && key != "budget_variance"
                {
                    assert!(
                        (0.0..=1.0).contains(&value),
                        "{}: {key} {period} {kind} = {value}",
                        scratch.name
                    );
                }
                *with_value.entry(key.clone()).or_default() += 1;
            }
            if let Some(numerator) = numerator {
                match kind.as_str() {
                    "organization" => {
                        organization.insert((key, period), numerator);
                    }
                    "region" => *regions.entry((key, period)).or_default() += numerator,
                    _ => {}
                }
            }
        }
        assert_eq!(
            with_value.len(),
            49,
            "{}: metrics with some value: {with_value:?}",
            scratch.name
        );
        for (key, total) in &organization {
            let sum = regions.get(key).copied().unwrap_or_default();
            assert!(
                (total - sum).abs() < 1e-6,
                "{}: {key:?} organization {total} regions {sum}",
                scratch.name
            );
        }
    }
}

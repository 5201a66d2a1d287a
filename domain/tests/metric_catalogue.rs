//! The shipped metric catalogue: 49 metrics as the catalogue lists them, on both backends.

mod support;

use domain::metric_catalogue::MetricCatalogue;
use kpi::{Direction, Signal};

#[tokio::test]
async fn a_fresh_install_ships_the_49_metrics_of_the_catalogue() {
    for db in support::databases().await {
        let metrics = MetricCatalogue::all(&db.conn)
            .await
            .expect("every row is valid");
        assert_eq!(metrics.len(), 49, "{}", db.name);
        let count = |f: &dyn Fn(&domain::metric_catalogue::CatalogueMetric) -> bool| {
            metrics.iter().filter(|m| f(m)).count()
        };
        assert_eq!(count(&|m| m.row.obligatory), 27, "{}", db.name);
        assert_eq!(
            count(&|m| m.row.group_key == "cluster_leader"),
            18,
            "{}",
            db.name
        );
        assert_eq!(count(&|m| m.row.group_key == "cluster"), 17, "{}", db.name);
        assert_eq!(
            count(&|m| m.row.group_key == "community"),
            14,
            "{}",
            db.name
        );
        assert_eq!(count(&|m| m.row.yearly_only), 8, "{}", db.name);
        assert_eq!(count(&|m| m.row.member_scope), 7, "{}", db.name);
        assert_eq!(
            count(&|m| m.thresholds.direction() == Direction::LowerIsBetter),
            2,
            "{}",
            db.name
        );

        let renewal = metrics
            .iter()
            .find(|m| m.key.as_str() == "renewal_rate")
            .expect("renewal_rate");
        assert_eq!(renewal.row.unit, "percent");
        assert_eq!(
            (renewal.thresholds.green(), renewal.thresholds.amber()),
            (0.9, 0.8),
            "percent thresholds are fractions"
        );
        assert_eq!(renewal.thresholds.signal(Some(0.85)), Some(Signal::Amber));

        let tenure = metrics
            .iter()
            .find(|m| m.key.as_str() == "board_tenure")
            .expect("board_tenure");
        assert_eq!(tenure.thresholds.direction(), Direction::LowerIsBetter);
        assert_eq!(tenure.thresholds.signal(Some(1.5)), Some(Signal::Green));
        assert!(!tenure.row.obligatory);

        let reach = metrics
            .iter()
            .find(|m| m.key.as_str() == "media_reach")
            .expect("media_reach");
        assert_eq!(
            (reach.row.unit.as_str(), reach.thresholds.green()),
            ("count", 100_000.0)
        );
    }
}

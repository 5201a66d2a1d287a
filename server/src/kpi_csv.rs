//! KPI values as CSV: one row per scope, metric and period with value, numerator,
//! denominator, signal, status and decided value. Written the same by `server kpis
//! export` and the download on the validation page.

use domain::kpi_values::KpiValueRow;

/// The CSV of `rows`, with a header line.
pub fn kpi_values_csv(rows: &[KpiValueRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "scope_kind",
        "scope_id",
        "metric",
        "period",
        "grain",
        "value",
        "numerator",
        "denominator",
        "signal",
        "status",
        "decided_value",
    ])?;
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for row in rows {
        writer.write_record([
            row.scope_kind.clone(),
            row.scope_id.to_string(),
            row.metric.clone(),
            row.period.clone(),
            row.grain.clone(),
            number(row.value),
            number(row.numerator),
            number(row.denominator),
            row.signal
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            row.status.clone(),
            number(row.decided_value),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

//! Recording an inter-cluster program.

use leptos::prelude::*;

use crate::{error::AppError, models::program::ProgramForm};

/// Records `program` as hosted by its cluster: staff for the clusters of their regions, a
/// leader for their own. Every field is checked again here (the form checks them first);
/// a refused program says what to fix and writes nothing. The KPIs follow at once.
#[server(endpoint = "programs/record")]
pub async fn record_program(program: ProgramForm) -> Result<(), AppError> {
    use chrono::{NaiveDate, NaiveTime};
    use domain::intercluster_programs::{InterclusterPrograms, ProgramDraft};

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(program.cluster)).await?;
    let date = NaiveDate::parse_from_str(program.date.trim(), "%Y-%m-%d");
    let start = NaiveTime::parse_from_str(program.start.trim(), "%H:%M");
    let (Ok(date), Ok(start)) = (date, start) else {
        let mut problems = Vec::new();
        if date.is_err() {
            problems.push(format!(
                "date: {:?} is not a date (YYYY-MM-DD)",
                program.date
            ));
        }
        if start.is_err() {
            problems.push(format!("start: {:?} is not a time (HH:MM)", program.start));
        }
        return Err(AppError::Refused(problems).respond());
    };
    InterclusterPrograms::record(
        &db,
        ClusterId(program.cluster),
        ProgramDraft {
            title: program.title,
            starts_at: date.and_time(start),
            status: super::stored_status(program.status),
        },
        super::local_now(),
    )
    .await?;
    Ok(())
}

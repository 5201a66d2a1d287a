//! The kinds of file the import reads.

use leptos::prelude::*;

use crate::{error::AppError, models::fact_import::ImportKind};

/// Every kind of file the import reads, with its columns (the page's templates). Staff only.
#[server(endpoint = "import/kinds")]
pub async fn get_import_kinds() -> Result<Vec<ImportKind>, AppError> {
    use crate::models::fact_import::FactFileKind;
    use domain::fact_import::FactKind;

    crate::auth::require_organization_staff()?;
    let names = |columns: &[&str]| columns.iter().map(|c| (*c).to_owned()).collect();
    Ok(FactKind::ALL
        .into_iter()
        .map(|kind| {
            let layout = kind.layout();
            ImportKind {
                kind: match kind {
                    FactKind::Members => FactFileKind::Members,
                    FactKind::Memberships => FactFileKind::Memberships,
                    FactKind::DuesInvoices => FactFileKind::DuesInvoices,
                    FactKind::Events => FactFileKind::Events,
                    FactKind::Attendances => FactFileKind::Attendances,
                    FactKind::Goals => FactFileKind::Goals,
                    FactKind::BoardSeats => FactFileKind::BoardSeats,
                    FactKind::BoardTerms => FactFileKind::BoardTerms,
                    FactKind::ServiceProjects => FactFileKind::ServiceProjects,
                    FactKind::Partnerships => FactFileKind::Partnerships,
                    FactKind::MediaItems => FactFileKind::MediaItems,
                    FactKind::AwardApplications => FactFileKind::AwardApplications,
                    FactKind::Forums => FactFileKind::Forums,
                    FactKind::ForumMembers => FactFileKind::ForumMembers,
                    FactKind::Committees => FactFileKind::Committees,
                    FactKind::CommitteeMembers => FactFileKind::CommitteeMembers,
                    FactKind::SelfReports => FactFileKind::SelfReports,
                    FactKind::EventInvitations => FactFileKind::EventInvitations,
                    FactKind::Speakers => FactFileKind::Speakers,
                    FactKind::Mentorships => FactFileKind::Mentorships,
                    FactKind::Trainings => FactFileKind::Trainings,
                    FactKind::Budgets => FactFileKind::Budgets,
                    FactKind::Spendings => FactFileKind::Spendings,
                    FactKind::Referrals => FactFileKind::Referrals,
                },
                required: names(layout.required),
                optional: names(layout.optional),
            }
        })
        .collect())
}

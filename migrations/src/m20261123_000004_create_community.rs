//! Media coverage, award applications, member self-reports (activities, event
//! participation, volunteer hours), service projects, referrals and partnerships.

use sea_orm_migration::{prelude::*, schema::*};

use crate::schema_builder::{create_all, drop_all, index, references, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = vec![
            table("media_items")
                .col(integer("cluster_id"))
                .col(date("published_on"))
                .col(string_len("outlet", 120))
                .col(string_len("kind", 24))
                .col(big_integer("reach"))
                .col(string_len("title", 200))
                .foreign_key(&mut references("media_items", "cluster_id", "clusters"))
                .take(),
            table("award_applications")
                .col(integer("cluster_id"))
                .col(integer_null("member_id"))
                .col(string_len("award", 120))
                .col(date("submitted_on"))
                .col(string_len("outcome", 16))
                .foreign_key(&mut references(
                    "award_applications",
                    "cluster_id",
                    "clusters",
                ))
                .foreign_key(&mut references(
                    "award_applications",
                    "member_id",
                    "members",
                ))
                .take(),
            // An expected report exists before it is submitted (submitted_on is null), so
            // reports never submitted still count against self_report_timeliness.
            table("self_reports")
                .col(integer("member_id"))
                .col(integer("cluster_id"))
                .col(date("report_month"))
                .col(string_len("kind", 24))
                .col(date("due_on"))
                .col(date_null("submitted_on"))
                .col(double("hours"))
                .col(text("description"))
                .col(string_len("status", 16))
                .col(string_len_null("verifier", 160))
                .col(date_null("verified_on"))
                .col(text_null("rejection_reason"))
                .foreign_key(&mut references("self_reports", "member_id", "members"))
                .foreign_key(&mut references("self_reports", "cluster_id", "clusters"))
                .take(),
            table("service_projects")
                .col(integer("cluster_id"))
                .col(string_len("name", 160))
                .col(date("started_on"))
                .col(date_null("completed_on"))
                .foreign_key(&mut references(
                    "service_projects",
                    "cluster_id",
                    "clusters",
                ))
                .take(),
            table("referrals")
                .col(integer("from_cluster_id"))
                .col(integer("to_cluster_id"))
                .col(string_len("prospect_name", 160))
                .col(date("referred_on"))
                .foreign_key(&mut references("referrals", "from_cluster_id", "clusters"))
                .foreign_key(&mut references("referrals", "to_cluster_id", "clusters"))
                .take(),
            table("partnerships")
                .col(integer("cluster_id"))
                .col(string_len("partner_name", 160))
                .col(date("start_date"))
                .col(date_null("end_date"))
                .foreign_key(&mut references("partnerships", "cluster_id", "clusters"))
                .take(),
        ];
        let indexes = vec![
            index("media_items", &["cluster_id", "published_on"], false),
            index("award_applications", &["cluster_id", "submitted_on"], false),
            index("self_reports", &["member_id", "report_month", "kind"], true),
            index("self_reports", &["cluster_id", "report_month"], false),
            index("service_projects", &["cluster_id", "name"], true),
            index("referrals", &["from_cluster_id", "referred_on"], false),
            index(
                "partnerships",
                &["cluster_id", "partner_name", "start_date"],
                true,
            ),
        ];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            manager,
            &[
                "partnerships",
                "referrals",
                "service_projects",
                "self_reports",
                "award_applications",
                "media_items",
            ],
        )
        .await
    }
}

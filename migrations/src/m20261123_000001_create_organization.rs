//! Regions, clusters, members, their yearly membership terms, dues and settings.

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
            table("regions")
                .col(string_len_uniq("code", 32))
                .col(string_len("name", 120))
                .take(),
            table("clusters")
                .col(string_len_uniq("code", 32))
                .col(string_len("name", 120))
                .col(integer("region_id"))
                .col(string_len("city", 120))
                .col(date("founded_on"))
                .foreign_key(&mut references("clusters", "region_id", "regions"))
                .take(),
            table("members")
                // The CRM's member number: the natural key for imports and the API.
                .col(string_len_uniq("member_number", 32))
                .col(string_len("first_name", 80))
                .col(string_len("last_name", 80))
                .col(string_len("email", 160))
                .col(string_len("company", 160))
                .take(),
            // One row per membership term in one cluster: a yearly term that comes up for
            // renewal, or a stay cut short by a move to another cluster.
            table("memberships")
                .col(integer("member_id"))
                .col(integer("cluster_id"))
                .col(date("start_date"))
                .col(date_null("end_date"))
                .col(date_null("renewal_due_on"))
                .col(string_len_null("renewal_outcome", 16))
                .foreign_key(&mut references("memberships", "member_id", "members"))
                .foreign_key(&mut references("memberships", "cluster_id", "clusters"))
                .take(),
            table("dues_invoices")
                .col(string_len_uniq("invoice_number", 40))
                .col(integer("member_id"))
                .col(integer("cluster_id"))
                .col(big_integer("amount_cents"))
                .col(date("due_on"))
                .col(date_null("paid_on"))
                .col(big_integer("paid_cents"))
                // Part of the payment moved to the cluster's reserve (dues_reserved).
                .col(big_integer("reserved_cents"))
                .foreign_key(&mut references("dues_invoices", "member_id", "members"))
                .foreign_key(&mut references("dues_invoices", "cluster_id", "clusters"))
                .take(),
            Table::create()
                .table("settings")
                .col(string_len("key", 64).primary_key())
                .col(text("value"))
                .take(),
        ];
        let indexes = vec![
            index("clusters", &["region_id"], false),
            index("memberships", &["member_id", "start_date"], true),
            index("memberships", &["cluster_id", "start_date"], false),
            index("memberships", &["cluster_id", "renewal_due_on"], false),
            index("dues_invoices", &["cluster_id", "due_on"], false),
            index("dues_invoices", &["cluster_id", "paid_on"], false),
            index("dues_invoices", &["member_id"], false),
        ];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            manager,
            &[
                "settings",
                "dues_invoices",
                "memberships",
                "members",
                "clusters",
                "regions",
            ],
        )
        .await
    }
}

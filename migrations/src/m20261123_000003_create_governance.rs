//! Goals, board seats and terms, trainings, budgets and spending.

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
            table("goals")
                .col(integer("cluster_id"))
                .col(integer("year"))
                .col(string_len("title", 160))
                .col(date("recorded_on"))
                .col(date("deadline"))
                .col(boolean("achieved"))
                .foreign_key(&mut references("goals", "cluster_id", "clusters"))
                .take(),
            table("board_seats")
                .col(integer("cluster_id"))
                .col(string_len("title", 80))
                // The seat whose holder leads the cluster (succession_plan).
                .col(boolean("is_leader"))
                .foreign_key(&mut references("board_seats", "cluster_id", "clusters"))
                .take(),
            table("board_terms")
                .col(integer("board_seat_id"))
                .col(integer("member_id"))
                .col(date("start_date"))
                .col(date_null("end_date"))
                .col(integer_null("successor_id"))
                .col(date_null("successor_named_on"))
                .foreign_key(&mut references(
                    "board_terms",
                    "board_seat_id",
                    "board_seats",
                ))
                .foreign_key(&mut references("board_terms", "member_id", "members"))
                .foreign_key(&mut references("board_terms", "successor_id", "members"))
                .take(),
            table("trainings")
                .col(integer("member_id"))
                .col(string_len("course", 120))
                .col(date("completed_on"))
                .foreign_key(&mut references("trainings", "member_id", "members"))
                .take(),
            table("budgets")
                .col(integer("cluster_id"))
                .col(integer("year"))
                .col(big_integer("amount_cents"))
                .col(date("deadline"))
                .col(date_null("submitted_on"))
                .foreign_key(&mut references("budgets", "cluster_id", "clusters"))
                .take(),
            table("spendings")
                .col(integer("cluster_id"))
                .col(date("spent_on"))
                .col(big_integer("amount_cents"))
                .col(string_len("category", 60))
                .foreign_key(&mut references("spendings", "cluster_id", "clusters"))
                .take(),
        ];
        let indexes = vec![
            index("goals", &["cluster_id", "year", "title"], true),
            index("board_seats", &["cluster_id", "title"], true),
            index("board_terms", &["board_seat_id", "start_date"], true),
            index("board_terms", &["member_id"], false),
            index("trainings", &["member_id", "course", "completed_on"], true),
            index("budgets", &["cluster_id", "year"], true),
            index("spendings", &["cluster_id", "spent_on"], false),
        ];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            manager,
            &[
                "spendings",
                "budgets",
                "trainings",
                "board_terms",
                "board_seats",
                "goals",
            ],
        )
        .await
    }
}

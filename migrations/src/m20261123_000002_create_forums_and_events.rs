//! Forums, committees, events of every kind with invitations, attendance and speakers,
//! and mentorships.

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
            table("forums")
                .col(integer("cluster_id"))
                .col(string_len("name", 120))
                .col(date("formed_on"))
                .col(date_null("dissolved_on"))
                .foreign_key(&mut references("forums", "cluster_id", "clusters"))
                .take(),
            table("forum_memberships")
                .col(integer("forum_id"))
                .col(integer("member_id"))
                .col(string_len("role", 16))
                .col(boolean("trained"))
                .col(date("start_date"))
                .col(date_null("end_date"))
                .foreign_key(&mut references("forum_memberships", "forum_id", "forums"))
                .foreign_key(&mut references("forum_memberships", "member_id", "members"))
                .take(),
            table("committees")
                .col(integer("cluster_id"))
                .col(string_len("name", 120))
                .foreign_key(&mut references("committees", "cluster_id", "clusters"))
                .take(),
            table("committee_members")
                .col(integer("committee_id"))
                .col(integer("member_id"))
                .col(date("start_date"))
                .col(date_null("end_date"))
                .foreign_key(&mut references(
                    "committee_members",
                    "committee_id",
                    "committees",
                ))
                .foreign_key(&mut references("committee_members", "member_id", "members"))
                .take(),
            // Every gathering is an event: its kind says which metrics it feeds.
            table("events")
                .col(string_len_uniq("event_ref", 48))
                .col(string_len("kind", 24))
                .col(string_len("title", 160))
                .col(integer_null("host_cluster_id"))
                .col(integer_null("region_id"))
                .col(integer_null("forum_id"))
                .col(integer_null("committee_id"))
                .col(date_time("scheduled_start"))
                .col(string_len("status", 16))
                .foreign_key(&mut references("events", "host_cluster_id", "clusters"))
                .foreign_key(&mut references("events", "region_id", "regions"))
                .foreign_key(&mut references("events", "forum_id", "forums"))
                .foreign_key(&mut references("events", "committee_id", "committees"))
                .take(),
            table("event_invitations")
                .col(integer("event_id"))
                .col(integer("member_id"))
                .foreign_key(&mut references("event_invitations", "event_id", "events"))
                .foreign_key(&mut references("event_invitations", "member_id", "members"))
                .take(),
            table("attendances")
                .col(integer("event_id"))
                .col(integer("member_id"))
                // When the member joined: "on time" is derived from it and the event's start.
                .col(date_time_null("joined_at"))
                .foreign_key(&mut references("attendances", "event_id", "events"))
                .foreign_key(&mut references("attendances", "member_id", "members"))
                .take(),
            table("speakers")
                .col(integer("event_id"))
                .col(integer("member_id"))
                .col(string_len("topic", 160))
                .foreign_key(&mut references("speakers", "event_id", "events"))
                .foreign_key(&mut references("speakers", "member_id", "members"))
                .take(),
            table("mentorships")
                .col(integer("mentor_id"))
                .col(integer("mentee_id"))
                .col(integer("cluster_id"))
                .col(date("start_date"))
                .col(date_null("end_date"))
                .foreign_key(&mut references("mentorships", "mentor_id", "members"))
                .foreign_key(&mut references("mentorships", "mentee_id", "members"))
                .foreign_key(&mut references("mentorships", "cluster_id", "clusters"))
                .take(),
        ];
        let indexes = vec![
            index("forums", &["cluster_id", "name"], true),
            index(
                "forum_memberships",
                &["forum_id", "member_id", "role", "start_date"],
                true,
            ),
            index("forum_memberships", &["member_id"], false),
            index("committees", &["cluster_id", "name"], true),
            index(
                "committee_members",
                &["committee_id", "member_id", "start_date"],
                true,
            ),
            index("committee_members", &["member_id"], false),
            index(
                "events",
                &["host_cluster_id", "kind", "scheduled_start"],
                false,
            ),
            index("events", &["kind", "scheduled_start"], false),
            index("events", &["forum_id"], false),
            index("events", &["committee_id"], false),
            index("event_invitations", &["event_id", "member_id"], true),
            index("event_invitations", &["member_id"], false),
            index("attendances", &["event_id", "member_id"], true),
            index("attendances", &["member_id"], false),
            index("speakers", &["event_id", "member_id"], true),
            index("speakers", &["member_id"], false),
            index(
                "mentorships",
                &["mentor_id", "mentee_id", "start_date"],
                true,
            ),
            index("mentorships", &["cluster_id", "start_date"], false),
            index("mentorships", &["mentee_id"], false),
        ];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            manager,
            &[
                "mentorships",
                "speakers",
                "attendances",
                "event_invitations",
                "events",
                "committee_members",
                "committees",
                "forum_memberships",
                "forums",
            ],
        )
        .await
    }
}

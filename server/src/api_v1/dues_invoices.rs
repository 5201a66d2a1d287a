//! `POST /api/v1/facts/dues-invoices`: a batch of dues invoices upserted by invoice number
//! (a finance system's invoices and payments), checked whole (every problem by item and
//! field, nothing written on any), written in one transaction, recorded in the import
//! history; the dues KPIs of the clusters and days it touches are recomputed before the
//! answer.

use axum::{Json, extract::State};
use domain::{dues_sync::DuesRecord, fact_import::FactBatch, sea_orm::DatabaseConnection};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// The route.
const PATH: &str = "/api/v1/facts/dues-invoices";

/// A batch of dues invoices.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DuesInvoiceBatch {
    /// The invoices, at most 10,000.
    pub items: Vec<ApiDuesInvoice>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One dues invoice with its payment; amounts in the organization's currency.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiDuesInvoice {
    /// The invoice's number (at most 40 characters): the natural key.
    pub invoice_number: String,
    /// The billed member's number (push the member first).
    pub member_number: String,
    /// The code of the cluster the dues are for; the member must have been a member of it.
    pub cluster_code: String,
    /// The amount billed (`1250.00`), more than 0.
    pub amount: String,
    /// When it is due (`2025-07-31`), at most a year ahead.
    pub due_on: String,
    /// When it was paid, not after today.
    pub paid_on: Option<String>,
    /// The amount paid, at most the amount billed; the whole amount when left out and
    /// `paid_on` is given.
    pub paid_amount: Option<String>,
    /// The part of the payment moved to the cluster's reserve, at most the amount paid.
    pub reserved_amount: Option<String>,
}

/// Upserts dues invoices.
#[utoipa::path(
    post,
    path = "/api/v1/facts/dues-invoices",
    tag = "facts",
    request_body = DuesInvoiceBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_dues_invoices(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<DuesInvoiceBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| DuesRecord {
            invoice_number: item.invoice_number,
            member_number: item.member_number,
            cluster_code: item.cluster_code,
            amount: item.amount,
            due_on: item.due_on,
            paid_on: item.paid_on,
            paid_amount: item.paid_amount,
            reserved_amount: item.reserved_amount,
        })
        .collect();
    push(
        &db,
        &client,
        PATH,
        "invoice",
        FactBatch::DuesInvoices(records),
        batch.dry_run,
    )
    .await
}

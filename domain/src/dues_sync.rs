//! Dues invoices from a file or an integration: each known by its invoice number, billed
//! to a member of a cluster, with its payment and the part moved to the cluster's reserve.
//! The whole file is checked first (every problem by line and column, nothing written on
//! any), written in one transaction, recorded in the import history (from which it can be
//! rolled back), and the dues KPIs of the clusters and days it touches are recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::dues_invoice;
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of dues invoices; amounts in the organization's currency
/// (`1250.00`), dates as `2025-07-31`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "dues_invoices",
    required: &[
        "invoice_number",
        "member_number",
        "cluster_code",
        "amount",
        "due_on",
    ],
    optional: &["paid_on", "paid_amount", "reserved_amount"],
};

/// The longest invoice number.
const NUMBER_MAX: usize = 40;
/// The largest amount of one invoice, in cents: a typo guard.
pub(crate) const AMOUNT_MAX: i64 = 100_000_000;

/// One dues invoice as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DuesRecord {
    /// The invoice's number: the natural key.
    pub invoice_number: String,
    /// The billed member's number.
    pub member_number: String,
    /// The code of the cluster the dues are for.
    pub cluster_code: String,
    /// The amount billed (`1250.00`).
    pub amount: String,
    /// When it is due.
    pub due_on: String,
    /// When it was paid, if it was.
    pub paid_on: Option<String>,
    /// The amount paid; the whole amount when left out and paid_on is given.
    pub paid_amount: Option<String>,
    /// The part of the payment moved to the cluster's reserve.
    pub reserved_amount: Option<String>,
}

/// An invoice's columns besides its number, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DuesFields {
    member_id: i32,
    cluster_id: i32,
    amount_cents: i64,
    due_on: NaiveDate,
    paid_on: Option<NaiveDate>,
    paid_cents: i64,
    reserved_cents: i64,
}

impl From<&dues_invoice::Model> for DuesFields {
    fn from(d: &dues_invoice::Model) -> Self {
        Self {
            member_id: d.member_id,
            cluster_id: d.cluster_id,
            amount_cents: d.amount_cents,
            due_on: d.due_on,
            paid_on: d.paid_on,
            paid_cents: d.paid_cents,
            reserved_cents: d.reserved_cents,
        }
    }
}

impl DuesFields {
    /// Adds what the invoice's KPIs depend on to `touched`.
    fn touch(&self, touched: &mut Touched) {
        touched.add_day(self.member_id, Some(self.cluster_id), self.due_on);
        if let Some(paid) = self.paid_on {
            touched.days.push(paid);
        }
    }
}

/// The `dues_invoices` table, imported by invoice number.
pub(crate) struct DuesTable;

impl UpsertTable for DuesTable {
    type Fields = DuesFields;
    const TABLE: &'static str = "dues_invoices";
    const KEY_COLUMNS: &'static [&'static str] = &["invoice_number"];
    const FIELD_COLUMNS: &'static [&'static str] = &[
        "member_id",
        "cluster_id",
        "amount_cents",
        "due_on",
        "paid_on",
        "paid_cents",
        "reserved_cents",
    ];

    fn touch(fields: &DuesFields, touched: &mut Touched) {
        fields.touch(touched);
    }

    fn field_values(f: &DuesFields) -> Vec<Value> {
        vec![
            f.member_id.into(),
            f.cluster_id.into(),
            f.amount_cents.into(),
            f.due_on.into(),
            f.paid_on.into(),
            f.paid_cents.into(),
            f.reserved_cents.into(),
        ]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedDues {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<DuesTable>>,
}

/// Importing dues invoices by number.
pub struct DuesSync;

impl DuesSync {
    /// Checks the records of a file or a batch against the members, clusters and invoices
    /// there are; writes nothing. `today` bounds the dates.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<DuesRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedDues, DomainError> {
        let directory = FactDirectory::people(db).await?;
        let stored: HashMap<String, (i32, DuesFields)> = dues_invoice::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|d| {
                let fields = DuesFields::from(&d);
                (d.invoice_number, (d.id, fields))
            })
            .collect();
        let latest_due = today + chrono::Duration::days(366);

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<DuesTable>> = Vec::new();
        let mut seen: HashMap<String, u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem {
                    line,
                    column: Some(column.to_owned()),
                    value: value.to_owned(),
                    why,
                });
            };
            let number = record.invoice_number.trim().to_owned();
            if number.is_empty() {
                problem("invoice_number", "", "required".into());
            } else if number.chars().count() > NUMBER_MAX {
                problem(
                    "invoice_number",
                    &number,
                    format!("at most {NUMBER_MAX} characters"),
                );
            } else if let Some(first) = seen.insert(number.clone(), line) {
                problem(
                    "invoice_number",
                    &number,
                    format!("this invoice is also on {position} {first}"),
                );
            }
            let member_number = record.member_number.trim();
            let member = directory
                .member_of(member_number, None)
                .map_err(|why| problem("member_number", member_number, why.into()))
                .ok();
            let code = record.cluster_code.trim();
            let cluster = directory
                .cluster(code)
                .map_err(|why| problem("cluster_code", code, why.into()))
                .ok();
            if let (Some(member), Some(cluster)) = (member, cluster)
                && !directory.belongs(member, cluster)
            {
                problem(
                    "cluster_code",
                    code,
                    format!("{member_number} has never been a member of this cluster"),
                );
            }
            let mut money = |column: &str, text: Option<&str>| {
                let text = text.map(str::trim).filter(|t| !t.is_empty())?;
                let cents = cents(text).filter(|c| *c <= AMOUNT_MAX);
                if cents.is_none() {
                    problem(
                        column,
                        text,
                        "not an amount: write 1250.00 (no currency sign)".into(),
                    );
                }
                cents
            };
            let amount = money("amount", Some(&record.amount));
            let paid = money("paid_amount", record.paid_amount.as_deref());
            let reserved = money("reserved_amount", record.reserved_amount.as_deref());
            let mut date = |column: &str, text: Option<&str>| {
                let text = text.map(str::trim).filter(|t| !t.is_empty())?;
                let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
                if day.is_none() {
                    problem(column, text, "not a date: write 2025-07-31".into());
                }
                day
            };
            let due_on = date("due_on", Some(&record.due_on));
            let paid_on = date("paid_on", record.paid_on.as_deref());
            if record.amount.trim().is_empty() {
                problem("amount", "", "required: the amount billed".into());
            } else if amount == Some(0) {
                problem(
                    "amount",
                    &record.amount,
                    "an invoice bills more than 0".into(),
                );
            }
            if record.due_on.trim().is_empty() {
                problem("due_on", "", "required: write 2025-07-31".into());
            } else if due_on.is_some_and(|d| d > latest_due) {
                problem("due_on", &record.due_on, "more than a year ahead".into());
            }
            if let Some(day) = paid_on
                && day > today
            {
                problem(
                    "paid_on",
                    record.paid_on.as_deref().unwrap_or(""),
                    format!("after today ({today}): record a payment once it is made"),
                );
            }
            let paid_text = record.paid_amount.as_deref().unwrap_or("");
            // A payment day alone means the whole amount was paid.
            let paid = match (paid, paid_on) {
                (None, Some(_)) => amount,
                (Some(cents), None) if cents > 0 => {
                    problem(
                        "paid_on",
                        "",
                        "required when paid_amount is given: when it was paid".into(),
                    );
                    Some(cents)
                }
                (paid, _) => paid,
            }
            .unwrap_or(0);
            if let Some(amount) = amount
                && paid > amount
            {
                problem(
                    "paid_amount",
                    paid_text,
                    "more than the amount billed".into(),
                );
            }
            let reserved = reserved.unwrap_or(0);
            if reserved > paid {
                problem(
                    "reserved_amount",
                    record.reserved_amount.as_deref().unwrap_or(""),
                    "more than the amount paid".into(),
                );
            }
            let (Some(member), Some(cluster), Some(amount), Some(due_on)) =
                (member, cluster, amount, due_on)
            else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let fields = DuesFields {
                member_id: member,
                cluster_id: cluster,
                amount_cents: amount,
                due_on,
                paid_on,
                paid_cents: paid,
                reserved_cents: reserved,
            };
            let action = Upsert::against(stored.get(&number).cloned(), &fields);
            rows.push(Planned {
                key: vec![number.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedDues { preview, rows })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the KPIs
    /// of the clusters and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedDues { preview, rows }: CheckedDues,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, Touched::default(), today).await
    }
}

/// Undoes dues import `import` in `txn`: what the KPI recompute must cover (the rows as
/// the import left them and as they are restored), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    let written = written_rows(
        txn,
        "dues_invoices",
        "member_id, cluster_id, due_on, paid_on",
        import,
    )
    .await?;
    for row in written {
        touched.add_day(
            row.try_get("", "member_id")?,
            Some(row.try_get("", "cluster_id")?),
            row.try_get("", "due_on")?,
        );
        touched
            .days
            .extend(row.try_get::<Option<NaiveDate>>("", "paid_on")?);
    }
    let undone = undo_rows::<DuesTable, _>(txn, import, "its invoices cannot be removed").await?;
    for fields in &undone.restored {
        fields.touch(&mut touched);
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A dues record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> DuesRecord {
    DuesRecord {
        invoice_number: cells.text("invoice_number"),
        member_number: cells.text("member_number"),
        cluster_code: cells.text("cluster_code"),
        amount: cells.text("amount"),
        due_on: cells.text("due_on"),
        paid_on: cells.optional("paid_on"),
        paid_amount: cells.optional("paid_amount"),
        reserved_amount: cells.optional("reserved_amount"),
    }
}

/// An amount as people and spreadsheets write it (`1250`, `1250.5`, `1,250.00`,
/// `1.250,00`), in cents; `None` when it is not one or is negative.
pub(crate) fn cents(text: &str) -> Option<i64> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    // The last separator followed by one or two digits is the decimal one; the others
    // group thousands.
    let (whole, fraction) = match text.rfind(['.', ',']) {
        Some(at) if (2..=3).contains(&(text.len() - at)) => (&text[..at], &text[at + 1..]),
        _ => (text.as_str(), ""),
    };
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    let fraction: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(fraction)
}

#[cfg(test)]
mod tests {
    use super::cents;

    #[test]
    fn amounts_are_read_as_people_write_them() {
        assert_eq!(cents("1250"), Some(125_000));
        assert_eq!(cents("1250.5"), Some(125_050));
        assert_eq!(cents("1,250.00"), Some(125_000));
        assert_eq!(cents("1.250,00"), Some(125_000));
        assert_eq!(cents("1 250,75"), Some(125_075));
        assert_eq!(cents("1,250"), Some(125_000));
        assert_eq!(cents("0.99"), Some(99));
        assert_eq!(cents("-5"), None);
        assert_eq!(cents("€ 5"), None);
        assert_eq!(cents("twelve"), None);
        assert_eq!(cents(","), None);
    }
}

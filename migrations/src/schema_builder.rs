//! Small builders that keep the migrations readable: a table with an `id` key, foreign
//! keys that are named after what they join, and named indexes.

use sea_orm_migration::{prelude::*, schema::pk_auto};

/// A `CREATE TABLE` with an auto-increment integer `id` primary key.
pub fn table(name: &'static str) -> TableCreateStatement {
    Table::create().table(name).col(pk_auto("id")).take()
}

/// A foreign key `table.column -> target.id`; deleting a referenced row is refused.
pub fn references(
    table: &'static str,
    column: &'static str,
    target: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(table, column)
        .to(target, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Cascade)
        .take()
}

/// A named index on `columns`; `unique` makes it a natural key.
pub fn index(table: &'static str, columns: &[&'static str], unique: bool) -> IndexCreateStatement {
    let mut stmt = Index::create();
    stmt.name(format!(
        "{}_{table}_{}",
        if unique { "uq" } else { "ix" },
        columns.join("_")
    ))
    .table(table);
    for column in columns {
        stmt.col(*column);
    }
    if unique {
        stmt.unique();
    }
    stmt.take()
}

/// Creates each table, then each index.
pub async fn create_all(
    manager: &SchemaManager<'_>,
    tables: Vec<TableCreateStatement>,
    indexes: Vec<IndexCreateStatement>,
) -> Result<(), DbErr> {
    for table in tables {
        manager.create_table(table).await?;
    }
    for index in indexes {
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Drops the tables in the order given (children first).
pub async fn drop_all(manager: &SchemaManager<'_>, tables: &[&'static str]) -> Result<(), DbErr> {
    for table in tables {
        manager
            .drop_table(Table::drop().table(*table).take())
            .await?;
    }
    Ok(())
}

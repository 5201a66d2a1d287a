//! Small builders that keep the migrations readable: a table with an `id` key, foreign
//! keys that are named after what they join, and named indexes.

use sea_orm_migration::{
    prelude::*,
    schema::{pk_auto, string_len},
};

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

/// Adds a unique `reference` column to each of `tables`, filled for the rows there are
/// with the table's prefix and the row's id (`MP-MEDIA-12`): the natural key an import
/// matches rows by where no set of fields tells two apart.
pub async fn add_references(
    manager: &SchemaManager<'_>,
    tables: &[(&'static str, &'static str)],
) -> Result<(), DbErr> {
    for (table, prefix) in tables {
        manager
            .alter_table(
                Table::alter()
                    .table(*table)
                    // SQLite adds a NOT NULL column only with a default.
                    .add_column(string_len("reference", 40).default("").take())
                    .take(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "UPDATE {table} SET reference = '{prefix}' || CAST(id AS VARCHAR(12))"
            ))
            .await?;
        manager
            .create_index(index(table, &["reference"], true))
            .await?;
    }
    Ok(())
}

/// Drops what [`add_references`] added to `tables`.
pub async fn drop_references(
    manager: &SchemaManager<'_>,
    tables: &[(&'static str, &'static str)],
) -> Result<(), DbErr> {
    for (table, _) in tables {
        manager
            .drop_index(
                Index::drop()
                    .name(format!("uq_{table}_reference"))
                    .table(*table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table(*table).drop_column("reference").take())
            .await?;
    }
    Ok(())
}

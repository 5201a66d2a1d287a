//! The import page: staff choose a CSV or XLSX file of attendances and see what importing it would
//! do (new, changed and unchanged rows, and every problem with its line, column and value)
//! before anything is written; "Import" writes a clean file in one transaction and the
//! KPIs follow at once. The file is read in the browser and sent as text.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::layout::{
        confirmed_action::ConfirmedAction,
        error_notice::{ErrorNotice, LoadError},
        loaded_page::PageSkeleton,
    },
    i18n::{
        Msg, format_count, import_done, import_problem_count, import_summary, rollback_done, t,
    },
    models::fact_import::{ImportHistoryRow, ImportKind, ImportReport},
    providers::locale::use_locale,
    server_fns::fact_import::{
        get_import_history::get_import_history,
        get_import_kinds::get_import_kinds,
        import_attendances::{ImportAttendanceWorkbook, ImportAttendances},
        roll_back_import::RollBackImport,
    },
};

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let locale = use_locale();
    let csv_action = ServerAction::<ImportAttendances>::new();
    let xlsx_action = ServerAction::<ImportAttendanceWorkbook>::new();
    // The chosen file: its text (CSV) or base64 (XLSX), kept for "Import" after the check.
    let chosen = RwSignal::new(None::<String>);
    let chosen_name = RwSignal::new(None::<String>);
    let workbook = RwSignal::new(false);
    let dispatch = move |content: String, commit: bool| {
        let file_name = chosen_name.get_untracked();
        if workbook.get_untracked() {
            xlsx_action.dispatch(ImportAttendanceWorkbook {
                xlsx: content,
                commit,
                file_name,
            });
        } else {
            csv_action.dispatch(ImportAttendances {
                csv: content,
                commit,
                file_name,
            });
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await
                else {
                    return;
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                let is_workbook = file.name().to_lowercase().ends_with(".xlsx");
                let content = if is_workbook {
                    use base64::Engine;
                    base64::engine::general_purpose::STANDARD.encode(&bytes)
                } else {
                    // Bytes that are not UTF-8 become U+FFFD, which the server names by line.
                    String::from_utf8_lossy(&bytes).into_owned()
                };
                workbook.set(is_workbook);
                chosen_name.set(Some(file.name()));
                chosen.set(Some(content.clone()));
                dispatch(content, false);
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let on_import = move |_| {
        if let Some(content) = chosen.get_untracked() {
            dispatch(content, true);
        }
    };
    let roll_back = ServerAction::<RollBackImport>::new();
    // The history reloads after a written import or a rollback, not after every check, so
    // a row the reader is about to roll back is not redrawn under their hand.
    let imports_written = RwSignal::new(0_u32);
    let written = |value: Option<Result<ImportReport, crate::error::AppError>>| matches!(value, Some(Ok(report)) if report.imported);
    Effect::new(move |_| {
        if written(csv_action.value().get()) {
            imports_written.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if written(xlsx_action.value().get()) {
            imports_written.update(|n| *n += 1);
        }
    });
    let history = Resource::new(
        move || (imports_written.get(), roll_back.version().get()),
        |_| get_import_history(),
    );
    let kinds = Resource::new(|| (), |()| get_import_kinds());
    let on_retry = Callback::new(move |()| kinds.refetch());
    view! {
        <Title text=t(locale, Msg::ImportTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::ImportTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::ImportLead)}</p>
            </header>
            <Suspense fallback=|| view! { <PageSkeleton /> }>
                {move || Suspend::new(async move {
                    match kinds.await {
                        Ok(kinds) => {
                            kinds
                                .into_iter()
                                .find(|kind| kind.key == "attendances")
                                .map(|kind| view! { <FileChoice kind on_change /> })
                                .into_any()
                        }
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
            {move || {
                if csv_action.pending().get() || xlsx_action.pending().get() {
                    return view! {
                        <p class="notice" role="status">{t(locale, Msg::ImportChecking)}</p>
                    }
                        .into_any();
                }
                let value = if workbook.get() {
                    xlsx_action.value().get()
                } else {
                    csv_action.value().get()
                };
                match value {
                    None => ().into_any(),
                    Some(Err(error)) => view! { <ErrorNotice error /> }.into_any(),
                    Some(Ok(report)) => view! { <ImportOutcome report on_import /> }.into_any(),
                }
            }}
            <ImportHistorySection history roll_back />
        </div>
    }
}

/// The file field, the columns a file has and its template.
#[component]
fn FileChoice(
    kind: ImportKind,
    on_change: impl Fn(leptos::ev::Event) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let header = kind
        .required
        .iter()
        .chain(&kind.optional)
        .cloned()
        .collect::<Vec<_>>()
        .join("%2C");
    // The template is the header line alone: no made-up rows.
    let template = format!("data:text/csv;charset=utf-8,{header}%0A");
    let file_name = format!("{}.csv", kind.key);
    let columns = kind
        .required
        .into_iter()
        .map(|column| (column, false))
        .chain(kind.optional.into_iter().map(|column| (column, true)))
        .map(|(column, optional)| {
            let note = optional.then(|| format!(" ({})", t(locale, Msg::ImportOptional)));
            view! {
                <li>
                    <code>{column}</code>
                    {note}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card import-choice">
            <label class="field">
                <span class="field__label">{t(locale, Msg::ImportChooseFile)}</span>
                <input
                    type="file"
                    accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    data-testid="import-file"
                    on:change=on_change
                />
            </label>
            <p class="muted">{t(locale, Msg::ImportColumns)}</p>
            <ul class="import-columns">{columns}</ul>
            <p class="muted">{t(locale, Msg::ImportHint)}</p>
            <a href=template download=file_name>
                {t(locale, Msg::ImportTemplate)}
            </a>
        </section>
    }
}

/// What the file would do, or did, and its problems.
#[component]
fn ImportOutcome(
    report: ImportReport,
    on_import: impl Fn(leptos::ev::MouseEvent) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    if report.imported {
        return view! {
            <p class="notice notice--success" role="status" data-testid="import-done">
                {import_done(locale, report.created, report.changed, report.kpis_changed)}
            </p>
        }
        .into_any();
    }
    if report.problem_count == 0 {
        let summary = import_summary(
            locale,
            report.rows,
            report.created,
            report.changed,
            report.unchanged,
        );
        let nothing_to_write = report.created + report.changed == 0;
        return view! {
            <section class="card import-outcome" aria-live="polite">
                <p data-testid="import-summary">{summary}</p>
                <button
                    class="button"
                    type="button"
                    data-testid="import-commit"
                    disabled=nothing_to_write
                    on:click=on_import
                >
                    {t(locale, Msg::ImportCommit)}
                </button>
            </section>
        }
        .into_any();
    }
    // With problems nothing is planned: the counts would all be zero.
    let count = import_problem_count(locale, report.problem_count);
    view! {
        <section class="card import-outcome" aria-live="polite">
            <div class="notice notice--error" role="alert">
                <p data-testid="import-problem-count">{count}</p>
                <p>{t(locale, Msg::ImportNothingWritten)}</p>
            </div>
            <div class="table-scroll">
                <table class="import-problems" data-testid="import-problems">
                    <thead>
                        <tr>
                            <th scope="col">{t(locale, Msg::ImportLine)}</th>
                            <th scope="col">{t(locale, Msg::ImportColumn)}</th>
                            <th scope="col">{t(locale, Msg::ImportValue)}</th>
                            <th scope="col">{t(locale, Msg::ImportProblem)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {report
                            .problems
                            .into_iter()
                            .map(|problem| {
                                view! {
                                    <tr>
                                        <td>{problem.line}</td>
                                        <td>{problem.column.unwrap_or_default()}</td>
                                        <td>{problem.value}</td>
                                        <td>{problem.why}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// The newest imports with their counts, each rolled back or with a "Roll back" that asks
/// first.
#[component]
fn ImportHistorySection(
    history: Resource<Result<Vec<ImportHistoryRow>, crate::error::AppError>>,
    roll_back: ServerAction<RollBackImport>,
) -> impl IntoView {
    let locale = use_locale();
    let on_retry = Callback::new(move |()| history.refetch());
    let outcome = move || match roll_back.value().get() {
        Some(Ok(report)) => Some(
            view! {
                <p class="notice notice--success" role="status">
                    {rollback_done(locale, report.removed, report.restored)}
                </p>
            }
            .into_any(),
        ),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    view! {
        <section class="import-history" aria-labelledby="import-history-heading">
            <h2 id="import-history-heading" class="scorecard__subheading">
                {t(locale, Msg::ImportHistoryHeading)}
            </h2>
            <p class="muted">{t(locale, Msg::ImportHistoryLead)}</p>
            {outcome}
            <Transition fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(rows) if rows.is_empty() => {
                            view! { <p class="notice">{t(locale, Msg::ImportHistoryEmpty)}</p> }
                                .into_any()
                        }
                        Ok(rows) => view! { <ImportHistoryTable rows roll_back /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ImportHistoryTable(
    rows: Vec<ImportHistoryRow>,
    roll_back: ServerAction<RollBackImport>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="import-history">
                <thead>
                    <tr>
                        <th scope="col">{t(locale, Msg::ColumnWhen)}</th>
                        <th scope="col">{t(locale, Msg::ColumnSource)}</th>
                        <th scope="col">{t(locale, Msg::ColumnImportedBy)}</th>
                        <th scope="col" class="numeric">{t(locale, Msg::ColumnRows)}</th>
                        <th scope="col" class="numeric">{t(locale, Msg::ColumnNew)}</th>
                        <th scope="col" class="numeric">{t(locale, Msg::ColumnChanged)}</th>
                        <th scope="col">{t(locale, Msg::ColumnStatus)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <ImportHistoryRowView row roll_back /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ImportHistoryRowView(
    row: ImportHistoryRow,
    roll_back: ServerAction<RollBackImport>,
) -> impl IntoView {
    let locale = use_locale();
    let id = row.id;
    let status = match row.rolled_back {
        Some(when) => view! {
            <span>{format!("{} {when}", t(locale, Msg::RolledBackOn))}</span>
        }
        .into_any(),
        None => view! {
            <div class="entry-actions">
                <span>{t(locale, Msg::ImportInPlace)}</span>
                <ConfirmedAction
                    label=t(locale, Msg::RollBackButton)
                    question=t(locale, Msg::RollBackConfirm)
                    pending=roll_back.pending()
                    on_confirm=Callback::new(move |()| {
                        roll_back.dispatch(RollBackImport { id });
                    })
                />
            </div>
        }
        .into_any(),
    };
    view! {
        <tr>
            <td>{row.when}</td>
            <td>{row.source}</td>
            <td>{row.by}</td>
            <td class="numeric">{format_count(locale, row.rows)}</td>
            <td class="numeric">{format_count(locale, row.created)}</td>
            <td class="numeric">{format_count(locale, row.changed)}</td>
            <td>{status}</td>
        </tr>
    }
}

//! The import page: staff choose what a file holds and a CSV or XLSX file, and see what
//! importing it would do (new, changed and unchanged rows, and every problem with its
//! line, column and value) before anything is written; "Import" writes a clean file in one
//! transaction and the KPIs follow at once. The file goes from its field to the server as
//! it is (`file_upload`), with a progress bar while it travels and a notice while the
//! server checks it.

#[cfg(feature = "hydrate")]
mod file_upload;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::layout::{
        confirmed_action::ConfirmedAction,
        error_notice::{ErrorNotice, LoadError},
        list_download::ListDownload,
        loaded_page::PageSkeleton,
    },
    error::AppError,
    i18n::{
        Msg, fact_kind_label, format_count, format_decimal, import_done, import_problem_count,
        import_summary, rollback_done, t,
    },
    models::fact_import::{ColumnChoice, FactFileKind, ImportHistoryRow, ImportKind, ImportReport},
    providers::locale::use_locale,
    server_fns::fact_import::{
        get_import_history::get_import_history, get_import_kinds::get_import_kinds,
        roll_back_import::RollBackImport,
    },
};

/// Where a file's trip to the server is; only the browser sends files.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Transfer {
    /// Bytes sent of all.
    Sending(f64, f64),
    /// Sent; the server is checking (or writing) it.
    Working,
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let locale = use_locale();
    let kind = RwSignal::new(FactFileKind::default());
    let file_field = NodeRef::<leptos::html::Input>::new();
    let transfer = RwSignal::new(None::<Transfer>);
    let outcome = RwSignal::new(None::<Result<ImportReport, AppError>>);
    // Each send is numbered, so the answer to a file replaced meanwhile is dropped.
    let sends = StoredValue::new(0_u32);
    // How the file's headers are read, once staff mapped them; `None`: as remembered.
    let mapping = RwSignal::new(None::<Vec<ColumnChoice>>);
    let send = move |commit: bool| {
        #[cfg(feature = "hydrate")]
        {
            let Some(file) = file_field
                .get_untracked()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            sends.update_value(|n| *n += 1);
            let this = sends.get_value();
            transfer.set(Some(Transfer::Sending(0.0, file.size())));
            outcome.set(None);
            file_upload::send(
                &file,
                file_upload::FileRequest {
                    kind: kind.get_untracked(),
                    commit,
                    mapping: mapping.get_untracked(),
                },
                move |sent, total| {
                    if sends.get_value() == this {
                        transfer.set(Some(if sent >= total {
                            Transfer::Working
                        } else {
                            Transfer::Sending(sent, total)
                        }));
                    }
                },
                move |answer| {
                    if sends.get_value() == this {
                        transfer.set(None);
                        outcome.set(Some(answer));
                    }
                },
            );
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (commit, file_field, sends);
    };
    let on_map = Callback::new(move |choices: Vec<ColumnChoice>| {
        mapping.set(Some(choices));
        send(false);
    });
    // Another kind starts over: its own file field, no outcome of the last file.
    let on_kind = Callback::new(move |chosen_kind: FactFileKind| {
        kind.set(chosen_kind);
        mapping.set(None);
        sends.update_value(|n| *n += 1);
        transfer.set(None);
        outcome.set(None);
    });
    let on_change = move |_: leptos::ev::Event| {
        mapping.set(None);
        send(false);
    };
    let on_import = move |_| send(true);
    let roll_back = ServerAction::<RollBackImport>::new();
    // The history reloads after a written import or a rollback, not after every check, so
    // a row the reader is about to roll back is not redrawn under their hand.
    let imports_written = RwSignal::new(0_u32);
    Effect::new(move |_| {
        if matches!(outcome.get(), Some(Ok(report)) if report.imported) {
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
                            let choices = kinds.clone();
                            view! {
                                <KindChoice kinds=choices chosen=kind on_kind />
                                {move || {
                                    kinds
                                        .iter()
                                        .find(|k| k.kind == kind.get())
                                        .cloned()
                                        .map(|kind| view! { <FileChoice kind file_field on_change /> })
                                }}
                            }
                                .into_any()
                        }
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
            {move || {
                match transfer.get() {
                    Some(Transfer::Sending(sent, total)) => {
                        let share = if total > 0.0 { sent / total * 100.0 } else { 0.0 };
                        return view! {
                            <div class="notice import-progress" role="status">
                                <label>
                                    {format!(
                                        "{} {} %",
                                        t(locale, Msg::ImportSending),
                                        format_decimal(locale, share, 0),
                                    )}
                                    <progress
                                        max=total
                                        value=sent
                                        data-testid="import-progress"
                                    ></progress>
                                </label>
                            </div>
                        }
                            .into_any();
                    }
                    Some(Transfer::Working) => {
                        return view! {
                            <p class="notice" role="status">{t(locale, Msg::ImportChecking)}</p>
                        }
                            .into_any();
                    }
                    None => {}
                }
                match outcome.get() {
                    None => ().into_any(),
                    Some(Err(error)) => view! { <ErrorNotice error /> }.into_any(),
                    Some(Ok(report)) => {
                        view! { <ImportOutcome report on_import on_map /> }.into_any()
                    }
                }
            }}
            <ImportHistorySection history roll_back />
        </div>
    }
}

/// What the file holds: one choice per importable kind.
#[component]
fn KindChoice(
    kinds: Vec<ImportKind>,
    chosen: RwSignal<FactFileKind>,
    on_kind: Callback<FactFileKind>,
) -> impl IntoView {
    let locale = use_locale();
    let options = kinds
        .into_iter()
        .map(|choice| {
            let kind = choice.kind;
            let label = fact_kind_label(locale, kind);
            view! {
                <label class="segmented__option">
                    <input
                        type="radio"
                        name="import-kind"
                        value=kind.key()
                        data-testid=format!("import-kind-{}", kind.key())
                        prop:checked=move || chosen.get() == kind
                        on:change=move |_| on_kind.run(kind)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="segmented import-kind">
            <legend class="field__label">{t(locale, Msg::ImportKindLabel)}</legend>
            {options}
        </fieldset>
    }
}

/// The file field, the columns a file has and its template.
#[component]
fn FileChoice(
    kind: ImportKind,
    file_field: NodeRef<leptos::html::Input>,
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
    let key = kind.kind.key();
    let file_name = format!("{key}.csv");
    let hint = t(
        locale,
        match kind.kind {
            FactFileKind::Members => Msg::ImportHintMembers,
            FactFileKind::Memberships => Msg::ImportHintMemberships,
            FactFileKind::DuesInvoices => Msg::ImportHintDues,
            FactFileKind::Events => Msg::ImportHintEvents,
            FactFileKind::Attendances => Msg::ImportHintAttendances,
            FactFileKind::Goals => Msg::ImportHintGoals,
            FactFileKind::BoardSeats => Msg::ImportHintBoardSeats,
            FactFileKind::BoardTerms => Msg::ImportHintBoardTerms,
            FactFileKind::ServiceProjects => Msg::ImportHintServiceProjects,
            FactFileKind::Partnerships => Msg::ImportHintPartnerships,
            FactFileKind::MediaItems => Msg::ImportHintMedia,
            FactFileKind::AwardApplications => Msg::ImportHintAwards,
            FactFileKind::Forums => Msg::ImportHintForums,
            FactFileKind::ForumMembers => Msg::ImportHintForumMembers,
            FactFileKind::Committees => Msg::ImportHintCommittees,
            FactFileKind::CommitteeMembers => Msg::ImportHintCommitteeMembers,
            FactFileKind::SelfReports => Msg::ImportHintSelfReports,
            FactFileKind::EventInvitations => Msg::ImportHintInvitations,
            FactFileKind::Speakers => Msg::ImportHintSpeakers,
            FactFileKind::Mentorships => Msg::ImportHintMentorships,
            FactFileKind::Trainings => Msg::ImportHintTrainings,
            FactFileKind::Budgets => Msg::ImportHintBudgets,
            FactFileKind::Spendings => Msg::ImportHintSpendings,
            FactFileKind::Referrals => Msg::ImportHintReferrals,
        },
    );
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
                    node_ref=file_field
                    on:change=on_change
                />
            </label>
            <p class="muted">{t(locale, Msg::ImportColumns)}</p>
            <ul class="import-columns">{columns}</ul>
            <p class="muted">{hint}</p>
            <a href=template download=file_name>
                {t(locale, Msg::ImportTemplate)}
            </a>
            <p class="muted">
                {t(locale, Msg::ImportDownloadRecorded)} " "
                <a href=format!("/exports/facts/{key}.csv") data-testid="import-export-csv">
                    "CSV"
                </a>
                " · "
                <a href=format!("/exports/facts/{key}.xlsx")>"XLSX"</a>
            </p>
        </section>
    }
}

/// What the file would do, or did, and its problems.
#[component]
fn ImportOutcome(
    report: ImportReport,
    on_import: impl Fn(leptos::ev::MouseEvent) + Clone + Send + Sync + 'static,
    on_map: Callback<Vec<ColumnChoice>>,
) -> impl IntoView {
    let locale = use_locale();
    if report.columns_unmatched() {
        return view! {
            <section class="card import-outcome" aria-live="polite">
                <div class="notice notice--error" role="alert">
                    <ul data-testid="import-column-problems">
                        {report
                            .problems
                            .iter()
                            .map(|problem| view! { <li>{problem.why.clone()}</li> })
                            .collect_view()}
                    </ul>
                </div>
                <ColumnMappingForm
                    header=report.header
                    columns=report.columns
                    mapped=report.mapped
                    on_map
                />
            </section>
        }
        .into_any();
    }
    // A file read with a mapping says so, and the mapping can be changed.
    let mapping_note = (!report.mapped.is_empty() && !report.imported).then(|| {
        let read_as = report
            .mapped
            .iter()
            .map(|choice| match &choice.column {
                Some(column) => format!("{} → {column}", choice.header),
                None => format!("{} ({})", choice.header, t(locale, Msg::ImportMapLeaveOut)),
            })
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <details class="import-mapping-note" data-testid="import-mapping-note">
                <summary>{format!("{} {read_as}", t(locale, Msg::ImportMapReadAs))}</summary>
                <ColumnMappingForm
                    header=report.header.clone()
                    columns=report.columns.clone()
                    mapped=report.mapped.clone()
                    on_map
                />
            </details>
        }
    });
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
                {mapping_note}
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

/// Which column of the kind each of the file's headers holds: a choice per header,
/// started from the mapping used (or the header's own name when it is a column).
#[component]
fn ColumnMappingForm(
    header: Vec<String>,
    columns: Vec<String>,
    mapped: Vec<ColumnChoice>,
    on_map: Callback<Vec<ColumnChoice>>,
) -> impl IntoView {
    let locale = use_locale();
    // "E-mail" and "Member_Number" name the columns email and member_number.
    let squashed = |name: &str| {
        name.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let choices: Vec<(String, RwSignal<String>)> = header
        .into_iter()
        .map(|name| {
            let initial = match mapped.iter().find(|c| c.header == name) {
                Some(choice) => choice.column.clone().unwrap_or_default(),
                None => columns
                    .iter()
                    .find(|column| squashed(column) == squashed(&name))
                    .cloned()
                    .unwrap_or_default(),
            };
            (name, RwSignal::new(initial))
        })
        .collect();
    let rows = choices
        .iter()
        .map(|(name, chosen)| {
            let chosen = *chosen;
            let options = columns
                .iter()
                .map(|column| {
                    let value = column.clone();
                    let selected = move || chosen.get() == value;
                    view! {
                        <option value=column.clone() selected=selected>
                            {column.clone()}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td>
                        <select
                            aria-label=name.clone()
                            data-testid="import-map-select"
                            on:change=move |ev| chosen.set(event_target_value(&ev))
                        >
                            <option value="" selected=move || chosen.get().is_empty()>
                                {t(locale, Msg::ImportMapLeaveOut)}
                            </option>
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = choices
            .iter()
            .map(|(name, column)| ColumnChoice {
                header: name.clone(),
                column: Some(column.get_untracked()).filter(|c| !c.is_empty()),
            })
            .collect();
        on_map.run(chosen);
    };
    view! {
        <form class="import-mapping" data-testid="import-mapping" on:submit=on_submit>
            <h2 class="scorecard__subheading">{t(locale, Msg::ImportMapHeading)}</h2>
            <p class="muted">{t(locale, Msg::ImportMapLead)}</p>
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(locale, Msg::ImportMapFileColumn)}</th>
                            <th scope="col">{t(locale, Msg::ImportMapHolds)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <button class="button" type="submit" data-testid="import-map-check">
                {t(locale, Msg::ImportMapCheck)}
            </button>
        </form>
    }
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
                        <th scope="col">{t(locale, Msg::ColumnKind)}</th>
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
        <ListDownload list="imports" />
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
            <td>{row.kind.map(|kind| fact_kind_label(locale, kind))}</td>
            <td>{row.source}</td>
            <td>{row.by}</td>
            <td class="numeric">{format_count(locale, row.rows)}</td>
            <td class="numeric">{format_count(locale, row.created)}</td>
            <td class="numeric">{format_count(locale, row.changed)}</td>
            <td>{status}</td>
        </tr>
    }
}

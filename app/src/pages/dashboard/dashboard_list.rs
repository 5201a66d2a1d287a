//! The dashboards page: every dashboard, shipped ones first; staff create one (it opens
//! in the editor), copy or delete one; admins restore the shipped ones.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::{
    components::layout::{
        confirmed_action::ConfirmedAction,
        error_notice::{ErrorNotice, LoadError},
        form_problems::FormProblems,
        list_download::ListDownload,
    },
    i18n::{Msg, chart_count, t},
    models::dashboard::{DashboardList, DashboardSummary},
    providers::locale::use_locale,
    server_fns::dashboard::{
        copy_dashboard::CopyDashboard, create_dashboard::CreateDashboard,
        delete_dashboard::DeleteDashboard, list_dashboards::list_dashboards,
        restore_dashboards::RestoreDashboards,
    },
};

/// The dashboards page.
#[component]
pub fn DashboardsPage() -> impl IntoView {
    let locale = use_locale();
    let create = ServerAction::<CreateDashboard>::new();
    let copy = ServerAction::<CopyDashboard>::new();
    let delete = ServerAction::<DeleteDashboard>::new();
    let restore = ServerAction::<RestoreDashboards>::new();
    let list = Resource::new(
        move || {
            (
                delete.version().get(),
                restore.version().get(),
                copy.version().get(),
            )
        },
        |_| list_dashboards(),
    );
    let on_retry = Callback::new(move |()| list.refetch());
    // A new dashboard or a copy opens in the editor.
    let navigate = use_navigate();
    Effect::new(move |_| {
        let made = create.value().get().or_else(|| copy.value().get());
        if let Some(Ok(id)) = made {
            navigate(&format!("/dashboard?id={id}&edit=1"), Default::default());
        }
    });
    let failed = move || {
        [
            create.value().get().and_then(Result::err),
            copy.value().get().and_then(Result::err),
            delete.value().get().and_then(Result::err),
            restore.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|error| view! { <ErrorNotice error /> })
    };
    let restored = move || {
        matches!(restore.value().get(), Some(Ok(()))).then(|| {
            view! {
                <p class="notice notice--success" role="status">
                    {t(locale, Msg::DashboardsRestored)}
                </p>
            }
        })
    };
    view! {
        <Title text=t(locale, Msg::DashboardsTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::DashboardsTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::DashboardsLead)}</p>
            </header>
            {failed}
            {restored}
            <CreateForm create />
            <Transition fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <DashboardCards list copy delete restore /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// A name, and the button that creates an empty dashboard of that name.
#[component]
fn CreateForm(create: ServerAction<CreateDashboard>) -> impl IntoView {
    let locale = use_locale();
    let name = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(name) = super::given_name(name, problems, locale) {
            create.dispatch(CreateDashboard { name });
        }
    };
    view! {
        <form class="form card call-form" on:submit=on_submit novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::DashboardCreateHeading)}</h2>
            <FormProblems problems />
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::DashboardNameLabel)}</span>
                    <input
                        class="form__input"
                        name="name"
                        maxlength="80"
                        required
                        data-testid="dashboard-new-name"
                        bind:value=name
                    />
                </label>
            </div>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || create.pending().get()>
                    {t(locale, Msg::DashboardCreateButton)}
                </button>
            </div>
        </form>
    }
}

#[component]
fn DashboardCards(
    list: DashboardList,
    copy: ServerAction<CopyDashboard>,
    delete: ServerAction<DeleteDashboard>,
    restore: ServerAction<RestoreDashboards>,
) -> impl IntoView {
    let locale = use_locale();
    let empty = list.dashboards.is_empty();
    let restore_button = list.can_restore.then(|| {
        view! {
            <div class="entry-actions">
                <ConfirmedAction
                    label=t(locale, Msg::DashboardsRestoreButton)
                    question=t(locale, Msg::DashboardsRestoreConfirm)
                    pending=restore.pending()
                    on_confirm=Callback::new(move |()| {
                        restore.dispatch(RestoreDashboards {});
                    })
                />
            </div>
        }
    });
    view! {
        <Show when=move || empty>
            <p class="notice">{t(locale, Msg::DashboardsEmpty)}</p>
        </Show>
        <ul class="dashboard-list" data-testid="dashboard-list">
            {list
                .dashboards
                .into_iter()
                .map(|dashboard| view! { <DashboardCard dashboard copy delete /> })
                .collect_view()}
        </ul>
        <ListDownload list="dashboards" />
        {restore_button}
    }
}

#[component]
fn DashboardCard(
    dashboard: DashboardSummary,
    copy: ServerAction<CopyDashboard>,
    delete: ServerAction<DeleteDashboard>,
) -> impl IntoView {
    let locale = use_locale();
    let id = dashboard.id;
    let href = format!("/dashboard?id={id}");
    let delete_label = format!(
        "{} {}",
        t(locale, Msg::DashboardDeleteButton),
        dashboard.name
    );
    let copy_label = format!("{} {}", t(locale, Msg::DashboardCopyButton), dashboard.name);
    let shipped = dashboard.shipped.then(|| {
        view! { <span class="badge">{t(locale, Msg::DashboardShipped)}</span> }
    });
    view! {
        <li class="card dashboard-list__item" data-dashboard=id>
            <div class="dashboard-list__head">
                <a class="dashboard-list__name" href=href>{dashboard.name}</a>
                {shipped}
            </div>
            <p class="page__meta">
                {chart_count(locale, dashboard.widget_count)}
                {dashboard.changed.map(|changed| format!(" · {changed}"))}
            </p>
            <div class="entry-actions">
                <button
                    class="button button--quiet"
                    type="button"
                    aria-label=copy_label
                    disabled=move || copy.pending().get()
                    on:click=move |_| {
                        copy.dispatch(CopyDashboard { id });
                    }
                >
                    {t(locale, Msg::DashboardCopyButton)}
                </button>
                <ConfirmedAction
                    label=t(locale, Msg::DashboardDeleteButton)
                    question=t(locale, Msg::DashboardDeleteConfirm)
                    aria_label=delete_label
                    pending=delete.pending()
                    on_confirm=Callback::new(move |()| {
                        delete.dispatch(DeleteDashboard { id });
                    })
                />
            </div>
        </li>
    }
}

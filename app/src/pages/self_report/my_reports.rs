//! The member's self-reports, phone first: a short form to send one, then the list with
//! each report's status (and a rejection's reason).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::layout::error_notice::{ErrorNotice, LoadError},
    i18n::{Locale, Msg, format_decimal, t},
    models::self_report::{MyReport, ReportDraft, ReportKind, ReportStatus},
    providers::locale::use_locale,
    server_fns::self_report::{
        get_my_reports::get_my_reports, submit_self_report::SubmitSelfReport,
    },
};

/// A report kind in words.
pub fn kind_label(locale: Locale, kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Activity => t(locale, Msg::KindActivity),
        ReportKind::EventParticipation => t(locale, Msg::KindEventParticipation),
        ReportKind::VolunteerHours => t(locale, Msg::KindVolunteerHours),
    }
}

/// The member's self-report page.
#[component]
pub fn MyReportsPage() -> impl IntoView {
    let locale = use_locale();
    let submit = ServerAction::<SubmitSelfReport>::new();
    let reports = Resource::new(move || submit.version().get(), |_| get_my_reports());
    let on_retry = Callback::new(move |()| reports.refetch());
    let kind = RwSignal::new(ReportKind::VolunteerHours.as_str().to_owned());
    let month = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        submit.dispatch(SubmitSelfReport {
            draft: ReportDraft {
                kind: kind.get_untracked(),
                month: month.get_untracked(),
                hours: hours.get_untracked(),
                description: description.get_untracked(),
            },
        });
    };
    // A sent report clears the form.
    Effect::new(move |_| {
        if let Some(Ok(_)) = submit.value().get() {
            hours.set(String::new());
            description.set(String::new());
        }
    });
    let outcome = move || match submit.value().get() {
        Some(Ok(_)) => Some(
            view! { <p class="notice" role="status">{t(locale, Msg::ReportSent)}</p> }.into_any(),
        ),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    view! {
        <Title text=t(locale, Msg::MyReportsTitle) />
        <div class="page page--narrow">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::MyReportsTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::MyReportsLead)}</p>
            </header>
            <section class="card explain__section">
                <h2>{t(locale, Msg::NewReport)}</h2>
                {outcome}
                <form class="form" on:submit=on_submit>
                    <label class="form__field">
                        <span class="form__label">{t(locale, Msg::KindLabel)}</span>
                        <select class="form__input" name="kind" bind:value=kind>
                            {ReportKind::ALL
                                .into_iter()
                                .map(|k| view! { <option value=k.as_str()>{kind_label(locale, k)}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    <div class="form__row">
                        <label class="form__field">
                            <span class="form__label">{t(locale, Msg::MonthLabel)}</span>
                            <input class="form__input" type="month" name="month" required bind:value=month />
                        </label>
                        <label class="form__field">
                            <span class="form__label">{t(locale, Msg::HoursLabel)}</span>
                            <input class="form__input" name="hours" inputmode="decimal" required bind:value=hours />
                        </label>
                    </div>
                    <label class="form__field">
                        <span class="form__label">{t(locale, Msg::WhatLabel)}</span>
                        <textarea class="form__input" name="description" rows="3" required maxlength="2000" bind:value=description></textarea>
                    </label>
                    <div class="form__actions">
                        <button class="button" type="submit" disabled=move || submit.pending().get()>
                            {t(locale, Msg::SendReport)}
                        </button>
                    </div>
                </form>
            </section>
            <Transition fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match reports.await {
                        Ok(list) => view! { <ReportList list /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn ReportList(list: Vec<MyReport>) -> impl IntoView {
    let locale = use_locale();
    if list.is_empty() {
        return view! { <p class="notice">{t(locale, Msg::NoReports)}</p> }.into_any();
    }
    view! {
        <ul class="report-list">
            {list
                .into_iter()
                .map(|report| {
                    let (class, msg) = match report.status {
                        ReportStatus::Expected => ("status status--stale", Msg::ReportExpected),
                        ReportStatus::Submitted => ("status status--computed", Msg::ReportSubmitted),
                        ReportStatus::Verified => ("status status--validated", Msg::ReportVerified),
                        ReportStatus::Rejected => ("status status--rejected", Msg::ReportRejected),
                    };
                    view! {
                        <li class="report-list__item card" data-report=report.id>
                            <p class="report-list__head">
                                <strong>{report.month.clone()}</strong>
                                " · "
                                {kind_label(locale, report.kind)}
                                " · "
                                {format!("{} h", format_decimal(locale, report.hours, 1))}
                            </p>
                            <p class="report-list__text">{report.description.clone()}</p>
                            <p>
                                <span class=class>{t(locale, msg)}</span>
                                {report
                                    .rejection_reason
                                    .clone()
                                    .map(|reason| view! { <span class="queue-table__reason">{reason}</span> })}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

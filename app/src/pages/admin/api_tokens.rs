//! API tokens: an admin creates a token per integration (read, or read and write), copies
//! its secret from the notice that shows it once, sees when each was last used and
//! revokes one after a confirmation.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::layout::{
        confirmed_action::ConfirmedAction,
        error_notice::{ErrorNotice, LoadError},
        form_problems::FormProblems,
        list_download::ListDownload,
    },
    i18n::{Locale, Msg, t},
    models::api_token::{ApiTokenRow, IssuedApiToken, NewApiToken, TokenAccess},
    providers::locale::use_locale,
    server_fns::api_token::{
        create_api_token::CreateApiToken, list_api_tokens::list_api_tokens,
        revoke_api_token::RevokeApiToken,
    },
};

/// The words for what a token may do.
pub(crate) fn access_label(locale: Locale, access: TokenAccess) -> &'static str {
    match access {
        TokenAccess::Read => t(locale, Msg::ApiTokenRead),
        TokenAccess::Write => t(locale, Msg::ApiTokenWrite),
    }
}

/// The API tokens page.
#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let locale = use_locale();
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_tokens(),
    );
    let on_retry = Callback::new(move |()| tokens.refetch());
    let issued = move || match create.value().get() {
        Some(Ok(token)) => Some(view! { <IssuedNotice token /> }.into_any()),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    let revoked = move || match revoke.value().get() {
        Some(Ok(())) => Some(
            view! {
                <p class="notice" role="status">{t(locale, Msg::ApiTokenRevokedNotice)}</p>
            }
            .into_any(),
        ),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    view! {
        <Title text=t(locale, Msg::ApiTokensTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::ApiTokensTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::ApiTokensLead)}</p>
            </header>
            {issued}
            {revoked}
            <CreateForm create />
            <Transition fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Ok(rows) => view! { <TokenTable rows revoke /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The new token's secret, shown this once.
#[component]
fn IssuedNotice(token: IssuedApiToken) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="notice notice--success" role="status">
            <p>
                <strong>{token.name}</strong>
                ": "
                {t(locale, Msg::ApiTokenShownOnce)}
            </p>
            <p>
                <code class="token-secret" data-testid="api-token-secret">{token.secret}</code>
            </p>
        </div>
    }
}

#[component]
fn CreateForm(create: ServerAction<CreateApiToken>) -> impl IntoView {
    let locale = use_locale();
    let name = RwSignal::new(String::new());
    let access = RwSignal::new("read".to_owned());
    let problems = RwSignal::new(Vec::<String>::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let given = name.get_untracked().trim().to_owned();
        if given.is_empty() {
            problems.set(vec![t(locale, Msg::ApiTokenNameMissing).to_owned()]);
            return;
        }
        problems.set(Vec::new());
        create.dispatch(CreateApiToken {
            token: NewApiToken {
                name: given,
                access: if access.get_untracked() == "write" {
                    TokenAccess::Write
                } else {
                    TokenAccess::Read
                },
            },
        });
        name.set(String::new());
    };
    view! {
        <form class="form card call-form" on:submit=on_submit novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::ApiTokenCreateHeading)}</h2>
            <FormProblems problems />
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::ApiTokenNameLabel)}</span>
                    <input class="form__input" name="name" maxlength="80" required bind:value=name />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::ApiTokenAccessLabel)}</span>
                    <select class="form__input" name="access" bind:value=access>
                        <option value="read">{t(locale, Msg::ApiTokenRead)}</option>
                        <option value="write">{t(locale, Msg::ApiTokenWrite)}</option>
                    </select>
                </label>
            </div>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || create.pending().get()>
                    {t(locale, Msg::ApiTokenCreateButton)}
                </button>
            </div>
        </form>
    }
}

#[component]
fn TokenTable(rows: Vec<ApiTokenRow>, revoke: ServerAction<RevokeApiToken>) -> impl IntoView {
    let locale = use_locale();
    if rows.is_empty() {
        return view! { <p class="notice">{t(locale, Msg::ApiTokensEmpty)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="api-tokens">
                <thead>
                    <tr>
                        <th scope="col">{t(locale, Msg::ApiTokenNameLabel)}</th>
                        <th scope="col">{t(locale, Msg::ColumnAccess)}</th>
                        <th scope="col">{t(locale, Msg::ColumnToken)}</th>
                        <th scope="col">{t(locale, Msg::ColumnCreated)}</th>
                        <th scope="col">{t(locale, Msg::ColumnLastUsed)}</th>
                        <th scope="col">{t(locale, Msg::ColumnStatus)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <TokenRowView row revoke /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <ListDownload list="api-tokens" />
    }
    .into_any()
}

#[component]
fn TokenRowView(row: ApiTokenRow, revoke: ServerAction<RevokeApiToken>) -> impl IntoView {
    let locale = use_locale();
    let id = row.id;
    let status = match row.revoked {
        Some(revoked) => view! {
            <span>{format!("{} {revoked}", t(locale, Msg::ApiTokenRevokedOn))}</span>
        }
        .into_any(),
        None => {
            let label = format!("{} {}", t(locale, Msg::ApiTokenRevokeButton), row.name);
            view! {
                <div class="entry-actions">
                    <span>{t(locale, Msg::ApiTokenActive)}</span>
                    <ConfirmedAction
                        label=t(locale, Msg::ApiTokenRevokeButton)
                        question=t(locale, Msg::ApiTokenRevokeConfirm)
                        aria_label=label
                        pending=revoke.pending()
                        on_confirm=Callback::new(move |()| {
                            revoke.dispatch(RevokeApiToken { id });
                        })
                    />
                </div>
            }
            .into_any()
        }
    };
    view! {
        <tr>
            <th scope="row">{row.name}</th>
            <td>{access_label(locale, row.access)}</td>
            <td><code>{format!("{}…", row.prefix)}</code></td>
            <td>{row.created}</td>
            <td>{row.last_used.unwrap_or_else(|| t(locale, Msg::ApiTokenNeverUsed).to_owned())}</td>
            <td>{status}</td>
        </tr>
    }
}

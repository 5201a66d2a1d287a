//! User administration: invite, change roles, deactivate, issue one-time reset links.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::layout::{
        error_notice::{ErrorNotice, LoadError},
        list_download::ListDownload,
    },
    i18n::{Msg, role_label, t},
    models::{
        account::Role,
        user_admin::{InviteForm, RegionLimit, ResetLink, RoleForm, UserList, UserRow},
        validation::Choice,
    },
    providers::locale::use_locale,
    server_fns::user_admin::{
        change_user_role::ChangeUserRole, invite_user::InviteUser,
        issue_reset_link::IssueResetLink, list_users::list_users, set_user_active::SetUserActive,
        set_user_regions::SetUserRegions,
    },
};

fn role_value(role: Role) -> &'static str {
    match role {
        Role::Admin => "admin",
        Role::Staff => "staff",
        Role::Leader => "leader",
        Role::Member => "member",
    }
}

fn parse_role(text: &str) -> Role {
    match text {
        "admin" => Role::Admin,
        "staff" => Role::Staff,
        "leader" => Role::Leader,
        _ => Role::Member,
    }
}

const ROLES: [Role; 4] = [Role::Admin, Role::Staff, Role::Leader, Role::Member];

/// The actions of the page, shared by its parts.
#[derive(Clone, Copy)]
struct Actions {
    invite: ServerAction<InviteUser>,
    role: ServerAction<ChangeUserRole>,
    active: ServerAction<SetUserActive>,
    reset: ServerAction<IssueResetLink>,
    regions: ServerAction<SetUserRegions>,
}

/// The user administration page.
#[component]
pub fn UsersPage() -> impl IntoView {
    let locale = use_locale();
    let actions = Actions {
        invite: ServerAction::new(),
        role: ServerAction::new(),
        active: ServerAction::new(),
        reset: ServerAction::new(),
        regions: ServerAction::new(),
    };
    let users = Resource::new(
        move || {
            (
                actions.invite.version().get(),
                actions.role.version().get(),
                actions.active.version().get(),
                actions.regions.version().get(),
            )
        },
        |_| list_users(),
    );
    let on_retry = Callback::new(move |()| users.refetch());
    let link = move |result: Option<Result<ResetLink, crate::error::AppError>>| match result {
        Some(Ok(link)) => Some(
            view! {
                <div class="notice" role="status">
                    <p>{t(locale, Msg::LinkShownOnce)}</p>
                    <p>
                        <strong>{link.email}</strong>
                        ": "
                        <a data-testid="reset-link" href=link.path>{link.path.clone()}</a>
                    </p>
                </div>
            }
            .into_any(),
        ),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    let failure = move || {
        [
            actions.role.value().get(),
            actions.active.value().get(),
            actions.regions.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
        .map(|error| view! { <ErrorNotice error /> })
    };
    view! {
        <Title text=t(locale, Msg::UsersTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::UsersTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::UsersLead)}</p>
            </header>
            {move || link(actions.invite.value().get())}
            {move || link(actions.reset.value().get())}
            {failure}
            <Transition fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(list) => view! { <UsersBody list actions /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn UsersBody(list: UserList, actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new("staff".to_owned());
    let cluster = RwSignal::new(String::new());
    let member_number = RwSignal::new(String::new());
    let on_invite = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        actions.invite.dispatch(InviteUser {
            form: InviteForm {
                email: email.get_untracked(),
                display_name: name.get_untracked(),
                role: RoleForm {
                    role: parse_role(&role.get_untracked()),
                    cluster: cluster.get_untracked().parse().ok(),
                    member_number: Some(member_number.get_untracked()),
                },
            },
        });
    };
    let clusters = list.clusters.clone();
    let regions = list.regions.clone();
    view! {
        <section class="card explain__section">
            <h2>{t(locale, Msg::InviteHeading)}</h2>
            <form class="form" on:submit=on_invite>
                <div class="form__row">
                    <label class="form__field">
                        <span class="form__label">{t(locale, Msg::EmailLabel)}</span>
                        <input class="form__input" type="email" name="email" required bind:value=email />
                    </label>
                    <label class="form__field">
                        <span class="form__label">{t(locale, Msg::NameLabel)}</span>
                        <input class="form__input" name="name" required maxlength="160" bind:value=name />
                    </label>
                </div>
                <RoleFields role cluster member_number clusters=clusters.clone() />
                <div class="form__actions">
                    <button class="button" type="submit">{t(locale, Msg::InviteButton)}</button>
                </div>
            </form>
        </section>
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{t(locale, Msg::ColumnUser)}</th>
                        <th scope="col">{t(locale, Msg::ColumnRole)}</th>
                        <th scope="col">{t(locale, Msg::ColumnActions)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .users
                        .into_iter()
                        .map(|user| {
                            view! {
                                <UserRowView
                                    user
                                    actions
                                    clusters=clusters.clone()
                                    regions=regions.clone()
                                />
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <ListDownload list="users" />
    }
}

/// Role select with the cluster (leaders) or member number (members) it needs.
#[component]
fn RoleFields(
    role: RwSignal<String>,
    cluster: RwSignal<String>,
    member_number: RwSignal<String>,
    clusters: Vec<Choice>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="form__row">
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::RoleLabel)}</span>
                <select class="form__input" name="role" bind:value=role>
                    {ROLES
                        .into_iter()
                        .map(|r| view! { <option value=role_value(r)>{role_label(locale, r)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="form__field" hidden=move || role.get() != "leader">
                <span class="form__label">{t(locale, Msg::FilterCluster)}</span>
                <select class="form__input" name="cluster" bind:value=cluster>
                    <option value="">"–"</option>
                    {clusters
                        .into_iter()
                        .map(|c| view! { <option value=c.value>{c.label}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="form__field" hidden=move || role.get() != "member">
                <span class="form__label">{t(locale, Msg::MemberNumberLabel)}</span>
                <input class="form__input" name="member_number" bind:value=member_number />
            </label>
        </div>
    }
}

#[component]
fn UserRowView(
    user: UserRow,
    actions: Actions,
    clusters: Vec<Choice>,
    regions: Vec<Choice>,
) -> impl IntoView {
    let locale = use_locale();
    let id = user.id;
    let active = user.active;
    let role = RwSignal::new(role_value(user.role).to_owned());
    let cluster = RwSignal::new(String::new());
    let member_number = RwSignal::new(user.member_number.clone().unwrap_or_default());
    let on_role = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        actions.role.dispatch(ChangeUserRole {
            user: id,
            role: RoleForm {
                role: parse_role(&role.get_untracked()),
                cluster: cluster.get_untracked().parse().ok(),
                member_number: Some(member_number.get_untracked()),
            },
        });
    };
    let staff = user.role == Role::Staff;
    let tie = if staff {
        let names: Vec<String> = regions
            .iter()
            .filter(|r| user.regions.iter().any(|id| id.to_string() == r.value))
            .map(|r| r.label.clone())
            .collect();
        if names.is_empty() {
            t(locale, Msg::AllRegions).to_owned()
        } else {
            names.join(", ")
        }
    } else {
        user.cluster
            .clone()
            .or(user.member_number.clone())
            .unwrap_or_default()
    };
    let limited = user.regions.clone();
    view! {
        <tr class="user-table__row" data-email=user.email>
            <td>
                <span class="queue-table__cluster">{user.display_name.clone()}</span>
                <span class="queue-table__region">{user.email.clone()}</span>
                <Show when=move || !active>
                    <span class="badge">{t(locale, Msg::Inactive)}</span>
                </Show>
            </td>
            <td>
                {role_label(locale, user.role)}
                <span class="queue-table__region">{tie}</span>
            </td>
            <td class="queue-table__actions">
                <button
                    class="button button--small button--quiet"
                    on:click=move |_| {
                        actions.reset.dispatch(IssueResetLink { user: id });
                    }
                >
                    {t(locale, Msg::ResetLinkButton)}
                </button>
                <button
                    class="button button--small button--quiet"
                    on:click=move |_| {
                        actions.active.dispatch(SetUserActive { user: id, active: !active });
                    }
                >
                    {if active { t(locale, Msg::DeactivateButton) } else { t(locale, Msg::ReactivateButton) }}
                </button>
                <details class="decide">
                    <summary>{t(locale, Msg::ChangeRoleSummary)}</summary>
                    <form class="decide__form" on:submit=on_role>
                        <RoleFields role cluster member_number clusters />
                        <button class="button button--small" type="submit">{t(locale, Msg::ChangeRoleButton)}</button>
                    </form>
                </details>
                <Show when=move || staff>
                    <RegionLimitForm user=id limited=limited.clone() regions=regions.clone() actions />
                </Show>
            </td>
        </tr>
    }
}

/// The regions a staff user is limited to, as checkboxes (none: the whole organization).
#[component]
fn RegionLimitForm(
    user: i32,
    limited: Vec<i32>,
    regions: Vec<Choice>,
    actions: Actions,
) -> impl IntoView {
    let locale = use_locale();
    let chosen = RwSignal::new(limited);
    let on_save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        actions.regions.dispatch(SetUserRegions {
            user,
            limit: RegionLimit {
                regions: chosen.get_untracked(),
            },
        });
    };
    view! {
        <details class="decide">
            <summary>{t(locale, Msg::RegionsSummary)}</summary>
            <form class="decide__form" on:submit=on_save>
                <fieldset class="region-limit">
                    {regions
                        .into_iter()
                        .filter_map(|region| {
                            let id: i32 = region.value.parse().ok()?;
                            Some(view! {
                                <label class="form__check">
                                    <input
                                        type="checkbox"
                                        name="region"
                                        value=region.value
                                        prop:checked=move || chosen.with(|c| c.contains(&id))
                                        on:change=move |event| {
                                            let on = event_target_checked(&event);
                                            chosen.update(|c| {
                                                c.retain(|r| *r != id);
                                                if on {
                                                    c.push(id);
                                                }
                                            });
                                        }
                                    />
                                    {region.label}
                                </label>
                            })
                        })
                        .collect_view()}
                </fieldset>
                <p class="form__hint">{t(locale, Msg::RegionsHint)}</p>
                <button class="button button--small" type="submit">{t(locale, Msg::RegionsButton)}</button>
            </form>
        </details>
    }
}

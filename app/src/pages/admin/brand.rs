//! The brand editor: the organization's name, colours, typeface and logo, checked for
//! WCAG AA contrast as the admin types, previewed in light and dark mode, applied to every
//! page and chart the moment it is saved.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::layout::error_notice::{ErrorNotice, LoadError},
    error::AppError,
    i18n::{Msg, brand_problem, contrast_ratio, font_name, t},
    models::brand::{
        AA_TEXT_CONTRAST, BrandFont, BrandForm, BrandTheme, DARK_SURFACE, ModeColours, Rgb,
        light_contrast,
    },
    providers::{locale::use_locale, theme::use_theme},
    server_fns::brand::{
        brand_for_editing::brand_for_editing, remove_logo::RemoveLogo, restore_brand::RestoreBrand,
        save_brand::SaveBrand,
    },
};

/// The actions of the page, shared by its parts.
#[derive(Clone, Copy)]
struct Actions {
    save: ServerAction<SaveBrand>,
    restore: ServerAction<RestoreBrand>,
    remove_logo: ServerAction<RemoveLogo>,
}

/// `/admin/brand`, admins only.
#[component]
pub fn BrandPage() -> impl IntoView {
    let locale = use_locale();
    let theme = use_theme();
    let actions = Actions {
        save: ServerAction::new(),
        restore: ServerAction::new(),
        remove_logo: ServerAction::new(),
    };
    let brand = Resource::new(
        move || {
            (
                actions.save.version().get(),
                actions.restore.version().get(),
                actions.remove_logo.version().get(),
            )
        },
        |_| brand_for_editing(),
    );
    // Any successful change: the header and the stylesheet follow at once.
    Effect::new(move |_| {
        let changed = [
            actions.save.value().get().map(|r| r.is_ok()),
            actions.restore.value().get().map(|r| r.is_ok()),
            actions.remove_logo.value().get().map(|r| r.is_ok()),
        ];
        if changed.contains(&Some(true)) {
            theme.brand_changed();
        }
    });
    let on_retry = Callback::new(move |()| brand.refetch());
    view! {
        <Title text=t(locale, Msg::BrandTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::BrandTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::BrandLead)}</p>
            </header>
            <Outcome actions />
            <Transition fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match brand.await {
                        Ok(brand) => {
                            let logo = brand.logo.clone();
                            view! { <BrandEditor brand actions /> <LogoEditor logo actions /> }.into_any()
                        }
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// What the last action or logo upload did.
#[component]
fn Outcome(actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let done = move |msg: Msg| {
        Some(view! { <div class="notice" role="status" data-testid="brand-outcome"><p>{t(locale, msg)}</p></div> }.into_any())
    };
    let failed = |error: AppError| Some(view! { <ErrorNotice error /> }.into_any());
    let outcome = move |result: Option<Result<BrandTheme, AppError>>, msg: Msg| match result {
        Some(Ok(_)) => done(msg),
        Some(Err(error)) => failed(error),
        None => None,
    };
    let upload = move || {
        let msg = match query.with(|q| q.get("logo"))?.as_str() {
            "saved" => Msg::LogoSaved,
            "empty" => Msg::LogoEmpty,
            "too-large" => Msg::LogoTooLarge,
            "not-an-image" => Msg::LogoNotAnImage,
            _ => return None,
        };
        let class = if msg == Msg::LogoSaved {
            "notice"
        } else {
            "notice notice--error"
        };
        let role = if msg == Msg::LogoSaved {
            "status"
        } else {
            "alert"
        };
        Some(
            view! { <div class=class role=role data-testid="logo-outcome"><p>{t(locale, msg)}</p></div> },
        )
    };
    view! {
        {upload}
        {move || outcome(actions.save.value().get(), Msg::BrandSaved)}
        {move || outcome(actions.restore.value().get(), Msg::BrandRestored)}
        {move || outcome(actions.remove_logo.value().get(), Msg::LogoRemoved)}
    }
}

/// Name, colours and typeface, with the contrast readout and the live preview.
#[component]
fn BrandEditor(brand: BrandTheme, actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let form = BrandForm::from(&brand);
    let name = RwSignal::new(form.organization_name);
    let primary = RwSignal::new(form.primary);
    let accent = RwSignal::new(form.accent);
    let font = RwSignal::new(form.font);
    let tried = RwSignal::new(false);
    let current = move || BrandForm {
        organization_name: name.get(),
        primary: primary.get(),
        accent: accent.get(),
        font: font.get(),
    };
    let problems = Memo::new(move |_| current().check().err().unwrap_or_default());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        tried.set(true);
        if problems.get_untracked().is_empty() {
            actions.save.dispatch(SaveBrand { form: current() });
        }
    };
    let preview = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    browser::follow_in_preview(preview, primary, accent, font);
    view! {
        <section class="card explain__section">
            <form class="form" on:submit=on_submit novalidate>
                <div class="form__row">
                    <label class="form__field">
                        <span class="form__label">{t(locale, Msg::FieldOrganizationName)}</span>
                        <input class="form__input" name="organization_name" required maxlength="80" bind:value=name />
                    </label>
                    <label class="form__field">
                        <span class="form__label">{t(locale, Msg::FieldFont)}</span>
                        <select class="form__input" name="font" bind:value=font>
                            {BrandFont::ALL
                                .into_iter()
                                .map(|f| view! { <option value=f.key()>{font_name(locale, f)}</option> })
                                .collect_view()}
                        </select>
                    </label>
                </div>
                <div class="form__row">
                    <ColourField label=Msg::FieldPrimaryColour hint=Msg::PrimaryColourHint name="primary" value=primary />
                    <ColourField label=Msg::FieldAccentColour hint=Msg::AccentColourHint name="accent" value=accent />
                </div>
                <ContrastReadout primary accent />
                <Show when=move || tried.get() && !problems.get().is_empty()>
                    <div class="notice notice--error" role="alert" data-testid="brand-problems">
                        {move || {
                            problems
                                .get()
                                .iter()
                                .map(|problem| view! { <p>{brand_problem(locale, problem)}</p> })
                                .collect_view()
                        }}
                    </div>
                </Show>
                <div class="form__actions">
                    <button class="button" type="submit" data-testid="save-brand">
                        {t(locale, Msg::SaveBrand)}
                    </button>
                </div>
            </form>
        </section>
        <section class="card explain__section">
            <h2>{t(locale, Msg::BrandPreview)}</h2>
            <div class="brand-preview" node_ref=preview>
                <BrandSample mode="light" name=name />
                <BrandSample mode="dark" name=name />
            </div>
        </section>
        <section class="card explain__section">
            <h2>{t(locale, Msg::RestoreBrand)}</h2>
            <p class="muted">{t(locale, Msg::RestoreBrandHint)}</p>
            <ActionForm action=actions.restore>
                <button class="button button--quiet" type="submit" data-testid="restore-brand">
                    {t(locale, Msg::RestoreBrand)}
                </button>
            </ActionForm>
        </section>
    }
}

/// A colour picker with its hex value as text beside it, both bound to one value.
#[component]
fn ColourField(
    label: Msg,
    hint: Msg,
    name: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let locale = use_locale();
    // The picker only takes #rrggbb; a shorthand or half-typed value keeps it where it was.
    let picker = move || Rgb::parse(&value.get()).map(Rgb::hex).unwrap_or_default();
    let initial = picker();
    view! {
        <div class="form__field colour-field">
            <label class="form__label" for=format!("{name}-text")>{t(locale, label)}</label>
            <div class="colour-field__inputs">
                <input
                    class="colour-field__picker"
                    type="color"
                    aria-label=t(locale, label)
                    value=initial
                    prop:value=picker
                    on:input=move |event| value.set(event_target_value(&event))
                />
                <input
                    class="form__input colour-field__text"
                    id=format!("{name}-text")
                    name=name
                    spellcheck="false"
                    autocomplete="off"
                    maxlength="7"
                    bind:value=value
                />
            </div>
            <span class="form__hint muted">{t(locale, hint)}</span>
        </div>
    }
}

/// Each colour's contrast in both modes, in numbers and words (never colour alone).
#[component]
fn ContrastReadout(primary: RwSignal<String>, accent: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let verdict = move |ratio: f64| {
        if ratio >= AA_TEXT_CONTRAST {
            format!("✓ {}", t(locale, Msg::ContrastPasses))
        } else {
            format!("✗ {}", t(locale, Msg::ContrastFails))
        }
    };
    let row = move |label: Msg, value: RwSignal<String>| {
        move || {
            let colour = Rgb::parse(&value.get());
            let light = colour.map(light_contrast);
            let dark = colour.map(|c| ModeColours::dark(c, c).primary);
            view! {
                <tr>
                    <th scope="row">{t(locale, label)}</th>
                    <td data-testid="contrast-light">
                        {light.map(|ratio| format!("{} · {}", contrast_ratio(locale, ratio), verdict(ratio)))}
                    </td>
                    <td>
                        {dark.map(|dark| {
                            let ratio = dark.contrast(DARK_SURFACE);
                            format!("{} {} · {}", dark.hex(), contrast_ratio(locale, ratio), verdict(ratio))
                        })}
                    </td>
                </tr>
            }
        }
    };
    view! {
        <div class="table-scroll">
            <table class="data-table contrast-table">
                <caption>{t(locale, Msg::ContrastHeading)}</caption>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{t(locale, Msg::InLightMode)}</th>
                        <th scope="col">{t(locale, Msg::InDarkMode)}</th>
                    </tr>
                </thead>
                <tbody>
                    {row(Msg::FieldPrimaryColour, primary)}
                    {row(Msg::FieldAccentColour, accent)}
                </tbody>
            </table>
        </div>
    }
}

/// A sample of the header, a link, a button, a highlight and signals in one mode.
#[component]
fn BrandSample(mode: &'static str, name: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let title = if mode == "dark" {
        Msg::ModeDark
    } else {
        Msg::ModeLight
    };
    view! {
        <div class=format!("brand-sample brand-sample--{mode}") data-mode=mode>
            <p class="brand-sample__mode">{t(locale, title)}</p>
            <p class="brand-sample__name">{move || name.get()}</p>
            <p>
                <a href="#preview" class="brand-sample__link">{t(locale, Msg::PreviewLink)}</a>
            </p>
            <p>
                <span class="brand-sample__button">{t(locale, Msg::PreviewButton)}</span>
            </p>
            <div class="brand-sample__bars" aria-hidden="true">
                <span class="brand-sample__bar" />
                <span class="brand-sample__bar brand-sample__bar--accent" />
                <span class="brand-sample__bar" />
            </div>
        </div>
    }
}

/// The current logo, an upload form (a plain multipart post, so it works before the
/// page's script has loaded) and removal.
#[component]
fn LogoEditor(logo: Option<String>, actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let has_logo = logo.is_some();
    let current = match logo {
        Some(src) => view! { <img class="logo-preview" src=src alt=t(locale, Msg::CurrentLogo) data-testid="current-logo" /> }.into_any(),
        None => view! { <p class="muted">{t(locale, Msg::NoLogo)}</p> }.into_any(),
    };
    view! {
        <section class="card explain__section">
            <h2>{t(locale, Msg::LogoHeading)}</h2>
            {current}
            <form class="form" method="post" action="/brand/logo" enctype="multipart/form-data">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::FieldLogoFile)}</span>
                    <input
                        class="form__input"
                        type="file"
                        name="logo"
                        accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml"
                        required
                    />
                    <span class="form__hint muted">{t(locale, Msg::LogoHint)}</span>
                </label>
                <div class="form__actions">
                    <button class="button" type="submit" data-testid="upload-logo">
                        {t(locale, Msg::UploadLogo)}
                    </button>
                </div>
            </form>
            <Show when=move || has_logo>
                <ActionForm action=actions.remove_logo>
                    <button class="button button--quiet" type="submit" data-testid="remove-logo">
                        {t(locale, Msg::RemoveLogo)}
                    </button>
                </ActionForm>
            </Show>
        </section>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    //! The live preview: the typed colours and font as custom properties on the preview,
    //! set through the CSS object model (the content security policy forbids inline
    //! styles), dark mode derived the way the server derives it.

    use leptos::prelude::*;

    use crate::models::brand::{BrandFont, ModeColours, Rgb};

    pub(super) fn follow_in_preview(
        preview: NodeRef<leptos::html::Div>,
        primary: RwSignal<String>,
        accent: RwSignal<String>,
        font: RwSignal<String>,
    ) {
        Effect::new(move |_| {
            let Some(element) = preview.get() else {
                return;
            };
            let (Some(primary), Some(accent)) =
                (Rgb::parse(&primary.get()), Rgb::parse(&accent.get()))
            else {
                return;
            };
            let style = web_sys::HtmlElement::from(element).style();
            let font = BrandFont::from_key(&font.get()).unwrap_or_default();
            let _ = style.set_property("--font-body", font.stack());
            for (mode, colours) in [
                ("light", ModeColours::light(primary, accent)),
                ("dark", ModeColours::dark(primary, accent)),
            ] {
                let _ =
                    style.set_property(&format!("--brand-{mode}-primary"), &colours.primary.hex());
                let _ = style.set_property(
                    &format!("--brand-{mode}-primary-contrast"),
                    &colours.primary_contrast.hex(),
                );
                let _ =
                    style.set_property(&format!("--brand-{mode}-accent"), &colours.accent.hex());
            }
        });
    }
}

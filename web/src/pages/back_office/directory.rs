//! The association's printed directory of shops (issue 13), for admins: the cover's text,
//! the shops left out, the downloads (A5 booklet, A4 poster, CSV for a print shop), a
//! preview of the booklet in a new tab, and publication at a stable public address.
//!
//! Browser tests rely on `[data-testid="directory-download-a5"]` (and `-a4`, `-csv`),
//! `[data-testid="directory-preview"]`, `[data-testid="directory-save"]` and
//! `[data-testid="directory-publish-a5"]` (and `-a4`).

use leptos::{prelude::*, task::spawn_local};
use shared::{
    directory::{DirectoryEdition, DirectoryFormat, DirectorySettings, UpdateDirectory},
    error::ErrorCode,
};
use wasm_bindgen::JsCast;

use super::{
    Frame, LoginNeeded, association::AssociationNav, product_csv::offer_download,
    product_picture::blob_url,
};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::tr,
    state::session::use_session,
};

/// The page: the association's only.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::directory_settings(&token).await {
            Ok(settings) => Ok(Some(Some(settings))),
            // Not an admin: the route does not exist for them.
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(Some(None)),
            Err(error) => Err(error),
        }
    });
    let loaded = move |settings: Option<Option<DirectorySettings>>| match settings {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(settings)) => view! { <DirectoryForm settings /> }.into_any(),
    };
    view! {
        <Frame heading=|t| t.directory().heading>
            <AssociationNav />
            <p>{tr(|t| t.directory().intro)}</p>
            <Loaded resource loaded />
        </Frame>
    }
}

/// What a download fetches.
#[derive(Clone, Copy, PartialEq, Eq)]
enum File {
    Pdf(DirectoryFormat),
    Csv,
}

/// Opens `url` in a new tab (a detached link: its click reaches neither the router nor the
/// bundle switch).
fn open_in_new_tab(url: &str) -> Result<(), wasm_bindgen::JsValue> {
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(url);
    anchor.set_target("_blank");
    anchor.set_rel("noopener");
    anchor.click();
    Ok(())
}

/// The settings form, the downloads and the publication.
#[component]
fn DirectoryForm(settings: DirectorySettings) -> impl IntoView {
    let session = use_session();
    let cover = RwSignal::new(settings.cover_text.clone());
    let left_out = RwSignal::new(settings.left_out.clone());
    let editions = RwSignal::new(settings.editions.clone());
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let change = UpdateDirectory {
            cover_text: cover.get_untracked(),
            left_out: left_out.get_untracked(),
        };
        busy.set(true);
        saved.set(false);
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::update_directory(&token, &change).await,
            };
            busy.set(false);
            match result {
                Ok(settings) => {
                    left_out.set(settings.left_out);
                    editions.set(settings.editions);
                    saved.set(true);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };

    // Downloads and the preview: the files need the admin's token, so they are fetched and
    // handed to the browser as blobs.
    let fetch_file = move |file: File, preview: bool| {
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => {
                    let format = match file {
                        File::Pdf(format) => Some(format),
                        File::Csv => None,
                    };
                    api::directory_file(&token, format).await
                }
            };
            busy.set(false);
            let bytes = match result {
                Ok(bytes) => bytes,
                Err(error) => return problem.set(Some(error)),
            };
            let (name, mime) = match file {
                File::Pdf(DirectoryFormat::A5) => ("annuaire-a5.pdf", "application/pdf"),
                File::Pdf(DirectoryFormat::A4) => ("annuaire-a4.pdf", "application/pdf"),
                File::Pdf(DirectoryFormat::A5Imposed) => {
                    ("annuaire-a5-a-imprimer.pdf", "application/pdf")
                }
                File::Csv => ("annuaire.csv", "text/csv"),
            };
            let shown = if preview {
                blob_url(&bytes, mime).and_then(|url| open_in_new_tab(&url))
            } else {
                offer_download(&bytes, name, mime)
            };
            if shown.is_err() {
                problem.set(Some(ApiError::Decode("download".to_owned())));
            }
        });
    };

    let publish = move |format: DirectoryFormat| {
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::publish_directory(&token, format).await,
            };
            busy.set(false);
            match result {
                Ok(edition) => editions.update(|all| {
                    all.retain(|e| e.format != edition.format);
                    all.push(edition);
                    all.sort_by_key(|e| DirectoryFormat::ALL.iter().position(|f| *f == e.format));
                }),
                Err(error) => problem.set(Some(error)),
            }
        });
    };

    let shops = settings
        .shops
        .into_iter()
        .map(|shop| {
            let id = format!("hors-annuaire-{}", shop.slug);
            let slug = shop.slug.clone();
            let checked = {
                let slug = slug.clone();
                move || left_out.with(|all| all.contains(&slug))
            };
            let toggle = move |event: leptos::ev::Event| {
                let on = event_target_checked(&event);
                let slug = slug.clone();
                left_out.update(|all| {
                    all.retain(|s| *s != slug);
                    if on {
                        all.push(slug);
                    }
                });
            };
            view! {
                <li>
                    <label class="bo-choice" for=id>
                        <input type="checkbox" id=id.clone() value=shop.slug.clone()
                            prop:checked=checked on:change=toggle />
                        <span>{shop.name} <span class="field__hint">" · " {shop.category}</span></span>
                    </label>
                </li>
            }
        })
        .collect_view();

    let edition_row = move |format: DirectoryFormat| {
        let found: Option<DirectoryEdition> =
            editions.with(|all| all.iter().find(|e| e.format == format).cloned());
        let name = tr(match format {
            DirectoryFormat::A5 => |t| t.directory().edition_a5,
            DirectoryFormat::A4 => |t| t.directory().edition_a4,
            DirectoryFormat::A5Imposed => |t| t.directory().edition_a5_imposed,
        });
        match found {
            Some(edition) => {
                let at = edition.published_at.replace('T', " ").replace('Z', " UTC");
                view! {
                    <li>
                        <a href=edition.url.clone() data-testid=format!("directory-edition-{}", format.as_str())>{name}</a>
                        " · " {tr(|t| t.directory().published)} " " {at}
                    </li>
                }
                .into_any()
            }
            None => view! {
                <li>{name} " · " {tr(|t| t.directory().not_published)}</li>
            }
            .into_any(),
        }
    };

    view! {
        <form class="bo-form" on:submit=save>
            <div class="field">
                <label for="couverture">{tr(|t| t.directory().cover_label)}</label>
                <p class="field__hint" id="couverture-aide">{tr(|t| t.directory().cover_hint)}</p>
                <textarea id="couverture" rows="6" maxlength="1500" aria-describedby="couverture-aide"
                    placeholder=settings.default_cover_text.clone()
                    prop:value=move || cover.get()
                    on:input=move |event| cover.set(event_target_value(&event))></textarea>
            </div>
            <fieldset class="field bo-choices">
                <legend>{tr(|t| t.directory().left_out_legend)}</legend>
                <p class="field__hint">{tr(|t| t.directory().left_out_hint)}</p>
                <ul class="bo-checklist">{shops}</ul>
            </fieldset>
            <button type="submit" class="button" data-testid="directory-save" disabled=move || busy.get()>
                {tr(|t| t.directory().save)}
            </button>
            {move || saved.get().then(|| view! { <p role="status">{tr(|t| t.directory().saved)}</p> })}
        </form>

        <section aria-labelledby="annuaire-telecharger">
            <h2 id="annuaire-telecharger">{tr(|t| t.directory().downloads_heading)}</h2>
            <p class="bo-actions">
                <button type="button" class="button button--secondary" data-testid="directory-download-a5"
                    disabled=move || busy.get() on:click=move |_| fetch_file(File::Pdf(DirectoryFormat::A5), false)>
                    {tr(|t| t.directory().download_a5)}
                </button>
                " "
                <button type="button" class="button button--secondary" data-testid="directory-download-a4"
                    disabled=move || busy.get() on:click=move |_| fetch_file(File::Pdf(DirectoryFormat::A4), false)>
                    {tr(|t| t.directory().download_a4)}
                </button>
                " "
                <button type="button" class="button button--secondary" data-testid="directory-download-a5-imposed"
                    disabled=move || busy.get() on:click=move |_| fetch_file(File::Pdf(DirectoryFormat::A5Imposed), false)>
                    {tr(|t| t.directory().download_a5_imposed)}
                </button>
                " "
                <button type="button" class="button button--secondary" data-testid="directory-download-csv"
                    disabled=move || busy.get() on:click=move |_| fetch_file(File::Csv, false)>
                    {tr(|t| t.directory().download_csv)}
                </button>
            </p>
            <p>
                <button type="button" class="button button--secondary" data-testid="directory-preview"
                    aria-describedby="annuaire-apercu-aide"
                    disabled=move || busy.get() on:click=move |_| fetch_file(File::Pdf(DirectoryFormat::A5), true)>
                    {tr(|t| t.directory().preview)}
                </button>
                " "
                <span class="field__hint" id="annuaire-apercu-aide">{tr(|t| t.directory().preview_hint)}</span>
            </p>
            {move || busy.get().then(|| view! { <p role="status">{tr(|t| t.directory().working)}</p> })}
        </section>

        <section aria-labelledby="annuaire-publier">
            <h2 id="annuaire-publier">{tr(|t| t.directory().publish_heading)}</h2>
            <p>{tr(|t| t.directory().publish_hint)}</p>
            <ul>
                {move || edition_row(DirectoryFormat::A5)}
                {move || edition_row(DirectoryFormat::A4)}
            </ul>
            <p class="bo-actions">
                <button type="button" class="button" data-testid="directory-publish-a5"
                    disabled=move || busy.get() on:click=move |_| publish(DirectoryFormat::A5)>
                    {tr(|t| t.directory().publish_a5)}
                </button>
                " "
                <button type="button" class="button" data-testid="directory-publish-a4"
                    disabled=move || busy.get() on:click=move |_| publish(DirectoryFormat::A4)>
                    {tr(|t| t.directory().publish_a4)}
                </button>
            </p>
        </section>

        {move || problem.get().map(|error| view! { <ProblemText error /> })}
    }
}

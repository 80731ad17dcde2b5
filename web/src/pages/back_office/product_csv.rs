//! A shop's products as a spreadsheet file: the CSV export, downloaded, and the import,
//! checked first (a dry run whose report says what would change and which lines are wrong),
//! then applied.
//!
//! Browser tests rely on `[data-testid="import-report"]` (`data-errors`) and
//! `[data-testid="import-error"]`.

use leptos::{
    prelude::*,
    task::spawn_local,
    wasm_bindgen::{JsCast, JsValue},
};
use shared::shop_products::{ImportAction, ImportReport};

use crate::{
    api::{self, ApiError},
    components::{ProblemText, ServerWords},
    i18n::{tr, use_i18n},
    state::session::use_session,
};

/// The export button and the import form of a shop's products; `on_applied` runs once an
/// import changed them.
#[component]
pub fn CsvSection(slug: String, #[prop(into)] on_applied: Callback<()>) -> impl IntoView {
    let session = use_session();
    let export_problem = RwSignal::new(None::<ApiError>);
    let exporting = RwSignal::new(false);
    let export = {
        let slug = slug.clone();
        move |_| {
            let slug = slug.clone();
            export_problem.set(None);
            exporting.set(true);
            spawn_local(async move {
                let result = match session.access_token().await {
                    None => Err(ApiError::Network("signed out".to_owned())),
                    Some(token) => api::export_products(&token, &slug).await,
                };
                exporting.set(false);
                match result {
                    Ok(bytes) => {
                        let name = format!("produits-{slug}.csv");
                        if offer_download(&bytes, &name, "text/csv").is_err() {
                            export_problem.set(Some(ApiError::Decode("download".to_owned())));
                        }
                    }
                    Err(error) => export_problem.set(Some(error)),
                }
            });
        }
    };
    view! {
        <section class="bo-csv" aria-labelledby="csv-titre">
            <h2 id="csv-titre">{tr(|t| t.bo().bo_csv_heading)}</h2>
            <p>{tr(|t| t.bo().bo_csv_intro)}</p>
            <p>
                <button type="button" class="button button--secondary" disabled=move || exporting.get() on:click=export>
                    {tr(|t| t.bo().bo_export)}
                </button>
            </p>
            {move || export_problem.get().map(|error| view! { <ProblemText error /> })}
            <ImportForm slug on_applied />
        </section>
    }
}

/// Offers `bytes` as a file named `name` to download.
pub(crate) fn offer_download(bytes: &[u8], name: &str, mime: &str) -> Result<(), JsValue> {
    let url = super::product_picture::blob_url(bytes, mime)?;
    // A detached link: its click reaches neither the router nor the bundle switch.
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Revoked later: some browsers read the blob after the click returns.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Choose a file: its dry run's report; then "Appliquer l'import".
#[component]
fn ImportForm(slug: String, on_applied: Callback<()>) -> impl IntoView {
    let session = use_session();
    let file = StoredValue::new_local(None::<web_sys::File>);
    let report = RwSignal::new(None::<ImportReport>);
    let file_name = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let send = {
        let slug = slug.clone();
        move |dry_run: bool| {
            let Some(chosen) = file.get_value() else {
                return;
            };
            let slug = slug.clone();
            problem.set(None);
            busy.set(true);
            spawn_local(async move {
                let result = match session.access_token().await {
                    None => Err(ApiError::Network("signed out".to_owned())),
                    Some(token) => api::import_products(&token, &slug, &chosen, dry_run).await,
                };
                busy.set(false);
                match result {
                    Ok(answer) => {
                        let applied = !answer.dry_run && answer.errors.is_empty();
                        report.set(Some(answer));
                        if applied {
                            on_applied.run(());
                        }
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        }
    };
    let check = {
        let send = send.clone();
        move |event: leptos::ev::Event| {
            report.set(None);
            let input: web_sys::HtmlInputElement = event_target(&event);
            let chosen = input.files().and_then(|files| files.get(0));
            let some = chosen.is_some();
            file_name.set(chosen.as_ref().map(web_sys::File::name));
            file.set_value(chosen);
            // The same file, corrected, may be chosen again.
            input.set_value("");
            if some {
                send(true);
            }
        }
    };
    let apply = move |_| send.clone()(false);
    view! {
        <div class="field">
            <label for="import-csv">{tr(|t| t.bo().bo_import_label)}</label>
            <p class="field__hint" id="import-csv-aide">{tr(|t| t.bo().bo_import_hint)}</p>
            <input id="import-csv" type="file" accept=".csv,text/csv" aria-describedby="import-csv-aide" on:change=check />
        </div>
        {move || file_name.get().map(|name| view! { <p class="bo-import__file">{tr(|t| t.bo().bo_import_file)} " " <strong>{name}</strong></p> })}
        <div role="status">
            {move || busy.get().then(|| view! { <p class="loading">{tr(|t| t.loading)}</p> })}
        </div>
        {move || problem.get().map(|error| view! { <ProblemText error /> })}
        {move || report.get().map(|report| {
            let can_apply = report.dry_run && report.errors.is_empty();
            view! {
                <ReportView report />
                {can_apply.then(|| view! {
                    <button type="button" class="button" disabled=move || busy.get() on:click=apply.clone()>
                        {tr(|t| t.bo().bo_import_apply)}
                    </button>
                })}
            }
        })}
    }
}

/// What an import did or would do: the counts, the lines to correct, each line's changes.
#[component]
fn ReportView(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let ImportReport {
        dry_run,
        created,
        updated,
        unchanged,
        errors,
        lines,
    } = report;
    let error_count = errors.len();
    let summary = move || {
        let t = i18n.t();
        if error_count > 0 {
            t.bo().bo_import_has_errors.to_owned()
        } else if dry_run {
            (t.bo().bo_import_would)(created, updated, unchanged)
        } else {
            (t.bo().bo_import_done)(created, updated, unchanged)
        }
    };
    let errors = (!errors.is_empty()).then(|| {
        let items = errors
            .into_iter()
            .map(|error| {
                let line = error.line;
                let field = error.field;
                view! {
                    <li data-testid="import-error" data-line=line>
                        <strong>{move || (i18n.t().bo().bo_import_error_at)(line, &field)}</strong>
                        <ServerWords detail=error.message />
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{tr(|t| t.bo().bo_import_errors_heading)}</h3>
            <ul class="bo-import__errors">{items}</ul>
        }
    });
    let changes = lines
        .into_iter()
        .filter(|line| line.action != ImportAction::Unchanged)
        .map(|line| {
            let number = line.line;
            let action = line.action;
            let fields = line
                .changes
                .iter()
                .map(|change| {
                    format!(
                        "{} : {} → {}",
                        change.field,
                        change.from.as_deref().unwrap_or("—"),
                        change.to
                    )
                })
                .collect::<Vec<_>>()
                .join(" ; ");
            view! {
                <li>
                    <strong>{move || (i18n.t().bo().bo_import_line)(number, action == ImportAction::Create)}</strong>
                    " " {line.name}
                    <br />
                    <span class="bo-import__changes">{fields}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="bo-import" data-testid="import-report" data-errors=error_count data-dry-run=dry_run.to_string()>
            <p class="bo-import__summary">{summary}</p>
            {errors}
            <ul class="bo-import__lines">{changes}</ul>
        </div>
    }
}

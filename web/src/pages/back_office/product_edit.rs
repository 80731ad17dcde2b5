//! A product's form: "Nouveau produit" creates a draft, "Modifier" changes one and manages
//! its picture and status. The API's field errors are shown beside their fields.
//!
//! Browser tests rely on `[data-testid="product-picture"]` and `[data-testid="product-saved"]`.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::{
    MAX_PER_PAGE,
    catalogue::{Category, PageQuery, ShopKind},
    error::ErrorCode,
    legal::WithdrawalException,
    shop_products::{CreateProduct, ProductStatus, ShopProduct, UpdateProduct},
};

use super::{
    Frame, LoginNeeded,
    product_picture::ProductPicture,
    product_variants::VariantsSection,
    products::{StatusActions, parse_stock, status_text},
};
use crate::{
    api::{self, ApiError},
    categories,
    components::{Loaded, ProblemText, TextField},
    i18n::{Text, tr, tr_with, use_i18n},
    price,
    routes::{self, Page},
    state::session::use_session,
};

/// The French VAT rates a shop that charges VAT may use, in percent, the usual ones first.
const VAT_RATES: [(&str, Text); 4] = [
    ("5.5", |t| t.bo().bo_vat_5_5),
    ("20", |t| t.bo().bo_vat_20),
    ("10", |t| t.bo().bo_vat_10),
    ("2.1", |t| t.bo().bo_vat_2_1),
];
/// Largest picture the API accepts.
const MAX_PICTURE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;
/// Picture types the API accepts.
const PICTURE_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// What the form needs besides the product: the shop's VAT status and kind, the categories.
#[derive(Debug, Clone)]
struct FormContext {
    vat_exempt: bool,
    kind: ShopKind,
    categories: Vec<Category>,
}

/// Loads the shop and the categories; `None` when signed out or the shop is not one's own.
async fn form_context(token: &str, slug: &str) -> Result<Option<FormContext>, ApiError> {
    let shops = api::my_shops(token).await?;
    // A shop of one's own, else one whose products one manages for it (issue 11).
    let (vat_exempt, kind) = match shops.items.into_iter().find(|shop| shop.slug == slug) {
        Some(shop) => (shop.vat_exempt, shop.kind),
        None => match api::helped_shops(token)
            .await?
            .items
            .into_iter()
            .find(|shop| shop.slug == slug)
        {
            Some(shop) => (shop.vat_exempt, shop.kind),
            None => return Ok(None),
        },
    };
    let mut categories = Vec::new();
    for page in 1.. {
        let query = PageQuery {
            page: Some(page),
            per_page: Some(MAX_PER_PAGE),
        };
        let found = api::list_categories(&query).await?;
        let last = page >= found.page_count();
        categories.extend(found.items);
        if last {
            break;
        }
    }
    Ok(Some(FormContext {
        vat_exempt,
        kind,
        categories,
    }))
}

/// `/gestion/{slug}/produits/nouveau`: a new product, created as a draft; then its edit page.
#[component]
pub fn NewProductPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = Memo::new(move |_| routes::shop_slug(&params.read()).unwrap_or_default());
    let resource = LocalResource::new(move || {
        let slug = slug.get();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            form_context(&token, &slug).await
        }
    });
    let loaded = move |context: Option<FormContext>| match context {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(context) => {
            view! { <ProductForm slug=slug.get_untracked() context product=None latest=None /> }
                .into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo().bo_new_product>
            <BackToList slug />
            <Loaded resource loaded />
        </Frame>
    }
}

/// `/gestion/{slug}/produits/{id}`: a product's fields, picture and status.
#[component]
pub fn EditProductPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = Memo::new(move |_| routes::shop_slug(&params.read()).unwrap_or_default());
    let id = Memo::new(move |_| routes::product_id(&params.read()));
    let resource = LocalResource::new(move || {
        let slug = slug.get();
        let id = id.get();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            let Some(context) = form_context(&token, &slug).await? else {
                return Ok(None);
            };
            let product = match id {
                Some(id) => find_product(&token, &slug, id).await?,
                None => None,
            };
            Ok(Some((context, product)))
        }
    });
    let loaded = move |found: Option<(FormContext, Option<ShopProduct>)>| match found {
        None => view! { <LoginNeeded /> }.into_any(),
        Some((_, None)) => view! { <p>{tr(|t| t.bo().bo_product_missing)}</p> }.into_any(),
        Some((context, Some(product))) => {
            let slug = slug.get_untracked();
            let status = RwSignal::new(product.status);
            let id = product.id;
            let latest = RwSignal::new(product.clone());
            view! {
                <section class="bo-status-box" aria-labelledby="statut-titre">
                    <h2 id="statut-titre">{tr(|t| t.bo().bo_status_heading)}</h2>
                    <p class=move || format!("bo-status bo-status--{}", status.get().as_str())>
                        {move || tr(status_text(status.get()))()}
                    </p>
                    <div class="bo-product__actions"><StatusActions id status /></div>
                </section>
                <PictureSection slug=slug.clone() product=product.clone() listed=Signal::derive(move || status.get() == ProductStatus::Active) />
                <ProductForm slug context product=Some(product) latest=Some(latest) />
                <VariantsSection product=latest />
            }
            .into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo().bo_edit_product>
            <BackToList slug />
            <Loaded resource loaded />
        </Frame>
    }
}

/// The way back to the shop's products.
#[component]
fn BackToList(slug: Memo<String>) -> impl IntoView {
    view! {
        <p>
            <a href=move || Page::ShopProducts(slug.get()).href()>
                <span aria-hidden="true">"‹ "</span>
                {tr(|t| t.bo().bo_back_to_products)}
            </a>
        </p>
    }
}

/// The product of the shop with this id, looked for page by page (the API has no single
/// back-office product read).
pub(super) async fn find_product(
    token: &str,
    slug: &str,
    id: i64,
) -> Result<Option<ShopProduct>, ApiError> {
    for page in 1.. {
        let found = api::shop_products(token, slug, page).await?;
        let last = page >= found.page_count();
        if let Some(product) = found.items.into_iter().find(|product| product.id == id) {
            return Ok(Some(product));
        }
        if last {
            break;
        }
    }
    Ok(None)
}

/// The fields of a product: empty for a new one (created on submit, then its edit page),
/// else the product's (changed on submit). `latest`: the product as its variants' section
/// last saved it, which the price and stock follow; they are the variants' own when there
/// are several.
#[component]
fn ProductForm(
    slug: String,
    context: FormContext,
    product: Option<ShopProduct>,
    latest: Option<RwSignal<ShopProduct>>,
) -> impl IntoView {
    let session = use_session();
    let is_volunteer = move || {
        session
            .user()
            .is_some_and(|user| user.role == shared::auth::Role::Volunteer)
    };
    let navigate = use_navigate();
    let id = product.as_ref().map(|product| product.id);
    let default_vat = if context.vat_exempt {
        "0"
    } else if context.kind == ShopKind::Food {
        "5.5"
    } else {
        "20"
    };
    let name = RwSignal::new(product.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let description = RwSignal::new(
        product
            .as_ref()
            .map(|p| p.description.clone())
            .unwrap_or_default(),
    );
    let price_text = RwSignal::new(
        product
            .as_ref()
            .map(|p| price::euros_text(p.price_cents, ','))
            .unwrap_or_default(),
    );
    let vat = RwSignal::new(
        product
            .as_ref()
            .map(|p| vat_value(p.vat_rate))
            .unwrap_or_else(|| default_vat.to_owned()),
    );
    let stock_text = RwSignal::new(
        product
            .as_ref()
            .and_then(|p| p.stock)
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let category = RwSignal::new(
        product
            .as_ref()
            .map(|p| p.category.clone())
            .unwrap_or_default(),
    );
    let keep_cold = RwSignal::new(product.as_ref().is_some_and(|p| p.keep_cold));
    let unit_exempt = RwSignal::new(product.as_ref().is_some_and(|p| p.unit_price_exempt));
    let several = move || latest.is_some_and(|latest| latest.with(|p| p.variants.len() > 1));
    let exception = RwSignal::new(
        product
            .as_ref()
            .map(|p| p.withdrawal_exception)
            .unwrap_or_default(),
    );
    let name_error = RwSignal::new(None::<Text>);
    let description_error = RwSignal::new(None::<Text>);
    let price_error = RwSignal::new(None::<Text>);
    let vat_error = RwSignal::new(None::<Text>);
    let stock_error = RwSignal::new(None::<Text>);
    let category_error = RwSignal::new(None::<Text>);
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    // The version and stock the merchant saw: a new stock is sent only against them.
    let seen = RwSignal::new(product.as_ref().map(|p| (p.version, p.stock)));
    // The stock now, when it changed meanwhile and nothing was saved.
    let stale = RwSignal::new(None::<String>);
    // A change saved in the variants' section: the price and stock shown are its.
    if let Some(latest) = latest {
        Effect::new(move |previous: Option<()>| {
            let (version, price_cents, stock) =
                latest.with(|p| (p.version, p.price_cents, p.stock));
            if previous.is_some() {
                price_text.set(price::euros_text(price_cents, ','));
                stock_text.set(stock.map(|s| s.to_string()).unwrap_or_default());
                seen.set(Some((version, stock)));
            }
        });
    }
    let clear = move || {
        for error in [
            name_error,
            description_error,
            price_error,
            vat_error,
            stock_error,
            category_error,
        ] {
            error.set(None);
        }
        problem.set(None);
        stale.set(None);
        saved.set(false);
    };
    // The API's field errors, beside their fields.
    let show_field_errors = move |error: &ApiError| {
        let ApiError::Api(problem) = error else {
            return;
        };
        if problem.code != ErrorCode::ValidationFailed {
            return;
        }
        for field in &problem.errors {
            match field.field.as_str() {
                "name" => name_error.set(Some(|t| t.bo().bo_bad_name)),
                "description" => description_error.set(Some(|t| t.bo().bo_bad_description)),
                "price_cents" => price_error.set(Some(|t| t.bo().bo_bad_price)),
                "vat_rate" => vat_error.set(Some(|t| t.bo().bo_bad_vat)),
                "stock" => stock_error.set(Some(|t| t.bo().bo_bad_stock)),
                "category" => category_error.set(Some(|t| t.bo().bo_bad_category)),
                _ => {}
            }
        }
    };
    let slug_for_submit = slug.clone();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        clear();
        // With several variants the price and stock are theirs, hidden here and not sent.
        let several = several();
        let price_cents = match price::parse_euros(&price_text.get_untracked()) {
            Ok(Some(cents)) if cents > 0 => Some(cents),
            _ => None,
        };
        if price_cents.is_none() {
            price_error.set(Some(|t| t.bo().bo_bad_price));
        }
        let stock = parse_stock(&stock_text.get_untracked());
        if stock.is_err() {
            stock_error.set(Some(|t| t.bo().bo_bad_stock));
        }
        let name_value = name.get_untracked().trim().to_owned();
        if name_value.is_empty() {
            name_error.set(Some(|t| t.bo().bo_bad_name));
        }
        let category_value = category.get_untracked();
        if category_value.is_empty() {
            category_error.set(Some(|t| t.bo().bo_bad_category));
        }
        let vat_rate = vat.get_untracked().parse::<f64>().ok();
        if vat_rate.is_none() {
            vat_error.set(Some(|t| t.bo().bo_bad_vat));
        }
        let (Some(price_cents), Ok(stock), Some(vat_rate), false, false) = (
            price_cents,
            stock,
            vat_rate,
            name_value.is_empty(),
            category_value.is_empty(),
        ) else {
            return;
        };
        let description_value = description.get_untracked();
        let slug = slug_for_submit.clone();
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            let Some(token) = session.access_token().await else {
                busy.set(false);
                problem.set(Some(ApiError::Network("signed out".to_owned())));
                return;
            };
            let result = match id {
                None => {
                    let new = CreateProduct {
                        name: name_value,
                        description: description_value,
                        price_cents,
                        vat_rate,
                        stock,
                        category: category_value,
                    };
                    api::create_product(&token, &slug, &new).await
                }
                Some(id) => {
                    let (version, seen_stock) = seen.get_untracked().unwrap_or_default();
                    let new_stock = !several && stock != seen_stock.map(i64::from);
                    let change = UpdateProduct {
                        name: Some(name_value),
                        description: Some(description_value),
                        price_cents: (!several).then_some(price_cents),
                        vat_rate: Some(vat_rate),
                        stock: new_stock.then_some(stock),
                        category: Some(category_value),
                        stock_delta: None,
                        keep_cold: Some(keep_cold.get_untracked()),
                        withdrawal_exception: Some(exception.get_untracked()),
                        unit_price_exempt: Some(unit_exempt.get_untracked()),
                    };
                    if new_stock {
                        api::update_product_if_unchanged(&token, id, &change, version).await
                    } else {
                        api::update_product(&token, id, &change).await
                    }
                }
            };
            busy.set(false);
            if let (Some(id), Err(ApiError::Api(refused))) = (id, &result)
                && refused.code == ErrorCode::ProductChanged
            {
                // Show the stock as it is now; what the merchant typed stays, to save again.
                if let Ok(Some(now)) = find_product(&token, &slug, id).await {
                    seen.set(Some((now.version, now.stock)));
                    stale.set(Some(now.stock.map(|s| s.to_string()).unwrap_or_default()));
                    return;
                }
            }
            if let Ok(product) = &result {
                seen.set(Some((product.version, product.stock)));
            }
            match result {
                Ok(product) if id.is_none() => navigate(
                    &Page::EditProduct {
                        slug,
                        id: product.id,
                    }
                    .href(),
                    Default::default(),
                ),
                Ok(_) => saved.set(true),
                Err(error) => {
                    show_field_errors(&error);
                    problem.set(Some(error));
                }
            }
        });
    };
    let vat_options = if context.vat_exempt {
        vec![view! { <option value="0">{tr(|t| t.bo().bo_vat_exempt)}</option> }]
    } else {
        VAT_RATES
            .iter()
            .map(|&(value, text)| view! { <option value=value>{tr(text)}</option> })
            .collect()
    };
    let category_options = categories::menu(&context.categories)
        .into_iter()
        .map(|entry| {
            let indent = "\u{a0}\u{a0}\u{a0}".repeat(entry.depth);
            let label = format!("{indent}{}", entry.category.name);
            view! { <option value=entry.category.slug.clone()>{label}</option> }
        })
        .collect_view();
    let submit_label: Text = if id.is_some() {
        |t| t.bo().bo_save_product
    } else {
        |t| t.bo().bo_create_product
    };
    view! {
        <form class="bo-product-form" on:submit=submit novalidate>
            <h2>{tr(|t| t.bo().bo_details_heading)}</h2>
            <TextField id="produit-nom" label=|t| t.bo().bo_name value=name error=name_error.into() autocomplete="off" />
            <div class="field">
                <label for="produit-description">{tr(|t| t.bo().bo_description)}</label>
                <textarea
                    id="produit-description"
                    rows="4"
                    aria-invalid=move || description_error.get().is_some().then_some("true")
                    aria-describedby=move || description_error.get().is_some().then_some("produit-description-erreur")
                    prop:value=move || description.get()
                    on:input=move |event| description.set(event_target_value(&event))
                ></textarea>
                {move || description_error.get().map(|text| view! { <p class="field__error" id="produit-description-erreur">{tr(text)}</p> })}
            </div>
            {move || several().then(|| view! {
                <p class="field__hint" data-testid="several-variants">{move || use_i18n().t().variants().several_hint}</p>
            })}
            <Show when=move || !several()>
                <TextField id="produit-prix" label=|t| t.bo().bo_price hint=|t| t.bo().bo_price_hint value=price_text error=price_error.into() autocomplete="off" />
            </Show>
            <div class="field">
                <label for="produit-tva">{tr(|t| t.bo().bo_vat)}</label>
                <select
                    id="produit-tva"
                    aria-invalid=move || vat_error.get().is_some().then_some("true")
                    aria-describedby=move || vat_error.get().is_some().then_some("produit-tva-erreur")
                    prop:value=move || vat.get()
                    on:change=move |event| vat.set(event_target_value(&event))
                >
                    {vat_options}
                </select>
                {move || vat_error.get().map(|text| view! { <p class="field__error" id="produit-tva-erreur">{tr(text)}</p> })}
            </div>
            <Show when=move || !several()>
                <TextField id="produit-stock" label=|t| t.bo().bo_stock_field hint=|t| t.bo().bo_stock_hint value=stock_text error=stock_error.into() autocomplete="off" />
            </Show>
            {move || stale.get().map(|now| view! {
                <p class="field__error" role="alert" data-testid="stock-changed">{tr_with(|t| t.stale().stock_changed, now)}</p>
            })}
            <div class="field">
                <label for="produit-categorie">{tr(|t| t.bo().bo_category)}</label>
                <select
                    id="produit-categorie"
                    aria-invalid=move || category_error.get().is_some().then_some("true")
                    aria-describedby=move || category_error.get().is_some().then_some("produit-categorie-erreur")
                    prop:value=move || category.get()
                    on:change=move |event| category.set(event_target_value(&event))
                >
                    <option value="">{tr(|t| t.bo().bo_choose_category)}</option>
                    {category_options}
                </select>
                {move || category_error.get().map(|text| view! { <p class="field__error" id="produit-categorie-erreur">{tr(text)}</p> })}
            </div>
            {id.is_some().then(|| view! { <HandlingFields keep_cold exception unit_exempt /> })}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(submit_label)}</button>
            <div role="status" data-testid="product-saved">
                {move || saved.get().then(|| view! { <p>{tr(|t| t.bo().bo_saved)}</p> })}
            </div>
            {move || problem.get().map(|error| match &error {
                // A volunteer whose access ended meanwhile (issue 11): say so plainly.
                ApiError::Api(refused) if refused.code == ErrorCode::NotFound && is_volunteer() => view! {
                    <p class="field__error" role="alert" data-testid="access-ended">
                        {move || use_i18n().t().product_help().access_ended}
                    </p>
                }.into_any(),
                _ => view! { <ProblemText error /> }.into_any(),
            })}
        </form>
    }
}

/// Keep cold on the rounds (issue 11) and the exception to the right of withdrawal (issue
/// 15): set once the product exists (a new one starts with neither).
#[component]
fn HandlingFields(
    keep_cold: RwSignal<bool>,
    exception: RwSignal<WithdrawalException>,
    unit_exempt: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = WithdrawalException::ALL
        .into_iter()
        .map(|choice| {
            let label = move || {
                let texts = i18n.t().legal();
                match choice {
                    WithdrawalException::None => texts.exception_none.to_owned(),
                    other => format!("{}{}", texts.exception_excluded, texts.exception(other)),
                }
            };
            view! { <option value=choice.as_str()>{label}</option> }
        })
        .collect_view();
    view! {
        <fieldset class="bo-choices" data-testid="product-handling">
            <legend>{move || i18n.t().legal().handling_heading}</legend>
            <label class="bo-choice">
                <input
                    type="checkbox"
                    aria-describedby="produit-frais-aide"
                    prop:checked=move || keep_cold.get()
                    on:change=move |event| keep_cold.set(event_target_checked(&event))
                />
                {move || i18n.t().legal().keep_cold}
            </label>
            <p class="field__hint" id="produit-frais-aide">{move || i18n.t().legal().keep_cold_hint}</p>
            <label class="bo-choice">
                <input
                    type="checkbox"
                    aria-describedby="produit-prix-kilo-aide"
                    prop:checked=move || unit_exempt.get()
                    on:change=move |event| unit_exempt.set(event_target_checked(&event))
                />
                {move || i18n.t().variants().exempt}
            </label>
            <p class="field__hint" id="produit-prix-kilo-aide">{move || i18n.t().variants().exempt_hint}</p>
            <div class="field">
                <label for="produit-retractation">{move || i18n.t().legal().exception_label}</label>
                <select
                    id="produit-retractation"
                    aria-describedby="produit-retractation-aide"
                    prop:value=move || exception.get().as_str()
                    on:change=move |event| {
                        if let Some(choice) = WithdrawalException::parse(&event_target_value(&event)) {
                            exception.set(choice);
                        }
                    }
                >
                    {options}
                </select>
                <p class="field__hint" id="produit-retractation-aide">{move || i18n.t().legal().exception_hint}</p>
            </div>
        </fieldset>
    }
}

/// A VAT rate as the select's values write it (`5.5`, `20`).
fn vat_value(rate: f64) -> String {
    let tenths = (rate * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// The product's picture, a file input that replaces it at once, and "Retirer la photo".
#[component]
fn PictureSection(slug: String, product: ShopProduct, listed: Signal<bool>) -> impl IntoView {
    let session = use_session();
    let id = product.id;
    let name = product.name.clone();
    let picture = RwSignal::new(product.picture_url.clone());
    let has_picture = RwSignal::new(product.has_picture);
    let refused = RwSignal::new(None::<Text>);
    let problem = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let show = move |result: Result<ShopProduct, ApiError>, success: Text| match result {
        Ok(product) => {
            picture.set(product.picture_url);
            has_picture.set(product.has_picture);
            done.set(Some(success));
        }
        Err(ApiError::Api(problem)) if problem.code == ErrorCode::PayloadTooLarge => {
            refused.set(Some(|t| t.bo().bo_picture_too_big));
        }
        Err(ApiError::Api(problem))
            if matches!(
                problem.code,
                ErrorCode::UnsupportedMediaType | ErrorCode::ValidationFailed
            ) =>
        {
            refused.set(Some(|t| t.bo().bo_picture_not_image));
        }
        Err(error) => problem.set(Some(error)),
    };
    let upload = move |event: leptos::ev::Event| {
        refused.set(None);
        problem.set(None);
        done.set(None);
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file may be chosen again after a refusal.
        input.set_value("");
        if !PICTURE_TYPES.contains(&file.type_().as_str()) {
            refused.set(Some(|t| t.bo().bo_picture_not_image));
            return;
        }
        if file.size() > MAX_PICTURE_BYTES {
            refused.set(Some(|t| t.bo().bo_picture_too_big));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::put_product_picture(&token, id, &file).await,
            };
            busy.set(false);
            show(result, |t| t.bo().bo_picture_saved);
        });
    };
    let remove = move |_| {
        let slug = slug.clone();
        refused.set(None);
        problem.set(None);
        done.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                // `DELETE` answers nothing: the product is read again for its new addresses.
                Some(token) => match api::delete_product_picture(&token, id).await {
                    Ok(()) => find_product(&token, &slug, id).await.and_then(|found| {
                        found.ok_or_else(|| ApiError::Decode("the product is gone".to_owned()))
                    }),
                    Err(error) => Err(error),
                },
            };
            busy.set(false);
            show(result, |t| t.bo().bo_picture_removed);
        });
    };
    view! {
        <section class="bo-picture" aria-labelledby="photo-titre">
            <h2 id="photo-titre">{tr(|t| t.bo().bo_picture_heading)}</h2>
            <ProductPicture src=picture listed class="bo-picture__image" alt=name size=240 testid="product-picture" />
            {move || (!has_picture.get()).then(|| view! { <p class="field__hint">{tr(|t| t.bo().bo_picture_generated)}</p> })}
            <div class="field">
                <label for="produit-photo">{tr(|t| t.bo().bo_picture_choose)}</label>
                <p class="field__hint" id="produit-photo-aide">{tr(|t| t.bo().bo_picture_hint)}</p>
                <input
                    id="produit-photo"
                    type="file"
                    accept="image/jpeg,image/png,image/webp"
                    aria-describedby=move || if refused.get().is_some() { "produit-photo-aide produit-photo-erreur" } else { "produit-photo-aide" }
                    aria-invalid=move || refused.get().is_some().then_some("true")
                    disabled=move || busy.get()
                    on:change=upload
                />
                {move || refused.get().map(|text| view! { <p class="field__error" id="produit-photo-erreur">{tr(text)}</p> })}
            </div>
            {move || has_picture.get().then(|| view! {
                <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=remove.clone()>
                    {tr(|t| t.bo().bo_picture_remove)}
                </button>
            })}
            <div role="status">
                {move || busy.get().then(|| view! { <p class="loading">{tr(|t| t.loading)}</p> })}
                {move || done.get().map(|text| view! { <p>{tr(text)}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </section>
    }
}

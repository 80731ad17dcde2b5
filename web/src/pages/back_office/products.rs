//! A shop's products: every status, filtered by status and words and paged, each with its
//! thumbnail, quick price and stock edits and the buttons that publish, unpublish and archive
//! it; the CSV export and import below ([`super::product_csv`]).
//!
//! Browser tests rely on `[data-testid="bo-product"]` (`data-id`, `data-status`) with its
//! "Prix TTC en euros" field, and on `[data-testid="bo-product-count"]`.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::{
    MAX_PER_PAGE, Page as ResultPage,
    error::ErrorCode,
    money::format_eur,
    shop_products::{ProductStatus, ShopProduct, ShopProductQuery, UpdateProduct},
};

use super::{
    Frame, LoginNeeded, product_csv::CsvSection, product_edit::find_product,
    product_picture::ProductPicture,
};
use crate::{
    api::{self, ApiError},
    components::{Loaded, Pagination, ProblemText},
    i18n::{Text, tr, tr_with, use_i18n},
    price,
    routes::{self, Page, ProductListFilter},
    state::session::use_session,
};

/// A shop's products, filtered, searched and paged through the address.
#[component]
pub fn ShopProductsPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| routes::shop_slug(&params.read()).unwrap_or_default());
    let filter = Memo::new(move |_| ProductListFilter::from_query(&query.read()));
    let resource = LocalResource::new(move || {
        let slug = slug.get();
        let filter = filter.get();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            let query = ShopProductQuery {
                status: filter.status.map(|status| status.as_str().to_owned()),
                q: filter.q.clone(),
                page: Some(filter.page),
                per_page: Some(MAX_PER_PAGE),
            };
            api::search_shop_products(&token, &slug, &query)
                .await
                .map(Some)
        }
    });
    let loaded = move |products: Option<ResultPage<ShopProduct>>| {
        match products {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(products) => view! { <ProductList products slug=slug.get_untracked() filter=filter.get_untracked() /> }.into_any(),
    }
    };
    let refresh = Callback::new(move |()| resource.refetch());
    view! {
        <Frame heading=|t| t.bo().bo_products_heading>
            <p class="bo-toolbar">
                <a class="button" href=move || Page::NewProduct(slug.get()).href() data-testid="new-product">
                    <span aria-hidden="true">"+ "</span>
                    {tr(|t| t.bo().bo_new_product)}
                </a>
            </p>
            <FilterForm slug filter />
            <Loaded resource loaded />
            {move || view! { <CsvSection slug=slug.get() on_applied=refresh /> }}
        </Frame>
    }
}

/// The search box and the status select; both change the address.
#[component]
fn FilterForm(slug: Memo<String>, filter: Memo<ProductListFilter>) -> impl IntoView {
    let navigate = use_navigate();
    let q_text = RwSignal::new(String::new());
    let status_text = RwSignal::new(String::new());
    // The fields follow the address (a link, the back button).
    Effect::new(move |_| {
        let filter = filter.get();
        q_text.set(filter.q.unwrap_or_default());
        status_text.set(
            filter
                .status
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
        );
    });
    let go = move || {
        let q = q_text.get_untracked();
        let q = q.trim();
        let wanted = ProductListFilter {
            status: ProductStatus::parse(&status_text.get_untracked()),
            q: (!q.is_empty()).then(|| q.to_owned()),
            page: 1,
        };
        navigate(
            &Page::ShopProductsFiltered(slug.get_untracked(), wanted).href(),
            Default::default(),
        );
    };
    let submit = {
        let go = go.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            go();
        }
    };
    let statuses = ProductStatus::ALL.map(|status| {
        view! { <option value=status.as_str()>{tr(status_plural(status))}</option> }
    });
    view! {
        <form class="bo-filter" role="search" on:submit=submit>
            <div class="field">
                <label for="produits-recherche">{tr(|t| t.bo().bo_search_label)}</label>
                <input
                    id="produits-recherche"
                    type="search"
                    name="q"
                    maxlength=routes::MAX_SEARCH_CHARS
                    prop:value=move || q_text.get()
                    on:input=move |event| q_text.set(event_target_value(&event))
                />
            </div>
            <div class="field">
                <label for="produits-statut">{tr(|t| t.bo().bo_status_filter)}</label>
                <select
                    id="produits-statut"
                    prop:value=move || status_text.get()
                    on:change=move |event| {
                        status_text.set(event_target_value(&event));
                        go();
                    }
                >
                    <option value="">{tr(|t| t.bo().bo_all_statuses)}</option>
                    {statuses}
                </select>
            </div>
            <button type="submit" class="button button--secondary">{tr(|t| t.bo().bo_search_button)}</button>
        </form>
    }
}

/// One page of products: how many there are, the rows, the links to the other pages.
#[component]
fn ProductList(
    products: ResultPage<ShopProduct>,
    slug: String,
    filter: ProductListFilter,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = products.total;
    let page_count = products.page_count();
    let page = products.page;
    let filtered = filter.status.is_some() || filter.q.is_some();
    let empty = products.items.is_empty();
    let rows = products
        .items
        .into_iter()
        .map(|product| view! { <ProductRow product slug=slug.clone() /> })
        .collect_view();
    let href_for = Callback::new(move |page: u32| {
        Page::ShopProductsFiltered(
            slug.clone(),
            ProductListFilter {
                page,
                ..filter.clone()
            },
        )
        .href()
    });
    view! {
        <p class="bo-product-count" data-testid="bo-product-count" role="status">
            {move || (i18n.t().bo().bo_product_count)(total)}
        </p>
        {empty.then(|| {
            let text: Text = if filtered { |t| t.bo().bo_no_match } else { |t| t.bo().bo_no_products };
            view! { <p>{tr(text)}</p> }
        })}
        <ul class="bo-products">{rows}</ul>
        <Pagination page page_count href_for on_follow=Callback::new(|()| ()) />
    }
}

/// How a status is said of one product.
pub(super) fn status_text(status: ProductStatus) -> Text {
    match status {
        ProductStatus::Draft => |t| t.bo().bo_draft,
        ProductStatus::Active => |t| t.bo().bo_on_sale,
        ProductStatus::Archived => |t| t.bo().bo_archived,
    }
}

/// How a status is said of a list of products, in the filter.
fn status_plural(status: ProductStatus) -> Text {
    match status {
        ProductStatus::Draft => |t| t.bo().bo_drafts,
        ProductStatus::Active => |t| t.bo().bo_all_on_sale,
        ProductStatus::Archived => |t| t.bo().bo_all_archived,
    }
}

/// One product: its picture, name and status, its price and stock, editable, and what can be
/// done with it.
#[component]
fn ProductRow(product: ShopProduct, slug: String) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let id = product.id;
    let status = RwSignal::new(product.status);
    let sizes = product.variants.len();
    let price_from = product
        .variants
        .iter()
        .filter(|variant| variant.active)
        .any(|variant| variant.price_cents != product.price_cents);
    let lowest = format_eur(product.price_cents);
    let price_text = RwSignal::new(price::euros_text(product.price_cents, ','));
    let stock_text = RwSignal::new(product.stock.map(|s| s.to_string()).unwrap_or_default());
    let invalid = RwSignal::new(None::<Text>);
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    // The version and stock shown: a new stock is sent only against them.
    let seen = RwSignal::new((product.version, product.stock));
    // The stock now, when it changed meanwhile and nothing was saved.
    let stale = RwSignal::new(None::<String>);
    let list_slug = slug.clone();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        problem.set(None);
        stale.set(None);
        let Ok(Some(price_cents)) = price::parse_euros(&price_text.get_untracked()) else {
            invalid.set(Some(|t| t.bo().bo_bad_price));
            return;
        };
        let Ok(stock) = parse_stock(&stock_text.get_untracked()) else {
            invalid.set(Some(|t| t.bo().bo_bad_stock));
            return;
        };
        invalid.set(None);
        let (version, seen_stock) = seen.get_untracked();
        let new_stock = stock != seen_stock.map(i64::from);
        let change = UpdateProduct {
            price_cents: Some(price_cents),
            stock: new_stock.then_some(stock),
            ..UpdateProduct::default()
        };
        let slug = list_slug.clone();
        spawn_local(async move {
            let Some(token) = session.access_token().await else {
                problem.set(Some(ApiError::Network("signed out".to_owned())));
                return;
            };
            let result = if new_stock {
                api::update_product_if_unchanged(&token, id, &change, version).await
            } else {
                api::update_product(&token, id, &change).await
            };
            match result {
                Ok(product) => {
                    seen.set((product.version, product.stock));
                    saved.set(true);
                }
                Err(ApiError::Api(refused)) if refused.code == ErrorCode::ProductChanged => {
                    // The stock now, beside what the merchant typed, to save again.
                    match find_product(&token, &slug, id).await {
                        Ok(Some(now)) => {
                            seen.set((now.version, now.stock));
                            stale.set(Some(now.stock.map(|s| s.to_string()).unwrap_or_default()));
                        }
                        _ => problem.set(Some(ApiError::Api(refused))),
                    }
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let price_id = format!("prix-{id}");
    let stock_id = format!("stock-{id}");
    let error_id = format!("rapide-{id}-erreur");
    let described_by = {
        let error_id = error_id.clone();
        move || invalid.get().is_some().then(|| error_id.clone())
    };
    let described_by_stock = described_by.clone();
    let edit_href = Page::EditProduct { slug, id }.href();
    view! {
        <li class="bo-product" data-testid="bo-product" data-id=id data-status=move || status.get().as_str()>
            <div class="bo-product__head">
                <ProductPicture
                    src=product.thumbnail_url
                    listed=Signal::derive(move || status.get() == ProductStatus::Active)
                    class="bo-product__thumb"
                    alt=String::new()
                    size=64
                />
                <div>
                    <h2 class="bo-product__name">
                        <a href=edit_href.clone()>{product.name}</a>
                    </h2>
                    <p class=move || format!("bo-status bo-status--{}", status.get().as_str())>
                        {move || tr(status_text(status.get()))()}
                    </p>
                </div>
            </div>
            {if sizes > 1 {
                // Several sizes: their prices and stocks are changed on the product's page.
                view! {
                    <p class="bo-product__sizes" data-testid="variant-count">
                        {move || {
                            let t = i18n.t();
                            let from = if price_from { format!("{} ", t.price_from) } else { String::new() };
                            format!("{} · {from}{lowest}", (t.variants().count)(sizes))
                        }}
                    </p>
                }
                .into_any()
            } else {
                view! {
            <form class="bo-product__quick" on:submit=submit>
                <div class="bo-product__fields">
                    <div class="field">
                        <label for=price_id.clone()>{tr(|t| t.bo().bo_price)}</label>
                        <input id=price_id type="text" inputmode="decimal" aria-describedby=described_by aria-invalid=move || invalid.get().is_some().then_some("true") prop:value=move || price_text.get() on:input=move |event| price_text.set(event_target_value(&event)) />
                    </div>
                    <div class="field">
                        <label for=stock_id.clone()>{tr(|t| t.bo().bo_stock)}</label>
                        <input id=stock_id type="text" inputmode="numeric" aria-describedby=described_by_stock prop:value=move || stock_text.get() on:input=move |event| stock_text.set(event_target_value(&event)) />
                    </div>
                </div>
                <button type="submit" class="button button--secondary">{tr(|t| t.bo().bo_save)}</button>
                <div role="status">
                    {move || saved.get().then(|| view! { <p>{tr(|t| t.bo().bo_saved)}</p> })}
                </div>
                {move || invalid.get().map(|text| view! { <p class="field__error" id=error_id.clone()>{tr(text)}</p> })}
                {move || problem.get().map(|error| view! { <ProblemText error /> })}
                {move || stale.get().map(|now| view! {
                    <p class="field__error" role="alert" data-testid="stock-changed">{tr_with(|t| t.stale().stock_changed, now)}</p>
                })}
            </form>
                }
                .into_any()
            }}
            <div class="bo-product__actions">
                <a class="button button--secondary" href=edit_href>{tr(|t| t.bo().bo_edit)}</a>
                <StatusActions id status />
            </div>
        </li>
    }
}

/// A stock as typed: empty is "not counted", else a whole number from 0.
pub(super) fn parse_stock(text: &str) -> Result<Option<i64>, ()> {
    match text.trim() {
        "" => Ok(None),
        text => match text.parse::<i64>() {
            Ok(stock) if stock >= 0 => Ok(Some(stock)),
            _ => Err(()),
        },
    }
}

/// A change of a product's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Transition {
    Publish,
    Unpublish,
    Archive,
}

impl Transition {
    /// The button's words, for a product with this status.
    fn label(self, from: ProductStatus) -> Text {
        match (self, from) {
            (Transition::Publish, _) => |t| t.bo().bo_publish,
            (Transition::Unpublish, ProductStatus::Archived) => |t| t.bo().bo_back_to_draft,
            (Transition::Unpublish, _) => |t| t.bo().bo_unpublish,
            (Transition::Archive, _) => |t| t.bo().bo_archive,
        }
    }

    /// What a refusal (409) means.
    fn conflict(self) -> Text {
        match self {
            Transition::Publish => |t| t.bo().bo_publish_refused,
            Transition::Unpublish => |t| t.bo().bo_unpublish_refused,
            Transition::Archive => |t| t.bo().bo_archive_refused,
        }
    }

    /// What can be done with a product with this status.
    fn offered(from: ProductStatus) -> &'static [Transition] {
        match from {
            ProductStatus::Draft => &[Transition::Publish, Transition::Archive],
            ProductStatus::Active => &[Transition::Unpublish, Transition::Archive],
            ProductStatus::Archived => &[Transition::Unpublish],
        }
    }
}

/// The buttons that publish, unpublish and archive a product; `status` follows the API's
/// answers. A refusal is said beside them.
#[component]
pub(super) fn StatusActions(id: i64, status: RwSignal<ProductStatus>) -> impl IntoView {
    let session = use_session();
    let problem = RwSignal::new(None::<(ApiError, Text)>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let run = move |transition: Transition| {
        problem.set(None);
        done.set(false);
        busy.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => match transition {
                    Transition::Publish => api::publish_product(&token, id).await,
                    Transition::Unpublish => api::unpublish_product(&token, id).await,
                    Transition::Archive => api::archive_product(&token, id).await,
                },
            };
            busy.set(false);
            match result {
                Ok(product) => {
                    status.set(product.status);
                    done.set(true);
                }
                Err(error) => problem.set(Some((error, transition.conflict()))),
            }
        });
    };
    let buttons = move || {
        let from = status.get();
        Transition::offered(from)
            .iter()
            .map(|&transition| {
                let class = if transition == Transition::Publish {
                    "button"
                } else {
                    "button button--secondary"
                };
                view! {
                    <button type="button" class=class disabled=move || busy.get() on:click=move |_| run(transition)>
                        {tr(transition.label(from))}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        {buttons}
        <div role="status" class="bo-product__done">
            {move || done.get().then(|| {
                let now = tr(status_text(status.get_untracked()));
                view! { <p>{tr(|t| t.bo().bo_status_now)} " " {now}</p> }
            })}
        </div>
        {move || problem.get().map(|(error, conflict)| view! { <ProblemText error conflict /> })}
    }
}

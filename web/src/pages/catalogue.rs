//! The product catalogue: search, filters, sort and pages, all held in the address.

use leptos::{
    ev::SubmitEvent,
    html::{Input, Select},
    prelude::*,
};
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_query_map},
};
use shared::{
    MAX_PER_PAGE, Page as ListPage,
    catalogue::{
        Category, PageQuery, ProductCard, ProductQuery, ProductSort, ShopQuery, ShopSummary,
    },
};

use crate::{
    api::{self, ApiError},
    categories,
    components::{DocumentTitle, Loaded, ProductResults, ResultsHeading, SearchBox},
    i18n::{Lang, Text, tr, use_i18n},
    price::{self, PriceError},
    routes::{CatalogueFilter, Page},
};

/// The ids of the filter fields and of their error messages.
const CATEGORY_ID: &str = "filtre-rayon";
const SHOP_ID: &str = "filtre-commerce";
const MIN_ID: &str = "filtre-prix-min";
const MAX_ID: &str = "filtre-prix-max";
const MIN_ERROR_ID: &str = "filtre-prix-min-erreur";
const MAX_ERROR_ID: &str = "filtre-prix-max-erreur";
const PRICE_HINT_ID: &str = "filtre-prix-exemple";
const IN_STOCK_ID: &str = "filtre-en-stock";
const SORT_ID: &str = "tri";

/// The catalogue page.
///
/// Everything it shows follows the address (see [`CatalogueFilter`]): a shared link, the back
/// button and a reload show the same results. Every change of search, filter or sort is a
/// new history entry and starts again from page 1.
///
/// Browser tests rely on the labels of the controls, on [`ProductResults`]' hooks, and on
/// `<details data-testid="filters">` holding the filters.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| CatalogueFilter::from_query(&query.read()));
    let navigate = use_navigate();
    // Goes to `next` unless it shows what is shown already; says whether it went.
    let apply = Callback::new(move |mut next: CatalogueFilter| {
        next.normalise();
        let changed = next != filter.get_untracked();
        if changed {
            let options = NavigateOptions {
                scroll: false,
                ..NavigateOptions::default()
            };
            navigate(&Page::Catalogue(next).href(), options);
        }
        changed
    });
    // What the filters offer; the results do not wait for it.
    let options = LocalResource::new(|| async {
        let categories = api::list_categories(&PageQuery {
            page: None,
            per_page: Some(MAX_PER_PAGE),
        })
        .await?;
        let shops = api::list_shops(&ShopQuery {
            per_page: Some(MAX_PER_PAGE),
            ..ShopQuery::default()
        })
        .await?;
        Ok::<_, ApiError>((categories.items, shops.items))
    });
    // Said by screen readers when new results arrive, since the focus stays on the control.
    let announcement = RwSignal::new(String::new());
    let focus_results = RwSignal::new(false);

    let search = Signal::derive(move || filter.with(|filter| filter.q.clone().unwrap_or_default()));
    let on_search = move |q: String| {
        let searched = apply.run(CatalogueFilter {
            q: Some(q),
            page: 1,
            ..filter.get_untracked()
        });
        focus_results.set(searched);
    };
    let title = Signal::derive(move || {
        let t = i18n.t();
        match filter.with(|filter| filter.q.clone()) {
            Some(q) => format!("« {q} » — {}", t.catalogue_heading),
            None => t.catalogue_heading.to_owned(),
        }
    });

    let redirect = use_navigate();
    let filters = move |(categories, shops): (Vec<Category>, Vec<ShopSummary>)| {
        // A merged category's old address leads to the category it went into.
        let current = filter.with_untracked(|filter| filter.category.clone());
        if let Some(merged_into) = current.and_then(|slug| {
            categories
                .iter()
                .find(|category| category.former_slugs.contains(&slug))
        }) {
            let next = CatalogueFilter {
                category: Some(merged_into.slug.clone()),
                ..filter.get_untracked()
            };
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..NavigateOptions::default()
            };
            redirect(&Page::Catalogue(next).href(), options);
        }
        view! { <FilterForm categories shops filter apply focus_results /> }
    };

    let results = move || {
        let filter = filter.get();
        let query = product_query(&filter);
        let resource = LocalResource::new(move || {
            let query = query.clone();
            async move { api::list_products(&query).await }
        });
        let loaded = move |page: Option<ListPage<ProductCard>>| {
            results_view(page, filter.clone(), announcement, focus_results)
        };
        view! { <Loaded resource loaded /> }
    };

    view! {
        <DocumentTitle text=title />
        <div class="page">
            <h1>{tr(|t| t.catalogue_heading)}</h1>
            <SearchBox value=search on_search compact=true />
            <Loaded resource=options loaded=filters />
            <SortSelect filter apply />
            <p class="visually-hidden" role="status">
                {move || announcement.get()}
            </p>
            <div class="results">{results}</div>
        </div>
    }
}

/// The API query of what `filter` shows.
fn product_query(filter: &CatalogueFilter) -> ProductQuery {
    ProductQuery {
        page: Some(filter.page),
        per_page: None,
        q: filter.q.clone(),
        category: filter.category.clone(),
        shop: filter.shop.clone(),
        min_price_cents: filter.min_price_cents,
        max_price_cents: filter.max_price_cents,
        in_stock: filter.in_stock.then_some(true),
        sort: filter.sort.map(|sort| sort.as_str().to_owned()),
    }
}

/// The results, or why there are none; `None` is a filter naming something that is gone.
fn results_view(
    page: Option<ListPage<ProductCard>>,
    filter: CatalogueFilter,
    announcement: RwSignal<String>,
    focus_results: RwSignal<bool>,
) -> AnyView {
    let i18n = use_i18n();
    let clear = move || {
        view! {
            <p>
                <a class="button" href=Page::catalogue().href() data-testid="clear-filters">
                    {tr(|t| t.clear_filters)}
                </a>
            </p>
        }
    };
    let Some(page) = page else {
        let heading = Signal::derive(move || i18n.t().unknown_filter.to_owned());
        Effect::new(move || announcement.set(heading.get()));
        return view! {
            <div class="empty">
                <ResultsHeading text=heading focus=focus_results />
                {clear()}
            </div>
        }
        .into_any();
    };
    let total = page.total;
    let q = filter.q.clone();
    let heading = Signal::derive(move || (i18n.t().results_heading)(total, q.as_deref()));
    Effect::new(move || announcement.set(heading.get()));
    if total == 0 {
        return view! {
            <div class="empty" data-testid="no-results">
                <ResultsHeading text=heading focus=focus_results />
                <p>{tr(|t| t.no_products)}</p>
                <p>{tr(|t| t.no_products_hint)}</p>
                {clear()}
            </div>
        }
        .into_any();
    }
    if page.items.is_empty() {
        let first = Page::Catalogue(filter.with_page(1)).href();
        return view! {
            <div class="empty">
                <ResultsHeading text=heading focus=focus_results />
                <p>{tr(|t| t.page_empty)}</p>
                <p>
                    <a class="button" href=first>
                        {tr(|t| t.first_page)}
                    </a>
                </p>
            </div>
        }
        .into_any();
    }
    let href_for = move |number: u32| Page::Catalogue(filter.with_page(number)).href();
    view! {
        <ProductResults page heading href_for focus=focus_results />
    }
    .into_any()
}

/// Why a price field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PriceProblem {
    Invalid,
    BelowMinimum,
}

/// The filters: category, shop, prices and stock, in a disclosure that starts open when one
/// of them is in force. A select or the checkbox applies at once; the prices apply with the
/// button (or Enter). Invalid prices are said next to their field and nothing is requested.
#[component]
fn FilterForm(
    categories: Vec<Category>,
    shops: Vec<ShopSummary>,
    filter: Memo<CatalogueFilter>,
    apply: Callback<CatalogueFilter, bool>,
    /// Set when the reader pressed the button: the results take the focus once there.
    focus_results: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let category_ref = NodeRef::<Select>::new();
    let shop_ref = NodeRef::<Select>::new();
    let min_ref = NodeRef::<Input>::new();
    let max_ref = NodeRef::<Input>::new();
    let in_stock_ref = NodeRef::<Input>::new();
    let min_problem = RwSignal::new(None::<PriceProblem>);
    let max_problem = RwSignal::new(None::<PriceProblem>);

    // Each control follows its own part of the address only, so that changing one filter
    // does not wipe a price being typed in another.
    let category = Memo::new(move |_| filter.with(|filter| filter.category.clone()));
    let shop = Memo::new(move |_| filter.with(|filter| filter.shop.clone()));
    let min_price = Memo::new(move |_| filter.with(|filter| filter.min_price_cents));
    let max_price = Memo::new(move |_| filter.with(|filter| filter.max_price_cents));
    let in_stock = Memo::new(move |_| filter.with(|filter| filter.in_stock));
    let active = move || {
        filter.with(|filter| {
            usize::from(filter.category.is_some())
                + usize::from(filter.shop.is_some())
                + usize::from(filter.min_price_cents.is_some() || filter.max_price_cents.is_some())
                + usize::from(filter.in_stock)
        })
    };
    // A new address (applied, or back and forward) makes old complaints moot.
    Effect::new(move || {
        filter.track();
        min_problem.set(None);
        max_problem.set(None);
    });

    // Applies the whole form; false when nothing changed or a price is refused.
    let read_and_apply = move || {
        let (Some(category_field), Some(shop_field), Some(min_field), Some(max_field), Some(stock)) = (
            category_ref.get_untracked(),
            shop_ref.get_untracked(),
            min_ref.get_untracked(),
            max_ref.get_untracked(),
            in_stock_ref.get_untracked(),
        ) else {
            return false;
        };
        let min = price::parse_euros(&min_field.value());
        let max = price::parse_euros(&max_field.value());
        let min_error = min.err().map(|PriceError::Invalid| PriceProblem::Invalid);
        let max_error = match (min, max) {
            (_, Err(PriceError::Invalid)) => Some(PriceProblem::Invalid),
            (Ok(Some(low)), Ok(Some(high))) if high < low => Some(PriceProblem::BelowMinimum),
            _ => None,
        };
        min_problem.set(min_error);
        max_problem.set(max_error);
        if min_error.is_some() {
            let _ = min_field.focus();
            return false;
        }
        if max_error.is_some() {
            let _ = max_field.focus();
            return false;
        }
        let selected = |value: String| Some(value).filter(|value| !value.is_empty());
        let current = filter.get_untracked();
        apply.run(CatalogueFilter {
            category: selected(category_field.value()),
            shop: selected(shop_field.value()),
            min_price_cents: min.ok().flatten(),
            max_price_cents: max.ok().flatten(),
            in_stock: stock.checked(),
            page: 1,
            ..current
        })
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        focus_results.set(read_and_apply());
    };

    // The address may name a category or shop the lists do not hold (more than a page of
    // them, or gone): it is still offered, under its slug, so the select says what is shown.
    let category_options: Vec<(String, String)> = categories::menu(&categories)
        .into_iter()
        .map(|entry| {
            // No-break spaces indent sub-categories in every browser's select.
            let indent = "\u{a0}\u{a0}\u{a0}".repeat(entry.depth);
            (
                entry.category.slug.clone(),
                format!("{indent}{} ({})", entry.category.name, entry.total),
            )
        })
        .collect();
    let shop_options: Vec<(String, String)> = shops
        .into_iter()
        .map(|shop| (shop.slug, shop.name))
        .collect();

    view! {
        <details
            class="filters"
            open=filter.with_untracked(CatalogueFilter::has_filters)
            data-testid="filters"
        >
            <summary class="filters__summary">
                <span>
                    {tr(|t| t.filters_summary)}
                    {move || {
                        let count = active();
                        (count > 0)
                            .then(|| {
                                view! {
                                    <span class="filters__count">
                                        " " {(i18n.t().filters_active)(count)}
                                    </span>
                                }
                            })
                    }}
                </span>
            </summary>
            <form class="filters__form" on:submit=submit novalidate>
                <FilterSelect
                    id=CATEGORY_ID
                    label=|t| t.filter_category
                    all=|t| t.all_categories
                    options=category_options
                    current=category
                    field=category_ref
                    on_change=Callback::new(move |()| {
                        read_and_apply();
                    })
                />
                <FilterSelect
                    id=SHOP_ID
                    label=|t| t.filter_shop
                    all=|t| t.all_shops
                    options=shop_options
                    current=shop
                    field=shop_ref
                    on_change=Callback::new(move |()| {
                        read_and_apply();
                    })
                />
                <fieldset class="field prices">
                    <legend>{tr(|t| t.price_legend)}</legend>
                    <p class="field__hint" id=PRICE_HINT_ID>
                        {tr(|t| t.price_hint)}
                    </p>
                    <div class="prices__pair">
                        <PriceField
                            id=MIN_ID
                            error_id=MIN_ERROR_ID
                            label=|t| t.price_min
                            cents=min_price
                            problem=min_problem
                            field=min_ref
                        />
                        <PriceField
                            id=MAX_ID
                            error_id=MAX_ERROR_ID
                            label=|t| t.price_max
                            cents=max_price
                            problem=max_problem
                            field=max_ref
                        />
                    </div>
                </fieldset>
                <div class="check">
                    <input
                        id=IN_STOCK_ID
                        name="en_stock"
                        type="checkbox"
                        // The attribute for the page the server draws (issue 16), where
                        // properties are not written; the property keeps it live.
                        checked=in_stock.get_untracked()
                        prop:checked=move || in_stock.get()
                        on:change=move |_| {
                            read_and_apply();
                        }
                        node_ref=in_stock_ref
                    />
                    <label for=IN_STOCK_ID>{tr(|t| t.in_stock_only)}</label>
                </div>
                <button class="button" type="submit">
                    {tr(|t| t.apply_filters)}
                </button>
            </form>
        </details>
    }
}

/// A labelled select of the filters: "all" first, then `options` as (value, text), the one
/// equal to `current` selected. A `current` missing from `options` is added under its value.
#[component]
fn FilterSelect(
    id: &'static str,
    label: Text,
    all: Text,
    mut options: Vec<(String, String)>,
    current: Memo<Option<String>>,
    field: NodeRef<Select>,
    on_change: Callback<()>,
) -> impl IntoView {
    if let Some(value) = current.get_untracked()
        && !options.iter().any(|(option, _)| *option == value)
    {
        options.push((value.clone(), value));
    }
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value.clone();
            let initially = current.with_untracked(|current| current.as_ref() == Some(&value));
            view! {
                <option
                    value=value
                    selected=initially
                    prop:selected=move || current.get().as_deref() == Some(&*selected)
                >
                    {text}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <select id=id node_ref=field on:change=move |_| on_change.run(())>
                <option
                    value=""
                    selected=current.with_untracked(Option::is_none)
                    prop:selected=move || current.get().is_none()
                >
                    {tr(all)}
                </option>
                {options}
            </select>
        </div>
    }
}

/// A price field: the price in the address written the reader's way ("12,50"), and what is
/// wrong with what they typed, if anything, right under it.
#[component]
fn PriceField(
    id: &'static str,
    error_id: &'static str,
    label: Text,
    cents: Memo<Option<i64>>,
    problem: RwSignal<Option<PriceProblem>>,
    field: NodeRef<Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let separator = if i18n.lang() == Lang::Fr { ',' } else { '.' };
        cents
            .get()
            .map(|cents| price::euros_text(cents, separator))
            .unwrap_or_default()
    };
    let described_by = move || {
        if problem.get().is_some() {
            format!("{error_id} {PRICE_HINT_ID}")
        } else {
            PRICE_HINT_ID.to_owned()
        }
    };
    let message = move || {
        problem.get().map(|problem| {
            let t = i18n.t();
            let text = match problem {
                PriceProblem::Invalid => t.price_invalid,
                PriceProblem::BelowMinimum => t.price_order,
            };
            view! {
                <p class="field__error" id=error_id>
                    {text}
                </p>
            }
        })
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                size="8"
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described_by
                value=untrack(text)
                prop:value=text
                node_ref=field
            />
            {message}
        </div>
    }
}

/// "Trier par": relevance is offered only with a search (it is the default then).
#[component]
fn SortSelect(
    filter: Memo<CatalogueFilter>,
    apply: Callback<CatalogueFilter, bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sort = move || filter.with(CatalogueFilter::effective_sort);
    let searching = Memo::new(move |_| filter.with(|filter| filter.q.is_some()));
    let change = move |event: leptos::ev::Event| {
        let Some(sort) = ProductSort::parse(&event_target_value(&event)) else {
            return;
        };
        apply.run(CatalogueFilter {
            sort: Some(sort),
            page: 1,
            ..filter.get_untracked()
        });
    };
    view! {
        <div class="field sort">
            <label for=SORT_ID>{tr(|t| t.sort_label)}</label>
            <select id=SORT_ID name="tri" on:change=change>
                {move || {
                    ProductSort::ALL
                        .into_iter()
                        .filter(|option| *option != ProductSort::Relevance || searching.get())
                        .map(|option| {
                            view! {
                                <option
                                    value=option.as_str()
                                    selected=untrack(|| sort() == option)
                                    prop:selected=move || sort() == option
                                >
                                    {move || i18n.t().sort(option)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

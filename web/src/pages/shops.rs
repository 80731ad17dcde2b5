//! The shop directory: every shop, narrowed by kind, commune and delivery, in the address.

use leptos::prelude::*;
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_query_map},
};
use shared::{
    MAX_PER_PAGE, Page as ListPage,
    catalogue::{ShopKind, ShopQuery, ShopSummary},
};

use crate::{
    api,
    components::{DocumentTitle, Loaded, Pagination, ResultsHeading, ShopCard},
    i18n::{tr, use_i18n},
    routes::{Page, ShopFilter},
};

/// The id of the commune select.
const COMMUNE_ID: &str = "filtre-commune";
/// The id of the delivers-only checkbox.
const DELIVERS_ID: &str = "filtre-livraison";
/// The id of the kinds' label.
const KINDS_LABEL_ID: &str = "filtre-type";

/// The shop directory.
///
/// Browser tests rely on the kinds being links in `[data-testid="kind-filter"]` (the current
/// one with `aria-current="true"`), on the labels of the other controls, and on the shops
/// being a `<ul data-testid="shop-list">` of `ShopCard`s under
/// `<h2 data-testid="result-count">`.
#[component]
pub fn ShopsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| ShopFilter::from_query(&query.read()));
    let navigate = use_navigate();
    let apply = Callback::new(move |next: ShopFilter| {
        if next != filter.get_untracked() {
            let options = NavigateOptions {
                scroll: false,
                ..NavigateOptions::default()
            };
            navigate(&Page::Shops(next).href(), options);
        }
    });
    // Every shop, for the list of communes, whatever the filter.
    let all_shops = LocalResource::new(|| async {
        api::list_shops(&ShopQuery {
            per_page: Some(MAX_PER_PAGE),
            ..ShopQuery::default()
        })
        .await
    });
    let focus_results = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());

    let kinds = move || {
        let current = filter.with(|filter| filter.kind);
        std::iter::once(None)
            .chain(ShopKind::ALL.into_iter().map(Some))
            .map(|kind| {
                let href = Page::Shops(ShopFilter {
                    kind,
                    page: 1,
                    ..filter.get()
                })
                .href();
                let label = move || match kind {
                    Some(kind) => i18n.t().kind_plural(kind),
                    None => i18n.t().kind_all,
                };
                view! {
                    <li>
                        <a
                            class="chip"
                            href=href
                            aria-current=(kind == current).then_some("true")
                        >
                            {label}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };

    let commune_filter = move |shops: ListPage<ShopSummary>| {
        view! { <CommuneFilter shops=shops.items filter apply /> }
    };

    let results = move || {
        let filter = filter.get();
        let query = ShopQuery {
            page: Some(filter.page),
            per_page: Some(MAX_PER_PAGE),
            kind: filter.kind.map(|kind| kind.as_str().to_owned()),
            commune: filter.commune.clone(),
            delivers: filter.delivers.then_some(true),
            q: None,
        };
        let resource = LocalResource::new(move || {
            let query = query.clone();
            async move { api::list_shops(&query).await }
        });
        let loaded = move |page: ListPage<ShopSummary>| {
            view! { <ShopResults page filter=filter.clone() announcement focus=focus_results /> }
        };
        view! { <Loaded resource loaded /> }
    };

    view! {
        <DocumentTitle text=Signal::derive(move || {
            i18n.t().shops_heading.to_owned()
        }) />
        <div class="page">
            <h1>{tr(|t| t.shops_heading)}</h1>
            <div class="directory-filters">
                <p class="directory-filters__label" id=KINDS_LABEL_ID>
                    {tr(|t| t.filter_kind)}
                </p>
                <ul class="chips" aria-labelledby=KINDS_LABEL_ID data-testid="kind-filter">
                    {kinds}
                </ul>
                <Loaded resource=all_shops loaded=commune_filter />
            </div>
            <p class="visually-hidden" role="status">
                {move || announcement.get()}
            </p>
            <div class="results">{results}</div>
        </div>
    }
}

/// The commune select (communes of every shop, in French order) and the delivers-only
/// checkbox; each applies at once.
#[component]
fn CommuneFilter(
    shops: Vec<ShopSummary>,
    filter: Memo<ShopFilter>,
    apply: Callback<ShopFilter>,
) -> impl IntoView {
    let commune = Memo::new(move |_| filter.with(|filter| filter.commune.clone()));
    let delivers = Memo::new(move |_| filter.with(|filter| filter.delivers));
    let mut communes: Vec<String> = shops.into_iter().map(|shop| shop.commune).collect();
    if let Some(current) = filter.with_untracked(|filter| filter.commune.clone()) {
        communes.push(current);
    }
    communes.sort_unstable_by_key(|commune| sort_key(commune));
    communes.dedup();
    let options = communes
        .into_iter()
        .map(|name| {
            let value = name.clone();
            let selected = name.clone();
            let initially = commune.with_untracked(|commune| commune.as_ref() == Some(&name));
            view! {
                <option
                    value=value
                    selected=initially
                    prop:selected=move || commune.get().as_deref() == Some(&*selected)
                >
                    {name}
                </option>
            }
        })
        .collect_view();
    let change_commune = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        apply.run(ShopFilter {
            commune: Some(value).filter(|value| !value.is_empty()),
            page: 1,
            ..filter.get_untracked()
        });
    };
    let change_delivers = move |event: leptos::ev::Event| {
        apply.run(ShopFilter {
            delivers: event_target_checked(&event),
            page: 1,
            ..filter.get_untracked()
        });
    };
    view! {
        <div class="field">
            <label for=COMMUNE_ID>{tr(|t| t.filter_commune)}</label>
            <select id=COMMUNE_ID name="commune" on:change=change_commune>
                <option
                    value=""
                    selected=commune.with_untracked(Option::is_none)
                    prop:selected=move || commune.get().is_none()
                >
                    {tr(|t| t.all_communes)}
                </option>
                {options}
            </select>
        </div>
        <div class="check">
            <input
                id=DELIVERS_ID
                name="livraison"
                type="checkbox"
                checked=delivers.get_untracked()
                prop:checked=move || delivers.get()
                on:change=change_delivers
            />
            <label for=DELIVERS_ID>{tr(|t| t.delivers_only)}</label>
        </div>
    }
}

/// Sorts names the French way well enough for communes: accents and case aside.
fn sort_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

/// One page of shops under its count, or a way out when there is none.
#[component]
fn ShopResults(
    page: ListPage<ShopSummary>,
    filter: ShopFilter,
    announcement: RwSignal<String>,
    focus: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let heading = Signal::derive(move || (i18n.t().shop_count)(total));
    Effect::new(move || announcement.set(heading.get()));
    let page_count = page.page_count();
    let current = page.page;
    let body = if page.items.is_empty() {
        view! {
            <p>{tr(|t| t.no_shops)}</p>
            <p>
                <a class="button" href=Page::shops().href()>
                    {tr(|t| t.to_shops)}
                </a>
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="shop-list" data-testid="shop-list">
                {page.items.into_iter().map(|shop| view! { <ShopCard shop /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <ResultsHeading text=heading focus />
        {body}
        <Pagination
            page=current
            page_count
            href_for=move |number: u32| Page::Shops(ShopFilter { page: number, ..filter.clone() }).href()
            on_follow=move |()| focus.set(true)
        />
    }
}

#[cfg(test)]
mod tests {
    use super::sort_key;

    #[test]
    fn communes_sort_with_their_accents() {
        let mut communes = vec!["Uzès", "Arpaillargues", "Érignac", "Baron"];
        communes.sort_unstable_by_key(|commune| sort_key(commune));
        assert_eq!(communes, ["Arpaillargues", "Baron", "Érignac", "Uzès"]);
    }
}

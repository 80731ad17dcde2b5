//! A shop's page: how to reach it, when it is open, how orders reach the customer, and its
//! products.

use leptos::prelude::*;
use leptos_router::{
    hooks::{use_params_map, use_query_map},
    params::ParamsMap,
};
use shared::{
    Page as ListPage,
    catalogue::{ProductCard, ProductQuery, Shop},
};

use crate::{
    api,
    components::{DocumentTitle, Loaded, Missing, OpeningHours, ProductResults, SellerIdentity},
    i18n::{tr, use_i18n},
    routes::{self, CatalogueFilter, Page},
};

/// The shop page.
///
/// Browser tests rely on `<h1>` being the shop's name, `[data-testid="shop-phone"]` being its
/// `tel:` link, and the products' hooks of `ProductResults`.
#[component]
pub fn ShopPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| routes::shop_slug(&params.read()));
    let content = move || match slug.get() {
        None => view! { <ShopMissing /> }.into_any(),
        Some(slug) => {
            let resource = LocalResource::new({
                let slug = slug.clone();
                move || {
                    let slug = slug.clone();
                    async move { api::get_shop(&slug).await }
                }
            });
            let loaded = move |shop: Option<Shop>| match shop {
                Some(shop) => view! { <ShopView shop query /> }.into_any(),
                None => view! { <ShopMissing /> }.into_any(),
            };
            view! { <Loaded resource loaded /> }.into_any()
        }
    };
    view! { <div class="page">{content}</div> }
}

/// "Commerce introuvable".
#[component]
fn ShopMissing() -> impl IntoView {
    view! {
        <Missing
            heading=|t| t.shop_not_found_heading
            text=|t| t.shop_not_found_text
            link=Page::shops()
            link_text=|t| t.to_shops
        />
    }
}

/// An active shop.
#[component]
fn ShopView(shop: Shop, query: Memo<ParamsMap>) -> impl IntoView {
    let i18n = use_i18n();
    let Shop {
        slug,
        name,
        kind,
        description,
        commune,
        postcode,
        offers_pickup,
        offers_delivery,
        logo_url,
        address,
        phone,
        email,
        opening_hours,
        delivery_days,
        vat_mention,
        legal,
        ..
    } = shop;
    let terms_href = Page::ShopTerms(slug.clone()).href();
    let seller_name = name.clone();
    let title_name = name.clone();
    let title = Signal::derive(move || title_name.clone());
    let delivery = move || {
        let t = i18n.t();
        if offers_delivery {
            (t.delivery_on)(&delivery_days)
        } else {
            t.delivery_no.to_owned()
        }
    };
    let phone_href = format!("tel:{}", dialable(&phone));
    let today = iso_weekday_today();
    let focus_products = RwSignal::new(false);

    let products = {
        let slug = slug.clone();
        move || {
            let page = routes::page_number(&query.read());
            let query = ProductQuery {
                page: Some(page),
                shop: Some(slug.clone()),
                ..ProductQuery::default()
            };
            let resource = LocalResource::new(move || {
                let query = query.clone();
                async move { api::list_products(&query).await }
            });
            let slug = slug.clone();
            let loaded = move |products: Option<ListPage<ProductCard>>| {
                shop_products(products, slug.clone(), focus_products)
            };
            view! { <Loaded resource loaded /> }
        }
    };

    view! {
        <DocumentTitle text=title />
        <article class="shop">
            <header class="shop__head">
                <img
                    class="shop__logo"
                    src=logo_url
                    alt=""
                    width="96"
                    height="96"
                    decoding="async"
                />
                <div>
                    <h1 class="shop__name">{name}</h1>
                    <p class="shop__meta">
                        {move || i18n.t().kind(kind)} " · " {commune.clone()}
                    </p>
                </div>
            </header>
            {(!description.is_empty())
                .then(|| view! { <p class="shop__description">{description}</p> })}
            <div class="shop__columns">
                <section class="shop__box" aria-labelledby="shop-contact">
                    <h2 id="shop-contact">{tr(|t| t.contact_heading)}</h2>
                    <p class="shop__address">
                        {address} <br /> {postcode} " " {commune}
                    </p>
                    <p>
                        <a class="button button--call" href=phone_href data-testid="shop-phone">
                            <span>{tr(|t| t.call)}</span>
                            " "
                            <span class="button--call__number">{phone}</span>
                        </a>
                    </p>
                    {(!email.is_empty())
                        .then(|| {
                            let href = format!("mailto:{email}");
                            view! {
                                <p class="shop__email">
                                    {tr(|t| t.write_email)}
                                    " "
                                    <a href=href data-testid="shop-email">
                                        {email}
                                    </a>
                                </p>
                            }
                        })}
                </section>
                <section class="shop__box" aria-labelledby="shop-ways">
                    <h2 id="shop-ways">{tr(|t| t.ways_heading)}</h2>
                    <ul class="shop__ways">
                        <li class:shop__way--no=!offers_pickup>
                            {move || {
                                if offers_pickup { i18n.t().pickup_yes } else { i18n.t().pickup_no }
                            }}
                        </li>
                        <li class:shop__way--no=!offers_delivery data-testid="delivery-days">
                            {delivery}
                        </li>
                    </ul>
                    {vat_mention
                        .map(|mention| view! { <p class="shop__vat">{mention}</p> })}
                </section>
                <section class="shop__box" aria-labelledby="shop-hours">
                    <h2 id="shop-hours">{tr(|t| t.hours_heading)}</h2>
                    <OpeningHours slots=opening_hours today />
                </section>
                <div class="shop__box">
                    <SellerIdentity shop_name=seller_name legal />
                    <p>
                        <a href=terms_href data-testid="shop-terms-link">
                            {move || i18n.t().seller.terms_of_sale}
                        </a>
                    </p>
                </div>
            </div>
            <section class="shop__products">{products}</section>
        </article>
    }
}

/// The shop's products, or why there are none.
fn shop_products(
    products: Option<ListPage<ProductCard>>,
    slug: String,
    focus: RwSignal<bool>,
) -> AnyView {
    let i18n = use_i18n();
    let Some(page) = products.filter(|page| page.total > 0) else {
        return view! {
            <h2>{tr(|t| t.shop_products_heading)}</h2>
            <p class="empty">{tr(|t| t.shop_products_empty)}</p>
        }
        .into_any();
    };
    let total = page.total;
    let heading = Signal::derive(move || {
        format!(
            "{} ({})",
            i18n.t().shop_products_heading,
            (i18n.t().product_count)(total)
        )
    });
    let in_catalogue = Page::Catalogue(CatalogueFilter::shop(&slug)).href();
    let href_for = {
        let slug = slug.clone();
        move |number: u32| {
            Page::Shop {
                slug: slug.clone(),
                page: number,
            }
            .href()
        }
    };
    let empty_page = page.items.is_empty();
    view! {
        <p class="shop__search">
            <a href=in_catalogue>{tr(|t| t.shop_in_catalogue)}</a>
        </p>
        {if empty_page {
            view! {
                <p>{tr(|t| t.page_empty)}</p>
                <p>
                    <a class="button" href=Page::shop(&slug).href()>
                        {tr(|t| t.first_page)}
                    </a>
                </p>
            }
            .into_any()
        } else {
            view! { <ProductResults page heading href_for focus hide_shop=true /> }.into_any()
        }}
    }
    .into_any()
}

/// A phone number as a `tel:` link wants it: digits and a leading `+` only.
fn dialable(phone: &str) -> String {
    phone
        .chars()
        .enumerate()
        .filter(|(index, c)| c.is_ascii_digit() || (*index == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect()
}

/// Today's ISO weekday (1 Monday .. 7 Sunday), by the reader's clock.
#[cfg(target_arch = "wasm32")]
fn iso_weekday_today() -> u8 {
    match js_sys::Date::new_0().get_day() {
        0 => 7,
        day => u8::try_from(day).unwrap_or(7),
    }
}

/// On the server (issue 16), today's ISO weekday in the town, which the server gave.
#[cfg(not(target_arch = "wasm32"))]
fn iso_weekday_today() -> u8 {
    crate::server::weekday()
}

#[cfg(test)]
mod tests {
    use super::dialable;

    #[test]
    fn phone_numbers_become_dialable() {
        assert_eq!(dialable("04 65 71 85 78"), "0465718578");
        assert_eq!(dialable("+33 4 65 71 85 78"), "+33465718578");
        assert_eq!(dialable("04.65.71.85.78"), "0465718578");
    }
}

//! Where things are: the [`Page`] enum, the router's path patterns, and the query strings
//! that hold the state of the catalogue and of the shop directory.
//!
//! This module is the only place an app URL is written. Links are built with
//! [`Page::href`]; the router in [`crate::app`] matches the `*_PATH` patterns below, which are
//! built from the same constants, so a link and its route cannot drift apart. Pages read
//! their state back with [`CatalogueFilter::from_query`], [`ShopFilter::from_query`],
//! [`product_id`], [`shop_slug`] and [`page_number`], which accept anything a person may
//! type or paste: a value that makes no sense is dropped, never an error.
//!
//! | page | address |
//! |---|---|
//! | home | `/` |
//! | catalogue | `/catalogue?q=miel&categorie=epicerie&boutique=epicerie-du-duche&prix_min=5&prix_max=12.50&en_stock=1&tri=prix_asc&page=2` |
//! | product | `/produits/42` |
//! | shop directory | `/commerces?type=alimentation&commune=Uz%C3%A8s&livraison=1&page=2` |
//! | shop | `/commerces/epicerie-du-duche?page=2` (its products' page) |
//! | basket | `/panier` |
//! | checkout | `/commande` |
//! | confirmation | `/commande/merci?suivi=<token>,<token>` (one tracking token per order) |
//! | an order's tracking | `/suivi/<token>` |
//! | an e-mail's unsubscribe link (issue 12) | `/desabonnement?jeton=<token>` |
//! | log-in | `/compte/connexion?retour=/commande` (where to go next, a path of this site) |
//! | sign-up | `/compte/inscription?retour=/commande` |
//! | the account's orders | `/compte/commandes?page=2` |
//! | forgotten password | `/compte/mot-de-passe-oublie` |
//! | a new password, from the e-mailed link | `/mot-de-passe/nouveau?jeton=<token>` |
//! | the address verified, from the e-mailed link | `/verifier-courriel?jeton=<token>` |
//! | back-office: the shops one runs | `/gestion` |
//! | back-office: the shops waiting for approval (admins) | `/gestion/association` |
//! | back-office: the marketplace's categories (admins) | `/gestion/association/categories` |
//! | back-office: a shop's orders | `/gestion/epicerie-du-duche/commandes` |
//! | back-office: a shop's products | `/gestion/epicerie-du-duche/produits?statut=brouillon&q=miel&page=2` |
//! | back-office: a new product | `/gestion/epicerie-du-duche/produits/nouveau` |
//! | back-office: a product's edit page | `/gestion/epicerie-du-duche/produits/42` |
//! | back-office: a shop's products | `/gestion/epicerie-du-duche/produits` |
//! | back-office: a shop's application to join | `/gestion/inscription` |
//! | back-office: a shop's profile | `/gestion/epicerie-du-duche/profil` |
//! | back-office: a shop's API keys | `/gestion/epicerie-du-duche/cles` |
//! | back-office: a shop's webhooks | `/gestion/epicerie-du-duche/webhooks` |
//! | back-office: the association's webhooks (admins) | `/gestion/association/webhooks` |
//! | back-office: an order taken on the phone | `/gestion/epicerie-du-duche/commande-telephone` |
//! | back-office: the delivery zone and days (admins) | `/gestion/association/livraison` |
//! | legal notices | `/mentions-legales` |
//! | privacy: personal data (issue 15) | `/confidentialite` |
//! | back-office: personal data, erasures (admins) | `/gestion/association/donnees` |
//! | the site's terms of use (issue 15) | `/conditions` |
//! | a shop's terms of sale (issue 15) | `/commerces/epicerie-du-duche/conditions` |
//! | back-office: the first start's setup (admins) | `/gestion/association/demarrage` |
//! | back-office: the marketplace's settings (admins) | `/gestion/association/reglages` |
//! | back-office: people, the accounts (admins) | `/gestion/association/personnes?q=martin&role=benevole&page=2` |
//! | back-office: one account (admins) | `/gestion/association/personnes/42` |
//! | a new password with the association's code | `/compte/code` |
//! | back-office: a date's delivery rounds (admins) | `/gestion/association/tournees?date=2026-12-11` |
//! | back-office: a round's sheets to print | `/gestion/association/tournees/7/feuilles` |
//! | the volunteer's round on their phone | `/tournee` |

use std::fmt::Write as _;

use leptos_router::{ParamSegment, StaticSegment, params::ParamsMap};
use shared::{
    auth::Role,
    catalogue::{ProductSort, ShopKind},
    shop_products::ProductStatus,
};

use crate::price;

/// Path segment of the catalogue.
const CATALOGUE: &str = "catalogue";
/// Path segment of the product pages.
const PRODUCTS: &str = "produits";
/// Path segment of the shop directory and of the shop pages.
const SHOPS: &str = "commerces";
/// Path segment of the basket.
const BASKET: &str = "panier";
/// Path segment of the checkout, and first segment of its confirmation.
const CHECKOUT: &str = "commande";
/// Second path segment of the confirmation.
const CONFIRMED: &str = "merci";
/// Path segment of the tracking pages.
const TRACK: &str = "suivi";
/// First path segment of the account's pages.
const ACCOUNT: &str = "compte";
/// Second path segment of the log-in page.
const LOGIN: &str = "connexion";
/// Second path segment of the sign-up page.
const REGISTER: &str = "inscription";
/// Second path segment of the account's orders.
const MY_ORDERS: &str = "commandes";
/// First path segment of the back-office.
const BACK_OFFICE: &str = "gestion";
/// Back-office: second segment of the association's page.
const ASSOCIATION: &str = "association";
/// Back-office: third segment of the association's categories.
const ASSOCIATION_CATEGORIES: &str = "categories";
/// Back-office: last segment of a shop's orders.
const SHOP_ORDERS: &str = "commandes";
/// Back-office: last segment of a shop's products.
const SHOP_PRODUCTS: &str = "produits";
/// Back-office: last segment of the new product's page.
const NEW_PRODUCT: &str = "nouveau";
/// Back-office products: the status shown, see [`product_status_word`].
const STATUS_PARAM: &str = "statut";
/// Back-office: second segment of a shop's application to join.
const JOIN_SHOP: &str = "inscription";
/// Back-office: last segment of a shop's profile.
const SHOP_PROFILE: &str = "profil";
/// Back-office: last segment of a shop's API keys.
const SHOP_KEYS: &str = "cles";
/// Back-office: last segment of a shop's (or the association's) webhooks (issue 17).
const WEBHOOKS: &str = "webhooks";
/// Back-office: last segment of an order taken on the phone.
const PHONE_ORDER: &str = "commande-telephone";
/// Back-office: last segment of the association's delivery page (issue 9).
const DELIVERY: &str = "livraison";
// The association's mailbox (issue 12).
const MAILBOX: &str = "courrier";
/// Back-office: last segment of the association's dashboard (issue 13).
const DASHBOARD: &str = "tableau-de-bord";
/// Back-office: last segment of the association's printed directory of shops (issue 13).
const DIRECTORY: &str = "annuaire";
// People (account administration).
/// Back-office: third segment of the accounts' pages, after [`ASSOCIATION`].
const PEOPLE: &str = "personnes";
/// Second path segment of the page where a reset code sets a new password.
const RESET_WITH_CODE: &str = "code";
// E-mail links (issue 12). The server writes the links' addresses into its e-mails
// (`api/src/mail/notices/account.rs`): they must not change.
/// Second segment of the forgotten password's page, after [`ACCOUNT`].
const FORGOT_PASSWORD: &str = "mot-de-passe-oublie";
/// First segment of the page a reset link opens.
const PASSWORD: &str = "mot-de-passe";
/// Second segment of the page a reset link opens.
const NEW_PASSWORD: &str = "nouveau";
/// The page a verification link opens.
const VERIFY_EMAIL: &str = "verifier-courriel";
/// The link's token on both pages.
const LINK_TOKEN_PARAM: &str = "jeton";
/// People: the role shown, see [`role_word`].
const ROLE_PARAM: &str = "role";

// Delivery rounds (issue 11).
/// Back-office: third segment of the rounds' planning, after [`ASSOCIATION`].
const ROUNDS: &str = "tournees";
/// Back-office: last segment of a round's sheets to print.
const ROUND_SHEETS: &str = "feuilles";
/// First (and only) segment of the volunteer's round; a path of the back-office bundle.
const MY_ROUND: &str = "tournee";
// E-mails (issue 12): the page an e-mail's unsubscribe link opens.
const UNSUBSCRIBE: &str = "desabonnement";
/// The query parameter of the unsubscribe page's signed token.
pub const UNSUBSCRIBE_TOKEN_PARAM: &str = "jeton";
/// Rounds' planning: the delivery date shown, `YYYY-MM-DD`.
const DATE_PARAM: &str = "date";

/// Log-in and sign-up: the path to go to afterwards.
const NEXT_PARAM: &str = "retour";
/// Confirmation: the orders' tracking tokens, separated by commas.
const TOKENS_PARAM: &str = "suivi";
/// Name of the route parameter holding a tracking token.
const TOKEN: &str = "token";
/// Name of the route parameter holding a product's id.
const ID: &str = "id";
/// Name of the route parameter holding a shop's slug.
const SLUG: &str = "slug";

/// Catalogue: words to search for.
const SEARCH_PARAM: &str = "q";
/// Catalogue: a category's slug.
const CATEGORY_PARAM: &str = "categorie";
/// Catalogue: a shop's slug.
const SHOP_PARAM: &str = "boutique";
/// Catalogue: lowest price in euros, with a point before the cents (`12.50`).
const MIN_PRICE_PARAM: &str = "prix_min";
/// Catalogue: highest price in euros, with a point before the cents.
const MAX_PRICE_PARAM: &str = "prix_max";
/// Catalogue: `1` hides what is out of stock.
const IN_STOCK_PARAM: &str = "en_stock";
/// Catalogue: the order, see [`sort_word`].
const SORT_PARAM: &str = "tri";
/// Every list: the page number, from 1 (left out for the first page).
const PAGE_PARAM: &str = "page";
/// Shop directory: the kind of shop, see [`kind_word`].
const KIND_PARAM: &str = "type";
/// Shop directory: a commune's exact name.
const COMMUNE_PARAM: &str = "commune";
/// Shop directory: `1` keeps only the shops that deliver.
const DELIVERS_PARAM: &str = "livraison";

/// The API refuses longer searches (`ProductQuery::q`); a longer one from an address is cut.
pub const MAX_SEARCH_CHARS: usize = 200;

/// The query parameter the printed directory's QR codes add (`?src=flyer`).
const SOURCE_PARAM: &str = "src";

/// Visits (issue 13): the kind of public page at `path`, as the visit counter names it.
pub fn visit_page(path: &str) -> shared::stats::VisitPage {
    use shared::stats::VisitPage;
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    match (segments.next(), segments.next()) {
        (None, _) => VisitPage::Home,
        (Some(CATALOGUE), _) => VisitPage::Catalogue,
        (Some(PRODUCTS), Some(_)) => VisitPage::Product,
        (Some(SHOPS), None) => VisitPage::Shops,
        (Some(SHOPS), Some(_)) => VisitPage::Shop,
        (Some(BASKET), _) => VisitPage::Basket,
        (Some(CHECKOUT), _) => VisitPage::Checkout,
        _ => VisitPage::Other,
    }
}

/// Visits (issue 13): whether the address came from a QR code of the printed directory.
pub fn visit_source(query: &ParamsMap) -> Option<shared::stats::VisitSource> {
    (query.get_str(SOURCE_PARAM) == Some("flyer")).then_some(shared::stats::VisitSource::Flyer)
}

/// Route pattern of [`Page::Home`].
pub const HOME_PATH: StaticSegment<&str> = StaticSegment("");
/// Route pattern of [`Page::Catalogue`].
pub const CATALOGUE_PATH: StaticSegment<&str> = StaticSegment(CATALOGUE);
/// Route pattern of [`Page::Product`].
pub const PRODUCT_PATH: (StaticSegment<&str>, ParamSegment) =
    (StaticSegment(PRODUCTS), ParamSegment(ID));
/// Route pattern of [`Page::Shops`].
pub const SHOPS_PATH: StaticSegment<&str> = StaticSegment(SHOPS);
/// Route pattern of [`Page::Shop`].
pub const SHOP_PATH: (StaticSegment<&str>, ParamSegment) =
    (StaticSegment(SHOPS), ParamSegment(SLUG));

/// Route pattern of [`Page::Basket`].
pub const BASKET_PATH: StaticSegment<&str> = StaticSegment(BASKET);
/// Route pattern of [`Page::Checkout`].
pub const CHECKOUT_PATH: StaticSegment<&str> = StaticSegment(CHECKOUT);
/// Route pattern of [`Page::Confirmation`].
pub const CONFIRMATION_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(CHECKOUT), StaticSegment(CONFIRMED));
/// Route pattern of [`Page::Track`].
pub const TRACK_PATH: (StaticSegment<&str>, ParamSegment) =
    (StaticSegment(TRACK), ParamSegment(TOKEN));

/// Route pattern of [`Page::Login`].
pub const LOGIN_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(ACCOUNT), StaticSegment(LOGIN));
/// Route pattern of [`Page::Register`].
pub const REGISTER_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(ACCOUNT), StaticSegment(REGISTER));
/// Route pattern of [`Page::MyOrders`].
pub const MY_ORDERS_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(ACCOUNT), StaticSegment(MY_ORDERS));

/// Route pattern of [`Page::BackOffice`].
pub const BACK_OFFICE_PATH: StaticSegment<&str> = StaticSegment(BACK_OFFICE);
/// Route pattern of [`Page::Association`].
pub const ASSOCIATION_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(BACK_OFFICE), StaticSegment(ASSOCIATION));
/// Route pattern of [`Page::AssociationCategories`].
pub const ASSOCIATION_CATEGORIES_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(ASSOCIATION_CATEGORIES),
);
/// Route pattern of [`Page::ShopOrders`].
pub const SHOP_ORDERS_PATH: (StaticSegment<&str>, ParamSegment, StaticSegment<&str>) = (
    StaticSegment(BACK_OFFICE),
    ParamSegment(SLUG),
    StaticSegment(SHOP_ORDERS),
);
/// Route pattern of [`Page::ShopProducts`].
pub const SHOP_PRODUCTS_PATH: (StaticSegment<&str>, ParamSegment, StaticSegment<&str>) = (
    StaticSegment(BACK_OFFICE),
    ParamSegment(SLUG),
    StaticSegment(SHOP_PRODUCTS),
);
/// Route pattern of [`Page::NewProduct`].
pub const NEW_PRODUCT_PATH: (
    StaticSegment<&str>,
    ParamSegment,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    ParamSegment(SLUG),
    StaticSegment(SHOP_PRODUCTS),
    StaticSegment(NEW_PRODUCT),
);
/// Route pattern of [`Page::EditProduct`] (after [`NEW_PRODUCT_PATH`] in a route table).
pub const EDIT_PRODUCT_PATH: (
    StaticSegment<&str>,
    ParamSegment,
    StaticSegment<&str>,
    ParamSegment,
) = (
    StaticSegment(BACK_OFFICE),
    ParamSegment(SLUG),
    StaticSegment(SHOP_PRODUCTS),
    ParamSegment(ID),
);

/// Route pattern of [`Page::JoinShop`].
pub const JOIN_SHOP_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(BACK_OFFICE), StaticSegment(JOIN_SHOP));
/// Route pattern of [`Page::ShopProfile`].
pub const SHOP_PROFILE_PATH: (StaticSegment<&str>, ParamSegment, StaticSegment<&str>) = (
    StaticSegment(BACK_OFFICE),
    ParamSegment(SLUG),
    StaticSegment(SHOP_PROFILE),
);
/// Route pattern of [`Page::ShopKeys`].
pub const SHOP_KEYS_PATH: (StaticSegment<&str>, ParamSegment, StaticSegment<&str>) = (
    StaticSegment(BACK_OFFICE),
    ParamSegment(SLUG),
    StaticSegment(SHOP_KEYS),
);
/// Route pattern of [`Page::Webhooks`] for a shop (issue 17).
pub const SHOP_WEBHOOKS_PATH: (StaticSegment<&str>, ParamSegment, StaticSegment<&str>) = (
    StaticSegment(BACK_OFFICE),
    ParamSegment(SLUG),
    StaticSegment(WEBHOOKS),
);
/// Route pattern of [`Page::Webhooks`] for the association (issue 17): before the shops'
/// in the route table, which would take `association` for a slug.
pub const ASSOCIATION_WEBHOOKS_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(WEBHOOKS),
);
// The marketplace's settings (issue 9): the legal notices, and the association's sub-pages.
/// Path segment of the legal notices.
const LEGAL: &str = "mentions-legales";
/// Back-office: third segment of the first start's setup.
const SETUP: &str = "demarrage";
/// Back-office: third segment of the marketplace's settings.
const SETTINGS: &str = "reglages";
// Personal data (issue 15).
/// Path segment of the privacy page.
const PRIVACY: &str = "confidentialite";
/// Back-office: third segment of the association's personal data page.
const ASSOCIATION_PRIVACY: &str = "donnees";
/// Route pattern of [`Page::Privacy`].
pub const PRIVACY_PATH: StaticSegment<&str> = StaticSegment(PRIVACY);
/// Route pattern of [`Page::AssociationPrivacy`].
pub const ASSOCIATION_PRIVACY_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(ASSOCIATION_PRIVACY),
);
/// Route pattern of [`Page::LegalNotice`].
pub const LEGAL_PATH: StaticSegment<&str> = StaticSegment(LEGAL);
// Who sells, terms (issue 15).
/// Path segment of the terms of use, and last segment of a shop's terms of sale.
const TERMS: &str = "conditions";
/// Route pattern of [`Page::Terms`].
pub const TERMS_PATH: StaticSegment<&str> = StaticSegment(TERMS);
/// Route pattern of [`Page::ShopTerms`].
pub const SHOP_TERMS_PATH: (StaticSegment<&str>, ParamSegment, StaticSegment<&str>) = (
    StaticSegment(SHOPS),
    ParamSegment(SLUG),
    StaticSegment(TERMS),
);
/// Route pattern of [`Page::Setup`].
pub const SETUP_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(SETUP),
);
/// Route pattern of [`Page::Settings`].
pub const SETTINGS_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(SETTINGS),
);

/// Route pattern of [`Page::PhoneOrder`].
pub const PHONE_ORDER_PATH: (StaticSegment<&str>, ParamSegment, StaticSegment<&str>) = (
    StaticSegment(BACK_OFFICE),
    ParamSegment(SLUG),
    StaticSegment(PHONE_ORDER),
);
/// Route pattern of [`Page::Delivery`] (issue 9).
pub const DELIVERY_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(DELIVERY),
);
/// Route pattern of [`Page::Dashboard`] (issue 13).
pub const DASHBOARD_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(DASHBOARD),
);
/// Route pattern of [`Page::Directory`] (issue 13).
pub const DIRECTORY_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(DIRECTORY),
);
/// Route pattern of [`Page::Mailbox`] (issue 12).
pub const MAILBOX_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(MAILBOX),
);

// People (account administration).
/// Route pattern of [`Page::People`].
pub const PEOPLE_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(PEOPLE),
);
/// Route pattern of [`Page::Person`].
pub const PERSON_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
    ParamSegment,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(PEOPLE),
    ParamSegment(ID),
);
// E-mail links (issue 12).
/// Route pattern of [`Page::ForgotPassword`].
pub const FORGOT_PASSWORD_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(ACCOUNT), StaticSegment(FORGOT_PASSWORD));
/// Route pattern of [`Page::NewPassword`].
pub const NEW_PASSWORD_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(PASSWORD), StaticSegment(NEW_PASSWORD));
/// Route pattern of [`Page::VerifyEmail`].
pub const VERIFY_EMAIL_PATH: StaticSegment<&str> = StaticSegment(VERIFY_EMAIL);
/// Route pattern of [`Page::ResetWithCode`].
pub const RESET_WITH_CODE_PATH: (StaticSegment<&str>, StaticSegment<&str>) =
    (StaticSegment(ACCOUNT), StaticSegment(RESET_WITH_CODE));

// Delivery rounds (issue 11).
/// Route pattern of [`Page::Rounds`].
pub const ROUNDS_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(ROUNDS),
);
/// Route pattern of [`Page::RoundSheets`].
pub const ROUND_SHEETS_PATH: (
    StaticSegment<&str>,
    StaticSegment<&str>,
    StaticSegment<&str>,
    ParamSegment,
    StaticSegment<&str>,
) = (
    StaticSegment(BACK_OFFICE),
    StaticSegment(ASSOCIATION),
    StaticSegment(ROUNDS),
    ParamSegment(ID),
    StaticSegment(ROUND_SHEETS),
);
/// Route pattern of [`Page::MyRound`].
pub const MY_ROUND_PATH: StaticSegment<&str> = StaticSegment(MY_ROUND);
/// Route pattern of the page an e-mail's unsubscribe link opens (issue 12); the server
/// writes its address into the e-mails (`/desabonnement?jeton=<token>`).
pub const UNSUBSCRIBE_PATH: StaticSegment<&str> = StaticSegment(UNSUBSCRIBE);

/// A page of the app that a link can point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The home page: what Vitrine is, the search box, the categories and the shops.
    Home,
    /// The product catalogue, narrowed, sorted and paged by the filter.
    Catalogue(CatalogueFilter),
    /// One product's page.
    Product {
        /// The product's id.
        id: i64,
    },
    /// The shop directory, narrowed by the filter.
    Shops(ShopFilter),
    /// One shop's page, with one page of its products.
    Shop {
        /// The shop's slug.
        slug: String,
        /// Which page of its products, from 1.
        page: u32,
    },
    /// The basket, grouped by shop.
    Basket,
    /// The checkout form.
    Checkout,
    /// What checkout made: the orders of these tracking tokens.
    Confirmation(Vec<String>),
    /// One order, seen through its tracking link.
    Track(String),
    /// The log-in form, then the path given (a path of this site), else the account's orders.
    Login(Option<String>),
    /// The sign-up form, then the path given, else the account's orders.
    Register(Option<String>),
    /// The signed-in shopper's orders, newest first, on this page (from 1).
    MyOrders(u32),
    /// Back-office: the shops the signed-in merchant runs.
    BackOffice,
    /// Back-office: the shops waiting for the association's approval.
    Association,
    /// Back-office: a shop's orders inbox (the shop's slug).
    ShopOrders(String),
    /// Back-office: a shop's products (the shop's slug).
    ShopProducts(String),
    /// Back-office: a shop's products (the shop's slug), narrowed and paged.
    ShopProductsFiltered(String, ProductListFilter),
    /// Back-office: the form of a new product of the shop (its slug).
    NewProduct(String),
    /// Back-office: a product's edit page.
    EditProduct {
        /// The shop's slug.
        slug: String,
        /// The product's id.
        id: i64,
    },
    /// Back-office: a shopkeeper's application to join the marketplace.
    JoinShop,
    /// Back-office: a shop's profile, hours, closed days and logo (the shop's slug).
    ShopProfile(String),
    /// Back-office: a shop's API keys (the shop's slug).
    ShopKeys(String),
    /// Back-office: a shop's webhooks (its slug), or the association's (`None`, admins).
    Webhooks(Option<String>),
    /// Back-office: an order taken on the phone (the shop's slug).
    PhoneOrder(String),
    /// Back-office: the marketplace's categories (admins).
    AssociationCategories,
    /// Back-office: the association's delivery zone, days, closed days and free-delivery
    /// rule (issue 9).
    Delivery,
    /// Back-office: every e-mail sent or held, as the admins read it (issue 12).
    Mailbox,
    /// Back-office: the association's dashboard (issue 13).
    Dashboard,
    /// Back-office: the association's printed directory of shops (issue 13).
    Directory,
    // The marketplace's settings (issue 9).
    /// The legal notices: who publishes the site, who hosts it.
    LegalNotice,
    // Personal data (issue 15).
    /// The privacy page: who is responsible, what is kept and how long, the rights.
    Privacy,
    /// Back-office: the association's privacy settings, erasure requests and log (admins).
    AssociationPrivacy,
    /// The site's terms of use (issue 15).
    Terms,
    /// A shop's terms of sale (its slug; issue 15).
    ShopTerms(String),
    /// Back-office: the first start's setup (admins).
    Setup,
    /// Back-office: the marketplace's settings (admins).
    Settings,
    // People (account administration).
    /// Back-office: the accounts, searched, filtered and paged (admins).
    People(PeopleFilter),
    /// Back-office: one account's page (its id), with its history (admins).
    Person(i64),
    /// A new password with the one-time code the association read out on the phone.
    ResetWithCode,
    // E-mail links (issue 12).
    /// The forgotten password: an address to send a reset link to.
    ForgotPassword,
    /// The page a reset link opens: a new password (the link's token).
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "only the server writes these links; a test holds them to its addresses"
        )
    )]
    NewPassword(String),
    /// The page a verification link opens (the link's token).
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "only the server writes these links; a test holds them to its addresses"
        )
    )]
    VerifyEmail(String),
    // Delivery rounds (issue 11).
    /// Back-office: a delivery date's rounds (admins); without a date, the next one.
    Rounds(Option<String>),
    /// Back-office: a round's collection and drop sheets, to print (its id).
    RoundSheets(i64),
    /// The volunteer's rounds on their phone, from yesterday to tomorrow.
    MyRound,
}

impl Page {
    /// The catalogue without any filter.
    pub fn catalogue() -> Page {
        Page::Catalogue(CatalogueFilter::default())
    }

    /// The shop directory without any filter.
    pub fn shops() -> Page {
        Page::Shops(ShopFilter::default())
    }

    /// A shop's page, on the first page of its products.
    pub fn shop(slug: &str) -> Page {
        Page::Shop {
            slug: slug.to_owned(),
            page: 1,
        }
    }

    /// The page's URL, absolute path plus query string.
    pub fn href(&self) -> String {
        match self {
            Page::Home => "/".to_owned(),
            Page::Catalogue(filter) => {
                let mut query = QueryString::default();
                if let Some(q) = &filter.q {
                    query.push(SEARCH_PARAM, q);
                }
                if let Some(category) = &filter.category {
                    query.push(CATEGORY_PARAM, category);
                }
                if let Some(shop) = &filter.shop {
                    query.push(SHOP_PARAM, shop);
                }
                if let Some(cents) = filter.min_price_cents {
                    query.push(MIN_PRICE_PARAM, &price::euros_text(cents, '.'));
                }
                if let Some(cents) = filter.max_price_cents {
                    query.push(MAX_PRICE_PARAM, &price::euros_text(cents, '.'));
                }
                if filter.in_stock {
                    query.push(IN_STOCK_PARAM, "1");
                }
                if let Some(sort) = filter.sort {
                    query.push(SORT_PARAM, sort_word(sort));
                }
                query.push_page(filter.page);
                format!("/{CATALOGUE}{}", query.0)
            }
            Page::Product { id } => format!("/{PRODUCTS}/{id}"),
            Page::Shops(filter) => {
                let mut query = QueryString::default();
                if let Some(kind) = filter.kind {
                    query.push(KIND_PARAM, kind_word(kind));
                }
                if let Some(commune) = &filter.commune {
                    query.push(COMMUNE_PARAM, commune);
                }
                if filter.delivers {
                    query.push(DELIVERS_PARAM, "1");
                }
                query.push_page(filter.page);
                format!("/{SHOPS}{}", query.0)
            }
            Page::Shop { slug, page } => {
                let mut query = QueryString::default();
                query.push_page(*page);
                format!("/{SHOPS}/{}{}", encode(slug), query.0)
            }
            Page::Basket => format!("/{BASKET}"),
            Page::Checkout => format!("/{CHECKOUT}"),
            Page::Confirmation(tokens) => {
                let mut query = QueryString::default();
                query.push(TOKENS_PARAM, &tokens.join(","));
                format!("/{CHECKOUT}/{CONFIRMED}{}", query.0)
            }
            Page::Track(token) => format!("/{TRACK}/{}", encode(token)),
            Page::Login(next) | Page::Register(next) => {
                let mut query = QueryString::default();
                if let Some(next) = next {
                    query.push(NEXT_PARAM, next);
                }
                let page = if matches!(self, Page::Login(_)) {
                    LOGIN
                } else {
                    REGISTER
                };
                format!("/{ACCOUNT}/{page}{}", query.0)
            }
            Page::MyOrders(page) => {
                let mut query = QueryString::default();
                query.push_page(*page);
                format!("/{ACCOUNT}/{MY_ORDERS}{}", query.0)
            }
            Page::BackOffice => format!("/{BACK_OFFICE}"),
            Page::Association => format!("/{BACK_OFFICE}/{ASSOCIATION}"),
            Page::ShopOrders(slug) => format!("/{BACK_OFFICE}/{}/{SHOP_ORDERS}", encode(slug)),
            Page::ShopProducts(slug) => {
                format!("/{BACK_OFFICE}/{}/{SHOP_PRODUCTS}", encode(slug))
            }
            Page::ShopProductsFiltered(slug, filter) => {
                let mut query = QueryString::default();
                if let Some(status) = filter.status {
                    query.push(STATUS_PARAM, product_status_word(status));
                }
                if let Some(q) = &filter.q {
                    query.push(SEARCH_PARAM, q);
                }
                query.push_page(filter.page);
                format!("/{BACK_OFFICE}/{}/{SHOP_PRODUCTS}{}", encode(slug), query.0)
            }
            Page::NewProduct(slug) => {
                format!(
                    "/{BACK_OFFICE}/{}/{SHOP_PRODUCTS}/{NEW_PRODUCT}",
                    encode(slug)
                )
            }
            Page::EditProduct { slug, id } => {
                format!("/{BACK_OFFICE}/{}/{SHOP_PRODUCTS}/{id}", encode(slug))
            }
            Page::JoinShop => format!("/{BACK_OFFICE}/{JOIN_SHOP}"),
            Page::ShopProfile(slug) => format!("/{BACK_OFFICE}/{}/{SHOP_PROFILE}", encode(slug)),
            Page::ShopKeys(slug) => format!("/{BACK_OFFICE}/{}/{SHOP_KEYS}", encode(slug)),
            Page::Webhooks(Some(slug)) => format!("/{BACK_OFFICE}/{}/{WEBHOOKS}", encode(slug)),
            Page::Webhooks(None) => format!("/{BACK_OFFICE}/{ASSOCIATION}/{WEBHOOKS}"),
            Page::PhoneOrder(slug) => format!("/{BACK_OFFICE}/{}/{PHONE_ORDER}", encode(slug)),
            Page::AssociationCategories => {
                format!("/{BACK_OFFICE}/{ASSOCIATION}/{ASSOCIATION_CATEGORIES}")
            }
            Page::Delivery => format!("/{BACK_OFFICE}/{ASSOCIATION}/{DELIVERY}"),
            Page::Mailbox => format!("/{BACK_OFFICE}/{ASSOCIATION}/{MAILBOX}"),
            Page::Dashboard => format!("/{BACK_OFFICE}/{ASSOCIATION}/{DASHBOARD}"),
            Page::Directory => format!("/{BACK_OFFICE}/{ASSOCIATION}/{DIRECTORY}"),
            Page::LegalNotice => format!("/{LEGAL}"),
            Page::Privacy => format!("/{PRIVACY}"),
            Page::AssociationPrivacy => {
                format!("/{BACK_OFFICE}/{ASSOCIATION}/{ASSOCIATION_PRIVACY}")
            }
            Page::Terms => format!("/{TERMS}"),
            Page::ShopTerms(slug) => format!("/{SHOPS}/{}/{TERMS}", encode(slug)),
            Page::Setup => format!("/{BACK_OFFICE}/{ASSOCIATION}/{SETUP}"),
            Page::Settings => format!("/{BACK_OFFICE}/{ASSOCIATION}/{SETTINGS}"),
            Page::People(filter) => {
                let mut query = QueryString::default();
                if let Some(q) = &filter.q {
                    query.push(SEARCH_PARAM, q);
                }
                if let Some(role) = filter.role {
                    query.push(ROLE_PARAM, role_word(role));
                }
                query.push_page(filter.page);
                format!("/{BACK_OFFICE}/{ASSOCIATION}/{PEOPLE}{}", query.0)
            }
            Page::Person(id) => format!("/{BACK_OFFICE}/{ASSOCIATION}/{PEOPLE}/{id}"),
            Page::ResetWithCode => format!("/{ACCOUNT}/{RESET_WITH_CODE}"),
            Page::ForgotPassword => format!("/{ACCOUNT}/{FORGOT_PASSWORD}"),
            Page::NewPassword(token) => {
                let mut query = QueryString::default();
                query.push(LINK_TOKEN_PARAM, token);
                format!("/{PASSWORD}/{NEW_PASSWORD}{}", query.0)
            }
            Page::VerifyEmail(token) => {
                let mut query = QueryString::default();
                query.push(LINK_TOKEN_PARAM, token);
                format!("/{VERIFY_EMAIL}{}", query.0)
            }
            Page::Rounds(date) => {
                let mut query = QueryString::default();
                if let Some(date) = date {
                    query.push(DATE_PARAM, date);
                }
                format!("/{BACK_OFFICE}/{ASSOCIATION}/{ROUNDS}{}", query.0)
            }
            Page::RoundSheets(id) => {
                format!("/{BACK_OFFICE}/{ASSOCIATION}/{ROUNDS}/{id}/{ROUND_SHEETS}")
            }
            Page::MyRound => format!("/{MY_ROUND}"),
        }
    }
}

/// What the catalogue shows: its search, filters, order and page. Lives in the query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueFilter {
    /// Words to search for; never empty.
    pub q: Option<String>,
    /// A category's slug (its sub-categories are included).
    pub category: Option<String>,
    /// A shop's slug.
    pub shop: Option<String>,
    /// Lowest price, cents.
    pub min_price_cents: Option<i64>,
    /// Highest price, cents.
    pub max_price_cents: Option<i64>,
    /// Hide what is out of stock.
    pub in_stock: bool,
    /// The order asked for; `None` is the API's default ([`CatalogueFilter::effective_sort`]).
    /// Never [`ProductSort::Relevance`] without a search.
    pub sort: Option<ProductSort>,
    /// The page, from 1.
    pub page: u32,
}

impl Default for CatalogueFilter {
    fn default() -> Self {
        CatalogueFilter {
            q: None,
            category: None,
            shop: None,
            min_price_cents: None,
            max_price_cents: None,
            in_stock: false,
            sort: None,
            page: 1,
        }
    }
}

impl CatalogueFilter {
    /// Reads the catalogue's query string; what makes no sense is left out.
    pub fn from_query(query: &ParamsMap) -> CatalogueFilter {
        CatalogueFilter::read(|name| query.get_str(name))
    }

    /// [`CatalogueFilter::from_query`] over any lookup of decoded parameters.
    fn read<'a>(query: impl Fn(&str) -> Option<&'a str>) -> CatalogueFilter {
        let q = text_param(&query, SEARCH_PARAM)
            .map(|q| q.chars().take(MAX_SEARCH_CHARS).collect::<String>())
            .map(|q| q.trim().to_owned());
        let price = |name| query(name).and_then(|text| price::parse_euros(text).ok().flatten());
        let mut filter = CatalogueFilter {
            category: text_param(&query, CATEGORY_PARAM),
            shop: text_param(&query, SHOP_PARAM),
            min_price_cents: price(MIN_PRICE_PARAM),
            max_price_cents: price(MAX_PRICE_PARAM),
            in_stock: query(IN_STOCK_PARAM) == Some("1"),
            sort: query(SORT_PARAM).and_then(parse_sort_word),
            page: read_page(&query),
            q,
        };
        filter.normalise();
        filter
    }

    /// The catalogue narrowed to one category.
    pub fn category(slug: &str) -> CatalogueFilter {
        CatalogueFilter {
            category: Some(slug.to_owned()),
            ..CatalogueFilter::default()
        }
    }

    /// The catalogue narrowed to one shop.
    pub fn shop(slug: &str) -> CatalogueFilter {
        CatalogueFilter {
            shop: Some(slug.to_owned()),
            ..CatalogueFilter::default()
        }
    }

    /// The catalogue searched for `q` (trimmed; nothing if it is blank).
    pub fn search(q: &str) -> CatalogueFilter {
        let mut filter = CatalogueFilter {
            q: Some(q.to_owned()),
            ..CatalogueFilter::default()
        };
        filter.normalise();
        filter
    }

    /// The order the results are in: the one asked for, else the API's default.
    pub fn effective_sort(&self) -> ProductSort {
        self.sort.unwrap_or(if self.q.is_some() {
            ProductSort::Relevance
        } else {
            ProductSort::Name
        })
    }

    /// Whether a filter beyond the search narrows the results.
    pub fn has_filters(&self) -> bool {
        self.category.is_some()
            || self.shop.is_some()
            || self.min_price_cents.is_some()
            || self.max_price_cents.is_some()
            || self.in_stock
    }

    /// The same results on another page.
    pub fn with_page(&self, page: u32) -> CatalogueFilter {
        CatalogueFilter {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// Makes the filter canonical, so that two filters showing the same results are equal:
    /// a blank search is none, relevance without a search is the default, page 0 is 1.
    pub fn normalise(&mut self) {
        self.q = self
            .q
            .take()
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty());
        if self.q.is_none() && self.sort == Some(ProductSort::Relevance) {
            self.sort = None;
        }
        self.page = self.page.max(1);
    }
}

/// What the shop directory shows. Lives in the query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopFilter {
    /// Only shops of this kind.
    pub kind: Option<ShopKind>,
    /// Only shops in this commune (exact name).
    pub commune: Option<String>,
    /// Only shops that deliver.
    pub delivers: bool,
    /// The page, from 1.
    pub page: u32,
}

impl Default for ShopFilter {
    fn default() -> Self {
        ShopFilter {
            kind: None,
            commune: None,
            delivers: false,
            page: 1,
        }
    }
}

impl ShopFilter {
    /// Reads the directory's query string; what makes no sense is left out.
    pub fn from_query(query: &ParamsMap) -> ShopFilter {
        ShopFilter::read(|name| query.get_str(name))
    }

    /// [`ShopFilter::from_query`] over any lookup of decoded parameters.
    fn read<'a>(query: impl Fn(&str) -> Option<&'a str>) -> ShopFilter {
        ShopFilter {
            kind: query(KIND_PARAM).and_then(parse_kind_word),
            commune: text_param(&query, COMMUNE_PARAM),
            delivers: query(DELIVERS_PARAM) == Some("1"),
            page: read_page(&query),
        }
    }
}

/// Back-office: which of a shop's products the list shows. Lives in the query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductListFilter {
    /// Only the products with this status.
    pub status: Option<ProductStatus>,
    /// Words to find; never blank.
    pub q: Option<String>,
    /// The page, from 1.
    pub page: u32,
}

impl Default for ProductListFilter {
    fn default() -> Self {
        ProductListFilter {
            status: None,
            q: None,
            page: 1,
        }
    }
}

impl ProductListFilter {
    /// Reads the products list's query string; what makes no sense is left out.
    pub fn from_query(query: &ParamsMap) -> ProductListFilter {
        ProductListFilter::read(|name| query.get_str(name))
    }

    fn read<'a>(query: impl Fn(&str) -> Option<&'a str>) -> ProductListFilter {
        ProductListFilter {
            status: query(STATUS_PARAM).and_then(parse_product_status_word),
            q: text_param(&query, SEARCH_PARAM)
                .map(|q| q.chars().take(MAX_SEARCH_CHARS).collect::<String>())
                .map(|q| q.trim().to_owned()),
            page: read_page(&query),
        }
    }
}

/// People: which accounts the list shows. Lives in the query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleFilter {
    /// Words of the name or e-mail; never blank.
    pub q: Option<String>,
    /// Only the accounts with this role.
    pub role: Option<Role>,
    /// The page, from 1.
    pub page: u32,
}

impl Default for PeopleFilter {
    fn default() -> Self {
        PeopleFilter {
            q: None,
            role: None,
            page: 1,
        }
    }
}

impl PeopleFilter {
    /// Reads the accounts list's query string; what makes no sense is left out.
    pub fn from_query(query: &ParamsMap) -> PeopleFilter {
        PeopleFilter::read(|name| query.get_str(name))
    }

    fn read<'a>(query: impl Fn(&str) -> Option<&'a str>) -> PeopleFilter {
        PeopleFilter {
            q: text_param(&query, SEARCH_PARAM)
                .map(|q| q.chars().take(MAX_SEARCH_CHARS).collect::<String>())
                .map(|q| q.trim().to_owned()),
            role: query(ROLE_PARAM).and_then(parse_role_word),
            page: read_page(&query),
        }
    }
}

/// How a role is written in the address.
fn role_word(role: Role) -> &'static str {
    match role {
        Role::Customer => "client",
        Role::Merchant => "commercant",
        Role::Volunteer => "benevole",
        Role::Admin => "admin",
    }
}

fn parse_role_word(word: &str) -> Option<Role> {
    [Role::Customer, Role::Merchant, Role::Volunteer, Role::Admin]
        .into_iter()
        .find(|role| role_word(*role) == word)
}

/// The account id of a [`PERSON_PATH`] route.
pub fn person_id(params: &ParamsMap) -> Option<i64> {
    read_product_id(params.get_str(ID))
}

/// The round of a [`ROUND_SHEETS_PATH`] route.
pub fn round_id(params: &ParamsMap) -> Option<i64> {
    read_product_id(params.get_str(ID))
}

/// The delivery date of a [`Page::Rounds`] address: `YYYY-MM-DD`, else none.
pub fn round_date(query: &ParamsMap) -> Option<String> {
    query
        .get_str(DATE_PARAM)
        .map(str::trim)
        .filter(|date| {
            date.len() == 10
                && date.char_indices().all(|(at, ch)| {
                    if at == 4 || at == 7 {
                        ch == '-'
                    } else {
                        ch.is_ascii_digit()
                    }
                })
        })
        .map(str::to_owned)
}

/// How a product status is written in the address.
fn product_status_word(status: ProductStatus) -> &'static str {
    match status {
        ProductStatus::Draft => "brouillon",
        ProductStatus::Active => "en-vente",
        ProductStatus::Archived => "archive",
    }
}

fn parse_product_status_word(word: &str) -> Option<ProductStatus> {
    ProductStatus::ALL
        .into_iter()
        .find(|status| product_status_word(*status) == word)
}

/// The product id of a [`PRODUCT_PATH`] route, if it is one.
pub fn product_id(params: &ParamsMap) -> Option<i64> {
    read_product_id(params.get_str(ID))
}

fn read_product_id(id: Option<&str>) -> Option<i64> {
    id.and_then(|id| id.parse().ok()).filter(|id| *id > 0)
}

/// The shop slug of a [`SHOP_PATH`] route.
pub fn shop_slug(params: &ParamsMap) -> Option<String> {
    text_param(&|name| params.get_str(name), SLUG)
}

/// The tracking token of a [`TRACK_PATH`] route.
pub fn track_token(params: &ParamsMap) -> Option<String> {
    text_param(&|name| params.get_str(name), TOKEN)
}

/// E-mail links (issue 12): the token of the link that opened the page (`?jeton=`), if any.
pub fn link_token(query: &ParamsMap) -> Option<String> {
    query
        .get_str(LINK_TOKEN_PARAM)
        .map(|token| token.trim().to_owned())
        .filter(|token| !token.is_empty())
}

/// The tracking tokens of a [`CONFIRMATION_PATH`] address.
pub fn confirmation_tokens(query: &ParamsMap) -> Vec<String> {
    read_tokens(query.get_str(TOKENS_PARAM))
}

/// Where the log-in or sign-up page goes next: a path of this site from its address, never
/// another site (`//elsewhere.example` or `https://…` are dropped).
pub fn next_path(query: &ParamsMap) -> Option<String> {
    local_path(query.get_str(NEXT_PARAM)?)
}

fn local_path(value: &str) -> Option<String> {
    let value = value.trim();
    let local = value.starts_with('/') && !value.starts_with("//") && !value.contains('\\');
    local.then(|| value.to_owned())
}

fn read_tokens(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The `page` of a query string: a number from 1, else 1.
pub fn page_number(query: &ParamsMap) -> u32 {
    read_page(&|name| query.get_str(name))
}

fn read_page<'a>(query: &impl Fn(&str) -> Option<&'a str>) -> u32 {
    query(PAGE_PARAM)
        .and_then(|page| page.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// How an order is written in the address.
fn sort_word(sort: ProductSort) -> &'static str {
    match sort {
        ProductSort::Relevance => "pertinence",
        ProductSort::PriceAsc => "prix_asc",
        ProductSort::PriceDesc => "prix_desc",
        ProductSort::Newest => "nouveautes",
        ProductSort::Name => "nom",
    }
}

fn parse_sort_word(word: &str) -> Option<ProductSort> {
    ProductSort::ALL
        .into_iter()
        .find(|sort| sort_word(*sort) == word)
}

/// How a kind of shop is written in the address.
fn kind_word(kind: ShopKind) -> &'static str {
    match kind {
        ShopKind::Food => "alimentation",
        ShopKind::NonFood => "commerces",
        ShopKind::Restaurant => "restaurants",
    }
}

fn parse_kind_word(word: &str) -> Option<ShopKind> {
    ShopKind::ALL
        .into_iter()
        .find(|kind| kind_word(*kind) == word)
}

/// A parameter's value, trimmed, or `None` when missing or blank.
fn text_param<'a>(params: &impl Fn(&str) -> Option<&'a str>, name: &str) -> Option<String> {
    params(name)
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
}

/// A query string being written: `?a=1&b=2`, or nothing at all.
#[derive(Default)]
struct QueryString(String);

impl QueryString {
    fn push(&mut self, name: &str, value: &str) {
        self.0.push(if self.0.is_empty() { '?' } else { '&' });
        self.0.push_str(name);
        self.0.push('=');
        self.0.push_str(&encode(value));
    }

    /// The page number, left out for the first page.
    fn push_page(&mut self, page: u32) {
        if page > 1 {
            self.push(PAGE_PARAM, &page.to_string());
        }
    }
}

/// Percent-encodes a path segment or query-string value: everything but RFC 3986's
/// unreserved characters.
fn encode(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_public_page_is_counted_as_its_type() {
        use shared::stats::VisitPage;
        let cases = [
            (Page::Home.href(), VisitPage::Home),
            (Page::catalogue().href(), VisitPage::Catalogue),
            (
                Page::Catalogue(CatalogueFilter::search("miel")).href(),
                VisitPage::Catalogue,
            ),
            (Page::Product { id: 42 }.href(), VisitPage::Product),
            (Page::shops().href(), VisitPage::Shops),
            (Page::shop("epicerie-du-duche").href(), VisitPage::Shop),
            (Page::Basket.href(), VisitPage::Basket),
            (Page::Checkout.href(), VisitPage::Checkout),
            (Page::LegalNotice.href(), VisitPage::Other),
        ];
        for (href, page) in cases {
            let path = href.split('?').next().unwrap_or_default().to_owned();
            assert_eq!(visit_page(&path), page, "{href}");
        }
    }

    #[test]
    fn log_in_goes_back_only_to_a_path_of_this_site() {
        assert_eq!(local_path("/commande"), Some("/commande".to_owned()));
        assert_eq!(
            local_path(" /compte/commandes?page=2 "),
            Some("/compte/commandes?page=2".to_owned())
        );
        for elsewhere in [
            "//evil.example",
            "https://evil.example/",
            "evil",
            "/\\evil.example",
            "",
        ] {
            assert_eq!(local_path(elsewhere), None, "{elsewhere}");
        }
        let href = Page::Login(Some("/commande".to_owned())).href();
        assert_eq!(href, "/compte/connexion?retour=%2Fcommande");
        assert_eq!(
            query_of(&href),
            [("retour".to_owned(), "/commande".to_owned())]
        );
        assert_eq!(Page::Register(None).href(), "/compte/inscription");
        assert_eq!(Page::MyOrders(1).href(), "/compte/commandes");
        assert_eq!(Page::MyOrders(2).href(), "/compte/commandes?page=2");
    }

    /// The decoded parameters of `href`'s query string, as the router hands them to a page.
    fn query_of(href: &str) -> Vec<(String, String)> {
        let Some((_, query)) = href.split_once('?') else {
            return Vec::new();
        };
        query
            .split('&')
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (name.to_owned(), decode(value))
            })
            .collect()
    }

    fn decode(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut decoded = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%'
                && let Some(byte) = value
                    .get(i + 1..i + 3)
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            {
                decoded.push(byte);
                i += 3;
            } else {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(decoded).expect("UTF-8")
    }

    fn catalogue(href: &str) -> CatalogueFilter {
        let params = query_of(href);
        CatalogueFilter::read(|name| value_of(&params, name))
    }

    fn shops(href: &str) -> ShopFilter {
        let params = query_of(href);
        ShopFilter::read(|name| value_of(&params, name))
    }

    /// The last value of `name`, as `ParamsMap::get_str` answers.
    fn value_of<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
        params
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    #[test]
    fn shop_back_office_pages_have_french_addresses() {
        assert_eq!(Page::JoinShop.href(), "/gestion/inscription");
        let slug = "epicerie-du-duche".to_owned();
        assert_eq!(
            Page::ShopProfile(slug.clone()).href(),
            "/gestion/epicerie-du-duche/profil"
        );
        assert_eq!(
            Page::ShopKeys(slug.clone()).href(),
            "/gestion/epicerie-du-duche/cles"
        );
        assert_eq!(
            Page::Webhooks(Some(slug.clone())).href(),
            "/gestion/epicerie-du-duche/webhooks"
        );
        assert_eq!(Page::Webhooks(None).href(), "/gestion/association/webhooks");
        assert_eq!(
            Page::PhoneOrder(slug).href(),
            "/gestion/epicerie-du-duche/commande-telephone"
        );
        assert_eq!(
            Page::Register(Some(Page::JoinShop.href())).href(),
            "/compte/inscription?retour=%2Fgestion%2Finscription"
        );
    }

    #[test]
    fn the_delivery_page_is_under_the_association() {
        assert_eq!(Page::Delivery.href(), "/gestion/association/livraison");
        assert_eq!(Page::Mailbox.href(), "/gestion/association/courrier");
        assert_eq!(
            Page::Dashboard.href(),
            "/gestion/association/tableau-de-bord"
        );
        assert_eq!(Page::Directory.href(), "/gestion/association/annuaire");
        assert_eq!(
            Page::AssociationPrivacy.href(),
            "/gestion/association/donnees"
        );
        assert_eq!(Page::Privacy.href(), "/confidentialite");
    }

    #[test]
    fn hrefs_are_absolute_and_encoded() {
        assert_eq!(Page::Home.href(), "/");
        assert_eq!(Page::catalogue().href(), "/catalogue");
        assert_eq!(
            Page::Catalogue(CatalogueFilter::category("fromagerie")).href(),
            "/catalogue?categorie=fromagerie"
        );
        assert_eq!(
            Page::Catalogue(CatalogueFilter::category("vins & bières")).href(),
            "/catalogue?categorie=vins%20%26%20bi%C3%A8res"
        );
        assert_eq!(Page::Product { id: 42 }.href(), "/produits/42");
        assert_eq!(Page::shops().href(), "/commerces");
        assert_eq!(
            Page::shop("epicerie-du-duche").href(),
            "/commerces/epicerie-du-duche"
        );
        assert_eq!(
            Page::Shop {
                slug: "a/b".to_owned(),
                page: 3
            }
            .href(),
            "/commerces/a%2Fb?page=3"
        );
    }

    #[test]
    fn a_full_catalogue_filter_round_trips_through_its_address() {
        let filter = CatalogueFilter {
            q: Some("miel de lavande".to_owned()),
            category: Some("epicerie".to_owned()),
            shop: Some("epicerie-du-duche".to_owned()),
            min_price_cents: Some(500),
            max_price_cents: Some(1250),
            in_stock: true,
            sort: Some(ProductSort::PriceAsc),
            page: 2,
        };
        let href = Page::Catalogue(filter.clone()).href();
        assert_eq!(
            href,
            "/catalogue?q=miel%20de%20lavande&categorie=epicerie&boutique=epicerie-du-duche\
             &prix_min=5&prix_max=12.50&en_stock=1&tri=prix_asc&page=2"
        );
        assert_eq!(catalogue(&href), filter);
        for sort in ProductSort::ALL {
            let filter = CatalogueFilter {
                sort: Some(sort),
                ..filter.clone()
            };
            let href = Page::Catalogue(filter.clone()).href();
            assert_eq!(catalogue(&href), filter);
        }
    }

    #[test]
    fn nonsense_in_a_catalogue_address_is_dropped() {
        let filter = catalogue(
            "/catalogue?q=%20%20&categorie=&prix_min=abc&prix_max=-3&en_stock=oui&tri=prix&page=0",
        );
        assert_eq!(filter, CatalogueFilter::default());
        let filter = catalogue("/catalogue?tri=pertinence&page=x");
        assert_eq!(
            filter,
            CatalogueFilter::default(),
            "relevance needs a search"
        );
        let filter = catalogue("/catalogue?prix_min=12,5");
        assert_eq!(
            filter.min_price_cents,
            Some(1250),
            "a typed comma is fine too"
        );
        let long = "a".repeat(MAX_SEARCH_CHARS + 50);
        let filter = catalogue(&format!("/catalogue?q={long}"));
        assert_eq!(filter.q.map(|q| q.len()), Some(MAX_SEARCH_CHARS));
    }

    #[test]
    fn the_default_sort_follows_the_search() {
        assert_eq!(
            CatalogueFilter::default().effective_sort(),
            ProductSort::Name
        );
        assert_eq!(
            CatalogueFilter::search("miel").effective_sort(),
            ProductSort::Relevance
        );
        assert_eq!(CatalogueFilter::search("   ").q, None);
    }

    #[test]
    fn shop_filters_round_trip_through_their_address() {
        for kind in ShopKind::ALL {
            let filter = ShopFilter {
                kind: Some(kind),
                commune: Some("Saint-Quentin-la-Poterie".to_owned()),
                delivers: true,
                page: 2,
            };
            let href = Page::Shops(filter.clone()).href();
            assert_eq!(shops(&href), filter);
        }
        assert_eq!(
            Page::Shops(ShopFilter {
                kind: Some(ShopKind::Food),
                commune: Some("Uzès".to_owned()),
                delivers: true,
                page: 1,
            })
            .href(),
            "/commerces?type=alimentation&commune=Uz%C3%A8s&livraison=1"
        );
        assert_eq!(
            shops("/commerces?type=boulangerie&livraison=0"),
            ShopFilter::default()
        );
    }

    #[test]
    fn order_pages_have_french_addresses() {
        assert_eq!(Page::Basket.href(), "/panier");
        assert_eq!(Page::Checkout.href(), "/commande");
        assert_eq!(Page::Track("ab12".to_owned()).href(), "/suivi/ab12");
        let tokens = vec!["ab12".to_owned(), "cd34".to_owned()];
        let href = Page::Confirmation(tokens.clone()).href();
        assert_eq!(href, "/commande/merci?suivi=ab12%2Ccd34");
        let params = query_of(&href);
        assert_eq!(read_tokens(value_of(&params, TOKENS_PARAM)), tokens);
        assert_eq!(read_tokens(Some(" , ")), Vec::<String>::new());
    }

    #[test]
    fn back_office_product_pages_round_trip_through_their_address() {
        let slug = "epicerie-du-duche".to_owned();
        assert_eq!(
            Page::NewProduct(slug.clone()).href(),
            "/gestion/epicerie-du-duche/produits/nouveau"
        );
        assert_eq!(
            Page::EditProduct {
                slug: slug.clone(),
                id: 42
            }
            .href(),
            "/gestion/epicerie-du-duche/produits/42"
        );
        let filter = ProductListFilter {
            status: Some(ProductStatus::Draft),
            q: Some("miel de garrigue".to_owned()),
            page: 3,
        };
        let href = Page::ShopProductsFiltered(slug.clone(), filter.clone()).href();
        assert_eq!(
            href,
            "/gestion/epicerie-du-duche/produits?statut=brouillon&q=miel%20de%20garrigue&page=3"
        );
        let params = query_of(&href);
        assert_eq!(
            ProductListFilter::read(|name| value_of(&params, name)),
            filter
        );
        assert_eq!(
            Page::ShopProductsFiltered(slug, ProductListFilter::default()).href(),
            "/gestion/epicerie-du-duche/produits"
        );
        let nonsense = [("statut".to_owned(), "vendu".to_owned())];
        assert_eq!(
            ProductListFilter::read(|name| value_of(&nonsense, name)),
            ProductListFilter::default()
        );
    }

    #[test]
    fn people_pages_round_trip_through_their_address() {
        let filter = PeopleFilter {
            q: Some("Hélène".to_owned()),
            role: Some(Role::Volunteer),
            page: 2,
        };
        let href = Page::People(filter.clone()).href();
        assert_eq!(
            href,
            "/gestion/association/personnes?q=H%C3%A9l%C3%A8ne&role=benevole&page=2"
        );
        let params = query_of(&href);
        assert_eq!(PeopleFilter::read(|name| value_of(&params, name)), filter);
        for role in [Role::Customer, Role::Merchant, Role::Volunteer, Role::Admin] {
            assert_eq!(parse_role_word(role_word(role)), Some(role));
        }
        assert_eq!(
            Page::People(PeopleFilter::default()).href(),
            "/gestion/association/personnes"
        );
        assert_eq!(Page::Person(42).href(), "/gestion/association/personnes/42");
        assert_eq!(Page::ResetWithCode.href(), "/compte/code");
    }

    #[test]
    fn the_e_mailed_links_open_the_pages_the_server_writes_them_for() {
        // `api/src/mail/notices/account.rs` writes these addresses into its e-mails.
        assert_eq!(
            Page::NewPassword("ab12".into()).href(),
            "/mot-de-passe/nouveau?jeton=ab12"
        );
        assert_eq!(
            Page::VerifyEmail("ab12".into()).href(),
            "/verifier-courriel?jeton=ab12"
        );
        assert_eq!(Page::ForgotPassword.href(), "/compte/mot-de-passe-oublie");
        for page in [
            Page::ForgotPassword,
            Page::NewPassword("ab12".into()),
            Page::VerifyEmail("ab12".into()),
        ] {
            let href = page.href();
            let path = href.split('?').next().unwrap_or_default();
            assert_eq!(
                shared::bundle::Bundle::for_path(path),
                shared::bundle::Bundle::Order,
                "{href}: with the account's pages, out of the browsing bundle"
            );
        }
    }

    #[test]
    fn path_parameters_are_read_strictly() {
        assert_eq!(read_product_id(Some("42")), Some(42));
        for bad in ["", "abc", "-1", "0", "4.2"] {
            assert_eq!(read_product_id(Some(bad)), None, "{bad:?}");
        }
        let slug = |value: &'static str| text_param(&move |_: &str| Some(value), SLUG);
        assert_eq!(
            slug("epicerie-du-duche").as_deref(),
            Some("epicerie-du-duche")
        );
        assert_eq!(slug(" "), None);
    }
}

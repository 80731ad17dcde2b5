//! The shops' back-office: the shops one runs, a shop's orders inbox (live), and its
//! products with quick price and stock edits.
//!
//! Browser tests rely on `[data-testid="bo-order"]` (`data-number`, `data-status`,
//! `data-payment`), `[data-testid="new-order"]`, the buttons' texts, and
//! `[data-testid="bo-product"]` (`data-id`) with its "Prix TTC en euros" field.

use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local, wasm_bindgen::JsCast};
use leptos_router::hooks::use_params_map;
use shared::{
    auth::Role,
    error::ErrorCode,
    order::{ContactPreference, Order, OrderStatus, PaymentStatus},
    shop_admin::AdminShop,
    shop_orders::{OrderEventKind, OrderFeedEvent, PaymentMethod},
    shop_products::{ProductStatus, ShopProduct, UpdateProduct},
};

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, FulfilmentLine, Loaded, ProblemText},
    i18n::{Text, tr, tr_with, use_i18n},
    price,
    routes::{self, Page},
    state::session::{SessionState, use_session},
};

/// How long to wait before opening the live feed again after it broke.
const RECONNECT_MS: u64 = 3_000;

/// `/gestion`: the shops the signed-in merchant runs, with their orders and products.
#[component]
pub fn BackOfficePage() -> impl IntoView {
    let session = use_session();
    let shops = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        api::my_shops(&token).await.map(|page| Some(page.items))
    });
    let loaded = move |shops: Option<Vec<shared::shop_admin::ShopProfile>>| {
        let Some(shops) = shops else {
            return view! { <LoginNeeded /> }.into_any();
        };
        if shops.is_empty() {
            return view! { <p>{tr(|t| t.bo_no_shop)}</p> }.into_any();
        }
        shops
            .into_iter()
            .map(|shop| {
                let active = shop.status == shared::shop_admin::ShopStatus::Active;
                view! {
                    <li class="bo-shop" data-testid="bo-shop">
                        <h2>{shop.name}</h2>
                        {(!active).then(|| view! { <p class="bo-shop__status">{tr(|t| t.bo_not_active)}</p> })}
                        <p class="bo-shop__links">
                            <a class="button" href=Page::ShopOrders(shop.slug.clone()).href()>
                                {tr(|t| t.bo_orders_link)}
                            </a>
                            <a class="button button--secondary" href=Page::ShopProducts(shop.slug).href()>
                                {tr(|t| t.bo_products_link)}
                            </a>
                        </p>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let is_admin = move || session.user().is_some_and(|user| user.role == Role::Admin);
    view! {
        <Frame heading=|t| t.bo_heading>
            {move || is_admin().then(|| view! {
                <p><a class="button" href=Page::Association.href()>{tr(|t| t.bo_association_link)}</a></p>
            })}
            <ul class="bo-shops">
                <Loaded resource=shops loaded />
            </ul>
        </Frame>
    }
}

/// The association's page: the shops waiting for approval, each approved with one click.
#[component]
pub fn AssociationPage() -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::pending_shops(&token).await {
            Ok(page) => Ok(Some(Some(page.items))),
            // Not an admin: the route does not exist for them.
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(Some(None)),
            Err(error) => Err(error),
        }
    });
    let loaded = move |shops: Option<Option<Vec<AdminShop>>>| match shops {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo_association_only)}</p> }.into_any(),
        Some(Some(shops)) if shops.is_empty() => {
            view! { <p>{tr(|t| t.bo_none_pending)}</p> }.into_any()
        }
        Some(Some(shops)) => {
            let rows = shops
                .into_iter()
                .map(|shop| view! { <PendingShop shop /> })
                .collect_view();
            view! { <ul class="bo-shops">{rows}</ul> }.into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo_association_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// A shop waiting for approval: who, where, and the button that puts it online.
#[component]
fn PendingShop(shop: AdminShop) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let approved = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let slug = shop.slug.clone();
    let approve = move |_| {
        let slug = slug.clone();
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::approve_shop(&token, &slug).await,
            };
            match result {
                Ok(_) => approved.set(true),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let kind = shop.kind;
    view! {
        <li class="bo-shop" data-testid="pending-shop" data-slug=shop.slug.clone()>
            <h2>{shop.name}</h2>
            <p>{move || i18n.t().kind(kind)} " · " {shop.commune} " · " {shop.phone}</p>
            {move || {
                if approved.get() {
                    view! { <p role="status">{tr(|t| t.bo_approved)}</p> }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=approve.clone()>
                            {tr(|t| t.bo_approve)}
                        </button>
                    }
                    .into_any()
                }
            }}
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </li>
    }
}

/// A shop's orders, newest first, kept up to date by the shop's live feed.
#[component]
pub fn ShopOrdersPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = move || routes::shop_slug(&params.read()).unwrap_or_default();
    let orders = RwSignal::new(Vec::<Order>::new());
    let arrived = RwSignal::new(None::<String>);
    let sound = RwSignal::new(None::<web_sys::AudioContext>);
    let feed_broken = RwSignal::new(false);
    let resource = LocalResource::new(move || {
        let slug = slug();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(false);
            };
            orders.set(api::shop_orders(&token, &slug, None).await?.items);
            Ok::<_, ApiError>(true)
        }
    });
    // The live feed: runs while the page is shown.
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        let slug = slug();
        spawn_local(follow_feed(
            session,
            slug,
            alive,
            move |order, new| {
                orders.update(|orders| upsert(orders, order.clone()));
                if new {
                    arrived.set(Some(order.number));
                    if let Some(context) = sound.get_untracked() {
                        beep(&context);
                    }
                }
            },
            feed_broken,
        ));
    }
    on_cleanup(move || alive.store(false, Ordering::Relaxed));

    let toggle_sound = move |event: leptos::ev::Event| {
        // Browsers let a page make sounds once the reader has acted: this click.
        let on = event_target_checked(&event);
        sound.set(on.then(|| web_sys::AudioContext::new().ok()).flatten());
    };
    let loaded = move |signed_in: bool| {
        if !signed_in {
            return view! { <LoginNeeded /> }.into_any();
        }
        view! {
            <p>{tr(|t| t.bo_live)}</p>
            <div class="check">
                <input id="son" type="checkbox" on:change=toggle_sound />
                <label for="son">{tr(|t| t.bo_sound)}</label>
            </div>
            {move || feed_broken.get().then(|| view! { <p class="loading" role="status">{tr(|t| t.bo_live_lost)}</p> })}
            <div role="status" aria-live="assertive">
                {move || {
                    arrived
                        .get()
                        .map(|number| {
                            view! {
                                <p class="bo-new-order" data-testid="new-order">
                                    {tr_with(|t| t.bo_new_order, number)}
                                </p>
                            }
                        })
                }}
            </div>
            {move || {
                let list = orders.get();
                if list.is_empty() {
                    return view! { <p>{tr(|t| t.bo_no_orders)}</p> }.into_any();
                }
                let cards = list
                    .into_iter()
                    .map(|order| view! { <MerchantOrderCard order orders /> })
                    .collect_view();
                view! { <ul class="orders">{cards}</ul> }.into_any()
            }}
        }
        .into_any()
    };
    view! {
        <Frame heading=|t| t.bo_orders_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// Puts `order` in the list in place of its older self, or first if it is new.
fn upsert(orders: &mut Vec<Order>, order: Order) {
    match orders.iter_mut().find(|known| known.id == order.id) {
        Some(known) => *known = order,
        None => orders.insert(0, order),
    }
}

/// Reads the shop's live feed while `alive`, calling `on_order` with each order that
/// changed (and whether it is new), and opening the feed again, where it left off, when it
/// breaks.
async fn follow_feed(
    session: SessionState,
    slug: String,
    alive: Arc<AtomicBool>,
    on_order: impl Fn(Order, bool) + 'static,
    broken: RwSignal<bool>,
) {
    let mut last_event_id = None;
    while alive.load(Ordering::Relaxed) {
        let outcome = read_feed(session, &slug, &alive, &mut last_event_id, &on_order).await;
        if !alive.load(Ordering::Relaxed) {
            break;
        }
        broken.set(outcome.is_err());
        gloo_timers_sleep(RECONNECT_MS).await;
    }
}

/// One connection to the feed, until it ends or fails.
async fn read_feed(
    session: SessionState,
    slug: &str,
    alive: &AtomicBool,
    last_event_id: &mut Option<i64>,
    on_order: &impl Fn(Order, bool),
) -> Result<(), ApiError> {
    let token = session
        .access_token()
        .await
        .ok_or_else(|| ApiError::Network("signed out".to_owned()))?;
    let response = api::shop_order_events(&token, slug, *last_event_id).await?;
    let reader = response
        .body()
        .ok_or_else(|| ApiError::Decode("no body".to_owned()))?
        .get_reader()
        .unchecked_into::<web_sys::ReadableStreamDefaultReader>();
    let mut buffer = Vec::<u8>::new();
    while alive.load(Ordering::Relaxed) {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| ApiError::Network("the feed broke".to_owned()))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(());
        }
        if let Ok(bytes) = js_sys::Reflect::get(&chunk, &"value".into()) {
            buffer.extend(js_sys::Uint8Array::new(&bytes).to_vec());
        }
        while let Some(end) = find_blank_line(&buffer) {
            let block: Vec<u8> = buffer.drain(..end + 2).collect();
            let Some(event) = parse_event(&String::from_utf8_lossy(&block)) else {
                continue;
            };
            *last_event_id = Some(event.event_id);
            if let Ok(order) = api::get_order(&token, event.order_id).await {
                on_order(order, event.kind == OrderEventKind::Placed);
            }
        }
    }
    let _ = reader.cancel();
    Ok(())
}

/// Where the first event of the buffer ends (its blank line), if it is complete.
fn find_blank_line(buffer: &[u8]) -> Option<usize> {
    buffer.windows(2).position(|pair| pair == b"\n\n")
}

/// The order event of one block of a `text/event-stream`; `None` for comments (the
/// heartbeat) and other events.
fn parse_event(block: &str) -> Option<OrderFeedEvent> {
    let data: String = block
        .lines()
        .filter_map(|line| line.strip_prefix("data:"))
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n");
    serde_json::from_str(&data).ok()
}

/// Waits `ms` milliseconds.
async fn gloo_timers_sleep(ms: u64) {
    let (sender, receiver) = futures::channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = sender.send(());
        },
        std::time::Duration::from_millis(ms),
    );
    let _ = receiver.await;
}

/// A short, friendly tone.
fn beep(context: &web_sys::AudioContext) {
    let Ok(oscillator) = context.create_oscillator() else {
        return;
    };
    oscillator.frequency().set_value(880.0);
    if oscillator
        .connect_with_audio_node(&context.destination())
        .is_ok()
    {
        let _ = oscillator.start();
        let _ = oscillator.stop_with_when(context.current_time() + 0.4);
    }
}

/// One order as its shop works on it: who, how to reach them, what, when, and what to do
/// next.
#[component]
fn MerchantOrderCard(order: Order, orders: RwSignal<Vec<Order>>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let id = order.id;
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let cancelling = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(order.merchant_note.clone().unwrap_or_default());
    let method = RwSignal::new(PaymentMethod::Cash);
    let printing = RwSignal::new(false);
    let print = move |_| {
        // The print stylesheet shows only the card marked for printing.
        printing.set(true);
        let _ = window().print();
        printing.set(false);
    };
    // Sends one change; the answer replaces the order in the list.
    let act = move |change: Change| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        saved.set(false);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => match change {
                    Change::To(to, reason) => api::transition_order(&token, id, to, reason).await,
                    Change::Paid(method) => api::record_payment(&token, id, method).await,
                    Change::Note(note) => api::set_merchant_note(&token, id, note).await,
                },
            };
            busy.set(false);
            match result {
                Ok(order) => {
                    saved.set(true);
                    orders.update(|orders| upsert(orders, order));
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let next: Option<(OrderStatus, Text)> = match order.status {
        OrderStatus::Placed => Some((OrderStatus::Confirmed, |t| t.bo_confirm)),
        OrderStatus::Confirmed => Some((OrderStatus::Ready, |t| t.bo_mark_ready)),
        OrderStatus::Ready => Some((OrderStatus::Completed, |t| t.bo_mark_completed)),
        OrderStatus::Completed | OrderStatus::Cancelled => None,
    };
    let open = !matches!(
        order.status,
        OrderStatus::Completed | OrderStatus::Cancelled
    );
    let paid = order.payment_status == PaymentStatus::Paid;
    let phone = order.customer_phone.clone().unwrap_or_default();
    let tel = format!("tel:{}", phone.replace(' ', ""));
    let lines = order
        .lines
        .iter()
        .map(|line| {
            view! {
                <li>
                    {format!(
                        "{} × {} — {}",
                        line.quantity,
                        line.name,
                        shared::money::format_eur(line.unit_price_cents * line.quantity),
                    )}
                </li>
            }
        })
        .collect_view();
    let place = order
        .fulfilment
        .address
        .as_ref()
        .map(|a| format!("{}, {} {}", a.street, a.postcode, a.commune));
    let status = order.status;
    let submit_note = move |event: SubmitEvent| {
        event.prevent_default();
        act(Change::Note(note.get_untracked()));
    };
    let note_id = format!("note-{id}");
    let reason_id = format!("raison-{id}");
    let method_id = format!("paiement-{id}");
    view! {
        <li
            class="order-card bo-order"
            class:bo-order--print=move || printing.get()
            data-testid="bo-order"
            data-number=order.number.clone()
            data-status=status.as_str()
            data-payment=if paid { "paid" } else { "due" }
        >
            <h2 class="order-card__number">{tr_with(|t| t.order_number, order.number.clone())}</h2>
            <p>
                <strong>{move || i18n.t().status(status)}</strong>
                " · "
                {if paid { tr(|t| t.bo_paid) } else { tr(|t| t.bo_payment_due) }}
            </p>
            <p class="bo-order__customer">{order.customer_name.clone()}</p>
            {(!phone.is_empty()).then(|| view! {
                <p>
                    <a class="button button--secondary" href=tel>{tr_with(|t| t.bo_call, phone.clone())}</a>
                </p>
                // The slip has no buttons: there, the number is written out.
                <p class="bo-order__phone">{tr(|t| t.phone_label)} " : " {phone.clone()}</p>
            })}
            <p>
                {match order.contact_preference {
                    ContactPreference::Call => tr(|t| t.bo_may_call),
                    ContactPreference::NoCall => tr(|t| t.bo_no_call),
                }}
            </p>
            {(!order.note.is_empty()).then(|| view! {
                <p class="bo-order__note">{tr(|t| t.bo_customer_note)} " " {order.note.clone()}</p>
            })}
            <FulfilmentLine method=order.fulfilment.method date=order.fulfilment.date.clone() />
            {place.map(|place| view! { <p>{place}</p> })}
            <ul class="summary__lines">{lines}</ul>
            <p class="order-card__pay">
                {tr(|t| t.total)} " : " <strong>{shared::money::format_eur(order.total_cents)}</strong>
            </p>
            <div class="bo-order__actions">
                <button type="button" class="button button--secondary" on:click=print>
                    {tr(|t| t.bo_print)}
                </button>
                {next.map(|(to, label)| view! {
                    <button type="button" class="button" on:click=move |_| act(Change::To(to, None))>
                        {tr(label)}
                    </button>
                })}
                {(open && !paid).then(|| view! {
                    <div class="field bo-order__payment">
                        <label for=method_id.clone()>{tr(|t| t.bo_payment_method)}</label>
                        <select
                            id=method_id.clone()
                            on:change=move |event| {
                                if let Some(chosen) = PaymentMethod::parse(&event_target_value(&event)) {
                                    method.set(chosen);
                                }
                            }
                        >
                            <option value="cash">{tr(|t| t.bo_cash)}</option>
                            <option value="card">{tr(|t| t.bo_card)}</option>
                            <option value="cheque">{tr(|t| t.bo_cheque)}</option>
                        </select>
                        <button type="button" class="button button--secondary" on:click=move |_| act(Change::Paid(method.get_untracked()))>
                            {tr(|t| t.bo_record_payment)}
                        </button>
                    </div>
                })}
                {open.then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| cancelling.update(|open| *open = !*open)>
                        {tr(|t| t.bo_cancel)}
                    </button>
                })}
                {move || cancelling.get().then(|| view! {
                    <div class="field">
                        <label for=reason_id.clone()>{tr(|t| t.bo_cancel_reason)}</label>
                        <input id=reason_id.clone() type="text" prop:value=move || reason.get() on:input=move |event| reason.set(event_target_value(&event)) />
                        <button type="button" class="button" on:click=move |_| act(Change::To(OrderStatus::Cancelled, Some(reason.get_untracked())))>
                            {tr(|t| t.bo_cancel_confirm)}
                        </button>
                    </div>
                })}
            </div>
            <form class="field" on:submit=submit_note>
                <label for=note_id.clone()>{tr(|t| t.bo_merchant_note)}</label>
                <textarea id=note_id rows="2" maxlength="1000" prop:value=move || note.get() on:input=move |event| note.set(event_target_value(&event))></textarea>
                <button type="submit" class="button button--secondary">{tr(|t| t.bo_save_note)}</button>
            </form>
            <div role="status">
                {move || saved.get().then(|| view! { <p>{tr(|t| t.bo_saved)}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </li>
    }
}

/// A change to an order.
#[derive(Clone)]
enum Change {
    To(OrderStatus, Option<String>),
    Paid(PaymentMethod),
    Note(String),
}

/// A shop's products, with quick price and stock edits.
#[component]
pub fn ShopProductsPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = move || routes::shop_slug(&params.read()).unwrap_or_default();
    let resource = LocalResource::new(move || {
        let slug = slug();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            api::shop_products(&token, &slug, 1)
                .await
                .map(|page| Some(page.items))
        }
    });
    let loaded = move |products: Option<Vec<ShopProduct>>| match products {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(products) => {
            let rows = products
                .into_iter()
                .map(|product| view! { <ProductRow product /> })
                .collect_view();
            view! { <ul class="bo-products">{rows}</ul> }.into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo_products_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// One product: its name and status, and its price and stock, editable.
#[component]
fn ProductRow(product: ShopProduct) -> impl IntoView {
    let session = use_session();
    let id = product.id;
    let price_text = RwSignal::new(price::euros_text(product.price_cents, ','));
    let stock_text = RwSignal::new(product.stock.map(|s| s.to_string()).unwrap_or_default());
    let invalid = RwSignal::new(None::<Text>);
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let status: Text = match product.status {
        ProductStatus::Draft => |t| t.bo_draft,
        ProductStatus::Active => |t| t.bo_on_sale,
        ProductStatus::Archived => |t| t.bo_archived,
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        problem.set(None);
        let Ok(Some(price_cents)) = price::parse_euros(&price_text.get_untracked()) else {
            invalid.set(Some(|t| t.bo_bad_price));
            return;
        };
        let stock_text = stock_text.get_untracked();
        let stock = match stock_text.trim() {
            "" => None,
            text => match text.parse::<i64>() {
                Ok(stock) if stock >= 0 => Some(stock),
                _ => {
                    invalid.set(Some(|t| t.bo_bad_stock));
                    return;
                }
            },
        };
        invalid.set(None);
        let change = UpdateProduct {
            price_cents: Some(price_cents),
            stock: Some(stock),
            ..UpdateProduct::default()
        };
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::update_product(&token, id, &change).await,
            };
            match result {
                Ok(_) => saved.set(true),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let price_id = format!("prix-{id}");
    let stock_id = format!("stock-{id}");
    view! {
        <li class="bo-product" data-testid="bo-product" data-id=id>
            <form on:submit=submit>
                <h2 class="bo-product__name">{product.name}</h2>
                <p>{tr(status)}</p>
                <div class="bo-product__fields">
                    <div class="field">
                        <label for=price_id.clone()>{tr(|t| t.bo_price)}</label>
                        <input id=price_id type="text" inputmode="decimal" prop:value=move || price_text.get() on:input=move |event| price_text.set(event_target_value(&event)) />
                    </div>
                    <div class="field">
                        <label for=stock_id.clone()>{tr(|t| t.bo_stock)}</label>
                        <input id=stock_id type="text" inputmode="numeric" prop:value=move || stock_text.get() on:input=move |event| stock_text.set(event_target_value(&event)) />
                    </div>
                </div>
                <button type="submit" class="button button--secondary">{tr(|t| t.bo_save)}</button>
                <div role="status">
                    {move || saved.get().then(|| view! { <p>{tr(|t| t.bo_saved)}</p> })}
                </div>
                {move || invalid.get().map(|text| view! { <p class="field__error">{tr(text)}</p> })}
                {move || problem.get().map(|error| view! { <ProblemText error /> })}
            </form>
        </li>
    }
}

/// "Log in with your shop's account", with the link that comes back here.
#[component]
fn LoginNeeded() -> impl IntoView {
    let here = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    view! {
        <p>{tr(|t| t.bo_login_needed)}</p>
        <p>
            <a class="button" href=Page::Login(Some(here)).href()>{tr(|t| t.login_link)}</a>
        </p>
    }
}

/// A back-office page: its heading (also the document's title) and the way back to the
/// shops list.
#[component]
fn Frame(heading: Text, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || format!("{} — {}", heading(i18n.t()), i18n.t().home_title));
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow back-office">
            <p><a href=Page::BackOffice.href()>{tr(|t| t.bo_all_shops)}</a></p>
            <h1>{tr(heading)}</h1>
            {children()}
        </div>
    }
}

//! A shop's orders inbox, kept live by the shop's feed (server-sent events read with
//! `fetch`, which can send the access token), with what the shop does to each order.
//!
//! Browser tests rely on `[data-testid="bo-order"]` (`data-number`, `data-status`,
//! `data-payment`), `[data-testid="new-order"]`, `[data-testid="cancel-reason"]` (why a
//! cancelled order was cancelled, in words) and the buttons' texts.

use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local, wasm_bindgen::JsCast};
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::{
    order::{ContactPreference, Order, OrderStatus, PaymentStatus},
    shop_orders::{OrderEvent, OrderEventKind, OrderFeedEvent, PaymentMethod},
};

use super::{Frame, LoginNeeded};
use crate::{
    api::{self, ApiError},
    components::{FulfilmentLine, Loaded, ProblemText, SellerIdentity},
    i18n::{Strings, Text, tr, tr_with, use_i18n},
    routes,
    state::session::{SessionState, use_session},
};

/// How long to wait before opening the live feed again after it broke.
const RECONNECT_MS: u64 = 3_000;

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
    // `?commande=42`: the order an e-mail links to, brought into view once the list shows.
    let query = use_query_map();
    let linked = move || query.with_untracked(|q| q.get_str(LINKED_PARAM).map(str::to_owned));
    let resource = LocalResource::new(move || {
        let slug = slug();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(false);
            };
            orders.set(api::shop_orders(&token, &slug, None).await?.items);
            if let Some(id) = linked() {
                request_animation_frame(move || bring_into_view(&card_id(&id)));
            }
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
            <super::shop_round::ShopNextRound slug=slug() />
            <p>{tr(|t| t.bo().bo_live)}</p>
            <div class="check">
                <input id="son" type="checkbox" on:change=toggle_sound />
                <label for="son">{tr(|t| t.bo().bo_sound)}</label>
            </div>
            {move || feed_broken.get().then(|| view! { <p class="loading" role="status">{tr(|t| t.bo().bo_live_lost)}</p> })}
            <div role="status" aria-live="assertive">
                {move || {
                    arrived
                        .get()
                        .map(|number| {
                            view! {
                                <p class="bo-new-order" data-testid="new-order">
                                    {tr_with(|t| t.bo().bo_new_order, number)}
                                </p>
                            }
                        })
                }}
            </div>
            {move || {
                orders
                    .with(Vec::is_empty)
                    .then(|| view! { <p>{tr(|t| t.bo().bo_no_orders)}</p> })
            }}
            // A card is drawn again only when its own order moves on (status or payment): a
            // live event about another order, or the echo of this card's own change, must not
            // wipe what the merchant is choosing or typing in it (payment method, a reason).
            <ul class="orders" prop:hidden=move || orders.with(Vec::is_empty)>
                <For
                    each=move || orders.get()
                    key=|order| {
                        // A change of its lines after the call redraws it too.
                        let lines: Vec<_> = order.lines.iter().map(|l| (l.id, l.variant_id, l.quantity, l.actual_weight_g)).collect();
                        format!("{}:{:?}:{:?}:{lines:?}", order.id, order.status, order.payment_status)
                    }
                    children=move |order| view! { <MerchantOrderCard order orders /> }
                />
            </ul>
        }
        .into_any()
    };
    view! {
        <Frame heading=|t| t.bo().bo_orders_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// The query parameter naming the order an e-mail links to (`api/src/mail/notices.rs`).
const LINKED_PARAM: &str = "commande";

/// The element id of an order's card.
fn card_id(order_id: &str) -> String {
    format!("commande-{order_id}")
}

/// Scrolls the element to the top of the window and gives it the focus, so that the
/// merchant who followed a link lands on that order (a screen reader too).
fn bring_into_view(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
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
    let history = order.history.clone();
    // The right of withdrawal (issue 15): seen in the list, without opening the order.
    let withdrawn = order.lines.iter().any(|line| line.withdrawn_at.is_some());
    let printing = RwSignal::new(false);
    // Changing the lines after the call (issue 14), while placed or confirmed.
    let editing = RwSignal::new(false);
    let editable = matches!(order.status, OrderStatus::Placed | OrderStatus::Confirmed);
    let editor_order = order.clone();
    let on_saved = Callback::new(move |changed: Order| {
        editing.set(false);
        orders.update(|orders| upsert(orders, changed));
    });
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
        OrderStatus::Placed => Some((OrderStatus::Confirmed, |t| t.bo().bo_confirm)),
        OrderStatus::Confirmed => Some((OrderStatus::Ready, |t| t.bo().bo_mark_ready)),
        OrderStatus::Ready => Some((OrderStatus::Completed, |t| t.bo().bo_mark_completed)),
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
                        "{} × {}{} — {}",
                        line.quantity,
                        line.name,
                        if line.variant_label.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", line.variant_label)
                        },
                        shared::money::format_eur(line.line_total_cents),
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
    // Why it was cancelled, in words (Vitrine's own release, said in the reader's language).
    let cancel_reason = order
        .cancel_reason
        .clone()
        .filter(|_| status == OrderStatus::Cancelled);
    let submit_note = move |event: SubmitEvent| {
        event.prevent_default();
        act(Change::Note(note.get_untracked()));
    };
    let note_id = format!("note-{id}");
    let reason_id = format!("raison-{id}");
    let method_id = format!("paiement-{id}");
    view! {
        <li
            id=card_id(&id.to_string())
            tabindex="-1"
            class="order-card bo-order"
            class:bo-order--print=move || printing.get()
            data-testid="bo-order"
            data-number=order.number.clone()
            data-status=status.as_str()
            data-payment=if paid { "paid" } else { "due" }
        >
            <h2 class="order-card__number">{tr_with(|t| t.order_number, order.number.clone())}</h2>
            {withdrawn.then(|| view! {
                <p><span class="badge badge--withdrawal" data-testid="withdrawal-badge">{tr(|t| t.legal().withdrawal_badge)}</span></p>
            })}
            <p>
                <strong>{move || i18n.t().status(status)}</strong>
                " · "
                {if paid { tr(|t| t.bo().bo_paid) } else { tr(|t| t.bo().bo_payment_due) }}
            </p>
            {cancel_reason.map(|reason| view! {
                <p class="bo-order__reason" data-testid="cancel-reason">
                    {tr(|t| t.hoarding().reason_label)} " " {move || i18n.t().hoarding().reason(&reason)}
                </p>
            })}
            <p class="bo-order__customer">{order.customer_name.clone()}</p>
            {(!phone.is_empty()).then(|| view! {
                <p>
                    <a class="button button--secondary" href=tel>{tr_with(|t| t.bo().bo_call, phone.clone())}</a>
                </p>
                // The slip has no buttons: there, the number is written out.
                <p class="bo-order__phone">{tr(|t| t.phone_label)} " : " {phone.clone()}</p>
            })}
            <p>
                {match order.contact_preference {
                    ContactPreference::Call => tr(|t| t.bo().bo_may_call),
                    ContactPreference::NoCall => tr(|t| t.bo().bo_no_call),
                }}
            </p>
            {(!order.note.is_empty()).then(|| view! {
                <p class="bo-order__note">{tr(|t| t.bo().bo_customer_note)} " " {order.note.clone()}</p>
            })}
            <FulfilmentLine method=order.fulfilment.method date=order.fulfilment.date.clone() />
            {place.map(|place| view! { <p>{place}</p> })}
            <ul class="summary__lines">{lines}</ul>
            <p class="order-card__pay">
                {tr(|t| t.total)} " : " <strong>{shared::money::format_eur(order.total_cents)}</strong>
            </p>
            {editable.then(|| view! {
                <p>
                    <button type="button" class="button button--secondary" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|open| *open = !*open)>
                        {tr(|t| t.bo().bo_edit_order)}
                    </button>
                </p>
            })}
            {move || editing.get().then(|| view! { <super::order_lines::LinesEditor order=editor_order.clone() on_saved /> })}
            // Who sells (issue 15), on the printed slip only: the shop knows who it is.
            {order.seller.clone().map(|seller| view! {
                <div class="bo-order__seller">
                    <SellerIdentity shop_name=seller.shop_name legal=seller.legal card=format!("bon-{id}") />
                </div>
            })}
            <div class="bo-order__actions">
                <button type="button" class="button button--secondary" on:click=print>
                    {tr(|t| t.bo().bo_print)}
                </button>
                {next.map(|(to, label)| view! {
                    <button type="button" class="button" on:click=move |_| act(Change::To(to, None))>
                        {tr(label)}
                    </button>
                })}
                {(open && !paid).then(|| view! {
                    <div class="field bo-order__payment">
                        <label for=method_id.clone()>{tr(|t| t.bo().bo_payment_method)}</label>
                        <select
                            id=method_id.clone()
                            on:change=move |event| {
                                if let Some(chosen) = PaymentMethod::parse(&event_target_value(&event)) {
                                    method.set(chosen);
                                }
                            }
                        >
                            <option value="cash">{tr(|t| t.bo().bo_cash)}</option>
                            <option value="card">{tr(|t| t.bo().bo_card)}</option>
                            <option value="cheque">{tr(|t| t.bo().bo_cheque)}</option>
                        </select>
                        <button type="button" class="button button--secondary" on:click=move |_| act(Change::Paid(method.get_untracked()))>
                            {tr(|t| t.bo().bo_record_payment)}
                        </button>
                    </div>
                })}
                {open.then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| cancelling.update(|open| *open = !*open)>
                        {tr(|t| t.bo().bo_cancel)}
                    </button>
                })}
                {move || cancelling.get().then(|| view! {
                    <div class="field">
                        <label for=reason_id.clone()>{tr(|t| t.bo().bo_cancel_reason)}</label>
                        <input id=reason_id.clone() type="text" prop:value=move || reason.get() on:input=move |event| reason.set(event_target_value(&event)) />
                        <button type="button" class="button" on:click=move |_| act(Change::To(OrderStatus::Cancelled, Some(reason.get_untracked())))>
                            {tr(|t| t.bo().bo_cancel_confirm)}
                        </button>
                    </div>
                })}
            </div>
            <form class="field" on:submit=submit_note>
                <label for=note_id.clone()>{tr(|t| t.bo().bo_merchant_note)}</label>
                <textarea id=note_id rows="2" maxlength="1000" prop:value=move || note.get() on:input=move |event| note.set(event_target_value(&event))></textarea>
                <button type="submit" class="button button--secondary">{tr(|t| t.bo().bo_save_note)}</button>
            </form>
            <div role="status">
                {move || saved.get().then(|| view! { <p>{tr(|t| t.bo().bo_saved)}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
            <OrderHistory id known=history />
        </li>
    }
}

/// The order's history, oldest first, with who did what and when; loaded when opened,
/// since the inbox's list does not carry it.
#[component]
fn OrderHistory(id: i64, known: Option<Vec<OrderEvent>>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let history = RwSignal::new(known);
    let load = move |_| {
        if history.get_untracked().is_some() {
            return;
        }
        spawn_local(async move {
            if let Some(token) = session.access_token().await
                && let Ok(order) = api::get_order(&token, id).await
            {
                history.set(Some(order.history.unwrap_or_default()));
            }
        });
    };
    let line = move |event: OrderEvent| {
        let t = i18n.t();
        let when = js_sys::Date::new(&event.at.as_str().into())
            .to_locale_string(i18n.lang().code(), &wasm_bindgen::JsValue::UNDEFINED)
            .as_string()
            .unwrap_or(event.at.clone());
        let who = event
            .actor_name
            .clone()
            .or_else(|| {
                t.hoarding()
                    .actor(event.actor.as_deref())
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| t.bo().bo_history_customer.to_owned());
        let what = match event.kind {
            OrderEventKind::Placed => t.bo().bo_history_placed.to_owned(),
            OrderEventKind::Status => format!(
                "{} → {}",
                event.from.map(|s| t.status(s)).unwrap_or_default(),
                event.to.map(|s| t.status(s)).unwrap_or_default()
            ),
            OrderEventKind::Payment => t.bo().bo_history_paid.to_owned(),
            OrderEventKind::Note => t.bo().bo_history_note.to_owned(),
            // A round's tap: its note says what happened (issue 11).
            OrderEventKind::Delivery => t.bo().bo_history_delivery.to_owned(),
            // A withdrawal (issue 15): its note names the lines and the message.
            OrderEventKind::Withdrawal => t.legal().withdrawal_heading.to_owned(),
            // A change after the call: its note says what was agreed, then each change.
            OrderEventKind::LinesChanged => t.bo().bo_history_lines_changed.to_owned(),
        };
        // A payment's note is its method, said in words.
        let note = match PaymentMethod::parse(&event.note) {
            Some(method) if event.kind == OrderEventKind::Payment => {
                payment_method(t, method).to_owned()
            }
            _ if event.to == Some(OrderStatus::Cancelled) => t.hoarding().reason(&event.note),
            _ => event.note.clone(),
        };
        let note = (!note.is_empty()).then(|| format!(" ({note})"));
        format!("{when} — {who} : {what}{}", note.unwrap_or_default())
    };
    view! {
        <details class="bo-order__history" on:toggle=load>
            <summary>{tr(|t| t.bo().bo_history)}</summary>
            {move || match history.get() {
                None => view! { <p class="loading" role="status">{tr(|t| t.loading)}</p> }.into_any(),
                Some(events) => {
                    let items = events
                        .into_iter()
                        .map(|event| view! { <li>{move || line(event.clone())}</li> })
                        .collect_view();
                    view! { <ol data-testid="order-history">{items}</ol> }.into_any()
                }
            }}
        </details>
    }
}

/// A payment method, in words.
fn payment_method(t: &Strings, method: PaymentMethod) -> &'static str {
    match method {
        PaymentMethod::Cash => t.bo().bo_cash,
        PaymentMethod::Card => t.bo().bo_card,
        PaymentMethod::Cheque => t.bo().bo_cheque,
    }
}

/// A change to an order.
#[derive(Clone)]
enum Change {
    To(OrderStatus, Option<String>),
    Paid(PaymentMethod),
    Note(String),
}

//! The volunteer's round on their phone (issue 11, `/tournee`): the rounds they drive from
//! yesterday to tomorrow, each as its collection list (a big "Collecté" per shop) and its
//! drop list in stop order ("Livré" with the payment per shop, "Échec" with a reason).
//!
//! Signal drops in the villages, so every tap is first written to `localStorage` with its
//! own `Idempotency-Key`, then sent; one that gets no answer stays there and is sent again
//! when the browser says it is back online, every [`RETRY_MS`] meanwhile, and when the page
//! opens again. The server records a key once, so a tap sent twice counts once. The page
//! shows a tap as done at once and says how many are still waiting to be sent. The last
//! sheets read are kept too, so that a page opened again without signal (the app itself
//! from the browser's cache) still shows the round.
//!
//! Browser tests rely on `[data-testid="collect-shop"]` (`data-shop`),
//! `[data-testid="drop-stop"]` (`data-key`), `[data-testid="pending-taps"]` and the
//! buttons' words.

use std::{
    cell::Cell,
    rc::Rc,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use serde::{Deserialize, Serialize};
use shared::{
    auth::Role,
    money::format_eur,
    order::OrderStatus,
    rounds::{
        CollectionSheet, DeliveredTap, FailedTap, FailureReason, RoundSheets, Stop, StopState,
        TapPayment,
    },
    shop_orders::PaymentMethod,
};
use wasm_bindgen::{JsCast, closure::Closure};

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, Loaded, ProblemText},
    i18n::{tr, use_i18n},
    routes::Page,
    state::{
        session::{SessionState, use_session},
        storage,
    },
};

/// Where the taps not yet acknowledged wait.
const PENDING_KEY: &str = "vitrine.tournee.envois";
/// Where the last sheets read are kept, for a reload without signal.
const SHEETS_KEY: &str = "vitrine.tournee.feuilles";
/// How often waiting taps are tried again while the page is open.
const RETRY_MS: u64 = 15_000;

/// A tap kept until the server acknowledged it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PendingTap {
    /// Its `Idempotency-Key`, made when the volunteer tapped.
    key: String,
    /// The round.
    round: i64,
    /// The shop's slug (collected) or the stop's key.
    target: String,
    /// What was tapped.
    tap: Tap,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Tap {
    Collected,
    Delivered(DeliveredTap),
    Failed(FailedTap),
}

/// The taps waiting, shared by the page's parts.
#[derive(Clone, Copy)]
struct Outbox {
    pending: RwSignal<Vec<PendingTap>>,
    /// Taps the server refused (it will never take them): what to tell the volunteer.
    refused: RwSignal<Vec<ApiError>>,
    /// Bumped when taps were acknowledged: the sheets are read again.
    acknowledged: RwSignal<u32>,
    sending: StoredValue<Rc<Cell<bool>>, LocalStorage>,
    session: SessionState,
}

impl Outbox {
    fn new() -> Outbox {
        let pending = storage::load(PENDING_KEY)
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        Outbox {
            pending: RwSignal::new(pending),
            refused: RwSignal::new(Vec::new()),
            acknowledged: RwSignal::new(0),
            sending: StoredValue::new_local(Rc::default()),
            session: use_session(),
        }
    }

    fn save(self) {
        let json = self
            .pending
            .with_untracked(|pending| serde_json::to_string(pending).ok());
        storage::save(PENDING_KEY, json.as_deref());
    }

    /// Keeps the tap (first, so a closed tab loses nothing), then tries to send.
    fn tap(self, round: i64, target: String, tap: Tap) {
        let tap = PendingTap {
            key: crate::pages::new_key(),
            round,
            target,
            tap,
        };
        self.pending.update(|pending| pending.push(tap));
        self.save();
        self.flush();
    }

    /// Sends the waiting taps in the order they were made, one at a time; stops at the first
    /// that gets no answer (offline) and leaves it and the rest for later.
    fn flush(self) {
        let sending = self.sending.get_value();
        if sending.replace(true) {
            return;
        }
        let session = self.session;
        spawn_local(async move {
            let mut sent = false;
            while let Some(next) = self
                .pending
                .with_untracked(|pending| pending.first().cloned())
            {
                let Some(token) = session.access_token().await else {
                    break;
                };
                let result = match &next.tap {
                    Tap::Collected => {
                        api::tap_collected(&token, next.round, &next.target, &next.key).await
                    }
                    Tap::Delivered(body) => {
                        api::tap_delivered(&token, next.round, &next.target, body, &next.key).await
                    }
                    Tap::Failed(body) => {
                        api::tap_failed(&token, next.round, &next.target, body, &next.key).await
                    }
                };
                match result {
                    Ok(()) => sent = true,
                    // No answer: the signal is gone; try again later.
                    Err(ApiError::Network(_)) => break,
                    // An answer that refuses it will refuse it again: say so, drop it.
                    Err(error) => {
                        sent = true;
                        self.refused.update(|refused| refused.push(error));
                    }
                }
                self.pending
                    .update(|pending| pending.retain(|tap| tap.key != next.key));
                self.save();
            }
            sending.set(false);
            if sent {
                self.acknowledged.update(|count| *count += 1);
            }
        });
    }

    /// Whether a tap on this target is waiting.
    fn waiting(self, round: i64, target: &str) -> Option<Tap> {
        self.pending.with(|pending| {
            pending
                .iter()
                .find(|tap| tap.round == round && tap.target == target)
                .map(|tap| tap.tap.clone())
        })
    }
}

/// `/tournee`: the volunteer's rounds.
#[component]
pub fn MyRoundPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let outbox = Outbox::new();
    provide_context(outbox);
    let offline = RwSignal::new(false);
    let resource = LocalResource::new(move || {
        outbox.acknowledged.track();
        async move {
            let Some(token) = session.access_token().await else {
                // Offline with an expired token: the sheets kept last time.
                return Ok(stored_sheets().map(Some));
            };
            match load_sheets(&token).await {
                Ok(sheets) => {
                    offline.set(false);
                    let json = serde_json::to_string(&sheets).ok();
                    storage::save(SHEETS_KEY, json.as_deref());
                    Ok(Some(Some(sheets)))
                }
                Err(ApiError::Network(reason)) => match stored_sheets() {
                    Some(sheets) => {
                        offline.set(true);
                        Ok(Some(Some(sheets)))
                    }
                    None => Err(ApiError::Network(reason)),
                },
                Err(error) => Err(error),
            }
        }
    });
    // Back online: send what waits. Meanwhile, try every RETRY_MS. The listeners live as
    // long as the tab (they are small); once the page is left they do nothing.
    let alive = Arc::new(AtomicBool::new(true));
    let listen = |event: &str, act: fn(Outbox, RwSignal<bool>)| {
        let alive = alive.clone();
        let listener = Closure::<dyn Fn()>::new(move || {
            if alive.load(Ordering::Relaxed) {
                act(outbox, offline);
            }
        });
        let _ = window().add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        listener.forget();
    };
    listen("online", |outbox, offline| {
        offline.set(false);
        outbox.flush();
    });
    listen("offline", |_, offline| offline.set(true));
    let retry = set_interval_with_handle(
        move || {
            if outbox.pending.with_untracked(|pending| !pending.is_empty()) {
                outbox.flush();
            }
        },
        std::time::Duration::from_millis(RETRY_MS),
    )
    .ok();
    on_cleanup(move || {
        alive.store(false, Ordering::Relaxed);
        if let Some(retry) = retry {
            retry.clear();
        }
    });
    outbox.flush();

    let title = Signal::derive(move || i18n.t().rounds().my_heading.to_owned());
    let is_volunteer = move || {
        session
            .user()
            .is_some_and(|user| matches!(user.role, Role::Volunteer | Role::Admin))
    };
    let loaded = move |sheets: Option<Option<Vec<RoundSheets>>>| {
        match sheets {
        None => view! {
            <p>{tr(|t| t.rounds().my_login)}</p>
            <p><a class="button" href=Page::Login(Some(Page::MyRound.href())).href()>{tr(|t| t.login_link)}</a></p>
        }
        .into_any(),
        Some(None) => view! { <p>{tr(|t| t.rounds().my_login)}</p> }.into_any(),
        Some(Some(rounds)) if rounds.is_empty() => {
            view! { <p>{tr(|t| t.rounds().my_none)}</p> }.into_any()
        }
        Some(Some(rounds)) => rounds
            .into_iter()
            .map(|sheets| view! { <RoundView sheets /> })
            .collect_view()
            .into_any(),
    }
    };
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow my-round">
            <h1>{tr(|t| t.rounds().my_heading)}</h1>
            {move || (!is_volunteer() && session.user().is_some()).then(|| view! { <p>{tr(|t| t.rounds().my_only)}</p> })}
            <div role="alert">
                {move || outbox.refused.get().into_iter().map(|error| view! { <ProblemText error conflict=|t| t.rounds().tap_conflict /> }).collect_view()}
            </div>
            <Loaded resource loaded />
            // Last, and kept in sight at the bottom of the screen while the list scrolls.
            <div role="status" class="my-round__status" data-testid="pending-taps">
                {move || {
                    let count = outbox.pending.with(Vec::len);
                    let t = i18n.t().rounds();
                    if count == 0 { t.all_sent.to_owned() } else { (t.waiting)(count) }
                }}
                {move || offline.get().then(|| view! { " " {tr(|t| t.rounds().offline)} })}
            </div>
        </div>
    }
}

/// The sheets of every round the volunteer drives from yesterday to tomorrow.
async fn load_sheets(token: &str) -> Result<Vec<RoundSheets>, ApiError> {
    let rounds = api::rounds(token, None).await?.rounds;
    let mut all = Vec::new();
    for id in rounds.into_iter().filter_map(|round| round.id) {
        if let Some(sheets) = api::round_sheets(token, id).await? {
            all.push(sheets);
        }
    }
    Ok(all)
}

fn stored_sheets() -> Option<Vec<RoundSheets>> {
    serde_json::from_str(&storage::load(SHEETS_KEY)?).ok()
}

/// One round: the shops to collect from, then the stops.
#[component]
fn RoundView(sheets: RoundSheets) -> impl IntoView {
    let i18n = use_i18n();
    let id = sheets.round_id;
    let heading = format!(
        "{} — {}",
        sheets.name,
        (i18n.t().rounds().date)(&sheets.date)
    );
    let shops = sheets
        .collection
        .into_iter()
        .map(|sheet| view! { <CollectCard round=id sheet /> })
        .collect_view();
    let communes = sheets
        .drop
        .into_iter()
        .map(|commune| {
            let stops = commune
                .stops
                .into_iter()
                .map(|stop| view! { <StopCard round=id stop /> })
                .collect_view();
            view! {
                <h4 class="my-round__commune">{commune.commune}</h4>
                <ol class="my-round__list">{stops}</ol>
            }
        })
        .collect_view();
    view! {
        <section class="my-round__round" aria-labelledby=format!("round-{id}")>
            <h2 id=format!("round-{id}")>{heading}</h2>
            <h3>{tr(|t| t.rounds().collect_heading)}</h3>
            <ul class="my-round__list">{shops}</ul>
            <h3>{tr(|t| t.rounds().drop_heading)}</h3>
            {communes}
        </section>
    }
}

/// One shop to collect from.
#[component]
fn CollectCard(round: i64, sheet: CollectionSheet) -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let i18n = use_i18n();
    let slug = sheet.shop.slug.clone();
    let done_on_server = sheet.collected;
    let done = {
        let slug = slug.clone();
        move || done_on_server || outbox.waiting(round, &slug).is_some()
    };
    let collect = {
        let slug = slug.clone();
        move |_| outbox.tap(round, slug.clone(), Tap::Collected)
    };
    let slug_for_mark = slug.clone();
    let orders = sheet
        .orders
        .into_iter()
        .map(|order| {
            let t = i18n.t().rounds();
            let bags = order
                .bags
                .map(|bags| (t.bags)(bags))
                .unwrap_or_else(|| t.bags_unknown.to_owned());
            view! {
                <li>
                    <strong>{order.number}</strong> " · " {order.customer_initials} " · " {bags}
                    {order.keep_cold.then(|| view! { " " <span class="flag flag--cold">{tr(|t| t.rounds().keep_cold)}</span> })}
                    {order.unconfirmed.then(|| view! { " " <span class="flag">{tr(|t| t.rounds().unconfirmed_short)}</span> })}
                </li>
            }
        })
        .collect_view();
    let tel = format!("tel:{}", sheet.phone.replace(' ', ""));
    view! {
        <li class="my-round__card" data-testid="collect-shop" data-shop=slug.clone()>
            <h4>{sheet.shop.name.clone()}</h4>
            <p>{format!("{}, {}", sheet.address, sheet.commune)}</p>
            <p><a class="my-round__tel" href=tel>{tr(|t| t.rounds().call)} " " {sheet.phone.clone()}</a></p>
            <p>{move || (i18n.t().rounds().ready_at)(&sheet.ready_by)} " · " {move || (i18n.t().rounds().bags_total)(sheet.bags)}</p>
            <ul>{orders}</ul>
            {move || {
                if done() {
                    view! {
                        <p class="my-round__done">"✓ " {tr(|t| t.rounds().collected_done)} <WaitingMark round target=slug_for_mark.clone() /></p>
                    }
                    .into_any()
                } else {
                    let name = sheet.shop.name.clone();
                    view! {
                        <button type="button" class="button my-round__big" on:click=collect.clone()
                            aria-label=move || (use_i18n().t().rounds().collect_label)(&name)>
                            {tr(|t| t.rounds().collect)}
                        </button>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}

/// "(en attente d'envoi)" beside a tap the server has not acknowledged yet.
#[component]
fn WaitingMark(round: i64, target: String) -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    move || {
        outbox
            .waiting(round, &target)
            .is_some()
            .then(|| view! { <span class="my-round__waiting">{tr(|t| t.rounds().not_sent)}</span> })
    }
}

/// Which form of a stop is open.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    None,
    Delivered,
    Failed,
}

/// One stop: where, who, what to hand over and collect, and its two actions.
#[component]
fn StopCard(round: i64, stop: Stop) -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let i18n = use_i18n();
    let key = stop.key.clone();
    let open = RwSignal::new(Open::None);
    let server_state = stop.state;
    let state = {
        let key = key.clone();
        move || match outbox.waiting(round, &key) {
            Some(Tap::Delivered(_)) => StopState::Delivered,
            Some(Tap::Failed(_)) => StopState::Failed,
            _ => server_state,
        }
    };
    let orders = stop
        .orders
        .iter()
        .map(|order| {
            let t = i18n.t();
            let means = order
                .payment_means
                .iter()
                .map(|means| t.payment(*means))
                .collect::<Vec<_>>()
                .join(", ");
            let bags = order
                .bags
                .map(|bags| (t.rounds().bags)(bags))
                .unwrap_or_else(|| t.rounds().bags_unknown.to_owned());
            let amount = if order.amount_due_cents > 0 {
                format!("{} {}", t.rounds().to_collect, format_eur(order.amount_due_cents))
            } else {
                t.rounds().already_paid.to_owned()
            };
            view! {
                <li>
                    <strong>{order.shop.name.clone()}</strong> " · " {bags}
                    <br />
                    <span class="my-round__amount">{amount}</span>
                    {(order.amount_due_cents > 0).then(|| format!(" ({means})"))}
                    {(!order.note.is_empty()).then(|| view! { <br /> <em>{format!("« {} »", order.note)}</em> })}
                </li>
            }
        })
        .collect_view();
    let tel = format!("tel:{}", stop.customer_phone.replace(' ', ""));
    // The server refuses "Livré" while a shop has not confirmed its order: said before the tap.
    let unconfirmed: Vec<String> = stop
        .orders
        .iter()
        .filter(|order| order.status == OrderStatus::Placed && order.state == StopState::Pending)
        .map(|order| order.shop.name.clone())
        .collect();
    let warning = (!unconfirmed.is_empty()).then(|| {
        let shops = unconfirmed.join(", ");
        view! {
            <p class="my-round__warning" data-testid="stop-unconfirmed">
                "⚠ " {move || (use_i18n().t().rounds().not_confirmed_warning)(&shops)}
            </p>
        }
    });
    let stop_for_forms = stop.clone();
    let key_for_mark = key.clone();
    view! {
        <li class="my-round__card" data-testid="drop-stop" data-key=key.clone()>
            <h5 class="my-round__stop">{format!("{}. {}", stop.sequence, stop.street)}</h5>
            <p>{format!("{} {}", stop.postcode, stop.commune)}</p>
            {stop.access_note.clone().map(|note| view! { <p class="my-round__access">{note}</p> })}
            <p>
                {stop.customer_name.clone()} " · "
                <a class="my-round__tel" href=tel>{tr(|t| t.rounds().call)} " " {stop.customer_phone.clone()}</a>
            </p>
            <ul>{orders}</ul>
            {move || match state() {
                StopState::Delivered => view! {
                    <p class="my-round__done">"✓ " {tr(|t| t.rounds().delivered_done)} <WaitingMark round target=key_for_mark.clone() /></p>
                }.into_any(),
                StopState::Failed => view! {
                    <p class="my-round__done my-round__done--failed">"✗ " {tr(|t| t.rounds().failed_done)} <WaitingMark round target=key_for_mark.clone() /></p>
                }.into_any(),
                StopState::Pending => {
                    let stop = stop_for_forms.clone();
                    view! {
                        {warning.clone()}
                        <div class="my-round__actions">
                            <button type="button" class="button my-round__big" aria-expanded=move || (open.get() == Open::Delivered).to_string()
                                on:click=move |_| open.set(if open.get_untracked() == Open::Delivered { Open::None } else { Open::Delivered })>
                                {tr(|t| t.rounds().deliver)}
                            </button>
                            <button type="button" class="button button--secondary my-round__big" aria-expanded=move || (open.get() == Open::Failed).to_string()
                                on:click=move |_| open.set(if open.get_untracked() == Open::Failed { Open::None } else { Open::Failed })>
                                {tr(|t| t.rounds().fail)}
                            </button>
                        </div>
                        {move || match open.get() {
                            Open::Delivered => view! { <DeliveredForm round stop=stop.clone() /> }.into_any(),
                            Open::Failed => view! { <FailedForm round stop_key=stop.key.clone() /> }.into_any(),
                            Open::None => ().into_any(),
                        }}
                    }
                    .into_any()
                }
            }}
        </li>
    }
}

/// "Livré": how each shop still due was paid.
#[component]
fn DeliveredForm(round: i64, stop: Stop) -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let i18n = use_i18n();
    let due: Vec<_> = stop
        .orders
        .iter()
        .filter(|order| order.amount_due_cents > 0)
        .cloned()
        .collect();
    let chosen: Vec<(i64, RwSignal<Option<PaymentMethod>>)> = due
        .iter()
        .map(|order| {
            // One means only: nothing to choose.
            let only = (order.payment_means.len() == 1).then(|| order.payment_means[0]);
            (order.order_id, RwSignal::new(only))
        })
        .collect();
    let missing = RwSignal::new(false);
    let groups = due
        .iter()
        .zip(chosen.iter())
        .map(|(order, (_, method))| {
            let method = *method;
            let name = format!("pay-{}-{}", stop.key, order.order_id);
            let legend = format!(
                "{} : {} {}",
                order.shop.name,
                i18n.t().rounds().to_collect,
                format_eur(order.amount_due_cents)
            );
            let radios = order
                .payment_means
                .iter()
                .map(|means| {
                    let means = *means;
                    let id = format!("{name}-{}", means.as_str());
                    view! {
                        <div class="check">
                            <input type="radio" id=id.clone() name=name.clone() value=means.as_str()
                                prop:checked=move || method.get() == Some(means)
                                on:change=move |_| method.set(Some(means)) />
                            <label for=id>{move || use_i18n().t().payment(means)}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>{legend}</legend>
                    {radios}
                </fieldset>
            }
        })
        .collect_view();
    let key = stop.key.clone();
    let confirm = move |event: SubmitEvent| {
        event.prevent_default();
        let mut payments = Vec::new();
        for (order_id, method) in &chosen {
            match method.get_untracked() {
                Some(method) => payments.push(TapPayment {
                    order_id: *order_id,
                    method,
                }),
                None => {
                    missing.set(true);
                    return;
                }
            }
        }
        outbox.tap(
            round,
            key.clone(),
            Tap::Delivered(DeliveredTap { payments }),
        );
    };
    view! {
        <form class="my-round__form" on:submit=confirm>
            {groups}
            {move || missing.get().then(|| view! { <p class="field-error" role="alert">{tr(|t| t.rounds().choose_payment)}</p> })}
            <button type="submit" class="button my-round__big">{tr(|t| t.rounds().confirm_delivered)}</button>
        </form>
    }
}

/// "Échec": why, and a word for the shop.
#[component]
fn FailedForm(round: i64, stop_key: String) -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let reason = RwSignal::new(FailureReason::NobodyHome);
    let note = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let reasons = [
        FailureReason::NobodyHome,
        FailureReason::Refused,
        FailureReason::WrongAddress,
        FailureReason::Other,
    ]
    .into_iter()
    .map(|choice| {
        let id = format!("fail-{stop_key}-{}", choice.as_str());
        view! {
            <div class="check">
                <input type="radio" id=id.clone() name=format!("fail-{stop_key}") value=choice.as_str()
                    prop:checked=move || reason.get() == choice
                    on:change=move |_| reason.set(choice) />
                <label for=id>{move || use_i18n().t().rounds().reason(choice)}</label>
            </div>
        }
    })
    .collect_view();
    let note_id = format!("fail-note-{stop_key}");
    let confirm = move |event: SubmitEvent| {
        event.prevent_default();
        let text = note.get_untracked().trim().to_owned();
        let why = reason.get_untracked();
        if why == FailureReason::Other && text.is_empty() {
            missing.set(true);
            return;
        }
        let tap = FailedTap {
            reason: why,
            note: (!text.is_empty()).then_some(text),
        };
        outbox.tap(round, stop_key.clone(), Tap::Failed(tap));
    };
    view! {
        <form class="my-round__form" on:submit=confirm>
            <fieldset>
                <legend>{tr(|t| t.rounds().reason_legend)}</legend>
                {reasons}
            </fieldset>
            <div class="field">
                <label for=note_id.clone()>{tr(|t| t.rounds().note_label)}</label>
                <textarea id=note_id maxlength="300" rows="2" prop:value=note
                    on:input=move |event| note.set(event_target_value(&event))></textarea>
            </div>
            {move || missing.get().then(|| view! { <p class="field-error" role="alert">{tr(|t| t.rounds().note_needed)}</p> })}
            <button type="submit" class="button my-round__big">{tr(|t| t.rounds().confirm_failed)}</button>
        </form>
    }
}

//! The demo's deliveries: a few orders for home delivery on the next delivery dates, placed
//! through the checkout's own rules (prices, dates and zone from the database), most of them
//! confirmed and packed by their shop, and a round per date driven by the demo volunteer, so
//! that `just run` shows the rounds, their sheets and the volunteer's phone view.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use shared::cart::FulfilmentMethod;
use shared::order::{Address, ContactPreference, OrderStatus};
use shared::shop_orders::OrderChannel;

use crate::db::DbConn;
use crate::db::models::order::{self, CUSTOMER_ACTOR, Origin, ValidCheckout};
use crate::db::models::{cart, rounds};
use crate::db::schema::{cart_items, orders, product_variants, products};
use crate::domain::phone::FrenchPhone;

/// One demo customer's delivery: name, phone, street, commune, access note, whether the
/// demo customer's account placed it, which of the merchant's two shops (0 food, 1 non-food)
/// it buys from, and whether the shops confirmed it (one is left unconfirmed, to be seen
/// flagged on the round).
struct DemoDelivery {
    name: &'static str,
    phone: &'static str,
    street: &'static str,
    commune: &'static str,
    access_note: Option<&'static str>,
    own_account: bool,
    shops: &'static [usize],
    confirmed: bool,
}

const DELIVERIES: [DemoDelivery; 4] = [
    DemoDelivery {
        name: "Jeanne Martin",
        phone: "06 12 34 56 78",
        street: "12 rue Jacques d'Uzès",
        commune: "Uzès",
        access_note: Some("code porte 1234, 2e étage"),
        own_account: true,
        shops: &[0, 1],
        confirmed: true,
    },
    DemoDelivery {
        name: "Louise Roux",
        phone: "04 66 03 12 45",
        street: "3 place de l'Église",
        commune: "Saint-Quentin-la-Poterie",
        access_note: None,
        own_account: false,
        shops: &[0],
        confirmed: true,
    },
    DemoDelivery {
        name: "Paul Chabert",
        phone: "06 45 78 12 90",
        street: "8 chemin des Oliviers",
        commune: "Montaren-et-Saint-Médiers",
        access_note: Some("sonner deux fois"),
        own_account: false,
        shops: &[0],
        confirmed: false,
    },
    DemoDelivery {
        name: "Marc Teissier",
        phone: "06 98 76 54 32",
        street: "5 boulevard Gambetta",
        commune: "Uzès",
        access_note: None,
        own_account: false,
        shops: &[1],
        confirmed: true,
    },
];

/// Places the demo deliveries for `shop_ids` (the merchant's food and non-food shops), the
/// demo customer's being `customer_id`'s, and puts each delivery date's stops in a round
/// driven by `volunteer_id`. Call inside the demo's transaction.
pub fn seed(
    conn: &mut DbConn,
    shop_ids: &[i64],
    customer_id: i64,
    volunteer_id: i64,
    merchant_actor: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let naive = now.naive_utc();
    let mut dates: Vec<String> = Vec::new();
    for (index, delivery) in DELIVERIES.iter().enumerate() {
        let cart_id = format!("demo-delivery-{index}");
        cart::create(conn, &cart_id, naive)?;
        for shop in delivery.shops {
            let Some(shop_id) = shop_ids.get(*shop) else {
                continue;
            };
            // Each customer buys a different article of the shop.
            let (product_id, variant_id): (i64, i64) = product_variants::table
                .inner_join(products::table)
                .filter(products::shop_id.eq(shop_id))
                .filter(products::status.eq("active"))
                .filter(product_variants::active.eq(true))
                .filter(
                    product_variants::stock
                        .is_null()
                        .or(product_variants::stock.gt(5)),
                )
                .order((products::id.asc(), product_variants::id.asc()))
                .offset(i64::try_from(index)?)
                .select((products::id, product_variants::id))
                .first(conn)?;
            cart::add_item(conn, &cart_id, product_id, Some(variant_id), 1, naive).map_err(
                |e| anyhow::anyhow!("adding product {product_id} to a demo basket: {e:?}"),
            )?;
        }
        let lines = cart::lines(conn, &cart_id)?;
        let request = ValidCheckout {
            name: delivery.name.to_owned(),
            phone: FrenchPhone::parse(delivery.phone).map_err(anyhow::Error::msg)?,
            email: None,
            method: FulfilmentMethod::Delivery,
            address: Some(Address {
                street: delivery.street.to_owned(),
                postcode: "30700".to_owned(),
                commune: delivery.commune.to_owned(),
                access_note: delivery.access_note.map(str::to_owned),
            }),
            per_shop: Vec::new(),
            contact: ContactPreference::Call,
            expected_total_cents: None,
        };
        let origin = Origin {
            cart_id: &cart_id,
            user_id: delivery.own_account.then_some(customer_id),
            channel: OrderChannel::Web,
            actor: CUSTOMER_ACTOR,
            client_address: None,
        };
        let ids = order::place(conn, &lines, &request, &origin, now).map_err(|e| {
            anyhow::anyhow!("placing the demo delivery of {}: {e:?}", delivery.name)
        })?;
        diesel::delete(cart_items::table.filter(cart_items::cart_id.eq(&cart_id))).execute(conn)?;
        for id in ids {
            if delivery.confirmed {
                for to in [OrderStatus::Confirmed, OrderStatus::Ready] {
                    order::transition(conn, id, to, merchant_actor, "", naive)
                        .map_err(|e| anyhow::anyhow!("moving demo order {id}: {e:?}"))?;
                }
                order::set_bags(conn, id, 1)?;
            }
            let date: String = orders::table
                .find(id)
                .select(orders::fulfilment_date)
                .first(conn)?;
            if !dates.contains(&date) {
                dates.push(date);
            }
        }
    }
    // A date's first round takes all its deliveries.
    for date in dates {
        let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d")?;
        let id = rounds::create_round(
            conn,
            day,
            "Uzès et villages",
            rounds::DEFAULT_READY_BY,
            naive,
        )?;
        rounds::set_volunteers(conn, id, &[volunteer_id])
            .map_err(|e| anyhow::anyhow!("staffing the demo round: {e:?}"))?;
    }
    Ok(())
}

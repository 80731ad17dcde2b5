//! The delivery zone and days: the commune search in the official list, adding and removing
//! communes of the zone, the delivery weekdays, closed days and the minimum basket, their
//! effect on baskets and checkouts (never on orders placed), and who may change them.

use chrono::{NaiveDate, Utc};
use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::auth::Session;
use shared::cart::{Cart, FulfilmentMethod};
use shared::catalogue::ShopKind;
use shared::delivery::{CommuneMatch, DeliverySettings, FreeDelivery};
use shared::order::{CheckoutResult, Commune, Order};
use shared::shop_admin::{NewApiKey, ShopProfile};
use vitrine::domain::delivery::DeliveryRules;

use crate::helpers::{Reply, TestApp};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const GROCER: &str = "epicerie-du-duche";
/// Saint-Quentin-la-Poterie, next to Uzès, in the demo's zone.
const SAINT_QUENTIN: &str = "30295";
/// Saint-Quentin-de-Baron (Gironde), far from the demo's zone.
const BARON: &str = "33466";
const UZES: &str = "30334";

fn delivery_body() -> Value {
    json!({
        "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
        "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "3 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès"}},
        "contact_preference": "call"
    })
}

impl TestApp {
    /// Sends a request to `/api/v1{path}` with an optional bearer token and JSON body.
    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Reply {
        let mut request = self
            .client
            .request(method, self.url(&format!("/api/v1{path}")));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body.to_string());
        }
        TestApp::read_response(request.send().await.expect("request")).await
    }

    async fn token_of(&self, email: &str) -> String {
        let reply = self.login(email, PASSWORD).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json::<Session>().access_token
    }

    async fn admin_token(&self) -> String {
        self.token_of("admin@vitrine.demo").await
    }

    async fn zone(&self) -> Vec<Commune> {
        let reply = self.get("/api/v1/communes?per_page=100").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json::<Page<Commune>>().items
    }

    async fn delivery_rules(&self) -> DeliverySettings {
        let reply = self.get("/api/v1/delivery").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    async fn set_delivery(&self, token: &str, change: Value) -> DeliverySettings {
        let reply = self
            .call(Method::PATCH, "/admin/delivery", Some(token), Some(&change))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    async fn search(&self, token: &str, q: &str) -> Page<CommuneMatch> {
        let path = format!("/admin/communes/search?q={}", urlencode(q));
        let reply = self.call(Method::GET, &path, Some(token), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// A basket with `quantity` units of a product of `shop`; its id and unit price.
    async fn basket_from_shop(&self, shop: &str, quantity: i64) -> (String, i64) {
        let product = self.product_in(shop, 10).await;
        let cart = self.create_cart().await.id;
        let reply = self.add_to_cart(&cart, product.id, quantity).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        (cart, product.price_cents)
    }

    /// The delivery date the basket offers for its only shop, if any.
    async fn offered_delivery(&self, cart: &str) -> Option<String> {
        let cart: Cart = self.get_cart(cart).await;
        cart.groups[0]
            .fulfilment_options
            .iter()
            .find(|option| option.method == FulfilmentMethod::Delivery)
            .map(|option| option.date.clone())
    }
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The first food delivery date for an order placed now under these rules.
fn food_date(rules: &DeliveryRules) -> String {
    let days = rules.days(ShopKind::Food, true, false);
    rules
        .delivery_date(&days, &[], Utc::now())
        .expect("a delivery date")
        .to_string()
}

on_both_backends! {
    async fn a_search_finds_saint_quentin_la_poterie_with_its_postcode_and_departement(app) {
        let admin = app.admin_token().await;
        let page = app.search(&admin, "saint quentin").await;
        let found = page.items.iter().find(|c| c.insee == SAINT_QUENTIN).expect("Saint-Quentin-la-Poterie");
        assert_eq!(found.name, "Saint-Quentin-la-Poterie");
        assert_eq!(found.postcodes, ["30700"]);
        assert_eq!(found.departement, "30");
        assert!(found.in_zone, "the demo delivers there");
        let baron = page.items.iter().find(|c| c.insee == BARON).expect("Saint-Quentin-de-Baron");
        assert_eq!((baron.postcodes.as_slice(), baron.departement.as_str(), baron.in_zone), (&["33750".to_owned()][..], "33", false));
        assert!(page.items.len() > 5, "the other Saint-Quentins too");
        assert!(page.total >= page.items.len() as u64);
        assert!(page.items.iter().all(|c| c.name.contains("Quentin")), "{:?}", page.items);

        // By postcode, with accents and capitals, and narrowed by the département.
        let by_postcode = app.search(&admin, "30700").await;
        let uzes = by_postcode.items.iter().find(|c| c.insee == UZES).expect("Uzès");
        assert!(uzes.in_zone, "the demo delivers to Uzès");
        assert_eq!(app.search(&admin, "ST-QUENTIN 30").await.items.iter().map(|c| c.insee.as_str()).collect::<Vec<_>>(), [SAINT_QUENTIN]);
        assert_eq!(app.search(&admin, "saint").await.items.len(), 20, "bounded by default");

        for bad in ["", "q=", "q=saint&limit=0", "q=saint&limit=51", "q=saint&per_page=2"] {
            let path = format!("/admin/communes/search?{bad}");
            let reply = app.call(Method::GET, &path, Some(&admin), None).await;
            assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        }
        // Nothing to look for in it: well-formed, refused (422).
        for q in ["%20-", "%3C"] {
            let reply = app.call(Method::GET, &format!("/admin/communes/search?q={q}"), Some(&admin), None).await;
            assert_eq!(reply.refused_fields(), ["q"], "{q}");
        }
        let long = "a".repeat(101);
        let reply = app.call(Method::GET, &format!("/admin/communes/search?q={long}"), Some(&admin), None).await;
        assert_eq!(reply.invalid_fields(), ["q"]);
    }

    async fn an_added_commune_is_in_the_public_zone_and_a_removed_one_is_not(app) {
        let admin = app.admin_token().await;
        assert!(!app.zone().await.iter().any(|c| c.insee == BARON));

        let reply = app.call(Method::POST, "/admin/communes", Some(&admin), Some(&json!({"insee": BARON}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let added: Commune = reply.json();
        assert_eq!((added.name.as_str(), added.postcode.as_str()), ("Saint-Quentin-de-Baron", "33750"));
        assert!(app.zone().await.contains(&added));
        assert!(app.search(&admin, "saint quentin baron").await.items[0].in_zone);

        // The commune is in the zone: a shopper living there may have their order delivered.
        let (cart, _) = app.basket_from_shop(GROCER, 1).await;
        let mut body = delivery_body();
        body["fulfilment"]["address"] = json!({"street": "1 place de l'Église", "postcode": "33750", "commune": "Saint-Quentin-de-Baron"});
        let reply = app.checkout(&cart, &body, None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);

        let again = app.call(Method::POST, "/admin/communes", Some(&admin), Some(&json!({"insee": BARON, "postcode": "33750"}))).await;
        let problem = again.problem(409, "conflict");
        assert!(problem.detail.contains("Saint-Quentin-de-Baron"), "{}", problem.detail);

        let reply = app.call(Method::DELETE, &format!("/admin/communes/{BARON}"), Some(&admin), None).await;
        assert_eq!(reply.status, 204, "{}", reply.body);
        assert!(!app.zone().await.iter().any(|c| c.insee == BARON));
        app.call(Method::DELETE, &format!("/admin/communes/{BARON}"), Some(&admin), None).await.problem(404, "not_found");

        // Out of the zone again: delivery there is refused, the basket kept.
        let (cart, _) = app.basket_from_shop(GROCER, 1).await;
        let problem = app.checkout(&cart, &body, None).await.problem(422, "validation_failed");
        assert_eq!(problem.errors[0].field, "fulfilment.address.commune");
        assert_eq!(app.get_cart(&cart).await.item_count, 1);
    }

    async fn bad_communes_are_refused_and_change_nothing(app) {
        let admin = app.admin_token().await;
        let before = app.zone().await;
        let cases = [
            (json!({"insee": "99999"}), "insee"),
            (json!({"insee": "13055"}), "postcode"),             // Marseille: several postcodes
            (json!({"insee": "13055", "postcode": "30700"}), "postcode"),
            (json!({"insee": SAINT_QUENTIN, "postcode": "30701"}), "postcode"),
        ];
        for (body, field) in cases {
            let reply = app.call(Method::POST, "/admin/communes", Some(&admin), Some(&body)).await;
            assert_eq!(reply.refused_fields(), [field], "{body}");
        }
        let reply = app.call(Method::POST, "/admin/communes", Some(&admin), Some(&json!({"insee": SAINT_QUENTIN, "name": "x"}))).await;
        reply.problem(400, "malformed_body");
        assert_eq!(app.zone().await, before);

        let reply = app.call(Method::POST, "/admin/communes", Some(&admin), Some(&json!({"insee": "13055", "postcode": "13002"}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(reply.json::<Commune>().postcode, "13002");
    }

    async fn the_removed_home_commune_is_refused_at_checkout(app) {
        let admin = app.admin_token().await;
        let (cart, _) = app.basket_from_shop(GROCER, 1).await;
        let reply = app.call(Method::DELETE, &format!("/admin/communes/{UZES}"), Some(&admin), None).await;
        assert_eq!(reply.status, 204, "{}", reply.body);
        let problem = app.checkout(&cart, &delivery_body(), None).await.problem(422, "validation_failed");
        assert_eq!(problem.errors[0].field, "fulfilment.address.commune");

        let reply = app.call(Method::POST, "/admin/communes", Some(&admin), Some(&json!({"insee": UZES}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let reply = app.checkout(&cart, &delivery_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }

    async fn a_changed_delivery_day_moves_the_dates_offered_but_not_an_order_placed(app) {
        let admin = app.admin_token().await;
        let (placed_cart, _) = app.basket_from_shop(GROCER, 1).await;
        let reply = app.checkout(&placed_cart, &delivery_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let order = reply.json::<CheckoutResult>().orders.remove(0);
        assert_eq!(order.fulfilment.date, food_date(&DeliveryRules::default()));

        let (cart, _) = app.basket_from_shop(GROCER, 1).await;
        let wednesday_and_saturday = DeliveryRules { food: vec![3, 6], ..DeliveryRules::default() };
        assert_ne!(food_date(&wednesday_and_saturday), food_date(&DeliveryRules::default()));
        let settings = app.set_delivery(&admin, json!({"food_days": [6, 3]})).await;
        assert_eq!(settings.food_days, [3, 6]);
        assert_eq!(settings.non_food_days, [4], "left out, kept");
        assert_eq!(app.delivery_rules().await, settings, "the public rules follow");
        assert_eq!(app.offered_delivery(&cart).await, Some(food_date(&wednesday_and_saturday)));
        let reply = app.checkout(&cart, &delivery_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(reply.json::<CheckoutResult>().orders[0].fulfilment.date, food_date(&wednesday_and_saturday));

        let tracked: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
        assert_eq!(tracked.fulfilment.date, order.fulfilment.date, "an order keeps its date");

        // The shop page shows the new days; the cut-off moves too.
        let shop: shared::catalogue::Shop = app.get(&format!("/api/v1/shops/{GROCER}")).await.json();
        assert_eq!(shop.delivery_days, [3, 6]);
        let settings = app.set_delivery(&admin, json!({"cut_off_hour": 9})).await;
        assert_eq!((settings.cut_off_hour, settings.food_days.as_slice()), (9, &[3, 6][..]));
        let (cart, _) = app.basket_from_shop(GROCER, 1).await;
        let nine = DeliveryRules { cut_off_hour: 9, ..wednesday_and_saturday };
        assert_eq!(app.offered_delivery(&cart).await, Some(food_date(&nine)));

        // No food days at all: food shops are pickup only.
        app.set_delivery(&admin, json!({"food_days": []})).await;
        assert_eq!(app.offered_delivery(&cart).await, None);
        assert!(app.delivery_rules().await.food_days.is_empty());
    }

    async fn a_closed_day_is_skipped_until_it_is_opened_again(app) {
        let admin = app.admin_token().await;
        let (cart, _) = app.basket_from_shop(GROCER, 1).await;
        let next = food_date(&DeliveryRules::default());
        let day = NaiveDate::parse_from_str(&next, "%Y-%m-%d").unwrap();
        let reply = app.call(Method::POST, "/admin/delivery/closed-days", Some(&admin), Some(&json!({"date": next}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(app.delivery_rules().await.closed_days, std::slice::from_ref(&next));

        let closed = DeliveryRules { closed_days: vec![day], ..DeliveryRules::default() };
        let after = food_date(&closed);
        assert!(after > next, "{after} after {next}");
        assert_eq!(app.offered_delivery(&cart).await, Some(after.clone()));
        let reply = app.checkout(&cart, &delivery_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(reply.json::<CheckoutResult>().orders[0].fulfilment.date, after);

        app.call(Method::POST, "/admin/delivery/closed-days", Some(&admin), Some(&json!({"date": next}))).await.problem(409, "conflict");
        for bad in [json!({"date": "25/12/2026"}), json!({"date": "2026-12-25", "why": "Noël"})] {
            let reply = app.call(Method::POST, "/admin/delivery/closed-days", Some(&admin), Some(&bad)).await;
            assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        }
        app.call(Method::POST, "/admin/delivery/closed-days", Some(&admin), Some(&json!({"date": "2020-01-01"}))).await.problem(422, "unprocessable");

        let reply = app.call(Method::DELETE, &format!("/admin/delivery/closed-days/{next}"), Some(&admin), None).await;
        assert_eq!(reply.status, 204, "{}", reply.body);
        assert!(app.delivery_rules().await.closed_days.is_empty());
        let (cart, _) = app.basket_from_shop(GROCER, 1).await;
        assert_eq!(app.offered_delivery(&cart).await, Some(next.clone()));
        app.call(Method::DELETE, &format!("/admin/delivery/closed-days/{next}"), Some(&admin), None).await.problem(404, "not_found");
    }

    async fn a_basket_below_the_minimum_is_not_delivered_and_one_above_is(app) {
        let admin = app.admin_token().await;
        let (cart, price) = app.basket_from_shop(GROCER, 2).await;
        let minimum = 3 * price;
        let settings = app.set_delivery(&admin, json!({"free_delivery": {"rule": "minimum_basket", "minimum_cents": minimum}})).await;
        assert_eq!(settings.free_delivery, FreeDelivery::MinimumBasket { minimum_cents: minimum });
        assert_eq!(app.delivery_rules().await.free_delivery, settings.free_delivery);

        let shown = app.get_cart(&cart).await;
        assert_eq!(shown.groups[0].delivery_minimum_cents, Some(minimum), "the basket says why");
        assert_eq!(app.offered_delivery(&cart).await, None);
        let problem = app.checkout(&cart, &delivery_body(), None).await.problem(422, "below_delivery_minimum");
        assert!(problem.detail.contains("Épicerie du Duché"), "{}", problem.detail);
        assert_eq!(app.get_cart(&cart).await.item_count, 2, "nothing ordered");

        let product = app.get_cart(&cart).await.groups[0].lines[0].product_id;
        let reply = app.add_to_cart(&cart, product, 1).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let shown = app.get_cart(&cart).await;
        assert_eq!(shown.groups[0].delivery_minimum_cents, None);
        assert!(app.offered_delivery(&cart).await.is_some());
        let reply = app.checkout(&cart, &delivery_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);

        let settings = app.set_delivery(&admin, json!({"free_delivery": {"rule": "always"}})).await;
        assert_eq!(settings.free_delivery, FreeDelivery::Always {});
        let (cart, _) = app.basket_from_shop(GROCER, 1).await;
        assert!(app.offered_delivery(&cart).await.is_some());
    }

    async fn bad_delivery_rules_are_refused_and_change_nothing(app) {
        let admin = app.admin_token().await;
        let before = app.delivery_rules().await;
        let cases = [
            (json!({"food_days": [0]}), "food_days"),
            (json!({"non_food_days": [8], "cut_off_hour": 24}), "non_food_days"),
            (json!({"free_delivery": {"rule": "minimum_basket", "minimum_cents": 0}}), "free_delivery.minimum_cents"),
            (json!({"free_delivery": {"rule": "minimum_basket", "minimum_cents": 100_001}}), "free_delivery.minimum_cents"),
        ];
        for (body, field) in cases {
            let reply = app.call(Method::PATCH, "/admin/delivery", Some(&admin), Some(&body)).await;
            assert_eq!(reply.status, 400, "{body}: {}", reply.body);
            assert_eq!(reply.invalid_fields()[0], field, "{body}");
        }
        // Each day well-formed, one given twice: refused (422).
        let reply = app.call(Method::PATCH, "/admin/delivery", Some(&admin), Some(&json!({"food_days": [2, 2]}))).await;
        assert_eq!(reply.refused_fields(), ["food_days"]);
        let unknown_field = json!({"free_delivery": {"rule": "always", "minimum": 0}});
        for body in [json!({"days": [2]}), json!({"free_delivery": {"rule": "sometimes"}}), json!({"cut_off_hour": "18"}), unknown_field] {
            app.call(Method::PATCH, "/admin/delivery", Some(&admin), Some(&body)).await.problem(400, "malformed_body");
        }
        assert_eq!(app.delivery_rules().await, before);
    }

    async fn only_admins_may_change_the_zone_and_days(app) {
        let customer = app.token_of("client@vitrine.demo").await;
        let merchant = app.token_of("marchand@vitrine.demo").await;
        let reply = app.call(Method::GET, "/me/shops", Some(&merchant), None).await;
        let shop = reply.json::<Page<ShopProfile>>().items.remove(0);
        let reply = app.call(Method::POST, &format!("/shops/{}/api-keys", shop.slug), Some(&merchant), Some(&json!({"name": "caisse"}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let key = reply.json::<NewApiKey>().key;

        let admin = app.admin_token().await;
        let closed = food_date(&DeliveryRules::default());
        let reply = app.call(Method::POST, "/admin/delivery/closed-days", Some(&admin), Some(&json!({"date": closed}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let (zone, rules) = (app.zone().await, app.delivery_rules().await);

        let routes = [
            (Method::GET, "/admin/delivery".to_owned(), None),
            (Method::PATCH, "/admin/delivery".to_owned(), Some(json!({"food_days": [1]}))),
            (Method::POST, "/admin/delivery/closed-days".to_owned(), Some(json!({"date": "2027-07-14"}))),
            (Method::DELETE, format!("/admin/delivery/closed-days/{closed}"), None),
            (Method::GET, "/admin/communes/search?q=saint".to_owned(), None),
            (Method::POST, "/admin/communes".to_owned(), Some(json!({"insee": BARON}))),
            (Method::DELETE, format!("/admin/communes/{UZES}"), None),
        ];
        for (method, path, body) in &routes {
            let reply = app.call(method.clone(), path, None, body.as_ref()).await;
            reply.problem(401, "unauthorized");
            for (who, token) in [("customer", &customer), ("merchant", &merchant), ("api key", &key)] {
                let reply = app.call(method.clone(), path, Some(token), body.as_ref()).await;
                assert_eq!(reply.status, 404, "{who} {method} {path}: {}", reply.body);
                reply.problem(404, "not_found");
            }
        }
        assert_eq!(app.zone().await, zone, "the zone is unchanged");
        assert_eq!(app.delivery_rules().await, rules, "the rules are unchanged");

        let reply = app.call(Method::GET, "/admin/delivery", Some(&admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json::<DeliverySettings>(), rules);
    }

    async fn two_admins_adding_the_same_commune_at_once_add_it_once(app) {
        let admin = app.admin_token().await;
        let other = app.admin_token().await;
        let body = json!({"insee": BARON});
        let tokens = [&admin, &other, &admin, &other, &admin, &other];
        let replies = futures_util::future::join_all(
            tokens.iter().map(|token| app.call(Method::POST, "/admin/communes", Some(token), Some(&body))),
        )
        .await;
        let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "{statuses:?}");
        assert_eq!(statuses.iter().filter(|s| **s == 409).count(), tokens.len() - 1, "{:?}", replies.iter().map(|r| &r.body).collect::<Vec<_>>());
        for reply in replies.iter().filter(|r| r.status == 409) {
            assert!(reply.body.contains("already in the delivery zone"), "{}", reply.body);
        }
        assert_eq!(app.zone().await.iter().filter(|c| c.insee == BARON).count(), 1);

        // Two admins closing the same day at once: one closed day.
        let day = food_date(&DeliveryRules::default());
        let body = json!({"date": day});
        let replies = futures_util::future::join_all(
            tokens.iter().map(|token| app.call(Method::POST, "/admin/delivery/closed-days", Some(token), Some(&body))),
        )
        .await;
        let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "{statuses:?}");
        assert!(statuses.iter().all(|s| *s == 201 || *s == 409), "{statuses:?}");
        assert_eq!(app.delivery_rules().await.closed_days, [day]);
    }
}

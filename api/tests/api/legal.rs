//! Who sells, terms, withdrawal (issue 15): a shop's legal identity before it may sell,
//! the versioned terms accepted at checkout and recorded on each order, and the right of
//! withdrawal.

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::catalogue::Shop;
use shared::legal::{ShopLegal, Terms, TermsAcceptance, TermsSource};
use shared::order::{CheckoutResult, Order};
use shared::shop_admin::{AdminShop, ShopProfile};

use crate::helpers::{TestApp, call, give_legal_identity, legal_identity, token_of};
use crate::on_both_backends;

const SHOES: &str = "chaussures-fabre";
const MERCHANT: &str = "marchand@vitrine.demo";
const ADMIN: &str = "admin@vitrine.demo";
const CUSTOMER: &str = "client@vitrine.demo";
const VOLUNTEER: &str = "benevole@vitrine.demo";

fn pickup_body() -> Value {
    json!({
        "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78", "email": "jeanne@example.fr"},
        "fulfilment": {"method": "pickup"},
        "accept_terms": true
    })
}

impl TestApp {
    /// A new account's token, applying for a shop called `name`: (token, slug).
    async fn applicant(&self, email: &str, name: &str) -> (String, String) {
        let token = crate::shop_admin::sign_up(self, email).await;
        let reply = call(
            self,
            Method::POST,
            "/shops",
            Some(&token),
            Some(&crate::shop_admin::application(name)),
        )
        .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let slug = reply.json::<Value>()["slug"].as_str().unwrap().to_owned();
        (token, slug)
    }

    /// A product as shoppers see it (its stock included).
    async fn product_json(&self, id: i64) -> Value {
        self.get(&format!("/api/v1/products/{id}")).await.json()
    }

    /// Two products of `shop` in stock, in a new basket with one unit each.
    async fn basket_of_two(&self, shop: &str) -> (String, i64, i64) {
        let page: Page<shared::catalogue::ProductCard> = self
            .list_products(&format!("shop={shop}&in_stock=true&per_page=100"))
            .await
            .json();
        let (a, b) = (page.items[0].id, page.items[1].id);
        let cart = self.create_cart().await.id;
        for id in [a, b] {
            let reply = self.add_to_cart(&cart, id, 1).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        (cart, a, b)
    }
}

on_both_backends! {
    async fn a_shop_without_its_legal_identity_cannot_be_approved(app) {
        let admin = token_of(&app, ADMIN).await;
        let (token, slug) = app.applicant("paul@example.fr", "Mercerie Chabert").await;
        let listed: Page<AdminShop> = call(&app, Method::GET, "/admin/shops?status=pending", Some(&admin), None).await.json();
        assert!(!listed.items.iter().find(|s| s.slug == slug).unwrap().legal_complete);

        let problem = call(&app, Method::POST, &format!("/admin/shops/{slug}/approve"), Some(&admin), None).await.problem(409, "legal_identity_missing");
        assert!(problem.detail.contains("SIRET"), "{}", problem.detail);
        let profile: ShopProfile = call(&app, Method::GET, &format!("/shops/{slug}/profile"), Some(&token), None).await.json();
        assert_eq!(profile.status, shared::shop_admin::ShopStatus::Pending, "still pending");
        assert_eq!(profile.legal, None);
        assert_eq!(app.get(&format!("/api/v1/shops/{slug}")).await.status, 404, "not on sale");

        // The merchant gives it; the association approves; shoppers read it on the shop's page.
        give_legal_identity(&app, &slug, &token).await;
        let listed: Page<AdminShop> = call(&app, Method::GET, "/admin/shops?status=pending", Some(&admin), None).await.json();
        assert!(listed.items.iter().find(|s| s.slug == slug).unwrap().legal_complete);
        let reply = call(&app, Method::POST, &format!("/admin/shops/{slug}/approve"), Some(&admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let shop: Shop = app.get(&format!("/api/v1/shops/{slug}")).await.json();
        let legal = shop.legal.expect("the seller's identity on its page");
        assert_eq!(legal.legal_name, "Fromagerie des Garrigues SARL");
        assert_eq!(legal.siret, "73282932000074");
        assert_eq!(legal.registration_mention, "RCS Nîmes");
        assert_eq!(legal.vat_number.as_deref(), Some("FR44732829320"));
        assert_eq!(legal.vat_mention, None);
    }

    async fn a_shop_without_its_legal_identity_takes_no_order_until_it_gives_it(app) {
        let admin = token_of(&app, ADMIN).await;
        let merchant = token_of(&app, MERCHANT).await;
        let (cart, a, b) = app.basket_of_two(SHOES).await;
        let grocery = app.product_in("epicerie-du-duche", 1).await;
        assert_eq!(app.add_to_cart(&cart, grocery.id, 1).await.status, 200);
        let basket = app.get_cart(&cart).await;
        assert!(basket.groups.iter().all(|g| g.shop.takes_orders), "the demo's shops all sell");
        assert_eq!(app.product_json(a).await["takes_orders"], json!(true));

        // A shop approved before identities were required, which never gave it: no grace.
        app.execute_sql(&format!("DELETE FROM shop_legal WHERE shop_id = (SELECT id FROM shops WHERE slug = '{SHOES}')"));
        let product = app.product_json(a).await;
        assert_eq!(product["takes_orders"], json!(false), "its page says it cannot be ordered");
        let other = app.product_json(grocery.id).await;
        assert_eq!(other["takes_orders"], json!(true), "other shops still sell");
        let basket = app.get_cart(&cart).await;
        let takes: Vec<(String, bool)> = basket.groups.iter().map(|g| (g.shop.slug.clone(), g.shop.takes_orders)).collect();
        assert_eq!(takes, [(SHOES.to_owned(), false), ("epicerie-du-duche".to_owned(), true)]);
        let active: Page<AdminShop> = call(&app, Method::GET, "/admin/shops?status=active&per_page=100", Some(&admin), None).await.json();
        let missing: Vec<&str> = active.items.iter().filter(|s| !s.legal_complete).map(|s| s.slug.as_str()).collect();
        assert_eq!(missing, [SHOES], "the association sees which active shop lacks it");

        let orders_path = format!("/shops/{SHOES}/orders");
        let placed = call(&app, Method::GET, &orders_path, Some(&merchant), None).await.json::<Page<Order>>().total;
        let before = (app.product_json(a).await, app.product_json(b).await, app.product_json(grocery.id).await);
        let problem = app.checkout(&cart, &pickup_body(), None).await.problem(409, "seller_identity_missing");
        assert!(problem.detail.contains("Chaussures Fabre") && problem.detail.contains(SHOES), "{}", problem.detail);
        assert_eq!((app.product_json(a).await, app.product_json(b).await, app.product_json(grocery.id).await), before, "no stock taken");
        assert_eq!(app.get_cart(&cart).await, basket, "the basket is kept as it was");
        let after = call(&app, Method::GET, &orders_path, Some(&merchant), None).await.json::<Page<Order>>().total;
        assert_eq!(after, placed, "no order for the shop");
        // Nor by phone.
        let phone = json!({
            "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
            "fulfilment": {"method": "pickup"}, "terms_read_out": true,
            "lines": [{"product_id": a, "quantity": 1}]
        });
        call(&app, Method::POST, &format!("/shops/{SHOES}/phone-orders"), Some(&merchant), Some(&phone)).await.problem(409, "seller_identity_missing");

        // Once it gives its identity, the same basket is ordered.
        give_legal_identity(&app, SHOES, &merchant).await;
        assert_eq!(app.product_json(a).await["takes_orders"], json!(true));
        let reply = app.checkout(&cart, &pickup_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(reply.json::<CheckoutResult>().orders.len(), 2);
    }

    async fn a_legal_identity_is_checked_field_by_field_and_a_refusal_changes_nothing(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let path = format!("/shops/{SHOES}/legal");
        let before: Shop = app.get(&format!("/api/v1/shops/{SHOES}")).await.json();
        let cases: [(&str, Value, &[&str]); 6] = [
            ("SIRET key", json!("73282932000075"), &["siret"]),
            ("SIRET length", json!("7328293200007"), &["siret"]),
            ("VAT key", json!("FR45732829320"), &["vat_number"]),
            ("VAT of another SIREN", json!("FR83404833048"), &["vat_number"]),
            ("VAT missing", Value::Null, &["vat_number"]),
            ("register city", json!(""), &["registration_city"]),
        ];
        for (case, value, fields) in cases {
            let mut body = legal_identity();
            match case {
                "SIRET key" | "SIRET length" => body["siret"] = value,
                "register city" => body["registration_city"] = value,
                _ => body["vat_number"] = value,
            }
            let reply = call(&app, Method::PUT, &path, Some(&merchant), Some(&body)).await;
            assert_eq!(reply.refused_fields(), fields, "{case}: {}", reply.body);
        }
        let mut body = legal_identity();
        body["legal_form"] = json!("gmbh");
        assert_eq!(call(&app, Method::PUT, &path, Some(&merchant), Some(&body)).await.status, 400);
        let mut body = legal_identity();
        body["capital"] = json!(1000);
        assert_eq!(call(&app, Method::PUT, &path, Some(&merchant), Some(&body)).await.status, 400);
        let after: Shop = app.get(&format!("/api/v1/shops/{SHOES}")).await.json();
        assert_eq!(after.legal, before.legal, "nothing changed");

        // A micro-entrepreneur exempt from VAT: no number, the mention instead.
        let reply = call(&app, Method::PATCH, &format!("/shops/{SHOES}"), Some(&merchant), Some(&json!({"vat_exempt": true}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let exempt = json!({"legal_name": "Claire Fabre", "legal_form": "ei", "siret": "73282932000074", "registration": "micro", "responsible": "Claire Fabre"});
        let saved: ShopLegal = call(&app, Method::PUT, &path, Some(&merchant), Some(&exempt)).await.json();
        assert_eq!(saved.vat_mention.as_deref(), Some("TVA non applicable, art. 293 B du CGI"));
        assert_eq!(saved.registration_mention, "Micro-entrepreneur dispensé d'immatriculation");
        let shop: Shop = app.get(&format!("/api/v1/shops/{SHOES}")).await.json();
        assert_eq!(shop.legal, Some(saved), "the shop's page shows the new identity at once");
        let mut with_vat = exempt.clone();
        with_vat["vat_number"] = json!("FR44732829320");
        assert_eq!(call(&app, Method::PUT, &path, Some(&merchant), Some(&with_vat)).await.refused_fields(), ["vat_number"]);
    }

    async fn the_new_routes_answer_only_their_callers(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let admin = token_of(&app, ADMIN).await;
        let customer = token_of(&app, CUSTOMER).await;
        let volunteer = token_of(&app, VOLUNTEER).await;
        let (other_merchant, _) = app.applicant("autre@example.fr", "Autre Boutique").await;
        let legal = format!("/shops/{SHOES}/legal");
        let terms = json!({"body": "Conditions générales de vente de la boutique, version de test."});
        let shop_terms = format!("/shops/{SHOES}/terms");
        for (who, token) in [("customer", &customer), ("volunteer", &volunteer), ("another shop's merchant", &other_merchant)] {
            call(&app, Method::PUT, &legal, Some(token), Some(&legal_identity())).await.problem(404, "not_found");
            call(&app, Method::PUT, &shop_terms, Some(token), Some(&terms)).await.problem(404, "not_found");
            let reply = call(&app, Method::PUT, "/admin/terms", Some(token), Some(&terms)).await;
            assert_eq!(reply.status, 404, "{who}: {}", reply.body);
            call(&app, Method::PUT, "/admin/terms/sale", Some(token), Some(&terms)).await.problem(404, "not_found");
        }
        call(&app, Method::PUT, "/admin/terms", Some(&merchant), Some(&terms)).await.problem(404, "not_found");
        for path in [legal.as_str(), shop_terms.as_str(), "/admin/terms", "/admin/terms/sale"] {
            assert_eq!(call(&app, Method::PUT, path, None, Some(&terms)).await.status, 401, "{path}");
        }
        assert_eq!(app.get("/api/v1/terms").await.json::<Terms>().version, 1, "nothing saved");
        assert_eq!(app.get(&format!("/api/v1{shop_terms}")).await.json::<Terms>().source, TermsSource::Association);

        assert_eq!(call(&app, Method::PUT, &legal, Some(&merchant), Some(&legal_identity())).await.status, 200);
        assert_eq!(call(&app, Method::PUT, &legal, Some(&admin), Some(&legal_identity())).await.status, 200);
        assert_eq!(call(&app, Method::PUT, &shop_terms, Some(&merchant), Some(&terms)).await.status, 201);
        assert_eq!(call(&app, Method::PUT, "/admin/terms", Some(&admin), Some(&terms)).await.status, 201);
        let short = json!({"body": "trop court"});
        assert_eq!(call(&app, Method::PUT, "/admin/terms", Some(&admin), Some(&short)).await.invalid_fields(), ["body"]);
    }

    async fn checkout_without_accepting_the_terms_is_refused_and_changes_nothing(app) {
        let (cart, a, b) = app.basket_of_two(SHOES).await;
        let before = (app.product_json(a).await, app.product_json(b).await);
        let mut body = pickup_body();
        body.as_object_mut().unwrap().remove("accept_terms");
        assert_eq!(app.checkout(&cart, &body, None).await.refused_fields(), ["accept_terms"]);
        body["accept_terms"] = json!(false);
        let problem = app.checkout(&cart, &body, None).await.problem(422, "validation_failed");
        assert!(problem.errors[0].message.contains("terms"), "{}", problem.errors[0].message);
        assert_eq!((app.product_json(a).await, app.product_json(b).await), before, "no stock taken");
        assert_eq!(app.get_cart(&cart).await.groups.iter().map(|g| g.lines.len()).sum::<usize>(), 2, "the basket is kept");
        let reply = app.checkout(&cart, &pickup_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }

    async fn the_order_keeps_the_seller_and_the_versions_its_customer_accepted(app) {
        let admin = token_of(&app, ADMIN).await;
        let merchant = token_of(&app, MERCHANT).await;
        // The built-in texts are version 1.
        let built_in: Terms = app.get("/api/v1/terms/versions/1").await.json();
        assert!(built_in.body.contains("association"), "{}", built_in.body);
        assert_eq!(built_in.published_at, None);
        let sale: Terms = app.get("/api/v1/terms/sale").await.json();
        assert!(sale.body.contains("14 jours"), "the default terms of sale state the withdrawal period");
        app.get("/api/v1/terms/versions/2").await.problem(404, "not_found");

        let saved: Terms = call(&app, Method::PUT, "/admin/terms", Some(&admin), Some(&json!({"body": "Conditions d'utilisation, deuxième version."}))).await.json();
        assert_eq!(saved.version, 2);
        let own: Terms = call(&app, Method::PUT, &format!("/shops/{SHOES}/terms"), Some(&merchant), Some(&json!({"body": "Nos conditions de vente, première version."}))).await.json();
        assert_eq!((own.version, own.source), (1, TermsSource::Shop));
        assert_eq!(app.get(&format!("/api/v1/shops/{SHOES}/terms")).await.json::<Terms>(), own);

        let (cart, _, _) = app.basket_of_two(SHOES).await;
        let reply = app.checkout(&cart, &pickup_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let order = reply.json::<CheckoutResult>().orders.remove(0);
        let terms = order.terms.clone().expect("the accepted terms");
        assert_eq!((terms.terms_of_use_version, terms.terms_of_sale_source, terms.terms_of_sale_version, terms.how), (2, TermsSource::Shop, 1, TermsAcceptance::Ticked));
        let seller = order.seller.clone().expect("the seller");
        assert_eq!(seller.shop_name, "Chaussures Fabre");
        let frozen = seller.legal.clone().expect("the demo shop's identity");

        // New versions and a new identity later: the order keeps what was accepted.
        call(&app, Method::PUT, "/admin/terms", Some(&admin), Some(&json!({"body": "Conditions d'utilisation, troisième version."}))).await;
        call(&app, Method::PUT, &format!("/shops/{SHOES}/terms"), Some(&merchant), Some(&json!({"body": "Nos conditions de vente, deuxième version."}))).await;
        give_legal_identity(&app, SHOES, &merchant).await;
        let tracked: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
        assert_eq!(tracked.terms, Some(terms));
        assert_eq!(tracked.seller.unwrap().legal, Some(frozen));
        assert_eq!(app.get("/api/v1/terms").await.json::<Terms>().version, 3);
        let old: Terms = app.get(&format!("/api/v1/shops/{SHOES}/terms/versions/1")).await.json();
        assert_eq!(old.body, "Nos conditions de vente, première version.");
    }

    async fn a_shop_goes_back_to_the_default_terms_and_its_orders_keep_what_they_accepted(app) {
        let admin = token_of(&app, ADMIN).await;
        let merchant = token_of(&app, MERCHANT).await;
        let path = format!("/shops/{SHOES}/terms");
        let own: Terms = call(&app, Method::PUT, &path, Some(&merchant), Some(&json!({"body": "Nos conditions de vente, première version."}))).await.json();
        let (cart, _, _) = app.basket_of_two(SHOES).await;
        let first = app.checkout(&cart, &pickup_body(), None).await.json::<CheckoutResult>().orders.remove(0);
        assert_eq!(first.terms.as_ref().map(|t| (t.terms_of_sale_source, t.terms_of_sale_version)), Some((TermsSource::Shop, 1)));
        // The association's default moves on meanwhile.
        let default: Terms = call(&app, Method::PUT, "/admin/terms/sale", Some(&admin), Some(&json!({"body": "Conditions de vente par défaut, deuxième version."}))).await.json();
        assert_eq!(default.version, 2);

        let reply = call(&app, Method::DELETE, &path, Some(&merchant), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let now: Terms = reply.json();
        assert_eq!((now.source, now.version, now.body.as_str()), (TermsSource::Association, 2, "Conditions de vente par défaut, deuxième version."));
        assert_eq!(app.get(&format!("/api/v1{path}")).await.json::<Terms>(), now, "shoppers read the default");
        let kept: Terms = app.get(&format!("/api/v1{path}/versions/1")).await.json();
        assert_eq!(kept, own, "its own version stays readable");
        let tracked: Order = app.get(&format!("/api/v1/track/{}", first.tracking_token)).await.json();
        assert_eq!(tracked.terms, first.terms, "the order placed keeps the version it accepted");
        let (cart, _, _) = app.basket_of_two(SHOES).await;
        let next = app.checkout(&cart, &pickup_body(), None).await.json::<CheckoutResult>().orders.remove(0);
        assert_eq!(next.terms.map(|t| (t.terms_of_sale_source, t.terms_of_sale_version)), Some((TermsSource::Association, 2)), "the next order accepts the default's current version");

        // Again: nothing changes, and the history says it once.
        assert_eq!(call(&app, Method::DELETE, &path, Some(&merchant), None).await.json::<Terms>(), now);
        let said = crate::shop_admin::history(&app, SHOES).into_iter().filter(|(_, note)| note == "terms of sale: the association's default").count();
        assert_eq!(said, 1);
        // Its own text again: the next version of its own.
        let again: Terms = call(&app, Method::PUT, &path, Some(&merchant), Some(&json!({"body": "Nos conditions de vente, deuxième version."}))).await.json();
        assert_eq!((again.source, again.version), (TermsSource::Shop, 2));
        assert_eq!(app.get(&format!("/api/v1{path}")).await.json::<Terms>(), again);
    }

    async fn only_the_shop_s_people_take_it_back_to_the_default_terms(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let admin = token_of(&app, ADMIN).await;
        let customer = token_of(&app, CUSTOMER).await;
        let volunteer = token_of(&app, VOLUNTEER).await;
        let (other_merchant, _) = app.applicant("autre@example.fr", "Autre Boutique").await;
        let path = format!("/shops/{SHOES}/terms");
        call(&app, Method::PUT, &path, Some(&merchant), Some(&json!({"body": "Nos conditions de vente, première version."}))).await;
        for token in [&customer, &volunteer, &other_merchant] {
            call(&app, Method::DELETE, &path, Some(token), None).await.problem(404, "not_found");
        }
        assert_eq!(call(&app, Method::DELETE, &path, None, None).await.status, 401);
        call(&app, Method::DELETE, "/shops/no-such-shop/terms", Some(&admin), None).await.problem(404, "not_found");
        assert_eq!(app.get(&format!("/api/v1{path}")).await.json::<Terms>().source, TermsSource::Shop, "nothing changed");
        assert_eq!(call(&app, Method::DELETE, &path, Some(&admin), None).await.json::<Terms>().source, TermsSource::Association);
    }

    async fn merchants_going_back_to_the_default_terms_at_once_record_it_once(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let path = format!("/shops/{SHOES}/terms");
        call(&app, Method::PUT, &path, Some(&merchant), Some(&json!({"body": "Nos conditions de vente, première version."}))).await;
        let answers = futures_util::future::join_all((0..6).map(|_| call(&app, Method::DELETE, &path, Some(&merchant), None))).await;
        for answer in &answers {
            assert_eq!(answer.status, 200, "{}", answer.body);
            assert_eq!(answer.json::<Terms>().source, TermsSource::Association);
        }
        let said = crate::shop_admin::history(&app, SHOES).into_iter().filter(|(_, note)| note == "terms of sale: the association's default").count();
        assert_eq!(said, 1, "recorded once");
    }

    async fn a_phone_order_records_that_the_terms_were_read_out(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let product = app.product_in(SHOES, 1).await;
        let path = format!("/shops/{SHOES}/phone-orders");
        let mut body = json!({
            "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
            "fulfilment": {"method": "pickup"},
            "lines": [{"product_id": product.id, "quantity": 1}]
        });
        assert_eq!(call(&app, Method::POST, &path, Some(&merchant), Some(&body)).await.refused_fields(), ["terms_read_out"]);
        body["terms_read_out"] = json!(true);
        let reply = call(&app, Method::POST, &path, Some(&merchant), Some(&body)).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let order: Order = reply.json();
        assert_eq!(order.terms.unwrap().how, TermsAcceptance::ReadOut);
    }

    async fn withdrawal_is_open_14_days_after_handover_except_for_excepted_goods(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let customer = token_of(&app, CUSTOMER).await;
        let (cart, shoes, perishable) = app.basket_of_two(SHOES).await;
        // The shop says the product is perishable, on the product's page of the back-office.
        let set = call(&app, Method::PATCH, &format!("/products/{perishable}"), Some(&merchant), Some(&json!({"withdrawal_exception": "perishable"}))).await;
        assert_eq!(set.status, 200, "{}", set.body);
        assert_eq!(set.json::<shared::shop_products::ShopProduct>().withdrawal_exception, shared::legal::WithdrawalException::Perishable);
        call(&app, Method::PATCH, &format!("/products/{perishable}"), Some(&merchant), Some(&json!({"withdrawal_exception": "spoils"}))).await.problem(400, "malformed_body");
        let reply = app.checkout(&cart, &pickup_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let order = reply.json::<CheckoutResult>().orders.remove(0);
        let token = order.tracking_token.clone();
        let path = format!("/orders/{}/withdrawal", order.id);
        let ask = |ids: &[i64], token: Option<&str>| json!({"product_ids": ids, "message": "Je me rétracte.", "tracking_token": token});

        // Before handover, it is a cancellation.
        let problem = call(&app, Method::POST, &path, None, Some(&ask(&[shoes], Some(&token)))).await.problem(409, "conflict");
        assert!(problem.detail.contains("cancel"), "{}", problem.detail);
        for to in ["confirmed", "ready", "completed"] {
            let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), Some(&merchant), Some(&json!({"to": to}))).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }

        // Strangers: no order here.
        call(&app, Method::POST, &path, None, Some(&ask(&[shoes], Some("0123456789abcdef0123456789abcdef")))).await.problem(404, "not_found");
        call(&app, Method::POST, &path, None, Some(&ask(&[shoes], None))).await.problem(404, "not_found");
        call(&app, Method::POST, &path, Some(&customer), Some(&ask(&[shoes], None))).await.problem(404, "not_found");
        call(&app, Method::POST, &path, Some(&merchant), Some(&ask(&[shoes], None))).await.problem(404, "not_found");

        // The perishable line is refused with the reason; nothing is recorded.
        let problem = call(&app, Method::POST, &path, None, Some(&ask(&[shoes, perishable], Some(&token)))).await.problem(422, "validation_failed");
        assert_eq!(problem.errors.len(), 1);
        assert_eq!(problem.errors[0].field, "product_ids[1]");
        assert!(problem.errors[0].message.contains("perishable"), "{}", problem.errors[0].message);
        let tracked: Order = app.get(&format!("/api/v1/track/{token}")).await.json();
        assert!(tracked.lines.iter().all(|l| l.withdrawn_at.is_none()));
        assert!(tracked.withdrawal_deadline.is_some());

        // A line named twice (by its product, then by its id) is refused; nothing is recorded.
        let shoes_line = tracked.lines.iter().find(|l| l.product_id == shoes).unwrap().id;
        let twice = json!({"product_ids": [shoes], "line_ids": [shoes_line], "tracking_token": token});
        let problem = call(&app, Method::POST, &path, None, Some(&twice)).await.problem(422, "validation_failed");
        assert_eq!(problem.errors.len(), 1, "{problem:?}");
        assert_eq!(problem.errors[0].field, "product_ids[0]");
        assert!(problem.errors[0].message.contains("twice"), "{}", problem.errors[0].message);
        let tracked: Order = app.get(&format!("/api/v1/track/{token}")).await.json();
        assert!(tracked.lines.iter().all(|l| l.withdrawn_at.is_none()));

        // The guest with the tracking link withdraws from the shoes; once only.
        let reply = call(&app, Method::POST, &path, None, Some(&ask(&[shoes], Some(&token)))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let withdrawn: Order = reply.json();
        let line = withdrawn.lines.iter().find(|l| l.product_id == shoes).unwrap();
        assert!(line.withdrawn_at.is_some());
        call(&app, Method::POST, &path, None, Some(&ask(&[shoes], Some(&token)))).await.problem(409, "conflict");
        let seen: Order = call(&app, Method::GET, &format!("/orders/{}", order.id), Some(&merchant), None).await.json();
        let event = seen.history.unwrap().into_iter().find(|e| e.kind == shared::shop_orders::OrderEventKind::Withdrawal).expect("in the history");
        assert!(event.note.contains("Je me rétracte."), "{}", event.note);

        // 15 days after handover, too late.
        let (cart, late, _) = app.basket_of_two(SHOES).await;
        let late_order = app.checkout(&cart, &pickup_body(), None).await.json::<CheckoutResult>().orders.remove(0);
        for to in ["confirmed", "ready", "completed"] {
            call(&app, Method::POST, &format!("/orders/{}/transitions", late_order.id), Some(&merchant), Some(&json!({"to": to}))).await;
        }
        let past = (chrono::Utc::now() - chrono::Duration::days(15)).naive_utc();
        app.execute_sql(&format!("UPDATE order_events SET at = '{}' WHERE order_id = {}", past.format("%Y-%m-%d %H:%M:%S"), late_order.id));
        let problem = call(&app, Method::POST, &format!("/orders/{}/withdrawal", late_order.id), None, Some(&ask(&[late], Some(&late_order.tracking_token)))).await.problem(409, "conflict");
        assert!(problem.detail.contains("14 days"), "{}", problem.detail);
    }

    async fn admins_saving_the_terms_at_once_each_get_their_own_version(app) {
        let admin = token_of(&app, ADMIN).await;
        let before: Terms = call(&app, Method::GET, "/terms", None, None).await.json();
        let bodies: Vec<Value> = (0..8)
            .map(|i| json!({"body": format!("Conditions d'utilisation, rédaction numéro {i} de l'assemblée.")}))
            .collect();
        let saves = futures_util::future::join_all(
            bodies.iter().map(|body| call(&app, Method::PUT, "/admin/terms", Some(&admin), Some(body))),
        )
        .await;
        let mut versions: Vec<i32> = saves
            .iter()
            .map(|reply| {
                assert_eq!(reply.status, 201, "{}", reply.body);
                reply.json::<Terms>().version
            })
            .collect();
        versions.sort_unstable();
        let expected: Vec<i32> = (before.version + 1..=before.version + 8).collect();
        assert_eq!(versions, expected, "one version each, none lost or shared");
        // Each version holds the text saved under it.
        for (reply, body) in saves.iter().zip(&bodies) {
            let saved = reply.json::<Terms>();
            let read: Terms = call(&app, Method::GET, &format!("/terms/versions/{}", saved.version), None, None).await.json();
            assert_eq!(read.body, body["body"].as_str().unwrap());
        }
    }

    async fn a_line_withdrawn_from_twice_at_once_is_withdrawn_once(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let (cart, shoes, _) = app.basket_of_two(SHOES).await;
        let order = app.checkout(&cart, &pickup_body(), None).await.json::<CheckoutResult>().orders.remove(0);
        for to in ["confirmed", "ready", "completed"] {
            let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), Some(&merchant), Some(&json!({"to": to}))).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let path = format!("/orders/{}/withdrawal", order.id);
        let ask = json!({"product_ids": [shoes], "message": "Je me rétracte.", "tracking_token": order.tracking_token});
        let answers = futures_util::future::join_all((0..6).map(|_| call(&app, Method::POST, &path, None, Some(&ask)))).await;
        let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
        assert!(statuses.iter().all(|s| *s == 200 || *s == 409), "{statuses:?}");
        let seen: Order = call(&app, Method::GET, &format!("/orders/{}", order.id), Some(&merchant), None).await.json();
        let withdrawals = seen.history.unwrap().into_iter().filter(|e| e.kind == shared::shop_orders::OrderEventKind::Withdrawal).count();
        assert_eq!(withdrawals, 1, "the history records it once");
    }
}

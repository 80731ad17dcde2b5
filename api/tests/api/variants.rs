//! Variants and prices per kilo (issue 14): sizes a shop adds and a shopper picks, the
//! basket's line per size, the "from" price and per-kilo price on every surface the API
//! answers, checkouts racing for a size's last units, and who may change variants.

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::cart::Cart;
use shared::catalogue::{Product, ProductCard, StockState};
use shared::measure::PerUnit;
use shared::order::{CheckoutResult, Order};
use shared::shop_products::{ImportReport, ShopProduct};

use crate::helpers::{TestApp, call, token_of};
use crate::on_both_backends;

const SHOES: &str = "chaussures-fabre";
const GROCERY: &str = "epicerie-du-duche";
const MERCHANT: &str = "marchand@vitrine.demo";

fn pickup() -> Value {
    json!({
        "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
        "accept_terms": true, "fulfilment": {"method": "pickup"}, "contact_preference": "call"
    })
}

impl TestApp {
    /// The shop's products as the CSV export writes them.
    async fn export_of(&self, token: &str, shop: &str) -> String {
        let response = self
            .client
            .get(self.url(&format!("/api/v1/shops/{shop}/products/export")))
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 200);
        response
            .text()
            .await
            .expect("body")
            .trim_start_matches('\u{feff}')
            .to_owned()
    }

    /// Imports a CSV file into the shop's products: the status and the report.
    async fn import_into(&self, token: &str, shop: &str, file: &str) -> (u16, ImportReport) {
        let response = self
            .client
            .post(self.url(&format!("/api/v1/shops/{shop}/products/import")))
            .bearer_auth(token)
            .header("Content-Type", "text/csv")
            .body(file.to_owned())
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let body = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}")),
        )
    }

    /// Adds `quantity` of a variant to a basket.
    async fn add_variant(
        &self,
        cart: &str,
        product: i64,
        variant: i64,
        quantity: i64,
    ) -> crate::helpers::Reply {
        call(
            self,
            Method::POST,
            &format!("/carts/{cart}/items"),
            None,
            Some(&json!({"product_id": product, "variant_id": variant, "quantity": quantity})),
        )
        .await
    }
}

on_both_backends! {
    async fn a_shopper_picks_a_size_and_the_basket_holds_one_line_per_size(app) {
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let labels: Vec<(&str, StockState)> = boots.variants.iter().map(|v| (v.label.as_str(), v.stock)).collect();
        assert_eq!(labels, [("38", StockState::Low), ("39", StockState::Low), ("40", StockState::Low), ("41", StockState::Out), ("42", StockState::Low)]);
        let size = |label: &str| boots.variants.iter().find(|v| v.label == label).unwrap().id;
        let cart = app.create_cart().await.id;
        // A product with sizes needs the size.
        assert_eq!(app.add_to_cart(&cart, boots.id, 1).await.refused_fields(), ["variant_id"]);
        // The sold-out size cannot be had; another product's variant is not this one's.
        assert_eq!(app.add_variant(&cart, boots.id, size("41"), 1).await.status, 409);
        let honey = app.product_on_sale(GROCERY, "Miel de lavande de l'Uzège").await;
        assert_eq!(app.add_variant(&cart, boots.id, honey.variants[0].id, 1).await.refused_fields(), ["variant_id"]);
        assert_eq!(app.add_variant(&cart, boots.id, size("40"), 1).await.status, 200);
        let reply = app.add_variant(&cart, boots.id, size("42"), 2).await;
        let basket: Cart = reply.json();
        let lines: Vec<(&str, i64, i64)> = basket.groups[0].lines.iter().map(|l| (l.variant_label.as_str(), l.quantity, l.line_total_cents)).collect();
        assert_eq!(lines, [("40", 1, 12900), ("42", 2, 25800)]);
        // Lines are changed by their variant; the product's route names the ambiguity.
        let reply = call(&app, Method::PATCH, &format!("/carts/{cart}/items/{}", boots.id), None, Some(&json!({"quantity": 1}))).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let reply = call(&app, Method::PATCH, &format!("/carts/{cart}/variants/{}", size("42")), None, Some(&json!({"quantity": 3}))).await;
        assert_eq!(reply.status, 409, "only 2 of size 42: {}", reply.body);
        let reply = call(&app, Method::DELETE, &format!("/carts/{cart}/variants/{}", size("40")), None, None).await;
        let basket: Cart = reply.json();
        assert_eq!(basket.item_count, 2);
        // A product without sizes still goes in by its id alone, as before.
        let page: Page<ProductCard> = app.list_products(&format!("shop={GROCERY}&sort=name")).await.json();
        let plain: Product = app.get(&format!("/api/v1/products/{}", page.items[0].id)).await.json();
        assert_eq!(plain.variants.iter().map(|v| v.label.as_str()).collect::<Vec<_>>(), [""]);
        let other_cart = app.create_cart().await.id;
        let reply = app.add_to_cart(&other_cart, plain.id, 1).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json::<Cart>().groups[0].lines[0].variant_id, plain.variants[0].id);
        let checkout = app.checkout(&cart, &pickup(), None).await;
        assert_eq!(checkout.status, 201, "{}", checkout.body);
        let result: CheckoutResult = checkout.json();
        let line = &result.orders[0].lines[0];
        assert_eq!((line.variant_label.as_str(), line.quantity, line.variant_id), ("42", 2, Some(size("42"))));
        let after = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let stock42 = after.variants.iter().find(|v| v.label == "42").unwrap();
        assert_eq!(stock42.stock, StockState::Out, "size 42 sold out, the others untouched");
        assert_eq!(after.variants.iter().filter(|v| v.stock == StockState::Out).count(), 2);
    }

    async fn prices_per_kilo_and_from_prices_show_wherever_a_price_does(app) {
        // Honey: 250 g at 5,90 € and 500 g at 9,90 €.
        let honey = app.product_on_sale(GROCERY, "Miel de lavande de l'Uzège").await;
        assert!(honey.price_from, "two prices: the lowest is a from price");
        assert_eq!(honey.price_cents, 590);
        assert_eq!((honey.price_per_unit_cents, honey.price_per_unit), (Some(2360), Some(PerUnit::Kg)));
        let jars: Vec<(i64, Option<i64>)> = honey.variants.iter().map(|v| (v.price_cents, v.price_per_unit_cents)).collect();
        assert_eq!(jars, [(590, Some(2360)), (990, Some(1980))]);
        // The card in the catalogue says the same.
        let page: Page<ProductCard> = app.list_products("q=miel%20lavande%20uzege").await.json();
        let card = page.items.iter().find(|c| c.id == honey.id).expect("found by search");
        assert_eq!((card.price_cents, card.price_from, card.price_per_unit_cents), (590, true, Some(2360)));
        // The basket and the order.
        let cart = app.create_cart().await.id;
        let basket: Cart = app.add_variant(&cart, honey.id, honey.variants[1].id, 2).await.json();
        let line = &basket.groups[0].lines[0];
        assert_eq!((line.variant_label.as_str(), line.price_per_unit_cents, line.price_per_unit), ("500 g", Some(1980), Some(PerUnit::Kg)));
        let result: CheckoutResult = app.checkout(&cart, &pickup(), None).await.json();
        let line = &result.orders[0].lines[0];
        assert_eq!((line.line_total_cents, line.price_per_unit_cents), (1980, Some(1980)));
        // Sold by weight: the estimate, and the price per kilo it comes from.
        let cheese = app.product_on_sale("fromagerie-de-la-place-aux-herbes", "Tomme des Cévennes à la coupe").await;
        let part = &cheese.variants[0];
        assert!(part.sold_by_weight);
        assert_eq!((part.price_cents, part.price_per_kg_cents, part.estimated_weight_g, part.price_per_unit_cents), (575, Some(2300), Some(250), Some(2300)));
        // A shop marks a product exempt: no per-unit price is given.
        let token = token_of(&app, MERCHANT).await;
        let reply = call(&app, Method::PATCH, &format!("/products/{}", honey.id), Some(&token), Some(&json!({"unit_price_exempt": true}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let honey: Product = app.get(&format!("/api/v1/products/{}", honey.id)).await.json();
        assert_eq!((honey.price_per_unit_cents, honey.variants[0].price_per_unit_cents), (None, None));
    }

    async fn a_shop_adds_changes_and_removes_sizes(app) {
        let token = token_of(&app, MERCHANT).await;
        let created = call(&app, Method::POST, &format!("/shops/{SHOES}/products"), Some(&token), Some(&json!({
            "name": "Sandales Nina", "price_cents": 6900, "vat_rate": 20, "stock": 4, "category": "chaussures-femme"
        }))).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let product: ShopProduct = created.json();
        assert_eq!(product.variants.len(), 1, "a new product has its one variant");
        let first = product.variants[0].id;
        let path = format!("/products/{}/variants", product.id);
        // The first variant is named before another is added.
        let reply = call(&app, Method::POST, &path, Some(&token), Some(&json!({"label": "38", "price_cents": 6900, "stock": 2}))).await;
        assert_eq!(reply.refused_fields(), ["label"]);
        let reply = call(&app, Method::PATCH, &format!("{path}/{first}"), Some(&token), Some(&json!({"label": "37"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = call(&app, Method::POST, &path, Some(&token), Some(&json!({"label": "38", "price_cents": 7400, "stock": 2, "ean": "4006381333931"}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let product: ShopProduct = reply.json();
        assert_eq!((product.price_cents, product.stock), (6900, Some(6)), "the lowest price, the sum of the stocks");
        // Bad values are named and change nothing.
        let reply = call(&app, Method::POST, &path, Some(&token), Some(&json!({"label": "38", "price_cents": 6900}))).await;
        assert_eq!(reply.refused_fields(), ["label"]);
        let reply = call(&app, Method::POST, &path, Some(&token), Some(&json!({"label": "39", "price_cents": 6900, "ean": "4006381333932"}))).await;
        assert_eq!(reply.refused_fields(), ["ean"]);
        let reply = call(&app, Method::POST, &path, Some(&token), Some(&json!({"label": "39", "net_quantity": 500, "price_cents": 100}))).await;
        assert_eq!(reply.refused_fields(), ["net_unit"]);
        // A product-level price or stock on a product with sizes is refused.
        let reply = call(&app, Method::PATCH, &format!("/products/{}", product.id), Some(&token), Some(&json!({"stock": 9}))).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        // A size's stock follows a delta; the product's stock follows its sizes.
        let second = product.variants[1].id;
        let reply = call(&app, Method::PATCH, &format!("{path}/{second}"), Some(&token), Some(&json!({"stock_delta": -3}))).await;
        assert_eq!(reply.status, 409, "2 left: {}", reply.body);
        let reply = call(&app, Method::PATCH, &format!("{path}/{second}"), Some(&token), Some(&json!({"stock_delta": 5, "active": false}))).await;
        let product: ShopProduct = reply.json();
        assert_eq!((product.stock, product.price_cents), (Some(4), 6900), "an inactive size counts for nothing");
        assert_eq!(product.variants[1].stock, Some(7));
        // Removing: never the last one.
        let reply = call(&app, Method::DELETE, &format!("{path}/{second}"), Some(&token), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = call(&app, Method::DELETE, &format!("{path}/{first}"), Some(&token), None).await;
        assert_eq!(reply.status, 409, "{}", reply.body);

        // A size renamed shows at once on the product's public page, though neither its
        // price nor its stock moved (the catalogue's cached answers follow every change).
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let size38 = boots.variants.iter().find(|v| v.label == "38").unwrap().id;
        let reply = call(&app, Method::PATCH, &format!("/products/{}/variants/{size38}", boots.id), Some(&token), Some(&json!({"label": "38 ½"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let seen: Product = app.get(&format!("/api/v1/products/{}", boots.id)).await.json();
        assert_eq!(seen.variants[0].label, "38 ½");
    }

    async fn only_the_shop_s_people_change_its_variants(app) {
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let path = format!("/products/{}/variants", boots.id);
        let one = format!("{path}/{}", boots.variants[0].id);
        let body = json!({"label": "43", "price_cents": 12900, "stock": 1});
        let change = json!({"stock": 5});
        let customer = token_of(&app, "client@vitrine.demo").await;
        let volunteer = token_of(&app, "benevole@vitrine.demo").await;
        for token in [None, Some(customer.as_str()), Some(volunteer.as_str())] {
            let expected = if token.is_none() { 401 } else { 404 };
            assert_eq!(call(&app, Method::POST, &path, token, Some(&body)).await.status, expected);
            assert_eq!(call(&app, Method::PATCH, &one, token, Some(&change)).await.status, expected);
            assert_eq!(call(&app, Method::DELETE, &one, token, None).await.status, expected);
        }
        // Anyone reads the sizes on sale; the merchant and the admin change them.
        assert_eq!(app.get(&format!("/api/v1{path}")).await.status, 200);
        let merchant = token_of(&app, MERCHANT).await;
        assert_eq!(call(&app, Method::POST, &path, Some(&merchant), Some(&body)).await.status, 201);
        let admin = token_of(&app, "admin@vitrine.demo").await;
        assert_eq!(call(&app, Method::PATCH, &one, Some(&admin), Some(&change)).await.status, 200);
        let after = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        assert_eq!(after.variants.len(), 6);
        assert_eq!(after.variants[0].max_quantity, 5);
    }

    async fn fifty_checkouts_racing_for_the_last_three_of_a_size_sell_three(app) {
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let size = boots.variants.iter().find(|v| v.label == "40").unwrap().id;
        let other = boots.variants.iter().find(|v| v.label == "38").unwrap().id;
        assert_eq!(boots.variants.iter().find(|v| v.id == size).unwrap().max_quantity, 3);
        let mut carts = Vec::new();
        for index in 0..50 {
            let cart = app.create_cart().await.id;
            let reply = app.add_variant(&cart, boots.id, size, 1).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
            // Every fifth basket also holds a size 38, taken under the same product's lock.
            if index % 5 == 0 {
                assert_eq!(app.add_variant(&cart, boots.id, other, 1).await.status, 200);
            }
            carts.push(cart);
        }
        let body = json!({
            "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
            "accept_terms": true, "fulfilment": {"method": "pickup"}, "contact_preference": "call"
        });
        // Fifty different customers (the bound on open orders is per customer).
        let bodies: Vec<Value> = (0..carts.len())
            .map(|i| {
                let mut body = body.clone();
                body["customer"]["phone"] = json!(format!("06 12 34 {:02} {:02}", i / 10, i % 100));
                body
            })
            .collect();
        let replies = futures_util::future::join_all(
            carts.iter().zip(&bodies).map(|(cart, body)| app.checkout(cart, body, None)),
        )
        .await;
        let sold = replies.iter().filter(|r| r.status == 201).count();
        let refused = replies.iter().filter(|r| r.status == 409).count();
        assert_eq!((sold, refused), (3, 47), "{:?}", replies.iter().filter(|r| r.status != 201 && r.status != 409).map(|r| &r.body).collect::<Vec<_>>());
        let after = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let stock = |id: i64| after.variants.iter().find(|v| v.id == id).unwrap().max_quantity;
        assert_eq!(stock(size), 0, "never below zero");
        let sold_38 = replies.iter().enumerate().filter(|(i, r)| r.status == 201 && i % 5 == 0).count();
        assert_eq!(stock(other), 2 - u32::try_from(sold_38).unwrap(), "size 38 taken only with the orders that passed");
        // The product's own stock is the sum of its sizes'.
        let token = token_of(&app, MERCHANT).await;
        let page: Page<ShopProduct> = call(&app, Method::GET, &format!("/shops/{SHOES}/products?q=bottines%20lou"), Some(&token), None).await.json();
        let managed = &page.items[0];
        let sum: i32 = managed.variants.iter().filter(|v| v.active).map(|v| v.stock.unwrap()).sum();
        assert_eq!(managed.stock, Some(sum));
    }

    async fn a_shopper_withdraws_from_one_size_and_keeps_the_other(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let size = |label: &str| boots.variants.iter().find(|v| v.label == label).unwrap().id;
        let cart = app.create_cart().await.id;
        for label in ["39", "40"] {
            assert_eq!(app.add_variant(&cart, boots.id, size(label), 1).await.status, 200);
        }
        let order = app.checkout(&cart, &pickup(), None).await.json::<CheckoutResult>().orders.remove(0);
        for to in ["confirmed", "ready", "completed"] {
            let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), Some(&merchant), Some(&json!({"to": to}))).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let line = |label: &str| order.lines.iter().find(|l| l.variant_label == label).unwrap().id;
        let path = format!("/orders/{}/withdrawal", order.id);
        let token = order.tracking_token.clone();
        // Nothing named, or a line of another order: refused, nothing recorded.
        let reply = call(&app, Method::POST, &path, None, Some(&json!({"tracking_token": token}))).await;
        assert_eq!(reply.refused_fields(), ["line_ids"]);
        let reply = call(&app, Method::POST, &path, None, Some(&json!({"line_ids": [line("39") + 100_000], "tracking_token": token}))).await;
        assert_eq!(reply.refused_fields(), ["line_ids[0]"]);

        // The 39 goes back; the 40 is kept, and can still be sent back later.
        let reply = call(&app, Method::POST, &path, None, Some(&json!({"line_ids": [line("39")], "tracking_token": token}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let withdrawn: Order = reply.json();
        let state: Vec<(&str, bool)> = withdrawn.lines.iter().map(|l| (l.variant_label.as_str(), l.withdrawn_at.is_some())).collect();
        assert_eq!(state, [("39", true), ("40", false)]);
        let seen: Order = call(&app, Method::GET, &format!("/orders/{}", order.id), Some(&merchant), None).await.json();
        let event = seen.history.unwrap().into_iter().find(|e| e.kind == shared::shop_orders::OrderEventKind::Withdrawal).expect("in the history");
        assert!(event.note.contains("Bottines Lou en cuir (39)") && !event.note.contains("(40)"), "{}", event.note);
        // Named by the product (the form before sizes), one of its lines is already withdrawn.
        let reply = call(&app, Method::POST, &path, None, Some(&json!({"product_ids": [boots.id], "tracking_token": token}))).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let reply = call(&app, Method::POST, &path, None, Some(&json!({"line_ids": [line("40")], "tracking_token": token}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert!(reply.json::<Order>().lines.iter().all(|l| l.withdrawn_at.is_some()));
    }

    async fn the_csv_carries_one_line_per_variant_both_ways(app) {
        let token = token_of(&app, MERCHANT).await;
        let file = app.export_of(&token, SHOES).await;
        let header = file.lines().next().unwrap();
        assert!(header.ends_with(";variante;reference;ean;quantite_nette"), "{header}");
        let boots: Vec<&str> = file.lines().filter(|l| l.contains("Bottines Lou en cuir")).collect();
        assert_eq!(boots.len(), 5, "one line per size");
        assert!(boots[3].contains(";0;") && boots[3].contains(";41;"), "{}", boots[3]);
        let honey = app.export_of(&token, GROCERY).await;
        assert!(honey.lines().any(|l| l.contains("Miel de lavande de l'Uzège") && l.ends_with(";500 g;;;500 g")), "{honey}");

        // A shoe shop loads a new product's sizes from a spreadsheet (its lines grouped by
        // name), and restocks a size of the boots (grouped by id).
        let id = app.product_on_sale(SHOES, "Bottines Lou en cuir").await.id;
        let import = format!(
            "id;nom;prix;tva;stock;categorie;statut;variante;reference;ean\n\
             ;Sabots Jeanne;59,00;20;3;chaussures-femme;en vente;38;SAB-38;4006381333931\n\
             ;Sabots Jeanne;59,00;20;0;chaussures-femme;en vente;39;SAB-39;\n\
             ;Sabots Jeanne;62,00;20;1;chaussures-femme;en vente;40;SAB-40;\n\
             {id};Bottines Lou en cuir;129,00;20;4;chaussures-femme;en vente;41;;\n"
        );
        let (status, report) = app.import_into(&token, SHOES, &import).await;
        assert_eq!(status, 200, "{report:?}");
        assert_eq!(report.created, 1);
        let sabots = app.product_on_sale(SHOES, "Sabots Jeanne").await;
        let sizes: Vec<(&str, i64, StockState)> = sabots.variants.iter().map(|v| (v.label.as_str(), v.price_cents, v.stock)).collect();
        assert_eq!(sizes, [("38", 5900, StockState::Low), ("39", 5900, StockState::Out), ("40", 6200, StockState::Low)]);
        assert!(sabots.price_from);
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        assert_eq!(boots.variants.iter().find(|v| v.label == "41").unwrap().max_quantity, 4);

        // A line without a variant may not set the stock of a product with several: named,
        // nothing applied.
        let old_format = format!("id;nom;prix;tva;stock;categorie\n{id};Bottines Lou en cuir;129,00;20;50;chaussures-femme\n");
        let (status, report) = app.import_into(&token, SHOES, &old_format).await;
        assert_eq!(status, 422, "{report:?}");
        assert_eq!(report.errors[0].field, "variante");
        let again = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        assert_eq!(again.variants, boots.variants, "nothing applied");
    }
}

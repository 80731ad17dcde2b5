//! Changing an order after the call (issue 14): a size swapped, a quantity changed, a line
//! removed, a product added, a cheese weighed; stock, totals and VAT exact, the history's
//! before → after, the shopper's e-mail, the refusals that change nothing, the race with
//! checkouts for the last units, and who may do it.

use reqwest::Method;
use serde_json::{Value, json};
use shared::order::{CheckoutResult, Order};
use shared::shop_admin::NewApiKey;
use shared::shop_orders::OrderEventKind;

use crate::helpers::{Reply, TestApp, call, token_of};
use crate::on_both_backends;

const SHOES: &str = "chaussures-fabre";
const CHEESE: &str = "fromagerie-de-la-place-aux-herbes";
const MERCHANT: &str = "marchand@vitrine.demo";
const ADMIN: &str = "admin@vitrine.demo";

/// Spaces as a reader sees them (the money and weight formats use no-break spaces).
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

impl TestApp {
    /// Checks out a basket of `(product, variant, quantity)` as a shopper with this phone.
    async fn order_of(&self, items: &[(i64, i64, i64)], phone: &str) -> Reply {
        let cart = self.create_cart().await.id;
        for (product, variant, quantity) in items {
            let reply = call(
                self,
                Method::POST,
                &format!("/carts/{cart}/items"),
                None,
                Some(&json!({"product_id": product, "variant_id": variant, "quantity": quantity})),
            )
            .await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let body = json!({
            "customer": {"name": "Jeanne Martin", "phone": phone, "email": "jeanne@example.fr"},
            "accept_terms": true, "fulfilment": {"method": "pickup"}, "contact_preference": "call"
        });
        self.checkout(&cart, &body, None).await
    }

    async fn placed(&self, items: &[(i64, i64, i64)]) -> Order {
        let reply = self.order_of(items, "06 12 34 56 78").await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json::<CheckoutResult>().orders.remove(0)
    }

    async fn edit(&self, id: i64, token: Option<&str>, body: &Value) -> Reply {
        call(
            self,
            Method::PATCH,
            &format!("/orders/{id}/lines"),
            token,
            Some(body),
        )
        .await
    }

    /// What a size has left to sell.
    async fn left(&self, shop: &str, name: &str, label: &str) -> u32 {
        let product = self.product_on_sale(shop, name).await;
        product
            .variants
            .iter()
            .find(|v| v.label == label)
            .unwrap()
            .max_quantity
    }
}

on_both_backends! {
    async fn a_shop_swaps_a_size_changes_removes_and_adds_lines_with_exact_totals(app) {
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let size = |label: &str| boots.variants.iter().find(|v| v.label == label).unwrap().id;
        let order = app.placed(&[(boots.id, size("40"), 1), (boots.id, size("42"), 1)]).await;
        assert_eq!(order.total_cents, 25800);
        let (forty, fortytwo) = (order.lines[0].id, order.lines[1].id);
        let merchant = token_of(&app, MERCHANT).await;
        let token = Some(merchant.as_str());
        let note = "Taille 40 épuisée, remplacée par 39 avec l'accord de la cliente";

        // Bad changes are named and change nothing.
        let swap = json!([{"line_id": forty, "variant_id": size("39")}]);
        assert_eq!(app.edit(order.id, token, &json!({"lines": swap})).await.refused_fields(), ["note"]);
        let reply = app.edit(order.id, token, &json!({"note": note, "lines": [{"line_id": forty, "quantity": 100}]})).await;
        assert_eq!(reply.invalid_fields(), ["lines[0].quantity"]);
        let reply = app.edit(order.id, token, &json!({"note": note, "lines": [{"line_id": forty, "actual_weight_g": 300}]})).await;
        assert_eq!(reply.refused_fields(), ["lines[0].actual_weight_g"], "a boot is not weighed");
        let honey = app.product_on_sale("epicerie-du-duche", "Miel de lavande de l'Uzège").await;
        let reply = app.edit(order.id, token, &json!({"note": note, "lines": [{"line_id": forty, "variant_id": honey.variants[0].id}]})).await;
        assert_eq!(reply.refused_fields(), ["lines[0].variant_id"], "another product's variant");
        let reply = app.edit(order.id, token, &json!({"note": note, "lines": [{"line_id": forty, "variant_id": size("41")}]})).await;
        assert_eq!(reply.status, 409, "size 41 is sold out: {}", reply.body);
        let reply = app.edit(order.id, token, &json!({"note": note, "lines": [{"line_id": forty, "quantity": 0}, {"line_id": fortytwo, "quantity": 0}]})).await;
        assert_eq!(reply.refused_fields(), ["lines"], "an order keeps a line");
        assert_eq!((app.left(SHOES, "Bottines Lou en cuir", "40").await, app.left(SHOES, "Bottines Lou en cuir", "39").await), (2, 1));

        // 40 -> 39 and one more 42: one change, one history entry, the stock follows.
        let reply = app.edit(order.id, token, &json!({"note": note, "lines": [
            {"line_id": forty, "variant_id": size("39")}, {"line_id": fortytwo, "quantity": 2}
        ]})).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let changed: Order = reply.json();
        let lines: Vec<(&str, i64, i64)> = changed.lines.iter().map(|l| (l.variant_label.as_str(), l.quantity, l.line_total_cents)).collect();
        assert_eq!(lines, [("39", 1, 12900), ("42", 2, 25800)]);
        assert_eq!(changed.total_cents, 38700);
        // 387,00 € at 20 %: 64,50 € of VAT.
        assert_eq!((changed.vat[0].total_cents, changed.vat[0].vat_cents, changed.vat[0].net_cents), (38700, 6450, 32250));
        assert_eq!(changed.lines[0].variant_id, Some(size("39")));
        let left = |label: &'static str| app.left(SHOES, "Bottines Lou en cuir", label);
        assert_eq!((left("40").await, left("39").await, left("42").await), (3, 0, 0));
        let entry = changed.history.as_ref().unwrap().last().unwrap().clone();
        assert_eq!(entry.kind, OrderEventKind::LinesChanged);
        assert!(entry.actor.unwrap().starts_with("user:"));
        assert_eq!(entry.note, format!("{note}\nBottines Lou en cuir (40) ×1 → (39) ×1\nBottines Lou en cuir (42) ×1 → ×2"));

        // No stock for a third 42: refused, nothing changed.
        let reply = app.edit(order.id, token, &json!({"note": "Une de plus", "lines": [{"line_id": fortytwo, "quantity": 3}]})).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let seen: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
        assert_eq!((seen.total_cents, seen.lines.len()), (38700, 2));

        // Confirmed, a line removed and a size added at today's price.
        let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), token, Some(&json!({"to": "confirmed"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = app.edit(order.id, token, &json!({"note": "La 39 remplacée par une 38", "lines": [
            {"line_id": forty, "quantity": 0}, {"product_id": boots.id, "variant_id": size("38"), "quantity": 1}
        ]})).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let changed: Order = reply.json();
        let lines: Vec<(&str, i64)> = changed.lines.iter().map(|l| (l.variant_label.as_str(), l.quantity)).collect();
        assert_eq!(lines, [("42", 2), ("38", 1)], "the removed line is not among the lines");
        assert_eq!(changed.total_cents, 38700);
        assert_eq!((left("39").await, left("38").await), (1, 1));
        let entry = changed.history.unwrap().last().unwrap().note.clone();
        assert!(plain(&entry).ends_with("Bottines Lou en cuir (39) ×1 → retiré\najouté : Bottines Lou en cuir (38) ×1, 129,00 €"), "{entry}");
        // The same product twice is refused.
        let reply = app.edit(order.id, token, &json!({"note": "encore", "lines": [{"product_id": boots.id, "variant_id": size("38"), "quantity": 1}]})).await;
        assert_eq!(reply.refused_fields(), ["lines[0].product_id"]);

        // The shopper reads the change and its note, and was e-mailed.
        let customer: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
        assert_eq!(customer.total_cents, 38700);
        let seen: Vec<_> = customer.history.unwrap().into_iter().filter(|e| e.kind == OrderEventKind::LinesChanged).collect();
        assert_eq!(seen.len(), 2);
        assert!(seen[0].note.starts_with(note) && seen[0].actor.is_none(), "the note, never who");
        let admin = token_of(&app, ADMIN).await;
        let mailbox = app.mailbox(&admin, "state=held").await;
        let mails: Vec<_> = mailbox.items.iter().filter(|m| m.topic == "order_lines_changed").collect();
        assert_eq!(mails.len(), 2, "one e-mail per change");
        assert_eq!(mails[0].recipient, "jeanne@example.fr");
        let mail = app.mail(&admin, mails[1].id).await;
        assert!(mail.summary.subject.starts_with("Commande modifiée"), "{}", mail.summary.subject);
        assert!(mail.text.contains(note), "{}", mail.text);
        assert!(mail.text.contains("(40) ×1 → (39) ×1"), "{}", mail.text);

        // Ready: too late.
        let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), token, Some(&json!({"to": "ready"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = app.edit(order.id, token, &json!({"note": note, "lines": [{"line_id": fortytwo, "quantity": 1}]})).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
    }

    async fn weighing_a_cheese_sets_its_price_the_total_and_the_vat(app) {
        let tomme = app.product_on_sale(CHEESE, "Tomme des Cévennes à la coupe").await;
        let part = &tomme.variants[0];
        let order = app.placed(&[(tomme.id, part.id, 1)]).await;
        let line = &order.lines[0];
        assert_eq!((line.estimated_weight_g, line.actual_weight_g, line.line_total_cents), (Some(250), None, 575));
        // A weight alone needs no note; the admin may enter it.
        let admin = token_of(&app, ADMIN).await;
        let reply = app.edit(order.id, Some(&admin), &json!({"lines": [{"line_id": line.id, "actual_weight_g": 262}]})).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let weighed: Order = reply.json();
        // 262 g at 23,00 €/kg: 6,026 € -> 6,03 €; its VAT at 5.5 %: 603 * 5.5 / 105.5 = 31.4 -> 31.
        let line = &weighed.lines[0];
        assert_eq!((line.actual_weight_g, line.line_total_cents, line.price_per_kg_cents), (Some(262), 603, Some(2300)));
        assert_eq!(weighed.total_cents, 603);
        assert_eq!((weighed.vat[0].rate, weighed.vat[0].vat_cents, weighed.vat[0].net_cents), (5.5, 31, 572));
        let entry = weighed.history.unwrap().last().unwrap().note.clone();
        assert_eq!(plain(&entry), format!("Tomme des Cévennes à la coupe ({}) : environ 250 g → 262 g, environ 5,75 € → 6,03 €", plain(&part.label)));
        // The tracking link shows the weighed line and the new total.
        let seen: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
        assert_eq!((seen.lines[0].actual_weight_g, seen.total_cents), (Some(262), 603));
        // Weighed again (a mistake): the price follows; a bad weight is named.
        let reply = app.edit(order.id, Some(&admin), &json!({"lines": [{"line_id": line.id, "actual_weight_g": 0}]})).await;
        assert_eq!(reply.invalid_fields(), ["lines[0].actual_weight_g"]);
        let reply = app.edit(order.id, Some(&admin), &json!({"lines": [{"line_id": line.id, "actual_weight_g": 265}]})).await;
        assert_eq!(reply.json::<Order>().total_cents, 610, "6,095 € rounds half up");
    }

    async fn only_the_shop_s_people_and_keys_with_orders_write_change_lines(app) {
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let size = |label: &str| boots.variants.iter().find(|v| v.label == label).unwrap().id;
        let order = app.placed(&[(boots.id, size("40"), 1)]).await;
        let line = order.lines[0].id;
        let body = |quantity: i64| json!({"note": "Accord au téléphone", "lines": [{"line_id": line, "quantity": quantity}]});
        let merchant = token_of(&app, MERCHANT).await;
        let key = |shop: &'static str, scopes: Value| {
            let merchant = merchant.clone();
            let app = &app;
            async move {
                let reply = call(app, Method::POST, &format!("/shops/{shop}/api-keys"), Some(&merchant), Some(&json!({"name": "Caisse", "scopes": scopes}))).await;
                assert_eq!(reply.status, 201, "{}", reply.body);
                reply.json::<NewApiKey>().key
            }
        };
        let reader = key(SHOES, json!(["orders:read"])).await;
        let writer = key(SHOES, json!(["orders:read", "orders:write"])).await;
        let elsewhere = key("epicerie-du-duche", json!(["orders:write"])).await;
        let customer = token_of(&app, "client@vitrine.demo").await;
        let volunteer = token_of(&app, "benevole@vitrine.demo").await;
        assert_eq!(app.edit(order.id, None, &body(2)).await.status, 401);
        for token in [&customer, &volunteer, &elsewhere] {
            assert_eq!(app.edit(order.id, Some(token), &body(2)).await.status, 404);
        }
        assert_eq!(app.edit(order.id, Some(&reader), &body(2)).await.status, 403);
        assert_eq!(app.edit(order.id + 1000, Some(&merchant), &body(2)).await.status, 404);
        let seen: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
        assert_eq!(seen.lines[0].quantity, 1, "nothing changed");
        let admin = token_of(&app, ADMIN).await;
        for (token, quantity) in [(&merchant, 2), (&admin, 3), (&writer, 1)] {
            let reply = app.edit(order.id, Some(token), &body(quantity)).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
            assert_eq!(reply.json::<Order>().lines[0].quantity, quantity);
        }
        let seen: Order = call(&app, Method::GET, &format!("/orders/{}", order.id), Some(&merchant), None).await.json();
        let actors: Vec<String> = seen.history.unwrap().into_iter().filter(|e| e.kind == OrderEventKind::LinesChanged).map(|e| e.actor.unwrap()).collect();
        assert_eq!(actors.len(), 3);
        assert!(actors[2].starts_with("api_key:"), "{actors:?}");
    }

    async fn an_edit_racing_twenty_checkouts_for_the_last_three_units_never_oversells(app) {
        let boots = app.product_on_sale(SHOES, "Bottines Lou en cuir").await;
        let size = |label: &str| boots.variants.iter().find(|v| v.label == label).unwrap().id;
        // An order of a 38, to be swapped for two 40s while twenty shoppers buy a 40.
        let order = app.placed(&[(boots.id, size("38"), 1)]).await;
        assert_eq!(app.left(SHOES, "Bottines Lou en cuir", "40").await, 3);
        let mut carts = Vec::new();
        for _ in 0..20 {
            let cart = app.create_cart().await.id;
            let reply = call(&app, Method::POST, &format!("/carts/{cart}/items"), None, Some(&json!({"product_id": boots.id, "variant_id": size("40"), "quantity": 1}))).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
            carts.push(cart);
        }
        let bodies: Vec<Value> = (0..carts.len())
            .map(|i| json!({
                "customer": {"name": "Jeanne Martin", "phone": format!("06 12 34 77 {i:02}")},
                "accept_terms": true, "fulfilment": {"method": "pickup"}, "contact_preference": "call"
            }))
            .collect();
        let merchant = token_of(&app, MERCHANT).await;
        let edit = json!({"note": "Deux 40 au lieu d'une 38", "lines": [{"line_id": order.lines[0].id, "variant_id": size("40"), "quantity": 2}]});
        let (edited, checkouts) = futures_util::join!(
            app.edit(order.id, Some(&merchant), &edit),
            futures_util::future::join_all(carts.iter().zip(&bodies).map(|(cart, body)| app.checkout(cart, body, None))),
        );
        assert!(matches!(edited.status, 200 | 409), "{}", edited.body);
        let sold = checkouts.iter().filter(|r| r.status == 201).count();
        assert!(checkouts.iter().all(|r| r.status == 201 || r.status == 409), "only sold or refused");
        let taken = sold + if edited.status == 200 { 2 } else { 0 };
        assert_eq!(taken, 3, "the three units sold, never more (edit {})", edited.status);
        assert_eq!(app.left(SHOES, "Bottines Lou en cuir", "40").await, 0);
        let seen: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
        let expected = if edited.status == 200 { ("40", 2) } else { ("38", 1) };
        assert_eq!((seen.lines[0].variant_label.as_str(), seen.lines[0].quantity), expected);
        let back = if edited.status == 200 { 2 } else { 1 };
        assert_eq!(app.left(SHOES, "Bottines Lou en cuir", "38").await, back, "the 38 given back only with the edit");
    }
}

//! Accounts: sign-up, log-in, rotating refresh tokens, rate-limited failures, the basket
//! that follows its shopper, and a customer's own orders.

use serde_json::{Value, json};
use shared::Page;
use shared::auth::{Me, Role, Session};
use shared::order::{CheckoutResult, Order, OrderStatus};

use crate::helpers::{Reply, TestApp};
use crate::on_both_backends;

impl TestApp {
    pub async fn post_json(&self, path: &str, body: &Value, token: Option<&str>) -> Reply {
        let mut request = self
            .client
            .post(self.url(path))
            .header("Content-Type", "application/json")
            .body(body.to_string());
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        Self::read_response(request.send().await.expect("request")).await
    }

    pub async fn get_as(&self, path: &str, token: &str) -> Reply {
        Self::read_response(
            self.client
                .get(self.url(path))
                .bearer_auth(token)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.post_json(
            "/api/v1/auth/login",
            &json!({"email": email, "password": password}),
            None,
        )
        .await
    }
}

const PASSWORD: &str = "vitrine-demo-2026";

on_both_backends! {
    async fn sign_up_then_log_in_and_see_yourself(app) {
        let reply = app
            .post_json("/api/v1/auth/register", &json!({"email": " Paul@Example.fr ", "password": "un mot de passe long", "name": "Paul"}), None)
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let session: Session = reply.json();
        assert_eq!((session.user.email.as_str(), session.user.role, session.token_type.as_str()), ("paul@example.fr", Role::Customer, "Bearer"));
        let me: Me = app.get_as("/api/v1/me", &session.access_token).await.json();
        assert_eq!(me.id, session.user.id);

        let again = app.login("paul@example.fr", "un mot de passe long").await;
        assert_eq!(again.status, 200, "{}", again.body);
        let demo: Session = app.login("client@vitrine.demo", PASSWORD).await.json();
        assert_eq!(demo.user.role, Role::Customer);
        let admin: Session = app.login("admin@vitrine.demo", PASSWORD).await.json();
        assert_eq!(admin.user.role, Role::Admin);
    }

    async fn sign_up_refuses_bad_fields_and_taken_emails(app) {
        let bad = app.post_json("/api/v1/auth/register", &json!({"email": "paul", "password": "court", "name": ""}), None).await;
        assert_eq!(bad.invalid_fields(), ["email", "password", "name"]);
        let taken = app.post_json("/api/v1/auth/register", &json!({"email": "CLIENT@vitrine.demo", "password": "un mot de passe long", "name": "X"}), None).await;
        taken.problem(409, "conflict");
        let extra = app.post_json("/api/v1/auth/register", &json!({"email": "a@b.fr", "password": "un mot de passe long", "name": "X", "role": "admin"}), None).await;
        extra.problem(400, "malformed_body");
    }

    async fn failed_logins_do_not_tell_which_part_was_wrong_and_are_limited(app) {
        let unknown = app.login("nobody@vitrine.demo", PASSWORD).await.problem(401, "unauthorized");
        let wrong = app.login("client@vitrine.demo", "not the password").await.problem(401, "unauthorized");
        assert_eq!(unknown, wrong, "the same answer whether or not the e-mail exists");
        for _ in 0..4 {
            app.login("client@vitrine.demo", "not the password").await.problem(401, "unauthorized");
        }
        app.login("client@vitrine.demo", PASSWORD).await.problem(429, "too_many_requests");
        assert_eq!(app.login("marchand@vitrine.demo", PASSWORD).await.status, 200, "other accounts are not affected");
    }

    async fn refresh_tokens_rotate_and_logout_revokes(app) {
        let first: Session = app.login("client@vitrine.demo", PASSWORD).await.json();
        let refresh = |token: &Option<String>| json!({"refresh_token": token});
        let second: Session = app.post_json("/api/v1/auth/refresh", &refresh(&first.refresh_token), None).await.json();
        assert_ne!(second.refresh_token, first.refresh_token);
        assert_eq!(app.get_as("/api/v1/me", &second.access_token).await.status, 200);
        let following: Session = app.post_json("/api/v1/auth/refresh", &refresh(&second.refresh_token), None).await.json();
        // `first` was spent and its successor used since: using it again means it leaked,
        // so every session closes.
        app.post_json("/api/v1/auth/refresh", &refresh(&first.refresh_token), None).await.problem(401, "unauthorized");
        app.post_json("/api/v1/auth/refresh", &refresh(&following.refresh_token), None).await.problem(401, "unauthorized");

        let third: Session = app.login("client@vitrine.demo", PASSWORD).await.json();
        assert_eq!(app.post_json("/api/v1/auth/logout", &refresh(&third.refresh_token), None).await.status, 204);
        app.post_json("/api/v1/auth/refresh", &refresh(&third.refresh_token), None).await.problem(401, "unauthorized");
    }

    async fn a_refresh_whose_answer_was_lost_is_answered_again_and_a_replay_of_it_closes_every_session(app) {
        let refresh = |token: &Option<String>| json!({"refresh_token": token});
        let first: Session = app.login("client@vitrine.demo", PASSWORD).await.json();
        let lost: Session = app.post_json("/api/v1/auth/refresh", &refresh(&first.refresh_token), None).await.json();
        // The answer never arrived (a page left mid-refresh, a dropped connection): the same
        // token, moments later, while its successor was never used, gets a new session, and
        // the successor stops working.
        let again: Session = app.post_json("/api/v1/auth/refresh", &refresh(&first.refresh_token), None).await.json();
        assert_ne!(again.refresh_token, lost.refresh_token);
        assert_eq!(app.get_as("/api/v1/me", &again.access_token).await.status, 200);
        // Only a copy could present the revoked successor: every session closes.
        app.post_json("/api/v1/auth/refresh", &refresh(&lost.refresh_token), None).await.problem(401, "unauthorized");
        app.post_json("/api/v1/auth/refresh", &refresh(&again.refresh_token), None).await.problem(401, "unauthorized");

        // After the grace, a second use is a leak even if the successor was never used.
        let old: Session = app.login("client@vitrine.demo", PASSWORD).await.json();
        let unused: Session = app.post_json("/api/v1/auth/refresh", &refresh(&old.refresh_token), None).await.json();
        app.execute_sql("UPDATE refresh_tokens SET revoked_at = '2020-01-01 00:00:00' WHERE replaced_by IS NOT NULL");
        app.post_json("/api/v1/auth/refresh", &refresh(&old.refresh_token), None).await.problem(401, "unauthorized");
        app.post_json("/api/v1/auth/refresh", &refresh(&unused.refresh_token), None).await.problem(401, "unauthorized");
    }

    async fn protected_routes_need_a_valid_token(app) {
        app.get("/api/v1/me").await.problem(401, "unauthorized");
        app.get_as("/api/v1/me", "not.a.token").await.problem(401, "unauthorized");
        let session: Session = app.login("client@vitrine.demo", PASSWORD).await.json();
        let mut tampered = session.access_token.clone();
        tampered.push('x');
        app.get_as("/api/v1/me", &tampered).await.problem(401, "unauthorized");
        app.get("/api/v1/me/orders").await.problem(401, "unauthorized");
        app.get("/api/v1/orders/1").await.problem(401, "unauthorized");
    }

    async fn the_basket_follows_its_shopper_and_orders_are_their_own(app) {
        let product = app.product_in("epicerie-du-duche", 5).await;
        let cart = app.create_cart().await.id;
        app.add_to_cart(&cart, product.id, 2).await;
        let session: Session = app
            .post_json("/api/v1/auth/login", &json!({"email": "client@vitrine.demo", "password": PASSWORD, "cart_id": cart}), None)
            .await
            .json();
        assert_eq!(session.user.cart_id.as_deref(), Some(cart.as_str()), "the guest basket is now the account's");

        let body = json!({
            "customer": {"name": "Jeanne Martin", "phone": "0612345678"},
            "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "1 place aux Herbes", "postcode": "30700", "commune": "uzes"}}
        });
        let reply = app.post_json(&format!("/api/v1/carts/{cart}/checkout"), &body, Some(&session.access_token)).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let order = reply.json::<CheckoutResult>().orders.remove(0);

        let mine: Page<Order> = app.get_as("/api/v1/me/orders", &session.access_token).await.json();
        assert_eq!(mine.total, 1);
        assert_eq!(mine.items[0].id, order.id);
        let path = format!("/api/v1/orders/{}", order.id);
        assert_eq!(app.get_as(&path, &session.access_token).await.json::<Order>().id, order.id);
        // Another shopper (the shop's merchants see it too: see shop_orders.rs).
        let other: Session = app
            .post_json("/api/v1/auth/register", &json!({"email": "paul@example.fr", "password": PASSWORD, "name": "Paul"}), None)
            .await
            .json();
        app.get_as(&path, &other.access_token).await.problem(404, "not_found");

        let cancel = format!("/api/v1/orders/{}/cancel", order.id);
        app.post_json(&cancel, &json!({}), Some(&other.access_token)).await.problem(404, "not_found");
        let cancelled: Order = app.post_json(&cancel, &json!({}), Some(&session.access_token)).await.json();
        assert_eq!(cancelled.status, OrderStatus::Cancelled);
        let after: shared::catalogue::Product = app.get(&format!("/api/v1/products/{}", product.id)).await.json();
        assert_eq!(after.max_quantity, product.max_quantity, "the stock went back");
        app.post_json(&cancel, &json!({}), Some(&session.access_token)).await.problem(409, "conflict");
    }
}

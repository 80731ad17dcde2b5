//! Bad requests get a problem+json 4xx with a stable code, never a 500.

use crate::helpers::{TestApp, call};
use crate::on_both_backends;

on_both_backends! {
    async fn unknown_api_routes_are_problem_404s(app) {
        for path in ["/api/v1/nope", "/api/nope", "/api", "/api/v1/shops/x/y/z"] {
            app.get(path).await.problem(404, "not_found");
        }
    }

    async fn a_method_a_resource_does_not_have_is_a_problem_405_naming_those_it_has(app) {
        let cases = [
            (reqwest::Method::DELETE, "/api/v1/shops", "GET, POST"),
            (reqwest::Method::PUT, "/api/v1/admin/categories/defaults", "GET, POST"),
            (reqwest::Method::POST, "/api/v1/products/12", "GET, PATCH"),
            (reqwest::Method::OPTIONS, "/api/v1/ping", "GET"),
        ];
        for (method, path, allow) in cases {
            let response = app.client.request(method.clone(), app.url(path)).send().await.expect("request");
            let header = response.headers().get("allow").map(|v| v.to_str().unwrap().to_owned());
            assert_eq!(header.as_deref(), Some(allow), "{method} {path}");
            TestApp::read_response(response).await.problem(405, "method_not_allowed");
        }
        // A path no route has stays a 404, whatever the method.
        let reply = app.send_raw(reqwest::Method::DELETE, "/api/v1/shopz", "application/json", "{}").await;
        reply.problem(404, "not_found");
    }

    async fn a_whole_number_written_as_a_float_is_that_integer(app) {
        // JSON Schema, the OpenAPI document's dialect, reads 2.0 as the integer 2.
        let cart = app.create_cart().await;
        let product = app.product_in("epicerie-du-duche", 5).await;
        let body = format!(r#"{{"product_id": {}.0, "quantity": 2.0}}"#, product.id);
        let path = format!("/api/v1/carts/{}/items", cart.id);
        let reply = app.send_raw(reqwest::Method::POST, &path, "application/json", &body).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(app.get_cart(&cart.id).await.item_count, 2);
        // A fraction is still no integer.
        let reply = app.send_raw(reqwest::Method::POST, &path, "application/json",
            &format!(r#"{{"product_id": {}, "quantity": 1.5}}"#, product.id)).await;
        reply.problem(400, "malformed_body");
    }

    async fn a_json_body_that_is_not_an_object_is_malformed(app) {
        // serde would read `[1, 2]` into a struct's fields in order; every body is an object.
        let cart = app.create_cart().await;
        let product = app.product_in("epicerie-du-duche", 5).await;
        let path = format!("/api/v1/carts/{}/items", cart.id);
        for body in [format!("[{}, 2]", product.id), "2".into(), "\"x\"".into(), "null".into()] {
            let reply = app.send_raw(reqwest::Method::POST, &path, "application/json", &body).await;
            reply.problem(400, "malformed_body");
        }
        assert_eq!(app.get_cart(&cart.id).await.item_count, 0, "nothing was added");
    }

    async fn a_path_of_the_wrong_type_is_a_404(app) {
        app.get("/api/v1/products/not-a-number/picture").await.problem(404, "not_found");
        // A basket's id where the product id goes: nothing there (the basket stays).
        let cart = app.create_cart().await;
        let path = format!("/carts/{}/items/{}", cart.id, cart.id);
        call(&app, reqwest::Method::DELETE, &path, None, None).await.problem(404, "not_found");
        assert_eq!(app.get(&format!("/api/v1/carts/{}", cart.id)).await.status, 200);
    }

    async fn bad_paging_names_the_parameter(app) {
        let cases = [
            ("per_page=101", "per_page"),
            ("per_page=0", "per_page"),
            ("per_page=-5", "per_page"),
            ("per_page=abc", "per_page"),
            ("page=0", "page"),
            ("page=-1", "page"),
            ("page=1.5", "page"),
            ("page=99999999999999999999", "page"),
            // Deep pages cost as much as the rows they skip: none past page 100.
            ("page=101", "page"),
            ("page=2147483648", "page"),
        ];
        for (query, field) in cases {
            for path in ["/api/v1/shops", "/api/v1/categories"] {
                let reply = app.get(&format!("{path}?{query}")).await;
                assert_eq!(reply.invalid_fields(), [field], "{path}?{query}");
            }
        }
    }

    async fn several_bad_parameters_are_all_named(app) {
        let reply = app.list_shops("page=0&per_page=500&kind=garage").await;
        assert_eq!(reply.invalid_fields(), ["page", "per_page", "kind"]);
    }
}

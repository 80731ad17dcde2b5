//! Bad requests get a problem+json 4xx with a stable code, never a 500.

use crate::on_both_backends;

on_both_backends! {
    async fn unknown_api_routes_are_problem_404s(app) {
        for path in ["/api/v1/nope", "/api/nope", "/api", "/api/v1/shops/x/y/z"] {
            app.get(path).await.problem(404, "not_found");
        }
    }

    async fn a_method_a_resource_does_not_have_is_a_problem_404(app) {
        let reply = app.send_raw(reqwest::Method::DELETE, "/api/v1/shops", "application/json", "{}").await;
        reply.problem(404, "not_found");
    }

    async fn a_path_of_the_wrong_type_is_a_404(app) {
        app.get("/api/v1/products/not-a-number/picture").await.problem(404, "not_found");
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

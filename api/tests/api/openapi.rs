//! The committed `openapi.yaml` is what the code generates (`just openapi` rewrites it), and
//! it is a reference an integrator can work from: every operation summarised, described and
//! shown with examples, every webhook event described.

use serde_json::Value;

#[test]
fn the_committed_openapi_yaml_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = vitrine::routes::openapi_yaml().expect("yaml");
    assert!(
        committed == generated,
        "openapi.yaml is stale: run `just openapi` and commit the result"
    );
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "patch", "head", "options", "trace",
];

/// Whether a media type's example is given: on the media type, on its schema, or on the
/// component its schema names.
fn has_example(doc: &Value, media: &Value) -> bool {
    let given = |value: &Value| value.get("example").is_some() || value.get("examples").is_some();
    if given(media) {
        return true;
    }
    let schema = &media["schema"];
    if given(schema) {
        return true;
    }
    schema["$ref"]
        .as_str()
        .and_then(|reference| reference.strip_prefix("#/components/schemas/"))
        .is_some_and(|name| given(&doc["components"]["schemas"][name]))
}

/// Only JSON bodies are held to an example. CSV, PDF, pictures, event streams and problem
/// bodies (one shape, shown once in the components) have none to give, and a 204, 202
/// without body or redirect has no body at all.
fn json_media(content: &Value) -> Option<&Value> {
    content.get("application/json")
}

fn text(value: &Value) -> &str {
    value.as_str().map(str::trim).unwrap_or_default()
}

#[test]
fn every_operation_has_a_summary_a_description_and_examples() {
    let doc = serde_json::to_value(vitrine::routes::openapi()).expect("json");
    let mut failures = Vec::new();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            operations += 1;
            let name = format!(
                "{} {path} ({})",
                method.to_uppercase(),
                text(&operation["operationId"])
            );
            if text(&operation["summary"]).is_empty() {
                failures.push(format!("{name}: no summary"));
            }
            if text(&operation["description"]).is_empty() {
                failures.push(format!("{name}: no description"));
            }
            if let Some(media) = json_media(&operation["requestBody"]["content"])
                && !has_example(&doc, media)
            {
                failures.push(format!("{name}: the JSON request body has no example"));
            }
            for (status, response) in operation["responses"].as_object().into_iter().flatten() {
                if !status.starts_with('2') {
                    continue;
                }
                if let Some(media) = json_media(&response["content"])
                    && !has_example(&doc, media)
                {
                    failures.push(format!("{name}: the {status} JSON answer has no example"));
                }
            }
        }
    }
    assert!(operations > 100, "only {operations} operations found");
    assert!(
        failures.is_empty(),
        "{} failure(s) in the OpenAPI document:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_openapi_document_describes_every_webhook_event_with_an_example() {
    let doc = serde_json::to_value(vitrine::routes::openapi()).expect("json");
    assert!(
        text(&doc["openapi"]).starts_with("3.1."),
        "webhooks need OpenAPI 3.1, the document says {}",
        doc["openapi"]
    );
    let webhooks = doc["webhooks"].as_object().expect("a webhooks section");
    let mut names: Vec<&str> = webhooks.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "order.paid",
            "order.placed",
            "order.status_changed",
            "product.created",
            "product.deleted",
            "product.updated",
            "shop.applied",
            "shop.approved",
            "webhook.test",
        ]
    );
    let mut failures = Vec::new();
    for (name, item) in webhooks {
        let operation = &item["post"];
        if text(&operation["summary"]).is_empty() || text(&operation["description"]).is_empty() {
            failures.push(format!("{name}: no summary or description"));
        }
        let media = &operation["requestBody"]["content"]["application/json"];
        if !has_example(&doc, media) {
            failures.push(format!("{name}: no example payload"));
        } else if media["example"]["type"] != name.as_str() {
            failures.push(format!(
                "{name}: the example's type is {}",
                media["example"]["type"]
            ));
        }
        let headers: Vec<&str> = operation["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|parameter| parameter["in"] == "header")
            .map(|parameter| text(&parameter["name"]))
            .collect();
        if headers != ["webhook-id", "webhook-timestamp", "webhook-signature"] {
            failures.push(format!("{name}: headers {headers:?}"));
        }
    }
    assert!(failures.is_empty(), "webhooks:\n{}", failures.join("\n"));
}

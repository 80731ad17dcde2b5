//! The parts of the API reference that no route declares: the events the server posts to
//! webhook endpoints (OpenAPI 3.1 `webhooks`, as `crate::webhooks::events` writes them), and
//! the examples of list pages, made from their items' examples so that one example of a
//! type serves every list of it.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, Parameter, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{
    KnownFormat, Object, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{
    ContentBuilder, OpenApi, PathsBuilder, Ref, RefOr, Required, ResponseBuilder,
};

/// Adds the webhooks and the list pages' examples to `api` (after the routes are collected).
pub fn apply(api: &mut OpenApi) {
    page_examples(api);
    api.webhooks = Some(
        webhook_events()
            .into_iter()
            .fold(PathsBuilder::new(), |paths, (name, item)| {
                paths.path(name, item)
            })
            .build(),
    );
}

/// Gives each `Page_<Item>` component without an example one page holding its item's
/// example, and each list answered as a bare array (`[Item]`) the same.
fn page_examples(api: &mut OpenApi) {
    let Some(components) = api.components.as_mut() else {
        return;
    };
    let example_of = |schema: &RefOr<Schema>| match schema {
        RefOr::T(Schema::Object(object)) => object
            .example
            .clone()
            .or_else(|| object.examples.first().cloned()),
        _ => None,
    };
    let examples: BTreeMap<String, Value> = components
        .schemas
        .iter()
        .filter_map(|(name, schema)| Some((name.clone(), example_of(schema)?)))
        .collect();
    let item_example = |name: &str| examples.get(name).cloned();
    for (name, schema) in &mut components.schemas {
        let Some(item) = name.strip_prefix("Page_") else {
            continue;
        };
        if let RefOr::T(Schema::Object(page)) = schema
            && page.example.is_none()
            && page.examples.is_empty()
            && let Some(example) = item_example(item)
        {
            page.example = Some(json!({"items": [example], "page": 1, "per_page": 24, "total": 1}));
        }
    }
    for item in api.paths.paths.values_mut() {
        for operation in super::contract::operations(item) {
            for response in operation.responses.responses.values_mut() {
                let RefOr::T(response) = response else {
                    continue;
                };
                let Some(RefOr::T(content)) = response.content.get_mut("application/json") else {
                    continue;
                };
                if content.example.is_some() || !content.examples.is_empty() {
                    continue;
                }
                if let Some(RefOr::T(Schema::Array(array))) = &content.schema
                    && let utoipa::openapi::schema::ArrayItems::RefOrSchema(items) = &array.items
                    && let RefOr::Ref(reference) = items.as_ref()
                    && let Some(name) = reference.ref_location.rsplit('/').next()
                    && let Some(example) = item_example(name)
                {
                    content.example = Some(json!([example]));
                }
            }
        }
    }
}

/// The headers of every delivery, as Standard Webhooks names them.
fn delivery_headers() -> Vec<Parameter> {
    [
        (
            "webhook-id",
            "The event's id (`msg_` and 32 hexadecimal digits), the same on every retry and \
             replay: drop a second copy by it.",
            "msg_2f6d0c1e9b8a4f7d8e3c5b1a0f9e7d6c",
        ),
        (
            "webhook-timestamp",
            "When this attempt was made, in Unix seconds: refuse one too far from your clock \
             (5 minutes, say) to stop replays.",
            "1796378400",
        ),
        (
            "webhook-signature",
            "`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, \
             keyed with the base64-decoded part of the endpoint's secret after `whsec_`. \
             During a rotation (24 hours) two signatures, space-separated, the new secret's \
             first: accept the delivery if one matches.",
            "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
        ),
    ]
    .into_iter()
    .map(|(name, description, example)| {
        ParameterBuilder::new()
            .name(name)
            .parameter_in(ParameterIn::Header)
            .required(Required::True)
            .description(Some(description))
            .schema(Some(string("")))
            .example(Some(json!(example)))
            .build()
    })
    .collect()
}

fn described(builder: ObjectBuilder, description: &str) -> ObjectBuilder {
    if description.is_empty() {
        builder
    } else {
        builder.description(Some(description))
    }
}

fn string(description: &str) -> Object {
    described(ObjectBuilder::new().schema_type(Type::String), description).build()
}

fn integer(description: &str) -> Object {
    described(
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64))),
        description,
    )
    .build()
}

fn nullable(kind: Type, description: &str) -> Object {
    described(
        ObjectBuilder::new().schema_type(SchemaType::from_iter([kind, Type::Null])),
        description,
    )
    .build()
}

fn component(name: &str) -> RefOr<Schema> {
    RefOr::Ref(Ref::from_schema_name(name))
}

/// An object whose every field is required.
fn object(fields: Vec<(&str, RefOr<Schema>)>) -> ObjectBuilder {
    fields
        .into_iter()
        .fold(ObjectBuilder::new(), |object, (name, schema)| {
            object.property(name, schema).required(name)
        })
}

/// The fields every order event carries.
fn order_fields() -> Vec<(&'static str, RefOr<Schema>)> {
    vec![
        (
            "order_id",
            integer("The order's id (`GET /api/v1/orders/{id}`).").into(),
        ),
        (
            "order_number",
            string("Its number for people, e.g. `UZ-2026-00042`.").into(),
        ),
        ("shop", string("The shop's slug.").into()),
    ]
}

/// The fields every product event carries.
fn product_fields() -> Vec<(&'static str, RefOr<Schema>)> {
    vec![
        ("product_id", integer("The product's id.").into()),
        ("product", string("The product's slug.").into()),
        ("shop", string("The shop's slug.").into()),
    ]
}

fn with(
    mut fields: Vec<(&'static str, RefOr<Schema>)>,
    more: Vec<(&'static str, RefOr<Schema>)>,
) -> Vec<(&'static str, RefOr<Schema>)> {
    fields.extend(more);
    fields
}

/// One event: its `type`, what it means, its `data` and an example of that.
struct Event {
    kind: &'static str,
    summary: &'static str,
    description: &'static str,
    data: ObjectBuilder,
    example: Value,
}

fn events() -> Vec<Event> {
    let order =
        || json!({"order_id": 42, "order_number": "UZ-2026-00042", "shop": "epicerie-du-duche"});
    let product = || json!({"product_id": 20, "product": "anchoiade", "shop": "epicerie-du-duche"});
    let merge = |mut base: Value, more: Value| {
        if let (Some(base), Value::Object(more)) = (base.as_object_mut(), more) {
            base.extend(more);
        }
        base
    };
    vec![
        Event {
            kind: "order.placed",
            summary: "An order was placed",
            description: "A shopper checked out (one event per shop's order) or the shop \
                entered a phone order. Sent to the shop's endpoints and the association's.",
            data: object(with(
                order_fields(),
                vec![
                    ("status", component("OrderStatus")),
                    (
                        "total_cents",
                        integer("Total in cents, VAT included.").into(),
                    ),
                    ("currency", string("Always `EUR`.").into()),
                    ("fulfilment", component("OrderFulfilment")),
                ],
            )),
            example: merge(
                order(),
                json!({
                    "status": "placed", "total_cents": 1730, "currency": "EUR",
                    "fulfilment": {
                        "method": "delivery", "date": "2026-12-08",
                        "address": {"street": "12 rue de la République", "postcode": "30700",
                            "commune": "Uzès", "access_note": "Code porte 1234, 2e étage"},
                        "pickup_address": null
                    }
                }),
            ),
        },
        Event {
            kind: "order.status_changed",
            summary: "An order's status changed",
            description: "The shop confirmed the order, had it ready, handed it over, or it \
                was cancelled (by the shopper, the shop, or Vitrine when a guest's order \
                stayed unconfirmed: reason `auto_released`).",
            data: object(with(
                order_fields(),
                vec![("status", component("OrderStatus"))],
            ))
            .property(
                "reason",
                nullable(
                    Type::String,
                    "Why, when it was cancelled: the shop's words, or `auto_released`.",
                ),
            ),
            example: merge(
                order(),
                json!({"status": "cancelled", "reason": "Plus d'anchoïade avant mardi, désolés"}),
            ),
        },
        Event {
            kind: "order.paid",
            summary: "An order was paid",
            description: "The shop recorded the payment at handover.",
            data: object(with(
                order_fields(),
                vec![
                    ("payment_method", component("PaymentMethod")),
                    (
                        "total_cents",
                        integer("Total in cents, VAT included.").into(),
                    ),
                    ("currency", string("Always `EUR`.").into()),
                ],
            )),
            example: merge(
                order(),
                json!({"payment_method": "card", "total_cents": 1730, "currency": "EUR"}),
            ),
        },
        Event {
            kind: "product.created",
            summary: "A product was created",
            description: "A product was created (`POST /api/v1/shops/{slug}/products`, by \
                a merchant, an admin, an assigned volunteer or an API key with \
                `products:write`), as a draft; or a CSV import added it, with the status its \
                line gave.",
            data: object(with(
                product_fields(),
                vec![
                    ("name", string("The product's name.").into()),
                    (
                        "price_cents",
                        integer("Price in cents, VAT included.").into(),
                    ),
                    ("status", component("ProductStatus")),
                ],
            ))
            .property(
                "stock",
                nullable(Type::Integer, "Units in stock; `null`: not counted."),
            ),
            example: merge(
                product(),
                json!({"name": "Anchoïade", "price_cents": 610, "stock": 24, "status": "draft"}),
            ),
        },
        Event {
            kind: "product.updated",
            summary: "A product's price, stock or status changed",
            description: "Sent when an edit of the product (`PATCH /api/v1/products/{id}`, \
                publish, unpublish, a CSV import) changed one of the three, and when an order \
                took its stock (a checkout, a phone order) or put it back (a cancellation): \
                then `changed` holds the `stock` left and `order_number` names the order. \
                `changed` holds the new values of the fields that changed.",
            data: object(with(
                product_fields(),
                vec![(
                    "changed",
                    ObjectBuilder::new()
                        .description(Some("The new value of each field that changed."))
                        .property("price_cents", integer("The new price in cents."))
                        .property(
                            "stock",
                            nullable(Type::Integer, "The new stock; `null`: not counted."),
                        )
                        .property("status", component("ProductStatus"))
                        .into(),
                )],
            ))
            .property(
                "order_number",
                string("When an order took or put back the stock: the order's number."),
            ),
            example: merge(
                product(),
                json!({"changed": {"price_cents": 650, "stock": 18}}),
            ),
        },
        Event {
            kind: "product.deleted",
            summary: "A product was withdrawn",
            description: "The product was archived (`POST /api/v1/products/{id}/archive`): it is no \
                longer sold; past orders keep it.",
            data: object(product_fields()),
            example: product(),
        },
        Event {
            kind: "shop.applied",
            summary: "A shop applied to join",
            description: "A merchant applied for a new shop. Sent to the association's \
                endpoints only.",
            data: object(vec![
                ("shop", string("The shop's slug.").into()),
                ("name", string("The shop's name.").into()),
                ("kind", component("ShopKind")),
            ]),
            example: json!({"shop": "la-cave-d-uzes", "name": "La Cave d'Uzès", "kind": "food"}),
        },
        Event {
            kind: "shop.approved",
            summary: "A shop was approved",
            description: "The association approved a shop: it is open to shoppers. Sent to \
                the association's endpoints only.",
            data: object(vec![
                ("shop", string("The shop's slug.").into()),
                ("name", string("The shop's name.").into()),
            ]),
            example: json!({"shop": "la-cave-d-uzes", "name": "La Cave d'Uzès"}),
        },
        Event {
            kind: crate::webhooks::events::TEST_EVENT,
            summary: "A test event",
            description: "Sent by `POST …/webhooks/{id}/test` (the back-office's \"Envoyer un \
                événement de test\") to that endpoint only, signed like the others.",
            data: object(vec![
                ("endpoint_id", integer("The endpoint's id.").into()),
                (
                    "shop",
                    nullable(
                        Type::String,
                        "The shop's slug; `null` for the association's endpoints.",
                    )
                    .into(),
                ),
            ]),
            example: json!({"endpoint_id": 3, "shop": "epicerie-du-duche"}),
        },
    ]
}

/// The `webhooks` entries: one `POST` to the integrator's endpoint per event type.
fn webhook_events() -> Vec<(&'static str, PathItem)> {
    events()
        .into_iter()
        .map(|event| {
            let payload = ObjectBuilder::new()
                .description(Some(
                    "The body: thin, ids and what changed; fetch the rest with a key.",
                ))
                .property(
                    "type",
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some([event.kind]))
                        .description(Some("The event's type.")),
                )
                .required("type")
                .property(
                    "timestamp",
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
                        .description(Some("When the change happened (RFC 3339, UTC).")),
                )
                .required("timestamp")
                .property("data", event.data)
                .required("data");
            let example = json!({
                "type": event.kind,
                "timestamp": "2026-12-04T10:00:00+00:00",
                "data": event.example,
            });
            let operation = OperationBuilder::new()
                .tag("webhooks")
                .operation_id(Some(event.kind.replace('.', "_")))
                .summary(Some(event.summary))
                .description(Some(format!(
                    "{} The server posts it to every enabled endpoint subscribed to \
                     `{}`, with the Standard Webhooks headers; the integrators' guide \
                     (`/api/integrators.md`) shows how to verify the signature.",
                    event.description, event.kind
                )))
                .parameters(Some(delivery_headers()))
                .request_body(Some(
                    RequestBodyBuilder::new()
                        .required(Some(Required::True))
                        .content(
                            "application/json",
                            ContentBuilder::new()
                                .schema(Some(payload))
                                .example(Some(example))
                                .build(),
                        )
                        .build(),
                ))
                .response(
                    "2XX",
                    ResponseBuilder::new().description(
                        "Received: any 2xx acknowledges the event; the body is ignored.",
                    ),
                )
                .response(
                    "410",
                    ResponseBuilder::new().description("Gone: the endpoint is disabled at once."),
                )
                .response(
                    "default",
                    ResponseBuilder::new().description(
                        "Anything else (a 3xx too: redirects are not followed, or no answer \
                         within 15 s) is a failure: tried again after 5 s, 5 min, 30 min, 2 h, \
                         5 h, 10 h and 10 h, or after a 429's or 503's `Retry-After` (10 h at \
                         most). An endpoint failing for 5 days is disabled.",
                    ),
                );
            (event.kind, PathItem::new(HttpMethod::Post, operation))
        })
        .collect()
}

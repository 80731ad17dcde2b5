//! The one error body of the API: `application/problem+json` (RFC 9457) with a stable code.

use serde::{Deserialize, Serialize};

/// A stable, machine-readable error code. Clients branch on this, never on the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// One or more fields or parameters are invalid; see `errors`. With 400 the request is
    /// malformed (the OpenAPI schema says so); with 422 it is well-formed but refused (a
    /// category or commune that does not exist, a rule between two fields).
    ValidationFailed,
    /// The request body is not valid JSON, or not the expected shape.
    MalformedBody,
    /// The request body has a content type the endpoint does not accept.
    UnsupportedMediaType,
    /// The request body is larger than the endpoint accepts.
    PayloadTooLarge,
    /// Authentication is missing or invalid.
    Unauthorized,
    /// The resource does not exist, or the caller may not see it.
    NotFound,
    /// The request conflicts with the current state (stock, status, duplicate).
    Conflict,
    /// Well-formed but cannot be done as asked (an empty basket, a reused idempotency key).
    Unprocessable,
    /// Too many attempts; retry later.
    TooManyRequests,
    /// The database cannot be reached.
    Unavailable,
    /// An unexpected server error; quote the correlation id when reporting it.
    Internal,
    // Categories (the association's tree).
    /// The move or merge would put a category inside itself or one of its sub-categories.
    CategoryCycle,
    /// The category still holds products or sub-categories: move or merge them first.
    CategoryNotEmpty,
    /// Another category with this name already sits at this place of the tree.
    CategoryNameTaken,
    /// The marketplace already has categories: the default tree only fills an empty one.
    CategoriesExist,
    // Races (issue 10).
    /// The product changed since the `If-Match` version was read (a sale, another edit):
    /// nothing was changed; read it again (its stock is in `detail`) and decide.
    ProductChanged,
    // Delivery (issue 9).
    /// A shop's part of the basket is below the marketplace's minimum for delivery: add to
    /// it, or choose pickup for that shop.
    BelowDeliveryMinimum,
    // Limits on what a stranger can exhaust (issue 10).
    /// The server is busy with as many of these as it does at once; retry after the
    /// seconds in `Retry-After`.
    Busy,
    /// The picture's declared size is beyond what the server decodes (pixels a side or
    /// memory): send a smaller one.
    PictureTooLarge,
    /// The basket already holds as many different products as a basket may (100): order
    /// these first, or remove a line. Nothing was changed.
    BasketFull,
    /// This phone number, e-mail address or connection already has as many orders (or
    /// units) waiting for the shops' confirmation as one customer may: wait until the
    /// shops confirm them, or call them. Nothing was ordered.
    TooManyOpenOrders,
    // Pending shops (issue 10).
    /// The association has not approved this shop yet: until then it may keep its profile
    /// and a few draft products, but not publish, upload pictures, import, take phone
    /// orders, make API keys or follow the live feed.
    ShopNotApproved,
    /// This account already has as many shop applications waiting for the association as
    /// one account may: wait for their answer.
    TooManyApplications,
    /// The path exists, but not with this method: the `Allow` header lists those it takes.
    MethodNotAllowed,
    // Integrators (issue 17).
    /// The API key was not given the scope this operation needs (named in `detail`), or
    /// the operation is not open to API keys: nothing was done. Make a key with that scope.
    ScopeMissing,
    // Delivery rounds (issue 11).
    /// An order of the stop was never confirmed by its shop: it cannot be handed over as
    /// delivered until the shop confirms it (call the shop). Nothing was recorded.
    OrderNotConfirmed,
    // Who sells (issue 15).
    /// The shop has not given its legal identity (legal name, form, SIRET, registration,
    /// VAT number unless exempt, person responsible): it cannot be approved, nor sell,
    /// until it does.
    LegalIdentityMissing,
    /// A shop of the basket has not completed its legal identity, so it cannot take orders
    /// yet (`detail` names it): nothing was ordered and the basket is as it was. Remove its
    /// products or come back once the shop has completed it.
    SellerIdentityMissing,
}

/// One invalid field or parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field or query parameter, e.g. `per_page` or `customer.phone`.
    pub field: String,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

/// An error response body (`application/problem+json`, RFC 9457).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "https://vitrine.example/problems/validation_failed",
    "title": "Invalid request",
    "status": 400,
    "detail": "per_page must be between 1 and 100",
    "code": "validation_failed",
    "errors": [{"field": "per_page", "message": "must be between 1 and 100"}]
})))]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What happened in this case, in words a person can act on.
    pub detail: String,
    /// The stable machine-readable code.
    pub code: ErrorCode,
    /// For validation errors, each bad field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For server errors, the id to quote; it is in the server's logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
}

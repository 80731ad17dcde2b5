//! The one error type of the API and its problem+json rendering (RFC 9457).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use shared::error::{ErrorCode, FieldError, Problem};

/// Every way a request can fail. Handlers return `Result<_, ApiError>`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Bad fields or parameters; each one is listed.
    #[error("{detail}")]
    Validation {
        detail: String,
        errors: Vec<FieldError>,
    },
    /// Well-formed fields that the data refuses (a category or commune that does not exist,
    /// a rule between fields no schema states): 422 with code `validation_failed`, each
    /// field listed, so forms show them beside their fields as for a 400.
    #[error("{detail}")]
    Refused {
        detail: String,
        errors: Vec<FieldError>,
    },
    /// The body is not valid JSON or not the expected shape.
    #[error("{0}")]
    MalformedBody(String),
    /// The body's content type is not accepted here.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The body is larger than the endpoint accepts.
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("authentication is required")]
    Unauthorized,
    /// Missing, or not visible to the caller (never 403: ids cannot be probed).
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// The resource changed since the version the request names (`If-Match`).
    #[error("{0}")]
    ProductChanged(String),
    /// Well-formed, but cannot be done as asked (an empty basket, a key reused for another
    /// request).
    #[error("{0}")]
    Unprocessable(String),
    #[error("too many attempts, try again later")]
    TooManyRequests,
    // Delivery (issue 9).
    /// A shop's part of the basket is below the minimum for delivery (422).
    #[error("{0}")]
    BelowDeliveryMinimum(String),
    // Limits on what a stranger can exhaust (issue 10).
    /// Too often (429) or too many at once (503): try again after `retry_after` seconds,
    /// which the `Retry-After` header repeats.
    #[error("{detail}")]
    RetryLater {
        busy: bool,
        retry_after: u64,
        detail: String,
    },
    /// An API key without the scope the operation needs (403, the scope named).
    #[error("{0}")]
    ScopeMissing(String),
    /// A picture whose declared size would take too much memory to decode.
    #[error("{0}")]
    PictureTooLarge(String),
    /// The database cannot be reached right now.
    #[error("the database is unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
    /// A conflict with its own stable code (categories: a cycle, a category not empty...).
    #[error("{1}")]
    ConflictWith(ErrorCode, String),
    // Hoarding (issue 10).
    /// Well-formed but refused, with its own stable code (a full basket, too many orders
    /// waiting for confirmation): 422.
    #[error("{1}")]
    UnprocessableWith(ErrorCode, String),
    // Pending shops (issue 10).
    /// The shop is not approved yet, and this is not for a pending shop: 403.
    #[error("{0}")]
    ShopNotApproved(String),
    /// A known path with a method it does not take; the methods it takes, for `Allow`.
    #[error("{path} takes only {}", .allow.join(", "))]
    MethodNotAllowed { path: String, allow: Vec<String> },
}

impl ApiError {
    /// One invalid field or parameter.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> ApiError {
        let (field, message) = (field.into(), message.into());
        ApiError::Validation {
            detail: format!("{field}: {message}"),
            errors: vec![FieldError { field, message }],
        }
    }

    /// One well-formed field the data or another field refuses (422).
    pub fn refused(field: impl Into<String>, message: impl Into<String>) -> ApiError {
        ApiError::invalid(field, message).into_refused()
    }

    /// Several refused fields at once (422); `None` when the list is empty.
    pub fn from_refused_fields(errors: Vec<FieldError>) -> Option<ApiError> {
        ApiError::from_field_errors(errors).map(ApiError::into_refused)
    }

    /// A 400's field errors as a 422's: the fields are well-formed, the data refuses them.
    pub fn into_refused(self) -> ApiError {
        match self {
            ApiError::Validation { detail, errors } => ApiError::Refused { detail, errors },
            other => other,
        }
    }

    /// Several invalid fields at once; `None` when the list is empty.
    pub fn from_field_errors(errors: Vec<FieldError>) -> Option<ApiError> {
        let detail = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; ");
        (!errors.is_empty()).then_some(ApiError::Validation { detail, errors })
    }

    fn code(&self) -> ErrorCode {
        match self {
            ApiError::Validation { .. } | ApiError::Refused { .. } => ErrorCode::ValidationFailed,
            ApiError::MalformedBody(_) => ErrorCode::MalformedBody,
            ApiError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            ApiError::PayloadTooLarge(_) => ErrorCode::PayloadTooLarge,
            ApiError::Unauthorized => ErrorCode::Unauthorized,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::Conflict(_) => ErrorCode::Conflict,
            ApiError::ProductChanged(_) => ErrorCode::ProductChanged,
            ApiError::Unprocessable(_) => ErrorCode::Unprocessable,
            ApiError::TooManyRequests => ErrorCode::TooManyRequests,
            ApiError::BelowDeliveryMinimum(_) => ErrorCode::BelowDeliveryMinimum,
            ApiError::RetryLater { busy: false, .. } => ErrorCode::TooManyRequests,
            ApiError::RetryLater { busy: true, .. } => ErrorCode::Busy,
            ApiError::PictureTooLarge(_) => ErrorCode::PictureTooLarge,
            ApiError::Unavailable(_) => ErrorCode::Unavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
            ApiError::ConflictWith(code, _) => *code,
            ApiError::UnprocessableWith(code, _) => *code,
            ApiError::ShopNotApproved(_) => ErrorCode::ShopNotApproved,
            ApiError::MethodNotAllowed { .. } => ErrorCode::MethodNotAllowed,
            ApiError::ScopeMissing(_) => ErrorCode::ScopeMissing,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::Validation { .. } => "Invalid request",
            ApiError::Refused { .. } => "Refused",
            ApiError::MalformedBody(_) => "Malformed request body",
            ApiError::UnsupportedMediaType(_) => "Unsupported media type",
            ApiError::PayloadTooLarge(_) => "Payload too large",
            ApiError::Unauthorized => "Authentication required",
            ApiError::NotFound(_) => "Not found",
            ApiError::Conflict(_) => "Conflict",
            ApiError::ProductChanged(_) => "Changed meanwhile",
            ApiError::Unprocessable(_) => "Cannot be processed",
            ApiError::TooManyRequests => "Too many requests",
            ApiError::BelowDeliveryMinimum(_) => "Below the minimum for delivery",
            ApiError::RetryLater { busy: false, .. } => "Too many requests",
            ApiError::RetryLater { busy: true, .. } => "Busy",
            ApiError::PictureTooLarge(_) => "Picture too large",
            ApiError::Unavailable(_) => "Service unavailable",
            ApiError::Internal(_) => "Internal server error",
            ApiError::ConflictWith(..) => "Conflict",
            ApiError::UnprocessableWith(ErrorCode::BasketFull, _) => "Basket full",
            ApiError::UnprocessableWith(ErrorCode::TooManyOpenOrders, _) => {
                "Too many orders waiting for confirmation"
            }
            ApiError::UnprocessableWith(ErrorCode::TooManyApplications, _) => {
                "Too many applications waiting"
            }
            ApiError::UnprocessableWith(..) => "Cannot be processed",
            ApiError::ShopNotApproved(_) => "Shop not approved yet",
            ApiError::MethodNotAllowed { .. } => "Method not allowed",
            ApiError::ScopeMissing(_) => "Scope missing",
        }
    }

    /// The problem+json body; server errors get a correlation id that is also logged.
    pub fn problem(&self) -> Problem {
        let code = self.code();
        let status = self.status_code().as_u16();
        let (detail, correlation_id) = match self {
            // The cause (a database's message, a query, a path) goes to the log only, whole,
            // under the id the client is given.
            ApiError::Internal(err) | ApiError::Unavailable(err) => {
                let id = uuid::Uuid::new_v4().to_string();
                tracing::error!(correlation_id = %id, error = %format!("{err:#}"), "request failed");
                let what = match self {
                    ApiError::Unavailable(_) => "the database is unavailable",
                    _ => "an unexpected error occurred",
                };
                (format!("{what}; quote {id} when you report it"), Some(id))
            }
            _ => (self.to_string(), None),
        };
        let code_name = serde_json::to_value(code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        Problem {
            kind: format!("https://vitrine.example/problems/{code_name}"),
            title: self.title().to_owned(),
            status,
            detail,
            code,
            errors: match self {
                ApiError::Validation { errors, .. } | ApiError::Refused { errors, .. } => {
                    errors.clone()
                }
                _ => Vec::new(),
            },
            correlation_id,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Validation { .. } | ApiError::MalformedBody(_) => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) | ApiError::ProductChanged(_) => StatusCode::CONFLICT,
            ApiError::Unprocessable(_) | ApiError::Refused { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ApiError::BelowDeliveryMinimum(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::RetryLater { busy: false, .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::RetryLater { busy: true, .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::PictureTooLarge(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::ConflictWith(..) => StatusCode::CONFLICT,
            ApiError::UnprocessableWith(..) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::ShopNotApproved(_) | ApiError::ScopeMissing(_) => StatusCode::FORBIDDEN,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let body = serde_json::to_string(&self.problem()).unwrap_or_default();
        let mut response = HttpResponse::build(self.status_code());
        if let ApiError::RetryLater { retry_after, .. } = self {
            response.insert_header((
                actix_web::http::header::RETRY_AFTER,
                retry_after.to_string(),
            ));
        }
        if let ApiError::MethodNotAllowed { allow, .. } = self {
            response.insert_header((actix_web::http::header::ALLOW, allow.join(", ")));
        }
        response.content_type("application/problem+json").body(body)
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> ApiError {
        use diesel::result::{DatabaseErrorKind, Error};
        match err {
            Error::NotFound => ApiError::NotFound("not found".into()),
            // The database's own words (its constraint and column names) stay in the log.
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                tracing::info!(error = info.message(), "unique violation answered 409");
                ApiError::Conflict("this already exists".into())
            }
            other => ApiError::Internal(other.into()),
        }
    }
}

impl From<r2d2::Error> for ApiError {
    fn from(err: r2d2::Error) -> ApiError {
        ApiError::Unavailable(err.into())
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(err: actix_web::error::BlockingError) -> ApiError {
        ApiError::Internal(anyhow::anyhow!("blocking task failed: {err}"))
    }
}

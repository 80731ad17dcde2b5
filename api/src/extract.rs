//! Request extractors that turn bad input into problem+json naming the offending field.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Like `web::Query`, but a bad parameter is a 400 that names it (`per_page: invalid digit`).
pub struct ValidQuery<T>(pub T);

impl<T: DeserializeOwned> FromRequest for ValidQuery<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let pairs = form_urlencoded::parse(req.query_string().as_bytes());
        let deserializer = serde_urlencoded::Deserializer::new(pairs);
        ready(
            serde_path_to_error::deserialize(deserializer)
                .map(ValidQuery)
                .map_err(|err| {
                    let field = err.path().to_string();
                    let field = if field == "." {
                        "query".to_owned()
                    } else {
                        field
                    };
                    ApiError::invalid(field, plain_serde_message(&err.into_inner().to_string()))
                }),
        )
    }
}

/// serde's messages name Rust types; say it in the API's terms.
fn plain_serde_message(message: &str) -> String {
    match message {
        "invalid digit found in string" => "must be a positive whole number".into(),
        "number too large to fit in target type" => "is too large".into(),
        "provided string was not `true` or `false`" => "must be true or false".into(),
        other => other.to_owned(),
    }
}

/// The language the request's `Accept-Language` prefers among those the e-mails are written
/// in (French when it says nothing the server knows). See [`Language`].
///
/// [`Language`]: crate::domain::language::Language
pub fn language(req: &HttpRequest) -> crate::domain::language::Language {
    let header = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    crate::domain::language::Language::from_accept_language(header)
}

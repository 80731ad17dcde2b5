//! Text a stranger sends, checked once at the edge: a JSON body over the limit is a 413,
//! one that is not an object a 400 `malformed_body`;
//! NUL and other control characters (but tab and line breaks) in any string of a JSON body,
//! in a query parameter or in the path are a 400 naming the field, before any handler runs.
//! PostgreSQL refuses NUL in text: without this, such a value reached the database and came
//! back as a 500. [`check_text`] is the same rule for text that does not come as JSON (the
//! cells of a CSV import). A whole number written with a fraction (`2.0`) is read as the
//! integer it is, as the OpenAPI document's JSON Schema says.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::CONTENT_TYPE;
use actix_web::middleware::Next;
use actix_web::{ResponseError, web};
use serde_json::Value;
use shared::error::FieldError;

use crate::error::ApiError;

/// Largest JSON body, in bytes.
pub const JSON_LIMIT: usize = 256 * 1024;

/// The first control character of `text` that a text field may not hold: any, but tab, line
/// feed and carriage return (multi-line texts hold them; single-line fields trim them).
pub fn control_character(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The rule of [`control_character`] as a field error naming `field`.
pub fn check_text(field: &str, text: &str) -> Result<(), FieldError> {
    match control_character(text) {
        None => Ok(()),
        Some(c) => Err(FieldError {
            field: field.to_owned(),
            message: format!(
                "contains an invisible control character (U+{:04X}): retype the text",
                u32::from(c)
            ),
        }),
    }
}

/// The middleware: checks the path, the query and a JSON body, then hands the request on
/// (with its body put back) or answers the problem itself.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if let Err(err) = check_request(&mut req).await {
        let response = err.error_response();
        return Ok(req.into_response(response).map_into_right_body());
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

async fn check_request(req: &mut ServiceRequest) -> Result<(), ApiError> {
    if decoded_bytes(req.path()).any(|b| b < 0x20 || b == 0x7f) {
        return Err(ApiError::invalid(
            "path",
            "contains an invisible control character",
        ));
    }
    let errors: Vec<FieldError> = form_urlencoded::parse(req.query_string().as_bytes())
        .filter_map(|(name, value)| {
            check_text(&name, &value)
                .and_then(|()| check_text(&name, &name))
                .err()
        })
        .collect();
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    if !is_json(req) {
        return Ok(());
    }
    let payload = req
        .extract::<web::Payload>()
        .await
        .map_err(|err| ApiError::MalformedBody(format!("the body cannot be read: {err}")))?;
    let body = match payload.to_bytes_limited(JSON_LIMIT).await {
        Ok(Ok(body)) => body,
        Err(_) => return Err(too_large()),
        Ok(Err(err)) => {
            return Err(ApiError::MalformedBody(format!(
                "the body cannot be read: {err}"
            )));
        }
    };
    // What is not JSON is the extractor's to refuse, with its own message.
    let mut body = body;
    if let Ok(mut value) = serde_json::from_slice::<Value>(&body) {
        // Every body the API takes is an object; serde would read an array into a
        // struct's fields in order (`[null, null]` as a change of nothing).
        if !value.is_object() {
            return Err(ApiError::MalformedBody(
                "the JSON body must be an object, such as {\"name\": \"...\"}".into(),
            ));
        }
        let mut errors = Vec::new();
        walk(&value, &mut String::new(), &mut errors);
        if let Some(err) = ApiError::from_field_errors(errors) {
            return Err(err);
        }
        if whole_floats_to_integers(&mut value) {
            body = serde_json::to_vec(&value)
                .map_err(|err| ApiError::Internal(err.into()))?
                .into();
        }
    }
    req.set_payload(body.into());
    Ok(())
}

/// `2.0` is the integer 2 to JSON Schema (the OpenAPI document's dialect), but serde reads
/// only `2` into an integer field: every whole number written with a fraction, within the
/// range a float holds exactly, becomes an integer. A float field reads either spelling.
/// Returns whether anything changed.
fn whole_floats_to_integers(value: &mut Value) -> bool {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    match value {
        Value::Number(number) => match number.as_f64() {
            Some(float) if number.is_f64() && float.fract() == 0.0 && float.abs() <= EXACT => {
                // In range, so the cast is exact.
                #[expect(clippy::cast_possible_truncation, reason = "whole and within 2^53")]
                let whole = float as i64;
                *value = Value::from(whole);
                true
            }
            _ => false,
        },
        // Every item is visited (no short cut), so `|` and not `||`.
        Value::Array(items) => items
            .iter_mut()
            .map(whole_floats_to_integers)
            .fold(false, |a, b| a | b),
        Value::Object(fields) => fields
            .values_mut()
            .map(whole_floats_to_integers)
            .fold(false, |a, b| a | b),
        Value::Null | Value::Bool(_) | Value::String(_) => false,
    }
}

/// The 413 of a JSON body over [`JSON_LIMIT`].
pub fn too_large() -> ApiError {
    ApiError::PayloadTooLarge(format!(
        "the JSON body is larger than {} KB",
        JSON_LIMIT / 1024
    ))
}

fn is_json(req: &ServiceRequest) -> bool {
    req.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .is_some_and(|essence| essence == "application/json" || essence.ends_with("+json"))
}

/// The bytes of a percent-encoded path, decoded.
fn decoded_bytes(path: &str) -> impl Iterator<Item = u8> + '_ {
    let bytes = path.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let b = *bytes.get(i)?;
        if b == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Some(decoded) = std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            i += 3;
            return Some(decoded);
        }
        i += 1;
        Some(b)
    })
}

/// Every string (and key) of a JSON value, with its path as the API names fields:
/// `customer.name`, `lines[0].note`.
fn walk(value: &Value, path: &mut String, errors: &mut Vec<FieldError>) {
    match value {
        Value::String(text) => {
            if let Err(err) = check_text(
                if path.is_empty() {
                    "body"
                } else {
                    path.as_str()
                },
                text,
            ) {
                errors.push(err);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path, errors);
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (name, item) in fields {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
                if let Err(err) = check_text(path, name) {
                    errors.push(err);
                }
                walk(item, path, errors);
                path.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_named_by_their_field_path() {
        let body = serde_json::json!({
            "name": "Miel\u{0}",
            "description": "Deux lignes\n\tet une tabulation",
            "lines": [{"note": "ok"}, {"note": "bip\u{7}"}],
            "customer": {"phone": "06\u{1b}"},
            "price_cents": 12,
        });
        let mut errors = Vec::new();
        walk(&body, &mut String::new(), &mut errors);
        let mut fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        fields.sort_unstable();
        assert_eq!(fields, ["customer.phone", "lines[1].note", "name"]);
        assert!(errors[0].message.contains("U+"));
    }

    #[test]
    fn whole_numbers_written_as_floats_become_integers() {
        let mut body =
            serde_json::json!({"quantity": 2.0, "vat_rate": 5.5, "lines": [{"n": -7.0}]});
        assert!(whole_floats_to_integers(&mut body));
        assert_eq!(
            body,
            serde_json::json!({"quantity": 2, "vat_rate": 5.5, "lines": [{"n": -7}]})
        );
        let mut huge = serde_json::json!(1e300);
        assert!(!whole_floats_to_integers(&mut huge));
        // Read correctly rounded (serde_json's `float_roundtrip`): without it this was
        // `3779929804996441.5`, not whole, and the request was refused.
        let mut big: Value = serde_json::from_str("[3779929804996442.0]").unwrap();
        assert!(whole_floats_to_integers(&mut big));
        assert_eq!(big, serde_json::json!([3_779_929_804_996_442_i64]));
    }

    #[test]
    fn percent_encoded_control_characters_are_found_in_paths() {
        assert!(decoded_bytes("/api/v1/shops/a%00b").any(|b| b == 0));
        assert!(decoded_bytes("/api/v1/shops/caf%C3%A9").all(|b| b >= 0x20));
        assert!(decoded_bytes("/100%").all(|b| b >= 0x20));
    }
}

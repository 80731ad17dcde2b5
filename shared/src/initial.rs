//! The API answers of a page, carried in its page shell (issue 16).
//!
//! On a slow mobile signal every round trip counts: instead of letting the app ask for the
//! data of the page it starts on, the server runs those requests itself, renders the page with
//! their answers, and embeds each answer, the same JSON the API would give, in a
//! `<script type="application/json" id="vitrine-initial" data-url="...">` (the next ones
//! `vitrine-initial-1`, `vitrine-initial-2`..., see [`script_id`]). The app's typed client
//! uses each for the request whose address is exactly its `data-url`, once, so the app starts
//! showing what the server rendered without asking again. Both sides write that address with
//! [`api_url`] from the same [`query_pairs`], so they agree byte for byte.

use serde::Serialize;

/// The id of the shell's first `<script type="application/json">` carrying an answer.
pub const SCRIPT_ID: &str = "vitrine-initial";

/// The id of the shell's `index`th script carrying an answer, from 0: [`SCRIPT_ID`], then
/// `vitrine-initial-1`...
pub fn script_id(index: usize) -> String {
    if index == 0 {
        SCRIPT_ID.to_owned()
    } else {
        format!("{SCRIPT_ID}-{index}")
    }
}

/// A query struct of this crate (a flat struct of optional scalars) as `name=value` pairs,
/// leaving out the `None` ones, sorted by name (whatever serde_json's features in a build, so
/// that the server and the wasm app write the same address).
pub fn query_pairs<Q: Serialize>(query: &Q) -> Result<Vec<(String, String)>, String> {
    let value = serde_json::to_value(query).map_err(|error| error.to_string())?;
    let serde_json::Value::Object(fields) = value else {
        return Err("a query must be a struct".to_owned());
    };
    let mut pairs: Vec<(String, String)> = fields
        .into_iter()
        .filter_map(|(name, value)| match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(text) => Some((name, text)),
            other => Some((name, other.to_string())),
        })
        .collect();
    pairs.sort();
    Ok(pairs)
}

/// `path` followed by `pairs` encoded as the browser's `URLSearchParams` writes them
/// (`application/x-www-form-urlencoded`: a space is `+`, and every byte but ASCII letters,
/// digits and `*-._` is `%XX`); `path` alone without pairs.
pub fn api_url(path: &str, pairs: &[(String, String)]) -> String {
    let mut url = path.to_owned();
    for (index, (name, value)) in pairs.iter().enumerate() {
        url.push(if index == 0 { '?' } else { '&' });
        form_encode(&mut url, name);
        url.push('=');
        form_encode(&mut url, value);
    }
    url
}

/// `text` as one path segment (or query value) of an address: every byte but ASCII letters,
/// digits and `-._~` (RFC 3986's unreserved characters) as `%XX`. (The wasm app keeps its
/// own `uri_component`: moving it here cost its brotli-compressed wasm 18 bytes too many for
/// the 303 KB budget.)
pub fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte));
            }
            _ => push_escaped(&mut out, byte),
        }
    }
    out
}

fn form_encode(out: &mut String, text: &str) {
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => push_escaped(out, byte),
        }
    }
}

/// `byte` as `%XX`.
fn push_escaped(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(byte >> 4)]));
    out.push(char::from(HEX[usize::from(byte & 0x0f)]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ProductQuery;

    #[test]
    fn a_query_is_written_as_the_browser_writes_it() {
        let query = ProductQuery {
            page: Some(1),
            q: Some("miel & thé/bio".into()),
            category: Some("epicerie".into()),
            in_stock: Some(true),
            ..ProductQuery::default()
        };
        let pairs = query_pairs(&query).unwrap();
        assert_eq!(
            api_url("/api/v1/products", &pairs),
            "/api/v1/products?category=epicerie&in_stock=true&page=1&q=miel+%26+th%C3%A9%2Fbio"
        );
    }

    #[test]
    fn a_path_segment_keeps_only_unreserved_characters() {
        assert_eq!(path_segment("epicerie-du-duche"), "epicerie-du-duche");
        assert_eq!(path_segment("a b/c?d&e#f"), "a%20b%2Fc%3Fd%26e%23f");
        assert_eq!(path_segment("Uzès"), "Uz%C3%A8s");
        assert_eq!(path_segment("-._~!*'()+"), "-._~%21%2A%27%28%29%2B");
    }

    #[test]
    fn no_pairs_no_question_mark() {
        assert_eq!(api_url("/api/v1/products/3", &[]), "/api/v1/products/3");
    }
}

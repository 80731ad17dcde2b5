//! The rules the server's edge enforces on every route, written into the OpenAPI document
//! once, where no handler's annotation can forget them (checked by `scripts/fuzz.sh`):
//!
//! - no text a client sends may hold a control character other than tab and line breaks
//!   (`text_guard`), and no path segment any control character: a `pattern` on every
//!   string of a request body (and on the keys of its open objects) and on every string
//!   parameter;
//! - a parameter the server cannot read, or that breaks that rule, is a 400;
//! - a JSON body that is not JSON of the expected shape is a 400 `malformed_body`, one sent
//!   with another content type a 415, one over the limit a 413;
//! - every object of a request body is closed (`additionalProperties: false`): the server
//!   refuses unknown fields;
//! - an optional header is absent, never `null`.
//!
//! A field of `shared` may name one of the rules of [`named_pattern`] as its `pattern`
//! (`pattern = "<email>"`): the document carries the regular expression, written once here,
//! and a test holds each to the server's own rule.

use std::collections::BTreeSet;

use utoipa::openapi::path::{Operation, ParameterIn, PathItem};
use utoipa::openapi::schema::{AdditionalProperties, ArrayItems, Schema, SchemaType, Type};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};

/// A string of a body or query: any character but the controls (tab, LF and CR allowed).
pub const TEXT_PATTERN: &str = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$";
/// A path segment: no control character at all (`text_guard` checks the path's bytes).
pub const PATH_PATTERN: &str = r"^[^\u0000-\u001F\u007F]*$";

/// The control characters a text may not hold (tab and line breaks aside), as a class body.
const CONTROLS: &str = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F";
/// The white space the server trims (Rust's `char::is_whitespace`, controls aside).
const SPACES: &str = r"\t\n\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// The letters and digits a slug keeps (`domain::search::slugify`).
const SLUG_LETTERS: &str = "0-9A-Za-zàâäáÀÂÄÁçÇéèêëÉÈÊËîïíÎÏÍôöóÔÖÓùûüúÙÛÜÚÿŸñÑœŒæÆ";
/// A French phone number in one of its usual spellings (`domain::phone::FrenchPhone`
/// takes these and more).
const PHONE_PATTERN: &str = r"^(0|\+33 ?(\(0\))?|0033 ?)[1-9]([ .]?[0-9]{2}){4}$";

/// The named rules a field of `shared` may give as its `pattern` (`pattern = "<visible>"`),
/// written out here once as the regular expression the document carries; each includes the
/// control-character rule. The server's side of each is named beside it.
fn named_pattern(name: &str) -> Option<String> {
    let (c, w) = (CONTROLS, SPACES);
    // An e-mail's host: a dot, neither first nor last (`domain::email`).
    let host = format!("[^{w}{c}@.][^{w}{c}@]*\\.[^{w}{c}@]*[^{w}{c}@.]");
    let email = format!("[^{w}{c}@]+@{host}");
    Some(match name {
        // Text that trims to something: a required name or text (trimmed by the handler).
        "<visible>" => format!("^[^{c}]*[^{w}{c}][^{c}]*$"),
        // Text that trims to 2 characters or more.
        "<visible-2>" => format!("^[^{c}]*[^{w}{c}][^{c}]*[^{w}{c}][^{c}]*$"),
        // An e-mail address, white space around it trimmed (`domain::email::parse_email`).
        "<email>" => format!("^[{w}]*{email}[{w}]*$"),
        // The same, or nothing (blank): an optional address.
        "<email-or-empty>" => format!("^[{w}]*({email})?[{w}]*$"),
        // A name a slug is made from: a letter or digit `domain::search::slugify` keeps.
        "<sluggable>" => format!("^[^{c}]*[{SLUG_LETTERS}][^{c}]*$"),
        // A French phone number (`domain::phone`).
        "<phone>" => PHONE_PATTERN.to_owned(),
        // The same, or nothing (blank).
        "<phone-or-empty>" => format!("^([{w}]*|{})$", &PHONE_PATTERN[1..PHONE_PATTERN.len() - 1]),
        _ => return None,
    })
}

const JSON: &str = "application/json";

/// Writes the edge's rules into `api` (after the routes have been collected).
pub fn apply(api: &mut OpenApi) {
    expand_named_patterns(api);
    let mut request_schemas = BTreeSet::new();
    for item in api.paths.paths.values_mut() {
        for operation in operations(item) {
            document_operation(operation, &mut request_schemas);
        }
    }
    // The components a request body names, and those they name in turn.
    let Some(components) = api.components.as_mut() else {
        return;
    };
    let mut pending: Vec<String> = request_schemas.iter().cloned().collect();
    while let Some(name) = pending.pop() {
        if let Some(RefOr::T(schema)) = components.schemas.get(&name) {
            let mut found = BTreeSet::new();
            collect_refs(schema, &mut found);
            for name in found {
                if request_schemas.insert(name.clone()) {
                    pending.push(name);
                }
            }
        }
    }
    for name in &request_schemas {
        if let Some(RefOr::T(schema)) = components.schemas.get_mut(name) {
            close_objects(schema);
            add_text_pattern(schema, TEXT_PATTERN);
        }
    }
}

pub(crate) fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .flatten()
}

fn document_operation(operation: &mut Operation, request_schemas: &mut BTreeSet<String>) {
    let mut reads_parameters = false;
    for parameter in operation.parameters.iter_mut().flatten() {
        let RefOr::T(parameter) = parameter else {
            continue;
        };
        let pattern = match parameter.parameter_in {
            ParameterIn::Path => PATH_PATTERN,
            ParameterIn::Query => TEXT_PATTERN,
            // Headers cannot carry control characters, nor be `null`: an optional one is
            // absent, not null. Cookies are not parameters here.
            ParameterIn::Header => {
                if let Some(RefOr::T(Schema::Object(object))) = parameter.schema.as_mut()
                    && let SchemaType::Array(types) = &object.schema_type
                    && types.contains(&Type::Null)
                {
                    let types: Vec<Type> = types
                        .iter()
                        .filter(|t| **t != Type::Null)
                        .cloned()
                        .collect();
                    object.schema_type = match &types[..] {
                        [only] => SchemaType::Type(only.clone()),
                        _ => SchemaType::Array(types),
                    };
                }
                continue;
            }
            _ => continue,
        };
        reads_parameters = true;
        if let Some(RefOr::T(schema)) = parameter.schema.as_mut() {
            add_text_pattern(schema, pattern);
        }
    }
    let mut json_body = false;
    if let Some(RefOr::T(body)) = &operation.request_body {
        for (media_type, content) in &body.content {
            if let RefOr::T(content) = content
                && media_type == JSON
            {
                json_body = true;
                if let Some(schema) = &content.schema {
                    match schema {
                        RefOr::Ref(r) => {
                            request_schemas.insert(ref_name(r));
                        }
                        RefOr::T(schema) => collect_refs(schema, request_schemas),
                    }
                }
            }
        }
    }
    if let Some(RefOr::T(body)) = operation.request_body.as_mut() {
        for content in body.content.values_mut() {
            if let RefOr::T(content) = content
                && let Some(RefOr::T(schema)) = content.schema.as_mut()
            {
                add_text_pattern(schema, TEXT_PATTERN);
            }
        }
    }
    let keyed = serde_json::to_string(&operation.security)
        .is_ok_and(|security| security.contains(crate::key_policy::API_KEY_SCHEME));
    let responses = &mut operation.responses.responses;
    if keyed {
        // Open to API keys (issue 17): their scopes and rate limit.
        const SCOPE: &str = "`scope_missing`: the API key lacks the scope this operation \
            needs (named in `detail`)";
        match responses.get_mut("403") {
            Some(RefOr::T(response)) => {
                response.description.push_str("; ");
                response.description.push_str(SCOPE);
            }
            Some(_) => {}
            None => {
                responses.insert("403".into(), problem(SCOPE));
            }
        }
        responses.entry("429".into()).or_insert_with(|| {
            problem(
                "`too_many_requests`: the API key made more requests this minute than it \
                 may; retry after the seconds in `Retry-After`",
            )
        });
    }
    if json_body {
        match responses.get_mut("400") {
            Some(RefOr::T(response)) if !response.description.contains("malformed_body") => {
                response
                    .description
                    .push_str("; `malformed_body`: the body is not JSON of the expected shape");
            }
            Some(_) => {}
            None => {
                responses.insert(
                    "400".into(),
                    problem(
                        "`malformed_body`: the body is not JSON of the expected shape (an \
                         unknown or missing field, a wrong type); `validation_failed`: a field \
                         is invalid, or holds a control character",
                    ),
                );
            }
        }
        responses
            .entry("413".into())
            .or_insert_with(|| problem("`payload_too_large`: the JSON body is larger than 256 KB"));
        responses.entry("415".into()).or_insert_with(|| {
            problem(
                "`unsupported_media_type`: the body was not sent with \
                 `Content-Type: application/json`",
            )
        });
    } else if reads_parameters {
        responses.entry("400".into()).or_insert_with(|| {
            problem("`validation_failed`: a parameter is invalid, or holds a control character")
        });
    }
}

fn problem(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build(),
    )
}

fn ref_name(r: &Ref) -> String {
    r.ref_location
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn collect_refs_in(schema: &RefOr<Schema>, found: &mut BTreeSet<String>) {
    match schema {
        RefOr::Ref(r) => {
            found.insert(ref_name(r));
        }
        RefOr::T(schema) => collect_refs(schema, found),
    }
}

fn collect_refs(schema: &Schema, found: &mut BTreeSet<String>) {
    match schema {
        Schema::Object(object) => {
            for property in object.properties.values() {
                collect_refs_in(property, found);
            }
            if let Some(additional) = object.additional_properties.as_deref()
                && let AdditionalProperties::RefOr(inner) = additional
            {
                collect_refs_in(inner, found);
            }
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &array.items {
                collect_refs_in(items, found);
            }
        }
        Schema::OneOf(one_of) => one_of.items.iter().for_each(|s| collect_refs_in(s, found)),
        Schema::AllOf(all_of) => all_of.items.iter().for_each(|s| collect_refs_in(s, found)),
        Schema::AnyOf(any_of) => any_of.items.iter().for_each(|s| collect_refs_in(s, found)),
        _ => {}
    }
}

fn is_object(schema_type: &SchemaType) -> bool {
    match schema_type {
        SchemaType::Type(t) => *t == Type::Object,
        SchemaType::Array(types) => types.contains(&Type::Object),
        SchemaType::AnyValue => false,
    }
}

fn is_string(schema_type: &SchemaType) -> bool {
    match schema_type {
        SchemaType::Type(t) => *t == Type::String,
        SchemaType::Array(types) => types.contains(&Type::String),
        SchemaType::AnyValue => false,
    }
}

/// Marks every object of a request body with named fields closed (`additionalProperties:
/// false`): the server refuses unknown fields (`#[serde(deny_unknown_fields)]` on every
/// request type of `shared`, the API tests' `malformed_body` cases). Maps (`per_shop`)
/// keep their own rule.
fn close_objects(schema: &mut Schema) {
    let close = |schema: &mut RefOr<Schema>| {
        if let RefOr::T(schema) = schema {
            close_objects(schema);
        }
    };
    match schema {
        Schema::Object(object) => {
            if is_object(&object.schema_type)
                && !object.properties.is_empty()
                && object.additional_properties.is_none()
            {
                object.additional_properties =
                    Some(Box::new(AdditionalProperties::FreeForm(false)));
            }
            object.properties.values_mut().for_each(close);
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                close(items);
            }
        }
        Schema::OneOf(one_of) => one_of.items.iter_mut().for_each(close),
        Schema::AllOf(all_of) => all_of.items.iter_mut().for_each(close),
        Schema::AnyOf(any_of) => any_of.items.iter_mut().for_each(close),
        _ => {}
    }
}

/// Replaces every `pattern = "<name>"` of the document by its regular expression.
fn expand_named_patterns(api: &mut OpenApi) {
    for item in api.paths.paths.values_mut() {
        for operation in operations(item) {
            for parameter in operation.parameters.iter_mut().flatten() {
                if let RefOr::T(parameter) = parameter
                    && let Some(RefOr::T(schema)) = parameter.schema.as_mut()
                {
                    expand_in(schema);
                }
            }
        }
    }
    if let Some(components) = api.components.as_mut() {
        for schema in components.schemas.values_mut() {
            if let RefOr::T(schema) = schema {
                expand_in(schema);
            }
        }
    }
}

fn expand_in(schema: &mut Schema) {
    let expand = |schema: &mut RefOr<Schema>| {
        if let RefOr::T(schema) = schema {
            expand_in(schema);
        }
    };
    match schema {
        Schema::Object(object) => {
            if let Some(named) = object.pattern.as_deref().filter(|p| p.starts_with('<')) {
                let expanded = named_pattern(named);
                assert!(expanded.is_some(), "no pattern is named {named}");
                object.pattern = expanded;
            }
            object.properties.values_mut().for_each(expand);
            if let Some(AdditionalProperties::RefOr(inner)) =
                object.additional_properties.as_deref_mut()
            {
                expand(inner);
            }
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                expand(items);
            }
        }
        Schema::OneOf(one_of) => one_of.items.iter_mut().for_each(expand),
        Schema::AllOf(all_of) => all_of.items.iter_mut().for_each(expand),
        Schema::AnyOf(any_of) => any_of.items.iter_mut().for_each(expand),
        _ => {}
    }
}

/// Gives every free-text string in `schema` (not an enum, a format or a pattern of its own)
/// the `pattern`.
fn add_text_pattern(schema: &mut Schema, pattern: &str) {
    let add_in = |schema: &mut RefOr<Schema>| {
        if let RefOr::T(schema) = schema {
            add_text_pattern(schema, pattern);
        }
    };
    match schema {
        Schema::Object(object) => {
            if is_string(&object.schema_type)
                && object.enum_values.is_none()
                && object.format.is_none()
                && object.pattern.is_none()
            {
                object.pattern = Some(pattern.to_owned());
            }
            // The keys of an object are text too (those it does not name, when it takes them).
            let takes_other_keys = !matches!(
                object.additional_properties.as_deref(),
                Some(AdditionalProperties::FreeForm(false))
            );
            if is_object(&object.schema_type) && takes_other_keys {
                match object.property_names.as_deref_mut() {
                    Some(names) => add_text_pattern(names, pattern),
                    None => {
                        object.property_names = Some(Box::new(Schema::Object(
                            utoipa::openapi::ObjectBuilder::new()
                                .schema_type(Type::String)
                                .pattern(Some(pattern))
                                .build(),
                        )));
                    }
                }
            }
            object.properties.values_mut().for_each(add_in);
            if let Some(additional) = object.additional_properties.as_deref_mut()
                && let AdditionalProperties::RefOr(inner) = additional
            {
                add_in(inner);
            }
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                add_in(items);
            }
        }
        Schema::OneOf(one_of) => one_of.items.iter_mut().for_each(add_in),
        Schema::AllOf(all_of) => all_of.items.iter_mut().for_each(add_in),
        Schema::AnyOf(any_of) => any_of.items.iter_mut().for_each(add_in),
        _ => {}
    }
}

/// A path of the document: its segments (`None` for a `{parameter}`) and its methods.
struct Template {
    segments: Vec<Option<String>>,
    methods: Vec<String>,
}

/// The methods the route table takes at `path` (a request's path, `/api/v1/...`), or `None`
/// when no route has this path. Of several templates that fit, the most literal wins, as in
/// the route table (`/admin/categories/defaults` before `/admin/categories/{slug}`).
pub fn allowed_methods(path: &str) -> Option<Vec<String>> {
    static TABLE: std::sync::OnceLock<Vec<Template>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let api = super::openapi();
        api.paths
            .paths
            .iter()
            .map(|(template, item)| Template {
                segments: template
                    .split('/')
                    .map(|s| (!s.starts_with('{')).then(|| s.to_owned()))
                    .collect(),
                methods: [
                    ("GET", &item.get),
                    ("PUT", &item.put),
                    ("POST", &item.post),
                    ("DELETE", &item.delete),
                    ("PATCH", &item.patch),
                ]
                .into_iter()
                .filter(|(_, operation)| operation.is_some())
                .map(|(method, _)| method.to_owned())
                .collect(),
            })
            .collect()
    });
    let segments: Vec<&str> = path.split('/').collect();
    table
        .iter()
        .filter(|t| {
            t.segments.len() == segments.len()
                && t.segments.iter().zip(&segments).all(|(t, s)| match t {
                    Some(literal) => literal == s,
                    None => !s.is_empty(),
                })
        })
        .max_by_key(|t| t.segments.iter().map(Option::is_some).collect::<Vec<_>>())
        .map(|t| t.methods.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> regex::Regex {
        regex::Regex::new(&named_pattern(name).expect("a named pattern")).expect("a valid pattern")
    }

    /// Texts on the edges of the rules: spaces of every kind, controls, `@` and dots.
    const SAMPLES: &[&str] = &[
        "",
        " ",
        "\t\n",
        "\u{a0}\u{3000}",
        "a",
        " a ",
        "ab",
        " a b ",
        "\u{7}a",
        "a\u{85}",
        "\u{feff}",
        "é",
        "漢字",
        "!!",
        "-a-",
        "jeanne@example.fr",
        " Jeanne@Example.FR\n",
        "jeanne@example",
        "@example.fr",
        "jeanne@",
        "jeanne@.example.fr",
        "jeanne@example.fr.",
        "jea nne@example.fr",
        "a@b@c.fr",
        "a@b.c",
        "a\u{a0}@b.c",
        "a@b..c",
        "04 66 22 12 34",
        "+33 4 66 22 12 34",
        "0466221234",
        "4 66 22 12 34",
        " 04 66 22 12 34 ",
    ];

    #[test]
    fn the_named_patterns_say_what_the_server_checks() {
        let controls = |t: &str| crate::text_guard::control_character(t).is_some();
        for &text in SAMPLES {
            let visible = !text.trim().is_empty() && !controls(text);
            assert_eq!(
                named("<visible>").is_match(text),
                visible,
                "<visible> {text:?}"
            );
            let visible_2 = text.trim().chars().count() >= 2 && !controls(text);
            assert_eq!(
                named("<visible-2>").is_match(text),
                visible_2,
                "<visible-2> {text:?}"
            );
            let email = crate::domain::email::parse_email(text).is_some() && !controls(text);
            assert_eq!(named("<email>").is_match(text), email, "<email> {text:?}");
            let email_or_empty = (text.trim().is_empty() && !controls(text)) || email;
            assert_eq!(
                named("<email-or-empty>").is_match(text),
                email_or_empty,
                "<email-or-empty> {text:?}"
            );
            let sluggable = !crate::domain::search::slugify(text).is_empty() && !controls(text);
            assert_eq!(
                named("<sluggable>").is_match(text),
                sluggable,
                "<sluggable> {text:?}"
            );
            // The phone pattern is one of the spellings the server takes, not all of them.
            if named("<phone>").is_match(text) {
                assert!(
                    crate::domain::phone::FrenchPhone::parse(text).is_ok(),
                    "<phone> {text:?}"
                );
            }
        }
        assert!(named_pattern("<nothing>").is_none());
    }

    #[test]
    fn the_most_literal_path_gives_the_methods() {
        let methods = |path| allowed_methods(path).unwrap_or_default().join(", ");
        assert_eq!(methods("/api/v1/admin/categories/defaults"), "GET, POST");
        assert_eq!(
            methods("/api/v1/admin/categories/fromagerie"),
            "DELETE, PATCH"
        );
        assert_eq!(methods("/api/v1/products"), "GET");
        assert_eq!(allowed_methods("/api/v1/nothing-here"), None);
        assert_eq!(allowed_methods("/api/v1/products/"), None);
    }
}

//! The rules the server's edge enforces on every route, written into the OpenAPI document
//! once, where no handler's annotation can forget them (checked by `scripts/fuzz.sh`):
//!
//! - no text a client sends may hold a control character other than tab and line breaks
//!   (`text_guard`), and no path segment any control character: a `pattern` on every
//!   string of a request body (and on the keys of its open objects) and on every string
//!   parameter;
//! - a parameter the server cannot read, or that breaks that rule, is a 400;
//! - a JSON body that is not JSON of the expected shape is a 400 `malformed_body`, one sent
//!   with another content type a 415, one over the limit a 413.

use std::collections::BTreeSet;

use utoipa::openapi::path::{Operation, ParameterIn, PathItem};
use utoipa::openapi::schema::{AdditionalProperties, ArrayItems, Schema, SchemaType, Type};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};

/// A string of a body or query: any character but the controls (tab, LF and CR allowed).
pub const TEXT_PATTERN: &str = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$";
/// A path segment: no control character at all (`text_guard` checks the path's bytes).
pub const PATH_PATTERN: &str = r"^[^\u0000-\u001F\u007F]*$";

const JSON: &str = "application/json";

/// Writes the edge's rules into `api` (after the routes have been collected).
pub fn apply(api: &mut OpenApi) {
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
            add_text_pattern(schema, TEXT_PATTERN);
        }
    }
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
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
            // Headers cannot carry control characters; cookies are not parameters here.
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
    let responses = &mut operation.responses.responses;
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

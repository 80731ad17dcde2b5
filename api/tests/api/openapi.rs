//! The committed `openapi.yaml` is what the code generates: `just openapi` rewrites it.

#[test]
fn the_committed_openapi_yaml_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = vitrine::routes::openapi().to_yaml().expect("yaml");
    assert!(
        committed == generated,
        "openapi.yaml is stale: run `just openapi` and commit the result"
    );
}

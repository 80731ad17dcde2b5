# Every command people and CI run. `just --list` shows them.

set shell := ["bash", "-euo", "pipefail", "-c"]

# A debug build (argon2 optimised, see Cargo.toml) serves the demo well and builds in about
# half the time of the release one; a real site uses `cargo build --release`
# (docs/operations.md). Each step says how long it takes; a second run rebuilds nothing.
# Install what is missing, build, and run Vitrine with the demo data on SQLite.
run *ARGS:
    #!/usr/bin/env bash
    set -euo pipefail
    started=$SECONDS
    step() { printf '\n\033[1m== %s\033[0m (%d s so far)\n' "$1" $((SECONDS - started)); }
    step "1/3 tools: first time about 5 min (wasm-bindgen-cli builds), then instant"
    scripts/setup.sh
    step "2/3 web app into web/dist: first time 2 to 4 min, then seconds"
    scripts/build-web.sh --quiet
    step "3/3 server: first time about 5 min, then seconds"
    cargo build -p vitrine-api --bin vitrine
    step "ready: starting Vitrine with the demo data"
    exec "${CARGO_TARGET_DIR:-target}/debug/vitrine" serve --demo --demo-deliveries {{ARGS}}

# The whole test suite: formatting, lints, unit and API tests on SQLite and PostgreSQL,
# the OpenAPI drift check, fuzzing against openapi.yaml, and the browser tests.
test: setup-test fmt-check lint test-rust fuzz-quick e2e e2e-pg

# Install the tools the app needs (wasm target, wasm-bindgen-cli, brotli); skips what is present.
setup:
    scripts/setup.sh

# Same, plus what the tests need (chromium, the browser-test packages).
setup-test:
    scripts/setup.sh --test

# Build the web app into web/dist (wasm, JS, CSS, precompressed .gz/.br).
web:
    scripts/build-web.sh

# Unit and API tests, both databases (PostgreSQL is skipped loudly when unreachable, outside CI),
# and the web app's unit tests (run natively).
test-rust:
    # One command: `cargo test -p vitrine-web` alone resolves the dependencies' features
    # without the server's and builds the web crate and its dependencies a second time.
    cargo test -p vitrine-api -p vitrine-shared -p vitrine-web

# Fuzz the whole API from openapi.yaml (schemathesis, every check), anonymous and as the demo
# customer, merchant and admin, on SQLite with a small budget: about 3 minutes. Runs the
# binary the API tests built (see `e2e`).
fuzz-quick EXAMPLES="5":
    cargo test -p vitrine-api --no-run
    scripts/fuzz.sh --max-examples {{EXAMPLES}}

# The same on PostgreSQL (a fresh database, dropped after) with a bigger budget.
fuzz EXAMPLES="50":
    cargo test -p vitrine-api --no-run
    scripts/fuzz.sh --max-examples {{EXAMPLES}} --database-url "${VITRINE_TEST_PG_SERVER:-postgres://postgres@127.0.0.1:5432}"

# API tests on SQLite only.
test-sqlite:
    cargo test -p vitrine-api --test api -- sqlite

# API tests on PostgreSQL only.
test-pg:
    cargo test -p vitrine-api --test api -- postgres

# Browser tests: Playwright + Debian's chromium against the real binary.
e2e: web
    # The binary the API tests built (same features: building it with `cargo build` would
    # recompile every dependency).
    cargo test -p vitrine-api --no-run
    cd e2e && npm test

# The same browser tests on PostgreSQL (a new database per test file, dropped after); skipped
# with a notice when PostgreSQL does not answer, except in CI.
e2e-pg: e2e
    #!/usr/bin/env bash
    set -euo pipefail
    server="${VITRINE_TEST_PG_SERVER:-postgres://postgres@127.0.0.1:5432}"
    if ! psql "$server/postgres" -qtc 'SELECT 1' >/dev/null 2>&1; then
        if [ "${CI:-}" = true ]; then echo "e2e-pg: PostgreSQL at $server does not answer" >&2; exit 1; fi
        echo "e2e-pg: SKIPPED, PostgreSQL at $server does not answer" >&2
        exit 0
    fi
    cd e2e && E2E_POSTGRES="$server" npm test

# Rewrite openapi.yaml from the code (a test fails when it is stale).
openapi:
    cargo run -q -p vitrine-api -- openapi > openapi.yaml

fmt:
    cargo fmt --all

fmt-check:
    cargo fmt --all --check

# Clippy with warnings denied: the server natively, the web app for wasm32 and natively (the
# server draws the public pages with it, issue 16).
lint:
    cargo clippy -p vitrine-api -p vitrine-shared -p vitrine-web --all-targets -- -D warnings
    cargo clippy -p vitrine-web --target wasm32-unknown-unknown -- -D warnings

# What CI runs.
ci: test

# Load-test the catalogue (release build, wrk) on the demo and on 100,000 products,
# SQLite and PostgreSQL; prints req/s and p50/p99 per endpoint with the ceiling's ratio.
bench:
    scripts/bench.sh
    scripts/bench-directory.sh
    just bench-slow

# A shopper on a village's mobile signal (issue 16): headless chromium on emulated Fast 3G
# with the CPU slowed 4 times, the release binary with the demo; ms until each public page's
# main content shows, cold and warm, beside the same content as a static page.
bench-slow:
    cargo build --release -q -p vitrine-api
    scripts/build-web.sh --quiet
    [ -d e2e/node_modules ] || (cd e2e && npm ci --no-audit --no-fund)
    node scripts/bench-slow-network.mjs

# The printed directory (issue 13): 70 shops rendered on one core (A5 and A4, release
# build), then 100 renders in a row with the server's memory before and after.
bench-directory:
    scripts/bench-directory.sh

# Races (issue 10): the kill -9 test at length. The real binary takes checkouts from four
# shoppers at once and is killed with SIGKILL at random moments, ROUNDS times per database
# (SQLite, then PostgreSQL), restarted each time; every order answered 201 must be found
# again. `just test` runs the same test with 10 kills.
soak ROUNDS="200":
    VITRINE_KILL_ROUNDS={{ROUNDS}} cargo test -p vitrine-api --test api -- durability --nocapture --test-threads=1

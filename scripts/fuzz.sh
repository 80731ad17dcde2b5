#!/usr/bin/env bash
# Property-based fuzzing of the whole API from openapi.yaml with schemathesis (PyPI): every
# operation, with every check on (no 5xx, response bodies and headers match the document,
# every status code and content type is documented, schema-valid requests are accepted,
# invalid ones refused, 405 with `Allow` for an undocumented method, auth enforced...), run
# four times: anonymous, then as the demo customer, the demo merchant and the demo admin.
# It drives the real binary with the demo data; openapi.yaml is the contract it checks.
#
#   scripts/fuzz.sh                         SQLite (a temporary file), 10 examples per operation
#   scripts/fuzz.sh --max-examples 50       a bigger budget
#   scripts/fuzz.sh --database-url postgres://postgres@127.0.0.1:5432
#                                           PostgreSQL: a fresh database on that server,
#                                           dropped at the end
#   scripts/fuzz.sh --roles "merchant admin" -- --include-path-regex /shops/
#                                           some roles; what follows `--` goes to `st run`
#
# VITRINE_BIN names the binary (default target/debug/vitrine, which `cargo test -p
# vitrine-api` builds). schemathesis is installed into target/fuzz-venv the first time
# (pinned below). The exit status is 1 when any role's run found a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
max_examples=10
database_url=""
roles="anonymous customer merchant admin"
st_extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --max-examples) max_examples="$2"; shift 2 ;;
        --database-url) database_url="$2"; shift 2 ;;
        --roles) roles="$2"; shift 2 ;;
        --) shift; st_extra=("$@"); break ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "fuzz: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

say() { printf '\033[1mfuzz:\033[0m %s\n' "$*"; }
started=$SECONDS

# 1. schemathesis, in its own virtualenv.
venv=target/fuzz-venv
if ! "$venv/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    say "installing schemathesis $SCHEMATHESIS_VERSION into $venv (PyPI, under a minute)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

bin="${VITRINE_BIN:-${CARGO_TARGET_DIR:-target}/debug/vitrine}"
if [ ! -x "$bin" ]; then
    echo "fuzz: no binary at $bin: run \`cargo build -p vitrine-api\` (or set VITRINE_BIN)" >&2
    exit 1
fi

# 2. A fresh database: a SQLite file in a temporary folder, or a new PostgreSQL database.
work=$(mktemp -d)
server_pid=""
pg_server=""
pg_db=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ -n "$pg_db" ]; then
        psql "$pg_server/postgres" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

case "$database_url" in
    postgres://*|postgresql://*)
        command -v psql >/dev/null || { echo "fuzz: psql is needed for PostgreSQL (scripts/setup.sh --test installs it)" >&2; exit 1; }
        # The server part of the URL; a database named in it is ignored.
        pg_server=$(printf '%s' "$database_url" | sed -E 's#^(postgres(ql)?://[^/]+).*#\1#')
        pg_db="vitrine_fuzz_$$_$RANDOM"
        psql "$pg_server/postgres" -qc "CREATE DATABASE $pg_db" >/dev/null
        db_url="$pg_server/$pg_db"
        ;;
    "") db_url="sqlite://$work/vitrine.sqlite" ;;
    *) echo "fuzz: --database-url takes a postgres:// server URL (SQLite is the default)" >&2; exit 2 ;;
esac

# 3. The real binary with the demo data, on a free port. Its webhooks may reach nothing but
#    this machine: the endpoints the fuzzer registers are never posted to anywhere else.
mkdir -p "$work/static"
RUST_LOG="${RUST_LOG:-warn,vitrine::startup=info}" NO_COLOR=1 "$bin" serve --demo --bind 127.0.0.1:0 \
    --database-url "$db_url" --static-dir "$work/static" --webhooks-loopback-only >"$work/server.log" 2>&1 &
server_pid=$!
base=""
for _ in $(seq 1 600); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "fuzz: the server stopped:" >&2; cat "$work/server.log" >&2; exit 1
    fi
    port=$(sed -E 's/\x1b\[[0-9;]*m//g' "$work/server.log" | sed -nE 's#.*listening on http://127\.0\.0\.1:([0-9]+).*#\1#p' | head -1)
    if [ -n "$port" ] && curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
        base="http://127.0.0.1:$port"
        break
    fi
    sleep 0.1
done
[ -n "$base" ] || { echo "fuzz: the server did not answer /healthz in 60 s" >&2; cat "$work/server.log" >&2; exit 1; }
say "server at $base ($(case "$db_url" in sqlite*) echo SQLite ;; *) echo "PostgreSQL database $pg_db" ;; esac))"

# 4. The demo accounts' sessions, opened before any fuzzing: a run of the login route fills
# the per-address throttle, so later roles take a new access token from their refresh token
# (an access token lives 15 minutes; a role's run must be shorter).
json_field() { "$venv/bin/python" -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
declare -A refresh
for role in customer merchant admin; do
    case "$role" in
        customer) email=client@vitrine.demo ;;
        merchant) email=marchand@vitrine.demo ;;
        admin) email=admin@vitrine.demo ;;
    esac
    refresh[$role]=$(curl -fsS "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"vitrine-demo-2026\"}" | json_field refresh_token)
done

# 5. One run per role, every check on. What is left out, and why:
# - GET /shops/{slug}/orders/events is the live feed (server-sent events): for a merchant it
#   is a stream that never ends, so a request cannot complete; its 401/404 answers are
#   covered by tests/api/shop_orders.rs.
# One worker: with two, hypothesis parses Python sources in both threads at once, and
# CPython 3.11's `ast.parse` is not safe for that (gh-106905: "AST constructor recursion
# depth mismatch" now and then, a run error that is no finding of the API's).
# Nothing else: logging out takes a refresh token in the body, which the fuzzer cannot guess,
# so the roles' sessions survive it; the admin's run comes last, as it may suspend the other
# demo accounts (its own account it may not suspend).
config="scripts/fuzz.toml"
failed=()
for role in $roles; do
    auth=()
    if [ "$role" != anonymous ]; then
        session=$(curl -fsS "$base/api/v1/auth/refresh" -H 'Content-Type: application/json' \
            -d "{\"refresh_token\":\"${refresh[$role]}\"}")
        refresh[$role]=$(printf '%s' "$session" | json_field refresh_token)
        auth=(-H "Authorization: Bearer $(printf '%s' "$session" | json_field access_token)")
    fi
    say "$role: st run, --max-examples $max_examples ($((SECONDS - started)) s so far)"
    if ! "$venv/bin/st" --config-file "$config" run openapi.yaml --url "$base" \
        --checks all --exclude-checks ensure_resource_availability \
        --max-examples "$max_examples" --workers 1 \
        --exclude-path '/api/v1/shops/{slug}/orders/events' \
        --generation-database none --no-color \
        "${auth[@]}" "${st_extra[@]}"; then
        failed+=("$role")
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "fuzz: the server died during the $role run:" >&2; tail -50 "$work/server.log" >&2; exit 1
    fi
done

# A 500 is logged with its cause: show them, whatever the checks said.
if grep -q 'request failed' "$work/server.log"; then
    say "the server logged errors:"; grep 'request failed' "$work/server.log" | head -20
    failed+=("server-errors")
fi
say "done in $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: failures in: ${failed[*]}" >&2
    exit 1
fi

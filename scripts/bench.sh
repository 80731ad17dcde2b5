#!/usr/bin/env bash
# `just bench`: the catalogue endpoints under load, on the demo and on a generated catalogue
# of 100,000 products and 2,000 shops, on SQLite and (if reachable) PostgreSQL.
#
# The release binary serves; wrk (Debian) drives it on loopback with 32 connections for
# BENCH_SECONDS (default 5) per endpoint, after a one-second warm-up. Each table starts with
# /api/v1/ping, a fixed JSON answer of the same binary: the ceiling. Compare the ratio
# column, not the absolute figures: these machines are shared and noisy.
#
# Then a 10,000-line CSV import into a demo shop, timed, with checkouts running meanwhile
# that must all succeed (bench/import-under-checkouts.py), on SQLite and PostgreSQL.
# BENCH_ONLY=import runs only that part.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-5}
connections=${BENCH_CONNECTIONS:-32}
pg_admin=${VITRINE_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}

command -v wrk >/dev/null || { as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }; as_root apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q -p vitrine-api
bin=target/release/vitrine
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start() { # database-url
    port=$(free_port)
    RUST_LOG=warn "$bin" serve --bind "127.0.0.1:$port" --database-url "$1" --static-dir "$work" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.1; done
    cat "$work/server.log"; exit 1
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# Prints: requests/s p50(ms) p99(ms)
measure() { # path-or-script
    local args=(-t2 "-c$connections" --latency) target
    if [[ $1 == *.lua ]]; then args+=(-s "$1"); target="http://127.0.0.1:$port/"; else target="http://127.0.0.1:$port$1"; fi
    wrk "${args[@]}" -d1s "$target" >/dev/null
    wrk "${args[@]}" "-d${seconds}s" "$target" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
        $1 == "Requests/sec:" { rps = $2 }
        / [0-9]+ requests in / { n = $1 } /Non-2xx/ { bad = $NF }
        END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad ? bad : 0) }'
}

endpoints=(
    "/api/v1/ping"
    "/api/v1/products"
    "/api/v1/products?category=epicerie&sort=price_asc"
    "/api/v1/products?min_price_cents=500&max_price_cents=2000&in_stock=true&sort=newest"
    "/api/v1/products?sort=price_desc&page=40"
    "/api/v1/products?q=confiture"
    "/api/v1/products?q=creme%20chocolat&sort=price_asc"
    "/api/v1/products/500"
    "/api/v1/shops?kind=food"
    "/api/v1/categories?per_page=100"
    "bench/random-pages.lua"
    "bench/random-search.lua"
)

run_dataset() { # title database-url
    start "$2"
    printf '\n## %s\n\n| endpoint | req/s | p50 ms | p99 ms | ratio to ping | non-2xx |\n|---|---:|---:|---:|---:|---:|\n' "$1"
    local ceiling=""
    for endpoint in "${endpoints[@]}"; do
        read -r rps p50 p99 bad < <(measure "$endpoint")
        ceiling=${ceiling:-$rps}
        ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')
        printf '| `%s` | %s | %s | %s | %s | %s |\n' "$endpoint" "$rps" "$p50" "$p99" "$ratio" "$bad"
    done
    stop
}

# A CSV import of 10,000 lines while shoppers check out of the same shop.
import_under_checkouts() { # title database-url
    "$bin" seed-demo --database-url "$2" 2>/dev/null
    start "$2"
    printf '| %s ' "$1"
    python3 bench/import-under-checkouts.py "http://127.0.0.1:$port" 10000 || { stop; echo "the import or a checkout failed"; exit 1; }
    stop
}

import_section() {
    printf '\n## CSV import under checkouts\n\n| database | lines | status | created | seconds | checkouts 201 | checkouts failed |\n|---|---:|---:|---:|---:|---:|---:|\n'
    import_under_checkouts "SQLite" "sqlite://$work/import.sqlite"
    if psql "$pg_admin" -qc "SELECT 1" >/dev/null 2>&1; then
        local db="vitrine_import_$$"
        psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
        import_under_checkouts "PostgreSQL" "${pg_admin%/*}/$db"
        psql "$pg_admin" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
    fi
}

if [ "${BENCH_ONLY:-}" = import ]; then
    import_section
    exit 0
fi

echo "# Vitrine benchmark: $(date -u +%FT%TZ), $(nproc) cores, wrk $connections connections, ${seconds}s per endpoint"
"$bin" seed-demo --database-url "sqlite://$work/demo.sqlite" 2>/dev/null
run_dataset "demo (48 shops, 903 products), SQLite" "sqlite://$work/demo.sqlite"
"$bin" seed-bench --database-url "sqlite://$work/big.sqlite" 2>/dev/null
run_dataset "100,000 products, 2,000 shops, SQLite" "sqlite://$work/big.sqlite"

if psql "$pg_admin" -qc "SELECT 1" >/dev/null 2>&1; then
    db="vitrine_bench_$$"
    psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
    pg_url="${pg_admin%/*}/$db"
    "$bin" seed-bench --database-url "$pg_url" 2>/dev/null
    psql "$pg_url" -qc "VACUUM ANALYZE" >/dev/null
    run_dataset "100,000 products, 2,000 shops, PostgreSQL" "$pg_url"
    psql "$pg_admin" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
else
    echo; echo "PostgreSQL at $pg_admin is unreachable: its table is skipped."
fi

import_section

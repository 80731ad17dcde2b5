#!/usr/bin/env bash
# `just bench`: the catalogue endpoints under load, on the demo and on a generated catalogue
# of 100,000 products and 2,000 shops, on SQLite and (if reachable) PostgreSQL.
#
# The release binary serves; wrk (Debian) drives it on loopback with 32 connections for
# BENCH_SECONDS (default 5) per endpoint, after a one-second warm-up. Each table starts with
# /api/v1/ping, a fixed JSON answer of the same binary: the ceiling. Compare the ratio
# column, not the absolute figures: these machines are shared and noisy. Two rows are public
# pages as a browser first gets them: drawn on the server with the app's views (issue 16).
#
# Then deep pages on the 100,000 products: random pages from 1 to the last one the API
# serves (shared::MAX_PAGE; beyond it the API answers 400) against page 1, both missing the
# response cache (bench/deep-pages.lua), p99 side by side; issue 10 wants the deep ones
# within 3x of page 1. BENCH_ONLY=deep-pages runs only that part.
#
# Then a 10,000-line CSV import into a demo shop, timed, with checkouts running meanwhile
# that must all succeed (bench/import-under-checkouts.py), on SQLite and PostgreSQL.
# BENCH_ONLY=import runs only that part. BENCH_ONLY=catalogue runs only the catalogue's
# tables (demo and 100,000 products).
#
# Then the visit counter (issue 13): on the demo (SQLite), the catalogue's throughput and
# p99 with counting on and with it off (`VITRINE_NO_VISIT_COUNT`), in the same run, while
# beacons (POST /api/v1/visits, bench/visits.lua) arrive in the background at the seed's
# load (8,000 page views and 250 visitors a day, its busiest hour taken as 15 % of the day:
# 0.33 beacons/s) and at 100 times it (33/s from 25,000 visitors; each server first sees
# every one of them, as late in a busy day). Then the beacon endpoint itself as fast as it
# answers, and a mix of a beacon and two catalogue requests (bench/visits-mix.lua), on and
# off. The target: the catalogue within 5 % with counting on. BENCH_ONLY=visits runs only
# that part.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-5}
connections=${BENCH_CONNECTIONS:-32}
pg_admin=${VITRINE_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}

command -v wrk >/dev/null || { as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }; as_root apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q -p vitrine-api
# The public pages' shells (drawn on the server, issue 16) are web/dist's.
scripts/build-web.sh --quiet
bin=${CARGO_TARGET_DIR:-target}/release/vitrine
work=$(mktemp -d)
server=""
other_servers=()
pg_bench_db=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    for other in "${other_servers[@]}"; do kill "$other" 2>/dev/null; done
    wait 2>/dev/null
    [ -n "$pg_bench_db" ] && psql "$pg_admin" -qc "DROP DATABASE $pg_bench_db WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Extra environment of the server (`VAR=value` words), empty but for the import.
server_env=()

start() { # database-url
    port=$(free_port)
    env RUST_LOG=warn "${server_env[@]}" "$bin" serve --bind "127.0.0.1:$port" --database-url "$1" --static-dir web/dist >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.1; done
    cat "$work/server.log"; exit 1
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# Prints: requests/s p50(ms) p99(ms) non-2xx
measure() { # path-or-script [script arguments]
    local args=(-t2 "-c$connections" --latency) target script_args=()
    if [[ $1 == *.lua ]]; then
        args+=(-s "$1"); target="http://127.0.0.1:$port/"; script_args=(-- "${@:2}")
    else
        target="http://127.0.0.1:$port$1"
    fi
    wrk "${args[@]}" -d1s "$target" "${script_args[@]}" >/dev/null
    wrk "${args[@]}" "-d${seconds}s" "$target" "${script_args[@]}" | awk '
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
    # Public pages, drawn on the server with their answers (issue 16).
    "/catalogue?categorie=epicerie"
    "/produits/500"
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

# The last page the API serves, from the code.
max_page=$(sed -n 's/^pub const MAX_PAGE: u32 = \([0-9_]*\);$/\1/p' shared/src/lib.rs | tr -d _)
[ -n "$max_page" ] || { echo "MAX_PAGE not found in shared/src/lib.rs" >&2; exit 1; }
deep_rows=""

# Page 1, then random pages from 1 to MAX_PAGE, both missing the cache; one table row.
deep_pages() { # title database-url
    start "$2"
    local rps1 p991 bad1 rps p99 bad ratio
    read -r rps1 _ p991 bad1 < <(measure bench/deep-pages.lua 1)
    read -r rps _ p99 bad < <(measure bench/deep-pages.lua "$max_page")
    stop
    ratio=$(awk -v a="$p99" -v b="$p991" 'BEGIN { printf "%.2f", a / b }')
    deep_rows+=$(printf '| %s | %s | %s | %s | %s | %s | %s |' "$1" "$rps1" "$p991" "$rps" "$p99" "$ratio" "$((bad1 + bad))")$'\n'
}

deep_section() {
    printf '\n## Deep pages: random pages 1 to %s against page 1, uncached, 100,000 products\n\n' "$max_page"
    printf '| database | page 1 req/s | page 1 p99 ms | pages 1-%s req/s | pages 1-%s p99 ms | p99 ratio (want < 3) | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|\n' "$max_page" "$max_page"
    printf '%s' "$deep_rows"
}

# The 100,000-product catalogue on PostgreSQL in a new database (dropped after, or on exit),
# at $pg_url.
bench_postgres() {
    pg_bench_db="vitrine_bench_$$"
    psql "$pg_admin" -qc "CREATE DATABASE $pg_bench_db" >/dev/null
    pg_url="${pg_admin%/*}/$pg_bench_db"
    "$bin" seed-bench --database-url "$pg_url" 2>/dev/null
    psql "$pg_url" -qc "VACUUM ANALYZE" >/dev/null
}
drop_bench_postgres() {
    psql "$pg_admin" -qc "DROP DATABASE $pg_bench_db WITH (FORCE)" >/dev/null
    pg_bench_db=""
}

# A CSV import of 10,000 lines while shoppers check out of the same shop. The shoppers are
# one script on 127.0.0.1 with one phone number: the hoarding bounds (issue 10) would stop
# them after 10 orders, and are not what this measures.
import_under_checkouts() { # title database-url
    "$bin" seed-demo --database-url "$2" 2>/dev/null
    server_env=(VITRINE_BASKETS_PER_ADDRESS_PER_HOUR=1000000 VITRINE_OPEN_ORDERS_PER_CUSTOMER=1000000
        VITRINE_OPEN_UNITS_PER_CUSTOMER=1000000)
    start "$2"
    server_env=()
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

# Counting on against off: two servers side by side, each on its own copy of the demo, one
# counting and one started with VITRINE_NO_VISIT_COUNT. Each measurement alternates between
# them, BENCH_VISIT_PAIRS times (default 5; which one goes first alternates too), so that a
# noisy neighbour weighs on both alike; the table gives the median of the per-pair ratios and
# their range. During each catalogue measurement, beacons arrive in the background at the
# load's rate, on the server being measured.
visits_section() {
    local pairs=${BENCH_VISIT_PAIRS:-5} rows="" load rate visitors endpoint pair side first row
    "$bin" seed-demo --database-url "sqlite://$work/visits-on.sqlite" 2>/dev/null
    "$bin" seed-demo --database-url "sqlite://$work/visits-off.sqlite" 2>/dev/null
    start "sqlite://$work/visits-on.sqlite"
    local port_on=$port server_on=$server
    server_env=(VITRINE_NO_VISIT_COUNT=true)
    start "sqlite://$work/visits-off.sqlite"
    server_env=()
    local port_off=$port server_off=$server
    other_servers+=("$server_on")
    for load in "seed 0.33 250" "100x 33 25000"; do
        read -r load rate visitors <<<"$load"
        # Every visitor of the day seen once already (and the memory they take), on both.
        for port in "$port_on" "$port_off"; do
            wrk -t2 -c8 -d3s -s bench/visits.lua "http://127.0.0.1:$port/" -- 0 "$visitors" >/dev/null
        done
        for endpoint in "/api/v1/products?category=epicerie&sort=price_asc" bench/random-pages.lua mix; do
            for pair in $(seq "$pairs"); do
                first=on; [ $((pair % 2)) -eq 0 ] && first=off
                for side in "$first" $([ "$first" = on ] && echo off || echo on); do
                    port=$port_on; [ "$side" = off ] && port=$port_off
                    if [ "$endpoint" = mix ]; then
                        row=$(measure bench/visits-mix.lua "$visitors")
                    else
                        wrk -t1 -c1 -d"$((seconds + 2))s" -s bench/visits.lua "http://127.0.0.1:$port/" -- "$rate" "$visitors" >/dev/null &
                        local background=$!
                        row=$(measure "$endpoint")
                        wait "$background"
                    fi
                    rows+="$load $endpoint $pair $side $row"$'\n'
                done
            done
        done
        for side in on off; do
            port=$port_on; [ "$side" = off ] && port=$port_off
            rows+="$load beacons 1 $side $(measure bench/visits.lua 0 "$visitors")"$'\n'
        done
    done
    kill "$server_on" "$server_off"; wait "$server_on" "$server_off" 2>/dev/null || true
    server=""; other_servers=()
    printf '\n## Visit counting on against off (demo, SQLite; %s alternating pairs, beacons in the background)\n\n' "$pairs"
    printf '%s' "$rows" | python3 -c '
import sys, statistics
runs = {}
for line in sys.stdin:
    load, endpoint, pair, side, rps, p50, p99, bad = line.split()
    runs.setdefault((load, endpoint), {}).setdefault(pair, {})[side] = (float(rps), float(p99), int(bad))
print("| load | endpoint | on req/s | off req/s | req/s on/off (median, range) | on p99 ms | off p99 ms | p99 on/off (median, range) | non-2xx |")
print("|---|---|---:|---:|---|---:|---:|---|---:|")
for (load, endpoint), by_pair in runs.items():
    on = [p["on"] for p in by_pair.values()]
    off = [p["off"] for p in by_pair.values()]
    rps = [a[0] / b[0] for a, b in zip(on, off)]
    p99 = [a[1] / b[1] for a, b in zip(on, off)]
    med = statistics.median
    bad = sum(r[2] for r in on + off)
    print(f"| {load} | `{endpoint}` | {med(r[0] for r in on):.0f} | {med(r[0] for r in off):.0f} "
          f"| {med(rps):.3f} ({min(rps):.2f} to {max(rps):.2f}) | {med(r[1] for r in on):.2f} "
          f"| {med(r[1] for r in off):.2f} | {med(p99):.3f} ({min(p99):.2f} to {max(p99):.2f}) | {bad} |")
'
}

if [ "${BENCH_ONLY:-}" = visits ]; then
    echo "# Vitrine visit counting: $(date -u +%FT%TZ), $(nproc) cores, wrk $connections connections, ${seconds}s per run"
    visits_section
    exit 0
fi

if [ "${BENCH_ONLY:-}" = import ]; then
    import_section
    exit 0
fi

if [ "${BENCH_ONLY:-}" = catalogue ]; then
    echo "# Vitrine catalogue: $(date -u +%FT%TZ), $(nproc) cores, wrk $connections connections, ${seconds}s per endpoint"
    "$bin" seed-demo --database-url "sqlite://$work/demo.sqlite" 2>/dev/null
    run_dataset "demo (48 shops, 908 products), SQLite" "sqlite://$work/demo.sqlite"
    "$bin" seed-bench --database-url "sqlite://$work/big.sqlite" 2>/dev/null
    run_dataset "100,000 products (every tenth in 3 sizes), 2,000 shops, SQLite" "sqlite://$work/big.sqlite"
    if psql "$pg_admin" -qc "SELECT 1" >/dev/null 2>&1; then
        bench_postgres
        run_dataset "100,000 products (every tenth in 3 sizes), 2,000 shops, PostgreSQL" "$pg_url"
        drop_bench_postgres
    fi
    exit 0
fi

if [ "${BENCH_ONLY:-}" = deep-pages ]; then
    echo "# Vitrine deep pages: $(date -u +%FT%TZ), $(nproc) cores, wrk $connections connections, ${seconds}s per run"
    "$bin" seed-bench --database-url "sqlite://$work/big.sqlite" 2>/dev/null
    deep_pages "SQLite" "sqlite://$work/big.sqlite"
    if psql "$pg_admin" -qc "SELECT 1" >/dev/null 2>&1; then
        bench_postgres
        deep_pages "PostgreSQL" "$pg_url"
        drop_bench_postgres
    fi
    deep_section
    exit 0
fi

echo "# Vitrine benchmark: $(date -u +%FT%TZ), $(nproc) cores, wrk $connections connections, ${seconds}s per endpoint"
"$bin" seed-demo --database-url "sqlite://$work/demo.sqlite" 2>/dev/null
run_dataset "demo (48 shops, 908 products), SQLite" "sqlite://$work/demo.sqlite"
"$bin" seed-bench --database-url "sqlite://$work/big.sqlite" 2>/dev/null
run_dataset "100,000 products (every tenth in 3 sizes), 2,000 shops, SQLite" "sqlite://$work/big.sqlite"
deep_pages "SQLite" "sqlite://$work/big.sqlite"

if psql "$pg_admin" -qc "SELECT 1" >/dev/null 2>&1; then
    bench_postgres
    run_dataset "100,000 products (every tenth in 3 sizes), 2,000 shops, PostgreSQL" "$pg_url"
    deep_pages "PostgreSQL" "$pg_url"
    drop_bench_postgres
else
    echo; echo "PostgreSQL at $pg_admin is unreachable: its table is skipped."
fi

deep_section
visits_section
import_section

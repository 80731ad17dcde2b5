#!/usr/bin/env bash
# `just bench-directory` (also run by `just bench`): the printed directory (issue 13) of 70
# shops, rendered by the release binary pinned to one core.
#
# The demo has 48 shops: in a throwaway SQLite database, 22 of its active shops are copied
# under new slugs and names (with their products) to make the 70 the issue names. Then:
#   - the A5 booklet and the A4 poster, each rendered BENCH_DIRECTORY_RUNS times (default
#     5): the fastest and the median wall time of the request (the server does nothing
#     else; `taskset -c 0` keeps it on one core);
#   - 100 A5 renders in a row: the server's resident memory (VmRSS) after the first render
#     and after the 100th, and the difference: typesetting libraries often cache without
#     bound, this shows whether memory stays flat.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${BENCH_DIRECTORY_RUNS:-5}
renders=${BENCH_DIRECTORY_RENDERS:-100}

cargo build --release -q -p vitrine-api
bin=target/release/vitrine
work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
db="$work/bench.sqlite"

start() {
    port=$(free_port)
    RUST_LOG=warn taskset -c 0 "$bin" serve --demo --bind "127.0.0.1:$port" --database-url "sqlite://$db" \
        --static-dir "$work" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.1; done
    cat "$work/server.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# The demo, then 22 more shops (copies of active ones, with their products), then serve again.
start
stop
sqlite3 "$db" <<'SQL'
CREATE TEMP TABLE extra AS
    SELECT * FROM shops WHERE status = 'active' ORDER BY id LIMIT 22;
CREATE TEMP TABLE extra_products AS
    SELECT * FROM products WHERE shop_id IN (SELECT id FROM extra);
UPDATE extra_products SET id = id + 1000000, shop_id = shop_id + 100000;
UPDATE extra SET id = id + 100000, slug = slug || '-annexe', name = name || ' (annexe)',
    sort_name = sort_name || ' annexe';
INSERT INTO shops SELECT * FROM extra;
INSERT INTO products SELECT * FROM extra_products;
SQL
shops=$(sqlite3 "$db" "SELECT count(*) FROM shops WHERE status = 'active'")
start

token=$(curl -fs -X POST -H 'Content-Type: application/json' \
    -d '{"email":"admin@vitrine.demo","password":"vitrine-demo-2026"}' \
    "http://127.0.0.1:$port/api/v1/auth/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')

render() { # format; prints the request's wall time in ms, writes the PDF to $work/<format>.pdf
    curl -fs -o "$work/$1.pdf" -w '%{time_total}\n' -H "Authorization: Bearer $token" \
        "http://127.0.0.1:$port/api/v1/admin/directory.pdf?format=$1" | awk '{ printf "%.0f\n", $1 * 1000 }'
}
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }

cold=$(rss)
echo "printed directory: $shops active shops, release binary on one core (taskset -c 0)"
printf '%-10s %6s %9s %9s %9s\n' format pages "min(ms)" "median(ms)" "size(KB)"
for format in a5 a4; do
    times=$(for _ in $(seq "$runs"); do render "$format"; done | sort -n)
    pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$work/$format.pdf")
    min=$(echo "$times" | head -1)
    median=$(echo "$times" | sed -n "$(( (runs + 1) / 2 ))p")
    size=$(( $(stat -c %s "$work/$format.pdf") / 1024 ))
    printf '%-10s %6s %9s %9s %9s\n' "$format" "$pages" "$min" "$median" "$size"
done

before=$(rss)
echo "memory (VmRSS): before any render ${cold} KB, after the first $(( 2 * runs )) renders ${before} KB"
steps=""
for i in $(seq "$renders"); do
    render a5 >/dev/null
    if (( i % (renders / 4 > 0 ? renders / 4 : 1) == 0 )); then steps+=" ${i}: $(rss) KB;"; fi
done
after=$(rss)
echo "        after N more A5 renders:${steps}"
echo "        growth over the ${renders} renders: $(( after - before )) KB"

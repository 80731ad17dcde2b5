#!/usr/bin/env bash
# Builds the SPA into web/dist: the wasm in the size profile, its JS glue from wasm-bindgen,
# the page shell and the stylesheet, each with precompressed .gz and .br siblings that the
# server sends as they are. Prints the size of every piece, raw and compressed.
#
# Needs: the wasm32-unknown-unknown target (rust-toolchain.toml), wasm-bindgen-cli equal to
# the wasm-bindgen crate in Cargo.lock, gzip, and Debian's `brotli`.
# Respects CARGO_TARGET_DIR (default: target/).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
dist="web/dist"

for tool in wasm-bindgen gzip brotli; do
    if ! command -v "$tool" >/dev/null; then
        echo "build-web: '$tool' is missing (wasm-bindgen: cargo install wasm-bindgen-cli;" \
            "brotli: apt-get install -y brotli)" >&2
        exit 1
    fi
done

cargo build -p vitrine-web --target wasm32-unknown-unknown --profile wasm-release

rm -rf "$dist"
mkdir -p "$dist"
wasm-bindgen --target web --no-typescript --remove-name-section \
    --out-dir "$dist" --out-name vitrine \
    "$target_dir/wasm32-unknown-unknown/wasm-release/vitrine-web.wasm"
cp web/index.html web/style.css "$dist/"

for file in "$dist"/*; do
    case "$file" in
        *.gz | *.br) continue ;;
    esac
    gzip -9 -k -f "$file"
    brotli -q 11 -k -f "$file"
done

size() { stat -c %s "$1"; }
printf '%-18s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
for name in vitrine_bg.wasm vitrine.js style.css index.html; do
    raw=$(size "$dist/$name")
    gz=$(size "$dist/$name.gz")
    br=$(size "$dist/$name.br")
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    total_br=$((total_br + br))
    printf '%-18s %10d %10d %10d\n' "$name" "$raw" "$gz" "$br"
done
printf '%-18s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"

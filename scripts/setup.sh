#!/usr/bin/env bash
# Installs what Vitrine needs and is missing, from crates.io, PyPI, npm and Debian only.
# Safe to run again: everything present is skipped.
#   scripts/setup.sh          just, the wasm32 target, wasm-bindgen-cli, brotli
#   scripts/setup.sh --test   the same, plus chromium, psql and the browser-test packages
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
[ "${1:-}" = "--test" ] && with_tests=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
# How long each install took, so a first run shows where its time goes.
step_started=$SECONDS
took() { say "  done in $((SECONDS - step_started)) s"; step_started=$SECONDS; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    say "installing $* (Debian packages)"
    as_root apt-get update -qq || true
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v just >/dev/null; then
    if command -v pip3 >/dev/null && pip3 install --quiet rust-just 2>/dev/null && command -v just >/dev/null; then
        say "installed just (PyPI)"
    else
        say "installing just (crates.io, about 2 minutes)"
        cargo install just --locked
    fi
    took
fi

if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target (a download, under a minute)"
    rustup target add wasm32-unknown-unknown
    took
fi

# The CLI must equal the wasm-bindgen crate the web app is built with: read it from Cargo.lock.
wasm_bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qF "$wasm_bindgen"; then
    say "installing wasm-bindgen-cli $wasm_bindgen (crates.io, 3 to 4 minutes on 2 cores)"
    # Not --locked: its lock file names a crate version the registry here lacks.
    cargo install wasm-bindgen-cli --version "$wasm_bindgen"
    took
fi

packages=()
command -v brotli >/dev/null || packages+=(brotli)
if $with_tests; then
    command -v chromium >/dev/null || packages+=(chromium)
    command -v npm >/dev/null || packages+=(nodejs npm)
    # The browser tests on PostgreSQL make and drop their databases with psql.
    command -v psql >/dev/null || packages+=(postgresql-client)
    # Some browser tests set a row by SQL on their SQLite database.
    command -v sqlite3 >/dev/null || packages+=(sqlite3)
fi
if [ ${#packages[@]} -gt 0 ]; then
    apt_install "${packages[@]}"
    took
fi

if $with_tests; then
    if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules ]; then
        say "installing the browser-test packages (npm)"
        (cd e2e && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
        took
    fi
fi

say "tools ready ($SECONDS s)"

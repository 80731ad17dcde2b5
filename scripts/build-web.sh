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

# One wasm per bundle (web/src/bin/<name>.rs, see shared/src/bundle.rs), each with its JS glue
# and a copy of the page shell that loads it.
bundles="vitrine commande gestion"

# --quiet: no size table. --force: rebuild web/dist even when it looks up to date.
quiet=false force=false
for arg in "$@"; do
    case "$arg" in
        --quiet) quiet=true ;;
        --force) force=true ;;
        *) echo "build-web: unknown option $arg (--quiet, --force)" >&2; exit 2 ;;
    esac
done

cargo build -p vitrine-web --target wasm32-unknown-unknown --profile wasm-release

# Nothing changed since the last build (cargo leaves an unchanged wasm's date alone): skip
# wasm-bindgen and the slow brotli -q 11, so a second `just run` starts in seconds.
stamp="$dist/.built"
up_to_date() {
    [ -e "$stamp" ] || return 1
    local input
    for input in web/index.html web/style.css "${BASH_SOURCE[0]}"; do
        [ "$input" -nt "$stamp" ] && return 1
    done
    for bundle in $bundles; do
        [ "$target_dir/wasm32-unknown-unknown/wasm-release/$bundle.wasm" -nt "$stamp" ] && return 1
    done
    return 0
}
if ! $force && up_to_date; then
    echo "build-web: $dist is up to date"
    exit 0
fi

rm -rf "$dist"
mkdir -p "$dist"
for bundle in $bundles; do
    wasm-bindgen --target web --no-typescript --remove-name-section \
        --out-dir "$dist" --out-name "$bundle" \
        "$target_dir/wasm32-unknown-unknown/wasm-release/$bundle.wasm"
    shell="$bundle.html"
    [ "$bundle" = vitrine ] && shell=index.html
    sed -e "s#/vitrine\.js#/$bundle.js#g" -e "s#/vitrine_bg\.wasm#/${bundle}_bg.wasm#g" \
        web/index.html >"$dist/$shell"
done
# The shell's scripts are files, not inline, so that the Content-Security-Policy can refuse
# inline scripts.
cp web/style.css web/boot.js web/boot-nomodule.js "$dist/"

# Content-hashed names (issue 16): each file the shells load gets the first 10 hex digits of
# its SHA-256 in its name (`vitrine.3f2a9c01d4.js`), so the server can tell browsers to keep
# it for a year without asking again (`immutable`), and a new build, whose changed files get
# new names, is still picked up at once: the shells themselves are never cached.
hashed() {
    local file="$1" hash stem ext
    hash=$(sha256sum "$file" | cut -c1-10)
    stem="${file%.*}"
    ext="${file##*.}"
    mv "$file" "$stem.$hash.$ext"
    echo "$(basename "$stem.$hash.$ext")"
}
renames=()
for name in style.css boot.js boot-nomodule.js; do
    renames+=("$name" "$(hashed "$dist/$name")")
done
for bundle in $bundles; do
    renames+=("$bundle.js" "$(hashed "$dist/$bundle.js")")
    renames+=("${bundle}_bg.wasm" "$(hashed "$dist/${bundle}_bg.wasm")")
done
for bundle in $bundles; do
    shell="$bundle.html"
    [ "$bundle" = vitrine ] && shell=index.html
    for ((i = 0; i < ${#renames[@]}; i += 2)); do
        from="${renames[i]//./\\.}"
        sed -i "s#\"/$from\"#\"/${renames[i + 1]}\"#g" "$dist/$shell"
    done
done

for file in "$dist"/*; do
    case "$file" in
        *.gz | *.br) continue ;;
    esac
    gzip -9 -k -f "$file"
    brotli -q 11 -k -f "$file"
done

touch "$stamp"
$quiet && exit 0

# What a page of each bundle downloads: its wasm, its JS, the stylesheet and its shell.
size() { stat -c %s "$1"; }
for bundle in $bundles; do
    shell="$bundle.html"
    [ "$bundle" = vitrine ] && shell=index.html
    printf '\n%-28s %10s %10s %10s\n' "bundle $bundle" raw gzip brotli
    total_raw=0 total_gz=0 total_br=0
    for pattern in "${bundle}_bg.*.wasm" "$bundle.*.js" "style.*.css" "boot.*.js" "$shell"; do
        name=$(cd "$dist" && ls $pattern | grep -v '\.\(gz\|br\)$' | head -1)
        raw=$(size "$dist/$name")
        gz=$(size "$dist/$name.gz")
        br=$(size "$dist/$name.br")
        total_raw=$((total_raw + raw))
        total_gz=$((total_gz + gz))
        total_br=$((total_br + br))
        printf '%-28s %10d %10d %10d\n' "$name" "$raw" "$gz" "$br"
    done
    printf '%-28s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
done

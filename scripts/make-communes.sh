#!/usr/bin/env bash
# Makes api/data/communes.tsv, the official list of French communes the binary ships with,
# from the npm package @etalab/decoupage-administratif 6.0.0 (MIT, data from INSEE and
# La Poste). Run by hand when the list should be brought up to date, then commit the file;
# the build never runs it. Needs node and npm.
set -euo pipefail

VERSION=6.0.0
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/api/data/communes.tsv"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm pack --silent "@etalab/decoupage-administratif@$VERSION" >/dev/null
tar xzf etalab-decoupage-administratif-$VERSION.tgz

# Current communes only (`commune-actuelle`, not the delegated or associated ones), with at
# least one postcode; one line each: INSEE code, name, postcodes (comma-separated),
# département; sorted by INSEE code.
node -e '
const communes = require("./package/data/communes.json");
const clean = (s) => String(s).replace(/[\t\r\n]/g, " ");
const lines = communes
  .filter((c) => c.type === "commune-actuelle" && (c.codesPostaux || []).length > 0)
  .sort((a, b) => a.code.localeCompare(b.code))
  .map((c) => [c.code, c.nom, c.codesPostaux.join(","), c.departement].map(clean).join("\t"));
process.stdout.write("insee\tname\tpostcodes\tdepartement\n" + lines.join("\n") + "\n");
' >"$out.new"
mv "$out.new" "$out"
echo "wrote $out: $(($(wc -l <"$out") - 1)) communes, $(du -h "$out" | cut -f1)"

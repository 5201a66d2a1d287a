#!/usr/bin/env bash
# Installs what building MemberPulse needs and is missing, from the package registries
# only; anything already there at the right version is skipped.
#   --with-browser   also Debian's Chromium and the end2end npm packages (for tests)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132
with_browser=false
[[ "${1:-}" == "--with-browser" ]] && with_browser=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(cargo leptos --version 2>/dev/null || true)" != *"$CARGO_LEPTOS_VERSION"* ]]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes on 2 cores, once)"
  # no_downloads: use wasm-bindgen, wasm-opt and sass from PATH instead of fetching them.
  cargo install --locked "cargo-leptos@$CARGO_LEPTOS_VERSION" --features no_downloads
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ]]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  # Without --locked: its lock file pins a crate release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if [[ "$(wasm-opt --version 2>/dev/null || true)" != *"version $BINARYEN_VERSION"* ]]; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  npm install -g --no-fund --no-audit "binaryen@$BINARYEN_VERSION"
fi

if ! command -v sass >/dev/null; then
  say "installing sass (npm)"
  npm install -g --no-fund --no-audit sass
fi

# ECharts, which draws the charts charming describes, comes from the npm registry and is
# served by the app itself (public/ is copied into the site), bundled by esbuild with only
# the chart kinds and components the app uses: all of them, and each kind alone
# (vendor/build.mjs).
# npm's own record of what it installed (node_modules/.package-lock.json) is written in
# another shape than the lock file, so each install keeps a copy of the lock it installed.
if ! cmp -s vendor/package-lock.json vendor/node_modules/.installed-lock.json; then
  say "installing the browser libraries (npm: echarts, esbuild)"
  (cd vendor && npm ci --no-fund --no-audit && cp package-lock.json node_modules/.installed-lock.json)
fi
bundle=vendor/dist/echarts.min.js
if [[ ! -f $bundle || vendor/build.mjs -nt $bundle || vendor/echarts-kinds.json -nt $bundle ||
  vendor/node_modules/.installed-lock.json -nt $bundle ]]; then
  say "bundling ECharts"
  (cd vendor && npm run --silent build)
fi
for bundle in vendor/dist/echarts*.min.js; do
  cmp -s "$bundle" "public/${bundle##*/}" || cp "$bundle" public/
done

if $with_browser; then
  if [[ ! -x /usr/bin/chromium ]]; then
    say "installing Debian's chromium"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
  fi
  if ! cmp -s end2end/package-lock.json end2end/node_modules/.installed-lock.json; then
    say "installing the end2end test packages (npm)"
    # Browsers are never downloaded: the tests drive /usr/bin/chromium.
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-fund --no-audit &&
      cp package-lock.json node_modules/.installed-lock.json)
  fi
fi

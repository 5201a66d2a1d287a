#!/usr/bin/env bash
# Builds the release site (target/site) and server (target/release/server) as deployed:
# `cargo leptos build --release --split`, then what cargo-leptos leaves out. Needs what
# scripts/install-toolchain.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
# From an empty site, as the tests build theirs: stale chunks of another split build break
# hydration of lazily loaded pages.
rm -rf target/site
cargo leptos build --release --split
# cargo-leptos minifies the app's JS glue but not wasm-split's chunk loader (16 KB gzip as
# written, about 9 KB minified) or the chart script, which every page loads: esbuild
# from vendor/ does. public/charts.js stays readable in the repository.
for script in target/site/pkg/__wasm_split*.js target/site/charts.js; do
  vendor/node_modules/.bin/esbuild "$script" --minify --target=es2020 --log-level=warning \
    --allow-overwrite --outfile="$script"
done

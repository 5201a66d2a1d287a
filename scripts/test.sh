#!/usr/bin/env bash
# Runs every check MemberPulse has: formatting, clippy on every target, the unit and
# integration tests on SQLite and on PostgreSQL, then the Playwright end2end suite in
# Debian's Chromium against the running server. Installs what is missing first.
#
# PostgreSQL: MEMBERPULSE_TEST_POSTGRES (default postgres://postgres@127.0.0.1:5432/postgres);
# each test gets a fresh database there. Unreachable: skipped with one line, or a failure
# under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$((SECONDS - started))"; }

if [[ "${CI:-}" == "true" ]]; then
  # A clean clone builds once: incremental caches only cost disk there.
  export CARGO_INCREMENTAL=0
fi
df -h . | tail -1 | awk '{print "disk: " $4 " free of " $2}'

step "toolchain"
scripts/install-toolchain.sh --with-browser

step "formatting"
cargo fmt --all --check

step "clippy"
cargo clippy --all-targets --locked -- -D warnings
# The WASM crate, which also lints `app` with its `hydrate` feature.
cargo clippy -p frontend --target wasm32-unknown-unknown --locked -- -D warnings

step "PostgreSQL"
pg_server="${MEMBERPULSE_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}"
if psql "$pg_server" -Atc 'SELECT 1' >/dev/null 2>&1; then
  export MEMBERPULSE_TEST_POSTGRES="$pg_server"
  echo "database tests run on SQLite and on PostgreSQL at ${pg_server%%\?*}"
elif [[ "${CI:-}" == "true" ]]; then
  echo "PostgreSQL is not reachable at $pg_server, and CI=true requires it" >&2
  exit 1
else
  unset MEMBERPULSE_TEST_POSTGRES
  echo "PostgreSQL tests skipped: nothing answers at $pg_server (set MEMBERPULSE_TEST_POSTGRES)"
fi
drop_scratch_databases() {
  [[ -n "${MEMBERPULSE_TEST_POSTGRES:-}" ]] || return 0
  psql "$MEMBERPULSE_TEST_POSTGRES" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'mp_scratch_%'" |
    while read -r name; do psql "$MEMBERPULSE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS \"$name\"" >/dev/null; done
}
trap drop_scratch_databases EXIT

step "unit and integration tests"
cargo test --locked --workspace --exclude frontend

step "site build"
# From an empty site: chunks of an earlier split build (a release one from
# bench-first-load.sh, say) left beside this build's kept the overview from hydrating.
rm -rf target/site
cargo leptos build --split

step "end2end (Playwright, Debian Chromium)"
rm -f target/e2e.db target/e2e.db-shm target/e2e.db-wal
(cd end2end && npx playwright test)

df -h . | tail -1 | awk '{print "disk: " $4 " free of " $2}'
step "all checks passed in $((SECONDS - started))s"

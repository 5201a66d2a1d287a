#!/usr/bin/env bash
# First-load benchmark: builds the release site, then prints the bytes of the overview's
# first load and the time until the first chart is drawn in Debian's Chromium (on the
# full demo, in its own SQLite file). Needs what scripts/install-toolchain.sh
# --with-browser installs. Afterwards `cargo leptos build` restores the debug site the
# end2end tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh
rm -f target/first-load.db target/first-load.db-shm target/first-load.db-wal
(cd end2end && node bench/first-load.mjs)

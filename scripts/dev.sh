#!/usr/bin/env bash
# Sets up what is missing and runs MemberPulse at http://127.0.0.1:3000 on the embedded
# SQLite database (memberpulse.db), loading the demo organization the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-toolchain.sh
export MEMBERPULSE_DEMO_IF_EMPTY="${MEMBERPULSE_DEMO_IF_EMPTY:-true}"
# Debug build: it shares its artifacts with `scripts/test.sh`, so either one warms the other.
exec cargo leptos serve --split "$@"

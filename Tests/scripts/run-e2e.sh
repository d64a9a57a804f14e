#!/usr/bin/env bash
# The end-to-end tests that need real components, run by `make test` after the unit tests:
# a real Prometheus and node_exporter (registry), the dashboard in a real terminal (tmux), and the job store on a
# throwaway PostgreSQL cluster.
# Usage: Tests/scripts/run-e2e.sh SCRATCH_PATH
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scratch=${1:?usage: run-e2e.sh SCRATCH_PATH}
export FUSION_CONSOLE_BIN="$(cd "$scratch/debug" && pwd)/fusion-console"
export SWIFT_TEST_FLAGS="--scratch-path $scratch --skip-build"
"$here/prometheus-e2e.sh"
"$here/tmux-dashboard.sh" "$FUSION_CONSOLE_BIN"
"$here/postgres-e2e.sh"

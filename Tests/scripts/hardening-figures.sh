#!/usr/bin/env bash
# Sums the figures the hardening tests print (`hardening: hostile=N faults=N racing=N lost=N test=…`) in the
# output of a test run: hostile inputs tried, faults injected, racing operations run, records lost.
# Usage: swift test … | tee test.log; Tests/scripts/hardening-figures.sh test.log
set -euo pipefail
grep -h '^hardening: ' "${1:--}" | awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] != "test") sum[kv[1]] += kv[2] } tests++ }
  END {
    printf "hostile inputs tried: %d\nfaults injected: %d\nracing operations run: %d\nrecords lost: %d\n(from %d test reports)\n",
      sum["hostile"], sum["faults"], sum["racing"], sum["lost"], tests
  }'

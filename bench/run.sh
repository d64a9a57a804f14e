#!/usr/bin/env bash
# The performance benchmark behind `make bench` (see docs/PERFORMANCE.md for what each figure means).
# Usage: bench/run.sh PATH-TO-RELEASE-fusion-console
#
# Two scales: the demo factory (79 nodes, a few hundred runs, its live runtime), and a full-scale factory generated
# by `fusion-console seed` (10,000 nodes of 8 GPUs, 1,000,000 runs, 10,000 pending approvals, 1,000,000 audit
# records) served by `fusion-console simulate --nodes 10000`. Everything happens under bench/work/ (deleted first),
# with HOME pointing there. htop and btop are measured in the same pseudo-terminal size for idle CPU and bytes.
# Prints one table and writes bench/results.json. Takes about 12 minutes on a 2-core machine.
set -euo pipefail

[[ $# -eq 1 && -x $1 ]] || { echo "usage: bench/run.sh PATH-TO-RELEASE-fusion-console" >&2; exit 64; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/work
PY=/usr/bin/python3
PTY=$ROOT/bench/pty_bench.py

rm -rf "$WORK"
mkdir -p "$WORK/home" "$WORK/out"
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/config XDG_STATE_HOME=$WORK/home/state LANG=C.UTF-8 LC_ALL=C.UTF-8
unset FUSION_CONSOLE_CONFIG NO_COLOR || true

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- Machine --------------------------------------------------------------------------------------------------------
{
  printf '{"cpu": "%s", "cores": %s, "memory_mib": %s, "kernel": "%s", "load_at_start": "%s", "started": "%s",\n' \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" "$(nproc)" \
    "$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)" "$(uname -r)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf ' "htop": "%s", "btop": "%s", "console": "%s"}\n' "$(htop --version 2>/dev/null | head -1)" \
    "$(btop --version 2>/dev/null | head -1)" "$("$BIN" --version)"
} > "$WORK/out/machine.json"

# --- Stores ---------------------------------------------------------------------------------------------------------
say "seeding the full-scale store (10,000 nodes, 1,000,000 runs, 10,000 approvals, 1,000,000 audit records)"
seed_start=$(date +%s%N)
"$BIN" seed --store "$WORK/full.sqlite" --nodes 10000 --runs 1000000 --approvals 10000 --audit 1000000 \
  > "$WORK/seed.log"
seed_ms=$(( ($(date +%s%N) - seed_start) / 1000000 ))
printf '{"seed_ms": %s, "store_bytes": %s}\n' "$seed_ms" "$(stat -c %s "$WORK/full.sqlite")" > "$WORK/out/seed.json"
"$BIN" init --demo --store "$WORK/demo.sqlite" > "$WORK/demo-init.log"
for scale in demo full; do
  # A copy no one writes (keys through the terminal), and one the headless run may approve on.
  # With its write-ahead log: a store in WAL mode keeps its latest commits there until a checkpoint.
  for suffix in "" -wal; do
    [[ -e $WORK/$scale.sqlite$suffix ]] || continue
    cp "$WORK/$scale.sqlite$suffix" "$WORK/$scale-static.sqlite$suffix"
    cp "$WORK/$scale.sqlite$suffix" "$WORK/$scale-headless.sqlite$suffix"
  done
done

# --- Simulators: the registry and the runtime ------------------------------------------------------------------------
start_simulator() {  # NAME STORE [OPTIONS...]; sets URL to its registry
  local name=$1 store=$2
  shift 2
  "$BIN" simulate --store "$store" --listen 127.0.0.1:0 --quiet "$@" > "$WORK/simulate-$name.log" 2>&1 &
  PIDS+=("$!")
  local tries=0 url=""
  while [[ -z $url && $tries -lt 600 ]]; do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/simulate-$name.log" | head -1 || true)
    sleep 0.1
    tries=$((tries + 1))
  done
  [[ -n $url ]] || { echo "the $name simulator did not start:" >&2; cat "$WORK/simulate-$name.log" >&2; exit 1; }
  URL=$url
}
say "starting the simulators"
start_simulator demo "$WORK/demo.sqlite"
DEMO_URL=$URL
# A registry of 10,000 nodes is sampled every 10 s (a scrape interval); in between it answers 304.
start_simulator full "$WORK/full.sqlite" --nodes 10000 --registry-interval 10
FULL_URL=$URL

console() {  # SCALE STORE-SUFFIX -> the dashboard's command line
  local url=$DEMO_URL
  [[ $1 == full ]] && url=$FULL_URL
  printf '%s\n' "$BIN" dashboard --store "$WORK/$1$2.sqlite" --registry "$url"
}

# --- Headless --------------------------------------------------------------------------------------------------------
for scale in demo full; do
  url=$DEMO_URL
  [[ $scale == full ]] && url=$FULL_URL
  say "$scale: headless (key -> frame in a cell grid, registry, store refresh, approvals)"
  "$BIN" bench-headless --store "$WORK/$scale-headless.sqlite" --registry "$url" --width 160 --height 40 \
    > "$WORK/out/headless-$scale.json"
done

# --- Through a pseudo-terminal ---------------------------------------------------------------------------------------
for scale in demo full; do
  say "$scale: first complete frame (5 starts)"
  mapfile -t command < <(console "$scale" -static)
  "$PY" "$PTY" first-frame --repeat 5 -- "${command[@]}" > "$WORK/out/first-$scale.json"
  say "$scale: key -> frame through the terminal"
  "$PY" "$PTY" keys -- "${command[@]}" > "$WORK/out/keys-$scale.json"
  mapfile -t command < <(console "$scale" "")
  say "$scale: 60 s idle at 160x40"
  "$PY" "$PTY" idle --seconds 60 --warmup 10 -- "${command[@]}" > "$WORK/out/idle-$scale.json"
  for size in 80x24 160x48; do
    say "$scale: one full redraw at $size"
    "$PY" "$PTY" redraw --width "${size%x*}" --height "${size#*x}" --warmup 3 -- "${command[@]}" \
      > "$WORK/out/redraw-$scale-$size.json"
  done
done
for peer in htop btop; do
  say "$peer: 60 s idle at 160x40, and full redraws"
  "$PY" "$PTY" idle --ready any --seconds 60 --warmup 5 -- "$peer" > "$WORK/out/idle-$peer.json"
  for size in 80x24 160x48; do
    "$PY" "$PTY" redraw --ready any --width "${size%x*}" --height "${size#*x}" --warmup 3 -- "$peer" \
      > "$WORK/out/redraw-$peer-$size.json"
  done
done

cleanup
trap - EXIT
"$PY" "$ROOT/bench/report.py" "$WORK/out" "$ROOT/bench/results.json"

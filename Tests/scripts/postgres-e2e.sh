#!/usr/bin/env bash
# The PostgreSQL job store, end to end, on a throwaway cluster this script owns:
#   1. installs PostgreSQL from Debian's packages if absent, starts a cluster on a private Unix socket and a free
#      loopback port (trust authentication, for the test only), waits for it with a deadline;
#   2. runs the whole store test suite against it (transitions, permissions, four-eyes, audit tamper detection,
#      the 8-process race, the command line) plus the PostgreSQL suites (migrations, LISTEN/NOTIFY, database
#      roles with real login roles, two headless dashboards, the racing benchmark);
#   3. stops and starts the server under a running store (the outage suite, alone);
#   4. two real dashboards (tmux, the built binary) on one store through a pg_service.conf service: a decision in
#      one reaches the other's screen within 500 ms; the server restarts mid-session and both recover by
#      themselves, losing nothing that was confirmed;
#   5. prints the measured figures, stops the cluster and removes it (also on failure or Ctrl-C).
# Usage: Tests/scripts/postgres-e2e.sh        (SWIFT_TEST_FLAGS and FUSION_CONSOLE_BIN as run-e2e.sh sets them)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${FUSION_CONSOLE_BIN:-$root/.build/debug/fusion-console}
read -r -a swift_flags <<<"${SWIFT_TEST_FLAGS:---skip-build}"

log() { printf 'postgres-e2e: %s\n' "$*" >&2; }
failures=0
fail() { log "FAIL: $*"; failures=$((failures + 1)); }

# --- PostgreSQL itself ------------------------------------------------------------------------------------------
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "PostgreSQL is not installed; installing it from Debian's packages"
  "$root/scripts/install-system-packages.sh" postgresql
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

work=$(mktemp -d /tmp/fusion-pg.XXXXXX)
data="$work/data"
socket="$work"
tmux_socket="fusion-pg-$$"
as_postgres=()
if [[ $(id -u) -eq 0 ]]; then
  as_postgres=(runuser -u postgres --)   # PostgreSQL refuses to run as root
  chown postgres "$work"
fi

port=""
for _ in $(seq 1 100); do
  candidate=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[[ -n $port ]] || { log "no free loopback port"; exit 1; }

server_options="-k $socket -p $port -c listen_addresses=127.0.0.1 -c max_connections=200"
pg_stop="${as_postgres[*]} $pg_bin/pg_ctl -D $data -m fast -w -t 60 stop"
pg_start="${as_postgres[*]} $pg_bin/pg_ctl -D $data -l $work/server.log -w -t 60 -o '$server_options' start"

cleanup() {
  tmux -L "$tmux_socket" kill-server 2>/dev/null || true
  if [[ -f $data/postmaster.pid ]]; then
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log "cluster in $work (socket $socket, port $port, PostgreSQL $(basename "$(dirname "$pg_bin")"))"
"${as_postgres[@]}" "$pg_bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C --no-instructions >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; exit 1; }
sh -c "$pg_start" >/dev/null
deadline=$((SECONDS + 30))
until "$pg_bin/pg_isready" -q -h "$socket" -p "$port" -U postgres; do
  ((SECONDS < deadline)) || { log "the server did not become ready in 30 s"; cat "$work/server.log"; exit 1; }
  sleep 0.1
done
psql() { "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres "$@"; }
psql -d postgres -c "CREATE DATABASE fusion_test"

export FUSION_TEST_PG="host=$socket port=$port user=postgres dbname=fusion_test"
export FUSION_TEST_STORE=postgres
output="$work/swift-test.log"

# --- The store test suite, against PostgreSQL -----------------------------------------------------------------------
suites='FactoryStoreTests|PostgresStoreTests|CommandLineTests\.(ExitCodeTests|OutputTests|RaceTests|RacingOperatorsTests|KilledDecisionTests)'
log "the store suite against PostgreSQL: swift test --filter '$suites'"
if ! (cd "$root" && swift test "${swift_flags[@]}" --filter "$suites") >"$output" 2>&1; then
  grep -E '✘|error' "$output" | head -40 || true
  fail "the store suite failed against PostgreSQL"
fi
grep -E '^(✔|✘) Test run|^Test Suite .*(passed|failed)' "$output" | tail -2 || true
grep -E '^figure:' "$output" >"$work/figures.txt" || true
# The hardening issue's races must have run here too, not been skipped.
for race in everyDecisionEndsOnceAndEveryAttemptHasExactlyOneAuditRecord killingDecidersAtRandomMomentsLeavesAConsistentStore; do
  grep -qE "$race\(\) passed" "$output" || fail "$race did not run against PostgreSQL"
done
grep -E '^(racing operators|killed deciders):' "$output" | sed 's/^/  on PostgreSQL: /' || true

log "the server stops and starts under running stores (alone)"
if ! (cd "$root" && FUSION_TEST_PG_STOP="$pg_stop" FUSION_TEST_PG_START="$pg_start" \
  swift test "${swift_flags[@]}" --filter 'ServerOutageTests') >"$work/outage.log" 2>&1; then
  grep -E '✘|error' "$work/outage.log" | head -20 || true
  fail "the outage suite failed"
fi
grep -qE 'storesAndWatchersRecoverWithoutLosingWhatWasConfirmed\(\) passed' "$work/outage.log" \
  || fail "the outage test did not run"

# --- Two real dashboards on one store ---------------------------------------------------------------------------------
# A service file, as operators use them: the dashboards are given only `--store service=fusion-e2e`.
cat >"$work/pg_service.conf" <<SERVICE
[fusion-e2e]
host=$socket
port=$port
user=postgres
dbname=fusion_test
options=-csearch_path=e2e
SERVICE
export PGSERVICEFILE="$work/pg_service.conf"
store="service=fusion-e2e"
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" FUSION_CONSOLE_CONFIG=""
psql -d fusion_test -c "CREATE SCHEMA e2e"
"$bin" init --demo --seed 1 --store "$store" >/dev/null
"$bin" approvals --store "$store" >"$work/pending.txt"
mapfile -t candidates < <(awk 'NR > 1 && / 0 of 1 / {print $1}' "$work/pending.txt")
((${#candidates[@]} >= 5)) || { fail "the demo store has too few single-approval requests"; exit 1; }

screen() { tmux -L "$tmux_socket" capture-pane -p -t "$1"; }
keys() { local pane=$1; shift; tmux -L "$tmux_socket" send-keys -t "$pane" "$@"; }
now_ms() { date +%s%3N; }
wait_for() {   # wait_for PANE TEXT [SECONDS]
  local deadline=$((SECONDS + ${3:-10}))
  while ((SECONDS < deadline)); do
    screen "$1" | grep -qF -- "$2" && return 0
    sleep 0.05
  done
  fail "waited ${3:-10}s for \"$2\" on $1; the screen was:"; screen "$1" | sed 's/^/    | /' >&2
  return 1
}
# The pending count in dashboard B's header ("19 pending (4 high)").
pending_on_b() { screen pg:1 | grep -oE '[0-9]+ pending' | head -1 | grep -oE '^[0-9]+'; }
# Moves dashboard A's selection to the row of approval ID (j/k from where it is, checking after each redraw).
select_on_a() {
  local text selected target
  for _ in $(seq 1 80); do
    text=$(screen pg:0)
    selected=$(grep -nE '^ *▶ A-[0-9]+ ' <<<"$text" | head -1 | cut -d: -f1)
    target=$(grep -nE "^ *(▶ )?$1 " <<<"$text" | head -1 | cut -d: -f1)
    if [[ -z $target ]]; then sleep 0.1; continue; fi
    if [[ $selected == "$target" ]]; then
      sleep 0.15
      grep -qE "▶ $1 " <<<"$(screen pg:0)" && return 0
      continue
    fi
    if [[ -n $selected && $selected -gt $target ]]; then keys pg:0 k; else keys pg:0 j; fi
    sleep 0.1
  done
  log "could not select approval $1 in dashboard A's list"
  return 1
}
# Approves ID on dashboard A through the dialog; prints the milliseconds from the confirming key until dashboard
# B (refresh interval one hour: only a push can bring it) shows one pending approval less.
decide() {
  local id=$1 before sent deadline
  select_on_a "$id" || return 1
  before=$(pending_on_b)
  keys pg:0 a
  wait_for pg:0 "Approve $id?" 5 || return 1
  keys pg:0 Right
  sent=$(now_ms)
  keys pg:0 Enter
  deadline=$((sent + 5000))
  while (($(now_ms) < deadline)); do
    if [[ $(pending_on_b) == "$((before - 1))" ]]; then
      echo $(($(now_ms) - sent))
      return 0
    fi
    sleep 0.005
  done
  log "the approval of $id never reached dashboard B; its screen was:"; screen pg:1 | sed 's/^/    | /' >&2
  return 1
}

tmux -L "$tmux_socket" new-session -d -s pg -x 130 -y 32 \
  "env TERM=xterm-256color LANG=C.UTF-8 $bin --store $store --as sup-energie --refresh 3600"
tmux -L "$tmux_socket" new-window -t pg:1 \
  "env TERM=xterm-256color LANG=C.UTF-8 $bin --store $store --as sup-national --refresh 3600"
wait_for pg:0 'Overview' 20; wait_for pg:1 'Overview' 20
keys pg:0 4; wait_for pg:0 '[4 Approvals]'
keys pg:1 4; wait_for pg:1 '[4 Approvals]'

latencies=()
for id in "${candidates[@]:0:3}"; do
  if ms=$(decide "$id"); then
    latencies+=("$ms")
    log "decision $id on dashboard A → on dashboard B's screen in $ms ms"
  else
    fail "the decision on $id did not reach dashboard B"
  fi
  wait_for pg:0 "Approved $id" 5 || true
done
if ((${#latencies[@]} == 3)); then
  median=$(printf '%s\n' "${latencies[@]}" | sort -n | sed -n 2p)
  echo "figure: PostgreSQL decision in dashboard A → on dashboard B's screen (tmux, real binary): ${latencies[*]} ms (median $median ms)" \
    >>"$work/figures.txt"
  ((median <= 500)) || fail "median notification-to-screen latency $median ms is over 500 ms"
fi

log "the server restarts in the middle of the session"
sh -c "$pg_stop" >/dev/null
wait_for pg:1 'store ✗' 15 || true
wait_for pg:0 'store ✗' 15 || true
down=${candidates[3]}
if select_on_a "$down"; then
  keys pg:0 a; wait_for pg:0 "Approve $down?" 5 || true
  keys pg:0 Right Enter
  # The dialog closes when the gate answers: after its retries (a few seconds), with the server still down. Only
  # then is the server started, so that the attempt has certainly failed rather than waited for the restart.
  deadline=$((SECONDS + 30))
  while screen pg:0 | grep -qF "Approve $down?"; do
    ((SECONDS < deadline)) || { fail "the decision tried while the server was down never got an answer"; break; }
    sleep 0.1
  done
  wait_for pg:0 'cannot be reached' 5 || true
fi
sh -c "$pg_start" >/dev/null
wait_for pg:1 'store ✓' 30 || true
wait_for pg:0 'store ✓' 30 || true
"$bin" approvals --state all --json --store "$store" >"$work/approvals.json"
grep -q "\"$down\"" "$work/approvals.json" || fail "$down vanished"
"$bin" audit --limit 200 --store "$store" >"$work/audit-outage.txt"
if grep -E "sup-energie.* approve +$down " "$work/audit-outage.txt" >/dev/null; then
  fail "the decision tried while the server was down was recorded"
fi
after=${candidates[4]}
if ms=$(decide "$after"); then
  log "after the restart, without restarting the consoles: decision $after reached dashboard B in $ms ms"
  echo "figure: after a server restart, decision → other dashboard's screen: $ms ms" >>"$work/figures.txt"
else
  fail "after the restart, the decision on $after did not reach dashboard B"
fi
"$bin" audit --limit 200 --store "$store" >"$work/audit.txt"
for id in "${candidates[@]:0:3}"; do
  grep -E "sup-energie.* approve +$id +ok" "$work/audit.txt" >/dev/null || fail "the confirmed decision on $id was lost"
done
"$bin" audit verify --store "$store" >"$work/verify.txt" 2>&1 || true
grep -q intact "$work/verify.txt" || fail "the audit chain does not verify after the restart: $(cat "$work/verify.txt")"
keys pg:0 q; keys pg:1 q

log "init --db-roles from the command line, on a postgresql:// URL"
psql -d fusion_test -c "CREATE SCHEMA urlroles"
url="postgresql://postgres@localhost:$port/fusion_test?host=$socket&options=-csearch_path%3Durlroles"
if "$bin" init --store "$url" --db-roles >"$work/init-roles.txt" 2>&1; then
  roles=" $(psql -d fusion_test -At -c "SELECT string_agg(rolname, ' ') FROM pg_roles WHERE rolname LIKE 'fusion%'") "
  for role in fusion_viewer fusion_operator fusion_supervisor fusion_admin; do
    [[ $roles == *" $role "* ]] || fail "init --db-roles did not create $role (roles:$roles)"
  done
  tables=$(psql -d fusion_test -At -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'urlroles'")
  ((tables > 0)) || fail "init on the URL created no tables in its schema"
  # The roles are cluster-wide (an earlier suite may have made them): what this init must add is their grants here.
  grants=$(psql -d fusion_test -At -c "SELECT has_table_privilege('fusion_viewer', 'urlroles.runs', 'SELECT'),
    has_any_column_privilege('fusion_viewer', 'urlroles.runs', 'UPDATE'), has_any_column_privilege('fusion_operator', 'urlroles.runs', 'UPDATE')")
  [[ $grants == "t|f|t" ]] || fail "init --db-roles on the URL did not grant as documented in its schema (viewer select, update; operator update: $grants)"
  "$bin" operators --store "$url" >"$work/operators-url.txt" 2>&1 || fail "the URL form does not open the store it created: $(cat "$work/operators-url.txt")"
  grep -qE '^root +admin' "$work/operators-url.txt" || fail "init on the URL did not make root its admin: $(cat "$work/operators-url.txt")"
else
  fail "init --db-roles on $url failed: $(cat "$work/init-roles.txt")"
fi

log "figures:"
sed 's/^figure: /  /' "$work/figures.txt" >&2
if ((failures > 0)); then
  log "$failures check(s) failed"
  exit 1
fi
log "all checks passed"

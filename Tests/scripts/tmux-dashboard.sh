#!/usr/bin/env bash
# The dashboard in a real terminal: tmux on a private socket, keys sent as an operator types them, the screen
# read back with capture-pane, the store checked through the command line. Waits on screen content with a
# deadline; never sleeps and hopes.
# Usage: Tests/scripts/tmux-dashboard.sh PATH/TO/fusion-console
set -euo pipefail
bin=$(cd "$(dirname "${1:?usage: tmux-dashboard.sh FUSION_CONSOLE_BIN}")" && pwd)/$(basename "$1")
work=$(mktemp -d /tmp/fusion-tmux.XXXXXX)
socket="fusion-test-$$"
store="$work/demo.sqlite"
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" FUSION_CONSOLE_CONFIG=""
failures=0

cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

log() { printf 'tmux-dashboard: %s\n' "$*"; }
fail() { log "FAIL: $*"; failures=$((failures + 1)); }
screen() { tmux -L "$socket" capture-pane -p -t "$1"; }
keys() { local pane=$1; shift; tmux -L "$socket" send-keys -t "$pane" "$@"; }

# wait_for PANE TEXT [SECONDS]: until the pane shows TEXT (a fixed string), or fail with the screen.
wait_for() {
  local pane=$1 text=$2 limit=${3:-10} deadline=$((SECONDS + ${3:-10}))
  while ((SECONDS < deadline)); do
    screen "$pane" | grep -qF -- "$text" && return 0
    sleep 0.1
  done
  fail "waited ${limit}s for \"$text\" on $pane; the screen was:"; screen "$pane" | sed 's/^/    | /'
  return 1
}

# wait_gone PANE TEXT [SECONDS]
wait_gone() {
  local pane=$1 text=$2 deadline=$((SECONDS + ${3:-10}))
  while ((SECONDS < deadline)); do
    screen "$pane" | grep -qF -- "$text" || return 0
    sleep 0.1
  done
  fail "\"$text\" stayed on $pane"; return 1
}

"$bin" init --demo --seed 1 --store "$store" >/dev/null
pending=$("$bin" approvals --json --store "$store" | grep -o '"id" : "A-[0-9]*"' | head -1 | grep -o 'A-[0-9]*')
log "demo store ready; first pending approval $pending"

# A shell in a 100x30 pane, so that after the dashboard ends we can look at the terminal's modes.
tmux -L "$socket" new-session -d -s main -x 100 -y 30 "env PS1='shell$ ' TERM=xterm-256color LANG=C.UTF-8 bash --norc --noprofile"
wait_for main:0 'shell$'
keys main:0 "$bin --store $store --as sup-energie --refresh 1" Enter
wait_for main:0 'Overview' 15

log "switch screens"
keys main:0 3; wait_for main:0 '[3 Runs]' || true
keys main:0 2; wait_for main:0 '[2 Nodes]' || true
keys main:0 5; wait_for main:0 'JAZARI ROOT' || true
keys main:0 6; wait_for main:0 'chain ✓ verified' || true
keys main:0 4; wait_for main:0 '[4 Approvals]' || true; wait_for main:0 "$pending" || true

log "filter as you type"
keys main:0 /; keys main:0 -l 'zzzz-nothing'; wait_for main:0 'No approvals match' || true
keys main:0 Escape; wait_for main:0 "$pending" || true

log "a second dashboard, another account, on the same store"
tmux -L "$socket" new-window -d -t main:1 "env TERM=screen LANG=C.UTF-8 $bin --store $store --as sup-national --refresh 2"
wait_for main:1 'Overview' 15
keys main:1 4; keys main:1 /; keys main:1 -l "$pending"; wait_for main:1 "$pending" || true
approved_count() { screen main:1 | grep -F "$pending" | grep -oE '[0-9] of [0-9]' | head -1; }
before=$(approved_count)

log "approve through the dialog"
keys main:0 g; keys main:0 a; wait_for main:0 "Approve $pending?" || true
keys main:0 Right; keys main:0 Enter
confirmed=$(date +%s%N)
wait_for main:0 "Approved $pending" || true
seen=""
until [[ -n $seen ]]; do
  now=$(date +%s%N)
  [[ $(approved_count) != "$before" ]] && seen=$(( (now - confirmed) / 1000000 ))
  [[ -z $seen && $(( (now - confirmed) / 1000000 )) -gt 5000 ]] && break
  sleep 0.05
done
if [[ -z $seen ]]; then
  fail "the other dashboard never showed the decision on $pending (still \"$before\")"
elif ((seen > 2000)); then
  fail "the other dashboard showed the decision after ${seen} ms, more than one refresh interval (2 s; SQLite changes are polled every 0.25 s)"
else
  log "the other dashboard (sup-national, refresh 2 s) showed the decision after ${seen} ms ($before -> $(approved_count))"
fi
keys main:1 q
deadline=$((SECONDS + 10))
until "$bin" audit --limit 20 --store "$store" | grep -E "sup-energie via root +approve +$pending +ok" >/dev/null; do
  ((SECONDS < deadline)) || { fail "the approval of $pending by sup-energie never reached the store"; break; }
  sleep 0.2
done

log "U reverses the decision just taken, with a reason; the audit trail links it"
keys main:0 /; keys main:0 -l "$pending"; keys main:0 Enter; wait_for main:0 "▶ $pending" || true
keys main:0 U; wait_for main:0 "Reverse the decision on $pending?" || true
keys main:0 -l 'wrong basin'; keys main:0 Tab Tab Enter
wait_for main:0 "Reversed" 10 || true
"$bin" audit --limit 10 --store "$store" | grep -E "sup-energie via root +reverse +$pending +ok" >/dev/null \
  || fail "the reversal of $pending is not in the audit trail"
# Esc in the filter line clears it; wait for the whole list before the next key (an Esc followed at once by
# another key would read as Alt+key).
keys main:0 /; wait_for main:0 'Enter keeps the filter' || true
keys main:0 Escape; wait_for main:0 ' rows · sort: due' || true

log "escalate through the command line, % shows the console's own figures, x exports the list in view"
keys main:0 :; keys main:0 -l "escalate $pending sup-national"; keys main:0 Enter
wait_for main:0 "Escalate $pending to sup-national?" || true
keys main:0 -l 'due soon, energy desk busy'; keys main:0 Tab Tab Enter
wait_for main:0 "Escalated $pending to sup-national" 10 || true
"$bin" audit --limit 10 --store "$store" | grep -E "sup-energie via root +escalate +$pending +ok" >/dev/null \
  || fail "the escalation of $pending is not in the audit trail"
keys main:0 %; wait_for main:0 '/min' || true
keys main:0 %; wait_gone main:0 '/min' || true
keys main:0 x; wait_for main:0 '.csv' || true
keys main:0 Enter; wait_for main:0 'Exported ' 10 || true
exported=$(ls -t "$XDG_STATE_HOME"/fusion-console/exports/approvals-*.csv 2>/dev/null | head -1 || true)
if [[ -z $exported || ! -s $exported ]] || ! head -1 "$exported" | grep -q '^id,state,'; then
  fail "x did not write a CSV of the list: ${exported:-no file} $(head -c 200 "${exported:-/dev/null}")"
fi

log "reject without a reason is refused"
keys main:0 j; keys main:0 r; wait_for main:0 'Reject A-' || true
keys main:0 Tab; keys main:0 Enter
wait_for main:0 'reason is required' || true
keys main:0 Escape; wait_for main:0 'Nothing was sent' || true

log "the stop button: P pauses a pool from the dashboard; a red banner on every screen until resumed"
keys main:0 P; wait_for main:0 'pause pool' || true
keys main:0 -l 'dakhla-gpu'; keys main:0 Enter; wait_for main:0 'Pause pool dakhla-gpu?' || true
keys main:0 -l 'cooling fault'; keys main:0 Tab; keys main:0 Tab; keys main:0 Enter
wait_for main:0 'PAUSED pool dakhla-gpu (H-1) by sup-energie: cooling fault' || true
keys main:0 3; wait_for main:0 'PAUSED pool dakhla-gpu' || true
"$bin" pause site rabat --reason 'grid alert' --store "$store" --as sup-eau >/dev/null || fail "pause site rabat"
wait_for main:0 'SITE PAUSE rabat AWAITS A SECOND SUPERVISOR' || true
"$bin" pause confirm H-2 --store "$store" --as sup-rsu >/dev/null || fail "confirm H-2"
wait_for main:0 'PAUSED site rabat (H-2) by sup-eau' || true
"$bin" resume H-1 --reason repaired --store "$store" --as sup-rsu >/dev/null || fail "resume H-1"
"$bin" resume site rabat --reason 'grid stable' --store "$store" --as sup-eau >/dev/null || fail "resume site rabat"
wait_gone main:0 'PAUSED' || true
keys main:0 4; wait_for main:0 '[4 Approvals]' || true

log "resize to 80x24 and back"
tmux -L "$socket" resize-window -t main -x 80 -y 24
wait_for main:0 'Approvals' || true
[[ $(screen main:0 | wc -l) -eq 24 ]] || fail "pane is not 24 rows after resize"
tmux -L "$socket" resize-window -t main -x 60 -y 20
wait_for main:0 'too small' || true
tmux -L "$socket" resize-window -t main -x 100 -y 30
wait_for main:0 'Approvals' || true

log "quit with q restores the terminal"
keys main:0 q; wait_gone main:0 '[4 Approvals]' || true; wait_for main:0 'shell$' || true
keys main:0 'stty -a | tr " " "\n" | grep -xE "echo|icanon" | sort | tr "\n" " "; echo' Enter
wait_for main:0 'echo icanon' || true

log "SIGHUP (a dropped SSH link) restores the terminal"
keys main:0 clear Enter
keys main:0 "$bin --store $store --as sup-energie" Enter
wait_for main:0 'Overview' 15
pkill -HUP -f -- "$bin --store $store --as sup-energie" || fail "no dashboard process to hang up"
wait_for main:0 'shell$' || true
keys main:0 'stty -a | tr " " "\n" | grep -xE "echo|icanon" | sort | tr "\n" " "; echo' Enter
wait_for main:0 'echo icanon' || true

log "comfort: classification line, key map warning, and u takes back a cancel before it is sent"
cfg="$work/comfort.toml"
printf '[console]\ngrace_seconds = 3\nclipboard = "osc52"\n[banner]\ntext = "TMUX TEST · STAGING"\n[keys]\nrefresh = ["R", "ctrl-a"]\n' >"$cfg"
chmod 600 "$cfg"
keys main:0 clear Enter
keys main:0 "$bin --store $store --config $cfg --as ops-nuit" Enter
wait_for main:0 'TMUX TEST · STAGING' 15 || true
keys main:0 3; wait_for main:0 '[3 Runs]' || true
run=$(screen main:0 | grep -o '▶ R-[0-9]*' | grep -o 'R-[0-9]*' || true)
tmux -L "$socket" set -g set-clipboard on
keys main:0 y; wait_for main:0 "Sent $run to the clipboard" || true
tmux -L "$socket" show-buffer 2>/dev/null | grep -qx -- "$run" || fail "y did not put $run on tmux's clipboard (OSC 52)"
keys main:0 c; wait_for main:0 "Cancel $run?" || true
keys main:0 -l 'first, taken back'; keys main:0 Tab Tab Enter
wait_for main:0 "cancel $run in" || true
keys main:0 u; wait_for main:0 "Taken back: cancel $run" || true
keys main:0 c; wait_for main:0 "Cancel $run?" || true
keys main:0 -l 'second, sent'; keys main:0 Tab Tab Enter
wait_for main:0 "Cancelled $run" 10 || true
cancels=$("$bin" audit --limit 10 --store "$store" | grep -E "ops-nuit via root +cancel +$run " || true)
[[ $(grep -c . <<<"$cancels") -eq 1 && $cancels == *'second, sent'* ]] \
  || fail "expected exactly the second cancel of $run in the audit trail, found: $cancels"
keys main:0 @; wait_for main:0 'taken back, not sent' || true
keys main:0 z; wait_gone main:0 'taken back, not sent' || true
keys main:0 q; wait_for main:0 'shell$' || true
wait_for main:0 'Ctrl-A runs refresh' || true

log "French: LANG=fr_MA.UTF-8 gives the French interface"
tmux -L "$socket" new-session -d -s fr -x 100 -y 30 "env TERM=xterm-256color LANG=fr_MA.UTF-8 LC_ALL= $bin --store $store --as sup-national"
wait_for fr:0 '[1 Synthèse]' 15 || true
keys fr:0 4; wait_for fr:0 '[4 Décisions]' || true
keys fr:0 '?'; wait_for fr:0 'quitter' || true
keys fr:0 q; keys fr:0 q
deadline=$((SECONDS + 5))
while tmux -L "$socket" has-session -t fr 2>/dev/null; do
  ((SECONDS < deadline)) || { fail "q did not end the French dashboard"; tmux -L "$socket" kill-session -t fr; break; }
  sleep 0.1
done

log "the terminal matrix: 80x24 and 200x50, TERM xterm-256color, screen and linux, LANG C.UTF-8 and C"
tabs=("" "[1 Overview]" "[2 Nodes]" "[3 Runs]" "[4 Approvals]" "[5 Institutes]" "[6 Audit]")
for size in 80x24 200x50; do
  for term in xterm-256color screen linux; do
    for lang in C.UTF-8 C; do
      width=${size%x*} height=${size#*x} session="matrix-$width-$term-${lang//./}"
      tmux -L "$socket" new-session -d -s "$session" -x "$width" -y "$height" \
        "env TERM=$term LANG=$lang LC_ALL= $bin --store $store --as sup-national --refresh 1"
      pane="$session:0" before=$failures
      wait_for "$pane" "${tabs[1]}" 15 || true
      [[ $(screen "$pane" | wc -l) -eq $height ]] || fail "$session: the pane is not $height rows"
      for number in 2 3 4 5 6 1; do
        keys "$pane" "$number"; wait_for "$pane" "${tabs[$number]}" || true
        if [[ $lang == C ]] && screen "$pane" | LC_ALL=C grep -q '[^ -~]'; then
          fail "$session: non-ASCII text on screen $number in an ASCII locale: $(screen "$pane" | LC_ALL=C grep -m1 '[^ -~]')"
        fi
      done
      if [[ $lang == C ]]; then
        wait_for "$pane" 'store + ' || true
      else
        wait_for "$pane" 'store ✓ ' || true
      fi
      keys "$pane" q
      deadline=$((SECONDS + 5))
      while tmux -L "$socket" has-session -t "$session" 2>/dev/null; do
        ((SECONDS < deadline)) || { fail "$session: q did not end the dashboard"; tmux -L "$socket" kill-session -t "$session"; break; }
        sleep 0.1
      done
      ((failures == before)) && log "  $size TERM=$term LANG=$lang: six screens, quit"
    done
  done
done

if ((failures > 0)); then
  log "$failures check(s) failed"
  exit 1
fi
log "all checks passed"
